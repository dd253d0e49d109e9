using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Claims;

/// <summary>The centre's claims as CSV for the awarding body, optionally between two claim dates; streamed row by row.</summary>
public sealed class ExportModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var centreNumber = await db.Centres.Where(c => c.Id == db.CurrentCentreId).Select(c => c.Number).SingleAsync(cancellationToken);
        var claims = db.CertificationClaims.AsNoTracking();
        if (from is { } start)
        {
            claims = claims.Where(c => c.ClaimDate >= start);
        }

        if (to is { } end)
        {
            claims = claims.Where(c => c.ClaimDate <= end);
        }

        Response.ContentType = Csv.ContentType + "; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"claims-{centreNumber}{(from is null ? "" : "-from-" + from.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}{(to is null ? "" : "-to-" + to.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await Csv.WriteAsync(Response.Body, ClaimsCsv.Header, RowsAsync(centreNumber, claims.OrderBy(c => c.ClaimDate).ThenBy(c => c.SignedAt).AsAsyncEnumerable()), cancellationToken);
        return new EmptyResult();
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> RowsAsync(string centreNumber, IAsyncEnumerable<CertificationClaim> claims)
    {
        await foreach (var claim in claims)
        {
            foreach (var row in ClaimsCsv.Rows(centreNumber, claim))
            {
                yield return row;
            }
        }
    }
}
