#!/usr/bin/env python3
"""Extract the protocol examples of an RFC's sections (RFC 3501 sections 6 to 8 by default).

Reads rfc3501.txt (next to this script by default) and writes
rfc3501-client-examples.txt (all "C:" messages) and
rfc3501-server-examples.txt (all "S:" messages).  With --rfc, --sections and
--name it does the same for an extension's RFC, e.g.

    extract_rfc_examples.py --rfc rfc7162.txt --sections 3-3 --name rfc7162

Record format (both files):

    ### <section> <rfc-line> [kind]
    #! <flag> ...            (zero or more annotation lines)
    <message line 1>
    <message line 2>
    ...

<rfc-line> is the 1-based line number in rfc3501.txt of the message's first
line.  Every line after the "###" line (and after any "#!" lines) up to the
next "###" line or end of file is a message line, blank lines included.  A
reader joins the message lines with CRLF and appends a final CRLF.

Rules applied:

* Indentation, "Example:"/"Examples:" labels and the "C:"/"S:" prefix (with
  the whitespace that follows it) are removed; nothing else is changed.
* Page-break footer/header lines, form feeds and the blank lines around a
  page break are ignored when the example continues on the next page.
* A line inside an example that has no "C:"/"S:" prefix continues the
  preceding protocol line (the RFC breaks long lines "for editorial
  clarity").  Such pieces are joined into one protocol line: with no
  separator inside base64 SASL data (section 6.2.2 states the breaks are not
  in real authenticators) and between two addresses of an envelope address
  list (the grammar has 1*address, no SP), otherwise with a single space.
  The record gets "#! editorial-wrap-joined lines=N separator=S" where S is
  none, space or mixed.  Lines in angle brackets ("<TLS negotiation ...>"),
  ". . ." and parenthesized sentences ("(Server and client then close the
  connection)") are commentary, not protocol, and are skipped.
* A line ending in "{n}" (or "{n+}", RFC 7888) announces a literal: the next n octets of the same
  side's lines (joined with CRLF, starting right after the CRLF following
  "{n}") belong to the same message, as does the rest of the line in which
  the literal ends.  Lines of the other side in between (e.g. "+ Ready for
  literal data") are separate records in the other file.
* Client lines sent inside an AUTHENTICATE exchange (after the AUTHENTICATE
  command, before its tagged response) get the kind "authdata".
* Flags: "#! literal-count-mismatch announced=N actual=M" (the lines shown
  hold M octets of literal), "#! literal-not-sent announced=N" (the command
  was rejected before the literal was sent), "#! not-protocol <reason>"
  (placeholder or intentionally invalid; not expected to parse).
"""

import argparse
import os
import re
import sys

HEADING_RE = re.compile(r'^(\d+(?:\.\d+)*)\.?\s+[A-Za-z]')
FOOTER_RE = re.compile(r'^Crispin\s+Standards Track\s+\[Page \d+\]\s*$')
HEADER_RE = re.compile(r'^RFC 3501\s+IMAPv4\s+March 2003\s*$')
EXAMPLE_RE = re.compile(r'^\s*(?:Examples?:\s+)?([CS]):(?:\s+(.*))?$')
LABEL_RE = re.compile(r'^\s*Examples?:')
# Commentary the RFC puts inside examples: "<TLS negotiation ...>",
# ". . ." (time passes) and "(Server and client then close ...)".
PROSE_NOTE_RE = re.compile(r'^\s*(?:<.*>|\.(?: \.)+|\([A-Z][a-z]+ [a-z].*\))\s*$')
# An editorial break between two addresses of one address list: the grammar
# has 1*address there, so the addresses are adjacent without SP.  An address
# ends in addr-host (nstring) and ")"; the list itself ends in "))".
ADDRESS_END_RE = re.compile(r'(?:"|NIL)\)$')
ADDRESS_START_RE = re.compile(r'^\((?!\()')
LITERAL_RE = re.compile(r'\{(\d+)\+?\}$')
AUTH_RE = re.compile(r'^(\S+) AUTHENTICATE(?: |$)', re.IGNORECASE)

