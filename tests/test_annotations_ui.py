"""Pure helpers of the annotation UI: which words a note attaches to, tag parsing."""

from __future__ import annotations

from tui.annotation_ui import sentence_around
from tui.screens.annotation_note import parse_tags

TEXT = 'Officials met on Monday. The minister said "we will decide." Then he left!\nA new line without a stop'


def sentence(words: str) -> str:
    start = TEXT.index(words)
    s, e = sentence_around(TEXT, start, start + len(words))
    return TEXT[s:e]


def test_sentence_around_a_mention():
    assert sentence("minister") == 'The minister said "we will decide."'
    assert sentence("decide") == 'The minister said "we will decide."'
    assert sentence("Officials") == "Officials met on Monday."
    assert sentence("he left") == "Then he left!"


def test_sentence_stops_at_line_ends():
    assert sentence("new line") == "A new line without a stop"


def test_sentence_always_covers_the_span():
    start = TEXT.index("Monday. The")
    s, e = sentence_around(TEXT, start, start + len("Monday. The"))
    assert s <= start and e >= start + len("Monday. The")


def test_tags_are_trimmed_and_deduplicated_in_order():
    assert parse_tags(" check , sourcing,check,, numbers ") == ("check", "sourcing", "numbers")
    assert parse_tags("  ") == ()
