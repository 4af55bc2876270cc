"""Clean text (issue #3): each kind of repair on real excerpts of A/69/207, and none left over.

The cases are tables in the eyecite manner: the excerpt's lines as the report prints them, the
clean text expected, and a comment saying which repair it shows. Every case is cleaned with the
vocabulary of the whole report, since the repairs take their evidence from the document.
"""

from __future__ import annotations

import pytest

from ingest.text.broken_forms import KINDS, find_broken_forms
from ingest.text.clean import (Vocabulary, clean_text, join_lines, rejoin_split_words,
                          restore_lost_hyphens, tidy_spacing)
from ingest.text.furniture import page_lines, strip_furniture


@pytest.fixture(scope="module")
def vocab(report_text) -> Vocabulary:
    return Vocabulary.from_text(report_text)


def case(lines: str | list[str], text: str, refs: tuple[int, ...] = (), next_ref: int = 1, id: str = ""):
    """One row: the printed line(s), the clean text, the footnote refs taken out."""
    lines = [lines] if isinstance(lines, str) else lines
    return pytest.param(lines, text, refs, next_ref, id=id or text[:40])


CASES = [
    # -- inline footnote references: out of the text, kept as refs
    case(["chapter X of the Programme of Action of the International Conference on Population",
          "and Development. 6 Speakers proposed the establishment of clear targets and"],
         "chapter X of the Programme of Action of the International Conference on Population and "
         "Development. Speakers proposed the establishment of clear targets and", (6,), 6,
         id="ref after a sentence end"),
    case("the Protection of the Rights of All Migrant Workers and Members of Their Families,8",
         "the Protection of the Rights of All Migrant Workers and Members of Their Families,", (8,), 8,
         id="ref glued to a comma"),
    case(["the adoption of an accountability framework to be followed up through appropriate",
          "intergovernmental processes. 3"],
         "the adoption of an accountability framework to be followed up through appropriate "
         "intergovernmental processes.", (3,), 3, id="ref ending a paragraph"),
    case("number of international migrants continued to grow, by 10.8 million between 2010",
         "number of international migrants continued to grow, by 10.8 million between 2010", (), 10,
         id="figures are not refs"),
    case("Globally, there were 232 million international migrants in 2013 (table 1), with",
         "Globally, there were 232 million international migrants in 2013 (table 1), with", (), 1,
         id="table 1 is not a ref"),
    # -- split words rejoined
    case("persons displaced by the conflicts in Iraq and the Syrian Arab Republic co ntributed",
         "persons displaced by the conflicts in Iraq and the Syrian Arab Republic contributed"),
    case("12. Panellists observed that the discourse on international migr ation and",
         "12. Panellists observed that the discourse on international migration and"),
    case("increased the vulnerability of migrants. W hile women migrants contribute",
         "increased the vulnerability of migrants. While women migrants contribute"),
    case("recommendations on how to make migration a positive experience. Efforts are al so",
         "recommendations on how to make migration a positive experience. Efforts are also",
         id="al so: two 'words' the document prints as one"),
    case("21 December 2012, the Assembly requested the President of the Assembly t o",
         "21 December 2012, the Assembly requested the President of the Assembly to"),
    case("of the migration process. Indeed, the benefits of migration could be ful ly realized",
         "of the migration process. Indeed, the benefits of migration could be fully realized"),
    case("Member States highlighted the need to red uce the",
         "Member States highlighted the need to reduce the"),
    case("Several speakers called for a comprehensive international instru ment on international",
         "Several speakers called for a comprehensive international instrument on international"),
    case("particular women and girls subject to sexual or commercial e xploitation. Delegates",
         "particular women and girls subject to sexual or commercial exploitation. Delegates"),
    case("creators. Host countries were urged to acknowledge the posi tive contributions made",
         "creators. Host countries were urged to acknowledge the positive contributions made"),
    case("contribute to achieving several development goals, including ending p overty,",
         "contribute to achieving several development goals, including ending poverty,"),
    case("from about 80 participants in 2006 to nearly 150 participants in 2014. Part icipation",
         "from about 80 participants in 2006 to nearly 150 participants in 2014. Participation"),
    case("acquired rights for returning migrants. UNESCO continues to advocate for th e",
         "acquired rights for returning migrants. UNESCO continues to advocate for the",
         id="for th e: the piece goes with the neighbour that makes a word"),
    case("UNESCO in early 2014, found that migrant children in secondary school s in",
         "UNESCO in early 2014, found that migrant children in secondary schools in"),
    case("are preparing a report on the impact of migration on families left be hind and on",
         "are preparing a report on the impact of migration on families left behind and on"),
    case("administrative sources, to enhance the capacity of developing countries in c ollecting",
         "administrative sources, to enhance the capacity of developing countries in collecting",
         id="in c ollecting: not inc ollecting"),
    case("successfully promoted informal dialogue and cooperatio n on migration and mobility.",
         "successfully promoted informal dialogue and cooperation on migration and mobility."),
    case("and Caribbean States and the Union of South American Nations. The Asia -Pacific",
         "and Caribbean States and the Union of South American Nations. The Asia-Pacific"),
    case("migration, such as the South American Conference on Migration and the Community of L atin",
         "migration, such as the South American Conference on Migration and the Community of Latin"),
    # -- two real words stay apart
    case("remained relatively constant for the past two decades, at about 3 per cent, the",
         "remained relatively constant for the past two decades, at about 3 per cent, the"),
    case("the point of destination, en route or in countries of departure.",
         "the point of destination, en route or in countries of departure."),
    case("The first round table reviewed the effects of international migration on",
         "The first round table reviewed the effects of international migration on"),
    # -- hyphens lost at line ends restored, on the document's own evidence
    case("Assembly, the President of the Economic and Social Council and the SecretaryGeneral, followed",
         "Assembly, the President of the Economic and Social Council and the Secretary-General, followed"),
    case("39. The present section reviews progress made in implementing the SecretaryGeneral’s "
         "eight-point agenda for action, as presented in his report to the 2013 Highlevel Dialogue.",
         "39. The present section reviews progress made in implementing the Secretary-General’s "
         "eight-point agenda for action, as presented in his report to the 2013 High-level Dialogue."),
    case("grew primarily as a result of migration from Central America, from East and SouthEast Asia",
         "grew primarily as a result of migration from Central America, from East and South-East Asia"),
    # -- stray spaces before hyphens and commas
    case("those countries and areas had reported data on the total foreign -born population as",
         "those countries and areas had reported data on the total foreign-born population as"),
    case("Geneva in October 2013, called for further work on labour migration statistics , to be",
         "Geneva in October 2013, called for further work on labour migration statistics, to be"),
    case("and employer federations in 143 countries, have created a public -private alliance for",
         "and employer federations in 143 countries, have created a public-private alliance for"),
    case("and Development, participation in the coordination meeting has greatly expanded ,",
         "and Development, participation in the coordination meeting has greatly expanded,"),
    case("16. Participants emphasized the need for a comprehensive rights-based and gender- and "
         "age-sensitive migrant-centred approach", "16. Participants emphasized the need for a "
         "comprehensive rights-based and gender- and age-sensitive migrant-centred approach",
         id="a suspended hyphen keeps its space"),
    # -- line-end hyphenation undone; real compounds keep their hyphen
    case(["of the High-level Dialogue on International Migration and Devel-", "opment (General"],
         "of the High-level Dialogue on International Migration and Development (General",
         id="plain hyphen, split word"),
    case(["the perils of migration are evident, including the loss of life of mig\u00ad",
          "rants, whether at"],
         "the perils of migration are evident, including the loss of life of migrants, whether at",
         id="soft hyphen"),
    case(["elaboration of the sustainable development goals and targets of the post-",
          "2015 development agenda"],
         "elaboration of the sustainable development goals and targets of the post-2015 development agenda",
         id="post- / 2015"),
    case(["of the Declaration of the High-", "level Dialogue"], "of the Declaration of the High-level Dialogue",
         id="High- / level: the document prints High-level"),
    case(["decided to convene a second High-level Dialogue, with non-", "governmental organizations"],
         "decided to convene a second High-level Dialogue, with non-governmental organizations",
         id="non- / governmental"),
    case(["a comprehensive rights-based and gender-", "and age-sensitive approach"],
         "a comprehensive rights-based and gender- and age-sensitive approach",
         id="gender- / and: suspended hyphen"),
    case(["migrants during", "2010-", "2013 resulted"], "migrants during 2010-2013 resulted",
         id="a range broken after its hyphen"),
    case("III. Implementing the eight-point agenda: assessing progress, identi- fying gaps",
         "III. Implementing the eight-point agenda: assessing progress, identifying gaps",
         id="a line-end split already joined with a space"),
    # -- curly quotes and the document's own spelling stay
    case("undertaken by choice and making migration “work” for development can be achieved",
         "undertaken by choice and making migration “work” for development can be achieved"),
    case("critical partners in developing labour mobility programmes.",
         "critical partners in developing labour mobility programmes."),
]


