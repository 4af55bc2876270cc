"""Characters that print as plain letters and hyphens but do not read as them.

A PDF's text layer or a text extraction may carry a typesetter's ligatures (``ﬁ`` U+FB01 in
``signiﬁcant``), Unicode's own hyphens (U+2010, the non-breaking U+2011) and zero-width spaces
(U+200B) inside words. Left in, a word holding one matches no query (``significant`` finds no
``signiﬁcant``), and a line ending in U+2010 is not undone as a split word (``ori‐`` /
``ginating`` read ``ori‐ ginating``). ``fold_odd_chars`` writes each as what it prints. Soft
hyphens are left to ``clean.join_lines``, which reads them as a split word's mark, and spaces of
any width are already split on by ``str.split``.
"""

from __future__ import annotations

import re

#: Ligatures of Latin letters (U+FB00-U+FB06) spelled out, hyphens written as ``-``.
_FOLD = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
    "\u2010": "-", "\u2011": "-",
})
#: Zero-width characters: a zero-width space, joiner and non-joiner, a word joiner, a BOM inside the text.
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_ODD_RE = re.compile("[\ufb00-\ufb06\u2010\u2011\u200b\u200c\u200d\u2060\ufeff]")


def fold_odd_chars(text: str) -> str:
    """``text`` with ligatures spelled out, Unicode hyphens as ``-`` and zero-width characters gone."""
    if not _ODD_RE.search(text):
        return text  # nearly every line: no copy
    return _ZERO_WIDTH_RE.sub("", text.translate(_FOLD))
