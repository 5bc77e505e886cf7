"""Fill pantau_en.ts: English is the source language, so each entry translates to itself.

pyside6-lupdate marks a message as plural only when the count is a literal number, so the
sources are written plural-neutral ("%n min", "Media (%n)"); a numerus entry, should one
appear, keeps its hand-written forms and is reported while they are missing."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(path: Path) -> int:
    tree = ET.parse(path)  # noqa: S314 - our own catalogue, not untrusted input
    missing = 0
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished":
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            if forms and all(f.text for f in forms):
                del translation.attrib["type"]
            else:
                missing += 1
                print(f"{path.name}: write the plural forms of {source!r}", file=sys.stderr)
            continue
        translation.text = source
        del translation.attrib["type"]
    ET.indent(tree, space="    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    sys.exit(1 if fill(Path(sys.argv[1])) else 0)
