using Attest.Core.Data;
using Attest.Core.Qualifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Admin.Specifications;

/// <summary>
/// Adding a unit to a qualification, or correcting one, on a form (issue 16, item 2b): its details, its learning outcomes
/// and criteria and its evidence requirements typed or pasted one per line (<see cref="UnitText"/>), and a preview of how it
/// will read to a learner. Saving writes the whole qualification with this unit as catalogue YAML and checks it with the
/// one validator every specification passes, so the form can save nothing an uploaded file could not; the result is the
/// centre's next version of the qualification.
/// </summary>
public sealed class UnitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, SpecificationLibrary library, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = string.Empty;

    /// <summary>The unit being corrected, or null to add one.</summary>
    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Editing { get; set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public QualificationSpec Qualification { get; private set; } = null!;

    /// <summary>The unit as a learner will read it, after Preview with nothing wrong.</summary>
    public UnitSpec? Preview { get; private set; }

    public IActionResult OnGet()
    {
        if (!TryLoad(out var existing))
        {
            return NotFound();
        }

        Input = existing is null ? new UnitInput { Group = Qualification.Groups.Count > 0 ? Qualification.Groups[0].Id : null } : UnitInput.From(existing, Qualification);
        return Page();
    }

    public IActionResult OnPostPreview()
    {
        if (!TryLoad(out _))
        {
            return NotFound();
        }

        Preview = Checked()?.Unit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!TryLoad(out _))
        {
            return NotFound();
        }

        if (Checked() is not { } result)
        {
            return Page();
        }

        var origin = $"form: unit {result.Unit.Code} {(Editing is null ? "added" : "corrected")}";
        var version = await NewVersion.SaveAsync(db, result.Spec, result.Yaml, origin, Input.Note, Qualification, User, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (version is null)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        TempData["Success"] = $"Unit {result.Unit.DisplayName} is saved in {Qualification.DisplayName} version {version.Version}, signed by you. New enrolments use it; learners already enrolled stay on their version until you move them.";
        return Redirect($"/Admin/Specifications/{Uri.EscapeDataString(Qualification.Code)}");
    }

    private bool TryLoad(out UnitSpec? existing)
    {
        existing = null;
        if (catalogue.Find(Code) is not { } qualification)
        {
            return false;
        }

        Qualification = qualification;
        if (Editing is not null)
        {
            existing = qualification.FindUnit(Editing);
            return existing is not null;
        }

        return true;
    }

    /// <summary>The qualification with this unit, its YAML and the unit, when the form and the validator find nothing wrong; otherwise every reason on its field.</summary>
    private (QualificationSpec Spec, string Yaml, UnitSpec Unit)? Checked()
    {
        var graded = Qualification.Assessment == AssessmentKind.Graded;
        var (outcomes, outcomeErrors) = UnitText.ReadOutcomes(Input.Outcomes, graded);
        var (requirements, requirementErrors) = UnitText.ReadRequirements(Input.Requirements);
        Report(nameof(UnitInput.Outcomes), "Learning outcomes and criteria", outcomeErrors);
        Report(nameof(UnitInput.Requirements), "Evidence requirements", requirementErrors);
        // A unit keeps its code when corrected: learners' records refer to it by code.
        var code = Editing ?? Input.Code?.Trim() ?? string.Empty;
        if (Editing is null && Qualification.FindUnit(code) is { } taken)
        {
            ModelState.AddModelError("Input.Code", $"{Qualification.Code} already has unit {taken.DisplayName}: choose another code, or correct that unit instead.");
        }

        if (Editing is null && Qualification.Groups.All(g => g.Id != Input.Group))
        {
            ModelState.AddModelError("Input.Group", "Choose the group of the rules of combination the unit belongs to.");
        }

        if (outcomes.Count == 0 && outcomeErrors.Count == 0)
        {
            ModelState.AddModelError("Input.Outcomes", "Enter the unit's learning outcomes and criteria: without them it cannot be assessed.");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var existing = Editing is null ? null : Qualification.FindUnit(Editing);
        // The parts of a problem case log a criterion shows are not on the form: a corrected criterion keeps its own.
        outcomes = [.. outcomes.Select(lo => lo with { Criteria = [.. lo.Criteria.Select(c => c with { CaseLog = existing?.FindCriterion(c.Ref)?.CaseLog })] })];
        var unit = new UnitSpec(
            code, Blank(Input.AccreditationNumber), Input.Title?.Trim() ?? string.Empty, Input.Level, Input.Credits, Input.GuidedLearningHours,
            Input.Source?.Trim() ?? string.Empty, null, Blank(Input.Aim),
            Input.Simulation is null && Blank(Input.PolicyText) is null ? null : new UnitPolicySpec(Input.Simulation, existing?.Policy?.AllowedContexts ?? [], Blank(Input.PolicyText)),
            outcomes, requirements, existing?.Tasks ?? [],
            graded ? new GradingSpec(Blank(Input.GradingScheme) ?? "pass-merit-distinction", Blank(Input.GradingText) ?? string.Empty) : existing?.Grading,
            existing?.Sufficiency);
        var spec = Qualification with
        {
            Units = existing is null ? [.. Qualification.Units, unit] : [.. Qualification.Units.Select(u => u == existing ? unit : u)],
            Groups = existing is null ? [.. Qualification.Groups.Select(g => g.Id == Input.Group ? g with { Units = [.. g.Units, code] } : g)] : Qualification.Groups,
        };
        var yaml = SpecificationWriter.Write(spec);
        var errors = new List<CatalogueError>();
        var checkedSpec = library.Check(yaml, $"unit {code}", errors);
        foreach (var error in errors)
        {
            // The form wrote the file, so its lines mean nothing to the person: the reason goes beside the field it is about.
            ModelState.AddModelError(FieldOf(error.Reason), error.Reason);
        }

        return checkedSpec is null ? null : (checkedSpec, yaml, checkedSpec.FindUnit(code)!);
    }

    private void Report(string field, string label, IReadOnlyList<UnitTextError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError("Input." + field, error.Line > 0 ? $"{label}, line {error.Line}: {error.Reason}" : $"{label}: {error.Reason}");
        }
    }

    /// <summary>The field a validator's reason is about, from the part of the specification it names.</summary>
    private static string FieldOf(string reason) =>
        reason.Contains("units[", StringComparison.Ordinal) && reason.Contains("].code", StringComparison.Ordinal) ? "Input.Code"
        : reason.Contains("].title", StringComparison.Ordinal) && !reason.Contains("learningOutcomes", StringComparison.Ordinal) ? "Input.Title"
        : reason.Contains("].source", StringComparison.Ordinal) ? "Input.Source"
        : reason.Contains("criteri", StringComparison.OrdinalIgnoreCase) || reason.Contains("learningOutcomes", StringComparison.Ordinal) ? "Input.Outcomes"
        : reason.Contains("evidenceRequirement", StringComparison.OrdinalIgnoreCase) ? "Input.Requirements"
        : reason.Contains("grading", StringComparison.Ordinal) ? "Input.GradingText"
        : reason.Contains("level", StringComparison.Ordinal) ? "Input.Level"
        : reason.Contains("credits", StringComparison.Ordinal) ? "Input.Credits"
        : string.Empty;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the unit form posts; the rules are <see cref="UnitText"/>'s and the catalogue validator's.</summary>
public sealed class UnitInput
{
    public string? Code { get; set; }

    public string? Title { get; set; }

    public string? AccreditationNumber { get; set; }

    public int? Level { get; set; }

    public int? Credits { get; set; }

    public int? GuidedLearningHours { get; set; }

    public string? Group { get; set; }

    public string? Source { get; set; }

    public string? Aim { get; set; }

    /// <summary>Whether simulation may stand as performance evidence; null where the specification does not say.</summary>
    public bool? Simulation { get; set; }

    public string? PolicyText { get; set; }

    public string? Outcomes { get; set; }

    public string? Requirements { get; set; }

    public string? GradingScheme { get; set; }

    public string? GradingText { get; set; }

    public string? Note { get; set; }

    public static UnitInput From(UnitSpec unit, QualificationSpec qualification) => new()
    {
        Code = unit.Code, Title = unit.Title, AccreditationNumber = unit.AccreditationNumber, Level = unit.Level, Credits = unit.Credits,
        GuidedLearningHours = unit.GuidedLearningHours, Group = qualification.GroupOf(unit.Code)?.Id, Source = unit.Source, Aim = unit.Aim,
        Simulation = unit.Policy?.SimulationAllowedForPerformance, PolicyText = unit.Policy?.Text,
        Outcomes = UnitText.WriteOutcomes(unit.LearningOutcomes), Requirements = UnitText.WriteRequirements(unit.EvidenceRequirements),
        GradingScheme = unit.Grading?.Scheme, GradingText = unit.Grading?.Text,
    };
}
