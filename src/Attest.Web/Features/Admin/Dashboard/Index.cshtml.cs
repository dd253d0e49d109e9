using System.Globalization;
using System.Text;
using Attest.Core.Data;
using Attest.Core.Spreadsheets;
using Attest.Core.Tracking;
using Attest.Web.Features.Tracking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Dashboard;

/// <summary>The centre dashboard (issue 5 tracking): progress, achievement, IQA coverage and overdue actions, with the candidates behind them, and the same rows as CSV or XLSX.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EnrolmentTracking> Enrolments { get; private set; } = [];

    public CentreSummary Summary { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Enrolments = await TrackingQueries.LoadAsync(db, catalogue, db.Enrolments, Today, cancellationToken);
        Summary = CentreSummary.Of([.. Enrolments.Select(e => e.Track)], Today);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(cancellationToken);
        var csv = new StringBuilder(Csv.Line(TrackingTable.Columns.Select(c => c.Header)));
        foreach (var row in rows)
        {
            csv.Append(Csv.Line(row.Select(TrackingTable.Text)));
        }

        return await DownloadAsync([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", "csv", cancellationToken);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(cancellationToken);
        // The Open XML package needs a seekable stream; a centre's tracking is a few hundred kilobytes at most.
        using var workbook = new MemoryStream();
        Xlsx.Write(workbook, "Tracking", [.. TrackingTable.Columns.Select(c => c.Header)], rows);
        return await DownloadAsync(workbook.ToArray(), Xlsx.ContentType, "xlsx", cancellationToken);
    }

    private async Task<IReadOnlyList<IReadOnlyList<object?>>> RowsAsync(CancellationToken cancellationToken) =>
        [.. (await TrackingQueries.LoadAsync(db, catalogue, db.Enrolments, Today, cancellationToken))
            .Select(e => (IReadOnlyList<object?>)[.. TrackingTable.Columns.Select(c => c.Value(e.Track))])];

    private async Task<FileContentResult> DownloadAsync(byte[] content, string contentType, string extension, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var centre = await db.Centres.Where(c => c.Id == db.CurrentCentreId).Select(c => c.Number).SingleAsync(cancellationToken);
        return File(content, contentType, $"tracking-{centre}-{Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}");
    }
}
