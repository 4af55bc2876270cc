"""The proper names of a question and whether a text names them.

A question names bodies, places and people ("MONUSCO", "Libya's National Oil Corporation", "the
Sudan"); a paragraph that never names them is no evidence for it. A name matches its words (by stem,
"Afghan" for "Afghanistan"), an alias the index or the gazetteer knows ("IOM" = "International
Organization for Migration") or the acronym it stands for; not a longer country's name ("Sudan" in
"South Sudan").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .acronyms import capitalised, in_a_name, spells
from .carried import chunk_before
from .models import Hit
from .terms import MONTHS, tokenize


def question_names(searcher, question: str) -> list[tuple[str, tuple[str, ...]]]:
    """Proper names in the question ("Nansen Initiative", "IOM") with their aliases from the index.

    A name is a run of capitalized words (not the question's first word). Its aliases are the
    other surface forms of the same canonical entity in the index (``ILO`` <-> ``International
    Labour Organization``), when the index has entities.
    """
    question = _LED_BY.sub(r"\1,", question.strip())  # "the *UNODC-led* HLCP task team": two names
    out = []
    for start, end in foreign_name_spans(question):  # "Action communautaire femme et enfant": one name
        phrase = question[start:end]
        while " " in phrase and documents_citing_phrase(searcher, phrase) == 0:
            phrase = phrase.split(" ", 1)[1]  # "NGO Action communautaire ...": the index holds the name without "NGO"
        if " " in phrase:
            out.append((phrase, _aliases(searcher, phrase)))
            at = question.index(phrase, start)
            question = question[:at] + " " * len(phrase) + question[at + len(phrase):]
    runs = re.finditer(r"(?<!^)(?<![?.!] )\b[A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|at|and|the|in|to)\s+)*[A-Z][\w'’-]*)*",
                       question)
    for name in (part for m in runs for part in _name_parts(searcher, _OFFICE_OF.sub("", m.group()))):
        name = re.sub(r"['’]s$", "", name)
        if name.lower() in _stop_words() or name in CATEGORY_ACRONYMS or name in MONTHS:
            continue  # "between November 2024 and *January* 2025": when, which the dates check, not who
        aliases = _aliases(searcher, name) + _known_forms(name) + _place_of(searcher, name)
        if re.match(r"UN\b", name):  # "UN Volunteers": the report writes "United Nations Volunteers"
            aliases += ("United Nations" + name[2:],)
        out.append((name, aliases))
    return out


def without_descriptions(names: list[tuple[str, tuple[str, ...]]], question: str) -> list[tuple[str, tuple[str, ...]]]:
    """``names`` less each one-word name that describes the name right after it: a word of that name's long
    form ("the *Indigenous* rights Expert Mechanism" is the Expert Mechanism on the Rights of Indigenous Peoples, which
    its paragraphs call "the Expert Mechanism"), or a place's adjective ("the *Congolese* NGO FOSBES", "the *Ukrainian*
    city of Kharkiv": the name after it says which, and its paragraphs need not say where it is; not "the *Russian*
    attack on Kharkiv", whose adjective says whose attack)."""
    def before(word: str, other: str) -> bool:
        return bool(re.search(r"\b" + re.escape(word) + r"(?:\s+(?:(?!(?:on|in|by|at|against|for|from|to|with|and|or)\b)"
                              r"[a-z][\w'’-]*|" + "|".join(CATEGORY_ACRONYMS)
                              + r")){0,2}\s+" + re.escape(other) + r"\b", question))

    def describes(word: str, own: tuple[str, ...]) -> bool:
        demonym = bool(own) and bool(_DEMONYM.fullmatch(word))
        return any(other != word and (demonym or any(re.search(r"\b" + re.escape(word) + r"\b", a) for a in aliases))
                   and before(word, other) for other, aliases in names)
    return [(n, a) for n, a in names if " " in n or not describes(n, a)]


#: A place's adjective ("Congolese", "Ukrainian", "Iraqi"), which ``_place_of`` gives its place.
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|i|ish)")
def named_day(name: str) -> bool:
    """True for a day named for the week or a feast ("on *Good Friday*", "on *Monday*", "at *Easter*"): it says when,
    which a letter tells once ("on Good Friday, 18 April 2025, ..."), not who; its other paragraphs need not repeat it."""
    return bool(_NAMED_DAY.fullmatch(name))


_NAMED_DAY = re.compile(r"(?:(?:Good|Holy|Easter|Palm|Orthodox)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Easter|"
                        r"Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)")


