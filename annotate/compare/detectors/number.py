"""number: the articles give the same counted thing different figures.

Numbers are compared only when they count the same thing (the ``counts``
head noun, with synonyms such as soldiers/troops merged). Each figure is
read as an interval from its value and qualifier ("more than 4,000" is
(4000, inf), "about 4,000" is 3,600-4,400, "between 1,200 and 1,500"
is [1200, 1500]); two figures conflict when their intervals do not overlap.
Vague amounts ("thousands") never conflict.

Figures are grouped into facts across articles, at most one per article:
a figure joins the fact whose figures share its value or are compatible
with it and whose sentences share an entity or words. Figures that differ
outright are grouped only when the counted noun is written next to them
("55 people"), they are not dated differently, and either each article
gives a single figure for that thing in sentences sharing an entity or
another word, or the words right around the figures match ("killed 12
people" / "killed 14 people", not "injured 40 people"): an article
that gives two figures for it (a number now and a target later) is telling
two facts, and so are figures "since 1997" and "since 2010".
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from annotate.model import Corroboration, Discrepancy, Mention, NumberMention
from annotate.compare.quantities import KNOWN_THINGS, Frame, frame, round_agrees
from annotate.compare.detectors.story import Findings, Story, article_values, evidence, value_parts
from annotate.nlp.language import GENERIC, stem

KIND = "number"

# Synonyms for what is counted. A general word list.
_SYNONYMS = {
    "soldier": "troop", "troop": "troop", "force": "troop", "personnel": "troop", "serviceman": "troop",
    "servicemen": "troop", "servicemember": "troop", "fighter": "fighter", "death": "death", "dead": "death",
    "fatality": "death", "killed": "death", "people": "people", "person": "people", "individual": "people",
    "child": "child", "children": "child", "kid": "child", "aircraft": "aircraft", "plane": "aircraft",
    "jet": "aircraft", "vessel": "ship", "boat": "ship", "ship": "ship", "percent": "percent", "%": "percent",
    "job": "job", "employee": "job", "worker": "job", "staff": "job", "staffer": "job", "position": "job",
    "layoff": "job", "resident": "resident", "villager": "resident", "inhabitant": "resident",
    "home": "home", "house": "home", "dwelling": "home",
}
# A share is not a thing: "74 percent" of what is in the rest of the sentence.
_SYNONYMS_BY_STEM = {stem(word): key for word, key in _SYNONYMS.items()}
SHARES = {"percent", "per cent", "percentage", "point"}
DURATIONS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}
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
    head = counts.split()[-1].lower()
    s = stem(head)
    return _SYNONYMS.get(head) or _SYNONYMS_BY_STEM.get(s, s)


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
    }.get(cls, Interval(v * (1 - _APPROX_MARGIN), v * (1 + _APPROX_MARGIN)))


# "About 4,000" covers 3,600-4,400: a reader takes "about 4,000" and "4,500" as two figures.
_APPROX_MARGIN = 0.10


def _base(m: Mention) -> tuple:
    v = m.value
    return tuple(v) if isinstance(v, (list, tuple)) else (v,)


@dataclass
class Fact:
    """Figures for one counted thing, at most one per article."""

    key: str
    figures: dict[str, Mention] = field(default_factory=dict)


@dataclass(slots=True)
class _Figure:
    """A number mention with what grouping needs, computed once."""

    mention: Mention
    interval: Interval
    base: tuple
    explicit: bool
    entities: set[str]
    actors: set[str]  # the entities that are not places: who or what the figure is about
    words: frozenset[str]
    dates: set[str]
    near: frozenset[str]  # content words right around the figure ("killed", "injured"), counted noun excluded
    what: tuple[str, str | None] | None = None  # unit and what happened (quantities.Frame): "killed" is not "injured"


def number_facts(story: Story) -> list[Fact]:
    """Group every countable figure of the story into facts (see module doc). Cached per story."""
    if "number_facts" not in story.memo:
        story.memo["number_facts"] = _group(story)
    return story.memo["number_facts"]


def _group(story: Story) -> list[Fact]:
    by_key: dict[str, list[_Figure]] = {}
    told: set[tuple] = set()  # a sentence repeated in an article tells its figures once
    for a in story.articles:
        for m in story.kind(a.id, "number"):
            key = counted_key(m.counts)
            iv = interval(m) if key else None
            if iv is None or m.label == "MONEY":
                continue  # sums of money are compared as frames (what they were paid for), never by currency alone
            s, e = story.sentence_at(m.article, m.start)
            again = (a.id, key, _base(m), m.qualifier, story.sentence_key(a.id, m.start))
            if again in told:
                continue
            told.add(again)
            entities = story.sentence_entities(m.article, m.start)
            by_key.setdefault(key, []).append(
                _Figure(
                    m, iv, _base(m), written_out(m), entities, entities - story.place_entities,
                    story.sentence_words(m.article, m.start), _dates_in(story, m.article, s, e),
                    _near_words(story, m, key),
                    _what(story, m),
                )
            )
    facts: list[Fact] = []
    for key, figs in by_key.items():
        per_article: dict[str, int] = {}  # figures with the counted noun written out, per article
        for f in figs:
            per_article[f.mention.article] = per_article.get(f.mention.article, 0) + f.explicit
        groups: list[list[_Figure]] = []
        for f in figs:
            best, best_score = None, 0.0
            for group in groups:
                if any(o.mention.article == f.mention.article for o in group):
                    continue
                score = _fit(key, f, group, per_article)
                if score > best_score:
                    best, best_score = group, score
            if best is None:
                best = []
                groups.append(best)
            best.append(f)
        facts.extend(Fact(key, {o.mention.article: o.mention for o in group}) for group in groups)
    return facts


def frame_of(story: Story, m: Mention) -> Frame | None:
    """The frame of a number mention, read once per story."""
    frames = story.memo.setdefault("frame_of", {})
    if m.id not in frames:
        frames[m.id] = frame(m)
    return frames[m.id]


def _what(story: Story, m: Mention) -> tuple[str, str | None] | None:
    fr = frame_of(story, m)
    return (fr.unit, fr.event) if fr else None


def _differ(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """Other units, or two things that happened ("killed" / "injured"); an unknown event differs from none."""
    return a[0] != b[0] or (a[1] is not None and b[1] is not None and a[1] != b[1])


def _fit(key: str, f: _Figure, group: list[_Figure], per_article: dict[str, int]) -> float:
    # The dead and the injured, a depth and a distance: never one fact, whatever the noun.
    if any(f.what and o.what and _differ(f.what, o.what) for o in group):
        return 0.0
    shared_ents = max(len(f.entities & o.entities) for o in group)
    shared_words = max(len(f.words & o.words) for o in group)
    context = shared_ents + 0.25 * shared_words
    single = per_article[f.mention.article] <= 1 and all(per_article[o.mention.article] <= 1 for o in group)
    if any(o.base == f.base for o in group) or all(f.interval.overlaps(o.interval) for o in group):
        # Far above any pairing of different figures: the same figure told twice pairs first.
        return _SAME_FIGURE + context if (context > 0 or single) else 0.0
    explicit = f.explicit and all(o.explicit for o in group)
    alone = single and (shared_ents > 0 or shared_words >= 2)
    # Told of the same named actors ("X paid Y 45 million euros for Z"): one fact even when
    # an article gives other figures of the thing elsewhere.
    alone = alone or shared_ents >= 2
    # Several figures of one thing in an article ("12 killed, 40 injured"): pair by the words around them.
    told_alike = all(f.near & o.near for o in group)
    if key in SHARES:
        # A share ("74 percent" of what?) is not a thing: two shares are one fact only when
        # told alike of a shared name and close ("52.4 percent" / "53 percent" of the vote).
        close = all(_close(f.base, o.base) for o in group)
        return context if explicit and told_alike and close and _of_the_same(key, f, group) else 0.0
    if not explicit or not (alone or told_alike):
        return 0.0
    if key in DURATIONS and not (alone and told_alike and _of_the_same(key, f, group)):
        return 0.0  # durations are said of everything ("delayed for 12 years"): need it all
    # Dated differently from every figure of the fact: another fact, not this one told twice.
    if f.dates and all(o.dates and not f.dates & o.dates for o in group):
        return 0.0
    return context


def _of_the_same(key: str, f: _Figure, group: list[_Figure]) -> bool:
    """Said of the same person or organisation, or of the same place (the story's setting,
    shared by everything said there) in much the same words: "57 percent of households
    were consulted on tax reform" and "63 percent ... on fishing rights" are two facts."""
    if any(f.actors & o.actors for o in group):
        return True
    if not any(f.entities & o.entities for o in group):
        return False
    counted = {key, stem(key)}
    return all(
        len((f.words & o.words) - counted) * 2 >= max(len(f.words - counted), len(o.words - counted)) for o in group
    )


