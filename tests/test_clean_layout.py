"""The same report from another extractor (issue #3): same paragraphs, same clean text.

``tests/fixtures/A-69-207-layout.txt`` is derived from ``corpus/A-69-207.txt`` by
``bench/make_layout_variant.py``: paragraph numbers inline, soft-hyphenated and hyphenated line
ends, a running header and footer on every page (``14-56609 3/21``, ``4/21 14-56609``, a bare
page number), form feeds between pages.
"""

from __future__ import annotations

import importlib.util
import re

import pytest

from ingest import parse_text
from ingest.text.broken_forms import KINDS, find_broken_forms

from conftest import FIXTURES, ROOT

VARIANT = FIXTURES / "A-69-207-layout.txt"


@pytest.fixture(scope="module")
def variant_text() -> str:
    return VARIANT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def variant(variant_text):
    return parse_text(variant_text, source=str(VARIANT))


@pytest.fixture(scope="module")
def variant_paras(variant):
    return {c.number: c for c in variant.paragraphs if not c.part}


def test_fixture_is_the_generator_output(report_text, variant_text):
    spec = importlib.util.spec_from_file_location("make_layout_variant", ROOT / "bench" / "make_layout_variant.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.layout_variant(report_text) == variant_text


@pytest.mark.parametrize("feature, pattern, at_least", [
    ("form feeds between pages", r"\f", 20),
    ("running header after each page break", r"\fA/69/207\n", 20),
    ("footer: job number, then page", r"^14-56609 \d+/\d+$", 5),
    ("footer: page, then job number", r"^\d+/\d+ 14-56609$", 5),
    ("footer: a page number alone", r"^(?:5|10|15|20)\n\f", 4),
    ("paragraph numbers inline", r"^[1-9]\. [A-Z]", 9),
    ("soft hyphens at line ends", "\u00ad$", 30),
    ("plain hyphens at line ends", r"[a-z]-$", 30),
    ("compounds broken at their hyphen", r"(?:post|High)-$", 5),
])
def test_fixture_has_the_layout_features(variant_text, feature, pattern, at_least):
    assert len(re.findall(pattern, variant_text, re.M)) >= at_least, feature


def test_same_87_paragraphs_and_summary(variant):
    assert variant.symbol == "A/69/207"
    assert [c.number for c in variant.paragraphs] == list(range(1, 88))
    assert sum(c.kind == "summary" for c in variant.chunks) == 1


@pytest.mark.parametrize("number", range(1, 88))
def test_paragraph_reads_as_in_the_report(paras, variant_paras, number):
    got, want = variant_paras[number], paras[number]
    assert got.text == want.text
    assert got.section == want.section
    assert got.footnotes == want.footnotes


def test_summary_reads_as_in_the_report(doc, variant):
    want = next(c for c in doc.chunks if c.kind == "summary")
    got = next(c for c in variant.chunks if c.kind == "summary")
    assert got.text == want.text


@pytest.mark.parametrize("kind", KINDS)
def test_no_broken_form_left_in_the_variant(variant, variant_text, kind):
    assert find_broken_forms(variant, variant_text)[kind] == []
