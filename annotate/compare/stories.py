"""Group articles into stories: articles about the same event.

Discrepancies only make sense between reports of the same event, so the
engine compares articles within a story, never across unrelated ones.

Each article becomes a TF-IDF vector of its content words, the entities it
mentions (linked clusters, so spelling variants count as one name) and the
dates and figures it gives (two earthquakes of one kind differ in place, date
and toll). Stories are built by average linkage: the two stories whose
articles are the most alike on average merge first, as long as

- their articles are alike at all (mean cosine JOIN_SIMILARITY) and, when
  both name things, name at least one in common (shared common words alone
  make no event);
- once both stories have several articles, they are nearly as alike across as
  within (COHESION_RATIO): two events of one kind share their topic's words,
  but each event's reports share more among themselves; and
- their reports were published within MAX_DAYS_APART of each other, when
  both say when.

So a folder of one event's reports stays one story, while reports of two
different earthquakes in one folder come apart, and an article is left alone
only when it is like no story at all. Mean similarities come from each
story's sum of unit vectors, never from its pairs.

A small corpus compares every pair. In a large one, candidate pairs come from
an inverted index over each article's strongest terms (blocking: no all-pairs
comparison): articles sharing two uncommon terms are candidates, and a term
too common to pair all its articles (a country many stories mention, or the
names of one story a hundred outlets cover) pairs each with its nearest few in
an order that brings similar articles together (sorted neighbourhood). Stories
only merge along candidate pairs, and then each meets the largest stories of its
strongest terms. Linear in the corpus size for a fixed story size.
"""

from __future__ import annotations

import heapq
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import chain

import numpy

from annotate.nlp.language import normalise, story_word_counts
from annotate.model import Article, ArticleWords, Mention

# Mean cosine between two stories' articles for them to be about one event at all.
# Measured on ECB+ (496 articles, 42 events) and NewsWCL50: reports of one event
# average 0.1-0.3 (a one-line report of one 0.05), unrelated articles under 0.03;
# what tells two events of one kind apart is the cohesion test below, not this floor
# (0.03-0.10 group ECB+ the same).
JOIN_SIMILARITY = 0.04
# Two stories of COHESION_MIN_ARTICLES or more merge only when their articles are
# alike across at least this share of how alike they are within the less cohesive
# one. Two events of one kind (two earthquakes, two product recalls) score 0.35-0.77
# on ECB+ topics, random halves of one event 0.9 and more; 0.7-0.8 give ECB+ B³ F1
# 0.92-0.94. Below that size a story's own cohesion says less (three copies of one
# wire report are far more alike than the event's other reports), so small stories
# only need SMALL_COHESION_RATIO: two generated events of one kind in one country
# score 0.2, the parts of one ECB+ event 0.44 and more.
COHESION_RATIO = 0.75
COHESION_MIN_ARTICLES = 4
SMALL_COHESION_RATIO = 0.35
# Reports of one event come out within days of each other; stories whose reports are
# further apart than this (both with a publication date) are two events.
MAX_DAYS_APART = 30
ENTITY_WEIGHT = 2.0  # a shared name, date or figure says more than a shared word
_BLOCK_TERMS = 12  # an article's strongest terms, the only ones that propose candidates
_MAX_POSTINGS = 40  # terms in more articles than this pair each article with a few neighbours only
_WINDOW = 5  # those neighbours
_STORIES_PER_TERM = 3  # the largest stories among a term's articles, which every story meets
# Reports of one event share several of their strongest terms (names, place,
# figures); one shared term is usually a country or a topic: at 1,000 generated
# articles this keeps every joining pair and compares 9x fewer.
_MIN_SHARED = 2
# IDF as if the corpus held this many more documents without the term: in a
# corpus of three reports of one event, the words all three share are the
# event's words and must not weigh (almost) nothing. (A folder of one ECB+ event's
# 10-20 reports is one story in 39 of 42 events with 100, 38 with 20.)
_PRIOR_DOCUMENTS = 100
_ALL_PAIRS = 60  # up to this many articles, every pair is compared (cheap, and blocking
# by rare terms misses small corpora, where the words every report shares weigh least)

def group_stories(articles: Sequence[Article], mentions: Sequence[Mention],
                  words: Mapping[str, ArticleWords] | None = None) -> list[list[str]]:
    """Article ids grouped by story, stories in corpus order, articles in corpus order.

    ``words`` are the pipeline's ``ArticleWords`` by article id (``Analysis.words``); an
    article without their ``counts`` (built by hand, never read by the pipeline) has them read
    from its text by the same rule (``story_word_counts``)."""
    if not articles:
        return []
    vectors = _vectors(articles, mentions, words or {})
    keys = [a.id for a in articles]
    tops = [list(vector)[:_BLOCK_TERMS] for vector in vectors]  # vectors are sorted by weight
    postings: dict[str, list[int]] = defaultdict(list)
    if len(articles) > _ALL_PAIRS:
        for i, top in enumerate(tops):
            for term in top:
                postings[term].append(i)
    days = [a.published.toordinal() if a.published else None for a in articles]
    stories = _Stories(vectors, days)
    stories.agglomerate(_candidates(tops, postings, keys))
    stories.agglomerate(_meetings(stories, postings, keys))
    groups = sorted((sorted(group) for group in stories.members.values()), key=lambda g: g[0])
    return [[keys[i] for i in group] for group in groups]


