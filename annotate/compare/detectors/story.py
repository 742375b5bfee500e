"""What every detector reads: one story's articles, mentions and entities, indexed.

Built once per story by ``annotate.compare.discrepancies.detect``. Sentences, each
article's words and its word stream (every word and clause) are the pipeline's
(``Analysis.sentences``, ``Analysis.words``, ``Analysis.streams``, kept in the engine cache:
a cached second launch runs the detectors without spaCy); a story built without them reads
its articles with the same rules. Detectors ask for words here and never split a text.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from annotate.model import (
    Article,
    ArticleValue,
    ArticleWords,
    Corroboration,
    Denial,
    Discrepancy,
    Entity,
    Evidence,
    Mention,
    Negation,
    Statement,
    WordStream,
)
from annotate.nlp.language import CALENDAR_WORDS, STOPWORDS, WORD, fold, place_of, sentence_spans, stem
from annotate.corpus.outlets import outlet_list

Findings = tuple[list[Discrepancy], list[Corroboration]]


@lru_cache(maxsize=50_000)
def _content_words(text: str, places: frozenset[str]) -> frozenset[str]:
    """Stems of a text's content words; demonyms become their place ("Peruvian" -> "peru")."""
    return content_of_words([m.group() for m in WORD.finditer(text)], places)


def content_of_words(words, places: frozenset[str] = frozenset()) -> frozenset[str]:
    """``content_words`` of words the pipeline already split (``Denial.words``)."""
    out: set[str] = set()
    for raw in words:
        w = fold(raw).replace("'", "")
        if not w or w in STOPWORDS or w in CALENDAR_WORDS or len(w) < 3:
            continue
        if raw[:1].isupper() and places:
            place = place_of(raw, places)
            if place:
                out.add(place)
                continue
        out.add(stem(w))
    return frozenset(out)


def words_only(words):
    """The words among words and figures (``WordStream.words``): what ``WORD`` finds in a text."""
    return [w for w in words if not w[:1].isdecimal()]


