// The nearest raw SQL to each centre page: the aggregates and the page of rows the page shows, written by hand over the
// same tables and run through the driver (no EF Core, no rendering), every row read. A page within 2x of this does
// little more than its queries must.
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

internal sealed class RawSql : IDisposable
{
    private const string Enrolled = "FROM \"Enrolments\" e JOIN \"Candidates\" c ON c.\"Id\" = e.\"CandidateId\" WHERE e.\"CentreId\" = @centre";

    private readonly DbConnection _db;
    private readonly object _centre;

    public RawSql(DbConnection db)
    {
        _db = db;
        _db.Open();
        _centre = Scalar("SELECT \"Id\" FROM \"Centres\" WHERE \"Number\" = '99999'")!;
    }

    public void Dispose() => _db.Dispose();

    public (long Enrolments, long Current) KeptStandings() =>
        ((long)Scalar("SELECT count(*) FROM \"Enrolments\"")!,
         (long)Scalar("SELECT count(*) FROM \"Enrolments\" e JOIN \"TrackedStandings\" t ON t.\"EnrolmentId\" = e.\"Id\" AND t.\"Stamp\" = e.\"ProgressStamp\" WHERE t.\"Day\" = @today", ("today", Today))!);

    public Guid MayasEnrolment() =>
        Guid.Parse(Scalar("SELECT e.\"Id\" FROM \"Enrolments\" e JOIN \"Candidates\" c ON c.\"Id\" = e.\"CandidateId\" WHERE c.\"Uln\" = '1234567802'")!.ToString()!);

