"""``ct_dates``: date phrases, resolved against the article's publication date.

Absolute dates ("March 18", "18 March 2019", "December 2020", "2013")
and relative ones ("late on Thursday", "last week", "earlier this year",
"two weeks ago") are found from cheap triggers (a capitalised month or
weekday name, a run of digits, a keyword such as "week" or "ago") read with
small anchored regexes, so the finder is linear in the length of the text. Each becomes a span in ``doc.spans["dates"]`` with ``span._.value`` (an
ISO string: ``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY``) and
``span._.granularity`` (day | week | month | year). A date that needs the
publication date ("on Thursday", "May") when the article has none gets value
None and granularity "unresolved"; the span is still emitted.

The span is the phrase a reader would quote: weekday phrases keep their "on"
("late on Thursday", "On Saturday") because that is how they read; month and
year phrases drop the preposition ("in May" -> "May", "by 2023" -> "2023").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.language import INDEFINITE_ARTICLES, MONTH_ABBREVIATIONS, MONTHS, ONES_AND_TEENS, WEEKDAYS, caseless
from annotate.nlp.components import DOCS_PER_BATCH, Batched, register_extensions
from annotate.nlp.components.tokens import SpanWriter, tokens

LABEL = "DATE"

# How many days, weeks, months or years ago a date is: "a week ago", "two years ago".
SMALL_NUMBERS: dict[str, int] = {
    **dict.fromkeys(INDEFINITE_ARTICLES, 1), **{w: n for w, n in ONES_AND_TEENS.items() if 1 <= n <= 12}
}

# Month names are matched capitalised only ("may" is a verb); abbreviations may end in ".".
_FULL_MONTH = "(?:" + "|".join(m.title() for m in MONTHS if m not in MONTH_ABBREVIATIONS) + ")"
_ABBR_MONTH = "(?:" + "|".join(sorted((m.title() for m in MONTH_ABBREVIATIONS), key=len, reverse=True)) + r")\.?"
MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})"
WEEKDAY = "(?:" + "|".join(d.title() for d in WEEKDAYS) + ")"
YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_NOT_DIGIT_AFTER = r"(?![\d,]\d|\d|:\d|\.\d)"
_EDGE = r"(?i:early|mid|late|the end of|the start of|the beginning of|the middle of|end of|start of)"

# Where a date can be: each trigger is cheap to scan for (a capitalised word,
# a digit run, a relative keyword); the full phrase is then read around it with
# anchored patterns, so the cost is linear with a small constant.
# (Each starts with a plain character set, which the regex engine scans fast.)
_NAME_WORDS = (
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun Yesterday Today Tomorrow Tonight"
).split()
_NAME_TRIGGER = re.compile(rf"(?:{'|'.join(_NAME_WORDS)})[a-z]*")
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
_KEYWORDS = ("week", "month", "year", *_DAY_WORDS, *_PARTS_OF_DAY, "ago")
_THIS_OR_LAST_BEFORE = re.compile(r"\b(?P<rel>(?i:this|last))\s+$")

# Anchored at a month name.
_MONTH_DAY = re.compile(rf"(?P<month>{MONTH})\s+(?P<day>{_DAY})\b{_NOT_DIGIT_AFTER}(?:,?\s+(?P<year>{YEAR})\b(?!\d))?")
_MONTH_YEAR = re.compile(
    rf"(?P<month>{MONTH})(?![a-z])(?:,?\s+(?P<year>{YEAR})\b(?!\d)|\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+(?i:year)\b)?"
)
_YEAR_AFTER = re.compile(rf",?\s+(?P<year>{YEAR})\b(?!\d)")
# Read backwards from a month or weekday: these end where it starts.
_EDGE_LAST_WORDS = frozenset(("early", "mid", "late", "of"))
_DIGIT = re.compile(r"[0-9]")
_EDGE_BEFORE = re.compile(rf"\b(?P<edge>{_EDGE})[\s-]+$")
_DAY_BEFORE = re.compile(rf"(?<![\d.,])\b(?P<day>{_DAY})\s+(?:of\s+)?$")
_WEEKDAY_BEFORE = re.compile(r"(?:\b(?:(?i:late|early)\s+)?(?i:on)\s+)?(?:\b(?P<rel>(?i:last|next|this|past))\s+)?$")
_WEEKDAY = re.compile(rf"(?P<weekday>{WEEKDAY})\b(?:\s+(?i:morning|afternoon|evening|night)\b)?")
# Anchored at a digit run.
_YEAR = re.compile(rf"(?<![\d,.$€£¥#/])(?P<year>{YEAR})\b(?![,.]?\d|%|/|-[A-Za-z])")
_ISO = re.compile(rf"(?<![\d-])(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])")
_SLASHED = re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")
# Around a relative keyword.
_RELATIVE_BEFORE = re.compile(r"(?:\b(?i:earlier|later|early|late)\s+)?\b(?P<rel>(?i:this|last|next|past))\s+$")
# The letters _RELATIVE_BEFORE's words end with, as its case-insensitive match reads them ("ſ" is
# an "s" to it): a cheap test of the character before the spaces rules out most keywords.
_RELATIVE_LAST_LETTERS = frozenset("sStTſ")
_AGO_BEFORE = re.compile(
    r"\b(?P<n>\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"\s+(?P<unit>(?i:day|week|month|year))s?\s+$"
)

# "May" alone is too often the verb: accept it only with a date word before it.
_MAY_CONTEXT = re.compile(r"(?i:\b(?:in|since|until|till|by|of|from|during|before|after|early|mid|late|last|next|this)\s*-?\s*)$")
# "more than 2000": a count, not a year (news style writes counts as "2,000", years as "2000").
_COUNT_LAST_WORDS = frozenset("than over least about around nearly almost some to roughly".split())
_COUNT_BEFORE = re.compile(
    r"\b(?i:more than|over|at least|fewer than|less than|about|around|nearly|almost|some|up to|roughly)\s+$"
)


class DateMatch(NamedTuple):  # (a NamedTuple: built many times per Doc, and cheaply)
    start: int
    end: int
    value: str | None
    granularity: str  # day | week | month | year | unresolved


def find_dates(text: str, published: dt.date | None = None) -> tuple[DateMatch, ...]:
    """Every date phrase in ``text``, non-overlapping, leftmost-longest, in order."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if not isinstance(published, dt.date):
        published = None
    return _find_dates(text, published)


