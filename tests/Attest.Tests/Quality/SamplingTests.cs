using Attest.Core.Assessment;
using Attest.Core.Quality;

namespace Attest.Tests.Quality;

/// <summary>
/// Issue 5: "A generated sampling plan for a seeded centre (3 assessors, one new; 30 candidates) covers every assessor,
/// unit and method over the period, samples the new assessor at the higher rate, and explains each pick."
/// </summary>
public class SamplingTests
{
    private static readonly string[] Units = ["F3", "F4", "A13", "B10", "C3", "D8", "D2"];

    private static readonly EvidenceMethod[] Methods = Enum.GetValues<EvidenceMethod>();

    private static readonly AssessorRisk Asha = new(Guid.NewGuid(), "Asha (qualified)", AssessorStanding.Qualified, 0);
    private static readonly AssessorRisk Ben = new(Guid.NewGuid(), "Ben (qualified)", AssessorStanding.Qualified, 0);
    private static readonly AssessorRisk Nia = new(Guid.NewGuid(), "Nia (new)", AssessorStanding.New, 0);

    /// <summary>30 candidates, ten per assessor; each has three to five units assessed with two methods each, some signed off.</summary>
    private static List<AssessedUnit> Centre()
    {
        var population = new List<AssessedUnit>();
        AssessorRisk[] assessors = [Asha, Ben, Nia];
        for (var c = 0; c < 30; c++)
        {
            var assessor = assessors[c % 3];
            var enrolment = Guid.NewGuid();
            for (var u = 0; u < 3 + (c % 3); u++)
            {
                var unit = Units[(c + u) % Units.Length];
                var methods = new HashSet<EvidenceMethod> { Methods[(c + u) % Methods.Length], Methods[(c * 3 + u) % Methods.Length] };
                population.Add(new AssessedUnit(enrolment, $"Candidate {c:00}", assessor.AssessorId, assessor.Name, unit, (c + u) % 4 == 0 ? IqaStage.Summative : IqaStage.Interim,
                    new DateOnly(2026, 9, 1).AddDays(c + u), methods));
            }
        }

        return population;
    }

    [Fact]
    public void The_plan_covers_every_assessor_unit_method_and_stage_samples_the_new_assessor_at_the_higher_rate_and_explains_each_pick()
    {
        var population = Centre();
        var plan = Sampling.Plan(SamplingStrategy.Default, population, [Asha, Ben, Nia], Units, seed: 7);

        var nia = plan.Assessors.Single(a => a.AssessorId == Nia.AssessorId);
        Assert.Equal((100, "a new assessor", 10, 10, 10), (nia.RatePercent, nia.RateReason, nia.Candidates, nia.Target, nia.CandidatesSampled));
        foreach (var qualified in plan.Assessors.Where(a => a.AssessorId != Nia.AssessorId))
        {
            Assert.Equal((25, "the centre's usual rate", 10, 3), (qualified.RatePercent, qualified.RateReason, qualified.Candidates, qualified.Target));
        }

        var picked = plan.Picks.Select(p => p.Unit).ToList();
        Assert.Equal(population.Select(u => u.AssessorId).Distinct().Order(), picked.Select(u => u.AssessorId).Distinct().Order());
        Assert.Equal(population.Select(u => u.UnitCode).Distinct().Order(), picked.Select(u => u.UnitCode).Distinct().Order());
        Assert.Equal(population.SelectMany(u => u.Methods).Distinct().Order(), picked.SelectMany(u => u.Methods).Distinct().Order());
        foreach (var assessor in new[] { Asha, Ben, Nia })
        {
            Assert.Contains(picked, u => u.AssessorId == assessor.AssessorId && u.Stage == IqaStage.Interim);
            Assert.Contains(picked, u => u.AssessorId == assessor.AssessorId && u.Stage == IqaStage.Summative);
        }

        // Every candidate of the new assessor is sampled, each explained by the rule that picked it.
        Assert.Equal(10, picked.Where(u => u.AssessorId == Nia.AssessorId).Select(u => u.EnrolmentId).Distinct().Count());
        Assert.All(plan.Picks, p => Assert.Matches("^(\\d+% of .+'s candidates \\(.+\\); \\d+% of the candidate's units\\.|Unit .+ was not otherwise sampled.*|.+ was not otherwise sampled: every assessment method.*|.+'s (interim|summative) decisions were not otherwise sampled.*)$", p.Reasons[0]));
        Assert.All(plan.Picks, p => Assert.Contains(p.Reasons, r => r.StartsWith("Summative: signed off", StringComparison.Ordinal) || r.StartsWith("Interim: decisions in progress", StringComparison.Ordinal)));
        Assert.Contains(plan.Picks, p => p.Reasons.Contains("100% of Nia (new)'s candidates (a new assessor); 50% of the candidate's units."));
        Assert.Empty(plan.Gaps);
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_another_seed_may_pick_other_candidates()
    {
        var population = Centre();
        var first = Sampling.Plan(SamplingStrategy.Default, population, [Asha, Ben, Nia], Units, seed: 1);
        var again = Sampling.Plan(SamplingStrategy.Default, population, [Asha, Ben, Nia], Units, seed: 1);
        Assert.Equal(first.Picks.Select(p => (p.Unit.EnrolmentId, p.Unit.UnitCode)), again.Picks.Select(p => (p.Unit.EnrolmentId, p.Unit.UnitCode)));
        var others = Enumerable.Range(2, 20).Select(seed => Sampling.Plan(SamplingStrategy.Default, population, [Asha, Ben, Nia], Units, seed));
        Assert.Contains(others, o => !o.Picks.Select(p => p.Unit.EnrolmentId).ToHashSet().SetEquals(first.Picks.Select(p => p.Unit.EnrolmentId)));
    }

    [Fact]
    public void Recent_disagreements_raise_an_assessors_rate_and_gaps_name_what_had_nothing_to_sample()
    {
        var risky = Ben with { RecentDisagreements = 2 };
        var idle = new AssessorRisk(Guid.NewGuid(), "Idris (qualified)", AssessorStanding.Qualified, 0);
        Assert.Equal((50, "2 IQA disagreements in the last 180 days"), Sampling.RateFor(SamplingStrategy.Default, risky));
        Assert.Equal((100, "a trainee assessor"), Sampling.RateFor(SamplingStrategy.Default, risky with { Standing = AssessorStanding.Trainee }));

        var plan = Sampling.Plan(SamplingStrategy.Default, Centre(), [Asha, risky, Nia, idle], [.. Units, "E1"], seed: 3);
        Assert.Equal(5, plan.Assessors.Single(a => a.AssessorId == Ben.AssessorId).Target);
        Assert.Equal(["Unit E1 has no assessment decisions in the period: nothing to sample yet."], plan.Gaps);
        // An assessor with nothing assessed is listed with no candidates, not as a line of text: a centre has hundreds.
        Assert.Equal((25, 0, 0, 0), plan.Assessors.Where(a => a.AssessorId == idle.AssessorId).Select(a => (a.RatePercent, a.Candidates, a.Target, a.CandidatesSampled)).Single());
    }

    [Fact]
    public void A_strategy_outside_sensible_rates_is_refused_naming_the_field()
    {
        var refused = Assert.Throws<Attest.Core.DomainRuleException>(() => (SamplingStrategy.Default with { UnitPercent = 0, NewAssessorPercent = 10 }).Validate());
        Assert.Equal(["UnitPercent", "NewAssessorPercent"], refused.FieldReasons!.Select(r => r.Field).Distinct());
    }
}
