#!/usr/bin/env bash
# Tests of the imapwire command-line tool.
#   usage: test-tool.sh PATH/TO/imapwire PATH/TO/tests/data
# Exit status: 0 all checks passed, 1 some failed, 77 (skip) when the arguments are unusable.
set -u

tool=${1:?usage: test-tool.sh TOOL DATA_DIR}
data=${2:?usage: test-tool.sh TOOL DATA_DIR}
sample="$data/sample-commands.imap"
bad="$data/bad-commands.imap"
auth="$data/sample-authenticate.imap"
# Messages in sample-commands.imap and in sample-authenticate.imap.
sample_count=43
auth_count=4

if [[ ! -x "$tool" || ! -f "$sample" || ! -f "$bad" ]]; then
    echo "test-tool.sh: missing tool or data ($tool, $data)" >&2
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/imapwire-tool-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

failures=0
pass() { printf 'ok   %s\n' "$1"; }
fail() {
    printf 'FAIL %s\n' "$1"
    failures=$((failures + 1))
}
# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
# run_tool OUT ERR ARGS...: runs the tool, leaves its exit status in $rc.
run_tool() {
    local out=$1 err=$2
    shift 2
    "$tool" "$@" >"$out" 2>"$err"
    rc=$?
}
# Writes stdin to stdout in pieces of $1 bytes, each a separate write through a pipe.
trickle() {
    local size=$1
    if command -v python3 >/dev/null 2>&1; then
        python3 -c '
import os, sys, time
size = int(sys.argv[1])
data = sys.stdin.buffer.read()
for i in range(0, len(data), size):
    os.write(1, data[i:i + size])
    if i % (size * 64) == 0:
        time.sleep(0.001)
' "$size"
    else
        dd bs="$size" status=none
    fi
}
have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# ---- parse, text ------------------------------------------------------------------------------
run_tool "$tmp/parse.txt" "$tmp/parse.err" parse --as=command "$sample"
check "parse sample: exit 0 (got $rc)" test "$rc" -eq 0
n=$(grep -c '^[0-9][0-9]*: ok ' "$tmp/parse.txt")
check "parse sample: $sample_count ok lines (got $n)" test "$n" -eq "$sample_count"
check "parse sample: nothing but ok lines" test "$(wc -l <"$tmp/parse.txt")" -eq "$n"
check "parse sample: first line" grep -qx '0: ok a001 CAPABILITY' "$tmp/parse.txt"
check "parse sample: UID FETCH named" grep -q '^[0-9]*: ok a010 UID FETCH$' "$tmp/parse.txt"
check "parse sample: x-command named" grep -q '^[0-9]*: ok a039 XCUSTOM$' "$tmp/parse.txt"
check "parse sample: last line" grep -q '^[0-9]*: ok a043 LOGOUT$' "$tmp/parse.txt"
check "parse sample: nothing on stderr" test ! -s "$tmp/parse.err"

# The default --as is command, and standard input is read when FILE is - or absent.
run_tool "$tmp/stdin.txt" "$tmp/stdin.err" parse - <"$sample"
check "parse -: exit 0" test "$rc" -eq 0
check "parse -: same output as FILE" cmp -s "$tmp/parse.txt" "$tmp/stdin.txt"
"$tool" parse <"$sample" >"$tmp/stdin2.txt" 2>/dev/null
check "parse (no FILE): same output" cmp -s "$tmp/parse.txt" "$tmp/stdin2.txt"

# Pieces: tiny read sizes and a pipe fed a few bytes at a time give the same output.
for chunk in 1 2 3 7 64 1000; do
    "$tool" parse --chunk-size="$chunk" "$sample" >"$tmp/chunk.txt" 2>/dev/null
    check "parse --chunk-size=$chunk: same output" cmp -s "$tmp/parse.txt" "$tmp/chunk.txt"
done
# shellcheck disable=SC2002 # the point is to read from a pipe
cat "$sample" | "$tool" parse - >"$tmp/cat.txt" 2>/dev/null
check "cat | parse -: same output" cmp -s "$tmp/parse.txt" "$tmp/cat.txt"
trickle 5 <"$sample" | "$tool" parse - >"$tmp/trickle.txt" 2>/dev/null
check "5-byte writes through a pipe: same output" cmp -s "$tmp/parse.txt" "$tmp/trickle.txt"

