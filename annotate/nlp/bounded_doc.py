"""Tokenize an article with bounded work per call, so no text can stall the engine.

spaCy's tokenizer strips prefixes and suffixes from each whitespace-free
chunk one at a time, rescanning the rest each time: a chunk of brackets,
quote marks or ``'s's's...`` costs the square of its length (4,000 ``(``
take 4 s, a 32 KB article of them minutes, 200 KB hours). And one call on a
long article holds the interpreter for seconds (2 s for 4 MB).

``make_doc`` gives the same ``Doc`` as ``nlp.make_doc`` for ordinary
articles. A whitespace-free run longer than ``MAX_RUN`` characters (a URL,
a row of dashes, or an attack) never reaches spaCy's tokenizer: it becomes
its words and each other character, in linear time. A text longer than
``PIECE_CHARS`` is tokenized piece by piece, cut where a word starts, so
each call is short. The tokens make one ``Doc``: the text and every offset
are those of the article.
"""

from __future__ import annotations

import re

import numpy

MAX_RUN = 24  # characters without whitespace given to spaCy's tokenizer in one chunk
PIECE_CHARS = 32_768  # characters per tokenizer call in a long article (~20 ms)

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
_RUN_TOKEN = re.compile(r"\w+|\S")


def make_doc(nlp, text: str):
    """``nlp.make_doc(text)``, in bounded steps; ``doc.text == text``."""
    if len(text) <= PIECE_CHARS and longest_run(text) <= MAX_RUN:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    for piece, is_run in pieces(text):
        if is_run:
            for token in _RUN_TOKEN.findall(piece):
                words.append(token)
                spaces.append(False)
        elif piece:
            for token in nlp.make_doc(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
    return Doc(nlp.vocab, words=words, spaces=spaces)


def longest_run(text: str) -> int:
    """``max(map(len, text.split()), default=0)``, with numpy over the characters' code points:
    no string per word (a search with a pattern tries every character, and costs as much)."""
    try:
        encoded = text.encode("utf-32-le")
    except UnicodeEncodeError:  # a lone surrogate (an error handler makes every call slower)
        encoded = text.encode("utf-32-le", "surrogatepass")
    codes = numpy.frombuffer(encoded, dtype=numpy.uint32)
    # (one pass through a table: "clip" reads a code point past its end as its last entry, False)
    space = _IS_SPACE.take(codes, mode="clip")
    # (The runs lie between -1, each whitespace character and the end.)
    bounds = numpy.concatenate(([-1], numpy.flatnonzero(space), [len(codes)]))
    return int(numpy.diff(bounds).max()) - 1


# Whether each character up to U+3000 is whitespace (``str.isspace``: ASCII's \t-\r and \x1c-" ",
# these and no other; tests/test_bounded_work.py checks); the last entry (False) stands for every
# code point above.
_OTHER_SPACES = (0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
_IS_SPACE = numpy.zeros(0x3002, dtype=bool)
_IS_SPACE[[*range(0x09, 0x0E), *range(0x1C, 0x21), *_OTHER_SPACES]] = True


def pieces(text: str):
    """(piece, is a long run) for ``text`` in order; the pieces join back to ``text``."""
    start = 0
    for run in _LONG_RUN.finditer(text):
        for piece in _by_size(text, start, run.start()):
            yield piece, False
        yield run.group(), True
        start = run.end()
    for piece in _by_size(text, start, len(text)):
        yield piece, False


def _by_size(text: str, start: int, end: int):
    """[start, end) in pieces of at most ``PIECE_CHARS``, each cut where a word begins
    (after whitespace), so the tokens are those of the whole text."""
    while end - start > PIECE_CHARS:
        cut = start + PIECE_CHARS
        while cut > start + 1 and not (text[cut - 1].isspace() and not text[cut].isspace()):
            cut -= 1
        if cut <= start + 1:  # one enormous run of whitespace: any cut will do
            cut = start + PIECE_CHARS
        yield text[start:cut]
        start = cut
    yield text[start:end]
