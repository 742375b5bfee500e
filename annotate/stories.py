"""Group articles into stories: articles about the same event.

Discrepancies only make sense between reports of the same event, so the
engine compares articles within a story, never across unrelated ones.

Each article becomes a TF-IDF vector of the entities it mentions (linked
clusters, so spelling variants count as one name) and its content words. A
small corpus compares every pair. In a large one, candidate pairs come from an
inverted index over each article's strongest terms (blocking: no all-pairs
comparison): articles sharing two uncommon terms are candidates, and a term too
common to pair all its articles (a country many stories mention, or the names
of one story a hundred outlets cover) pairs each with its nearest few in an
order that brings similar articles together (sorted neighbourhood). Articles
whose cosine similarity passes a threshold are joined, strongest pairs first,
when their stories' centroids also agree, so one borderline pair cannot chain
two stories into one. Linear in the corpus size for a fixed story size.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import chain

import numpy

from .model import Article, Mention

# Measured with linked entities on tests/data/realistic and generated corpora
# (benchmarks/generate.py): reports of one
# event score 0.35-0.9 (small hand-written sets and generated corpora), reports
# of different events sharing a country or an event type at most 0.26.
JOIN_SIMILARITY = 0.3  # cosine for two articles to be about the same event
# Cosine between two stories' centroids to merge them. Measured at 1,000 generated
# articles and on one story of 150 reports: merges of reports of one event score
# 0.38 and up, merges of two events that share a country and an event type 0.29 at most.
STORY_SIMILARITY = 0.33
ENTITY_WEIGHT = 4.0  # a shared name says far more than a shared word
_BLOCK_TERMS = 12  # an article's strongest terms, the only ones that propose candidates
_MAX_POSTINGS = 40  # terms in more articles than this pair each article with a few neighbours only
_WINDOW = 5  # those neighbours
_STORIES_PER_TERM = 3  # the largest stories among a common term's articles, offered to strays
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
    keys = [a.id for a in articles]
    tops = [list(vector)[:_BLOCK_TERMS] for vector in vectors]  # vectors are sorted by weight
    postings: dict[str, list[int]] = defaultdict(list)
    if len(articles) > _ALL_PAIRS:
        for i, top in enumerate(tops):
            for term in top:
                postings[term].append(i)
    stories = _Stories(vectors)
    # Strongest pairs first, so a story forms around its clearest members.
    for _, i, j in sorted(_similar_pairs(vectors, tops, postings, keys), reverse=True):
        stories.join(i, j)
    common = {term: posting for term, posting in postings.items() if len(posting) > _MAX_POSTINGS}
    _adopt_strays(stories, tops, common, keys)
    groups = sorted((sorted(group) for group in stories.members.values()), key=lambda g: g[0])
    return [[keys[i] for i in group] for group in groups]


class _Stories:
    """Stories being built: union-find over articles, each story with its centroid, the
    sum of its members' unit vectors. Two stories merge only when their centroids point
    the same way. (Not the average pairwise similarity: the more outlets report an
    event, the more names only one of them gives, and that average falls while the
    story's core stays sharp.)"""

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        n = len(vectors)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        # A story of one article shares its vector; it is copied when the story first grows.
        self.sums: dict[int, dict[str, float]] = dict(enumerate(vectors))
        self._copied: set[int] = set()
        self.squares = [1.0] * n  # |sum|², kept as stories grow: |a + b|² = |a|² + |b|² + 2 a·b

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def cosine(self, a: int, b: int) -> tuple[float, float]:
        """(cosine, dot) of the centroids of stories ``a`` and ``b`` (roots)."""
        dot = _dot(self.sums[a], self.sums[b])
        return dot / math.sqrt(self.squares[a] * self.squares[b]), dot

    def join(self, i: int, j: int) -> None:
        """Merge the stories of articles ``i`` and ``j``, unless that would put a
        story together with something its centroid disagrees with."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        cosine, dot = self.cosine(a, b)
        if len(self.members[a]) + len(self.members[b]) > 2 and cosine < STORY_SIMILARITY:
            return
        self.merge(a, b, dot)

    def merge(self, a: int, b: int, dot: float) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        self.squares[a] += self.squares[b] + 2 * dot
        total = self.sums[a]
        if a not in self._copied:
            total = self.sums[a] = dict(total)
            self._copied.add(a)
        for term, w in self.sums.pop(b).items():
            total[term] = total.get(term, 0.0) + w


def _adopt_strays(stories: _Stories, tops: list[list[str]], common: dict[str, list[int]],
                  keys: Sequence[str]) -> None:
    """An article left alone whose strongest terms are common ones may be a report of a
    big story that sorted-neighbourhood blocking never paired with the few members it
    resembles most: it joins the story among the largest its common terms point to
    whose centroid agrees with it. Decided against the stories as they stand, so the
    outcome does not depend on which stray comes first."""
    label = {root: min(keys[i] for i in group) for root, group in stories.members.items()}
    largest: dict[str, list[int]] = {}
    for term, posting in common.items():
        counts = Counter(stories.find(i) for i in posting)
        ranked = sorted((root for root, c in counts.items() if c > 1), key=lambda r: (-counts[r], label[r]))
        largest[term] = ranked[:_STORIES_PER_TERM]
    adoptions = []
    for i, top in enumerate(tops):
        if len(stories.members.get(i, ())) != 1:
            continue
        roots = sorted({root for term in top for root in largest.get(term, ())}, key=label.get)
        scored = [(*stories.cosine(root, i), root) for root in roots]
        if scored:
            cosine, dot, root = max(scored, key=lambda s: s[0])
            if cosine >= STORY_SIMILARITY:
                adoptions.append((root, i, dot))
    for root, i, dot in adoptions:
        stories.merge(root, i, dot)


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
        words = Counter(_WORD.findall(_normalise(article.text)))  # (counted in C, stopwords dropped after)
        for stopword in _STOPWORDS.intersection(words):
            del words[stopword]
        for name, c in names.get(article.id, {}).items():
            words[name] += c
        counts.append(words)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(articles)
    # Once per term, not per use: IDF times the weight of its kind.
    idf = {term: math.log(1 + (n + _PRIOR_DOCUMENTS) / d) * (ENTITY_WEIGHT if term[0] == "@" else 1.0)
           for term, d in df.items()}
    damped = [0.0] + [1 + math.log(tf) for tf in range(1, 64)]  # sublinear term frequency
    vectors = []
    for c in counts:
        weights = {term: (damped[tf] if tf < 64 else 1 + math.log(tf)) * idf[term] for term, tf in c.items()}
        ranked = sorted(weights.items(), key=lambda kv: kv[1], reverse=True)
        norm = math.sqrt(sum(w * w for _, w in ranked)) or 1.0
        vectors.append({term: w / norm for term, w in ranked})
    return vectors


def _similar_pairs(vectors: list[dict[str, float]], tops: list[list[str]], postings: dict[str, list[int]],
                   keys: Sequence[str]) -> list[tuple[float, int, int]]:
    """Pairs that pass JOIN_SIMILARITY, out of candidates from blocking (postings of the
    articles' strongest terms), the only pairs compared; without postings every pair is.
    ``keys`` (article ids) break ties, so the candidates do not depend on the order of
    the articles."""
    n = len(vectors)
    if not postings:
        return _passing(vectors, {(i, j) for i in range(n) for j in range(i + 1, n)})
    shared: Counter[tuple[int, int]] = Counter()
    candidates: set[tuple[int, int]] = set()
    hashes: dict[str, int] = {}
    top_sets = [frozenset(top) for top in tops]
    for term, posting in postings.items():
        if len(posting) <= _MAX_POSTINGS:
            for x, i in enumerate(posting):
                shared.update((i, j) for j in posting[x + 1 :])
        else:
            # Neighbours too must share _MIN_SHARED strong terms: the common term alone (a
            # country) pairs reports of different events, and the pairs grow with the corpus.
            candidates.update(
                (i, j) for i, j in _neighbours(term, posting, tops, keys, hashes)
                if len(top_sets[i] & top_sets[j]) >= _MIN_SHARED
            )
    candidates.update(pair for pair, count in shared.items() if count >= _MIN_SHARED)
    return _passing(vectors, candidates)


def _neighbours(term: str, posting: list[int], tops: list[list[str]], keys: Sequence[str],
                hashes: dict[str, int]) -> list[tuple[int, int]]:
    """Candidates among the articles of a term too common to pair them all: a country
    many stories mention, or the names of one story many outlets cover. Sorted by a
    min-hash of each article's other strongest terms, articles whose strongest terms
    overlap tend to sit side by side (the more overlap, the likelier), and each is paired
    with the next few only (sorted-neighbourhood blocking). The hash is salted by the
    term, so each common term orders its articles differently."""
    salt = _hash(term, hashes)

    def order(i: int) -> tuple[int, str]:
        return min((_hash(t, hashes) ^ salt for t in tops[i] if t != term), default=0), keys[i]

    ranked = sorted(posting, key=order)
    return [
        (min(i, j), max(i, j))
        for x, i in enumerate(ranked)
        for j in ranked[x + 1 : x + 1 + _WINDOW]
    ]


def _hash(term: str, hashes: dict[str, int]) -> int:
    """A hash of the term that is the same in every process (str hashes are not)."""
    value = hashes.get(term)
    if value is None:
        value = hashes[term] = zlib.crc32(term.encode())
    return value


def _passing(vectors: list[dict[str, float]], candidates: set[tuple[int, int]]) -> list[tuple[float, int, int]]:
    """Candidates whose cosine passes JOIN_SIMILARITY. Articles have hundreds of terms and
    share dozens, so per pair the dict intersection cost more than everything else here:
    instead each article with candidates is spread once over a dense array of term ids, and
    every partner's weights are gathered from it."""
    ids = {t: k for k, t in enumerate(dict.fromkeys(chain.from_iterable(vectors)))}
    rows = []
    for vector in vectors:
        terms = numpy.fromiter(map(ids.__getitem__, vector), dtype=numpy.int64, count=len(vector))
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
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


def _normalise(text: str) -> str:
    """Case- and accent-folded, so "Müller" and "Muller" are one term."""
    folded = text.casefold()
    if folded.isascii():
        return folded.strip()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded)).strip()
