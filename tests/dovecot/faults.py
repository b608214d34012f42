#!/usr/bin/env python3
"""Write copies of a recorded IMAP trace with one injected fault each.

Used by tests/dovecot/integration.sh; standard library only.

  faults.py RECORDED_DIR OUT_DIR

RECORDED_DIR holds session.txt (the C:/S: transcript, format in tests/README.md),
session.client and session.server as examples/imap_client records them. For each fault one
file is written to OUT_DIR, and one line is printed:

  NAME FILE LINE RULE KIND

FILE:LINE is where a validator must report the fault, RULE the rule name it must give, KIND
`trace` for a transcript, or `pair:CLIENT_FILE` for a raw client/server pair whose server side
is FILE.
"""

import os
import re
import sys


def line_of(data, offset):
    """1-based line number of the byte at `offset`."""
    return data.count(b"\n", 0, offset) + 1


def search(pattern, data, what, start=0):
    m = re.compile(pattern, re.M).search(data, start)
    if not m:
        raise SystemExit("faults.py: no %s in the recorded trace" % what)
    return m


class Faults:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.rows = []

    def add(self, name, data, offset, rule, kind="trace"):
        path = os.path.join(self.out_dir, name + (".txt" if kind == "trace" else ".server"))
        with open(path, "wb") as f:
            f.write(data)
        self.rows.append("%s %s %d %s %s" % (name, path, line_of(data, offset), rule, kind))


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: faults.py RECORDED_DIR OUT_DIR")
    recorded, out_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(recorded, "session.txt"), "rb") as f:
        trace = f.read()
    with open(os.path.join(recorded, "session.server"), "rb") as f:
        server = f.read()
    client_path = os.path.abspath(os.path.join(recorded, "session.client"))
    faults = Faults(out_dir)

    # A command in the wrong state: FETCH while authenticated, before the first SELECT or
    # EXAMINE (the server refuses it, as Dovecot would).
    m = search(rb"^C: \S+ (SELECT|EXAMINE) ", trace, "SELECT or EXAMINE")
    fault = b"C: F001 FETCH 1 (FLAGS)\r\nS: F001 BAD No mailbox selected.\r\n"
    faults.add("fetch-before-select", trace[: m.start()] + fault + trace[m.start() :],
               m.start(), "command-state")

    # A tag reused while the command holding it is in progress: the first NOOP is sent twice
    # before its completion (which then comes twice).
    noop = search(rb"^C: (\S+) NOOP\r\n", trace, "NOOP")
    tag = noop.group(1)
    done = search(rb"^S: " + re.escape(tag) + rb" [^\r\n]*\r\n", trace, "NOOP completion", noop.end())
    duplicated = (trace[: noop.end()] + noop.group(0) + trace[noop.end() : done.end()]
                  + done.group(0) + trace[done.end() :])
    faults.add("duplicate-tag", duplicated, noop.end(), "duplicate-tag")

    # A tagged completion for a tag the client never sent, right after the NOOP's.
    faults.add("unknown-tag", trace[: done.end()] + b"S: Z999 OK NOOP completed.\r\n" + trace[done.end() :],
               done.end(), "unknown-tag")

    # A server literal cut short: the trace ends halfway through the octets of the first FETCH
    # literal; the message that announced it is reported.
    def first_fetch_literal(data, prefix):
        pattern = rb"^" + prefix + rb"\* \d+ FETCH [^\r\n]*\{(\d+)\}\r\n"
        at = 0
        while True:
            m = search(pattern, data, "FETCH response with a literal", at)
            if int(m.group(1)) >= 2:
                return m
            at = m.end()

    m = first_fetch_literal(trace, rb"S: ")
    faults.add("truncated-literal", trace[: m.end() + int(m.group(1)) // 2], m.start(), "framing")

    # A syntax error in a FETCH response: a "(" where a flag must stand.
    m = search(rb"^S: \* \d+ FETCH \(FLAGS \(", trace, "FETCH (FLAGS ...) response")
    faults.add("fetch-syntax", trace[: m.end()] + b"(" + trace[m.end() :], m.start(), "syntax")

    # The same two server-side faults in the raw server stream, validated as a pair.
    pair = "pair:" + client_path
    m = search(rb"^\* \d+ FETCH \(FLAGS \(", server, "FETCH (FLAGS ...) response")
    faults.add("pair-fetch-syntax", server[: m.end()] + b"(" + server[m.end() :], m.start(), "syntax", pair)
    m = first_fetch_literal(server, b"")
    faults.add("pair-truncated-literal", server[: m.end() + int(m.group(1)) // 2], m.start(), "framing", pair)

    print("\n".join(faults.rows))


if __name__ == "__main__":
    main()
