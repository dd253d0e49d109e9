using System.Diagnostics;
using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Centres.Import;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Quality;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Candidates.Import;

/// <summary>How a confirmed import ended.</summary>
public enum ImportResult { Imported, Refused, AlreadyImported }

/// <summary>
/// The import's I/O around the pure rules (<see cref="CandidateFileReader"/>, <see cref="CandidateImportCheck"/>): keeps an
/// uploaded file, gathers the centre's facts for the check, and applies a checked file in one transaction, checking it
/// again inside it, so that every row is written or none is. Accounts and their invitations go through
/// <see cref="AccountService"/>, enrolments through <see cref="Enrolment.Create"/>, as on the single-candidate pages.
/// </summary>
public sealed class CandidateImporter(AttestDbContext db, Core.Qualifications.Catalogue catalogue, AccountService accounts, TimeProvider clock, ILogger<CandidateImporter> logger)
{
    /// <summary>Rows written between saves; the change tracker is emptied after each batch, so saving does not slow as the import grows.</summary>
    private const int Batch = 1;

    private const int QueryChunk = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Reads the file (refusing one that cannot be imported, with a <see cref="Core.DomainRuleException"/>) and keeps it for
    /// the next steps; removes this centre's uploads older than a day that were never imported.
    /// </summary>
    public async Task<CandidateImport> UploadAsync(string fileName, byte[] content, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = name.Length > 255 ? name[^255..] : name;
        _ = CandidateFileReader.Read(content, name);
        var now = Now;
        var stale = now.AddDays(-1);
        await db.CandidateImports.Where(i => i.ImportedAt == null && i.UploadedAt < stale).ExecuteDeleteAsync(cancellationToken);
        var import = new CandidateImport { CentreId = db.CurrentCentreId!.Value, FileName = name, Content = content, UploadedBy = userId, UploadedAt = now };
        db.CandidateImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }

    /// <summary>Checks the file against the centre as it is now; writes nothing.</summary>
    public async Task<ImportPlan> CheckAsync(ImportTable table, ImportMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        return CandidateImportCheck.Check(table, mapping, await FactsAsync(table, mapping, cancellationToken), catalogue);
    }

    /// <summary>
    /// Checks the file again inside one transaction and, when nothing is wrong, writes every row: candidates, their accounts
    /// with invitation emails (queued in the same transaction), enrolments with today as the registration date, assessors
    /// and planned end dates; then records who imported it, when and what it did, and drops the file's content.
    /// </summary>
    public async Task<(ImportResult Result, ImportPlan? Plan)> ImportAsync(Guid importId, ImportMapping mapping, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(actor);
        var timer = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now;

        // Claim the import first: of two administrators confirming at once, the second finds it taken and writes nothing.
        var claimed = await db.CandidateImports.Where(i => i.Id == importId && i.ImportedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ImportedAt, now).SetProperty(i => i.ImportedBy, actor.UserId), cancellationToken);
        if (claimed == 0)
        {
            return (ImportResult.AlreadyImported, null);
        }

        var content = await db.CandidateImports.Where(i => i.Id == importId).Select(i => new { i.FileName, i.Content }).SingleAsync(cancellationToken);
        var table = CandidateFileReader.Read(content.Content!, content.FileName);
        var plan = await CheckAsync(table, mapping, cancellationToken);
        var checkedIn = timer.Elapsed;
        if (!plan.CanImport)
        {
            return (ImportResult.Refused, plan);
        }

        var centreId = db.CurrentCentreId!.Value;
        var hold = EqaSanctions.RegistrationHold(EqaSanctions.InForce(await db.EqaReports.AsNoTracking().ToListAsync(cancellationToken)));
        var today = Core.UkTime.DateOf(now);
        var accountTime = TimeSpan.Zero;
        // A learner already registered keeps the history of what the file changed, as a change made on their page would.
        void Changed(Core.Centres.Candidate candidate, string field, string? from, string? to)
        {
            if (db.Entry(candidate).State != EntityState.Added)
            {
                db.CandidateDetailsChanges.Add(new Core.Centres.CandidateDetailsChange
                {
                    CentreId = centreId, CandidateId = candidate.Id, Field = field, From = from, To = to, Reason = $"Imported from {content.FileName}"[..Math.Min(Core.Centres.CandidateDetailsChange.MaxReasonLength, 14 + content.FileName.Length)],
                    ChangedBy = actor.UserId, ChangedByName = actor.Name, ChangedAt = now,
                });
            }
        }

