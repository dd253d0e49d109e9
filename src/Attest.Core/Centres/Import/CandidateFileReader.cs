using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Core.Centres.Import;

/// <summary>The limits of one import: what a college MIS export of one intake needs, and what a page can check in a moment.</summary>
public static class ImportLimits
{
    /// <summary>20 MB: a CSV of 10,000 candidates is about 2 MB.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public const int MaxRows = 10_000;

    /// <summary>The most characters an XLSX part may unpack to (a workbook that inflates past it is refused, not read).</summary>
    public const long MaxXmlCharacters = 256L * 1024 * 1024;
}

/// <summary>
/// Reads a file of candidates (CSV or XLSX) into headings and rows of text, with each row's number as a spreadsheet shows
/// it. CSV: UTF-8 with or without a byte order mark, UTF-16 with one, otherwise Windows-1252 (what Excel's "CSV (Comma
/// delimited)" writes in the UK); comma, semicolon or tab, whichever the heading row uses; RFC 4180 quoting, read by
/// CsvHelper. XLSX: the first worksheet, read as a stream with the Open XML SDK (shared and inline strings, numbers,
/// dates by their number format, formulas noted). A file that cannot be imported is refused with one
/// <see cref="DomainRuleException"/> (field "File") saying why and what to do.
/// </summary>
public static class CandidateFileReader
{
    public const string Field = "File";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CandidateFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ImportTable Read(byte[] content, string fileName, int maxRows = ImportLimits.MaxRows)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (content.Length == 0)
        {
            throw Refuse("The file is empty. Export the candidates from the MIS again.");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var zip = content.AsSpan().StartsWith("PK\u0003\u0004"u8);
        var legacyExcel = content.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 });
        if (legacyExcel || extension == ".xls")
        {
            throw Refuse("The file is an Excel 97-2003 workbook (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx) or CSV, then upload that.");
        }

        return extension switch
        {
            ".xlsx" when zip => ReadXlsx(content, maxRows),
            ".xlsx" => throw Refuse("The file is named .xlsx but is not an Excel workbook. Save it from Excel as an Excel Workbook (.xlsx) or CSV."),
            ".csv" or ".txt" or ".tsv" when zip => throw Refuse("The file is named .csv but holds a workbook or other zipped file, not text. Save it from Excel as CSV, or upload the workbook with its .xlsx name."),
            ".csv" or ".txt" or ".tsv" => ReadCsv(content, maxRows),
            _ => throw Refuse("The file must be a CSV file (.csv) or an Excel workbook (.xlsx)."),
        };
    }

    /// <summary>The text of a CSV file: by its byte order mark, else UTF-8 if it is valid UTF-8, else Windows-1252.</summary>
    public static string Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = content.AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return StrictOrRefuse(StrictUtf8, bytes[3..]);
        }

        if (bytes.StartsWith(Encoding.Unicode.Preamble))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (bytes.Contains((byte)0))
        {
            throw Refuse("The file is not text: save it from the MIS or Excel as CSV.");
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>Comma, semicolon or tab: whichever the first non-blank line has most of outside quotes (comma when none).</summary>
    public static char DetectDelimiter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (commas, semicolons, tabs) = (0, 0, 0);
        var quoted = false;
        var seenText = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                if (seenText)
                {
                    break;
                }
            }
            else if (!quoted)
            {
                switch (c)
                {
                    case ',': commas++; break;
                    case ';': semicolons++; break;
                    case '\t': tabs++; break;
                }
            }

            seenText |= !char.IsWhiteSpace(c);
        }

        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    private static string StrictOrRefuse(UTF8Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Refuse("The file starts with a UTF-8 marker but is not valid UTF-8. Save it from Excel again as \"CSV UTF-8 (Comma delimited)\".");
        }
    }

    private static ImportTable ReadCsv(byte[] content, int maxRows)
    {
        var text = Decode(content);
        var delimiter = DetectDelimiter(text);
        var badRows = new List<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            Delimiter = delimiter.ToString(),
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            // A quote inside a plain value (Robert "Bob" Jones) is kept as it is; a quoted value that is broken or never
            // closed is a problem of the row, since it can swallow the rows after it.
            BadDataFound = args =>
            {
                if (args.Field.TrimStart().StartsWith('"'))
                {
                    badRows.Add(args.Context.Parser!.Row);
                }
            },
        };
        var builder = new TableBuilder(ImportFormat.Csv, maxRows);
        using var parser = new CsvParser(new StringReader(text), config);
        while (parser.Read())
        {
            builder.Add(parser.Row, parser.Record ?? [], null);
        }

        foreach (var row in badRows.Distinct())
        {
            builder.FileProblem(row, string.Empty, "A quoted value on this row is not closed properly (a \" is missing or misplaced), so the row cannot be read reliably. Check the quotes in this row.");
        }

        return builder.Build();
    }

    private static ImportTable ReadXlsx(byte[] content, int maxRows)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = ImportLimits.MaxXmlCharacters });
            var workbook = document.WorkbookPart ?? throw Refuse("The workbook has no worksheets.");
            var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Refuse("The workbook has no worksheets.");
            if (sheet.Id?.Value is not string relationship || workbook.GetPartById(relationship) is not WorksheetPart worksheet)
            {
                throw Refuse("The first sheet of the workbook is not a worksheet (it may be a chart). Put the candidates on the first sheet.");
            }

            var strings = SharedStrings(workbook.SharedStringTablePart);
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var builder = new TableBuilder(ImportFormat.Xlsx, maxRows);
            var rowNumber = 0;
            using var reader = OpenXmlReader.Create(worksheet);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement && reader.LoadCurrentElement() is Row row)
                {
                    rowNumber = row.RowIndex?.Value is uint index ? (int)index : rowNumber + 1;
                    var (cells, formulas) = Cells(row, strings, dateStyles);
                    builder.Add(rowNumber, cells, formulas);
                }
            }

            return builder.Build();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or KeyNotFoundException)
        {
            throw Refuse("The file could not be read as an Excel workbook. Open it in Excel and save it again as an Excel Workbook (.xlsx) or CSV.");
        }
    }

    private static (string[] Cells, HashSet<int>? Formulas) Cells(Row row, List<string> strings, HashSet<uint> dateStyles)
    {
        var cells = new List<string>();
        HashSet<int>? formulas = null;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is string reference ? ImportTable.ColumnOf(reference) : cells.Count;
            if (column < 0 || column > 16_383)
            {
                continue;
            }

            while (cells.Count <= column)
            {
                cells.Add(string.Empty);
            }

            cells[column] = Value(cell, strings, dateStyles);
            if (cell.CellFormula is not null)
            {
                (formulas ??= []).Add(column);
            }
        }

        return ([.. cells], formulas);
    }

    private static string Value(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextOf(inline) : raw;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw;
        }

        if (type is not null && type != CellValues.Number)
        {
            return raw; // a formula's text result (str) or an error (#N/A)
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (cell.StyleIndex?.Value is uint style && dateStyles.Contains(style) && number is >= 1 and < 2_958_466)
        {
            return DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return number == Math.Floor(number) && Math.Abs(number) < 1e15 ? ((long)number).ToString(CultureInfo.InvariantCulture) : number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement && reader.LoadCurrentElement() is SharedStringItem item)
            {
                strings.Add(TextOf(item));
            }
        }

        return strings;
    }

    /// <summary>A rich or plain string's text, without its phonetic guide.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.Elements<Text>().Select(t => t.Text).Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? string.Empty)));

    /// <summary>The cell formats (by index) whose number format shows a date: the built-in date formats and custom formats with days or years.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var dates = new HashSet<uint>();
        if (styles?.CellFormats is not { } formats)
        {
            return dates;
        }

        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58) || (custom.TryGetValue(id, out var code) && IsDateFormat(code)))
            {
                dates.Add(index);
            }

            index++;
        }

        return dates;
    }

    /// <summary>A number format that shows days or years (outside quoted text, escapes and [colour] or [$-locale] sections).</summary>
    private static bool IsDateFormat(string code)
    {
        var (quoted, bracket) = (false, false);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']')
            {
                bracket = false;
            }
            else if (!bracket && c is 'd' or 'D' or 'y' or 'Y')
            {
                return true;
            }
        }

        return false;
    }

    private static DomainRuleException Refuse(string message) => new(message, Field);

    /// <summary>Keeps the heading row and at most the limit of non-blank rows after it, counting the rest to say how many there were.</summary>
    private sealed class TableBuilder(ImportFormat format, int maxRows)
    {
        private readonly List<ImportRow> _rows = [];
        private readonly List<ImportProblem> _problems = [];
        private List<string>? _header;
        private int _count;

        public void Add(int number, string[] cells, IReadOnlySet<int>? formulas)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                return;
            }

            if (_header is null)
            {
                var width = cells.Length;
                while (width > 0 && string.IsNullOrWhiteSpace(cells[width - 1]))
                {
                    width--;
                }

                _header = [.. cells.Take(width).Select((c, i) => i == 0 ? c.Trim().TrimStart('\uFEFF').Trim() : c.Trim())];
                return;
            }

            _count++;
            if (_count > maxRows)
            {
                return;
            }

            for (var column = _header.Count; column < cells.Length; column++)
            {
                if (!string.IsNullOrWhiteSpace(cells[column]))
                {
                    FileProblem(number, ImportTable.ColumnName(_header, column),
                        "There is a value in a column with no heading. A name with an unquoted comma, or a column left out of the heading row, moves the values along: check the row, or add a heading.");
                    break;
                }
            }

            _rows.Add(new ImportRow(number, cells, formulas));
        }

        public void FileProblem(int row, string column, string reason) => _problems.Add(new ImportProblem(row, column, reason));

        public ImportTable Build()
        {
            if (_header is null)
            {
                throw Refuse("The file has no rows. Export the candidates from the MIS again, with a heading row.");
            }

            if (_count == 0)
            {
                throw Refuse("The file has a heading row but no candidates under it.");
            }

            if (_count > maxRows)
            {
                throw Refuse(string.Create(CultureInfo.InvariantCulture, $"The file has {_count:N0} rows of candidates; an import takes at most {maxRows:N0}. Split it into files of {maxRows:N0} rows or fewer (each with the heading row) and import them one by one."));
            }

            return new ImportTable(format, _header, _rows, [.. _problems.OrderBy(p => p.Row)]);
        }
    }
}
