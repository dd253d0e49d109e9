using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Attest.Tests.Features;

/// <summary>
/// Reads a CSV the app sends back as a spreadsheet would, with CsvHelper (not with the code under test): strictly, so a
/// stray quote or a row with a different number of cells from the heading row fails the test.
/// </summary>
internal static class CsvDownload
{
    /// <summary>The rows of a CSV download, heading row first; checks it is CSV in UTF-8 with a byte order mark (so Excel reads it as UTF-8).</summary>
    public static async Task<List<string[]>> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble), "the CSV does not start with a UTF-8 byte order mark");
        return Read(System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    public static List<string[]> Read(string text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true };
        using var reader = new CsvReader(new StringReader(text), configuration);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }
}
