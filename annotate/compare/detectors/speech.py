"""Statements attributed to someone: quotes, and reported speech without marks.

Quotes come from the engine's quote finder (a ``QuoteMention`` whose speaker was linked).
Reported speech is found here: a person's mention followed by a speech verb
("Anna Petrova said the ministry approached ..."), "according to X, ...", or the
attribution at the end ("..., Petrova said." / "..., said Anna Petrova.");
the statement is the rest of the sentence after the verb (skipping "that"
and a date right after it), or the sentence before the attribution.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from annotate.nlp.language import REPORTING_VERBS
from annotate.model import Article, Mention, Statement
from annotate.compare.detectors.story import Story

SPEECH_VERBS = sorted(REPORTING_VERBS, key=lambda v: (-len(v), v))  # longest first, for the regexes
_VERB = re.compile(r"^[\s,]*(?:(?:has|had|have|also|then|later|publicly|repeatedly)\s+)*(" + "|".join(SPEECH_VERBS) + r")\b")
_THAT = re.compile(r"\s*(?:that\b|:|,)?\s*")
_ACCORDING = re.compile(r"\baccording to\s*$", re.IGNORECASE)


def find_statements(
    articles: Sequence[Article], mentions: Sequence[Mention], sentences: dict[str, list[int]] | None = None
) -> list[Statement]:
    """Every article's statements, in article order: the engine's stage after linking (the
    speakers are entity ids), whose output the detectors then read (``Story.statements``).
    ``sentences``: where each article's sentences start (``Analysis.sentences``)."""
    story = Story(list(articles), list(mentions), [], sentence_starts=sentences)
    return [s for a in articles for s in statements(story, a.id)]


def statements(story: Story, article_id: str) -> list[Statement]:
    """The quotes of a linked speaker and the reported speech of a linked person in one article."""
    text = story.text(article_id)
    quotes = story.kind(article_id, "quote")
    out = [
        Statement(article_id, q.speaker, q.start, q.end, text[q.start:q.end], True)
        for q in quotes
        if q.speaker
    ]
    quote_starts = [q.start for q in quotes]  # quotes are in order and do not overlap
    quote_ends = [q.end for q in quotes]
    for m in story.kind(article_id, "entity"):
        if m.label != "PERSON" or not m.entity:
            continue
        s_start, s_end = story.sentence_at(article_id, m.start)
        span = (
            _reported_after(text, m.end, s_end, story, article_id)
            or _according_to(text, s_start, s_end, m)
            or _attributed_at_end(text, s_start, s_end, m)
        )
        if span is None:
            continue
        start, end = span
        if _overlaps_quote(quote_starts, quote_ends, start, end):
            continue  # the words are quoted: the quote already stands for them
        out.append(Statement(article_id, m.entity, start, end, text[start:end], False))
    return out


def _overlaps_quote(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Some quote overlaps [start, end): the last quote starting before ``end`` ends after ``start``
    (quotes of one article are sorted and disjoint)."""
    i = bisect.bisect_left(starts, end) - 1
    return i >= 0 and ends[i] > start


def _reported_after(text: str, name_end: int, s_end: int, story: Story, article_id: str) -> tuple[int, int] | None:
    after = text[name_end:s_end]
    verb = _VERB.match(after)
    if not verb:
        return None
    pos = name_end + verb.end()
    # Skip a date right after the verb ("said late on Thursday ...").
    for d in story.mentions_in(article_id, pos, min(s_end, pos + 40), "date"):
        if not text[pos:d.start].strip() or text[pos:d.start].strip().lower() in ("on", "late on", "in", "last"):
            pos = d.end
            break
    pos += _THAT.match(text, pos).end() - pos
    end = s_end
    while end > pos and text[end - 1] in ".!?\"'”’ ":
        end -= 1
    return (pos, end) if end - pos >= 12 else None


_TRAILING_VERB = "|".join(SPEECH_VERBS)
_CONJUNCTIONS = {"and", "but", "or", "while", "as", "when", "after", "before", "because", "so", "then", "who", "which"}
_SAID_X = re.compile(r",\s*(?:" + _TRAILING_VERB + r")\s+(?:[A-Za-z.’'-]+\s+){0,5}$")
_X_SAID = re.compile(r"^\s*(?:" + _TRAILING_VERB + r")\s*[.!?]?\s*$")


def _attributed_at_end(text: str, s_start: int, s_end: int, m) -> tuple[int, int] | None:
    """"<statement>, Petrova said." or "<statement>, said Foreign Minister Anna Petrova."."""
    if _X_SAID.match(text[m.end:s_end]):
        comma = text.rfind(",", s_start, m.start)
        between = text[comma + 1:m.start].split() if comma >= 0 else []
        # Only a title may sit between the comma and the name (", the minister Petrova said").
        if comma < 0 or len(between) > 5 or _CONJUNCTIONS & {w.lower() for w in between}:
            return None
        end = comma
    else:
        said = _SAID_X.search(text, s_start, m.start)
        if not said or text[m.end:s_end].strip(" .!?\"”’"):
            return None
        end = said.start()
    start = s_start
    while end > start and text[end - 1] in " ,\"”’":
        end -= 1
    while start < end and text[start] in " \"“‘":
        start += 1
    return (start, end) if end - start >= 12 else None


def _according_to(text: str, s_start: int, s_end: int, m) -> tuple[int, int] | None:
    """"According to X, <statement>" -- the statement follows the comma."""
    if not _ACCORDING.search(text[s_start:m.start]):
        return None
    comma = text.find(",", m.end, s_end)
    if comma < 0 or text[m.end:comma].strip(" ’'s"):
        return None
    start = comma + 1
    while start < s_end and text[start].isspace():
        start += 1
    end = s_end
    while end > start and text[end - 1] in ".!?\"'”’ ":
        end -= 1
    return (start, end) if end - start >= 12 else None
