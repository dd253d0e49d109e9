using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Attest.Core.Assessment;
using Attest.Core.Portfolios;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure.Storage;

namespace Attest.Web.Features.Portfolio;

/// <summary>
/// The portfolio as a ZIP for EQA or for the candidate: every servable evidence file, written items as
/// text, and an index (HTML and PDF) linking each criterion to its evidence and locators.
/// </summary>
public sealed class PortfolioExport(Portfolio portfolio, IFileStore store) : ZipDownload
{
    public override string FileName => $"portfolio-{portfolio.Candidate.FamilyName}-{portfolio.Qualification.Code}{(portfolio.SampleUnits is { Count: > 0 } ? "-sample" : string.Empty)}.zip";

    protected override async Task WriteEntriesAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        await AddTextAsync(zip, "index.html", PortfolioIndex.Html(portfolio, EntryName), cancellationToken);
        var pdf = zip.CreateEntry("index.pdf", CompressionLevel.Optimal);
        await using (var pdfStream = await pdf.OpenAsync(cancellationToken))
        {
            await PortfolioIndex.PdfAsync(portfolio, EntryName, pdfStream, cancellationToken);
        }

        foreach (var item in portfolio.Items)
        {
            await AddItemAsync(zip, store, item, cancellationToken);
        }
    }

    /// <summary>Adds an evidence item at <see cref="EntryName"/>: its file, stored without recompression because recordings and documents are compressed already, or a written item as text.</summary>
    public static async Task AddItemAsync(ZipArchive zip, IFileStore store, EvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsServable)
        {
            var entry = zip.CreateEntry(EntryName(item)!, CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(item.UploadedAt, TimeSpan.Zero);
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = await store.OpenReadAsync(item.StoredName!, cancellationToken);
            await source.CopyToAsync(target, 1024 * 1024, cancellationToken);
        }
        else if (!item.HasFile)
        {
            await AddTextAsync(zip, EntryName(item)!, WrittenText(item), cancellationToken);
        }
    }

    /// <summary>The item's path in the archive, or null when it is not included (a file not passed by the virus scan).</summary>
    public static string? EntryName(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.HasFile
            ? item.IsServable ? $"evidence/{item.Reference}{Path.GetExtension(item.OriginalFileName)?.ToLowerInvariant()}" : null
            : $"evidence/{item.Reference}.txt";
    }

    private static string WrittenText(EvidenceItem item)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{item.Reference} {item.Title}");
        text.AppendLine(EvidenceRules.Describe(item.Kind));
        foreach (var (label, value) in PortfolioIndex.Details(item))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
        }

        if (item.Body is not null)
        {
            text.AppendLine().AppendLine(item.Body);
        }

        return text.ToString();
    }
}

/// <summary>The export's index: the same sections as the portfolio page, as a standalone HTML file and a PDF.</summary>
public static class PortfolioIndex
{
    public static IEnumerable<(string Label, string Value)> Details(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Description is not null)
        {
            yield return ("Description", item.Description);
        }

        if (item.ActivityFrom is { } from)
        {
            yield return ("Date of activity", from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + (item.ActivityTo is { } to && to != from ? " to " + to.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : string.Empty));
        }

        yield return ("Where it happened", EvidenceRules.Describe(item.Context));
        if (item.CustomerLabel is not null)
        {
            yield return ("Customer", item.CustomerLabel);
        }

        if (item.Occasions != Occasions.None)
        {
            yield return ("Occasions", EvidenceRules.Describe(item.Occasions));
        }

        if (item.HeldAt is not null)
        {
            yield return ("Where it is kept", item.HeldAt);
            yield return ("Who can show it", item.HeldBy ?? string.Empty);
        }

