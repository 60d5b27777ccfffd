#!/usr/bin/env bash
# Writes the README's screenshots: the request page, the inbox and the dashboard, in Swedish and
# English, to docs/images/{request-page,inbox,dashboard}-{sv,en}.png.
# Usage: bench/screenshots.sh
# Runs ScreenshotsBrowserTest (Playwright from the test class path, Debian's Chromium) against a
# database of its own, dsr_screenshots on 127.0.0.1:5432 (user postgres), made afresh and dropped
# at the end; the test makes a little demo data through the application's services, signs in with
# all three roles and takes each page at 1280 × 1000. Needs PostgreSQL and /usr/bin/chromium, like
# ./mvnw verify. Maven runs offline (-o) unless SCREENSHOTS_MAVEN_FLAGS says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
db=dsr_screenshots
psql_postgres() { psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_postgres -c "drop database if exists $db" -c "create database $db"
trap 'psql_postgres -c "drop database if exists $db" >/dev/null || true' EXIT
TEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" TEST_DB_USERNAME=postgres TEST_SMTP_PORT="${TEST_SMTP_PORT:-3925}" \
  ./mvnw -B ${SCREENSHOTS_MAVEN_FLAGS:--o} -q verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true -Dspring-javaformat.skip=true -Dit.test=ScreenshotsBrowserTest \
  -Dscreenshots.dir="$PWD/docs/images"
ls -l docs/images/*.png
