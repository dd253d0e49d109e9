using Attest.Core.Ledger;

namespace Attest.Core.Apprenticeships;

/// <summary>The three parties who sign a progress review (issue 17: "tripartite: apprentice, assessor/tutor, employer").</summary>
public enum ReviewParty { Apprentice, Assessor, Employer }

/// <summary>How a party signed: signed in to their account, or (an employer contact without one) through a single-use link (<see cref="ReviewSignRequest"/>).</summary>
public enum ReviewSignedVia { Account, Link }

/// <summary>What the assessor writes at a progress review, field by field.</summary>
public sealed record ProgressReviewDetails(
    DateOnly? HeldOn, string? ProgressAgainstPlan, string? OffTheJobHoursDiscussed, string? KsbProgress,
    bool? WellbeingConcern, string? WellbeingNotes, bool? SafeguardingConcern, string? SafeguardingNotes, string? Targets);

/// <summary>
/// A progress review of an apprentice, held by the assessor (tutor) with the apprentice and their employer: progress
/// against the plan, the off-the-job hours discussed, KSB progress, wellbeing and safeguarding prompts, and targets to
/// the next review. Written by the assessor and signed into the ledger; append-only. Each party's signature is its own
/// row (<see cref="ProgressReviewSignature"/>); the review is complete when all three have signed.
/// </summary>
public sealed class ProgressReview : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "progress-review";

    public const int MaxTextLength = 8000;

    private ProgressReview()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public DateOnly HeldOn { get; private init; }

    public string ProgressAgainstPlan { get; private init; } = string.Empty;

    /// <summary>Free text until the hours log can be summarised here.</summary>
    public string OffTheJobHoursDiscussed { get; private init; } = string.Empty;

    public string KsbProgress { get; private init; } = string.Empty;

    public bool WellbeingConcern { get; private init; }

    public string? WellbeingNotes { get; private init; }

    public bool SafeguardingConcern { get; private init; }

    public string? SafeguardingNotes { get; private init; }

    public string Targets { get; private init; } = string.Empty;

    public Guid RecordedBy { get; private init; }

    public string RecordedByName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>Writes a review, refusing with every reason under its field: a missing or future date, missing text, an unanswered prompt, or a concern without notes.</summary>
    public static ProgressReview Record(Portfolios.Enrolment enrolment, ProgressReviewDetails details, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(details);
        var reasons = new List<(string Field, string Message)>();
        if (details.HeldOn is null)
        {
            reasons.Add(("HeldOn", "Enter the date the review was held"));
        }
        else if (details.HeldOn > DateOnly.FromDateTime(now))
        {
            reasons.Add(("HeldOn", "Record a review once it has been held: the date is in the future"));
        }

        Text(details.ProgressAgainstPlan, "ProgressAgainstPlan", "Describe progress against the plan", reasons);
        Text(details.OffTheJobHoursDiscussed, "OffTheJobHoursDiscussed", "Say what was discussed about off-the-job hours", reasons);
        Text(details.KsbProgress, "KsbProgress", "Describe progress on the knowledge, skills and behaviours", reasons);
        Text(details.Targets, "Targets", "Set the targets to the next review", reasons);
        Prompt(details.WellbeingConcern, details.WellbeingNotes, "Wellbeing", "wellbeing", reasons);
        Prompt(details.SafeguardingConcern, details.SafeguardingNotes, "Safeguarding", "safeguarding", reasons);
        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new ProgressReview
        {
            CentreId = enrolment.CentreId, EnrolmentId = enrolment.Id, HeldOn = details.HeldOn!.Value, ProgressAgainstPlan = details.ProgressAgainstPlan!.Trim(),
            OffTheJobHoursDiscussed = details.OffTheJobHoursDiscussed!.Trim(), KsbProgress = details.KsbProgress!.Trim(),
            WellbeingConcern = details.WellbeingConcern!.Value, WellbeingNotes = Optional(details.WellbeingNotes),
            SafeguardingConcern = details.SafeguardingConcern!.Value, SafeguardingNotes = Optional(details.SafeguardingNotes),
            Targets = details.Targets!.Trim(), RecordedBy = by, RecordedByName = byName, RecordedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("id", Id).Add("enrolment", EnrolmentId).Add("held on", HeldOn).Add("progress against the plan", ProgressAgainstPlan)
        .Add("off-the-job hours discussed", OffTheJobHoursDiscussed).Add("ksb progress", KsbProgress)
        .Add("wellbeing concern", WellbeingConcern).Add("wellbeing notes", WellbeingNotes)
        .Add("safeguarding concern", SafeguardingConcern).Add("safeguarding notes", SafeguardingNotes)
        .Add("targets", Targets).Add("recorded by", RecordedByName).Add("recorded at", RecordedAt).ToString();

    /// <summary>Refuses a second signature by the same party, naming who signed first and when.</summary>
    public static void RefuseSecondSignature(ReviewParty party, IEnumerable<ProgressReviewSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (signatures.FirstOrDefault(s => s.Party == party) is { } first)
        {
            throw new DomainRuleException($"This review is already signed for the {Describe(party)} by {first.SignerName} on {first.SignedAt:d MMMM yyyy}: each party signs once.");
        }
    }

    /// <summary>Whether the apprentice, the assessor and the employer have all signed.</summary>
    public static bool IsComplete(IEnumerable<ProgressReviewSignature> signatures) => Enum.GetValues<ReviewParty>().All(p => signatures.Any(s => s.Party == p));

    public static string Describe(ReviewParty party) => party switch
    {
        ReviewParty.Apprentice => "apprentice",
        ReviewParty.Assessor => "assessor",
        _ => "employer",
    };

    private static void Text(string? value, string field, string message, List<(string, string)> reasons)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            reasons.Add((field, message));
        }
        else if (value.Trim().Length > MaxTextLength)
        {
            reasons.Add((field, $"{message} in {MaxTextLength:#,0} characters or fewer"));
        }
    }

    private static void Prompt(bool? concern, string? notes, string field, string topic, List<(string, string)> reasons)
    {
        if (concern is null)
        {
            reasons.Add((field + "Concern", $"Answer the {topic} prompt: yes or no"));
        }
        else if (concern.Value && string.IsNullOrWhiteSpace(notes))
        {
            reasons.Add((field + "Notes", $"Say what the {topic} concern is and what is being done about it"));
        }
        else if (notes?.Trim().Length > MaxTextLength)
        {
            reasons.Add((field + "Notes", $"Keep the {topic} notes to {MaxTextLength:#,0} characters or fewer"));
        }
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One party's signature of a progress review: append-only, signed into the ledger, one per party per review.</summary>
public sealed class ProgressReviewSignature : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "progress-review-signature";

    private ProgressReviewSignature()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid ReviewId { get; private init; }

    /// <summary>The review's enrolment, kept here too so a learner's erasure finds the row.</summary>
    public Guid EnrolmentId { get; private init; }

    public ReviewParty Party { get; private init; }

    public ReviewSignedVia Via { get; private init; }

    /// <summary>The signer's account; null for an employer signing through a link.</summary>
    public Guid? SignerId { get; private init; }

    public string SignerName { get; private init; } = string.Empty;

    public DateTime SignedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>A party's signature; refused when that party has signed already (<see cref="ProgressReview.RefuseSecondSignature"/>).</summary>
    public static ProgressReviewSignature Sign(ProgressReview review, IEnumerable<ProgressReviewSignature> existing, ReviewParty party, ReviewSignedVia via, Guid? signerId, string signerName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(review);
        ProgressReview.RefuseSecondSignature(party, existing);
        return new ProgressReviewSignature
        {
            CentreId = review.CentreId, ReviewId = review.Id, EnrolmentId = review.EnrolmentId, Party = party, Via = via, SignerId = signerId, SignerName = signerName, SignedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("id", Id).Add("review", ReviewId).Add("party", Party).Add("via", Via).Add("signer", SignerName).Add("signed at", SignedAt).ToString();
}
