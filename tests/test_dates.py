"""ct_dates: date phrases as a reader quotes them, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import annotate.nlp.components.dates  # noqa: F401  (registers ct_dates)

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((ROOT / "tests/data/seeds.yaml").read_text(encoding="utf-8"))
ARTICLES = {"A": "corpus/mali-turns-to-moscow.txt", "B": "corpus/mali-receives-helicopters.txt"}

# Friday 1 October 2021.
PUBLISHED = dt.date(2021, 10, 1)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("ct_dates")
    return nlp


def dates(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str | None, str]]:
    doc = nlp.make_doc(text)
    if published is not None:
        doc.user_data["published"] = published
    doc = nlp(doc)
    return [(s.text, s._.value, s._.granularity) for s in doc.spans["dates"]]


# (sentence, (span text, value when published on Friday 1 October 2021, granularity))
RESOLVED = [
    ("The boats arrived on September 30.", ("September 30", "2021-09-30", "day")),
    ("The boats arrived on 30 September 2021.", ("30 September 2021", "2021-09-30", "day")),
    ("It was signed on Sept. 3, 2019, in Paris.", ("Sept. 3, 2019", "2019-09-03", "day")),
    ("The contract dates from December 2020.", ("December 2020", "2020-12", "month")),
    ("It was enacted in June of this year.", ("June of this year", "2021-06", "month")),
    ("The vote was held in March last year.", ("March last year", "2020-03", "month")),
    ("The army seized power in May.", ("May", "2021-05", "month")),
    ("Fighting resumed in late August.", ("late August", "2021-08", "month")),
    ("Elections are due in December.", ("December", "2021-12", "month")),
    ("The mission began in 2013.", ("2013", "2013", "year")),
    ("Troops will leave by 2023.", ("2023", "2023", "year")),
    ("The minister spoke late on Thursday.", ("late on Thursday", "2021-09-30", "day")),
    ("On Saturday, the premier flew home.", ("On Saturday", "2021-09-25", "day")),
    ("He spoke at the assembly last Saturday.", ("last Saturday", "2021-09-25", "day")),
    ("The talks resume next Monday.", ("next Monday", "2021-10-04", "day")),
    ("The ruling came on Friday.", ("on Friday", "2021-10-01", "day")),
    ("Last week, the minister said so.", ("Last week", "2021-W38", "week")),
    ("The plan was announced earlier this year.", ("earlier this year", "2021", "year")),
    ("Prices rose last month.", ("last month", "2021-09", "month")),
    ("The army withdrew yesterday.", ("yesterday", "2021-09-30", "day")),
    ("The ceasefire collapsed two weeks ago.", ("two weeks ago", "2021-W37", "week")),
    ("The deal was struck 3 days ago.", ("3 days ago", "2021-09-28", "day")),
    ("The report is dated 2021-09-14.", ("2021-09-14", "2021-09-14", "day")),
    ("The form was filed on 14/09/2021.", ("14/09/2021", "2021-09-14", "day")),
    ("On Jan. 6, 2021, crowds gathered.", ("Jan. 6, 2021", "2021-01-06", "day")),
    ("Growth slowed in mid-2022.", ("mid-2022", "2022", "year")),
    ("Talks resume in early 2023.", ("early 2023", "2023", "year")),
    ("Turnout fell in the 2014 elections.", ("2014", "2014", "year")),
    ("Tuesday's vote was close.", ("Tuesday", "2021-09-28", "day")),
    ("Police said last night that roads were shut.", ("last night", "2021-09-30", "day")),
    ("The minister spoke this morning.", ("this morning", "2021-10-01", "day")),
]


@pytest.mark.parametrize(("sentence", "expected"), RESOLVED, ids=[c[0] for c in RESOLVED])
def test_a_date_is_resolved_against_the_publication_date(nlp, sentence, expected):
    assert dates(nlp, sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The boats arrived on September 30.", "September 30"),
        ("It was enacted in June of this year.", "June of this year"),
        ("The minister spoke late on Thursday.", "late on Thursday"),
        ("Last week, the minister said so.", "Last week"),
        ("The ceasefire collapsed two weeks ago.", "two weeks ago"),
        ("The army seized power in May.", "May"),
    ],
)
def test_without_a_publication_date_relative_dates_are_kept_but_unresolved(nlp, sentence, expected):
    assert dates(nlp, sentence, published=None) == [(expected, None, "unresolved")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The contract dates from December 2020.", ("December 2020", "2020-12", "month")),
        ("It happened on 4 July 1976.", ("4 July 1976", "1976-07-04", "day")),
        ("The mission began in 2013.", ("2013", "2013", "year")),
    ],
)
def test_absolute_dates_resolve_without_a_publication_date(nlp, sentence, expected):
    assert dates(nlp, sentence, published=None) == [expected]


def test_a_month_named_without_a_year_is_the_most_recent_one_for_a_january_article(nlp):
    assert dates(nlp, "The talks failed in November.", dt.date(2022, 1, 10)) == [("November", "2021-11", "month")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister may resign.",
        "May I ask a question?",
        "They will march on the capital.",
        "The army sent 2,000 soldiers.",
        "A Mi-2020 prototype flew.",
        "They sent more than 2000 troops.",
        "The 1990s were hard.",
    ],
)
def test_words_and_numbers_that_only_look_like_dates_are_not_dates(nlp, sentence):
    assert dates(nlp, sentence) == []


def test_several_dates_in_one_sentence_are_found_in_order(nlp):
    text = "Signed in December 2020 and enacted on June 1, the deal was praised on Monday and again last week."
    assert [t for t, _, _ in dates(nlp, text)] == ["December 2020", "June 1", "on Monday", "last week"]


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max])
def test_a_publication_date_at_the_edge_of_the_calendar_leaves_dates_unresolved_not_crashing(nlp, published):
    found = dates(nlp, "On Monday, last week and next year, and on May 5.", published)
    assert [t for t, _, _ in found] == ["On Monday", "last week", "next year", "May 5"]


def test_a_datetime_publication_date_is_accepted(nlp):
    assert dates(nlp, "It rained yesterday.", dt.datetime(2021, 10, 1, 15, 30)) == [("yesterday", "2021-09-30", "day")]


@pytest.mark.parametrize("key", ["A", "B"])
def test_every_seed_gold_date_is_found_as_the_reader_quotes_it(key):
    # The project pipeline: its tokenizer splits a glued period ("30.The").
    from annotate.nlp.pipeline import build_pipeline

    text = (ROOT / ARTICLES[key]).read_text(encoding="utf-8")
    found = [t for t, _, _ in dates(build_pipeline(), text, published=None)]
    assert found == GOLD["dates"][key]


def test_seed_dates_resolve_consistently_for_a_publication_on_1_october_2021(nlp):
    text = (ROOT / ARTICLES["B"]).read_text(encoding="utf-8")
    by_text = {t: (v, g) for t, v, g in dates(nlp, text)}
    assert by_text["late on Thursday"] == ("2021-09-30", "day")
    assert by_text["Last week"] == ("2021-W38", "week")
    assert by_text["On Saturday"] == ("2021-09-25", "day")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from([*"0123456789/-:., ", "May ", "on ", "Thursday", "last ", "week", "2021", "September "]), max_size=30).map("".join),
    st.one_of(st.none(), st.dates()),
)
def test_odd_text_never_raises_and_spans_stay_in_bounds(nlp, text, published):
    for span_text, value, granularity in dates(nlp, text, published):
        assert span_text and span_text in text
        assert granularity in {"day", "week", "month", "year", "unresolved"}
        assert (value is None) == (granularity == "unresolved")


def test_the_cheap_test_before_a_relative_keyword_rules_out_only_what_the_regex_would():
    """``_at_keyword`` skips the search for "this/last/next/past" when the character before the
    spaces is not one those words end with, as the case-insensitive regex reads them."""
    import random
    import re

    from annotate.nlp.components import dates as D

    last_letters = re.compile("(?i:s|t)")
    assert D._RELATIVE_LAST_LETTERS == {chr(c) for c in range(0x110000) if last_letters.fullmatch(chr(c))}
    words = "this last next past PAST This later earlier early the a year week month  \n - , . lasts".split(" ")
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "  ", "\n", "", "\t"]) for _ in range(rng.randint(1, 6))) + "year"
        p = len(text) - 4
        found = D._at_keyword(text, p, "year", dt.date(2020, 5, 1))
        assert bool(found) == bool(D._RELATIVE_BEFORE.search(text, max(0, p - 25), p)), text


@pytest.mark.parametrize("plain, odd", [
    ("It rained past year.", "It rained paſt year."),
    ("It rained this year.", "It rained thıs year."),
    ("This year it rained.", "Thİs year it rained."),
    ("It rained last night.", "It rained laſt night."),
    ("We met last Sunday.", "We met laſt Sunday."),
    ("It rained this month.", "It rained thıs month."),
])
def test_relative_words_with_letters_case_folding_reads_as_s_or_i_resolve_like_the_plain_ones(nlp, plain, odd):
    """"paſt", "thıs": the case-insensitive patterns match them, so the reading does too (the
    whole report failed with a KeyError on such a word)."""
    assert [(v, g) for _t, v, g in dates(nlp, odd, PUBLISHED)] == [(v, g) for _t, v, g in dates(nlp, plain, PUBLISHED)]
    assert dates(nlp, plain, PUBLISHED)
