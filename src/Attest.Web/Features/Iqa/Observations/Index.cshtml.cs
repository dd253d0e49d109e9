using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Quality;
using Attest.Core.Accounts;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Iqa.Observations;

/// <summary>IQA observations of assessors at work: the form, and every observation recorded at the centre.</summary>
public sealed class IndexModel(AttestDbContext db, TimeProvider clock) : PageModel, IRedisplayable
{
    public IReadOnlyList<(Guid Id, string Name)> Assessors { get; private set; } = [];

    public IReadOnlyList<IqaObservation> Observations { get; private set; } = [];

    public IReadOnlyDictionary<Guid, SignatureStatus> Signatures { get; private set; } = new Dictionary<Guid, SignatureStatus>();

    [BindProperty]
    public ObservationInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.ObservedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var assessor = Assessors.FirstOrDefault(a => a.Id == Input.AssessorId);
        var observation = IqaObservation.Record(db.CurrentCentreId!.Value, Input.ObservedOn, assessor == default ? null : assessor, Input.Activity, Input.Strengths, Input.Development,
            Input.Outcome, Input.Actions, User.UserId(), User.DisplayName(), now);

        db.IqaObservations.Add(observation);
        db.Sign(observation, Roles.Iqa, User.UserId(), User.DisplayName(), now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Observation of {observation.AssessorName} recorded and signed.";
        return Redirect("/Iqa/Observations");
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Assessors = [.. (await db.ActiveStaffInRole(Roles.Assessor).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName))];
        Observations = await db.IqaObservations.AsNoTracking().OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.RecordedAt).Take(200).ToListAsync(cancellationToken);
        Signatures = await LedgerVerifier.StatesAsync(db, [.. Observations], cancellationToken);
    }
}

public sealed class ObservationInput
{
    public DateOnly? ObservedOn { get; set; }

    public Guid? AssessorId { get; set; }

    public string? Activity { get; set; }

    public string? Strengths { get; set; }

    public string? Development { get; set; }

    public ObservationOutcome? Outcome { get; set; }

    public string? Actions { get; set; }
}
