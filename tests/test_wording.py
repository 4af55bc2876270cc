"""An error's message in each front end's words (paracite.wording): the command line's flags and
commands, the web's query parameters and paths; ``str(error)`` stays the command line's."""

import pickle

import pytest

from paracite.errors import NotFound, UsageError
from paracite.wording import Both, Said, option, web_text


@pytest.mark.parametrize("made, cli, web", [
    (option("k"), "-k", "k"),
    (option("since"), "--since", "since"),
    (option("part", "part three"), "--part 'part three'", "part=part three"),
    (option("page", 3), "--page 3", "page=3"),
    (option("page", "N", code=True), "`--page N`", "page=N"),
    (Said.of("see ", Both("`paracite docs`", "/api/documents")), "see `paracite docs`", "see /api/documents"),
    ("a " + Said.of(option("k")) + " b", "a -k b", "a k b"),
    (Said.of("x", "", Said.of(Both(" (`show A/1 2`)", ""))), "x (`show A/1 2`)", "x"),
])
def test_each_front_end_s_words(made, cli, web):
    said = Said.of(made)
    assert (said.cli, said.web, str(said), web_text(said)) == (cli, web, cli, web)


def test_an_empty_message_is_false_and_plain_text_reads_the_same():
    assert not Said.of("") and not Said() and Said.of("x")
    assert web_text("plain") == "plain"


def test_errors_keep_the_command_line_s_message_and_give_the_web_s():
    e = UsageError(Said.of(option("k"), " must be at least 1, got 0"))
    assert str(e) == "-k must be at least 1, got 0" and e.args == ("-k must be at least 1, got 0",)
    assert e.web_text() == "k must be at least 1, got 0"
    assert NotFound("no document X").web_text() == "no document X"  # plain text: the same words
    back = pickle.loads(pickle.dumps(e))  # errors cross process boundaries (ingest workers)
    assert str(back) == str(e) and back.web_text() == e.web_text()
