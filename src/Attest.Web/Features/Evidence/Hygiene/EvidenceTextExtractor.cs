using System.IO.Compression;
using System.Text;
using System.Xml;
using Attest.Core.Portfolios.Hygiene;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Attest.Web.Features.Evidence.Hygiene;

/// <summary>
/// Reads the text of an evidence file for the hygiene checks: PDF by page, DOCX by paragraph and table row, plain text by
/// line. The work is bounded (file size, pages, characters, bytes inflated from a DOCX), and a file that cannot be read
/// gives a result that says so rather than an exception.
/// </summary>
public static class EvidenceTextExtractor
{
    /// <summary>PDF and DOCX files larger than this are not read: both parsers need to seek, so a stream that cannot is copied to memory.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    public const int MaxPages = 1000;

    public const int MaxCharacters = 2_000_000;

    /// <summary>Bytes inflated from the XML parts of a DOCX, whatever the zip entries claim (a zip bomb lies about sizes).</summary>
    public const long MaxDocxXmlBytes = 64L * 1024 * 1024;

    private const string CouldNotRead = "Attest could not read the text of this file, so it was not checked for other people's details, blank forms or copies of policies. Check it yourself before you submit.";

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string CompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// <param name="content">The file; left open. A seekable stream (the file store's) is read in place.</param>
    /// <param name="extension">The evidence file's extension, with or without the dot: pdf, docx or txt are read.</param>
    public static async Task<TextExtraction> ExtractAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(extension);
        var type = extension.TrimStart('.');
        var isPdf = type.Equals("pdf", StringComparison.OrdinalIgnoreCase);
        var isDocx = type.Equals("docx", StringComparison.OrdinalIgnoreCase);
        if (!isPdf && !isDocx && !type.Equals("txt", StringComparison.OrdinalIgnoreCase))
        {
            return TextExtraction.Failed(TextExtractionStatus.NotChecked,
                "Attest reads the text of PDF, Word (.docx) and text files only. Check this file yourself for other people's details before you submit.");
        }

        Stream? seekable = null;
        try
        {
            if (!isPdf && !isDocx)
            {
                return await ReadPlainTextAsync(content, cancellationToken);
            }

            seekable = content.CanSeek ? content : await BoundedCopyAsync(content, cancellationToken);
            if (seekable is null || seekable.Length - seekable.Position > MaxFileBytes)
            {
                return TextExtraction.Failed(TextExtractionStatus.TooLarge,
                    $"This file is larger than {MaxFileBytes / (1024 * 1024)} MB, so its text was not checked. Check it yourself before you submit.");
            }

            return isPdf ? ReadPdf(seekable, cancellationToken) : await ReadDocxAsync(seekable, cancellationToken);
        }
        catch (PdfDocumentEncryptedException)
        {
            return TextExtraction.Failed(TextExtractionStatus.Unreadable,
                "This PDF is protected by a password, so Attest could not read its text. Check it yourself before you submit.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A damaged file can fail anywhere in a parser (PdfPig, the zip reader, the XML reader) with many exception
            // types; none of them should stop the upload, so any failure is "could not read".
            return TextExtraction.Failed(TextExtractionStatus.Unreadable, CouldNotRead);
        }
        finally
        {
            if (seekable is not null && !ReferenceEquals(seekable, content))
            {
                await seekable.DisposeAsync();
            }
        }
    }