# An office's title before the body it serves: "*Chair of the* United Nations Statistical Commission" names
# the Commission (which office is asked is ``search.roles``'s to read).
_OFFICE_OF = re.compile(r"^(?:(?:Vice|Deputy|Co|Acting|Executive|Assistant)[-\s])?(?:Chair(?:person|man|woman)?|President|"
                        r"Rapporteur|Director(?:-General)?|Head|Special (?:Representative|Envoy|Rapporteur)|Administrator|"
                        r"Commissioner|Coordinator|Prosecutor|Registrar|Secretary)\s+of\s+(?:the\s+)?(?=[A-Z])")

# A name joined to the participle of what it does to the next noun: "UNODC-led", "Geneva-based".
_LED_BY = re.compile(r"\b([A-Z][\w'’]*)-(?:led|based|backed|funded|supported|sponsored|hosted|driven|chaired|run|owned|"
                     r"managed|coordinated)\b")

# Acronyms that name a kind of thing, not one body or place: "the NGO Action communautaire ...", "IDPs in
# Darfur". A paragraph need not write them ("a non-profit organization"); they stay words of the search.
CATEGORY_ACRONYMS = frozenset("NGO NGOs INGO INGOs CSO CSOs LDC LDCs LLDC LLDCs SIDS MSME MSMEs SME SMEs "
                              "IDP IDPs GDP GNI ODA FDI ICT ICTs SDG SDGs MDG MDGs".split())


def _place_of(searcher, word: str) -> tuple[str, ...]:
    """The place a demonym is of, as the gazetteer and the index write it ("European" -> "Europe",
    "Ukrainian" -> "Ukraine", "Sudanese" -> "Sudan", "Iraqi" -> "Iraq"): "the European region" is named by a paragraph on
    Europe's."""
    from ingest.entities.gazetteer import lookup, normalize

    from .subject import documents_citing

    if not re.fullmatch(r"[A-Z][a-z]+(?:an|ese|i)", word):
        return ()
    forms = {word[:-1], word[:-2], word[:-2] + "e", word[:-3], word[:-3] + "e", word[:-3] + "a", word[:-4]} \
        if not word.endswith("i") else {word[:-1], word[:-1] + "a"}  # "Israeli" -> "Israel", "Somali" -> "Somalia"
    places = [p for p in forms if len(p) >= 4 and (k := lookup().get(normalize(p))) is not None and k.kind == "place"]
    return tuple(sorted(p for p in places if documents_citing(searcher, p) > 0))


def _name_parts(searcher, run: str) -> list[str]:
    """A run of capitalized words as the names it holds: itself when the index holds it as a phrase
    ("Māori Women's Welfare League") or it is one word, else the longest leading part the index holds
    and the parts of the rest ("Libya's National Oil Corporation" -> "Libya", "National Oil
    Corporation"; "United Nations Environment Programme Environment Assembly" -> two names;
    "Afghanistan in November and December" -> "Afghanistan", "November", "December")."""
    from .subject import documents_citing

    run = re.sub(r"['’]s$", "", run)
    if (office := _OFFICE_AFTER_NAME.search(run)) and not re.fullmatch(_OFFICE_WORDS + r"(?:\s+" + _OFFICE_WORDS + ")*",
                                                                       run[:office.start()]):
        run = run[:office.start()]  # "ECE Executive Secretary": the ECE, and an office ("Special Rapporteur" is one)
    if pair := re.fullmatch(r"([A-Z]{2,}[\w-]*)\s+and\s+([A-Z]{2,}[\w-]*)", run):
        return [pair.group(1), pair.group(2)]  # "UNICEF and UN-Women": two bodies, however often written together
    words = run.split()
    if len(words) < 2 or documents_citing(searcher, run) > 0:
        return [run]
    for end in range(len(words) - 1, 0, -1):
        head = re.sub(r"['’]s$", "", " ".join(words[:end]))
        rest = re.sub(r"^(?:(?:of|for|on|at|and|the|in|to)\s+)+", "", " ".join(words[end:]))
        if words[end - 1].lower() in _LINKS or not rest or rest.split()[0].lower() in _LINKS:
            continue
        if documents_citing(searcher, head) > 0:
            return [head, *_name_parts(searcher, rest)]
    return [run]


_LINKS = frozenset("of for on at and the in to".split())
# An office's title after the name of its body: "ECE *Executive Secretary*", "UNHCR *Representative*".
_OFFICE_WORDS = r"(?:Deputy|Executive|Assistant|Special|Acting|Vice|Resident|Regional|High|Senior|Chief)"
_OFFICE_AFTER_NAME = re.compile(r"(?<=\S)\s+(?:" + _OFFICE_WORDS + r"\s+)*"
                                r"(?:Secretary(?:-General)?|Director(?:-General)?|President|Chair(?:person)?|"
                                r"Representative|Coordinator|Commissioner|Envoy|Rapporteur|Adviser)$")


