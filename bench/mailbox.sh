#!/usr/bin/env bash
# Times the mailbox connector's search (docs/mailbox.md) against a bare Jakarta Mail client's
# IMAP SEARCH on the same server in the same run, and prints the ratio and the heap.
# Usage: bench/mailbox.sh [MAILS] [ROUNDS]   (default 20000 mails, 7 rounds)
# Generates MAILS mails in an in-JVM GreenMail IMAP server on a free port (one in 500 concerns
# the person: as sender, in copy or in the text), then alternates the bare client (connect,
# SELECT, SEARCH) and the connector (connect, LIST, SEARCH, FETCH of a page of headers), and
# prints the medians, their ratio (the issue allows 1.5) and the heap used after GC before and
# after the searches. The issue's 100,000 mails (a larger heap for the server's mailbox):
#   MAVEN_OPTS=-Xmx3g bench/mailbox.sh 100000
set -euo pipefail
cd "$(dirname "$0")/.."
mails="${1:-20000}"
rounds="${2:-7}"
./mvnw -q -B -o -Dspring-javaformat.skip=true test-compile
./mvnw -q -B -o -Dspring-javaformat.skip=true exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=se.dsrdesk.mailbox.MailboxSearchBenchmark -Dexec.args="$mails $rounds" \
  -Dexec.cleanupDaemonThreads=false
