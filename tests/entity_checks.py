"""What the tagger finds in an excerpt, shared by the entity-round test tables."""

from __future__ import annotations

from ingest.entities.tagger import tag_texts


def primary(text: str, *more: str) -> set[tuple[str, str]]:
    """(kind, text) of the organizations, instruments and places tagged in ``text`` (tagged after
    ``more``, the document's earlier text, so back-references can resolve)."""
    found = tag_texts([*more, text])[-1]
    return {(e.kind, e.text) for e in found if e.kind in ("organization", "instrument", "place")}


def assert_tagged(text: str, expected, not_tagged, *more: str) -> None:
    """Every ``expected`` (kind, text) is tagged in ``text``, and no tagged span is one of ``not_tagged``."""
    found = primary(text, *more)
    for e in expected:
        assert e in found, (e, found)
    assert not {t for _, t in found} & set(not_tagged), found


def assert_table_tagged(text: str, expected, not_tagged) -> None:
    """As ``assert_tagged``, for a table's row text (tagged as a table: its cells, not sentences)."""
    found = {(e.kind, e.text) for e in tag_texts([text], tables=[True])[0]}
    for e in expected:
        assert e in found, (e, found)
    assert not {t for _, t in found} & set(not_tagged), found
