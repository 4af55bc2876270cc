"""A Security Council resolution laid out as the printed ones are (issue 20), written with
``pdf_samples.write_pdf``: masthead ``S/RES/2776 (2025)``, the title and adoption line, the
enacting formula, preambular paragraphs with an indented first line, operative paragraphs
numbered at that indent with lettered sub-items, a sub-heading, a job number at the foot.

The wording is ours, in the form of a resolution (the development library holds no adopted
Security Council resolution); the real drafts tested are PDFs and texts in tests/fixtures.
"""

from __future__ import annotations

from pdf_samples import Line

LEFT, INDENT, ITEM = 123, 147, 171


def _lines(top: float, texts: list[str], first: float = INDENT, rest: float = LEFT) -> list[Line]:
    return [(first if k == 0 else rest, top + 12 * k, 10, False, t) for k, t in enumerate(texts)]


def resolution_pages() -> list[list[Line]]:
    page1: list[Line] = [
        (123, 43, 14, False, "United Nations S/RES/2776 (2025)"),
        (124, 72, 20, True, "Security Council"),
        (397, 80, 10, False, "Distr.: General"),
        (397, 92, 10, False, "14 March 2025"),
        (124, 180, 14, True, "Resolution 2776 (2025)"),
        (124, 200, 10, False, "Adopted by the Security Council at its 9876th meeting, on 14 March 2025"),
        (INDENT, 230, 10, False, "The Security Council,"),
    ]
    page1 += _lines(250, ["Recalling its previous resolutions and the statements of its President on the",
                          "situation in the region, in particular its resolutions on the protection of civilians",
                          "and on the humanitarian situation,"])
    page1 += _lines(292, ["Reaffirming its strong commitment to the sovereignty, independence, territorial",
                          "integrity and national unity of the country, and recalling the importance of the",
                          "principles of good-neighbourliness and regional cooperation,"])
    page1 += _lines(334, ["Deeply concerned by the deteriorating humanitarian situation and the number of",
                          "people displaced by the violence, and by attacks against humanitarian personnel",
                          "and medical facilities,"])
    page1 += _lines(376, ["Acting under Chapter VII of the Charter of the United Nations,"])
    page1 += _lines(394, ["1. Decides to extend the mandate of the Mission until 31 March 2026, and decides",
                          "that the Mission shall continue to carry out the tasks set out in this resolution;"])
    page1 += _lines(424, ["2. Requests the Special Representative to report every ninety days to the",
                          "Council on:"])
    page1 += _lines(454, ["(a) the protection of civilians, including the number of people displaced;"], ITEM)
    page1 += _lines(472, ["(b) the progress made in the political process and in the elections;"], ITEM)
    page1 += [(124, 500, 10, True, "Mandate of the Mission")]
    page1 += _lines(520, ["3. Authorizes the Mission to use all necessary means to carry out its mandate",
                          "to protect civilians under threat of physical violence, within its capabilities",
                          "and areas of deployment;"])
    page1 += [(65, 740, 10, False, "25-03579 (E) 170325"), (65, 750, 12, False, "*2503579*")]
    page2: list[Line] = [(60, 53, 8.5, True, "S/RES/2776 (2025)")]
    page2 += _lines(80, ["4. Calls upon all parties to allow the safe, rapid and unimpeded passage of",
                         "humanitarian relief for civilians in need;"])
    page2 += _lines(110, ["5. Decides to remain actively seized of the matter."])
    page2 += [(60, 749, 7, False, "2/2 25-03579")]
    return [page1, page2]