# ---- parse, json ------------------------------------------------------------------------------
run_tool "$tmp/parse.json" "$tmp/parse.json.err" parse --as=command --format=json "$sample"
check "parse --format=json: exit 0 (got $rc)" test "$rc" -eq 0
check "parse --format=json: $sample_count lines" test "$(wc -l <"$tmp/parse.json")" -eq "$sample_count"
if ((have_python)); then
    check "parse --format=json: valid JSON on every line" python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
assert all(r["ok"] is True and "ast" in r for r in recs), "not all ok"
# Records tile the file.
pos = 0
for r in recs:
    assert r["offset"] == pos, (r["offset"], pos)
    pos += r["length"]
assert pos == int(sys.argv[1]), (pos, sys.argv[1])
' "$(wc -c <"$sample")" <"$tmp/parse.json"
    # shellcheck disable=SC2016 # Python code, "$" is literal
    check "parse --format=json: AST content" python3 -c '
import json, sys
recs = {}
for l in sys.stdin:
    r = json.loads(l)
    recs[r["ast"]["tag"]] = r["ast"]["body"]
b = recs["a004"]
assert b["type"] == "list", b
assert b["reference"] == {"name": {"form": "quoted", "value": ""}}, b
assert b["pattern"] == {"form": "quoted", "value": "*"}, b
b = recs["a009"]
assert b["set"] == ["1:*"], b
assert [a["kind"] for a in b["items"]["atts"]] == ["flags", "uid", "rfc822_size", "internaldate", "envelope", "bodystructure"], b
b = recs["a011"]
assert b["type"] == "uid" and b["command"]["type"] == "fetch", b
assert b["command"]["set"] == ["4820", "4822:4825"], b
att = b["command"]["items"]["atts"][2]
assert att["kind"] == "body_peek_section", att
assert att["section"]["text"]["kind"] == "header_fields", att
assert [h["value"] for h in att["section"]["text"]["headers"]] == ["From", "Subject"], att
b = recs["a012"]["command"]["items"]["atts"]
assert b[0]["section"] == {"part": [1, 2], "text": {"kind": "mime", "headers": []}}, b
assert b[1]["partial"] == {"offset": 0, "length": 2048}, b
b = recs["a016"]
assert b["charset"] == {"form": "atom", "value": "UTF-8"}, b
assert b["keys"][0] == {"type": "string", "which": "subject", "value": {"form": "literal", "value": "r\u00e9sum\u00e9"}}, b
b = recs["a018"]["command"]["keys"]
assert b[0]["type"] == "or" and b[0]["left"] == {"type": "simple", "which": "flagged"}, b
assert b[0]["right"]["type"] == "group", b
assert b[1] == {"type": "uid", "set": ["1:4000"]}, b
b = recs["a021"]
assert b["action"] == {"op": "add", "silent": True, "parenthesized": True, "flags": ["\\Seen", "$Forwarded"]}, b
b = recs["a023"]["action"]
assert b["op"] == "replace" and b["parenthesized"] is False and b["flags"] == ["\\Deleted"], b
b = recs["a027"]
assert b["flags"] == ["\\Draft", "\\Seen"], b
assert b["internal_date"]["day"] == 5 and b["internal_date"]["zone_hhmm"] == 100, b
assert b["message"]["form"] == "literal" and b["message"]["value"].startswith("Date: "), b
b = recs["a028"]
assert b["flags"] is None and b["internal_date"] is None, b
assert "value_base64" in b["message"], "8-bit message body not flagged"
b = recs["a039"]
assert b["type"] == "x" and b["name"] == "XCUSTOM" and b["has_arguments"] is True, b
b = recs["a007"]
assert b["items"] == ["messages", "recent", "uidnext", "uidvalidity", "unseen"], b
' <"$tmp/parse.json"
else
    echo "skip JSON checks (no python3)"
fi
trickle 3 <"$sample" | "$tool" parse --format=json - >"$tmp/trickle.json" 2>/dev/null
check "json via 3-byte writes: same output" cmp -s "$tmp/parse.json" "$tmp/trickle.json"

