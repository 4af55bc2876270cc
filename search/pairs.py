"""Values a sentence pairs with names in a list: "with representatives of the United Arab Emirates on 29
February, Uganda on 12 July and Qatar on 16 July".

The question names one key ("with representatives of *Uganda*"); the value written right after that key is
its, the others are the other keys'. Scoring by nearness alone gives the list's first value, which sits
next to the words the list's lead shares with every item ("held technical meetings in New York with ...").
Like "respectively" (``span_scores.respectively``), but with each value beside its key.
"""

from __future__ import annotations

import re

from .answer_types import Span
from .terms import tokenize

#: what stands between a key and its value: "Uganda *on* 12 July", "Kenya *(*45 per cent", "Chad*:* 12" (not nothing: in
#: "Environment Assembly 53/242" the figure is the name's own number)
_BETWEEN = re.compile(r"\s*(?:(?:on|in|at|with|from|since|until|by)\s+|\(\s*|:\s*)(?:the\s+)?$")
PAIRED = 0.3
_KINDS = ("date", "count", "money", "percent")
_KEY_KINDS = ("place", "organization", "person")


def keyed_values(spans: list[Span], text: str, entities) -> list[tuple[Span, tuple[int, int]]]:
    """Each value of ``spans`` (one kind) with the name written right before it, if one is."""
    out = []
    for sp in spans:
        keys = [(a, b) for _, kind, a, b in entities if kind in _KEY_KINDS and b <= sp.start
                and _BETWEEN.fullmatch(text[b:sp.start])]
        if keys:
            out.append((sp, max(keys)))
    return out


def paired(span: Span, spans: list[Span], text: str, entities, weights: dict[str, float]) -> float:
    """+PAIRED for the value written after the one key the question names, -PAIRED for a value after another
    key; 0 unless at least two values of the span's kind sit after keys and the question names exactly one
    of the keys (``weights``: question stem -> weight)."""
    if span.kind not in _KINDS:
        return 0.0
    keyed = keyed_values(sorted((sp for sp in spans if sp.kind == span.kind), key=lambda sp: sp.start), text, entities)
    if len(keyed) < 2 or span not in [sp for sp, _ in keyed]:
        return 0.0
    held = [_named(text[a:b], weights) for _, (a, b) in keyed]
    if max(held) <= 0 or held.count(max(held)) > 1 or sum(h > 0 for h in held) > 1:
        return 0.0
    return PAIRED if keyed[held.index(max(held))][0] == span else -PAIRED


def _named(key: str, weights: dict[str, float]) -> float:
    """The weight of the question's words in ``key`` when the question holds all of them ("Uganda"), else 0:
    "*New* census results" does not name "Papua *New* Guinea"."""
    stems = [t.stem for t in tokenize([key])[0]]
    return sum(weights[st] for st in stems) if stems and all(st in weights for st in stems) else 0.0
