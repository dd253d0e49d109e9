using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Quality;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa.Standardisation;

/// <summary>Standardisation: assessors compared on the same unit, and the record of each standardisation activity.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromQuery(Name = "qualification")]
    public string? QualificationCode { get; set; }

    [FromQuery(Name = "unit")]
    public string? UnitCode { get; set; }

    /// <summary>The first day of the decisions compared; a year before <see cref="To"/> unless chosen.</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The last day of the decisions compared; today unless chosen.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    public IReadOnlyList<Core.Qualifications.QualificationSpec> Qualifications { get; private set; } = [];

    public Core.Qualifications.QualificationSpec? Qualification { get; private set; }

    public IReadOnlyList<AssessorComparisonRow> Comparison { get; private set; } = [];

    public IReadOnlyList<StandardisationRecord> Records { get; private set; } = [];

    public IReadOnlyDictionary<Guid, SignatureStatus> Signatures { get; private set; } = new Dictionary<Guid, SignatureStatus>();

    [BindProperty]
    public RecordInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.HeldOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Input.Units = [.. Input.Units.SelectMany(u => u.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        var record = StandardisationRecord.Record(db.CurrentCentreId!.Value, Input.HeldOn, Qualifications.FirstOrDefault(q => q.Code == Input.QualificationCode), Input.Units,
            Input.Participants, Input.Compared, Input.Outcome, Input.Actions, User.UserId(), User.DisplayName(), now);

        db.StandardisationRecords.Add(record);
        db.Sign(record, Roles.Iqa, User.UserId(), User.DisplayName(), now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Standardisation recorded and signed.";
        return Redirect("/Iqa/Standardisation");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var codes = await db.Enrolments.Select(e => e.QualificationCode).Distinct().ToListAsync(cancellationToken);
        Qualifications = [.. codes.Select(catalogue.Find).OfType<Core.Qualifications.QualificationSpec>().OrderBy(q => q.Code, StringComparer.Ordinal)];
        Qualification = Qualifications.FirstOrDefault(q => q.Code == QualificationCode);
        To ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        From ??= To.Value.AddYears(-1).AddDays(1);
        if (To < From)
        {
            ModelState.AddModelError("to", "The period must end on or after the day it starts");
        }

        // A period, a year unless chosen, bounds what is compared: every decision ever made on a unit grows with the centre and its history.
        if (Qualification is not null && Qualification.FindUnit(UnitCode ?? string.Empty) is { } unit && To >= From)
        {
            UnitCode = unit.Code;
            var (start, end) = (From.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To.Value.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            var enrolments = db.Enrolments.Where(e => e.QualificationCode == Qualification.Code).Select(e => e.Id);
            // Reached from the qualification's enrolments, so each enrolment's decisions on the unit are one index seek;
            // a filter on the decisions with the enrolments as a list made SQLite read every decision of the centre.
            var decisions = db.Enrolments.Where(e => e.QualificationCode == Qualification.Code)
                .Join(db.CriterionDecisions, e => e.Id, d => d.EnrolmentId, (e, d) => d)
                .Where(d => d.UnitCode == unit.Code && d.DecidedAt < end);
            // Each criterion's latest decision by the period's end, if made in the period, and the first mapping that counts
            // for each criterion: two grouped reads (the highest revision, then that decision; the earliest mapping), put
            // together here. The page reads one narrow row of numbers and dates per decided criterion and per mapped one, not
            // every revision and mapping. A correlated "no later revision" and "earliest mapping" per row cost 3.5x (SQLite)
            // and 7.3x (PostgreSQL) the grouped SQL at 10,000 learners; joining the two groups in SQL made PostgreSQL
            // estimate one row and loop (over 30 s).
            var latestRevisions = decisions.GroupBy(d => new { d.EnrolmentId, d.CriterionRef })
                .Select(g => new { g.Key.EnrolmentId, g.Key.CriterionRef, Revision = g.Max(d => d.Revision) });
            var latestDecisions = await (
                from r in latestRevisions
                join d in db.CriterionDecisions on r equals new { d.EnrolmentId, d.CriterionRef, d.Revision }
                where d.UnitCode == unit.Code && d.DecidedAt >= start
                select new { d.EnrolmentId, d.CriterionRef, d.AssessorId, d.Outcome, d.FeedbackWords, Warned = d.FeedbackWarnings != null, d.DecidedAt })
                .ToListAsync(cancellationToken);
            var firstMapped = await db.Enrolments.Where(e => e.QualificationCode == Qualification.Code)
                .Join(db.CountingMappings, e => e.Id, m => m.EnrolmentId, (e, m) => m)
                .Where(m => m.UnitCode == unit.Code)
                .GroupBy(m => new { m.EnrolmentId, m.CriterionRef })
                .Select(g => new { g.Key.EnrolmentId, g.Key.CriterionRef, At = g.Min(m => m.CreatedAt) })
                .ToDictionaryAsync(m => (m.EnrolmentId, m.CriterionRef), m => m.At, cancellationToken);
            var latest = latestDecisions.Select(d => new ComparedDecision(
                d.EnrolmentId, d.AssessorId, d.Outcome, d.FeedbackWords, d.Warned, d.DecidedAt,
                firstMapped.TryGetValue((d.EnrolmentId, d.CriterionRef), out var at) ? at : null)).ToList();
            // One name per assessor, from every decision of the period (a superset of those compared, without picking the latest again).
            var names = await decisions.Where(d => d.DecidedAt >= start).GroupBy(d => d.AssessorId).Select(g => new { g.Key, Name = g.Max(d => d.AssessorName) })
                .ToDictionaryAsync(g => g.Key, g => g.Name!, cancellationToken);
            var disagreements = await db.IqaReviews.Where(r => r.UnitCode == unit.Code && r.Outcome == IqaOutcome.Disagree && r.ReviewedAt >= start && r.ReviewedAt < end && enrolments.Contains(r.EnrolmentId))
                .GroupBy(r => r.AssessorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            Comparison = AssessorComparison.Compare(latest, names, disagreements);
        }

        Records = await db.StandardisationRecords.AsNoTracking().OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.RecordedAt).Take(100).ToListAsync(cancellationToken);
        Signatures = await LedgerVerifier.StatesAsync(db, [.. Records], cancellationToken);
    }
}

public sealed class RecordInput
{
    public DateOnly? HeldOn { get; set; }

    public string? QualificationCode { get; set; }

    public List<string> Units { get; set; } = [];

    public string? Participants { get; set; }

    public string? Compared { get; set; }

    public string? Outcome { get; set; }

    public string? Actions { get; set; }
}
