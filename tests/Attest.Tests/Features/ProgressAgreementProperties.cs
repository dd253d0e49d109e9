using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Attest.Tests.Certification;
using Attest.Tests.Data;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 13, item 1, at the doors: for generated decisions and evidence judgements on OCR unit C3 of 03456 (which does
/// not allow simulation for any performance evidence, NVQ unit specification, evidence requirement 1), the API, the
/// candidate's and the assessor's unit pages and the centre dashboard CSV all give the answer of
/// <see cref="Sufficiency.Progress"/> to "is this criterion met", and sign-off is refused while any criterion is not.
/// Each case runs through the real app, so there are few of them; they share the seed of <see cref="IntegrityProperties"/>
/// and a failure prints the shrunk case with it.
/// </summary>
public sealed partial class ProgressAgreementProperties(ITestOutputHelper output)
{
    private const int Cases = 8;

    /// <summary>Fewer on PostgreSQL, where the test databases open a connection per query (no pooling), to keep the run near a minute.</summary>
    private const int PostgresCases = 4;

    private const int MaxEvidence = 6;

    private static readonly UnitSpec C3 = C3Portfolio.Unit;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_door_counts_a_criterion_met_as_progress_does_and_sign_off_refuses_what_is_not(DatabaseProvider provider)
    {
        output.WriteLine($"FsCheck replay seed {IntegrityProperties.Seed}: set it in IntegrityProperties.Seed to run the same cases.");
        using var app = await new AttestFactory(provider).SeedAsync();
        var doors = await Doors.OpenAsync(app);
        var arrays = ArbMap.Default.ArbFor<int[]>();
        var property = Prop.ForAll(arrays, arrays, (decisions, evidence) => CheckCaseAsync(app, doors, decisions, evidence, output).GetAwaiter().GetResult());
        var config = Config.QuickThrowOnFailure.WithMaxTest(provider == DatabaseProvider.Postgres ? PostgresCases : Cases).WithReplay(Replay(IntegrityProperties.Seed));
        // Off the test's synchronisation context: each case waits on the app from inside FsCheck's synchronous runner.
        await Task.Run(() => Check.One(config, property));
    }

    private static async Task CheckCaseAsync(AttestFactory app, Doors doors, int[] decisions, int[] evidence, ITestOutputHelper output)
    {
        var scenario = await Scenario.WriteAsync(app, decisions, evidence);
        var expected = Sufficiency.Progress(C3, scenario.Latest, scenario.Accepted);
        output.WriteLine($"{expected.Met} of {expected.Total} criteria met: {scenario.Description}");
        string Describe(string door) => $"{door} disagrees with progress ({expected.Met} of {expected.Total} criteria met) for {scenario.Description}";

        var progress = JsonDocument.Parse(await doors.Api.GetStringAsync($"/api/v1/enrolments/{scenario.EnrolmentId}/progress")).RootElement;
        var units = progress.GetProperty("units").EnumerateArray().ToList();
        var c3 = units.Single(u => u.GetProperty("code").GetString() == "C3");
        Assert.True(c3.GetProperty("criteriaMet").GetInt32() == expected.Met && c3.GetProperty("criteriaTotal").GetInt32() == expected.Total, Describe("the API's criteriaMet"));
        var statuses = c3.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("ref").GetString()!, c => c.GetProperty("status").GetString());
        foreach (var criterion in expected.Criteria)
        {
            var status = criterion.Status switch { CriterionStatus.Met => "met", CriterionStatus.NotYetMet => "not-yet-met", _ => "not-assessed" };
            Assert.True(statuses.GetValueOrDefault(criterion.Criterion.Ref) == status, Describe($"the API's status of {criterion.Criterion.Ref} ({statuses.GetValueOrDefault(criterion.Criterion.Ref)}, progress {status})"));
        }

        var count = $"{expected.Met} of {expected.Total} criteria met";
        var candidate = await app.SignedInAsync(scenario.Email);
        Assert.True(UnitProgress(await candidate.GetStringAsync($"/Candidate/Enrolments/{scenario.EnrolmentId}/Units/C3")) == count, Describe("the candidate's unit page"));
        var unitUrl = Assess.UnitUrl(scenario.EnrolmentId, "C3");
        Assert.True(UnitProgress(await doors.Assessor.GetStringAsync(unitUrl)) == count, Describe("the assessor's unit page"));

        // Only C3 has decisions, so the enrolment's criteria met on the dashboard are C3's.
        var csv = await CsvDownload.ReadAsync(await doors.Admin.GetAsync("/Admin/Dashboard?handler=Csv&qualification=03456"));
        var row = csv.Skip(1).Single(r => r[Array.IndexOf(csv[0], "Candidate name")].Contains(scenario.FamilyName, StringComparison.Ordinal));
        Assert.True(row[Array.IndexOf(csv[0], "Criteria met")] == expected.Met.ToString(CultureInfo.InvariantCulture), Describe($"the dashboard CSV's criteria met ({row[Array.IndexOf(csv[0], "Criteria met")]})"));
        var total = units.Sum(u => u.GetProperty("criteriaTotal").GetInt32());
        Assert.True(row[Array.IndexOf(csv[0], "Criteria total")] == total.ToString(CultureInfo.InvariantCulture), Describe("the dashboard CSV's criteria total"));

        var signOff = await doors.Assessor.PostFormAsync(unitUrl + "?handler=SignOff", new() { ["SignOff.Confirmed"] = "true" }, tokenFrom: unitUrl);
        await using var db = app.Db(app.A.Id);
        var signedOff = await db.UnitSignOffs.AnyAsync(s => s.EnrolmentId == scenario.EnrolmentId);
        Assert.True(expected.IsComplete || (!signedOff && signOff.StatusCode == HttpStatusCode.OK), Describe($"sign-off ({(int)signOff.StatusCode}, {(signedOff ? "signed off" : "not signed off")})"));
    }

    private static string? UnitProgress(string page) => UnitProgressPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>FsCheck.Xunit's "(seed,gamma)" replay text, so this test runs on the seed the domain properties print.</summary>
    private static Replay Replay(string seed)
    {
        var parts = seed.Trim('(', ')').Split(',');
        return new Replay(new Rnd(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture)), Microsoft.FSharp.Core.FSharpOption<int>.None);
    }

    [GeneratedRegex("id=\"unit-progress\">([^<]*)<")]
    private static partial Regex UnitProgressPattern();

    /// <summary>The clients that read the answers: the API with a centre token, the assessor and the centre administrator.</summary>
    private sealed record Doors(HttpClient Api, HttpClient Assessor, HttpClient Admin)
    {
        public static async Task<Doors> OpenAsync(AttestFactory app) =>
            new(ApiTests.Client(app, await ApiTests.IssueTokenAsync(app, app.A)), await app.SignedInAsync(app.A.Assessor), await app.SignedInAsync(app.A.Admin));
    }

    /// <summary>
    /// One generated case, written as the assessor's pages would through the domain's own factories, for a new candidate of
    /// centre A on 03456 with assessor A: a decision per C3 criterion (0 met, 1 not yet met, 2 none; missing is met), and up to
    /// <see cref="MaxEvidence"/> items, each from one number: its context (real work, realistic working environment, work
    /// placement or simulation), kind (work product or reflective account), what became of its judgement (accepted,
    /// accepted then judged again and not accepted, accepted then changed by the candidate, not accepted), date, customer,
    /// and the criteria and evidence requirements it is judged for.
    /// </summary>
    private sealed record Scenario(Guid EnrolmentId, string Email, string FamilyName, IReadOnlyDictionary<string, CriterionStatus> Latest, IReadOnlyList<AcceptedEvidence> Accepted, string Description)
    {
        // Indexed by the number modulo 5, so half again as many items stay accepted as meet each other fate.
        private static readonly string[] Fates = ["accepted", "accepted then not accepted on a second look", "accepted then changed by the candidate", "not accepted"];

        public static async Task<Scenario> WriteAsync(AttestFactory app, int[] decisionInputs, int[] evidenceInputs)
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var familyName = "Agreement" + Guid.NewGuid().ToString("N")[..8];
            var email = $"{familyName.ToLowerInvariant()}@a.test";
            AppUser user;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                user = await scope.ServiceProvider.GetRequiredService<CentreProvisioning>().CreateUserWithPasswordAsync(app.A.Id, email, "Case " + familyName, Roles.Candidate, AttestFactory.Password);
            }

            await using var db = app.Db(app.A.Id);
            var assessorName = await db.Users.Where(u => u.Id == app.A.AssessorUserId).Select(u => u.DisplayName).SingleAsync();
            var candidate = new Candidate { CentreId = app.A.Id, UserId = user.Id, GivenName = "Case", FamilyName = familyName, DateOfBirth = new DateOnly(2000, 1, 1), Uln = "1234567899", CreatedAt = now };
            db.Candidates.Add(candidate);
            var enrolment = Enrolment.Create(app.A.Id, candidate.Id, ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], today.AddDays(-90), now);
            enrolment.AssignAssessor(app.A.AssessorUserId);
            db.Enrolments.Add(enrolment);

            var criteria = C3.Criteria.Select(c => c.Ref).ToList();
            var requirements = C3.EvidenceRequirements.SelectMany(r => r.Items).Where(i => i.Occasion == Occasions.None).Select(i => i.Ref).ToList();
            var contexts = Enum.GetValues<EvidenceContext>();
            var accepted = new List<AcceptedEvidence>();
            var described = new List<string>();
            foreach (var (input, index) in evidenceInputs.Take(MaxEvidence).Select((e, i) => (Math.Abs((long)e), i)))
            {
                var kind = input % 3 == 2 ? EvidenceKind.ReflectiveAccount : EvidenceKind.WorkProduct;
                var fate = (int)(input % 5 % Fates.Length);
                var covered = criteria.Where((c, k) => (k * 7 + input) % 3 == 0 || k == input % criteria.Count).ToList();
                var covers = requirements.Where((r, k) => (k + input) % 2 == 0).ToList();
                var on = today.AddDays(-(int)(input % 29) - 1);
                var item = new EvidenceItem
                {
                    CentreId = app.A.Id, CandidateId = candidate.Id, Reference = $"E{index + 1:000}", Kind = kind, Title = $"Problem log {index + 1}",
                    Body = "What happened, what I did, and what the customer said.", ActivityFrom = on, ActivityTo = on, Context = contexts[input % contexts.Length],
                    CustomerLabel = $"Customer {input % 3}", Occasions = Occasions.Routine, UploadedBy = user.Id, UploadedAt = now,
                };
                db.EvidenceItems.Add(item);
                db.EvidenceMappings.AddRange(covered.Select(c => new EvidenceMapping { CentreId = app.A.Id, EvidenceItemId = item.Id, EnrolmentId = enrolment.Id, UnitCode = "C3", CriterionRef = c, CreatedAt = now }));
                var judged = Judge(db, enrolment, item, covered, fate == 3 ? [] : covered, fate == 3 ? [] : covers, fate != 3, 0, app.A.AssessorUserId, assessorName, user.Id, now);
                if (fate == 1)
                {
                    judged = Judge(db, enrolment, item, covered, [], [], false, judged.Revision, app.A.AssessorUserId, assessorName, user.Id, now.AddMinutes(1));
                }
                else if (fate == 2)
                {
                    item.Body += " Rewritten after it was judged.";
                }
                else if (fate == 0)
                {
                    accepted.Add(AcceptedEvidence.Of(item, judged, []));
                }

                described.Add($"{item.Reference} {kind} in {item.Context} on {on:yyyy-MM-dd} with {item.CustomerLabel}, {Fates[fate]}, for {string.Join(",", covered)} and {string.Join(",", covers)}");
            }

            candidate.LastEvidenceNumber = described.Count;
            var latest = new Dictionary<string, CriterionStatus>(StringComparer.OrdinalIgnoreCase);
            foreach (var (criterion, k) in criteria.Select((c, k) => (c, k)))
            {
                var choice = Math.Abs(decisionInputs.ElementAtOrDefault(k) % 3);
                var references = accepted.Where(a => a.Criteria.Contains(criterion)).Select(a => a.Reference).ToList();
                // A "met" rests on evidence references: with no item at all it is recorded as not yet met.
                var outcome = choice == 0 && described.Count > 0 ? DecisionOutcome.Met : DecisionOutcome.NotYetMet;
                if (choice == 2)
                {
                    continue;
                }

                // Recorded as the data stands, whatever the warning at the decision would have said: an item judged again
                // or changed after the decision leaves a "met" on record that progress must no longer count.
                var decision = CriterionDecision.Record(enrolment, C3, criterion, outcome, "Judged on the evidence accepted.", $"C3 {criterion}: your problem logs show this in your own words.",
                    references.Count > 0 ? references : ["E001"], app.A.AssessorUserId, assessorName, user.Id, 0, [], now.AddMinutes(2));
                db.CriterionDecisions.Add(decision);
                db.Sign(decision, Roles.Assessor, app.A.AssessorUserId, assessorName, now.AddMinutes(2));
                latest[criterion] = outcome == DecisionOutcome.Met ? CriterionStatus.Met : CriterionStatus.NotYetMet;
            }

            await db.SaveChangesAsync();
            var description = $"decisions [{string.Join(", ", latest.Select(d => $"{d.Key}={d.Value}"))}]; evidence [{string.Join("; ", described)}]";
            return new(enrolment.Id, email, familyName, latest, accepted, description);
        }

        private static EvidenceAcceptance Judge(AttestDbContext db, Enrolment enrolment, EvidenceItem item, IReadOnlyCollection<string> mapped, IReadOnlyCollection<string> criteria, IReadOnlyCollection<string> requirements,
            bool accepted, int basedOnRevision, Guid assessorId, string assessorName, Guid candidateUserId, DateTime at)
        {
            var judgement = EvidenceAcceptance.Record(enrolment, C3, item, mapped, accepted, null, criteria, requirements,
                accepted ? "Written at the time, in the candidate's words." : "Not the candidate's own account of the problem.", assessorId, assessorName, candidateUserId, basedOnRevision, [], at);
            db.EvidenceAcceptances.Add(judgement);
            db.Sign(judgement, Roles.Assessor, assessorId, assessorName, at);
            return judgement;
        }
    }
}
