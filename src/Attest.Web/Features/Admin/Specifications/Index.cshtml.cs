using System.Text;
using Attest.Core;
using Attest.Core.Data;
using Attest.Core.Qualifications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Specifications;

/// <summary>
/// The qualifications the centre runs and the version of each in force (issue 16), and uploading a specification in the
/// catalogue's YAML format: checked by the one validator the shipped catalogue uses, every problem reported as
/// file:line:column: reason, and nothing saved unless all of it is valid. A valid file becomes the next version of its
/// qualification for this centre only; learners already enrolled stay on the version they were enrolled on. A CASE 1.1
/// framework (JSON) is imported the same way: mapped to units, outcomes and criteria, written as catalogue YAML, checked by
/// the same validator and saved as the next version, with what could not be mapped said.
/// </summary>
[RefuseOversize(BodyLimit, "/Admin/Specifications")]
[RequestSizeLimit(BodyLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = BodyLimit)]
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, SpecificationLibrary library, TimeProvider clock) : PageModel, IRedisplayable
{
    /// <summary>Room for the largest CASE framework and the form around it; a larger post is sent back unread.</summary>
    public const long BodyLimit = CaseFramework.MaxJsonBytes + (1 << 20);

    /// <summary>What <see cref="RefuseOversizeAttribute"/> says was posted to when the CASE form was too large.</summary>
    public const string CaseForm = "Case";

    /// <summary>More problems than this are summed up, not listed: a file with hundreds is better fixed from the first ones.</summary>
    public const int ProblemsListed = 50;

    /// <summary>Items of a CASE framework not mapped are named in the message up to this many; the rest are counted.</summary>
    public const int NotMappedListed = 10;

    public sealed record Row(QualificationSpec Current, int Units, int UnitsWithCriteria, int Enrolled, int OnEarlierVersions);

    [BindProperty]
    public SpecificationUploadInput Input { get; set; } = new();

    /// <summary>The CASE framework form: a file and a note, as the YAML upload.</summary>
    [BindProperty]
    public SpecificationUploadInput Framework { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "tooLarge")]
    public long? TooLarge { get; set; }

    [BindProperty(SupportsGet = true, Name = "form")]
    public string? TooLargeForm { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TooLarge is long bytes and > 0)
        {
            if (TooLargeForm == CaseForm)
            {
                ModelState.AddModelError("Framework.File", CaseFramework.TooLarge(bytes));
            }
            else
            {
                ModelState.AddModelError("Input.File", TooLargeMessage(bytes));
            }
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var file = Input.File;
        string? text = null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Input.File", file is null ? "Choose a specification file (.yaml) to upload" : "The file is empty.");
        }
        else if (file.Length > SpecificationVersion.MaxYamlLength)
        {
            ModelState.AddModelError("Input.File", TooLargeMessage(file.Length));
        }
        else
        {
            text = await ReadTextAsync(file, cancellationToken);
            if (text is null)
            {
                ModelState.AddModelError("Input.File", $"{file.FileName} is not UTF-8 text: save it from the editor as UTF-8 and upload it again.");
            }
        }

        QualificationSpec? spec = null;
        if (text is not null)
        {
            var errors = new List<CatalogueError>();
            spec = library.Check(text, Path.GetFileName(file!.FileName), errors);
            AddProblems("Input.File", [.. errors.Select(e => e.ToString())]);
        }

        if (!ModelState.IsValid || spec is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        return await SaveAsync(spec, text!, Path.GetFileName(file!.FileName), Input.Note, string.Empty, cancellationToken);
    }

    /// <summary>
    /// A CASE 1.1 framework: every reason it cannot be read as one qualification, else mapped, written as catalogue YAML and
    /// checked by the one validator exactly as an uploaded file, and saved as the next version; the message says what was
    /// taken in and what was not.
    /// </summary>
    public async Task<IActionResult> OnPostCaseAsync(CancellationToken cancellationToken)
    {
        var file = Framework.File;
        string? text = null;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Framework.File", file is null ? "Choose a CASE framework file (.json) to import" : "The file is empty.");
        }
        else if (file.Length > CaseFramework.MaxJsonBytes)
        {
            ModelState.AddModelError("Framework.File", CaseFramework.TooLarge(file.Length));
        }
        else
        {
            text = await ReadTextAsync(file, cancellationToken);
            if (text is null)
            {
                ModelState.AddModelError("Framework.File", $"{file.FileName} is not UTF-8 text: CASE JSON is UTF-8.");
            }
        }

        CaseImport? import = null;
        QualificationSpec? spec = null;
        string? yaml = null;
        QualificationSpec? keptFrom = null;
        var groupsKept = false;
        if (text is not null)
        {
            import = CaseFramework.Import(text);
            var errors = new List<CatalogueError>();
            if (import.Spec is { } mapped)
            {
                if (catalogue.Find(mapped.Code) is { } inForce)
                {
                    (mapped, groupsKept) = CaseFramework.KeepFrom(mapped, inForce);
                    keptFrom = inForce;
                }

                yaml = SpecificationWriter.Write(mapped);
                spec = library.Check(yaml, $"{Path.GetFileName(file!.FileName)} as catalogue YAML", errors);
            }

            AddProblems("Framework.File", [.. import.Problems, .. errors.Select(e => e.ToString())]);
        }

        if (!ModelState.IsValid || spec is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var notMapped = import!.NotMapped;
        var report = $" From the CASE framework: {import.Mapped}."
            + (notMapped.Count == 0 ? " Everything in it was mapped."
                : $" Not mapped ({notMapped.Count}): " + string.Join("; ", notMapped.Take(NotMappedListed).Select(n => n.Describe()))
                    + (notMapped.Count > NotMappedListed ? $"; and {notMapped.Count - NotMappedListed} more." : "."))
            + (keptFrom is null ? string.Empty : $" Units in {(keptFrom.Version == 0 ? "the shipped specification" : keptFrom.VersionName)} keep their evidence requirements, policy and grading from it.")
            + (groupsKept ? " Its unit groups, rules of combination and dates are kept too."
                : " CASE has no unit groups or rules of combination: every unit is in one mandatory group; download the version's YAML, correct them and upload it.");
        return await SaveAsync(spec, yaml!, Path.GetFileName(file!.FileName), Framework.Note, report, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(QualificationSpec spec, string yaml, string origin, string? note, string report, CancellationToken cancellationToken)
    {
        var version = await NewVersion.SaveAsync(db, spec, yaml, origin, note, catalogue.Find(spec.Code), User, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (version is null)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"{spec.DisplayName} version {version.Version} is saved, signed by you. New enrolments use it; learners already enrolled stay on their version until you move them.{report}";
        return Redirect($"/Admin/Specifications/{Uri.EscapeDataString(spec.Code)}");
    }

    /// <summary>Every problem on the file's field, the first <see cref="ProblemsListed"/> of them, the rest counted.</summary>
    private void AddProblems(string field, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems.Take(ProblemsListed))
        {
            ModelState.AddModelError(field, problem);
        }

        if (problems.Count > ProblemsListed)
        {
            ModelState.AddModelError(field, $"... and {problems.Count - ProblemsListed} more problems: fix these first and upload again.");
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.WithdrawnOn == null)
            .GroupBy(e => new { e.QualificationCode, e.SpecificationId }).Select(g => new { g.Key.QualificationCode, g.Key.SpecificationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Rows = [.. catalogue.Qualifications.Select(q =>
        {
            var mine = enrolled.Where(e => string.Equals(e.QualificationCode, q.Code, StringComparison.OrdinalIgnoreCase)).ToList();
            return new Row(q, q.Units.Count, q.Units.Count(u => u.IsAssessable), mine.Sum(e => e.Count), mine.Where(e => e.SpecificationId != q.SpecificationId).Sum(e => e.Count));
        })];
    }

    public static string TooLargeMessage(long bytes) =>
        $"The file is {FileSizes.Describe(bytes)}; a specification can be at most {FileSizes.Describe(SpecificationVersion.MaxYamlLength)}.";


    /// <summary>The file as UTF-8 text (a byte-order mark allowed), or null when it is not.</summary>
    private static async Task<string?> ReadTextAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}

/// <summary>What the upload form posts; the rules are <see cref="CatalogueLoader"/>'s and <see cref="SpecificationVersion.Create"/>'s.</summary>
public sealed class SpecificationUploadInput
{
    public IFormFile? File { get; set; }

    public string? Note { get; set; }
}
