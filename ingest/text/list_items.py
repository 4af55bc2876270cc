"""The marks that open a list item, shared by the text and layout parsers.

One set of bullet marks and one shape of lettered and roman sub-item labels, combined for each
question asked of a line: is it a bullet (never a heading), a lettered sub-item (``(b) Reform
...``, part of the paragraph it continues), a list item of either kind, or a list line of the
looser kind the no-fragment rule counts (``a)``, ``1.`` too).
"""

from __future__ import annotations

import re

MARKS = "•●▪■◦‣∙·○\\-–—"  # bullets and dashes as UN PDFs print them
_SUB = r"\((?:[a-z]{1,2}|[ivx]{1,5})\)"  # ``(b)``, ``(aa)``, ``(iv)``

BULLET_RE = re.compile(rf"^[{MARKS}]\s")
SUBITEM_RE = re.compile(rf"^{_SUB}\s+\S")
ITEM_RE = re.compile(rf"^(?:[{MARKS}]\s|(?:{_SUB}|\(\d{{1,2}}\))\s)")
LIST_LINE_RE = re.compile(rf"^(?:[{MARKS}]|\(?[a-z]{{1,3}}\)|\d{{1,2}}[.)])\s")
