"""Group articles into stories: articles about the same event.

Discrepancies only make sense between reports of the same event, so the
engine compares articles within a story, never across unrelated ones.

Each article becomes a TF-IDF vector of the entities it mentions (linked
clusters, so spelling variants count as one name) and its content words. In a
large corpus candidate pairs come from an inverted index over each article's
strongest terms, skipping terms so common they would pair everything
(blocking: no all-pairs comparison); a small one compares every pair. Articles whose cosine similarity
passes a threshold are joined. A join must also agree with the story built
so far (average similarity to its members), so one borderline pair cannot
chain two stories into one. Linear in the corpus size for a fixed story size.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy

from .model import Article, Mention

# Measured with linked entities on tests/data/realistic and generated corpora
# (benchmarks/generate.py): reports of one
# event score 0.35-0.9 (small hand-written sets and generated corpora), reports
# of different events sharing a country or an event type at most 0.26.
JOIN_SIMILARITY = 0.3  # cosine for two articles to be about the same event
STORY_SIMILARITY = 0.27  # average cosine between two stories' members to merge them
ENTITY_WEIGHT = 4.0  # a shared name says far more than a shared word
_BLOCK_TERMS = 12  # an article's strongest terms, the only ones that propose candidates
_MAX_POSTINGS = 100  # terms in more articles than this do not propose candidates
# Reports of one event share several of their strongest terms (names, place,
# figures); one shared term is usually a country or a topic: at 1,000 generated
# articles this keeps every joining pair and compares 9x fewer.
_MIN_SHARED = 2
# IDF as if the corpus held this many more documents without the term: in a
# corpus of three reports of one event, the words all three share are the
# event's words and must not weigh (almost) nothing.
_PRIOR_DOCUMENTS = 20
_ALL_PAIRS = 60  # up to this many articles, every pair is compared (cheap, and blocking
# by rare terms misses small corpora, where the words every report shares weigh least)

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]{3,}")
# Function words and reporting verbs every article has; they describe no event.
_STOPWORDS = frozenset(
    """
    about above after again against also although among another because been before
    being below between both could does doing down during each either even every
    from further have having here however into itself just last least less like made
    make many more most much must near never next once only other others over
    same says said should since some such than that their theirs them then there
    these they this those though through told under until upon very want were what
    when where whether which while whom whose will with within without would year
    years your week weeks month months today yesterday tomorrow according added
    reported reports report including news statement spokesman spokeswoman
    people time first second third monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september
    october november december
    """.split()
)


def group_stories(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[list[str]]:
    """Article ids grouped by story, stories in corpus order, articles in corpus order."""
    if not articles:
        return []
    vectors = _vectors(articles, mentions)
    n = len(articles)
    neighbours = _similar_pairs(vectors)
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # The sum of a story's unit vectors: its dot product with another story's
    # sum, over the sizes, is the average pairwise similarity, at the cost of one dot.
    sums: dict[int, dict[str, float]] = {i: dict(v) for i, v in enumerate(vectors)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Strongest pairs first, so a story forms around its clearest members.
    for _, i, j in sorted(neighbours, reverse=True):
        a, b = find(i), find(j)
        if a == b:
            continue
        size = len(members[a]) * len(members[b])
        if size > 1 and _dot(sums[a], sums[b]) / size < STORY_SIMILARITY:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        parent[b] = a
        members[a].extend(members.pop(b))
        total = sums[a]
        for term, w in sums.pop(b).items():
            total[term] = total.get(term, 0.0) + w
    stories = sorted((sorted(group) for group in members.values()), key=lambda g: g[0])
    return [[articles[i].id for i in group] for group in stories]


def _vectors(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[dict[str, float]]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.kind == "entity":
            # The linked cluster when linking ran: "Kyiv" and "Kiev" are one term.
            name = m.entity or _normalise(str(m.value or m.text))
            if name:
                names[m.article]["@" + name] += 1
    counts: list[Counter[str]] = []
    for article in articles:
        words = Counter(w for w in _WORD.findall(_normalise(article.text)) if w not in _STOPWORDS)
        for name, c in names.get(article.id, {}).items():
            words[name] += c
        counts.append(words)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(articles)
    idf = {term: math.log(1 + (n + _PRIOR_DOCUMENTS) / d) for term, d in df.items()}  # once per term, not per use
    vectors = []
    for c in counts:
        weights = {
            term: (1 + math.log(tf)) * idf[term] * (ENTITY_WEIGHT if term.startswith("@") else 1.0)
            for term, tf in c.items()
        }
        ranked = sorted(weights.items(), key=lambda kv: kv[1], reverse=True)
        norm = math.sqrt(sum(w * w for _, w in ranked)) or 1.0
        vectors.append({term: w / norm for term, w in ranked})
    return vectors


def _similar_pairs(vectors: list[dict[str, float]]) -> list[tuple[float, int, int]]:
    """Pairs that pass JOIN_SIMILARITY. Candidates share at least two of their most
    telling terms (blocking), and only candidates get a full comparison."""
    n = len(vectors)
    if n <= _ALL_PAIRS:
        candidates = {(i, j) for i in range(n) for j in range(i + 1, n)}
        return _passing(vectors, candidates)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for term in list(vector)[:_BLOCK_TERMS]:  # vectors are sorted by weight
            postings[term].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for posting in postings.values():
        if len(posting) > _MAX_POSTINGS:
            continue
        for x, i in enumerate(posting):
            shared.update((i, j) for j in posting[x + 1 :])
    return _passing(vectors, {pair for pair, count in shared.items() if count >= _MIN_SHARED})


def _passing(vectors: list[dict[str, float]], candidates: set[tuple[int, int]]) -> list[tuple[float, int, int]]:
    """Candidates whose cosine passes JOIN_SIMILARITY. Articles have hundreds of terms and
    share dozens, so per pair the dict intersection cost more than everything else here:
    instead each article with candidates is spread once over a dense array of term ids, and
    every partner's weights are gathered from it."""
    ids: dict[str, int] = {}
    rows = []
    for vector in vectors:
        terms = numpy.fromiter((ids.setdefault(t, len(ids)) for t in vector), dtype=numpy.int64, count=len(vector))
        rows.append((terms, numpy.fromiter(vector.values(), dtype=numpy.float64, count=len(vector))))
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in sorted(candidates):
        partners[i].append(j)
    dense = numpy.zeros(len(ids))
    pairs = []
    for i, js in partners.items():
        terms, weights = rows[i]
        dense[terms] = weights
        for j in js:
            similarity = float(dense[rows[j][0]] @ rows[j][1])
            if similarity >= JOIN_SIMILARITY:
                pairs.append((similarity, i, j))
        dense[terms] = 0.0
    return pairs


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


def _normalise(text: str) -> str:
    """Case- and accent-folded, so "Müller" and "Muller" are one term."""
    folded = text.casefold()
    if folded.isascii():
        return folded.strip()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded)).strip()