# ---- roundtrip --------------------------------------------------------------------------------
run_tool "$tmp/rt.imap" "$tmp/rt.err" roundtrip --as=command "$sample"
check "roundtrip sample: exit 0 (got $rc)" test "$rc" -eq 0
check "roundtrip sample: byte for byte" cmp "$sample" "$tmp/rt.imap"
check "roundtrip sample: nothing on stderr" test ! -s "$tmp/rt.err"
"$tool" roundtrip --chunk-size=1 - <"$sample" >"$tmp/rt1.imap" 2>/dev/null
check "roundtrip --chunk-size=1 from stdin: byte for byte" cmp -s "$sample" "$tmp/rt1.imap"

# ---- bad input --------------------------------------------------------------------------------
run_tool "$tmp/bad.txt" "$tmp/bad.err" parse "$bad"
check "parse bad: exit 1 (got $rc)" test "$rc" -eq 1
check "parse bad: ok b01" grep -qx '0: ok b01 NOOP' "$tmp/bad.txt"
check "parse bad: unknown command fails" grep -q '^10: error at offset ' "$tmp/bad.txt"
check "parse bad: missing SP at its offset" grep -q '^32: error at offset 48: .*expected SP' "$tmp/bad.txt"
check "parse bad: ok b04" grep -qx '60: ok b04 CAPABILITY' "$tmp/bad.txt"
check "parse bad: seq-range without end fails" grep -q '^76: error at offset ' "$tmp/bad.txt"
check "parse bad: 2^32 at its offset" grep -q '^96: error at offset 106: .*(number out of 32-bit range)' "$tmp/bad.txt"
check "parse bad: unterminated quoted fails" grep -q '^124: error at offset ' "$tmp/bad.txt"
check "parse bad: ok b08" grep -qx '155: ok b08 NOOP' "$tmp/bad.txt"
check "parse bad: NUL at its offset" grep -qF '165: error at offset 178: in command: expected CHAR8 (NUL octet): "b09 SELECT IN\x00BOX"' "$tmp/bad.txt"
check "parse bad: bare LF at its offset" grep -qF '184: error at offset 192: in command: expected CRLF (bare CR or LF): "b10 NOOP"' "$tmp/bad.txt"
check "parse bad: resynchronised after the bare LF" grep -qx '193: ok b11 LOGOUT' "$tmp/bad.txt"
check "parse bad: 11 lines" test "$(wc -l <"$tmp/bad.txt")" -eq 11
for chunk in 1 4; do
    "$tool" parse --chunk-size="$chunk" "$bad" >"$tmp/bad-chunk.txt" 2>/dev/null
    check "parse bad --chunk-size=$chunk: same output" cmp -s "$tmp/bad.txt" "$tmp/bad-chunk.txt"
done
run_tool "$tmp/bad.json" "$tmp/bad.json.err" parse --format=json "$bad"
check "parse bad --format=json: exit 1" test "$rc" -eq 1
if ((have_python)); then
    check "parse bad --format=json: records" python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
assert len(recs) == 11, len(recs)
assert [r["ok"] for r in recs] == [True, False, False, True, False, False, False, True, False, False, True], recs
nul = recs[8]
assert nul["offset"] == 165 and nul["length"] == 19, nul
assert nul["error"]["offset"] == 178 and nul["error"]["code"] == "nul_byte", nul
assert recs[5]["error"]["code"] == "number_range", recs[5]
assert recs[9]["error"] == {"offset": 192, "production": "command", "expected": "CRLF", "code": "bare_cr_lf", "message": "offset 192: in command: expected CRLF (bare CR or LF)"}, recs[9]
pos = 0
for r in recs:
    assert r["offset"] == pos, (r, pos)
    pos += r["length"]
' <"$tmp/bad.json"
fi
run_tool "$tmp/bad-rt.imap" "$tmp/bad-rt.err" roundtrip "$bad"
check "roundtrip bad: exit 1" test "$rc" -eq 1
check "roundtrip bad: good messages written" cmp -s "$tmp/bad-rt.imap" <(printf 'b01 NOOP\r\nb04 CAPABILITY\r\nb08 NOOP\r\nb11 LOGOUT\r\n')
check "roundtrip bad: errors on stderr" test "$(grep -c ': error at offset ' "$tmp/bad-rt.err")" -eq 7

# A stream that stops inside a message.
printf 'c1 NOOP\r\nc2 LOGIN {5}\r\nali' >"$tmp/cut.imap"
run_tool "$tmp/cut.txt" "$tmp/cut.err" parse "$tmp/cut.imap"
check "truncated stream: exit 1" test "$rc" -eq 1
check "truncated stream: reported at the message" \
    grep -qF '9: error at offset 26: incomplete: stream ends inside a message (4 more bytes needed): "c2 LOGIN {5}"' "$tmp/cut.txt"
