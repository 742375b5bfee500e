"""Token columns shared by the components, read once per Doc.

Reading attributes through ``Token`` objects costs more than tokenizing, and
every ``Doc.to_array`` column costs a few percent of tokenizing. So a Doc's
word ids and offsets are read with one ``to_array`` call (the whitespace follows
from them), and every yes/no property of a word the components test
(capitalised, punctuation, a number word...) is one bit of a per-word mask,
computed once per distinct word and kept by word id (``_Lexicon``: numpy finds
every token's word in C; Python only tests the words met for the first time).
The columns are kept (in a small cache keyed by the Doc itself) for the
components that run after. The first component reads a batch of Docs together
(``read_tokens``): on a Doc of a few hundred words numpy costs more per call than
per word, and a batch pays that once. Only properties of the words
themselves are here: they cannot change from one component to the next,
unlike sentence starts or entities.

Spans are made here too, from character offsets found by regexes: aligning
them with ``Doc.char_span`` builds a ``Token`` per step, which costs more than
finding the span; their values go to ``rows(doc)``, not through a ``span._``
per span (see ``annotate.nlp.components``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, ORTH
from spacy.lang.lex_attrs import is_punct
from spacy.tokens import Doc, Span, SpanGroup

from annotate.nlp.components import DOCS_PER_BATCH, doc_text, rows

_TESTS: list[tuple[int, Callable[[str], bool]]] = []  # (flag, yes/no test)
_BIT_TESTS: list[tuple[int, Callable[[str], int]]] = []  # (first bit, test answering several at once)
_BITS_TAKEN = [0]
_RECENT: dict[int, "Tokens"] = {}  # id(doc) -> its columns
_RECENT_SIZE = 2 * DOCS_PER_BATCH  # each component runs over a batch of Docs in turn
# Word ids are hashes of the text, the same in every vocabulary, so one cache serves
# all Docs. A long-running process meets new words forever: start over past this.
_CACHE_LIMIT = 1 << 20


class _Lexicon:
    """Every word met so far: its text, length and mask (the bits of the ``word_flag`` tests it passes).

    A dict look-up per token would cost more than the rest of the columns together: the words
    are kept as columns sorted by word id, where ``numpy.searchsorted`` finds a Doc's tokens in C.
    New words join a small table, sorted again as they come, which joins the main one once it
    holds an eighth as many words (so each word is copied a few times in all, not once per Doc).
    """

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.tables = (_EMPTY, _EMPTY)  # (main, recent), each (ids sorted, masks, texts, lengths): replaced whole

    def look_up(self, ids: numpy.ndarray, strings) -> tuple[numpy.ndarray, list[str], numpy.ndarray]:
        """The mask, text and length of each word id (a uint64 array): an array, a list, an array."""
        tables = self.tables  # (one read: another thread may replace it, never change it)
        masks, words, lengths, unknown = _find_all(tables, ids)
        if unknown is not None:
            some = ids[unknown]
            tables = self._learn(tables, _distinct(some), strings)
            masks[unknown], words[unknown], lengths[unknown] = _find_all(tables, some)[:3]
        return masks, words.tolist(), lengths

    def _learn(self, tables: tuple, ids: numpy.ndarray, strings) -> tuple:
        """The tables with the words ``ids`` (new, distinct) added; they replace ``self.tables``."""
        main, recent = tables
        if len(main[0]) + len(recent[0]) > _CACHE_LIMIT:
            main, recent = _EMPTY, _EMPTY
        texts = [strings[i] for i in ids.tolist()]
        masks = []
        for text in texts:
            mask = 0
            for flag, test in _TESTS:
                if test(text):
                    mask |= flag
            for shift, test in _BIT_TESTS:
                mask |= test(text) << shift
            masks.append(mask)
        words = numpy.empty(len(texts), dtype=object)
        words[:] = texts
        added = (ids, numpy.array(masks, dtype=numpy.int64), words, numpy.array(list(map(len, texts)), dtype=numpy.uint64))
        recent = _joined(recent, added)
        if len(recent[0]) > len(main[0]) // 8:
            main, recent = _joined(main, recent), _EMPTY
        self.tables = main, recent
        return main, recent


def _find_all(tables: tuple, ids: numpy.ndarray):
    """The masks, texts and lengths of ``ids`` in the tables, and which ids are in neither (None: none)."""
    main, recent = tables
    masks, words, lengths, missing = _find(main, ids)
    if missing is None:
        return masks, words, lengths, None
    more_masks, more_words, more_lengths, still = _find(recent, ids[missing])
    masks[missing], words[missing], lengths[missing] = more_masks, more_words, more_lengths
    if still is None:
        return masks, words, lengths, None
    unknown = numpy.zeros(len(ids), dtype=bool)
    unknown[numpy.flatnonzero(missing)[still]] = True
    return masks, words, lengths, unknown


def _find(table: tuple, ids: numpy.ndarray):
    """The masks, texts and lengths of ``ids`` in one table, and which ids it lacks (None: none)."""
    known_ids, known_masks, known_words, known_lengths = table
    n = len(ids)
    if not len(known_ids):
        missing = numpy.ones(n, dtype=bool) if n else None
        return numpy.zeros(n, numpy.int64), numpy.empty(n, object), numpy.zeros(n, numpy.uint64), missing
    at = numpy.searchsorted(known_ids, ids)
    numpy.minimum(at, len(known_ids) - 1, out=at)
    missing = known_ids[at] != ids
    return known_masks[at], known_words[at], known_lengths[at], missing if missing.any() else None


def _distinct(ids: numpy.ndarray) -> numpy.ndarray:
    """The distinct values, sorted (``numpy.unique`` costs more, and imports ``numpy.ma`` on first use)."""
    ids = numpy.sort(ids)
    return ids[numpy.concatenate(([True], ids[1:] != ids[:-1]))]


def _joined(table: tuple, other: tuple) -> tuple:
    """Two tables as one, sorted by word id."""
    joined = [numpy.concatenate(pair) for pair in zip(table, other)]
    order = numpy.argsort(joined[0], kind="stable")
    return tuple(column[order] for column in joined)


_EMPTY = (numpy.zeros(0, numpy.uint64), numpy.zeros(0, numpy.int64), numpy.empty(0, object), numpy.zeros(0, numpy.uint64))


_LEXICON = _Lexicon()


def word_flag(test: Callable[[str], bool]) -> int:
    """Register a yes/no test of a word's text; returns its bit in ``Tokens.masks``."""
    flag = _take_bits(1)
    _TESTS.append((flag, test))
    return flag


