"""Align first, then compare: which statements of different articles report the same thing.

Two tools the detectors share:

- ``candidate_pairs``: blocking. Each unit (a sentence, a quote) is indexed by its
  terms (content-word stems, entity ids, figures); two units of different articles
  are candidates only when they share enough terms that few units carry. Terms
  carried by a large share of the units say nothing about which two belong together
  and are skipped, and a text repeated in one article is indexed once, so the work
  stays near-linear in the number of units, even for articles of repeated sentences.
- ``local_alignment`` and ``word_diff``: the words two versions of one statement
  share, in order, and where they differ (a partial quote is the shorter one
  inside the longer: no difference).

Similarity is lexical (shared rare terms, then word order). A static embedding
model (wordllama) was tried for quotes and sentences: it scored "has done its job" /
"has completed its mission" 0.70 but two different statements about nuclear
weapons 0.72, so it could not tell versions of a statement from statements on one
topic better than shared words in order do (docs/dependencies.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from annotate.nlp.language import WORDING_WORDS, strip_accents

ELLIPSIS = "…"
_TOKEN = re.compile(r"\.\.\.|…|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """A statement as comparable words, with where each word is in ``text`` (start, end):
    case, accents, punctuation and brackets dropped, an ellipsis kept as one token (it
    stands for words left out)."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group()
        out.append((ELLIPSIS if w in ("...", "…") else strip_accents(w).casefold().replace("’", "'"), m.start(), m.end()))
    return out


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where two word lists say the same thing: the region [a0, a1) of one and [b0, b1)
    of the other, and how many words of it match in order."""

    matched: int
    shared: tuple[str, ...]  # the matching words, in order
    a0: int
    a1: int
    b0: int
    b1: int

    @property
    def density(self) -> float:
        return self.matched / max(self.a1 - self.a0, self.b1 - self.b0, 1)

    def coverage(self, len_a: int, len_b: int) -> float:
        """How much of the shorter of the two texts the region spans."""
        if len_a <= len_b:
            return (self.a1 - self.a0) / max(len_a, 1)
        return (self.b1 - self.b0) / max(len_b, 1)


_MAX_GAP = 6  # words either side between two matching runs of one region


def local_alignment(a: Sequence[str], b: Sequence[str]) -> Alignment | None:
    """The best region of ``a`` and ``b`` made of matching runs with small gaps between
    them, or None when nothing matches. The words matched are a longest common
    subsequence in which content words count double ("leave ... behind" before
    "leave ... one")."""
    pairs = _lcs(a, b)
    best: Alignment | None = None
    chain: list[tuple[int, int]] = []
    for i, j in pairs:
        if chain and (i - chain[-1][0] - 1 > _MAX_GAP or j - chain[-1][1] - 1 > _MAX_GAP):
            best = _better(a, best, chain)
            chain = []
        chain.append((i, j))
    return _better(a, best, chain)


def _weight(word: str) -> int:
    return 1 if word in WORDING_WORDS or len(word) < 4 else 2


_MAX_LCS = 250_000  # cells: longer texts are compared by their matching runs alone


def _lcs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of a weighted longest common subsequence of ``a`` and ``b``."""
    n, m = len(a), len(b)
    if n * m > _MAX_LCS:
        return [(blk.a + k, blk.b + k) for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
                for k in range(blk.size)]
    score = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = score[i], score[i + 1]
        ai = a[i]
        for j in range(m - 1, -1, -1):
            if ai == b[j]:
                row[j] = below[j + 1] + _weight(ai)
            else:
                row[j] = below[j] if below[j] >= row[j + 1] else row[j + 1]
    out = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j] and score[i][j] == score[i + 1][j + 1] + _weight(a[i]):
            out.append((i, j))
            i += 1
            j += 1
        elif score[i + 1][j] >= score[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def _better(a: Sequence[str], best: Alignment | None, chain: list[tuple[int, int]]) -> Alignment | None:
    if not chain:
        return best
    shared = tuple(a[i] for i, _ in chain)
    candidate = Alignment(len(shared), shared, chain[0][0], chain[-1][0] + 1, chain[0][1], chain[-1][1] + 1)
    return candidate if best is None or candidate.matched > best.matched else best


@dataclass(frozen=True, slots=True)
class Change:
    """One place where two versions differ: what the first says there, what the second says."""

    old: tuple[str, ...]
    new: tuple[str, ...]

    @property
    def wording_only(self) -> bool:
        """Only function words differ ("has consulted" / "consulted")."""
        return all(w in WORDING_WORDS for w in (*self.old, *self.new))


def changes(a: Sequence[str], b: Sequence[str], al: Alignment) -> list[Change]:
    """What differs inside the aligned region; a side that is only an ellipsis left
    the other side's words out on purpose (a cut quote), which is no change. A few
    words of the shorter text after the region, where the other text goes on too,
    are its last words changed ("the hardest decision I have [made → had to make]")."""
    out = []
    sm = SequenceMatcher(None, a[al.a0:al.a1], b[al.b0:al.b1], autojunk=False)
    for op, i0, i1, j0, j1 in sm.get_opcodes():
        if op == "equal":
            continue
        old, new = tuple(a[al.a0 + i0:al.a0 + i1]), tuple(b[al.b0 + j0:al.b0 + j1])
        if (old and set(old) <= {ELLIPSIS}) or (new and set(new) <= {ELLIPSIS}):
            continue
        if "".join(old).replace("-", "") == "".join(new).replace("-", ""):
            continue  # "endgame" / "end game" / "end-game": one word written two ways
        out.append(Change(tuple(w for w in old if w != ELLIPSIS), tuple(w for w in new if w != ELLIPSIS)))
    tail = _tail(a, b, al)
    if tail:
        out.append(tail)
    return [c for c in out if c.old or c.new]


_TAIL = 3  # words of the shorter text left after the region that still belong to it


def _tail(a: Sequence[str], b: Sequence[str], al: Alignment) -> Change | None:
    rest_a, rest_b = len(a) - al.a1, len(b) - al.b1
    shorter_rest = rest_a if len(a) <= len(b) else rest_b
    if not (0 < shorter_rest <= _TAIL and rest_a > 0 and rest_b > 0):
        return None
    old, new = tuple(a[al.a1:al.a1 + _TAIL]), tuple(b[al.b1:al.b1 + _TAIL])
    if ELLIPSIS in old + new:
        return None
    return Change(old, new)


def word_diff(a: Sequence[str], b: Sequence[str], al: Alignment, context: int = 3, limit: int = 3) -> str:
    """The differences of the aligned region, each with a few words around it:
    'the department [has consulted the relevant → consulted relevant] parties'."""
    parts = []
    sm = SequenceMatcher(None, a[al.a0:al.a1], b[al.b0:al.b1], autojunk=False)
    ops = sm.get_opcodes()
    for k, (op, i0, i1, j0, j1) in enumerate(ops):
        if op == "equal":
            continue
        old = " ".join(a[al.a0 + i0:al.a0 + i1]) or "∅"
        new = " ".join(b[al.b0 + j0:al.b0 + j1]) or "∅"
        if ELLIPSIS in (old, new):
            continue
        before = a[max(al.a0, al.a0 + i0 - context):al.a0 + i0]
        after = a[al.a0 + i1:min(al.a1, al.a0 + i1 + context)]
        parts.append(" ".join([*before, f"[{old} → {new}]", *after]))
        if len(parts) == limit:
            break
    return "; ".join(parts)


_MAX_POSTINGS = 120  # a term in more units than this is a story's topic, not a shared fact


def candidate_pairs(
    units: Sequence[tuple[str, Hashable, frozenset]],
    min_shared: int = 2,
    max_share: float = 0.2,
    min_postings: int = 8,
) -> set[tuple[int, int]]:
    """Index pairs (i < j) of units from different articles sharing ``min_shared`` or
    more informative terms. ``units`` are (article id, text key, terms); a text key seen
    before in the same article is the same unit told again and is skipped. A term
    carried by more than ``max_share`` of the units (and more than ``min_postings``)
    is too common to tell two units apart."""
    postings: dict[Hashable, list[int]] = defaultdict(list)
    seen: set[tuple[str, Hashable]] = set()
    kept: list[int] = []
    for i, (article, key, terms) in enumerate(units):
        if (article, key) in seen:
            continue
        seen.add((article, key))
        kept.append(i)
        for t in terms:
            postings[t].append(i)
    cap = max(min_postings, min(int(max_share * len(kept)), _MAX_POSTINGS))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > cap:
            continue
        for x in range(len(ids)):
            i = ids[x]
            for y in range(x + 1, len(ids)):
                j = ids[y]
                if units[i][0] != units[j][0]:
                    shared[i, j] += 1
    return {pair for pair, n in shared.items() if n >= min_shared}
