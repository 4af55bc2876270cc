"""The headings right above paragraph 1 open its section path; the title above them does not.

Hand-made PDFs (Chromium's print-to-PDF of the HTML beside each, tests/fixtures/front_headings/), in two layouts
the library's PDFs hold few of: a treaty body's concluding observations, whose first heading is a lettered
``A. Introduction`` set in body type right under the title (the organ, ``Human Rights Committee``, above the title
in 12-point bold), and a Secretary-General's report whose ``I. Introduction`` follows the title and subtitle.
The words are invented; only the layout matters.
"""

from pathlib import Path

import pytest

from ingest.reader import read_document

FIX = Path(__file__).parent / "fixtures" / "front_headings"


@pytest.mark.parametrize("name,title,first_path", [
    ("CCPR_C_XYZ_CO_4_synthetic.pdf", "Concluding observations on the fourth periodic report of Ruritania",
     ("A. Introduction",)),
    ("A_80_999_synthetic.pdf", "Implementation of the Fourth United Nations Decade for the Eradication of Poverty "
                               "(2027–2036) (Report of the Secretary-General)", ("I. Introduction",)),
])
def test_the_title_heads_no_paragraph(name: str, title: str, first_path: tuple[str, ...]) -> None:
    doc = read_document(FIX / name)
    assert doc.title == title
    assert doc.chunks[0].citation.endswith("para. 1") and doc.chunks[0].section == first_path


def test_lettered_sections_and_their_sub_headings() -> None:
    doc = read_document(FIX / "CCPR_C_XYZ_CO_4_synthetic.pdf")
    paths = {c.number: c.section for c in doc.chunks}
    assert paths[2] == ("B. Positive aspects",)
    assert paths[3] == ("C. Principal matters of concern and recommendations", "Non-discrimination")
    assert paths[5] == ("C. Principal matters of concern and recommendations", "Violence against women")
    assert doc.bodies == ("Human Rights Committee",)
