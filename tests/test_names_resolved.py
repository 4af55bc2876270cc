"""The names gate reads the full names ingest resolved a paragraph's short forms to, and a question's run of
capitalized words splits at a possessive (issue #19): real sentences of A/79/19 and A/79/722."""

from __future__ import annotations

from ingest.models import Entity
from search import subject
from search.models import Hit
from search.names import _name_parts, names_ok, resolved_names

# A/79/19, para. 13, with the entity ingest stored for its "Working Group"
PARA_13 = ("On the same day, the Working Group heard a briefing by the Assistant Secretary-General for the Middle East, "
           "Asia and the Pacific in the Departments of Political and Peacebuilding Affairs and Peace Operations.")
WORKING_GROUP = Entity("Working Group", "organization", "Working Group of the Whole", 17, 30)


def _hit(text: str, entities: tuple[Entity, ...] = ()) -> Hit:
    return Hit("A/79/19, para. 13", "A/79/19", 13, "paragraph", ("E. Proceedings of the Committee",), text, 1.0,
               entities=entities)


def test_a_short_form_names_the_full_name_ingest_resolved_it_to():
    asked = [("Working Group of the Whole", ())]
    assert names_ok(_hit(PARA_13, (WORKING_GROUP,)), asked)
    assert not names_ok(_hit(PARA_13), asked)  # the paragraph alone writes only "the Working Group"


def test_a_narrowed_context_lends_only_the_names_it_writes():
    hit = _hit(PARA_13, (WORKING_GROUP,))
    elsewhere = "Asia and the Pacific in the Departments of Political and Peacebuilding Affairs and Peace Operations."
    assert resolved_names(hit, elsewhere) == ""
    assert not names_ok(hit, [("Working Group of the Whole", ())], elsewhere)
    assert resolved_names(hit, PARA_13) == " . Working Group of the Whole"


def test_another_body_is_still_refused():
    hit = _hit(PARA_13, (WORKING_GROUP,))
    assert not names_ok(hit, [("Working Group on Peacekeeping Operations", ())])
    assert not names_ok(hit, [("Special Committee on Decolonization", ())])


def test_a_place_canonical_lends_nothing():
    # A/79/722: ingest resolved the language "Kazakh" to the place "Petropavl"; a place's canonical is a spelling,
    # and a wrong one names another place
    text = "The latter, issued in English and Russian, is being translated into Arabic, Chinese and Kazakh."
    hit = _hit(text, (Entity("Kazakh", "place", "Petropavl", 89, 95),))
    assert not names_ok(hit, [("Petropavl", ())])


def test_a_possessive_inside_a_run_splits_it_into_owner_and_owned(monkeypatch):
    held = {"Special Committee", "Working Group of the Whole", "Libya", "National Oil Corporation",
            "Māori Women's Welfare League"}
    monkeypatch.setattr(subject, "documents_citing", lambda searcher, name, aliases=(): int(name in held))
    assert _name_parts(None, "Special Committee's Working Group of the Whole") == [
        "Special Committee", "Working Group of the Whole"]
    assert _name_parts(None, "Libya's National Oil Corporation") == ["Libya", "National Oil Corporation"]
    assert _name_parts(None, "Māori Women's Welfare League") == ["Māori Women's Welfare League"]  # held whole
