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
server="$data/dovecot/session.server"
client="$data/dovecot/session.client"
bad_server="$data/bad-responses.imap"
# Messages in sample-commands.imap and in sample-authenticate.imap.
sample_count=43
auth_count=4
# Messages in the recorded Dovecot session: 1335 server lines make 399 messages (literals in
# FETCH responses span lines), 140 client lines make 107 commands (APPEND and SEARCH literals).
server_count=399
client_count=107

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
check "parse bad: 2^32 at its offset" grep -q '^96: error at offset 106: .*(number out of range)' "$tmp/bad.txt"
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

# A message over --max-message-size. A {n+} literal is sent without waiting, so its octets come
# anyway: they are skipped by their count, and the next line is the next message.
printf 'm1 APPEND x {50+}\r\n%s\r\nm2 NOOP\r\n' "$(head -c 50 /dev/zero | tr '\0' q)" >"$tmp/msg.imap"
run_tool "$tmp/msg.txt" "$tmp/msg.err" parse --literal-plus --max-message-size=40 "$tmp/msg.imap"
check "message too large: exit 1" test "$rc" -eq 1
check "message too large: reported at the literal" \
    grep -qF '0: error at offset 12: in command: expected a smaller message (message larger than the configured limit): "m1 APPEND x {50+}"' "$tmp/msg.txt"
check "message too large: octets skipped" grep -qx '71: ok m2 NOOP' "$tmp/msg.txt"
check "message too large: 2 lines" test "$(wc -l <"$tmp/msg.txt")" -eq 2
run_tool "$tmp/msg-ok.txt" "$tmp/msg-ok.err" parse --literal-plus --max-message-size=71 "$tmp/msg.imap"
check "message at --max-message-size: exit 0" test "$rc" -eq 0
# A server's literal over --max-literal-size: its octets (here holding a CRLF and what looks like
# a response) are skipped by their count, not read as messages.
printf '* 1 FETCH (BODY[] {30}\r\nSubject: x\r\n* 2 EXPUNGE abcdef)\r\nA1 OK done\r\n' >"$tmp/biglit.imap"
run_tool "$tmp/biglit.txt" "$tmp/biglit.err" parse --as=response --max-literal-size=10 "$tmp/biglit.imap"
check "literal too large: exit 1" test "$rc" -eq 1
check "literal too large: reported at the literal" \
    grep -qF '0: error at offset 18: in response: expected a smaller literal (literal larger than the configured limit): "* 1 FETCH (BODY[] {30}"' "$tmp/biglit.txt"
check "literal too large: octets skipped" grep -qx '57: ok A1 OK' "$tmp/biglit.txt"
check "literal too large: 2 lines" test "$(wc -l <"$tmp/biglit.txt")" -eq 2

# ---- --as=authenticate ------------------------------------------------------------------------
if [[ -f "$auth" ]]; then
    run_tool "$tmp/auth.txt" "$tmp/auth.err" parse --as=authenticate "$auth"
    check "authenticate: exit 0 (got $rc)" test "$rc" -eq 0
    check "authenticate: $auth_count ok lines" test "$(grep -c ': ok ' "$tmp/auth.txt")" -eq "$auth_count"
    check "authenticate: cancel" grep -q ': ok cancel$' "$tmp/auth.txt"
    run_tool "$tmp/auth-rt" "$tmp/auth-rt.err" roundtrip --as=authenticate "$auth"
    check "authenticate roundtrip: byte for byte" cmp -s "$auth" "$tmp/auth-rt"
fi

# ---- client streams: AUTHENTICATE lines and IDLE's DONE ---------------------------------------
# With --as=command the lines after AUTHENTICATE are read as AUTHENTICATE data and the line after
# IDLE as its DONE. The server's replies are not in the stream, so the first line with a space
# (base64 has none) ends an AUTHENTICATE exchange. IDLE is RFC 2177, not RFC 3501: strict RFC 3501
# (--extensions=none) refuses the IDLE line itself, and its DONE is ok; by default (every
# extension) IDLE is a command like any other.
printf 'e1 AUTHENTICATE PLAIN\r\ndGVzdAB0ZXN0AHRlc3Q=\r\ne2 NOOP\r\ne3 AUTHENTICATE PLAIN\r\n*\r\ne4 IDLE\r\ndone\r\ne5 LOGOUT\r\n' >"$tmp/client.imap"
run_tool "$tmp/client-ext.txt" "$tmp/client-ext.err" parse "$tmp/client.imap"
check "client stream, extensions: exit 0 (got $rc)" test "$rc" -eq 0
check "client stream, extensions: IDLE is a command" grep -qx '80: ok e4 IDLE' "$tmp/client-ext.txt"
check "client stream, extensions: DONE" grep -qx '89: ok DONE' "$tmp/client-ext.txt"
run_tool "$tmp/client-ext-rt.imap" "$tmp/client-ext-rt.err" roundtrip "$tmp/client.imap"
check "client stream roundtrip, extensions: IDLE kept, DONE upper case" cmp -s \
    "$tmp/client-ext-rt.imap" \
    <(printf 'e1 AUTHENTICATE PLAIN\r\ndGVzdAB0ZXN0AHRlc3Q=\r\ne2 NOOP\r\ne3 AUTHENTICATE PLAIN\r\n*\r\ne4 IDLE\r\nDONE\r\ne5 LOGOUT\r\n')