    private static async Task<MemoryStream?> BoundedCopyAsync(Stream content, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxFileBytes)
            {
                await copy.DisposeAsync();
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    private static TextExtraction ReadPdf(Stream pdf, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var text = new SegmentCollector();
        var pages = Math.Min(document.NumberOfPages, MaxPages);
        for (var number = 1; number <= pages && !text.Full; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.Add($"page {number}", ContentOrderTextExtractor.GetText(document.GetPage(number)));
        }

        return text.Result(document.NumberOfPages > MaxPages ? $"the first {MaxPages} pages" : null, "This PDF has no text to check; it may be scanned images. Check it yourself before you submit.")
            with { PageCount = document.NumberOfPages };
    }

    private static async Task<TextExtraction> ReadDocxAsync(Stream docx, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(docx, ZipArchiveMode.Read, leaveOpen: true);
        var body = zip.GetEntry("word/document.xml");
        if (body is null)
        {
            return TextExtraction.Failed(TextExtractionStatus.Unreadable, CouldNotRead);
        }

        var text = new SegmentCollector();
        var inflated = new InflateBudget(MaxDocxXmlBytes);
        var parts = new List<(ZipArchiveEntry Entry, string? Location)> { (body, null) };
        // Document control (version, review date, owner) often sits in a policy's header or footer.
        parts.AddRange(zip.Entries
            .Where(e => e.FullName.StartsWith("word/header", StringComparison.Ordinal) || e.FullName.StartsWith("word/footer", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => (e, (string?)(e.FullName.StartsWith("word/header", StringComparison.Ordinal) ? "header" : "footer"))));

        foreach (var (entry, location) in parts)
        {
            if (text.Full || inflated.Exhausted)
            {
                break;
            }

            await using var stream = new BoundedReadStream(await entry.OpenAsync(cancellationToken), inflated);
            try
            {
                await WordXml.ReadAsync(stream, location, text, cancellationToken);
            }
            catch (XmlException) when (inflated.Exhausted)
            {
                // The XML reader met the end we imposed; what was read before it stands.
            }
        }

        return text.Result(inflated.Exhausted ? "the first part" : null, "This document has no text to check.");
    }

    private static async Task<TextExtraction> ReadPlainTextAsync(Stream content, CancellationToken cancellationToken)
    {
        // Read in blocks and split lines here: ReadLine would hold a file with no line breaks in memory whole.
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = new SegmentCollector();
        var line = new StringBuilder();
        var number = 1;
        var buffer = new char[8192];
        int read;
        while (!text.Full && (read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\n')
                {
                    text.Add($"line {number++}", line.ToString());
                    line.Clear();
                }
                else if (c != '\r')
                {
                    line.Append(c);
                }
            }

            if (line.Length > MaxCharacters)
            {
                break;
            }
        }

        text.Add($"line {number}", line.ToString());
        return text.Result(null, "This file has no text to check.");
    }

    /// <summary>Collects non-empty segments until <see cref="MaxCharacters"/>, cutting the last one at the limit.</summary>
    internal sealed class SegmentCollector
    {
        private readonly List<TextSegment> _segments = [];
        private int _characters;

        public bool Full { get; private set; }

        public void Add(string location, string text)
        {
            if (Full || string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var remaining = MaxCharacters - _characters;
            if (text.Length > remaining)
            {
                Full = true;
                if (remaining == 0)
                {
                    return;
                }

                text = text[..remaining];
            }

            _characters += text.Length;
            _segments.Add(new TextSegment(location, text));
        }

        /// <param name="limitedTo">What was read when a limit other than the character limit stopped the reading.</param>
        public TextExtraction Result(string? limitedTo, string noText)
        {
            if (Full || limitedTo is not null)
            {
                var what = limitedTo ?? $"the first {MaxCharacters / 1_000_000} million characters";
                return new(_segments, TextExtractionStatus.Truncated, $"This file is long: only {what} of it could be checked. Check the rest yourself before you submit.");
            }

            return _segments.Count == 0
                ? new(_segments, TextExtractionStatus.NoText, noText)
                : new(_segments, TextExtractionStatus.Complete, null);
        }
    }

    /// <summary>Bytes still allowed to be inflated, shared by every part of one DOCX.</summary>
    private sealed class InflateBudget(long bytes)
    {
        public long Remaining { get; set; } = bytes;

        public bool Exhausted { get; set; }
    }

    /// <summary>Ends the stream (as if the file ended) once the budget is spent, and records that it did.</summary>
    private sealed class BoundedReadStream(Stream inner, InflateBudget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer[..Allowed(buffer.Length)]);
            return Spend(read);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken);
            return Spend(read);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }

        private int Allowed(int wanted)
        {
            if (budget.Remaining == 0 && wanted > 0)
            {
                budget.Exhausted = true;
            }

            return (int)Math.Min(wanted, budget.Remaining);
        }

        private int Spend(int read)
        {
            budget.Remaining -= read;
            return read;
        }
    }