# Lines the RFC shows on purpose as something other than a valid message.
INTENTIONALLY_INVALID = [
    (re.compile(r'^\S+ BLURDYBLOOP\b'),
     'intentionally invalid command (unknown command BLURDYBLOOP; '
     'the server answers BAD)'),
]

FIRST_SECTION = 6  # --sections
LAST_SECTION = 8


class Piece:
    """One protocol line as shown by the RFC (after joining editorial wraps)."""

    def __init__(self, lineno, side, text, section, block):
        self.lineno = lineno
        self.side = side
        self.text = text
        self.section = section
        self.block = block
        self.authdata = False
        self.auth_challenge = False
        self.wraps = 0
        self.wrap_seps = set()


def read_lines(path):
    with open(path, 'rb') as f:
        data = f.read()
    # the RFC Editor's newer plain-text files start with a UTF-8 byte order mark
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    # RFC 9051's examples hold UTF-8 (a literal's octets, a mailbox name): read octet by octet,
    # so that a literal's count is of octets, and written back as they were
    text = data.decode('latin-1')
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    return [l.rstrip('\r') for l in lines]


def indent(text):
    return len(text) - len(text.lstrip(' '))


def example_prefix_column(out):
    """Column of the "C:"/"S:" prefix of the example the output ends in.

    Returns None when the last kept line is not part of an example (i.e. no
    example line precedes it without an intervening blank line).
    """
    for _, text in reversed(out):
        if text.strip() == '':
            return None
        m = EXAMPLE_RE.match(text)
        if m:
            return m.start(1)
    return None


def continues_example(out, text):
    """Whether a line after a page break continues the example before it."""
    if EXAMPLE_RE.match(text):
        return not LABEL_RE.match(text)
    col = example_prefix_column(out)
    if col is None or indent(text) < col:
        return False
    return not (HEADING_RE.match(text) or LABEL_RE.match(text)
                or text.lstrip().startswith('Note:'))


def drop_page_breaks(numbered):
    """Remove page-break runs (footer, form feed, header, surrounding blanks).

    numbered: list of (lineno, text) with form feeds already removed.
    A page-break run is a maximal run of blank/footer/header lines that
    contains a footer or header line.  It is removed completely when the
    text after it continues the example before it (a C:/S: line, or an
    editorial continuation line indented at least as far as the example's
    C:/S: prefix); otherwise it is replaced by one blank line.
    """
    out = []
    i = 0
    n = len(numbered)
    while i < n:
        lineno, text = numbered[i]
        if text.strip() == '' or FOOTER_RE.match(text) or HEADER_RE.match(text):
            j = i
            has_break = False
            while j < n and (numbered[j][1].strip() == ''
                             or FOOTER_RE.match(numbered[j][1])
                             or HEADER_RE.match(numbered[j][1])):
                if numbered[j][1].strip() != '':
                    has_break = True
                j += 1
            if not has_break:
                out.extend(numbered[i:j])
            elif not (j < n and continues_example(out, numbered[j][1])):
                out.append((numbered[i][0], ''))
            i = j
        else:
            out.append((lineno, text))
            i += 1
    return out


