using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>Recordings over the centre's length limit are flagged with suggested parts and can be cut on the server.</summary>
public class RecordingJourneyTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_long_recording_is_flagged_and_the_assessor_can_cut_it_into_parts_that_become_evidence(DatabaseProvider provider)
    {
        using var media = TestMedia.Require();
        var tone = await media.MakeAsync("discussion.m4a", "-f", "lavfi", "-i", "sine=frequency=440:duration=150", "-c:a", "aac", "-b:a", "16k");
        using var app = await new AttestFactory(provider, new Dictionary<string, string> { ["Media:LongRecordingMinutes"] = "1" }).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var upload = await EvidenceTests.PostRawFileAsync(candidate, "discussion.m4a", await File.ReadAllBytesAsync(tone), "Professional discussion");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var id = Guid.Parse(upload.Headers.Location!.OriginalString.Split('/')[^1]);
        var page = await candidate.GetStringAsync(upload.Headers.Location!.OriginalString);
        Assert.Contains("02:30", page, StringComparison.Ordinal);
        Assert.Contains("Suggested parts: 0:00-0:50, 0:50-1:40, 1:40-2:30", page, StringComparison.Ordinal);
        Assert.Contains("<audio", page, StringComparison.Ordinal);

        var assessor = await app.SignedInAsync(app.A.Assessor);
        var split = $"/Evidence/{id}/Split";
        Assert.Contains("0:00-0:50", await assessor.GetStringAsync(split), StringComparison.Ordinal);
        var refused = await assessor.PostFormAsync(split, new() { ["Parts"] = "02:00-03:10" });
        Assert.Contains("ends after the recording, which is 02:30 long", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var cut = await assessor.PostFormAsync(split, new() { ["Parts"] = "00:00-01:00\n01:00-02:30" });
        Assert.Equal(HttpStatusCode.Redirect, cut.StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            var parts = await db.EvidenceItems.Where(i => i.SplitFromId == id).OrderBy(i => i.Reference).ToListAsync();
            Assert.Equal(["E003", "E004"], parts.Select(p => p.Reference));
            Assert.InRange(parts[0].DurationSeconds!.Value, 58, 62);
            Assert.InRange(parts[1].DurationSeconds!.Value, 88, 92);
            Assert.All(parts, p => Assert.Equal(64, p.Sha256!.Length));
            Assert.Contains("(part 2 of 2, 1:00-2:30)", parts[1].Title, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "staging"), "*", SearchOption.AllDirectories));
        var iqa = await app.SignedInAsync(app.A.Iqa);
        Assert.Equal(HttpStatusCode.NotFound, (await iqa.GetAsync(split)).StatusCode);
        var other = await app.SignedInAsync(app.A.OtherCandidate);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(split)).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_centres_own_longest_recording_replaces_the_deployment_default(DatabaseProvider provider)
    {
        using var media = TestMedia.Require();
        var tone = await media.MakeAsync("briefing.m4a", "-f", "lavfi", "-i", "sine=frequency=440:duration=150", "-c:a", "aac", "-b:a", "16k");
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var first = await EvidenceTests.PostRawFileAsync(candidate, "briefing.m4a", await File.ReadAllBytesAsync(tone), "Team briefing");
        Assert.DoesNotContain("Suggested parts", await candidate.GetStringAsync(first.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var admin = await app.SignedInAsync(app.A.Admin);
        var refused = await admin.PostFormAsync("/Admin/Settings", new() { ["FeedbackMinWords"] = "15", ["RetentionYears"] = "3", ["ReworkLimit"] = "1", ["LongRecordingMinutes"] = "0" });
        Assert.Contains("Longest recording must be between 1 and 240 minutes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Admin/Settings", new() { ["FeedbackMinWords"] = "15", ["RetentionYears"] = "3", ["ReworkLimit"] = "1", ["LongRecordingMinutes"] = "2" })).StatusCode);

        var second = await EvidenceTests.PostRawFileAsync(candidate, "briefing.m4a", await File.ReadAllBytesAsync(tone), "Team briefing again");
        Assert.Contains("Suggested parts: 0:00-1:15, 1:15-2:30", await candidate.GetStringAsync(second.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }
}