        foreach (var row in plan.Rows.Where(r => !r.IsUnchanged))
        {
            var candidate = row.CandidateId is Guid id ? await db.Candidates.SingleAsync(c => c.Id == id, cancellationToken) : Register(row, centreId, now);
            if (row.SetUln)
            {
                Changed(candidate, "ULN", candidate.Uln, row.Uln);
                candidate.Uln = row.Uln;
            }

            if (row.SetCandidateNumber)
            {
                Changed(candidate, "Candidate number", candidate.AwardingBodyCandidateNumber, row.CandidateNumber);
                candidate.AwardingBodyCandidateNumber = row.CandidateNumber;
            }

            if (row.Invite is string email)
            {
                var started = timer.Elapsed;
                candidate.UserId = (await accounts.InviteCandidateAsync(email, candidate.FullName, actor, cancellationToken)).Id;
                accountTime += timer.Elapsed - started;
            }

            if (row.Enrol is { } planned)
            {
                var enrolment = Enrolment.Create(centreId, candidate.Id, planned.Qualification, planned.Units, today, now, actor.UserId, hold);
                if (planned.Assessor is { } assessor)
                {
                    enrolment.AssignAssessor(assessor.Id);
                }

                enrolment.PlanEnd(planned.PlannedEnd);
                db.Enrolments.Add(enrolment);
            }

            // Each row is saved (inside the transaction) and forgotten: with many rows tracked, every save's change detection
            // scans them all (bench/Import: 12 ms a row with up to 200 rows tracked, 4.6 ms with one).
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var import = await db.CandidateImports.SingleAsync(i => i.Id == importId, cancellationToken);
        import.Summary = plan.Counts.Done();
        import.Content = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Candidate import {ImportId}: {Rows} rows checked in {CheckMs} ms; {Registered} registered, {Updated} updated, {Enrolled} enrolled, {Invited} invited ({AccountMs} ms in accounts and invitations); {TotalMs} ms in all",
            importId, plan.Counts.Rows, (long)checkedIn.TotalMilliseconds, plan.Counts.Register, plan.Counts.Update, plan.Counts.Enrol, plan.Counts.Invitations, (long)accountTime.TotalMilliseconds, timer.ElapsedMilliseconds);
        return (ImportResult.Imported, plan);
    }

    /// <summary>The centre's candidates, enrolments and assessors, the EQA's hold, and which of the file's addresses an account already uses (in any centre).</summary>
    public async Task<ImportFacts> FactsAsync(ImportTable table, ImportMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        var centreId = db.CurrentCentreId;
        var accounts = await db.Users.AsNoTracking().Where(u => u.CentreId == centreId).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var candidates = await db.Candidates.AsNoTracking()
            .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.Uln, c.AwardingBodyCandidateNumber, c.UserId })
            .ToListAsync(cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking().Select(e => new ExistingEnrolment(e.CandidateId, e.QualificationCode)).ToListAsync(cancellationToken);
        var assessors = await db.StaffInRole(Roles.Assessor).AsNoTracking()
            .Select(u => new AssessorFact(u.Id, u.DisplayName, u.Email ?? string.Empty, u.DeactivatedAt == null)).ToListAsync(cancellationToken);
        var hold = EqaSanctions.RegistrationHold(EqaSanctions.InForce(await db.EqaReports.AsNoTracking().ToListAsync(cancellationToken)));

        var used = new HashSet<string>(StringComparer.Ordinal);
        if (mapping.ColumnOf(ImportField.Email) is var column && column >= 0)
        {
            var emails = table.Rows.Select(r => r.Cell(column)).Where(CandidateDetails.IsEmailAddress).Select(ImportFacts.NormaliseEmail).Distinct().ToList();
            foreach (var chunk in emails.Chunk(QueryChunk))
            {
                var found = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.NormalizedEmail!) || chunk.Contains(u.NormalizedUserName!))
                    .Select(u => new { u.NormalizedEmail, u.NormalizedUserName }).ToListAsync(cancellationToken);
                used.UnionWith(found.SelectMany(u => new[] { u.NormalizedEmail, u.NormalizedUserName }).OfType<string>());
            }
        }

        var now = Now;
        return new ImportFacts(
            Core.UkTime.DateOf(now), now, hold,
            [.. candidates.Select(c => new ExistingCandidate(c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.Uln, c.AwardingBodyCandidateNumber, c.UserId is Guid u && accounts.TryGetValue(u, out var e) ? e : null))],
            enrolments, used, assessors);
    }

    private Core.Centres.Candidate Register(PlannedRow row, Guid centreId, DateTime now)
    {
        var candidate = new Core.Centres.Candidate
        {
            CentreId = centreId, GivenName = row.GivenName, FamilyName = row.FamilyName, DateOfBirth = row.DateOfBirth, Uln = row.Uln,
            AwardingBodyCandidateNumber = row.CandidateNumber, CreatedAt = now,
        };
        db.Candidates.Add(candidate);
        return candidate;
    }
}
