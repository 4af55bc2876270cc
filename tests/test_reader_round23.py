"""Round 23 (issue 15): what a hidden document's text may bring that the library's does not.

Perturbations of real text (A/69/207's paragraphs 1-3, as its text extraction prints them) and of
small PDFs: characters that print as letters but do not read as them (ligatures, Unicode's
hyphens, zero-width spaces; none of the 72 library PDFs holds one, so only a hidden document shows
it), and page-level accidents the reader already survives (a paragraph broken by a footnote block
at a page's foot, sub-items running over a page break, a repeated or misprinted number, a soft
hyphen and a no-break space after a number, an annex numbering afresh), kept here as guards.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ingest import parse_text, read_document
from ingest.text.odd_chars import fold_odd_chars

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_samples import write_pdf  # noqa: E402


@pytest.mark.parametrize("printed, read", [
    ("reﬂected a signiﬁcant convergence of views", "reflected a significant convergence of views"),
    ("the eﬀects of the ﬃrst and ﬄow", "the effects of the ffirst and fflow"),
    ("the post‐2015 development agenda", "the post-2015 development agenda"),  # U+2010
    ("the post‑2015 development agenda", "the post-2015 development agenda"),  # U+2011, no break
    ("international migra\u200btion and develop\u2060ment", "international migration and development"),
    ("\ufeffIn its resolution 67/219", "In its resolution 67/219"),
    ("Secretary-General’s eight-point agenda", "Secretary-General’s eight-point agenda"),  # nothing odd: as printed
    ("contri\u00adbutions of 232\u00a0million", "contri\u00adbutions of 232\u00a0million"),  # left to join_lines / split
])
def test_odd_characters_read_as_what_they_print(printed, read):
    assert fold_odd_chars(printed) == read


_HEAD = "United Nations A/69/207\n\nGeneral Assembly\n\nInternational migration and development\n\nIntroduction\n"
_PARA1 = ["The 2013 High-level Dialogue on International Migration and Development",
          "was a landmark event. Through its adoption, on 3 October 2013, of the Declaration",
          "of the High-level Dialogue on International Migration and Development (General",
          "Assembly resolution 68/4), the Assembly broke new ground in its consideration of",
          "the issue of international migration and development. The High-level Dialogue also",
          "reflected a significant convergence of views among Member States, the United",
          "Nations system, other relevant international organizations and civil society."]
_PARA2 = ["As the General Assembly considers the inclusion of migration in the",
          "elaboration of the sustainable development goals and targets of the post-2015",
          "development agenda, the world is faced with unprecedented challenges."]


def _report(para1: list[str]) -> str:
    return _HEAD + "1.\n" + "\n".join(para1) + "\n2.\n" + "\n".join(_PARA2) + "\n"


def _split_at(lines: list[str], k: int, word: str, cut: int, mark: str) -> list[str]:
    """Line k's ``word`` broken after ``cut`` letters with ``mark``, its rest opening line k + 1."""
    out = list(lines)
    head, tail = word[:cut], word[cut:]
    assert out[k + 1].startswith(word + " ")
    out[k] = f"{out[k]} {head}{mark}"
    out[k + 1] = tail + out[k + 1][len(word):]
    return out


@pytest.mark.parametrize("para1", [
    [l.replace("fi", "ﬁ").replace("fl", "ﬂ") for l in _PARA1],  # a typesetter's ligatures
    _split_at(_PARA1, 4, "reflected", 4, "\u2010"),  # ``refl‐`` / ``ected``: U+2010 at a line's end
    _split_at(_PARA1, 4, "reflected", 4, "\u2011"),
    _split_at(_PARA1, 4, "reflected", 4, "\u00ad"),  # a soft hyphen: read so already (guard)
    [l.replace("migration", "migra\u200btion") for l in _PARA1],  # a zero-width space inside a word
])
def test_a_text_report_reads_odd_characters_as_the_plain_text(tmp_path, para1):
    src = tmp_path / "A-69-207.txt"
    src.write_text(_report(para1), encoding="utf-8")
    plain = {c.number: c.text for c in parse_text(_report(_PARA1), source="A-69-207.txt").paragraphs}
    got = {c.number: c.text for c in read_document(src).paragraphs}
    assert sorted(got) == [1, 2]
    assert got == plain
    assert "reflected a significant convergence" in got[1]


# --- PDFs: page-level accidents, real sentences of A/69/207 set as a two-page report ---

def _page1(body: list) -> list:
    return [(123, 43, 14, False, "United Nations A/69/207"), (124, 72, 20, True, "General Assembly"),
            (397, 80, 10, False, "Distr.: General"), (397, 92, 10, False, "30 July 2014"),
            (124, 200, 14, True, "International migration and development"), *body,
            (65, 740, 7, False, "14-56609 (E)")]


