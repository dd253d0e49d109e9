using Attest.Core;
using Attest.Core.Apprenticeships;

namespace Attest.Tests.Apprenticeships;

/// <summary>Issue 17, item 1: the off-the-job rules are data, cited, and a bad file says where it is wrong.</summary>
public class OffTheJobRulesTests
{
    [Fact]
    public void The_shipped_rules_load_with_a_citation_on_every_rule_set_and_cover_every_start_date()
    {
        var rules = ShippedRules.Rules;

        Assert.Equal(["otj-before-2022-08", "otj-2022-08", "otj-2025-08"], rules.RuleSets.Select(r => r.Id));
        Assert.All(rules.RuleSets, r => Assert.All(r.Citations, c => Assert.StartsWith("https://", c.Url, StringComparison.Ordinal)));
        Assert.All(rules.RuleSets, r => Assert.NotEmpty(r.Citations));
        Assert.Equal("otj-before-2022-08", rules.RuleSetFor(new DateOnly(2017, 5, 1)).Id);
        Assert.Equal("otj-before-2022-08", rules.RuleSetFor(new DateOnly(2022, 7, 31)).Id);
        Assert.Equal("otj-2022-08", rules.RuleSetFor(new DateOnly(2022, 8, 1)).Id);
        Assert.Equal("otj-2022-08", rules.RuleSetFor(new DateOnly(2025, 7, 31)).Id);
        Assert.Equal("otj-2025-08", rules.RuleSetFor(new DateOnly(2025, 8, 1)).Id);
    }

    [Fact]
    public void English_and_maths_and_progress_reviews_do_not_count_and_say_why()
    {
        var rules = ShippedRules.Rules;

        Assert.True(rules.ActivityType("shadowing")!.Counts);
        Assert.True(rules.ActivityType("assignment-writing")!.Counts);
        Assert.False(rules.ActivityType("english-maths")!.Counts);
        Assert.False(rules.ActivityType("progress-review")!.Counts);
        Assert.All(rules.ActivityTypes.Where(t => !t.Counts), t => Assert.False(string.IsNullOrWhiteSpace(t.WhyNot)));
        Assert.Null(rules.ActivityType("coffee"));
    }

    [Fact]
    public void Text_that_is_not_yaml_is_refused_at_its_line_and_column()
    {
        var (rules, errors) = ShippedRules.Parse("schemaVersion: 1\nruleSets: [\n  - id: x\n");

        Assert.Null(rules);
        Assert.Matches(@"^off-the-job\.yaml:\d+:\d+: not valid YAML", Assert.Single(errors));
    }

    [Fact]
    public void A_value_the_schema_refuses_is_reported_where_it_is()
    {
        var yaml = ShippedRules.Text.Replace("      hoursPerWeek: 6\n", "      hoursPerWeek: six\n", StringComparison.Ordinal);
        var line = LineOf(yaml, "hoursPerWeek: six");

        var (rules, errors) = ShippedRules.Parse(yaml);

        Assert.Null(rules);
        Assert.Contains(errors, e => e.StartsWith($"off-the-job.yaml:{line}:", StringComparison.Ordinal) && e.Contains("ruleSets[1].minimum.hoursPerWeek", StringComparison.Ordinal));
    }

    [Fact]
    public void A_method_without_its_parameters_is_refused_at_the_minimum()
    {
        var yaml = ShippedRules.Text.Replace("      fullTimeWeeklyHours: 30\n", string.Empty, StringComparison.Ordinal);
        var line = LineOf(yaml, "method: hoursPerWeek");

        var (rules, errors) = ShippedRules.Parse(yaml);

        Assert.Null(rules);
        Assert.Equal([$"off-the-job.yaml:{line}:7: rule set otj-2022-08: method hoursPerWeek needs 'fullTimeWeeklyHours'"], errors);
    }

    [Fact]
    public void Rule_sets_with_a_gap_between_them_are_refused_at_the_later_start()
    {
        var yaml = ShippedRules.Text.Replace("    startsFrom: 2025-08-01\n", "    startsFrom: 2025-09-01\n", StringComparison.Ordinal);
        var line = LineOf(yaml, "startsFrom: 2025-09-01");

        var (rules, errors) = ShippedRules.Parse(yaml);

        Assert.Null(rules);
        Assert.Equal(
            [$"off-the-job.yaml:{line}:17: rule set otj-2025-08 must start on the day rule set otj-2022-08 stops (2025-08-01): rule sets follow on by start date without gaps or overlaps"],
            errors);
    }

    [Fact]
    public void An_activity_that_does_not_count_must_say_why()
    {
        var yaml = ShippedRules.Text.Replace("    why: A progress review looks back at what was learnt rather than teaching something new, so it does not count.\n", string.Empty, StringComparison.Ordinal);
        var line = LineOf(yaml, "code: progress-review");

        var (_, errors) = ShippedRules.Parse(yaml);

        Assert.Equal([$"off-the-job.yaml:{line}:5: activity type progress-review does not count, so it needs 'why' saying why"], errors);
    }

    [Fact]
    public void A_start_no_rule_set_covers_is_a_rule_broken_on_the_start_date()
    {
        var yaml = ShippedRules.Text.Replace("  - id: otj-before-2022-08\n", "  - id: otj-before-2022-08\n    startsFrom: 2017-05-01\n", StringComparison.Ordinal);

        var (_, errors) = ShippedRules.Parse(yaml);

        Assert.Equal([$"off-the-job.yaml:{LineOf(yaml, "startsFrom: 2017-05-01")}:17: the first rule set (otj-before-2022-08) must have no 'startsFrom', so it covers every earlier start"], errors);
        var error = Assert.Throws<DomainRuleException>(() => new OffTheJobRules([ShippedRules.Rules.RuleSets[2]], [], [], ShippedRules.Rules.Status).RuleSetFor(new DateOnly(2024, 1, 1)));
        Assert.Equal("Start", error.Field);
    }

    private static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(fragment, StringComparison.Ordinal)).i + 1;
}
