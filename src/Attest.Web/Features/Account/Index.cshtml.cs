using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Account;

/// <summary>Your account: your details, password, second factor, and your recent sign-ins (so you can spot one that was not you).</summary>
public sealed class IndexModel(AttestDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountService accounts) : PageModel
{
    private static readonly SecurityEventKind[] SignIns =
        [SecurityEventKind.SignedIn, SecurityEventKind.SignInFailed, SecurityEventKind.LockedOut, SecurityEventKind.TwoFactorFailed, SecurityEventKind.SignInRefused, SecurityEventKind.SingleSignOnRefused];

    public AppUser Person { get; private set; } = null!;

    public string CentreName { get; private set; } = string.Empty;

    public IReadOnlyList<string> PersonRoles { get; private set; } = [];

    public bool HasPassword { get; private set; }

    public IReadOnlyList<SecurityEvent> RecentSignIns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        CentreName = await db.Centres.Where(c => c.Id == Person.CentreId).Select(c => c.Name).SingleAsync(cancellationToken);
        PersonRoles = [.. await users.GetRolesAsync(Person)];
        HasPassword = await users.HasPasswordAsync(Person);
        RecentSignIns = await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == Person.Id && SignIns.Contains(e.Kind)).OrderByDescending(e => e.At).Take(20).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        await accounts.SignOutEverywhereAsync(user, HttpContext.Actor(), cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData["Success"] = "You have been signed out everywhere else. This browser stays signed in.";
        return Redirect("/Account");
    }
}
