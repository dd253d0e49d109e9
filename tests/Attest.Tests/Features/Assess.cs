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

    public static Task<HttpResponseMessage> DecideAsync(HttpClient assessor, Guid enrolmentId, string unit, string criterion, string outcome, string justification, string feedback, int basedOnRevision = 0) =>
        assessor.PostFormAsync(UnitUrl(enrolmentId, unit), new()
        {
            ["Input.CriterionRef"] = criterion, ["Input.Outcome"] = outcome, ["Input.Justification"] = justification, ["Input.Feedback"] = feedback,
            ["Input.BasedOnRevision"] = basedOnRevision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
