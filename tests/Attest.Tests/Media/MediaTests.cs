using Attest.Core;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Media;

public class MediaTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(150);

    private static TimeRange Range(double start, double end) => new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end));

    private static void Near(double expectedSeconds, TimeSpan actual) =>
        Assert.InRange(actual, TimeSpan.FromSeconds(expectedSeconds) - Tolerance, TimeSpan.FromSeconds(expectedSeconds) + Tolerance);

    [SkippableFact]
    public async Task An_audio_recording_is_probed_as_audio_only_and_its_low_bit_rate_is_noted()
    {
        using var media = TestMedia.Require();
        var tone = await media.ToneAsync();

        var facts = await media.Probe.ProbeAsync(tone, CancellationToken.None);

        Assert.NotNull(facts);
        Near(6, facts.Duration);
        Assert.True(facts.HasAudio);
        Assert.False(facts.HasVideo);
        Assert.Equal("aac", facts.AudioCodec);
        Assert.Null(facts.Width);
        Assert.InRange(facts.AudioBitRate ?? 0, 16_000, 31_999);
        Assert.Contains(facts.QualityNotes, n => n.StartsWith("The sound is recorded at low quality", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_small_silent_video_is_probed_with_its_size_and_noted_as_low_resolution_without_sound()
    {
        using var media = TestMedia.Require();
        var pattern = await media.PatternAsync();

        var facts = await media.Probe.ProbeAsync(pattern, CancellationToken.None);

        Assert.NotNull(facts);
        Near(6, facts.Duration);
        Assert.True(facts.HasVideo);
        Assert.False(facts.HasAudio);
        Assert.Equal((320, 240), (facts.Width, facts.Height));
        Assert.Equal("h264", facts.VideoCodec);
        Assert.True(facts.BitRate > 0);
        Assert.Equal(
            [
                "The video is low resolution (320×240): documents or screens in it may be hard to read. Record at 480p or more if you can.",
                "The video has no sound. If what people say is part of the evidence, record it again with sound.",
            ],
            facts.QualityNotes);
    }

    [SkippableFact]
    public async Task Text_renamed_as_a_video_and_a_photo_are_not_recordings()
    {
        using var media = TestMedia.Require();
        var text = Path.Combine(media.Folder, "notes.mp4");
        await File.WriteAllTextAsync(text, "Minutes of the team meeting: not a video at all.");
        var photo = await media.MakeAsync("photo.jpg", "-f", "lavfi", "-i", "testsrc=size=640x480", "-frames:v", "1");

        Assert.Null(await media.Probe.ProbeAsync(text, CancellationToken.None));
        Assert.Null(await media.Probe.ProbeAsync(photo, CancellationToken.None));
        Assert.Null(await media.Probe.ProbeAsync(Path.Combine(media.Folder, "missing.mp4"), CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData("video")]
    [InlineData("audio")]
    public async Task A_recording_is_cut_into_parts_of_the_asked_lengths(string kind)
    {
        using var media = TestMedia.Require();
        var source = kind == "video" ? await media.PatternAsync() : await media.ToneAsync();
        var output = Path.Combine(media.Folder, "parts");

        var parts = await media.Splitter.SplitAsync(source, [Range(0, 2), Range(2, 5)], output, Path.GetExtension(source), CancellationToken.None);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(output, Path.GetDirectoryName(p)));
        Assert.All(parts, p => Assert.Equal(Path.GetExtension(source), Path.GetExtension(p)));
        var first = await media.Probe.ProbeAsync(parts[0], CancellationToken.None);
        var second = await media.Probe.ProbeAsync(parts[1], CancellationToken.None);
        Near(2, first!.Duration);
        Near(3, second!.Duration);
        Assert.Equal(kind == "video", second.HasVideo);
    }

    [SkippableFact]
    public async Task Bad_ranges_are_refused_with_reasons_and_nothing_is_written()
    {
        using var media = TestMedia.Require();
        var tone = await media.ToneAsync();
        var output = Path.Combine(media.Folder, "parts");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            media.Splitter.SplitAsync(tone, [Range(0, 2), Range(4, 3), Range(5, 9)], output, ".m4a", CancellationToken.None));

        Assert.Equal(RecordingLength.PartsField, error.Field);
        Assert.Equal(
            ["Part 2 must start before it ends (it starts at 0:04 and ends at 0:03).", "Part 3 ends at 0:09, after the recording ends (0:06)."],
            error.Reasons);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }

    [SkippableFact]
    public async Task A_file_that_is_not_a_recording_cannot_be_split()
    {
        using var media = TestMedia.Require();
        var text = Path.Combine(media.Folder, "notes.mp4");
        await File.WriteAllTextAsync(text, "Minutes of the team meeting: not a video at all.");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            media.Splitter.SplitAsync(text, [Range(0, 1)], media.Folder, ".mp4", CancellationToken.None));

        Assert.Equal(["This file is not a recording Attest can read, so it cannot be cut into parts."], error.Reasons);
    }

    [Fact]
    public async Task Without_ffmpeg_the_app_still_runs_and_says_media_tools_are_unavailable()
    {
        var empty = Directory.CreateTempSubdirectory("attest-no-ffmpeg-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Media:FfmpegFolder"] = empty }).Build();
            using var provider = new ServiceCollection().AddLogging().AddMedia(configuration).BuildServiceProvider();
            var probe = provider.GetRequiredService<IMediaProbe>();
            var splitter = provider.GetRequiredService<IMediaSplitter>();
            var file = Path.Combine(empty, "recording.mp4");
            await File.WriteAllBytesAsync(file, [0, 0, 0, 24]);

            Assert.False(probe.Available);
            Assert.False(splitter.Available);
            Assert.Null(await probe.ProbeAsync(file, CancellationToken.None));
            var error = await Assert.ThrowsAsync<DomainRuleException>(() => splitter.SplitAsync(file, [Range(0, 1)], empty, ".mp4", CancellationToken.None));
            Assert.Equal(["Cutting recordings into parts is not available on this server."], error.Reasons);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void A_clear_720p_video_with_good_sound_gets_no_quality_notes()
    {
        var facts = new MediaFacts(TimeSpan.FromMinutes(5), HasVideo: true, HasAudio: true, 1280, 720, "h264", "aac", 4_000_000, 128_000);

        Assert.Empty(facts.QualityNotes);
    }

    [Fact]
    public void A_portrait_phone_video_at_480p_is_not_low_resolution()
    {
        var portrait = new MediaFacts(TimeSpan.FromMinutes(1), HasVideo: true, HasAudio: true, 480, 854, "h264", "aac", 1_000_000, 96_000);
        var small = portrait with { Width = 360, Height = 640 };

        Assert.Empty(portrait.QualityNotes);
        Assert.Single(small.QualityNotes);
    }
}
