"""Anchors that survive edits: W3C quote + position selectors and re-anchoring.

An anchor records where a span was (article id, a hash of the article text,
start/end code points) and what it said (the exact text with up to 32
characters of context either side). When the article changes, ``resolve``
finds the span again:

1. unchanged text, or the old position still holds the exact text with the
   best context -> ``anchored``;
2. the exact text elsewhere, preferring the best context match, then the
   occurrence nearest the old position -> ``moved``;
3. the context (prefix/suffix) and a fuzzy match of the exact text
   (rapidfuzz) -> ``moved``;
4. otherwise ``orphaned``: the anchor is kept unchanged, never dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

CONTEXT_CHARS = 32
# A fuzzy match must be at least this similar (0-100) to the saved exact text.
FUZZY_MIN_SCORE = 70.0
# Give up scoring exact-text candidates past this many occurrences: the nearest
# ones to the old position are kept, which is what matters.
MAX_CANDIDATES = 2000

AnchorStatus = Literal["anchored", "moved", "orphaned"]
ANCHOR_STATUSES: tuple[str, ...] = ("anchored", "moved", "orphaned")


def text_hash(text: str) -> str:
    """sha256 of the article text (UTF-8), hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Anchor:
    """A span of one article: W3C TextPositionSelector + TextQuoteSelector."""

    article: str
    sha256: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where an anchor is in the article's current text, or why it is not."""

    anchor: Anchor
    status: AnchorStatus
    start: int | None = None
    end: int | None = None
    text: str | None = None  # the current text there (differs from exact after a fuzzy move)

    @property
    def placed(self) -> bool:
        return self.status != "orphaned"


def make_anchor(article_id: str, text: str, start: int, end: int, digest: str | None = None) -> Anchor:
    """An anchor for ``text[start:end]``; ``digest`` saves rehashing a long article."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is empty or outside the article ({len(text)} characters)")
    return Anchor(
        article=article_id,
        sha256=digest or text_hash(text),
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def refresh(resolution: Resolution, text: str, digest: str | None = None) -> Anchor:
    """The anchor to save next: re-made at the resolved place, or unchanged if orphaned."""
    if resolution.start is None or resolution.end is None:
        return resolution.anchor
    return make_anchor(resolution.anchor.article, text, resolution.start, resolution.end, digest)


def resolve(anchor: Anchor, text: str | None, digest: str | None = None) -> Resolution:
    """Find ``anchor`` in the article's current ``text`` (None: the article is gone)."""
    if text is None:
        return Resolution(anchor, "orphaned")
    a = anchor
    same_text = (digest or text_hash(text)) == a.sha256
    if same_text and _holds(text, a.start, a.end, a.exact):
        return Resolution(a, "anchored", a.start, a.end, a.exact)
    if not a.exact:  # hand-edited file: nothing to look for
        return Resolution(a, "orphaned")
    found = _find_exact(a, text)
    if found is not None:
        status: AnchorStatus = "anchored" if found == a.start else "moved"
        return Resolution(a, status, found, found + len(a.exact), a.exact)
    fuzzy = _find_fuzzy(a, text)
    if fuzzy is not None:
        start, end = fuzzy
        return Resolution(a, "moved", start, end, text[start:end])
    return Resolution(a, "orphaned")


def _holds(text: str, start: int, end: int, exact: str) -> bool:
    return 0 <= start <= end <= len(text) and text[start:end] == exact


def _context_score(a: Anchor, text: str, start: int, end: int) -> int:
    """How many context characters agree around ``text[start:end]``."""
    before = text[max(0, start - len(a.prefix)) : start]
    after = text[end : end + len(a.suffix)]
    return _common_suffix(a.prefix, before) + _common_prefix(a.suffix, after)


def _common_prefix(x: str, y: str) -> int:
    n = 0
    for cx, cy in zip(x, y):
        if cx != cy:
            break
        n += 1
    return n


def _common_suffix(x: str, y: str) -> int:
    n = 0
    for cx, cy in zip(reversed(x), reversed(y)):
        if cx != cy:
            break
        n += 1
    return n


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    i = text.find(needle)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _find_exact(a: Anchor, text: str) -> int | None:
    """Best occurrence of the exact text: most context agreeing, then nearest the old start."""
    starts = _occurrences(text, a.exact)
    if not starts:
        return None
    if len(starts) > MAX_CANDIDATES:
        starts = sorted(starts, key=lambda s: abs(s - a.start))[:MAX_CANDIDATES]
    n = len(a.exact)
    return max(starts, key=lambda s: (_context_score(a, text, s, s + n), -abs(s - a.start)))


def _find_fuzzy(a: Anchor, text: str) -> tuple[int, int] | None:
    """The exact text was edited: look between the surviving prefix and suffix,
    then for the most similar stretch near the old position."""
    between = _between_context(a, text)
    if between is not None:
        start, end = between
        if fuzz.ratio(a.exact, text[start:end]) >= FUZZY_MIN_SCORE:
            return between
    span = max(len(a.exact) * 4, 400)
    windows = [(max(0, a.start - span), min(len(text), a.end + span))]
    if len(text) <= 1_000_000:
        windows.append((0, len(text)))
    for lo, hi in windows:
        hit = fuzz.partial_ratio_alignment(a.exact, text[lo:hi], score_cutoff=FUZZY_MIN_SCORE)
        if hit is not None and hit.dest_end > hit.dest_start:
            return _trim_to_words(text, lo + hit.dest_start, lo + hit.dest_end)
    return None


def _between_context(a: Anchor, text: str) -> tuple[int, int] | None:
    """The stretch between the saved prefix and suffix, if both still occur close together."""
    if len(a.prefix) < 8 or len(a.suffix) < 8:
        return None
    limit = len(a.exact) * 2 + 16
    best: tuple[int, int] | None = None
    for p in _occurrences(text, a.prefix)[:MAX_CANDIDATES]:
        start = p + len(a.prefix)
        end = text.find(a.suffix, start, start + limit + len(a.suffix))
        if end != -1 and end > start:
            if best is None or abs(start - a.start) < abs(best[0] - a.start):
                best = (start, end)
    return best


def _trim_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace the alignment caught at either edge."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
