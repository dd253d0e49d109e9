using Attest.Core.Qualifications;

namespace Attest.Core.Portfolios;

/// <summary>What a candidate says about an item; the same fields for every kind, some required by kind.</summary>
public sealed record EvidenceDetails(
    string Title,
    string? Description,
    string? Body,
    DateOnly? ActivityFrom,
    DateOnly? ActivityTo,
    EvidenceContext Context,
    string? CustomerLabel,
    Occasions Occasions,
    string? HeldAt,
    string? HeldBy);

/// <summary>A broken rule on one form field, in words for the candidate.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The rules each kind of evidence follows. Plain C#, no I/O, so the seed cases test it directly.</summary>
public static class EvidenceRules
{
    /// <summary>The kinds a candidate adds on the evidence page and may change there.</summary>
    public static readonly IReadOnlyList<EvidenceKind> CandidateKinds =
        [EvidenceKind.UploadedFile, EvidenceKind.ReflectiveAccount, EvidenceKind.WorkProduct, EvidenceKind.PersonalStatement, EvidenceKind.CaseStudy, EvidenceKind.HeldElsewhere];

    /// <summary>Written by the candidate (so they declare it and map it): the evidence page's kinds and case logs; the others are written by the assessor or a witness.</summary>
    public static bool WrittenByCandidate(EvidenceKind kind) => IsCandidateKind(kind) || kind == EvidenceKind.CaseLog;

    public static bool IsCandidateKind(EvidenceKind kind) => CandidateKinds.Contains(kind);

    public static bool NeedsFile(EvidenceKind kind) => kind is EvidenceKind.UploadedFile or EvidenceKind.WorkProduct;

    public static bool AllowsFile(EvidenceKind kind) => kind is not EvidenceKind.HeldElsewhere;

    public static bool NeedsBody(EvidenceKind kind) => kind is EvidenceKind.ReflectiveAccount or EvidenceKind.PersonalStatement or EvidenceKind.CaseStudy;

    public static string Describe(EvidenceKind kind) => kind switch
    {
        EvidenceKind.UploadedFile => "File, photo or recording",
        EvidenceKind.ReflectiveAccount => "Reflective account",
        EvidenceKind.WorkProduct => "Work product",
        EvidenceKind.PersonalStatement => "Personal statement, CV or job description",
        EvidenceKind.CaseStudy => "Case study",
        EvidenceKind.HeldElsewhere => "Evidence held elsewhere",
        EvidenceKind.Observation => "Assessor's observation record",
        EvidenceKind.Questioning => "Assessor's record of questions and answers",
        EvidenceKind.ProfessionalDiscussion => "Assessor's record of a professional discussion",
        EvidenceKind.ProductExamination => "Assessor's record of examining work products",
        EvidenceKind.WitnessTestimony => "Witness testimony",
        EvidenceKind.CaseLog => "Case log of a customer problem",
        _ => kind.ToString(),
    };

    public static string Describe(EvidenceContext context) => context switch
    {
        EvidenceContext.RealWork => "Real work",
        EvidenceContext.RealisticWorkingEnvironment => "Realistic working environment",
        EvidenceContext.WorkPlacement => "Work placement",
        EvidenceContext.Simulation => "Simulation",
        _ => context.ToString(),
    };

    public static string Describe(Occasions occasion) => occasion switch
    {
        Occasions.Routine => "Routine",
        Occasions.BusyTime => "Busy time",
        Occasions.QuietTime => "Quiet time",
        Occasions.LetDown => "People, systems or resources let me down",
        _ => string.Join(", ", Enum.GetValues<Occasions>().Where(o => o != Occasions.None && occasion.HasFlag(o)).Select(Describe)),
    };

    /// <summary>Every broken rule, each naming its field; empty when the item may be kept.</summary>
    public static IReadOnlyList<FieldError> Check(EvidenceKind kind, EvidenceDetails details, bool hasFile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            errors.Add(new("Title", "Enter a title for the evidence"));
        }
        else if (details.Title.Trim().Length > 200)
        {
            errors.Add(new("Title", "Title must be 200 characters or fewer"));
        }

        if (details.Description?.Length > 4000)
        {
            errors.Add(new("Description", "Description must be 4000 characters or fewer"));
        }

        if (NeedsBody(kind) && string.IsNullOrWhiteSpace(details.Body))
        {
            errors.Add(new("Body", $"Write your {Describe(kind).ToLowerInvariant()}"));
        }
        else if (details.Body?.Length > EvidenceItem.MaxBodyLength)
        {
            errors.Add(new("Body", $"The text must be {EvidenceItem.MaxBodyLength:N0} characters or fewer; upload a longer account as a file"));
        }

        if (details.ActivityFrom > today)
        {
            errors.Add(new("ActivityFrom", "The date of the activity must be today or in the past"));
        }

        if (details.ActivityTo is { } to && details.ActivityFrom is { } from && to < from)
        {
            errors.Add(new("ActivityTo", "The end date must be the same as or after the start date"));
        }
        else if (details.ActivityTo > today)
        {
            errors.Add(new("ActivityTo", "The end date must be today or in the past"));
        }

        if (details.CustomerLabel?.Length > 100)
        {
            errors.Add(new("CustomerLabel", "The customer label must be 100 characters or fewer"));
        }

        if (kind == EvidenceKind.HeldElsewhere)
        {
            // Seed 004: "make a note in your portfolio to explain where the evidence can be found."
            if (string.IsNullOrWhiteSpace(details.HeldAt))
            {
                errors.Add(new("HeldAt", "Say where the evidence can be found"));
            }

            if (string.IsNullOrWhiteSpace(details.HeldBy))
            {
                errors.Add(new("HeldBy", "Say who can show the evidence to your assessor"));
            }
        }

        if (NeedsFile(kind) && !hasFile)
        {
            errors.Add(new("File", "Select a file to upload"));
        }
        else if (!AllowsFile(kind) && hasFile)
        {
            errors.Add(new("File", "Evidence held elsewhere has no file; describe where it is kept instead"));
        }

        return errors;
    }
}
