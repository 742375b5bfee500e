"""claim (polarity): one article says something did not, will not or is unlikely to happen
that another says did or will.

Aligned first: a negated predicate ("does not name Trump as a defendant", "denied
that it had hired replacement crews", "is unlikely to meet Queen Elizabeth II") is
compared only with a clause of another article that has the same predicate, or one
of its family ("hired" / "brought in"), with at least two of the same content words
or names around it ("naming a long list of defendants that includes Mr. Trump").
That clause must not be negated itself. Cues of negation and modality: not, never,
no, denied, refused, ruled out, unlikely, without. Words quoted from someone on both
sides are their statements, not the outlets' claims, and are left out.

Each contradiction is one finding, high severity, with each side's clause as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotate.model import Discrepancy
from annotate.nlp.language import (
    ACT_FAMILIES,
    HEDGE_WORDS,
    NEGATING_WORDS,
    NEGATION_GAP_WORDS,
    NEGATION_WORDS,
    REPORTER_BOILERPLATE,
)
from annotate.compare.detectors.story import GENERIC, MONTHS, STOPWORDS, Findings, Matches, Story, affirmed_vs_denied, article_values, evidence, stem

KIND = "claim"

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*", re.UNICODE)
# "no" negates a noun ("no meeting", "no site"), whose existence is another matter.
NEGATIONS = NEGATION_WORDS
_NEGATED_NEAR = NEGATING_WORDS
_HEDGES = HEDGE_WORDS
_SKIP = NEGATION_GAP_WORDS
# Predicates that deny or affirm the same act.
_FAMILIES = tuple(frozenset(stem(w) for w in words.split()) for words in ACT_FAMILIES)
# What news says a source did not do for the reporter, not about the story.
_BOILERPLATE = frozenset(stem(w) for w in REPORTER_BOILERPLATE)
_WINDOW_BEFORE = 6
_WINDOW_AFTER = 10
MIN_SHARED = 2


@dataclass(frozen=True, slots=True)
class _Clause:
    """One article's words on an act: the words around its predicate, negated or not."""

    article: str
    start: int
    end: int
    negated: bool


