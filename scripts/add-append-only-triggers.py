# usage: python3 scripts/add-append-only-triggers.py MigrationName Table1 Table2 ...  (adds the append-only triggers of new tables at the end of the migration's Up; Down drops the tables, triggers and all)
import os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import glob, sys
name, tables = sys.argv[1], sys.argv[2:]
arr = ', '.join(f'"{t}"' for t in tables)
sqlite_up = f'''
            // Append-only: the database refuses UPDATE and DELETE (security.md test 14).
            foreach (var table in new[] {{ {arr} }})
            {{
                migrationBuilder.Sql($"CREATE TRIGGER \\"{{table}}_no_update\\" BEFORE UPDATE ON \\"{{table}}\\" BEGIN SELECT RAISE(ABORT, '{{table}} is append-only: UPDATE refused'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER \\"{{table}}_no_delete\\" BEFORE DELETE ON \\"{{table}}\\" BEGIN SELECT RAISE(ABORT, '{{table}} is append-only: DELETE refused'); END;");
            }}
'''
pg_up = f'''
            // Append-only: the database refuses UPDATE, DELETE and TRUNCATE (security.md test 14).
            foreach (var table in new[] {{ {arr} }})
            {{
                migrationBuilder.Sql($"CREATE TRIGGER \\"{{table}}_append_only\\" BEFORE UPDATE OR DELETE ON \\"{{table}}\\" FOR EACH ROW EXECUTE FUNCTION attest_refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER \\"{{table}}_no_truncate\\" BEFORE TRUNCATE ON \\"{{table}}\\" FOR EACH STATEMENT EXECUTE FUNCTION attest_refuse_change();");
            }}
'''
for prov, up in (('Sqlite', sqlite_up), ('Postgres', pg_up)):
    p = glob.glob(f'src/Attest.Migrations.{prov}/Migrations/*_{name}.cs')[0]
    s = open(p).read()
    up_end = s.index('        /// <inheritdoc />\n        protected override void Down')
    close = s.rindex('        }\n', 0, up_end)
    s = s[:close] + up + s[close:]
    open(p, 'w').write(s)
    print('patched', p)