printf 'c1 NOOP' >"$tmp/cut2.imap"
run_tool "$tmp/cut2.txt" "$tmp/cut2.err" parse "$tmp/cut2.imap"
check "unterminated line: exit 1" test "$rc" -eq 1
check "unterminated line: reported" grep -q '^0: error at offset 7: incomplete: ' "$tmp/cut2.txt"
# A NUL in a literal that ends the stream is a NUL error, whatever the read size.
printf 'n1 LOGIN {3}\r\na\0b' >"$tmp/nul-end.imap"
for chunk in 1 65536; do
    "$tool" parse --chunk-size="$chunk" "$tmp/nul-end.imap" >"$tmp/nul-end.txt" 2>/dev/null
    check "NUL in a final literal, --chunk-size=$chunk" \
        grep -qF '0: error at offset 15: in command: expected CHAR8 (NUL octet)' "$tmp/nul-end.txt"
done
: >"$tmp/empty.imap"
run_tool "$tmp/empty.txt" "$tmp/empty.err" parse "$tmp/empty.imap"
check "empty input: exit 0, no output" test "$rc" -eq 0 -a ! -s "$tmp/empty.txt"

# A line over --max-line-length is reported and skipped.
printf 'd1 NOOP\r\nd2 LOGIN %s x\r\nd3 NOOP\r\n' "$(head -c 300 /dev/zero | tr '\0' a)" >"$tmp/long.imap"
run_tool "$tmp/long.txt" "$tmp/long.err" parse --max-line-length=100 --chunk-size=16 "$tmp/long.imap"
check "long line: exit 1" test "$rc" -eq 1
check "long line: reported" grep -q '^9: error at offset 9: .*(line longer than the configured limit)' "$tmp/long.txt"
check "long line: resynchronised" grep -q '^[0-9]*: ok d3 NOOP$' "$tmp/long.txt"

# ---- --as=authenticate ------------------------------------------------------------------------
if [[ -f "$auth" ]]; then
    run_tool "$tmp/auth.txt" "$tmp/auth.err" parse --as=authenticate "$auth"
    check "authenticate: exit 0 (got $rc)" test "$rc" -eq 0
    check "authenticate: $auth_count ok lines" test "$(grep -c ': ok ' "$tmp/auth.txt")" -eq "$auth_count"
    check "authenticate: cancel" grep -q ': ok cancel$' "$tmp/auth.txt"
    run_tool "$tmp/auth-rt" "$tmp/auth-rt.err" roundtrip --as=authenticate "$auth"
    check "authenticate roundtrip: byte for byte" cmp -s "$auth" "$tmp/auth-rt"
fi

# ---- usage ------------------------------------------------------------------------------------
expect_rc() { # expect_rc NAME WANT ARGS...
    local name=$1 want=$2
    shift 2
    "$tool" "$@" >"$tmp/u.out" 2>"$tmp/u.err" </dev/null
    local got=$?
    check "$name: exit $want (got $got)" test "$got" -eq "$want"
}
expect_rc "no subcommand" 2
expect_rc "unknown subcommand" 2 frobnicate
expect_rc "unknown option" 2 parse --frobnicate "$sample"
expect_rc "unknown --as" 2 parse --as=greeting "$sample"
expect_rc "unknown --format" 2 parse --format=xml "$sample"
expect_rc "two files" 2 parse "$sample" "$sample"
expect_rc "missing file" 2 parse "$tmp/does-not-exist.imap"
check "missing file: message" grep -q 'cannot open' "$tmp/u.err"
expect_rc "directory as file" 2 parse "$tmp"
expect_rc "--help" 0 --help
check "--help: lists subcommands" grep -q 'roundtrip' "$tmp/u.out"
expect_rc "parse --help" 0 parse --help
check "parse --help: JSON schema" grep -q 'JSON Lines' "$tmp/u.out"
expect_rc "roundtrip --help" 0 roundtrip --help
expect_rc "--version" 0 --version
check "--version: version string" grep -Eq '^imapwire [0-9]+\.[0-9]+\.[0-9]+' "$tmp/u.out"

echo
if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
exit 0
