"""Quantities as frames: a value or interval, its unit, what is counted and what happened to it.

A number mention says little alone: "41 people" and "180 people" are two facts when
one are the dead and the other the injured. A ``Frame`` adds what the words around a
figure say, as the pipeline read them (``ct_context``, fields of ``NumberMention``; Roy,
Vieira and Roth 2015 read quantities the same way):

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
from dataclasses import dataclass

from annotate.model import Mention, NumberMention
from annotate.nlp.language import COUNTED_THINGS, LENGTHS

KNOWN_THINGS = frozenset(COUNTED_THINGS.values())
_PEOPLE_LIKE = frozenset({"people", "protester", "rescuer", "firefighter", "troop", "worker", "student", "child"})
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


def frame(m: NumberMention) -> Frame | None:
    """The frame of a number mention (its unit, thing and event as the pipeline read them, and
    its value as an interval); None when it is no comparable quantity."""
    if m.unit is None:
        return None
    value = _value(m)
    if value is None:
        return None
    lo, hi = value
    counts = (m.counts or "").lower()
    factor = next((f for name, f in LENGTHS.items() if counts.endswith(name)), 1.0) if m.unit == "km" else 1.0
    lo, hi = lo * factor, hi * factor
    if m.unit == "magnitude" and not 1 <= lo <= 10:
        return None  # a magnitude is between 1 and 10: "0" is a piece of "6.0" read apart
    if m.unit == "km" and factor != 1.0:
        lo, hi = lo * (1 - APPROX_MARGIN), hi * (1 + APPROX_MARGIN)  # "six miles" is "10 km" converted
    return Frame(m, m.unit, m.thing, m.event, lo, hi, m.grew)


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