def word_flags(count: int, test: Callable[[str], int]) -> list[int]:
    """Register ``count`` yes/no tests of a word's text answered by one function, as the bits
    1, 2, 4... of the int it returns (one call per new word where ``count`` calls would cost
    more than the tests); returns their bits in ``Tokens.masks``, in that order."""
    first = _take_bits(count)
    _BIT_TESTS.append((first.bit_length() - 1, test))
    return [first << k for k in range(count)]


def _take_bits(count: int) -> int:
    first = _BITS_TAKEN[0]
    _BITS_TAKEN[0] += count
    _LEXICON.clear()  # masks computed before lack the new bits
    _RECENT.clear()
    return 1 << first


def _shape(w: str) -> int:
    """The bits of ``PUNCT`` ... ``LINE_BREAK`` below (``_plain_shape``; once per new word, and
    most are letters only: lower-case or not, long or not, nothing else)."""
    if w.isalpha():
        return (4 if w.islower() else 0) | (8 if len(w) >= 4 else 0)
    return _plain_shape(w)


def _plain_shape(w: str) -> int:
    if w.isspace():
        return 2 | (32 if "\n" in w else 0)  # SPACE, LINE_BREAK
    bits = 1 if _is_punct(w) else 0  # the same as Token.is_punct
    if w.islower():
        bits |= 4
    if len(w) >= 4 and w.isalpha():
        bits |= 8
    if w and set(w) <= _FINAL_MARKS:
        bits |= 16  # ends a sentence
    return bits


_FINAL_MARKS = frozenset(".!?…")
PUNCT, SPACE, LOWER, LONG_ALPHA, FINAL, LINE_BREAK = word_flags(6, _shape)


@dataclass(slots=True, eq=False)
class Tokens:
    """The words of one Doc: offsets and whitespace as lists, word properties as bit masks."""

    doc: Doc
    text: str
    words: list[str]  # token texts
    starts: list[int]  # character offset of each token
    ws: list[int]  # 1 when the token has trailing whitespace
    masks: numpy.ndarray  # bits from ``word_flag`` tests, one per token
    punct: list[bool]
    space: list[bool]
    table: numpy.ndarray  # the columns as read, one row per token: ORTH, SPACY (``ws``), IDX (``starts``)

    def where(self, flag: int) -> numpy.ndarray:
        """A boolean array: which tokens pass the test of ``flag``."""
        return (self.masks & flag) != 0

    def end_char(self, i: int) -> int:
        return self.starts[i] + len(self.words[i])

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``, without trailing whitespace."""
        return self.text[self.starts[start] : self.starts[end - 1] + len(self.words[end - 1])]

    def token_range(self, start_char: int, end_char: int, expand: bool = True) -> tuple[int, int] | None:
        """Token range for a character range, like ``Doc.char_span``'s "expand" (or "contract") mode."""
        # (Called for every span a component makes: the token ends are computed inline.)
        starts, words = self.starts, self.words
        if not words or start_char < 0 or end_char <= start_char or end_char > len(self.text):
            return None
        start = bisect_right(starts, start_char) - 1
        last = bisect_right(starts, end_char - 1) - 1
        if start < 0 or last < 0:
            return None
        if expand:
            if start_char >= starts[start] + len(words[start]):
                start += 1  # in the whitespace after a token: the span starts at the next one
        else:
            if starts[start] < start_char:
                start += 1
            if end_char < starts[last] + len(words[last]):
                last -= 1
        if last < start:
            return None
        return start, last + 1


