using System.Text;
using Attest.Core;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Specifications;

/// <summary>
/// One qualification's versions at this centre (issue 16): what each changed from the one before, the learners on each,
/// each version's file to download (to correct it, or to share with another centre), and moving the learners of an
/// earlier version to the one in force. A move is the learner's own signed record, saying what it changes for their
/// units; their decisions, sign-offs and mappings stay as they were.
/// </summary>
public sealed class QualificationModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    /// <summary>Learners who cannot move are named up to this many; the rest are counted.</summary>
    public const int RefusalsListed = 25;

    /// <summary>Who saved a centre's version, when and why (the file itself is read only to download it).</summary>
    public sealed record Saved(string Origin, string Note, string By, DateTime At);

    public sealed record VersionRow(QualificationSpec Spec, Saved? Saved, int Learners, SpecificationChanges? FromPrevious);

    /// <summary>The learners of an earlier version, and those of them who cannot move to the version in force, with why.</summary>
    public sealed record MoveRow(QualificationSpec From, int Learners, SpecificationChanges Changes, IReadOnlyList<(string Learner, string Reason)> Refused, int RefusedCount);

    [FromRoute]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public MoveInput Input { get; set; } = new();

    public QualificationSpec Current { get; private set; } = null!;

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public IReadOnlyList<MoveRow> Moves { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>A version's file as it was uploaded: to correct and upload as the next version, or to give another centre.</summary>
    public async Task<IActionResult> OnGetYamlAsync(int version, CancellationToken cancellationToken)
    {
        if (version == 0)
        {
            // The shipped specification, written out in the same format, to start a centre's own version from.
            return catalogue.Find(Code, null) is { } shipped
                ? File(Encoding.UTF8.GetBytes(SpecificationWriter.Write(shipped)), "application/yaml", $"{shipped.Code}-as-shipped.yaml")
                : NotFound();
        }

        var stored = await db.SpecificationVersions.AsNoTracking().SingleOrDefaultAsync(v => v.QualificationCode == Code && v.Version == version, cancellationToken);
        return stored is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(stored.Yaml), "application/yaml", $"{stored.QualificationCode}-version-{stored.Version}.yaml");
    }

    /// <summary>
    /// A version as a CASE 1.1 framework, for a centre or tool that reads CASE: its units, outcomes and criteria (not its groups,
    /// rules, evidence requirements or policy, which CASE has no place for). Dated when the version was saved, so the same
    /// version always downloads as the same file.
    /// </summary>
    public async Task<IActionResult> OnGetCaseAsync(int version, CancellationToken cancellationToken)
    {
        if (version == 0)
        {
            // The shipped files record no time of change: their CASE is dated at the epoch, so it too is the same every time.
            return catalogue.Find(Code, null) is { } shipped
                ? File(Encoding.UTF8.GetBytes(CaseFramework.Export(shipped, DateTime.UnixEpoch)), "application/json", $"{shipped.Code}-as-shipped-case.json")
                : NotFound();
        }

        var saved = await db.SpecificationVersions.AsNoTracking().Where(v => v.QualificationCode == Code && v.Version == version)
            .Select(v => new { v.Id, v.CreatedAt }).SingleOrDefaultAsync(cancellationToken);
        return saved is not null && catalogue.Versions(Code).FirstOrDefault(v => v.SpecificationId == saved.Id) is { } spec
            ? File(Encoding.UTF8.GetBytes(CaseFramework.Export(spec, saved.CreatedAt)), "application/json", $"{spec.Code}-version-{spec.Version}-case.json")
            : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var from = catalogue.Versions(Code).FirstOrDefault(v => v.Version == Input.FromVersion);
        if (from is null || from.Version >= Current.Version)
        {
            ModelState.AddModelError("Input.FromVersion", $"Choose a version earlier than {Current.VersionName} to move learners from.");
            return Page();
        }

        var (by, byName, now) = (User.UserId(), User.DisplayName(), clock.GetUtcNow().UtcDateTime);
        var enrolments = await OnVersion(from).Include(e => e.Units).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var enrolment in enrolments)
        {
            try
            {
                var change = enrolment.MoveToVersion(from, Current, Input.Reason, by, byName, now);
                db.EnrolmentStatusChanges.Add(change);
                db.Sign(change, Roles.CentreAdmin, by, byName, now);
                moved++;
            }
            catch (DomainRuleException rule) when (rule.FieldReasons?.Where(f => f.Field == nameof(MoveInput.Reason)).ToList() is { Count: > 0 } reason)
            {
                // The reason is given once for all: without it nobody moves, and the form says so.
                throw new DomainRuleException(reason);
            }
            catch (DomainRuleException)
            {
                // This learner stays on their version; the page lists why.
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = moved == 0
            ? $"No learner could move from {from.VersionName}: see why below."
            : $"{moved} {(moved == 1 ? "learner is" : "learners are")} moved from {from.VersionName} to {Current.VersionName}, each recorded and signed by you." + (moved < enrolments.Count ? $" {enrolments.Count - moved} could not move: see why below." : string.Empty);
        return Redirect($"/Admin/Specifications/{Uri.EscapeDataString(Current.Code)}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        if (catalogue.Find(Code) is not { } current)
        {
            return false;
        }

        Current = current;
        var specs = catalogue.Versions(Code);
        var stored = await db.SpecificationVersions.AsNoTracking().Where(v => v.QualificationCode == current.Code)
            .Select(v => new { v.Id, v.Origin, v.Note, v.CreatedByName, v.CreatedAt })
            .ToDictionaryAsync(v => v.Id, v => new Saved(v.Origin, v.Note, v.CreatedByName, v.CreatedAt), cancellationToken);
        var learners = await db.Enrolments.AsNoTracking().Where(e => e.QualificationCode == current.Code && e.WithdrawnOn == null)
            .GroupBy(e => e.SpecificationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Versions = [.. specs.Select((spec, i) =>
        {
            return new VersionRow(
                spec,
                spec.SpecificationId is Guid id ? stored.GetValueOrDefault(id) : null,
                learners.FirstOrDefault(l => l.Key == spec.SpecificationId)?.Count ?? 0,
                i + 1 < specs.Count ? SpecificationChanges.Between(specs[i + 1], spec) : null);
        })];

        var moves = new List<MoveRow>();
        foreach (var earlier in Versions.Skip(1).Where(v => v.Learners > 0))
        {
            var onIt = await OnVersion(earlier.Spec).AsNoTracking().Include(e => e.Units).ToListAsync(cancellationToken);
            // A trial move on a copy that is never saved: the rules say who can move, before anyone presses.
            var cannot = onIt.Select(e => (e.CandidateId, Reason: RefusalReason(() => e.MoveToVersion(earlier.Spec, current, "trial", Guid.Empty, string.Empty, DateTime.MinValue))))
                .Where(r => r.Reason is not null).ToList();
            // Names only of those listed: a version can have thousands of learners.
            var listed = cannot.Take(RefusalsListed).ToList();
            var names = await LearnerNamesAsync([.. listed.Select(r => r.CandidateId)], cancellationToken);
            var refused = listed.Select(r => (names.GetValueOrDefault(r.CandidateId, "A learner"), r.Reason!)).ToList();
            moves.Add(new MoveRow(earlier.Spec, earlier.Learners, SpecificationChanges.Between(earlier.Spec, current), refused, cannot.Count));
        }

        Moves = moves;
        return true;
    }

    private IQueryable<Enrolment> OnVersion(QualificationSpec spec) =>
        db.Enrolments.Where(e => e.QualificationCode == spec.Code && e.SpecificationId == spec.SpecificationId && e.WithdrawnOn == null);

    private async Task<Dictionary<Guid, string>> LearnerNamesAsync(List<Guid> candidates, CancellationToken cancellationToken) =>
        await db.Candidates.AsNoTracking().Where(c => candidates.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.GivenName + " " + c.FamilyName, cancellationToken);

    private static string? RefusalReason(Action move)
    {
        try
        {
            move();
            return null;
        }
        catch (DomainRuleException rule)
        {
            return string.Join(" ", rule.Reasons);
        }
    }
}

/// <summary>What the move form posts; the rules are <see cref="Enrolment.MoveToVersion"/>'s.</summary>
public sealed class MoveInput
{
    public int FromVersion { get; set; }

    public string? Reason { get; set; }
}
