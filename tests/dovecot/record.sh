#!/usr/bin/env bash
# Record a real IMAP4rev1 session with Dovecot into tests/data/dovecot/.
#
#   bash tests/dovecot/record.sh [extensions]
#
# With `extensions`, records the session of the extensions Dovecot implements instead
# (session.py record-extensions: LIST-EXTENDED, SPECIAL-USE, LIST-STATUS, STATUS=SIZE,
# CONDSTORE, BINARY, ESEARCH, SAVEDATE, LITERAL+, UIDPLUS, MOVE, IDLE, UNSELECT, ID, NAMESPACE,
# ENABLE) into tests/data/dovecot/extensions.{client,server,txt}; the README is left alone.
#
# Needs root (package installation, a dedicated mail user, Dovecot's master
# process). Installs dovecot-imapd (and python3) when missing without starting
# the system's Dovecot service, runs a private instance from a temporary
# directory on 127.0.0.1:$IMAPWIRE_DOVECOT_PORT (default 14300), fills it with
# tests/dovecot/messages/*.eml, runs tests/dovecot/session.py and writes
#   tests/data/dovecot/session.client   bytes the client sent
#   tests/data/dovecot/session.server   bytes the server sent
#   tests/data/dovecot/session.txt      C:/S: transcript
# and the "Dovecot fixture" section of tests/README.md.
# Set IMAPWIRE_KEEP_TMP=1 to keep the instance's directory (config, log, mail).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${IMAPWIRE_DOVECOT_PORT:-14300}
out_dir="$repo/tests/data/dovecot"

log() { printf 'record.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=tests/dovecot/instance.sh
source "$here/instance.sh"

[[ $(id -u) -eq 0 ]] || die "must run as root (installs packages, starts Dovecot's master process)"

# --- 1. packages ------------------------------------------------------------

dovecot_packages die
dovecot_user

# --- 2. a throwaway instance ------------------------------------------------

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "127.0.0.1:$port is already in use (set IMAPWIRE_DOVECOT_PORT)"
fi

dovecot_dir=$(mktemp -d /tmp/imapwire-dovecot.XXXXXX)
tmp=$dovecot_dir
trap 'status=$?; dovecot_stop "$status"; exit "$status"' EXIT
trap 'exit 130' INT TERM

dovecot_start "$port"
version=$(dovecot --version)

# --- 3. mailboxes and messages ----------------------------------------------

"$python" "$here/session.py" --port "$port" --messages "$here/messages" setup

# --- 4. the recorded session -------------------------------------------------

if [[ ${1:-} == extensions ]]; then
    "$python" "$here/session.py" --port "$port" --messages "$here/messages" \
        record-extensions "$tmp/out" ${IMAPWIRE_RECORD_ARGS:-}
    mkdir -p "$out_dir"
    for f in extensions.client extensions.server extensions.txt; do
        cp "$tmp/out/$f" "$out_dir/$f"
    done
    log "recorded with Dovecot $version"
    exit 0
fi

"$python" "$here/session.py" --port "$port" --messages "$here/messages" record "$tmp/out"

mkdir -p "$out_dir"
for f in session.client session.server session.txt; do
    cp "$tmp/out/$f" "$out_dir/$f"
done

# --- 5. tests/README.md -------------------------------------------------------

"$python" - "$repo/tests/README.md" "$version" <<'PY'
import os
import sys

path, version = sys.argv[1], sys.argv[2]
heading = "## Dovecot fixture"
section = rf"""{heading}

`tests/data/dovecot/` holds one IMAP4rev1 session between a small client and a real Dovecot
server, recorded with Dovecot {version} (`dovecot --version`, Debian 12 package
`dovecot-imapd`):

- `session.client`: the exact bytes the client sent, commands and literals;
- `session.server`: the exact bytes the server sent, greeting to `BYE` and the final `OK`;
- `session.txt`: both interleaved in the order they happened. Every line is written with its
  CRLF, prefixed `C: ` (client) or `S: ` (server). The n bytes of a literal `{{n}}` are written
  raw, without a prefix: a server literal right after the `S: ` line that announces it, a
  client literal right after the server's `S: + ...` continuation request that allowed it
  (the client waits for it, so that is when it was sent). The rest of the command or response
  continues as a new prefixed line, which starts on the same text line when the literal does
  not end with a line break.

The client (`tests/dovecot/session.py`) uses only RFC 3501 commands and no extensions: CAPABILITY,
NOOP, LOGIN, LIST/LSUB with several patterns, CREATE/SUBSCRIBE/RENAME/UNSUBSCRIBE/DELETE,
STATUS with every status attribute, an intended `NO` for `SELECT Nonexistent`, EXAMINE, SELECT,
SEARCH and UID SEARCH (CHARSET UTF-8 with literals, OR/NOT nesting, dates, HEADER, sizes, UID
sets), FETCH and UID FETCH with every fetch attribute, macro and section form, STORE in all its
forms with keywords, COPY, APPEND with flags, date-time and literals, CHECK, EXPUNGE, CLOSE and
LOGOUT. INBOX holds the messages of `tests/dovecot/messages/` (plain text, RFC 2047 headers and
8-bit UTF-8, multipart/alternative, attachments, a nested message/rfc822, multipart/related,
groups and odd addresses, every Content-* field, a long folded Subject, a minimal message), and
the account has the mailboxes `Archive`, `Archive/2024` and `Entw&APw-rfe` plus subscriptions.
Dovecot answers with what its default configuration sends, including extension data that RFC
3501 does not define: extension capabilities, the response codes `CLOSED` (RFC 7162) and
`APPENDUID`/`COPYUID` (RFC 4315), the LIST attributes `\HasChildren`/`\HasNoChildren`, and
timing text in tagged completions.

To re-record, as root on Debian 12:

```sh
bash tests/dovecot/record.sh
```

It installs `dovecot-imapd` (and `python3`) when missing, without starting the system service;
creates the unprivileged user `imapwire-test` that owns the mail files (Dovecot refuses mail
access as root); runs a private instance configured from `tests/dovecot/dovecot.conf.in` in a
temporary directory, listening on 127.0.0.1:14300 only (`IMAPWIRE_DOVECOT_PORT` changes the
port); appends the messages with fixed flags and INTERNALDATEs, records the session, stops the
instance and rewrites the three files and this section. The tests need neither root nor
Dovecot: they only read the committed files.

A new recording is not byte-identical to the old one. The message contents, flags and
INTERNALDATEs are fixed (the server runs with `TZ=UTC`), but the UIDVALIDITY values (in SELECT,
EXAMINE, STATUS, APPENDUID and COPYUID), the timing text of tagged completions such as
`Select completed (0.001 + 0.000 secs).`, and anything a different Dovecot version does
differently change between runs.
"""

if os.path.exists(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
else:
    text = "# Test data\n\nHow the test fixtures under `tests/data/` were made.\n"

start = text.find(heading + "\n")
if start < 0:
    text = text.rstrip("\n") + "\n\n" + section
else:
    end = text.find("\n## ", start + len(heading))
    text = text[:start] + section + (text[end:] if end >= 0 else "")
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
PY

log "wrote $out_dir: $(wc -c <"$out_dir/session.client") bytes sent, $(wc -c <"$out_dir/session.server") bytes received"
