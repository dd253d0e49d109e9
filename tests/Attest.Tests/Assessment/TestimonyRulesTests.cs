using Attest.Core.Assessment;

namespace Attest.Tests.Assessment;

/// <summary>
/// Seed 004: a testimony holds the candidate's name, date, time and venue, a description of what they did, the date
/// written, the relationship, signature and job title, and contact details, and is not a list of skills. Seed 003:
/// "exceeded expectations" needs what the expectations were and how they were exceeded.
/// </summary>
public class TestimonyRulesTests
{
    private const string Good = "On 3 December a guest arrived to find his room was not ready after a long drive. Sam apologised, asked when he needed the room, "
        + "offered him a seat in the lounge with a drink, rang housekeeping, and came back to him after twenty minutes with his key. He thanked her when he left.";

    [Fact]
    public void A_description_of_what_the_candidate_did_raises_no_warning() => Assert.Empty(WitnessTestimony.Check(Good));

    [Theory]
    [InlineData("Communication, listening, teamwork, problem solving, customer service skills.")]
    [InlineData("- Polite\n- Helpful\n- Good listener\n- Punctual")]
    [InlineData("Sam shows excellent communication skills, teamwork and professionalism at all times.")]
    public void A_list_of_skills_is_flagged(string description) =>
        Assert.Contains(WitnessTestimony.Check(description), w => w.StartsWith("The description reads like a list of skills.", StringComparison.Ordinal));

    [Theory]
    [InlineData("Sam exceeded expectations.")]
    [InlineData("She went above and beyond for the customer and did a great job.")]
    public void A_bare_claim_is_flagged(string description) =>
        Assert.Contains(WitnessTestimony.Check(description), w => w.StartsWith("The description makes a claim (such as \"exceeded expectations\")", StringComparison.Ordinal));

    [Fact]
    public void A_claim_backed_by_what_was_expected_and_how_is_not_flagged() =>
        Assert.Empty(WitnessTestimony.Check("The guest expected a room by 3pm, which is our normal check-in time. Sam exceeded his expectations by arranging an early room at noon, "
            + "because she had noticed on the booking that he was attending a funeral that afternoon, and she rang him to say so before he arrived."));

    [Fact]
    public void Every_missing_field_is_named_in_the_seeds_words()
    {
        var lacks = WitnessTestimony.Lacks(new TestimonyDetails("Sam Patel", new DateOnly(2026, 12, 3), null, "Front desk", Good, new DateOnly(2026, 12, 4), "Line manager", "Wendy Witness", "Front office manager", null));

        Assert.Equal(["the time of the activity", "the witness's contact details"], lacks.Select(l => l.Name));
        Assert.Equal(["ActivityTime", "Contact"], lacks.Select(l => l.Field));
    }
}
