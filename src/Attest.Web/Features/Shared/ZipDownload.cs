using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Attest.Web.Features.Shared;

/// <summary>
/// A ZIP download written straight to the response, entry by entry, so the archive is never held in memory or on disk:
/// the portfolio for EQA and the gateway pack for the end-point assessment organisation.
/// </summary>
public abstract class ZipDownload : IActionResult
{
    public abstract string FileName { get; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = "application/zip";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";

        // ZipArchive's entry streams finish entries with a synchronous Dispose even on the async path (.NET 10),
        // so this one response allows synchronous writes; the bulk of the bytes still go out asynchronously.
        if (context.HttpContext.Features.Get<IHttpBodyControlFeature>() is { } bodyControl)
        {
            bodyControl.AllowSynchronousIO = true;
        }

        await WriteAsync(response.Body, context.HttpContext.RequestAborted);
    }

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken);
        await WriteEntriesAsync(zip, cancellationToken);
    }

    protected abstract Task WriteEntriesAsync(ZipArchive zip, CancellationToken cancellationToken);

    protected static async Task AddTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken) =>
        await AddBytesAsync(zip, name, Encoding.UTF8.GetBytes(text), cancellationToken);

    protected static async Task AddBytesAsync(ZipArchive zip, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }
}