    /// <summary>
    /// Walks WordprocessingML: the text runs of each paragraph (tabs and breaks kept), a table row as one segment with
    /// its cells separated by tabs (so an empty cell beside a label shows as a form field), text boxes within their
    /// paragraph, and the fallback copy of alternate content skipped so nothing is read twice.
    /// </summary>
    private static class WordXml
    {
        private static readonly XmlReaderSettings Settings = new()
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        public static async Task ReadAsync(Stream xml, string? partLocation, SegmentCollector text, CancellationToken cancellationToken)
        {
            using var reader = XmlReader.Create(xml, Settings);
            var paragraph = new StringBuilder();
            var cell = new StringBuilder();
            var cells = new List<string>();
            int paragraphs = 0, tables = 0, rows = 0, tableDepth = 0, paragraphDepth = 0, runDepth = 0;
            var inText = false;

            var more = await reader.ReadAsync();
            while (more && !text.Full)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Fallback" && reader.NamespaceURI == CompatibilityNamespace)
                {
                    await reader.SkipAsync();
                    more = !reader.EOF;
                    continue;
                }

                var word = reader.NamespaceURI == WordNamespace;
                var current = tableDepth > 0 ? cell : paragraph;
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when word && !reader.IsEmptyElement:
                        switch (reader.LocalName)
                        {
                            case "p":
                                paragraphDepth++;
                                break;
                            case "r":
                                runDepth++;
                                break;
                            case "t":
                                inText = true;
                                break;
                            case "tbl":
                                tables += tableDepth == 0 ? 1 : 0;
                                rows = tableDepth == 0 ? 0 : rows;
                                tableDepth++;
                                break;
                        }

                        break;
                    case XmlNodeType.Element when word && runDepth > 0 && reader.LocalName == "tab":
                        current.Append('\t');
                        break;
                    case XmlNodeType.Element when word && runDepth > 0 && reader.LocalName is "br" or "cr":
                        current.Append('\n');
                        break;
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when inText:
                        current.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when word:
                        switch (reader.LocalName)
                        {
                            case "t":
                                inText = false;
                                break;
                            case "r":
                                runDepth--;
                                break;
                            case "p":
                                paragraphDepth--;
                                if (tableDepth > 0)
                                {
                                    cell.Append(' ');
                                }
                                else if (paragraphDepth > 0)
                                {
                                    paragraph.Append('\n'); // a paragraph in a text box
                                }
                                else
                                {
                                    if (!string.IsNullOrWhiteSpace(paragraph.ToString()))
                                    {
                                        text.Add(partLocation ?? $"paragraph {++paragraphs}", paragraph.ToString());
                                    }

                                    paragraph.Clear();
                                }

                                break;
                            case "tc" when tableDepth == 1:
                                cells.Add(cell.ToString().Trim());
                                cell.Clear();
                                break;
                            case "tc":
                                cell.Append(' ');
                                break;
                            case "tr" when tableDepth == 1:
                                rows++;
                                if (cells.Any(c => c.Length > 0))
                                {
                                    text.Add(partLocation ?? $"table {tables} row {rows}", string.Join('\t', cells));
                                }

                                cells.Clear();
                                break;
                            case "tbl":
                                tableDepth--;
                                break;
                        }

                        break;
                }

                more = await reader.ReadAsync();
            }
        }
    }
}
