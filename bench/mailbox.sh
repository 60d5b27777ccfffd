#!/usr/bin/env bash
# Times the mailbox connector's search (docs/mailbox.md) against a bare client's IMAP SEARCH on
# the same server in the same run, and prints the ratio and the heap, for mailboxes of growing
# size (to show that the heap does not grow with them).
# Usage: bench/mailbox.sh [SIZES] [ROUNDS]   (default "10000 100000", 7 rounds)
#
# The server is a throwaway Dovecot (Debian: apt-get install -y dovecot-imapd) in a temporary
# directory: its own config file, port (BENCH_IMAP_PORT, default 35993), base and state
# directories and log, a passwd-file with one user per mailbox, mail_location maildir there; no
# system service is touched, and the exit trap stops it and removes the directory. The mailboxes
# are written directly as Maildir files (fast): Swedish subjects and names (RFC 2047), a
# quoted-printable body; one mail in 100 concerns the person (as sender, in copy, or in the text
# only). Then, in one JVM at -Xmx256m (MailboxSearchBench), per mailbox: the bare client
# (Jakarta Mail: connect, SELECT, SEARCH) and the connector's find (connect, LIST, SELECT,
# SEARCH, FETCH of one page of headers) alternate ROUNDS times; it prints the medians, their
# ratio (the issue allows 1.5) and the heap: used after GC, the heap pools' peak during the
# searches, and the bytes one find allocates.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-10000 100000}"
rounds="${2:-7}"
imap_port="${BENCH_IMAP_PORT:-35993}"
command -v dovecot >/dev/null || { echo "Needs Dovecot: apt-get install -y dovecot-imapd" >&2; exit 1; }

./mvnw -q -B -o -Dspring-javaformat.skip=true -Dcheckstyle.skip=true -Djacoco.skip=true test-compile
tmp=$(mktemp -d /tmp/dsr-bench-mailbox.XXXXXX)
chmod 755 "$tmp" # Dovecot's auth process (user dovecot) reads the passwd-file

cleanup() {
  if [ -f "$tmp/run/master.pid" ]; then
    kill "$(cat "$tmp/run/master.pid")" 2>/dev/null || true
    sleep 1
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$tmp/run" "$tmp/state" "$tmp/home"
cat >"$tmp/dovecot.conf" <<EOF
# A throwaway instance for bench/mailbox.sh only.
instance_name = dsr-bench-mailbox
base_dir = $tmp/run
state_dir = $tmp/state
log_path = $tmp/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $tmp/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$tmp/home/%u
}
service imap-login {
  inet_listener imap {
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
EOF

logins=()
for size in $sizes; do
  login="mails$size@bench.test"
  echo "$login:{PLAIN}bench" >>"$tmp/passwd"
  logins+=("$login" bench)
  python3 - "$tmp/home/$login/Maildir" "$size" <<'PY'
import os, sys, time
root, count = sys.argv[1], int(sys.argv[2])
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(root, sub), exist_ok=True)
base = 1_700_000_000
started = time.time()
cur = os.path.join(root, "cur")
for i in range(count):
    sender = ("=?UTF-8?Q?=C3=85sa_=C3=96berg?= <person@example.com>" if i % 300 == 0
              else f"Kund {i % 97} <sender{i % 97}@example.org>")
    cc = "Cc: person@example.com\n" if i % 300 == 100 else ""
    mention = "Kontakta person@example.com om leveransen.\n" if i % 300 == 200 else ""
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(base + i * 60))
    mail = (f"Return-Path: <sender@example.org>\n"
            f"From: {sender}\n"
            f"To: =?UTF-8?Q?Kundtj=C3=A4nst?= <kundtjanst@example.se>\n"
            f"{cc}"
            f"Subject: =?UTF-8?Q?=C3=84rende_{i}:_fr=C3=A5ga_om_best=C3=A4llning?=\n"
            f"Date: {date}\n"
            f"Message-ID: <bench-{i}@example.org>\n"
            f"MIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=UTF-8\n"
            f"Content-Transfer-Encoding: quoted-printable\n"
            f"\n"
            f"Hej,\n\nen fr=C3=A5ga om order {i} och leveransen till V=C3=A4xj=C3=B6.\n"
            f"{mention}"
            f"V=C3=A4nliga h=C3=A4lsningar\nKundtj=C3=A4nst\n")
    data = mail.replace("\n", "\r\n").encode("utf-8")
    name = f"{base + i}.M{i}P1.bench,S={len(data)}:2,S"
    with open(os.path.join(cur, name), "wb") as out:
        out.write(data)
print(f"Wrote {count:,} mails as Maildir files in {time.time() - started:.1f} s: {root}")
PY
done
chown -R nobody:nogroup "$tmp/home"

dovecot -c "$tmp/dovecot.conf"
for _ in $(seq 1 20); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $imap_port), 1).close()" 2>/dev/null && break
  sleep 0.5
done
echo "Dovecot $(dovecot --version | cut -d' ' -f1) on 127.0.0.1:$imap_port"

# MailboxSearchBench runs in Surefire's forked JVM (the test classpath, no Spring context, no
# coverage agent); JDK_JAVA_OPTIONS gives it (and Maven, whose build is done by then) -Xmx256m.
BENCH_MAILBOX_ARGS="127.0.0.1 $imap_port $rounds ${logins[*]}" JDK_JAVA_OPTIONS="-Xmx256m" \
  ./mvnw -B -o test -Dtest=MailboxSearchBench -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspring-javaformat.skip=true -Dcheckstyle.skip=true 2>&1 \
  | grep -E "^(JVM|==|Bare|App|RATIO|HEAP)|Tests run:|ERROR|FAIL" || true
