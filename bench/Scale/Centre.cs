// A big centre from the demo centre: the demo's two learners on 03456 (Maya Clarke, far along: C3 judged, decided,
// signed off, reviewed and claimed, an apprentice on a standard with KSB mappings; Tom Reid, three months in: one item
// judged, three criteria decided, one waiting, an apprentice on a framework), whose rows the app wrote through its own
// rules, are copied in SQL until the centre has the learners asked for, each copy with new ids, its own name, ULN and
// account, and an assessor of its own so that each caseload is about 60.
// Ledger entries are not copied: a generated centre's ledger does not verify, and it is for timing only.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

internal static class Centre
{
    public const int Caseload = 60;

    private const string MayaUln = "1234567802";
    private const string TomUln = "1234567810";

    /// <summary>Rows never copied: the ledger (its chain would not verify anyway), mail, audit and the EQA's sample.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "LedgerEntries", "EqaVisitSamples", "SamplePicks", "OutboxMails", "SecurityEvents", "IdempotencyRecords", "CandidateImports", "__EFMigrationsHistory",
    };

    /// <summary>An assessor's account: the user, its roles and its staff profile.</summary>
    private static readonly string[] AssessorTables = ["AspNetUsers", "AspNetUserRoles", "StaffProfiles"];

    /// <summary>The rows of an evidence item, copied <c>evidenceCopies</c> times within a learner.</summary>
    private static readonly HashSet<string> Evidence = new(StringComparer.Ordinal) { "EvidenceItems", "EvidenceMappings", "EvidenceAcceptances" };

    private sealed record Table(string Name, string[] Columns, Dictionary<string, List<object?[]>> RowsByOwner);

    /// <summary>Grows the demo centre in the SQLite file to <paramref name="learners"/> learners on 03456, in one transaction, then ANALYZE.</summary>
    /// <param name="evidenceCopies">How many times each learner has each of its template's evidence items (with their mappings and judgements), numbered on.</param>
    public static void Grow(string file, int learners, int evidenceCopies)
    {
        using var db = new SqliteConnection($"Data Source={file};Pooling=False");
        db.Open();
        Execute(db, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF;");
        var owners = Strings(db, $"SELECT \"Id\" FROM \"Candidates\" WHERE \"Uln\" IN ('{MayaUln}', '{TomUln}') ORDER BY \"Uln\"");
        if (owners.Count != 2)
        {
            throw new InvalidOperationException("the demo's Maya Clarke and Tom Reid are not in the database");
        }

        var enrolmentOwner = Pairs(db, $"SELECT \"Id\", \"CandidateId\" FROM \"Enrolments\" WHERE \"CandidateId\" IN ('{owners[0]}', '{owners[1]}')");
        var userOwner = Pairs(db, $"SELECT \"UserId\", \"Id\" FROM \"Candidates\" WHERE \"Id\" IN ('{owners[0]}', '{owners[1]}')");
        var asha = Strings(db, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = 'ASSESSOR@DEMO.ATTEST.TEST'").Single();

        // Each table's rows that belong to Maya or Tom, by owner: the candidate, its account, and every row keyed by
        // one of their enrolments or by the candidate.
        var tables = new List<Table>();
        foreach (var name in Strings(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").Where(n => !Skipped.Contains(n)))
        {
            var columns = Strings(db, $"SELECT name FROM pragma_table_info('{name}') ORDER BY cid").ToArray();
            var (key, map) = name switch
            {
                "Candidates" => ("Id", owners.ToDictionary(o => o, o => o)),
                "AspNetUsers" => ("Id", userOwner),
                "AspNetUserRoles" => ("UserId", userOwner),
                _ when columns.Contains("EnrolmentId") => ("EnrolmentId", enrolmentOwner),
                _ when columns.Contains("CandidateId") => ("CandidateId", owners.ToDictionary(o => o, o => o)),
                _ => (null, null),
            };
            if (key is null)
            {
                continue;
            }

            var rows = Rows(db, $"SELECT * FROM \"{name}\" WHERE \"{key}\" IN ({string.Join(", ", map!.Keys.Select(k => $"'{k}'"))})");
            var index = Array.IndexOf(columns, key);
            tables.Add(new Table(name, columns, rows.GroupBy(r => map[(string)r[index]!]).ToDictionary(g => g.Key, g => g.ToList())));
        }

        // Every id of a copied row is given anew in each copy; a value found in another column (a foreign key) follows it.
        var ids = tables.SelectMany(t => t.RowsByOwner.Values.SelectMany(rows => rows).Select(r => Array.IndexOf(t.Columns, "Id") is var i and >= 0 ? (string?)r[i] : null)).OfType<string>()
            .Concat(enrolmentOwner.Keys).Concat(userOwner.Keys).ToHashSet(StringComparer.Ordinal);

        var itemsOf = owners.ToDictionary(o => o, o => int.Parse(Strings(db, $"SELECT count(*) FROM \"EvidenceItems\" WHERE \"CandidateId\" = '{o}'").Single(), CultureInfo.InvariantCulture));
        var timer = Stopwatch.StartNew();
        using var transaction = db.BeginTransaction();
        var assessors = AddAssessors(db, transaction, asha, (learners + Caseload - 1) / Caseload);
        var inserts = tables.ToDictionary(t => t.Name, t => Insert(db, transaction, t.Name, t.Columns));
        var ulnPrefix = 400_000_000;
        long rowsWritten = 0;
        // Copy n is the centre's learner n + 2 (Maya and Tom are 0 and 1), of Maya's shape when n is even, Tom's when odd.
        for (var n = 0; n < learners - 2; n++)
        {
            var owner = owners[n % 2 == 0 ? 0 : 1];
            var learner = n + 2;
            var (assessorId, assessorName) = assessors[learner / Caseload];
            string? uln = null;
            while (uln is null)
            {
                uln = MisImport.Uln(ulnPrefix++);
            }

            var (given, family) = ($"Learner{learner}", $"Family{learner % 97}");
            var salt = BitConverter.GetBytes(n + 1);
            foreach (var table in tables)
            {
                if (!table.RowsByOwner.TryGetValue(owner, out var rows))
                {
                    continue;
                }

                var command = inserts[table.Name];
                var copies = Evidence.Contains(table.Name) ? evidenceCopies : 1;
                foreach (var (row, copy) in rows.SelectMany(r => Enumerable.Range(0, copies).Select(c => (r, c))))
                {
                    for (var i = 0; i < table.Columns.Length; i++)
                    {
                        command.Parameters[i].Value = table.Columns[i] switch
                        {
                            "GivenName" => given,
                            "FamilyName" => family,
                            "CandidateName" or "DisplayName" => $"{given} {family}",
                            "Uln" => uln,
                            "AwardingBodyCandidateNumber" or "CandidateNumber" => learner.ToString("D6", CultureInfo.InvariantCulture),
                            "UserName" or "Email" => $"learner{learner}@scale.example",
                            "NormalizedUserName" or "NormalizedEmail" => $"LEARNER{learner}@SCALE.EXAMPLE",
                            "AssessorId" => assessorId,
                            "AssessorName" => assessorName,
                            "LastEvidenceNumber" => (long)row[i]! * evidenceCopies,
                            "Reference" or "EvidenceReference" when copy > 0 => $"E{int.Parse(((string)row[i]!)[1..], CultureInfo.InvariantCulture) + (copy * itemsOf[owner]):D3}",
                            "Id" or "EvidenceItemId" when copy > 0 => Renew(Renew((string)row[i]!, salt), [0, 0, 0, 0], copy),
                            _ when row[i] is string value && ids.Contains(value) => Renew(value, salt),
                            _ => row[i] ?? DBNull.Value,
                        };
                    }

                    command.ExecuteNonQuery();
                    rowsWritten++;
                }
            }
        }

        transaction.Commit();
        var copied = timer.Elapsed;
        Execute(db, "ANALYZE;");
        Console.WriteLine($"grown to {learners:N0} learners with {assessors.Count:N0} assessors: {rowsWritten:N0} rows in {copied.TotalSeconds:F1} s, ANALYZE {(timer.Elapsed - copied).TotalSeconds:F1} s");
    }

    /// <summary>
    /// A year (or <paramref name="weeks"/>) of off-the-job log for every apprenticeship in the SQLite file (every learner's:
    /// the demo's Maya and Tom are apprentices, so each copy is one): the apprenticeship starts a week before the first
    /// entry, with 600 hours planned (above the minimum of any rule set for its dates); one entry a week of 4 to 9 hours
    /// by learner, so the centre has red, amber and green; every four weeks' entries verified by the learner's assessor in
    /// one record, the newest week left waiting; and one more entry each, taken out of the log. In one transaction, then ANALYZE.
    /// </summary>
    public static void LogOffTheJob(string file, int weeks)
    {
        using var db = new SqliteConnection($"Data Source={file};Pooling=False");
        db.Open();
        Execute(db, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF;");
        var timer = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var start = today.AddDays(-7 * weeks - 7);
        var apprentices = Rows(db,
            "SELECT a.\"EnrolmentId\", e.\"CentreId\", e.\"CandidateId\", c.\"UserId\", e.\"AssessorId\", u.\"DisplayName\" FROM \"Apprenticeships\" a " +
            "JOIN \"Enrolments\" e ON e.\"Id\" = a.\"EnrolmentId\" JOIN \"Candidates\" c ON c.\"Id\" = e.\"CandidateId\" JOIN \"AspNetUsers\" u ON u.\"Id\" = e.\"AssessorId\" ORDER BY c.\"Uln\"");
        using var transaction = db.BeginTransaction();
        using (var update = new SqliteCommand("UPDATE \"Apprenticeships\" SET \"StartDate\" = $start, \"PlannedOffTheJobHours\" = '600.0'", db, transaction))
        {
            update.Parameters.AddWithValue("$start", Day(start));
            update.ExecuteNonQuery();
        }

        var activity = Insert(db, transaction, "OffTheJobActivities",
            ["Id", "CentreId", "EnrolmentId", "CandidateId", "Date", "Starts", "Ends", "Minutes", "ActivityType", "WhatWasLearnt", "InOwnTime", "RecordedBy", "RecordedAt"]);
        var verification = Insert(db, transaction, "OffTheJobVerifications",
            ["Id", "CentreId", "EnrolmentId", "CandidateId", "VerifierRole", "VerifiedBy", "VerifiedByName", "VerifiedAt", "Activities"]);
        var line = Insert(db, transaction, "OffTheJobVerifiedActivities", ["Id", "CentreId", "VerificationId", "ActivityId", "EnrolmentId"]);
        var withdrawal = Insert(db, transaction, "OffTheJobWithdrawals",
            ["Id", "CentreId", "ActivityId", "EnrolmentId", "CandidateId", "Reason", "RecordedBy", "RecordedByName", "RecordedAt"]);
        string[] types = ["teaching", "mentoring", "shadowing", "practical-training"];
        long rows = 0;
        void Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            rows++;
        }

        foreach (var (a, n) in apprentices.Select((a, n) => (a, n)))
        {
            var (enrolment, centre, candidate, user, assessor, assessorName) = ((string)a[0]!, (string)a[1]!, (string)a[2]!, (string)a[3]!, (string)a[4]!, (string)a[5]!);
            var minutes = 240 + (n % 6 * 60);
            var logged = new List<(string Id, DateOnly Day)>();
            for (var week = 0; week < weeks; week++)
            {
                var day = start.AddDays(7 + (7 * week));
                var id = NewId();
                Run(activity, id, centre, enrolment, candidate, Day(day), null, null, minutes, types[week % types.Length], $"Week {week + 1}: what the session covered, in the apprentice's words.", 0, user, Time(day, 17));
                logged.Add((id, day));
            }

            // Verified four weeks at a time; the newest week still waits.
            foreach (var month in logged.Take(weeks - 1).Chunk(4))
            {
                var id = NewId();
                Run(verification, id, centre, enrolment, candidate, "Assessor", assessor, assessorName, Time(month[^1].Day.AddDays(2), 10),
                    string.Join(",", month.Select(m => m.Id).Order(StringComparer.Ordinal).Select(m => $"{m}:{minutes}")));
                foreach (var (activityId, _) in month)
                {
                    Run(line, NewId(), centre, id, activityId, enrolment);
                }
            }

            var mistake = NewId();
            Run(activity, mistake, centre, enrolment, candidate, Day(logged[0].Day.AddDays(1)), null, null, minutes, "teaching", "Logged twice by mistake.", 0, user, Time(logged[0].Day.AddDays(1), 17));
            Run(withdrawal, NewId(), centre, mistake, enrolment, candidate, "Logged twice.", user, "The apprentice", Time(logged[0].Day.AddDays(2), 9));
        }

        transaction.Commit();
        var written = timer.Elapsed;
        Execute(db, "ANALYZE;");
        Console.WriteLine($"off-the-job log of {weeks} weeks for {apprentices.Count:N0} apprentices: {rows:N0} rows in {written.TotalSeconds:F1} s, ANALYZE {(timer.Elapsed - written).TotalSeconds:F1} s");

        static string NewId() => Guid.CreateVersion7().ToString("D").ToUpperInvariant();
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Time(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>Assessors 1.. as copies of the demo assessor's account (roles, staff profile); the demo assessor is number 0.</summary>
    private static List<(string Id, string Name)> AddAssessors(SqliteConnection db, SqliteTransaction transaction, string asha, int count)
    {
        var result = new List<(string, string)> { (asha, Strings(db, $"SELECT \"DisplayName\" FROM \"AspNetUsers\" WHERE \"Id\" = '{asha}'", transaction).Single()) };
        var sources = AssessorTables.Select(t =>
        {
            var columns = Strings(db, $"SELECT name FROM pragma_table_info('{t}') ORDER BY cid", transaction).ToArray();
            var key = t == "AspNetUsers" ? "Id" : "UserId";
            return (Columns: columns, Rows: Rows(db, $"SELECT * FROM \"{t}\" WHERE \"{key}\" = '{asha}'", transaction), Insert: Insert(db, transaction, t, columns));
        }).ToList();
        for (var a = 1; a < count; a++)
        {
            var id = Renew(asha, BitConverter.GetBytes(-a));
            var name = $"Assessor {a}";
            foreach (var (columns, rows, insert) in sources)
            {
                foreach (var row in rows)
                {
                    for (var i = 0; i < columns.Length; i++)
                    {
                        insert.Parameters[i].Value = columns[i] switch
                        {
                            "Id" or "UserId" => id,
                            "DisplayName" => name,
                            "UserName" or "Email" => $"assessor{a}@scale.example",
                            "NormalizedUserName" or "NormalizedEmail" => $"ASSESSOR{a}@SCALE.EXAMPLE",
                            _ => row[i] ?? DBNull.Value,
                        };
                    }

                    insert.ExecuteNonQuery();
                }
            }

            result.Add((id, name));
        }

        return result;
    }

    /// <summary>
    /// The same id in copy <paramref name="salt"/>: its last four bytes XORed with the copy's number (ids are random in
    /// those bytes), and the byte before them with the evidence copy's number.
    /// </summary>
    private static string Renew(string id, byte[] salt, int evidenceCopy = 0)
    {
        var bytes = Guid.Parse(id).ToByteArray();
        for (var i = 0; i < 4; i++)
        {
            bytes[12 + i] ^= salt[i];
        }

        bytes[11] ^= (byte)evidenceCopy;

        return new Guid(bytes).ToString("D").ToUpperInvariant();
    }

    /// <summary>Copies every row of the SQLite file into the PostgreSQL database the app has migrated (emptied first), then ANALYZE.</summary>
    public static void CopyToPostgres(string file, string connectionString)
    {
        var timer = Stopwatch.StartNew();
        using var source = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        source.Open();
        using var target = new NpgsqlConnection(connectionString);
        target.Open();
        // Replica mode skips foreign-key checks and the append-only triggers, so tables load in any order.
        Execute(target, "SET session_replication_role = replica; SET TimeZone = 'UTC';");
        // The app's tables; EF Core's own (migrations history, SQLite's migration lock) stay as each provider made them.
        var tables = Strings(source, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\' ORDER BY name");
        Execute(target, $"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))};");
        long rows = 0;
        foreach (var table in tables)
        {
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var query = new NpgsqlCommand($"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}'", target))
            using (var reader = query.ExecuteReader())
            {
                while (reader.Read())
                {
                    types[reader.GetString(0)] = reader.GetString(1);
                }
            }

            var columns = Strings(source, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid");
            using var select = new SqliteCommand($"SELECT * FROM \"{table}\"", source);
            using var rowsOf = select.ExecuteReader();
            using var writer = target.BeginTextImport($"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN");
            var line = new StringBuilder();
            while (rowsOf.Read())
            {
                line.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (i > 0)
                    {
                        line.Append('\t');
                    }

                    line.Append(CopyText(rowsOf.IsDBNull(i) ? null : rowsOf.GetValue(i), types[columns[i]]));
                }

                writer.Write(line.Append('\n').ToString());
                rows++;
            }
        }

        // Identity columns go on from the copied rows' largest value.
        var identities = new List<(string Table, string Column)>();
        using (var query = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE is_identity = 'YES' AND table_schema = 'public'", target))
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            Execute(target, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), coalesce((SELECT max(\"{column}\") FROM \"{table}\"), 0) + 1, false);");
        }

        var copied = timer.Elapsed;
        Execute(target, "SET session_replication_role = DEFAULT; ANALYZE;");
        Console.WriteLine($"copied to PostgreSQL: {rows:N0} rows in {copied.TotalSeconds:F1} s, ANALYZE {(timer.Elapsed - copied).TotalSeconds:F1} s");
    }

    /// <summary>A SQLite value in COPY's text format for a PostgreSQL column of the given type.</summary>
    private static string CopyText(object? value, string type) => value switch
    {
        null => "\\N",
        long number when type == "boolean" => number != 0 ? "t" : "f",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => "\\\\x" + Convert.ToHexString(bytes),
        string text => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal),
        _ => throw new InvalidOperationException($"no COPY text for {value.GetType()}"),
    };

    private static SqliteCommand Insert(SqliteConnection db, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static List<object?[]> Rows(SqliteConnection db, string sql, SqliteTransaction? transaction = null)
    {
        using var command = new SqliteCommand(sql, db, transaction);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<string> Strings(System.Data.Common.DbConnection db, string sql, System.Data.Common.DbTransaction? transaction = null)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetValue(0).ToString()!);
        }

        return result;
    }

    private static Dictionary<string, string> Pairs(SqliteConnection db, string sql)
    {
        using var command = new SqliteCommand(sql, db);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    public static void Execute(System.Data.Common.DbConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
