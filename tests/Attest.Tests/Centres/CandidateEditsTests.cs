using Attest.Core;
using Attest.Core.Centres;

namespace Attest.Tests.Centres;

/// <summary>Correcting a learner's details: registration's rules, a reason for every change, one history row per field.</summary>
public class CandidateEditsTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly Guid Admin = Guid.NewGuid();

    private static Candidate Otto() => new() { CentreId = Guid.NewGuid(), GivenName = "Otto", FamilyName = "Reed", DateOfBirth = new DateOnly(2001, 2, 2), Uln = Uln.Temporary, CreatedAt = Now.AddDays(-30) };

    private static CandidateDetailsInput Same(Candidate c, string? uln = null, string? family = null, DateOnly? born = null) =>
        new(c.GivenName, family ?? c.FamilyName, born ?? c.DateOfBirth, uln ?? c.Uln, c.AwardingBodyCandidateNumber);

    [Fact]
    public void The_learners_own_ULN_replacing_the_temporary_one_is_one_change_kept_with_who_when_and_why()
    {
        var otto = Otto();

        var changes = CandidateEdits.Apply(otto, Same(otto, uln: " 2345678908 "), "ULN received from the Learning Records Service", null, Admin, "Alex Admin", Now, Today);

        var change = Assert.Single(changes);
        Assert.Equal(("ULN", Uln.Temporary, "2345678908", "ULN received from the Learning Records Service"), (change.Field, change.From, change.To, change.Reason));
        Assert.Equal((otto.Id, otto.CentreId, (Guid?)Admin, "Alex Admin", Now), (change.CandidateId, change.CentreId, change.ChangedBy, change.ChangedByName, change.ChangedAt));
        Assert.Equal("2345678908", otto.Uln);
    }

    [Fact]
    public void Each_field_that_changes_has_its_own_row_and_the_date_reads_as_a_person_writes_it()
    {
        var otto = Otto();

        var changes = CandidateEdits.Apply(otto, Same(otto, family: "Reid", born: new DateOnly(2001, 2, 20)), "Misspelt at enrolment", null, Admin, "Alex Admin", Now, Today);

        Assert.Equal([("Family name", "Reed", "Reid"), ("Date of birth", "2 February 2001", "20 February 2001")], changes.Select(c => (c.Field, c.From, c.To)));
    }

    [Fact]
    public void Saving_the_same_details_changes_nothing_and_needs_no_reason()
    {
        var otto = Otto();

        Assert.Empty(CandidateEdits.Apply(otto, Same(otto), null, null, Admin, "Alex Admin", Now, Today));
    }

    [Fact]
    public void A_change_without_a_reason_is_refused_on_the_reason_field_and_changes_nothing()
    {
        var otto = Otto();

        var refused = Assert.Throws<DomainRuleException>(() => CandidateEdits.Apply(otto, Same(otto, uln: "2345678908"), "  ", null, Admin, "Alex Admin", Now, Today));

        Assert.Equal("Reason", Assert.Single(refused.FieldReasons!).Field);
        Assert.Equal(Uln.Temporary, otto.Uln);
    }

    [Fact]
    public void Registrations_rules_hold_and_every_broken_one_is_named_on_its_field()
    {
        var otto = Otto();

        var refused = Assert.Throws<DomainRuleException>(() => CandidateEdits.Apply(
            otto, new CandidateDetailsInput("Otto", " ", Today.AddDays(1), "1234567898", null), "Corrections", null, Admin, "Alex Admin", Now, Today));

        Assert.Equal(["FamilyName", "DateOfBirth", "Uln"], refused.FieldReasons!.Select(r => r.Field));
        Assert.Contains("check digit", refused.FieldReasons!.Single(r => r.Field == "Uln").Message, StringComparison.Ordinal);
        Assert.Equal(("Reed", Uln.Temporary), (otto.FamilyName, otto.Uln));
    }

    [Fact]
    public void A_ULN_another_learner_of_the_centre_has_is_refused_naming_them_but_the_temporary_ULN_is_shared()
    {
        var otto = Otto();
        otto.Uln = "2345678908";

        var refused = Assert.Throws<DomainRuleException>(() => CandidateEdits.Apply(otto, Same(otto, uln: "1234567899"), "Typo", "Cara Centre", Admin, "Alex Admin", Now, Today));
        Assert.Equal(("Uln", "ULN 1234567899 already belongs to Cara Centre at this centre: one learner has one record"), Assert.Single(refused.FieldReasons!));

        Assert.Single(CandidateEdits.Apply(otto, Same(otto, uln: Uln.Temporary), "The ULN was someone else's", "Cara Centre", Admin, "Alex Admin", Now, Today));
    }
}
