using Attest.Core.Ledger;
using Attest.Core.Privacy;

namespace Attest.Tests.Privacy;

/// <summary>
/// security.md, "Retention anchors": "OCR requires assessment records to be kept at least three years after achievement";
/// "erasure can be refused while a legal obligation to keep the record lasts (then restrict, and erase when retention ends)".
/// </summary>
public class RetentionTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void A_learner_still_on_a_qualification_cannot_be_erased_and_is_told_what_closes_it()
    {
        var standing = Retention.Standing([new("03456", null, null), new("03455", new DateOnly(2020, 1, 1), null)], 3, Today);
        Assert.Null(standing.AllowedFrom);
        Assert.False(standing.AllowedOn(Today));
        Assert.Contains("still on 03456", standing.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-12-04", 3, true)]  // certified exactly three years ago: allowed today
    [InlineData("2023-12-05", 3, false)] // a day short of three years
    [InlineData("2025-12-04", 1, true)]  // a centre whose awarding body asks for one year
    public void Erasure_is_allowed_from_the_retention_period_after_the_last_enrolment_closed(string closed, int years, bool allowed)
    {
        var day = DateOnly.Parse(closed, System.Globalization.CultureInfo.InvariantCulture);
        var standing = Retention.Standing([new("03456", null, day), new("03455", day.AddYears(-2), null)], years, Today);
        Assert.Equal(day.AddYears(years), standing.AllowedFrom);
        Assert.Equal(allowed, standing.AllowedOn(Today));
        if (!allowed)
        {
            Assert.Contains($"Records must be kept until {day.AddYears(years):d MMMM yyyy}", standing.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_pseudonymiser_replaces_whole_names_and_identifiers_in_any_case_and_nothing_else()
    {
        var pseudonymiser = new Pseudonymiser("Erased learner 7F3A2C", ["Priya Shah", "Priya", "Shah"], ["2345678908", "priya@example.test"]);
        Assert.Equal("Erased learner 7F3A2C's own log; ERASED wrote to ERASED. Shahid and Priyanka stay.",
            pseudonymiser.Apply("PRIYA's own log; 2345678908 wrote to priya@example.test. Shahid and Priyanka stay."));
        Assert.Equal("Erased learner 7F3A2C checked it", pseudonymiser.Apply("Priya Shah checked it"));
    }

    [Fact]
    public void An_erasure_cannot_be_recorded_before_the_retention_period_ends()
    {
        var standing = new ErasureStanding(Today.AddDays(1), "Records must be kept until tomorrow.");
        var refused = Assert.Throws<Attest.Core.DomainRuleException>(() =>
            LearnerErasure.Record(Guid.NewGuid(), Guid.NewGuid(), standing, Today, "Email", 0, Guid.NewGuid(), "Admin", Today.ToDateTime(new TimeOnly(12, 0))));
        Assert.Equal("Records must be kept until tomorrow.", refused.Message);
    }

    [Fact]
    public void The_redactions_an_erasure_signs_are_read_back_from_its_ledger_content()
    {
        var erasure = LearnerErasure.Record(Guid.NewGuid(), Guid.NewGuid(), new ErasureStanding(Today, "ended"), Today, "Email", 2, Guid.NewGuid(), "Admin", Today.ToDateTime(new TimeOnly(12, 0)));
        erasure.ListRedactions([new Redaction(12, new string('a', 64)), new Redaction(3, new string('b', 64))]);
        Assert.Equal([new Redaction(3, new string('b', 64)), new Redaction(12, new string('a', 64))], LearnerErasure.RedactionsIn(erasure.SignedContent()));
        Assert.Empty(LearnerErasure.RedactionsIn(new SignedText("criterion-decision").Add("redactionsNote", "x").ToString()));
    }
}
