using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Core.Spreadsheets;

/// <summary>
/// One worksheet as an .xlsx workbook (Open XML SDK). Cells are typed: text is stored as text, so a value starting
/// with "=" is never a formula; numbers as numbers; dates as dates, so the sheet sorts and filters them.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    /// <param name="rows">Cells of each row: string, a whole or decimal number, a <see cref="DateOnly"/>, or null for an empty cell.</param>
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, // the built-in short date
                new CellFormat { FontId = 1, ApplyFont = true }));

        // Written element by element rather than built as a tree first: a centre's whole tracking table is tens of thousands of rows.
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
            writer.WriteStartElement(new SheetData());
            writer.WriteElement(new Row(header.Select(h => (OpenXmlElement)Text(h, HeaderStyle))));
            foreach (var row in rows)
            {
                writer.WriteElement(new Row(row.Select(Cell)));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
    }

    private static OpenXmlElement Cell(object? value) => value switch
    {
        null => new Cell(),
        string text => Text(text),
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()), DataType = CellValues.Number, StyleIndex = DateStyle },
        int number => new Cell { CellValue = new CellValue(number), DataType = CellValues.Number },
        decimal number => new Cell { CellValue = new CellValue(number), DataType = CellValues.Number },
        _ => throw new ArgumentException($"An xlsx cell cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    private static Cell Text(string text, uint style = 0) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style };
}