class _Stories:
    """Stories being built by average linkage over the candidate pairs.

    Each story keeps the sum of its members' unit vectors: the mean cosine between
    two stories' articles is the dot product of their sums over the product of their
    sizes, and the mean cosine within one is (|sum|² - n) / (n (n - 1)), so no pair
    of articles is compared twice. Stories are keyed by one member (their root).

    A sum is a sparse vector, sorted term ids and their weights; a dot product spreads
    one over a dense scratch array of the whole vocabulary and gathers the other's
    terms from it (per term in Python, dict lookups cost more than the rest of the
    grouping together)."""

    def __init__(self, vectors: list[dict[str, float]], days: list[int | None]) -> None:
        n = len(vectors)
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        ids = {t: k for k, t in enumerate(dict.fromkeys(chain.from_iterable(vectors)))}
        self.sums: dict[int, tuple[numpy.ndarray, numpy.ndarray]] = {}
        for i, vector in enumerate(vectors):
            terms = numpy.fromiter(map(ids.__getitem__, vector), dtype=numpy.int64, count=len(vector))
            weights = numpy.fromiter(vector.values(), dtype=numpy.float64, count=len(vector))
            order = numpy.argsort(terms)
            self.sums[i] = (terms[order], weights[order])
        self._scratch = numpy.zeros(len(ids))
        # The names (entity terms) of each story: stories that share none never merge.
        self.names: dict[int, set[int]] = {i: {ids[t] for t in vector if t[0] == "@"} for i, vector in enumerate(vectors)}
        self.squares = [1.0] * n  # |sum|², kept as stories grow: |a + b|² = |a|² + |b|² + 2 a·b
        self.days = {i: (d, d) for i, d in enumerate(days) if d is not None}  # first and last publication
        self.neighbours: dict[int, set[int]] = defaultdict(set)
        self.version = [0] * n  # merges into each story: heap entries from before are stale
        self._root = list(range(n))

    def find(self, i: int) -> int:
        root = self._root
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def link(self, a: int, b: int) -> tuple[float, float]:
        """(mean cosine between the articles of stories ``a`` and ``b``, dot of their sums)."""
        (terms_a, weights_a), (terms_b, weights_b) = self.sums[a], self.sums[b]
        if len(terms_a) > len(terms_b):
            terms_a, weights_a, terms_b, weights_b = terms_b, weights_b, terms_a, weights_a
        scratch = self._scratch
        scratch[terms_b] = weights_b
        dot = float(scratch[terms_a] @ weights_a)
        scratch[terms_b] = 0.0
        return dot / (len(self.members[a]) * len(self.members[b])), dot

    def cohesion(self, a: int) -> float:
        n = len(self.members[a])
        return (self.squares[a] - n) / (n * (n - 1))

    def agglomerate(self, candidates: set[tuple[int, int]]) -> None:
        """Merge the most alike stories first, each merge checked by ``may_merge``.
        ``candidates``: pairs of stories (roots) that may be compared."""
        heap = []
        version = self.version
        for i, j in candidates:
            self.neighbours[i].add(j)
            self.neighbours[j].add(i)
            similarity, dot = self.link(i, j)
            if similarity >= JOIN_SIMILARITY:
                heap.append((-similarity, i, j, version[i], version[j], dot))
        heapq.heapify(heap)
        while heap:
            negative, a, b, version_a, version_b, dot = heapq.heappop(heap)
            if a not in self.members or b not in self.members or version[a] != version_a or version[b] != version_b:
                continue  # merged since: the merged story's links were pushed then
            if self.may_merge(a, b, -negative):
                root = self.merge(a, b, dot)
                version[root] += 1
                for other in self.neighbours[root]:
                    similarity, dot = self.link(root, other)
                    if similarity >= JOIN_SIMILARITY:
                        x, y = min(root, other), max(root, other)
                        heapq.heappush(heap, (-similarity, x, y, version[x], version[y], dot))

    def may_merge(self, a: int, b: int, similarity: float) -> bool:
        if self.names[a] and self.names[b] and self.names[a].isdisjoint(self.names[b]):
            return False  # both name things, nothing in common: shared common words make no event
        if a in self.days and b in self.days:
            (first_a, last_a), (first_b, last_b) = self.days[a], self.days[b]
            if max(first_a, first_b) - min(last_a, last_b) > MAX_DAYS_APART:
                return False
        smaller = min(len(self.members[a]), len(self.members[b]))
        if smaller < 2:
            return True
        ratio = COHESION_RATIO if smaller >= COHESION_MIN_ARTICLES else SMALL_COHESION_RATIO
        return similarity >= ratio * min(self.cohesion(a), self.cohesion(b))

    def merge(self, a: int, b: int, dot: float) -> int:
        """Put story ``b`` into ``a`` (or the other way round, the smaller into the larger);
        return the root of the merged story."""
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self._root[b] = a
        self.members[a].extend(self.members.pop(b))
        self.names[a] |= self.names.pop(b)
        self.squares[a] += self.squares[b] + 2 * dot
        (terms_a, weights_a), (terms_b, weights_b) = self.sums[a], self.sums.pop(b)
        scratch = self._scratch
        scratch[terms_a] = weights_a
        scratch[terms_b] += weights_b  # term ids are unique within a story
        terms = numpy.union1d(terms_a, terms_b)
        self.sums[a] = (terms, scratch[terms])
        scratch[terms] = 0.0
        if b in self.days:
            first, last = self.days.pop(b)
            if a in self.days:
                first, last = min(first, self.days[a][0]), max(last, self.days[a][1])
            self.days[a] = (first, last)
        merged = (self.neighbours.pop(a, set()) | self.neighbours.pop(b, set())) - {a, b}
        for other in merged:
            around = self.neighbours[other]
            around.discard(a)
            around.discard(b)
            around.add(a)
        self.neighbours[a] = merged
        return a


