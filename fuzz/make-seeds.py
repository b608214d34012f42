#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets: fuzz/corpus/<target>/.

    python3 fuzz/make-seeds.py

Sources: the RFC 3501 example records (tests/data/rfc3501-client-examples.txt and
-server-examples.txt), the sample files of tests/data, the recorded Dovecot session
(tests/data/dovecot/session.client and session.server) split into messages and exchanges,
and hand-made seeds for the edges: nesting at and past the parser's depth limit, literals
(empty, LITERAL+, CRLF and 8-bit octets inside, cut short, counts at and past 32 bits),
quoted-string escapes. The structure-aware targets get short byte strings that select each
kind of value and the deep settings (see fuzz_command_ast.cpp, fuzz_response_ast.cpp); the
framer targets get streams behind the settings header of framer_driver.hpp.

The output is deterministic; the script deletes and rewrites every corpus/<target>/ folder
(fuzz/regressions/ is left alone). Keep the total small: under 1 MB and 1000 files.
"""

import os
import random
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "tests", "data")
CORPUS = os.path.join(HERE, "corpus")

TARGETS = ["command", "authenticate", "greeting", "response", "response_sequence",
           "command_ast", "response_ast", "framer", "framer_split"]


def read(path):
    with open(os.path.join(DATA, path), "rb") as f:
        return f.read()


def rfc_examples(name):
    """The records of an RFC example file: (section, line, kind, flags, bytes)."""
    out = []
    for raw in read(name).split(b"\n"):
        line = raw.decode("latin-1")
        if line.startswith("### "):
            parts = line[4:].split()
            out.append({"section": parts[0], "line": int(parts[1]),
                        "kind": parts[2] if len(parts) > 2 else "", "flags": [], "body": []})
        elif not out:
            continue
        elif line.startswith("#! ") and not out[-1]["body"]:
            out[-1]["flags"].append(line[3:])
        else:
            out[-1]["body"].append(raw)
    # The file ends with a newline: the split leaves one empty piece after it.
    if out and out[-1]["body"] and out[-1]["body"][-1] == b"":
        out[-1]["body"].pop()
    for e in out:
        e["bytes"] = b"".join(l + b"\r\n" for l in e["body"])
    return out


LITERAL = re.compile(rb"\{(\d+)\+?\}\r$")


def split_messages(stream):
    """Splits a stream the way the framer does: a line ends at LF; a line ending in {n} CRLF
    or {n+} CRLF continues after n octets. A truncated rest is returned as the last piece."""
    out, start, i = [], 0, 0
    while i < len(stream):
        lf = stream.find(b"\n", i)
        if lf < 0:
            break
        m = LITERAL.search(stream, i, lf)
        if m and m.end() == lf:
            i = lf + 1 + int(m.group(1))
            continue
        out.append(stream[start:lf + 1])
        start = i = lf + 1
    if start < len(stream):
        out.append(stream[start:])
    return out


def split_exchanges(messages):
    """Groups server messages into exchanges: up to a tagged completion or a BYE."""
    out, cur = [], []
    for m in messages:
        cur.append(m)
        if not (m.startswith(b"*") or m.startswith(b"+")) or m[:6].upper() == b"* BYE ":
            out.append(b"".join(cur))
            cur = []
    if cur:
        out.append(b"".join(cur))
    return out


def shape(message):
    """A coarse key of a server message, to keep one of each kind from a long session."""
    words = re.sub(rb"\d+", b"0", message[:60]).split(b" ")[:3]
    return b" ".join(words)


def dedupe_by_shape(messages, per_shape=1):
    seen, out = {}, []
    for m in messages:
        k = shape(m)
        if seen.get(k, 0) < per_shape:
            seen[k] = seen.get(k, 0) + 1
            out.append(m)
    return out


# ---------------------------------------------------------------------------------------------
# Hand-made edges.

def nested_search(depth, kind):
    if kind == "not":
        return b"a SEARCH " + b"NOT " * (depth - 1) + b"ALL\r\n"
    if kind == "group":
        return b"a SEARCH " + b"(" * (depth - 1) + b"ALL" + b")" * (depth - 1) + b"\r\n"
    # OR chains on the right
    return b"a SEARCH " + b"OR SEEN " * (depth - 1) + b"ALL\r\n"


LEAF = b'("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 12 1)'
ENVELOPE = (b'("Tue, 5 Mar 2024 10:21:07 +0100" "hi" (("Al" NIL "al" "example.org")) NIL NIL '
            b'(("Bo" NIL "bo" "example.net")) NIL NIL NIL "<1@example.org>")')


def nested_multipart(depth):
    body = LEAF
    for _ in range(depth - 1):
        body = b"(" + body + b' "MIXED")'
    return b"* 1 FETCH (BODY " + body + b")\r\n"


def nested_message(depth):
    body = LEAF
    for _ in range(depth - 1):
        body = b'("MESSAGE" "RFC822" NIL NIL NIL "7BIT" 100 ' + ENVELOPE + b" " + body + b" 4)"
    return b"* 2 FETCH (BODYSTRUCTURE " + body + b")\r\n"


def nested_extension(depth):
    ext = b"1"
    for _ in range(depth - 1):
        ext = b"(" + ext + b' "x")'
    return (b'* 3 FETCH (BODYSTRUCTURE ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 3 1 NIL '
            b'("INLINE" ("FILENAME" "a.txt")) ("EN" "DE") "loc" ' + ext + b"))\r\n")


def lit(data, plus=False):
    return b"{%d%s}\r\n" % (len(data), b"+" if plus else b"") + data


def command_edges():
    e = {}
    for depth in (10, 99, 100, 101):
        e["deep-search-not-%d" % depth] = nested_search(depth, "not")
        e["deep-search-group-%d" % depth] = nested_search(depth, "group")
    e["deep-search-or-50"] = nested_search(50, "or")
    e["literal-empty"] = b"a LOGIN " + lit(b"") + b" " + lit(b"") + b"\r\n"
    e["literal-plus"] = b"a LOGIN " + lit(b"fred", True) + b" " + lit(b"pass word", True) + b"\r\n"
    e["literal-crlf-8bit"] = (b"a APPEND INBOX (\\Seen) \" 5-Mar-2024 10:21:07 -0700\" " +
                              lit(b"Subject: \xe4\xf6\xfc\r\n\r\nline\r\n\x80\xff\x01\r\n") +
                              b"\r\n")
    e["literal-brace-inside"] = b"a SELECT " + lit(b"x {3}\r\nabc") + b"\r\n"
    e["literal-cut-short"] = b"a LOGIN {5}\r\nab"
    e["literal-cut-at-crlf"] = b"a LOGIN {5}\r\n"
    e["literal-cut-before-lf"] = b"a LOGIN {5}\r"
    e["literal-count-max"] = b"a LOGIN {4294967295}\r\nx\r\n"
    e["literal-count-overflow"] = b"a LOGIN {4294967296}\r\nx\r\n"
    e["literal-then-next"] = b"a LOGIN " + lit(b"al") + b" pw\r\nb NOOP\r\n"
    e["literal-search-charset"] = b"a SEARCH CHARSET UTF-8 TEXT " + lit(b"gr\xc3\xbc\xc3\x9f") + b"\r\n"
    e["quoted-escapes"] = b'a SELECT "a\\"b\\\\c"\r\n'
    e["quoted-bad-escape"] = b'a SELECT "a\\b"\r\n'
    e["fetch-section-edges"] = (b"a UID FETCH 1:*,4294967295 (BODY.PEEK[1.2.3.HEADER.FIELDS.NOT "
                                b"(A {1}\r\nB)]<0.4294967295> BODY[4.MIME] BINARY)\r\n")
    e["store-unparenthesized"] = b"a STORE 1,2:* -FLAGS.SILENT \\Seen \\Answered $x\r\n"
    e["x-command"] = b"a XFOO bar (baz) \"q\" {x}\r\n"
    e["status-all"] = b"a STATUS {5}\r\nINBOX (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)\r\n"
    e["date-edges"] = b'a SEARCH SINCE "1-Jan-1000" BEFORE 31-Dec-9999 SENTON 01-Feb-2024\r\n'
    e["bare-lf"] = b"a NOOP\n"
    e["bare-cr"] = b"a NO\rOP\r\n"
    e["nul"] = b"a SELECT IN\x00BOX\r\n"
    e["lowercase"] = b"a uid fetch 1 (flags body.peek[header])\r\n"
    return e


def response_edges():
    e = {}
    for depth in (10, 99, 100, 101):
        e["deep-multipart-%d" % depth] = nested_multipart(depth)
    for depth in (10, 40):
        e["deep-message-rfc822-%d" % depth] = nested_message(depth)
    for depth in (10, 98, 99, 100):
        e["deep-extension-%d" % depth] = nested_extension(depth)
    e["literal-body"] = b"* 1 FETCH (BODY[] " + lit(b"a\r\n\r\n\x80\xfe\xff") + b" UID 7)\r\n"
    e["literal-empty"] = b"* 1 FETCH (BODY[TEXT]<0> {0}\r\n)\r\n"
    e["literal-envelope"] = (b'* 5 FETCH (ENVELOPE (NIL ' + lit(b'Re: "hi"\r\n there') +
                             b' NIL NIL NIL NIL NIL NIL NIL NIL))\r\n')
    e["literal-mailbox"] = b'* LIST (\\Noselect) "/" ' + lit(b"a\r\nb") + b"\r\n"
    e["literal-cut-short"] = b"* 1 FETCH (RFC822 {10}\r\nabc"
    e["literal-count-overflow"] = b"* 1 FETCH (RFC822 {99999999999}\r\n)\r\n"
    e["continue-empty"] = b"+ \r\n"
    e["continue-base64"] = b"+ YGgGCSqGSIb3EgECAgIBAAD/////6jcyG4GE3KkTzBeBiVHeceP2CWY0SR0fAQAgAAQEBAQ=\r\n"
    e["continue-code"] = b"+ [ALERT] go ahead\r\n"
    e["codes"] = (b"* OK [PERMANENTFLAGS (\\Answered \\* $Junk)] [x] y\r\n")
    e["code-badcharset"] = b"a NO [BADCHARSET (UTF-8 {5}\r\nKOI-8)] no\r\n"
    e["code-other"] = b"* NO [HIGHESTMODSEQ 715194045007] x\r\n"
    e["status-data"] = b"* STATUS {3}\r\na b (MESSAGES 1 UNSEEN 0)\r\n"
    e["search-empty"] = b"* SEARCH\r\n"
    e["internaldate"] = b'* 9 FETCH (INTERNALDATE " 5-Mar-2024 10:21:07 -0700" RFC822.SIZE 0)\r\n'
    e["bye"] = b"* BYE [ALERT] going down\r\n"
    return e


def command_extension_seeds():
    """One command of each shape the extensions add (the RFCs' examples mostly)."""
    return {
        "namespace": b"A001 NAMESPACE\r\n",
        "uid-expunge": b"A003 UID EXPUNGE 3000:3002\r\n",
        "qresync-select": (b"A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 "
                           b"41,43:211,214:541))\r\n"),
        "qresync-seq-match": (b"B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 "
                              b"(5000,7500,9000,9990:9999 15000,22500)))\r\n"),
        "qresync-vanished": b"s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n",
        "esearch-return": b"A282 SEARCH RETURN (MIN COUNT) FLAGGED\r\n",
        "esearch-savedsince": b"A283 UID SEARCH RETURN () SAVEDSINCE 28-Dec-2014\r\n",
        "status-size": b"A01 STATUS frop (MESSAGES SIZE UIDNEXT HIGHESTMODSEQ)\r\n",
        "savedate": b"A101 FETCH 998 (SAVEDATE MODSEQ)\r\n",
        "sasl-ir-empty": b"A01 AUTHENTICATE PLAIN =\r\n",
        "binary-fetch": b"A1 UID FETCH 1:* (BINARY.PEEK[1.2]<0.1024> BINARY.SIZE[1] BINARY[])\r\n",
        "binary-append": b"A2 APPEND INBOX (\\Seen) ~{7}\r\nab\x00\x00cde\r\n",
        "list-extended": (b'C04 LIST (SUBSCRIBED RECURSIVEMATCH X-OPT (a (b "c"))) "" ("INBOX" '
                          b"Sent/%) RETURN (CHILDREN SPECIAL-USE STATUS (MESSAGES SIZE))\r\n"),
        "create-special-use": b"t2 CREATE MySpecial (USE (\\Drafts \\Sent))\r\n",
        "objectid-fetch": b"22 UID FETCH 1:* (EMAILID THREADID)\r\n",
        "objectid-search": b"27 SEARCH EMAILID M6d99ac3275bb4e THREADID T64b478a75b7ea9\r\n",
        "objectid-status": b"6 STATUS foo (MAILBOXID MESSAGES)\r\n",
        "searchres-save": b"C285 SEARCH RETURN (MAX SAVE MIN) SINCE 12-Feb-2006\r\n",
        "searchres-dollar": b"P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8}\r\nYYYYYYYY\r\n",
        "partial-search": b"A01 UID SEARCH RETURN (PARTIAL -1:-100 COUNT) UNDELETED\r\n",
        "partial-fetch": b"101 UID FETCH 25900:26600 (UID FLAGS) (PARTIAL -1:-30 CHANGEDSINCE 9)\r\n",
        "appendlimit-status": b"t1 STATUS INBOX (APPENDLIMIT MESSAGES)\r\n",
        "compress": b"c COMPRESS DEFLATE\r\n",
        "multiappend": b"A003 APPEND saved (\\Seen) {3}\r\nabc (\\Seen) \" 7-Feb-1994 22:43:04 -0800\" {2}\r\nde\r\n",
        "imap4rev2-status": b"A042 STATUS blurdybloop (UIDNEXT MESSAGES DELETED SIZE)\r\n",
        "imap4rev2-number64": b"a FETCH 1 (BODY.PEEK[]<4294967296.8589934592>)\r\n",
        "imap4rev2-larger": b"a SEARCH LARGER 9223372036854775807 SMALLER 4294967296\r\n",
        "utf8-quoted": "a SELECT \"Entw\u00fcrfe/\u65e5\u672c/\U0001d11e\"\r\n".encode("utf-8"),
        "utf8-bad": b"a SELECT \"x\xed\xa0\x80\xc0\xaf\xf4\x90\x80\x80\"\r\n",
    }


def response_extension_seeds():
    """One response of each shape the extensions add."""
    return {
        "namespace": (b'* NAMESPACE (("" "/")("#mh/" "/" "X-PARAM" ("FLAG1" "FLAG2"))) NIL '
                      b'(("#shared/" "/"))\r\n'),
        "appenduid": b"A003 OK [APPENDUID 38505 3955] APPEND completed\r\n",
        "copyuid": b"A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n",
        "uidnotsticky": b"* NO [UIDNOTSTICKY] Non-persistent UIDs\r\n",
        "vanished": b"* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n",
        "closed": b"* OK [CLOSED] Previous mailbox closed\r\n",
        "esearch": (b'* ESEARCH (TAG "A285") UID MIN 7 MAX 3800 ALL 7:9 COUNT 3 '
                    b"MODSEQ 917162500\r\n"),
        "status-size": b"* STATUS frop (MESSAGES 8 SIZE 44421 UIDNEXT 242344)\r\n",
        "savedate": b'* 998 FETCH (SAVEDATE "01-Jan-2015 18:50:53 +0100" UID 4)\r\n',
        "savedate-nil": b"* 1 FETCH (SAVEDATE NIL)\r\n",
        "binary": b"* 2 FETCH (BINARY[1]<0> ~{4}\r\n\x00\x01\x02\x03 BINARY.SIZE[2] 31)\r\n",
        "unknown-cte": b"A1 NO [UNKNOWN-CTE] Cannot decode x-uuencode\r\n",
        "list-extended": (b'* LIST (\\NonExistent \\HasChildren) "/" "Foo" ("CHILDINFO" '
                          b'("SUBSCRIBED") OLDNAME ("Bar") X-N 0 X-S 1:5,9)\r\n'),
        "useattr": b"t2 NO [USEATTR] \\All not supported\r\n",
        "objectid": b"* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID NIL UID 4)\r\n",
        "mailboxid": b"3 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Completed\r\n",
        "status-mailboxid": b"* STATUS foo (MAILBOXID (F2212ea87-6097) MESSAGES 2)\r\n",
        "rfc5530-nonexistent": b"p NO [NONEXISTENT] No such mailbox\r\n",
        "rfc5530-overquota": b"* OK [OVERQUOTA] You are now over your soft quota\r\n",
        "rfc5530-limit-arg": b"m NO [LIMIT 32] At most 32 flags\r\n",
        "searchres-notsaved": b"a NO [NOTSAVED] Search result not saved\r\n",
        "partial-esearch": b'* ESEARCH (TAG "A02") UID PARTIAL (23500:24000 23500:23764,23800)\r\n',
        "partial-esearch-nil": b'* ESEARCH (TAG "A04") UID PARTIAL (-1:-500 NIL)\r\n',
        "appendlimit-status": b"* STATUS INBOX (APPENDLIMIT 257890 MESSAGES 3)\r\n",
        "appendlimit-nil": b'* STATUS "INBOX" (APPENDLIMIT NIL)\r\n',
        "uidfetch": b"* 25900 UIDFETCH (FLAGS (\\Seen) UID 25900)\r\n",
        "uidrequired": b"07 BAD [UIDREQUIRED] Message numbers are not allowed\r\n",
        "compressionactive": b"c NO [COMPRESSIONACTIVE] DEFLATE active via TLS\r\n",
        "imap4rev2-capability": b"* CAPABILITY IMAP4rev2 AUTH=PLAIN\r\n",
        "imap4rev2-haschildren": b"A44 NO [HASCHILDREN] Mailbox has children\r\n",
        "imap4rev2-empty-text": b"a OK [READ-WRITE] \r\n",
        "imap4rev2-utf8-text": "* OK Bienvenue \u00e0 bord\r\n".encode("utf-8"),
        "imap4rev2-number64": (b"* 1 FETCH (RFC822.SIZE 6000000000 BODY[]<5000000000> \"x\" BODY "
                               b"(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 4294967296))\r\n"),
        "imap4rev2-status-deleted": b"* STATUS blurdybloop (MESSAGES 231 DELETED 3)\r\n",
        "utf8-list": "* LIST () \"/\" \"Entw\u00fcrfe\"\r\n".encode("utf-8"),
        "utf8-message-global": (b'* 1 FETCH (BODYSTRUCTURE ("MESSAGE" "GLOBAL" NIL NIL NIL "8BIT" 9 '
                                b'(NIL "x" NIL NIL NIL NIL NIL NIL NIL NIL) ("TEXT" "PLAIN" NIL NIL '
                                b'NIL "8BIT" 1 1) 1))\r\n'),
    }


# ---------------------------------------------------------------------------------------------

def write_corpus(target, seeds):
    d = os.path.join(CORPUS, target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    seen = set()
    for name, data in seeds:
        if data in seen:
            continue
        seen.add(data)
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", name)
        with open(os.path.join(d, safe), "wb") as f:
            f.write(data)
    return len(seen)


def main():
    client = rfc_examples("rfc3501-client-examples.txt")
    server = rfc_examples("rfc3501-server-examples.txt")
    session_client = read("dovecot/session.client")
    session_server = read("dovecot/session.server")
    server_messages = split_messages(session_server)

    seeds = {t: [] for t in TARGETS}

    # command
    for e in client:
        if e["kind"] == "":
            seeds["command"].append(("rfc-%s-%d" % (e["section"], e["line"]), e["bytes"]))
    for i, m in enumerate(split_messages(read("sample-commands.imap"))):
        seeds["command"].append(("sample-%02d" % i, m))
    for i, m in enumerate(split_messages(read("bad-commands.imap"))):
        seeds["command"].append(("bad-%02d" % i, m))
    for i, m in enumerate(dedupe_by_shape(split_messages(session_client))):
        seeds["command"].append(("dovecot-%03d" % i, m))
    seeds["command"] += sorted(("edge-" + k, v) for k, v in command_edges().items())
    seeds["command"] += sorted(("ext-" + k, v) for k, v in command_extension_seeds().items())

    # authenticate
    for e in client:
        if e["kind"] == "authdata":
            seeds["authenticate"].append(("rfc-%s-%d" % (e["section"], e["line"]), e["bytes"]))
    for i, m in enumerate(split_messages(read("sample-authenticate.imap"))):
        seeds["authenticate"].append(("sample-%02d" % i, m))
    for name, data in [("cancel", b"*\r\n"), ("empty", b"\r\n"), ("pad1", b"YQ==\r\n"),
                       ("pad2", b"YWI=\r\n"), ("bad-pad", b"Y===\r\n"), ("short", b"abc\r\n"),
                       ("space", b"YW Jj\r\n"), ("star-data", b"*YQ==\r\n"),
                       ("bare-lf", b"YQ==\n"), ("two-lines", b"YQ==\r\nYg==\r\n")]:
        seeds["authenticate"].append(("edge-" + name, data))

    # greeting
    seeds["greeting"].append(("dovecot", server_messages[0]))
    for e in server:
        b = e["bytes"]
        if b.startswith((b"* OK", b"* PREAUTH", b"* BYE")) and b.count(b"\r\n") == 1:
            seeds["greeting"].append(("rfc-%s-%d" % (e["section"], e["line"]), b))
    for name, data in [("ok-code", b"* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n"),
                       ("preauth", b"* PREAUTH [ALERT] logged in as fred\r\n"),
                       ("bye", b"* BYE too busy\r\n"), ("no", b"* NO not allowed\r\n"),
                       ("bare", b"* OK\r\n"), ("empty-text", b"* OK \r\n"),
                       ("literal", b"* OK {3}\r\nabc\r\n")]:
        seeds["greeting"].append(("edge-" + name, data))

    # response
    for e in server:
        seeds["response"].append(("rfc-%s-%d" % (e["section"], e["line"]), e["bytes"]))
    for i, m in enumerate(split_messages(read("bad-responses.imap"))):
        seeds["response"].append(("bad-%02d" % i, m))
    for i, m in enumerate(dedupe_by_shape(server_messages)):
        seeds["response"].append(("dovecot-%03d" % i, m))
    seeds["response"] += sorted(("edge-" + k, v) for k, v in response_edges().items())
    seeds["response"] += sorted(("ext-" + k, v) for k, v in response_extension_seeds().items())

    # response_sequence: RFC exchanges (consecutive server examples up to a tagged one), the
    # session's exchanges (one of each shape), and edges
    rfc_stream = [e["bytes"] for e in server if "not-protocol" not in " ".join(e["flags"])]
    for i, x in enumerate(split_exchanges(rfc_stream)):
        seeds["response_sequence"].append(("rfc-%03d" % i, x))
    exchanges = split_exchanges(server_messages)
    kept, shapes = [], set()
    for x in exchanges:
        ms = split_messages(x)
        k = (shape(ms[0]), shape(ms[-1]), len(ms) > 1)
        if k not in shapes:
            shapes.add(k)
            kept.append(x)
    for i, x in enumerate(kept):
        seeds["response_sequence"].append(("dovecot-%03d" % i, x))
    for name, data in [("bye-ends", b"* 1 EXISTS\r\n* BYE bye\r\n* 2 EXISTS\r\n"),
                       ("continue", b"+ go\r\n* 1 EXISTS\r\na OK done\r\n"),
                       ("lower-bye", b"* bye x\r\n"), ("bye-no-space", b"* BYE\r\n"),
                       ("tagged-only", b"a BAD x\r\n"), ("untagged-only", b"* 1 EXISTS\r\n"),
                       ("literal", b"* 1 FETCH (BODY[] {5}\r\na OK \r\n)\r\na OK x\r\n")]:
        seeds["response_sequence"].append(("edge-" + name, data))

    # structure-aware: what to build, then the options (see the targets)
    rng = random.Random(3501)
    for what in range(8):
        for n in (1, 8, 64):
            data = bytes([what]) + bytes(rng.randrange(256) for _ in range(n - 1))
            seeds["command_ast"].append(("what-%d-len-%d" % (what, n), data))
    # deep search trees: options chosen (0 < 30), depth 90, budget 240; then SEARCH on demand
    for i in range(4):
        tail = bytes(rng.randrange(256) for _ in range(16))
        seeds["command_ast"].append(("deep-search-%d" % i,
                                     bytes([5, 0, 89, 239, 1, 10, 10, 2, 24, 99, 0]) + tail))
        seeds["command_ast"].append(("deep-any-%d" % i, bytes([0, 0, 89, 239]) + tail))
    for what in range(16):
        for n in (1, 8, 64):
            data = bytes([what]) + bytes(rng.randrange(256) for _ in range(n - 1))
            seeds["response_ast"].append(("what-%d-len-%d" % (what, n), data))
    # deep bodies: options chosen, depth 80, budget 240, 24 parts, extensions 8 deep
    for i in range(6):
        tail = bytes(rng.randrange(256) for _ in range(16))
        seeds["response_ast"].append(("deep-body-%d" % i,
                                      bytes([9, 0, 79, 239, 23, 7, 119, 99]) + tail))

    # framer: settings, sizes, piece count, pieces, then the stream
    def header(settings, sizes=0, pieces=()):
        return bytes([settings, sizes, len(pieces)] + list(pieces))

    rfc_client_stream = b"".join(e["bytes"] for e in client
                                 if e["kind"] == "" and "not-protocol" not in " ".join(e["flags"]))
    streams_server_role = {
        "sample-commands": read("sample-commands.imap"),
        "bad-commands": read("bad-commands.imap"),
        "dovecot-client": session_client,
        "rfc-client": rfc_client_stream,
        "authenticate": (b"a AUTHENTICATE PLAIN\r\n" + read("sample-authenticate.imap") +
                         b"b AUTHENTICATE GSSAPI\r\n*\r\nc IDLE\r\nDONE\r\nd NOOP\r\n"),
        "literals": (b"a LOGIN {5}\r\nalice {6+}\r\nsecret\r\nb APPEND INBOX {0}\r\n\r\n"
                     b"c SELECT {4294967296}\r\nd NOOP\r\ne LOGIN {99}\r\nx"),
    }
    streams_client_role = {
        "dovecot-server": session_server[:6000],
        "bad-responses": read("bad-responses.imap"),
        "rfc-server": b"".join(rfc_stream[:60]),
        "literals": b"* OK hi\r\n* 1 FETCH (BODY[] {12}\r\nline\r\nline\r\n)\r\na OK\r\n",
    }
    configs = [
        ("whole", 0, 0, ()),
        ("pieces-1", 0, 0, (1,)),
        ("pieces-mixed", 0, 0, (3, 0, 17, 250, 2)),
        ("stream-literals", 2 << 1, 0, (7, 13)),
        ("stream-all-literals", 1 << 1, 0, (5,)),
        ("small-limits", 8 | 16 | 32, 40, (9, 4)),
        ("refuse-end-auth", 64 | 128, 0, (11,)),
        ("lazy-drain", 3 << 1, 0, (2, 200)),
    ]
    for name, stream in sorted(streams_server_role.items()):
        for cname, settings, sizes, pieces in configs:
            data = header(settings, sizes, pieces)
            if cname == "lazy-drain":
                data = bytes([data[0], data[1], data[2] | 128]) + data[3:]
            seeds["framer"].append(("server-%s-%s" % (name, cname), data + stream))
    for name, stream in sorted(streams_client_role.items()):
        for cname, settings, sizes, pieces in configs:
            data = header(settings | 1, sizes, pieces)
            seeds["framer"].append(("client-%s-%s" % (name, cname), data + stream))
    # the split target reads the same layout; the whole-only configs are no use to it
    seeds["framer_split"] = [(n, d) for n, d in seeds["framer"] if (d[2] & 127) % 17 != 0]

    total_files = total_bytes = 0
    for t in TARGETS:
        n = write_corpus(t, seeds[t])
        size = sum(os.path.getsize(os.path.join(CORPUS, t, f))
                   for f in os.listdir(os.path.join(CORPUS, t)))
        print("%-18s %4d files %8d bytes" % (t, n, size))
        total_files += n
        total_bytes += size
    print("%-18s %4d files %8d bytes" % ("total", total_files, total_bytes))
    if total_files >= 1000 or total_bytes >= 1 << 20:
        print("make-seeds: the corpus is too large", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