@pytest.mark.parametrize("lines, text, refs, next_ref", CASES)
def test_clean_text(vocab, lines, text, refs, next_ref):
    got, got_refs, _ = clean_text(lines, vocab, next_ref)
    assert got == text
    assert tuple(got_refs) == refs


FURNITURE_CASES = [
    # (page text, lines kept) -- the page furniture the report and other extractors print
    ("Dialogue.\n\n14-56609 (E)\n\n120814\n\n*1456609*\n\nA/69/207\n\nIntroduction", ["Dialogue.", "Introduction"]),
    ("national jurisdictions\n\n12/21\n\n14-56609\n\nA/69/207\nlegislative assistance",
     ["national jurisdictions", "legislative assistance"]),
    ("of migrants in Africa,\n14-56609 3/21\n\fA/69/207\nthe region in which", ["of migrants in Africa,", "the region in which"]),
    ("of migrants in Africa,\n4/21 14-56609\n\fA/69/207\nthe region in which", ["of migrants in Africa,", "the region in which"]),
    # A bare page number at a page's edge, numbered as the pages around it.
    ("a\n14-56609 1/3\n\fA/69/207\nb\n2\n\fA/69/207\nc\n14-56609 3/3", ["a", "b", "c"]),
    # A table figure at a page's foot is not a page number.
    ("a\n14-56609 1/3\n\fA/69/207\nb\n82\n\fA/69/207\nc\n14-56609 3/3", ["a", "b", "82", "c"]),
]


