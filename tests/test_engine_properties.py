"""Property: the engine never raises on any text, and every span it reports is exact.

Random Unicode is mixed with the things the rules look for (quote marks,
digits and number words, capitalised names, titles, months, line breaks) so
the random texts reach deep into the rules instead of bouncing off.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotate.engine import analyse
from annotate.model import Article

QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "`"]
BREAKS = ["\n", "\n\n", "\r\n", " ", "  ", "\t", "\u2028", "\u00a0"]
PUNCTUATION = [".", ",", ";", ":", "-", "\u2013", "\u2014", "(", ")", "[", "]", "%", "$", "\u20ac", "/", "?", "!", "\u2026"]
WORDS = [
    "said", "told", "according to", "President", "Minister", "Foreign Minister", "Colonel", "Mr", "Dr.",
    "U.S.", "U.K.", "the", "of", "and", "between", "more than", "fewer than", "about", "thousands", "dozens",
    "million", "billion", "percent", "January", "March", "May", "Monday", "last week", "2021", "1990s",
    "four", "twenty-one", "half", "first", "helicopters", "troops", "per cent", "On", "In",
]

fragment = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(BREAKS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(WORDS),
    st.integers(min_value=-10, max_value=10**12).map(str),
    st.from_regex(r"[0-9][0-9,. ]{0,10}[0-9]?", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{1,9}( [A-Z][a-z]{1,9}){0,2}", fullmatch=True),
    st.text(max_size=12),  # any Unicode: RTL, combining, emoji, controls
)
article_text = st.lists(fragment, max_size=80).map(lambda parts: " ".join(parts))


def _articles(texts: list[str]) -> list[Article]:
    # The loader normalises line ends; the engine must cope with its output.
    return [
        Article(id=f"a{i}", path=f"a{i}.txt", title=f"Article {i}", text=t.replace("\r\n", "\n").replace("\r", "\n"))
        for i, t in enumerate(texts)
    ]


def _assert_spans_exact(analysis) -> None:
    texts = {a.id: a.text for a in analysis.articles}
    mention_ids = set()
    for m in analysis.mentions:
        assert m.article in texts
        text = texts[m.article]
        assert 0 <= m.start <= m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        mention_ids.add(m.id)
    for entity in analysis.entities:
        assert set(entity.mentions) <= mention_ids
    for finding in [*analysis.discrepancies, *analysis.corroborations]:
        for ev in finding.evidence:
            text = texts[ev.article]
            assert 0 <= ev.start <= ev.end <= len(text), ev
            assert text[ev.start : ev.end] == ev.text, ev


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_text, min_size=1, max_size=3))
def test_engine_never_raises_and_spans_are_exact(texts):
    _assert_spans_exact(analyse(_articles(texts)))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400), st.text(max_size=400))
def test_engine_on_arbitrary_unicode(first, second):
    _assert_spans_exact(analyse(_articles([first, second])))


def test_engine_on_empty_and_blank_articles():
    _assert_spans_exact(analyse(_articles(["", " ", "\n\n\n", '"', "\u201c\u201c\u201c"])))
