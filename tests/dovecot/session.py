#!/usr/bin/env python3
"""Drive a fixed IMAP4rev1 (RFC 3501) session against a local server.

Used by tests/dovecot/record.sh and tests/cyrus/record.sh; standard library
only, no imaplib.

  session.py [--server dovecot|cyrus] --port N --messages DIR setup
      Log in, create the mailbox hierarchy and subscriptions and APPEND the
      message files to INBOX with fixed flags and INTERNALDATEs. Nothing is
      written.

  session.py --port N --messages DIR record OUTDIR
      Run the recorded session and write OUTDIR/session.client (bytes sent),
      OUTDIR/session.server (bytes received) and OUTDIR/session.txt (the
      transcript, see tests/README.md).

  session.py --port N --messages DIR record-extensions OUTDIR
      The same for the session with extensions: OUTDIR/extensions.client,
      .server and .txt.

--server names the server the session runs against (default dovecot). The
commands sent are the same for every server; only the tagged completion
expected for a few of them differs (see EXPECTED).

Every command waits for its tagged completion before the next one is sent.
A synchronizing literal is sent only after the server's "+" continuation.
The exit status is non-zero when a tagged completion is not the expected one.
"""

import argparse
import os
import re
import socket
import sys

USER = "alice"
PASSWORD = "secret"


class Literal:
    """A literal inside a command: synchronizing {n} by default, non-synchronizing {n+}
    (LITERAL+, RFC 7888) with nonsync, a literal8 ~{n} (BINARY, RFC 3516) with eight."""

    def __init__(self, data, nonsync=False, eight=False):
        self.data = data if isinstance(data, bytes) else data.encode("utf-8")
        self.nonsync = nonsync
        self.eight = eight


class ProtocolError(Exception):
    pass


LITERAL_AT_END = re.compile(rb"\{(\d+)\}\r\n\Z")