    /// <summary>Standing counts, sums per qualification and per assessor, overdue actions, and the first 25 learners by name.</summary>
    public double Dashboard() => Time(
        $"SELECT t.\"Rag\", count(*) FROM \"TrackedStandings\" t WHERE t.\"CentreId\" = @centre GROUP BY t.\"Rag\"",
        $"SELECT e.\"QualificationCode\", count(*), sum(t.\"UnitsEnrolled\"), sum(t.\"UnitsSignedOff\"), sum(t.\"UnitsClaimed\"), sum(t.\"CriteriaMet\"), sum(t.\"CriteriaTotal\") FROM \"Enrolments\" e JOIN \"TrackedStandings\" t ON t.\"EnrolmentId\" = e.\"Id\" WHERE e.\"CentreId\" = @centre GROUP BY e.\"QualificationCode\"",
        $"SELECT e.\"AssessorId\", count(*), sum(t.\"UnitsSignedOff\"), sum(t.\"UnitsIqaReviewed\"), sum(t.\"SignedOffUnitsWithSummativeReview\") FROM \"Enrolments\" e JOIN \"TrackedStandings\" t ON t.\"EnrolmentId\" = e.\"Id\" WHERE e.\"CentreId\" = @centre GROUP BY e.\"AssessorId\"",
        $"SELECT count(*) FROM \"TrackedStandings\" t WHERE t.\"CentreId\" = @centre AND t.\"FirstActionDue\" < @today",
        $"SELECT c.\"GivenName\", c.\"FamilyName\", e.\"QualificationCode\", t.* {Enrolled.Replace("WHERE", "JOIN \"TrackedStandings\" t ON t.\"EnrolmentId\" = e.\"Id\" WHERE", StringComparison.Ordinal)} ORDER BY c.\"FamilyName\", c.\"GivenName\", e.\"Id\" LIMIT 25");

    /// <summary>Every learner's kept row with their name, in name order: what the CSV writes.</summary>
    public double DashboardCsv() => Time(
        $"SELECT c.\"GivenName\", c.\"FamilyName\", c.\"Uln\", e.\"QualificationCode\", e.\"PlannedEndDate\", t.* {Enrolled.Replace("WHERE", "JOIN \"TrackedStandings\" t ON t.\"EnrolmentId\" = e.\"Id\" WHERE", StringComparison.Ordinal)} ORDER BY c.\"FamilyName\", c.\"GivenName\", e.\"Id\"");

    /// <summary>The first 25 enrolments by name with their sign-offs, decisions and claim lines; the claims made, counted, and the newest 25.</summary>
    public double Claims() => Time(
        $"WITH page AS (SELECT e.\"Id\" {Enrolled} ORDER BY c.\"FamilyName\", c.\"GivenName\", e.\"Id\" LIMIT 25) " +
        "SELECT s.* FROM \"UnitSignOffs\" s WHERE s.\"EnrolmentId\" IN (SELECT \"Id\" FROM page)",
        $"WITH page AS (SELECT e.\"Id\" {Enrolled} ORDER BY c.\"FamilyName\", c.\"GivenName\", e.\"Id\" LIMIT 25) SELECT d.* FROM \"CriterionDecisions\" d WHERE d.\"EnrolmentId\" IN (SELECT \"Id\" FROM page)",
        $"WITH page AS (SELECT e.\"Id\" {Enrolled} ORDER BY c.\"FamilyName\", c.\"GivenName\", e.\"Id\" LIMIT 25) SELECT l.* FROM \"ClaimLines\" l WHERE l.\"EnrolmentId\" IN (SELECT \"Id\" FROM page)",
        "SELECT count(*) FROM \"CertificationClaims\" WHERE \"CentreId\" = @centre",
        "SELECT * FROM \"CertificationClaims\" WHERE \"CentreId\" = @centre ORDER BY \"SignedAt\" DESC, \"Id\" DESC LIMIT 25");

    /// <summary>The plan's picks, and the units assessed in its period (latest decision per unit, current sign-offs) from which the rest may be added.</summary>
    public double SamplingPlan(Guid plan, DateOnly from)
    {
        var since = ("since", (object)from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        return Time(
            [since, ("plan", Id(plan))],
            "SELECT * FROM \"SamplePicks\" WHERE \"PlanId\" = @plan",
            "SELECT d.\"EnrolmentId\", d.\"UnitCode\", max(d.\"DecidedAt\") FROM \"CriterionDecisions\" d JOIN \"Enrolments\" e ON e.\"Id\" = d.\"EnrolmentId\" WHERE e.\"CentreId\" = @centre AND e.\"QualificationCode\" = '03456' AND d.\"DecidedAt\" >= @since GROUP BY d.\"EnrolmentId\", d.\"UnitCode\"",
            "SELECT s.\"EnrolmentId\", s.\"UnitCode\", s.\"AssessorId\", s.\"SignedAt\" FROM \"UnitSignOffs\" s JOIN \"Enrolments\" e ON e.\"Id\" = s.\"EnrolmentId\" WHERE e.\"CentreId\" = @centre AND e.\"QualificationCode\" = '03456' AND s.\"SignedAt\" >= @since");
    }

    /// <summary>
    /// Assessors compared on 03456 C3, as the page's question is asked: each criterion's latest decision (the highest
    /// revision) counted by assessor and outcome, the first mapping that counts (not withdrawn) per criterion, the IQA's
    /// reviews.
    /// </summary>
    public double Standardisation() => Time(
        "SELECT d.\"AssessorId\", d.\"Outcome\", count(*), count(DISTINCT d.\"EnrolmentId\") FROM (SELECT d0.\"EnrolmentId\", d0.\"CriterionRef\", max(d0.\"Revision\") AS \"Revision\" FROM \"CriterionDecisions\" d0 JOIN \"Enrolments\" e ON e.\"Id\" = d0.\"EnrolmentId\" WHERE e.\"CentreId\" = @centre AND e.\"QualificationCode\" = '03456' AND d0.\"UnitCode\" = 'C3' GROUP BY d0.\"EnrolmentId\", d0.\"CriterionRef\") l " +
        "JOIN \"CriterionDecisions\" d ON d.\"EnrolmentId\" = l.\"EnrolmentId\" AND d.\"CriterionRef\" = l.\"CriterionRef\" AND d.\"Revision\" = l.\"Revision\" GROUP BY d.\"AssessorId\", d.\"Outcome\"",
        "SELECT m.\"EnrolmentId\", m.\"CriterionRef\", min(m.\"CreatedAt\") FROM \"EvidenceMappings\" m JOIN \"Enrolments\" e ON e.\"Id\" = m.\"EnrolmentId\" WHERE e.\"CentreId\" = @centre AND e.\"QualificationCode\" = '03456' AND m.\"UnitCode\" = 'C3' " +
        "AND NOT EXISTS (SELECT 1 FROM \"MappingWithdrawals\" w WHERE w.\"MappingId\" = m.\"Id\") GROUP BY m.\"EnrolmentId\", m.\"CriterionRef\"",
        "SELECT r.\"AssessorId\", r.\"Outcome\", count(*) FROM \"IqaReviews\" r WHERE r.\"CentreId\" = @centre AND r.\"UnitCode\" = 'C3' GROUP BY r.\"AssessorId\", r.\"Outcome\"");

    /// <summary>
    /// Every apprenticeship with its learner, employer and the verified minutes that count summed per enrolment (GROUP BY;
    /// withdrawn entries and types that do not count left out, as in catalogue/funding/off-the-job.yaml), in name order, and
    /// the breaks in learning the plans need: what the report's page and its CSV both read, since the page must work out
    /// every apprentice's status to count and filter them.
    /// </summary>
    public double OffTheJob() => Time(
        "SELECT c.\"GivenName\", c.\"FamilyName\", c.\"Uln\", c.\"AwardingBodyCandidateNumber\", e.\"PlannedEndDate\", e.\"DaysOnBreak\", a.*, m.\"Name\", s.minutes " +
        "FROM \"Enrolments\" e JOIN \"Apprenticeships\" a ON a.\"EnrolmentId\" = e.\"Id\" JOIN \"Candidates\" c ON c.\"Id\" = e.\"CandidateId\" JOIN \"Employers\" m ON m.\"Id\" = a.\"EmployerId\" " +
        "LEFT JOIN (SELECT t.\"EnrolmentId\", sum(t.\"Minutes\") AS minutes FROM \"OffTheJobActivities\" t WHERE t.\"CentreId\" = @centre " +
        "AND t.\"ActivityType\" IN ('teaching', 'practical-training', 'shadowing', 'mentoring', 'industry-visit', 'competition', 'learning-support', 'assignment-writing') " +
        "AND EXISTS (SELECT 1 FROM \"OffTheJobVerifiedActivities\" v WHERE v.\"ActivityId\" = t.\"Id\") AND NOT EXISTS (SELECT 1 FROM \"OffTheJobWithdrawals\" w WHERE w.\"ActivityId\" = t.\"Id\") " +
        "GROUP BY t.\"EnrolmentId\") s ON s.\"EnrolmentId\" = e.\"Id\" WHERE e.\"CentreId\" = @centre ORDER BY c.\"FamilyName\", c.\"GivenName\", e.\"Id\"",
        "SELECT * FROM \"EnrolmentStatusChanges\" WHERE \"CentreId\" = @centre AND \"Act\" IN ('BreakStarted', 'Resumed')");

    /// <summary>Today as each database keeps a date: text on SQLite, a date on PostgreSQL.</summary>
    private object Today => _db is SqliteConnection
        ? TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private object Id(Guid id) => _db is SqliteConnection ? id.ToString("D").ToUpperInvariant() : id;

    private double Time(params string[] statements) => Time([], statements);

    private double Time((string Name, object Value)[] parameters, params string[] statements)
    {
        var timer = Stopwatch.StartNew();
        foreach (var sql in statements)
        {
            using var command = Command(sql, parameters.Append(("today", Today)).ToArray());
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
            }
        }

        return timer.Elapsed.TotalMilliseconds;
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private DbCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Append(("centre", _centre ?? DBNull.Value)))
        {
            if (sql.Contains("@" + name, StringComparison.Ordinal))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }
}
