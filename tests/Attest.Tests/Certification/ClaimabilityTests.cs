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

    [Fact]
    public void A_10380_claim_dated_after_31_August_2023_is_refused_with_the_last_certification_date()
    {
        var late = Claimability.Evaluate(Diploma10380, Subject("4"), [Achieved("4")], [], new DateOnly(2023, 9, 1));

        Assert.Equal("Claims for 10380 Level 3 Diploma in Customer Service closed on 31 August 2023 (its last certification date); 1 September 2023 is after it.", late.Closed);
        Assert.Empty(late.ClaimableUnits);
        var refused = Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(late, ClaimScope.Unit, ["4"], Guid.NewGuid(), "Admin", Signing));
        Assert.Contains(late.Closed, refused.Reasons);

        var lastDay = Claimability.Evaluate(Diploma10380, Subject("4"), [Achieved("4")], [], new DateOnly(2023, 8, 31));
        Assert.Null(lastDay.Closed);
        var claim = CertificationClaim.Make(lastDay, ClaimScope.Unit, ["4"], Guid.NewGuid(), "Admin", Signing);
        var line = Assert.Single(claim.Lines);
        Assert.Equal(("4", new DateOnly(2023, 6, 1), "Resolve customers' problems"), (line.UnitCode, line.AchievedOn, line.UnitTitle));
    }

    [Fact]
    public void A_unit_is_claimable_only_when_signed_off_countersigned_cleared_by_quality_assurance_and_not_yet_claimed()
    {
        var subject = Subject("1", "4", "9", "31");
        var result = Claimability.Evaluate(Diploma10380, subject,
            [Achieved("4"), Achieved("9", countersigned: false), Achieved("31", true, "An IQA disagreement on unit 31 is open: the assessor must act on it first.")], [], new DateOnly(2023, 7, 1));

        Assert.Equal(["4"], result.ClaimableUnits.Select(u => u.Unit.Code));
        Assert.Equal(["Unit 1 is not achieved: it has no sign-off that stands."], result.Units.Single(u => u.Unit.Code == "1").Reasons);
        Assert.Equal(["Unit 9 waits for the candidate to countersign its sign-off of 1 June 2023."], result.Units.Single(u => u.Unit.Code == "9").Reasons);
        Assert.Equal(["An IQA disagreement on unit 31 is open: the assessor must act on it first."], result.Units.Single(u => u.Unit.Code == "31").Reasons);

        var refused = Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(result, ClaimScope.Unit, ["4", "9"], Guid.NewGuid(), "Admin", Signing));
        Assert.Equal(["Unit 9 waits for the candidate to countersign its sign-off of 1 June 2023."], refused.Reasons);

        var claim = CertificationClaim.Make(result, ClaimScope.Unit, ["4"], Guid.NewGuid(), "Admin", Signing);
        var after = Claimability.Evaluate(Diploma10380, subject, [Achieved("4")], claim.Lines, new DateOnly(2023, 7, 1));
        Assert.Empty(after.ClaimableUnits);
        Assert.Equal(["Unit 4 has already been claimed."], Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(after, ClaimScope.Unit, ["4"], Guid.NewGuid(), "Admin", Signing)).Reasons);
    }

    [Fact]
    public void The_whole_qualification_is_claimable_only_when_the_units_cleared_meet_its_rules_of_combination()
    {
        var diploma = ShippedCatalogue.Diploma03456;
        string[] units = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];
        var allButOne = Claimability.Evaluate(diploma, Subject(units), [.. units.Where(u => u != "F4").Select(u => Achieved(u))], [], new DateOnly(2026, 11, 27));
        Assert.False(allButOne.QualificationClaimable);
        Assert.Contains(allButOne.QualificationReasons, r => r.StartsWith("Mandatory unit F4", StringComparison.Ordinal));
        Assert.Contains("Mandatory unit", Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(allButOne, ClaimScope.Qualification, [], Guid.NewGuid(), "Admin", Signing)).Message, StringComparison.Ordinal);

        var all = Claimability.Evaluate(diploma, Subject(units), [.. units.Select(u => Achieved(u))], [], new DateOnly(2026, 11, 27));
        Assert.True(all.QualificationClaimable, string.Join(" ", all.QualificationReasons));
        var claim = CertificationClaim.Make(all, ClaimScope.Qualification, [], Guid.NewGuid(), "Admin", Signing);
        Assert.Equal(units.Order(StringComparer.Ordinal), claim.Lines.Select(l => l.UnitCode));
        Assert.All(claim.Lines, l => Assert.Equal(ClaimScope.Qualification, l.Scope));
        var claimed = Claimability.Evaluate(diploma, Subject(units), [.. units.Select(u => Achieved(u))], claim.Lines, new DateOnly(2026, 11, 27));
        Assert.False(claimed.QualificationClaimable);
        Assert.Equal(7, claimed.ClaimableUnits.Count()); // unit certificates are a separate claim
    }

    [Fact]
    public void A_claim_cannot_be_dated_after_the_day_it_is_signed()
    {
        var tomorrow = Claimability.Evaluate(ShippedCatalogue.Diploma03456, Subject("C3"), [Achieved("C3")], [], new DateOnly(2026, 11, 28));
        Assert.Equal(["A claim cannot be dated in the future: 28 November 2026 is after today."],
            Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(tomorrow, ClaimScope.Unit, ["C3"], Guid.NewGuid(), "Admin", Signing)).Reasons);
    }
}