class Connection:
    def __init__(self, host, port, timeout=30.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buf = bytearray()
        self.client = bytearray()  # every byte sent
        self.server = bytearray()  # every byte received
        self.transcript = bytearray()
        self.tag_number = 0
        self.failures = []

    # -- receiving ---------------------------------------------------------

    def _recv(self):
        data = self.sock.recv(65536)
        if not data:
            raise ProtocolError("connection closed by the server")
        self.server += data
        self.buf += data

    def _take_line(self):
        while True:
            end = self.buf.find(b"\r\n")
            if end >= 0:
                line = bytes(self.buf[: end + 2])
                del self.buf[: end + 2]
                return line
            self._recv()

    def _take(self, n):
        while len(self.buf) < n:
            self._recv()
        data = bytes(self.buf[:n])
        del self.buf[:n]
        return data

    def read_response(self):
        """One complete server response (a line plus any literals it carries)."""
        parts = []
        while True:
            line = self._take_line()
            parts.append(line)
            self.transcript += b"S: " + line
            m = LITERAL_AT_END.search(line)
            if not m:
                return b"".join(parts)
            literal = self._take(int(m.group(1)))
            parts.append(literal)
            self.transcript += literal

    # -- sending -----------------------------------------------------------

    def _send(self, data, prefix=True):
        self.sock.sendall(data)
        self.client += data
        if prefix:
            self.transcript += b"C: " + data
        else:
            self.transcript += data

    def greeting(self):
        line = self.read_response()
        if not line.startswith(b"* OK"):
            raise ProtocolError("unexpected greeting: %r" % line)
        return line

    def next_tag(self):
        self.tag_number += 1
        return "A%03d" % self.tag_number

    def command(self, *parts, expect="OK"):
        """Send one command made of str/bytes pieces and Literals.

        Returns (status, responses) where status is the tagged completion's
        status word and responses all responses received for the command.
        """
        tag = self.next_tag().encode("ascii")
        responses = []
        pending = tag + b" "
        for part in parts:
            if isinstance(part, Literal) and part.nonsync:
                # sent at once, no continuation to wait for
                pending += b"%s{%d+}\r\n" % (b"~" if part.eight else b"", len(part.data))
                self._send(pending)
                self._send(part.data, prefix=False)
                pending = b""
            elif isinstance(part, Literal):
                pending += b"%s{%d}\r\n" % (b"~" if part.eight else b"", len(part.data))
                self._send(pending)
                pending = b""
                # Wait for the continuation request; the server may send
                # untagged data first, or refuse the command with a tagged reply.
                while True:
                    response = self.read_response()
                    responses.append(response)
                    if response.startswith(b"+"):
                        break
                    if response.startswith(tag + b" "):
                        return self._finish(tag, response, responses, expect)
                self._send(part.data, prefix=False)
            else:
                pending += part.encode("utf-8") if isinstance(part, str) else part
        self._send(pending + b"\r\n")
        while True:
            response = self.read_response()
            responses.append(response)
            if response.startswith(tag + b" "):
                return self._finish(tag, response, responses, expect)

    def idle(self, expect="OK"):
        """IDLE (RFC 2177): the command, the server's "+", then DONE."""
        tag = self.next_tag().encode("ascii")
        self._send(tag + b" IDLE\r\n")
        responses = []
        while True:
            response = self.read_response()
            responses.append(response)
            if response.startswith(b"+"):
                break
            if response.startswith(tag + b" "):
                return self._finish(tag, response, responses, expect)
        self._send(b"DONE\r\n")
        while True:
            response = self.read_response()
            responses.append(response)
            if response.startswith(tag + b" "):
                return self._finish(tag, response, responses, expect)

    def _finish(self, tag, response, responses, expect):
        status = response[len(tag) + 1 :].split(b" ", 1)[0].decode("ascii", "replace")
        if status != expect:
            self.failures.append(
                "%s: expected %s, got %s" % (tag.decode(), expect, response.decode("utf-8", "replace").rstrip())
            )
        return status, responses

    def close(self):
        self.sock.close()


def message_bytes(messages_dir, name):
    """A message file with its line ends made CRLF, as IMAP requires."""
    with open(os.path.join(messages_dir, name), "rb") as f:
        data = f.read()
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


# INBOX contents: file, flags given to APPEND, INTERNALDATE given to APPEND.
INBOX = [
    ("01-plain.eml", r"(\Seen)", "15-Jan-2024 09:30:12 +0100"),
    ("02-i18n.eml", r"(\Seen)", "20-Feb-2024 18:02:44 +0100"),
    ("03-alternative.eml", r"(\Answered \Seen)", "01-Mar-2024 07:00:05 +0000"),
    ("04-attachment.eml", r"(\Flagged)", "10-Apr-2024 14:22:31 +0200"),
    ("05-forward.eml", r"()", "02-May-2024 11:45:02 +0200"),
    ("06-related.eml", r"($Label1)", "16-Jun-2024 00:10:01 +0000"),
    ("07-addresses.eml", r"(\Seen $Label1 $Label2)", "22-Jul-2024 08:15:00 +0000"),
    ("08-content-fields.eml", r"(\Draft)", "13-Aug-2024 16:00:02 +0200"),
    ("09-long-subject.eml", r"()", "18-Sep-2024 03:00:01 +0000"),
    ("10-minimal.eml", r"(\Seen)", " 1-Oct-2024 12:00:00 +0000"),
]

# The completions that differ from server to server, by what the command does; anything
# not listed here is expected to be OK (or what the session itself says, as for the
# intended NO of SELECT Nonexistent).
EXPECTED = {
    "dovecot": {},
    "cyrus": {
        # Cyrus refuses to delete a mailbox with a special-use attribute in its default
        # configuration (imapd.conf specialuse_protect lists \Sent among others):
        # "NO SPECIAL-USE flag conflict". CREATE ... (USE (\Sent)) itself succeeds.
        "delete-special-use": "NO",
        # Cyrus refuses a message holding NUL even when it comes in a literal8 (BINARY):
        # "NO Message contains NUL characters".
        "append-literal8": "NO",
    },
}

# "Entw&APw-rfe" is "Entwürfe" in modified UTF-7 (RFC 3501 section 5.1.3).
MAILBOXES = ["Archive", "Archive/2024", "Entw&APw-rfe"]
SUBSCRIPTIONS = ["INBOX", "Archive", "Archive/2024", "Entw&APw-rfe"]
# Subscribed, then deleted: a subscription to a mailbox that no longer exists.
GONE = "Old/Gone"


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_setup(conn, messages_dir):
    conn.greeting()
    conn.command("LOGIN %s %s" % (USER, PASSWORD))
    for name in MAILBOXES:
        conn.command("CREATE " + quoted(name))
    for name in SUBSCRIPTIONS:
        conn.command("SUBSCRIBE " + quoted(name))
    conn.command("CREATE " + quoted(GONE))
    conn.command("SUBSCRIBE " + quoted(GONE))
    conn.command("DELETE " + quoted(GONE))
    for name, flags, date in INBOX:
        conn.command("APPEND INBOX %s %s " % (flags, quoted(date)), Literal(message_bytes(messages_dir, name)))
    conn.command("LOGOUT")


def run_recorded(conn, messages_dir):
    c = conn.command
    conn.greeting()

    # Not authenticated state.
    c("CAPABILITY")
    c("NOOP")
    c("LOGIN %s %s" % (USER, PASSWORD))
    c("CAPABILITY")

    # Mailbox names, hierarchy and subscriptions.
    c('LIST "" ""')
    c('LIST "" "*"')
    c('LIST "" "%"')
    c('LIST "" Archive/%')
    c('LIST Archive/ "*"')
    c('LIST "" "Entw&APw-rfe"')
    c('LSUB "" "*"')
    c('LSUB "" "Archive/%"')
    c("CREATE Scratch")
    c("CREATE Scratch/Child/")
    c("SUBSCRIBE Scratch")
    c('LSUB "" Scratch*')
    c('LIST "" Scratch*')
    c("RENAME Scratch Scratch2")
    c('LIST "" Scratch*')
    c("UNSUBSCRIBE Scratch")
    c("DELETE Scratch2/Child")
    c("DELETE Scratch2")
    c('LSUB "" Scratch*')
    c("STATUS INBOX (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)")
    c('STATUS "Entw&APw-rfe" (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)')
    c("STATUS Archive/2024 (UNSEEN MESSAGES)")

    # Intended failure: the mailbox does not exist.
    c("SELECT Nonexistent", expect="NO")

    # Read-only access first, then read-write.
    c("EXAMINE INBOX")
    c("FETCH 1:* (FLAGS)")
    c("SELECT INBOX")

    # SEARCH.
    c("SEARCH ALL")
    c("SEARCH UNSEEN")
    c("SEARCH SEEN NOT FLAGGED")
    c("SEARCH RECENT UNANSWERED")
    c("SEARCH CHARSET UTF-8 SUBJECT ", Literal("Grüße"))
    c("SEARCH CHARSET UTF-8 BODY ", Literal("München"), " FROM ", Literal("Jörg"))
    c("SEARCH CHARSET US-ASCII TEXT newsletter")
    c("SEARCH OR FROM alice (SINCE 1-Mar-2024 NOT OR DELETED DRAFT)")
    c("SEARCH NOT (OR SEEN FLAGGED)")
    c("SEARCH SINCE 1-Mar-2024 BEFORE 1-Jul-2024")
    c("SEARCH ON 20-Feb-2024")
    c("SEARCH SENTSINCE 1-Jun-2024 SENTBEFORE 1-Sep-2024")
    c("SEARCH SENTON 1-Mar-2024")
    c("SEARCH HEADER Content-Language en")
    c('SEARCH HEADER Received ""')
    c("SEARCH LARGER 1000")
    c("SEARCH SMALLER 500")
    c("SEARCH UID 1:5,8 NOT UID 3")
    c("SEARCH 2:* KEYWORD $Label1")
    c("SEARCH OR TO zoe CC zoe")
    c('SEARCH SUBJECT "nightly build" NOT BCC nobody')
    c("SEARCH BCC nobody")
    c("UID SEARCH ALL")
    c("UID SEARCH UID 3:* UNKEYWORD $Label2")

    # FETCH: macros and every fetch-att.
    c("FETCH 1:* ALL")
    c("FETCH 1:* FAST")
    c("FETCH 1:* FULL")
    c("FETCH 1:* (ENVELOPE FLAGS INTERNALDATE RFC822.SIZE UID)")
    c("FETCH 1:* BODY")
    c("FETCH 1:* BODYSTRUCTURE")
    c("FETCH 1 RFC822")
    c("FETCH 5 RFC822")
    c("FETCH 1:* RFC822.HEADER")
    c("FETCH 1:* RFC822.SIZE")
    c("FETCH 9 RFC822.TEXT")
    c("FETCH 1:* BODY.PEEK[]")
    c("FETCH 4 BODY[]")
    c("FETCH 1:* BODY.PEEK[HEADER]")
    c("FETCH 2,4 (BODY[TEXT])")
    c("FETCH 1:* BODY.PEEK[1]")
    c("FETCH 3:6 BODY.PEEK[1.MIME]")
    c("FETCH 5 (BODY.PEEK[2] BODY.PEEK[2.HEADER] BODY.PEEK[2.TEXT] BODY.PEEK[2.1.MIME] BODY.PEEK[2.2])")
    c("FETCH 5 BODY[2.1]")
    c("FETCH 4 (BODY.PEEK[2.MIME] BODY.PEEK[3])")
    c("FETCH 1:* BODY.PEEK[HEADER.FIELDS (From Subject)]")
    c("FETCH 1:* BODY.PEEK[HEADER.FIELDS.NOT (Received)]")
    c("FETCH 1:3 BODY[]<0.100>")
    c("FETCH 4 BODY.PEEK[TEXT]<10.50>")
    c("FETCH 6 BODY.PEEK[1]<0.2000>")
    c("FETCH 7 (UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (Message-ID In-Reply-To References)])")
    c("FETCH 10 (ENVELOPE BODY.PEEK[HEADER] BODY.PEEK[TEXT] BODY.PEEK[1])")
    c("UID FETCH 1:* (FLAGS)")
    c("UID FETCH 3,5:7 (UID BODY.PEEK[HEADER.FIELDS (Subject)] BODYSTRUCTURE)")

    # STORE, COPY, APPEND.
    c(r"STORE 1 +FLAGS (\Flagged $Important)")
    c(r"STORE 2 -FLAGS.SILENT (\Seen)")
    c(r"STORE 3 FLAGS ($Forwarded \Answered)")
    c(r"STORE 4 FLAGS.SILENT (\Seen \Flagged)")
    c(r"STORE 6 -FLAGS ($Label1)")
    c(r"UID STORE 7 +FLAGS ($Label3)")
    c("FETCH 1:7 FLAGS")
    c("COPY 1:3 Archive/2024")
    c('UID COPY 4,6 "Entw&APw-rfe"')
    c("STATUS Archive/2024 (MESSAGES UIDNEXT)")
    appended = message_bytes(messages_dir, "20-appended.eml")
    c(r'APPEND Archive (\Seen $Imported) "14-Mar-2024 15:09:26 +0100" ', Literal(appended))
    c("APPEND INBOX ", Literal(appended))
    c(r'APPEND "Entw&APw-rfe" (\Draft) ', Literal(appended))
    c("CHECK")
    c("NOOP")

    # Removing messages.
    c(r"STORE 2,9 +FLAGS (\Deleted)")
    c("SEARCH DELETED")
    c("EXPUNGE")
    c(r"STORE 1 +FLAGS.SILENT (\Deleted)")
    c("CLOSE")

    # Another mailbox, then log out while it is selected.
    c("SELECT Archive/2024")
    c("FETCH 1:* (UID FLAGS)")
    c("EXAMINE Archive")
    c("LOGOUT")


def run_extensions(conn, messages_dir):
    """A session with the extensions Dovecot implements and imapwire parses."""
    c = conn.command
    conn.greeting()
    c("CAPABILITY")
    c("ID (\"name\" \"imapwire-test\" \"version\" \"1\")")
    c("LOGIN %s %s" % (USER, PASSWORD))
    c("CAPABILITY")
    c("ENABLE CONDSTORE")
    c("NAMESPACE")

    # LIST-EXTENDED, SPECIAL-USE, LIST-STATUS, CHILDREN
    c('LIST (SUBSCRIBED) "" "*"')
    c('LIST "" "*" RETURN (CHILDREN SPECIAL-USE)')
    c('LIST "" "%" RETURN (STATUS (MESSAGES UNSEEN SIZE))')
    c('LIST (SUBSCRIBED RECURSIVEMATCH) "" "%"')
    c('LIST (SPECIAL-USE) "" "*"')
    c('LIST "" ("INBOX" "Archive/%") RETURN (SUBSCRIBED)')
    c("CREATE Outbox (USE (\\Sent))", expect=conn.create_special_use)
    c("DELETE Outbox", expect=conn.delete_special_use)

    # STATUS=SIZE, CONDSTORE
    c("STATUS INBOX (MESSAGES SIZE HIGHESTMODSEQ UIDNEXT)")
    c("SELECT INBOX (CONDSTORE)")
    c("FETCH 1:* (UID MODSEQ FLAGS) (CHANGEDSINCE 1)")
    c("STORE 1 (UNCHANGEDSINCE 1000000) +FLAGS.SILENT (\\Flagged)")
    c("SEARCH MODSEQ 1")

    # BINARY
    c("FETCH 1 (BINARY.SIZE[1] BINARY.PEEK[1])")
    c("FETCH 1 BINARY.PEEK[]<0.64>")
    c("UID FETCH 1:3 (BINARY.SIZE[])")

    # ESEARCH, SAVEDATE
    c("SEARCH RETURN (MIN MAX COUNT ALL) ALL")
    c("UID SEARCH RETURN (COUNT) SAVEDSINCE 1-Jan-2020")
    c("UID FETCH 1:2 (SAVEDATE)")

    # LITERAL+, UIDPLUS, MOVE, UIDONLY-free UID commands
    appended = message_bytes(messages_dir, "20-appended.eml")
    c("APPEND Archive (\\Seen) ", Literal(appended, nonsync=True))
    c("APPEND Archive ", Literal(appended.replace(b"Subject:", b"Subject: \x00", 1), eight=True),
      expect=conn.append_literal8)
    c("UID COPY 1 Archive/2024")
    c("UID MOVE 2 Archive/2024")
    c("STORE 3 +FLAGS.SILENT (\\Deleted)")
    c("UID EXPUNGE 1:*")
    conn.idle()
    c("UNSELECT")
    c("EXAMINE Archive")
    c("FETCH 1:* (UID BINARY.SIZE[])")
    c("LOGOUT")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=14300)
    parser.add_argument("--messages", required=True, help="directory of the .eml files")
    parser.add_argument("--server", choices=sorted(EXPECTED), default="dovecot",
                        help="the server whose answers are expected (default dovecot)")
    sub = parser.add_subparsers(dest="mode", required=True)
    sub.add_parser("setup")
    rec = sub.add_parser("record")
    rec.add_argument("outdir")
    ext = sub.add_parser("record-extensions")
    ext.add_argument("outdir")
    ext.add_argument("--create-special-use", default=None,
                     help="the answer expected to CREATE ... (USE (...)), and to the DELETE of "
                          "that mailbox unless the server's is known (default OK)")
    ext.add_argument("--append-literal8", default=None,
                     help="the answer expected to APPEND of a literal8 holding NUL "
                          "(default: the server's, OK for Dovecot)")
    args = parser.parse_args()

    expected = EXPECTED[args.server]
    conn = Connection(args.host, args.port)
    conn.create_special_use = getattr(args, "create_special_use", None) or "OK"
    conn.delete_special_use = expected.get("delete-special-use", conn.create_special_use)
    conn.append_literal8 = (getattr(args, "append_literal8", None)
                            or expected.get("append-literal8", "OK"))
    try:
        if args.mode == "setup":
            run_setup(conn, args.messages)
        else:
            if args.mode == "record":
                run_recorded(conn, args.messages)
            else:
                run_extensions(conn, args.messages)
            # The server closes the connection after the LOGOUT completion;
            # anything it still sends belongs to the recording.
            conn.sock.settimeout(5.0)
            try:
                while True:
                    conn._recv()
            except (ProtocolError, socket.timeout, ConnectionError):
                pass
            if conn.buf:
                conn.transcript += b"S: " + bytes(conn.buf)
    finally:
        conn.close()

    if args.mode in ("record", "record-extensions"):
        os.makedirs(args.outdir, exist_ok=True)
        stem = "session" if args.mode == "record" else "extensions"
        for name, data in (
            (stem + ".client", conn.client),
            (stem + ".server", conn.server),
            (stem + ".txt", conn.transcript),
        ):
            with open(os.path.join(args.outdir, name), "wb") as f:
                f.write(data)
        print(
            "recorded %d commands: %d bytes sent, %d bytes received"
            % (conn.tag_number, len(conn.client), len(conn.server))
        )

    for failure in conn.failures:
        print("session.py: " + failure, file=sys.stderr)
    return 1 if conn.failures else 0


if __name__ == "__main__":
    sys.exit(main())
