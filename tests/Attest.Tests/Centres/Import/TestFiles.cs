using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Tests.Centres.Import;

/// <summary>A cell of a test workbook: how Excel would store it.</summary>
public abstract record XCell
{
    public static implicit operator XCell(string text) => new Shared(text);

    public static implicit operator XCell(double number) => new Number(number);

    public sealed record Shared(string Text) : XCell;

    public sealed record Inline(string Text) : XCell;

    public sealed record Number(double Value) : XCell;

    /// <summary>A date, stored as Excel does: its serial number with a date number format.</summary>
    public sealed record Date(DateOnly Value) : XCell;

    /// <summary>A formula with its cached result.</summary>
    public sealed record Formula(string Expression, string Result) : XCell;
}

/// <summary>Files for the import tests: CSV text in a chosen encoding, and XLSX workbooks written as Excel writes them.</summary>
public static class TestFiles
{
    /// <summary>Valid ULNs (right check digit), different for each n.</summary>
    public static string Uln(int n)
    {
        for (var prefix = 100_000_000 + (n * 7); ; prefix++)
        {
            var digits = prefix.ToString(CultureInfo.InvariantCulture);
            var remainder = digits.Select((d, i) => (d - '0') * (10 - i)).Sum() % 11;
            if (remainder != 0)
            {
                return digits + (10 - remainder).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public static byte[] Csv(string text, Encoding? encoding = null, bool bom = false)
    {
        var body = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        return bom ? [.. (encoding ?? Encoding.UTF8).Preamble, .. body] : body;
    }

    /// <summary>A workbook whose first sheet holds the rows (null for a blank row), cells placed by reference; a second sheet follows, to be ignored.</summary>
    public static byte[] Xlsx(params XCell?[]?[] rows)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy;@" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 3 });
            var strings = new List<string>();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                for (var r = 0; r < rows.Length; r++)
                {
                    if (rows[r] is not { } cells)
                    {
                        continue;
                    }

                    writer.WriteStartElement(new Row { RowIndex = (uint)(r + 1) });
                    for (var c = 0; c < cells.Length; c++)
                    {
                        if (cells[c] is { } cell)
                        {
                            writer.WriteElement(Cell(cell, $"{Attest.Core.Centres.Import.ImportTable.Letters(c)}{r + 1}", strings));
                        }
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            var second = workbook.AddNewPart<WorksheetPart>();
            second.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Not this sheet")) })));
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Candidates" },
                new Sheet { Id = workbook.GetIdOfPart(second), SheetId = 2, Name = "Notes" }));
        }

        return output.ToArray();
    }

    private static Cell Cell(XCell cell, string reference, List<string> strings) => cell switch
    {
        XCell.Shared s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Index(strings, s.Text)) },
        XCell.Inline i => new Cell(new InlineString(new Text(i.Text))) { CellReference = reference, DataType = CellValues.InlineString },
        XCell.Number n => new Cell { CellReference = reference, CellValue = new CellValue(n.Value) },
        XCell.Date d => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.Value.ToDateTime(TimeOnly.MinValue).ToOADate()) },
        XCell.Formula f => new Cell(new CellFormula(f.Expression), new CellValue(f.Result)) { CellReference = reference, DataType = CellValues.String },
        _ => throw new ArgumentException("unknown cell", nameof(cell)),
    };

    private static int Index(List<string> strings, string text)
    {
        var index = strings.IndexOf(text);
        if (index < 0)
        {
            strings.Add(text);
            index = strings.Count - 1;
        }

        return index;
    }
}
