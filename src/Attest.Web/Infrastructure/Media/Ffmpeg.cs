using System.Text.RegularExpressions;
using Attest.Core;
using Attest.Core.Portfolios;
using FFMpegCore;
using FFMpegCore.Enums;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure.Media;

/// <summary>
/// Where ffmpeg and ffprobe are, found once at start. FFMpegCore falls back to PATH when its folder is wrong, so
/// availability is decided here, not by trying.
/// </summary>
public sealed class FfmpegTools
{
    public FfmpegTools(IOptions<MediaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.Value.FfmpegFolder;
        var ffprobe = Find("ffprobe", folder);
        var ffmpeg = Find("ffmpeg", folder);
        ProbeAvailable = ffprobe is not null;
        SplitAvailable = ffprobe is not null && ffmpeg is not null;
        Options = new FFOptions { BinaryFolder = Path.GetDirectoryName(ffprobe ?? ffmpeg) ?? string.Empty };
    }

    public bool ProbeAvailable { get; }

    public bool SplitAvailable { get; }

    public FFOptions Options { get; }

    private static string? Find(string program, string? folder)
    {
        var file = OperatingSystem.IsWindows() ? program + ".exe" : program;
        var folders = string.IsNullOrWhiteSpace(folder)
            ? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [folder];
        return folders.Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists);
    }
}

public sealed class FfmpegMediaProbe(FfmpegTools tools, ILogger<FfmpegMediaProbe> logger) : IMediaProbe
{
    // ffprobe reads headers, which takes well under a second; a file that keeps it busy longer is treated as unreadable.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    // Demuxers for still images and text: ffprobe reads a photo as a one-frame "video", which is not a recording.
    private static readonly string[] StillFormats = ["image2", "tty"];

    public bool Available => tools.ProbeAvailable;

    public async Task<MediaFacts?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Available || !File.Exists(path))
        {
            return null;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(ProbeTimeout);
        IMediaAnalysis analysis;
        try
        {
            // A full path starts with "/" (or a drive), so ffmpeg never reads it as a protocol such as http:.
            analysis = await FFProbe.AnalyseAsync(Path.GetFullPath(path), tools.Options, null, timer.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("ffprobe could not read {Path} as media: {Message}", path, e.Message);
            return null;
        }

        var format = analysis.Format?.FormatName ?? string.Empty;
        if (StillFormats.Contains(format) || format.EndsWith("_pipe", StringComparison.Ordinal))
        {
            return null;
        }

        // Cover art in an audio file is a "video" stream marked attached_pic.
        var video = analysis.VideoStreams.FirstOrDefault(v => v.Disposition?.GetValueOrDefault("attached_pic") != true);
        var audio = analysis.PrimaryAudioStream;
        if ((video is null && audio is null) || analysis.Duration <= TimeSpan.Zero)
        {
            return null;
        }

        return new MediaFacts(
            analysis.Duration,
            HasVideo: video is not null,
            HasAudio: audio is not null,
            video?.Width,
            video?.Height,
            video?.CodecName,
            audio?.CodecName,
            analysis.Format?.BitRate is > 0 and var bitRate ? bitRate : null,
            audio?.BitRate is > 0 and var audioBitRate ? audioBitRate : null);
    }
}

/// <summary>
/// Cuts with stream copy (<c>-ss</c> before the input, <c>-t</c>, <c>-c copy</c>): no re-encoding, so an hour of video
/// is cut in seconds on a small server without losing quality. The cost is precision: a video part starts at the
/// keyframe at or before the asked start (phones put one every second or two), so it may include a little before it,
/// which MP4 hides from players with an edit list; audio parts are exact to one audio frame (a few tens of
/// milliseconds). Parts can only gain a moment at their start, never lose any of the asked range.
/// </summary>
public sealed partial class FfmpegMediaSplitter(FfmpegTools tools, IMediaProbe probe, ILogger<FfmpegMediaSplitter> logger) : IMediaSplitter
{
    public bool Available => tools.SplitAvailable;

    public async Task<IReadOnlyList<string>> SplitAsync(string sourcePath, IReadOnlyList<TimeRange> ranges, string outputFolder, string extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(outputFolder);
        ArgumentNullException.ThrowIfNull(extension);
        var suffix = extension.TrimStart('.');
        if (!Extension().IsMatch(suffix))
        {
            throw new ArgumentException($"'{extension}' is not a file extension.", nameof(extension));
        }

        if (!Available)
        {
            throw new DomainRuleException("Cutting recordings into parts is not available on this server.", RecordingLength.PartsField);
        }

        var facts = await probe.ProbeAsync(sourcePath, cancellationToken)
            ?? throw new DomainRuleException("This file is not a recording Attest can read, so it cannot be cut into parts.", RecordingLength.PartsField);
        var parts = RecordingLength.ValidateParts(ranges, facts.Duration);

        var folder = Directory.CreateDirectory(outputFolder).FullName;
        var source = Path.GetFullPath(sourcePath);
        var outputs = new List<string>(parts.Count);
        try
        {
            foreach (var part in parts)
            {
                var output = Path.Combine(folder, $"{Guid.NewGuid():N}.{suffix}");
                outputs.Add(output);
                await FFMpegArguments
                    .FromFileInput(source, verifyExists: true, input => input.WithStartTime(part.Start))
                    .OutputToFile(output, overwrite: false, o => o.WithDuration(part.Length).CopyStreams(StreamType.All, null))
                    .ProcessAsynchronously(throwOnError: true, tools.Options, cancellationToken);
            }
        }
        catch
        {
            // All parts or none: a half-finished split leaves nothing for anyone to mistake for evidence.
            foreach (var output in outputs)
            {
                File.Delete(output);
            }

            throw;
        }

        logger.LogInformation("Cut {Count} parts from {Source}", outputs.Count, sourcePath);
        return outputs;
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,10}$")]
    private static partial Regex Extension();
}
