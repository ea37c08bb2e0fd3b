#!/usr/bin/env bash
# Adds a migration for both providers (SQLite and PostgreSQL): ./scripts/add-migration.sh <Name>
# Each provider has its own context subclass and its own folder of migrations (docs/adr/0002).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/MotCua.Web --context SqliteMotCuaDbContext --output-dir Infrastructure/Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --project src/MotCua.Web --context PostgresMotCuaDbContext --output-dir Infrastructure/Persistence/Migrations/Postgres
