"""A bare "the Declaration" (or "the resolution") refers back to an instrument the document named before (issue 4).

"Article 16 of the Declaration" (or "the effects of the Law on their lives") cites the United Nations Declaration on the Rights of Indigenous
Peoples when the report named it earlier, and a search for that declaration should find the
paragraph. The back-reference takes the full instrument's canonical name when it is clear which
one it is: the only instrument of that kind named so far in the document, or else the one named
last if that was in the same or the previous chunk. Otherwise, when the document has made one instrument its own
(a treaty body's report resolving "the Convention" to its treaty twice while no other was named), the bare head
means that one; else it is left untagged. "The Protocol thereto" and "its Optional Protocol" name the protocol to
the instrument named just before.
"""

from __future__ import annotations

import re

from .gazetteer import INSTRUMENT, ORGANIZATION
from ..models import Entity

HEADS = ("Declaration", "Convention", "Covenant", "Protocol", "Charter", "Agreement", "Compact", "Pact",
         "Agenda", "Framework", "Statute", "Treaty", "Principles", "Guidelines", "Strategy", "Act", "Bill",
         "Constitution", "Law", "Roadmap")
# "the Convention" (or "that Agreement") alone: not followed by its own complement or by more of a name
_BARE = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(" + "|".join(HEADS) + r")\b"
                   r"(?!\s+(?:of|against|No\.)\b)(?!\s+on\s+(?:the\b|[A-Z]))"
                   r"(?!\s+for\b(?!\s+(?!(?:the|an?)\b)[a-z]))"  # "the Convention for signature" is bare
                   r"(?!\s+(?:to|concerning)\s+(?:the\s+)?[A-Z])"  # "Convention concerning Forced Labour" names one
                   r"(?![\-\u2010]|\s+[A-Z0-9]|\s+\((?!\d+\s+[A-Za-z]))"  # "the Convention (189 States Parties)" is bare
                   r"(?!,\s+[A-Z][\w\-]*(?:,\s+[A-Z][\w\-]*)*\s+and\s+[A-Z])")  # "the Strategy, Performance and Learning team"
# "the charter" after a charter named in lower case ("the charter for peace and national reconciliation")
_BARE_LOWER = re.compile(r"\b[Tt]he\s+(charter)\b(?!\s+(?:on|of|for)\b)")
# "In paragraph 2 of the resolution": a resolution cited by its number just before; not "the resolution
# on ..." or "the resolution entitled ...", which name another one ("that resolution" is left to the
# A/69/207 sample's convention, which does not tag it)
_BARE_RESOLUTION = re.compile(r"\b[Tt]he\s+(resolution)\b"
                              r"(?!\s+(?:on|of|for|entitled|concerning|by|to)\b)(?![\-\u2010]|\s+[A-Z0-9(])")

# "the London Convention and the Protocol thereto", "the Convention and its Optional Protocol": the protocol to
# the instrument named just before, not one named earlier
_PROTOCOL_TO = re.compile(r"\b(?:(?:[Tt]he|[Ii]ts)\s+((?:Optional\s+)?Protocols?)\s+thereto\b|[Ii]ts\s+((?:Optional\s+)?Protocols?)\b"
                          r"(?!\s+(?:of|on|to|for)\b)(?![\-\u2010]|\s+[A-Z0-9(]))")
# "its Charter", "its Statute": an instrument by its owner's possessive; the owner is the body named last before it in
# the sentence ("The mission of OIAI, as reflected in its Charter" is the OIAI Charter, "the United Nations ... its
# Charter" the Charter of the United Nations), else a bare head
_ITS = re.compile(r"\b[Ii]ts\s+(Charter|Constitution|Statute|Convention|Covenant|Declaration|Agreement|Treaty|Compact|"
                  r"Framework|Strategy)\b(?!\s+(?:of|for|on|to|against|concerning)\b)(?![\-\u2010]|\s+[A-Z0-9(])")
OWN_AFTER = 2  # unambiguous resolutions that make an instrument the document's own "the Convention"

# "the P/CVE strategy" after "the National P/CVE Strategy": a named instrument's own words before its
# kind written in lower case
_SHORT = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w/\-]*\s+){1,3}(strategy|framework|agenda|compact|declaration|"
                    r"convention|protocol|charter|agreement|roadmap)s?)\b(?!\s+(?:of|for|on|to)\s)")


def link_back_references(texts: list[str], per_chunk: list[list[Entity]]) -> list[list[Entity]]:
    """Every chunk's entities plus the bare back-references to instruments named before."""
    seen: list[tuple[str, int]] = []  # (canonical, chunk index), in document order
    named = {e.canonical for ents in per_chunk for e in ents if e.kind == INSTRUMENT}  # anywhere in the document
    own: dict[str, dict[str, int]] = {}  # head -> instrument -> its unambiguous resolutions so far
    out = []
    for i, (text, ents) in enumerate(zip(texts, per_chunk)):
        events = [(e.start, e) for e in ents if e.kind == INSTRUMENT] + [(m.start(), m) for m in _PROTOCOL_TO.finditer(text)] \
            + [(m.start(), m) for m in _BARE.finditer(text)] + [(m.start(), m) for m in _BARE_LOWER.finditer(text)] \
            + [(m.start(), m) for m in _BARE_RESOLUTION.finditer(text)] + [(m.start(), m) for m in _SHORT.finditer(text)] \
            + [(m.start(), m) for m in _ITS.finditer(text)]
        added = []
        for _, ev in sorted(events, key=lambda x: x[0]):
            if isinstance(ev, Entity):
                seen.append((ev.canonical, i))
                continue
            group = 1 if ev.group(1) else 2
            head = ev.group(group)
            start, end = ev.start(group), ev.end(group)
            short = ev.re is _SHORT  # its modifiers may be a place or body's name ("the Paris agreement")
            generic = ev.re is _PROTOCOL_TO  # "its Optional Protocols": a title of generic words the protocol names
            if any(e.start < end and start < e.end and (e.kind == INSTRUMENT or not short)
                   and not (generic and start <= e.start and e.end <= end) for e in ents + added):
                continue
            if ev.re is _PROTOCOL_TO:
                canonical = _parent_protocol(head, seen, i)
            elif ev.re is _ITS:
                canonical = _owners(head, text[:start], ents, named) or _referent(head, seen, i, own.setdefault(head, {}))
            elif short:
                canonical = _short_referent(ev, seen, i)
            else:
                # "that Agreement" points at the nearest one: the document's own instrument is not consulted
                demonstrative = ev.re is _BARE and ev.group(0)[:4].lower() in ("that", "this")
                canonical = _referent(head, seen, i, {} if demonstrative else own.setdefault(head, {}))
            if canonical:
                ents = [e for e in ents if not (e.start < end and start < e.end)]
                added.append(Entity(head, INSTRUMENT, canonical, start, end))
                if ev.re is _PROTOCOL_TO:  # "the Protocol thereto" is itself named now
                    seen.append((canonical, i))
        out.append(sorted(ents + added, key=lambda e: e.start))
    return out


