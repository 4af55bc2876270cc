"""Instrument back-references of the twentieth session (docs/entities-log.md, issue #15): a bare "the Convention"
means the document's own treaty once the document has used it so, even after other conventions were named; "the
Protocols thereto" and "its Protocols" name the protocols to the instrument just named; an instrument in the title
is what the first paragraphs' "the Convention" means; "Agenda item 12" is no agenda. A title's "United Nations" or "International" stays in the instrument's name. Real sentences of S/2025/258,
A/CONF.230/2025/10, E/2025/L.16 and E/2025/36 (the round-20 dev half's documents), tagged by the real spaCy pipeline,
with guards that keep the nearest instrument where the own one is not meant."""

from __future__ import annotations

import pytest

from ingest.entities.tagger import tag_document, tag_texts
from ingest.models import Chunk, Document

I = "instrument"

# S/2025/258 (enclosure): the OPCW's report; its treaty is named once, then "the Convention" throughout
CWC = ("The Syrian Arab Republic acceded to the Chemical Weapons Convention (the Convention) on 14 September 2013. The "
       "Convention entered into force for this State Party on 14 October 2013.")  # S/2025/258, enclosure, para. 8
S258_36 = ("In paragraph 5 of decision EC-94/DEC.2, the Council decided: to request, pursuant to paragraph 36 of Article "
           "VIII of the Convention, that the Syrian Arab Republic complete all of the following measures within 90 days.")
S258_34 = ("Further, the Secretariat will continue to integrate knowledge and expertise from the IIT, in line with the "
           "Convention and decisions adopted by the policy-making organs, into standard operations.")
# A/CONF.230/2025/10, para. 75: two other conventions named between
CONF_75 = ("Upcoming international events and forums, including the thirtieth Conference of the Parties to the United "
           "Nations Framework Convention on Climate Change, the seventeenth meeting of the Conference of the Parties to "
           "the Convention on Biological Diversity and the Fourth International Conference on Financing for Development "
           "present major opportunities.")
S258_39 = ("In paragraph 7 of decision C-25/DEC.9, the Conference decided, after careful review, and without prejudice to "
           "the Syrian Arab Republic’s obligations under the Convention, pursuant to subparagraph 21(k) of Article VIII "
           "and paragraph 2 of Article XII of the Convention, to suspend several rights and privileges of the Syrian "
           "Arab Republic under the Convention.")
FILLER = "The Technical Secretariat continued its work in the period under review."


def _bare(chunk: list) -> list[str]:
    """Canonical names tagged on a bare "Convention"."""
    return [e.canonical for e in chunk if e.kind == I and e.text == "Convention"]


def test_the_documents_own_convention_after_others_are_named():
    """Named, then used bare twice: "the Convention" stays the document's treaty though two others were named since
    (main left these untagged: two conventions named, the last not in the chunk before)."""
    tagged = tag_texts([CWC, S258_36, S258_34, CONF_75, FILLER, S258_39])
    assert _bare(tagged[1]) == _bare(tagged[2]) == [_bare(tagged[1])[0]]
    own = _bare(tagged[1])[0]
    assert _bare(tagged[0]) == [own, own]
    assert "Chemical Weapons" in own, own
    assert _bare(tagged[5]) == [own] * 3, tagged[5]


def test_the_own_convention_in_a_chunk_naming_another():
    """A chunk naming another convention and, after it, the own one in full: a later bare head is the own one."""
    tagged = tag_texts([CWC, S258_36, S258_34, FILLER,
                        "The Convention on Biological Diversity has more States Parties than the Chemical Weapons "
                        "Convention, and the Secretariat promotes universality of the Convention."])
    assert ["Chemical Weapons" in c for c in _bare(tagged[4])] == [True], tagged[4]


