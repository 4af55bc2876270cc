"""The pronoun "one" ("a technical one") is no count: a "how many" question was answered "one" from
E/2025/42 para. 91, which says the session "was a technical one"."""

from __future__ import annotations

import pytest

from search.answer_types import typed_spans


def _counts(sentence: str) -> list[str]:
    """The words of each count span, lower-cased ("Only one" gives "only one")."""
    return [s.text.lower() for s in typed_spans(sentence, ("count",))]


@pytest.mark.parametrize("sentence", [
    # E/2025/42, para. 91
    "Also at the same meeting, the Chair recalled that, in accordance with Council resolution 2021/6, the twentieth "
    "session was a technical one, and that a Chair's summary of the discussions during the session would be prepared.",
    "The review was an urgent one.",
])
def test_the_pronoun_one_counts_nothing(sentence):
    assert not any("one" in text.split() for text in _counts(sentence))


@pytest.mark.parametrize("sentence, count", [
    ("Only one Member State submitted a report in 2024.", "one"),
    ("The Committee held one meeting and a technical briefing.", "one"),
    ("Of the 12 proposals, one was adopted.", "one"),
])
def test_a_counted_one_still_counts(sentence, count):
    assert any(count in text.split() for text in _counts(sentence))