def _known_forms(name: str) -> tuple[str, ...]:
    """The gazetteer's other names for ``name`` ("UNHCR" -> "Office of the United Nations High
    Commissioner for Refugees"): a report may spell out what the question abbreviates."""
    from ingest.entities.gazetteer import lookup, normalize, organizations

    known = lookup().get(normalize(name))
    if known is None or known.kind != "organization":
        return ()
    return tuple(n.text for n in organizations() if n.canonical == known.canonical and n.text != name)


def _aliases(searcher, name: str) -> tuple[str, ...]:
    try:
        rows = searcher.store.execute(
            "SELECT DISTINCT b.text FROM entities a JOIN entities b ON b.canonical = a.canonical "
            "WHERE a.text = ? COLLATE NOCASE OR a.canonical = ? COLLATE NOCASE LIMIT 50", (name, name)).fetchall()
    except Exception:  # an index without entities: the name stands alone
        return ()
    return tuple(r[0] for r in rows if r[0].lower() != name.lower())


def names_ok(hit: Hit, names: list[tuple[str, tuple[str, ...]]], context: str | None = None,
             exempt: frozenset[str] | set[str] = frozenset()) -> bool:
    """True if the paragraph (or its heading) names every proper name of the question.

    A sentence about remittance costs is no answer to a question about Mexico if its paragraph
    never names Mexico. ``context`` narrows the paragraph to a part of it; names in ``exempt`` need
    not be named (the document as a whole is about them: ``search.subject``).
    """
    names = [(n, a) for n, a in names if n not in exempt]
    if not names:
        return True
    if context is None:  # a paragraph that opens by pointing back ("The voter turnout was ...") goes on from the
        context = hit.text + " " + " ".join(hit.section[-1:]) + " " + chunk_before(hit)  # chunk before it
    stems = {t.stem for t in tokenize([context])[0]}
    return all(mentions(context, stems, n, a) or " and " in n and all(
        mentions(context, stems, part, ()) for part in n.split(" and ")) for n, a in names)


def mentions(text: str, stems: set[str], name: str, aliases: tuple[str, ...]) -> bool:
    """True if ``text`` names ``name``: all its words, an alias, or the acronym it stands for."""
    words = [w for w in _name_tokens(name) if w.text not in CATEGORY_ACRONYMS] or _name_tokens(name)  # "SDG Indicators"
    if words and all(w.stem in stems or _demonym_in(w.stem, stems) for w in words) \
            and not (len(words) == 1 and _only_in_longer_country(text, name)):
        return True
    low = text.lower()
    if any(re.search(r"\b" + re.escape(a.lower()) + r"\b", low) for a in aliases):
        return True
    if (rest := _UN_OWNED.match(name)) and re.search(r"\b" + re.escape(rest.group(1)) + r"\b", text):
        return True  # "the UN Population Division": the reports write "the *Population Division*", the owner understood
    if re.fullmatch(r"[A-Z]{2,}", name):
        return _expands(text, name)
    if len(words) > 1 and re.fullmatch(r"[A-Z]{3,}", words[0].text) and all(w.stem in stems for w in words[1:]) \
            and _expands(text, words[0].text):
        return True  # "CEDAW Committee": the acronym spelled out, and the rest said ("the Committee on the Elimination ...")
    if _PERSON_NAME.fullmatch(name) and re.search(r"\b(?:Mr|Ms|Mrs|Dr|Madam)\.?\s+" + re.escape(name.split()[-1]) + r"\b", text):
        return True  # "Maya Morsy" named again as "Ms. Morsy"
    initials = "".join(w.text[0] for w in words if w.text[0].isupper())
    return len(initials) >= 2 and len(words) > 1 and re.search(r"\b" + initials + r"\b", text) is not None


#: a name the United Nations owns, and the rest of it, capitalized as a name: written alone by its reports
_UN_OWNED = re.compile(r"United Nations ([A-Z][\w-]*(?: [A-Z][\w-]*)*)$")


def _only_in_longer_country(text: str, name: str) -> bool:
    """True if every occurrence of ``name`` is part of another country's name: "Sudan" in "South
    Sudan", "Guinea" in "Papua New Guinea" or "Guinea-Bissau" (not "the Sudan", "in Sudan")."""
    from .answer_types import is_country

    found = list(re.finditer(r"\b" + re.escape(name) + r"\b", text))
    if not found:
        return False
    for m in found:
        before = re.search(r"((?:[A-Z][\w-]*\s)?([A-Z][\w-]*))\s$", text[:m.start()])
        after = re.match(r"-[A-Z][\w-]*", text[m.end():])
        longer = [f"{before.group(1)} {name}", f"{before.group(2)} {name}"] if before else []
        longer += [name + after.group()] if after else []
        if not any(is_country(c) and c.lower() != name.lower() for c in longer):
            return False
    return True


