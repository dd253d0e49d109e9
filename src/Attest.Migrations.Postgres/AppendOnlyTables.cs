using Microsoft.EntityFrameworkCore.Migrations;

namespace Attest.Migrations.Postgres;

/// <summary>
/// Append-only tables refuse UPDATE, DELETE and TRUNCATE in the database itself, for the app's role as for any other
/// (security.md test 14), except UPDATE inside a learner's erasure, whose transaction alone sees its ErasureWindows row
/// (UK GDPR erasure pseudonymises signed records; the ledger checks every such change against the erasure's entry). Only a superuser who turns triggers off can get past, and the ledger's verification catches
/// that. A migration that adds an append-only table calls <see cref="Guard"/> for it; LedgerTests checks every
/// IAppendOnly entity's table refuses changes.
/// </summary>
internal static class AppendOnlyTables
{
    /// <summary>The trigger function every guard calls; created once, by the first migration.</summary>
    public static void CreateRefusal(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(@"CREATE FUNCTION attest_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM ""ErasureWindows"") THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;");

    public static void Guard(MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"CREATE TRIGGER \"{table}_append_only\" BEFORE UPDATE OR DELETE ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION attest_refuse_change();");
            migrationBuilder.Sql($"CREATE TRIGGER \"{table}_no_truncate\" BEFORE TRUNCATE ON \"{table}\" FOR EACH STATEMENT EXECUTE FUNCTION attest_refuse_change();");
        }
    }
}
