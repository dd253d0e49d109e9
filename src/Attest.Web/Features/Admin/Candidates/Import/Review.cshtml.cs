using System.Globalization;
using Attest.Core.Centres.Import;
using Attest.Core.Data;
using Attest.Core.Spreadsheets;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates.Import;

/// <summary>
/// One uploaded file: match its columns to Attest's fields, see every problem (row, column, reason) and what each row will
/// do, then confirm. The mapping travels in the query string (and the confirming form), and the file stays in the database
/// until it is imported, so any instance of the app can show any step. Nothing is written before the confirmation, and the
/// confirmation is refused while any problem remains.
/// </summary>
public sealed class ReviewModel(AttestDbContext db, CandidateImporter importer) : PageModel, IRedisplayable
{
    public const int RowsPerPage = 50;

    public const int ProblemsShown = 100;

    public sealed record ImportRecord(string FileName, DateTime UploadedAt, string? UploadedBy, DateTime? ImportedAt, string? ImportedBy, string? Summary);

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>What each column holds, in the file's order (<see cref="ImportField"/> names).</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> Columns { get; set; } = [];

    /// <summary>Back to the matching of columns from the preview.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Change { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public string? PageNumber { get; set; }

    public ImportRecord Import { get; private set; } = null!;

    public ImportTable? Table { get; private set; }

    public ImportMapping Mapping { get; private set; } = new([]);

    /// <summary>The check of the whole file; null while the columns are being matched.</summary>
    public ImportPlan? Plan { get; private set; }

    public Pager RowsPager { get; private set; } = null!;

    public string MappingQuery => string.Join("&", Mapping.Columns.Select(c => "Columns=" + Uri.EscapeDataString(c.ToString())));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadImportAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Every problem as CSV (row, column, problem), for working through a long list in a spreadsheet.</summary>
    public async Task<IActionResult> OnGetProblemsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadImportAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Plan is null)
        {
            return Redirect($"/Admin/Candidates/Import/{Id}");
        }

        var csv = Csv.ToBytes(["Row", "Column", "Problem"],
            Plan.Problems.Select(p => (IEnumerable<string>)[p.Row.ToString(CultureInfo.InvariantCulture), p.Column.Length == 0 ? "Whole row" : p.Column, p.Reason]));
        var stem = Path.GetFileNameWithoutExtension(Import.FileName);
        var safe = new string([.. stem.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return File(csv, Csv.ContentType, $"problems-{(safe.Length == 0 ? "import" : safe[..Math.Min(safe.Length, 60)])}.csv");
    }

    /// <summary>Confirms the import: checked again and written in one transaction, or refused with the reason.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadImportAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Import.ImportedAt is not null)
        {
            return Redirect($"/Admin/Candidates/Import/{Id}");
        }

        if (Plan is null)
        {
            return Page();
        }

        if (!Plan.CanImport)
        {
            ModelState.AddModelError(string.Empty, Refusal(Plan));
            return Page();
        }

        // Once confirmed, the import runs to its end even if the browser or a proxy gives up waiting (thousands of invitations
        // take a while): the administrator reloads the page and finds it imported, rather than rolled back and to do again.
        var (result, plan) = await importer.ImportAsync(Id, Mapping, HttpContext.Actor(), CancellationToken.None);
        switch (result)
        {
            case ImportResult.Imported:
                TempData["Success"] = $"{Import.FileName} is imported: {plan!.Counts.Done()}.";
                return Redirect($"/Admin/Candidates/Import/{Id}");
            case ImportResult.Refused:
                Plan = plan;
                RowsPager = Pager(plan!);
                ModelState.AddModelError(string.Empty, Refusal(plan!));
                return Page();
            default:
                return Redirect($"/Admin/Candidates/Import/{Id}");
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await LoadImportAsync(cancellationToken);

    public static string Refusal(ImportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var count = plan.Problems.Count;
        return $"Nothing was imported: the file has {count} problem{(count == 1 ? "" : "s")} on {plan.Counts.RowsWithProblems} row{(plan.Counts.RowsWithProblems == 1 ? "" : "s")}. Correct {(count == 1 ? "it" : "them")} in the file or the MIS and upload the file again.";
    }

    /// <summary>What the import will do with a row, in short sentences.</summary>
    public static IReadOnlyList<string> Describe(PlannedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var lines = new List<string>();
        if (row.Change == CandidateChange.Register)
        {
            lines.Add("Register as a new candidate");
        }

        if (row.SetCandidateNumber)
        {
            lines.Add($"Add candidate number {row.CandidateNumber}");
        }

        if (row.Invite is not null)
        {
            lines.Add($"Give an account: invite {row.Invite} to choose a password");
        }

        if (row.Enrol is { } enrol)
        {
            lines.Add($"Enrol on {enrol.Qualification.DisplayName} from today, units {string.Join(", ", enrol.Units)}"
                + (enrol.Assessor is { } assessor ? $", with {assessor.Name} as assessor" : "")
                + (enrol.PlannedEnd is DateOnly end ? $", planned to end on {end.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : ""));
        }

        if (row.IsUnchanged)
        {
            lines.Add("Already registered with these details: no change");
        }

        lines.AddRange(row.Notes);
        return lines;
    }

    public string ExamplesOf(int column)
    {
        var examples = Table!.Rows.Select(r => r.IsFormula(column) ? "(a formula)" : r.Cell(column)).Where(v => v.Length > 0).Distinct().Take(3).Select(v => v.Length > 40 ? v[..40] + "…" : v).ToList();
        return examples.Count == 0 ? "This column is empty." : "For example: " + string.Join(", ", examples);
    }

    private async Task<bool> LoadImportAsync(CancellationToken cancellationToken)
    {
        var centreId = db.CurrentCentreId;
        var import = await db.CandidateImports.AsNoTracking().Where(i => i.Id == Id)
            .Select(i => new
            {
                i.FileName, i.Content, i.UploadedAt, i.ImportedAt, i.Summary,
                UploadedBy = db.Users.Where(u => u.Id == i.UploadedBy && u.CentreId == centreId).Select(u => u.DisplayName).FirstOrDefault(),
                ImportedBy = db.Users.Where(u => u.Id == i.ImportedBy && u.CentreId == centreId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (import is null)
        {
            return false;
        }

        Import = new ImportRecord(import.FileName, import.UploadedAt, import.UploadedBy, import.ImportedAt, import.ImportedBy, import.Summary);
        if (import.ImportedAt is not null || import.Content is null)
        {
            return true;
        }

        Table = CandidateFileReader.Read(import.Content, import.FileName);
        var chosen = Columns.Select(ImportColumns.Parse).ToList();
        Mapping = chosen.Count == Table.Header.Count ? new ImportMapping(chosen) : ImportColumns.Guess(Table.Header);
        if (Columns.Count == 0 || Change || chosen.Count != Table.Header.Count)
        {
            return true;
        }

        var problems = ImportColumns.Check(Mapping, Table.Header);
        foreach (var (column, message) in problems)
        {
            ModelState.AddModelError(column < 0 ? "column-0" : $"column-{column.ToString(CultureInfo.InvariantCulture)}", message);
        }

        if (problems.Count > 0)
        {
            return true;
        }

        Plan = await importer.CheckAsync(Table, Mapping, cancellationToken);
        RowsPager = Pager(Plan);
        return true;
    }

    private Pager Pager(ImportPlan plan) =>
        new(Shared.Pager.Parse(PageNumber), RowsPerPage, plan.Rows.Count, page => $"/Admin/Candidates/Import/{Id}?{MappingQuery}&page={page.ToString(CultureInfo.InvariantCulture)}#rows");
}
