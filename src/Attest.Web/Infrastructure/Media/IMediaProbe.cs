using Attest.Core.Portfolios;

namespace Attest.Web.Infrastructure.Media;

/// <summary>Reads what a recording is: length, tracks, size, codecs.</summary>
public interface IMediaProbe
{
    /// <summary>False when ffprobe is not installed; <see cref="ProbeAsync"/> then returns null.</summary>
    bool Available { get; }

    /// <summary>The facts of an audio or video file, or null when it is not one, cannot be read, or ffprobe is absent. Never throws for bad input.</summary>
    Task<MediaFacts?> ProbeAsync(string path, CancellationToken cancellationToken);
}

/// <summary>Cuts parts out of a recording on the server.</summary>
public interface IMediaSplitter
{
    /// <summary>False when ffmpeg or ffprobe is not installed.</summary>
    bool Available { get; }

    /// <summary>
    /// Writes one new file per range into <paramref name="outputFolder"/>, under server-made names ending in
    /// <paramref name="extension"/>, and returns their paths in the order of the ranges. Throws
    /// <see cref="Attest.Core.DomainRuleException"/> (field <see cref="RecordingLength.PartsField"/>) for ranges that
    /// do not fit the recording, or when the source is not a readable recording; on any failure no part is left behind.
    /// </summary>
    Task<IReadOnlyList<string>> SplitAsync(string sourcePath, IReadOnlyList<TimeRange> ranges, string outputFolder, string extension, CancellationToken cancellationToken);
}

/// <summary>What a probe found. Bit rates are in bits per second; null when the file does not say.</summary>
public sealed record MediaFacts(
    TimeSpan Duration,
    bool HasVideo,
    bool HasAudio,
    int? Width,
    int? Height,
    string? VideoCodec,
    string? AudioCodec,
    long? BitRate,
    long? AudioBitRate)
{
    /// <summary>Plain-English notes on things that may make the recording hard to assess; empty when none.</summary>
    public IReadOnlyList<string> QualityNotes => MediaQuality.Notes(this);
}

/// <summary>Basic quality checks on probed facts. Pure, so the thresholds are tested without ffmpeg.</summary>
public static class MediaQuality
{
    /// <summary>480p: below it, documents and screens in shot become hard to read.</summary>
    public const int MinimumShortSide = 480;

    /// <summary>Speech below about 32 kbps (old voice-memo codecs) gets muddy.</summary>
    public const long MinimumAudioBitRate = 32_000;

    public static IReadOnlyList<string> Notes(MediaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var notes = new List<string>();

        // The shorter side, so a portrait phone video (480x854) counts as 480p, as a landscape one would.
        if (facts is { HasVideo: true, Width: { } width, Height: { } height } && Math.Min(width, height) < MinimumShortSide)
        {
            notes.Add($"The video is low resolution ({width}×{height}): documents or screens in it may be hard to read. Record at 480p or more if you can.");
        }

        if (facts is { HasVideo: true, HasAudio: false })
        {
            notes.Add("The video has no sound. If what people say is part of the evidence, record it again with sound.");
        }

        if (facts is { HasAudio: true, AudioBitRate: > 0 and < MinimumAudioBitRate })
        {
            notes.Add($"The sound is recorded at low quality ({facts.AudioBitRate / 1000} kbps): speech may be hard to make out.");
        }

        return notes;
    }
}
