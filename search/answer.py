"""Extractive answers in which every sentence ends with the citation of its paragraph.

The steps: retrieve paragraphs with the hybrid search, split them into sentences, score each
sentence against the question (embedding similarity, rare question words it contains, the rank
of its paragraph), and then either lead with the span of the kind the question asks for
("How many ..." -> a count) followed by the sentence that states it, or quote the best
sentences. Where the evidence is weak, or the question names something the index never
mentions, the answer says so and points to the closest paragraphs instead. No language model
writes anything: each claim is a sentence of the report, cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .answer_types import (QuestionType, Span, bounded, contrasted_counts, counts_a_kind, fits_target, gives_bound,
                           is_country, may_count_people, precise_dates, question_type, symbol_spans, typed_spans)
from .evidence import (K_PARAGRAPHS, QuestionTerm, ScoredSentence, fact_hits, local_context, named_context,
                       question_terms, retrieve, score_sentences, sentence_after)
from .fact_part import fact_part, fact_read, fact_read_exempt, lifted, only_read
from .footnoted import with_footnote
from .pairs import paired
from .fact_sources import MIN_FACT_SCORE, Fact, prefer_paragraph, render_spans, restating, sources
from .models import Answer, Evidence, Hit
from .qualified_bodies import of_the_body
from .checks import refuses
from .names import foreign_name_words, mentions, named_day, names_ok, question_names, without_descriptions
from .name_heads import whole_names
from .carried import chunk_before, with_before
from .attendance import asks_attendance, speakers_only
from .demonyms import adjective_of_indexed_place
from .narrowing import counted_words, without_examples
from .negated import affirms_only
from .owners import owner_spans, owns
from .acronyms import spelling_runs
from .initials import spelled_out
from .short_forms import named_by_short_form, short_forms
from .superlatives import ranked_as_asked
from .asked_months import another_period
from .asked_years import another_year, asked_years, made_spans, previous_years, yearless_as_asked
from .question_frames import DOCUMENT_DATE, document_dates, source_frames
from .relation_verb import misread_verb
from .doers import asked_doer
from .changes import asks_share, document_date, states_change
from .wholes import counts_more
from .future import asks_future, before_document
from .signatures import asks_signatory, only_a_signature_answers, signatory_answer
from .unsaid import dated_elsewhere
from .deals import other_deal
from .number_words import alternation, between, spelled
from .parts import PartAsked, at_place, parts_asked, said_by_order
from .span_scores import (coordinated, listed_under, echoes, merge_acronyms, names_asked, opens_clause, does_asked,
                          respectively, sentence_entities, span_score)
from .events import asked_events, dates_event, since_clause_only
from .roles import Role, question_role
from .actors import asked_actor
from .report_years import report_window, window_filters
from .subject import (common_names, document_cites, documents_citing, is_place, library, profile_names,
                      subject_documents)
from .terms import tokenize
from .equivalents import equivalents
from .near_repeats import in_fused_order
from .restated import restates
from .match_strength import marked
from .ordinals import compound_ordinals, series_ordinals, spell_ordinals
from .unsaid import (MONTHS, ORDINALS, DocContext, dated, on_its_day, periods_asked, referred_back, said, within_period,
                     written_year, years_of)

FACT_SENTENCES = 12        # best sentences searched for a fact span
MAX_SENTENCES = 3         # sentences quoted in an explanatory answer
CLOSEST = 3               # paragraphs shown when there is no answer
# Below these scores the evidence is too weak to answer (calibrated on bench/data/, see README).
MIN_SCORE = 0.30
DESCRIBED_BONUS = 0.15     # a name holding the words the question describes it by ("which torture-prevention body")
MIN_FOCUS = 0.45          # least share of the question's subject words a fact sentence holds
W_FOCUS = 0.1             # score a fact loses per share of the question's subject words its sentence lacks
FOCUS_AFTER = 0.5         # share of a subject word held only by the sentence after the fact's (one statement in two)
MISSING_SLOT = 0.15       # score lost by a fact answer that lacks one of the facts asked for
SUBSET_BONUS = 0.3        # "how many of the X are Y": the count of the part ("nine ..., six of which are Y")
_PART_OF = re.compile(r"(?i)\bhow many of\b|^\s*of (?:the|these|those|its|their)\b[^?]*?,\s*how many\b")
#: "which organization offered": the name after "the offer of" beats the sentence's subject (0.1)
DOER_BONUS = 0.2
#: "since when" / "until when": the date after "since" / "to" beats the sentence's other dates
BOUND_BONUS = 0.2
#: "which country's programme *document*": the name given as the document's ("*document for* Ethiopia") beats one
#: only near the kind word ("the *country* programme for South Africa")
OWNER_BONUS = 0.2
#: Kinds of answer that name someone: a "who chaired" question's sentence must say the role to name them.
_NAMES = ("person", "organization", "place")
NO_ANSWER = "The indexed documents do not answer this question."


@in_fused_order  # ask picks from its candidates by its own scores (search.near_repeats)
def answer_question(searcher, question: str, *, k: int = K_PARAGRAPHS, **filters) -> Answer:
    """Answer ``question`` from the paragraphs of ``searcher``'s index, citing each sentence.

    The question's subject picks the documents read first (``search.subject``); ``filters``
    (``doc=``, ``since``, ``until``, ``body``: issue #14; entity filters) pass through to the search and narrow
    what is read.
    """
    asked = question.strip()
    question = _spell_out(asked)
    qtype = question_type(question)
    terms = question_terms(searcher, question)
    names = without_descriptions(_with_spelled_aliases(searcher, question_names(searcher, question)), question)
    if (spelled := _spell_out_acronyms(searcher, question, names, terms)) != question:
        question = spelled  # "GMG", which the report never writes, as the report writes it
        terms = question_terms(searcher, question)
        names = without_descriptions(_with_spelled_aliases(searcher, question_names(searcher, question)), question)
    unknown = [t.text for t in terms if t.proper and t.df == 0 and not _known_elsewhere(searcher, t.text, names)
               and not adjective_of_indexed_place(searcher.store, t.text)]  # "Korean": the documents say "Korea"
    common = common_names(searcher, names)
    bodies = names  # all the names asked, common ones too: whose figure a sentence of two bodies gives
    role = question_role(question)
    names = [(n, a) if (body := role and role.body_of(n)) is None else (body, ()) for n, a in names if n not in common]
    if report_window(question):  # "according to the committee's 1992 report": that year's documents
        filters = window_filters(question, {s: written_year(p) for s, p in library(searcher).profiles.items()},
                                 filters)
    docs = subject_documents(searcher, names, terms, question)
    counted = " ".join(qtype.target) if qtype.slots[:1] == (("count",),) and len(qtype.target) > 1 else None
    fact = fact_part(searcher, question, docs, names)
    hits = retrieve(searcher, question, k, docs=docs, within=_without_subject(searcher, question, docs, names),
                    counted=counted, fact=None if qtype.is_fact else fact, **filters)  # a fact question: only if needed
    if not hits or refuses("unknown", bool(unknown)):
        return _no_answer(searcher, asked, hits, unknown)
    hits = with_before(searcher.store, hits)  # "The process is ...": what the chunks before named, it goes on about
    if asks_signatory(question):  # "who signed the letter": its signature block, which no sentence states
        if signed := signatory_answer(searcher, asked, hits, docs):
            return signed
        if only_a_signature_answers(question):
            return _no_answer(searcher, asked, hits)
    exempt = _exempt(searcher, hits, names, question)
    every = score_sentences(searcher, question, hits, terms, headings=qtype.is_fact, names=names, given=exempt)
    scored = [s for s in every if _of_the_asked(searcher, asked, s.hit, names, exempt)]
    if not scored and not (qtype.is_fact and fact):
        return _no_answer(searcher, asked, hits)
    if qtype.is_fact:
        # In a library, sentences of many documents look alike: the fact's sentence must hold what
        # the question is about. (In one report, its names in the paragraph are constraint enough.)
        subject = subject_words(question, qtype) if len(library(searcher)) > 1 else None
        about = {sym: DocContext(p.subject_stems, years_of(p), dated(p))
                 for sym, p in library(searcher).profiles.items()} if subject is not None else None
        asked_for = (subject, about, _place_stems(searcher, names), _frame_only_stems(question),
                     bool(_PART_OF.search(question)), role, asked_events(question), bodies,
                     subject_compounds(question) if subject else frozenset(), series_ordinals(question),
                     parts_asked(question), periods_asked(question))  # what both picks below read: worked out once

        def pick(sentences, free):
            found = find_facts(sentences, qtype, terms, names, free, *asked_for)
            return _asked_rank_and_time(searcher, question, found)
        facts = pick(scored, exempt)
        # no fact among the question's paragraphs' sentences: the fact part's paragraphs, searched
        if not (facts and _carried_score(facts[0].where, scored) >= MIN_FACT_SCORE) and fact and \
                (more := fact_hits(searcher, fact, hits, docs, **filters)) != hits:
            hits = with_before(searcher.store, more)  # only now (most questions' best sentences give their fact)
            exempt = _exempt(searcher, hits, names, question)
            every = score_sentences(searcher, question, hits, terms, headings=True, names=names, given=exempt)
        if not (facts and _carried_score(facts[0].where, scored) >= MIN_FACT_SCORE) \
                and (read := fact_read(searcher, fact, hits, docs)):  # none among the question's best sentences:
            # the fact part's best ones, however low against the whole question, at their fact-part score
            free = fact_read_exempt(searcher, exempt, read, docs, names)
            scored = lifted(every, read)
            facts = pick([s for s in only_read(scored, read) if _of_the_asked(searcher, asked, s.hit, names, free)],
                         free)
        if facts and _carried_score(facts[0].where, scored) >= MIN_FACT_SCORE:
            best = prefer_paragraph(searcher, facts[0], facts)
            return _fact_answer(asked, sources(searcher, best, facts), restating(best, facts))
    if (actor := asked_actor(question)) and not qtype.is_fact:  # "what did the Council decide": the Council did
        scored = [s for s in scored if not refuses("actor", not actor.does_deed(s.sentence.text))]
    if not qtype.is_fact:
        scored = [s for s in scored if not refuses("ranked", not ranked_as_asked(question, local_context(s)))  # quoted:
                  and not refuses("another_day", _another_day(searcher, question, s))]  # must rank as asked
    if scored and scored[0].score >= MIN_SCORE and not qtype.is_fact:
        return _sentence_answer(asked, scored)
    return _no_answer(searcher, asked, hits)


def _of_the_asked(searcher, asked: str, hit: Hit, names, exempt: dict[str, set[str]]) -> bool:
    """The names gate: the paragraph writes the question's names (less what ``exempt`` lets it leave unsaid) and
    means the body the question qualifies ("the Special Committee *on decolonization*": not another one)."""
    return not refuses("names", not names_ok(hit, names, exempt=exempt[hit.citation])) \
        and not refuses("qualified_body", not of_the_body(searcher, asked, hit))


def _another_day(searcher, question: str, s: ScoredSentence) -> bool:
    """True if the sentence writes the day the question asks without a year, and its document's date puts that day in
    another year ("On 16 October, the Basic Court ..." in a report of April 2025 is no answer for 16 October 2023)."""
    profile = library(searcher).profiles.get(s.hit.symbol)
    return bool(profile) and yearless_as_asked(question, s.sentence.text, profile.date) is False


def _asked_rank_and_time(searcher, question: str, facts: list[Fact]) -> list[Fact]:
    """The facts left when the question asks a ranking or the future: "the *largest* contribution" is not given by
    a sentence that ranks none (``search.superlatives``), "when *will* it be held" not by a year before the
    document was written (``search.future``); nor a month or year asked by a sentence of other months or years
    (``search.asked_months``, ``search.asked_years``), nor a named doer's deed by another's (``search.doers``).
    Each would be a fact of the asked type, and a guess."""
    facts = [f for f in facts if not refuses("ranked", not ranked_as_asked(question, local_context(f.where)))]
    if asks_future(question):
        profiles = library(searcher).profiles
        facts = [f for f in facts if not refuses("future", f.spans[0].kind == "date" and bool(
            p := profiles.get(f.where.hit.symbol)) and before_document(f.spans[0].text, written_year(p)))]
    facts = [f for f in facts if not refuses("another_period", another_period(
        question, f.where.sentence.text, local_context(f.where),
        f.where.hit.text if f.spans[0].kind in _FIGURES else ""))]
    years, profiles = asked_years(question), library(searcher).profiles  # "in 2022": a sentence of 2024 and 2023 is not
    facts = [f for f in facts if not refuses("another_year", another_year(
        years, f.where.sentence.text, local_context(f.where), f.where.hit.text,
        years_of(p) if (p := profiles.get(f.where.hit.symbol)) else frozenset(), f.spans[0].start, question,
        p.date if p else ""))]
    if asks_share(question):  # "what share ... is allocated to education": "22 per cent lower than" is a change
        facts = [f for f in facts if not refuses("share_change", f.spans[0].kind == "percent" and states_change(
            f.where.sentence.text, f.spans[0].start, f.spans[0].end))]
    # "a request dated 28 December 2024": the letter's date, not the deed's
    facts = [f for f in facts if not refuses("document_date", f.spans[0].kind == "date"
                                             and document_date(question, f.where.sentence.text, f.spans[0].start))]
    # "did the Warf Jérémie group launch": "5 Segond launched" is another's deed
    if facts and (doer := asked_doer(question)):
        facts = [f for f in facts if not refuses("doer", doer.done_by_another(f.where.sentence.text))]
    return [f for f in facts if not refuses("counts_more", f.spans[0].kind == "count"  # "killed" asked, "killed and
                                            and counts_more(question, f.where.sentence.text, f.spans[0].text,
                                                            f.spans[0].end))]


#: the kinds of figure a paragraph's first sentence may date when it goes on to break them down (not a name it gives)
_FIGURES = ("count", "money", "percent")


def _carried_score(s: ScoredSentence, scored: list[ScoredSentence]) -> float:
    """A sentence's score, or the one before it when it opens by pointing back to it ("*It* was held on 24
    February 2025 in Quito" after the sentence naming the consultation): the two say one thing."""
    if not _POINTS_BACK.match(s.sentence.text):
        return s.score
    before = [o for o in scored if o.hit.citation == s.hit.citation and o.sentence.end <= s.sentence.start]
    if not before:
        return s.score
    return max(s.score, max(before, key=lambda o: o.sentence.end).score)


_POINTS_BACK = re.compile(r"(?:It|They|This|These|He|She|(?:This|These|Those|Such) [a-z]+)\s+"
                         r"(?:was|were|is|are|had|has|have|held|took|met|will)\b"
                         r"|\(?(?:See|Cf\.)\s")  # a pointer to where the sentence before is documented: "The budget was
# approved by the Executive Board. *See* document DP/FPA/2021/9, dated 14 June 2021."


def _exempt(searcher, hits: list[Hit], names, question: str = "") -> dict[str, set[str]]:
    """For each paragraph, the question's names it need not repeat: in a library, those its document
    is about (``search.subject``), those of the headings it sits under, and those naming the source
    of the fact ("according to the *UNODC* report on Haiti") or its day ("on *Good Friday*") when its
    document cites them, and those it writes by a short form its document defined ("the *Executive Council*
    (the Council)": ``search.short_forms``)."""
    if len(library(searcher)) < 2:
        return {h.citation: set() for h in hits}
    authors = source_names(question, names) | venue_names(question, names) if question else set()
    # "its report *to the Committee on NGOs*": not written there
    sent_to = addressees(question, names) if question else set()
    authors |= {n for n, _ in names if named_day(n)}  # "on *Good Friday*": said once by the letter, as its date is
    framed = [(n, a) for n, a in names if n in authors]
    by_doc = {sym: profile_names(searcher, sym, names) | cited_in(searcher, sym, framed) | sent_to
              for sym in {h.symbol for h in hits}}
    out = {}
    for h in hits:
        heads = " ".join(h.section)
        stems = {t.stem for t in tokenize([heads])[0]}
        out[h.citation] = by_doc[h.symbol] | {n for n, a in names if heads and mentions(heads, stems, n, a)}
        out[h.citation] |= {n for n, a in names if n not in out[h.citation]  # "the Council", which the report
                            and named_by_short_form(h, n, a, short_forms(searcher, h.symbol))}  # defined
    return out


def _without_subject(searcher, question: str, docs: list[str], names) -> str | None:
    """The question less the names its picked documents are about ("Who chaired the twentieth session
    of *the United Nations Forum on Forests*" in the Forum's report): searched again within those
    documents, it reaches a paragraph that never repeats them ("the Chair of the twentieth session,
    İsmail Belen"). None when the documents' subject holds none of the question's names."""
    held = {n for sym in docs for n in profile_names(searcher, sym, names)}
    if not held:
        return None
    for name in sorted(held, key=len, reverse=True):
        question = re.sub(r"(?:\bthe\s+)?\b" + re.escape(name) + r"(?:['’]s)?\b", " ", question, flags=re.I)
    return question if re.search(r"\w{3,}", question) else None


def _spell_out(question: str) -> str:
    """"UN" as the reports write it, "United Nations" ("UN Volunteers"; not "UN-Women"); ordinals in
    words ("its 20th session": "twentieth", ``search.ordinals``)."""
    return spell_ordinals(re.sub(r"\bUN\b(?![-‑])", "United Nations", question))


# -- facts --------------------------------------------------------------------------------------
def _spell_out_acronyms(searcher, question: str, names, terms) -> str:
    """The question with each acronym the index never holds replaced by the gazetteer name it
    stands for that the index does hold ("GMG" -> "Global Migration Group"), else by the phrase
    the index writes whose initials spell it (``search.initials``); an acronym the gazetteer does not know
    ("ICPD") by that phrase too: the unknown-word check refused the facts it fired on in the tuning material
    and no trap (``bench/gate_ablation.py``)."""
    absent = {t.text for t in terms if t.proper and t.df == 0}
    for name, aliases in names:
        if name in absent and re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]", name):
            held = [a for a in aliases if " " in a and documents_citing(searcher, a) > 0]
            if not held and (phrase := spelled_out(searcher.store, name)):
                held = [phrase]  # "HLPF": the "high-level political forum" the library writes
            if held:
                question = re.sub(r"\b" + re.escape(name) + r"\b", max(held, key=len), question)
    named = {n for n, _ in names}
    for word in sorted(absent - named):  # "ICPD", no name of the gazetteer: else refused as never mentioned, though
        if re.fullmatch(r"[A-Z]{3,8}", word) and not _known_elsewhere(searcher, word, names) \
                and (phrase := spelled_out(searcher.store, word)):  # the library spells it out (issue #19)
            question = re.sub(r"\b" + re.escape(word) + r"\b", phrase, question)
    return question


