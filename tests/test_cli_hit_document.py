"""Hits from several documents say which report each comes from; one report's hits do not repeat it."""

from search.cli import _print_hit
from search.models import Hit


def _hit(symbol: str, number: int, title: str, date: str | None, rank: int) -> Hit:
    return Hit(citation=f"{symbol}, para. {number}", symbol=symbol, number=number, kind="paragraph",
               section=("I. Introduction",), text="In 2024, through 40 special political missions ...",
               score=3.49, title=title, rank=rank, date=date)


def test_a_library_hit_names_its_report_and_date(capsys):
    _print_hit(_hit("A/80/1", 3, "Report of the Secretary-General on the work of the Organization", "2025", 1),
               document=True)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[1] A/80/1, para. 3  (score 3.490)"
    assert lines[1] == "    Report of the Secretary-General on the work of the Organization · 2025"
    assert lines[2] == "    I. Introduction"


def test_a_long_title_is_shortened(capsys):
    title = "Report of the Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"
    _print_hit(_hit("A/80/48", 14, title, "2025-07-01", 2), document=True)
    line = capsys.readouterr().out.splitlines()[1]
    assert line.endswith(" ... · 2025-07-01") and len(line) < 110


def test_one_reports_hits_keep_the_short_form(index_dir, capsys):
    """`paracite search` over the bundled report alone: no title line under each citation."""
    from search.cli import main

    assert main(["search", "cost of sending money home", "-k", "2", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("[1] A/69/207, para. 46")
    assert out[1].startswith("    III. Implementing the eight-point agenda")