def _page2(body: list) -> list:
    return [(60, 53, 8.5, True, "A/69/207"), *body, (60, 749, 7, False, "2/2 14-56609")]


def _lines(top: float, texts: list[str], x: float = 124) -> list:
    return [(x, top + 12 * k, 10, False, t) for k, t in enumerate(texts)]


_P1 = _lines(250, ["1. The 2013 High-level Dialogue on International Migration and Development",
                   "was a landmark event."])


def _paras(tmp_path: Path, pages: list) -> dict[int, str]:
    doc = read_document(write_pdf(tmp_path / "r.pdf", pages))
    return {c.number: c.text for c in doc.paragraphs if c.page is None and not c.part}


def test_a_paragraph_broken_by_a_footnote_block_runs_on_over_the_page(tmp_path):
    p1 = _page1(_P1 + _lines(286, ["2. As the General Assembly considers the inclusion of migration in the",
                                   "elaboration of the sustainable development goals,1 the world is faced"])
                + [(124, 690, 10, False, "__________________"), (124, 704, 8, False, "1 See A/68/190, sect. V.")])
    p2 = _page2(_lines(80, ["with unprecedented challenges.",
                            "3. Protecting the fundamental human rights of migrants can be achieved."]))
    doc = read_document(write_pdf(tmp_path / "r.pdf", [p1, p2]))
    paras = {c.number: c for c in doc.paragraphs}
    assert sorted(paras) == [1, 2, 3]
    assert paras[2].text.endswith("the world is faced with unprecedented challenges.")
    assert paras[2].footnotes and "A/68/190" in paras[2].footnotes[0] and "A/68/190" not in paras[2].text


def test_sub_items_run_on_over_a_page_break_inside_their_paragraph(tmp_path):
    p1 = _page1(_P1 + _lines(286, ["2. The Secretary-General proposed that Member States consider:"])
                + _lines(304, ["(a) Addressing the dire situation of migrants caught in crisis situations;"], x=147))
    p2 = _page2(_lines(80, ["(b) Reducing the costs of labour migration;"], x=147)
                + _lines(104, ["3. Protecting the fundamental human rights of migrants can be achieved."]))
    paras = _paras(tmp_path, [p1, p2])
    assert sorted(paras) == [1, 2, 3]
    assert paras[2].endswith("(b) Reducing the costs of labour migration;")


@pytest.mark.parametrize("printed, number", [("2.", 3), ("8.", 3)])  # a number printed twice, a misprint
def test_a_repeated_or_misprinted_number_keeps_the_sequence(tmp_path, printed, number):
    p1 = _page1(_P1 + _lines(286, ["2. As the General Assembly considers the inclusion of migration.",
                                   f"{printed} Protecting the fundamental human rights of migrants.",
                                   "4. Globally, there were 232 million international migrants in 2013."]))
    doc = read_document(write_pdf(tmp_path / "r.pdf", [p1]))
    paras = {c.number: c for c in doc.paragraphs}
    assert sorted(paras) == [1, 2, 3, 4]
    assert paras[number].text == "Protecting the fundamental human rights of migrants."


def test_a_soft_hyphen_and_a_no_break_space_after_the_number_read_plainly(tmp_path):
    p1 = _page1(_P1 + _lines(286, ["2.\xa0As the General Assembly considers the inclusion of mi\xad",
                                   "gration in the post-2015 development agenda."]))
    paras = _paras(tmp_path, [p1])
    assert paras[2] == "As the General Assembly considers the inclusion of migration in the post-2015 development agenda."


def test_an_annex_numbers_its_paragraphs_afresh(tmp_path):
    p1 = _page1(_P1 + _lines(286, ["2. As the General Assembly considers the inclusion of migration."]))
    p2 = _page2([(124, 80, 10, True, "Annex"), (124, 104, 14, True, "Eight-point agenda for action")]
                + _lines(140, ["1. Protect the human rights of all migrants.",
                               "2. Reduce the costs of labour migration."]))
    doc = read_document(write_pdf(tmp_path / "r.pdf", [p1, p2]))
    got = [(c.part, c.number) for c in doc.paragraphs if c.page is None]
    assert got == [("", 1), ("", 2), ("annex", 1), ("annex", 2)]


# --- a cross-reference wrapped to a line's start is no figure's caption (E/2025/65 pp. 5, 15) ---