run_tool "$tmp/client-bad.txt" "$tmp/client-bad.err" parse --extensions=enable,nope "$tmp/client.imap"
check "--extensions with an unknown name: usage error (got $rc)" test "$rc" -eq 2
check "--extensions with an unknown name: says which" grep -q "nope" "$tmp/client-bad.err"
run_tool "$tmp/client.txt" "$tmp/client.err" parse --extensions=none "$tmp/client.imap"
check "client stream: exit 1 (IDLE) (got $rc)" test "$rc" -eq 1
check "client stream: AUTHENTICATE" grep -qx '0: ok e1 AUTHENTICATE' "$tmp/client.txt"
check "client stream: AUTHENTICATE data" grep -qx '23: ok data (20 base64 characters)' "$tmp/client.txt"
check "client stream: the next command" grep -qx '45: ok e2 NOOP' "$tmp/client.txt"
check "client stream: cancel" grep -qx '77: ok cancel' "$tmp/client.txt"
check "client stream: IDLE is not RFC 3501" grep -q '^80: error at offset 83: .*"e4 IDLE"$' "$tmp/client.txt"
check "client stream: DONE, in any case" grep -qx '89: ok DONE' "$tmp/client.txt"
check "client stream: then commands" grep -qx '95: ok e5 LOGOUT' "$tmp/client.txt"
check "client stream: 8 lines" test "$(wc -l <"$tmp/client.txt")" -eq 8
"$tool" parse --extensions=none --chunk-size=1 "$tmp/client.imap" >"$tmp/client1.txt" 2>/dev/null
check "client stream --chunk-size=1: same output" cmp -s "$tmp/client.txt" "$tmp/client1.txt"
if ((have_python)); then
    "$tool" parse --format=json "$tmp/client.imap" >"$tmp/client.json" 2>/dev/null
    check "client stream --format=json: data, cancel, DONE" python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
assert recs[1]["ast"] == {"cancel": False, "base64": "dGVzdAB0ZXN0AHRlc3Q="}, recs[1]
assert recs[4]["ast"] == {"cancel": True, "base64": ""}, recs[4]
assert recs[6] == {"offset": 89, "length": 6, "ok": True, "ast": {"done": True}}, recs[6]
' <"$tmp/client.json"
fi
run_tool "$tmp/client-rt.imap" "$tmp/client-rt.err" roundtrip --extensions=none "$tmp/client.imap"
check "client stream roundtrip: DONE written upper case, IDLE left out" cmp -s "$tmp/client-rt.imap" \
    <(printf 'e1 AUTHENTICATE PLAIN\r\ndGVzdAB0ZXN0AHRlc3Q=\r\ne2 NOOP\r\ne3 AUTHENTICATE PLAIN\r\n*\r\nDONE\r\ne5 LOGOUT\r\n')