def _close(a: tuple, b: tuple) -> bool:
    """Single figures within a tenth of each other."""
    if len(a) != 1 or len(b) != 1 or not all(isinstance(x, (int, float)) for x in (*a, *b)):
        return False
    return abs(a[0] - b[0]) <= 0.1 * max(abs(a[0]), abs(b[0]))


_SAME_FIGURE = 10.0


def _near_words(story: Story, m: NumberMention, key: str) -> frozenset[str]:
    """The words right around the figure, without its counted noun, the story's places and
    words every news story uses."""
    return frozenset(m.near) - {key, stem(key)} - story.place_stems - GENERIC


def _dates_in(story: Story, article_id: str, start: int, end: int) -> set[str]:
    """The years, months and days a sentence dates its figures by; a relative date that
    could not be resolved ("last year" without a publication date) dates nothing."""
    out = set()
    for d in story.mentions_in(article_id, start, end, "date"):
        if d.value:
            out.add(str(d.value))
    return out


def written_out(m: Mention) -> bool:
    """The counted noun is written with the figure ("55 people"), not guessed from context.
    A sum of money always is: its currency is written ("$2.3 million")."""
    if m.label == "MONEY":
        return True
    head = (m.counts or "").split()[-1:]
    return bool(head) and stem(head[0]) in {stem(w) for w in m.text.split()}


