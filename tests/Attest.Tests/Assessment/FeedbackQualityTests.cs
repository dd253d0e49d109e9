using Attest.Core.Assessment;

namespace Attest.Tests.Assessment;

/// <summary>
/// Seed 003: feedback "dropped to the bare minimum because the e-portfolio platform is being used"; seed 000: feedback
/// "must not direct them on how to improve their work".
/// </summary>
public class FeedbackQualityTests
{
    private static readonly FeedbackPolicy Policy = FeedbackPolicy.Default;

    [Fact]
    public void Detailed_feedback_naming_the_criterion_and_evidence_raises_no_warning() =>
        Assert.Empty(FeedbackQuality.Check("C3 1.2: in E003 you asked the customer two open questions and summarised the problem back before offering options; that is what the criterion asks.", Policy, graded: false));

    [Theory]
    [InlineData("Well done.")]
    [InlineData("Good work, keep it up!")]
    [InlineData("Excellent. All criteria met.")]
    public void Bare_praise_is_too_short_generic_and_names_nothing(string feedback)
    {
        var warnings = FeedbackQuality.Check(feedback, Policy, graded: false);

        Assert.Equal(3, warnings.Count);
        Assert.StartsWith("The feedback is ", warnings[0], StringComparison.Ordinal);
        Assert.Contains("your centre asks for at least 15", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith($"The feedback is generic (\"{feedback}\")", warnings[1], StringComparison.Ordinal);
        Assert.StartsWith("The feedback names no criterion or evidence", warnings[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_feedback_that_names_no_criterion_or_evidence_is_flagged_for_that_alone()
    {
        var warnings = FeedbackQuality.Check("You dealt with the customer calmly and patiently, listened to what she wanted, and explained the refund policy in words she understood.", Policy, graded: false);

        Assert.Equal(["The feedback names no criterion or evidence: say which criterion (for example 1.2 or P3) or which item (for example E003) it is about."], warnings);
    }

    [Fact]
    public void The_centres_minimum_sets_what_counts_as_too_short()
    {
        const string feedback = "P3 met: E002 at 02:10 explains the guest's needs clearly.";

        Assert.Empty(FeedbackQuality.Check(feedback, new FeedbackPolicy(5), graded: false));
        Assert.Single(FeedbackQuality.Check(feedback, new FeedbackPolicy(30), graded: false));
    }

    [Theory]
    [InlineData("P8: your review of E004 is descriptive. You should add an evaluation of why the calm tone worked with the guest.", "You should")]
    [InlineData("M4 not met: to get a merit you need a schedule of learning activities for the new receptionists in E005.", "to get a merit")]
    [InlineData("D1: in E003 the justification is thin; rewrite the last section comparing the hotel's needs with the guest's.", "rewrite")]
    // Issue 13: these avoided the old list of phrases and passed with no warning.
    [InlineData("M2: in E004 two recommendations with a justification for each, plus a timeline, would lift this to a merit.", "would lift this to a merit")]
    [InlineData("P5: E002 would read better if the complaint came first; move the summary to the end and split it into two parts.", "move the summary to")]
    [InlineData("D1: E006 is close. A comparison with a second hotel is all that stands between this and a distinction; include two more examples.", "include two")]
    [InlineData("M1 in E003: a brief evaluation of each option at the desk, plus a recommendation, would be enough for merit.", "plus a recommendation")]
    public void Graded_feedback_that_says_how_to_improve_is_flagged_with_the_words_that_triggered_it(string feedback, string phrase)
    {
        var warning = Assert.Single(FeedbackQuality.Check(feedback, Policy, graded: true));

        Assert.Contains($"\"{phrase}\"", warning, StringComparison.Ordinal);
        Assert.Contains(phrase, FeedbackQuality.DirectingWords(feedback));
        Assert.Empty(FeedbackQuality.Check(feedback, Policy, graded: false));
    }

    [Theory]
    [InlineData("P8: your review in E004 describes what happened at the desk but does not yet evaluate your own performance, which the criterion asks for.")]
    [InlineData("M2: E004 gives recommendations for the hotel, but they are not yet justified against the guest feedback it reports.")]
    [InlineData("D1: E006 compares the two hotels' complaint procedures and you justified each conclusion from the evidence you gathered.")]
    public void Graded_feedback_that_names_the_area_without_saying_how_raises_no_warning(string feedback) =>
        Assert.Empty(FeedbackQuality.Check(feedback, Policy, graded: true));
}