# ---- server streams: --as=auto|response|greeting ----------------------------------------------
# The Dovecot session: a greeting, then responses (literals in FETCH data among them).
run_tool "$tmp/srv.txt" "$tmp/srv.err" parse --as=auto "$server"
check "server auto: exit 0 (got $rc)" test "$rc" -eq 0
n=$(grep -c '^[0-9][0-9]*: ok ' "$tmp/srv.txt")
check "server auto: $server_count ok lines (got $n)" test "$n" -eq "$server_count"
check "server auto: nothing but ok lines" test "$(wc -l <"$tmp/srv.txt")" -eq "$n"
check "server auto: nothing on stderr" test ! -s "$tmp/srv.err"
check "server auto: greeting" grep -qx '0: ok \* OK \[CAPABILITY\]' "$tmp/srv.txt"
check "server auto: untagged CAPABILITY" grep -qx '123: ok \* CAPABILITY' "$tmp/srv.txt"
check "server auto: tagged OK" grep -qx '217: ok A001 OK' "$tmp/srv.txt"
check "server auto: FETCH with its number" grep -q '^[0-9]*: ok \* FETCH 10$' "$tmp/srv.txt"
check "server auto: EXISTS with its count" grep -q '^[0-9]*: ok \* EXISTS 10$' "$tmp/srv.txt"
check "server auto: EXPUNGE with its number" grep -q '^[0-9]*: ok \* EXPUNGE 9$' "$tmp/srv.txt"
check "server auto: untagged OK with its code" grep -q '^[0-9]*: ok \* OK \[UIDNEXT\]$' "$tmp/srv.txt"
check "server auto: code not in RFC 3501 named as written" grep -q '^[0-9]*: ok A091 OK \[COPYUID\]$' "$tmp/srv.txt"
check "server auto: tagged OK with its code" grep -q '^[0-9]*: ok A106 OK \[READ-ONLY\]$' "$tmp/srv.txt"
check "server auto: 6 continuation requests" test "$(grep -c '^[0-9]*: ok +$' "$tmp/srv.txt")" -eq 6
check "server auto: BYE" grep -q '^[0-9]*: ok \* BYE$' "$tmp/srv.txt"
check "server auto: last line" grep -qx '66576: ok A107 OK' "$tmp/srv.txt"
for chunk in 1 7; do
    "$tool" parse --as=auto --chunk-size="$chunk" "$server" >"$tmp/srv-chunk.txt" 2>/dev/null
    check "server auto --chunk-size=$chunk: same output" cmp -s "$tmp/srv.txt" "$tmp/srv-chunk.txt"
done
# The Dovecot greeting is also valid response-data, so --as=response reads the whole stream
# too; the summaries are the same.
run_tool "$tmp/srv-r.txt" "$tmp/srv-r.err" parse --as=response "$server"
check "server --as=response: exit 0 (got $rc)" test "$rc" -eq 0
check "server --as=response: same summaries" cmp -s "$tmp/srv.txt" "$tmp/srv-r.txt"
head -n 1 "$server" >"$tmp/greeting.imap"
run_tool "$tmp/greet.txt" "$tmp/greet.err" parse --as=greeting "$tmp/greeting.imap"
check "server greeting alone --as=greeting: exit 0 (got $rc)" test "$rc" -eq 0
check "server greeting alone --as=greeting: summary" grep -qx '0: ok \* OK \[CAPABILITY\]' "$tmp/greet.txt"

# Round trip. The AST keeps what varies in this session: the form of every string (atom,
# quoted, literal with its length), the case of strings and flags as written (Dovecot's quoted
# lower-case "text" "plain", \Seen, Entw&APw-rfe), the text after conditions and after codes
# RFC 3501 does not name ([COPYUID ...], [APPENDUID ...], [CLOSED]), the leading zero of
# date-time days and how many BODYSTRUCTURE extension fields were written. Grammar keywords
# (FETCH, FLAGS, OK, UIDNEXT, NIL...) are written upper case whatever their input case; Dovecot
# writes them upper case. So the output is the input, byte for byte.
run_tool "$tmp/srv-rt.imap" "$tmp/srv-rt.err" roundtrip --as=auto "$server"
check "server roundtrip --as=auto: exit 0 (got $rc)" test "$rc" -eq 0
check "server roundtrip --as=auto: byte for byte" cmp "$server" "$tmp/srv-rt.imap"
check "server roundtrip --as=auto: nothing on stderr" test ! -s "$tmp/srv-rt.err"
"$tool" roundtrip --as=auto --chunk-size=3 - <"$server" >"$tmp/srv-rt3.imap" 2>/dev/null
check "server roundtrip --chunk-size=3 from stdin: byte for byte" cmp -s "$server" "$tmp/srv-rt3.imap"

run_tool "$tmp/srv.json" "$tmp/srv.json.err" parse --as=auto --format=json "$server"
check "server json: exit 0 (got $rc)" test "$rc" -eq 0
check "server json: $server_count lines" test "$(wc -l <"$tmp/srv.json")" -eq "$server_count"
if ((have_python)); then
    check "server json: valid JSON on every line, records tile the file" python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
assert len(recs) == int(sys.argv[2]), len(recs)
assert all(r["ok"] is True and "ast" in r for r in recs), "not all ok"
pos = 0
for r in recs:
    assert r["offset"] == pos, (r["offset"], pos)
    pos += r["length"]
