using Attest.Core.Assessment;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Assessment;

/// <summary>
/// The sufficiency engine on C3 portfolios built from the seeds' rules: seed 001's evidence requirements (problem
/// types a-e, evidence 5a-d, "different customers on different occasions", no simulation for performance), seed
/// 003's "more than one example" for plural criteria and "performance evidence" for performance criteria.
/// </summary>
public class SufficiencyTests
{
    private static readonly UnitSpec C3 = ShippedCatalogue.Diploma03456.FindUnit("C3")!;
    private static readonly string[] Performance = [.. C3.Criteria.Where(c => c.Kind == CriterionKind.Performance).Select(c => c.Ref)];
    private static readonly string[] Knowledge = [.. C3.Criteria.Where(c => c.Kind == CriterionKind.Knowledge).Select(c => c.Ref)];

    private static AcceptedEvidence Evidence(string reference, EvidenceMethod method, string? customer, DateOnly? on, string[] criteria, string[] requirements, EvidenceContext context = EvidenceContext.RealWork) =>
        new(reference, method, context, Occasions.Routine, customer, on, on, criteria, requirements);

    /// <summary>Three real problems on three dates over three weeks with three customers, covering a-e and 5a-d, and a discussion for the knowledge.</summary>
    private static List<AcceptedEvidence> CompletePortfolio() =>
    [
        Evidence("E001", EvidenceMethod.DirectObservation, "Customer A", new DateOnly(2026, 9, 1), Performance, ["4a", "5a", "5c"]),
        Evidence("E002", EvidenceMethod.WitnessTestimony, "Customer B", new DateOnly(2026, 9, 10), Performance, ["4b", "4d", "5b"]),
        Evidence("E003", EvidenceMethod.WorkProduct, "Customer C", new DateOnly(2026, 9, 24), Performance, ["4c", "4e", "5d"]),
        Evidence("E004", EvidenceMethod.ProfessionalDiscussion, null, new DateOnly(2026, 9, 25), Knowledge, []),
    ];

    private static Dictionary<string, CriterionStatus> AllMet() => C3.Criteria.ToDictionary(c => c.Ref, _ => CriterionStatus.Met);

    [Fact]
    public void A_complete_C3_portfolio_is_sufficient_with_every_requirement_and_the_period_covered()
    {
        var result = Sufficiency.Evaluate(C3, AllMet(), CompletePortfolio());

        Assert.Empty(result.Findings);
        Assert.True(result.IsComplete);
        Assert.Equal(["4a", "4b", "4c", "4d", "4e", "5a", "5b", "5c", "5d"], result.Requirements.Select(r => r.Item.Ref));
        Assert.All(result.Requirements, r => Assert.NotEmpty(r.CoveredBy));
        Assert.Equal((3, 3, 23), (result.Period!.DistinctDates, result.Period.DistinctCustomers, result.Period.SpanDays));
        Assert.Equal(["E001", "E002", "E003"], result.Criteria.Single(c => c.Criterion.Ref == "1.3").Counting.Select(e => e.Reference));
    }

