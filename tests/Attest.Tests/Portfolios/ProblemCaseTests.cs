using Attest.Core.Portfolios;

namespace Attest.Tests.Portfolios;

/// <summary>Seed 001's problem-resolution cycle as a case log: what each part shows, what must be said, and repeats.</summary>
public class ProblemCaseTests
{
    private static readonly string[] ProblemTypes = ["4a", "4b", "4c", "4d", "4e"];

    private static ProblemCaseDetails Case(CaseOutcome outcome = CaseOutcome.Open, string? satisfaction = null, string? reasons = null) =>
        new("Riverside Hotel, front desk", "4d", "The booking system showed the room as clean; the guest found it was not.", "1. Another room now: quick, but a lower floor.\n2. Wait 30 minutes: the room she booked.",
            "The guest chose to wait in the lounge with a drink on us.", "Rang housekeeping; promised the key by 4.30.", "4.10: told her housekeeping were in the room.", outcome, satisfaction, reasons, null);

    [Fact]
    public void The_parts_written_suggest_the_C3_criteria_the_catalogue_links_them_to()
    {
        var problem = new ProblemCase();
        problem.Update(Case(CaseOutcome.Resolved, satisfaction: "Asked her at 4.40 whether the room was as she wanted; she said yes."));

        var suggested = problem.SuggestedCriteria(ShippedCatalogue.Diploma03456.FindUnit("C3")!);

        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5"], suggested);
        Assert.DoesNotContain("3.6", suggested);
        Assert.Contains("P7", problem.SuggestedCriteria(ShippedCatalogue.Unit7));
    }

    [Fact]
    public void A_resolved_case_says_how_satisfaction_was_checked_and_an_unresolved_one_the_reasons_given()
    {
        Assert.Equal([("SatisfactionCheck", "Say how you checked the problem was resolved to the customer's satisfaction (C3 3.5)")], ProblemCase.Check(Case(CaseOutcome.Resolved), ProblemTypes));
        Assert.Equal([("ReasonsGiven", "Give the reasons you gave the customer when the problem could not be resolved (C3 3.6)")], ProblemCase.Check(Case(CaseOutcome.NotResolved), ProblemTypes));
        Assert.Empty(ProblemCase.Check(Case(), ProblemTypes));
        Assert.Equal(["ProblemType"], ProblemCase.Check(Case() with { ProblemType = "4f" }, ProblemTypes).Select(e => e.Field));
    }

    [Fact]
    public void Similar_problems_at_the_same_workplace_are_found_and_others_are_not()
    {
        (string Workplace, string Text)[] earlier =
        [
            ("Riverside Hotel, front desk", "Room not ready at check-in: housekeeping behind after a late checkout"),
            ("riverside hotel,  front desk", "Guest's room not ready when she arrived; housekeeping still cleaning"),
            ("Riverside Hotel, front desk", "Card machine declined a payment"),
            ("Lakeside Hotel", "Room not ready at check-in, housekeeping late"),
        ];

        var repeats = ProblemCase.Repeats("Riverside Hotel, front desk", "Room still not ready at check-in; housekeeping short-staffed", earlier, e => e.Workplace, e => e.Text);

        Assert.Equal([earlier[0], earlier[1]], repeats);
    }
}