assert pos == int(sys.argv[1]), (pos, sys.argv[1])
' "$(wc -c <"$server")" "$server_count" <"$tmp/srv.json"
    # shellcheck disable=SC2016 # Python code, "$" is literal
    check "server json: AST content" python3 -c '
import json, sys
recs = [json.loads(l)["ast"] for l in sys.stdin]
g = recs[0]
assert g["type"] == "greeting" and g["cond"]["status"] == "ok", g
assert g["cond"]["text"]["code"]["type"] == "capability", g
assert g["cond"]["text"]["code"]["capabilities"][0] == "IMAP4rev1", g
assert g["cond"]["text"]["text"] == "Dovecot (Debian) ready.", g
kinds = [r["type"] for r in recs[1:]]
assert kinds.count("greeting") == 0 and kinds.count("continue") == 6, kinds
assert kinds.count("tagged") == 107 and kinds.count("untagged") == 285, kinds
tagged = {r["tag"]: r["cond"] for r in recs if r["type"] == "tagged"}
assert tagged["A001"] == {"status": "ok", "text": {"code": None, "text": "Pre-login capabilities listed, post-login capabilities have more."}}, tagged["A001"]
assert tagged["A106"]["text"]["code"] == {"type": "read_only"}, tagged["A106"]
assert tagged["A091"]["text"]["code"] == {"type": "copyuid", "uidvalidity": 1795676964, "source": ["1:3"], "destination": ["1:3"]}, tagged["A091"]
assert tagged["A027"]["status"] == "no", tagged["A027"]
assert [c["status"] for c in tagged.values()].count("ok") == 106, "one NO, no BAD"
cont = [r for r in recs if r["type"] == "continue"]
assert cont[0]["content"] == {"type": "text", "code": None, "text": "OK"}, cont[0]
data = [r["data"] for r in recs if r["type"] == "untagged"]
def first(pred):
    return next(d for d in data if pred(d))
d = first(lambda d: d["type"] == "status")
assert d["mailbox"] == {"name": {"form": "atom", "value": "INBOX"}}, d
assert d["items"] == [{"att": "messages", "value": 10}, {"att": "recent", "value": 10}, {"att": "uidnext", "value": 11}, {"att": "uidvalidity", "value": 1795676965}, {"att": "unseen", "value": 5}], d
d = first(lambda d: d["type"] == "list")
assert d["list"] == {"flags": ["\\Noselect"], "delimiter": "/", "mailbox": {"name": {"form": "quoted", "value": ""}}, "extended": None}, d
d = first(lambda d: d["type"] == "search")
assert d["numbers"] == list(range(1, 11)), d
assert {"type": "search", "numbers": [], "modseq": None} in data, "empty SEARCH"
assert {"type": "exists", "count": 10} in data and {"type": "recent", "count": 10} in data
assert {"type": "expunge", "number": 9} in data
d = first(lambda d: d["type"] == "cond" and d["text"]["code"] and d["text"]["code"]["type"] == "permanentflags" and d["text"]["code"]["flags"])
assert d["text"]["code"]["flags"][-1] == "\\*", d
d = first(lambda d: d["type"] == "cond" and d["text"]["code"] and d["text"]["code"]["type"] == "uidvalidity")
assert isinstance(d["text"]["code"]["value"], int), d
assert {"type": "cond", "status": "bye", "text": {"code": None, "text": "Logging out"}} in data
fetches = [d for d in data if d["type"] == "fetch"]
def att(number, kind, structure=None):
    for f in fetches:
        if f["number"] != number:
            continue
        for a in f["items"]:
            if a["type"] == kind and (structure is None or a.get("structure") == structure):
                return a
    raise AssertionError((number, kind))
