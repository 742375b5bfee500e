"""Pure helpers of the annotation UI: which words a note attaches to, tag parsing."""

from __future__ import annotations

from annotate.nlp.components.sentences import sentence_starts_of
from tui.annotation_ui import sentence_around
from tui.screens.annotation_note import parse_tags

TEXT = 'Officials met on Monday. The minister said "we will decide." Then he left!\nA new line without a stop'
STARTS = sentence_starts_of(TEXT)  # as the engine splits it (``Analysis.sentences``)


def sentence(words: str, starts: list[int] | None = STARTS) -> str:
    start = TEXT.index(words)
    s, e = sentence_around(TEXT, start, start + len(words), starts)
    return TEXT[s:e]


def test_sentence_around_a_mention():
    assert sentence("minister") == 'The minister said "we will decide."'
    assert sentence("decide") == 'The minister said "we will decide."'
    assert sentence("Officials") == "Officials met on Monday."
    assert sentence("he left") == "Then he left!"


def test_sentence_stops_at_line_ends():
    assert sentence("new line") == "A new line without a stop"


def test_before_the_engine_has_split_the_article_the_line_is_the_sentence():
    assert sentence("minister", None) == TEXT.splitlines()[0]
    assert sentence("new line", None) == "A new line without a stop"


def test_a_span_across_sentences_gets_all_of_them():
    assert sentence("Monday. The") == 'Officials met on Monday. The minister said "we will decide."'


def test_sentence_always_covers_the_span():
    start = TEXT.index("Monday. The")
    s, e = sentence_around(TEXT, start, start + len("Monday. The"), STARTS)
    assert s <= start and e >= start + len("Monday. The")


def test_tags_are_trimmed_and_deduplicated_in_order():
    assert parse_tags(" check , sourcing,check,, numbers ") == ("check", "sourcing", "numbers")
    assert parse_tags("  ") == ()


def test_a_headline_as_long_as_a_wrapped_line_is_a_sentence_of_its_own():
    """A web page's headline has no stop and is as long as a hard-wrapped line, but the
    paragraphs below it are one line each: the note on the first sentence leaves it out."""
    headline = "Floods hit the river town of Valdora as the regional government meets"
    first = "Interior Minister Ana Ferreyra said on Monday that the army would rebuild the bridge before the winter."
    text = f"{headline}\n{first}\nEvery family would be home by then, she added, and the schools would reopen in a week.\n"
    start = text.index("army")
    s, e = sentence_around(text, start, start + 4, sentence_starts_of(text))
    assert text[s:e] == first
