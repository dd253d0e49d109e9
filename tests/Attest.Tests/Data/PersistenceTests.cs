using Attest.Core.Assessment;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Quality;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Data;

public class PersistenceTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Migrations_match_the_model(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var db = database.Context(NoCentre.Instance);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes with no {provider} migration: run scripts/add-migration.sh NAME");
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [SkippableFact]
    public void PostgreSQL_is_tested_whenever_CI_runs()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(inCi && TestDatabase.PostgresServer is null, $"CI must set {TestDatabase.PostgresVariable}: the PostgreSQL tests would not run.");
        Skip.If(TestDatabase.PostgresServer is null, $"PostgreSQL tests need {TestDatabase.PostgresVariable} (a connection string to a server); .ci/run starts one.");
        using var connection = new Npgsql.NpgsqlConnection(TestDatabase.PostgresServer);
        connection.Open();
        Assert.StartsWith("PostgreSQL", new Npgsql.NpgsqlCommand("select version()", connection).ExecuteScalar() as string, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_centre_never_sees_another_centres_rows(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (a, b) = await TwoCentresAsync(database);
        await using (var dbA = database.Context(new FixedCentre(a)))
        {
            dbA.Candidates.Add(NewCandidate(a, "Ada"));
            await dbA.SaveChangesAsync();
        }

        await using var dbB = database.Context(new FixedCentre(b));
        Assert.Empty(await dbB.Candidates.ToListAsync());
        await using var unscoped = database.Context(NoCentre.Instance);
        Assert.Empty(await unscoped.Candidates.ToListAsync());
        await using var dbA2 = database.Context(new FixedCentre(a));
        Assert.Equal("Ada", (await dbA2.Candidates.SingleAsync()).GivenName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_row_of_another_centre_cannot_be_saved(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (a, b) = await TwoCentresAsync(database);
        await using var dbB = database.Context(new FixedCentre(b));
        dbB.Candidates.Add(NewCandidate(a, "Intruder"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => dbB.SaveChangesAsync());
        await using var dbA = database.Context(new FixedCentre(a));
        Assert.Empty(await dbA.Candidates.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_enrolment_and_its_decisions_round_trip_and_decisions_cannot_be_changed(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (a, _) = await TwoCentresAsync(database);
        var assessorId = await AddUserAsync(database, a, "assessor@a.test");
        var qualification = ShippedCatalogue.Diploma03456;
        var candidate = NewCandidate(a, "Ben");
        var enrolment = Enrolment.Create(a, candidate.Id, qualification, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], new DateOnly(2026, 11, 1), Now);
        enrolment.AssignAssessor(assessorId);
        var decision = CriterionDecision.Record(enrolment, qualification.FindUnit("C3")!, "1.1", DecisionOutcome.Met,
            "Observed listening to a customer's complaint about a late delivery.", "Good listening; you checked back what you heard.",
            ["E001"], assessorId, "Asha", Guid.NewGuid(), 0, [], Now);
        await using (var db = database.Context(new FixedCentre(a)))
        {
            db.Candidates.Add(candidate);
            db.Enrolments.Add(enrolment);
            db.CriterionDecisions.Add(decision);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Context(new FixedCentre(a)))
        {
            var loaded = await db.Enrolments.Include(e => e.Units).SingleAsync();
            Assert.Equal(["A13", "B10", "C3", "D2", "D8", "F3", "F4"], loaded.Units.Select(u => u.UnitCode).Order(StringComparer.Ordinal));
            Assert.Equal(assessorId, loaded.AssessorId);
            var stored = await db.CriterionDecisions.SingleAsync();
            Assert.Equal((DecisionOutcome.Met, "E001", Now), (stored.Outcome, stored.EvidenceReferences, stored.DecidedAt));

            db.Entry(stored).Property(d => d.Justification).CurrentValue = "rewritten";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            db.ChangeTracker.Clear();
            db.CriterionDecisions.Remove(await db.CriterionDecisions.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.Context(new FixedCentre(a));
        Assert.Equal("Observed listening to a customer's complaint about a late delivery.", (await check.CriterionDecisions.SingleAsync()).Justification);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sampling_plan_keeps_a_row_for_each_assessor_however_many_the_centre_has(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (a, _) = await TwoCentresAsync(database);
        // 400 assessors: as one line of text each, a plan's coverage passed its 20,000-character limit at about 280.
        var assessors = Enumerable.Range(0, 400).Select(i => new AssessorRisk(Guid.NewGuid(), $"Assessor {i:000} of a large college", AssessorStanding.Qualified, 0)).ToList();
        var plan = SamplingPlan.Generate(a, "03456", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), SamplingStrategy.Default, [], assessors, ["C3"], 1, Guid.NewGuid(), "Lead IQA", Now);
        await using (var db = database.Context(new FixedCentre(a)))
        {
            db.SamplingPlans.Add(plan);
            await db.SaveChangesAsync();
        }

        await using var check = database.Context(new FixedCentre(a));
        var rows = await check.SamplingPlanAssessors.Where(x => x.PlanId == plan.Id).OrderBy(x => x.Name).ToListAsync();
        Assert.Equal(assessors.Select(x => x.Name), rows.Select(x => x.Name));
        Assert.All(rows, x => Assert.Equal((25, "the centre's usual rate", 0, 0), (x.RatePercent, x.RateReason, x.Candidates, x.Sampled)));
        Assert.Equal("Unit C3 has no assessment decisions in the period: nothing to sample yet.", (await check.SamplingPlans.SingleAsync()).Gaps);
    }

    internal static async Task<(Guid A, Guid B)> TwoCentresAsync(TestDatabase database)
    {
        await using var db = database.Context(NoCentre.Instance);
        var a = new Centre { Name = "Centre A", Number = "10001", CreatedAt = Now };
        var b = new Centre { Name = "Centre B", Number = "10002", CreatedAt = Now };
        db.Centres.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    private static async Task<Guid> AddUserAsync(TestDatabase database, Guid centre, string email)
    {
        await using var db = database.Context(NoCentre.Instance);
        var user = new AppUser { CentreId = centre, UserName = email, Email = email, DisplayName = email };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static Candidate NewCandidate(Guid centre, string name) =>
        new() { CentreId = centre, GivenName = name, FamilyName = "Test", DateOfBirth = new DateOnly(2000, 1, 1), Uln = "1234567899", CreatedAt = Now };
}
