"""Question typing and answer spans for round 25's forms (h-r24stage): each a class, checked on the
sentences of the library's PDFs the round's questions were written on, and on a form the rule must leave alone."""

from search.answer_types import question_type, typed_spans

# DP/FPA/2025/2, para. 63
VENDORS = ("Furthermore, SCMU is working on implementing a solution for a more advanced, qualitative supplier "
           "evaluation. This solution is expected to be finalized by Q1 2025 and will be accessible to both SCMU "
           "and country offices and regional and country offices.")
# UNW/2025/2, p. 16, para. 1
FUNDS = ("Together, these funds transferred over $48.2 million to 323 organizations and 344 women human rights "
         "defenders in 2024, strengthening resilience through institutional and long-term grants and capacity development.")


def test_a_preposition_before_when_asks_a_date():
    asked = question_type("By when should UNFPA's more advanced way of rating its vendors be ready?")
    assert asked.slots == (("date",),)
    assert question_type("From when is the mandate of the Panel extended?").slots == (("date",),)
    # "when" as a conjunction still asks no date
    assert ("date",) not in question_type("How many were injured when the bomb hit the market?").slots


def test_a_quarter_written_q1_is_a_date():
    dates = [sp.text for sp in typed_spans(VENDORS, ["date"])]
    assert dates == ["Q1 2025"]
    # no quarter inside a word, no fifth quarter: only the year is a date there
    assert [sp.text for sp in typed_spans("The IQ1 2025 model and item Q7 2025", ["date"])] == ["2025", "2025"]


def test_a_person_by_title_owning_the_thing_asked():
    asked = question_type("Which Haitian leader's letter to the UN chief is appended to the 1997 report?")
    assert asked.slots == (("person",),)
    # an organization's noun keeps its kind; a noun of neither leaves the question untyped as before
    assert question_type("Which organization's representative introduced the report?").slots == (("organization",),)
    assert question_type("Which quarter's figures were revised?").slots == ()


def test_a_plural_possessor_after_how_many_is_what_is_counted():
    asked = question_type("About how many nations' UN country-team planning papers did the DESA Population "
                          "Division look over and comment on in 2024?")
    assert (asked.slots, asked.head) == ((("count",),), "countries")  # nations, counted as reports count them (round 26)
    # "women's" (an irregular plural's possessive) classifies the organizations counted
    assert question_type("How many women's organizations received grants in 2024?").head == "organizations"


def test_a_sum_followed_by_a_count_is_no_range():
    money = [sp.text for sp in typed_spans(FUNDS, ["money"])]
    assert money == ["over $48.2 million"]
    assert [sp.text for sp in typed_spans("costs of US$203--388 billion per year", ["money"])] == ["US$203--388 billion"]
    assert [sp.text for sp in typed_spans("between $2 and $3 million were spent", ["money"])] == ["between $2 and $3 million"]


def test_each_sum_of_a_coordinated_pair_is_told_apart_by_its_recipient():
    from search.span_scores import _addressed_as_asked
    from search.terms import tokenize

    # E/ICEF/2025/AB/L.3, para. 37
    text = ("The country offices audited in 2024 disbursed approximately $23 million to governmental entities and "
            "$215 million to civil society organizations (CSOs), representing 59 per cent of the total UNICEF cash expenditure.")
    asked = {t.stem for t in tokenize(["How much did the UNICEF country offices audited in 2024 disburse to civil "
                                       "society organizations?"])[0]}
    sums = {sp.text: sp for sp in typed_spans(text, ["money"])}
    assert _addressed_as_asked(text, sums["$215 million"], asked)
    assert not _addressed_as_asked(text, sums["approximately $23 million"], asked)
    # one sum alone: its recipient has nothing to tell apart
    alone = "The country offices disbursed $215 million to civil society organizations."
    assert not _addressed_as_asked(alone, typed_spans(alone, ["money"])[0], asked)


def test_a_rival_sum_written_with_a_currency_sign_is_seen():
    """``_rival_phrases`` found a rival figure by the word token its start falls in; "$215 million" starts at "$",
    which no word token holds, so a sum's rivals written with a sign were never seen (h-r24stage's note)."""
    from types import SimpleNamespace

    from search.span_scores import _rival_phrases
    from search.terms import tokenize

    # E/ICEF/2025/AB/L.3, para. 37, with the comma that puts the two sums in two phrases
    text = ("The country offices audited in 2024 disbursed approximately $23 million to governmental entities, and "
            "$215 million to civil society organizations, representing 59 per cent of the total UNICEF cash expenditure.")
    tokens = tuple(tokenize([text])[0])
    s = SimpleNamespace(sentence=SimpleNamespace(text=text), tokens=tokens)
    sums = {sp.text: sp for sp in typed_spans(text, ["money"])}
    first = sums["approximately $23 million"]
    first_token = next(i for i, t in enumerate(tokens) if t.end > first.start)
    phrase, rivals = _rival_phrases(first, s, first_token)
    other = next(i for i, t in enumerate(tokens) if t.end > sums["$215 million"].start)
    assert rivals == {phrase[other]} and phrase[other] != phrase[first_token]
