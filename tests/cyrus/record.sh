#!/usr/bin/env bash
# Record real IMAP sessions with Cyrus IMAP into tests/data/cyrus/.
#
#   bash tests/cyrus/record.sh [session|extensions]
#
# The client and the account are those of the Dovecot fixture: tests/dovecot/session.py
# (run with --server cyrus, which only changes the completions it expects) and the messages
# of tests/dovecot/messages/. Records, each on a fresh instance filled by `session.py setup`:
#   session      the RFC 3501 session (session.py record) into
#                tests/data/cyrus/session.{client,server,txt}
#   extensions   the session with extensions (session.py record-extensions) into
#                tests/data/cyrus/extensions.{client,server,txt}
# both when no argument is given, and then rewrites the "Cyrus fixture" section of
# tests/README.md. The .client file holds the bytes the client sent, .server the bytes the
# server sent, .txt the C:/S: transcript.
#
# Needs root (package installation, Cyrus's master process). Installs cyrus-imapd and
# sasl2-bin (and python3) when missing without starting the system's Cyrus service, and runs
# a private instance from a temporary directory on 127.0.0.1:$IMAPWIRE_CYRUS_PORT (default
# 14310). Set IMAPWIRE_KEEP_TMP=1 to keep the instances' directories (configuration, log,
# mail).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${IMAPWIRE_CYRUS_PORT:-14310}
out_dir="$repo/tests/data/cyrus"
session_py="$repo/tests/dovecot/session.py"
messages="$repo/tests/dovecot/messages"

log() { printf 'record.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=tests/cyrus/instance.sh
source "$here/instance.sh"

case ${1:-} in
    '') modes=(session extensions) ;;
    session | extensions) modes=("$1") ;;
    *) die "usage: record.sh [session|extensions]" ;;
esac

[[ $(id -u) -eq 0 ]] || die "must run as root (installs packages, starts Cyrus's master process)"

# --- 1. packages ------------------------------------------------------------

cyrus_packages die

trap 'status=$?; cyrus_stop "$status"; exit "$status"' EXIT
trap 'exit 130' INT TERM

# --- 2. one throwaway instance per recording --------------------------------

record() {
    local mode=$1 stem subcommand f
    case $mode in
        session) stem=session subcommand=record ;;
        extensions) stem=extensions subcommand=record-extensions ;;
    esac

    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "127.0.0.1:$port is already in use (set IMAPWIRE_CYRUS_PORT)"
    fi
    cyrus_dir=$(mktemp -d /tmp/imapwire-cyrus.XXXXXX)
    local tmp=$cyrus_dir
    cyrus_start "$port"

    # Mailboxes, subscriptions and messages; INBOX is created at the first login.
    "$python" "$session_py" --server cyrus --port "$port" --messages "$messages" setup
    "$python" "$session_py" --server cyrus --port "$port" --messages "$messages" \
        "$subcommand" "$tmp/out"

    mkdir -p "$out_dir"
    for f in "$stem.client" "$stem.server" "$stem.txt"; do
        cp "$tmp/out/$f" "$out_dir/$f"
    done
    log "wrote $out_dir/$stem.*: $(wc -c <"$out_dir/$stem.client") bytes sent," \
        "$(wc -c <"$out_dir/$stem.server") bytes received"
    cyrus_stop 0
}

for mode in "${modes[@]}"; do
    record "$mode"
done

# --- 3. tests/README.md -------------------------------------------------------

"$python" - "$repo/tests/README.md" "$cyrus_version" "$cyrus_package_version" <<'PY'
import os
import sys

