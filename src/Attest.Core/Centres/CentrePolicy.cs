namespace Attest.Core.Centres;

/// <summary>
/// What a centre decides for itself within the rules: how detailed feedback must be before Attest warns, how many times
/// a graded unit may be reworked (seed 000: "at your discretion"; one by default), and how long a recording may be before
/// it is flagged (seed 003: recordings "not too long ... broken down into manageable sizes").
/// </summary>
public sealed class CentrePolicy : ICentreOwned
{
    public const int DefaultFeedbackMinWords = 15;
    public const int DefaultReworkLimit = 1;

    public Guid CentreId { get; init; }

    public int FeedbackMinWords { get; private set; } = DefaultFeedbackMinWords;

    public int ReworkLimit { get; private set; } = DefaultReworkLimit;

    /// <summary>Recordings longer than this are flagged with a suggestion to split them; null: the deployment's default (Media:LongRecordingMinutes).</summary>
    public int? LongRecordingMinutes { get; private set; }

    /// <summary>A unit picked for a summative IQA sample counts for certification only once a summative review agrees (issue 5).</summary>
    public bool ClaimsWaitForSummativeSample { get; private set; }

    /// <summary>Roles whose people must use a second factor (TOTP), comma-separated; administrators, IQAs and EQAs by default.</summary>
    public string TwoFactorRoles { get; private set; } = DefaultTwoFactorRoles;

    public const string DefaultTwoFactorRoles = Roles.CentreAdmin + "," + Roles.Iqa + "," + Roles.Eqa;

    /// <summary>The roles a centre may require a second factor for: every role but the witness, who has no account.</summary>
    public static readonly IReadOnlyList<string> TwoFactorChoices = [Roles.CentreAdmin, Roles.Assessor, Roles.Iqa, Roles.Eqa, Roles.Candidate, Roles.Employer];

    /// <summary>Years a learner's records are kept after their last enrolment closes, before erasure on request is allowed.</summary>
    public int RetentionYears { get; private set; } = Privacy.Retention.DefaultYears;

    /// <summary>Weeks between an apprentice's progress reviews (issue 17: "scheduled at a centre interval (default 12 weeks)").</summary>
    public int ReviewIntervalWeeks { get; private set; } = Apprenticeships.ReviewSchedule.DefaultIntervalWeeks;

    public Guid? ChangedBy { get; private set; }

    public DateTime? ChangedAt { get; private set; }

    public Assessment.FeedbackPolicy Feedback => new(FeedbackMinWords);

    /// <summary>The centre's longest recording before a warning, or <paramref name="deploymentDefault"/>.</summary>
    public TimeSpan LongRecordingLimit(TimeSpan deploymentDefault) => LongRecordingMinutes is int minutes ? TimeSpan.FromMinutes(minutes) : deploymentDefault;

    public static CentrePolicy Defaults(Guid centreId) => new() { CentreId = centreId };

    /// <summary>Whether a person with these roles must use a second factor at this centre.</summary>
    public bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Any(r => TwoFactorRoleList.Contains(r));

    public IReadOnlyList<string> TwoFactorRoleList => [.. TwoFactorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Sets the roles that must use a second factor; roles outside <see cref="TwoFactorChoices"/> are refused.</summary>
    public void RequireTwoFactorFor(IEnumerable<string> roles, Guid changedBy, DateTime now)
    {
        var chosen = roles.Distinct().ToList();
        if (chosen.FirstOrDefault(r => !TwoFactorChoices.Contains(r)) is string unknown)
        {
            throw new DomainRuleException($"{unknown} is not a role of a centre.", "TwoFactorRoles");
        }

        TwoFactorRoles = string.Join(",", TwoFactorChoices.Where(chosen.Contains));
        ChangedBy = changedBy;
        ChangedAt = now;
    }

    /// <summary>Sets how long learners' records are kept after their last enrolment closes.</summary>
    public void KeepRecordsFor(int years, Guid changedBy, DateTime now)
    {
        if (years is < Privacy.Retention.MinYears or > Privacy.Retention.MaxYears)
        {
            throw new DomainRuleException($"Years records are kept must be between {Privacy.Retention.MinYears} and {Privacy.Retention.MaxYears}", nameof(RetentionYears));
        }

        RetentionYears = years;
        ChangedBy = changedBy;
        ChangedAt = now;
    }

    /// <summary>Sets the weeks between progress reviews, refusing a number outside what a centre can sensibly set.</summary>
    public void ReviewEvery(int weeks, Guid changedBy, DateTime now)
    {
        if (weeks is < Apprenticeships.ReviewSchedule.MinIntervalWeeks or > Apprenticeships.ReviewSchedule.MaxIntervalWeeks)
        {
            throw new DomainRuleException($"Weeks between progress reviews must be between {Apprenticeships.ReviewSchedule.MinIntervalWeeks} and {Apprenticeships.ReviewSchedule.MaxIntervalWeeks}", nameof(ReviewIntervalWeeks));
        }

        ReviewIntervalWeeks = weeks;
        ChangedBy = changedBy;
        ChangedAt = now;
    }

    /// <summary>Sets the policy, refusing values outside what a centre can sensibly set, naming the field.</summary>
    public void Change(int feedbackMinWords, int reworkLimit, int? longRecordingMinutes, bool claimsWaitForSummativeSample, Guid changedBy, DateTime now)
    {
        var reasons = new List<(string Field, string Message)>();
        if (feedbackMinWords is < 1 or > 200)
        {
            reasons.Add(("FeedbackMinWords", "Shortest feedback must be between 1 and 200 words"));
        }

        if (reworkLimit is < 0 or > 5)
        {
            reasons.Add(("ReworkLimit", "Reworks allowed must be between 0 and 5"));
        }

        if (longRecordingMinutes is < 1 or > 240)
        {
            reasons.Add(("LongRecordingMinutes", "Longest recording must be between 1 and 240 minutes, or empty for the default"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        FeedbackMinWords = feedbackMinWords;
        ReworkLimit = reworkLimit;
        LongRecordingMinutes = longRecordingMinutes;
        ClaimsWaitForSummativeSample = claimsWaitForSummativeSample;
        ChangedBy = changedBy;
        ChangedAt = now;
    }
}
