"""``ct_numbers``: quantities, with their value, qualifier and what they count.

Where a number can start is found cheaply: runs of digits (one regex over the
text) and number-word tokens ("four", "twenty", "dozen", "thousands", found
through the tokens' LOWER hashes with numpy, far faster than a regex of
words). Each start is read with small anchored regexes, so the finder is
linear in the length of the text:

- the number itself: digits "7,000", "2.5"; words "twenty-five", "a dozen";
  scaled "1.2 million", "$3bn"; percentages; vague amounts "thousands",
- a qualifier before it ("more than", "about", "up to"...),
- a range it forms with the next number ("between 1,500 and 2,000", "5-10",
  "from 5 to 10") -> value ``[low, high]``, qualifier "range",
- what it counts: the head noun after it, skipping adjectives and proper-noun
  modifiers ("six armoured vehicles" -> "vehicles"); a hyphenated unit
  ("a 12-week deadline" -> "weeks"); or, when no noun follows ("the 700
  still stationed there"), a people/force noun in the same or previous sentence.
  Synonyms share one canonical plural (soldiers/forces -> "troops").

Not quantities: years and days of a month (anything :func:`dates.find_dates`
reads as a date), ordinals ("30th"), model names ("Tx-8", "F-16",
"COVID-19"), series names ("Article 5", "Flight 370"), times ("10:30", "3 pm").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.components import Batched, doc_text, register_extensions
from annotate.nlp.components.dates import MONTHS, WEEKDAYS, DateMatch, digit_runs, find_dates
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.tokens import SpanWriter, tokens, word_flag
from annotate.nlp.language import (
    CONTEXT_NOUNS,
    COUNT_SYNONYMS,
    CURRENCIES,
    FRACTIONS,
    INDEFINITE_ARTICLES,
    IRREGULAR_PLURALS,
    NOT_PLURAL_ENDINGS,
    NOUN_PHRASE_ENDS,
    NUMBER_SCALES,
    ONES_AND_TEENS,
    PREPOSITIONS,
    QUALIFIERS,
    TENS,
    UNIT_ABBREVIATIONS,
    by_first_letter,
    caseless,
)

# spaCy's own labels for what a number measures.
CARDINAL, MONEY, PERCENT = "CARDINAL", "MONEY", "PERCENT"

_MONEY_NAMES = frozenset(CURRENCIES.values())

_UNIT_WORD = "|".join(sorted(ONES_AND_TEENS, key=len, reverse=True))
_TENS_WORD = "|".join(TENS)
_SMALL = rf"(?:(?:{_TENS_WORD})(?:[-\s](?:{_UNIT_WORD}))?|{_UNIT_WORD})"
_WORD_NUMBER = (
    rf"(?:(?:{_SMALL}|a|an)\s+(?:hundred|thousand|million|billion|trillion|dozen)"
    rf"(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_VAGUE = (
    r"(?:(?:tens|hundreds|scores)\s+of\s+(?:thousands|millions)|(?:tens|scores)(?=\s+of\b)"
    r"|hundreds|thousands|millions|billions|dozens)"
)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\$|\$|€|£|¥|\b(?:USD|EUR|GBP)\s?)$")
_A_BEFORE = re.compile(r"\b(?i:a|an)\s+$")
# Words that can start a number phrase (any case); a per-word flag finds them fast.
NUMBER_WORDS = frozenset(
    [*ONES_AND_TEENS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen",
     "tens", "hundreds", "thousands", "millions", "billions", "dozens", "scores"]
)  # fmt: skip
_NUMBER_WORD = word_flag(lambda w: w.lower() in NUMBER_WORDS)
_SCALE_WORDS = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen"))

# Anchored where a number starts (a digit run or a number word the tokenizer found).
_ATOM = re.compile(
    rf"(?:(?<![\w.,])(?P<digits>{_DIGITS})(?:\s?(?P<scale>(?i:million|billion|trillion|thousand|hundred))\b"
    rf"|(?P<short>k|m|mn|mln|bn|b|tn|trn)\b)?"
    rf"|\b(?P<words>(?i:{_WORD_NUMBER}))\b"
    rf"|\b(?P<vague>(?i:{_VAGUE}))\b)"
    rf"(?P<pct>\s?%|\s(?i:per\s?cent)\b)?"
)

_QUALIFIER_BEFORE = re.compile(
    # (Words apart by any whitespace, as ``str.split`` reads them in ``_qualifier_before``: "more\xa0than".)
    r"\b(?P<q>(?i:" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)) + r"))\s+$"
)
_QUALIFIER_SET = frozenset(QUALIFIERS)
_QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in QUALIFIERS)  # most numbers have none: test this first
_NOT_SERIES_NAMES = NOUN_PHRASE_ENDS | frozenset(w for q in QUALIFIERS for w in q.split())
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][A-Za-z]+) $")
_BETWEEN_BEFORE = re.compile(r"\b(?i:between)\s+$")
_FROM_BEFORE = re.compile(r"\b(?i:from)\s+$")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|\bto\b)\s*")
_AND_JOIN = re.compile(r"\s+(?:and|to)\s+")
_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+)\b(?!-\d)")
_NEXT_WORD = re.compile(r"(?P<space>\s+)(?P<word>[A-Za-z][A-Za-z’'-]*)")
_OF = re.compile(r"\s+of\b")
_CURRENCY_AFTER = re.compile(r"\s+(?i:(?:US\s+)?(?P<c>dollars?|euros?|pounds?|yen))\b")
_TIME_AFTER = re.compile(r"(?::\d|\.\d\d\s?(?i:am|pm|a\.m|p\.m)|\s?(?i:a\.m\.|p\.m\.|am\b|pm\b|o[’']clock|gmt\b|utc\b|hrs\b))")
_GLUED_BEFORE = re.compile(r"(?:[A-Za-z]-?|\d:|[#№]|\bNo\.\s?)$")
_ONE_AS_PRONOUN = re.compile(r"\b(?i:no|any|every|some|the|this|that|each|which|last|only)[\s-]+$")
_CURRENCY_MARKS = frozenset("$€£¥D")  # the character right before a currency-marked number
_CURRENCY_CODES = frozenset(("USD", "EUR", "GBP"))  # "USD 5": the code before the space
_TIME_HINT = frozenset(":. ap")
# The first letters (either case) of what _CURRENCY_AFTER and _TIME_AFTER read after a space:
# a cheap test rules most numbers out before the regex runs.
_CURRENCY_WORD_STARTS = frozenset("udepyUDEPY")
_TIME_WORD_STARTS = frozenset("apoguhAPOGUH")
_CONTEXT_REACH = 500  # characters: about two sentences of news prose


_CONTEXT = re.compile(r"(?P<noun>" + by_first_letter(CONTEXT_NOUNS) + r")\b")  # lowercase: fast to scan


class NumberMatch(NamedTuple):  # (a NamedTuple: built many times per Doc, and cheaply)
    start: int
    end: int
    value: int | float | list | None
    counts: str | None
    qualifier: str | None


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    value: int | float | None
    scale: int
    currency: str | None
    percent: bool
    vague: bool
    word: str  # the number as written, lowercased


def find_numbers(doc: Doc) -> list[NumberMatch]:
    """Every quantity in ``doc``, in order, non-overlapping."""
    text = doc_text(doc)
    dates = find_dates(text, doc.user_data.get("published"))
    date_starts = [d.start for d in dates]
    atoms: list[_Atom] = []
    consumed = 0
    # The starts and the dates are both in order (the dates do not overlap): one walk
    # along the dates tells which starts are inside one.
    k, n_dates = 0, len(dates)
    for pos in _number_starts(doc, text):
        if pos < consumed:
            continue  # "five" inside "twenty-five"
        while k < n_dates and dates[k].end <= pos:
            k += 1
        if k < n_dates and dates[k].start <= pos:
            continue  # "30" in "March 30"
        atom = _atom(text, pos)
        # (An atom starting before ``pos`` -- "$5" -- may start inside an earlier date.)
        if atom is not None and (atom.start == pos or not _in_dates(atom.start, dates, date_starts)):
            atoms.append(atom)
            consumed = atom.end
    atoms = _without_model_numbers(atoms, text)
    found: list[NumberMatch] = []
    sentences = _Sentences(doc)
    i = 0
    while i < len(atoms):
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        match, used = _read(atoms[i], nxt, text, sentences)
        if match is not None:
            found.append(match)
        i += used
    return found


# "five new 737 aircraft", "20 of Boeing's larger 777 planes", "60 Boeing 787 Dreamliner aircraft":
# a bare number of three or four digits after a count, a few words on in the same phrase, is the
# model the count is of. (Not "5 of 100 passengers", "between 5 and 10", "two 500 kg bombs".)
_MODEL_DIGITS = re.compile(r"\d{3,4}")
_BETWEEN_COUNT_AND_MODEL = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){1,3}\s+")  # (no sentence end, no comma)
_JOINING_TWO_COUNTS = PREPOSITIONS | {"and", "or", "between", "out", "than", "per"}


def _without_model_numbers(atoms: list[_Atom], text: str) -> list[_Atom]:
    kept: list[_Atom] = []
    for atom in atoms:
        count = kept[-1] if kept else None
        if count is not None and not atom.currency and not atom.percent and atom.scale == 1 and _MODEL_DIGITS.fullmatch(atom.word):
            between = _BETWEEN_COUNT_AND_MODEL.fullmatch(text, count.end, atom.start)
            if between:
                words = between.group().split()
                if any(w[0].isupper() for w in words) or not any(w.lower() in _JOINING_TWO_COUNTS for w in words):
                    continue  # the model, not a second count
        kept.append(atom)
    return kept


def _number_starts(doc: Doc, text: str) -> list[int]:
    """Offsets where a number may start: digit runs, and tokens that are number words
    (a per-word flag of the shared token columns, much faster than a regex of words)."""
    starts = [start for start, _ in digit_runs(text)]
    if len(doc):
        toks = tokens(doc)
        for i in numpy.flatnonzero(toks.where(_NUMBER_WORD)).tolist():
            idx = toks.starts[i]
            a = _A_BEFORE.search(text, max(0, idx - 4), idx) if toks.words[i].lower() in _SCALE_WORDS else None
            starts.append(a.start() if a else idx)  # "a dozen", "a hundred"
    starts.sort()
    return starts


def _in_dates(pos: int, dates: tuple[DateMatch, ...], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and dates[k].start <= pos < dates[k].end


def _atom(text: str, pos: int) -> _Atom | None:
    m = _ATOM.match(text, pos)
    if m is None:
        return None
    # (One ``groups()`` call: reading groups by name costs a dictionary look-up each.)
    digits, scale_word, short, words, vague, pct = m.groups()
    start, end = m.span()
    prev = text[pos - 1] if pos else " "
    currency_before = prev in _CURRENCY_MARKS or (prev == " " and text[pos - 4 : pos - 1] in _CURRENCY_CODES)
    cur_match = _CURRENCY_BEFORE.search(text, max(0, pos - 4), pos) if digits and currency_before else None
    cur = cur_match["cur"].strip().lower() if cur_match else None
    if cur_match:
        start = cur_match.start()
    if vague:
        return _Atom(start, end, None, 1, cur, bool(pct), True, vague.lower())
    if words:
        word = " ".join(words.lower().split())
        if word in INDEFINITE_ARTICLES:
            return None
        if word == "one" and _ONE_AS_PRONOUN.search(text, max(0, start - 10), start):
            return None  # "no one", "the one", "each one"
        return _Atom(start, end, _word_value(word), 1, cur, bool(pct), False, word)
    if (not prev.isspace() or text[pos - 4 : pos - 1] == "No.") and _GLUED_BEFORE.search(text, max(0, pos - 4), pos):
        return None  # "Tx-8", "F-16", "G7", "10:30", "No. 5"
    digits_end = pos + len(digits)
    after = digits_end if not (scale_word or short or pct) else end
    if text[after : after + 1].isalpha():
        return None  # "30th", "1990s", "3D"
    hint = text[digits_end : digits_end + 1]
    if (hint in _TIME_HINT and (hint != " " or text[digits_end + 1 : digits_end + 2] in _TIME_WORD_STARTS)
            and _TIME_AFTER.match(text, digits_end)):
        return None  # "10:30", "10.30am", "9 pm"
    if not cur and not pct and text.startswith(". ", end) and _line_start(text, pos):
        return None  # a list marker "1. "
    # (_NAME_BEFORE needs a letter before the space: most numbers follow a lowercase word or none.)
    # A scale or a currency after it makes it an amount: "paying Hradec 50 million euros".
    amount = scale_word or short or _currency_after(text, end)
    if (prev == " " and not cur and not pct and not amount and text[pos - 2 : pos - 1].isalpha()
            and digits.isdigit() and _is_identifier(text, pos, end)):
        return None  # "Article 5", "Flight 370", "Resolution 2231"
    scale_word = scale_word or short
    scale = NUMBER_SCALES[caseless(scale_word)] if scale_word else 1
    value = float(digits.replace(",", "")) * scale
    return _Atom(start, end, _tidy(value), scale, cur, bool(pct), False, digits)


def _currency_after(text: str, end: int) -> re.Match | None:
    """A currency word after a number ("50 million euros"); most numbers are followed by a
    space and a letter no currency word starts with."""
    after = text[end + 1 : end + 2]
    if not text[end : end + 1].isspace() or (after not in _CURRENCY_WORD_STARTS and not after.isspace()):
        return None
    return _CURRENCY_AFTER.match(text, end)


def _is_identifier(text: str, pos: int, end: int) -> bool:
    """A number right after a capitalised word that names a series: "Article 5".

    Not when that word is a qualifier or function word ("About 70", "The 300"),
    a month ("June 3" is a date), or when the text is in title case
    ("Navy Buys 4 Frigates").
    """
    if text[max(0, pos - 24) : pos - 1].rpartition(" ")[2].islower():
        return False  # the word before has no capital: the usual case, without the regex
    name = _NAME_BEFORE.search(text, max(0, pos - 24), pos)
    if name is None or name["name"].lower() in _NOT_SERIES_NAMES or _is_month_or_day(name["name"].lower()):
        return False
    following = _NEXT_WORD.match(text, end)
    return following is None or not following["word"][0].isupper()


def _line_start(text: str, pos: int) -> bool:
    line = text.rfind("\n", 0, pos) + 1
    return not text[line:pos].strip()


def _word_value(word: str) -> int:
    total, current = 0, 0
    for part in re.split(r"[\s-]+", word):
        if part in ("and",):
            continue
        if part in INDEFINITE_ARTICLES:
            current = 1
        elif part in ONES_AND_TEENS:
            current += ONES_AND_TEENS[part]
        elif part in TENS:
            current += TENS[part]
        elif part in ("hundred", "dozen"):
            current = (current or 1) * NUMBER_SCALES[part]
        elif part in NUMBER_SCALES:
            total += (current or 1) * NUMBER_SCALES[part]
            current = 0
    return total + current


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


def _read(atom: _Atom, nxt: _Atom | None, text: str, sentences: "_Sentences") -> tuple[NumberMatch | None, int]:
    """The quantity starting at ``atom``; how many atoms it used (1, or 2 for a range)."""
    before = text[max(0, atom.start - 24) : atom.start]
    start, end = atom.start, atom.end
    qualifier: str | None = None
    value: int | float | list | None = atom.value
    used = 1
    last = atom

    rng = _range_with(atom, nxt, text, before)
    if rng is not None:
        low, high, start = rng
        value, qualifier, used, last = [low, high], "range", 2, nxt
        end = nxt.end
    elif atom.vague:
        qualifier = "vague"
    else:
        q = _qualifier_before(before)
        if q:
            qualifier, start = q[0], atom.start - len(before) + q[1]

    currency = atom.currency or last.currency
    counts: str | None = None
    if last.percent or atom.percent:
        counts = "percent"
    elif currency:
        counts = CURRENCIES.get(currency.strip())
    else:
        c = _currency_after(text, end)
        if c:
            counts, end = CURRENCIES[caseless(c["c"])], c.end()
    if counts is None:
        unit = _HYPHEN_UNIT.match(text, end) if not last.vague and text[end : end + 1] == "-" else None
        if unit is not None:
            if unit["unit"] in FRACTIONS or unit["unit"] in NOUN_PHRASE_ENDS:
                return None, used
            counts, end = _plural(unit["unit"]), unit.end()
            follower = _NEXT_WORD.match(text, end)
            if follower and _is_content(follower["word"]):
                end = follower.end()
        else:
            noun = _counted_noun(text, end, last)
            if noun is not None:
                counts, end = noun
            elif atom.word == "one" and used == 1:
                return None, used  # "one of them", "no one": not a count
            else:
                counts = _from_context(text, start, sentences)
    if counts is not None:
        counts = COUNT_SYNONYMS.get(counts, counts)
    return NumberMatch(start, end, value, counts, qualifier), used


def _qualifier_before(before: str) -> tuple[str, int] | None:
    """The qualifier ending ``before`` ("more than ") and where it starts in it."""
    if not before[-1:].isspace():
        return None
    words = before.split()
    if not words or words[-1].lower() not in _QUALIFIER_LAST_WORDS:
        return None
    for n in (3, 2, 1):
        if len(words) < n or (len(words) == n and not before[:1].isspace() and len(before) >= 24):
            continue  # the window may have cut the first word
        phrase = " ".join(words[-n:]).lower()
        if phrase in _QUALIFIER_SET:
            return phrase, _QUALIFIER_BEFORE.search(before).start("q")
    return None


def _range_with(atom: _Atom, nxt: _Atom | None, text: str, before: str) -> tuple:
    """(low, high, start) when ``atom`` and ``nxt`` form a range, else None."""
    if nxt is None or nxt.start - atom.end > 9 or atom.vague or nxt.vague or atom.value is None or nxt.value is None:
        return None
    gap = text[atom.end : nxt.start]
    between = _BETWEEN_BEFORE.search(before)
    if between and _AND_JOIN.fullmatch(gap):
        start = atom.start - len(before) + between.start()
    elif _RANGE_JOIN.fullmatch(gap):
        start = atom.start
        frm = _FROM_BEFORE.search(before)
        if frm and "to" in gap:
            start = atom.start - len(before) + frm.start()
    else:
        return None
    low, high = atom.value, nxt.value
    if nxt.scale > 1 and atom.scale == 1 and atom.value < nxt.value / nxt.scale * 10:
        low = _tidy(atom.value * nxt.scale)  # "between 2 and 3 million"
    if low > high:
        return None  # "voted 52 to 48" is a score, not a range
    return low, high, start


def _counted_noun(text: str, pos: int, atom: _Atom) -> tuple[str, int] | None:
    """The head noun after a number, skipping modifiers: (canonical noun, end offset)."""
    of = _OF.match(text, pos) if atom.vague or atom.word.endswith("dozen") else None
    if of:
        pos = of.end()
    singular_ok = atom.value == 1
    last_content: tuple[str, int] | None = None
    for _ in range(4):
        m = _NEXT_WORD.match(text, pos)
        if m is None or "\n" in m["space"]:
            break
        word = m["word"]
        lower = word.lower().strip("’'")
        if lower in NOUN_PHRASE_ENDS:
            break
        pos = m.end()
        if word[0].isupper():
            if _is_month_or_day(lower):
                break
            if _looks_plural(lower) and not singular_ok and word[-1] == "s":
                last_content = (lower, pos)  # title case: "4 Frigates"; a demonym: "3 Germans"
            continue  # a proper-noun modifier: "two Red Cross workers"
        if lower in IRREGULAR_PLURALS:
            return IRREGULAR_PLURALS[lower], pos
        if lower in UNIT_ABBREVIATIONS:
            return UNIT_ABBREVIATIONS[lower], pos  # "5 km", "30 kg"
        if lower.endswith("ly") or lower.endswith("ed") or lower.endswith("ing"):
            continue  # adverbs and participles modify: "700 still stationed"
        if _looks_plural(lower):
            if singular_ok:
                break  # "one knows": a verb, not a counted noun
            return lower, pos
        if singular_ok:
            last_content = (_plural(lower), pos)
        # a singular word after a plural number is an adjective or noun modifier: keep going
    return last_content


def _is_month_or_day(word: str) -> bool:
    return word in MONTHS or word in WEEKDAYS


def _is_content(word: str) -> bool:
    return word[0].islower() and word.lower() not in NOUN_PHRASE_ENDS


def _looks_plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(NOT_PLURAL_ENDINGS)


def _plural(word: str) -> str:
    word = word.lower()
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if _looks_plural(word):
        return word
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


class _Sentences:
    """The Doc's sentence starts (``ct_sentences``), read on first use: most numbers name
    what they count themselves."""

    __slots__ = ("doc", "starts")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] | None = None

    def previous(self, pos: int) -> int:
        """Where the sentence before the one holding ``pos`` starts (0 in the first two)."""
        if self.starts is None:
            self.starts = sentence_starts(self.doc)
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.starts[max(k - 1, 0)]


def _from_context(text: str, start: int, sentences: _Sentences) -> str | None:
    """What an uncounted number counts: the nearest people/force noun before it
    in the same or previous sentence."""
    window_start = max(0, start - _CONTEXT_REACH, sentences.previous(start))
    nearest = None
    for m in _CONTEXT.finditer(text, window_start, start):
        if not text[m.start() - 1 : m.start()].isalpha():  # a whole word, not "paratroops"
            nearest = m["noun"]
    if nearest is None:
        return None
    return COUNT_SYNONYMS.get(nearest, _plural(nearest))


@Language.factory("ct_numbers")
def make_numbers(nlp: Language, name: str) -> NumberFinder:
    return NumberFinder()


class NumberFinder(Batched):
    """Writes ``doc.spans["numbers"]`` from :func:`find_numbers`."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        toks = tokens(doc)
        out = SpanWriter(doc, toks, "numbers")
        rows = out.rows
        for n in find_numbers(doc):
            label = PERCENT if n.counts == "percent" else MONEY if n.counts in _MONEY_NAMES else CARDINAL
            where = toks.token_range(n.start, n.end)
            if where is None or where[0] < out.end:
                continue
            start_char, end_char = out.add(where[0], where[1], label)
            value, counts, qualifier = n.value, n.counts, n.qualifier
            rows.append((start_char, end_char, label, value, counts, qualifier))  # span._.value, ...
        out.close()
        return doc