def _tokens(text: str) -> list[tuple[str, int, int, bool]]:
    """Lower-cased words with their offsets, and whether each is a name (capitalised, not
    the first word of the sentence)."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end(), m.group()[0].isupper() and k > 0)
            for k, m in enumerate(_TOKEN.finditer(text))]


def _content(word: str) -> str | None:
    w = word.replace("'s", "").replace("'", "")
    if w in STOPWORDS or w in MONTHS or w in NEGATIONS or len(w) < 3 or w[0].isdigit():
        return None
    s = stem(w)
    return None if s in GENERIC else s


def _family(s: str) -> frozenset[str]:
    for fam in _FAMILIES:
        if s in fam:
            return fam
    return frozenset({s})


def _quoted(story: Story, article_id: str) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in story.kind(article_id, "quote")]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _negated_predicates(story: Story, article_id: str):
    """(predicate stem, its family, context stems, clause start, clause end) of each
    negated act in the article, outside quotes."""
    text = story.text(article_id)
    quoted = _quoted(story, article_id)
    out = []
    seen: set[str] = set()
    for s0, s1 in story.sentences(article_id):
        if text[s0:s1] in seen:
            continue  # a sentence repeated in the article denies once
        seen.add(text[s0:s1])
        toks = _tokens(text[s0:s1])
        for i, (w, ts, _, _) in enumerate(toks):
            if w not in NEGATIONS or _inside(quoted, s0 + ts):
                continue
            if i and (toks[i - 1][0] in _HEDGES or toks[i - 1][0] == "or") or w in ("wouldn't", "couldn't"):
                continue  # "would not have placed" (what did not happen), "whether or not"
            j = i + 1
            while j < len(toks) and j <= i + 4 and (toks[j][0] in _SKIP or toks[j][0] in NEGATIONS):
                j += 1
            if j >= len(toks) or j > i + 4 or toks[j][3]:
                continue  # "wasn't Sam Mitchell", "not Patch Tuesday": who or what, not an act
            pred = _content(toks[j][0])
            if pred is None or pred in _BOILERPLATE:
                continue
            # What is negated: the words after the predicate ("name Trump as a defendant"),
            # a name among them, so that the other clause is about the same thing.
            context = _context(toks, j, before=0)
            names = frozenset(c for k in range(j + 1, min(len(toks), j + _WINDOW_AFTER + 1))
                              if toks[k][3] and (c := _content(toks[k][0])))
            if len(context) < MIN_SHARED or not names:
                continue
            start = s0 + toks[max(0, i - 2)][1]
            end = s0 + toks[min(len(toks) - 1, j + _WINDOW_AFTER)][2]
            out.append((pred, _family(pred), context, names, start, end))
    return out


def _context(toks: list[tuple[str, int, int, bool]], j: int, before: int = _WINDOW_BEFORE) -> frozenset[str]:
    lo, hi = max(0, j - before), min(len(toks), j + _WINDOW_AFTER + 1)
    return frozenset(c for k in range(lo, hi) if k != j and (c := _content(toks[k][0])))


def _predicates(story: Story, article_id: str) -> dict[str, list[tuple[int, list, int]]]:
    """Where each content word of the article stands: stem -> (sentence start, its tokens,
    token index); a sentence repeated in the article is indexed once (cached)."""
    index = story.memo.setdefault("polarity_index", {})
    if article_id not in index:
        text = story.text(article_id)
        quoted = _quoted(story, article_id)
        where: dict[str, list[tuple[int, list, int]]] = {}
        seen: set[str] = set()
        for s0, s1 in story.sentences(article_id):
            if text[s0:s1] in seen:
                continue
            seen.add(text[s0:s1])
            toks = _tokens(text[s0:s1])
            for j, (w, ts, _, _) in enumerate(toks):
                s = _content(w)
                if s is not None and not _inside(quoted, s0 + ts):
                    where.setdefault(s, []).append((s0, toks, j))
        index[article_id] = where
    return index[article_id]


def _affirmed(story: Story, article_id: str, family: frozenset[str], context: frozenset[str],
              names: frozenset[str]) -> tuple[int, int] | None:
    """The clause of the article that affirms a predicate of ``family`` with at least two
    of the context words around it, a name among them, and no negation near it."""
    where = _predicates(story, article_id)
    best = None
    for s0, toks, j in (place for s in sorted(family) for place in where.get(s, ())):
        shared = len(_context(toks, j) & context)
        if shared < MIN_SHARED or not _context(toks, j, before=0) & names:
            continue
        if any(toks[k][0] in _NEGATED_NEAR for k in range(max(0, j - 5), min(len(toks), j + 3))):
            continue
        if any(toks[k][0] in _HEDGES for k in range(max(0, j - 3), j)):
            continue  # "might harm", "would place": not said to have happened
        start = s0 + toks[max(0, j - 2)][1]
        if best is None or (shared, -start) > (best[0], -best[1]):
            best = (shared, start, s0 + toks[min(len(toks) - 1, j + _WINDOW_AFTER)][2])
    return (best[1], best[2]) if best else None


def detect(story: Story) -> Findings:
    said = Matches()
    subjects: dict[tuple[str, int, int], str] = {}
    for a in story.articles:
        for pred, family, context, names, start, end in _negated_predicates(story, a.id):
            denial = _Clause(a.id, start, end, True)
            for b in story.articles:
                if b.id == a.id:
                    continue
                aff = _affirmed(story, b.id, family, context, names)
                if aff is None:
                    continue
                said.join(denial, _Clause(b.id, aff[0], aff[1], False), conflict=True)
                subjects.setdefault((a.id, start, end), pred)
    found: list[Discrepancy] = []
    for versions, conflicts in said.groups(story.order):
        if not conflicts:
            continue
        # One clause per article, a denial first: an article may deny what one outlet
        # affirms and affirm what another denies.
        root = said._find(versions[0])
        members = sorted((t for t in said.thing.values() if said._find(t) == root), key=lambda t: (not t.negated, t.start))
        per_article: dict[str, _Clause] = {}
        for t in members:
            per_article.setdefault(t.article, t)
        versions = sorted(per_article.values(), key=lambda v: story.order[v.article])
        if all(v.negated for v in versions) or not any(v.negated for v in versions):
            continue
        text = {v.article: story.text(v.article)[v.start:v.end] for v in versions}
        denial = next(v for v in versions if v.negated)
        subject = f"whether: {' '.join(text[denial.article].split()[:8])}"
        found.append(
            Discrepancy(
                id="",
                kind=KIND,
                subject=subject,
                summary="Affirmed and denied: "
                + affirmed_vs_denied(text, {v.article: v.negated for v in versions}, story.labels),
                severity="high",
                values=article_values(text),
                evidence=[evidence(story.article_by_id[v.article], v.start, v.end) for v in versions],
            )
        )
    return found, []
