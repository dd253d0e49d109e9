using Attest.Core;
using Attest.Core.Certification;
using Attest.Core.Qualifications;

namespace Attest.Tests.Certification;

/// <summary>
/// What may be claimed, from the seeds: claims go to the awarding body only for achievement that stands (product.md),
/// and seed 003 gives each qualification a last certification date ("10380 ... Last certification date 31/08/2023").
/// </summary>
public class ClaimabilityTests
{
    private static readonly QualificationSpec Diploma10380 = ShippedCatalogue.Catalogue.Find("10380")!;

    private static readonly DateTime SignedOff = new(2023, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>When the administrator signs the claims below: after every claim date they use.</summary>
    private static readonly DateTime Signing = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    private static ClaimSubject Subject(params string[] units) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Cara Candidate", "1000000004", "0042", new DateOnly(2020, 8, 1), units);

    private static UnitRecord Achieved(string unit, bool countersigned = true, params string[] holds) =>
        new(unit, new UnitAchievement(Guid.NewGuid(), SignedOff, null, countersigned), holds);

    /// <summary>03456 as if, like 10380, its claims had closed on 31 August 2023 (seed 003: "Last certification date 31/08/2023").</summary>
    private static readonly QualificationSpec Closed03456 = ShippedCatalogue.Diploma03456 with { LastCertificationDate = new DateOnly(2023, 8, 31) };

    private static DateOnly Today => UkTime.DateOf(Signing);

    [Fact]
    public void A_claim_after_the_last_certification_date_is_refused_and_the_claim_is_dated_the_day_it_is_signed()
    {
        var late = Claimability.Evaluate(Closed03456, Subject("C3"), [Achieved("C3")], [], Today);

        Assert.Equal("Claims for 03456 Level 3 NVQ Diploma in Customer Service closed on 31 August 2023 (its last certification date); 27 November 2026 is after it.", late.Closed);
        Assert.Empty(late.ClaimableUnits);
        var refused = Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(late, ClaimScope.Unit, ["C3"], Guid.NewGuid(), "Admin", Signing));
        Assert.Contains(late.Closed, refused.Reasons);

        // No date a user types moves the rule: the standing and the claim are both for the day the claim is signed.
        var backdated = Claimability.Evaluate(Closed03456, Subject("C3"), [Achieved("C3")], [], new DateOnly(2023, 8, 31));
        Assert.Throws<InvalidOperationException>(() => CertificationClaim.Make(backdated, ClaimScope.Unit, ["C3"], Guid.NewGuid(), "Admin", Signing));
        var claim = CertificationClaim.Make(Claimability.Evaluate(ShippedCatalogue.Diploma03456, Subject("C3"), [Achieved("C3")], [], Today), ClaimScope.Unit, ["C3"], Guid.NewGuid(), "Admin", Signing);
        Assert.Equal(new DateOnly(2026, 11, 27), claim.ClaimDate);
        var line = Assert.Single(claim.Lines);
        Assert.Equal(("C3", new DateOnly(2023, 6, 1)), (line.UnitCode, line.AchievedOn));
    }

    [Fact]
    public void A_unit_is_claimable_only_when_signed_off_countersigned_cleared_by_quality_assurance_and_not_yet_claimed()
    {
        var subject = Subject("F3", "F4", "C3", "A13");
        var result = Claimability.Evaluate(ShippedCatalogue.Diploma03456, subject,
            [Achieved("F3"), Achieved("F4", countersigned: false), Achieved("C3", true, "An IQA disagreement on unit C3 is open: the assessor must act on it first.")], [], Today);

        Assert.Equal(["F3"], result.ClaimableUnits.Select(u => u.Unit.Code));
        Assert.Equal(["Unit F4 waits for the candidate to countersign its sign-off of 1 June 2023."], result.Units.Single(u => u.Unit.Code == "F4").Reasons);
        Assert.Equal(["An IQA disagreement on unit C3 is open: the assessor must act on it first."], result.Units.Single(u => u.Unit.Code == "C3").Reasons);
        Assert.Equal(["Unit A13 cannot be assessed: the catalogue holds no criteria for it, so it cannot be achieved or claimed."], result.Units.Single(u => u.Unit.Code == "A13").Reasons);

        var refused = Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(result, ClaimScope.Unit, ["F3", "F4"], Guid.NewGuid(), "Admin", Signing));
        Assert.Equal(["Unit F4 waits for the candidate to countersign its sign-off of 1 June 2023."], refused.Reasons);

