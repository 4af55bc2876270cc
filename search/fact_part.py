"""The fact part of a question: what is left of it once the documents it picked have been named.

Inside the documents a question is about (``search.subject``), the names and the title that picked them
no longer tell one paragraph from another: every paragraph may name them, or none does ("*The office* is
expected to be operational for a minimum of six years" after a paragraph naming the Network's office in
China). Searched with them, a paragraph that repeats the subject outranks the one that states the fact;
searched without them, the fact's own words ("how long", "minimum", "operate") pick it (issue #19).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .subject import document_cites

#: a run of at least this many question words, said in that order by a picked document's title, is its subject
TITLE_RUN = 4


def fact_part(searcher, question: str, docs: list[str], names: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """``question`` less every name a picked document cites and every run of its title's words
    ("the International Convention on *the Protection of the Rights of All Migrant Workers ...*" in the
    Committee's report); None when no document was picked, nothing was taken out, or too little is left."""
    if not docs:
        return None
    part = without_names(question, cut_names(searcher, docs, names))
    for title in _titles(searcher, docs):
        part = without_title_runs(part, title)
    part = re.sub(r"\s+", " ", part).strip()
    if part == re.sub(r"\s+", " ", question).strip() or len(re.findall(r"[A-Za-z]{3,}", part)) < 3:
        return None
    return part


def without_names(question: str, names: set[str]) -> str:
    """``question`` with each of ``names`` (and a "the" before it, a "'s" after it) blanked, longest first."""
    for name in sorted(names, key=len, reverse=True):
        question = re.sub(r"(?:\bthe\s+)?\b" + re.escape(name) + r"(?:['’]s)?\b", " ", question, flags=re.I)
    return question


def without_title_runs(question: str, title: str) -> str:
    """``question`` with each longest run of at least ``TITLE_RUN`` of its words that ``title`` says in order blanked."""
    words = list(re.finditer(r"[\w’'-]+", question))
    low = " " + " ".join(re.findall(r"[\w’'-]+", title.lower())) + " "
    cut: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and f" {' '.join(w.group().lower() for w in words[i:j + 1])} " in low:
            j += 1
        if j - i >= TITLE_RUN:
            cut.append((words[i].start(), words[j - 1].end()))
            i = j
        else:
            i += 1
    for a, b in reversed(cut):
        question = question[:a] + " " + question[b:]
    return question


def _titles(searcher, docs: list[str]) -> list[str]:
    marks = ",".join("?" * len(docs))
    return [t for (t,) in searcher.store.execute(f"SELECT title FROM documents WHERE symbol IN ({marks})", docs) if t]


#: how many of the fact part's best sentences in the picked documents are read beside the question's best
FACT_READ = 2


def cut_names(searcher, docs: list[str], names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The question's names a picked document cites: what ``fact_part`` takes out of the question."""
    return {n for n, aliases in names for sym in docs if document_cites(searcher, sym, n, aliases)}


def fact_read(searcher, fact: str | None, hits: list, docs: list[str]) -> list:
    """The fact part's best sentences (at most ``FACT_READ``) among the picked documents' paragraphs, scored
    against the fact part, each at least ``MIN_FACT_SCORE``: the sentence that states the fact may score low
    against the whole question, whose subject words every paragraph of its document repeats ("the sixtieth
    State Party to *the Convention*", kept 45th in the Committee's report) — searched for, it must be read too."""
    from .evidence import question_terms, score_sentences
    from .fact_sources import MIN_FACT_SCORE

    mine = [h for h in hits if h.symbol in docs]
    if not fact or not mine:
        return []
    best = score_sentences(searcher, fact, mine, question_terms(searcher, fact), headings=True)[:FACT_READ]
    return [s for s in best if s.score >= MIN_FACT_SCORE]


def lifted(scored: list, read: list) -> list:
    """``scored`` with each sentence of ``read`` carrying its fact-part score where that is the higher, best first."""
    up = {(s.hit.citation, s.sentence.text): s.score for s in read}  # a heading read as a sentence has no start of its own
    out = [replace(s, score=up[k]) if (k := (s.hit.citation, s.sentence.text)) in up and up[k] > s.score else s
           for s in scored]
    return sorted(out, key=lambda s: -s.score)


def only_read(scored: list, read: list) -> list:
    """The sentences of ``scored`` that ``read`` holds (the fact part's best), in ``scored``'s order."""
    keys = {(s.hit.citation, s.sentence.text) for s in read}
    return [s for s in scored if (s.hit.citation, s.sentence.text) in keys]


def fact_read_exempt(searcher, exempt: dict[str, set[str]], read: list, docs: list[str],
                     names: list[tuple[str, tuple[str, ...]]]) -> dict[str, set[str]]:
    """``exempt`` (the names each paragraph need not repeat, ``search.names.names_ok``) with, for each paragraph
    of ``read``, the names that say a run of their document's title: the document is about them, and the
    paragraph names them by their head alone ("the sixtieth State Party to *the Convention*" in the report of the
    Committee on the Protection of the Rights of All Migrant Workers ...). A name the document only cites
    elsewhere is not exempt: "the Council of Europe's elections" are not the elections a Kosovo report's
    paragraph gives the turnout of."""
    if not read:
        return exempt
    titles = _titles(searcher, docs)
    said = {n for n, _ in names if any(without_title_runs(n, t) != n for t in titles)}
    found = {s.hit.citation for s in read}
    return {c: e | said if c in found else e for c, e in exempt.items()}
