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
/// qualification for this centre only; learners already enrolled stay on the version they were enrolled on.
/// </summary>
[RefuseOversize(BodyLimit, "/Admin/Specifications")]
[RequestSizeLimit(BodyLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = BodyLimit)]
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, SpecificationLibrary library, TimeProvider clock) : PageModel, IRedisplayable
{
    public const long BodyLimit = 4 * SpecificationVersion.MaxYamlLength;

    /// <summary>More problems than this are summed up, not listed: a file with hundreds is better fixed from the first ones.</summary>
    public const int ProblemsListed = 50;

    public sealed record Row(QualificationSpec Current, int Units, int UnitsWithCriteria, int Enrolled, int OnEarlierVersions);

    [BindProperty]
    public SpecificationUploadInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "tooLarge")]
    public long? TooLarge { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TooLarge is long bytes and > 0)
        {
            ModelState.AddModelError("Input.File", TooLargeMessage(bytes));
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
            foreach (var error in errors.Take(ProblemsListed))
            {
                ModelState.AddModelError("Input.File", error.ToString());
            }

            if (errors.Count > ProblemsListed)
            {
                ModelState.AddModelError("Input.File", $"... and {errors.Count - ProblemsListed} more problems: fix these first and upload again.");
            }
        }

        if (!ModelState.IsValid || spec is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var version = await NewVersion.SaveAsync(db, spec, text!, Path.GetFileName(file!.FileName), Input.Note, catalogue.Find(spec.Code), User, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (version is null)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"{spec.DisplayName} version {version.Version} is saved, signed by you. New enrolments use it; learners already enrolled stay on their version until you move them.";
        return Redirect($"/Admin/Specifications/{Uri.EscapeDataString(spec.Code)}");
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
