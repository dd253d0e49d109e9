using System.Globalization;
using Attest.Core.Data;
using Attest.Core.Tracking;
using Attest.Web.Features.Reviews;
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

    /// <summary>The overdue actions of at most this many candidates are listed (those longest overdue), so the page stays readable at any centre size.</summary>
    public const int OverdueListed = 25;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Only enrolments on this qualification, when set.</summary>
    [FromQuery(Name = "qualification")]
    public string? QualificationCode { get; set; }

    /// <summary>Only this assessor's candidates, when set.</summary>
    [FromQuery(Name = "assessor")]
    public Guid? AssessorId { get; set; }

    public IReadOnlyList<(string Code, string Name)> Qualifications { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Assessors { get; private set; } = [];

    /// <summary>How many apprentices (of the qualification and assessor chosen) have a progress review overdue.</summary>
    public int ReviewsOverdue { get; private set; }

    /// <summary>The list of those apprentices, with the same filters.</summary>
    public string ReviewsOverdueLink => "/Admin/Reviews" + (Filters.Length > 0 ? "?" + Filters[1..] : string.Empty);

    /// <summary>The filters as a query string, for the download links.</summary>
    public string Filters => string.Concat(
        QualificationCode is null ? "" : "&qualification=" + Uri.EscapeDataString(QualificationCode),
        AssessorId is null ? "" : "&assessor=" + AssessorId.Value.ToString());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tracks = await TrackedStandings.ReadAsync(db, catalogue, Filtered(), Today, cancellationToken);
        Summary = await tracks.SummaryAsync(OverdueListed, cancellationToken);
        Pager = new Pager(Pager.Parse(PageNumber), LearnerSearch.PageSize, Summary.Candidates, page => $"/Admin/Dashboard?page={page.ToString(CultureInfo.InvariantCulture)}{Filters}", "Pages of candidates");
        Enrolments = await tracks.PageAsync(Pager.Skip, Pager.PageSize, cancellationToken);
        (Qualifications, Assessors) = await db.Enrolments.ChoicesAsync(db, catalogue, cancellationToken);
        ReviewsOverdue = (await ReviewStandings.OverdueAsync(db, Filtered(), Today, cancellationToken)).Values.Count(r => r.Count > 0);
    }

    private IQueryable<Core.Portfolios.Enrolment> Filtered() => db.Enrolments.Filtered(QualificationCode, AssessorId);

    /// <summary>The kept rows are read from the database as the file is written to the response, row by row, never held whole in memory.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var tracks = await TrackedStandings.ReadAsync(db, catalogue, Filtered(), Today, cancellationToken);
        return await Downloads.CsvAsync(Response, await FileNameAsync("csv", cancellationToken), TrackingTable.Columns.Select(c => c.Header),
            tracks.AllAsync().Select(t => TrackingTable.Columns.Select(c => TrackingTable.Text(c.Value(t)))), cancellationToken);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var tracks = await TrackedStandings.ReadAsync(db, catalogue, Filtered(), Today, cancellationToken);
        return await Downloads.XlsxAsync(Response, await FileNameAsync("xlsx", cancellationToken), "Tracking", [.. TrackingTable.Columns.Select(c => c.Header)],
            tracks.All().Select(t => (IReadOnlyList<object?>)[.. TrackingTable.Columns.Select(c => c.Value(t))]));
    }

    private async Task<string> FileNameAsync(string extension, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.Where(c => c.Id == db.CurrentCentreId).Select(c => c.Number).SingleAsync(cancellationToken);
        return $"tracking-{centre}-{Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
    }
}
