#!/usr/bin/env python3
"""docx_text.py FILE: reads a .docx back for the tests (tests/report,
tests/cli): unzips it, parses every part as XML (exit 1 naming the part
that is not well-formed), then prints the parts, the document's language
and title, each paragraph as "STYLE|text" in order (a table's rows as
"row" or "header-row" and each cell's paragraphs as "cell STYLE|text"),
and each hyperlink's target. The page size and orientation follow the
title and language."""
import sys
import zipfile
from xml.dom import minidom

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def text_of(p):
    out = []
    for n in p.getElementsByTagNameNS(W, "*"):
        if n.localName == "t":
            out.append("".join(c.data for c in n.childNodes if c.nodeType == c.TEXT_NODE))
        elif n.localName == "br":
            out.append("\\page" if n.getAttributeNS(W, "type") == "page" else "\\n")
        elif n.localName == "tab":
            out.append("\\t")
    return "".join(out)


def style_of(p):
    for s in p.getElementsByTagNameNS(W, "pStyle"):
        return s.getAttributeNS(W, "val")
    return "-"


def walk(node, prefix, lines):
    for c in node.childNodes:
        if c.nodeType != c.ELEMENT_NODE:
            continue
        if c.localName == "p":
            lines.append("%s%s|%s" % (prefix, style_of(c), text_of(c)))
        elif c.localName == "tbl":
            cap = c.getElementsByTagNameNS(W, "tblCaption")
            lines.append("table|%s" % (cap[0].getAttributeNS(W, "val") if cap else ""))
            walk(c, prefix, lines)
        elif c.localName == "tr":
            head = c.getElementsByTagNameNS(W, "tblHeader")
            lines.append("header-row" if head else "row")
            walk(c, "cell ", lines)
        elif c.localName in ("tc", "body", "hyperlink"):
            walk(c, prefix, lines)


def main():
    z = zipfile.ZipFile(sys.argv[1])
    docs = {}
    for name in z.namelist():
        try:
            docs[name] = minidom.parseString(z.read(name))
        except Exception as e:  # noqa: BLE001 (any parse error fails the test)
            print("not well-formed: %s: %s" % (name, e))
            return 1
        print("part " + name)
    core = docs["docProps/core.xml"]
    for tag in ("dc:title", "dc:language"):
        for n in core.getElementsByTagName(tag):
            print("%s %s" % (tag, n.firstChild.data if n.firstChild else ""))
    for sz in docs["word/document.xml"].getElementsByTagNameNS(W, "pgSz"):
        print("page %s %s %s" % (sz.getAttributeNS(W, "w"), sz.getAttributeNS(W, "h"),
                                 sz.getAttributeNS(W, "orient") or "portrait"))
    lines = []
    walk(docs["word/document.xml"].documentElement.firstChild, "", lines)
    print("\n".join(lines))
    rels = docs["word/_rels/document.xml.rels"]
    for r in rels.getElementsByTagName("Relationship"):
        if r.getAttribute("TargetMode") == "External":
            print("link " + r.getAttribute("Target"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