def test_a_lowercase_figure_reference_at_a_lines_start_stays_in_its_paragraph(tmp_path):
    # E/2025/65 p. 5, para. 9 as printed: its third line opens ``figure II)``; the real caption follows.
    p1 = _page1(_lines(250, [
        "1. A rapid resolution of trade tensions, accompanied by significant tariff",
        "reductions, could improve global economic prospects. However, downside risks",
        "dominate, with outcomes potentially worse than in the baseline scenario. Prolonged",
        "policy uncertainty, persistent trade conflicts and continuing market volatility (see",
        "figure II) could further disrupt supply chains, erode business and consumer",
        "confidence and limit fiscal space."])
        + [(124, 340, 10, False, "Figure II"), (124, 353, 10, True, "Trade policy uncertainty index"),
           (124, 520, 8.5, False, "Source: UN DESA, based on data from the Federal Reserve Bank.")]
        + _lines(560, ["2. A deteriorating global outlook further undermines progress towards the",
                       "Sustainable Development Goals."]))
    doc = read_document(write_pdf(tmp_path / "r.pdf", [p1]))
    paras = {c.number: c.text for c in doc.paragraphs if c.page is None}
    assert sorted(paras) == [1, 2]
    assert "market volatility (see figure II) could further disrupt supply chains, erode business and consumer " \
           "confidence and limit fiscal space." in paras[1]
    assert not any("Trade policy uncertainty" in t for t in paras.values())
    assert any("Trade policy uncertainty index" in c.text or "Trade policy uncertainty index" in c.section
               for c in doc.chunks)


# --- a table's or map's title heads its table, not the paragraphs after it (blocks as the segmenter gives them) ---

from ingest.pdf.captions import scope_table_titles  # noqa: E402
from ingest.text.blocks import _Block  # noqa: E402

_OVERVIEW = ("I. Global macroeconomic trends", "Global overview")
_GROWTH = ("I. Global macroeconomic trends", "Growth of world output and gross domestic product")
_B = ("X. Investigations results", "B. Analysis of allegations received")
_CASES = (*_B, "Case intake by category of allegation, 2022–2024")
_KIVU = ("III. Protection of civilians", "North Kivu")
_MAP = ("III. Protection of civilians", "Expansion of territory held by the Mouvement du 23 mars")


def _para(n: int, sect: tuple) -> _Block:
    return _Block("paragraph", number=n, lines=["..."], section=sect)


def _small(n: int, page: int, sect: tuple) -> _Block:
    return _Block("paragraph", number=n, lines=["World 3.2 2.8 2.9 2.4 2.5 -0.4 -0.4"], section=sect, page=page, small=True)


def _head(text: str) -> _Block:
    return _Block("heading", lines=[text], section=())


@pytest.mark.parametrize("blocks, want", [
    # E/2025/65 pp. 4-5: a full-width table under a bold title, then paras. 9-10, then ``Inflation``
    ([_para(8, _OVERVIEW), _head(_GROWTH[-1]), _small(1, 4, _GROWTH), _small(1, 5, _GROWTH), _para(9, _GROWTH),
      _para(10, _GROWTH), _head("Inflation"), _para(11, ("I. Global macroeconomic trends", "Inflation"))],
     [_OVERVIEW, (), _GROWTH, _GROWTH, _OVERVIEW, _OVERVIEW, (), ("I. Global macroeconomic trends", "Inflation")]),
    # E/ICEF/2025/AB/L.3 p. 16: ``Table 4`` and its title one level under section B, then para. 60 and table 5
    ([_para(59, _B), _head(_CASES[-1]), _small(4, 16, _CASES), _small(5, 16, _CASES), _para(60, _CASES),
      _Block("table", number=5, lines=["..."], section=_CASES)],
     [_B, (), _CASES, _CASES, _B, _B]),
    # S/2025/176 p. 4: a map's title in place of the sub-heading ``North Kivu``; its source; paras. 20-24
    ([_para(19, _KIVU), _head(_MAP[-1]), _small(1, 4, _MAP), _para(20, _MAP)], [_KIVU, (), _MAP, _KIVU]),
    # a sub-heading over paragraphs (no small type under it) heads them: unchanged
    ([_para(8, _OVERVIEW), _head("Inflation"), _para(9, ("I. Global macroeconomic trends", "Inflation"))],
     [_OVERVIEW, (), ("I. Global macroeconomic trends", "Inflation")]),
    # a sub-heading over a table and paragraphs whose small type is not under it: unchanged
    ([_para(8, _OVERVIEW), _head(_GROWTH[-1]), _small(1, 4, _OVERVIEW), _para(9, _GROWTH)],
     [_OVERVIEW, (), _OVERVIEW, _GROWTH]),
])
def test_the_paragraphs_after_a_tables_title_go_back_under_the_open_section(blocks, want):
    scope_table_titles(blocks)
    assert [tuple(b.section) for b in blocks] == want
