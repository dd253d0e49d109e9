using Attest.Core.Data;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Portfolio;

/// <summary>Downloads the portfolio, or a sample of its units, as a ZIP (see <see cref="PortfolioExport"/>).</summary>
public sealed class ExportModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, IFileStore store, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, [FromQuery] List<string> units, CancellationToken cancellationToken)
    {
        try
        {
            var portfolio = await Portfolio.LoadAsync(db, catalogue, User, clock.GetUtcNow().UtcDateTime, enrolmentId, units, cancellationToken);
            return portfolio is null ? NotFound() : new PortfolioExport(portfolio, store);
        }
        catch (Core.DomainRuleException rule)
        {
            return BadRequest(rule.Message);
        }
    }
}