GUARDS = [
    # not established (resolved once only): two conventions named, the last one far back -> untagged, as before
    (["The Syrian Arab Republic acceded to the Chemical Weapons Convention on 14 September 2013.", FILLER, S258_34,
      CONF_75, FILLER, FILLER, "Parties to the Convention met."], []),
    # established, but another convention named in this very chunk before the bare head, the own one not: the nearest
    ([CWC, S258_36, S258_34, FILLER, "The Convention on Biological Diversity entered into force in 1993; the "
      "Convention has 196 Parties."], ["Convention on Biological Diversity"]),
]


# A/80/192, annex I: "that Agreement" right after another agreement named means that one, not the own one
AGREEMENT = ("The Agreement between the Republic of Argentina and the Federative Republic of Brazil for the Exclusively "
             "Peaceful Use of Nuclear Energy was signed in 1991.")
GUARDS.append(([AGREEMENT, "Under the Agreement, inspections began.", "The Agreement set up a joint agency.", FILLER,
                "Both States and the agencies signed the Agreement between the Republic of Argentina and the Federative "
                "Republic of Brazil for the Exclusively Peaceful Use of Nuclear Energy and the Quadripartite Agreement. "
                "It should be noted that that Agreement fulfils the obligations."], ["Quadripartite Agreement"]))


def _bare_any(chunk: list) -> list[str]:
    return [e.canonical for e in chunk if e.kind == I and e.text in ("Convention", "Agreement")]


@pytest.mark.parametrize("texts,want", GUARDS)
def test_own_convention_guards(texts, want):
    assert _bare_any(tag_texts(texts)[-1]) == want


@pytest.mark.parametrize("text,canonical", [
    # E/2025/L.16, para. 84
    ("We affirm the importance of full and effective implementation of the Convention on Biological Diversity and its "
     "Protocols, as well as the Kunming-Montreal Global Biodiversity Framework.",
     "Protocols to the Convention on Biological Diversity"),
    ("States parties to the United Nations Convention against Transnational Organized Crime and the Protocols thereto "
     "met in Vienna.", "Protocols to the United Nations Convention against Transnational Organized Crime"),
])
def test_protocol_thereto_links_to_its_parent(text, canonical):
    found = {(e.text, e.canonical) for e in tag_texts([text])[0] if e.kind == I}
    assert ("Protocols", canonical) in found, found


def test_protocol_thereto_needs_a_parent_nearby():
    """No instrument named before: "the Protocol thereto" stays untagged."""
    found = tag_texts([FILLER, FILLER, "Parties to the Protocol thereto met in Vienna."])[-1]
    assert not [e for e in found if e.kind == I], found


def test_the_titles_instrument_for_the_first_paragraphs():
    """A title naming the treaty: the first paragraph's bare "the Convention" is that treaty, and the title's own
    entities are not kept as any chunk's."""
    title = "United Nations Framework Convention on Climate Change: implementation of resolution 46/169"
    chunks = (Chunk(symbol="X/1", kind="paragraph", number=1,
                    text="States have since signed the Convention and are preparing its entry into force."),)
    doc = tag_document(Document(symbol="X/1", title=title, source="x.txt", chunks=chunks))
    ents = doc.chunks[0].entities
    assert [(e.text, e.canonical) for e in ents if e.kind == I] == \
        [("Convention", "United Nations Framework Convention on Climate Change")], ents


def test_an_agenda_item_heading_is_no_agenda():
    """E/2025/36, annex I: "Rome, 18–21 November 2024 Agenda item 12" is a meeting's item, not an agenda."""
    text = ("Rapporteur: Mr. Vito Su (United States of America) Executive Board Second regular session Rome, 18–21 "
            "November 2024 Agenda item 12 WFP/EB.2/2024/12 Verification of adopted decisions and recommendations")
    found = {e.text for e in tag_texts([text])[0] if e.kind == I}
    assert not any("Agenda" in t for t in found), found
    assert "2030 Agenda" in {e.text for e in tag_texts(["the 2030 Agenda, item by item"])[0]}