@lru_cache(maxsize=2048)
def _name_tokens(name: str) -> tuple:
    """A name's tokens, once per name (``mentions`` runs for every document of a library)."""
    return tuple(tokenize([name])[0])


_DEMONYM_ENDINGS = ("n", "an", "ian", "es", "les", "ese", "i", "ish", "istan", "stan")


def _demonym_in(stem: str, stems: set[str]) -> bool:
    """True if a form of the same place name is in ``stems``: "Afghan" / "Afghanistan",
    "Libya" / "Libyan", "Congo" / "Congolese" (one stem extends the other by a demonym ending)."""
    if len(stem) < 4 or not stem.isalpha():
        return False
    if any(stem + e in stems for e in _DEMONYM_ENDINGS):
        return True
    return any(stem.endswith(e) and len(stem) - len(e) >= 4 and stem[:-len(e)] in stems for e in _DEMONYM_ENDINGS)


def _expands(text: str, acronym: str) -> bool:
    """True if ``text`` spells out ``acronym`` ("International Organization for Migration" for IOM)."""
    for m in re.finditer(r"[A-Z][\w-]*(?:\s+(?:(?:of|for|on|the|and|against|in|to|with)\s+)*[A-Z][\w-]*)+", text):
        words = m.group().split()  # "International Organization for Migration"; CEDAW's "against"
        if spells(words, acronym, capitalised) or spells(words, acronym, in_a_name):
            return True
    return False


#: A person's name as a question writes it: two to four capitalized words, the last a surname.
_PERSON_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:\s[A-Z][a-zà-ÿ'’-]+){1,3}")


def _stop_words() -> frozenset[str]:
    from .evidence import stop_words

    return stop_words()


# Function words of French, Spanish and Portuguese names ("Action *pour la* protection *des* droits *de*
# l'homme *en* Mauritanie", "Asociación *de* Mujeres"); none is an English word.
_FOREIGN_LINKS = frozenset("de des du la le les et pour en au aux sur del y para por los las e da dos das".split())


def documents_citing_phrase(searcher, phrase: str) -> int:
    from .subject import documents_citing

    return documents_citing(searcher, phrase)


def foreign_name_spans(question: str) -> list[tuple[int, int]]:
    """Where the question writes a name in French, Spanish or Portuguese (``foreign_name_words``), as
    character spans: such a name is one name, lowercase words and all."""
    words = list(re.finditer(r"[\w’'-]+", question))
    out = []
    i = 1
    while i < len(words):
        if not words[i].group()[:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(words) and _in_name(words[j].group()) and not re.search(r"[,;:?!.()]", question[words[j - 1].end():words[j].start()]):
            j += 1
        run = words[i:j]
        while len(run) > 1 and not run[-1].group()[:1].isupper() and not _after_link(run[-2].group(), run[-1].group()):
            run.pop()
        if any(w.group().lower() in _FOREIGN_LINKS for w in run):
            out.append((run[0].start(), run[-1].end()))
        i = j
    return out


def _in_name(word: str) -> bool:
    return bool(word[:1].isupper() or word.lower() in _FOREIGN_LINKS
                or re.match(r"[a-zà-ÿ]", word) and word.lower() not in _stop_words())


def foreign_name_words(question: str) -> set[str]:
    """The lower-cased words of the names in French, Spanish or Portuguese the question writes
    ("Action communautaire femme et enfant"): tools see common nouns there ("femme", "protection"),
    but they say which organization, not what the question asks of it. A name runs from a capitalized
    word over lowercase words and the languages' function words, up to its last capitalized word or
    the word after a function word; it holds at least one function word."""
    words = re.findall(r"[\w’'-]+", question)
    out: set[str] = set()
    i = 1  # not the question's first word
    while i < len(words):
        if not words[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(words) and (words[j][:1].isupper() or words[j].lower() in _FOREIGN_LINKS
                                  or re.match(r"[a-zà-ÿ]", words[j]) and words[j].lower() not in _stop_words()):
            j += 1
        run = words[i:j]
        while len(run) > 1 and not run[-1][:1].isupper() and not _after_link(run[-2], run[-1]):
            run.pop()
        if any(w.lower() in _FOREIGN_LINKS for w in run):
            out |= {w.lower() for w in run} | {re.sub(r"^[ld][’']", "", w.lower()) for w in run}
        i = j
    return out


def _after_link(before: str, word: str) -> bool:
    return before.lower() in _FOREIGN_LINKS or re.match(r"(?i)[ld][’']", word) is not None
