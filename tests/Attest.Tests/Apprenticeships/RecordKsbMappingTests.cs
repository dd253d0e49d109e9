using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Tests.Apprenticeships;

/// <summary>Issue 17 item 4: a record maps to KSBs of its apprenticeship's standard, refused on the KSB field when it cannot; a mapping is taken back by a withdrawal.</summary>
public class RecordKsbMappingTests
{
    private static readonly StandardSpec Sample = ShippedCatalogue.Catalogue.FindStandard("SAMPLE-CS3")!;

    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly Guid Centre = Guid.NewGuid();

    private static (Enrolment Enrolment, Apprenticeship Apprenticeship) Apprentice(string programmeCode = "SAMPLE-CS3", ApprenticeshipProgramme programme = ApprenticeshipProgramme.Standard)
    {
        var enrolment = Enrolment.Create(Centre, Guid.NewGuid(), ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 1, 5), Now);
        var employer = Employer.Create(Centre, "Harbour View Hotel", null, Guid.NewGuid(), Now);
        var apprenticeship = Apprenticeship.Start(enrolment, new(programme, programmeCode, "Customer service", new DateOnly(2026, 1, 5), new DateOnly(2027, 4, 5), 37.5m, 600, employer.Id),
            employer, ShippedRules.Rules, ShippedCatalogue.Catalogue, Guid.NewGuid(), Now);
        return (enrolment, apprenticeship);
    }

    private static KsbRecord Evidence(Enrolment enrolment) => new(KsbRecordKind.Evidence, Guid.NewGuid(), enrolment.CandidateId, null, "E004 Complaint log");

    private static IReadOnlyList<RecordKsbMapping> Map(Enrolment enrolment, Apprenticeship? apprenticeship, StandardSpec? standard, KsbRecord record, string[] codes, IEnumerable<RecordKsbMapping>? live = null) =>
        RecordKsbMapping.Map(enrolment, apprenticeship, standard, record, codes, live ?? [], Guid.NewGuid(), "Ava Assessor", Now);

    [Fact]
    public void Each_chosen_KSB_is_one_mapping_of_the_record_with_the_standard_version_and_who_mapped_it()
    {
        var (enrolment, apprenticeship) = Apprentice();
        var review = new KsbRecord(KsbRecordKind.ProgressReview, Guid.NewGuid(), enrolment.CandidateId, enrolment.Id, "Progress review held on 1 December 2026");

        var mappings = Map(enrolment, apprenticeship, Sample, review, ["k1", " S3 ", "K1", ""]);

        Assert.Equal(["K1", "S3"], mappings.Select(m => m.KsbCode)); // the standard's spelling, once each, blanks ignored
        Assert.All(mappings, m => Assert.Equal((enrolment.Id, enrolment.CandidateId, KsbRecordKind.ProgressReview, review.Id, "SAMPLE-CS3", "1.0", "Ava Assessor", Now),
            (m.EnrolmentId, m.CandidateId, m.RecordKind, m.RecordId, m.StandardReference, m.StandardVersion, m.MappedByName, m.MappedAt)));
        Assert.Equal([new KsbMapping("K1", review.Id), new KsbMapping("S3", review.Id)], mappings.Select(m => m.AsCoverage()));
    }

    [Fact]
    public void An_enrolment_that_is_no_apprenticeship_is_refused_on_the_KSB_field()
    {
        var (enrolment, _) = Apprentice();

        var refused = Assert.Throws<DomainRuleException>(() => Map(enrolment, null, Sample, Evidence(enrolment), ["K1"]));

        Assert.Equal("Ksbs", refused.Field);
        Assert.Contains("not an apprenticeship", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standard_the_catalogue_does_not_hold_is_refused_naming_its_reference()
    {
        var (enrolment, apprenticeship) = Apprentice("ST0229");

        var refused = Assert.Throws<DomainRuleException>(() => Map(enrolment, apprenticeship, null, Evidence(enrolment), ["K1"]));

        Assert.Equal("Ksbs", refused.Field);
        Assert.Contains("standard ST0229 is not in the catalogue", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_has_no_KSBs_even_when_a_standard_has_its_code()
    {
        var (enrolment, apprenticeship) = Apprentice(programme: ApprenticeshipProgramme.Framework);

        var refused = Assert.Throws<DomainRuleException>(() => Map(enrolment, apprenticeship, Sample, Evidence(enrolment), ["K1"]));

        Assert.Equal("Ksbs", refused.Field);
        Assert.Contains("follows framework SAMPLE-CS3, which has no KSBs", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_of_another_enrolment_or_apprentice_is_refused()
    {
        var (enrolment, apprenticeship) = Apprentice();
        var otherActivity = new KsbRecord(KsbRecordKind.OffTheJobActivity, Guid.NewGuid(), enrolment.CandidateId, Guid.NewGuid(), "Off-the-job teaching on 1 December 2026");
        var othersEvidence = new KsbRecord(KsbRecordKind.Evidence, Guid.NewGuid(), Guid.NewGuid(), null, "E009 Someone else's");

        foreach (var record in new[] { otherActivity, othersEvidence })
        {
            var refused = Assert.Throws<DomainRuleException>(() => Map(enrolment, apprenticeship, Sample, record, ["K1"]));
            Assert.Equal("Ksbs", refused.Field);
            Assert.Contains($"{record.Name} is not a record of this apprenticeship", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Codes_the_standard_does_not_define_and_live_duplicates_are_each_refused_and_nothing_is_mapped()
    {
        var (enrolment, apprenticeship) = Apprentice();
        var record = Evidence(enrolment);
        var live = Map(enrolment, apprenticeship, Sample, record, ["K2"]);

        var refused = Assert.Throws<DomainRuleException>(() => Map(enrolment, apprenticeship, Sample, record, ["K99", "K2", "S1"], live));

        Assert.Equal(
            [("Ksbs", "K99 is not a KSB of SAMPLE-CS3 Sample customer service standard (not an IfATE standard) version 1.0."), ("Ksbs", "E004 Complaint log is already mapped to K2.")],
            refused.FieldReasons);
        Assert.Contains("Choose at least one KSB", Assert.Throws<DomainRuleException>(() => Map(enrolment, apprenticeship, Sample, record, [" "])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawn_mapping_can_be_made_again_and_a_withdrawal_needs_a_reason_and_happens_once()
    {
        var (enrolment, apprenticeship) = Apprentice();
        var record = Evidence(enrolment);
        var mapping = Map(enrolment, apprenticeship, Sample, record, ["B1"]).Single();

        Assert.Equal("Reason", Assert.Throws<DomainRuleException>(() => KsbMappingWithdrawal.Record(mapping, false, "  ", Guid.NewGuid(), "Ava", Now)).Field);
        Assert.Contains("already withdrawn", Assert.Throws<DomainRuleException>(() => KsbMappingWithdrawal.Record(mapping, true, "Wrong KSB.", Guid.NewGuid(), "Ava", Now)).Message, StringComparison.Ordinal);
        var withdrawal = KsbMappingWithdrawal.Record(mapping, false, " Shows B2, not B1. ", Guid.NewGuid(), "Ava", Now);
        Assert.Equal((mapping.Id, enrolment.Id, "B1", "Shows B2, not B1."), (withdrawal.MappingId, withdrawal.EnrolmentId, withdrawal.KsbCode, withdrawal.Reason));

        // Once withdrawn it is no longer live, so the record may be mapped to the KSB again.
        Assert.Equal("B1", Map(enrolment, apprenticeship, Sample, record, ["B1"], []).Single().KsbCode);
    }
}