path, version, package_version = sys.argv[1:4]
heading = "## Cyrus fixture"
section = rf"""{heading}

`tests/data/cyrus/` holds the two sessions of the Dovecot fixtures, recorded against a real
Cyrus IMAP server instead: Cyrus IMAP {version}
(`/usr/lib/cyrus/bin/master -V`; Debian 12 package `cyrus-imapd` {package_version}), in the
same three forms and transcript format (see "Dovecot fixture"):

- `session.{{client,server,txt}}`: the RFC 3501 session (`tests/dovecot/session.py record`);
- `extensions.{{client,server,txt}}`: the session with extensions (`session.py
  record-extensions`).

The client, the account (`alice`) and the messages are those of the Dovecot fixtures:
`session.py --server cyrus` sends the same bytes and only expects other completions where
Cyrus answers differently. The instance runs with `altnamespace: yes` and `unixhierarchysep:
yes`, so personal mailboxes are at the top level with `/` as the separator and the mailbox
names are the same as with Dovecot. Each session runs on a fresh instance filled by `session.py
setup`. Cyrus answers with what its default configuration sends, which differs from Dovecot:

- the greeting has a `CAPABILITY` code and the server's name and version; the CAPABILITY
  response lists the post-login capabilities already before login, and after login has
  `LOGINDISABLED` instead of `AUTH=PLAIN AUTH=LOGIN SASL-IR`; LOGIN's completion has a
  `CAPABILITY` code and a `SESSIONID=<...>` text;
- response codes of extensions in SELECT and EXAMINE: `HIGHESTMODSEQ` (RFC 7162), `MAILBOXID`
  (RFC 8474, also in CREATE's completion), `URLMECH` (RFC 4467), `ANNOTATIONS` (RFC 5257), and
  `CLOSED`; `APPENDUID`/`COPYUID` (RFC 4315), `HIGHESTMODSEQ` in EXPUNGE's completion, and an
  untagged `* OK rename OLD NEW` for each mailbox RENAME moves;
- FETCH flags include `\Recent`; FLAGS lists the keywords in use, and a STORE that brings in a
  new keyword is answered with new FLAGS and PERMANENTFLAGS responses;
- setup's `CREATE Old/Gone` leaves the parent `Old` behind as a mailbox of its own after
  `DELETE Old/Gone`; the subscription to the deleted `Old/Gone` is left out of LSUB, while
  `LIST (SUBSCRIBED)` shows it with `\NonExistent`;
- in the session with extensions: `DELETE Outbox` of the mailbox just created with `USE
  (\Sent)` is refused (`NO SPECIAL-USE flag conflict`: imapd.conf `specialuse_protect`), and
  the APPEND of a literal8 holding NUL is refused (`NO Message contains NUL characters`); the
  ID response carries the server's build environment; UID MOVE sends `COPYUID` in an untagged
  `OK`; once CONDSTORE is enabled, STORE answers with FETCH responses carrying `MODSEQ` even
  with `.SILENT`; SEARCH MODSEQ ends with `(MODSEQ n)`.

To re-record, as root on Debian 12:

```sh
bash tests/cyrus/record.sh              # both sessions
bash tests/cyrus/record.sh session      # or one of them
bash tests/cyrus/record.sh extensions
```

It installs `cyrus-imapd` and `sasl2-bin` (and `python3`) when missing, with a `policy-rc.d`
that keeps the package scripts from starting the system's Cyrus service; for each session runs
a private instance configured from `tests/cyrus/imapd.conf.in` and `tests/cyrus/cyrus.conf.in`
in a temporary directory (only `imapd`, listening on 127.0.0.1:14310; `IMAPWIRE_CYRUS_PORT`
changes the port), with alice's password in a sasldb of its own and INBOX created at the first
login; fills the account, records the session, stops the instance and rewrites the files and
this section. `IMAPWIRE_KEEP_TMP=1` keeps the instances' directories. Cyrus logs to syslog;
only the master process's own output is kept, in `master.log` there.

A new recording is not byte-identical to the old one. The message contents, flags and
INTERNALDATEs are fixed (the server runs with `TZ=UTC`, and a fixed `servername` stands in the
greeting), but these change between runs: the UIDVALIDITY values (Cyrus takes them from the
clock, in SELECT, EXAMINE, STATUS, APPENDUID and COPYUID), the `MAILBOXID` values, the
`SESSIONID` of LOGIN's completion, the SAVEDATE values (the day of the recording), the timing
text of tagged completions such as `Completed (10 msgs in 0.000 secs)`, the `os-version` and
`environment` of the ID response (the kernel, the libraries), and anything a different Cyrus
version does differently. The tests do not read these files yet.
"""

with open(path, encoding="utf-8") as f:
    text = f.read()
start = text.find(heading + "\n")
if start < 0:
    # After the Dovecot sections, before the next one that is not about Dovecot.
    anchor = text.find("\n## Dovecot integration test\n")
    end = text.find("\n## ", anchor + 1) if anchor >= 0 else -1
    if end < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        text = text[: end + 1] + section + "\n" + text[end + 1 :]
else:
    end = text.find("\n## ", start + len(heading))
    text = text[:start] + section + (text[end:] if end >= 0 else "")
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
PY

log "recorded with Cyrus IMAP $cyrus_version"