def collect_pieces(lines, notes):
    """Return the list of Piece objects of sections 6..8 in RFC order."""
    numbered = []
    section = None
    active = False
    for idx, raw in enumerate(lines):
        lineno = idx + 1
        text = raw.replace('\f', '')
        m = HEADING_RE.match(text)
        if m:
            top = int(m.group(1).split('.')[0])
            if top == FIRST_SECTION and not active and m.group(1) == str(FIRST_SECTION):
                active = True
            elif active and top > LAST_SECTION:
                break
            if active:
                section = m.group(1)
        if active:
            numbered.append((lineno, text, section))

    sections = {lineno: sec for lineno, _, sec in numbered}
    kept = drop_page_breaks([(lineno, text) for lineno, text, _ in numbered])

    pieces = []
    block = 0
    in_block = False
    auth_tag = None
    for lineno, text in kept:
        if text.strip() == '':
            in_block = False
            continue
        m = EXAMPLE_RE.match(text)
        if m:
            if not in_block or LABEL_RE.match(text):
                block += 1
                in_block = True
                auth_tag = None
            side = m.group(1)
            content = m.group(2) if m.group(2) is not None else ''
            p = Piece(lineno, side, content, sections[lineno], block)
            if side == 'C':
                if auth_tag is not None:
                    p.authdata = True
                else:
                    am = AUTH_RE.match(content)
                    if am:
                        auth_tag = am.group(1)
            else:
                if auth_tag is not None:
                    if content.startswith(auth_tag + ' '):
                        auth_tag = None
                    elif content == '+' or content.startswith('+ '):
                        p.auth_challenge = True
            pieces.append(p)
            continue
        if not in_block:
            continue  # ordinary prose
        if PROSE_NOTE_RE.match(text):
            notes.append('line %d: skipped commentary inside example: %s'
                         % (lineno, text.strip()))
            continue
        # Editorial continuation of the previous protocol line.
        prev = pieces[-1]
        piece = text.strip()
        if prev.authdata or prev.auth_challenge:
            sep = ''
        elif ADDRESS_END_RE.search(prev.text) and ADDRESS_START_RE.match(piece):
            sep = ''
        else:
            sep = ' '
        prev.text += sep + piece
        prev.wraps += 1
        prev.wrap_seps.add(sep)
    return pieces


def line_offsets(texts):
    """Start offset of each line in "\\r\\n".join(texts) + "\\r\\n"."""
    offs = []
    o = 0
    for t in texts:
        offs.append(o)
        o += len(t) + 2
    return offs, o


SERVER_START_RE = re.compile(r'^(?:[*+](?: |$)|\S+ (?:OK|NO|BAD|BYE|PREAUTH)\b)')


def nearest_literal_end(texts, offs, announced, side):
    """Fallback when a literal's count does not match the lines shown.

    texts are the same side's lines after the "{n}" line.  Returns
    (line index, stream offset) of the most plausible literal end nearest to
    the announced count: the start of a line beginning with ")" or SP, the
    position before a trailing " {m}", or the end of the message's last line
    (or the start of that line when it is empty).
    """
    last = len(texts) - 1
    if side == 'S':
        for k in range(1, len(texts)):
            if SERVER_START_RE.match(texts[k]):
                last = k - 1
                break
    cands = []
    for k in range(0, last + 1):
        t = texts[k]
        if k >= 1 and t[:1] in (' ', ')'):
            cands.append((k, offs[k]))
        m = re.search(r' \{\d+\}$', t)
        if m:
            cands.append((k, offs[k] + m.start()))
    t = texts[last]
    cands.append((last, offs[last] if t == '' else offs[last] + len(t)))
    return min(cands, key=lambda c: (abs(c[1] - announced), c[1]))


def build_records(pieces, side, notes):
    """Group the pieces of one side into message records."""
    mine = [p for p in pieces if p.side == side]
    used = [False] * len(mine)
    records = []
    for i, p in enumerate(mine):
        if used[i]:
            continue
        used[i] = True
        members = [p]
        flags = []
        kind = 'authdata' if p.authdata else None
        cur_text = p.text
        nxt = i + 1
        reply_limit = float('inf')
        if side == 'C':
            # A command's lines all precede the server's tagged reply to it.
            tag = p.text.split(' ', 1)[0]
            for q in pieces:
                if (q.side == 'S' and q.block == p.block and q.lineno > p.lineno
                        and q.text.startswith(tag + ' ')):
                    reply_limit = q.lineno
                    break
        while not p.authdata:
            m = LITERAL_RE.search(cur_text)
            if not m:
                break
            announced = int(m.group(1))
            cand = []
            j = nxt
            while (j < len(mine) and mine[j].block == p.block
                   and not mine[j].authdata
                   and mine[j].lineno < reply_limit):
                cand.append(j)
                j += 1
            if not cand:
                flags.append('literal-not-sent announced=%d' % announced)
                break
            texts = [mine[k].text for k in cand]
            offs, total = line_offsets(texts)
            end_idx = None
            rest = None
            if announced <= total:
                for k in range(len(texts)):
                    if offs[k] <= announced <= offs[k] + len(texts[k]):
                        end_idx = k
                        rest = texts[k][announced - offs[k]:]
                        break
            ok = end_idx is not None and (
                rest == texts[end_idx] or rest == '' or rest[0] in ' )')
            if not ok:
                end_idx, cut = nearest_literal_end(texts, offs, announced, side)
                rest = texts[end_idx][cut - offs[end_idx]:]
                flags.append('literal-count-mismatch announced=%d actual=%d'
                             % (announced, cut))
                notes.append('%s line %d: literal {%d} does not match the '
                             '%d octets shown' % (side, p.lineno, announced, cut))
            for k in cand[:end_idx + 1]:
                used[k] = True
                members.append(mine[k])
            nxt = cand[end_idx] + 1
            cur_text = rest
        wraps = sum(q.wraps for q in members)
        if wraps:
            seps = set().union(*(q.wrap_seps for q in members))
            word = {frozenset(['']): 'none', frozenset([' ']): 'space'}
            flags.append('editorial-wrap-joined lines=%d separator=%s'
                         % (wraps, word.get(frozenset(seps), 'mixed')))
        first = members[0].text
        for rx, reason in INTENTIONALLY_INVALID:
            if rx.search(first):
                flags.insert(0, 'not-protocol ' + reason)
        for q in members:
            t = q.text
            if t.startswith('...') and t.endswith('...'):
                flags.insert(0, 'not-protocol prose placeholder "%s" stands in '
                             'for a real line' % t)
            elif '....' in t:
                flags.insert(0, 'not-protocol "...." stands in for elided '
                             'response data')
        records.append({
            'section': p.section,
            'lineno': p.lineno,
            'kind': kind,
            'flags': flags,
            'lines': [q.text for q in members],
        })
    return records


