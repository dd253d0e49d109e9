using System.Text;
using Attest.Core.Spreadsheets;
using Attest.Tests.Features;

namespace Attest.Tests.Tracking;

/// <summary>Every CSV the app writes: each cell in its column, none that a spreadsheet would run as a formula, UTF-8 with a byte order mark.</summary>
public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x.test\",\"click\")", "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\"")]
    [InlineData("+44 7700 900123", "\"'+44 7700 900123\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A2)", "\"'@SUM(A1:A2)\"")]
    [InlineData("\tTab", "\"'\tTab\"")]
    [InlineData("Smith, Jo", "\"Smith, Jo\"")]
    [InlineData("O'Neill", "O'Neill")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    public void A_cell_never_starts_a_formula_and_is_quoted_when_it_must_be(string value, string expected)
    {
        var text = Text(Csv.ToBytes(["Value", "Next"], [[value, "x"]]));
        Assert.Equal($"Value,Next\r\n{expected},x\r\n", text);
    }

    [Fact]
    public void An_empty_cell_keeps_its_place_wherever_it_is_in_the_row()
    {
        var rows = CsvDownload.Read(Text(Csv.ToBytes(["Candidate number", "ULN", "Name", "Grade"], [["", "1234567899", "Ann", ""], ["", "", "", ""], ["A1", "", "Bo", "Pass"]])));
        Assert.Equal(
            [["Candidate number", "ULN", "Name", "Grade"], ["", "1234567899", "Ann", ""], ["", "", "", ""], ["A1", "", "Bo", "Pass"]],
            rows);
    }

    [Fact]
    public async Task A_streamed_file_is_the_same_as_one_written_whole_and_leaves_the_stream_open()
    {
        string[][] rows = [["", "=1+2"], ["b", "c"]];
        using var output = new MemoryStream();
        await Csv.WriteAsync(output, ["One", "Two"], rows.ToAsyncEnumerable(), default);
        Assert.True(output.CanWrite);
        Assert.Equal(Csv.ToBytes(["One", "Two"], rows), output.ToArray());
    }

    private static string Text(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no UTF-8 byte order mark");
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
