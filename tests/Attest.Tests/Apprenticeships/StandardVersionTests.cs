using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Tests.Apprenticeships;

/// <summary>
/// An apprentice follows the version of the standard they started on: a newer version in the catalogue moves nobody, and an
/// administrator moves an apprentice only to a version the catalogue holds.
/// </summary>
public class StandardVersionTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Centre = Guid.NewGuid();
    private static readonly StandardSpec Sample = ShippedCatalogue.Catalogue.FindStandard("SAMPLE-CS3")!;

    /// <summary>The shipped catalogue with version 1.1 of the sample standard beside 1.0, one KSB more.</summary>
    private static readonly Catalogue WithNewerVersion = new(ShippedCatalogue.Catalogue.Qualifications)
    {
        Standards = [Sample, Sample with { Version = "1.1", Ksbs = [.. Sample.Ksbs, new KsbSpec("K17", "Data protection in customer records")] }],
    };

    private static (Enrolment Enrolment, Employer Employer) Learner()
    {
        var enrolment = Enrolment.Create(Centre, Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 1, 5), Now);
        return (enrolment, Employer.Create(Centre, "Harbour View Hotel", null, Guid.NewGuid(), Now));
    }

    private static ApprenticeshipTerms Terms(Employer employer, string code = "SAMPLE-CS3", ApprenticeshipProgramme programme = ApprenticeshipProgramme.Standard, string? version = null) =>
        new(programme, code, "Customer service", new DateOnly(2026, 1, 5), new DateOnly(2027, 4, 5), 37.5m, 600, employer.Id, version);

    [Fact]
    public void An_apprentice_keeps_the_version_they_started_on_when_a_newer_one_is_added_and_new_starters_take_the_newest()
    {
        var (enrolment, employer) = Learner();
        var started = Apprenticeship.Start(enrolment, Terms(employer), employer, ShippedRules.Rules, ShippedCatalogue.Catalogue, Guid.NewGuid(), Now);
        Assert.Equal("1.0", started.StandardVersion);

        // Version 1.1 arrives: the apprentice's KSBs stay 1.0's, and saving their details again changes nothing.
        Assert.Equal(("1.0", 16), (started.StandardIn(WithNewerVersion)!.Version, started.StandardIn(WithNewerVersion)!.Ksbs.Count));
        started.Change(enrolment, Terms(employer), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now);
        Assert.Equal("1.0", started.StandardVersion);

        var (newcomer, newEmployer) = Learner();
        Assert.Equal("1.1", Apprenticeship.Start(newcomer, Terms(newEmployer), newEmployer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now).StandardVersion);
    }

    [Fact]
    public void An_administrator_moves_an_apprentice_only_to_a_version_the_catalogue_holds()
    {
        var (enrolment, employer) = Learner();
        var apprenticeship = Apprenticeship.Start(enrolment, Terms(employer), employer, ShippedRules.Rules, ShippedCatalogue.Catalogue, Guid.NewGuid(), Now);

        var refused = Assert.Throws<DomainRuleException>(() =>
            apprenticeship.Change(enrolment, Terms(employer, version: "2.0"), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now));
        Assert.Equal(("StandardVersion", "Choose a version of SAMPLE-CS3 the catalogue holds: 1.1, 1.0"), Assert.Single(refused.FieldReasons!));
        Assert.Equal("1.0", apprenticeship.StandardVersion);

        apprenticeship.Change(enrolment, Terms(employer, version: "1.1"), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now);
        Assert.Equal("1.1", apprenticeship.StandardVersion);
        Assert.NotNull(apprenticeship.StandardIn(WithNewerVersion)!.FindKsb("K17"));
    }

    [Fact]
    public void A_framework_or_a_standard_not_held_has_no_version_and_a_new_standard_starts_at_its_newest()
    {
        var (enrolment, employer) = Learner();
        var apprenticeship = Apprenticeship.Start(enrolment, Terms(employer, "ST0229"), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now);
        Assert.Null(apprenticeship.StandardVersion);
        Assert.Null(apprenticeship.StandardIn(WithNewerVersion));

        // Corrected to the standard held: its newest, whatever version was chosen for the reference it replaced.
        apprenticeship.Change(enrolment, Terms(employer, version: "1.0"), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now);
        Assert.Equal("1.1", apprenticeship.StandardVersion);

        apprenticeship.Change(enrolment, Terms(employer, "FR-EXAMPLE", ApprenticeshipProgramme.Framework), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now);
        Assert.Null(apprenticeship.StandardVersion);
        Assert.Null(apprenticeship.StandardIn(WithNewerVersion));
    }

    [Fact]
    public void Once_the_gateway_declaration_is_signed_the_apprentice_stays_on_the_standard_and_version_signed_for()
    {
        var (enrolment, employer) = Learner();
        var apprenticeship = Apprenticeship.Start(enrolment, Terms(employer), employer, ShippedRules.Rules, ShippedCatalogue.Catalogue, Guid.NewGuid(), Now);

        var moved = Assert.Throws<DomainRuleException>(() =>
            apprenticeship.Change(enrolment, Terms(employer, version: "1.1"), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now, gatewaySigned: true));
        Assert.Equal(("StandardVersion", "The gateway declaration is signed for SAMPLE-CS3 version 1.0: the apprentice stays on it for the end-point assessment"),
            Assert.Single(moved.FieldReasons!));
        var recoded = Assert.Throws<DomainRuleException>(() =>
            apprenticeship.Change(enrolment, Terms(employer, "ST0229"), employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now, gatewaySigned: true));
        Assert.Equal("ProgrammeCode", Assert.Single(recoded.FieldReasons!).Field);

        // Other details still change: the hours, say.
        apprenticeship.Change(enrolment, Terms(employer) with { PlannedOffTheJobHours = 650 }, employer, ShippedRules.Rules, WithNewerVersion, Guid.NewGuid(), Now, gatewaySigned: true);
        Assert.Equal((650m, "1.0"), (apprenticeship.PlannedOffTheJobHours, apprenticeship.StandardVersion));
    }
}
