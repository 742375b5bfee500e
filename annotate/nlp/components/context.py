"""``ct_context``: what the words around each figure and date say, read once here.

The detectors compare figures and dates across articles; what they need of the words
around them is decided in the pipeline, so that no later stage reads article text:

- a figure's **frame** (Roy, Vieira and Roth 2015 read quantities this way): its unit
  ("count", "percent", "magnitude", "km", or a currency), the thing it counts reduced
  to a class ("rescue workers" -> "rescuer"), what happened to it ("killed",
  "injured", ...; for a share, "increase" or "decrease"; for a length, "depth" or
  "distance"; for a sum, "paid", "offered", ...), and whether the sentence says it
  grew ("has risen to 45"). No unit when the figure is no comparable quantity: an
  age or a time ("a 16-year-old", "three years"), or a bare figure whose noun and
  event are guessed from afar;
- a figure's **near words**: the content words within 40 characters either side, in
  its sentence, as stems ("killed 12 people" -> "kill"), a nationality as its country;
- the **items listed** with what a figure counts ("three trucks, tents and blankets"
  -> "tents", "blankets"), and where the list ends;
- a date's near words: the content words and figures (``#12``) within 60 characters
  either side, in its sentence: what happened then.

Rows in ``rows(doc)``: group ``"number_context"``, ``(start_char, end_char, unit,
thing, event, grew, near, listed, listed_end)`` per figure of ``"numbers"``; group
``"date_context"``, ``(start_char, end_char, near)`` per date of ``"dates"``. Runs after
``ct_numbers`` and ``ct_dates``; sentences are those of ``ct_sentences``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.components import Batched, doc_text, rows
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.stream import stream_words
from annotate.nlp.language import (
    COUNTED_THINGS,
    CURRENCY_NAMES,
    LENGTHS,
    MONEY_EVENTS,
    NOT_COUNTED_THINGS,
    PREPOSITIONS,
    QUANTITY_EVENTS,
    STOPWORDS,
    WORD,
    Sentences,
    caseless,
    content_stem,
)

NUMBER_CONTEXT, DATE_CONTEXT = "number_context", "date_context"

# What a counted noun says happened ("deaths": killed): the first event whose words it is, in one
# ``fullmatch`` (it backtracks from one event's group into the next).
_NOUN_EVENT = re.compile("|".join(rf"(?P<{name}>{words})" for name, words in QUANTITY_EVENTS), re.IGNORECASE)


def _alternatives(words: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(words):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(words[start:i])
            start = i + 1
    return parts + [words[start:]]


def whole_words(alternatives: list[tuple[str, str]]) -> str:
    """A pattern matching what ``\b(?:a1)\b|\b(?:a2)\b|...`` matches, in the same order, for
    alternatives ``(pattern, marker)`` that each start with a lower-case letter: grouped by that
    letter, so that the regex engine scans for the letters fast instead of trying every
    alternative at every position (a ``\b`` first hides them from it). The word boundary before
    is a look behind after the first letter; a ``marker`` is the name of an empty group closing
    the alternative (``lastgroup`` then tells which matched), or "" for none."""
    groups: dict[str, list[str]] = {}
    for words, marker in alternatives:
        first, rest = words[0], words[1:]
        assert "a" <= first <= "z", words
        groups.setdefault(first, []).append(rf"{rest}\b" + (f"(?P<{marker}>)" if marker else ""))
    return "|".join(rf"{first}(?<!\w\w)(?:{'|'.join(rests)})" for first, rests in groups.items())


class _Events:
    """Words that say what happened, each event's alternatives closed by an empty group named by
    it: one scan finds the nearest of all (a tie goes to the event listed first)."""

    def __init__(self, events: tuple[tuple[str, str], ...]) -> None:
        # (Group names are unique: each alternative's marker is the event and its number.)
        markers: list[tuple[str, str]] = []
        self.event: dict[str, str] = {}
        for name, words in events:
            for k, alternative in enumerate(_alternatives(words)):
                marker = f"{name}_{k}"
                markers.append((alternative, marker))
                self.event[marker] = name
        self.pattern = re.compile(whole_words(markers))
        self.rank = {name: i for i, (name, _) in enumerate(events)}

    def nearest(self, before: str, after: str) -> str | None:
        """The event said closest to a figure between ``before`` and ``after`` (``caseless``)."""
        best = None
        last = None
        for last in self.pattern.finditer(before):
            pass
        if last is not None:
            name = self.event[last.lastgroup]
            best = (len(before) - last.end(), self.rank[name], 0, name)
        first = self.pattern.search(after)
        if first is not None:
            name = self.event[first.lastgroup]
            found = (first.start(), self.rank[name], 1, name)
            best = found if best is None else min(best, found)
        return best[3] if best else None


_EVENTS, _MONEY_EVENTS = _Events(QUANTITY_EVENTS), _Events(MONEY_EVENTS)
_LENGTH_EVENTS = _Events((("depth", r"depth|deep|below|beneath|underground"), ("distance", r"from|away|north|south|east|west|off")))
# The words around a figure are matched in the ``caseless`` text: these patterns are lower case.
def _any_word(words: str) -> re.Pattern:
    """``\b(?:words)\b``, faster to search for (see ``whole_words``)."""
    return re.compile(whole_words([(w, "") for w in _alternatives(words)]))


_INCREASE = _any_word(r"increase\w*|rais\w*|rise|rises|rose|risen|hike\w*|gain\w*|grow\w*|grew|up")
_DECREASE = _any_word(r"decreas\w*|cut\w*|drop\w*|fall|fell|fallen|declin\w*|down|reduc\w*|lower\w*")
_MAGNITUDE = _any_word(r"magnitude|richter")
_GREW = _any_word(r"ris(?:en|es|ing)|rose|climb\w*|increas\w*|grew|grow\w*|jump\w*|now\s+stands?|reached|updated?")
_COMPOUND = re.compile(r"^\S*\d[\d,.]*-[^\W\d]", re.UNICODE)  # "16-year-old", "200-student"
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_ITEM = re.compile(r"\s*(,\s*(?:and\s+)?|\s(?:and|as well as|plus)\s+)((?:[a-z][\w-]*)(?:\s+[a-z][\w-]*)?)")

NUMBER_NEAR = 40  # characters either side of a figure whose words say what it is
DATE_NEAR = 60  # characters either side of a date that tell its event
_LIST_REACH = 60  # characters after a figure where its counted noun may be written


@lru_cache(maxsize=10_000)
def singular(word: str) -> str:
    """A counted word in the singular form ``COUNTED_THINGS`` knows ("rescuers" -> "rescuer")."""
    w = word.lower()
    if w in COUNTED_THINGS:
        return w
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and w[: len(w) - len(suffix)] + repl in COUNTED_THINGS:
            return w[: len(w) - len(suffix)] + repl
    return w[:-1] if w.endswith("s") else w


class Lowered:
    """A text ``caseless``, each part as it is read: the figures' words are a fraction of an
    article, and lowering costs as much as reading them. (A part is the same as that part of the
    whole text lowered, but for a Greek sigma's final form, which no pattern here reads.)"""

    def __init__(self, text: str) -> None:
        self.text = text

    def __getitem__(self, part: slice) -> str:
        return caseless(self.text[part])


def frame_of_figure(text: str, low: str | Lowered, start: int, end: int, label: str, counts: str | None,
                    sentence: tuple[int, int]) -> tuple[str, str | None, str | None, bool] | None:
    """The figure ``text[start:end]``'s (unit, thing, event, grew), read from its sentence
    (``sentence``: its start and end; ``low``: the text ``caseless``, or a ``Lowered``); None when
    it is no comparable quantity."""
    s, e = sentence
    unit, thing, odd, written, noun_event = _own_words(text[start:end], (counts or "").lower(), label)
    if odd:
        return None  # "a 16-year-old", "a 200-student school": an age, whatever the words around say
    before, after = low[max(s, start - 40):start], low[end:min(e, end + 50)]
    if _MAGNITUDE.search(before[-15:]) or _MAGNITUDE.search(after[:15]):
        unit, thing = "magnitude", "earthquake"
    if unit == "count" and thing in NOT_COUNTED_THINGS:
        return None  # "three years": a time, not a count
    event = noun_event if unit == "count" and noun_event else _event(unit, before, after)
    grew = bool(_GREW.search(before))
    if unit == "count" and event is None:
        if not grew and not written:
            return None  # a bare figure ("59") whose noun and event are guessed from afar, unless a total ("has risen to 118")
        # Failing the words next to it, the clause before the figure ("the number of people
        # killed ... has risen to 118").
        event = _EVENTS.nearest(low[max(s, start - 160):start], "")
    return unit, thing, event, grew


@lru_cache(maxsize=50_000)
def _own_words(surface: str, counts: str, label: str) -> tuple[str, str | None, bool, bool, str | None]:
    """What a figure's own words say (``counts`` lower-case): its unit and thing unless the words
    around make it a magnitude; whether it is an age or a time ("16-year-old", "0"); whether its
    counted noun is written with it ("41 people"); what its noun says happened ("deaths")."""
    last = counts.split()[-1:]
    if label == "PERCENT" or counts in ("percent", "per cent", "%"):
        unit, thing = "percent", None
    elif counts in LENGTHS or last and last[0] in LENGTHS:
        unit, thing = "km", None
    elif label == "MONEY" or counts in CURRENCY_NAMES:
        unit, thing = counts or "money", None
    else:
        unit = "count"
        # What is counted as written after the figure ("rescue workers"), else as found.
        written = surface.lower().split()
        words = written if last and written and singular(written[-1]) == singular(last[0]) else counts.split()
        two = " ".join(singular(w) for w in words[-2:]) if len(words) >= 2 else ""
        thing = COUNTED_THINGS.get(two) or (COUNTED_THINGS.get(singular(words[-1])) if words else None)
        if thing is None and words:
            thing = singular(words[-1])
    odd = bool(_COMPOUND.match(surface)) or surface.startswith("0")
    written_with = bool(last) and singular(last[0]) in {singular(w) for w in surface.lower().split()}
    noun = _NOUN_EVENT.fullmatch(counts or "-")
    noun_event = noun.lastgroup if noun else None
    return unit, thing, odd, written_with, noun_event


def _event(unit: str, before: str, after: str) -> str | None:
    """What happened to what is counted, as the words next to the figure say."""
    if unit == "km":
        return _LENGTH_EVENTS.nearest(before[-30:], after[:25])
    if unit == "percent":
        near = before[-25:] + " " + after[:25]
        up, down = bool(_INCREASE.search(near)), bool(_DECREASE.search(near))
        return "increase" if up and not down else "decrease" if down and not up else None
    if unit not in ("count", "percent", "km", "magnitude"):  # a sum of money: what it is paid for
        return _MONEY_EVENTS.nearest(before[-40:], after[:30])
    if unit != "count":
        return None
    # The nearest word that says it, "killing 112 people and injuring 900": 112 killed.
    return _EVENTS.nearest(before[-30:], after[:40])


class Stream:
    """A text's words as ``WORD_OR_FIGURE`` finds them, in order, and where each starts
    (``ct_stream``'s): the words ``WORD`` finds in any part of the text, read from them."""

    def __init__(self, text: str, words: Sequence[str], starts: Sequence[int]) -> None:
        self.text, self.words, self.starts = text, words, starts

    def words_in(self, start: int, end: int) -> list[str]:
        """``WORD.findall(text[start:end])``: the words inside, a figure among them (no content
        word), and the part inside of a word cut by either end, found again."""
        if start >= end:
            return []
        text, words, starts = self.text, self.words, self.starts
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        found: list[str] = []
        if lo and starts[lo - 1] + len(words[lo - 1]) > start:
            found += _words_of_piece(text, start, min(end, starts[lo - 1] + len(words[lo - 1])))
        if hi > lo and starts[hi - 1] + len(words[hi - 1]) > end:
            found += words[lo : hi - 1]
            found += _words_of_piece(text, starts[hi - 1], end)
        else:
            found += words[lo:hi]
        return found


def _words_of_piece(text: str, start: int, end: int) -> list[str]:
    """``WORD.findall(text, start, end)`` for a piece of one word that a window's end cuts: most
    are letters only, one word as they are (a regex search costs several times more)."""
    piece = text[start:end]
    return [piece] if piece.isalpha() else WORD.findall(piece)


def near_words(text: str, start: int, end: int, sentence: tuple[int, int], reach: int,
               stream: Stream | None = None) -> list[str]:
    """The content words (``content_stem``) within ``reach`` characters of ``text[start:end]``,
    in its sentence, sorted; read from the text's ``stream`` when given."""
    s, e = sentence
    if stream is None:
        words = WORD.findall(text[max(s, start - reach):start] + " " + text[end:min(e, end + reach)])
    else:
        words = stream.words_in(max(s, start - reach), start) + stream.words_in(end, min(e, end + reach))
    stems = set(map(content_stem, words))
    stems.discard(None)
    stems.discard("")
    return sorted(stems)


def listed_items(text: str, start: int, end: int, counts: str | None, sentence_end: int) -> tuple[list[str], int | None]:
    """Nouns listed after what a figure counts: "three trucks, tents and blankets" -> ["tents",
    "blankets"], and where the list ends; ([], None) when there is none.

    Only a list closed by "and"/"plus" counts; items are one or two lower-case
    content words (a preposition ends the item: "blankets from the depot")."""
    if not counts or not counts.strip():
        return [], None
    head = counts.split()[-1]
    at = text.find(head, start, start + (end - start) + _LIST_REACH)
    if at < 0:
        return [], None
    pos = at + len(head)
    items: list[str] = []
    closed = False
    while not closed:
        m = _ITEM.match(text, pos, sentence_end)
        if not m:
            break
        words = []
        for w in m.group(2).split():
            if w in STOPWORDS or w in PREPOSITIONS or w.endswith(("ing", "ed")):
                break  # "killing 12 people and injuring 40": a second clause, not a listed thing
            words.append(w)
        if not words:
            break
        items.append(" ".join(words))
        pos = m.start(2) + len(" ".join(words)) if len(words) == 1 else m.end(2)
        closed = "and" in m.group(1) or "plus" in m.group(1) or "as well as" in m.group(1)
    return (items, pos) if closed and items else ([], None)


def figure_context(text: str, low: str | Lowered, start: int, end: int, label: str, value: object,
                   counts: str | None, qualifier: str | None, sentence: tuple[int, int],
                   stream: Stream | None = None) -> tuple:
    """A figure's row fields after its offsets: (unit, thing, event, grew, near, listed, listed_end).
    A figure without a value ("many") has no frame unless
    vague ("thousands"); one that counts nothing, no near words and no list. ``stream``: the
    text's words, when known."""
    frame = frame_of_figure(text, low, start, end, label, counts, sentence) if value is not None or qualifier == "vague" else None
    unit, thing, event, grew = frame if frame else (None, None, None, False)
    if not counts or not counts.strip():
        return unit, thing, event, grew, [], [], None
    listed, listed_end = listed_items(text, start, end, counts, sentence[1])
    near = near_words(text, start, end, sentence, NUMBER_NEAR, stream) if value is not None else []
    return unit, thing, event, grew, near, listed, listed_end


def date_context(text: str, start: int, end: int, value: str | None, granularity: str | None,
                 sentence: tuple[int, int], stream: Stream | None = None) -> list[str]:
    """A date's near words and the figures around it (``#12``), sorted; none for a date that
    could not be resolved or a year (neither dates one event). ``stream``: the text's words,
    when known."""
    if value is None or granularity == "year":
        return []
    s, e = sentence
    around = text[max(s, start - DATE_NEAR):start] + " " + text[end:min(e, end + DATE_NEAR)]
    figures = {"#" + n.replace(",", "") for n in _FIGURE.findall(around)}
    return sorted({*near_words(text, start, end, sentence, DATE_NEAR, stream), *figures})


@Language.factory("ct_context")
def make_context_reader(nlp: Language, name: str) -> "ContextReader":
    return ContextReader()


class ContextReader(Batched):
    """The ``ct_context`` component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        found = rows(doc)
        numbers = found.get("numbers")
        if numbers is None:
            numbers = [(s.start_char, s.end_char, s.label_, s._.value, s._.counts, s._.qualifier)
                       for s in doc.spans.get("numbers", ())]
        dates = found.get("dates")
        if dates is None:
            dates = [(s.start_char, s.end_char, s.label_, s._.value, s._.granularity) for s in doc.spans.get("dates", ())]
        if not numbers and not dates:
            return doc
        text = doc_text(doc)
        low = Lowered(text)
        sentences = Sentences(text, sentence_starts(doc))
        words = stream_words(doc)
        stream = Stream(text, *words) if words else None
        found.put(NUMBER_CONTEXT, [
            (start, end, *figure_context(text, low, start, end, label, value, counts, qualifier,
                                         sentences.around(start), stream))
            for start, end, label, value, counts, qualifier in numbers
        ])
        found.put(DATE_CONTEXT, [
            (start, end, date_context(text, start, end, value, granularity, sentences.around(start), stream))
            for start, end, _label, value, granularity in dates
        ])
        return doc
