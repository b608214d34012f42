#!/usr/bin/env bash
# Integration test: a real Dovecot server as the judge of imapwire's client side.
#
#   bash tests/dovecot/integration.sh IMAP_CLIENT [IMAPWIRE_TOOL]
#
# IMAP_CLIENT is the built examples/imap_client, IMAPWIRE_TOOL the built `imapwire` program
# (optional). Registered as the ctest test dovecot.integration (label `integration`).
#
# As root on Debian 12: installs dovecot-imapd (and python3) when missing without starting the
# system's Dovecot service, creates the unprivileged user imapwire-test that owns the mail files,
# starts a throwaway instance from tests/dovecot/dovecot.conf.in on 127.0.0.1 with a free port,
# fills the account with tests/dovecot/messages/*.eml (tests/dovecot/session.py setup), and
# runs IMAP_CLIENT, which must exit 0: every server message framed and parsed strictly, no BAD,
# every command completed as its script expects. Then, when `IMAPWIRE_TOOL validate` exists,
# the recorded trace (the transcript, and the raw client/server pair) must validate without a
# finding, and copies of it with injected faults must each be reported at the faulty line
# (FILE:LINE:... naming the rule). The instance is always stopped.
#
# Exits 77 (skipped) when the machine cannot run Dovecot: not root, or Dovecot missing and no
# apt-get to install it. IMAPWIRE_KEEP_TMP=1 keeps the temporary directory (config, log, mail,
# recordings).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/dovecot/instance.sh
source "$here/instance.sh"

log() { printf 'integration.sh: %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }
skip() { log "SKIP: $*"; exit 77; }

(($# >= 1 && $# <= 2)) || { echo "usage: $0 IMAP_CLIENT [IMAPWIRE_TOOL]" >&2; exit 2; }
client=$1
tool=${2:-}
[[ -x $client ]] || die "$client is not an executable"
[[ -z $tool || -x $tool ]] || die "$tool is not an executable"

start_time=$SECONDS

# --- 1. what the machine needs --------------------------------------------------------------

[[ $(id -u) -eq 0 ]] ||
    skip "needs root (installs dovecot-imapd, creates the user $dovecot_mail_user, starts Dovecot's master process)"

dovecot_packages skip
dovecot_user

# --- 2. a throwaway instance ------------------------------------------------------------------

dovecot_dir=$(mktemp -d /tmp/imapwire-integration.XXXXXX)
tmp=$dovecot_dir
trap 'status=$?; dovecot_stop "$status"; exit "$status"' EXIT
trap 'exit 130' INT TERM

# A port nobody listens on: the kernel picks one, we release it and give it to Dovecot.
port=$("$python" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
dovecot_start "$port"

# Mailboxes, subscriptions and messages: the state the client's script expects.
timeout 60 "$python" "$here/session.py" --port "$port" --messages "$here/messages" setup ||
    die "setting up the account failed"

# --- 3. the client session ---------------------------------------------------------------------

out=$tmp/out
log "running $client"
status=0
timeout 120 "$client" --quiet --timeout=30 \
    --record-client="$out/session.client" --record-server="$out/session.server" \
    --record-trace="$out/session.txt" "127.0.0.1:$port" || status=$?
((status == 0)) || die "imap_client exited with $status (a strict parse failure, a BAD or an unexpected completion: see above)"
for f in session.client session.server session.txt; do
    [[ -s $out/$f ]] || die "imap_client did not record $f"
done
log "session: OK ($(wc -c <"$out/session.client") bytes sent, $(wc -c <"$out/session.server") bytes received)"

# --- 4. the trace validator ---------------------------------------------------------------------

if [[ -z $tool ]]; then
    log "the imapwire tool is not built: trace validation skipped"
    log "done in $((SECONDS - start_time)) s"
    exit 0
fi
# The subcommand exists when its help exits 0 and is its own (a program without it may answer
# `validate --help` with its general help, and exit 0 too).
validate_help=$("$tool" validate --help 2>&1) && status=0 || status=$?
if ((status != 0)) || ! grep -Eq '^Usage: .*validate' <<<"$validate_help"; then
    log "'$tool validate' does not exist yet: trace validation skipped"
    log "done in $((SECONDS - start_time)) s"
    exit 0
fi

failures=0
fail() { log "FAIL: $*"; failures=$((failures + 1)); }

# validate_clean NAME ARGS...: the validator must accept the trace and report nothing.
validate_clean() {
    local name=$1 output status=0
    shift
    output=$("$tool" validate "$@" 2>&1) || status=$?
    if ((status != 0)) || grep -Eq '^[^ ]+:[0-9]+:' <<<"$output"; then
        fail "$name: the validator reports problems on the recorded trace (exit $status):"
        printf '%s\n' "$output" | head -n 20 >&2
    else
        log "$name: no findings"
    fi
}

# expect_finding NAME FILE LINE RULE ARGS...: the validator run on ARGS must fail and report
# RULE at FILE:LINE.
expect_finding() {
    local name=$1 file=$2 line=$3 rule=$4 output status=0
    shift 4
    output=$("$tool" validate "$@" 2>&1) || status=$?
    if ((status == 0)); then
        fail "$name: the validator exits 0 on a trace with a fault"
    fi
    if awk -v prefix="$file:$line:" -v rule="$rule" '
        index($0, prefix) == 1 && index($0, rule) { found = 1 }
        END { exit !found }' <<<"$output"; then
        log "$name: reported at $(basename "$file"):$line ($rule)"
    else
        fail "$name: expected '$file:$line: ... $rule', the validator said (exit $status):"
        printf '%s\n' "$output" | head -n 20 >&2
    fi
}

validate_clean "transcript" "$out/session.txt"
validate_clean "client/server pair" --client="$out/session.client" --server="$out/session.server"

# Copies of the trace with one fault each; faults.py writes them and prints
# NAME FILE LINE RULE KIND (KIND: trace, or pair:CLIENT_FILE for a client/server pair).
faults=$tmp/faults
mkdir -p "$faults"
"$python" "$here/faults.py" "$out" "$faults" >"$faults/expected" || die "faults.py failed"
while read -r name file line rule kind; do
    case $kind in
    trace) expect_finding "$name" "$file" "$line" "$rule" "$file" ;;
    pair:*) expect_finding "$name" "$file" "$line" "$rule" --client="${kind#pair:}" --server="$file" ;;
    *) die "faults.py: unknown kind $kind" ;;
    esac
done <"$faults/expected"

log "done in $((SECONDS - start_time)) s"
((failures == 0)) || die "$failures validator check(s) failed"
