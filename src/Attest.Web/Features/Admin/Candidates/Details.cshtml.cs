using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates;

public sealed class DetailsModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel
{
    public sealed record EnrolmentRow(Guid Id, string Qualification, DateOnly RegisteredOn, string? Assessor, IReadOnlyList<string> Units);

    public Core.Centres.Candidate Candidate { get; private set; } = null!;

    public IReadOnlyList<EnrolmentRow> Enrolments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (candidate is null)
        {
            return NotFound();
        }

        Candidate = candidate;
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units).Where(e => e.CandidateId == id).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var assessorIds = enrolments.Select(e => e.AssessorId).OfType<Guid>().ToList();
        var centreId = db.CurrentCentreId;
        var names = await db.Users.Where(u => u.CentreId == centreId && assessorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Enrolments = enrolments.Select(e => new EnrolmentRow(
            e.Id,
            catalogue.Find(e.QualificationCode)?.DisplayName ?? e.QualificationCode,
            e.RegisteredOn,
            e.AssessorId is Guid a && names.TryGetValue(a, out var n) ? n : null,
            e.Units.Select(u => u.UnitCode).ToList())).ToList();
        return Page();
    }
}
