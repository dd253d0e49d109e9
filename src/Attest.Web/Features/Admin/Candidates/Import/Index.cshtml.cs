using System.Globalization;
using Attest.Core;
using Attest.Core.Centres.Import;
using Attest.Core.Data;
using Attest.Core.Spreadsheets;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates.Import;

/// <summary>
/// Uploading a file of candidates from the college MIS (CSV or XLSX), and the centre's imports so far. A file that cannot be
/// imported (too large, too many rows, not CSV or XLSX, unreadable) is refused here, saying why, and nothing is kept.
/// </summary>
/// <remarks>
/// The body limit is well above <see cref="ImportLimits.MaxBytes"/>, so that a file somewhat over it is read and refused with
/// a message on this page; a post declaring a body larger still is sent back to the page, with the same message, before
/// anything reads it (<see cref="Infrastructure.RefuseOversizeAttribute"/>).
/// </remarks>
[RefuseOversize(BodyLimit, "/Admin/Candidates/Import")]
[RequestSizeLimit(BodyLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = BodyLimit)]
public sealed class IndexModel(AttestDbContext db, CandidateImporter importer) : PageModel, IRedisplayable
{
    public const long BodyLimit = 4 * ImportLimits.MaxBytes;

    public const int PageSize = 20;

    public sealed record Row(Guid Id, string FileName, DateTime UploadedAt, string? UploadedBy, DateTime? ImportedAt, string? Summary);

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "page")]
    public string? PageNumber { get; set; }

    public IReadOnlyList<Row> Imports { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public static IReadOnlyList<(string Heading, string Holds, bool Required)> Columns { get; } =
    [
        ("Given name", "Forename, First name or GivenNames will do.", true),
        ("Family name", "Or Surname, Last name, FamilyName.", true),
        ("Date of birth", "Or DOB: 27/03/2004 or 2004-03-27 (or a date cell in Excel).", true),
        ("ULN", "10 digits, or 9999999999 until the learner has one.", true),
        ("Email", "Gives the candidate an account: we email them a link to choose a password.", false),
        ("Candidate number", "Or AB candidate no: the awarding body's number, 20 characters at most.", false),
        ("Qualification", "Or Qual code: the qualification number, such as 03456, to enrol the candidate.", false),
        ("Units", "The unit codes, separated by commas: F3, F4, A13, ...", false),
        ("Assessor email", "The assessor the candidate is given to.", false),
        ("Planned end date", "Or Expected end date, LearnPlanEndDate.", false),
    ];

    /// <summary>The size of a post refused by <see cref="RefuseOversizeAttribute"/>, to say so on the page.</summary>
    [BindProperty(SupportsGet = true, Name = "tooLarge")]
    public long? TooLarge { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TooLarge is long bytes and > 0)
        {
            ModelState.AddModelError("Input.File", TooLargeMessage(bytes));
        }

        await LoadAsync(cancellationToken);
    }

    public static string TooLargeMessage(long bytes) =>
        $"The file is {FileSizes.Describe(bytes)}; the largest file Attest can import is {FileSizes.Describe(ImportLimits.MaxBytes)}. Split it into smaller files, each with the heading row, and import them one by one.";

    /// <summary>A CSV with the headings the import recognises at once, to fill in or to copy into an MIS report.</summary>
    public IActionResult OnGetTemplate() => File(Csv.ToBytes(Columns.Select(c => c.Heading), []), Csv.ContentType, "attest-candidates.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var file = Input.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Input.File", file is null ? "Choose a CSV or Excel (.xlsx) file to import" : "The file is empty. Export the candidates from the MIS again.");
        }
        else if (file.Length > ImportLimits.MaxBytes)
        {
            ModelState.AddModelError("Input.File", TooLargeMessage(file.Length));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var content = new byte[file!.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var import = await importer.UploadAsync(file.FileName, content, User.UserId(), cancellationToken);
        return Redirect($"/Admin/Candidates/Import/{import.Id}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var imports = db.CandidateImports.AsNoTracking();
        Pager = new Pager(Pager.Parse(PageNumber), PageSize, await imports.CountAsync(cancellationToken), page => $"/Admin/Candidates/Import?page={page.ToString(CultureInfo.InvariantCulture)}");
        var centreId = db.CurrentCentreId;
        Imports = await imports.OrderByDescending(i => i.UploadedAt).Skip(Pager.Skip).Take(PageSize)
            .Select(i => new Row(i.Id, i.FileName, i.UploadedAt, db.Users.Where(u => u.Id == i.UploadedBy && u.CentreId == centreId).Select(u => u.DisplayName).FirstOrDefault(), i.ImportedAt, i.Summary))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>The one field the upload form posts.</summary>
public sealed class UploadInput
{
    public IFormFile? File { get; set; }
}
