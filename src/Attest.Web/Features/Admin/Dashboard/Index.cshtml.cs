using System.Globalization;
using Attest.Core.Data;
using Attest.Core.Spreadsheets;
using Attest.Core.Tracking;
using Attest.Web.Features.Shared;
using Attest.Web.Features.Tracking;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Dashboard;

/// <summary>The centre dashboard (issue 5 tracking): progress, achievement, IQA coverage and overdue actions, with the candidates behind them, and the same rows as CSV or XLSX.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    /// <summary>One page of the centre's enrolments, by name.</summary>
    public IReadOnlyList<EnrolmentTrack> Enrolments { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public CentreSummary Summary { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Only enrolments on this qualification, when set.</summary>
    [FromQuery(Name = "qualification")]
    public string? QualificationCode { get; set; }

    /// <summary>Only this assessor's candidates, when set.</summary>
    [FromQuery(Name = "assessor")]
    public Guid? AssessorId { get; set; }

    public IReadOnlyList<(string Code, string Name)> Qualifications { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Assessors { get; private set; } = [];

    /// <summary>The filters as a query string, for the download links.</summary>
    public string Filters => string.Concat(
        QualificationCode is null ? "" : "&qualification=" + Uri.EscapeDataString(QualificationCode),
        AssessorId is null ? "" : "&assessor=" + AssessorId.Value.ToString());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tracks = await TrackedStandings.TracksAsync(db, catalogue, Filtered(), Today, cancellationToken);
        Summary = CentreSummary.Of(tracks, Today);
        Pager = new Pager(Pager.Parse(PageNumber), LearnerSearch.PageSize, tracks.Count, page => $"/Admin/Dashboard?page={page.ToString(CultureInfo.InvariantCulture)}{Filters}", "Pages of candidates");
        Enrolments = [.. tracks.Skip(Pager.Skip).Take(Pager.PageSize)];
        (Qualifications, Assessors) = await db.Enrolments.ChoicesAsync(db, catalogue, cancellationToken);
    }

    private IQueryable<Core.Portfolios.Enrolment> Filtered() => db.Enrolments.Filtered(QualificationCode, AssessorId);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(cancellationToken);
        return await DownloadAsync(Csv.ToBytes(TrackingTable.Columns.Select(c => c.Header), rows.Select(row => row.Select(TrackingTable.Text))), Csv.ContentType + "; charset=utf-8", "csv", cancellationToken);
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
        [.. (await TrackedStandings.TracksAsync(db, catalogue, Filtered(), Today, cancellationToken))
            .Select(e => (IReadOnlyList<object?>)[.. TrackingTable.Columns.Select(c => c.Value(e))])];

    private async Task<FileContentResult> DownloadAsync(byte[] content, string contentType, string extension, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var centre = await db.Centres.Where(c => c.Id == db.CurrentCentreId).Select(c => c.Number).SingleAsync(cancellationToken);
        return File(content, contentType, $"tracking-{centre}-{Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}");
    }
}