def _with_spelled_aliases(searcher, names):
    """Acronyms the gazetteer gives no other form get the phrase the index writes for them ("CEDAW":
    "Committee on the Elimination of Discrimination against Women"), so a paragraph that spells the
    name out names it."""
    out = []
    for name, aliases in names:
        if not aliases and re.fullmatch(r"[A-Z]{3,8}", name) and (phrase := spelled_out(searcher.store, name)):
            aliases = (phrase,)
        out.append((name, aliases))
    return out


def _known_elsewhere(searcher, word: str, names: list[tuple[str, tuple[str, ...]]]) -> bool:
    """True if a name holding ``word`` has another form the index holds (the report spells out
    the acronym the question uses)."""
    return any(word in name.split() and documents_citing(searcher, name, aliases[:12]) > 0
               for name, aliases in names)


def source_names(question: str, names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The question's names that occur only in its source clauses (the report's author or subject)."""
    rest, frames = source_frames(question)
    if not frames:
        return set()
    return {n for n, _ in names if any(n in f for f in frames) and n not in rest}


def addressees(question: str, names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The question's names its source clause sends the report to ("according to its quadrennial report *to the
    Committee on Non-Governmental Organizations*"): the body a report is submitted to is no name its paragraphs
    write, as its author's may be."""
    frames = [f for f in source_frames(question)[1] if " to " in f]
    return {n for n, _ in names for f in frames
            if re.search(r"\breports?\b[^,;?]*?\b(?:to|before|submitted to) (?:the |its )?" + re.escape(n) + r"\b", f)}


