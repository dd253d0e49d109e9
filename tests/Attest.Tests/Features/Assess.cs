using System.Net;

namespace Attest.Tests.Features;

/// <summary>What an assessor does on a unit page, as form posts: judge an item for the unit, decide a criterion.</summary>
internal static class Assess
{
    public static string UnitUrl(Guid enrolmentId, string unit) => $"/Assessor/Enrolments/{enrolmentId}/Units/{unit}";

    public static async Task<HttpResponseMessage> JudgeAsync(
        HttpClient assessor, Guid enrolmentId, string unit, Guid itemId, string[] criteria, string[]? requirements = null, string? method = null,
        bool accepted = true, string reason = "Authentic, current and detailed: it shows what the candidate did and said.", int basedOnRevision = 0)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Judge.ItemId", itemId.ToString()), new("Judge.Accepted", accepted ? "true" : "false"), new("Judge.Reason", reason),
            new("Judge.BasedOnRevision", basedOnRevision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (method is not null)
        {
            fields.Add(new("Judge.Method", method));
        }

        fields.AddRange(criteria.Select(c => KeyValuePair.Create("Judge.Criteria", c)));
        fields.AddRange((requirements ?? []).Select(r => KeyValuePair.Create("Judge.Requirements", r)));
        return await assessor.PostFormAsync(UnitUrl(enrolmentId, unit) + "?handler=Accept", fields, tokenFrom: UnitUrl(enrolmentId, unit));
    }

    public static async Task AcceptAsync(HttpClient assessor, Guid enrolmentId, string unit, Guid itemId, string[] criteria, string[]? requirements = null, string? method = null)
    {
        var response = await JudgeAsync(assessor, enrolmentId, unit, itemId, criteria, requirements, method);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"accepting {itemId} for {unit} {string.Join(",", criteria)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>One criterion in the decision form; without its own justification or feedback it takes the form's shared ones.</summary>
    public sealed record Decision(string Criterion, string Outcome, string? Justification = null, string? Feedback = null, int BasedOnRevision = 0);

    public static Task<HttpResponseMessage> DecideAsync(HttpClient assessor, Guid enrolmentId, string unit, string criterion, string outcome, string justification, string feedback, int basedOnRevision = 0) =>
        DecideManyAsync(assessor, enrolmentId, unit, [new(criterion, outcome, justification, feedback, basedOnRevision)]);

    /// <summary>Decides several criteria in one post of the unit page's decision form.</summary>
    public static Task<HttpResponseMessage> DecideManyAsync(
        HttpClient assessor, Guid enrolmentId, string unit, IEnumerable<Decision> decisions, string? justification = null, string? feedback = null, bool acceptWarnings = false) =>
        assessor.PostFormAsync(UnitUrl(enrolmentId, unit), DecisionFields(decisions, justification, feedback, acceptWarnings));

    /// <summary>The decision form's fields, as the browser sends them.</summary>
    public static Dictionary<string, string> DecisionFields(IEnumerable<Decision> decisions, string? justification = null, string? feedback = null, bool acceptWarnings = false)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (d, i) in decisions.Select((d, i) => (d, i)))
        {
            fields[$"Decisions[{i}].CriterionRef"] = d.Criterion;
            fields[$"Decisions[{i}].Outcome"] = d.Outcome;
            fields[$"Decisions[{i}].Justification"] = d.Justification ?? string.Empty;
            fields[$"Decisions[{i}].Feedback"] = d.Feedback ?? string.Empty;
            fields[$"Decisions[{i}].BasedOnRevision"] = d.BasedOnRevision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        fields["Shared.Justification"] = justification ?? string.Empty;
        fields["Shared.Feedback"] = feedback ?? string.Empty;
        if (acceptWarnings)
        {
            fields["Shared.AcceptFeedbackWarnings"] = "true";
        }

        return fields;
    }
}
