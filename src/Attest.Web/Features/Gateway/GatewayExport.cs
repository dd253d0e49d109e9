using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Tracking;
using Attest.Web.Features.Portfolio;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure.Storage;

namespace Attest.Web.Features.Gateway;

/// <summary>
/// The pack for the end-point assessment organisation (issue 17 item 5), once the declaration is signed by both parties:
/// an index (the apprentice, the standard, the checklist with results, the declaration's signatures, English and maths,
/// the off-the-job ILR line and the KSB coverage, each KSB linked to its evidence), the ILR line as CSV, and the evidence
/// files mapped to KSBs, named as in the portfolio export.
/// </summary>
public sealed class GatewayExport(GatewayStanding standing, Centre centre, IFileStore store) : ZipDownload
{
    public override string FileName => $"gateway-{standing.Candidate.FamilyName}-{standing.Standard?.Reference}.zip";

    protected override async Task WriteEntriesAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        await AddTextAsync(zip, "index.html", Index(standing, centre), cancellationToken);
        await AddBytesAsync(zip, "off-the-job.csv", standing.Log.IlrCsv(), cancellationToken);
        foreach (var item in standing.MappedEvidence)
        {
            await PortfolioExport.AddItemAsync(zip, store, item, cancellationToken);
        }
    }

    /// <summary>The pack's index as a standalone HTML page.</summary>
    public static string Index(GatewayStanding standing, Centre centre)
    {
        ArgumentNullException.ThrowIfNull(standing);
        ArgumentNullException.ThrowIfNull(centre);
        var s = standing.Standard ?? throw new InvalidOperationException("A gateway pack needs the apprenticeship's standard.");
        var html = new StringBuilder();
        void Line(string text) => html.AppendLine(text);
        static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        static string Date(DateTime at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        void Row(string label, string? value) => Line($"<tr><th scope=\"row\">{E(label)}</th><td>{E(value)}</td></tr>");
        var evidence = standing.MappedEvidence.ToDictionary(i => i.Id);
        string Record(Guid id) => evidence.GetValueOrDefault(id) is { } item
            ? PortfolioExport.EntryName(item) is { } name ? $"<a href=\"{E(name)}\">{E(item.Reference)}</a> {E(item.Title)}" : $"{E(item.Reference)} {E(item.Title)} (not included: the file has not passed its virus scan)"
            : $"record {id:N}";

        Line("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line($"<title>Gateway: {E(standing.Candidate.FullName)}</title>");
        Line("<style>body{font-family:Arial,sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#0b0c0c}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border:1px solid #b1b4b6;padding:.3em;text-align:left;vertical-align:top}</style></head><body>");
        Line($"<h1>Gateway to end-point assessment: {E(standing.Candidate.FullName)}</h1>");
        Line("<h2>Apprentice</h2><table>");
        Row("Apprentice", standing.Candidate.FullName);
        Row("ULN", standing.Candidate.Uln);
        Row("Learner reference", standing.Candidate.AwardingBodyCandidateNumber ?? "None recorded");
        Row("Employer", standing.EmployerName);
        Row("Training provider", $"{centre.Name} (centre number {centre.Number})");
        Row("Apprenticeship started", standing.Apprenticeship.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        Line("</table><h2>Standard</h2><table>");
        Row("Standard", s.DisplayName);
        Row("Version", s.Version);
        Row("Level", s.Level.ToString(CultureInfo.InvariantCulture));
        Row("Source", s.Source);
        Line("</table><h2>Gateway checklist</h2><table><tr><th>Item</th><th>Why it is needed</th><th>Result</th></tr>");
        foreach (var item in standing.Readiness!.Items)
        {
            Line($"<tr><td>{E(item.Item.Title)}</td><td>{E(item.Explanation)}</td><td>{(item.Met ? "Met" : "Not met: " + E(item.Shortfall))}</td></tr>");
        }

        Line("</table><h2>Gateway declaration</h2><table><tr><th>Party</th><th>Statement</th><th>Signed by</th><th>Checklist when signed</th></tr>");
        foreach (var signature in standing.Signatures)
        {
            Line($"<tr><td>{E(GatewaySignature.Describe(signature.Party))}</td><td>{E(signature.Statement)}</td><td>{E(signature.SignerName)}, {E(Date(signature.SignedAt))}</td><td>{E(signature.Checklist).Replace("\n", "<br>", StringComparison.Ordinal)}</td></tr>");
        }

        Line("</table><h2>English and maths</h2><table>");
        foreach (var (subject, record) in EnglishAndMathsRecord.Current(standing.EnglishAndMaths).OrderBy(r => r.Key))
        {
            Row(EnglishAndMathsRecord.Describe(subject), $"{record.Describe()} (recorded by {record.RecordedByName}, {Date(record.RecordedAt)})");
        }

        Line("</table><h2>Off-the-job training</h2><table><tr>");
        var ilr = standing.Log.IlrLine();
        Line(string.Concat(OffTheJobIlr.Columns.Select(c => $"<th>{E(c.Header)}</th>")) + "</tr><tr>");
        Line(string.Concat(OffTheJobIlr.Columns.Select(c => $"<td>{E(TrackingTable.Text(c.Value(ilr)))}</td>")) + "</tr></table>");
        var coverage = standing.Coverage!;
        Line($"<h2>Knowledge, skills and behaviours</h2><p>{coverage.Covered} of {coverage.Total} covered.</p><table><tr><th>KSB</th><th>Evidence and records</th></tr>");
        foreach (var line in coverage.Lines)
        {
            var records = line.IsCovered ? string.Join("<br>", line.Records.Select(Record)) : "<strong>Not covered</strong>";
            Line($"<tr><td>{E(line.Ksb.Code)} {E(line.Ksb.Text)}</td><td>{records}</td></tr>");
        }

        Line("</table></body></html>");
        return html.ToString();
    }
}
