#!/usr/bin/env bash
# Starts a PostgreSQL server for the dossier benchmarks (submit, lifecycle, reads) and prints the
# MOTCUA_BENCH_PG value to export. Unlike test.sh's throw-away server it keeps durability ON (fsync,
# synchronous_commit, full_page_writes): an acknowledged filing must survive a power cut, and that is
# what is measured. The data folder is kept so the 1,000,000-dossier data set is written only once.
#   ./bench/postgres.sh [port] [folder]      stop: pg_ctl -D <folder>/data stop
set -euo pipefail
port=${1:-56100}
dir=${2:-/tmp/motcua-bench-pg}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
run=()
if [ "$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); fi
mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
if [ ! -d "$dir/data" ]; then
  "${run[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# Memory sized for the 24 GiB machine and a ~3 GB data set; max_connections covers the product's pool and pgbench.
"${run[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
  "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=2GB -c work_mem=16MB -c maintenance_work_mem=1GB -c max_wal_size=8GB" start >/dev/null
echo "export MOTCUA_BENCH_PG=\"Host=127.0.0.1;Port=$port;Username=postgres\""
