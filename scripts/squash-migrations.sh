#!/usr/bin/env bash
# Before the first release: remakes each provider's migrations as one `Initial` from the current model, keeping the
# hand-written lines at the end of the old Initial's Up (the AppendOnlyTables calls), so no designer files pile up.
# A data folder or database made by an earlier build must then be made afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do dotnet build "src/Attest.Migrations.$provider" -v q >/dev/null; done
for provider in Sqlite Postgres; do
  dir="src/Attest.Migrations.$provider/Migrations"
  initial=$(ls "$dir"/*_Initial.cs)
  kept=$(mktemp)
  # The hand-written lines: from the comment before the first AppendOnlyTables call to the end of Up.
  awk '/AppendOnlyTables\./ && !seen { seen = 1; print prev } seen && /^        }$/ { exit } seen { print } { prev = $0 }' "$initial" > "$kept"
  grep -q AppendOnlyTables.Guard "$kept" || { echo "no AppendOnlyTables.Guard in $initial: stopping"; exit 1; }
  rm "$dir"/*.cs
  dotnet ef migrations add Initial --project "src/Attest.Migrations.$provider" --startup-project "src/Attest.Migrations.$provider" --output-dir Migrations >/dev/null
  initial=$(ls "$dir"/*_Initial.cs)
  python3 - "$initial" "$kept" <<'PY'
import sys
path, kept = sys.argv[1], open(sys.argv[2]).read()
s = open(path).read()
down = s.index('        /// <inheritdoc />\n        protected override void Down')
close = s.rindex('        }\n', 0, down)
open(path, 'w').write(s[:close] + '\n' + kept + s[close:])
PY
  rm "$kept"
  echo "squashed $provider into $(basename "$initial")"
done