        if (item.Sha256 is not null)
        {
            yield return ("SHA-256", item.Sha256);
        }
    }

    public static string Html(Portfolio portfolio, Func<EvidenceItem, string?> entryName)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(entryName);
        var p = portfolio;
        var html = new StringBuilder();
        void Line(string text) => html.AppendLine(text);
        string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        string Link(EvidenceItem item, string? locator) =>
            (entryName(item) is { } name ? $"<a href=\"{E(name)}\">{E(item.Reference)}</a>" : E(item.Reference)) + (locator is null ? string.Empty : " " + E(locator));

        Line("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line($"<title>Portfolio of {E(p.Candidate.FullName)}</title>");
        Line("<style>body{font-family:Arial,sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#0b0c0c}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border:1px solid #b1b4b6;padding:.3em;text-align:left;vertical-align:top}</style></head><body>");
        Line($"<h1>Portfolio of {E(p.Candidate.FullName)}</h1>");
        if (p.SampleUnits is { Count: > 0 })
        {
            Line($"<p>Sample of units: {E(string.Join(", ", p.Units.Select(u => u.Unit.Code)))}</p>");
        }

        Line("<h2>Introduction</h2><table>");
        foreach (var (label, value) in new[]
        {
            ("Candidate", p.Candidate.FullName),
            ("OCR candidate number", p.Candidate.AwardingBodyCandidateNumber ?? "Not yet registered with OCR"),
            ("Centre", $"{p.Centre.Name} (centre number {p.Centre.Number})"),
            ("Qualification", $"{p.Qualification.Title}, scheme code {p.Qualification.Code}"),
        })
        {
            Line($"<tr><th scope=\"row\">{E(label)}</th><td>{E(value)}</td></tr>");
        }

        Line("</table><h3>Staff assessing and verifying</h3><ul>");
        foreach (var c in p.Staff)
        {
            Line($"<li>{E(c.Role)}: {E(c.Name)}{(c.Email is null ? string.Empty : ", " + E(c.Email))}</li>");
        }

        Line("</ul><h3>Witnesses</h3><ul>");
        foreach (var w in p.Witnesses)
        {
            Line($"<li>{E(w.Name)}, {E(w.JobTitle)} ({E(w.Relationship)}{(w.IsExpert ? ", expert witness" : string.Empty)}): {E(w.Contact)}</li>");
        }

        Line("</ul><h2>Assessment</h2><h3>Summary of achievements</h3><table><tr><th>Unit</th><th>Progress</th></tr>");
        foreach (var u in p.Units)
        {
            Line($"<tr><td>{E(u.Unit.DisplayName)}</td><td>{E(u.Summary)}</td></tr>");
        }

        Line("</table><h3>Evidence log</h3>");
        foreach (var u in p.Units.Where(u => u.Unit.IsAssessable))
        {
            Line($"<table><caption>{E(u.Unit.DisplayName)}</caption><tr><th>Criterion</th><th>Evidence and where</th><th>Decision</th></tr>");
            foreach (var c in u.Unit.Criteria)
            {
                var decision = p.DecisionFor(u.Unit.Code, c.Ref);
                var evidence = string.Join("<br>", p.LogFor(u.Unit.Code, c.Ref).Select(l => Link(l.Item, l.Locator)));
                var decided = decision is null ? string.Empty : $"{(decision.Outcome == DecisionOutcome.Met ? "Met" : "Not yet met")}, {decision.DecidedAt:d MMM yyyy}, {E(decision.AssessorName)}";
                Line($"<tr id=\"{E(u.Unit.Code)}-{E(c.Ref)}\"><td>{E(c.Ref)} {E(c.Text)}</td><td>{evidence}</td><td>{decided}</td></tr>");
            }

            Line("</table>");
        }

        Line("<h2>Evidence</h2><table><caption>Index of evidence</caption><tr><th>Ref</th><th>Evidence</th><th>Details</th></tr>");
        foreach (var i in p.Items)
        {
            var details = string.Join("<br>", Details(i).Select(d => $"{E(d.Label)}: {E(d.Value)}"));
            var excluded = i.HasFile && !i.IsServable ? "<br>Not included: the file has not passed its virus scan." : string.Empty;
            Line($"<tr><td>{Link(i, null)}</td><td>{E(i.Title)}<br>{E(EvidenceRules.Describe(i.Kind))}</td><td>{details}{excluded}</td></tr>");
        }

        Line("</table></body></html>");
        return html.ToString();
    }

    public static Task PdfAsync(Portfolio portfolio, Func<EvidenceItem, string?> entryName, Stream output, CancellationToken cancellationToken) =>
        PortfolioPdf.WriteAsync(portfolio, entryName, output, cancellationToken);
}
