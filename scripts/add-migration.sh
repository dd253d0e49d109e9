#!/usr/bin/env bash
# Adds a migration with the same name to both provider assemblies (architecture.md: one per provider).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Attest.Migrations.Sqlite src/Attest.Migrations.Postgres -v q >/dev/null 2>&1 || dotnet build -v q
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build \
    --project "src/Attest.Migrations.$provider" --startup-project "src/Attest.Migrations.$provider" \
    --output-dir Migrations
done
