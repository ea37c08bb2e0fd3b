#!/usr/bin/env bash
# Issue 8's scale-out and fault drill on its own, with its figures printed: two instances from deploy/systemd behind
# nginx from deploy/nginx, one PostgreSQL of its own, a steady load of online filings, an instance killed, PostgreSQL
# restarted, backups restored into fresh servers. Loopback only; about three minutes. Needs what ./test.sh installs
# (PostgreSQL, nginx); ./test.sh runs the same drill among the durability tests.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/MotCua.Durability.Tests -c Release -nologo -clp:ErrorsOnly
dotnet test tests/MotCua.Durability.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~ScaleOut" --logger "console;verbosity=detailed" | grep -v '^\[xUnit.net' || exit 1
