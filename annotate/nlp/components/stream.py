"""``ct_stream``: every word of an article in order, and where its clauses start and end.

Some detectors look at the words around a mention (is what one article denies of a name
affirmed near the same name in another? which words share a figure's sentence?) and at the
clause they stand in. They read them from this component's ``annotate.model.WordStream`` and
never split an article's text themselves.

Words are ``WORD_OR_FIGURE``'s: runs of letters, digits, hyphens and apostrophes that start
with a letter ("Kremlin's", "well-known", "didn't"), and figures ("1,000"). They come from the
shared token columns: a token that is one word is that word (most are); a token that holds
several, or a word and punctuation ("U.S.", "Mr."), gives its words, found once per distinct
token; tokens the tokenizer cut out of one word ("Kremlin" "'s", "well" "-" "known") are read
again as one.

A clause ends at a comma, semicolon, colon, dash or bracket (``CLAUSE_BREAK_CHARS``), at a
hyphen between spaces, and at the end of its sentence (``ct_sentences``). It starts past the
spaces after the break before it, or at its sentence's start; its words end before the spaces
and sentence-final punctuation (. ! ?) in front of the break.

Rows in ``rows(doc)``, group ``"stream"``: one row, ``(words, starts, clause_starts,
clause_ends, clause_breaks)``, the fields of ``WordStream``
(``annotate.nlp.extract.extract_stream``).
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.components import Batched, rows, rows_of
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.tokens import SPACE, tokens, word_flags
from annotate.nlp.language import CLAUSE_BREAK_CHARS, WORD_OR_FIGURE, sentence_spans

STREAM = "stream"  # the row group

_WORD_MARKS = frozenset("_'’-")  # with letters and digits: what a word goes on with ([\w'’-])
_FIGURE_MARKS = frozenset(",.")  # with digits: what a figure goes on with ([\d,.])
_BREAKS = frozenset(CLAUSE_BREAK_CHARS)


def _goes_on(c: str) -> int:
    """Bit 1: a word goes on with the character ``c``; bit 2: a figure does."""
    return (1 if c.isalnum() or c in _WORD_MARKS else 0) | (2 if c.isdecimal() or c in _FIGURE_MARKS else 0)


def _stream_bits(w: str) -> int:
    """The bits of ``_WHOLE`` ... ``_HYPHEN`` below, in one call per new word (``_plain_stream_bits``;
    a word of letters only, as most are, has those of "a")."""
    return _LETTERS_BITS if w.isalpha() else _plain_stream_bits(w)


def _plain_stream_bits(w: str) -> int:
    if WORD_OR_FIGURE.fullmatch(w) is not None:
        bits = 1
    elif WORD_OR_FIGURE.search(w) is None:
        bits = 2
    else:
        bits = 0
    if w:
        bits |= _goes_on(w[-1]) << 2 | _goes_on(w[0]) << 4
    if not _BREAKS.isdisjoint(w):
        bits |= 64
    if w == "-":
        bits |= 128
    return bits


_LETTERS_BITS = _plain_stream_bits("a")

# The token is one word; it holds none (punctuation, spaces). Where a word or a figure may run
# on into the next token when nothing separates them: two bits side by side for a token's last
# character, two for its first (a word's, a figure's), so that one shift and one "and" of two
# tokens' masks tell whether either runs across. It holds a clause break; it is a hyphen.
_WHOLE, _NO_WORD, _ENDS_IN_WORD, _ENDS_IN_FIGURE, _STARTS_IN_WORD, _STARTS_IN_FIGURE, _BREAK, _HYPHEN = word_flags(
    8, _stream_bits
)
_ENDS, _STARTS = _ENDS_IN_WORD.bit_length() - 1, _STARTS_IN_WORD.bit_length() - 1
assert _ENDS_IN_FIGURE == _ENDS_IN_WORD << 1 and _STARTS_IN_FIGURE == _STARTS_IN_WORD << 1
_BEFORE_A_BREAK = " .!?\n"  # what a clause's words do not end with


def word_stream(doc: Doc) -> tuple[list[str], list[int]]:
    """The words of ``doc`` as written and where each starts, in order."""
    toks = tokens(doc)
    n = len(toks.words)
    if n == 0:
        return [], []
    masks = toks.masks
    # Tokens written together (no space between) that a word or a figure runs across: i, i + 1.
    glued = toks.table[:-1, 1] == 0
    joins = numpy.flatnonzero(glued & ((((masks[:-1] >> _ENDS) & (masks[1:] >> _STARTS)) & 3) != 0))
    kind = masks & (_WHOLE | _NO_WORD)
    if len(joins):
        kind[joins] = kind[joins + 1] = _NO_WORD  # (their words are read below)
    whole = numpy.flatnonzero(kind == _WHOLE)
    words = _pick(toks.words, whole.tolist())
    starts = toks.table[whole, 2].tolist()
    # The other tokens that hold words, in order, as (first, last) tokens: one with a word and
    # more ("U.S.", "Mr."), or a run of two or more that a word runs across.
    pieces: list[list[int]] = []
    for i in joins.tolist():
        if pieces and pieces[-1][1] == i:
            pieces[-1][1] = i + 1
        else:
            pieces.append([i, i + 1])
    some = numpy.flatnonzero(kind == 0).tolist()
    if some:
        pieces = sorted(pieces + [[i, i] for i in some])
    if not pieces:
        return words, starts
    at_whole = numpy.searchsorted(whole, [first for first, _ in pieces]).tolist()  # where they go
    out_words: list[str] = []
    out_starts: list[int] = []
    done = 0
    text, at, tw = toks.text, toks.starts, toks.words
    for (first, last), k in zip(pieces, at_whole):
        out_words += words[done:k]  # the whole words before them, as they are
        out_starts += starts[done:k]
        done = k
        start = at[first]
        chunk = text[start : at[last] + len(tw[last])]
        offsets, found = _words_in(chunk) if len(chunk) <= _CACHED_CHUNK else _words_of(chunk)
        out_words += found
        out_starts += [start + offset for offset in offsets]
    out_words += words[done:]
    out_starts += starts[done:]
    return out_words, out_starts


def _words_of(chunk: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each word of ``chunk`` starts in it, and the words ("U.S." -> (0, 2), ("U", "S"))."""
    found = [(m.start(), m.group()) for m in WORD_OR_FIGURE.finditer(chunk)]
    return tuple(at for at, _ in found), tuple(word for _, word in found)