@pytest.mark.parametrize("page, kept", FURNITURE_CASES)
def test_page_furniture_is_dropped(page, kept):
    got = strip_furniture(page_lines(page), "A/69/207")
    assert [s for _, s in got.lines if s.strip()] == kept


def test_footnote_blocks_leave_the_text_and_their_texts_stay_as_footnotes(paras):
    # Paragraph 14 runs on across a footnote block whose text did not survive extraction.
    assert "particular, had provided a useful platform" in paras[14].text
    assert "_" not in paras[14].text
    # Footnotes 10-12 survived as texts between footer lines: kept beside paragraph 49.
    assert [f.split(" ", 1)[0] for f in paras[49].footnotes] == ["10", "11", "12"]
    assert paras[49].footnotes[2] == "12 Ibid."
    assert not any(w in paras[51].text for w in ("Ibid.", "Watkins", "12/21"))


@pytest.mark.parametrize("kind", KINDS)
def test_no_broken_form_left_in_the_report(doc, report_text, kind):
    assert find_broken_forms(doc, report_text)[kind] == []


def test_repairs_only_remove_spaces_or_add_hyphens(vocab):
    text = "the SecretaryGeneral’s report on international migr ation and al so the Highlevel Dialogue"
    joined = rejoin_split_words(text, vocab)
    assert joined.replace(" ", "") == text.replace(" ", "")
    assert restore_lost_hyphens(joined, vocab).replace("-", "") == joined
    assert tidy_spacing(tidy_spacing("statistics , and foreign -born")) == "statistics, and foreign-born"


def test_soft_hyphens_never_survive(vocab):
    assert "\u00ad" not in join_lines(["inter\u00adnational mig\u00ad", "ration"], vocab)


def test_every_paragraph_and_the_summary_are_clean(doc):
    kinds = [c.kind for c in doc.chunks]
    assert kinds.count("summary") == 1 and kinds.count("paragraph") == 87
    for c in doc.chunks:
        if c.kind in ("summary", "paragraph"):
            assert c.text == " ".join(c.text.split()), c.citation  # single spaces, no line ends
            assert c.text[:1].isupper() or c.text[:1] in "“(", c.citation

