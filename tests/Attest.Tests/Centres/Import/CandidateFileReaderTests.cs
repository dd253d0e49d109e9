using System.Text;
using Attest.Core;
using Attest.Core.Centres.Import;

namespace Attest.Tests.Centres.Import;

/// <summary>Reading MIS exports as they come: encodings, delimiters, quoting, blank lines, workbooks, and the limits.</summary>
public class CandidateFileReaderTests
{
    private const string Heading = "Forename,Surname,DOB,ULN";

    static CandidateFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_with_a_byte_order_mark_reads_the_first_heading_without_the_mark()
    {
        var table = CandidateFileReader.Read(TestFiles.Csv($"{Heading}\r\nZoë,Brontë,01/02/2003,1234567899\r\n", bom: true), "mis.csv");
        Assert.Equal(["Forename", "Surname", "DOB", "ULN"], table.Header);
        Assert.Equal("Zoë", table.Rows[0].Cell(0));
        Assert.Equal("Brontë", table.Rows[0].Cell(1));
        Assert.Equal(ImportFormat.Csv, table.Format);
    }

    [Fact]
    public void Utf8_without_a_byte_order_mark_is_read_as_utf8()
    {
        var table = CandidateFileReader.Read(TestFiles.Csv($"{Heading}\nSiân,Ó Briain,01/02/2003,1234567899\n"), "mis.csv");
        Assert.Equal("Siân", table.Rows[0].Cell(0));
        Assert.Equal("Ó Briain", table.Rows[0].Cell(1));
    }

    [Fact]
    public void Windows_1252_from_excels_csv_comma_delimited_is_read_as_such()
    {
        var bytes = TestFiles.Csv($"{Heading}\r\nRenée,D’Arcy,01/02/2003,1234567899\r\n", Encoding.GetEncoding(1252));
        Assert.Contains((byte)0xE9, bytes); // é as one byte: not UTF-8
        var table = CandidateFileReader.Read(bytes, "mis.csv");
        Assert.Equal("Renée", table.Rows[0].Cell(0));
        Assert.Equal("D’Arcy", table.Rows[0].Cell(1));
    }

    [Fact]
    public void Utf16_with_its_mark_and_tabs_from_excels_unicode_text_is_read()
    {
        var table = CandidateFileReader.Read(TestFiles.Csv("Forename\tSurname\tDOB\tULN\r\nŁucja\tNowak\t01/02/2003\t1234567899\r\n", Encoding.Unicode, bom: true), "mis.txt");
        Assert.Equal("Łucja", table.Rows[0].Cell(0));
        Assert.Equal("1234567899", table.Rows[0].Cell(3));
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData(',')]
    public void The_delimiter_is_the_one_the_heading_row_uses(char delimiter)
    {
        var d = delimiter.ToString();
        var text = $"Forename{d}Surname{d}DOB{d}ULN{d}Units\r\nAnn{d}\"Lee{(delimiter == ',' ? ";" : ",")} Jr\"{d}01/02/2003{d}1234567899{d}\"F3,F4\"\r\n";
        var table = CandidateFileReader.Read(TestFiles.Csv(text), "mis.csv");
        Assert.Equal(5, table.Header.Count);
        Assert.StartsWith("Lee", table.Rows[0].Cell(1), StringComparison.Ordinal);
        Assert.Equal("F3,F4", table.Rows[0].Cell(4));
    }

    [Fact]
    public void Quoted_values_keep_commas_quotes_and_line_breaks_and_rows_are_numbered_as_a_spreadsheet_shows_them()
    {
        var text = $"{Heading}\r\n\"Mary, Jane\",\"O\"\"Hara\",01/02/2003,1234567899\r\n\"Multi\r\nline\",Lee,01/02/2003,1234567899\r\n\r\n\r\nLast,Row,01/02/2003,1234567899\r\n";
        var table = CandidateFileReader.Read(TestFiles.Csv(text), "mis.csv");
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(("Mary, Jane", "O\"Hara"), (table.Rows[0].Cell(0), table.Rows[0].Cell(1)));
        Assert.Equal("Multi\r\nline", table.Rows[1].Cell(0));
        // Row 1 is the heading; the quoted line break stays in its cell; two blank lines are rows 4 and 5.
        Assert.Equal([2, 3, 6], table.Rows.Select(r => r.Number));
        Assert.Empty(table.FileProblems);
    }