a = att(6, "flags")
assert a["flags"] == ["\\Recent", "$Label1"], a
a = att(1, "internaldate")["date"]
assert a == {"day": 15, "month": 1, "year": 2024, "hour": 8, "minute": 30, "second": 12, "zone_negative": False, "zone_hhmm": 0, "leading_zero": False}, a
assert att(4, "rfc822_size")["size"] == 1327
assert att(7, "uid")["uid"] == 7
# Envelope: a literal display name, groups (start and end markers), a source route.
e = att(7, "envelope")["envelope"]
assert e["subject"] == {"form": "quoted", "value": "Re: addresses of all kinds"}, e
assert e["from"] == [{"name": {"form": "literal", "value": "Doe, \"JD\" John"}, "adl": None, "mailbox": {"form": "quoted", "value": "jd"}, "host": {"form": "quoted", "value": "example.com"}}], e["from"]
assert e["sender"][0]["name"] == {"form": "quoted", "value": "Mailing List"}, e["sender"]
assert e["reply_to"][0] == {"name": None, "adl": None, "mailbox": {"form": "quoted", "value": "Project Team"}, "host": None}, e["reply_to"]
assert e["reply_to"][-1] == {"name": None, "adl": None, "mailbox": None, "host": None}, e["reply_to"]
assert [x["mailbox"] and x["mailbox"]["value"] for x in e["to"]] == ["undisclosed-recipients", None], e["to"]
assert e["bcc"] is None and e["in_reply_to"]["value"] == "<addr.0721@example.com>", e
assert any(x["adl"] == {"form": "quoted", "value": "@relay.example.com"} for x in e["cc"]), e["cc"]
e = att(10, "envelope")["envelope"]
assert e["date"] is None and e["subject"] is None, e
# BODY: a multipart holding a message/rfc822 with its envelope and body, strings as written.
b = att(5, "body", False)["body"]
assert b["type"] == "mpart" and b["media_subtype"] == {"form": "quoted", "value": "mixed"} and b["extension"] is None, b
t, m = b["parts"]
assert t["part"]["type"] == "text" and t["part"]["media_type"] == {"form": "quoted", "value": "text"}, t
assert t["part"]["fields"]["params"] == [{"attribute": {"form": "quoted", "value": "charset"}, "value": {"form": "quoted", "value": "us-ascii"}}], t
m = m["part"]
assert m["type"] == "msg" and m["media_type"]["value"] == "message" and m["media_subtype"]["value"] == "rfc822", m
assert m["fields"]["description"] == {"form": "quoted", "value": "Forwarded message"} and m["fields"]["octets"] == 480, m
assert m["envelope"]["subject"]["value"] == "March newsletter" and m["lines"] == 19, m
assert m["body"]["type"] == "mpart" and m["body"]["media_subtype"]["value"] == "alternative", m
assert [p["part"]["media_subtype"]["value"] for p in m["body"]["parts"]] == ["plain", "html"], m
# BODYSTRUCTURE: the extension data.
b = att(1, "body", True)["body"]
assert b["type"] == "1part" and b["part"]["lines"] == 6, b
assert b["extension"] == {"md5": None, "tail": {"fields": 4, "disposition": None, "language": {"type": "nstring", "value": None}, "location": None, "extensions": []}}, b
b = att(4, "body", True)["body"]
assert b["extension"]["params"][0]["attribute"]["value"] == "boundary", b
assert [p["part"]["type"] for p in b["parts"]] == ["text", "basic", "basic"], b
assert b["parts"][1]["part"]["media_type"]["value"] == "image", b
# BODY[...] data: a literal, decoded as UTF-8 (the session is all UTF-8).
a = att(2, "body_section")
assert a["section"] == {"part": [], "text": None} and a["origin"] is None, a
assert a["data"]["form"] == "literal" and "viele Gr\u00fc\u00dfe" in a["data"]["value"], a
' <"$tmp/srv.json"
fi
run_tool "$tmp/srv-r.json" "$tmp/srv-r.json.err" parse --as=response --format=json "$server"
if ((have_python)); then
    check "server json --as=response: the first message is untagged data" python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())["ast"]
assert r["type"] == "untagged" and r["data"]["type"] == "cond" and r["data"]["status"] == "ok", r
' <"$tmp/srv-r.json"
fi

# Octets that are not UTF-8 get a "_base64" sibling; a base64 continuation (empty line).
printf '* 1 FETCH (BODY[1]<0> {2}\r\n\377a RFC822.TEXT NIL)\r\n+ \r\n' >"$tmp/8bit.imap"
run_tool "$tmp/8bit.json" "$tmp/8bit.err" parse --as=response --format=json "$tmp/8bit.imap"
check "8-bit literal: exit 0 (got $rc)" test "$rc" -eq 0
if ((have_python)); then
    check "8-bit literal: value_base64" python3 -c '
import json, sys
recs = [json.loads(l)["ast"] for l in sys.stdin]
items = recs[0]["data"]["items"]
assert items[0]["section"] == {"part": [1], "text": None} and items[0]["origin"] == 0, items
assert items[0]["data"]["value_base64"] == "/2E=", items
assert items[1] == {"type": "rfc822", "which": "text", "data": None}, items
assert recs[1] == {"type": "continue", "content": {"type": "base64", "base64": ""}}, recs[1]
' <"$tmp/8bit.json"
fi
run_tool "$tmp/8bit-rt.imap" "$tmp/8bit-rt.err" roundtrip --as=response "$tmp/8bit.imap"
check "8-bit literal: roundtrip byte for byte" cmp -s "$tmp/8bit.imap" "$tmp/8bit-rt.imap"

