using System.Globalization;
using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Data;
using Attest.Web.Features.OffTheJob;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.OffTheJob;

/// <summary>
/// The centre's off-the-job hours (issue 17 item 2): every apprenticeship with its planned, expected, verified hours, the
/// gap and red/amber/green as each log shows them; search, filters by employer and status, and the whole filtered list
/// as the funding audit's CSV or XLSX (PHours, OTJActHours and the gap, the columns of each log's own export).
/// </summary>
public sealed class IndexModel(AttestDbContext db, OffTheJobRules rules, TimeProvider clock) : PageModel
{
    public const string Path = "/Admin/OffTheJob";

    public static readonly IReadOnlyList<(string Value, OffTheJobStatus Status)> Statuses =
        [("red", OffTheJobStatus.Red), ("amber", OffTheJobStatus.Amber), ("green", OffTheJobStatus.Green)];

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "employer")]
    public string? Employer { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Employers { get; private set; } = [];

    public IReadOnlyList<OffTheJobReportRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    /// <summary>Apprentices matching the search and employer, by status (whatever the status filter), and how many are on a break.</summary>
    public IReadOnlyDictionary<OffTheJobStatus, int> ByStatus { get; private set; } = new Dictionary<OffTheJobStatus, int>();

    public int OnBreak { get; private set; }

    public DateOnly Today => UkTime.DateOf(clock.GetUtcNow().UtcDateTime);

    public Guid? EmployerId => Guid.TryParse(Employer, out var id) && Employers.Any(e => e.Id == id) ? id : null;

    public OffTheJobStatus? StatusFilter => Statuses.Where(s => s.Value == Status).Select(s => (OffTheJobStatus?)s.Status).FirstOrDefault();

    /// <summary>Whether the search or the employer narrows the list (the counts by status are of what they leave).</summary>
    public bool IsSearched => !string.IsNullOrWhiteSpace(Q) || EmployerId is not null;

    public bool IsFiltered => IsSearched || StatusFilter is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var report = await ReadAsync(cancellationToken);
        var byStatus = Statuses.ToDictionary(s => s.Status, _ => 0);
        var matching = new List<OffTheJobReportRow>();
        await foreach (var row in report.AllAsync().WithCancellation(cancellationToken))
        {
            byStatus[row.Progress.Status]++;
            OnBreak += row.Progress.OnBreak is null ? 0 : 1;
            if (Kept(row))
            {
                matching.Add(row);
            }
        }

        ByStatus = byStatus;
        Pager = new Pager(Pager.Parse(PageNumber), LearnerSearch.PageSize, matching.Count, Link, "Pages of apprentices");
        Rows = [.. matching.Skip(Pager.Skip).Take(Pager.PageSize)];
    }

    /// <summary>The whole filtered list, written to the response row by row as it is read.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var report = await ReadAsync(cancellationToken);
        return await OffTheJobExport.CsvAsync(Response, await FileNameAsync(cancellationToken), report.AllAsync().Where(Kept).Select(r => r.Line), cancellationToken);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var report = await ReadAsync(cancellationToken);
        return await OffTheJobExport.XlsxAsync(Response, await FileNameAsync(cancellationToken), report.All().Where(Kept).Select(r => r.Line));
    }

    /// <summary>The list at another page (or a download, with <paramref name="handler"/>), keeping the search and filters.</summary>
    public string Link(int page) => Link(page, null);

    public string Link(int? page, string? handler) => Path + QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = handler, ["q"] = Q, ["employer"] = EmployerId?.ToString(), ["status"] = StatusFilter is null ? null : Status,
        ["page"] = page?.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The centre's apprenticeships matching the search and employer; an employer not among the centre's is no filter.</summary>
    private async Task<OffTheJobReport> ReadAsync(CancellationToken cancellationToken)
    {
        Employers = [.. (await db.Employers.AsNoTracking().Where(m => db.Apprenticeships.Any(a => a.EmployerId == m.Id)).OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.Name))];
        var enrolments = db.Enrolments.Matching(db, Q);
        if (EmployerId is Guid employer)
        {
            enrolments = enrolments.Where(e => db.Apprenticeships.Any(a => a.EnrolmentId == e.Id && a.EmployerId == employer));
        }

        return await OffTheJobReport.ReadAsync(db, rules, enrolments, Today, cancellationToken);
    }

    private bool Kept(OffTheJobReportRow row) => StatusFilter is not { } status || row.Progress.Status == status;

    private async Task<string> FileNameAsync(CancellationToken cancellationToken)
    {
        var centre = await db.Centres.Where(c => c.Id == db.CurrentCentreId).Select(c => c.Number).SingleAsync(cancellationToken);
        return $"off-the-job-{centre}-{Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }
}
