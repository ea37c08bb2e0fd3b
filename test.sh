#!/usr/bin/env bash
# MotCua's whole test suite, on SQLite and on PostgreSQL, from a fresh machine.
# Installs what is missing (PostgreSQL and Chromium from Debian, the browser tests' npm packages), starts a
# throw-away PostgreSQL on a free loopback port under a temporary folder, runs every test project, and
# stops the server again. Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

need_apt=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium fonts-noto-core)
# The slip tests read PDFs back: pdftotext/pdftoppm (poppler) for the words and the page, zbarimg for the QR code.
{ command -v pdftotext && command -v pdftoppm && command -v zbarimg; } >/dev/null 2>&1 || need_apt+=(poppler-utils zbar-tools)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
# The scale-out drill runs two instances behind nginx with the repository's configuration (deploy/nginx).
{ command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1 || need_apt+=(nginx)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "Installing ${need_apt[*]} from Debian"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
fi

if [ -f tests/MotCua.Browser.Tests/package.json ]; then
  log "npm packages for the browser tests"
  (cd tests/MotCua.Browser.Tests && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- A throw-away PostgreSQL --------------------------------------------------------------------
pg_dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
pg_user_cmd=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the server runs as the postgres user Debian's package creates.
  id postgres >/dev/null 2>&1 || useradd --system --home "$pg_dir" postgres
  chown postgres "$pg_dir"
  pg_user_cmd=(runuser -u postgres --)
fi
port=""
for p in $(seq 55432 55632); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port for PostgreSQL" >&2; exit 1; }
stop_pg() { "${pg_user_cmd[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
log "PostgreSQL on 127.0.0.1:$port ($pg_dir)"
"${pg_user_cmd[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability settings off: this server lives for one test run and is thrown away.
"${pg_user_cmd[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
  "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export MOTCUA_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"

# --- Build once, strict -------------------------------------------------------------------------
log "Build (warnings are errors)"
dotnet build MotCua.slnx -c Release -nologo -clp:ErrorsOnly

passed=0; failed=0; status=0
run_tests() {
  local name=$1; shift
  log "$name"
  local out
  out=$(mktemp)
  set +e
  "$@" 2>&1 | tee "$out"
  local code=${PIPESTATUS[0]}
  set -e
  local p f
  p=$(grep -Eo 'Passed: +[0-9]+' "$out" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo 'Failed: +[0-9]+' "$out" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  [ "$code" -eq 0 ] || status=1
  rm -f "$out"
}

test_args=(-c Release --no-build -nologo --logger "console;verbosity=minimal")
run_tests "Domain tests" dotnet test tests/MotCua.Domain.Tests "${test_args[@]}"
[ -d tests/MotCua.Architecture.Tests ] && run_tests "Architecture tests" dotnet test tests/MotCua.Architecture.Tests "${test_args[@]}"
for db in sqlite postgres; do
  export MOTCUA_TEST_DB=$db
  run_tests "Web tests on $db" dotnet test tests/MotCua.Web.Tests "${test_args[@]}"
  [ -d tests/MotCua.Browser.Tests ] && run_tests "Browser tests on $db" dotnet test tests/MotCua.Browser.Tests "${test_args[@]}"
done
# Kills the real product process with SIGKILL mid-stream on PostgreSQL and checks nothing acknowledged was lost; then the
# scale-out drill: two instances behind nginx on a PostgreSQL server of its own, faults, backups restored (ScaleOut/).
export MOTCUA_TEST_DB=postgres
run_tests "Durability tests on postgres" dotnet test tests/MotCua.Durability.Tests "${test_args[@]}"

echo
echo "$passed passed, $failed failed"
exit $status
