using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Attest.Core.Qualifications;

/// <summary>
/// Writes a specification in the catalogue's YAML format (docs/catalogue.md): what a unit made on the form or a CASE
/// import is saved as, checked by the same validator as an uploaded file, and what a centre downloads to share. Codes,
/// refs and text are always quoted, so "03456" and "1.1" stay text. <see cref="CatalogueLoader"/> reads back the same
/// specification (a test checks every shipped file).
/// </summary>
public static class SpecificationWriter
{
    public static string Write(QualificationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var qualification = Map(
            ("code", Text(spec.Code)), ("title", Text(spec.Title)), ("level", Number(spec.Level)), ("awardingBody", Text(spec.AwardingBody)),
            ("assessment", Plain(spec.Assessment == AssessmentKind.Graded ? "graded" : "competence")), ("source", Text(spec.Source)),
            ("lastRegistrationDate", Date(spec.LastRegistrationDate)), ("lastCertificationDate", Date(spec.LastCertificationDate)), ("notes", Text(spec.Notes)),
            ("groups", List(spec.Groups.Select(g => Map(("id", Text(g.Id)), ("title", Text(g.Title)), ("mandatory", g.Mandatory ? Plain("true") : null), ("units", Flow(g.Units)))))),
            ("rules", spec.Rules is null ? null : Map(("text", Text(spec.Rules.Text)), ("constraints", List(spec.Rules.Constraints.Select(Constraint))))));
        var document = Map(("schemaVersion", Number(1)), ("qualification", qualification), ("units", List(spec.Units.Select(Unit))));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new YamlStream(new YamlDocument(document)).Save(writer, assignAnchors: false);
        // YamlDotNet ends a document with "..."; one document per file needs no end marker.
        var text = writer.ToString().TrimEnd();
        return (text.EndsWith("...", StringComparison.Ordinal) ? text[..^3].TrimEnd() : text) + "\n";
    }

    private static YamlMappingNode Constraint(ConstraintSpec c) => Map(
        ("kind", Plain(c.Kind switch
        {
            ConstraintKind.TotalCredits => "totalCredits",
            ConstraintKind.CreditsFromGroups => "creditsFromGroups",
            ConstraintKind.UnitsFromEachGroup => "unitsFromEachGroup",
            _ => "creditsAtLevels",
        })),
        ("groups", c.Groups.Count == 0 ? null : (YamlNode)Flow(c.Groups)),
        ("min", Number(c.Min)),
        ("levels", c.Levels.Count == 0 ? null : new YamlSequenceNode(c.Levels.Select(l => (YamlNode)Number(l)!)) { Style = SequenceStyle.Flow }),
        ("text", Text(c.Text)));

    private static YamlMappingNode Unit(UnitSpec u) => Map(
        ("code", Text(u.Code)), ("accreditationNumber", Text(u.AccreditationNumber)), ("title", Text(u.Title)), ("level", Number(u.Level)),
        ("credits", Number(u.Credits)), ("guidedLearningHours", Number(u.GuidedLearningHours)), ("source", Text(u.Source)),
        ("notAssessableReason", Text(u.NotAssessableReason)), ("aim", Text(u.Aim)),
        ("policy", u.Policy is not { } p ? null : Map(
            ("simulationAllowedForPerformance", p.SimulationAllowedForPerformance is bool allowed ? Plain(allowed ? "true" : "false") : null),
            ("allowedContexts", p.AllowedContexts.Count == 0 ? null : new YamlSequenceNode(p.AllowedContexts.Select(c => (YamlNode)Plain(Context(c)))) { Style = SequenceStyle.Flow }),
            ("text", Text(p.Text)))),
        ("learningOutcomes", u.LearningOutcomes.Count == 0 ? null : List(u.LearningOutcomes.Select(lo => Map(
            ("ref", Text(lo.Ref)), ("title", Text(lo.Title)), ("criteria", List(lo.Criteria.Select(Criterion))))))),
        ("evidenceRequirements", u.EvidenceRequirements.Count == 0 ? null : List(u.EvidenceRequirements.Select(e => Map(
            ("ref", Text(e.Ref)), ("text", Text(e.Text)), ("problemTypes", e.ProblemTypes ? Plain("true") : null),
            ("items", e.Items.Count == 0 ? null : List(e.Items.Select(i => Map(("ref", Text(i.Ref)), ("text", Text(i.Text)), ("occasion", Occasion(i.Occasion)))))))))),
        ("sufficiency", u.Sufficiency is not { } s ? null : Map(
            ("text", Text(s.Text)), ("minDistinctDates", Number(s.MinDistinctDates)), ("minDistinctCustomers", Number(s.MinDistinctCustomers)), ("minSpanDays", Number(s.MinSpanDays)))),
        ("tasks", u.Tasks.Count == 0 ? null : List(u.Tasks.Select(t => Map(
            ("number", Number(t.Number)), ("title", Text(t.Title)), ("learningOutcomes", t.LearningOutcomes.Count == 0 ? null : Flow(t.LearningOutcomes)),
            ("criteria", Flow(t.Criteria)), ("evidence", Text(t.Evidence)))))),
        ("grading", u.Grading is not { } g ? null : Map(("scheme", Text(g.Scheme)), ("text", Text(g.Text)))));

    private static YamlMappingNode Criterion(CriterionSpec c) => Map(
        ("ref", Text(c.Ref)), ("kind", Plain(c.Kind == CriterionKind.Knowledge ? "knowledge" : "performance")),
        ("grade", c.Grade is GradeBand band ? Plain(band.ToString().ToLowerInvariant()) : null),
        ("caseLog", c.CaseLog is { Count: > 0 } parts ? new YamlSequenceNode(parts.Select(x => (YamlNode)Plain(x))) { Style = SequenceStyle.Flow } : null),
        ("minInstances", c.MinInstances > 1 ? Number(c.MinInstances) : null),
        ("text", Text(c.Text)));

    private static string Context(EvidenceContext context) => context switch
    {
        EvidenceContext.RealWork => "real-work",
        EvidenceContext.RealisticWorkingEnvironment => "realistic-working-environment",
        EvidenceContext.WorkPlacement => "work-placement",
        _ => "simulation",
    };

    private static YamlScalarNode? Occasion(Portfolios.Occasions occasion) => occasion switch
    {
        Portfolios.Occasions.Routine => Plain("routine"),
        Portfolios.Occasions.BusyTime => Plain("busy-time"),
        Portfolios.Occasions.QuietTime => Plain("quiet-time"),
        Portfolios.Occasions.LetDown => Plain("let-down"),
        _ => null,
    };

    /// <summary>A mapping of the entries that have a value, in the order given (the order docs/catalogue.md describes).</summary>
    private static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(new YamlScalarNode(key), value);
            }
        }

        return map;
    }

    private static YamlSequenceNode List(IEnumerable<YamlNode> items) => new(items);

    private static YamlSequenceNode Flow(IEnumerable<string> items) => new(items.Select(i => (YamlNode)Text(i)!)) { Style = SequenceStyle.Flow };

    private static YamlScalarNode? Text(string? value) => value is null ? null : new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted };

    private static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    private static YamlScalarNode? Number(int? value) => value is int n ? Plain(n.ToString(CultureInfo.InvariantCulture)) : null;

    private static YamlScalarNode? Date(DateOnly? value) => value is DateOnly d ? Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
}
