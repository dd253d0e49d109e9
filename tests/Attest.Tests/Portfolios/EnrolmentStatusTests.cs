using Attest.Core;
using Attest.Core.Certification;
using Attest.Core.Centres;
using Attest.Core.Portfolios;
using Attest.Tests.Qualifications;

namespace Attest.Tests.Portfolios;

/// <summary>Withdrawal and breaks in learning (issue 14, item 5): dated, with a reason, in order, and what they change.</summary>
public class EnrolmentStatusTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Admin = Guid.NewGuid();

    private static Enrolment Enrolled(DateOnly? plannedEnd = null)
    {
        var enrolment = Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 9, 1), Now.AddDays(-90));
        enrolment.PlanEnd(plannedEnd);
        return enrolment;
    }

    [Fact]
    public void A_break_and_a_return_leave_the_break_out_of_the_pace_and_move_the_planned_end_by_its_length()
    {
        var enrolment = Enrolled(new DateOnly(2027, 7, 31));

        var started = enrolment.StartBreak(new DateOnly(2026, 10, 1), "Long-term illness", Admin, "Alex Admin", Now);
        Assert.Equal("On a break in learning since 1 October 2026", enrolment.Status);
        var back = enrolment.Resume(new DateOnly(2026, 11, 1), "Back after surgery; review held", Admin, "Alex Admin", Now);

        Assert.Equal((EnrolmentAct.BreakStarted, EnrolmentAct.Resumed), (started.Act, back.Act));
        Assert.Equal((31, (DateOnly?)null, "Enrolled"), (enrolment.DaysOnBreak, enrolment.OnBreakSince, enrolment.Status));
        Assert.Equal(new DateOnly(2027, 8, 31), enrolment.PlannedEndDate);
        Assert.Equal("Back from the break on 1 November 2026; planned end now 31 August 2027", back.Describe());
        Assert.Contains("act: Resumed", back.SignedContent(), StringComparison.Ordinal);
    }

    [Fact]
    public void Acts_out_of_order_or_dated_wrongly_are_refused_with_the_field_and_the_rule()
    {
        var enrolment = Enrolled();

        var noBreak = Assert.Throws<DomainRuleException>(() => enrolment.Resume(new DateOnly(2026, 10, 1), "Back", Admin, "A", Now));
        Assert.Contains("not on a break in learning", noBreak.Message, StringComparison.Ordinal);
        var future = Assert.Throws<DomainRuleException>(() => enrolment.StartBreak(new DateOnly(2026, 12, 5), "Illness", Admin, "A", Now));
        Assert.Equal(("On", "The date of the break cannot be after today (4 December 2026): record it once it has happened"), Assert.Single(future.FieldReasons!));
        var early = Assert.Throws<DomainRuleException>(() => enrolment.Withdraw(new DateOnly(2026, 8, 31), " ", Admin, "A", Now));
        Assert.Equal(
            [("On", "The date of the withdrawal cannot be before 1 September 2026, the registration date"), ("Reason", "Say why: the reason for the withdrawal is kept with it")],
            early.FieldReasons!);

        enrolment.StartBreak(new DateOnly(2026, 10, 1), "Illness", Admin, "A", Now);
        var twice = Assert.Throws<DomainRuleException>(() => enrolment.StartBreak(new DateOnly(2026, 10, 2), "Illness", Admin, "A", Now));
        Assert.Contains("already on a break in learning, since 1 October 2026", twice.Message, StringComparison.Ordinal);
        var backBefore = Assert.Throws<DomainRuleException>(() => enrolment.Resume(new DateOnly(2026, 9, 30), "Back", Admin, "A", Now));
        Assert.Contains("cannot be before 1 October 2026, the start of the break", backBefore.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 10, 1), enrolment.OnBreakSince); // nothing refused changed anything
    }

    [Fact]
    public void A_withdrawal_ends_a_break_in_progress_is_final_and_stops_every_claim()
    {
        var enrolment = Enrolled();
        enrolment.StartBreak(new DateOnly(2026, 10, 1), "Illness", Admin, "A", Now);

        enrolment.Withdraw(new DateOnly(2026, 10, 11), "Moved away; not returning", Admin, "A", Now);

        Assert.Equal(("Withdrawn on 11 October 2026", 10), (enrolment.Status, enrolment.DaysOnBreak));
        var again = Assert.Throws<DomainRuleException>(() => enrolment.StartBreak(new DateOnly(2026, 11, 1), "x", Admin, "A", Now));
        Assert.Contains("withdrew on 11 October 2026: nothing more can be recorded", again.Message, StringComparison.Ordinal);
        var candidate = new Candidate { CentreId = enrolment.CentreId, GivenName = "Otto", FamilyName = "Reid", Uln = "2345678908" };
        var standing = Claimability.Evaluate(ShippedCatalogue.Diploma03456, ClaimSubject.From(enrolment, candidate), [], [], new DateOnly(2026, 12, 4));
        Assert.Equal("Otto Reid withdrew on 11 October 2026: nothing is claimed for a learner who has withdrawn.", standing.Closed);
        Assert.Empty(standing.ClaimableUnits);
        Assert.False(standing.QualificationClaimable);
    }
}