def _meetings(stories: _Stories, postings: dict[str, list[int]], keys: Sequence[str]) -> set[tuple[int, int]]:
    """More candidates, between stories this time: each story with the largest few
    stories among the articles that share one of its strongest terms, and an article
    still alone with every story that shares one (of a term not too common). Blocking
    pairs articles that share two such terms, and a term too common to pair all its
    articles pairs each with a few neighbours only, so a report of a big story (or a few
    of them together) may never have met the members it resembles most. Linear: a few
    pairs per story and term."""
    label = {root: min(keys[i] for i in group) for root, group in stories.members.items()}
    pairs: set[tuple[int, int]] = set()
    for posting in postings.values():
        counts = Counter(stories.find(i) for i in posting)
        if len(counts) < 2:
            continue
        largest = sorted(counts, key=lambda r: (-counts[r], label[r]))[:_STORIES_PER_TERM]
        pairs.update((min(r, big), max(r, big)) for r in counts for big in largest if r != big)
        if len(posting) <= _MAX_POSTINGS:
            alone = [r for r in counts if len(stories.members[r]) == 1]
            pairs.update((min(r, other), max(r, other)) for r in alone for other in counts if r != other)
    return pairs


def _vectors(articles: Sequence[Article], mentions: Sequence[Mention],
             read: Mapping[str, ArticleWords]) -> list[dict[str, float]]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        term = _mention_term(m)
        if term:
            names[m.article][term] += 1
    counts: list[Counter[str]] = []
    for article in articles:
        found = read.get(article.id)
        # (No counts: not read by the pipeline, or read before it counted; a text without
        # words gives none either way.)
        words = Counter(found.counts if found is not None and found.counts else story_word_counts(article.text))
        for name, c in names.get(article.id, {}).items():
            words[name] += c
        counts.append(words)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(articles)
    # Once per term, not per use: IDF times the weight of its kind.
    idf = {term: math.log(1 + (n + _PRIOR_DOCUMENTS) / d) * (ENTITY_WEIGHT if term[0] in "@#" else 1.0)
           for term, d in df.items()}
    damped = [0.0] + [1 + math.log(tf) for tf in range(1, 64)]  # sublinear term frequency
    vectors = []
    for c in counts:
        weights = {term: (damped[tf] if tf < 64 else 1 + math.log(tf)) * idf[term] for term, tf in c.items()}
        ranked = sorted(weights.items(), key=lambda kv: kv[1], reverse=True)
        norm = math.sqrt(sum(w * w for _, w in ranked)) or 1.0
        vectors.append({term: w / norm for term, w in ranked})
    return vectors


def _mention_term(m: Mention) -> str | None:
    """The term a mention adds to its article's vector: an entity's linked cluster ("@"),
    or a date or figure ("#"), which tell apart two events of one kind."""
    if m.kind == "entity":
        # The linked cluster when linking ran: "Kyiv" and "Kiev" are one term.
        name = m.entity or normalise(str(m.value or m.text))
        return "@" + name if name else None
    if m.kind == "date":
        if m.value:
            return "#" + str(m.value)[:7]  # the month: reports round a day differently
        if any(ch.isdigit() for ch in m.text):
            return "#" + normalise(m.text)  # "November 27" without a year
        return None
    if m.kind == "number" and m.value is not None:
        return f"#{m.value} {m.counts or ''}"
    return None


def _candidates(tops: list[list[str]], postings: dict[str, list[int]], keys: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs of articles worth comparing, from blocking (postings of the articles'
    strongest terms); without postings (a small corpus), every pair. ``keys`` (article
    ids) break ties, so the candidates do not depend on the order of the articles."""
    n = len(tops)
    if not postings:
        return {(i, j) for i in range(n) for j in range(i + 1, n)}
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
    return candidates


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