def story_frames(story: Story) -> dict[tuple, dict[str, list[Frame]]]:
    """Frames told by two or more articles, by what they are about, per article (cached).
    Only frames that say what they count and what happened to it, or carry a unit
    of their own (a magnitude, a depth), are compared this way."""
    if "frames" not in story.memo:
        by_key: dict[tuple, dict[str, list[Frame]]] = {}
        seen: set[tuple] = set()
        for a in story.articles:
            for m in story.kind(a.id, "number"):
                s, _ = story.sentence_at(a.id, m.start)
                again = (a.id, m.text, m.start - s, story.sentence_key(a.id, m.start))
                if again in seen:
                    continue  # a sentence repeated tells its figure once
                seen.add(again)
                f = frame_of(story, m)
                if f is None or not _framed(f) or _past_dates(story, f):
                    continue  # a figure of the past ("in 2007") is not today's fact told again
                by_key.setdefault(f.key(), {}).setdefault(a.id, []).append(f)
        story.memo["frames"] = {k: v for k, v in by_key.items() if len(v) >= 2}
    return story.memo["frames"]


def _framed(f: Frame) -> bool:
    if f.unit == "magnitude":
        return True
    if f.unit == "km":
        return f.event == "depth"  # a distance is from somewhere: two outlets measure from two places
    if f.unit == "percent":
        return f.event is not None
    if f.unit not in ("count", "magnitude"):  # money: compared only as what it was paid for
        return f.event is not None
    # A count says what happened to what it counts, or counts a thing of its own ("rescuers").
    return f.unit == "count" and (f.event is not None or (f.thing in KNOWN_THINGS and f.thing != "people"))


def framed_mentions(story: Story) -> set[str]:
    """Mention ids the frame comparison compared (the older grouping leaves them alone)."""
    if "framed" not in story.memo:
        _frame_findings(story)
    return story.memo.setdefault("framed", set())


def _same_time(story: Story, chosen: dict[str, Frame]) -> dict[str, Frame]:
    """Figures dated in the past ("in 2016", a year alone) are other facts than today's:
    kept only when every article dates them alike."""
    dated = {aid: frozenset(_past_dates(story, f)) for aid, f in chosen.items()}
    if len(set(dated.values())) <= 1:
        return chosen
    return {}


