using System.Globalization;
using System.Text.RegularExpressions;
using Attest.Core.Ledger;

namespace Attest.Core.Assessment;

/// <summary>
/// Someone who sees the candidate at work (seed 004 "Witnesses"): in the candidate's register of witnesses, named by the
/// candidate or the assessor. An expert witness may assess occupationally specific units.
/// </summary>
public sealed class Witness : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid CandidateId { get; init; }

    public required string Name { get; init; }

    public required string JobTitle { get; init; }

    /// <summary>Their relationship to the candidate, e.g. "line manager".</summary>
    public required string Relationship { get; init; }

    /// <summary>How to reach them: telephone or email.</summary>
    public required string Contact { get; init; }

    public bool IsExpert { get; init; }

    public Guid AddedBy { get; init; }

    public DateTime AddedAt { get; init; }

    /// <summary>Checks the register fields, naming each missing one.</summary>
    public static IReadOnlyList<(string Field, string Message)> Check(string? name, string? jobTitle, string? relationship, string? contact)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(("Name", "Enter the witness's name"));
        }

        if (string.IsNullOrWhiteSpace(jobTitle))
        {
            errors.Add(("JobTitle", "Enter the witness's job title"));
        }

        if (string.IsNullOrWhiteSpace(relationship))
        {
            errors.Add(("Relationship", "Enter the witness's relationship to the candidate, for example line manager"));
        }

        if (string.IsNullOrWhiteSpace(contact))
        {
            errors.Add(("Contact", "Enter a telephone number or email address for the witness"));
        }

        return errors;
    }
}

/// <summary>
/// A single-use, expiring link a witness writes their testimony through, without an account (security.md: "at least 128
/// random bits, single use, expiring, rate-limited"). Only the SHA-256 of its secret is kept.
/// </summary>
public sealed class WitnessRequest : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid WitnessId { get; init; }

    public Guid EnrolmentId { get; init; }

    /// <summary>Criteria the testimony is asked to describe, "unit|criterion" comma-separated: its mappings once written.</summary>
    public string Targets { get; init; } = string.Empty;

    /// <summary>What the witness is asked to describe, in the assessor's words.</summary>
    public string? Activity { get; init; }

    public string SecretSha256 { get; init; } = string.Empty;

    public DateTime ExpiresAt { get; init; }

    public DateTime? UsedAt { get; set; }

    public Guid CreatedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>A new request and the link's token (<see cref="Security.CapabilityToken"/>), shown once.</summary>
    public static (WitnessRequest Request, string Token) Issue(Guid centreId, Guid witnessId, Guid enrolmentId, string targets, string? activity, Guid createdBy, DateTime now, TimeSpan validFor)
    {
        var (token, secretSha256) = Security.CapabilityToken.Issue(centreId);
        var request = new WitnessRequest
        {
            CentreId = centreId, WitnessId = witnessId, EnrolmentId = enrolmentId, Targets = targets, Activity = string.IsNullOrWhiteSpace(activity) ? null : activity.Trim(),
            SecretSha256 = secretSha256, ExpiresAt = now + validFor, CreatedBy = createdBy, CreatedAt = now,
        };
        return (request, token);
    }

    /// <summary>Why the link cannot be used now, or null when it can.</summary>
    public string? Refusal(DateTime now) =>
        UsedAt is not null ? "This link has already been used: a testimony can be written only once. Ask the assessor for a new link if you need to add something."
        : now > ExpiresAt ? $"This link expired on {ExpiresAt:d MMMM yyyy}. Ask the assessor for a new link."
        : null;
}

public enum TestimonySource
{
    /// <summary>Written by the witness through a link.</summary>
    WitnessLink,

    /// <summary>Received on paper or given verbally, and transcribed by the assessor ("a record of verbal statement is a form of witness statement").</summary>
    Transcribed,

    /// <summary>Written by the apprentice's line manager, signed in to their employer account.</summary>
    EmployerAccount,
}

/// <summary>What a testimony says, field by field as seed 004 lists them.</summary>
public sealed record TestimonyDetails(
    string? CandidateName,
    DateOnly? ActivityDate,
    string? ActivityTime,
    string? Venue,
    string? Description,
    DateOnly? WrittenOn,
    string? Relationship,
    string? SignatureName,
    string? JobTitle,
    string? Contact);

