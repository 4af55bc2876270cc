"""Lines taken for headings that head nothing are rows of the list above them (issue 15), on
the blocks the segmenter makes of real pages (A/80/48, annex II, p. 23; E/ICEF/2025/14, annex I)."""

from __future__ import annotations

from ingest.pdf.layout import Line
from ingest.pdf.orphans import keep_orphan_headings
from ingest.text.blocks import _Block

MEMBERS = ("Membership of the Committee on the Protection of the Rights of All Migrant Workers and Members of "
           "Their Families as at 23 June 2025")


def _line(text: str, top: float, bold: bool = False) -> Line:
    return Line(page=23, text=text, x0=113.4, x1=300.0, top=top, bottom=top + 10, size=10.0, bold=bold)


def _para(lines: list[str], section: tuple[str, ...]) -> _Block:
    return _Block("paragraph", number=1, lines=list(lines), section=section, part="annex II", page=23)


def test_officers_taken_for_headings_stay_in_the_officers_list():
    lines = (_line("Azad Taghi-Zada Azerbaijan 2025", 394), _line("Raymond Gbetoho Zounmatoun Benin 2025", 432),
             _line("Chair: Fatimata Diallo", 463), _line("Vice-Chairs: Pablo Ceriani Cernadas", 481),
             _line("Jasminka Dzumhur", 499), _line("Rapporteur: Khaled Cheikhna Babacar", 535))
    members = _para(["Azad Taghi-Zada Azerbaijan 2025", "Raymond Gbetoho Zounmatoun Benin 2025"], (MEMBERS,))
    vice = _para(["Jasminka Dzumhur"], (MEMBERS, "Vice-Chairs: Pablo Ceriani Cernadas"))
    blocks = [members, _Block("heading", lines=["Chair: Fatimata Diallo", "Vice-Chairs: Pablo Ceriani Cernadas"],
                              part="annex II"), vice,
              _Block("heading", lines=["Rapporteur: Khaled Cheikhna Babacar"], part="annex II")]
    keep_orphan_headings(blocks, lines, 10.0)
    assert members.lines[-1] == "Chair: Fatimata Diallo"  # replaced on the path before anything stood under it
    assert vice.lines == ["Jasminka Dzumhur", "Rapporteur: Khaled Cheikhna Babacar"]  # the list's last row
    assert "Vice-Chairs: Pablo Ceriani Cernadas" not in members.lines  # it heads a block: a section, kept as one


def test_typeset_or_numbered_headings_are_structure_not_rows():
    lines = (_line("The legislative organs should review the arrangements.", 200),
             _line("1. Recommendations addressed to the legislative body/Executive Board", 219),
             _line("Recommendation 4 Accepted and implemented", 238, bold=True),
             _line("Annex II", 260, bold=True))
    above = _para(["The legislative organs should review the arrangements."], ("Flexible working arrangements",))
    under = _para(["The Executive Boards should request that the heads review them."],
                  ("Flexible working arrangements", "Recommendation 4 Accepted and implemented"))
    blocks = [above, _Block("heading", lines=["1. Recommendations addressed to the legislative body/Executive Board",
                                              "Recommendation 4 Accepted and implemented"], part="annex II"),
              under, _Block("heading", lines=["Annex II"], part="annex II")]
    keep_orphan_headings(blocks, lines, 10.0)
    assert above.lines == ["The legislative organs should review the arrangements."]
    # the numbered plain line heads the recommendation under it, on its section path
    assert under.section == ("Flexible working arrangements",
                             "1. Recommendations addressed to the legislative body/Executive Board",
                             "Recommendation 4 Accepted and implemented")
