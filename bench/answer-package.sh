#!/usr/bin/env bash
# Times the answer package (docs/answer-package.md): an access answer with 500 mails (3 MB of
# text) and 50 attachments of 200 kB stored as task findings, previewed as the PDF that is sent,
# then sent (the PDF, JSON, originals and ZIP built and stored behind the link), in one JVM at
# -Xmx512m. Prints the time of each step and the peak heap (all heap pools' peaks).
# Usage: bench/answer-package.sh [MAILS] [FILES]   (default 500 50)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres); uses the database dsr_bench_answer afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
mails="${1:-500}"
files="${2:-50}"
db=dsr_bench_answer
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
start=$(date +%s)
JAVA_TOOL_OPTIONS="-Xmx512m -Dbench.mails=$mails -Dbench.files=$files" \
  TEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" TEST_DB_USERNAME=postgres TEST_SMTP_PORT="${SMTP_PORT:-33026}" \
  ./mvnw -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=AnswerPackageBench -Djacoco.skip=true \
  | grep -E "BENCH|Tests run|ERROR" || true
echo "wall (with build and application start): $(( $(date +%s) - start )) s"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db"
