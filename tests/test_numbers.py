"""ct_numbers: what a reader counts in a sentence, and what is not a count."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import annotate.nlp.components.numbers  # noqa: F401  (registers ct_numbers)

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((ROOT / "tests/data/seeds.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("ct_numbers")
    return nlp


def numbers(nlp, text: str) -> list[tuple[str, object, str | None, str | None]]:
    doc = nlp(text)
    return [(s.text, s._.value, s._.counts, s._.qualifier) for s in doc.spans["numbers"]]


# (sentence, the one quantity a reader sees: text, value, counts, qualifier)
CASES = [
    ("Rebels seized four military trucks.", ("four military trucks", 4, "trucks", None)),
    ("Officials reported 5,000 new cases.", ("5,000 new cases", 5000, "cases", None)),
    ("The army lost eighteen tanks.", ("eighteen tanks", 18, "tanks", None)),
    ("Police arrested a dozen protesters.", ("a dozen protesters", 12, "protesters", None)),
    ("Twenty-five villages were flooded.", ("Twenty-five villages", 25, "villages", None)),
    ("The fund holds 1.2 million dollars.", ("1.2 million dollars", 1_200_000, "dollars", None)),
    ("It costs $3bn a year.", ("$3bn", 3_000_000_000, "dollars", None)),
    ("The budget grew to €2.5 billion.", ("€2.5 billion", 2_500_000_000, "euros", None)),
    ("Turnout was 62% in the capital.", ("62%", 62, "percent", None)),
    ("Prices rose 4.5 per cent last month.", ("4.5 per cent", 4.5, "percent", None)),
    ("More than 300 soldiers crossed the river.", ("More than 300 soldiers", 300, "troops", "more than")),
    ("The unit has fewer than 40 troops.", ("fewer than 40 troops", 40, "troops", "fewer than")),
    ("Around 70 people were hurt.", ("Around 70 people", 70, "people", "around")),
    ("At least 12 civilians died.", ("At least 12 civilians", 12, "civilians", "at least")),
    ("Nearly 900 refugees arrived.", ("Nearly 900 refugees", 900, "refugees", "nearly")),
    ("The ship carries up to 60 passengers.", ("up to 60 passengers", 60, "passengers", "up to")),
    ("About two hundred workers struck.", ("About two hundred workers", 200, "workers", "about")),
    ("It will deploy between 2 and 3 million doses.", ("between 2 and 3 million doses", [2_000_000, 3_000_000], "doses", "range")),
    ("They hired 2,500-3,000 contractors.", ("2,500-3,000 contractors", [2500, 3000], "contractors", "range")),
    ("Wages rose from 5 to 10 euros.", ("from 5 to 10 euros", [5, 10], "euros", "range")),
    ("Thousands of troops massed at the border.", ("Thousands of troops", None, "troops", "vague")),
    ("Dozens of students were detained.", ("Dozens of students", None, "students", "vague")),
    ("Tens of thousands of people marched.", ("Tens of thousands of people", None, "people", "vague")),
    ("They agreed an 18-month timetable.", ("18-month timetable", 18, "months", None)),
    ("A two-year ban was imposed.", ("two-year ban", 2, "years", None)),
    ("Seven French soldiers were injured.", ("Seven French soldiers", 7, "troops", None)),
    ("It reported two Chinese fatalities.", ("two Chinese fatalities", 2, "deaths", None)),
    ("The talks lasted six months.", ("six months", 6, "months", None)),
    ("It bought one armoured vehicle.", ("one armoured vehicle", 1, "vehicles", None)),
    ("Navy Buys 4 Frigates\nThe deal came on time.", ("4 Frigates", 4, "frigates", None)),
    ("Police detained three Germans.", ("three Germans", 3, "germans", None)),
    ("The plan costs $1.2trn.", ("$1.2trn", 1_200_000_000_000, "dollars", None)),
    ("Some 1.5bn people voted.", ("Some 1.5bn people", 1_500_000_000, "people", "some")),
    ("They sent more than 2000 troops.", ("more than 2000 troops", 2000, "troops", "more than")),
    ("The death toll rose to 1,234, officials said.", ("1,234", 1234, "deaths", None)),
    ("A 40 km convoy left.", ("40 km", 40, "kilometres", None)),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_quantity_is_read_with_value_counts_and_qualifier(nlp, sentence, expected):
    assert numbers(nlp, sentence) == [expected]


def test_a_number_with_no_noun_counts_the_troops_or_people_of_its_sentence(nlp):
    text = "The mission has about 4,000 troops in the north. Officials want the 4,000 stationed there home."
    found = numbers(nlp, text)
    assert found[-1] == ("4,000", 4000, "troops", None)
    text = "Many civilians fled. By Sunday 800 remained in the camp."
    assert numbers(nlp, text) == [("800", 800, "civilians", None)]


def test_a_number_with_nothing_counted_nearby_counts_nothing(nlp):
    assert numbers(nlp, "The score was 3 after the break.") == [("3", 3, None, None)]


# Sentences with digits or number words a reader would not call a quantity.
NOT_QUANTITIES = [
    "The contract was signed in 2013.",
    "They will leave by 2023.",
    "It was delivered on September 30.",
    "It was delivered on 30 September 2021.",
    "The deal dates from December 2020.",
    "It finished 3rd in the race.",
    "The 1990s were hard.",
    "An XR-171 drone landed.",
    "A Tx-8 crashed near an F-16 base.",
    "The COVID-19 pandemic closed schools.",
    "The meeting starts at 10:30.",
    "The meeting starts at 9 pm.",
    "No one came to the meeting.",
    "One of the guards was asleep.",
    "He spoke to the G7 leaders.",
    "The rally was held on 2021-09-30.",
    "Under Article 5 of the treaty, allies respond.",
    "Flight 370 vanished over the ocean.",
    "Resolution 2231 was adopted.",
    "Turnout fell in the 2014 elections.",
    "Growth slowed in mid-2022.",
    "A two-thirds majority is needed.",
]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_years_days_ordinals_model_names_and_times_are_not_quantities(nlp, sentence):
    assert numbers(nlp, sentence) == []


def test_years_and_days_inside_a_sentence_with_counts_are_skipped(nlp):
    text = "On March 3, 2020, the army sent 300 tanks and 2,000 soldiers; by 2022 only 5 remained."
    found = [(t, v) for t, v, _, _ in numbers(nlp, text)]
    assert found == [("300 tanks", 300), ("2,000 soldiers", 2000), ("5", 5)]


def test_a_series_name_is_not_a_quantity_but_a_sentence_opener_is_not_a_series(nlp):
    assert numbers(nlp, "About 70 people left.") == [("About 70 people", 70, "people", "about")]
    assert numbers(nlp, "By Sunday 800 civilians remained.") == [("800 civilians", 800, "civilians", None)]


# Read around a number by small regexes that cheap character tests skip for most numbers:
# each row is a case those tests must let through (or rule out) as the regexes do.
AROUND_A_NUMBER = [
    ("The loan is USD 5 million.", [("USD 5 million", 5_000_000, "dollars", None)]),
    ("A fee of GBP 300 applies.", [("GBP 300", 300, "pounds", None)]),
    ("The ticket costs 50 Euros.", [("50 Euros", 50, "euros", None)]),
    ("It cost 40 US dollars.", [("40 US dollars", 40, "dollars", None)]),
    ("He paid 9  pounds.", [("9  pounds", 9, "pounds", None)]),
    ("Some 30 Yen were paid.", [("Some 30 Yen", 30, "yen", "some")]),
    ("We met at 10 a.m. sharp.", []),
    ("It ended at 5 GMT today.", []),
    ("By 7 o'clock they left.", []),
    ("It took 2 hrs to arrive.", []),
    ("At 4 PM they met.", []),
    ("In Article 5 of the pact.", []),
    ("The Navy Buys 4 Frigates.", [("4 Frigates", 4, "frigates", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), AROUND_A_NUMBER, ids=[c[0] for c in AROUND_A_NUMBER])
def test_currency_codes_currency_words_times_and_series_names_around_a_number(nlp, sentence, expected):
    assert numbers(nlp, sentence) == expected


def test_a_score_is_two_numbers_not_a_range(nlp):
    found = numbers(nlp, "The motion passed 52 to 48 votes.")
    assert [v for _, v, _, _ in found] == [52, 48]


def _gold_cases():
    for key, rows in GOLD["numbers"].items():
        for row in rows:
            yield key, row


ARTICLES = {"A": "corpus/mali-turns-to-moscow.txt", "B": "corpus/mali-receives-helicopters.txt"}


@pytest.mark.parametrize(("key", "row"), list(_gold_cases()), ids=lambda x: x if isinstance(x, str) else x["text"])
def test_every_seed_gold_number_is_found_with_its_value_counts_and_qualifier(nlp, key, row):
    text = (ROOT / ARTICLES[key]).read_text(encoding="utf-8")
    doc = nlp(text)
    start = text.index(row["text"])
    end = start + len(row["text"])
    overlapping = [s for s in doc.spans["numbers"] if s.start_char < end and start < s.end_char]
    assert len(overlapping) == 1, [s.text for s in overlapping]
    span = overlapping[0]
    assert span._.value == row["value"]
    assert span._.counts == row["counts"]
    assert span._.qualifier == row.get("qualifier")


def test_the_seed_articles_hold_no_years_or_model_names_as_numbers(nlp):
    for path in ARTICLES.values():
        doc = nlp((ROOT / path).read_text(encoding="utf-8"))
        texts = [s.text for s in doc.spans["numbers"]]
        assert not any(t[:4].isdigit() and len(t) == 4 for t in texts), texts
        assert not any("171" in t for t in texts), texts


def test_a_number_counts_from_context_only_within_two_sentences(nlp):
    text = "Troops arrived in March. The weather was bad. Roads were closed. Then 300 remained."
    assert numbers(nlp, text) == [("300", 300, None, None)]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.-–%$€ abcdefthousandmillion\n\"“”’'Mi")), max_size=120))
def test_odd_text_never_raises_and_spans_stay_in_bounds(nlp, text):
    doc = nlp(text)
    last = -1
    for span in doc.spans["numbers"]:
        assert 0 <= span.start_char < span.end_char <= len(text)
        assert span.start >= last  # in order, no overlaps
        last = span.end


@pytest.mark.parametrize("odd, plain", [
    ("The storm killed more\u00a0than 12 people.", "The storm killed more than 12 people."),  # a web page's &nbsp;
    ("The storm killed more  than 12 people.", "The storm killed more than 12 people."),
    ("The storm killed at\u00a0least 12 people.", "The storm killed at least 12 people."),
    ("The fund holds 2 mıllion dollars.", "The fund holds 2 million dollars."),  # letters re.IGNORECASE folds to i, s
    ("It costs 40 EURoſ.", "It costs 40 EURos."),
])
def test_whitespace_and_letters_the_patterns_accept_read_as_the_plain_text(nlp, odd, plain):
    """Whatever the patterns match, the reading does too (each of these ended the whole report)."""
    assert [(v, c, q) for _t, v, c, q in numbers(nlp, odd)] == [(v, c, q) for _t, v, c, q in numbers(nlp, plain)]
    assert numbers(nlp, plain)


def test_a_model_number_after_a_count_is_not_a_second_count(nlp):
    # "five new 737 aircraft" was a count of 737 aircraft, set against other articles' fleets
    text = (
        "Ryanair will buy five new 737 aircraft. Qatar will buy 20 of Boeing's larger 777 planes. "
        "China will buy 60 Boeing 787 Dreamliner aircraft. Only 5 of 100 passengers survived, "
        "between 5 and 10 were hurt, two 500 kg bombs fell, and it sold 12 new planes and 400 old ones. "
        "It hit a city of about 300,000 people. About 950 people were injured."
    )
    found = [s.text for s in nlp(text).spans["numbers"]]
    assert not any(model in " ".join(found) for model in ("737", "777", "787")), found
    for kept in ("five", "20", "60", "100 passengers", "between 5 and 10", "500 kg", "400 old ones", "About 950 people"):
        assert kept in found, (kept, found)