# The client side of the session: its APPEND and SEARCH literals are framed with their lines.
run_tool "$tmp/cli.txt" "$tmp/cli.err" parse --as=command "$client"
check "client session: exit 0 (got $rc)" test "$rc" -eq 0
n=$(grep -c '^[0-9][0-9]*: ok ' "$tmp/cli.txt")
check "client session: $client_count ok lines (got $n)" test "$n" -eq "$client_count"
check "client session: nothing but ok lines" test "$(wc -l <"$tmp/cli.txt")" -eq "$n"
check "client session: SEARCH with literals" grep -qx '930: ok A036 SEARCH' "$tmp/cli.txt"
check "client session: APPEND" grep -qx '3156: ok A094 APPEND' "$tmp/cli.txt"
run_tool "$tmp/cli-rt.imap" "$tmp/cli-rt.err" roundtrip --as=command "$client"
check "client session roundtrip: byte for byte" cmp -s "$client" "$tmp/cli-rt.imap"

# A bad server stream. Its first line (* NO) is response-data but not a greeting.
run_tool "$tmp/bads.txt" "$tmp/bads.err" parse --as=auto "$bad_server"
check "bad server auto: exit 1 (got $rc)" test "$rc" -eq 1
check "bad server auto: * NO is not a greeting" \
    grep -qF '0: error at offset 2: in greeting: expected resp-cond-auth / resp-cond-bye (syntax error): "* NO [ALERT] not ready, try later"' "$tmp/bads.txt"
check "bad server auto: then responses" grep -qx '35: ok \* OK \[UIDNEXT\]' "$tmp/bads.txt"
check "bad server auto: * 0 EXPUNGE at the 0" \
    grep -q '^72: error at offset 74: in response-data: .*"\* 0 EXPUNGE"$' "$tmp/bads.txt"
check "bad server auto: ok EXISTS" grep -qx '85: ok \* EXISTS 3' "$tmp/bads.txt"
check "bad server auto: CAPABILITY without IMAP4rev1" \
    grep -q '^97: error at offset 99: in response-data: .*"\* CAPABILITY IMAP4 IDLE"$' "$tmp/bads.txt"
check "bad server auto: unterminated msg-att at the CR" \
    grep -qF '122: error at offset 152: in msg-att: expected '"')'"' (syntax error): "* 1 FETCH (FLAGS (\\Seen) UID 4"' "$tmp/bads.txt"
check "bad server auto: ok FETCH" grep -qx '154: ok \* FETCH 2' "$tmp/bads.txt"
check "bad server auto: unknown condition" \
    grep -qF '187: error at offset 190: in response-tagged: expected resp-cond-state (syntax error): "A1 MAYBE x"' "$tmp/bads.txt"
check "bad server auto: ok tagged" grep -qx '199: ok A2 OK' "$tmp/bads.txt"
check "bad server auto: 9 lines" test "$(wc -l <"$tmp/bads.txt")" -eq 9
run_tool "$tmp/bads-r.txt" "$tmp/bads-r.err" parse --as=response "$bad_server"
check "bad server --as=response: exit 1" test "$rc" -eq 1
check "bad server --as=response: * NO is response-data" grep -qx '0: ok \* NO \[ALERT\]' "$tmp/bads-r.txt"
check "bad server --as=response: same errors after it" \
    cmp -s <(tail -n +2 "$tmp/bads.txt") <(tail -n +2 "$tmp/bads-r.txt")
run_tool "$tmp/bads-g.txt" "$tmp/bads-g.err" parse --as=greeting "$bad_server"
check "bad server --as=greeting: exit 1" test "$rc" -eq 1
check "bad server --as=greeting: first line" grep -q '^0: error at offset 2: in greeting: ' "$tmp/bads-g.txt"
check "bad server --as=greeting: * OK is a greeting" grep -qx '35: ok \* OK \[UIDNEXT\]' "$tmp/bads-g.txt"
check "bad server --as=greeting: a tagged line is not" \
    grep -qF '199: error at offset 199: in greeting: expected greeting (syntax error): "A2 OK done"' "$tmp/bads-g.txt"
