"""date: the articles date the same event differently.

Conservative: only dates of month or finer granularity that name a date,
month or weekday, and that the engine resolved (an ISO value), are
compared, and only when they date the same event:

- the words near each date share at least two content words (besides
  place names) or figures ("3,971 workers ... on June 27" / "3,971
  workers ... on June 30");
- and their sentences share a linked entity (for dates coarser than a day,
  a person or organisation: a place is the story's setting, not the
  event); for two days, a shared figure of three or more digits, or four
  shared words, may stand in for it.

Relative dates ("on Thursday", "late on Wednesday") are compared as the engine
resolved them against each article's ``published`` date.

Dates conflict when neither contains the other ("2021-09" contains
"2021-09-30"; weeks are compared by their days) and they are less than a
year apart. Equal dates for the same event are corroborations. Dates matched
across articles form events, and each event with a conflict is one finding
that lists every article's date for it.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import combinations

from annotate.model import Corroboration, DateMention, Discrepancy, Mention
from annotate.corpus.outlets import outlet_list
from annotate.compare.detectors.number import frame_of
from annotate.compare.detectors.story import Findings, Matches, Story, article_values, evidence
from annotate.nlp.language import GENERIC

KIND = "date"
MIN_SHARED_WORDS = 2
MIN_WORDS_ALONE = 4  # shared words that tie two days to one event without a shared name
MAX_GAP_DAYS = 366


def day_range(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date, month, year or week covers."""
    try:
        if "-W" in value:
            year, week = value.split("-W")
            first = dt.date.fromisocalendar(int(year), int(week), 1)
            return first, first + dt.timedelta(days=6)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            d = dt.date(*parts)
            return d, d
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return None


_NAMED = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE
)


def _comparable(m: Mention, span: tuple[dt.date, dt.date]) -> bool:
    """Dates precise enough to contradict each other, naming a day, month or date.

    Years alone are mostly background ("since 2018"). "Today", "yesterday",
    "last week" resolve against each outlet's own publication date and time
    zone, so two outlets' "today" can differ without disagreeing; a named
    weekday ("on Thursday") is kept.
    """
    return (span[1] - span[0]).days < 40 and bool(_NAMED.search(m.text))


def _is_day(r: tuple[dt.date, dt.date]) -> bool:
    return r[0] == r[1]


def _contains(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[0] and b[1] <= a[1]


def detect(story: Story) -> Findings:
    dated: dict[str, list[tuple[Mention, tuple[dt.date, dt.date]]]] = {}
    for a in story.articles:
        for m in story.kind(a.id, "date"):
            span = day_range(m.value) if isinstance(m.value, str) else None
            if span and _comparable(m, span):
                dated.setdefault(a.id, []).append((m, span))
    context = {
        id(m): (story.sentence_entities(m.article, m.start), _window_words(story, m) | _frames_beside(story, m))
        for ms in dated.values()
        for m, _ in ms
    }
    events = Matches()
    for x, y in combinations(dated, 2):
        used: set[int] = set()
        for m1, r1 in dated[x]:
            best = None
            e1, w1 = context[id(m1)]
            for k, (m2, r2) in enumerate(dated[y]):
                if k in used:
                    continue
                e2, w2 = context[id(m2)]
                shared_e = e1 & e2
                shared_w = w1 & w2
                days = _is_day(r1) and _is_day(r2)
                # A figure of three or more digits near both dates ("3,145 workers") ties them to one event.
                # A figure of three or more digits, or a quantity of one kind ("magnitude"), told
                # beside both dates: one event.
                same_figure = days and any(
                    isinstance(w, tuple) or (w.startswith("#") and len(w) >= 4) for w in shared_w
                )
                # Or told in much the same words ("dock workers at the port ... strike" on a weekday).
                same_words = days and len(shared_w) >= MIN_WORDS_ALONE
                if len(shared_w) < MIN_SHARED_WORDS or not (shared_e or same_figure or same_words):
                    continue
                if not days and not shared_e - story.place_entities:
                    continue  # a month shared with only a place: the setting, not the event
                score = len(shared_e) + 0.5 * len(shared_w)
                if best is None or score > best[0]:
                    best = (score, k, m2, r2)
            if best is None:
                continue
            _, k, m2, r2 = best
            used.add(k)
            if _contains(r1, r2) or _contains(r2, r1):
                events.join(m1, m2)
            elif abs((r1[0] - r2[0]).days) <= MAX_GAP_DAYS:  # years apart: two events told alike
                events.join(m1, m2, conflict=_event(story, x, m1, y, m2))
    found: list[Discrepancy] = []
    agreed: list[Corroboration] = []
    for dates, subjects in events.groups(story.order):
        if subjects:
            found.append(_discrepancy(story, dates, subjects[0]))
        else:
            ev = [evidence(story.article_by_id[m.article], m.start, m.end) for m in dates]
            agreed.append(Corroboration(subject=f"date: {dates[0].text}", evidence=ev))
    return found, agreed


def _discrepancy(story: Story, dates: list[Mention], subject: str) -> Discrepancy:
    outlets: dict[str, list[str]] = {}
    for m in dates:
        outlets.setdefault(str(m.value), []).append(story.labels[m.article])
    return Discrepancy(
        id="",
        kind=KIND,
        subject=subject,
        summary="Dated " + " vs ".join(f"{value} by {outlet_list(names)}" for value, names in outlets.items()),
        severity="medium",
        values=article_values({m.article: f"{m.text} ({m.value})" for m in dates}),
        evidence=[evidence(story.article_by_id[m.article], m.start, m.end) for m in dates],
    )


def _frames_beside(story: Story, m: Mention) -> set:
    """What the quantities of the date's sentence are about ("magnitude of the earthquake",
    "people killed"): two dates beside the same kind of quantity date one event."""
    s, e = story.sentence_at(m.article, m.start)
    out = set()
    for n in story.mentions_in(m.article, s, e, "number"):
        f = frame_of(story, n)
        if f is not None and (f.unit == "magnitude" or (f.unit == "count" and f.event == "killed")):
            out.add(f.key())
    return out


def _window_words(story: Story, m: DateMention) -> set[str]:
    """Content words and figures near a date, within its sentence (the pipeline's ``near``):
    what happened then, without the story's places and words every news story uses."""
    return set(m.near) - story.place_stems - GENERIC


def _event(story: Story, x: str, m1: Mention, y: str, m2: Mention) -> str:
    shared = sorted(story.sentence_entities(x, m1.start) & story.sentence_entities(y, m2.start))
    names = ", ".join(story.entity_name(e) for e in shared[:2])
    return f"when: {names}" if names else "when"
