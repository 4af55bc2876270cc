"""Text saved by Windows tools as "ANSI" (Windows-1252) is read, with a note; other encodings are refused."""

from pathlib import Path

import pytest

from ingest.reader import encoding_note, read_document
from paracite.errors import IngestError

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "A-69-207.txt"


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(c.citation, c.text) for c in read_document(path).chunks]


def test_the_report_saved_as_windows_1252_reads_as_its_utf8_copy(tmp_path):
    ansi = tmp_path / "A-69-207.txt"
    ansi.write_bytes(REPORT.read_text(encoding="utf-8").encode("cp1252"))  # its dashes and quotes are high bytes
    assert b"\x96" in ansi.read_bytes() or b"\x93" in ansi.read_bytes() or b"\x92" in ansi.read_bytes()
    assert _paragraphs(ansi) == _paragraphs(REPORT)
    assert "read as Windows-1252" in encoding_note(read_document(ansi))
    assert encoding_note(read_document(REPORT)) == ""


def test_text_mostly_outside_ascii_is_refused_in_one_line(tmp_path):
    # a Cyrillic text in Windows-1251 also decodes as Windows-1252, into nonsense: refused
    src = tmp_path / "ru.txt"
    src.write_bytes("Доклад Генерального секретаря о миграции и развитии A/69/207\n".encode("cp1251"))
    with pytest.raises(IngestError, match=r"not UTF-8 text \(byte 0\); save it as UTF-8"):
        read_document(src)


def test_ingest_says_which_file_was_read_as_windows_1252(tmp_path):
    from index.workers import read_one

    ansi = tmp_path / "A-69-207.txt"
    ansi.write_bytes(REPORT.read_text(encoding="utf-8").encode("cp1252"))
    parsed = read_one(str(ansi), "k", tag=False)
    assert parsed.skip is None and any("read as Windows-1252" in n and str(ansi) in n for n in parsed.notes)
    assert read_one(str(REPORT), "k", tag=False).notes == []
