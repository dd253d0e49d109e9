using Attest.Core.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Shared;

/// <summary>
/// A list downloaded as CSV or XLSX without being held whole in memory, whatever the centre's size: the CSV is written to
/// the response as its rows are read; the Open XML package needs a seekable stream, so the XLSX is written to a temporary
/// file, which goes once sent.
/// </summary>
public static class Downloads
{
    public static async Task<IActionResult> CsvAsync(
        HttpResponse response, string fileName, IEnumerable<string> header, IAsyncEnumerable<IEnumerable<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.ContentType = Csv.ContentType + "; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        await Csv.WriteAsync(response.Body, header, rows, cancellationToken);
        return new EmptyResult();
    }

    public static async Task<IActionResult> XlsxAsync(HttpResponse response, string fileName, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(response);
        var workbook = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            Xlsx.Write(workbook, sheetName, header, rows);
            workbook.Position = 0;
        }
        catch
        {
            // The response disposes (and so deletes) the file once sent; a failed write must do it here.
            await workbook.DisposeAsync();
            throw;
        }

        response.Headers.CacheControl = "no-store";
        return new FileStreamResult(workbook, Xlsx.ContentType) { FileDownloadName = fileName };
    }
}