def content_words(text: str, places: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of a text's content words; demonyms become their place ("Peruvian" -> "peru")."""
    return _content_words(text, places)


def evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(article=article.id, start=start, end=end, text=article.text[start:end])


def article_values(texts: dict[str, str]) -> dict[str, ArticleValue]:
    """A discrepancy's values from what each article says (article id -> its words)."""
    return {article_id: ArticleValue(text) for article_id, text in texts.items()}


def short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def value_parts(values: dict[str, str], labels: dict[str, str], limit: int = 70) -> list[str]:
    """'"value" (A, B)' per distinct value, in order of first appearance: outlets that
    agree are named together, not one part per outlet."""
    outlets: dict[str, list[str]] = {}
    for article_id, value in values.items():
        outlets.setdefault(" ".join(value.split()), []).append(labels[article_id])
    return [value_part(value, names, limit) for value, names in outlets.items()]


def affirmed_vs_denied(text: dict[str, str], denies: dict[str, bool], labels: dict[str, str]) -> str:
    """'"words" (A) vs the denial "words" (B, C)': the first wording of the side that affirms,
    then of the side that denies, each with the outlets on that side (``text`` and ``denies``
    by article). The denial is named: without it a reader could not tell which side says no."""
    parts = []
    for denial in (False, True):
        side = [article for article in text if denies[article] == denial]
        if side:
            parts.append(("the denial " if denial else "") + value_part(text[side[0]], [labels[x] for x in side], 60))
    return " vs ".join(parts)


def value_part(value: str, outlets: list[str], limit: int = 70) -> str:
    """'"value" (A, B)': what some outlets say, and who says it."""
    return f'"{short(value, limit)}" ({outlet_list(outlets)})'


class Matches:
    """Things matched pair by pair across articles (dates of one event, wordings of one
    statement), joined into groups. A group is one finding that lists every article's
    version (a discrepancy if any two conflict, else a corroboration): one outlet
    differing from four others is one finding, not four pairs, and a hundred outlets
    agreeing is one corroboration, not thousands. Things have ``article``, ``start``
    and ``end``, which tell them apart."""

    def __init__(self) -> None:
        self.parent: dict[tuple, tuple] = {}
        self.thing: dict[tuple, object] = {}
        self.conflicts: dict[tuple, list] = {}  # group root -> what each conflicting pair said of itself

    def _find(self, thing) -> tuple:
        k = (thing.article, thing.start, thing.end)
        self.thing.setdefault(k, thing)
        root = self.parent.setdefault(k, k)
        while root != self.parent[root]:
            self.parent[root] = self.parent[self.parent[root]]  # path halving
            root = self.parent[root]
        return root

    def join(self, a, b, conflict: object = None) -> None:
        """``a`` and ``b`` are one thing told twice; ``conflict`` (not None) if told differently."""
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self.parent[rb] = ra
            if rb in self.conflicts:
                self.conflicts.setdefault(ra, []).extend(self.conflicts.pop(rb))
        if conflict is not None:
            self.conflicts.setdefault(ra, []).append(conflict)

    def groups(self, order: dict[str, int]) -> list[tuple[list, list]]:
        """Each group: its things (the first in each article, articles in ``order``), and
        its conflicts (none: the articles agree)."""
        members: dict[tuple, list] = {}
        for thing in self.thing.values():
            members.setdefault(self._find(thing), []).append(thing)
        out = []
        for root, things in members.items():
            first: dict = {}
            for thing in sorted(things, key=lambda t: t.start):
                first.setdefault(thing.article, thing)
            out.append((sorted(first.values(), key=lambda t: order[t.article]), self.conflicts.get(root, [])))
        return out


@dataclass
class Story:
    articles: list[Article]
    mentions: list[Mention]
    entities: list[Entity]
    by_article: dict[str, list[Mention]] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # results detectors share (number facts)
    said: list[Statement] | None = None  # the engine's statements of these articles, if it found them
    sentence_starts: dict[str, list[int]] | None = None  # the engine's ``Analysis.sentences``, if given
    article_words: dict[str, ArticleWords] | None = None  # the engine's ``Analysis.words``, if given
    negated: list[Negation] | None = None  # the engine's ``Analysis.negations`` of these articles, if given
    denied: list[Denial] | None = None  # the engine's ``Analysis.denials`` of these articles, if given
    streams: dict[str, WordStream] | None = None  # the engine's ``Analysis.streams``, if given

    def __post_init__(self) -> None:
        ids = {a.id for a in self.articles}
        grouped: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            if m.article in ids:
                grouped[m.article].append(m)
        for ms in grouped.values():
            ms.sort(key=lambda m: (m.start, m.end))
        self.by_article = {a.id: grouped.get(a.id, []) for a in self.articles}
        self._starts = {aid: [m.start for m in ms] for aid, ms in self.by_article.items()}
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._sentence_starts: dict[str, list[int]] = {}
        self._statements: dict[str, list[Statement]] = {}
        self._negations: dict[str, list[Negation]] = {}
        if self.negated is not None:
            self._negations = {aid: [] for aid in ids}
            for x in self.negated:
                if x.article in ids:
                    self._negations[x.article].append(x)
        self._denials: dict[str, list[Denial]] = {}
        if self.denied is not None:
            self._denials = {aid: [] for aid in ids}
            for d in self.denied:
                if d.article in ids:
                    self._denials[d.article].append(d)
        if self.said is not None:
            self._statements = {aid: [] for aid in ids}
            for s in self.said:
                if s.article in ids:
                    self._statements[s.article].append(s)

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def order(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.articles)}

    @cached_property
    def places(self) -> frozenset[str]:
        """Folded names of the places the story mentions, for demonym resolution."""
        return frozenset(
            fold(m.value if isinstance(m.value, str) else m.text)
            for ms in self.by_article.values()
            for m in ms
            if m.kind == "entity" and m.label in ("GPE", "LOC")
        )

    @cached_property
    def place_stems(self) -> frozenset[str]:
        """``places`` and their stems: the pipeline's near words stem a place's name ("texa")."""
        return self.places | frozenset(stem(p) for p in self.places)

    @cached_property
    def place_entities(self) -> frozenset[str]:
        """Entity ids of places and nationalities: the setting every sentence shares."""
        return frozenset(
            m.entity
            for ms in self.by_article.values()
            for m in ms
            if m.kind == "entity" and m.entity and m.label in ("GPE", "LOC", "NORP")
        )

    @cached_property
    def labels(self) -> dict[str, str]:
        """How summaries name each article: its source when that is unique, else its id."""
        sources = [a.source for a in self.articles]
        unique = all(sources) and len(set(sources)) == len(sources)
        return {a.id: (a.source if unique and a.source else a.id) for a in self.articles}

    def statements(self, article_id: str) -> list[Statement]:
        """Who said what in the article: the engine's statements, or found now for a story
        made without them."""
        if article_id not in self._statements:
            from annotate.compare.detectors.speech import find_statements
            from annotate.nlp.components.speech import reported_speech_in

            self.sentences(article_id)
            article, mentions = self.article_by_id[article_id], self.by_article[article_id]
            reported = reported_speech_in(article, mentions, self._sentence_starts[article_id])
            self._statements[article_id] = find_statements([article], mentions, reported)
        return self._statements[article_id]

    def words(self, article_id: str) -> ArticleWords:
        """The article's words the detectors compare: the engine's, or read now for a story made
        without them."""
        words = self.article_words if self.article_words is not None else {}
        if article_id not in words:
            from annotate.nlp.extract import words_of_text

            words[article_id] = words_of_text(self.article_by_id[article_id].text)
            self.article_words = words
        return words[article_id]

    def stream(self, article_id: str) -> WordStream:
        """Every word and clause of the article: the engine's, or read now for a story made without
        them."""
        streams = self.streams if self.streams is not None else {}
        if article_id not in streams:
            from annotate.nlp.extract import stream_of_text

            self.sentences(article_id)
            streams[article_id] = stream_of_text(self.text(article_id), self._sentence_starts[article_id])
            self.streams = streams
        return streams[article_id]

    def words_in(self, article_id: str, start: int, end: int) -> list[tuple[int, str]]:
        """(offset, word) of the article's words and figures written within ``start:end``, in order."""
        stream = self.stream(article_id)
        starts, words = stream.starts, stream.words
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if hi > lo and starts[hi - 1] + len(words[hi - 1]) > end:
            hi -= 1  # (words do not overlap: only the last can run past the end)
        return list(zip(starts[lo:hi], words[lo:hi]))

    def clause(self, article_id: str, start: int, end: int) -> tuple[int, int]:
        """The words of the clause(s) ``start:end`` stands in: from the start of the clause that holds
        ``start`` to the end of the words of the one that holds ``end``, within the sentence."""
        stream = self.stream(article_id)
        _, sentence_end = self.sentence_at(article_id, start)
        first = bisect.bisect_right(stream.clause_starts, start) - 1
        last = min(bisect.bisect_left(stream.clause_breaks, end), bisect.bisect_left(stream.clause_breaks, sentence_end))
        return stream.clause_starts[max(first, 0)], stream.clause_ends[min(last, len(stream.clause_ends) - 1)]

    def writes_word_starting(self, article_id: str, prefix: str) -> bool:
        """The article writes a word that starts with ``prefix`` (lower case: "blanket" for
        "blankets", "Blanket" or "blanketed")."""
        lowered = self.memo.setdefault("lowered_words", {})
        if article_id not in lowered:
            lowered[article_id] = sorted({w.lower() for w in self.words(article_id).words})
        words = lowered[article_id]
        i = bisect.bisect_left(words, prefix)
        return i < len(words) and words[i].startswith(prefix)
    def negations(self, article_id: str) -> list[Negation]:
        """The acts the article's own words negate: the engine's, or found now for a story made
        without them."""
        if article_id not in self._negations:
            from annotate.nlp.negation import negations_in

            self.sentences(article_id)
            quotes = [(m.start, m.end) for m in self.kind(article_id, "quote")]
            text = self.article_by_id[article_id].text
            self._negations[article_id] = negations_in(article_id, text, self._sentence_starts[article_id], quotes)
        return self._negations[article_id]

    def denials(self, article_id: str) -> list[Denial]:
        """What the article's own words deny of a subject: the engine's, or found now for a story
        made without them."""
        if article_id not in self._denials:
            from annotate.nlp.negation import denials_in

            self.sentences(article_id)
            quotes = [(m.start, m.end) for m in self.kind(article_id, "quote")]
            text = self.article_by_id[article_id].text
            self._denials[article_id] = denials_in(article_id, text, self._sentence_starts[article_id], quotes)
        return self._denials[article_id]

    def kind(self, article_id: str, kind: str) -> list[Mention]:
        return [m for m in self.by_article.get(article_id, []) if m.kind == kind]

    def sentences(self, article_id: str) -> list[tuple[int, int]]:
        if article_id not in self._sentences:
            text = self.article_by_id[article_id].text
            starts = (self.sentence_starts or {}).get(article_id)
            if starts is None:  # a story built without the engine's sentences
                from annotate.nlp.components.sentences import sentence_starts_of

                starts = sentence_starts_of(text)
            spans = sentence_spans(text, starts)
            self._sentences[article_id] = spans
            self._sentence_starts[article_id] = [s for s, _ in spans]
        return self._sentences[article_id]

    def sentence_starts_within(self, article_id: str, start: int, end: int) -> list[int]:
        """Where sentences start strictly inside ``start:end`` (a quote of several sentences)."""
        self.sentences(article_id)
        starts = self._sentence_starts[article_id]
        return starts[bisect.bisect_right(starts, start) : bisect.bisect_left(starts, end)]

    def sentence_at(self, article_id: str, offset: int) -> tuple[int, int]:
        spans = self.sentences(article_id)
        i = bisect.bisect_right(self._sentence_starts[article_id], offset) - 1
        if i >= 0 and spans[i][0] <= offset < max(spans[i][1], spans[i][0] + 1):
            return spans[i]
        text = self.article_by_id[article_id].text
        return (offset, min(len(text), offset + 1))

    def mentions_in(self, article_id: str, start: int, end: int, kind: str | None = None) -> list[Mention]:
        ms = self.by_article.get(article_id, [])
        lo = bisect.bisect_left(self._starts[article_id], start)
        out = []
        for k in range(lo, len(ms)):  # not ms[lo:]: a copy of the rest of the article per call
            m = ms[k]
            if m.start >= end:
                break
            if m.end <= end and (kind is None or m.kind == kind):
                out.append(m)
        return out

    def sentence_entities(self, article_id: str, offset: int) -> set[str]:
        s, e = self.sentence_at(article_id, offset)
        return {m.entity for m in self.mentions_in(article_id, s, e, "entity") if m.entity}

    def sentence_key(self, article_id: str, offset: int) -> tuple:
        """The same for a sentence told twice in an article (a repeated paragraph) and for no other
        sentence of it: its length and its mentions, by place and words (model data, not its text)."""
        s, e = self.sentence_at(article_id, offset)
        keys = self.memo.setdefault("sentence_keys", {})
        if (article_id, s) not in keys:
            inside = tuple((m.start - s, m.end - s, m.text) for m in self.mentions_in(article_id, s, e))
            keys[article_id, s] = (e - s, inside)
        return keys[article_id, s]

    def sentence_words(self, article_id: str, offset: int) -> frozenset[str]:
        """``content_of_words`` of the sentence at ``offset``."""
        s, e = self.sentence_at(article_id, offset)
        found = self.memo.setdefault("sentence_words", {})
        if (article_id, s) not in found:
            found[article_id, s] = content_of_words(words_only(w for _, w in self.words_in(article_id, s, e)), self.places)
        return found[article_id, s]

    def text(self, article_id: str) -> str:
        return self.article_by_id[article_id].text

    def entity_name(self, entity_id: str | None) -> str:
        e = self.entity_by_id.get(entity_id or "")
        return e.name if e else (entity_id or "?")
