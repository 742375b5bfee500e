"""number: the articles give the same counted thing different figures.

Numbers are compared only when they count the same thing (the ``counts``
head noun, with synonyms such as soldiers/troops merged). Each figure is
read as an interval from its value and qualifier ("more than 5,000" is
(5000, inf), "about 5,000" is roughly 4,250-5,750, "between 2,500 and 3,000"
is [2500, 3000]); two figures conflict when their intervals do not overlap.
Vague amounts ("thousands") never conflict.

Figures are grouped into facts across articles, at most one per article:
a figure joins the fact whose figures share its value or are compatible
with it and whose sentences share an entity or words. Figures that differ
outright are grouped only when each article gives a single figure for that
thing, in a sentence sharing an entity: an article that gives two figures
for it (a number now and a target later) is telling two facts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model import Corroboration, Discrepancy, Mention
from .story import Findings, Story, evidence, stem

KIND = "number"

# Synonyms for what is counted. A general word list.
_SYNONYMS = {
    "soldier": "troop", "troop": "troop", "force": "troop", "personnel": "troop", "serviceman": "troop",
    "servicemen": "troop", "servicemember": "troop", "fighter": "fighter", "death": "death", "dead": "death",
    "fatality": "death", "killed": "death", "people": "people", "person": "people", "individual": "people",
    "child": "child", "children": "child", "kid": "child", "aircraft": "aircraft", "plane": "aircraft",
    "jet": "aircraft", "vessel": "ship", "boat": "ship", "ship": "ship", "percent": "percent", "%": "percent",
}
_LOWER = {"more than", "over", "above", "upwards of", "in excess of", "greater than"}
_AT_LEAST = {"at least", "no fewer than", "no less than", "minimum", "lower bound"}
_UPPER = {"fewer than", "less than", "under", "below"}
_AT_MOST = {"up to", "at most", "no more than", "as many as", "maximum", "upper bound"}
_APPROX = {"about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "close to",
           "nearly", "almost", "approx", "approximate", "circa", "just under", "just over"}


def counted_key(counts: str | None) -> str | None:
    """What a number counts, reduced to one comparable word."""
    if not counts or not counts.strip():
        return None
    head = counts.split()[-1]
    s = stem(head)
    return _SYNONYMS.get(head.lower(), _SYNONYMS.get(s, s))


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        if lo != hi:
            return lo < hi
        # Touching at one point: both intervals must include it.
        lo_open = (self.lo == lo and self.lo_open) or (other.lo == lo and other.lo_open)
        hi_open = (self.hi == hi and self.hi_open) or (other.hi == hi and other.hi_open)
        return not lo_open and not hi_open


def qualifier_class(q: str | None) -> str:
    q = (q or "").strip().lower()
    if not q or q in ("exact", "none"):
        return "exact"
    if q == "range":
        return "range"
    if q == "vague":
        return "vague"
    for name, words in (("lower", _LOWER), ("at least", _AT_LEAST), ("upper", _UPPER), ("at most", _AT_MOST)):
        if q in words:
            return name
    return "approx"


def interval(m: Mention) -> Interval | None:
    v = m.value
    cls = qualifier_class(m.qualifier)
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v):
        return Interval(float(min(v)), float(max(v)))
    if not isinstance(v, (int, float)) or isinstance(v, bool) or cls == "vague":
        return None
    v = float(v)
    return {
        "exact": Interval(v, v),
        "range": Interval(v, v),
        "lower": Interval(v, math.inf, lo_open=True),
        "at least": Interval(v, math.inf),
        "upper": Interval(-math.inf, v, hi_open=True),
        "at most": Interval(-math.inf, v),
    }.get(cls, Interval(v * 0.85, v * 1.15))


def _base(m: Mention) -> tuple:
    v = m.value
    return tuple(v) if isinstance(v, (list, tuple)) else (v,)


@dataclass
class Fact:
    """Figures for one counted thing, at most one per article."""

    key: str
    figures: dict[str, Mention] = field(default_factory=dict)


def _context(story: Story, m: Mention) -> tuple[set[str], set[str]]:
    return story.sentence_entities(m.article, m.start), story.sentence_words(m.article, m.start)


def number_facts(story: Story) -> list[Fact]:
    """Group every countable figure of the story into facts (see module doc)."""
    by_key: dict[str, list[Mention]] = {}
    for a in story.articles:
        for m in story.kind(a.id, "number"):
            key = counted_key(m.counts)
            if key and interval(m) is not None:
                by_key.setdefault(key, []).append(m)
    facts: list[Fact] = []
    for key, ms in by_key.items():
        per_article: dict[str, int] = {}
        for m in ms:
            per_article[m.article] = per_article.get(m.article, 0) + 1
        key_facts: list[Fact] = []
        contexts = {id(m): _context(story, m) for m in ms}
        for m in ms:
            best, best_score = None, 0.0
            for fact in key_facts:
                if m.article in fact.figures:
                    continue
                score = _fit(m, fact, contexts, per_article)
                if score > best_score:
                    best, best_score = fact, score
            if best is None:
                best = Fact(key)
                key_facts.append(best)
            best.figures[m.article] = m
        facts.extend(key_facts)
    return facts


def _fit(m: Mention, fact: Fact, contexts: dict[int, tuple[set[str], set[str]]], per_article: dict[str, int]) -> float:
    ents, words = contexts[id(m)]
    shared_ents = max(len(ents & contexts[id(o)][0]) for o in fact.figures.values())
    shared_words = max(len(words & contexts[id(o)][1]) for o in fact.figures.values())
    context = shared_ents + 0.25 * shared_words
    same_value = any(_base(o) == _base(m) for o in fact.figures.values())
    iv = interval(m)
    compatible = all(iv is not None and (ov := interval(o)) is not None and iv.overlaps(ov) for o in fact.figures.values())
    if same_value or compatible:
        single = per_article[m.article] == 1 and all(per_article[o.article] == 1 for o in fact.figures.values())
        return 2.0 + context if (context > 0 or single) else 0.0
    single = per_article[m.article] == 1 and all(per_article[o.article] == 1 for o in fact.figures.values())
    return context if single and shared_ents > 0 else 0.0


def detect(story: Story) -> Findings:
    found: list[Discrepancy] = []
    agreed: list[Corroboration] = []
    for fact in number_facts(story):
        if len(fact.figures) < 2:
            continue
        figs = fact.figures
        ev = [evidence(story.article_by_id[aid], m.start, m.end) for aid, m in figs.items()]
        ivs = [interval(m) for m in figs.values()]
        conflict = any(not a.overlaps(b) for i, a in enumerate(ivs) for b in ivs[i + 1:] if a and b)
        subject = f"number of {plural(fact.key)}"
        if not conflict:
            agreed.append(Corroboration(subject=subject, evidence=ev))
            continue
        same_base = len({_base(m) for m in figs.values()}) == 1
        parts = [f'"{m.text}" ({story.labels[aid]})' for aid, m in figs.items()]
        why = "same figure, different qualifier" if same_base else "different figures"
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=subject,
                summary=f"{subject.capitalize()}: " + " vs ".join(parts) + f" ({why})",
                severity="medium" if same_base else "high",
                values={aid: m.text for aid, m in figs.items()},
                evidence=ev,
            )
        )
    return found, agreed


def plural(word: str) -> str:
    if word.endswith(("s", "people", "aircraft", "personnel", "percent")):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
