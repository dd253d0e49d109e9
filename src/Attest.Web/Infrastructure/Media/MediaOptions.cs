namespace Attest.Web.Infrastructure.Media;

/// <summary><c>Media</c>: ffmpeg for reading and cutting recordings, and the long-recording limit.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder holding the ffmpeg and ffprobe programs; null or empty means search PATH.</summary>
    public string? FfmpegFolder { get; set; }

    /// <summary>Recordings longer than this are flagged with a suggestion to split them.</summary>
    public int LongRecordingMinutes { get; set; } = 20;

    public TimeSpan LongRecordingLimit => TimeSpan.FromMinutes(LongRecordingMinutes);
}
