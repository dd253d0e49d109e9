using Attest.Core;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Web.Features.Gateway;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Employer.Apprentices;

/// <summary>
/// The gateway of one of the line manager's own apprentices, to read, and to sign the declaration for the employer that
/// the apprentice is ready; another employer's apprentice is 404.
/// </summary>
public sealed class GatewayModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, OffTheJobRules rules, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    public GatewayStanding Standing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSignAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await Standing.SignAsync(db, GatewayParty.Employer, Roles.Employer, User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Success"] = "You have signed the gateway declaration for the employer.";
        return Redirect($"/Employer/Apprentices/{EnrolmentId}/Gateway");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var standing = await GatewayStanding.LoadAsync(db, catalogue, rules, EmployerScope.ApprenticesOf(db, User.UserId()).Where(e => e.Id == EnrolmentId),
            UkTime.DateOf(clock.GetUtcNow().UtcDateTime), cancellationToken);
        Standing = standing!;
        return standing is not null;
    }
}
