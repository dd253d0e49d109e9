using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Attest.Web.Features.Portfolio;

/// <summary>
/// Writes PDF lines top to bottom, wrapping words and starting new pages as needed: the portfolio index and the unit
/// record sheet. PDFsharp is AGPL-3.0 like Attest; fonts are DejaVu Sans, embedded in this assembly.
/// </summary>
internal sealed class PdfLayout(PdfDocument document) : IDisposable
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        GlobalFontSettings.FontResolver = new EmbeddedFonts();
        return true;
    });

    /// <summary>A new document with the fonts and licence set up.</summary>
    public static PdfDocument NewDocument(string title)
    {
        _ = Configured.Value;
        var document = new PdfDocument();
        document.Info.Title = title;
        return document;
    }

    /// <summary>PDFsharp writes synchronously; documents here are small, so render in memory and copy out asynchronously.</summary>
    public static async Task SaveAsync(PdfDocument document, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private const double Margin = 50;
    private PdfPage _page = null!;
    private XGraphics? _graphics;
    private double _y = double.MaxValue;

    private double Width => _page.Width.Point - (2 * Margin);

    public void Heading(string text, double size) => Write(text, new XFont(EmbeddedFonts.Family, size, XFontStyleEx.Bold), spaceBefore: size * 0.8);

    public void Text(string text, bool bold = false) => Write(text, new XFont(EmbeddedFonts.Family, 9.5, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), spaceBefore: 1);

    /// <summary>A line of fragments, each a link to a file in the archive when it has one.</summary>
    public void Links(string prefix, List<(string Text, string? File)> fragments)
    {
        var font = new XFont(EmbeddedFonts.Family, 9.5, XFontStyleEx.Regular);
        var lineHeight = font.GetHeight() + 1;
        Ensure(lineHeight);
        var x = Margin;
        Draw(prefix, font, XBrushes.Black, ref x, lineHeight);
        for (var index = 0; index < fragments.Count; index++)
        {
            var (text, file) = fragments[index];
            var width = _graphics!.MeasureString(text, font).Width;
            if (x + width > Margin + Width && x > Margin)
            {
                _y += lineHeight;
                Ensure(lineHeight);
                x = Margin;
            }

            var start = x;
            Draw(text, font, file is null ? XBrushes.Black : XBrushes.DarkBlue, ref x, lineHeight);
            if (file is not null)
            {
                var rect = new XRect(start, _page.Height.Point - _y - lineHeight, width, lineHeight);
                _page.AddFileLink(new PdfRectangle(rect), file);
            }

            if (index < fragments.Count - 1)
            {
                Draw("; ", font, XBrushes.Black, ref x, lineHeight);
            }
        }

        _y += lineHeight;
    }

    public void Dispose() => _graphics?.Dispose();

    private void Draw(string text, XFont font, XBrush brush, ref double x, double lineHeight)
    {
        _graphics!.DrawString(text, font, brush, new XRect(x, _y, Width, lineHeight), XStringFormats.TopLeft);
        x += _graphics.MeasureString(text, font).Width;
    }

    private void Write(string text, XFont font, double spaceBefore)
    {
        var lineHeight = font.GetHeight() + 1;
        _y += spaceBefore;
        foreach (var line in Wrap(text, font))
        {
            Ensure(lineHeight);
            _graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }
    }

    private void Ensure(double height)
    {
        if (_graphics is not null && _y + height <= _page.Height.Point - Margin)
        {
            return;
        }

        _graphics?.Dispose();
        _page = document.AddPage();
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private List<string> Wrap(string text, XFont font)
    {
        Ensure(0);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_graphics!.MeasureString(candidate, font).Width <= Width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                // A word wider than the line is cut where it stops fitting.
                var start = 0;
                for (var fits = LongestFit(word, start, font); start + fits < word.Length; fits = LongestFit(word, start, font))
                {
                    lines.Add(word.Substring(start, fits));
                    start += fits;
                }

                line = word[start..];
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// How many characters of <paramref name="text"/> from <paramref name="start"/> fit on a line, at least one: found by
    /// doubling then halving, so each line of a 100,000-character word costs a few measurements of a line's length.
    /// </summary>
    private int LongestFit(string text, int start, XFont font)
    {
        bool Fits(int length) => _graphics!.MeasureString(text.Substring(start, length), font).Width <= Width;
        var left = text.Length - start;
        var fits = 1;
        var tooLong = 2;
        while (tooLong <= left && Fits(tooLong))
        {
            fits = tooLong;
            tooLong *= 2;
        }

        tooLong = Math.Min(tooLong, left + 1);
        while (tooLong - fits > 1)
        {
            var middle = (fits + tooLong) / 2;
            (fits, tooLong) = Fits(middle) ? (middle, tooLong) : (fits, middle);
        }

        return fits;
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Family = "DejaVu Sans";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

        public byte[] GetFont(string faceName)
        {
            using var resource = typeof(PdfLayout).Assembly.GetManifestResourceStream($"Attest.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
            using var bytes = new MemoryStream();
            resource.CopyTo(bytes);
            return bytes.ToArray();
        }
    }
}
