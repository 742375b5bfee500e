"""Quantities as frames: a value or interval, its unit, what is counted and what happened to it.

A number mention says little alone: "41 people" and "180 people" are two facts when
one are the dead and the other the injured. A ``Frame`` adds what the words around a
figure say (Roy, Vieira and Roth 2015 read quantities the same way):

- ``unit``: "count", "percent", "magnitude", "km" (kilometres, metres and miles
  converted), or a currency;
- ``thing``: what is counted, reduced to a class ("rescuers" = "rescue workers");
  "people" is any person;
- ``event``: what happened to it: killed, injured, detained, displaced, missing,
  rescued, evacuated; for percentages, increase or decrease; for lengths, depth
  or distance;
- ``interval``: the value read with its qualifier ("at least 41" = [41, inf),
  "about 600" = 540-660, "dozens" = 24-99, "hundreds" = 200-999);
- ``grew``: the sentence says the figure rose ("has risen to 45"): a later total.

Two frames are about the same thing only when unit, event and thing agree (see
``Frame.key``); comparing anything else is where false alarms come from.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from annotate.model import Mention

# What happened to what is counted, by the words that say it. A general word list.
_EVENTS = (
    ("killed", r"kill\w*|dead|deaths?|died|dies|fatalit\w*|death\s+toll|lives|bodies|perished"),
    ("injured", r"injur\w*|wounded|hurt|hospitali[sz]ed"),
    ("detained", r"detain\w*|detention|arrest\w*|held|custody|jailed"),
    ("displaced", r"displaced|homeless|fled|flee\w*|refugees"),
    ("evacuated", r"evacuat\w*"),
    ("missing", r"missing|unaccounted"),
    ("rescued", r"rescued|saved|pulled\s+alive"),
)
_EVENT = [(name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in _EVENTS]
# What a sum of money is: paid (a fee, a price, damages) or only offered (a bid).
_MONEY_EVENTS = (
    ("paid", re.compile(r"\b(?:fee|paid|pay|paying|price|cost|costs|damages|compensation|fine|fined|award\w*)\b", re.I)),
    ("offered", re.compile(r"\b(?:bids?|offer\w*|propos\w*)\b", re.I)),
    ("earned", re.compile(r"\b(?:revenue|sales|profit|earn\w*|income)\b", re.I)),
    ("charged", re.compile(r"\b(?:charges?|write-?downs?|loss\w*)\b", re.I)),
)
_INCREASE = re.compile(r"\b(?:increase\w*|rais\w*|rise|rises|rose|risen|hike\w*|gain\w*|grow\w*|grew|up)\b", re.I)
_DECREASE = re.compile(r"\b(?:decreas\w*|cut\w*|drop\w*|fall|fell|fallen|declin\w*|down|reduc\w*|lower\w*)\b", re.I)
_DEPTH = re.compile(r"\b(?:depth|deep|below|beneath|underground)\b", re.I)
_DISTANCE = re.compile(r"\b(?:from|away|north|south|east|west|off)\b", re.I)
_MAGNITUDE = re.compile(r"\b(?:magnitude|richter)\b", re.I)
_GREW = re.compile(r"\b(?:ris(?:en|es|ing)|rose|climb\w*|increas\w*|grew|grow\w*|jump\w*|now\s+stands?|reached|updated?)\b", re.I)
# Ways of naming one counted thing.
_THINGS = {
    "rescuer": "rescuer", "rescue worker": "rescuer", "rescue team member": "rescuer", "firefighter": "firefighter",
    "protester": "protester", "protestor": "protester", "demonstrator": "protester",
    "people": "people", "person": "people", "individual": "people", "death": "people", "fatality": "people",
    "dead": "people", "victim": "people", "casualty": "people", "injured": "people", "wounded": "people",
    "soldier": "troop", "troop": "troop", "force": "troop", "personnel": "troop",
    "home": "home", "house": "home", "building": "building", "worker": "worker", "employee": "worker",
    "job": "job", "student": "student", "child": "child", "children": "child",
}
KNOWN_THINGS = frozenset(_THINGS.values())
_PEOPLE_LIKE = frozenset({"people", "protester", "rescuer", "firefighter", "troop", "worker", "student", "child"})
_LENGTHS = {"kilometres": 1.0, "kilometers": 1.0, "km": 1.0, "metres": 0.001, "meters": 0.001, "miles": 1.609}
_CURRENCIES = frozenset({"dollars", "euros", "pounds", "yen"})
# Vague amounts as the intervals a reader hears in them.
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
         "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
         "millions": (2_000_000, 9_999_999)}
_APPROX = {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "close to", "nearly",
           "almost", "just under", "just over"}
_LOWER = {"more than", "over", "above", "upwards of", "in excess of", "well over"}
_AT_LEAST = {"at least", "no fewer than", "no less than"}
_UPPER = {"fewer than", "less than", "under", "below"}
_AT_MOST = {"up to", "at most", "no more than", "as many as"}
APPROX_MARGIN = 0.10
_COMPOUND = re.compile(r"^\S*\d[\d,.]*-[^\W\d]", re.UNICODE)
# Times, ages and "others" (a different group each time) are not things counted in a story.
_NOT_THINGS = frozenset("year month week day hour minute second decade century season game round other".split())


@dataclass(frozen=True, slots=True)
class Frame:
    mention: Mention
    unit: str
    thing: str | None
    event: str | None
    lo: float
    hi: float
    grew: bool

    @property
    def article(self) -> str:
        return self.mention.article

    def overlaps(self, other: Frame) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def key(self) -> tuple:
        return (self.unit, self.event, self.thing if self.thing not in _PEOPLE_LIKE else "person")


def _singular(word: str) -> str:
    w = word.lower()
    if w in _THINGS:
        return w
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if w.endswith(suffix) and w[: len(w) - len(suffix)] + repl in _THINGS:
            return w[: len(w) - len(suffix)] + repl
    return w[:-1] if w.endswith("s") else w


def _interval(m: Mention, value: float) -> tuple[float, float]:
    q = (m.qualifier or "").lower().strip()
    if q in _LOWER:
        return math.nextafter(value, math.inf), math.inf
    if q in _AT_LEAST:
        return value, math.inf
    if q in _UPPER:
        return -math.inf, math.nextafter(value, -math.inf)
    if q in _AT_MOST:
        return -math.inf, value
    if q in _APPROX:
        return value * (1 - APPROX_MARGIN), value * (1 + APPROX_MARGIN)
    return value, value


def frame(m: Mention, sentence: str, offset: int) -> Frame | None:
    """The frame of a number mention, read from its sentence (``offset``: where the
    sentence starts in the article). None when it is no comparable quantity."""
    start, end = m.start - offset, m.end - offset
    before, after = sentence[max(0, start - 40):start], sentence[end:end + 50]
    counts = (m.counts or "").lower()
    # The unit: what kind of number this is.
    if _MAGNITUDE.search(before[-15:]) or _MAGNITUDE.search(after[:15]):
        unit, thing = "magnitude", "earthquake"
    elif m.label == "PERCENT" or counts in ("percent", "per cent", "%"):
        unit, thing = "percent", None
    elif counts in _LENGTHS or counts.split()[-1:] and counts.split()[-1] in _LENGTHS:
        unit, thing = "km", None
    elif m.label == "MONEY" or counts in _CURRENCIES:
        unit, thing = counts or "money", None
    else:
        unit = "count"
        # What is counted as written after the figure ("rescue workers"), else as found.
        written = m.text.lower().split()
        words = written if counts and written and _singular(written[-1]) == _singular(counts.split()[-1]) else counts.split()
        two = " ".join(_singular(w) for w in words[-2:]) if len(words) >= 2 else ""
        thing = _THINGS.get(two) or (_THINGS.get(_singular(words[-1])) if words else None)
        if thing is None and words:
            thing = _singular(words[-1])
    if _COMPOUND.match(m.text) or m.text.startswith("0") or (unit == "count" and thing in _NOT_THINGS):
        return None  # "a 16-year-old", "a 200-student school", "three years": an age or a time, not a count
    value = _value(m)
    if value is None:
        return None
    lo, hi = value
    factor = next((f for name, f in _LENGTHS.items() if counts.endswith(name)), 1.0) if unit == "km" else 1.0
    lo, hi = lo * factor, hi * factor
    if unit == "magnitude" and not 1 <= lo <= 10:
        return None  # a magnitude is between 1 and 10: "0" is a piece of "6.0" read apart
    if unit == "km" and factor != 1.0:
        lo, hi = lo * (1 - APPROX_MARGIN), hi * (1 + APPROX_MARGIN)  # "six miles" is "10 km" converted
    event = _event(unit, counts, before, after, sentence[:start])
    grew = bool(_GREW.search(before))
    if unit == "count" and not _written(m, counts) and _event(unit, counts, before, after, "") is None and not grew:
        return None  # a bare figure ("59") whose noun and event are guessed from afar, unless a total ("has risen to 118")
    return Frame(m, unit, thing, event, lo, hi, grew)


def _written(m: Mention, counts: str) -> bool:
    """The counted noun is written with the figure ("41 people")."""
    head = counts.split()[-1:] if counts else []
    return bool(head) and _singular(head[0]) in {_singular(w) for w in m.text.lower().split()}


def _value(m: Mention) -> tuple[float, float] | None:
    v = m.value
    if isinstance(v, bool):
        return None
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v):
        return float(min(v)), float(max(v))
    if isinstance(v, (int, float)):
        return _interval(m, float(v))
    if v is None and (m.qualifier or "") == "vague":
        words = " ".join(m.text.lower().split())
        for name, (lo, hi) in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
            if words.startswith(name):
                return float(lo), float(hi)
    return None


def _event(unit: str, counts: str, before: str, after: str, head: str) -> str | None:
    """What happened to what is counted; ``head``: the sentence up to the figure."""
    if unit == "km":
        return _nearest([("depth", _DEPTH), ("distance", _DISTANCE)], before[-30:], after[:25])
    if unit == "percent":
        near = before[-25:] + " " + after[:25]
        up, down = bool(_INCREASE.search(near)), bool(_DECREASE.search(near))
        return "increase" if up and not down else "decrease" if down and not up else None
    if unit not in ("count", "percent", "km", "magnitude"):  # a sum of money: what it is paid for
        return _nearest(_MONEY_EVENTS, before[-40:], after[:30])
    if unit != "count":
        return None
    # The counted noun itself may say it ("deaths"), else the words next to the figure.
    for name, pattern in _EVENT:
        if pattern.fullmatch(counts or "-"):
            return name
    # The nearest word that says it, "killing 112 people and injuring 900": 112 killed;
    # failing that, the clause before the figure ("the number of people killed ... has risen to 118").
    return _nearest(_EVENT, before[-30:], after[:40]) or _nearest(_EVENT, head[-160:], "")


def _nearest(patterns, before: str, after: str) -> str | None:
    """The name of the pattern matching closest to the figure (between ``before`` and ``after``)."""
    best: tuple[int, str] | None = None
    for name, pattern in patterns:
        for m in pattern.finditer(before):
            d = len(before) - m.end()
            if best is None or d < best[0]:
                best = (d, name)
        m = pattern.search(after)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


def round_agrees(a: float, b: float) -> bool:
    """One figure is the other rounded: 52.4 / 52, 4,012 / 4,000 (round hundreds or more)."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if float(y).is_integer() and not float(x).is_integer() and round(x) == y:
            return True
        if y and y % 100 == 0 and x % 100 != 0:
            step = 10 ** (len(str(int(y))) - len(str(int(y)).rstrip("0")))
            if round(x / step) * step == y:
                return True
    return False