@lru_cache(maxsize=2 * DOCS_PER_BATCH)  # ct_numbers and ct_dates both need the dates of the same text
def _find_dates(text: str, published: dt.date | None) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []

    def read(reader, p: int, *args) -> None:
        try:
            found.extend(reader(text, p, *args, published))
        except (OverflowError, ValueError):  # resolving near date.min/max: keep it unresolved
            found.extend(reader(text, p, *args, None))

    for p in _name_starts(text):
        if p and text[p - 1].isalpha():
            continue
        m = _NAME_TRIGGER.match(text, p)
        if m is None:
            continue  # "Yes", "Toni": the first three letters of no trigger word's
        word = m.group().lower()
        if word in MONTHS:
            read(_at_month, p)
        elif word in WEEKDAYS:
            read(_at_weekday, p)
        elif word in _DAY_WORDS:
            read(_at_keyword, p, word)
    for p, end in digit_runs(text):
        if end - p == 4 or text[end : end + 1] == "/":  # a year, an ISO date, or 30/09/2021
            read(_at_digits, p, end)
    # Rare literal words: str.find is faster than any regex for them. Only whole words are
    # read ("weeks", "yearly" are not), tested here before any call: most are not whole.
    for word in _KEYWORDS:
        p = text.find(word)
        size = len(word)
        while p != -1:
            if not (p and text[p - 1].isalpha()) and not text[p + size : p + size + 1].isalpha():
                if word == "ago":
                    read(_at_ago, p)
                elif word in _PARTS_OF_DAY:
                    read(_at_part_of_day, p, word)
                else:
                    read(_at_keyword, p, word)
            p = text.find(word, p + 1)
    return tuple(_leftmost_longest(found))