/// <summary>
/// A witness testimony: written by the witness (or transcribed by the assessor from paper or speech), never by the
/// candidate. It must hold what seed 004 lists; one that lacks any of it is kept but flagged incomplete and cannot be
/// accepted. Append-only and signed: the witness's typed name is their signature.
/// </summary>
public sealed partial class WitnessTestimony : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "witness-testimony";

    public const string SkillsListWording = "It is not appropriate for witness testimonies to contain a list of the skills to which they relate. Witnesses must direct the information in their testimonies to describing what you did.";

    public const string ExceededWording = "There should be more detail to the witness statement than this by the inclusion of examples. This should include 'what' the customer expectations were and 'how' they exceeded these expectations.";

    /// <summary>Seed 004's fields, with the form field each is entered in.</summary>
    public static readonly IReadOnlyList<(string Field, string Name)> RequiredFields =
    [
        ("CandidateName", "the candidate's name"), ("ActivityDate", "the date of the activity"), ("ActivityTime", "the time of the activity"), ("Venue", "the venue of the activity"),
        ("Description", "a description of what the candidate did"), ("WrittenOn", "the date of writing"), ("Relationship", "the witness's relationship to the candidate"),
        ("SignatureName", "the witness's signature"), ("JobTitle", "the witness's job title"), ("Contact", "the witness's contact details"),
    ];

    private WitnessTestimony()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EvidenceItemId { get; private init; }

    public Guid WitnessId { get; private init; }

    /// <summary>The link it was written through (unique: one testimony per link).</summary>
    public Guid? RequestId { get; private init; }

    public TestimonySource Source { get; private init; }

    public string? CandidateName { get; private init; }

    public DateOnly? ActivityDate { get; private init; }

    public string? ActivityTime { get; private init; }

    public string? Venue { get; private init; }

    public string? Description { get; private init; }

    public DateOnly? WrittenOn { get; private init; }

    public string? Relationship { get; private init; }

    public string? SignatureName { get; private init; }

    public string? JobTitle { get; private init; }

    public string? Contact { get; private init; }

    public bool IsExpert { get; private init; }

    /// <summary>Seed 004's fields it lacks, comma-separated; empty when complete.</summary>
    public string Missing { get; private init; } = string.Empty;

    /// <summary>Warnings on its description (a list of skills, a bare claim), one per line.</summary>
    public string? Warnings { get; private init; }

    /// <summary>The assessor who transcribed it, for a transcribed testimony.</summary>
    public Guid? TranscribedBy { get; private init; }

    public DateTime ReceivedAt { get; private init; }

    public string LedgerKind => Kind;

    public bool IsComplete => Missing.Length == 0;

    public IReadOnlyList<string> MissingList => Missing.Split(", ", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The seed 004 fields a testimony lacks, by form field.</summary>
    public static IReadOnlyList<(string Field, string Name)> Lacks(TestimonyDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var values = new Dictionary<string, bool>
        {
            ["CandidateName"] = !string.IsNullOrWhiteSpace(details.CandidateName), ["ActivityDate"] = details.ActivityDate is not null,
            ["ActivityTime"] = !string.IsNullOrWhiteSpace(details.ActivityTime), ["Venue"] = !string.IsNullOrWhiteSpace(details.Venue),
            ["Description"] = !string.IsNullOrWhiteSpace(details.Description), ["WrittenOn"] = details.WrittenOn is not null,
            ["Relationship"] = !string.IsNullOrWhiteSpace(details.Relationship), ["SignatureName"] = !string.IsNullOrWhiteSpace(details.SignatureName),
            ["JobTitle"] = !string.IsNullOrWhiteSpace(details.JobTitle), ["Contact"] = !string.IsNullOrWhiteSpace(details.Contact),
        };
        return [.. RequiredFields.Where(f => !values[f.Field])];
    }

    /// <summary>
    /// Warnings on a description that names skills instead of saying what the candidate did (seed 004), or that only
    /// claims expectations were exceeded without what and how (seed 003).
    /// </summary>
    public static IReadOnlyList<string> Check(string? description)
    {
        var text = (description ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var warnings = new List<string>();
        var pieces = ListSeparators().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var words = Words().Count(text);
        var mostlyShortItems = pieces.Count >= 3 && pieces.Count(p => Words().Count(p) <= 3) * 3 >= pieces.Count * 2;
        if (mostlyShortItems || (SkillWords().Count(text) >= 3 && words < 60))
        {
            warnings.Add("The description reads like a list of skills. Describe what the candidate did: the situation, what they said and did, and what happened.");
        }

        if (BareClaims().IsMatch(text) && (words < 40 || !Examples().IsMatch(text)))
        {
            warnings.Add("The description makes a claim (such as \"exceeded expectations\") without saying what the expectations were and how the candidate met or exceeded them.");
        }

        return warnings;
    }

    public static WitnessTestimony Create(
        Witness witness, Guid? requestId, TestimonySource source, TestimonyDetails details, Guid? transcribedBy, DateOnly today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(details);
        var errors = new List<(string Field, string Message)>();
        if (details.ActivityDate > today)
        {
            errors.Add(("ActivityDate", "The date of the activity must be today or in the past"));
        }

        if (details.WrittenOn is { } written && (written > today || (details.ActivityDate is { } on && written < on)))
        {
            errors.Add(("WrittenOn", "The date of writing must be on or after the activity, and not in the future"));
        }

        if (details.Description?.Length > Portfolios.EvidenceItem.MaxBodyLength)
        {
            errors.Add(("Description", "The description is too long: keep it to what the candidate did on this occasion"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var warnings = Check(details.Description);
        return new WitnessTestimony
        {
            CentreId = witness.CentreId,
            WitnessId = witness.Id,
            RequestId = requestId,
            Source = source,
            CandidateName = Clean(details.CandidateName),
            ActivityDate = details.ActivityDate,
            ActivityTime = Clean(details.ActivityTime),
            Venue = Clean(details.Venue),
            Description = Clean(details.Description),
            WrittenOn = details.WrittenOn,
            Relationship = Clean(details.Relationship),
            SignatureName = Clean(details.SignatureName),
            JobTitle = Clean(details.JobTitle),
            Contact = Clean(details.Contact),
            IsExpert = witness.IsExpert,
            Missing = string.Join(", ", Lacks(details).Select(f => f.Name)),
            Warnings = warnings.Count == 0 ? null : string.Join('\n', warnings),
            TranscribedBy = transcribedBy,
            ReceivedAt = now,
        };
    }

    /// <summary>Binds the testimony to the evidence item it is kept as.</summary>
    public WitnessTestimony For(Portfolios.EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new WitnessTestimony
        {
            Id = Id, CentreId = CentreId, EvidenceItemId = item.Id, WitnessId = WitnessId, RequestId = RequestId, Source = Source, CandidateName = CandidateName,
            ActivityDate = ActivityDate, ActivityTime = ActivityTime, Venue = Venue, Description = Description, WrittenOn = WrittenOn, Relationship = Relationship,
            SignatureName = SignatureName, JobTitle = JobTitle, Contact = Contact, IsExpert = IsExpert, Missing = Missing, Warnings = Warnings, TranscribedBy = TranscribedBy,
            ReceivedAt = ReceivedAt,
        };
    }

    /// <summary>The testimony as its evidence item's text.</summary>
    public string Render() => string.Join('\n',
        $"Candidate: {CandidateName ?? "(not given)"}",
        $"Activity: {ActivityDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "(date not given)"}{(ActivityTime is null ? string.Empty : " at " + ActivityTime)}, {Venue ?? "(venue not given)"}",
        string.Empty,
        Description ?? "(no description)",
        string.Empty,
        $"Written on {WrittenOn?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "(date not given)"} by {SignatureName ?? "(not signed)"}, {JobTitle ?? "(job title not given)"}; relationship to the candidate: {Relationship ?? "(not given)"}; contact: {Contact ?? "(not given)"}.",
        Source switch
        {
            TestimonySource.Transcribed => "Transcribed by the assessor from a paper or verbal testimony.",
            TestimonySource.EmployerAccount => "Written by the witness, signed in to their employer account.",
            _ => "Written by the witness through a single-use link.",
        });

    public string SignedContent() => new SignedText(Kind)
        .Add("item", EvidenceItemId)
        .Add("witness", WitnessId)
        .Add("request", RequestId)
        .Add("source", Source)
        .Add("candidateName", CandidateName)
        .Add("activityDate", ActivityDate)
        .Add("activityTime", ActivityTime)
        .Add("venue", Venue)
        .Add("description", Description)
        .Add("writtenOn", WrittenOn)
        .Add("relationship", Relationship)
        .Add("signature", SignatureName)
        .Add("jobTitle", JobTitle)
        .Add("contact", Contact)
        .Add("expert", IsExpert)
        .Add("missing", Missing)
        .Add("transcribedBy", TranscribedBy)
        .Add("receivedAt", ReceivedAt)
        .ToString();

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\s*(?:,|;|\n|•|\u2022|^\s*[-*]\s)\s*", RegexOptions.Multiline)]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"\b(communication|listening|teamwork|team work|problem[- ]solving|customer service skills|interpersonal|time management|organisation(al)? skills|professional(ism)?|punctual(ity)?|polite(ness)?|friendly|helpful|confident|reliable|hard[- ]working|skills?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SkillWords();

    [GeneratedRegex(@"\b(exceed(ed|s)? (my |our |the )?expectations|went (above and beyond|the extra mile)|excellent (job|work|service)|outstanding|did (a )?(great|good) job|very good)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BareClaims();

    [GeneratedRegex(@"\b(because|by|when|so that|which meant|for example|such as|she (said|asked|explained|offered|called|rang|arranged|checked)|he (said|asked|explained|offered|called|rang|arranged|checked)|they (said|asked|explained|offered|called|rang|arranged|checked)|expected)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Examples();
}
