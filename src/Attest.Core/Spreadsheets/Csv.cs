using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Attest.Core.Spreadsheets;

/// <summary>
/// Every CSV Attest writes, as spreadsheets open it: RFC 4180 by CsvHelper, UTF-8 with a byte order mark (so Excel does
/// not read it as Windows-1252). A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
/// return) is written with a leading apostrophe, so a candidate named <c>=HYPERLINK(...)</c> shows as text and runs
/// nothing (OWASP, CSV injection).
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    private static readonly UTF8Encoding Utf8WithMark = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>A whole file, for exports small enough to hold in memory.</summary>
    public static byte[] ToBytes(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var output = new MemoryStream();
        using (var csv = Open(output))
        {
            Record(csv, header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                Record(csv, row);
                csv.NextRecord();
            }
        }

        return output.ToArray();
    }

    /// <summary>Writes the file to <paramref name="output"/> row by row as the rows arrive, without synchronous writes; leaves it open.</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<string> header, IAsyncEnumerable<IEnumerable<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = Open(output);
        Record(csv, header);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            Record(csv, row);
            await csv.NextRecordAsync();
        }
    }

    private static CsvWriter Open(Stream output) => new(new StreamWriter(output, Utf8WithMark, leaveOpen: true), Configuration);

    private static void Record(CsvWriter csv, IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }
    }
}