    [Fact]
    public void Blank_lines_before_the_heading_and_between_rows_are_skipped_but_counted()
    {
        var table = CandidateFileReader.Read(TestFiles.Csv($"\r\n ,, \r\n{Heading}\r\nAnn,Lee,01/02/2003,1234567899\r\n,,,\r\nBob,Day,01/02/2003,1234567899"), "mis.csv");
        Assert.Equal("Forename", table.Header[0]);
        Assert.Equal([4, 6], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Trailing_empty_columns_are_dropped_and_a_value_under_no_heading_is_a_problem_of_its_row()
    {
        var table = CandidateFileReader.Read(TestFiles.Csv($"{Heading},,,\r\nAnn,Lee,01/02/2003,1234567899,,,\r\nJohn,Smith, Jr,01/02/2003,1234567899\r\n"), "mis.csv");
        Assert.Equal(4, table.Header.Count);
        var problem = Assert.Single(table.FileProblems);
        Assert.Equal((3, "Column E (no heading)"), (problem.Row, problem.Column));
        Assert.Contains("no heading", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_value_that_is_never_closed_is_a_problem_of_its_row()
    {
        var table = CandidateFileReader.Read(TestFiles.Csv($"{Heading}\r\nAnn,Lee,01/02/2003,1234567899\r\n\"Bob,Day,01/02/2003,1234567899\r\nCat,Ray,01/02/2003,1234567899\r\n"), "mis.csv");
        var problem = Assert.Single(table.FileProblems);
        Assert.Equal(3, problem.Row);
        Assert.Contains("quoted value", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_100000_rows_is_refused_saying_to_split_it()
    {
        var text = new StringBuilder(Heading + "\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("Ann,Lee,01/02/2003,1234567899\r\n");
        }

        var refused = Assert.Throws<DomainRuleException>(() => CandidateFileReader.Read(TestFiles.Csv(text.ToString()), "big.csv"));
        Assert.Equal("File", refused.Field);
        Assert.Contains("100,000 rows", refused.Message, StringComparison.Ordinal);
        Assert.Contains("at most 10,000", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Split it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_exactly_10000_rows_is_read()
    {
        var text = new StringBuilder(Heading + "\r\n");
        for (var i = 0; i < ImportLimits.MaxRows; i++)
        {
            text.Append("Ann,Lee,01/02/2003,1234567899\r\n");
        }

        Assert.Equal(ImportLimits.MaxRows, CandidateFileReader.Read(TestFiles.Csv(text.ToString()), "full.csv").Rows.Count);
    }

    [Theory]
    [InlineData("mis.xls", "Excel 97-2003")]
    [InlineData("mis.pdf", "CSV file (.csv) or an Excel workbook (.xlsx)")]
    [InlineData("mis.xlsx", "not an Excel workbook")]
    public void Files_that_are_not_csv_or_xlsx_are_refused_saying_what_to_do(string name, string reason)
    {
        var refused = Assert.Throws<DomainRuleException>(() => CandidateFileReader.Read(TestFiles.Csv(Heading + "\r\nAnn,Lee,01/02/2003,1234567899"), name));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_files_binary_files_and_files_with_no_rows_are_refused()
    {
        Assert.Contains("empty", Assert.Throws<DomainRuleException>(() => CandidateFileReader.Read([], "a.csv")).Message, StringComparison.Ordinal);
        Assert.Contains("not text", Assert.Throws<DomainRuleException>(() => CandidateFileReader.Read([0x41, 0, 0x42, 0x2C], "a.csv")).Message, StringComparison.Ordinal);
        Assert.Contains("no candidates", Assert.Throws<DomainRuleException>(() => CandidateFileReader.Read(TestFiles.Csv(Heading + "\r\n\r\n"), "a.csv")).Message, StringComparison.Ordinal);
        Assert.Contains("could not be read", Assert.Throws<DomainRuleException>(() => CandidateFileReader.Read([.. "PK\u0003\u0004"u8, 1, 2, 3], "a.xlsx")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_gives_shared_and_inline_strings_whole_numbers_dates_and_formulas_from_its_first_sheet()
    {
        var bytes = TestFiles.Xlsx(
            ["Forename", "Surname", "DOB", "ULN", "Planned end", "Candidate number"],
            ["Ann", new XCell.Inline("Lee"), new XCell.Date(new DateOnly(2004, 3, 27)), 1234567899d, 47000d, "0042"],
            null,
            ["Bob", "Day", "2004-03-27", new XCell.Formula("A1&B1", "=1234567899"), null, 7.5],
            [new XCell.Formula("=1+1", "2"), null, null, null, null, null]);
        var table = CandidateFileReader.Read(bytes, "mis.xlsx");
        Assert.Equal(ImportFormat.Xlsx, table.Format);
        Assert.Equal(["Forename", "Surname", "DOB", "ULN", "Planned end", "Candidate number"], table.Header);
        Assert.Equal([2, 4, 5], table.Rows.Select(r => r.Number));
        var ann = table.Rows[0];
        Assert.Equal(["Ann", "Lee", "2004-03-27", "1234567899", "47000", "0042"], Enumerable.Range(0, 6).Select(ann.Cell));
        Assert.False(ann.IsFormula(3));
        var bob = table.Rows[1];
        Assert.True(bob.IsFormula(3));
        Assert.Equal("7.5", bob.Cell(5));
        Assert.Equal(string.Empty, bob.Cell(4));
        Assert.True(table.Rows[2].IsFormula(0));
    }

    [Fact]
    public void A_workbook_of_100000_rows_is_refused_saying_to_split_it()
    {
        var rows = new XCell?[]?[100_001];
        rows[0] = ["Forename", "Surname", "DOB", "ULN"];
        for (var i = 1; i < rows.Length; i++)
        {
            rows[i] = [new XCell.Inline("Ann"), new XCell.Inline("Lee"), 37000d, 1234567899d];
        }

        var refused = Assert.Throws<DomainRuleException>(() => CandidateFileReader.Read(TestFiles.Xlsx(rows), "big.xlsx"));
        Assert.Contains("100,000 rows", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Forename,Surname,DOB", ',')]
    [InlineData("Forename;Surname;DOB", ';')]
    [InlineData("Forename\tSurname\tDOB", '\t')]
    [InlineData("\"Name, given\";Surname;DOB", ';')]
    [InlineData("ULN", ',')]
    public void Delimiters_are_detected_from_the_heading_row_outside_quotes(string heading, char expected) =>
        Assert.Equal(expected, CandidateFileReader.DetectDelimiter(heading + "\r\nA,B,C,D,E,F\r\n"));
}
