namespace Attest.Web.Infrastructure;

/// <summary>
/// The evidence file types we accept. A file is accepted only when its extension is on the list and its
/// first bytes match that type (security.md: extension and magic bytes must agree).
/// </summary>
public static class FileTypes
{
    private sealed record FileType(string ContentType, Func<byte[], bool> Matches);

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, FileType> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", h => StartsWith(h, "%PDF-"u8)),
        [".png"] = new("image/png", h => StartsWith(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = new("image/jpeg", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = new("image/jpeg", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", h => StartsWith(h, Zip)),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", h => StartsWith(h, Zip)),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", h => StartsWith(h, Zip)),
        [".mp3"] = new("audio/mpeg", h => StartsWith(h, "ID3"u8) || (h.Length > 1 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0)),
        [".m4a"] = new("audio/mp4", IsIsoMedia),
        [".mp4"] = new("video/mp4", IsIsoMedia),
        [".mov"] = new("video/quicktime", IsIsoMedia),
        [".webm"] = new("video/webm", h => StartsWith(h, [0x1A, 0x45, 0xDF, 0xA3])),
        [".wav"] = new("audio/wav", h => StartsWith(h, "RIFF"u8) && h.Length >= 12 && h.AsSpan(8, 4).SequenceEqual("WAVE"u8)),
        [".txt"] = new("text/plain", IsPlainText),
    };

    public static IReadOnlyCollection<string> Extensions => ByExtension.Keys;

    public static string AcceptAttribute => string.Join(",", ByExtension.Keys);

    /// <summary>The content type for an allowed extension, or null when the extension is not allowed.</summary>
    public static string? ContentTypeFor(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return ByExtension.TryGetValue(extension, out var type) ? type.ContentType : null;
    }

    /// <summary>Whether the file's first bytes are what its extension claims.</summary>
    public static bool HeadMatches(string fileName, byte[] head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return ByExtension.TryGetValue(Path.GetExtension(fileName), out var type) && head.Length > 0 && type.Matches(head);
    }

    private static bool StartsWith(byte[] head, ReadOnlySpan<byte> magic) => head.AsSpan().StartsWith(magic);

    private static bool IsIsoMedia(byte[] head) => head.Length >= 8 && head.AsSpan(4, 4).SequenceEqual("ftyp"u8);

    /// <summary>Text with no NUL bytes that does not open like markup a browser would run.</summary>
    private static bool IsPlainText(byte[] head)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }

        var start = System.Text.Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToUpperInvariant();
        return !(start.StartsWith('<') || start.StartsWith("%PDF", StringComparison.Ordinal));
    }
}
