#!/usr/bin/env bash
# Times the deadline sweep over a large data set in PostgreSQL.
# Usage: bench/sweep.sh [ROWS]   (default 1000000)
# Uses the database dsr_bench on 127.0.0.1:5432 (dropped and created afresh), user postgres;
# override with BENCH_DB_URL / BENCH_DB_USERNAME / BENCH_DB_PASSWORD and PGHOST etc. for psql.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
if [ -z "${BENCH_DB_URL:-}" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'drop database if exists dsr_bench' -c 'create database dsr_bench'
fi
./mvnw -q -B -Dspring-javaformat.skip=true test-compile
./mvnw -q -B -Dspring-javaformat.skip=true exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=se.dsrdesk.benchmark.SweepBenchmark -Dexec.args="$rows" -Dexec.cleanupDaemonThreads=false
