using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Web.Features.Progress;

namespace Attest.Web.Features.Portfolio;

/// <summary>A unit's evidence record sheet: every criterion with the evidence it was met on, the requirements covered, and the signatures.</summary>
public static class RecordSheetPdf
{
    public static async Task WriteAsync(UnitView view, Core.Centres.Candidate candidate, Centre centre, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(centre);
        var signOff = view.SignOff ?? throw new InvalidOperationException("A record sheet needs a sign-off.");
        var sufficiency = view.Sufficiency;
        var unit = view.Standing.Unit;
        using var document = PdfLayout.NewDocument($"Evidence record sheet: unit {unit.Code}, {candidate.FullName}");
        using (var pdf = new PdfLayout(document))
        {
            pdf.Heading("Evidence record sheet", 18);
            pdf.Text($"Candidate: {candidate.FullName}; OCR candidate number: {candidate.AwardingBodyCandidateNumber ?? "not yet registered"}");
            pdf.Text($"Centre: {centre.Name} (centre number {centre.Number})");
            pdf.Text($"Qualification: {view.Qualification.Title}, scheme code {view.Qualification.Code}");
            pdf.Text($"Unit {unit.Code}: {unit.Title}{(unit.AccreditationNumber is null ? string.Empty : $" ({unit.AccreditationNumber})")}; level {unit.Level?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, {unit.Credits?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} credits");

            pdf.Heading("Assessment criteria", 13);
            foreach (var lo in unit.LearningOutcomes)
            {
                pdf.Heading($"Learning outcome {lo.Ref}: {lo.Title}", 11);
                foreach (var c in lo.Criteria)
                {
                    pdf.Text($"{c.Ref} {c.Text}", bold: true);
                    // Competence units: the evidence the engine counted; graded units: the evidence accepted for the criterion.
                    var counting = sufficiency is not null
                        ? sufficiency.Criteria.FirstOrDefault(x => x.Criterion.Ref == c.Ref)?.Counting.Select(e => (e.Reference, e.Method)) ?? []
                        : view.Items.Where(i => i.CountsFor(c.Ref)).Select(i => (i.Item.Reference, i.Judgement!.Method));
                    var where = counting.Select(e =>
                    {
                        var locator = view.Evidence[c.Ref].FirstOrDefault(m => m.Reference == e.Reference)?.Locator;
                        return $"{e.Reference}{(locator is null ? string.Empty : " " + locator)} ({e.Method.Describe()})";
                    });
                    var decision = view.Decisions[c.Ref].FirstOrDefault();
                    pdf.Text($"Met on: {string.Join("; ", where)}{(decision is null ? string.Empty : $". Decided {decision.DecidedAt:d MMMM yyyy} by {decision.AssessorName}.")}");
                }
            }

            if (sufficiency is { Requirements.Count: > 0 })
            {
                pdf.Heading("Evidence requirements", 13);
                foreach (var r in sufficiency.Requirements)
                {
                    pdf.Text($"{r.Item.Ref} {r.Item.Text}: {string.Join(", ", r.CoveredBy)}");
                }
            }

            if (sufficiency?.Period is { } p)
            {
                pdf.Text($"Over time: {p.DistinctDates} occasions, {p.DistinctCustomers} customers, over {p.SpanDays} days.");
            }

            pdf.Heading("Signatures", 13);
            var assessorEntry = view.SignatureOf(signOff.Id).Entries.FirstOrDefault(e => e.SignerRole == Roles.Assessor);
            pdf.Text($"Assessor: {signOff.AssessorName} signed the unit off as {(signOff.Grade is null ? "competent" : "achieved at " + signOff.Grade)} on {signOff.SignedAt:d MMMM yyyy HH:mm} UTC{(assessorEntry is null ? "." : $" (ledger entry {assessorEntry.Sequence}, {assessorEntry.EntryHash}).")}");
            pdf.Text($"Candidate: {(view.Countersignature is { } c2 ? $"{c2.SignerName} countersigned on {c2.SignedAt:d MMMM yyyy HH:mm} UTC (ledger entry {c2.Sequence}): \"{UnitSignOff.CandidateStatement}\"" : "not yet countersigned.")}");
            if (view.ChangedSinceSignOff.Count > 0)
            {
                pdf.Text($"Warning: changed since sign-off: {string.Join(", ", view.ChangedSinceSignOff)}.", bold: true);
            }
        }

        await PdfLayout.SaveAsync(document, output, cancellationToken);
    }
}
