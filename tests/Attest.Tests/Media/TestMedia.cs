using System.Diagnostics;
using Attest.Web.Infrastructure.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attest.Tests.Media;

/// <summary>
/// A temporary folder with recordings made by ffmpeg's built-in test sources, and the probe and splitter over the
/// ffmpeg on PATH. The tests skip when ffmpeg is missing, and fail in CI (.ci/run installs it).
/// </summary>
internal sealed class TestMedia : IDisposable
{
    private TestMedia(FfmpegTools tools)
    {
        Folder = Directory.CreateTempSubdirectory("attest-media-").FullName;
        Probe = new FfmpegMediaProbe(tools, NullLogger<FfmpegMediaProbe>.Instance);
        Splitter = new FfmpegMediaSplitter(tools, Probe, NullLogger<FfmpegMediaSplitter>.Instance);
    }

    public string Folder { get; }

    public FfmpegMediaProbe Probe { get; }

    public FfmpegMediaSplitter Splitter { get; }

    public static TestMedia Require()
    {
        var tools = new FfmpegTools(Options.Create(new MediaOptions()));
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(inCi && !tools.SplitAvailable, "CI must have ffmpeg and ffprobe on PATH: the media tests would not run.");
        Skip.IfNot(tools.SplitAvailable, "Media tests need ffmpeg and ffprobe on PATH (apt install ffmpeg); .ci/run installs them.");
        return new TestMedia(tools);
    }

    /// <summary>Six seconds of a 440 Hz tone as AAC at 24 kbps: audio only, and a low bit rate.</summary>
    public Task<string> ToneAsync() =>
        MakeAsync("tone.m4a", "-f", "lavfi", "-i", "sine=frequency=440:duration=6", "-c:a", "aac", "-b:a", "24k");

    /// <summary>
    /// Six seconds of 320x240 test pattern, no sound. A keyframe every second and no B-frames, so stream-copy cuts on
    /// whole seconds are exact and the tests can check part lengths closely.
    /// </summary>
    public Task<string> PatternAsync() =>
        MakeAsync("pattern.mp4", "-f", "lavfi", "-i", "testsrc=duration=6:size=320x240:rate=10", "-c:v", "libx264", "-g", "10", "-bf", "0", "-pix_fmt", "yuv420p");

    public async Task<string> MakeAsync(string name, params string[] arguments)
    {
        var path = Path.Combine(Folder, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])["-nostdin", "-v", "error", "-y", .. arguments, path])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg could not make {name}: {errors}");
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
