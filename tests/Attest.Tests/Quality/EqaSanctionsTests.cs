using Attest.Core;
using Attest.Core.Certification;
using Attest.Core.Portfolios;
using Attest.Core.Quality;

namespace Attest.Tests.Quality;

/// <summary>Product.md: the EQA "can impose sanctions". The latest report's sanction stands until a later report replaces it.</summary>
public class EqaSanctionsTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Eqa = Guid.NewGuid();
    private static readonly EqaVisit Visit = EqaVisit.Create(Guid.NewGuid(), "OCR EV 2026/11", Eqa, "Erin External", Now.AddHours(-1), Now.AddDays(2), Eqa, Now.AddHours(-2));

    private static EqaReport Report(EqaSanction sanction, int minutes) =>
        EqaReport.Write(Visit, "Findings.", sanction == EqaSanction.None ? null : "Reassess C3 for every candidate.", sanction, Eqa, "Erin External", Now.AddMinutes(minutes));

    [Fact]
    public void The_latest_report_decides_and_an_action_plan_or_no_sanction_stops_nothing()
    {
        var suspended = Report(EqaSanction.CertificationSuspended, 0);
        Assert.Same(suspended, EqaSanctions.InForce([suspended, Report(EqaSanction.ActionPlan, -10)]));
        Assert.Null(EqaSanctions.InForce([suspended, Report(EqaSanction.None, 10)]));
        Assert.Null(EqaSanctions.InForce([suspended, Report(EqaSanction.ActionPlan, 10)]));
        Assert.Null(EqaSanctions.InForce([]));
        Assert.Equal("Certification is suspended at this centre by the EQA's report of 27 November 2026 (Erin External); no claim can be made until a later EQA report lifts it. Actions: Reassess C3 for every candidate.",
            EqaSanctions.CertificationHold(suspended));
        Assert.Null(EqaSanctions.RegistrationHold(suspended));
        Assert.Null(EqaSanctions.CertificationHold(Report(EqaSanction.RegistrationSuspended, 0)));
    }

    [Fact]
    public void Suspended_certification_closes_every_claim_and_suspended_registration_refuses_an_enrolment()
    {
        var enrolment = Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 9, 1), Now);
        var candidate = new Core.Centres.Candidate { GivenName = "Sam", FamilyName = "Patel", Uln = "1234567899" };
        var hold = EqaSanctions.CertificationHold(Report(EqaSanction.CertificationSuspended, 0));
        var view = Claimability.Evaluate(ShippedCatalogue.Diploma03456, ClaimSubject.From(enrolment, candidate), [], [], new DateOnly(2026, 11, 27), hold);
        Assert.Equal(hold, view.Closed);
        Assert.False(view.QualificationClaimable);
        Assert.Empty(view.ClaimableUnits);
        var refused = Assert.Throws<DomainRuleException>(() => CertificationClaim.Make(view, ClaimScope.Unit, ["C3"], Guid.NewGuid(), "Alex Admin", Now));
        Assert.Contains(hold, refused.Reasons);

        var registration = EqaSanctions.RegistrationHold(Report(EqaSanction.RegistrationSuspended, 0))!;
        var notEnrolled = Assert.Throws<DomainRuleException>(() =>
            Enrolment.Create(Guid.NewGuid(), Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 11, 27), Now, registrationHold: registration));
        Assert.Equal(registration, notEnrolled.Reasons[0]);
    }
}