check "bad server --as=greeting: 1 ok line" test "$(grep -c ': ok ' "$tmp/bads-g.txt")" -eq 1
run_tool "$tmp/bads.json" "$tmp/bads.json.err" parse --as=auto --format=json "$bad_server"
check "bad server json: exit 1" test "$rc" -eq 1
if ((have_python)); then
    check "bad server json: records" python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
assert [r["ok"] for r in recs] == [False, True, False, True, False, False, True, False, True], recs
assert [r["error"]["offset"] for r in recs if not r["ok"]] == [2, 74, 99, 152, 190], recs
assert [r["error"]["production"] for r in recs if not r["ok"]] == ["greeting", "response-data", "response-data", "msg-att", "response-tagged"], recs
assert all(r["error"]["code"] == "syntax" for r in recs if not r["ok"]), recs
assert recs[1]["ast"]["data"]["text"]["code"] == {"type": "uidnext", "value": 5}, recs[1]
pos = 0
for r in recs:
    assert r["offset"] == pos, (r, pos)
    pos += r["length"]
' <"$tmp/bads.json"
fi
run_tool "$tmp/bads-rt.imap" "$tmp/bads-rt.err" roundtrip --as=auto "$bad_server"
check "bad server roundtrip: exit 1" test "$rc" -eq 1
check "bad server roundtrip: good messages written" cmp -s "$tmp/bads-rt.imap" \
    <(printf '* OK [UIDNEXT 5] Predicted next UID\r\n* 3 EXISTS\r\n* 2 FETCH (FLAGS (\\Seen) UID 5)\r\nA2 OK done\r\n')
check "bad server roundtrip: errors on stderr" test "$(grep -c ': error at offset ' "$tmp/bads-rt.err")" -eq 5

# ---- literals parse streams past -------------------------------------------------------------
# `parse --format=text` does not keep literals over 1 MiB: the message is parsed with the literal
# shown empty, offsets still count its octets, and a NUL in it is still found. JSON output and
# roundtrip keep the whole message.
mib2() { head -c 2000000 /dev/zero | tr '\0' x; }
{ printf 'f1 APPEND INBOX {2000000}\r\n'; mib2; printf '\r\nf2 APPEND INBOX {2000000}\r\n'; mib2
  printf ' extra\r\nf3 LOGIN {2000000}\r\n'; head -c 1000 /dev/zero | tr '\0' x; printf '\0'
  head -c 1999999 /dev/zero | tr '\0' x; printf ' bob\r\nf4 NOOP\r\n'; } >"$tmp/lit2m.imap"
run_tool "$tmp/lit2m.txt" "$tmp/lit2m.err" parse "$tmp/lit2m.imap"
check "2 MB literals: exit 1" test "$rc" -eq 1
check "2 MB literals: ok" grep -qx '0: ok f1 APPEND' "$tmp/lit2m.txt"
check "2 MB literals: an error after a streamed literal, at its offset" \
    grep -qF '2000029: error at offset 4000056: in command: expected CRLF (syntax error): "f2 APPEND INBOX {2000000}"' "$tmp/lit2m.txt"
check "2 MB literals: a NUL in a streamed literal, at its offset" \
    grep -qF '4000064: error at offset 4001084: in command: expected CHAR8 (NUL octet): "f3 LOGIN {2000000}"' "$tmp/lit2m.txt"
check "2 MB literals: the next message" grep -qx '6001090: ok f4 NOOP' "$tmp/lit2m.txt"
check "2 MB literals: 4 lines" test "$(wc -l <"$tmp/lit2m.txt")" -eq 4
if ((have_python)); then
    "$tool" parse --format=json "$tmp/lit2m.imap" >"$tmp/lit2m.json" 2>/dev/null
    check "2 MB literals --format=json: whole literals, same errors" python3 -c '
import json, sys
recs = [json.loads(l) for l in sys.stdin]
assert [r["offset"] for r in recs] == [0, 2000029, 4000064, 6001090], [r["offset"] for r in recs]
assert recs[0]["ast"]["body"]["message"] == {"form": "literal", "value": "x" * 2000000}
assert recs[1]["error"]["offset"] == 4000056, recs[1]
assert recs[2]["error"]["offset"] == 4001084 and recs[2]["error"]["code"] == "nul_byte", recs[2]
' <"$tmp/lit2m.json"
fi
{ printf 'g1 APPEND INBOX {2000000+}\r\n'; mib2; printf '\r\n'; } >"$tmp/lit2m-rt.imap"
run_tool "$tmp/lit2m-rt.out" "$tmp/lit2m-rt.err" roundtrip --literal-plus "$tmp/lit2m-rt.imap"
check "2 MB literal roundtrip: byte for byte" cmp -s "$tmp/lit2m-rt.imap" "$tmp/lit2m-rt.out"
run_tool "$tmp/lit2m-plus.txt" "$tmp/lit2m-plus.err" parse --extensions=none "$tmp/lit2m-rt.imap"
check "2 MB {n+} literal in strict RFC 3501: refused as when kept" \
    grep -q '^0: error at offset 24: in literal: ' "$tmp/lit2m-plus.txt"