    [Fact]
    public void A_C3_portfolio_missing_problem_type_e_fails_on_that_requirement_in_the_seeds_words()
    {
        var evidence = CompletePortfolio();
        evidence[2] = evidence[2] with { Requirements = ["4c", "5d"] };

        var result = Sufficiency.Evaluate(C3, AllMet(), evidence);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((SufficiencyRule.Requirement, "4e"), (finding.Rule, finding.Requirement));
        Assert.Equal("Evidence requirement 4e of unit C3 is not covered: \"a problem caused by a lack of resources or human error\".", finding.Message);
        Assert.Equal("Your evidence must include examples of resolving problems involving each of the following:", finding.SpecificationWording);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void A_C3_portfolio_from_a_single_occasion_fails_on_the_period_with_different_customers_on_different_occasions()
    {
        var sameDay = new DateOnly(2026, 9, 1);
        var evidence = CompletePortfolio().Select(e => e with { From = sameDay, To = sameDay, Customer = e.Customer is null ? null : "Customer A" }).ToList();

        var result = Sufficiency.Evaluate(C3, AllMet(), evidence);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(SufficiencyRule.Period, finding.Rule);
        Assert.Equal("The evidence for unit C3 shows 1 occasion (activity dates) where at least 3 are needed, 1 customer where at least 3 are needed, a period of 0 days where at least 14 are needed: competence must be shown over a sufficient period of time with different customers on different occasions.", finding.Message);
        Assert.Contains("over a sufficient period of time with different customers on different occasions", finding.SpecificationWording, StringComparison.Ordinal);
    }

    [Fact]
    public void A_C3_portfolio_whose_performance_criteria_rest_on_simulation_fails_on_every_performance_criterion()
    {
        var evidence = CompletePortfolio().Select(e => e.Method == EvidenceMethod.ProfessionalDiscussion ? e : e with { Context = EvidenceContext.Simulation }).ToList();

        var result = Sufficiency.Evaluate(C3, AllMet(), evidence);

        var context = result.Findings.Where(f => f.Rule == SufficiencyRule.Context).ToList();
        Assert.Equal(Performance, context.Select(f => f.Criterion));
        Assert.Equal("C3 1.1 rests on simulation (E001, E002, E003), and simulation is not allowed for performance evidence in unit C3.", context[0].Message);
        Assert.Contains("Simulation is not allowed for any performance evidence within this Unit.", context[0].SpecificationWording, StringComparison.Ordinal);
        // Simulated problems cover none of the problem types either; the knowledge criteria stand on the discussion.
        Assert.Equal(9, result.Findings.Count(f => f.Rule == SufficiencyRule.Requirement));
        Assert.DoesNotContain(result.Findings, f => f.Criterion is not null && Knowledge.Contains(f.Criterion));
    }

    [Fact]
    public void A_realistic_working_environment_or_work_placement_is_allowed_for_C3()
    {
        var evidence = CompletePortfolio();
        evidence[0] = evidence[0] with { Context = EvidenceContext.RealisticWorkingEnvironment };
        evidence[1] = evidence[1] with { Context = EvidenceContext.WorkPlacement };

        Assert.Empty(Sufficiency.Evaluate(C3, AllMet(), evidence).Findings);
    }

    [Fact]
    public void Performance_criteria_resting_only_on_knowledge_answers_need_performance_evidence()
    {
        var evidence = CompletePortfolio().Select(e => e.Method == EvidenceMethod.ProfessionalDiscussion ? e : e with { Method = EvidenceMethod.KnowledgeAnswers }).ToList();

        var result = Sufficiency.Evaluate(C3, AllMet(), evidence);

        var finding = result.Findings.First(f => f.Criterion == "3.2");
        Assert.Equal(SufficiencyRule.PerformanceEvidence, finding.Rule);
        Assert.Equal("C3 3.2 is a performance criterion but rests only on written answers to knowledge questions (E001, E002, E003): it needs performance evidence such as an observation, a witness testimony or a work product.", finding.Message);
        Assert.Equal(Performance.Length, result.Findings.Count(f => f.Rule == SufficiencyRule.PerformanceEvidence));
    }

    [Fact]
    public void A_criterion_worded_in_the_plural_needs_more_than_one_piece_of_evidence()
    {
        var evidence = CompletePortfolio();
        evidence[1] = evidence[1] with { Criteria = [.. Performance.Where(c => c != "1.3")] };
        evidence[2] = evidence[2] with { Criteria = [.. Performance.Where(c => c != "1.3")] };

        var finding = Assert.Single(Sufficiency.Evaluate(C3, AllMet(), evidence).Findings);

        Assert.Equal((SufficiencyRule.Instances, "1.3"), (finding.Rule, finding.Criterion));
        Assert.Equal("C3 1.3 is worded in the plural (\"Recognise repeated problems and alert the appropriate authority\") and needs at least 2 different pieces of evidence; it has 1 (E001).", finding.Message);
    }

    [Fact]
    public void Every_criterion_must_be_decided_met()
    {
        var decisions = AllMet();
        decisions["2.4"] = CriterionStatus.NotYetMet;
        decisions.Remove("4.3");

        var result = Sufficiency.Evaluate(C3, decisions, CompletePortfolio());

        Assert.Equal(["C3 2.4 is not yet met.", "C3 4.3 is not yet assessed."], result.Findings.Select(f => f.Message));
    }

    [Fact]
    public void Occasion_requirements_are_covered_by_the_occasions_evidence_is_tagged_with()
    {
        // F2 (seed 003): routine, busy, quiet and let-down occasions. The seeds give no F2 criteria, so give it one here.
        var f2 = ShippedCatalogue.Catalogue.Find("03455")!.FindUnit("F2")!;
        var unit = f2 with { LearningOutcomes = [new LearningOutcomeSpec("1", "Follow practices", [new CriterionSpec("1.1", CriterionKind.Performance, null, "Follow procedures")])] };
        AcceptedEvidence On(string reference, Occasions occasions, int day) =>
            new(reference, EvidenceMethod.DirectObservation, EvidenceContext.RealWork, occasions, "Customer " + reference, new DateOnly(2026, 9, day), null, ["1.1"], []);

        var result = Sufficiency.Evaluate(unit, new Dictionary<string, CriterionStatus> { ["1.1"] = CriterionStatus.Met },
            [On("E001", Occasions.Routine | Occasions.BusyTime, 1), On("E002", Occasions.QuietTime, 20), On("E003", Occasions.Routine, 10)]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("Evidence requirement let-down of unit F2 is not covered: \"when people, systems or resources have let them down\".", finding.Message);
        Assert.Equal(["E001"], result.Requirements.Single(r => r.Item.Ref == "busy").CoveredBy);
    }

    private static Arbitrary<AcceptedEvidence[]> Portfolios()
    {
        var pool = CompletePortfolio()
            .Concat(CompletePortfolio().Select(e => e with { Reference = e.Reference + "s", Context = EvidenceContext.Simulation }))
            .Concat(CompletePortfolio().Select(e => e with { Reference = e.Reference + "k", Method = EvidenceMethod.KnowledgeAnswers, From = new DateOnly(2026, 10, 30) }))
            .ToArray();
        return Gen.SubListOf(pool).Select(l => l.ToArray()).ToArbitrary();
    }

    [Property]
    public Property More_accepted_evidence_never_adds_a_finding() =>
        Prop.ForAll(Portfolios(), Portfolios(), (some, more) =>
            Sufficiency.Evaluate(C3, AllMet(), [.. some.UnionBy(more, e => e.Reference)]).Findings.Count <= Sufficiency.Evaluate(C3, AllMet(), some).Findings.Count);

    [Property]
    public Property The_order_of_the_evidence_does_not_change_the_findings() =>
        Prop.ForAll(Portfolios(), evidence =>
            Sufficiency.Evaluate(C3, AllMet(), evidence).Findings.Select(f => f.Message).SequenceEqual(
                Sufficiency.Evaluate(C3, AllMet(), [.. evidence.Reverse()]).Findings.Select(f => f.Message)));
}
