using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Tests.Apprenticeships;

/// <summary>Issue 17 item 5: English and maths records, and the gateway declaration signed by the employer and then the provider, each once.</summary>
public class GatewayRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    private static readonly StandardSpec Sample = ShippedCatalogue.Catalogue.FindStandard("SAMPLE-CS3")!;

    private static readonly Enrolment Apprentice = Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 1, 5), Now);

    public static IReadOnlyCollection<EnglishAndMathsRecord> LevelTwoInBoth =>
    [
        Achieved(EnglishAndMathsSubject.English, 2),
        EnglishAndMathsRecord.Record(Apprentice, new(EnglishAndMathsSubject.Maths, EnglishAndMathsOutcome.Exempt, null, null, null, "Holds a level 3 qualification in maths"), Guid.NewGuid(), "Asha Assessor", Now),
    ];

    private static EnglishAndMathsRecord Achieved(EnglishAndMathsSubject subject, int level, DateTime? at = null) =>
        EnglishAndMathsRecord.Record(Apprentice, new(subject, EnglishAndMathsOutcome.Achieved, level, new DateOnly(2024, 8, 22), "GCSE certificate seen", null), Guid.NewGuid(), "Asha Assessor", at ?? Now);

    [Fact]
    public void An_English_or_maths_record_is_refused_with_every_reason_on_its_field()
    {
        var achieved = Assert.Throws<DomainRuleException>(() => EnglishAndMathsRecord.Record(Apprentice, new(null, EnglishAndMathsOutcome.Achieved, 3, new DateOnly(2026, 11, 3), " ", null), Guid.NewGuid(), "A", Now));
        Assert.Equal(["Subject", "Level", "AchievedOn", "Evidence"], achieved.FieldReasons!.Select(r => r.Field));
        Assert.Contains("cannot be in the future", achieved.FieldReasons!.Single(r => r.Field == "AchievedOn").Message, StringComparison.Ordinal);

        var exempt = Assert.Throws<DomainRuleException>(() => EnglishAndMathsRecord.Record(Apprentice, new(EnglishAndMathsSubject.English, EnglishAndMathsOutcome.Exempt, null, null, null, ""), Guid.NewGuid(), "A", Now));
        Assert.Equal(("ExemptionReason", "Say why the apprentice is exempt"), exempt.FieldReasons!.Single());

        var none = Assert.Throws<DomainRuleException>(() => EnglishAndMathsRecord.Record(Apprentice, new(EnglishAndMathsSubject.English, null, null, null, null, null), Guid.NewGuid(), "A", Now));
        Assert.Equal("Outcome", none.FieldReasons!.Single().Field);
    }

    [Fact]
    public void The_newest_record_of_each_subject_counts_and_a_lower_level_is_named_as_the_shortfall()
    {
        var older = Achieved(EnglishAndMathsSubject.English, 2, Now.AddDays(-10));
        var newer = Achieved(EnglishAndMathsSubject.English, 1);

        Assert.Equal(["English: achieved at level 1, not level 2", "Maths: nothing recorded yet"], EnglishAndMathsRecord.Shortfall([older, newer], 2));
        Assert.Equal(["Maths: nothing recorded yet"], EnglishAndMathsRecord.Shortfall([newer], 1));
        Assert.Empty(EnglishAndMathsRecord.Shortfall(LevelTwoInBoth, 2));
    }

    [Fact]
    public void The_provider_signs_last_once_every_other_item_is_met_and_each_party_signs_once()
    {
        var covered = KsbCoverage.Of(Sample, Sample.Ksbs.Select(k => new KsbMapping(k.Code, Guid.NewGuid())));
        GatewayReadinessResult Readiness(bool employerAgreed, decimal verified = 280) =>
            GatewayReadiness.Evaluate(Sample, new GatewayFacts(["03456"], covered, new OffTheJobHoursFact(verified, 280), LevelTwoInBoth, employerAgreed));

        var early = Assert.Throws<DomainRuleException>(() => GatewaySignature.Sign(Apprentice, Sample, Readiness(false, 200), [], GatewayParty.Provider, Guid.NewGuid(), "Asha Assessor", Now));
        Assert.Equal("The training provider signs last, once every other item is met. Not met yet: Off-the-job training hours met; Employer agrees the apprentice is ready.", early.Message);

        // The employer may agree before the rest is met; what they saw is kept with their signature.
        var employer = GatewaySignature.Sign(Apprentice, Sample, Readiness(false, 200), [], GatewayParty.Employer, Guid.NewGuid(), "Lee Morgan", Now);
        Assert.Contains("Off-the-job training hours met: not met, 200 of the 280 planned off-the-job hours are verified; 80 to go.", employer.Checklist, StringComparison.Ordinal);
        var twice = Assert.Throws<DomainRuleException>(() => GatewaySignature.Sign(Apprentice, Sample, Readiness(true), [employer], GatewayParty.Employer, Guid.NewGuid(), "Lee Morgan", Now));
        Assert.Equal("The gateway declaration is already signed for the employer by Lee Morgan on 2 November 2026: each party signs once.", twice.Message);
        Assert.Null(twice.Field); // once signed, the party's button is gone: the refusal names no field

        var provider = GatewaySignature.Sign(Apprentice, Sample, Readiness(true), [employer], GatewayParty.Provider, Guid.NewGuid(), "Asha Assessor", Now);
        Assert.True(GatewaySignature.IsComplete([employer, provider]));
        Assert.False(GatewaySignature.IsComplete([employer]));
        Assert.Equal(("SAMPLE-CS3", "1.0"), (provider.StandardReference, provider.StandardVersion));
        Assert.Contains("statement: As the training provider, I declare", provider.SignedContent(), StringComparison.Ordinal);
    }
}