# ---- large streams in bounded memory ----------------------------------------------------------
# The input is framed as it is read: memory does not grow with the stream. 200 MB of commands,
# and a 300 MB literal, come from generators through a pipe. GNU time (Debian package `time`)
# measures the peak RSS; without it the streams are still parsed and checked.
rss_limit_kb=$((64 * 1024))
have_time=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    have_time=1
fi
# measured ARGS...: the tool on standard input, its peak RSS (KB) written to $tmp/rss.
measured() {
    if ((have_time)); then
        /usr/bin/time -f %M -o "$tmp/rss" "$tool" "$@"
    else
        "$tool" "$@"
    fi
}
check_rss() { # check_rss NAME
    if ((have_time)); then
        local kb
        kb=$(tail -n 1 "$tmp/rss")
        check "$1: peak RSS $kb KB < $rss_limit_kb KB" test "$kb" -lt "$rss_limit_kb"
    else
        echo "skip $1: peak RSS (/usr/bin/time not found; install the package \`time\`)"
    fi
}
# IMAPWIRE_SKIP_LARGE_STREAMS=1 (the sanitizer preset sets it) leaves these two out: they test
# memory bounds of the optimized program, and an -O0 sanitizer build only makes them slow.
if [[ "${IMAPWIRE_SKIP_LARGE_STREAMS:-0}" == 1 ]]; then
    echo "skip 200 MB of commands and a 300 MB literal (IMAPWIRE_SKIP_LARGE_STREAMS=1)"
else
# Four commands, a literal among them, repeated; `yes` ends each copy with the LF of a CRLF.
block=$'h1 NOOP\r\nh2 LOGIN {5}\r\nalice "secret"\r\nh3 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])\r\nh4 APPEND INBOX {39}\r\nFrom: a@example.com\r\nSubject: hello\r\n\r\n\r'
block_len=$((${#block} + 1))
blocks=$((200000000 / block_len))
yes "$block" | head -c $((blocks * block_len)) | measured parse --format=text - 2>"$tmp/big.err" |
    tail -n 1 >"$tmp/big.last"
rc=${PIPESTATUS[2]}
check "200 MB of commands: exit 0 (got $rc)" test "$rc" -eq 0
check "200 MB of commands: the last message" \
    test "$(cat "$tmp/big.last")" = "$(((blocks - 1) * block_len + 105)): ok h4 APPEND"
check_rss "200 MB of commands"
{
    printf 'i1 APPEND INBOX {300000000}\r\n'
    yes 'From: a@example.com' | head -c 300000000
    printf '\r\ni2 NOOP\r\n'
} | measured parse --max-literal-size=400000000 --max-message-size=400000000 - \
    >"$tmp/huge.txt" 2>"$tmp/huge.err"
rc=${PIPESTATUS[1]}
check "a 300 MB literal: exit 0 (got $rc)" test "$rc" -eq 0
check "a 300 MB literal: both messages" \
    cmp -s "$tmp/huge.txt" <(printf '0: ok i1 APPEND\n300000031: ok i2 NOOP\n')
check_rss "a 300 MB literal"
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
expect_rc "unknown --as" 2 parse --as=frobnicate "$sample"
expect_rc "unknown --format" 2 parse --format=xml "$sample"
expect_rc "two files" 2 parse "$sample" "$sample"
expect_rc "missing file" 2 parse "$tmp/does-not-exist.imap"
check "missing file: message" grep -q 'cannot open' "$tmp/u.err"
expect_rc "directory as file" 2 parse "$tmp"
expect_rc "--help" 0 --help
check "--help: lists subcommands" grep -q 'roundtrip' "$tmp/u.out"
expect_rc "parse --help" 0 parse --help
check "parse --help: JSON schema" grep -q 'JSON Lines' "$tmp/u.out"
check "parse --help: response JSON" grep -qF '{"type":"greeting","cond":COND}' "$tmp/u.out"
check "parse --help: --as=auto" grep -q 'auto: a whole server stream' "$tmp/u.out"
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
