"""Tokenize an article with bounded work per call, so no text can stall the engine.

spaCy's tokenizer strips prefixes and suffixes from each whitespace-free
chunk one character at a time, rescanning the rest each time: a run of
brackets or quote marks costs the square of its length (4,000 ``(`` take
4 s, a 200 KB run hours). And one call on a long article holds the
interpreter for seconds (2 s for 4 MB), freezing the app's screen, which
runs in the same process.

``make_doc`` gives the same ``Doc`` as ``nlp.make_doc`` for ordinary
articles. A whitespace-free run longer than ``MAX_RUN`` characters is cut
into pieces of that size (a URL or a row of dashes splits into a few
tokens; a run of punctuation was one token per character anyway), and a
text longer than ``PIECE_CHARS`` is tokenized piece by piece, cut where a
word starts, so each call is short. The tokens make one ``Doc``: the text
and every offset are those of the article.
"""

from __future__ import annotations

import re

MAX_RUN = 24  # characters without whitespace tokenized in one go
PIECE_CHARS = 32_768  # characters per tokenizer call in a long article (~20 ms)

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def make_doc(nlp, text: str):
    """``nlp.make_doc(text)``, in bounded steps; ``doc.text == text``."""
    if len(text) <= PIECE_CHARS and not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    for piece in pieces(text):
        for token in nlp.make_doc(piece):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
    return Doc(nlp.vocab, words=words, spaces=spaces)


def pieces(text: str):
    """``text`` cut into pieces the tokenizer handles quickly; they join back to ``text``."""
    start = 0
    for run in _LONG_RUN.finditer(text):
        yield from _by_size(text, start, run.start())
        for i in range(run.start(), run.end(), MAX_RUN):
            yield text[i : min(i + MAX_RUN, run.end())]
        start = run.end()
    yield from _by_size(text, start, len(text))


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
