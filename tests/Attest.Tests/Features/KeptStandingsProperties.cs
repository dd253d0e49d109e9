using System.Globalization;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Core.Tracking;
using Attest.Tests.Certification;
using Attest.Tests.Data;
using Attest.Web.Features.Tracking;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 15, item 2: the kept standings (<see cref="TrackedStanding"/>) that the dashboard, its exports and the filtered
/// lists read agree with the engines on random histories. After every step of a generated history (evidence mapped and
/// judged, decisions, an item rewritten by the candidate, a mapping withdrawn, a break started or ended) the rows read
/// incrementally (worked out again only where the progress stamp moved) equal the engines' answer worked out afresh,
/// and at the end equal a full rebuild (every kept row forgotten and worked out again).
/// </summary>
public sealed class KeptStandingsProperties(ITestOutputHelper output)
{
    private const int Cases = 16;

    private const int PostgresCases = 6;

    private const int MaxSteps = 20;

    private const int Learners = 2;

    /// <summary>Acts fall on the first few criteria of C3, so a history often acts twice on one criterion of one learner.</summary>
    private const int Criteria = 3;

    private static readonly UnitSpec C3 = C3Portfolio.Unit;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Kept_standings_read_incrementally_agree_with_the_engines_and_with_a_full_rebuild(DatabaseProvider provider)
    {
        output.WriteLine($"FsCheck replay seed {IntegrityProperties.Seed}: set it in IntegrityProperties.Seed to run the same cases.");
        using var app = await new AttestFactory(provider).SeedAsync();
        // Each step one number whose digits in mixed bases pick the act, the learner, the criterion and its details.
        var histories = Gen.Choose(0, 1_000_000).ArrayOf().ToArbitrary();
        var property = Prop.ForAll(histories, steps => CheckHistoryAsync(app, steps).GetAwaiter().GetResult());
        var seed = IntegrityProperties.Seed.Trim('(', ')').Split(',');
        var config = Config.QuickThrowOnFailure.WithMaxTest(provider == DatabaseProvider.Postgres ? PostgresCases : Cases)
            .WithReplay(new Replay(new Rnd(ulong.Parse(seed[0], CultureInfo.InvariantCulture), ulong.Parse(seed[1], CultureInfo.InvariantCulture)), Microsoft.FSharp.Core.FSharpOption<int>.None));
        await Task.Run(() => Check.One(config, property));
    }

