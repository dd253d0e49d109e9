using Attest.Core.Accounts;
using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Account;

/// <summary>Counts failed sign-in attempts per network address in the database (<see cref="SignInFailures"/> has the rule).</summary>
public sealed class FailuresByAddress(AttestDbContext db, TimeProvider clock)
{
    public async Task<bool> RefusesAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var address = AddressOf(http);
        var since = clock.GetUtcNow().UtcDateTime - SignInFailures.Window;
        var failures = await db.SignInFailures.CountAsync(f => f.Address == address && f.At > since, cancellationToken);
        return SignInFailures.Refuses(failures);
    }

    /// <summary>Records a failed attempt and forgets every attempt older than the window, whoever made it.</summary>
    public async Task RecordAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.SignInFailures.Add(new SignInFailure { Address = AddressOf(http), At = now });
        await db.SaveChangesAsync(cancellationToken);
        var expired = now - SignInFailures.Window;
        await db.SignInFailures.Where(f => f.At <= expired).ExecuteDeleteAsync(cancellationToken);
    }

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