def render(records, side_word, rfc_name, rfc_file):
    out = []
    out.append('# %s sections %d-%d %s example messages, generated from '
               '%s by extract_rfc_examples.py.' % (rfc_name, FIRST_SECTION, LAST_SECTION,
                                                   side_word, rfc_file))
    out.append('# Record: "### <section> <rfc-line> [kind]", then optional '
               '"#! <flag> ..." lines, then the message lines without CR/LF.')
    out.append('# Body = every following line up to the next "###" or EOF '
               '(blank lines included); join with CRLF and append a final CRLF.')
    for r in records:
        head = '### %s %d' % (r['section'], r['lineno'])
        if r['kind']:
            head += ' ' + r['kind']
        out.append(head)
        for f in r['flags']:
            out.append('#! ' + f)
        for l in r['lines']:
            if l.startswith('###') or l.startswith('#!'):
                raise SystemExit('ambiguous body line: %r' % l)
            if '\r' in l or '\n' in l:
                raise SystemExit('line break inside body line: %r' % l)
            out.append(l)
    return '\n'.join(out) + '\n'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--rfc', default=os.path.join(here, 'rfc3501.txt'))
    ap.add_argument('--outdir', default=here)
    ap.add_argument('--sections', default='6-8',
                    help='first and last top-level section, e.g. 6-8')
    ap.add_argument('--name', default='rfc3501',
                    help='prefix of the output files (NAME-client-examples.txt ...)')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()

    global FIRST_SECTION, LAST_SECTION
    first, _, last = args.sections.partition('-')
    FIRST_SECTION, LAST_SECTION = int(first), int(last or first)
    rfc_name = 'RFC ' + args.name[3:] if args.name.startswith('rfc') else args.name
    notes = []
    pieces = collect_pieces(read_lines(args.rfc), notes)
    files = [('C', 'client (C:)', args.name + '-client-examples.txt'),
             ('S', 'server (S:)', args.name + '-server-examples.txt')]
    for side, word, name in files:
        records = build_records(pieces, side, notes)
        with open(os.path.join(args.outdir, name), 'w', newline='\n', encoding='latin-1') as f:
            f.write(render(records, word, rfc_name, os.path.basename(args.rfc)))
        print('%s: %d records' % (name, len(records)))
        if args.verbose:
            for r in records:
                if r['flags'] or r['kind'] or len(r['lines']) > 1:
                    print('  %s %d %s lines=%d %s' % (
                        r['section'], r['lineno'], r['kind'] or '-',
                        len(r['lines']), '; '.join(r['flags'])))
    for n in notes:
        print('note: ' + n, file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
