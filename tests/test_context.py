"""What the pipeline reads around figures and dates (``ct_context``) and of whole articles
(``ct_words``): the detectors compare these fields and never read article text again."""

from __future__ import annotations

import pytest

from annotate.model import Article, DateMention, NumberMention
from annotate.nlp.extract import extract_mentions, extract_words
from annotate.nlp.pipeline import build_pipeline


def _read(text: str):
    doc = build_pipeline(None)(text)
    article = Article("a", "a.txt", "a", text)
    return extract_mentions(doc, article), extract_words(doc)


def _number(text: str, surface: str) -> NumberMention:
    mentions, _ = _read(text)
    (m,) = [m for m in mentions if isinstance(m, NumberMention) and m.text == surface]
    return m


def test_a_figure_knows_what_happened_to_what_it_counts():
    m = _number("The storm killed at least 41 people in the valley, and rescuers searched the farms until nightfall.",
                "at least 41 people")
    assert (m.unit, m.thing, m.event, m.grew) == ("count", "people", "killed", False)
    assert {"kill", "storm", "valley"} <= set(m.near)
    assert "farm" not in m.near  # more than 40 characters away


def test_a_rising_toll_a_magnitude_a_depth_and_a_share():
    assert _number("The death toll has risen to 45 people, officials said.", "45 people").grew
    quake = _number("A magnitude 6.1 earthquake struck the coast.", "6.1")
    assert (quake.unit, quake.thing) == ("magnitude", "earthquake")
    depth = _number("The quake struck at a depth of 10 km below the town.", "10 km")
    assert (depth.unit, depth.event) == ("km", "depth")
    share = _number("Nurses accepted a 4 percent increase in pay.", "4 percent")
    assert (share.unit, share.event) == ("percent", "increase")


def test_an_age_or_a_time_is_no_comparable_quantity():
    assert _number("A 16-year-old boy was among the injured.", "16-year").unit is None
    assert _number("The talks lasted three years before the deal.", "three years").unit is None


def test_nationalities_near_a_figure_are_their_country():
    m = _number("Peruvian police detained 12 protesters near the border.", "12 protesters")
    assert m.event == "detained" and "peru" in m.near and "peruvian" not in m.near


def test_items_listed_with_a_counted_thing_and_where_the_list_ends():
    text = "Aid workers brought three trucks, tents and blankets from the depot."
    m = _number(text, "three trucks")
    assert m.listed == ["tents", "blankets"]
    assert text[m.start:m.listed_end] == "three trucks, tents and blankets"
    plain = _number("Police detained 12 people and injured 40 others.", "12 people")
    assert plain.listed == [] and plain.listed_end is None  # a second clause is no list


def test_a_date_knows_the_words_and_figures_around_it():
    mentions, _ = _read("On March 3, 2024 the earthquake killed 12 people in the hills. Unrest began in 2019.")
    day, year = [m for m in mentions if isinstance(m, DateMention)]
    assert {"earthquak", "kill", "#12"} <= set(day.near)
    assert year.granularity == "year" and year.near == []  # a year dates no one event


def test_an_article_lists_its_content_words_and_capitalised_words():
    text = "Minister Papadopoulos said the Peruvian tents arrived. Papadopoulos thanked them on Monday."
    _, words = _read(text)
    assert words.words == sorted(set(words.words))
    assert {"tents", "arrived", "Minister", "Peruvian"} <= set(words.words)
    assert not {"the", "said", "Monday"} & set(words.words)  # stop words and weekdays are left out
    assert words.capitalised["Papadopoulos"] == [text.index("Papadopoulos"), text.rindex("Papadopoulos")]
    assert "Monday" in words.capitalised and "On" not in words.capitalised


@pytest.mark.parametrize("text", ["", "   ", "No figures here."])
def test_nothing_to_read_is_read_as_nothing(text):
    mentions, words = _read(text)
    assert [m for m in mentions if m.kind in ("number", "date")] == []
    assert isinstance(words.words, list) and isinstance(words.capitalised, dict)


def test_the_words_near_a_figure_are_the_same_read_from_the_word_stream():
    # The pipeline reads them from ``ct_stream``'s words; a window's end may cut a word
    # ("...ministry's" at 40 characters), or fall in a figure or a word with digits.
    from annotate.nlp.components.context import Stream, near_words
    from annotate.nlp.language import WORD_OR_FIGURE

    text = "The health-ministry’s officials said COVID-19 had killed 1,200 people in Peru’s 3rd region by May."
    found = list(WORD_OR_FIGURE.finditer(text))
    stream = Stream(text, [m.group() for m in found], [m.start() for m in found])
    sentence = (0, len(text))
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 8)):
            for reach in (3, 11, 40):
                assert near_words(text, start, end, sentence, reach, stream) == near_words(text, start, end, sentence, reach)


def test_event_words_grouped_by_first_letter_match_as_the_plain_patterns():
    """``whole_words`` regroups the event and change words for speed: every search and every
    nearest event is the same as with the plain ``\\b(?P<event>words)\\b|...`` patterns."""
    import random
    import re

    from annotate.nlp.components import context as C
    from annotate.nlp.language import MONEY_EVENTS, QUANTITY_EVENTS

    plain = {
        "increase": r"increase\w*|rais\w*|rise|rises|rose|risen|hike\w*|gain\w*|grow\w*|grew|up",
        "decrease": r"decreas\w*|cut\w*|drop\w*|fall|fell|fallen|declin\w*|down|reduc\w*|lower\w*",
        "magnitude": r"magnitude|richter",
        "grew": r"ris(?:en|es|ing)|rose|climb\w*|increas\w*|grew|grow\w*|jump\w*|now\s+stands?|reached|updated?",
    }
    fast = {"increase": C._INCREASE, "decrease": C._DECREASE, "magnitude": C._MAGNITUDE, "grew": C._GREW}
    events = [(events, C._Events(events)) for events in (QUANTITY_EVENTS, MONEY_EVENTS)]
    words = ("killed dead deaths died death toll fatalities injured wounded held custody fled flee missing "
             "rescued pulled alive fee paid pay price bids offer revenue sales charges write-downs losses "
             "rises rose climbing increased up down cut fallen richter magnitude now stands reached update "
             "skilled undead é déad 5killed kill_ killé").split()
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", "-", ", ", "  "]) for _ in range(rng.randint(0, 6)))
        for name, pattern in plain.items():
            expected = re.search(rf"\b(?:{pattern})\b", text)
            got = fast[name].search(text)
            assert (got and got.span()) == (expected and expected.span()), (name, text)
        for listed, reader in events:
            original = re.compile("|".join(rf"\b(?P<{n}>{w})\b" for n, w in listed))
            assert [(m.span(), m.lastgroup) for m in original.finditer(text)] == [
                (m.span(), reader.event[m.lastgroup]) for m in reader.pattern.finditer(text)], text
    # A counted noun's event: one fullmatch of all events is the first event whose words it is.
    for counts in [*words, "death toll", "Deaths", "people", "", "-", "held up", "killed people"]:
        first = next((n for n, w in QUANTITY_EVENTS if re.fullmatch(w, counts or "-", re.IGNORECASE)), None)
        noun = C._NOUN_EVENT.fullmatch(counts or "-")
        assert (noun.lastgroup if noun else None) == first, counts
