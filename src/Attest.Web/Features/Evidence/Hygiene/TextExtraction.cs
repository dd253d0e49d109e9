using Attest.Core.Portfolios.Hygiene;

namespace Attest.Web.Features.Evidence.Hygiene;

public enum TextExtractionStatus
{
    /// <summary>All the text was read.</summary>
    Complete,

    /// <summary>The text was read up to a limit; the rest was not checked.</summary>
    Truncated,

    /// <summary>The file was read but holds no text, as a scanned PDF does.</summary>
    NoText,

    /// <summary>The file is damaged, protected by a password or not what its extension says.</summary>
    Unreadable,

    /// <summary>Too large to read for the checks.</summary>
    TooLarge,

    /// <summary>A type whose text is not read (images, audio, video, spreadsheets, slides).</summary>
    NotChecked,
}

/// <summary>The text of an evidence file in located segments, and, when not everything was read, a message saying so.</summary>
public sealed record TextExtraction(IReadOnlyList<TextSegment> Segments, TextExtractionStatus Status, string? Message)
{
    /// <summary>A PDF's pages, all of them even when only the first were read; null for other files and unreadable PDFs.</summary>
    public int? PageCount { get; init; }

    internal static TextExtraction Failed(TextExtractionStatus status, string message) => new([], status, message);
}
