#!/usr/bin/env bash
# Tests of `imapwire validate`.
#   usage: test-validate.sh PATH/TO/imapwire PATH/TO/tests/data
# Exit status: 0 all checks passed, 1 some failed, 77 (skip) when the arguments are unusable.
#
# The fixtures under tests/data/traces/ (tests/README.md, "Trace fixtures"):
#   RULE-bad.trace  triggers the finding RULE; its "# expect: LINE:COL: SEVERITY: [RULE]" lines
#                   list every diagnostic it must produce, nothing more;
#   RULE-ok.trace   a close variant that must validate clean;
#   "# validate-options: ..." in a fixture adds options to the command line.
set -u

tool=${1:?usage: test-validate.sh TOOL DATA_DIR}
data=${2:?usage: test-validate.sh TOOL DATA_DIR}
traces="$data/traces"
rfc8="$data/rfc3501-section8.trace"

if [[ ! -x "$tool" || ! -f "$rfc8" || ! -d "$traces" ]]; then
    echo "test-validate.sh: missing tool or data ($tool, $data)" >&2
    exit 77
fi

tool="$(cd "$(dirname "$tool")" && pwd)/$(basename "$tool")" # the docs check runs elsewhere
tmp=$(mktemp -d "${TMPDIR:-/tmp}/imapwire-validate-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

failures=0
pass() { printf 'ok   %s\n' "$1"; }
fail() {
    printf 'FAIL %s\n' "$1"
    failures=$((failures + 1))
}
check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
run_tool() { # run_tool OUT ERR ARGS...: leaves the exit status in $rc
    local out=$1 err=$2
    shift 2
    "$tool" "$@" >"$out" 2>"$err" </dev/null
    rc=$?
}
# Diagnostic lines ("FILE:LINE:COL: error|warning: [rule] ...") of an output file.
diagnostics() { grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning): \[' "$1"; }
count_diagnostics() { diagnostics "$1" | wc -l; }
have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# Every finding kind of imapwire::session (rule_name), and the RFC 3501 section it comes from.
rules=(syntax framing missing-greeting command-state duplicate-tag unknown-tag
    unexpected-continuation literal-before-continuation auth-data-unexpected response-state
    expunge-timing starttls-pipelining data-after-logout unfinished-command idle missing-data)
sections=(9 4.3 7.1 3 2.2.1 2.2.2 7.5 7.5 6.2.2 7 7.4.1 6.2.1 3.4 2.2.2 3 6.3.2)

# ---- RFC 9051 section 8: the IMAP4rev2 sample, whose SELECT lacks two required codes ----------
rfc9051="$data/rfc9051-section8.trace"
run_tool "$tmp/rev2.txt" "$tmp/rev2.err" validate "$rfc9051"
check "rfc9051 section 8: exit 1 (got $rc)" test "$rc" -eq 1
check "rfc9051 section 8: one diagnostic" test "$(count_diagnostics "$tmp/rev2.txt")" -eq 1
check "rfc9051 section 8: missing-data" grep -qF "$rfc9051:35:4: error: [missing-data] SELECT completed without OK [PERMANENTFLAGS], OK [UIDNEXT]" "$tmp/rev2.txt"
check "rfc9051 section 8: summary" grep -qxF "$rfc9051: 10 client messages, 20 server messages, final state logout (literals: 1 prefixed)" "$tmp/rev2.txt"

# ---- the bundled RFC 3501 section 8 sample --------------------------------------------------
run_tool "$tmp/rfc8.txt" "$tmp/rfc8.err" validate "$rfc8"
check "rfc3501 section 8: exit 0 (got $rc)" test "$rc" -eq 0
check "rfc3501 section 8: no diagnostics" test "$(count_diagnostics "$tmp/rfc8.txt")" -eq 0
check "rfc3501 section 8: clean" grep -qx 'clean: no findings' "$tmp/rfc8.txt"
check "rfc3501 section 8: summary" grep -qxF "$rfc8: 6 client messages, 16 server messages, final state logout (literals: 1 prefixed)" "$tmp/rfc8.txt"
check "rfc3501 section 8: commands by state" grep -qxF '  commands in the selected state: FETCH 2, LOGOUT 1, STORE 1' "$tmp/rfc8.txt"
check "rfc3501 section 8: nothing on stderr" test ! -s "$tmp/rfc8.err"
run_tool "$tmp/rfc8p.txt" "$tmp/rfc8p.err" validate --literals=prefixed "$rfc8"
check "rfc3501 section 8 --literals=prefixed: exit 0 (got $rc)" test "$rc" -eq 0
# The RFC prints its literal on S: lines: read raw, the octets run into the next lines.
run_tool "$tmp/rfc8r.txt" "$tmp/rfc8r.err" validate --literals=raw "$rfc8"
check "rfc3501 section 8 --literals=raw: exit 2 (got $rc)" test "$rc" -eq 2
check "rfc3501 section 8 --literals=raw: trace-format" \
    grep -qF "$rfc8:41:33: error: [trace-format] expected \"S:\" continuing the message" "$tmp/rfc8r.txt"
if ((have_python)); then
    # The trace's two streams (prefixed literals: each line plus CRLF) are the section 8 records
    # that extract_rfc_examples.py made from the RFC text.
    check "rfc3501 section 8: the RFC's bytes" python3 -c '
import sys
data = sys.argv[1]
streams = {"C": b"", "S": b""}
for line in open(sys.argv[2], "rb").read().split(b"\n"):
    if line[:2] in (b"C:", b"S:"):
        streams[line[:1].decode()] += line[3:] + b"\r\n"
def records(name):
    out, cur = b"", None
    for line in open(data + "/" + name, "rb").read().split(b"\n")[:-1]:
        if line.startswith(b"### "):
            if cur is not None:
                out += b"\r\n".join(cur) + b"\r\n"
            cur = [] if line.split()[1] == b"8" else None
        elif cur is not None and not line.startswith(b"#!"):
            cur.append(line)
    if cur is not None:
        out += b"\r\n".join(cur) + b"\r\n"
    return out
assert streams["C"] == records("rfc3501-client-examples.txt"), streams["C"]
assert streams["S"] == records("rfc3501-server-examples.txt"), streams["S"]
' "$data" "$rfc8"
fi
# LF or CRLF line ends, same result
sed 's/$/\r/' "$rfc8" >"$tmp/rfc8-crlf.trace"
run_tool "$tmp/crlf.txt" "$tmp/crlf.err" validate "$tmp/rfc8-crlf.trace"
check "rfc3501 section 8 with CRLF line ends: exit 0 (got $rc)" test "$rc" -eq 0
"$tool" validate - <"$rfc8" >"$tmp/stdin.txt" 2>&1
check "rfc3501 section 8 from standard input: exit 0" test "$?" -eq 0
check "rfc3501 section 8 from standard input: named <stdin>" grep -q '^<stdin>: 6 client messages' "$tmp/stdin.txt"

# ---- the recorded Dovecot session -----------------------------------------------------------
dovecot="$data/dovecot"
run_tool "$tmp/dc.txt" "$tmp/dc.err" validate "$dovecot/session.txt"
check "dovecot transcript: exit 0 (got $rc)" test "$rc" -eq 0
check "dovecot transcript: raw literals detected" \
    grep -qxF "$dovecot/session.txt: 107 client messages, 399 server messages, final state logout (literals: 100 raw)" "$tmp/dc.txt"
run_tool "$tmp/dcr.txt" "$tmp/dcr.err" validate --literals=raw "$dovecot/session.txt"
check "dovecot transcript --literals=raw: exit 0 (got $rc)" test "$rc" -eq 0
run_tool "$tmp/dcp.txt" "$tmp/dcp.err" validate --literals=prefixed "$dovecot/session.txt"
check "dovecot transcript --literals=prefixed: not clean (got $rc)" test "$rc" -ne 0
run_tool "$tmp/pair.txt" "$tmp/pair.err" validate --client="$dovecot/session.client" --server="$dovecot/session.server"
check "dovecot raw pair: exit 0 (got $rc)" test "$rc" -eq 0
check "dovecot raw pair: summary" \
    grep -qxF "$dovecot/session.client and $dovecot/session.server: 107 client messages, 399 server messages, final state logout" "$tmp/pair.txt"
check "dovecot raw pair: clean" grep -qx 'clean: no findings' "$tmp/pair.txt"

# ---- one fixture per finding kind -----------------------------------------------------------
for rule in "${rules[@]}"; do
    check "fixtures for $rule exist" test -f "$traces/$rule-bad.trace" -a -f "$traces/$rule-ok.trace"
done
for f in "$traces"/*.trace; do
    name=$(basename "$f" .trace)
    read -r -a opts <<<"$(sed -n 's/^# validate-options: //p' "$f")"
    run_tool "$tmp/$name.txt" "$tmp/$name.err" validate "${opts[@]}" "$f"
    case $name in
    *-bad)
        check "$name: exit 1 (got $rc)" test "$rc" -eq 1
        want=0
        while IFS= read -r e; do
            want=$((want + 1))
            check "$name: $e" grep -qF "$f:$e " "$tmp/$name.txt"
        done < <(sed -n 's/^# expect: //p' "$f")
        check "$name: has expectations" test "$want" -gt 0
        got=$(count_diagnostics "$tmp/$name.txt")
        check "$name: $want diagnostic(s) (got $got)" test "$got" -eq "$want"
        ;;
    *-ok | literal-plus)
        check "$name: exit 0 (got $rc)" test "$rc" -eq 0
        check "$name: no diagnostics" test "$(count_diagnostics "$tmp/$name.txt")" -eq 0
        ;;
    esac
done
# The source line and a caret under the column, gcc style.
check "caret: the line" grep -qxF '   10 | C: a3 FETCH 1: FLAGS' "$tmp/syntax-bad.txt"
check "caret: under column 15" grep -qxF '      |               ^' "$tmp/syntax-bad.txt"
check "summary: findings by rule" grep -qxF '  findings: syntax 1 error' "$tmp/syntax-bad.txt"
check "warnings count by default" grep -qxF '0 errors and 1 warning' "$tmp/unfinished-command-bad.txt"
run_tool "$tmp/lp.txt" "$tmp/lp.err" validate --extensions=none "$traces/literal-plus.trace"
check "literal-plus in strict RFC 3501: exit 1 (got $rc)" test "$rc" -eq 1
check "literal-plus in strict RFC 3501: syntax at the {" \
    grep -qF "$traces/literal-plus.trace:4:20: error: [syntax]" "$tmp/lp.txt"
# SASL-IR (RFC 4959): a login with an initial response is followed into the authenticated state;
# strict RFC 3501 refuses it, and everything after it follows from that.
run_tool "$tmp/sir.txt" "$tmp/sir.err" validate "$traces/sasl-ir.trace"
check "sasl-ir: clean (got $rc)" test "$rc" -eq 0
run_tool "$tmp/sirn.txt" "$tmp/sirn.err" validate --extensions=none "$traces/sasl-ir.trace"
check "sasl-ir --extensions=none: exit 1 (got $rc)" test "$rc" -eq 1
check "sasl-ir --extensions=none: the initial response is the syntax error" \
    grep -qF "$traces/sasl-ir.trace:2:26: error: [syntax]" "$tmp/sirn.txt"
# UNSELECT (RFC 3691) leaves the selected state: the FETCH after it is out of state.
run_tool "$tmp/uns.txt" "$tmp/uns.err" validate "$traces/unselect.trace"
check "unselect: exit 1 (got $rc)" test "$rc" -eq 1
check "unselect: FETCH after it is out of state" \
    grep -qF "$traces/unselect.trace:10:4: error: [command-state] FETCH is not allowed in the authenticated state" "$tmp/uns.txt"
check "unselect: the only finding" grep -qxF '  findings: command-state 1 error' "$tmp/uns.txt"
# A finding keeps its line and column when the file has CRLF line ends.
sed 's/$/\r/' "$traces/literal-before-continuation-bad.trace" >"$tmp/lbc-crlf.trace"
run_tool "$tmp/lbc.txt" "$tmp/lbc.err" validate "$tmp/lbc-crlf.trace"
check "CRLF fixture: same position" grep -qF "$tmp/lbc-crlf.trace:5:14: error: [literal-before-continuation]" "$tmp/lbc.txt"

# ---- --strict (the default) and --lenient ---------------------------------------------------
run_tool "$tmp/cut.txt" "$tmp/cut.err" validate "$traces/cut.trace"
check "cut trace: exit 1 (got $rc)" test "$rc" -eq 1
check "cut trace: unfinished command" grep -qF "$traces/cut.trace:12:4: warning: [unfinished-command]" "$tmp/cut.txt"
check "cut trace: message cut off" grep -qF "$traces/cut.trace:13:4: error: [framing] in response: expected the rest of the message (stream ended inside a message)" "$tmp/cut.txt"
run_tool "$tmp/cuts.txt" "$tmp/cuts.err" validate --strict "$traces/cut.trace"
check "cut trace --strict: exit 1 (got $rc)" test "$rc" -eq 1
check "cut trace --strict: same output" cmp -s "$tmp/cut.txt" "$tmp/cuts.txt"
run_tool "$tmp/cutl.txt" "$tmp/cutl.err" validate --lenient "$traces/cut.trace"
check "cut trace --lenient: exit 0 (got $rc)" test "$rc" -eq 0
check "cut trace --lenient: cut message is a warning" grep -qF "$traces/cut.trace:13:4: warning: [framing]" "$tmp/cutl.txt"
check "cut trace --lenient: total" grep -qxF '0 errors and 2 warnings (--lenient: warnings do not count)' "$tmp/cutl.txt"
run_tool "$tmp/ucl.txt" "$tmp/ucl.err" validate --lenient "$traces/unfinished-command-bad.trace"
check "unfinished command --lenient: exit 0 (got $rc)" test "$rc" -eq 0
run_tool "$tmp/sa.txt" "$tmp/sa.err" validate "$traces/syntax-answered.trace"
check "BAD to an unparsable command: exit 1 (got $rc)" test "$rc" -eq 1
check "BAD to an unparsable command: the BAD answers its tag" test "$(grep -c 'unknown-tag' "$tmp/sa.txt")" -eq 0
run_tool "$tmp/sal.txt" "$tmp/sal.err" validate --lenient "$traces/syntax-answered.trace"
check "BAD to an unparsable command --lenient: exit 1, the syntax error stays (got $rc)" test "$rc" -eq 1
check "BAD to an unparsable command --lenient: syntax error" grep -qF "$traces/syntax-answered.trace:5:13: error: [syntax]" "$tmp/sal.txt"
check "BAD to an unparsable command --lenient: one diagnostic" test "$(grep -c '^[^ ].*: \(error\|warning\): ' "$tmp/sal.txt")" -eq 1
run_tool "$tmp/rl.txt" "$tmp/rl.err" validate "$traces/refused-literal.trace"
check "refused literal: clean, the tagged NO refuses it (got $rc)" test "$rc" -eq 0
check "refused literal: the next command is parsed" grep -qxF '  commands in the authenticated state: NOOP 1' "$tmp/rl.txt"
run_tool "$tmp/rll.txt" "$tmp/rll.err" validate --lenient "$traces/refused-literal.trace"
check "refused literal --lenient: exit 0 (got $rc)" test "$rc" -eq 0
check "refused literal --lenient: no diagnostics" test "$(grep -c ': \(error\|warning\): ' "$tmp/rll.txt")" -eq 0

# ---- raw stream pairs -----------------------------------------------------------------------
run_tool "$tmp/pl.txt" "$tmp/pl.err" validate --client="$traces/pipelined.client" --server="$traces/pipelined.server"
check "pipelined raw pair: exit 0 (got $rc)" test "$rc" -eq 0
check "pipelined raw pair: all messages" grep -qF ': 8 client messages, 18 server messages, final state logout' "$tmp/pl.txt"
# COMPRESS=DEFLATE (RFC 4978): both streams are raw DEFLATE after the OK, and are inflated
run_tool "$tmp/cz.txt" "$tmp/cz.err" validate --client="$traces/compress.client" --server="$traces/compress.server"
check "compressed raw pair: exit 0 (got $rc)" test "$rc" -eq 0
check "compressed raw pair: all messages" grep -qF ': 7 client messages, 17 server messages, final state logout' "$tmp/cz.txt"
run_tool "$tmp/czb.txt" "$tmp/czb.err" validate --client="$traces/compress.client" --server="$traces/compress-corrupt.server"
check "compressed raw pair, bytes that do not inflate: exit 1 (got $rc)" test "$rc" -eq 1
check "compressed raw pair, bytes that do not inflate: one framing error where they start" \
    grep -qF "$traces/compress-corrupt.server:6:1: error: [framing] in compress: expected DEFLATE data" "$tmp/czb.txt"
check "compressed raw pair, bytes that do not inflate: client positions in the inflated stream" \
    grep -qF "$traces/compress.client (inflated):5:1: warning: [unfinished-command]" "$tmp/czb.txt"
check "compressed raw pair, bytes that do not inflate: no syntax errors" test "$(grep -c '\[syntax\]' "$tmp/czb.txt")" -eq 0
run_tool "$tmp/bp.txt" "$tmp/bp.err" validate --client="$traces/bad-pair.client" --server="$traces/bad-pair.server"
check "bad raw pair: exit 1 (got $rc)" test "$rc" -eq 1
check "bad raw pair: position in the client file" grep -qF "$traces/bad-pair.client:2:1: error: [command-state] FETCH is not allowed in the authenticated state" "$tmp/bp.txt"
check "bad raw pair: position in the server file" grep -qF "$traces/bad-pair.server:3:3: error: [syntax]" "$tmp/bp.txt"
check "bad raw pair: 2 diagnostics" test "$(count_diagnostics "$tmp/bp.txt")" -eq 2

run_tool "$tmp/cp.txt" "$tmp/cp.err" validate --client="$traces/cut-pair.client" --server="$traces/cut-pair.server"
check "raw pair, server stream cut: exit 1 (got $rc)" test "$rc" -eq 1
check "raw pair, server stream cut: literal without +" grep -qF "$traces/cut-pair.client:2:17: error: [literal-before-continuation]" "$tmp/cp.txt"
check "raw pair, server stream cut: unfinished" grep -qF "$traces/cut-pair.client:2:1: warning: [unfinished-command]" "$tmp/cp.txt"
run_tool "$tmp/cpl.txt" "$tmp/cpl.err" validate --lenient --client="$traces/cut-pair.client" --server="$traces/cut-pair.server"
check "raw pair, server stream cut --lenient: exit 0 (got $rc)" test "$rc" -eq 0
check "raw pair, server stream cut --lenient: literal warning" grep -qF "$traces/cut-pair.client:2:17: warning: [literal-before-continuation]" "$tmp/cpl.txt"

# ---- several traces -------------------------------------------------------------------------
run_tool "$tmp/two.txt" "$tmp/two.err" validate "$rfc8" "$traces/unknown-tag-bad.trace"
check "two traces, one bad: exit 1 (got $rc)" test "$rc" -eq 1
check "two traces: a summary each" test "$(grep -c ' client messages, ' "$tmp/two.txt")" -eq 2

# ---- trace format errors --------------------------------------------------------------------
printf 'S: * OK ready\nC: a1 NOOP\nX: what\nS: a1 OK done\n' >"$tmp/format.trace"
run_tool "$tmp/format.txt" "$tmp/format.err" validate "$tmp/format.trace"
check "not a transcript line: exit 2 (got $rc)" test "$rc" -eq 2
check "not a transcript line: reported" grep -qF "$tmp/format.trace:3:1: error: [trace-format] not a transcript line" "$tmp/format.txt"
check "not a transcript line: the rest is validated" grep -qF ': 1 client message, 2 server messages' "$tmp/format.txt"

# ---- colour ---------------------------------------------------------------------------------
esc=$'\033'
run_tool "$tmp/c-auto.txt" "$tmp/c.err" validate "$traces/syntax-bad.trace"
check "--color=auto, not a terminal: no escapes" test "$(grep -c "$esc" "$tmp/c-auto.txt")" -eq 0
run_tool "$tmp/c-never.txt" "$tmp/c.err" validate --color=never "$traces/syntax-bad.trace"
check "--color=never: no escapes" test "$(grep -c "$esc" "$tmp/c-never.txt")" -eq 0
run_tool "$tmp/c-always.txt" "$tmp/c.err" validate --color=always "$traces/syntax-bad.trace"
check "--color=always: red error" grep -qF "${esc}[1;31merror: " "$tmp/c-always.txt"
check "--color=always: green caret" grep -qF "${esc}[1;32m^" "$tmp/c-always.txt"

# ---- JSON -----------------------------------------------------------------------------------
run_tool "$tmp/rfc8.json" "$tmp/rfc8.json.err" validate --format=json "$rfc8"
check "json rfc3501 section 8: exit 0 (got $rc)" test "$rc" -eq 0
run_tool "$tmp/pair.json" "$tmp/pair.json.err" validate --format=json --client="$dovecot/session.client" --server="$dovecot/session.server"
check "json dovecot pair: exit 0 (got $rc)" test "$rc" -eq 0
run_tool "$tmp/cut.json" "$tmp/cut.json.err" validate --format=json --lenient "$traces/cut.trace"
check "json cut --lenient: exit 0 (got $rc)" test "$rc" -eq 0
bad_files=()
for rule in "${rules[@]}"; do bad_files+=("$traces/$rule-bad.trace"); done
run_tool "$tmp/bad.json" "$tmp/bad.json.err" validate --format=json "${bad_files[@]}"
check "json bad fixtures: exit 1 (got $rc)" test "$rc" -eq 1
if ((have_python)); then
    check "json rfc3501 section 8: document" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == [], d["findings"]
s = d["summary"]
assert s["errors"] == 0 and s["warnings"] == 0 and s["strict"] is True and s["exit_status"] == 0, s
t, = s["traces"]
assert t["trace"] == sys.argv[2] and t["input"] == "transcript", t
assert t["client_messages"] == 6 and t["server_messages"] == 16 and t["final_state"] == "logout", t
assert t["literals"] == {"prefixed": 1, "raw": 0}, t
assert t["commands_by_state"] == {"not authenticated": {"LOGIN": 1}, "authenticated": {"SELECT": 1}, "selected": {"FETCH": 2, "LOGOUT": 1, "STORE": 1}}, t
assert t["findings_by_rule"] == {} and t["errors"] == 0 and t["warnings"] == 0, t
' "$tmp/rfc8.json" "$rfc8"
    check "json dovecot pair: document" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == []
t, = d["summary"]["traces"]
assert t["input"] == "raw pair" and t["client_file"] == sys.argv[2] and t["server_file"] == sys.argv[3], t
assert t["client_messages"] == 107 and t["server_messages"] == 399 and t["final_state"] == "logout", t
assert "literals" not in t
assert sum(sum(v.values()) for v in t["commands_by_state"].values()) == 107, t
assert t["commands_by_state"]["selected"]["FETCH"] == 30, t
' "$tmp/pair.json" "$dovecot/session.client" "$dovecot/session.server"
    check "json cut --lenient: findings" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
f = d["findings"]
assert [(x["line"], x["col"], x["rule"], x["severity"], x["side"]) for x in f] == [(12, 4, "unfinished-command", "warning", "client"), (13, 4, "framing", "warning", "server")], f
assert f[1]["rfc_section"] == "4.3" and f[1]["production"] is None and f[1]["offset"] == 123, f[1]
assert d["summary"]["strict"] is False and d["summary"]["exit_status"] == 0 and d["summary"]["warnings"] == 2, d["summary"]
' "$tmp/cut.json"
    check "json bad fixtures: one finding per kind, with its RFC section" python3 -c '
import json, sys, re
d = json.load(open(sys.argv[1]))
rules = sys.argv[2].split()
sections = sys.argv[3].split()
keys = {"file", "line", "col", "side", "rule", "rfc_section", "severity", "message", "production", "offset", "message_index"}
f = d["findings"]
assert len(f) == len(rules), [x["rule"] for x in f]
for x, rule, section in zip(f, rules, sections):
    assert set(x) == keys, x
    assert x["rule"] == rule and x["rfc_section"] == section, (x, rule, section)
    assert x["file"].endswith("/" + rule + "-bad.trace"), x
    expect = [l[len("# expect: "):] for l in open(x["file"]) if l.startswith("# expect: ")]
    line, col, sev = re.match(r"(\d+):(\d+): (\w+):", expect[0]).groups()
    assert (x["line"], x["col"], x["severity"]) == (int(line), int(col), sev), (x, expect)
    assert x["side"] in ("client", "server") and isinstance(x["offset"], int) and x["message"], x
    assert (x["production"] is not None) == (rule == "syntax"), x
s = d["summary"]
assert len(s["traces"]) == len(rules) and s["errors"] == len(rules) - 1 and s["warnings"] == 1 and s["exit_status"] == 1, s
' "$tmp/bad.json" "${rules[*]}" "${sections[*]}"
fi

# ---- docs/validate.md shows real output ------------------------------------------------------
root=$(cd "$data/../.." && pwd)
if ((have_python)) && [[ -f "$root/docs/validate.md" ]]; then
    # shellcheck disable=SC2016 # Python code, "$" is literal
    check "docs/validate.md: the outputs shown are the tool's" python3 -c '
import re, subprocess, sys
tool, root = sys.argv[1], sys.argv[2]
doc = open(root + "/docs/validate.md", encoding="utf-8").read()
blocks = re.findall(r"```\n\$ imapwire (validate[^\n]*)\n(.*?)```", doc, re.S)
assert len(blocks) >= 4, len(blocks)
demo = re.search(r"validates the sample connection of RFC 3501 §8:\n\n```\n(.*?)```", doc, re.S)
blocks.append(("validate tests/data/rfc3501-section8.trace", demo.group(1)))
for cmd, shown in blocks:
    got = subprocess.run([tool] + cmd.split(), cwd=root, capture_output=True, text=True).stdout
    assert got == shown, (cmd, got)
' "$tool" "$root"
fi

# ---- usage and I/O errors -------------------------------------------------------------------
expect_rc() { # expect_rc NAME WANT ARGS...
    local name=$1 want=$2
    shift 2
    "$tool" "$@" >"$tmp/u.out" 2>"$tmp/u.err" </dev/null
    local got=$?
    check "$name: exit $want (got $got)" test "$got" -eq "$want"
}
expect_rc "validate without input" 2 validate
expect_rc "--client without --server" 2 validate --client="$dovecot/session.client"
expect_rc "--server without --client" 2 validate --server="$dovecot/session.server"
expect_rc "--client and a TRACE" 2 validate --client="$dovecot/session.client" --server="$dovecot/session.server" "$rfc8"
expect_rc "unknown --literals" 2 validate --literals=both "$rfc8"
expect_rc "unknown --format" 2 validate --format=xml "$rfc8"
expect_rc "unknown --color" 2 validate --color=sometimes "$rfc8"
expect_rc "--strict and --lenient" 2 validate --strict --lenient "$rfc8"
expect_rc "missing trace" 2 validate "$tmp/does-not-exist.trace"
check "missing trace: message" grep -q 'cannot read .*does-not-exist.trace' "$tmp/u.err"
expect_rc "missing raw stream" 2 validate --client="$tmp/nope.client" --server="$dovecot/session.server"
expect_rc "directory as trace" 2 validate "$tmp"
expect_rc "validate --help" 0 validate --help
check "validate --help: --literals" grep -q -- '--literals' "$tmp/u.out"
check "validate --help: exit status" grep -q 'Exit status: 0 clean, 1 findings' "$tmp/u.out"

echo
if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
exit 0