def tokens(doc: Doc) -> Tokens:
    """The shared columns of ``doc``, read on first use (or with its batch: ``read_tokens``)."""
    found = _kept(doc)
    if found is None:
        found = _read([doc])[0]
        _keep(found)
    return found


def read_tokens(docs: list[Doc]) -> None:
    """Read the shared columns of several Docs together, for ``tokens`` to find them.

    A Doc of a few hundred words costs numpy more per call than per word: one look-up in the
    word table for a batch (and one test of the words new to all of it) pays that once."""
    todo = [doc for doc in docs if _kept(doc) is None]
    if len({id(doc.vocab) for doc in todo}) != 1:
        return  # (none to read, or Docs of several pipelines: each is read on first use)
    for found in _read(todo):
        _keep(found)


def _read(docs: list[Doc]) -> list[Tokens]:
    """The columns of ``docs`` (one vocabulary), read with numpy over all their tokens at once."""
    texts = [doc_text(doc) for doc in docs]
    sizes = [len(doc) for doc in docs]
    columns = [doc.to_array([ORTH, IDX]) for doc, n in zip(docs, sizes) if n]
    if len(columns) == 1:
        both = columns[0]
    else:
        both = numpy.concatenate(columns) if columns else numpy.zeros((0, 2), dtype="uint64")
    masks, words, lengths = _LEXICON.look_up(both[:, 0], docs[0].vocab.strings)
    table = numpy.empty((len(both), 3), dtype="uint64")
    table[:, 0] = both[:, 0]
    table[:, 2] = starts = both[:, 1]
    # The whitespace after a token is what lies between its end and the next token (Doc.text
    # is each token's text and whitespace in turn): SPACY need not be read too. After a Doc's
    # last token, it is the rest of its text.
    ends = starts + lengths
    table[:-1, 1] = starts[1:] - ends[:-1]  # (across two Docs: replaced below)
    end = 0
    for text, n in zip(texts, sizes):
        end += n
        if n:
            table[end - 1, 1] = len(text) - int(ends[end - 1])
    starts_list, ws_list = starts.tolist(), table[:, 1].tolist()
    punct, space = ((masks & PUNCT) != 0).tolist(), ((masks & SPACE) != 0).tolist()
    out: list[Tokens] = []
    at = 0
    for doc, text, n in zip(docs, texts, sizes):
        part = slice(at, at + n)
        out.append(
            Tokens(
                doc=doc,
                text=text,
                words=words[part],
                starts=starts_list[part],
                ws=ws_list[part],
                masks=masks[part],
                punct=punct[part],
                space=space[part],
                table=table[part],
            )
        )
        at += n
    return out


def _kept(doc: Doc) -> Tokens | None:
    found = _RECENT.get(id(doc))
    return found if found is not None and found.doc is doc and len(found.words) == len(doc) else None


def _keep(found: Tokens) -> None:
    if len(_RECENT) >= _RECENT_SIZE:
        _RECENT.clear()  # (one atomic step: safe when two threads annotate at once)
    _RECENT[id(found.doc)] = found


def _is_punct(word: str) -> bool:
    """spaCy's ``is_punct`` (every character in a P* category), skipping the common case fast."""
    return not word[:1].isalnum() and is_punct(word)


def span_from_chars(
    doc: Doc, toks: Tokens, start_char: int, end_char: int, label: str, expand: bool = True
) -> Span | None:
    """A Span over the tokens that cover (expand) or fit inside (contract) the characters; None if none do."""
    where = toks.token_range(start_char, end_char, expand)
    if where is None:
        return None
    return Span(doc, where[0], where[1], label=label)


class SpanWriter:
    """Fills ``doc.spans[key]`` from token ranges without building a ``Span`` for each.

    ``Span(doc, start, end)`` makes two ``Token`` objects to find its character
    offsets, which the columns already hold; a ``SpanGroup`` copies the fields of
    each span appended to it, so one ``Span`` is refilled for every range.
    The component appends each span's row to ``rows``; ``close`` stores them beside the
    group, in ``rows(doc)`` (see ``annotate.nlp.components``).
    """

    def __init__(self, doc: Doc, toks: Tokens, key: str) -> None:
        self.doc, self.toks, self.key = doc, toks, key
        self.group = SpanGroup(doc, name=key)
        self.span = Span(doc, 0, 0)
        self.labels: dict[str, int] = {}
        self.end = -1  # token end of the last span added
        self.rows: list[tuple] = []

    def add(self, start: int, end: int, label: str) -> tuple[int, int]:
        """Append tokens ``start:end``; returns the span's character offsets."""
        toks, span = self.toks, self.span
        start_char = toks.starts[start]
        end_char = toks.starts[end - 1] + len(toks.words[end - 1])
        label_id = self.labels.get(label)
        if label_id is None:
            label_id = self.labels[label] = self.doc.vocab.strings.add(label)
        span.start, span.end, span.start_char, span.end_char, span.label = start, end, start_char, end_char, label_id
        self.group.append(span)
        self.end = end
        return start_char, end_char

    def close(self) -> None:
        self.doc.spans[self.key] = self.group
        rows(self.doc).put(self.key, self.rows)