_SENTENCE_END = re.compile(r"[.;!?]\s+[A-Z(\u201c\"]")


def _owners(head: str, before: str, ents: list[Entity], named: set[str]) -> str | None:
    """The instrument "its <head>" names by its owner: the body named last in the sentence before it, when the document
    names "<owner> <head>" or "<head> of (the) <owner>" anywhere ("OIAI Charter", "Charter of the United Nations")."""
    cut = max((m.end() - 1 for m in _SENTENCE_END.finditer(before)), default=0)
    bodies = [(e.start, {e.text, e.canonical}) for e in ents if e.kind == ORGANIZATION and cut <= e.start
              and e.end <= len(before)]
    bodies += [(m.start(), {m.group(0)}) for m in re.finditer(r"\b[A-Z][A-Z\-]*[A-Z]\b", before) if m.start() >= cut]  # "OIAI"
    if not bodies:
        return None
    owners = max(bodies, key=lambda b: b[0])[1]
    for name in sorted(named):
        if any(name in (f"{o} {head}", f"{head} of {o}", f"{head} of the {o}") for o in owners):
            return name
    return None


def _parent_protocol(head: str, seen: list[tuple[str, int]], chunk: int) -> str | None:
    """ "<head> to the <instrument named last>" ("Optional Protocol to the Convention against Torture"), when
    that was named in this chunk or the one before and is no protocol, resolution or decision itself."""
    if not seen or chunk - seen[-1][1] > 1:
        return None
    parent = seen[-1][0]
    if " " not in parent or _kind_of(parent) == "Protocol" or parent.startswith(("resolution", "decision")):
        return None
    return f"{head} to the {parent}"


def _referent(head: str, seen: list[tuple[str, int]], chunk: int, own: dict[str, int] | None = None) -> str | None:
    """The instrument a bare head refers to, or None when it is not clear. A bare "the resolution"
    needs exactly one resolution cited in its chunk, or none there and one in the chunk before.
    ``own`` counts, per instrument, the bare heads resolved to it while it was the only one of its kind
    named: one counted ``OWN_AFTER`` times is the document's own, which a bare head means when the
    instruments named differ, unless another is named in the same chunk and the own one is not ("the Convention remains the least ratified ... compared with the Convention on the
    Rights of the Child ... codified in the Convention")."""
    if head == "resolution":
        here = {c for c, i in seen if c.startswith("resolution ") and i == chunk}
        near = here or {c for c, i in seen if c.startswith("resolution ") and chunk - i <= 1}
        return next(iter(near)) if len(near) == 1 else None  # its own paragraph's one resolution first
    named = [(c, i) for c, i in seen if (_kind_of(c) == head or c.split()[0] == head) and " " in c and not c.startswith(("resolution", "decision"))
             and (head != "Law" or c.startswith("Law ") or c.endswith(" Law"))]  # not "... on the Law of the Sea"
    if not named:
        return None
    own = own if own is not None else {}
    if len({c for c, _ in named}) == 1:
        own[named[0][0]] = own.get(named[0][0], 0) + 1
        return named[0][0]
    mine = next((c for c, n in own.items() if n >= OWN_AFTER), None)
    last, where = named[-1]
    if mine:  # another instrument named in this very chunk (and not the own one) is meant; else the own one
        return last if where == chunk and not any(c == mine and i == chunk for c, i in named) else mine
    return last if chunk - where <= 1 else None


def _kind_of(canonical: str) -> str | None:
    """The kind an instrument's name gives it: the last head word before its complement ("Optional
    Protocol to the Convention" is a protocol, so a later bare "the Convention" is not it; "United
    Nations Framework Convention on Climate Change" is a convention)."""
    kind = None
    for w in canonical.split():
        if w.islower():
            break
        kind = w if w in HEADS else kind
    return kind


def _short_referent(m: re.Match, seen: list[tuple[str, int]], chunk: int) -> str | None:
    """The instrument named before whose kind is the lowercase head and whose name holds every
    capitalized word before it ("the P/CVE strategy": "National P/CVE Strategy"): the only one, or
    the last one if named in the same or the previous chunk; else None."""
    words = m.group(1).split()[:-1]
    kind = m.group(2).capitalize()
    hits = [(c, i) for c, i in seen if _kind_of(c) == kind and all(w in c.split() for w in words)]
    if not hits:
        return None
    last, where = hits[-1]
    return last if len({c for c, _ in hits}) == 1 or chunk - where <= 1 else None