    private async Task CheckHistoryAsync(AttestFactory app, int[] steps)
    {
        var catalogue = new Catalogue(app.Services.GetRequiredService<SpecificationLibrary>().Shipped);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var history = await History.StartAsync(app, clock);
        var done = new List<string>();
        foreach (var step in steps.Take(MaxSteps))
        {
            done.Add(await history.ApplyAsync(step));
            await using var db = app.Db(app.A.Id);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var kept = await TrackedStandings.ReadAsync(db, catalogue, history.Enrolments(db), today, default);
            var tracks = (await TrackingQueries.LoadAsync(db, catalogue, history.Enrolments(db), today, default)).Select(t => t.Track).ToList();
            var (keptRows, engines) = (Rows(await kept.AllAsync().ToListAsync()), Rows(tracks));
            Assert.True(keptRows.SequenceEqual(engines), $"after {string.Join("; ", done)}:\nkept    {string.Join("\n        ", keptRows)}\nengines {string.Join("\n        ", engines)}");
            // The dashboard's totals, summed by the database over the kept rows, are the engines' rows added up.
            Assert.Equal(Summary(CentreSummary.Of([.. tracks.Select(Alone)], tracks.SelectMany(t => t.Actions), tracks.Count(t => t.Actions.Any(a => a.IsOverdue(today))), today)),
                Summary(await kept.SummaryAsync(Learners, default)));
        }

        output.WriteLine(string.Join("; ", done));
        await using (var db = app.Db(app.A.Id))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var incremental = Rows(await (await TrackedStandings.ReadAsync(db, catalogue, history.Enrolments(db), today, default)).AllAsync().ToListAsync());
            var (exit, said) = await app.CliAsync("standings", "rebuild", "--centre", app.A.Number);
            Assert.True(exit == 0 && !await db.TrackedStandings.AnyAsync(), said);
            var rebuilt = Rows(await (await TrackedStandings.ReadAsync(db, catalogue, history.Enrolments(db), today, default)).AllAsync().ToListAsync());
            Assert.True(incremental.SequenceEqual(rebuilt), $"a rebuild disagrees after {string.Join("; ", done)}");
        }
    }

    /// <summary>Each row as the export writes it, with its open actions: what a person reads; in one order whatever the database's collation.</summary>
    private static List<string> Rows(IReadOnlyList<EnrolmentTrack> tracks) =>
        [.. tracks.OrderBy(t => t.EnrolmentId).Select(t => string.Join("|", TrackingTable.Columns.Select(c => Convert.ToString(c.Value(t), CultureInfo.InvariantCulture)))
            + string.Concat(t.Actions.Select(a => $"|{a.What} {a.Since:yyyy-MM-dd} {a.DueOn:yyyy-MM-dd}")))];

    /// <summary>One enrolment as a group of its own, as the database would group it.</summary>
    private static TrackGroup Alone(EnrolmentTrack t) => new(
        t.QualificationCode, t.QualificationTitle, t.AssessorId, t.AssessorName, t.Forecast.Rag, t.UnitsIqaReviewed > 0, t.QualificationClaimed,
        1, t.CriteriaMet, t.CriteriaTotal, t.UnitsEnrolled, t.UnitsSignedOff, t.UnitsClaimed, t.SignedOffUnitsWithSummativeReview);

    /// <summary>The dashboard's figures as text, lists included, so two summaries compare by what they say.</summary>
    private static string Summary(CentreSummary s) => string.Join("\n",
        [$"{s.Candidates} {s.Standing} overdue {s.CandidatesOverdue}", .. s.Qualifications.Select(q => q.ToString()), .. s.Coverage.Select(c => c.ToString()),
         .. s.Overdue.Select(a => $"{a.EnrolmentId} {a.What} {a.DueOn:yyyy-MM-dd}")]);

    /// <summary>Learners of centre A on 03456 with assessor A, and the acts a generated number does to one of them.</summary>
    private sealed class History
    {
        private readonly AttestFactory _app;
        private readonly TimeProvider _clock;
        private readonly List<(Guid Enrolment, Guid Candidate, Guid User)> _learners;
        private readonly string _assessorName;
        private int _items;

        private History(AttestFactory app, TimeProvider clock, List<(Guid, Guid, Guid)> learners, string assessorName) =>
            (_app, _clock, _learners, _assessorName) = (app, clock, learners, assessorName);

        public static async Task<History> StartAsync(AttestFactory app, TimeProvider clock)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = app.Db(app.A.Id);
            var learners = new List<(Guid, Guid, Guid)>();
            for (var i = 0; i < Learners; i++)
            {
                var candidate = new Candidate { CentreId = app.A.Id, GivenName = "Kept", FamilyName = $"History{Guid.NewGuid():N}"[..16], DateOfBirth = new DateOnly(2000, 1, 1), Uln = "1234567899", CreatedAt = now };
                db.Candidates.Add(candidate);
                var enrolment = Enrolment.Create(app.A.Id, candidate.Id, ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], DateOnly.FromDateTime(now).AddDays(-60 - (i * 40)), now);
                enrolment.AssignAssessor(app.A.AssessorUserId);
                enrolment.PlanEnd(DateOnly.FromDateTime(now).AddDays(i switch { 0 => 200, 1 => 10, _ => -20 }));
                db.Enrolments.Add(enrolment);
                learners.Add((enrolment.Id, candidate.Id, Guid.NewGuid()));
            }

            await db.SaveChangesAsync();
            var assessorName = await db.Users.Where(u => u.Id == app.A.AssessorUserId).Select(u => u.DisplayName).SingleAsync();
            return new History(app, clock, learners, assessorName);
        }

        public IQueryable<Enrolment> Enrolments(AttestDbContext db)
        {
            var ids = _learners.Select(l => l.Enrolment).ToList();
            return db.Enrolments.Where(e => ids.Contains(e.Id));
        }

        /// <summary>Does what <paramref name="input"/> picks to one learner, and says what it did.</summary>
        public async Task<string> ApplyAsync(int input)
        {
            var act = input % 6;
            var (enrolmentId, candidateId, userId) = _learners[input / 6 % Learners];
            var detail = input / 6 / Learners / Criteria;
            var now = _clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var criteria = C3.Criteria.Select(c => c.Ref).ToList();
            var criterion = criteria[input / 6 / Learners % Criteria];
            await using var db = _app.Db(_app.A.Id);
            var enrolment = await db.Enrolments.Include(e => e.Units).SingleAsync(e => e.Id == enrolmentId);
            var learner = $"learner {_learners.FindIndex(l => l.Enrolment == enrolmentId)}";
            switch (act)
            {
                case 0 or 1:
                {
                    // An item mapped to the criterion, judged accepted (or, one time in two, left waiting).
                    var on = today.AddDays(-(detail % 20) - 1);
                    var item = new EvidenceItem
                    {
                        CentreId = _app.A.Id, CandidateId = candidateId, Reference = $"K{++_items:000}", Kind = EvidenceKind.WorkProduct, Title = "Problem log",
                        Body = "What happened and what I did.", ActivityFrom = on, ActivityTo = on, Context = EvidenceContext.RealWork,
                        CustomerLabel = $"Customer {detail % 4}", Occasions = Occasions.Routine, UploadedBy = _app.A.AssessorUserId, UploadedAt = now,
                    };
                    db.EvidenceItems.Add(item);
                    db.EvidenceMappings.Add(new EvidenceMapping { CentreId = _app.A.Id, EvidenceItemId = item.Id, EnrolmentId = enrolmentId, UnitCode = "C3", CriterionRef = criterion, CreatedAt = now });
                    if (act == 0)
                    {
                        var judged = EvidenceAcceptance.Record(enrolment, C3, item, [criterion], true, null, [criterion], [], "Written at the time.", _app.A.AssessorUserId, _assessorName, userId, 0, [], now);
                        db.EvidenceAcceptances.Add(judged);
                        db.Sign(judged, Roles.Assessor, _app.A.AssessorUserId, _assessorName, now);
                    }

                    await db.SaveChangesAsync();
                    return $"{learner}: {item.Reference} for C3 {criterion}{(act == 0 ? ", accepted" : ", waiting")}";
                }

                case 2:
                {
                    // Mostly on a criterion the learner has evidence accepted for, where a decision changes what is met.
                    var judgedFor = await db.EvidenceAcceptances.Where(a => a.EnrolmentId == enrolmentId && a.Accepted).OrderByDescending(a => a.DecidedAt).Select(a => a.Criteria).FirstOrDefaultAsync();
                    criterion = judgedFor is { Length: > 0 } && detail % 4 != 0 ? judgedFor.Split(',')[0] : criterion;
                    var met = detail % 3 < 2;
                    var references = await db.EvidenceItems.Where(i => i.CandidateId == candidateId).Select(i => i.Reference).ToListAsync();
                    var revision = await db.CriterionDecisions.Where(d => d.EnrolmentId == enrolmentId && d.UnitCode == "C3" && d.CriterionRef == criterion).MaxAsync(d => (int?)d.Revision) ?? 0;
                    var decision = CriterionDecision.Record(enrolment, C3, criterion, met ? DecisionOutcome.Met : DecisionOutcome.NotYetMet, "Judged on the evidence.",
                        $"C3 {criterion}: your logs show this in your own words.", references.Count > 0 ? references : ["E001"], _app.A.AssessorUserId, _assessorName, userId, revision, [], now);
                    db.CriterionDecisions.Add(decision);
                    db.Sign(decision, Roles.Assessor, _app.A.AssessorUserId, _assessorName, now);
                    await db.SaveChangesAsync();
                    return $"{learner}: C3 {criterion} {(met ? "met" : "not yet met")}";
                }

                case 3:
                {
                    // The candidate rewrites an item after it was judged: the judgement no longer describes it.
                    var judged = await db.EvidenceAcceptances.Where(a => a.EnrolmentId == enrolmentId).OrderByDescending(a => a.DecidedAt).Select(a => (Guid?)a.EvidenceItemId).FirstOrDefaultAsync();
                    var item = await db.EvidenceItems.Where(i => i.CandidateId == candidateId && (judged == null || i.Id == judged)).OrderBy(i => i.Reference).FirstOrDefaultAsync();
                    if (item is null)
                    {
                        return $"{learner}: nothing to rewrite";
                    }

                    item.Body += " Rewritten.";
                    await db.SaveChangesAsync();
                    return $"{learner}: {item.Reference} rewritten";
                }

                case 4:
                {
                    var judged = await db.EvidenceAcceptances.Where(a => a.EnrolmentId == enrolmentId && a.Accepted).Select(a => a.EvidenceItemId).ToListAsync();
                    var mapping = await db.CountingMappings.Where(m => m.EnrolmentId == enrolmentId && judged.Contains(m.EvidenceItemId)).OrderBy(m => m.CreatedAt).FirstOrDefaultAsync();
                    if (mapping is null)
                    {
                        return $"{learner}: nothing judged to withdraw";
                    }

                    var item = await db.EvidenceItems.SingleAsync(i => i.Id == mapping.EvidenceItemId);
                    var withdrawal = MappingWithdrawal.Record(mapping, item, judged: true, unitSignedOff: false, alreadyWithdrawn: false, "It does not show it after all.", _app.A.AssessorUserId, _assessorName, now);
                    db.MappingWithdrawals.Add(withdrawal);
                    db.Sign(withdrawal, Roles.Assessor, _app.A.AssessorUserId, _assessorName, now);
                    await db.SaveChangesAsync();
                    return $"{learner}: mapping of {item.Reference} to C3 {mapping.CriterionRef} withdrawn";
                }

                default:
                {
                    var change = enrolment.OnBreakSince is null ? enrolment.StartBreak(today, "Illness.", _app.A.AssessorUserId, _assessorName, now) : enrolment.Resume(today, "Back.", _app.A.AssessorUserId, _assessorName, now);
                    db.EnrolmentStatusChanges.Add(change);
                    db.Sign(change, Roles.CentreAdmin, _app.A.AssessorUserId, _assessorName, now);
                    await db.SaveChangesAsync();
                    return $"{learner}: {change.Describe()}";
                }
            }
        }
    }
}
