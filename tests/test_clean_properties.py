"""Property tests (issue #3): the parser and the repairs on arbitrary text.

``parse_text`` must never crash and must number paragraphs in strictly increasing order within
each part of a document, whatever it is given: random characters, or the report's own lines
shuffled with page furniture, page breaks, footnote blocks and stray numbers mixed in. The text
repairs only ever take out spaces or put in hyphens. Example counts are kept small so that the
suite stays fast.
"""

from __future__ import annotations

from itertools import groupby

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import parse_text
from ingest.text.clean import Vocabulary, rejoin_split_words, restore_lost_hyphens

from conftest import REPORT

LINES = REPORT.read_text(encoding="utf-8").splitlines()
VOCAB = Vocabulary.from_text("\n".join(LINES))
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines a page-by-page extraction mixes into a report's text.
NOISE = ["A/69/207", "14-56609 (E)", "14-56609 3/21", "4/21 14-56609", "*1456609*", "120814", "7",
         "__________________", "\f", "", "1.", "A.", "II.", "Annex", "Table 1", "mig\u00ad", "devel-"]
numbered = st.builds(lambda n, line: f"{n}. {line}", st.integers(0, 120), st.sampled_from(LINES))
line = st.one_of(st.sampled_from(LINES), st.sampled_from(NOISE), numbered,
                 st.text(max_size=40))


def _assert_increasing(doc) -> None:
    for part, chunks in groupby(doc.paragraphs, key=lambda c: (c.part, c.page is not None)):
        numbers = [c.number for c in chunks]
        if not part[1]:
            assert numbers == sorted(set(numbers)), (part, numbers)


@FEW
@given(st.text(max_size=2000))
def test_parse_text_never_crashes_on_any_text(text):
    _assert_increasing(parse_text(text))


@FEW
@given(st.lists(line, max_size=120))
def test_paragraph_numbers_increase_on_mixed_report_lines(lines):
    _assert_increasing(parse_text("\n".join(lines)))


@FEW
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=80), st.randoms(use_true_random=False))
def test_page_breaks_anywhere_keep_the_paragraphs(lines, rnd):
    # Cutting the same lines into pages, with furniture at every break, changes no paragraph.
    paged, page = [], 1
    for s in lines:
        paged.append(s)
        if rnd.random() < 0.1:
            page += 1
            paged += ["", f"14-56609 {page - 1}/99", "\fA/69/207", ""]
    paged.append(f"{page}/99 14-56609")
    plain, broken = parse_text("\n".join(lines)), parse_text("\n".join(paged))
    # Numbered paragraphs only: paragraphs cited by page move with the pages by design.
    numbered = lambda doc: [(c.number, c.text) for c in doc.paragraphs if c.page is None]  # noqa: E731
    assert numbered(broken) == numbered(plain)


words = st.lists(st.one_of(st.sampled_from(sorted(VOCAB.words)[:3000]), st.text("abcdefgh", min_size=1, max_size=6)),
                 max_size=30)


@FEW
@given(words, st.randoms(use_true_random=False))
def test_repairs_only_take_out_spaces_or_put_in_hyphens(tokens, rnd):
    # Split some words with a space, as extraction does; rejoining may only remove spaces.
    pieces = []
    for w in tokens:
        k = rnd.randrange(len(w) + 1)
        pieces.append(f"{w[:k]} {w[k:]}".strip() if rnd.random() < 0.3 else w)
    text = " ".join(pieces)
    joined = rejoin_split_words(text, VOCAB)
    assert joined.replace(" ", "") == text.replace(" ", "")
    assert restore_lost_hyphens(joined, VOCAB).replace("-", "") == joined.replace("-", "")