        var claim = CertificationClaim.Make(result, ClaimScope.Unit, ["F3"], Guid.NewGuid(), "Admin", Signing);
        var after = Claimability.Evaluate(ShippedCatalogue.Diploma03456, subject, [Achieved("F3")], claim.Lines, Today);
        Assert.Empty(after.ClaimableUnits);
        Assert.Equal(["Unit F3 has already been claimed."], Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(after, ClaimScope.Unit, ["F3"], Guid.NewGuid(), "Admin", Signing)).Reasons);
    }

    [Fact]
    public void A_unit_of_10380_cannot_be_claimed_because_the_catalogue_holds_no_criteria_to_assess_it_against()
    {
        var result = Claimability.Evaluate(Diploma10380, Subject("4"), [Achieved("4")], [], new DateOnly(2023, 7, 1));
        Assert.Empty(result.ClaimableUnits);
        Assert.Equal(["Unit 4 cannot be assessed: the catalogue holds no criteria for it, so it cannot be achieved or claimed."], result.Units.Single().Reasons);
        Assert.False(result.QualificationClaimable);
    }

    [Fact]
    public void The_whole_qualification_is_claimable_only_when_the_units_cleared_meet_its_rules_of_combination()
    {
        var diploma = ShippedCatalogue.Diploma03456 with { Units = [.. ShippedCatalogue.Diploma03456.Units.Select(Assessable)] };
        string[] units = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];
        var allButOne = Claimability.Evaluate(diploma, Subject(units), [.. units.Where(u => u != "F4").Select(u => Achieved(u))], [], Today);
        Assert.False(allButOne.QualificationClaimable);
        Assert.Contains(allButOne.QualificationReasons, r => r.StartsWith("Mandatory unit F4", StringComparison.Ordinal));
        Assert.Contains("Mandatory unit", Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(allButOne, ClaimScope.Qualification, [], Guid.NewGuid(), "Admin", Signing)).Message, StringComparison.Ordinal);

        var all = Claimability.Evaluate(diploma, Subject(units), [.. units.Select(u => Achieved(u))], [], Today);
        Assert.True(all.QualificationClaimable, string.Join(" ", all.QualificationReasons));
        var claim = CertificationClaim.Make(all, ClaimScope.Qualification, [], Guid.NewGuid(), "Admin", Signing);
        Assert.Equal(units.Order(StringComparer.Ordinal), claim.Lines.Select(l => l.UnitCode));
        Assert.All(claim.Lines, l => Assert.Equal(ClaimScope.Qualification, l.Scope));
        var claimed = Claimability.Evaluate(diploma, Subject(units), [.. units.Select(u => Achieved(u))], claim.Lines, Today);
        Assert.False(claimed.QualificationClaimable);
        Assert.Equal(7, claimed.ClaimableUnits.Count()); // unit certificates are a separate claim
    }

    /// <summary>
    /// Issue 13: CTL2-CS has no rules of combination in the catalogue and its only unit was graded Unclassified, yet "the whole
    /// qualification (0 units)" could be claimed. No rules is not "anything goes": the qualification needs every unit of it.
    /// </summary>
    [Fact]
    public void A_qualification_without_rules_of_combination_is_claimable_only_when_every_unit_is_achieved_and_never_with_none()
    {
        var technical = ShippedCatalogue.CambridgeTechnical;
        Assert.Null(technical.Rules);
        var unclassified = Claimability.Evaluate(technical, Subject("7"), [new UnitRecord("7", null, [])], [], Today);
        Assert.False(unclassified.QualificationClaimable);
        Assert.Equal("No unit is achieved and cleared for certification yet.", unclassified.QualificationReasons[0]);
        Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(unclassified, ClaimScope.Qualification, [], Guid.NewGuid(), "Admin", Signing));

        var twoUnits = technical with { Units = [technical.Units[0], technical.Units[0] with { Code = "8", Title = "A second unit" }] };
        var oneOfTwo = Claimability.Evaluate(twoUnits, Subject("7", "8"), [Achieved("7")], [], Today);
        Assert.False(oneOfTwo.QualificationClaimable);
        Assert.Contains(oneOfTwo.QualificationReasons, r => r.StartsWith("Unit 8 A second unit is missing: the catalogue holds no rules of combination", StringComparison.Ordinal));
        Assert.True(Claimability.Evaluate(twoUnits, Subject("7", "8"), [Achieved("7"), Achieved("8")], [], Today).QualificationClaimable);
    }

    [Fact]
    public void Nothing_is_claimed_for_a_learner_who_has_only_the_temporary_uln()
    {
        var subject = Subject("C3") with { Uln = Core.Centres.Uln.Temporary };
        var result = Claimability.Evaluate(ShippedCatalogue.Diploma03456, subject, [Achieved("C3")], [], Today);
        Assert.Equal("Cara Candidate has the temporary ULN 9999999999: record the learner's own ULN before claiming, since the awarding body certificates against it.", result.Closed);
        Assert.Empty(result.ClaimableUnits);
        Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(result, ClaimScope.Unit, ["C3"], Guid.NewGuid(), "Admin", Signing));
    }

    /// <summary>A unit given criteria, standing in for one whose specification a centre has added (the shipped 03456 holds F3, F4 and C3 only).</summary>
    private static UnitSpec Assessable(UnitSpec unit) =>
        unit.IsAssessable ? unit : unit with { LearningOutcomes = [new LearningOutcomeSpec("1", "Outcome", [new CriterionSpec("1.1", CriterionKind.Performance, null, "Criterion")])] };
}
