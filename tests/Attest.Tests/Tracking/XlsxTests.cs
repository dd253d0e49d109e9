using Attest.Core.Spreadsheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Attest.Tests.Tracking;

/// <summary>The XLSX export opens as a workbook; text is text (a name starting with "=" is never a formula), numbers and dates are typed.</summary>
public class XlsxTests
{
    [Fact]
    public void A_workbook_holds_the_header_and_typed_cells_and_no_formula()
    {
        using var stream = new MemoryStream();
        Xlsx.Write(stream, "Tracking", ["Name", "Met", "Registered on", "Planned end"],
            [["=HYPERLINK(\"http://evil.example\",\"Click\")", 12, new DateOnly(2026, 11, 27), null], ["  Ann  ", 0, new DateOnly(2024, 2, 29), new DateOnly(2027, 1, 1)]]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("Tracking", workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var rows = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Empty(workbook.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());

        string Text(Cell cell) => cell.InlineString!.Text!.Text;
        Assert.Equal(["Name", "Met", "Registered on", "Planned end"], rows[0].Elements<Cell>().Select(Text));
        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal(CellValues.InlineString, first[0].DataType!.Value);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"Click\")", Text(first[0]));
        Assert.Equal((CellValues.Number, "12"), (first[1].DataType!.Value, first[1].CellValue!.Text));
        var dateFormat = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)first[2].StyleIndex!.Value);
        Assert.Equal(14u, dateFormat.NumberFormatId!.Value); // the built-in date format
        Assert.Equal(new DateTime(2026, 11, 27), DateTime.FromOADate(double.Parse(first[2].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(first[3].CellValue);
        Assert.Equal("  Ann  ", Text(rows[2].Elements<Cell>().First())); // spaces kept
        Assert.Equal(new DateTime(2024, 2, 29), DateTime.FromOADate(double.Parse(rows[2].Elements<Cell>().ElementAt(2).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
