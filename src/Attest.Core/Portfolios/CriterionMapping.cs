using Attest.Core.Qualifications;
namespace Attest.Core.Portfolios;

/// <summary>A criterion the candidate says an item shows, with where in the item (as typed). <c>Subject</c> names it in reasons ("C3 1.2").</summary>
public sealed record MappingChoice(Guid EnrolmentId, string UnitCode, string CriterionRef, string Subject, string? Locator);

/// <summary>
/// The candidate's cross-referencing of one item to many criteria at once (seed 004: "one piece of evidence can be used
/// for more than one unit. In these cases, you should clearly cross-reference the evidence to the units and elements it
/// covers, indicating specific assessment criteria"), and changing or removing a mapping until the assessor judges it.
/// </summary>
public static class CriterionMapping
{
    public const int LocatorLength = 200;

    public const int NoteLength = 2000;

    /// <summary>
    /// A mapping for every choice, all with the one note, or one <see cref="DomainRuleException"/> whose reasons each
    /// belong to their choice (field "[i].Locator" or "[i].Chosen", i the choice's position) and start with its subject.
    /// </summary>
    public static IReadOnlyList<EvidenceMapping> Map(EvidenceItem item, IReadOnlyList<MappingChoice> choices, IEnumerable<EvidenceMapping> existing, string? note, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(choices);
        if (!EvidenceRules.WrittenByCandidate(item.Kind))
        {
            // Records and testimonies are mapped by the assessor who made or accepted them.
            throw new DomainRuleException($"{EvidenceRules.Describe(item.Kind)} {item.Reference} is mapped by your assessor, not by you", "Chosen");
        }

        if (choices.Count == 0)
        {
            throw new DomainRuleException("Choose at least one criterion this evidence shows", "Chosen");
        }

        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var reasons = new List<(string Field, string Message)>();
        if (trimmedNote?.Length > NoteLength)
        {
            reasons.Add(("Note", $"How it shows the criteria must be {NoteLength} characters or fewer"));
        }

        var mapped = existing.Select(m => (m.EnrolmentId, m.UnitCode, m.CriterionRef)).ToHashSet();
        var mappings = new List<EvidenceMapping>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (!mapped.Add((choice.EnrolmentId, choice.UnitCode, choice.CriterionRef)))
            {
                reasons.Add(($"[{i}].Chosen", $"{choice.Subject}: {item.Reference} is already mapped to this criterion; change that mapping instead"));
                continue;
            }

            var (locator, error) = Locate(item, choice.Locator);
            if (error is not null)
            {
                reasons.Add(($"[{i}].Locator", $"{choice.Subject}: {error}"));
                continue;
            }

            mappings.Add(new EvidenceMapping
            {
                CentreId = item.CentreId,
                EvidenceItemId = item.Id,
                EnrolmentId = choice.EnrolmentId,
                UnitCode = choice.UnitCode,
                CriterionRef = choice.CriterionRef,
                Locator = locator,
                Note = trimmedNote,
                CreatedAt = now,
            });
        }

        return reasons.Count > 0 ? throw new DomainRuleException(reasons) : mappings;
    }

    /// <summary>
    /// Changes where in the item and the note, or refuses once the assessor has judged the item for the mapping's unit:
    /// the judgement was made on what was mapped then (seed 003: "the evidence must always be assessed against the
    /// assessment criteria for each unit").
    /// </summary>
    public static void Change(EvidenceMapping mapping, EvidenceItem item, string? locatorInput, string? note, bool judged)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        EnsureNotJudged(mapping, item, judged);
        var (locator, error) = Locate(item, locatorInput);
        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var reasons = new List<(string, string)>();
        if (error is not null)
        {
            reasons.Add(("Locator", error));
        }

        if (trimmedNote?.Length > NoteLength)
        {
            reasons.Add(("Note", $"How it shows the criterion must be {NoteLength} characters or fewer"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        mapping.Locator = locator;
        mapping.Note = trimmedNote;
    }

    /// <summary>
    /// The candidate's mappings that carry to the enrolment a transfer starts: those still counting (none withdrawn) whose
    /// unit the new enrolment takes and whose criterion the new qualification's unit words the same under the same reference.
    /// A criterion worded differently is a different standard, so its mapping stays behind for the candidate to make again.
    /// Copies are the candidate's claims, not judgements: the new assessor judges them afresh.
    /// </summary>
    public static IReadOnlyList<EvidenceMapping> CarriedOnTransfer(
        IEnumerable<EvidenceMapping> counting, QualificationSpec from, Enrolment next, QualificationSpec to, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(counting);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(to);
        return [.. counting.Where(m => next.HasUnit(m.UnitCode)
                && from.FindUnit(m.UnitCode)?.FindCriterion(m.CriterionRef) is { } was
                && to.FindUnit(m.UnitCode)?.FindCriterion(m.CriterionRef) is { } becomes && string.Equals(was.Text, becomes.Text, StringComparison.Ordinal))
            .Select(m => new EvidenceMapping
            {
                CentreId = next.CentreId, EvidenceItemId = m.EvidenceItemId, EnrolmentId = next.Id, UnitCode = to.FindUnit(m.UnitCode)!.Code, CriterionRef = m.CriterionRef,
                Locator = m.Locator, Note = m.Note, CreatedAt = now,
            })];
    }

    /// <summary>Refuses to change or remove a mapping the assessor has judged the item on.</summary>
    public static void EnsureNotJudged(EvidenceMapping mapping, EvidenceItem item, bool judged)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(item);
        if (judged)
        {
            throw new DomainRuleException($"Your assessor has judged {item.Reference} for unit {mapping.UnitCode}, so its mapping to {mapping.CriterionRef} can no longer be changed or removed; ask your assessor");
        }
    }

    private static (string? Locator, string? Error) Locate(EvidenceItem item, string? input)
    {
        var (locator, error) = EvidenceLocator.For(item, input);
        return error is null && locator?.Length > LocatorLength
            ? (null, $"Where in the evidence must be {LocatorLength} characters or fewer")
            : (locator, error);
    }
}