_MEETING = r"(?:sessions?|meetings?|conferences?|forums?|seminars?|workshops?|summits?|consultations?|dialogues?)"


def venue_names(question: str, names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The question's names that say which meeting it asks about, where it was held ("the April 2025
    session of the regional forum *in Geneva*") or what kind it is ("the committee's *Caribbean* regional
    seminar"): its report says so once, not in each paragraph on "the seminar"."""
    return {n for n, _ in names if re.search(r"\b" + _MEETING + r"\b[^?,;]{0,80}?\b(?:in|at)\s+(?:the\s+)?"
                                             + re.escape(n) + r"\b", question)
            or re.search(r"\b" + re.escape(n) + r"(?:\s+[a-z][\w-]*){0,2}\s+" + _MEETING + r"\b", question)}


def _frame_only_stems(question: str) -> frozenset[str]:
    """Stems of the words that only the question's source clauses hold ("... Council 2026–2028")."""
    rest, frames = source_frames(question)
    frames += document_dates(rest)  # "the *2025* ECOSOC draft": the document's year, not the fact's
    if not frames:
        return frozenset()
    rest = DOCUMENT_DATE.sub(" ", rest)
    inside, outside = tokenize([" ".join(frames), rest])
    return frozenset({t.stem for t in inside} - {t.stem for t in outside})


def cited_in(searcher, symbol: str, names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The ``names`` document ``symbol`` names somewhere: in a chunk, its title or its headings."""
    p = library(searcher).profiles.get(symbol)
    return {name for name, aliases in names if document_cites(searcher, symbol, name, aliases)
            or p is not None and mentions(p.text, p.stems, name, aliases)}


def subject_words(question: str, qtype: QuestionType) -> frozenset[str]:
    """The nouns and adjectives of the question that say what it is about ("the *unemployment rate*
    in Libya"), lower case: not its verbs (paraphrased: "lived" / "residing"), not its names, not
    the kind of answer it wants ("which *organization*")."""
    from .answer_types import _nlp

    kind_words = set(qtype.target) if qtype.kinds and qtype.kinds[0] not in ("count", "money", "percent") else set()
    if qtype.slots[:1] == (("instrument",),):  # "what is the *symbol* of ...", "which symbol does it *bear*": the
        kind_words |= {"symbol", "symbols", "bear", "bears", "document", "documents"}  # kind of answer, not its subject
    if ("date",) in qtype.slots:  # "on what *date*", "in which *year*": the kind of answer, not its subject
        kind_words |= {"date", "dates", "year", "years", "day", "month", "time", "period"}
    question = source_frames(question)[0]  # "according to the report of the Arusha *workshop*": the source
    named = foreign_name_words(question)  # "Action communautaire *femme* et *enfant*": which NGO, not what
    timed = {m.group(1).lower() for m in _TIME_PHRASE.finditer(question)}  # "at the *end* of 2024": when, not what
    timed |= {w.lower() for m in _AT_SESSION.finditer(question) for w in m.group(1).split()}  # "before the Board's
    # 2025 *annual session*": at which meeting, not what
    timed |= {w.lower() for m in _DESCRIBED_NAME.finditer(question) for w in m.group(1).split()}
    timed |= {w.lower() for m in _TIME_MODIFIER.finditer(question) for w in (m.group(1), m.group(0))}  # "*early* April"
    capitalized = [m.span() for m in _NAME_WORD.finditer(question)]  # "the *High-level* Committee": a name's
    doc = _nlp()(question)
    # "what period does the Strategy ... *cover*": the relation, not a subject
    kind_words |= {misread_verb(doc)} - {None}
    words = frozenset(t.text.lower() for t in doc if t.pos_ in ("NOUN", "ADJ")
                      and t.tag_ not in ("JJS", "JJR") and t.text.lower() not in kind_words
                      and t.text.lower() not in ("many", "much") and t.text.lower() not in named
                      and not _how_often(t) and t.text.lower() not in timed and not _light_verb_object(t)
                      and not any(a <= t.idx < b for a, b in capitalized))
    if words <= {qtype.head.lower()}:  # "how many people are internally displaced": the counted noun says
        words |= {t.text.lower() for t in doc if t.tag_ in ("VBN", "RB") and not t.is_stop  # little; its
                  and t.text.lower() not in named}  # participle and adverb say which people
    return words


_AT_SESSION = re.compile(r"(?i)\b(?:at|before|during|for|to) (?:the|its|their) (?:[\w'’-]+ ){0,4}?"
                         r"((?:(?:annual|regular|special|resumed|substantive|first|second) )?sessions?)\b")
# "early April", "late 1997", "mid-2024": when, not what.
_TIME_MODIFIER = re.compile(r"(?i:\b(early|late|mid))(?:\s+(?=(?:" + "|".join(sorted(MONTHS)) + r")\b|(?:19|20)\d{2}\b)"
                            r"|-(?:19|20)\d{2}\b)")
# A capitalized word past the question's first: part of a name, which the names check holds the paragraph to.
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][\w'’]*(?:-[\w'’]+)*")
_TIME_PHRASE = re.compile(r"(?i)\b(?:at|by|until|till|before|after|since|from|towards?|in|during) the "
                          r"(end|beginning|start|middle|close|course|outset|opening|height) of\b")


# The words that say what kind of body a name is, before it: "the Down *syndrome foundation* Fondation Jérôme
# Lejeune", "the Tunisian *environmental NGO* Association APEDDUB": which body, not what is asked of it.
_DESCRIBED_NAME = re.compile(r"(?i:\b((?:[a-z][\w-]*\s+){0,2}(?:foundation|ngo|organi[sz]ation|association|network|"
                             r"agency|company|institute|charity|society|federation|trust|fund))\s+)"
                             r"(?=[A-Z][\w'’-]*\s+[A-Z])")


def subject_compounds(question: str) -> frozenset[tuple[str, str]]:
    """(modifier, head) stems of the question's noun compounds and adjective-noun pairs ("staff costs",
    "net assets"): a sentence on "cost recovery" or "assets" alone is about another thing."""
    from .answer_types import _nlp

    out = set()
    for t in _nlp()(question):
        if t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN" and t.pos_ in ("NOUN", "ADJ") \
                and t.tag_ not in ("JJS", "JJR") and t.i + 1 == t.head.i:
            mod, head = tokenize([t.text])[0], tokenize([t.head.text])[0]
            if mod and head:
                out.add((mod[0].stem, head[0].stem))
    return frozenset(out)


_TIME_NOUNS = frozenset("year years month months week weeks day days".split())
#: Nouns that make an idiom with a light verb ("take *place*", "take *part*"): the idiom says that it happens, not what.
_IDIOM_NOUNS = {verb: frozenset({"place", "part"}) for verb in ("take", "takes", "took", "taken", "taking")}


def _light_verb_object(token) -> bool:
    """"will the conference *take place*": "place" names no subject a sentence must repeat ("will be held")."""
    return token.text.lower() in _IDIOM_NOUNS.get(token.head.text.lower(), ()) \
        and token.dep_ in ("dobj", "obj", "npadvmod")


def _how_often(token) -> bool:
    """"each *year*", "per *month*": how often, which reports write "annually", not what is counted."""
    return token.text.lower() in _TIME_NOUNS and token.i > 0 \
        and token.doc[token.i - 1].text.lower() in ("each", "every", "per", "a", "an")


@dataclass(frozen=True)
class _Asked:
    """What ``find_facts`` holds each sentence to: its arguments, and what it reads of the question once."""
    qtype: QuestionType
    terms: list[QuestionTerm]
    names: list[tuple[str, tuple[str, ...]]]
    exempt: dict[str, set[str]]
    subject: frozenset[str] | None
    about: dict[str, DocContext]
    qplaces: frozenset[str]
    role: Role | None
    events: tuple[str, ...]
    bodies: tuple
    compounds: frozenset[tuple[str, str]]
    series: frozenset
    parts: list[PartAsked]
    periods: tuple[tuple[int, int], ...]
    qstems: set[str] = field(default_factory=set)
    target: set[str] = field(default_factory=set)
    head: str = ""
    counted: set[str] | None = None
    wanted: list[str] = field(default_factory=list)
    ordinals: set[str] = field(default_factory=set)
    subset: bool = False
    required: set[str] = field(default_factory=set)
    days: set[str] = field(default_factory=set)
    asked: frozenset[str] = frozenset()
    described: frozenset[str] = frozenset()

    @classmethod
    def read(cls, qtype: QuestionType, terms: list[QuestionTerm], framed: frozenset[str], subset: bool,
             **given) -> _Asked:
        """The question's stems, the target and head of its type, the numbers and ordinals a paragraph must say."""
        ordinals = {t.stem for t in terms if t.text.lower() in ORDINALS and not t.adverb}
        return cls(qtype, terms, **given, qstems={t.stem for t in terms},
                   target={tok.stem for tok in tokenize([" ".join(qtype.target)])[0]} if qtype.target else set(),
                   described=frozenset(tok.stem for tok in tokenize([" ".join(qtype.described)])[0]),
                   head=tokenize([qtype.head])[0][0].stem if qtype.head else "", counted=_counted(qtype),
                   wanted=[k for slot in qtype.slots for k in slot], ordinals=ordinals,
                   subset=subset and bool(qtype.slots) and qtype.slots[0] == ("count",),
                   # not "Council 2026–2028": a number only the source clause holds
                   required=({t.stem for t in terms if t.text.isdigit()} | ordinals) - framed,
                   days={f"{t.text} {u.text.lower()}" for t, u in zip(terms, terms[1:])
                         if t.text.isdigit() and int(t.text) <= 31 and u.text in MONTHS},
                   asked=frozenset(t.text.lower() for t in terms if t.text.lower() in ORDINALS))


def find_facts(scored: list[ScoredSentence], qtype: QuestionType, terms: list[QuestionTerm],
               names: list[tuple[str, tuple[str, ...]]] = (), exempt: dict[str, set[str]] | None = None,
               subject: frozenset[str] | None = None, about: dict[str, DocContext] | None = None,
               qplaces: frozenset[str] = frozenset(), framed: frozenset[str] = frozenset(),
               subset: bool = False, role: Role | None = None, events: tuple[str, ...] = (),
               bodies=(), compounds: frozenset[tuple[str, str]] = frozenset(), series=frozenset(),
               parts: list[PartAsked] = (), periods: tuple[tuple[int, int], ...] = ()) -> list[Fact]:
    """One candidate fact per sentence among the best sentences, best first.

    The sentence (or the one before it) must name the question's proper names: a sum saved on
    remittances is no answer to what IFAD contributed because IFAD opens the paragraph. ``about``
    gives each document's subject stems (a figure qualified by them is not narrowed: ``search.narrowing``)
    and the years it reports on (a paragraph that names no year is about those); ``qplaces`` the stems
    of the places the question names (a figure about another place is no answer); ``framed`` the
    stems only its source clause holds (the paragraph need not repeat them); ``subset`` says the
    question counts a part of a whole ("how many of the X are Y"); ``role`` the office a "who chaired"
    question asks about, or the deed a "who proposed" one does (``search.roles``): the name given it wins;
    ``events`` the events a date question asks about (``search.events``): a date of something else is none;
    ``bodies`` all the names the question asks about, common ones too (a figure of another body is none);
    ``series`` the compound ordinals it names ("fifty-first"), which the paragraph must say; ``parts`` the
    ordinals that number a part ("the *first part* of its fifth session"), said by a list's order
    (``search.parts``); ``periods`` the periods of years it asks about, said by a year inside them
    (``search.unsaid.within_period``).
    """
    q = _Asked.read(qtype, terms, framed, subset, names=names, exempt=exempt or {}, subject=subject,
                    about=about or {}, qplaces=qplaces, role=role, events=events, bodies=bodies,
                    compounds=compounds, series=series, parts=parts, periods=periods)
    facts: list[Fact] = []
    holders: set[int] = set()
    later = _read_later(scored, role, q.head if q.counted else "", qtype.bound if ("date",) in qtype.slots else "")
    for s in scored[:FACT_SENTENCES] + later:
        doc = q.about.get(s.hit.symbol, DocContext())
        focus = _sentence_focus(q, s, doc)
        if focus is None:
            continue
        s, spans = _sentence_spans(s, qtype, q.wanted, q.qstems, names)
        picked, total = _picked_spans(q, s, spans, doc)
        picked = _checked_picks(q, s, picked, scored)
        if picked is None:
            continue
        if picked and role and role.holds(picked[0], s.sentence.text, q.asked):
            holders.add(len(facts))
        elif refuses("focus", focus < MIN_FOCUS):
            continue  # it gives the office to none of its names: the sentence holds too little of the question
        if picked:  # a sentence that holds less of what is asked ranks lower ("GDP growth" for "inflation")
            facts.append(Fact(tuple(sorted(picked, key=lambda sp: sp.start)), s, total - W_FOCUS * (1 - focus), focus))
    office = holders or role and role.kind == "office"  # "who chaired": only a name given the office answers
    return sorted((f for i, f in enumerate(facts) if not refuses("office", bool(office) and i not in holders)),
                  key=lambda f: -f.score)


def _sentence_focus(q: _Asked, s: ScoredSentence, doc: DocContext) -> float | None:
    """The share of the question's subject the sentence holds, or ``None`` when a check refuses the
    sentence before its spans are read: what it must say, the names, the deed, the focus, the series."""
    need = q.required - said_by_order(q.parts, s.hit.text) - within_period(q.periods, _context_stems(s.hit))
    if refuses("says_asked", not _says_asked(s, need, q.days, doc)):
        return None  # "the *third* Dialogue", "in *2006*": the paragraph (or its document's title) must say so
    if refuses("names", bool(q.names) and not _names_held(q, s)):
        return None
    if refuses("another_deed", _another_deed(s, q.qtype, q.events, q.role)):
        return None
    focus = 1.0 if q.subject is None else _focus(s, _fact_words([t for t in q.terms if t.text.lower() in q.subject],
                                                                doc.about), q.compounds, q.wanted)
    if refuses("focus", focus < MIN_FOCUS and not (q.role and q.role.named_in(s.sentence.text))):
        return None  # "the inflation rate in Libya": a sentence on Libya that never says inflation (unless it
        # gives the office)
    if refuses("series", _another_of_series(s, q.ordinals, q.series)):
        return None  # asked about the *first* forum, this sentence is about the *second*
    return focus


def _names_held(q: _Asked, s: ScoredSentence) -> bool:
    """True if the sentence's context names the question's names (``_names_given`` aside)."""
    return names_ok(s.hit, q.names, _names_context(s), _names_given(s, q.names, q.exempt, q.qstems))


def _names_given(s: ScoredSentence, names, exempt, qstems: set[str]) -> set[str]:
    """The question's names the sentence need not say: those its paragraph is exempt from, and those it
    refers back to."""
    return (exempt or {}).get(s.hit.citation, set()) | referred_back(s, names) | asked_before(s, names, qstems)


def _picked_spans(q: _Asked, s: ScoredSentence, spans: list[Span], doc: DocContext) -> tuple[list[Span], float]:
    """The best span of each slot the question asks for (all of a coordinated list when it asks for many),
    and the sentence's score with their bonuses, less ``MISSING_SLOT`` for each slot none fills."""
    picked: list[Span] = []
    total, who = s.score, q.bodies or q.names
    for slot in q.qtype.slots:
        ranked = _ranked_spans(q, s, spans, doc, slot, who)
        if not ranked:
            total -= MISSING_SLOT  # "when and where" with only the date here: a weaker answer
            continue
        bonus, top = ranked[0]
        if not picked and q.qtype.many and top.kind in ("place", "organization", "instrument", "person"):
            picked += coordinated(top, spans, s.sentence.text)
        else:
            picked.append(top)
        total += bonus
    return picked, total


def _ranked_spans(q: _Asked, s: ScoredSentence, spans: list[Span], doc: DocContext, slot: tuple[str, ...],
                  who) -> list[tuple[float, Span]]:
    """The sentence's spans of ``slot``'s kinds with their scores, best first; in a list of officers,
    the name given the asked office first, not the nearest nor another's."""
    ranked = sorted(((span_score(sp, s, q.terms, q.target, slot, q.head, q.counted, doc.about, q.qplaces, who,
                                 q.qtype.owner)
                      + _in_sentence(sp, spans, s, q.qtype, slot, q.terms, q.qstems, who, q.parts)
                      + SUBSET_BONUS * (q.subset and _names_a_part(sp, s.sentence.text))
                      + DESCRIBED_BONUS * _described_by(sp, q.described), sp)
                     for sp in spans if sp.kind in slot), key=lambda x: -x[0])
    ranked = [(bonus, sp) for bonus, sp in ranked if bonus > -1.0]
    if q.role:
        ranked = sorted((x for x in ranked if not q.role.given_another(x[1], s.sentence.text)),
                        key=lambda x: q.role.rank(x[1], s.sentence.text, q.asked))
    return ranked


def _described_by(span: Span, described: frozenset[str]) -> bool:
    """True for a name that holds every word the question describes it by ("which *torture-prevention* body":
    "the National Mechanism for the *Prevention* of *Torture*", not "the Office of the Children's Ombudsperson"
    listed before it)."""
    return bool(described) and described <= {t.stem for t in tokenize([span.text])[0]}


def _checked_picks(q: _Asked, s: ScoredSentence, picked: list[Span], scored: list[ScoredSentence]) -> list[Span] | None:
    """The spans picked (a count with its counted noun), or ``None`` when a check refuses them: a name
    said only among examples, a date only of a "since" clause, a figure dated elsewhere."""
    if picked and q.subject is not None and q.names and refuses(
            "examples", not _named_outside_examples(s, picked[0], q.names, q.exempt, q.qstems)):
        return None  # "404 volunteers served in special political missions, mainly ... in Afghanistan"
    if q.counted and len(picked) == 1 and picked[0].kind == "count":
        picked = [_with_counted_noun(picked[0], s.sentence.text, q.counted)]
    if picked and q.events and picked[0].kind == "date" and refuses(
            "since_clause", since_clause_only(s.sentence.text, picked[0], q.events)):
        return None  # "Since obtaining consultative status ..., it attended sessions in March 2024"
    if picked and q.required and refuses("dated_elsewhere", dated_elsewhere(picked[0], s, scored, q.required)):
        return None  # "remain near the current record low of 5.7 per cent": "5.7 per cent in early 2025" elsewhere
    return picked


def _names_context(s: ScoredSentence) -> str:
    """Where the sentence's names may be said: ``named_context``, and when that reaches the paragraph's opening,
    the chunks before a paragraph that points back to them ("The voter turnout was reported to be 46.54 per
    cent" after the paragraph on the Kosovo Assembly elections' results: ``search.carried``)."""
    context = named_context(s)
    if s.hit.before and s.hit.text[:60] in context:
        return context + " " + chunk_before(s.hit)
    return context


def _read_later(scored: list[ScoredSentence], role: Role | None, head: str, bound: str = "") -> list[ScoredSentence]:
    """Sentences below the best ones that are still read for a fact: those giving the asked office, those
    counting the counted noun, those giving a date after the bound asked ("*until* 2 October 2025"), and
    those that go on from a best sentence right before them ("A number of observations have been made by
    States ... *These observations* are being considered by the Office of Legal Affairs"): pointing back,
    they say one thing with it."""
    top = scored[:FACT_SENTENCES]
    near = scored[FACT_SENTENCES:COUNTED_SENTENCES]
    return [s for s in scored[FACT_SENTENCES:] if role and role.named_in(s.sentence.text)
            or s in near and (head and counts_noun(s, head) or gives_bound(s.sentence.text, bound))
            or _goes_on(s, top)]


def _goes_on(s: ScoredSentence, top: list[ScoredSentence]) -> bool:
    """True if ``s`` points back to the sentence right before it, which is among ``top``."""
    return bool(_POINTS_BACK.match(s.sentence.text)) and any(
        o.hit.citation == s.hit.citation and o.sentence.end <= s.sentence.start
        and not s.hit.text[o.sentence.end:s.sentence.start].strip() for o in top)


def _in_sentence(sp: Span, spans: list[Span], s: ScoredSentence, qtype: QuestionType, slot: tuple[str, ...], terms,
                 qstems: set[str], names, parts=()) -> float:
    """What the span's place among the sentence's other spans adds to its score: the value a "respectively"
    pairs with the question's key (or writes after it: ``search.pairs``), the item under the group label asked,
    the clause's opener or doer, the bound asked, the place asked of a list of parts ("the first part":
    ``search.parts``), the owner asked (``search.owners``)."""
    return (respectively(sp, spans, s, terms) + listed_under(sp, s.sentence.text, names)
            + paired(sp, spans, s.sentence.text, sentence_entities(s), {t.stem: t.weight for t in terms})
            + 0.1 * (slot[0] == "organization" and opens_clause(sp, spans, s))
            + DOER_BONUS * (sp.kind in ("organization", "person") and does_asked(sp, s, qstems))
            + BOUND_BONUS * bounded(sp, s.sentence.text, qtype.bound)
            + BOUND_BONUS * at_place(sp, spans, s.sentence.text, parts)
            + OWNER_BONUS * bool(qtype.owned and owns(sp, owner_spans(s.sentence.text, qtype.owned, sp.kind))))


def _says_asked(s: ScoredSentence, required: set[str], days: set[str], doc: DocContext) -> bool:
    """True if the paragraph says the question's numbers and ordinals (``search.unsaid.said``) and, when the
    question names a single day and the document is not dated that day, that day: "the attack on Izium on
    *5 February*" is not told by a paragraph on 4 February's attack that happens to say "5"."""
    if required and not said(required - on_its_day(days, doc), _context_stems(s.hit),
                             doc.years | previous_years(s.sentence.text, doc.years), _own_stems(s), doc.about):
        return False
    if len(days) != 1:
        return True  # a period ("between 1 October and 31 January") may be written otherwise
    return bool(days & doc.dated) or any(re.search(rf"\b{re.escape(d)}\b", s.hit.text, re.I) for d in days)


def asked_before(s: ScoredSentence, names, qstems: set[str]) -> set[str]:
    """The question's names that the paragraph names before a sentence pointing back to them by the
    question's own verb made a participle: "the South Sudan Humanitarian Needs and Response Plan 2025 ...
    As at 24 March, 10.5 per cent of *the required* $1.7 billion had been funded" (how much does the plan
    require)."""
    before = s.hit.text[:s.sentence.start]
    back = [m for m in _THE_PARTICIPLE.finditer(s.sentence.text)
            if (toks := tokenize([m.group(1)])[0]) and toks[0].stem in qstems]
    named = {n for n, a in names if names_ok(s.hit, [(n, a)], before)} if back else set()
    return named | headed_before(s.sentence.text, before, names)


def headed_before(sentence: str, before: str, names) -> set[str]:
    """The question's names that a phrase of the paragraph before the sentence gives, whose head the
    sentence repeats: "the Office of the Ombudsman (Protecteur du citoyen) ... The official opening of *the
    Office* took place on 4 November 1997" (when was the Ombudsman's office opened)."""
    out: set[str] = set()
    for head in {m.group(1) for m in _THE_HEAD.finditer(sentence)}:
        for m in re.finditer(r"\b" + re.escape(head) + r" of\b[^.;]{0,%d}" % HEAD_PHRASE, before):
            out |= {n for n, a in names if mentions(m.group(0), {t.stem for t in tokenize([m.group(0)])[0]}, n, a)}
    return out


_THE_PARTICIPLE = re.compile(r"\b[Tt]he ([a-z]+ed)\b")
# "the Office" alone, not "the Office of X"
_THE_HEAD = re.compile(r"(?<=\bthe )([A-Z][a-z]{3,})\b(?! of\b)(?!\s+[A-Z])")
HEAD_PHRASE = 60  # characters of the phrase after "Office of" that may name the question's names


def _own_stems(s: ScoredSentence) -> set[str]:
    """The sentence's stems, less the numbers inside symbols ("decision *2014*/7" names no year of its own), those of
    what its figure is compared with ("46.54 per cent, slightly lower than during the previous elections in *February
    2021*": the year of the other figure, not of this one) and of when something it names was made."""
    text = s.sentence.text
    compared = [m.span() for m in _COMPARED.finditer(text)] + made_spans(text)  # "launched in *2019*": no figure's year
    return {t.stem for t in s.tokens
            if not (t.text.isdigit() and (text[t.end:t.end + 1] == "/" or text[max(0, t.start - 1):t.start] == "/"))
            and not (t.text.isdigit() and any(a <= t.start < b for a, b in compared))}


#: A clause giving what a figure is compared with, up to the clause's end: "than during the previous elections in
#: February 2021", "compared with 2023", "up from 38 per cent in 2022".
_COMPARED = re.compile(r"\b(?:than|compared (?:with|to)|as against|(?:up|down) from)\b[^.;,()]*")


def _figured_ordinals(text: str) -> set[str]:
    """The stems of the ordinals ``text`` writes in figures, spelled out ("1st" -> "first"): the paragraph says
    them. (Not the sentence's own ordinals, which tell whose session it is: "at the *5th* meeting" names no
    session other than the fifty-sixth of the document's title.)"""
    return {t.stem for t in tokenize([spell_ordinals(" ".join(_FIGURED_ORDINAL.findall(text)))])[0]}


_FIGURED_ORDINAL = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\b", re.I)


def _sentence_spans(s: ScoredSentence, qtype: QuestionType, wanted: list[str], qstems: set[str],
                    names) -> tuple[ScoredSentence, list[Span]]:
    """The sentence and its answer spans; asked a symbol it does not write, the sentence with the symbol
    its paragraph's footnote gives ("the rules of procedure ... of the General Assembly" / "1 A/520/Rev.17.")."""
    spans = _answer_spans(s, qtype, wanted, qstems, names)
    if not spans and qtype.target == ("symbol",) and (noted := with_footnote(s)):
        return noted, _answer_spans(noted, qtype, wanted, qstems, names)
    return s, spans


def _answer_spans(s: ScoredSentence, qtype: QuestionType, wanted: list[str], qstems: set[str], names) -> list[Span]:
    """The sentence's spans of the asked kinds that could answer: not the question's own words or
    names, not an instrument of another sort than asked."""
    if qtype.negated and affirms_only(s.sentence.text, qtype.negated):
        return []  # "how many ... *not relevant*": "28 are *relevant* to UNFPA, with 15 ..." gives the other side
    spans = symbol_spans(s.sentence.text) if qtype.target == ("symbol",) else \
        merge_acronyms(typed_spans(s.sentence.text, wanted, sentence_entities(s)), s.sentence.text)
    if qtype.owned:  # "which country's ... *document*": "the Permanent Mission of the Russian Federation" holds
        spans = sorted(spans + [sp for kind in wanted for sp in owner_spans(s.sentence.text, qtype.owned, kind)  # it
                                if not any(o.start < sp.end and sp.start < o.end for o in spans)],
                       key=lambda sp: sp.start)
    if qtype.day:  # "on what date": "17 March 2021", not the "March 2021" beside it
        spans = precise_dates(spans)
    if qtype.target and qtype.target != ("symbol",):  # "what *fund*": "Women Exporters in the Digital Economy *Fund*"
        spans = whole_names(spans, s.sentence.text, {t.stem for t in tokenize([qtype.target[-1]])[0]})
    spans = [sp for sp in spans
             if not echoes(sp, qstems) and not names_asked(sp, names) and fits_target(sp, qtype.target)]
    if "count" in wanted and qtype.head:
        spans = sorted(spans + [sp for sp in compound_counts(s.sentence.text, qtype.head) if not any(
            o.start < sp.end and sp.start < o.end for o in spans)], key=lambda sp: sp.start)
    if "count" in wanted and asks_attendance(qstems) and speakers_only(s.sentence.text):
        spans = [sp for sp in spans if sp.kind != "count"]  # "how many attended": the speakers are only some
    if "count" in wanted and len(qtype.target) > 1 and (head := tokenize([qtype.head])[0]):  # "how many
        spans = contrasted_counts(spans, s.sentence.text, head[0].stem,  # *international* staff": not national
                                  {t.stem for t in tokenize([" ".join(qtype.target)])[0]})
    if qtype.whole:  # "how many members does it have": "two *senior* members ... were designated" are some of them
        head = tokenize([qtype.head])[0]
        spans = [sp for sp in spans if sp.kind != "count" or not head
                 or not counts_a_kind(sp, s.sentence.text, head[0].stem, qstems)]
    if "count" in wanted and not may_count_people(qtype.head):  # "how many facilities": "624,000 people" counts none
        spans = [sp for sp in spans if sp.kind != "count" or not _PEOPLE_AFTER.match(s.sentence.text, sp.end)]
    elif "count" in wanted and _PEOPLE_HEAD.fullmatch(qtype.head):  # "how many people were killed": "two *forces*" none
        spans = [sp for sp in spans if sp.kind != "count" or may_count_people(counted_noun(s, sp))]
    if qtype.slots[0] == ("money", "count"):  # "how much did X spend": "Recommendation 3" is no sum
        spans = [sp for sp in spans if sp.kind != "count" or _SUM_LIKE.search(sp.text)]
    # "what share ... was *received*": "78 per cent of the 2024 *allocation*" is another dealing's figure
    return [sp for sp in spans if sp.kind not in ("money", "percent", "count")
            or not other_deal(sp.start, sp.end, s.sentence.text, qtype.deal)]


#: "624,000 people", "more than a thousand *Iranian* people": a count of people, up to two words describing them between
_PEOPLE_AFTER = re.compile(r"(?:\s+(?!(?:of|in|on|at|by|for|from|to|with|and|or|who|which|that|were|was|are|is)\b)"
                           r"[A-Za-z][\w-]*){0,2}?\s+(?:people|persons|individuals)\b", re.I)
#: "how many people / persons / individuals": any noun for people answers, a noun for things does not
_PEOPLE_HEAD = re.compile(r"people|persons|individuals", re.I)


def counted_noun(s: ScoredSentence, span: Span) -> str:
    """The noun a count span counts in its sentence ("two *forces* affiliated with ..."), "" when none follows it."""
    inside = [i for i, t in enumerate(s.tokens) if span.start <= t.start and t.end <= span.end]
    run = counted_words(list(s.tokens), inside[-1], s.sentence.text) if inside else []
    nouns = [t.text for t in run if not t.text.lower().endswith("ed")]
    return nouns[-1] if nouns else ""


def compound_counts(sentence: str, head: str) -> list[Span]:
    """Counts written as the first half of a compound whose second half is the counted noun: "a
    *46*-page report" answers "how many pages" (a compound counts nothing otherwise: "twenty-first")."""
    head_tokens, = tokenize([head])
    if not head_tokens:
        return []
    out = []
    for m in _COMPOUND_COUNT.finditer(sentence):
        noun, = tokenize([m.group(2)])
        if noun and noun[0].stem == head_tokens[0].stem:
            out.append(Span(m.group(0), "count", m.start(), m.end()))
    return out


_COMPOUND_COUNT = re.compile(r"(?<![\w.,/-])(\d[\d,]*(?:\.\d+)?|"
                             + alternation([*between(1, 12), *spelled(15, 20, 30, 40, 50, 100)])
                             + r")[-‑]([a-z]+)\b(?![-‑])", re.I)


def _another_of_series(s: ScoredSentence, ordinals: set[str], compounds: frozenset[str]) -> bool:
    """True if the sentence is about another of a series than the question's ordinal names: another
    ordinal in it, or a compound one ("fifty-first") neither its paragraph nor its document's title says."""
    said = {t.stem for t in s.tokens if t.text.lower() in ORDINALS}
    if ordinals and said and not ordinals & said:
        return True
    if not compounds:
        return False
    if (here := compound_ordinals(s.sentence.text) | _tenths(s.sentence.text)) and not compounds & here:
        return True  # "At their *fortieth* and 115th sessions" is not the forty-first
    return not compounds & series_ordinals(" ".join((s.hit.text, *s.hit.section, s.hit.title)))


def _tenths(text: str) -> set[str]:
    """The ordinals of whole tens the text says ("fortieth"): one of a series a compound one is not."""
    return {w.lower() for w in re.findall(r"\b(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth\b", text, re.I)}


#: how far down the sentences a count of the asked noun is still read ("a working group comprising *15
#: Members States*" ranks below sentences that echo more of a long question)
COUNTED_SENTENCES = 32


def counts_noun(s: ScoredSentence, head: str) -> bool:
    """True if the sentence gives a number of the counted noun: a number, then that noun within two words."""
    toks = s.tokens
    return any(re.fullmatch(r"\d[\d,.]*|" + _NUMBER_WORDS, t.text.lower()) and
               any(u.stem == head for u in toks[i + 1:i + 4]) for i, t in enumerate(toks))


_NUMBER_WORDS = alternation([*between(2, 12), *spelled(15, 20, 30, 100), "dozen"])


# A count that may be a sum of money stated without its currency: a thousand or more, or scaled
# ("4.2 million"); a small number is a list label ("Recommendation 3"), an ordinal, a session.
_SUM_LIKE = re.compile(r"(?i)\d{1,3}(?:,\d{3})+|\d{5,}|\b(?!(?:19|20)\d\d\b)\d{4}\b"
                       r"|\b(?:thousand|million|billion|trillion)\b")


def _another_deed(s: ScoredSentence, qtype: QuestionType, events: tuple[str, ...], role: Role | None) -> bool:
    """True for a sentence that tells of something other than what the question asks: "when was the
    Group founded" and "In 2014, the Group sought ..." (a date of something else); "who chaired" and a
    sentence that never says chair (whoever it names did something else)."""
    if events and qtype.slots[0] == ("date",) and not dates_event(local_context(s), events):
        return True
    return bool(role) and qtype.slots[0][0] in _NAMES and not role.said_in(local_context(s))


def _names_a_part(span: Span, sentence: str) -> bool:
    """True for the count of a part of a whole: "six of which", "of which 35", "of whom 12", "63
    authorized posts, *with* 12 vacancies", "*including* 12 women"."""
    return bool(re.match(r"\s*of (?:which|whom|these|them|those)\b", sentence[span.end:])
                or re.search(r"(?:\bof (?:which|whom|these|them|those)|[\w)],\s(?:with|including))"
                             r",?\s*$", sentence[:span.start]))


def _with_counted_noun(span: Span, sentence: str, counted: set[str]) -> Span:
    """A count with the noun it counts when the sentence says it right after ("10" → "10 plenary
    meetings" for "how many plenary meetings"): a bare number reads as no answer."""
    m = re.match(r"(?:[\s-]+[\w’'-]+){1,4}", sentence[span.end:])
    if not m:
        return span
    end = 0
    for w in re.finditer(r"[\w’'-]+", m.group(0)):
        toks = tokenize([w.group(0)])[0]
        if toks and (toks[0].stem in counted or equivalents(toks[0].stem) & counted):  # "42 development *partners*"
            end = w.end()
    if not end:
        return span
    stop = span.end + end
    return Span(sentence[span.start:stop], span.kind, span.start, stop)


def _place_stems(searcher, names) -> frozenset[str]:
    """The stems of the question's names that are places (countries, or tagged as places in the index),
    with those of their other names: a question's "Russia" is the report's "Russian Federation"."""
    return frozenset(t.stem for name, aliases in names if is_country(name) or is_place(searcher, name)
                     for form in (name, *aliases) for t in tokenize([form])[0])


def _named_outside_examples(s: ScoredSentence, span: Span, names, exempt, qstems: set[str] = frozenset()) -> bool:
    """For a figure: the question's names are named outside the lists of examples the figure is not in."""
    if span.kind not in ("count", "money", "percent"):
        return True
    context = named_context(s)
    offset = len(context) - len(s.sentence.text)
    kept = without_examples(context, (offset + span.start, offset + span.end))
    return kept == context or names_ok(s.hit, names, kept, _names_given(s, names, exempt, qstems))


def _counted(qtype: QuestionType) -> set[str] | None:
    """The stems of the noun phrase "how many" counts ("women *candidates*"), None without one."""
    if not qtype.head or qtype.head not in qtype.target:
        return None
    return {t.stem for t in tokenize([" ".join(qtype.target[:qtype.target.index(qtype.head) + 1])])[0]}


def _fact_words(terms: list[QuestionTerm], about: frozenset[str]) -> list[QuestionTerm]:
    """The question's subject words that say which fact, not which document: those its document's
    title does not hold ("How many *participants* attended the workshop on climate and land
    degradation" in the report on that workshop). All of them when the title holds every one."""
    own = [t for t in terms if t.stem not in about and not any(
        f in about or any(a.startswith(f) for a in about) for f in word_forms(t.text, t.stem) - {t.stem})]
    return own if _focus_terms(own) else terms  # "decolonization" in the report on the Decade ... of Colonialism


def _focus_terms(terms: list[QuestionTerm]) -> list[QuestionTerm]:
    return [t for t in terms if not t.proper and not t.text.isdigit() and t.text.lower() not in ORDINALS
            and t.text.lower() not in _FRAME_WORDS]


def _focus(s: ScoredSentence, terms: list[QuestionTerm], compounds: frozenset[tuple[str, str]] = frozenset(),
           kinds: list[str] = ()) -> float:
    """The weighted share of the question's subject words (not its names, numbers or frame) that
    the sentence, the sentence before it, a short paragraph's opening sentence or its heading hold (a
    heading further up holds a word half: "Chapter II Technical discussions" above a paragraph, and so do the
    chunks before a paragraph opening by pointing back to them, ``search.carried``; and the sentence after, when
    it holds some of them itself and the next gives no fact of the asked ``kinds``: ``_lends_after``).

    Words match on their stem or a longer form of it ("grow" / "growth").
    """
    focus = _focus_terms(terms)
    total = sum(t.weight for t in focus)
    if not total:
        return 1.0
    near, above = tokenize([named_context(s) + " " + " ".join(s.hit.section[-1:]) + _speakers(s),
                            " ".join(s.hit.section[:-1]) + " " + getattr(s.hit, "before", "")])
    def holds(stems: set[str], t: QuestionTerm) -> bool:
        return any(f in stems or len(f) >= 4 and any(st.startswith(f) for st in stems)
                   for f in word_forms(t.text, t.stem)) \
            or t.stem.endswith("nt") and t.stem[:-1] + "c" in stems \
            or bool(equivalents(t.stem) & stems)  # "vacant" / "vacancies"; "donors" / "partners"
    near_stems, above_stems = {t.stem for t in near}, {t.stem for t in above}
    near_stems |= acronym_stems(named_context(s), focus)
    above_stems |= acronym_stems(s.hit.text, focus)  # "the usage report covering *FTP* activations" further on: the
    # paragraph is about the "fast-track procedures" asked, though its sentence on the date never names them
    if _A_SUM.search(named_context(s)):  # "Of the *$1.6 billion* requested ...": a sum is the funding asked about
        near_stems |= _money_stems()
    # the sentence, its neighbours and its own heading hold a word wholly; a heading further up or the sentence
    # after, half (the sentence after lends nothing to one holding none: that is another subject)
    after = _lends_after(s, kinds) if any(holds(near_stems, t) for t in focus) else ""
    after_stems = {t.stem for t in tokenize([after])[0]}
    share = {t.stem: 1.0 if holds(near_stems, t)
             else max(FOCUS_AFTER * holds(after_stems, t), 0.5 * holds(above_stems, t)) for t in focus}
    asked = {t.stem for t in focus}
    # "*staff* costs", "*net* assets": a head noun without the modifier the question gives it is half held
    halved = {head for mod, head in compounds if share.get(head) and mod in asked and not share.get(mod)}
    return sum(t.weight * share[t.stem] * (0.5 if t.stem in halved else 1.0) for t in focus) / total


def _lends_after(s: ScoredSentence, kinds: list[str]) -> str:
    """The sentence after ``s``, when it gives no fact of the asked ``kinds`` itself: "The Supplier Portal module was
    launched in April 2024" / "This module will allow users to perform basic vendor assessments" is one statement; "the
    attack killed at least 3 people" / "Russia killed the three emergency workers ..." are two facts, and the question's
    words in the second belong to the second's count, not to the sentence before it (A/79/939 para. 3)."""
    after = sentence_after(s) if kinds else ""
    return "" if after and typed_spans(after, kinds) else after


@lru_cache(maxsize=4096)
def word_forms(text: str, stem: str) -> frozenset[str]:
    """The stems a question word's family is written by: its own; the "-se" of a "-ce" word ("the Advisory
    Committee's *advice*": "endorsed the report of the *Advisory* Committee"; "licence" / "license"); the word a
    "de-...-ization" undoes ("*decolonization*": "the Eradication of *Colonialism*", "*Colonial* Countries";
    "demilitarization" / "military")."""
    forms = {stem}
    if stem.endswith("c") and len(stem) >= 5:
        forms.add(stem[:-1] + "s")
    if (undone := _UNDOES.fullmatch(text.lower())) and (rest := tokenize([undone.group(1)])[0]):
        forms.add(rest[0].stem)
    return frozenset(forms)


#: A word for undoing a process: "de" + the process ("decolonization", "demobilisation").
_UNDOES = re.compile(r"de([a-z]{4,}i[sz]ations?)")


_A_SUM = re.compile(r"(?:US\s?\$|[$€£])\s?\d"
                    r"|\b\d[\d,.]*(?:\s(?:million|billion))?\s(?:United States )?(?:dollars|euros)\b")


def _money_stems() -> frozenset[str]:
    return equivalents(tokenize(["funding"])[0][0].stem)


def acronym_stems(text: str, terms: list[QuestionTerm]) -> set[str]:
    """The stems of consecutive question words that an acronym of ``text`` stands for: "the updated
    *MPAs*" holds "minimum preparedness actions" (the paragraph before spelled it out)."""
    out: set[str] = set()
    words = [t.text for t in terms]
    for acronym in {m.group(1) for m in _ACRONYM.finditer(text)}:
        for run in spelling_runs(words, acronym):
            out |= {terms[i].stem for i in run}
    return out


_ACRONYM = re.compile(r"\b([A-Z]{2,6})s?\b")


def _speakers(s: ScoredSentence) -> str:
    """Who says "we" in a sentence: its document's authors, whom its title names ("*Ministerial*
    declaration ...": "We commit to connect ..." answers what the *ministers* commit to)."""
    return " " + s.hit.title if re.search(r"\b[Ww]e\b", s.sentence.text) else ""


# Words that frame a question rather than name its subject ("*according* to the World Bank").
_FRAME_WORDS = frozenset("according report reported reports state stated states say said says mention mentioned "
                         "document documents draft drafts".split())  # "the *draft* resolution": the document's kind


def _context_stems(hit: Hit) -> set[str]:
    text = hit.text + " " + " ".join(hit.section)
    return {t.stem for t in tokenize([text])[0]} | _figured_ordinals(text)


# -- composing --------------------------------------------------------------------------------
def cite(text: str, citation: str) -> str:
    """``text`` as a sentence that ends with its citation: "... [A/69/207, para. 4]."."""
    body = re.sub(r"[\s.!?;:,]+$", "", text.strip())
    return f"{body} [{citation}]."


def _fact_answer(question: str, facts: list[Fact], again: Fact | None = None) -> Answer:
    """The fact of each document (the best first), each quoted with its sentence; ``again``, another
    paragraph of the best fact's document stating it too, quoted after the best (only where one document
    answers: two documents' figures are read side by side)."""
    parts, citations, evidence = [], [], []
    for i, fact in enumerate(facts):
        s = fact.where
        said = f"Section heading: {s.sentence.text}" if s.sentence.heading else s.sentence.text
        lead = cite(render_spans(fact.spans, s.sentence.text), s.hit.citation)
        if i:
            lead = f"{s.hit.symbol} gives a different figure: " + lead
        parts += [lead, cite(said, s.hit.citation)]
        citations.append(s.hit.citation)
        evidence.append(Evidence(s.hit.citation, s.sentence.text))
    if again is not None and len(facts) == 1 and not again.where.sentence.heading:
        parts.append(cite(f"Also: {_excerpt(again)}", again.where.hit.citation))
        citations.append(again.where.hit.citation)
        evidence.append(Evidence(again.where.hit.citation, again.where.sentence.text))
    return Answer(question, " ".join(parts), tuple(dict.fromkeys(citations)), tuple(evidence))


def _excerpt(fact: Fact, longest: int = 300) -> str:
    """The sentence that states ``fact`` again, or in a long one (a bulleted list run into one sentence) the item
    that holds it, marked as cut: "… spending 92 cents of every dollar on development programmes …"."""
    text = fact.where.sentence.text
    if len(text) <= longest:
        return text
    span = fact.spans[0]
    starts = [0, *(m.end() for m in re.finditer(r"\s*•\s*|;\s+", text[:span.start]))]
    stop = re.search(r"\s*•\s*|;\s+", text[span.end:])
    item = text[starts[-1]: span.end + stop.start() if stop else len(text)].strip()
    return item if item == text else f"… {item} …"


def _sentence_answer(question: str, scored: list[ScoredSentence]) -> Answer:
    best = scored[0].score
    chosen: list[ScoredSentence] = []
    for s in scored[:MAX_SENTENCES]:  # a sentence that restates one quoted above it is left out
        if s.score >= max(MIN_SCORE, best - 0.08) and not any(restates(s.sentence.text, c.sentence.text)
                                                              for c in chosen):
            chosen.append(s)
    text = " ".join(cite(s.sentence.text, s.hit.citation) for s in chosen)
    citations = tuple(dict.fromkeys(s.hit.citation for s in chosen))
    return Answer(question, text, citations, tuple(Evidence(s.hit.citation, s.sentence.text) for s in chosen))


def _no_answer(searcher, question: str, hits: list[Hit], unknown: list[str] = ()) -> Answer:
    """The refusal, with the closest paragraphs each marked weak where it barely treats the question
    (as a search marks its hits), so that a reader is not sent to a paragraph on another subject."""
    text = NO_ANSWER
    if unknown:
        text += f" They never mention {', '.join(unknown)}."
    closest = marked(searcher._ranking(), _spell_out(question), hits[:CLOSEST])
    return Answer(question, text, answered=False, closest=closest)
