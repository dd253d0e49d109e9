using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Quality;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Staff;

/// <summary>Assessors' standing (new and trainee assessors are sampled more) and who is lead IQA.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid UserId, string Name, string Email, bool IsAssessor, bool IsIqa, AssessorStanding Standing, bool LeadIqa);

    public IReadOnlyList<Row> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var assessors = await db.StaffInRole(Roles.Assessor).Select(u => u.Id).ToListAsync(cancellationToken);
        var iqas = await db.StaffInRole(Roles.Iqa).Select(u => u.Id).ToListAsync(cancellationToken);
        var ids = assessors.Concat(iqas).Distinct().ToList();
        var profiles = await db.StaffProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, cancellationToken);
        Staff = [.. (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken))
            .Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, assessors.Contains(u.Id), iqas.Contains(u.Id),
                profiles.GetValueOrDefault(u.Id)?.Standing ?? AssessorStanding.Qualified, profiles.GetValueOrDefault(u.Id)?.LeadIqa ?? false))];
    }

    public async Task<IActionResult> OnPostAsync(Guid userId, AssessorStanding? standing, bool leadIqa, CancellationToken cancellationToken)
    {
        var isAssessor = await db.StaffInRole(Roles.Assessor).AnyAsync(u => u.Id == userId, cancellationToken);
        var isIqa = await db.StaffInRole(Roles.Iqa).AnyAsync(u => u.Id == userId, cancellationToken);
        if (!isAssessor && !isIqa)
        {
            return NotFound();
        }

        var profile = await db.StaffProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new StaffProfile { CentreId = db.CurrentCentreId!.Value, UserId = userId };
            db.StaffProfiles.Add(profile);
        }

        profile.Standing = isAssessor ? standing ?? AssessorStanding.Qualified : AssessorStanding.Qualified;
        profile.LeadIqa = isIqa && leadIqa;
        (profile.ChangedBy, profile.ChangedAt) = (User.UserId(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Saved.";
        return Redirect("/Admin/Staff");
    }
}
