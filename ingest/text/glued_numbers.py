"""A paragraph number glued to its first word in a text extraction (``12.The``), spaced apart.

Extractors that drop the gap a PDF prints between a hanging paragraph number and its text give
``12.The Committee ...``; read as printed, no line opens a paragraph and a whole report falls
into three "paragraphs" (A-69-207.txt with its numbers glued: 3 of 87 read). A number of one to
three digits and a full stop at a line's start, right before a capitalized word or an opening
quotation mark or bracket, is a paragraph number: a space goes between. A decimal (``1.5 million``)
or a lowercase run-on (``2.the``) is left alone. Pure.
"""

from __future__ import annotations

import re

_GLUED_RE = re.compile(r"^(\s*\d{1,3}\.)(?=[A-Z][a-z]|[“‘\"(][A-Za-z])")


def unglue_number(line: str) -> str:
    """``12.The Committee`` -> ``12. The Committee``; any other line as it is."""
    return _GLUED_RE.sub(r"\1 ", line, count=1)