@lru_cache(maxsize=2 * DOCS_PER_BATCH)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each run of ASCII digits (shared with ct_numbers).

    Found with numpy over the code points, where a digit run starts and ends:
    about twice as fast as a regex over the text.
    """
    points = _code_points(text)
    digit = numpy.zeros(len(points) + 2, dtype=numpy.int8)  # padded: runs at either end close
    digit[1:-1] = (points - 48) < 10  # (unsigned: anything below "0" wraps round to a large number)
    edges = numpy.flatnonzero(digit[1:] != digit[:-1]).tolist()
    return tuple(zip(edges[::2], edges[1::2]))


@lru_cache(maxsize=2)  # (read twice in a row by one ``_find_dates``; 4 bytes a character: keep few)
def _code_points(text: str) -> numpy.ndarray:
    return numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)


def _prefix_key(a, b, c):
    return (a << 14) | (b << 7) | c  # three ASCII code points in one number


_NAME_PREFIXES = numpy.array(sorted({_prefix_key(*map(ord, w[:3])) for w in _NAME_WORDS}), dtype=numpy.uint32)


def _name_starts(text: str) -> list[int]:
    """Where ``_NAME_TRIGGER`` may match: each capital letter that starts one of its words' first
    three letters. Found with numpy over the code points: a regex scans all the text for its
    capitals a character at a time, several times slower."""
    points = _code_points(text)
    capitals = numpy.flatnonzero((points[:-2] - 65) < 26)  # (unsigned: below "A" wraps round)
    keys = _prefix_key(points[capitals], points[capitals + 1], points[capitals + 2])
    at = numpy.minimum(numpy.searchsorted(_NAME_PREFIXES, keys), len(_NAME_PREFIXES) - 1)
    return capitals[_NAME_PREFIXES[at] == keys].tolist()


def _leftmost_longest(found: list[DateMatch]) -> list[DateMatch]:
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMatch] = []
    for d in found:
        if kept and d.start < kept[-1].end:
            continue
        kept.append(d)
    return kept


def _date(start: int, end: int, value: str | None, granularity: str) -> DateMatch:
    return DateMatch(start, end, value, granularity if value is not None else "unresolved")


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day_number(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _year_for(month: int, published: dt.date | None, day: int = 1) -> int | None:
    """The year of a month (and day) named without one: the publication year,
    or the year before when that would put it more than six months ahead."""
    if published is None:
        return None
    year = published.year
    if (month - published.month) * 31 + (day - published.day) > 183:
        year -= 1
    return year


def _iso_day(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _valid_day(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: February 29 is a real day
    except ValueError:
        return False
    return True


def _day_date(start: int, end: int, month: int, day: int, year: str | None, published) -> DateMatch | None:
    if not _valid_day(month, day):
        return None
    y = int(year) if year else _year_for(month, published, day)
    return _date(start, end, _iso_day(y, month, day), "day")


def _at_month(text: str, p: int, published: dt.date | None) -> list[DateMatch]:
    """"March 18", "18 March 2019", "December 2020", "late August", "June of this year"."""
    # (Cheap character tests first: most months have no day or edge word around them.)
    out: list[DateMatch] = []
    my = _MONTH_YEAR.match(text, p)
    if my is None:
        return out
    month = _month_number(my["month"])
    name_end = my.end("month")
    if text[name_end + 1 : name_end + 2].isdigit() and (md := _MONTH_DAY.match(text, p)):
        hit = _day_date(p, md.end(), month, _day_number(md["day"]), md["year"], published)
        if hit:
            return [hit]  # "March 18": longer than any other reading from here
    before = text[max(0, p - 22) : p]
    day_before = _DAY_BEFORE.search(text, max(0, p - 12), p) if _DIGIT.search(text, max(0, p - 9), p) else None
    if day_before:
        year = _YEAR_AFTER.match(text, my.end("month"))
        end = year.end() if year else my.end("month")
        hit = _day_date(day_before.start(), end, month, _day_number(day_before["day"]), year and year["year"], published)
        if hit:
            out.append(hit)
    last_word = before.rstrip(" -").rpartition(" ")[2].lower()
    edge = _EDGE_BEFORE.search(text, max(0, p - 22), p) if last_word in _EDGE_LAST_WORDS else None
    bare = not my["year"] and not my["rel"]
    if bare and not edge:
        name = my["month"]
        if name.endswith("."):
            return out  # "Dec." alone is too ambiguous
        if name in ("May", "Mar") and not _MAY_CONTEXT.search(text, max(0, p - 12), p):
            return out  # the verb or a name, not the month
    if my["year"]:
        year_number: int | None = int(my["year"])
    elif my["rel"] and published is not None:
        year_number = published.year + {"this": 0, "last": -1, "next": 1}[caseless(my["rel"])]
    else:
        year_number = _year_for(month, published)
    value = f"{year_number:04d}-{month:02d}" if year_number is not None else None
    out.append(_date(edge.start() if edge else p, my.end(), value, "month"))
    return out


def _at_weekday(text: str, p: int, published: dt.date | None) -> list[DateMatch]:
    """"late on Thursday", "On Saturday", "last Saturday", "Monday night"."""
    m = _WEEKDAY.match(text, p)
    if m is None:
        return []
    before = _WEEKDAY_BEFORE.search(text, max(0, p - 25), p)
    start = before.start() if before else p
    if published is None:
        return [_date(start, m.end(), None, "day")]
    target = WEEKDAYS[m["weekday"].lower()]
    rel = caseless(before["rel"] or "") if before else ""
    back = (published.weekday() - target) % 7
    if rel == "next":
        day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    elif rel in ("last", "past"):
        day = published - dt.timedelta(days=back or 7)
    else:  # news reports the past: the most recent such day, the publication day included
        day = published - dt.timedelta(days=back)
    return [_date(start, m.end(), day.isoformat(), "day")]


def _at_digits(text: str, p: int, end: int, published: dt.date | None) -> list[DateMatch]:
    """"2021-09-30", "30/09/2021", "2013" (a year standing alone)."""
    size, after = end - p, text[end : end + 1]
    if size == 4 and after == "-" and (m := _ISO.match(text, p)):
        value = _iso_day(int(m["year"]), int(m["month"]), int(m["day"]))
        return [_date(p, m.end(), value, "day")] if value else []
    if size <= 2 and after == "/" and (m := _SLASHED.match(text, p)):
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        # Day first unless that is impossible: most of the world writes 30/09/2021.
        day, month = (b, a) if a <= 12 < b else (a, b)
        value = _iso_day(year, month, day) if 1 <= month <= 12 else None
        return [_date(p, m.end(), value, "day")] if value else []
    if size == 4 and (m := _YEAR.match(text, p)):
        if p > 1 and text[p - 1] == "-" and text[p - 2].isalpha() and text[max(0, p - 4) : p].lower() != "mid-":
            return []  # a model name: "Mi-2020"
        before = text[max(0, p - 22) : p]
        last_word = before.rstrip(" -").rpartition(" ")[2].lower()
        if last_word in _COUNT_LAST_WORDS and _COUNT_BEFORE.search(text, max(0, p - 14), p):
            return []
        edge = None
        if last_word in _EDGE_LAST_WORDS:
            edge = _EDGE_BEFORE.search(text, max(0, p - 22), p)  # "early 2022", "mid-2022"
        return [_date(edge.start() if edge else p, m.end(), m["year"], "year")]
    return []


def _at_keyword(text: str, p: int, word: str, published: dt.date | None) -> list[DateMatch]:
    """"yesterday", "last week", "earlier this year", "two weeks ago"."""
    end = p + len(word)
    if word in _DAY_WORDS:
        if end < len(text) and text[end].isalpha():
            return []
        value = (published + dt.timedelta(days=_DAY_WORDS[word])).isoformat() if published else None
        return [_date(p, end, value, "day")]
    if end < len(text) and text[end].isalpha():
        return []  # "weeks", "yearly"
    before = text[max(0, p - 25) : p]
    word_end = before.rstrip()
    if len(word_end) == len(before) or word_end[-1:] not in _RELATIVE_LAST_LETTERS:
        return []  # no this/last/next/past right before it: most are "the year", "a week"
    m = _RELATIVE_BEFORE.search(text, max(0, p - 25), p)
    if m is None:
        return []
    n = {"this": 0, "last": 1, "past": 1, "next": -1}[caseless(m["rel"])]
    return [_relative(m.start(), end, n, word, published)]


def _at_part_of_day(text: str, p: int, word: str, published: dt.date | None) -> list[DateMatch]:
    """"last night", "this morning": the publication day or the day before."""
    end = p + len(word)
    if end < len(text) and text[end].isalpha():
        return []
    m = _THIS_OR_LAST_BEFORE.search(text, max(0, p - 8), p)
    if m is None:
        return []
    offset = -1 if caseless(m["rel"]) == "last" else 0
    value = (published + dt.timedelta(days=offset)).isoformat() if published else None
    return [_date(m.start(), end, value, "day")]


def _at_ago(text: str, p: int, published: dt.date | None) -> list[DateMatch]:
    """"two weeks ago", "3 days ago", "a year ago"."""
    if p + 3 < len(text) and text[p + 3].isalpha():
        return []
    m = _AGO_BEFORE.search(text, max(0, p - 30), p)
    if m is None:
        return []
    n_text = m["n"].lower()
    n = int(n_text) if n_text.isdigit() else SMALL_NUMBERS[n_text]
    return [_relative(m.start(), p + 3, n, m["unit"].lower(), published)]


def _relative(start: int, end: int, n: int, unit: str, published: dt.date | None) -> DateMatch:
    """The ``unit`` (day/week/month/year) ``n`` units before publication."""
    if published is None:
        return _date(start, end, None, unit)
    if unit == "day":
        return _date(start, end, (published - dt.timedelta(days=n)).isoformat(), "day")
    if unit == "week":
        iso = (published - dt.timedelta(weeks=n)).isocalendar()
        return _date(start, end, f"{iso.year:04d}-W{iso.week:02d}", "week")
    if unit == "month":
        index = published.year * 12 + published.month - 1 - n
        return _date(start, end, f"{index // 12:04d}-{index % 12 + 1:02d}", "month")
    return _date(start, end, f"{published.year - n:04d}", "year")


@Language.factory("ct_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder()


class DateFinder(Batched):
    """Writes ``doc.spans["dates"]`` from :func:`find_dates`."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        toks = tokens(doc)
        out = SpanWriter(doc, toks, "dates")
        rows = out.rows
        for d in find_dates(toks.text, doc.user_data.get("published")):
            where = toks.token_range(d.start, d.end)
            if where is None or where[0] < out.end:
                continue  # two dates in one token ("2000.September"): the span keeps the first
            start_char, end_char = out.add(where[0], where[1], LABEL)
            value, granularity = d.value, d.granularity
            rows.append((start_char, end_char, LABEL, value, granularity))  # span._.value, span._.granularity
        out.close()
        return doc
