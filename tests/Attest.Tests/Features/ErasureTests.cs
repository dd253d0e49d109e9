using System.Net;
using System.Text;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Web.Features.Admin.Candidates.Erasure;
using Attest.Web.Infrastructure;
using Attest.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14, item 5: erasure on request after the retention period (security.md, "Retention anchors" and test 24: under
/// retention, refused with the reason; after it, erased). Maya Clarke, the demo centre's learner at every stage (decisions,
/// a signed-off and claimed unit, IQA review, EQA sample), is erased; her signed records stay under a pseudonym.
/// </summary>
public class ErasureTests
{
    private const string MayaEmail = "candidate3@demo.attest.test";
    private const string MayaUln = "1234567802";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_learner_erased_after_retention_leaves_no_file_or_personal_field_and_the_ledger_still_verifies(DatabaseProvider provider)
    {
        var clock = new MovedClock();
        using var app = new AttestFactory(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The embedded default seeds the demo on SQLite only; here it is seeded on either database.
            Assert.True(await DemoSeeder.SeedAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<Core.Qualifications.Catalogue>()));
        }

        var maya = await app.SignedInAsync(MayaEmail, DemoOptions.Password);
        var upload = new MultipartFormDataContent
        {
            { new StringContent(await maya.AntiforgeryTokenAsync("/Candidate/Evidence/Add?kind=UploadedFile")), "__RequestVerificationToken" },
            { new StringContent("Maya Clarke's witness notes"), "Input.Title" },
            { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 Maya Clarke, notes")), "Input.File", "maya-clarke-notes.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await maya.PostAsync("/Candidate/Evidence/Add?kind=UploadedFile", upload)).StatusCode);

        Guid centreId;
        Core.Centres.Candidate learner;
        Guid enrolmentId;
        await using (var global = new AttestDbContext(app.Services.GetRequiredService<DbContextOptions<AttestDbContext>>(), NoCentre.Instance))
        {
            centreId = (await global.Centres.SingleAsync(c => c.Number == "99999")).Id;
        }

        List<string> files;
        int decisions;
        await using (var db = app.Db(centreId))
        {
            learner = await db.Candidates.AsNoTracking().SingleAsync(c => c.Uln == MayaUln);
            enrolmentId = await db.Enrolments.Where(e => e.CandidateId == learner.Id).Select(e => e.Id).SingleAsync();
            files = [.. (await db.EvidenceItems.Where(e => e.CandidateId == learner.Id).ToListAsync()).SelectMany(e => new[] { e.StoredName, e.PreviewStoredName }).OfType<string>()];
            decisions = await db.CriterionDecisions.CountAsync(d => d.EnrolmentId == enrolmentId);
        }

        Assert.NotEmpty(files);
        Assert.True(decisions >= 21, "Maya's C3 is decided in full in the demo");
        var admin = await app.SignedInAsync("admin@demo.attest.test", DemoOptions.Password);
        var erase = $"/Admin/Candidates/{learner.Id}/Erase";
        Dictionary<string, string> Request(string on) => new() { ["RequestedOn"] = on, ["Reason"] = "Email to the data protection officer" };

        // Still learning: refused, with the reason, and nothing changes.
        var today = Core.UkTime.DateOf(clock.GetUtcNow().UtcDateTime);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var learning = WebUtility.HtmlDecode(await (await admin.PostFormAsync(erase, Request(Day(today)))).Content.ReadAsStringAsync());
        Assert.Contains("The learner is still on 03456", learning, StringComparison.Ordinal);

        // Withdrawn, but within the centre's three years: refused, saying until when the records must be kept.
        var withdraw = await admin.PostFormAsync($"/Admin/Enrolments/{enrolmentId}/Status", new() { ["Input.Act"] = "Withdrawn", ["Input.On"] = Day(today), ["Input.Reason"] = "Left the employer" });
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        var kept = WebUtility.HtmlDecode(await (await admin.PostFormAsync(erase, Request(Day(today)))).Content.ReadAsStringAsync());
        Assert.Contains($"Records must be kept until {today.AddYears(3).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", kept, StringComparison.Ordinal);
        await using (var db = app.Db(centreId))
        {
            Assert.Equal(learner.FullName, (await db.Candidates.SingleAsync(c => c.Id == learner.Id)).FullName);
        }

        // Three years on, erasure on request goes through.
        clock.Offset = TimeSpan.FromDays(3 * 366);
        admin = await app.SignedInAsync("admin@demo.attest.test", DemoOptions.Password); // three years on, the old session has long expired
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(erase)).StatusCode);
        var missingDate = WebUtility.HtmlDecode(await (await admin.PostFormAsync(erase, new() { ["Reason"] = "Email" })).Content.ReadAsStringAsync());
        Assert.Contains("Enter the date the learner asked to be erased", missingDate, StringComparison.Ordinal);
        var erased = await admin.PostFormAsync(erase, Request(Day(today.AddYears(3))));
        Assert.True(erased.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await erased.Content.ReadAsStringAsync()));

        var (exit, output) = await app.CliAsync("ledger", "verify");
        Assert.True(exit == 0, output);
        Assert.Contains("chain intact", output, StringComparison.Ordinal);

        await using (var db = app.Db(centreId))
        {
            var now = await db.Candidates.SingleAsync(c => c.Id == learner.Id);
            Assert.NotNull(now.ErasedAt);
            Assert.Null(now.UserId);
            Assert.NotEqual(learner.DateOfBirth, now.DateOfBirth);
            Assert.Equal(decisions, await db.CriterionDecisions.CountAsync(d => d.EnrolmentId == enrolmentId));
            Assert.Empty(await db.CandidateDetailsChanges.Where(c => c.CandidateId == learner.Id).ToListAsync());
            var leftovers = await PersonalDataLeftAsync(db, [learner.FullName, learner.FamilyName, learner.Uln, MayaEmail, "maya-clarke-notes"]);
            Assert.True(leftovers.Count == 0, "Still in the database: " + string.Join("; ", leftovers));
        }

        var store = app.Services.GetRequiredService<IFileStore>();
        var remaining = new List<string>();
        await foreach (var entry in store.ListAsync(default))
        {
            remaining.Add(entry.Name);
        }

        Assert.Empty(remaining.Intersect(files));

        // The claims page still lists the claim, under the pseudonym.
        var claims = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Claims"));
        Assert.Contains("Erased learner", claims, StringComparison.Ordinal);
        Assert.DoesNotContain(learner.FullName, claims, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_the_learners_own_centre_administrator_can_open_erasure(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var page = $"/Admin/Candidates/{app.A.CandidateId}/Erase";
        var admin = await app.SignedInAsync(app.A.Admin);
        var open = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains("Erasure is not allowed yet.", open, StringComparison.Ordinal);
        Assert.DoesNotContain("Erase the learner</button>", open, StringComparison.Ordinal);

        var otherAdmin = await app.SignedInAsync(app.B.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PostFormAsync(page, new() { ["RequestedOn"] = "2026-01-01", ["Reason"] = "x" }, tokenFrom: "/Admin/Candidates/Register")).StatusCode);
        foreach (var user in new[] { app.A.Assessor, app.A.Iqa, app.A.Eqa, app.A.Candidate })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(user)).GetAsync(page)).StatusCode);
        }

        await using var db = app.Db(app.A.Id);
        Assert.Null((await db.Candidates.SingleAsync(c => c.Id == app.A.CandidateId)).ErasedAt);
    }

    /// <summary>Security.md: every entity with personal data declares its erase routine; a new entity without one fails here.</summary>
    [Fact]
    public void Every_kind_of_record_declares_how_it_is_erased()
    {
        using var app = new AttestFactory(DatabaseProvider.Sqlite);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var undeclared = db.Model.GetEntityTypes().Select(LearnerEraser.NameOf).Where(n => !LearnerEraser.Routines.ContainsKey(n)).ToList();
        Assert.True(undeclared.Count == 0, "No erase routine declared for: " + string.Join(", ", undeclared));
    }

    /// <summary>Every text column of every table, searched for what identified the learner.</summary>
    private static async Task<List<string>> PersonalDataLeftAsync(AttestDbContext db, IReadOnlyList<string> identifiers)
    {
        var found = new List<string>();
        foreach (var type in db.Model.GetEntityTypes())
        {
            var strings = type.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo is not null).ToList();
            var bytes = type.GetProperties().Where(p => p.ClrType == typeof(byte[]) && p.PropertyInfo is not null).ToList();
            if (strings.Count + bytes.Count == 0)
            {
                continue;
            }

            var rows = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            foreach (var row in await rows.IgnoreQueryFilters().AsNoTracking().ToListAsync())
            {
                var texts = strings.Select(p => (p.Name, Value: (string?)p.PropertyInfo!.GetValue(row)))
                    .Concat(bytes.Select(p => (p.Name, Value: p.PropertyInfo!.GetValue(row) is byte[] b ? Encoding.UTF8.GetString(b) : null)));
                found.AddRange(texts.Where(t => t.Value is not null && identifiers.Any(i => t.Value.Contains(i, StringComparison.OrdinalIgnoreCase)))
                    .Select(t => $"{type.ClrType.Name}.{t.Name}"));
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>
    /// The system clock moved on by an offset: pages see the years pass, while timers keep real time (a fake clock advanced
    /// three years would fire every periodic background job thousands of times on the way).
    /// </summary>
    private sealed class MovedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
