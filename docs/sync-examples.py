#!/usr/bin/env python3
"""Copies each docs/examples/*.cpp into the Markdown pages that show it.

A page shows an example as a fenced block right after a line
"<!-- example: docs/examples/NAME.cpp -->". tests/test_docs.cpp checks that the block is the
file, byte for byte; run this after editing an example.
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parent.parent
pattern = re.compile(r"(<!-- example: (\S+) -->\n```cpp\n)(.*?)(```\n)", re.S)
for page in sorted((root / "docs").glob("*.md")):
    text = page.read_text()
    new = pattern.sub(lambda m: m.group(1) + (root / m.group(2)).read_text() + m.group(4), text)
    if new != text:
        page.write_text(new)
        print(f"updated {page.relative_to(root)}")
