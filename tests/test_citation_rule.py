"""One rule for "this text is a whole citation" (``search.context.pasted_citation``): ``show`` prints the
paragraph it cites (or says why nothing is cited, exit 4), and a search of it keeps its hits and adds a note
pointing to the paragraph (``citation_typed``). Each typed form below with what each of the two does, on the
report A/69/207 alone."""

from __future__ import annotations

import pytest

from search.cli import main
from search.context import citation_typed, pasted_citation

PARA_46 = "A/69/207, para. 46"
# typed text -> (show's exit code, the start of show's first line, the citation a search's note points to)
CASES = {
    "A/69/207, para. 46": (0, PARA_46, PARA_46),
    "A/69/207 para 46": (0, PARA_46, PARA_46),
    "a/69/207 paragraph 46": (0, PARA_46, PARA_46),
    "A/69/207,  para.  46": (0, PARA_46, PARA_46),
    "A/69/207, summary": (0, "A/69/207, summary", "A/69/207, summary"),
    # a range or a list is not one paragraph: show says how the report's paragraphs are cited, no note
    "A/69/207, paras. 46-47": (4, "paracite: error: nothing in A/69/207 is cited as 'A/69/207, paras. 46-47'", None),
    "A/69/207, para. 46, footnote 3": (4, "paracite: error: nothing in A/69/207 is cited as", None),
    "A/69/207, annex, para. 3": (4, "paracite: error: nothing in A/69/207 is cited as", None),
    "A/69/207, para. 460": (4, "paracite: error: A/69/207 has no paragraph 460 (its paragraphs are numbered 1 to", None),
    # another document's citation: show names the unknown document, a search is words
    "A/80/62, annex, para. 3": (4, "paracite: error: no document A/80/62 in this index (it holds A/69/207)", None),
    "S/RES/2719 (2023), para. 2": (4, "paracite: error: no document S/RES/2719 in this index", None),
    "A/69/208, para. 46": (4, "paracite: error: no document A/69/208 in this index; did you mean A/69/207?", None),
    # a symbol alone is the document (not a citation); a query that merely holds a symbol is words
    "A/69/207": (0, "A/69/207  2014", None),
    "A 69 207": (0, "A/69/207  2014", None),
    "A/69/207.": (0, "A/69/207  2014", None),
    "A/69/207 remittance costs": (4, "paracite: error: nothing in A/69/207 is cited as 'A/69/207 remittance costs'",
                                  None),
    "remittance costs in A/69/207": (4, "paracite: error: no document remittance in this index", None),
}


@pytest.mark.parametrize("typed", list(CASES))
def test_show_and_search_read_a_typed_citation_by_one_rule(typed, index_dir, searcher, capsys):
    rc, shown, noted = CASES[typed]
    assert main(["show", typed, "--index", str(index_dir)]) == rc
    run = capsys.readouterr()
    assert (run.out or run.err).startswith(shown)
    hit = citation_typed(searcher, typed)
    assert (hit.citation if hit else None) == noted
    # the rule says "a citation" for all but a symbol alone (show prints the document then)
    assert (pasted_citation(searcher, typed) is None) == shown.startswith("A/69/207  2014")
