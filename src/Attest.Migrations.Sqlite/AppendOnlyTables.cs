using Microsoft.EntityFrameworkCore.Migrations;

namespace Attest.Migrations.Sqlite;

/// <summary>
/// Append-only tables refuse UPDATE and DELETE in the database itself (security.md test 14): decisions, sign-offs,
/// declarations, reviews and claims cannot be changed even by SQL written past the app, except UPDATE inside a learner's erasure, whose transaction alone
/// sees its ErasureWindows row (writers are serialised); the ledger checks every such change against the erasure's entry. A migration that adds an
/// append-only table calls <see cref="Guard"/> for it; LedgerTests checks every IAppendOnly entity's table refuses both.
/// </summary>
internal static class AppendOnlyTables
{
    public static void Guard(MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_update\" BEFORE UPDATE ON \"{table}\" WHEN NOT EXISTS (SELECT 1 FROM \"ErasureWindows\") BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;");
            migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_delete\" BEFORE DELETE ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;");
        }
    }
}