_words_in = lru_cache(maxsize=20_000)(_words_of)  # the same few recur: "U.S.", "'s", "30-year"
_CACHED_CHUNK = 40  # characters: longer ones (a URL, a hostile run) are not kept


def _pick(items: list, indices: list[int]) -> list:
    """``[items[i] for i in indices]``, picked in C."""
    if len(indices) > 1:
        return list(itemgetter(*indices)(items))
    return [items[i] for i in indices]


def clauses(doc: Doc, sentences: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Where each clause of ``doc`` (its sentences starting at ``sentences``) starts, where its
    words end and where the break after it (or its sentence's end) is: see the module docstring."""
    toks = tokens(doc)
    text = toks.text
    breaks = _breaks(doc)
    starts: list[int] = []
    ends: list[int] = []
    closed: list[int] = []
    k, n = 0, len(breaks)
    next_break = breaks[0][0] if breaks else len(text)

    def close(left: int, at: int) -> None:
        """A clause from ``left`` to the break (or sentence end) at ``at``; its words end before
        the spaces and final punctuation in front of it."""
        right = at
        while right > left and text[right - 1] in _BEFORE_A_BREAK:
            right -= 1
        starts.append(left)
        ends.append(right)
        closed.append(at)

    for s0, s1 in sentence_spans(text, sentences):
        left = s0
        if next_break < s1:  # (most sentences have no break: one clause)
            while k < n and breaks[k][0] < s0:
                k += 1
            taken = s0
            while k < n and breaks[k][1] <= s1:
                at, end = breaks[k]
                k += 1
                if at < taken:
                    continue  # " - - ": the second hyphen's first space belongs to the first
                taken = end
                close(left, at)
                left = end
                while left < s1 and text[left].isspace():
                    left += 1
            while k < n and breaks[k][0] < s1:
                k += 1  # (one that ends past the sentence: no break of it)
            next_break = breaks[k][0] if k < n else len(text)
        close(left, s1)
    return starts, ends, closed


def _breaks(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each clause break, in order: a character of ``CLAUSE_BREAK_CHARS``, or a
    hyphen with a space on either side (the spaces are part of it; of two that share a space,
    ``clauses`` keeps the first in its sentence)."""
    toks = tokens(doc)
    words, at = toks.words, toks.starts
    found: list[tuple[int, int]] = []
    for i in numpy.flatnonzero(toks.where(_BREAK)).tolist():
        word = words[i]
        if len(word) == 1:
            found.append((at[i], at[i] + 1))
        else:
            found.extend((at[i] + k, at[i] + k + 1) for k, c in enumerate(word) if c in CLAUSE_BREAK_CHARS)
    hyphens = numpy.flatnonzero(toks.where(_HYPHEN)).tolist()
    if hyphens:
        n, ws, space = len(words), toks.ws, toks.where(SPACE)
        for i in hyphens:
            if i > 0 and (ws[i - 1] or space[i - 1]) and (ws[i] or (i + 1 < n and space[i + 1])):
                found.append((at[i] - 1, at[i] + 2))
        found.sort()
    return found


def stream_words(doc: Doc) -> tuple[list[str], list[int]] | None:
    """The words ``ct_stream`` read in ``doc`` and where each starts; None when it did not run."""
    found = rows_of(doc)
    row = found.get(STREAM) if found is not None else None
    return (row[0][0], row[0][1]) if row else None


@Language.factory("ct_stream")
def make_stream_reader(nlp: Language, name: str) -> "StreamReader":
    return StreamReader()


class StreamReader(Batched):
    """The ``ct_stream`` component (see the module docstring); runs after ``ct_sentences``."""

    def __call__(self, doc: Doc) -> Doc:
        words, starts = word_stream(doc)
        rows(doc).put(STREAM, [(words, starts, *clauses(doc, sentence_starts(doc)))])
        return doc
