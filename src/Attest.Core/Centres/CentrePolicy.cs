namespace Attest.Core.Centres;

/// <summary>
/// What a centre decides for itself within the rules: how detailed feedback must be before Attest warns, and how many
/// times a graded unit may be reworked (seed 000: "at your discretion"; OCR's default practice is one rework).
/// </summary>
public sealed class CentrePolicy : ICentreOwned
{
    public const int DefaultFeedbackMinWords = 15;
    public const int DefaultReworkLimit = 1;

    public Guid CentreId { get; init; }

    public int FeedbackMinWords { get; private set; } = DefaultFeedbackMinWords;

    public int ReworkLimit { get; private set; } = DefaultReworkLimit;

    public Guid? ChangedBy { get; private set; }

    public DateTime? ChangedAt { get; private set; }

    public Assessment.FeedbackPolicy Feedback => new(FeedbackMinWords);

    public static CentrePolicy Defaults(Guid centreId) => new() { CentreId = centreId };

    /// <summary>Sets the policy, refusing values outside what a centre can sensibly set, naming the field.</summary>
    public void Change(int feedbackMinWords, int reworkLimit, Guid changedBy, DateTime now)
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

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons[0].Message, reasons[0].Field);
        }

        FeedbackMinWords = feedbackMinWords;
        ReworkLimit = reworkLimit;
        ChangedBy = changedBy;
        ChangedAt = now;
    }
}
