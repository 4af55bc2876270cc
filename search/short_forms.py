"""The short forms a document gives the names it spells out once, and the question's names they stand for.

A report names a body in full once, with the short form it uses from then on in parentheses: "the
decision by the Executive Council (the Council)", "the OAS/United Nations International Civilian
Mission (MICIVIH)". Its later paragraphs write only "the Council" or "MICIVIH": "Mr Asaad Hassan
al-Shaibani, delivered an in-person statement at the 108th Session of the Council". A question naming
the body in full ("the OPCW Executive Council", "the OAS/UN civilian mission") is answered by such a
paragraph: the names check counts a short form the paragraph writes as naming what its long form names,
read together with the document's title and the paragraph's headings (which say "the Organisation for the
Prohibition of Chemical Weapons" once for the whole report).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from .models import Hit
from .terms import MONTHS, tokenize

#: A long form (capitalized words, joined by small words, "/" or "-") and, in parentheses, its short form: an
#: acronym ("(MICIVIH)") or "the" and one or two capitalized words ("(the Council)", "(the Technical Secretariat)").
_DEFINED = re.compile(r"((?:[A-Z][\w'’./-]*)(?:\s+(?:(?:of|for|on|the|and|in|to|against)\s+)*[A-Z][\w'’./-]*){0,11})"
                      r"\s+\((?:(the)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|([A-Z][A-Za-z]*[A-Z][A-Za-z]*))\)")
MAX_CHUNKS = 400  # chunks of a document read for its short forms


@dataclass(frozen=True)
class ShortForm:
    """``short`` stands for ``long`` in the document; ``article`` when it is written "the <short>"."""

    short: str
    long: str
    article: bool
    headed: bool = False  # the long form's own head ("the World Summit"), not a defined one

    def written_in(self, text: str) -> bool:
        """True if ``text`` uses the short form ("the Council" for a worded one; "MICIVIH" for an acronym; a head
        not going on into another long form: "the World Summit", not "the World Summit *on* Sustainable ...", nor "the
        United Nations Mission *in* East Timor" for the Mission for the Referendum in Western Sahara)."""
        pattern = (r"\b[Tt]he\s+" if self.article else r"\b") + re.escape(self.short) + r"\b(?!\s+[A-Z])" \
            + (r"(?!\s+(?:on|of|for|against|in|to)\b)" if self.headed else "")
        return re.search(pattern, text) is not None


_FORMS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def short_forms(searcher, symbol: str) -> tuple[ShortForm, ...]:
    """Every short form document ``symbol`` defines, read once per searcher and document."""
    try:
        memo = _FORMS.setdefault(searcher, {})
    except TypeError:
        memo = {}
    if symbol not in memo:
        rows = searcher.store.execute("SELECT text FROM chunks WHERE symbol = ? ORDER BY id LIMIT ?",
                                      (symbol, MAX_CHUNKS)).fetchall()
        text = " ".join(r[0] for r in rows)
        memo[symbol] = defined_in(text) + headed_in(text)
    return memo[symbol]


def defined_in(text: str) -> tuple[ShortForm, ...]:
    """The short forms ``text`` defines: "Executive Council (the Council)" -> Council; "... Mission (MICIVIH)"."""
    out: dict[tuple[str, str], ShortForm] = {}
    for m in _DEFINED.finditer(text):
        long = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
        short = m.group(3) or m.group(4)
        if not long or long == short or len(long.split()) < (1 if m.group(2) else 2) and "/" not in long:
            continue  # "Council (CST)": one word spells no acronym's long form
        out[(short, long)] = ShortForm(short, long, bool(m.group(2)))
    return tuple(out.values())


#: A long form whose head is two or more capitalized words, then "on/of/for" and more capitalized words: "World
#: Summit on the Information Society", which a document goes on to call "the World Summit" without defining it.
_HEADED = re.compile(r"\b((?:[A-Z][\w'’-]+\s+)+?[A-Z][\w'’-]+)\s+(?:on|of|for|against|in|to)\s+"
                     r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|the|and|in|to)\s+)*[A-Z][\w'’-]*){0,8}")


#: a head then a month: "the Human Rights Council *in September*" says when, it is no long form
_WHEN = re.compile(r"\s+\w+\s+(?:the\s+)?(?:" + "|".join(sorted(MONTHS)) + r")\b")


def headed_in(text: str) -> tuple[ShortForm, ...]:
    """The heads ``text`` writes alone ("the World Summit") of the one long form it writes with that head ("World
    Summit on the Information Society"); a head two long forms share ("the Special Representative" of two
    offices) stands for neither."""
    longs: dict[str, set[str]] = {}
    for m in _HEADED.finditer(text):
        head = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
        if " " in head and not _names_a_state(head) and not _WHEN.match(text, m.end(1)):
            longs.setdefault(head, set()).add(re.sub(r"^(?:The|A|An)\s+", "", m.group(0)))
    forms = (ShortForm(head, roots[0], True, headed=True) for head, long in longs.items()
             if len(roots := _roots(long)) == 1)
    return tuple(f for f in forms if f.written_in(text))


def _names_a_state(head: str) -> bool:
    """True for a head that is a name of its own, a country's or the Organization's ("United States" of "United
    States of America", "United Nations" of "United Nations to the Commission ..."): it stands for itself."""
    from .answer_types import is_country

    return head == "United Nations" or is_country(head)


def _roots(longs: set[str]) -> list[str]:
    """The long forms no shorter one begins, "the" after the preposition aside (of two spellings, the fuller): "World
    Summit on the Information Society Forum" and "World Summit on Information Society" are "World Summit on the
    Information Society"'s."""
    def key(s: str) -> str:
        return re.sub(r"\s+the\s+", " ", s.lower())
    return [s for s in sorted(longs, key=len) if not any(key(s).startswith(key(o)) and key(o) != key(s) or
                                                         key(o) == key(s) and len(o) > len(s) for o in longs)]


def named_by_short_form(hit: Hit, name: str, aliases: tuple[str, ...], forms: tuple[ShortForm, ...]) -> bool:
    """True if ``hit`` writes a short form whose long form, with the document's title and the paragraph's
    headings, names ``name`` ("the Council" for "OPCW Executive Council": "Executive Council", under the
    heading "... of the Organisation for the Prohibition of Chemical Weapons")."""
    from .names import mentions

    frame = " . ".join([hit.title, *hit.section])
    for form in forms:
        if form.short == name or not form.written_in(hit.text) or form.long in hit.text \
                or form.headed and not name.startswith(form.short + " "):
            continue  # where the paragraph writes the long form, the names check reads it (in "mainly ... UNAMA"
            # too); a head stands only for a name it heads ("the Security Council" for no "Russian Federation")
        if form.headed and not mentions(form.long, {t.stem for t in tokenize([form.long])[0]}, name, aliases):
            continue  # and only for the whole name it heads: "the Human Rights Council" is no "... Advisory Committee"
        text = form.long + " . " + frame
        if _names_long(form.long, name, aliases) and mentions(text, {t.stem for t in tokenize([text])[0]}, name, aliases):
            return True
    return False


def _names_long(long: str, name: str, aliases: tuple[str, ...]) -> bool:
    """True if the long form itself holds part of the name (not the frame alone): "Executive Council" for
    "OPCW Executive Council", "OAS/United Nations ... Mission" for "OAS"."""
    from .names import mentions

    stems = {t.stem for t in tokenize([long])[0]}
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    return mentions(long, stems, name, aliases) or any(
        w[:1].isupper() and mentions(long, stems, w, ()) for w in words if len(w) > 2)