def _past_dates(story: Story, f: Frame) -> set[str]:
    s, e = story.sentence_at(f.article, f.mention.start)
    dates = story.mentions_in(f.article, s, e, "date")
    past = {str(d.value or d.text) for d in dates if d.granularity == "year" or _long_before(story, f.article, d.value)}
    # "on Thursday ordered ... $2.3 million ..., ending a battle that began in 2019": the
    # sentence tells of now; the year is background.
    recent = any(d.granularity in ("day", "week") and not _long_before(story, f.article, d.value) for d in dates)
    return set() if recent else past


def _long_before(story: Story, article_id: str, value) -> bool:
    published = story.article_by_id[article_id].published
    if not published or not isinstance(value, str) or len(value) < 7:
        return False
    try:
        year, month = int(value[:4]), int(value[5:7])
    except ValueError:
        return False
    return (published.year - year) * 12 + published.month - month > 2


_CUMULATIVE = {"killed", "injured", "detained", "displaced", "evacuated", "rescued"}


def _frame_findings(story: Story) -> Findings:
    found: list[Discrepancy] = []
    agreed: list[Corroboration] = []
    for key, per_article in story_frames(story).items():
        chosen: dict[str, Frame] = {}
        for aid, fs in per_article.items():
            if len({(f.lo, f.hi) for f in fs}) == 1:  # an article giving two figures tells two facts
                chosen[aid] = fs[0]
        chosen = _same_things(story, _same_time(story, chosen))
        if len(chosen) < 2:
            continue
        frames = sorted(chosen.values(), key=lambda f: story.order[f.article])
        relation = _worst(story, frames)
        # The older grouping by counted noun leaves these figures alone, unless the frame
        # says no more than it does (no event, no unit of its own) and found nothing.
        if key[1] is not None or key[0] != "count" or relation is not None:
            story.memo.setdefault("framed", set()).update(f.mention.id for f in chosen.values())
        elif relation is None:
            continue
        subject = _frame_subject(frames[0])
        ev = [evidence(story.article_by_id[f.article], f.mention.start, f.mention.end) for f in frames]
        if relation is None:
            agreed.append(Corroboration(subject=subject, evidence=ev))
            continue
        severity, why = relation
        parts = value_parts({f.article: f.mention.text for f in frames}, story.labels)
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=subject,
                summary=f"{subject[0].upper()}{subject[1:]}: " + " vs ".join(parts) + f" ({why})",
                severity=severity,
                values=article_values({f.article: f.mention.text for f in frames}),
                evidence=ev,
            )
        )
    return found, agreed


def _same_things(story: Story, chosen: dict[str, Frame]) -> dict[str, Frame]:
    """Percentages are said of everything: only those whose sentences share a word
    besides the figure ("nurses ... 4 percent increase" / "nurses ... 6 percent raise").
    Sums of money only of the same order and told of the same named actor ("paid
    Hradec 50 million euros" / "from Hradec for 45 million euros"; not a share price)."""
    frames = list(chosen.values())
    if frames and frames[0].unit not in ("count", "percent", "km", "magnitude"):
        actors = {aid: story.sentence_entities(aid, f.mention.start) - story.place_entities for aid, f in chosen.items()}
        return {aid: f for aid, f in chosen.items()
                if any(actors[aid] & actors[o] and _same_order(f, chosen[o]) for o in chosen if o != aid)}
    if not frames or frames[0].unit != "percent":
        return chosen
    words = {f.article: story.sentence_words(f.article, f.mention.start) - GENERIC - {"percent", "cent"} for f in frames}
    return {aid: f for aid, f in chosen.items()
            if any(words[aid] & words[o] for o in chosen if o != aid)}


def _same_order(a: Frame, b: Frame) -> bool:
    """Within a factor of ten of each other."""
    x, y = _point(a), _point(b)
    return x is not None and y is not None and x > 0 and y > 0 and max(x, y) / min(x, y) < 10


def _worst(story: Story, frames: list[Frame]) -> tuple[str, str] | None:
    """The strongest disagreement among the frames: a contradiction (high), a total that
    grew between reports (medium), or compatible but different figures (low)."""
    worst = None
    rank = {"high": 0, "medium": 1, "low": 2}
    for i, a in enumerate(frames):
        for b in frames[i + 1:]:
            r = _relation(story, a, b)
            if r and (worst is None or rank[r[0]] < rank[worst[0]]):
                worst = r
    return worst


