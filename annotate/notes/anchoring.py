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
   (rapidfuzz), widened or narrowed to whole words -> ``changed``: the words
   there differ from the saved ones;
4. otherwise ``orphaned``: the anchor is kept unchanged, never dropped.

``refresh`` gives the anchor to save next: re-made at the new place for
``anchored`` and ``moved`` (the same words), but the saved anchor, quote
and all, for ``changed`` and ``orphaned``: only ``accept`` (the reader's
say) replaces a changed anchor's words.
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
# Longer saved words are only found exactly: fuzzy alignment costs their length times
# the text's, and an annotation file (shared, committed) may hold anything.
FUZZY_MAX_CHARS = 4000

AnchorStatus = Literal["anchored", "moved", "changed", "orphaned"]
ANCHOR_STATUSES: tuple[str, ...] = ("anchored", "moved", "changed", "orphaned")  # from best to worst


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
    text: str | None = None  # the current text there (differs from exact when changed)

    @property
    def placed(self) -> bool:
        return self.status != "orphaned"

    @property
    def was(self) -> str:
        """The saved words, to show beside a changed span's current ones."""
        return self.anchor.exact


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
    """The anchor to save next: re-made where the same words were found again; the saved
    anchor, unchanged, when the words changed (until ``accept``) or were not found."""
    if resolution.status in ("anchored", "moved"):
        return accept(resolution, text, digest)
    return resolution.anchor


def accept(resolution: Resolution, text: str, digest: str | None = None) -> Anchor:
    """The anchor re-made at the resolved place, words and all: the reader's say for a
    changed span. An orphaned (or empty) resolution keeps the saved anchor."""
    start, end = resolution.start, resolution.end
    if start is None or end is None or not 0 <= start < end <= len(text):
        return resolution.anchor
    return make_anchor(resolution.anchor.article, text, start, end, digest)


def resolve(anchor: Anchor, text: str | None, digest: str | None = None) -> Resolution:
    """Find ``anchor`` in the article's current ``text`` (None: the article is gone)."""
    if text is None:
        return Resolution(anchor, "orphaned")
    a = anchor
    if not a.exact:  # hand-edited file (the loader refuses it): nothing to look for
        return Resolution(a, "orphaned")
    same_text = (digest or text_hash(text)) == a.sha256
    if same_text and _holds(text, a.start, a.end, a.exact):
        return Resolution(a, "anchored", a.start, a.end, a.exact)
    found = _find_exact(a, text)
    if found is not None:
        status: AnchorStatus = "anchored" if found == a.start else "moved"
        return Resolution(a, status, found, found + len(a.exact), a.exact)
    fuzzy = _find_fuzzy(a, text) if len(a.exact) <= FUZZY_MAX_CHARS else None
    if fuzzy is not None and fuzzy[1] > fuzzy[0]:
        start, end = fuzzy
        return Resolution(a, "changed", start, end, text[start:end])
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
    return _common_prefix(x[::-1], y[::-1])


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
        start, end = _trim_to_words(text, *between)
        if end > start and fuzz.ratio(a.exact, text[start:end]) >= FUZZY_MIN_SCORE:
            return start, end
    span = max(len(a.exact) * 4, 400)
    windows = [(max(0, a.start - span), min(len(text), a.end + span))]
    if len(text) <= 1_000_000:
        windows.append((0, len(text)))
    for lo, hi in windows:
        hit = fuzz.partial_ratio_alignment(a.exact, text[lo:hi], score_cutoff=FUZZY_MIN_SCORE)
        if hit is not None and hit.dest_end > hit.dest_start:
            start, end = _snap_to_words(a, text, lo + hit.dest_start, lo + hit.dest_end)
            if end > start:
                return start, end
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


def _is_word(c: str) -> bool:
    return c.isalnum()


def _snap_to_words(a: Anchor, text: str, start: int, end: int) -> tuple[int, int]:
    """A character alignment often starts or ends inside a word ("i first time, President E"
    for "the first time, President"). Where the saved span began (ended) on a word's edge,
    move each edge out to the word's edge or in past the fragment, whichever reads most
    like the saved words."""
    def tidy(start: int, end: int) -> tuple[int, int]:
        # Saved words that start (end) with a letter or digit: so does the placement, not
        # with the punctuation the alignment caught (". Mr the" for "Macron the").
        start, end = _trim_to_words(text, start, end)
        if a.exact and _is_word(a.exact[0]):
            while start < end and not _is_word(text[start]):
                start += 1
        if a.exact and _is_word(a.exact[-1]):
            while end > start and not _is_word(text[end - 1]):
                end -= 1
        return start, end

    start, end = tidy(start, end)
    starts, ends = [start], [end]
    begins_word = bool(a.exact) and _is_word(a.exact[0]) and not (a.prefix and _is_word(a.prefix[-1]))
    ends_word = bool(a.exact) and _is_word(a.exact[-1]) and not (a.suffix and _is_word(a.suffix[0]))
    if begins_word and 0 < start < end and _is_word(text[start - 1]) and _is_word(text[start]):
        out, inward = start, start
        while out > 0 and _is_word(text[out - 1]):
            out -= 1
        while inward < end and _is_word(text[inward]):
            inward += 1
        starts = [out, inward]
    if ends_word and start < end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
        out, inward = end, end
        while out < len(text) and _is_word(text[out]):
            out += 1
        while inward > start and _is_word(text[inward - 1]):
            inward -= 1
        ends = [out, inward]
    options = [tidy(s, e) for s in starts for e in ends]
    options = [(s, e) for s, e in options if e > s]
    if not options:
        return start, start
    return max(options, key=lambda se: (fuzz.ratio(a.exact, text[se[0] : se[1]]), -abs(se[0] - a.start)))
