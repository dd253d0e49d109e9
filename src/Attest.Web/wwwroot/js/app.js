import { initAll } from './govuk-frontend.min.js';
initAll();

// The evidence page's criteria search: without script every criterion is listed; with it, typing narrows the list
// and opens the units that still have a match.
for (const search of document.querySelectorAll('[data-mapping-search]')) {
  const form = search.closest('form');
  const input = search.querySelector('input');
  const count = search.querySelector('[data-mapping-search-count]');
  search.hidden = false;
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(w => w);
    let shown = 0;
    for (const unit of form.querySelectorAll('[data-mapping-unit]')) {
      let unitShown = 0;
      for (const outcome of unit.querySelectorAll('[data-mapping-outcome]')) {
        let outcomeShown = 0;
        for (const criterion of outcome.querySelectorAll('[data-mapping-criterion]')) {
          const text = (unit.querySelector('summary').textContent + ' ' + criterion.querySelector('label').textContent).toLowerCase();
          const match = words.every(w => text.includes(w)) || criterion.querySelector('input:checked') !== null;
          criterion.hidden = !match;
          outcomeShown += match ? 1 : 0;
        }
        outcome.hidden = outcomeShown === 0;
        unitShown += outcomeShown;
      }
      unit.hidden = unitShown === 0;
      if (words.length > 0 && unitShown > 0) unit.open = true;
      shown += unitShown;
    }
    count.textContent = words.length === 0 ? '' : `${shown} criteri${shown === 1 ? 'on' : 'a'} match`;
  });
}