def _relation(story: Story, a: Frame, b: Frame) -> tuple[str, str] | None:
    base_a, base_b = _base(a.mention), _base(b.mention)
    same = base_a == base_b or (
        len(base_a) == len(base_b) == 1
        and all(isinstance(x, (int, float)) for x in (*base_a, *base_b))
        and round_agrees(float(base_a[0]), float(base_b[0]))
    )
    if same and a.overlaps(b):
        return None
    if same:
        return "medium", "same figure, different qualifier"
    if (a.mention.value is None or b.mention.value is None) and a.overlaps(b):
        return None  # "thousands of troops" holds "more than 5,000"
    if a.event in _CUMULATIVE and (not a.overlaps(b) or a.grew or b.grew) and _grew(story, a, b):
        return "medium", "the total grew between reports: an update, not a contradiction"
    if not a.overlaps(b):
        if a.mention.value is None or b.mention.value is None:
            return "medium", "a vague amount against a figure"
        return "high", "different figures"
    if same:
        return None
    # An exact figure inside the other's bound bears it out ("at least 40" / "52"); two
    # estimates far apart ("about 600" / "more than 500") are two counts a reader compares.
    if _apart(a, b) and a.lo != a.hi and b.lo != b.hi:
        return "low", "different estimates, not contradictory"
    return None


def _grew(story: Story, a: Frame, b: Frame) -> bool:
    """The larger figure is the later one: said to have risen, or published later."""
    small, large = (a, b) if a.lo <= b.lo else (b, a)
    if large.lo <= small.lo:
        return False
    if large.grew:
        return True
    p_small = story.article_by_id[small.article].published
    p_large = story.article_by_id[large.article].published
    return bool(p_small and p_large and p_large > p_small)


def _apart(a: Frame, b: Frame) -> bool:
    """Two figures more than a tenth apart (the margin of "about")."""
    va, vb = _point(a), _point(b)
    return va is not None and vb is not None and abs(va - vb) > 0.1 * max(abs(va), abs(vb))


def _point(f: Frame) -> float | None:
    base = _base(f.mention)
    return float(base[0]) if len(base) == 1 and isinstance(base[0], (int, float)) else (
        f.lo if math.isfinite(f.lo) else None)


def _frame_subject(f: Frame) -> str:
    if f.unit == "magnitude":
        return "magnitude of the earthquake"
    if f.unit == "km":
        return f"{f.event} in kilometres"
    if f.unit == "percent":
        return f"percentage {f.event}"
    thing = "people" if f.thing in (None, "people") else plural(f.thing)
    return f"number of {thing} {f.event}" if f.event else f"number of {thing}"


def detect(story: Story) -> Findings:
    story.memo["framed"] = set()
    found, agreed = _frame_findings(story)
    framed = framed_mentions(story)
    for fact in number_facts(story):
        if len(fact.figures) < 2 or any(m.id in framed for m in fact.figures.values()):
            continue
        figs = fact.figures
        ev = [evidence(story.article_by_id[aid], m.start, m.end) for aid, m in figs.items()]
        ivs = [interval(m) for m in figs.values()]
        conflict = any(not a.overlaps(b) for i, a in enumerate(ivs) for b in ivs[i + 1:] if a and b)
        subject = f"number of {counted_words(figs.values(), fact.key)}"
        if not conflict:
            agreed.append(Corroboration(subject=subject, evidence=ev))
            continue
        same_base = len({_base(m) for m in figs.values()}) == 1
        parts = value_parts({aid: m.text for aid, m in figs.items()}, story.labels)
        why = "same figure, different qualifier" if same_base else "different figures"
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=subject,
                summary=f"{subject.capitalize()}: " + " vs ".join(parts) + f" ({why})",
                severity="medium" if same_base else "high",
                values=article_values({aid: m.text for aid, m in figs.items()}),
                evidence=ev,
            )
        )
    return found, agreed


def counted_words(figures, key: str) -> str:
    """How the articles name what is counted ("buildings"), for summaries."""
    heads = Counter(" ".join(m.counts.lower().split()[-1:]) for m in figures if m.counts)
    return heads.most_common(1)[0][0] if heads else plural(key)


def plural(word: str) -> str:
    if word.endswith(("s", "people", "aircraft", "personnel", "percent")):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
