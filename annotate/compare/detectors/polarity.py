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
The negated predicates are the pipeline's (``Analysis.negations``, ``ct_negation``); the
affirming clauses are looked for among each sentence's words in the pipeline's word stream
(``Story.words_in``), counted as ``ct_negation`` counts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotate.model import Discrepancy
from annotate.nlp.language import ACT_FAMILIES, HEDGE_WORDS, NEGATING_WORDS, stem
from annotate.nlp.negation import MIN_SHARED, WINDOW_AFTER, WINDOW_BEFORE, Token, content
from annotate.compare.detectors.story import Findings, Matches, Story, affirmed_vs_denied, article_values, evidence

KIND = "claim"

# "no" negates a noun ("no meeting", "no site"), whose existence is another matter.
_NEGATED_NEAR = NEGATING_WORDS
_HEDGES = HEDGE_WORDS
# Predicates that deny or affirm the same act.
_FAMILIES = tuple(frozenset(stem(w) for w in line.split()) for line in ACT_FAMILIES)
_WINDOW_BEFORE = WINDOW_BEFORE
_WINDOW_AFTER = WINDOW_AFTER


@dataclass(frozen=True, slots=True)
class _Clause:
    """One article's words on an act: the words around its predicate, negated or not."""

    article: str
    start: int
    end: int
    negated: bool


def _tokens(story: Story, article_id: str, start: int, end: int) -> list[Token]:
    """The words of the sentence ``start:end``, lower-cased, with their offsets, and whether each
    is a name (capitalised, not the first word of the sentence)."""
    return [(w.lower().replace("’", "'"), at, at + len(w), k > 0 and w[0].isupper())
            for k, (at, w) in enumerate(story.words_in(article_id, start, end))]


def _family(s: str) -> frozenset[str]:
    for fam in _FAMILIES:
        if s in fam:
            return fam
    return frozenset({s})


def _quoted(story: Story, article_id: str) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in story.kind(article_id, "quote")]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _context(toks: list[Token], j: int, before: int = _WINDOW_BEFORE) -> frozenset[str]:
    lo, hi = max(0, j - before), min(len(toks), j + _WINDOW_AFTER + 1)
    return frozenset(c for k in range(lo, hi) if k != j and (c := content(toks[k][0])))


def _predicates(story: Story, article_id: str) -> dict[str, list[tuple[list[Token], int]]]:
    """Where each content word of the article stands: stem -> (its sentence's tokens, token
    index); a sentence repeated in the article (the same words, spaced alike) is indexed once
    (cached)."""
    index = story.memo.setdefault("polarity_index", {})
    if article_id not in index:
        quoted = _quoted(story, article_id)
        where: dict[str, list[tuple[list[Token], int]]] = {}
        seen: set[tuple] = set()
        for s0, s1 in story.sentences(article_id):
            toks = _tokens(story, article_id, s0, s1)
            told = (s1 - s0, tuple((w, ts - s0) for w, ts, _, _ in toks))
            if told in seen:
                continue
            seen.add(told)
            for j, (w, ts, _, _) in enumerate(toks):
                s = content(w)
                if s is not None and not _inside(quoted, ts):
                    where.setdefault(s, []).append((toks, j))
        index[article_id] = where
    return index[article_id]


def _affirmed(story: Story, article_id: str, family: frozenset[str], context: frozenset[str],
              names: frozenset[str]) -> tuple[int, int] | None:
    """The clause of the article that affirms a predicate of ``family`` with at least two
    of the context words around it, a name among them, and no negation near it."""
    where = _predicates(story, article_id)
    best = None
    for toks, j in (place for s in sorted(family) for place in where.get(s, ())):
        shared = len(_context(toks, j) & context)
        if shared < MIN_SHARED or not _context(toks, j, before=0) & names:
            continue
        if any(toks[k][0] in _NEGATED_NEAR for k in range(max(0, j - 5), min(len(toks), j + 3))):
            continue
        if any(toks[k][0] in _HEDGES for k in range(max(0, j - 3), j)):
            continue  # "might harm", "would place": not said to have happened
        start = toks[max(0, j - 2)][1]
        if best is None or (shared, -start) > (best[0], -best[1]):
            best = (shared, start, toks[min(len(toks) - 1, j + _WINDOW_AFTER)][2])
    return (best[1], best[2]) if best else None


def detect(story: Story) -> Findings:
    said = Matches()
    subjects: dict[tuple[str, int, int], str] = {}
    for a in story.articles:
        for x in story.negations(a.id):
            family, context, names, start, end = _family(x.predicate), frozenset(x.context), frozenset(x.names), x.start, x.end
            denial = _Clause(a.id, start, end, True)
            for b in story.articles:
                if b.id == a.id:
                    continue
                aff = _affirmed(story, b.id, family, context, names)
                if aff is None:
                    continue
                said.join(denial, _Clause(b.id, aff[0], aff[1], False), conflict=True)
                subjects.setdefault((a.id, start, end), x.predicate)
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
