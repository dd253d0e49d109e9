using Attest.Core.Assessment;
using Attest.Core.Portfolios;

namespace Attest.Web.Features.Portfolio;

/// <summary>
/// The export's PDF index: the same sections as the HTML index, with every evidence reference a link to its
/// file in the archive. PDFsharp is AGPL-3.0 like Attest; fonts are DejaVu Sans, embedded in this assembly.
/// </summary>
public static class PortfolioPdf
{
    public static async Task WriteAsync(Portfolio portfolio, Func<EvidenceItem, string?> entryName, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(entryName);
        ArgumentNullException.ThrowIfNull(output);
        var p = portfolio;
        using var document = PdfLayout.NewDocument($"Portfolio of {p.Candidate.FullName}");
        using (var pdf = new PdfLayout(document))
        {
            pdf.Heading($"Portfolio of {p.Candidate.FullName}", 18);
            pdf.Text($"{p.Qualification.Title}, scheme code {p.Qualification.Code}");
            if (p.SampleUnits is { Count: > 0 })
            {
                pdf.Text($"Sample of units: {string.Join(", ", p.Units.Select(u => u.Unit.Code))}");
            }

            pdf.Heading("Introduction", 14);
            pdf.Text($"Candidate: {p.Candidate.FullName}");
            pdf.Text($"OCR candidate number: {p.Candidate.AwardingBodyCandidateNumber ?? "Not yet registered with OCR"}");
            pdf.Text($"Centre: {p.Centre.Name} (centre number {p.Centre.Number})");
            foreach (var c in p.Staff)
            {
                pdf.Text($"{c.Role}: {c.Name}{(c.Email is null ? string.Empty : ", " + c.Email)}");
            }

            foreach (var w in p.Witnesses)
            {
                pdf.Text($"Witness: {w.Name}, {w.JobTitle} ({w.Relationship}{(w.IsExpert ? ", expert witness" : string.Empty)}): {w.Contact}");
            }

            pdf.Heading("Assessment", 14);
            pdf.Heading("Summary of achievements", 12);
            foreach (var u in p.Units)
            {
                pdf.Text($"{u.Unit.DisplayName}: {u.Summary}");
            }

            pdf.Heading("Evidence log", 12);
            foreach (var u in p.Units.Where(u => u.Unit.IsAssessable))
            {
                pdf.Heading(u.Unit.DisplayName, 11);
                foreach (var c in u.Unit.Criteria)
                {
                    pdf.Text($"{c.Ref} {c.Text}", bold: true);
                    var evidence = p.LogFor(u.Unit.Code, c.Ref).Select(l => ($"{l.Item.Reference}{(l.Locator is null ? string.Empty : " " + l.Locator)}", entryName(l.Item))).ToList();
                    pdf.Links("Evidence: ", evidence.Count == 0 ? [("none mapped", null)] : evidence);
                    if (p.DecisionFor(u.Unit.Code, c.Ref) is { } decision)
                    {
                        pdf.Text($"Decision: {(decision.Outcome == DecisionOutcome.Met ? "Met" : "Not yet met")}, {decision.DecidedAt:d MMM yyyy}, {decision.AssessorName}");
                    }
                }
            }

            pdf.Heading("Evidence", 14);
            pdf.Heading("Index of evidence", 12);
            foreach (var i in p.Items)
            {
                pdf.Links(string.Empty, [($"{i.Reference} {i.Title}", entryName(i))]);
                pdf.Text(EvidenceRules.Describe(i.Kind));
                foreach (var (label, value) in PortfolioIndex.Details(i))
                {
                    pdf.Text($"{label}: {value}");
                }
            }
        }

        await PdfLayout.SaveAsync(document, output, cancellationToken);
    }
}
