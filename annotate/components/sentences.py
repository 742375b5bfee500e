"""``ct_sentences``: sentence boundaries from punctuation and line breaks.

News text copied from the web is messy: paragraphs are separated by blank
lines, headlines and captions have no final period, and sentences are
sometimes glued together ("security.Ghana"; the tokenizer splits those, see
``annotate.pipeline``). A paragraph break (a blank line) always ends a
sentence; a single line break ends one unless the line looks hard-wrapped
(long, and not ending in punctuation); otherwise a sentence ends after a
. ! ? or … token, and any closing quotes or brackets glued to it, when the
next word does not start in lowercase.

Speed: the candidate tokens are found with per-word flags in one
``Doc.to_array`` call, so Python only runs once per candidate boundary, and
the boundaries are written back in one ``Doc.from_array`` call (setting
``Token.is_sent_start`` one by one rescans the Doc each time). Tokens that do
not start a sentence are marked "not a start" only where the rules looked,
so a trained parser running later may still add boundaries of its own.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import lexeme_flags

# A line at least this long that ends mid-sentence is taken to be hard-wrapped.
_WRAP_WIDTH = 60
_FINAL = frozenset(".!?…")
_CLOSERS = frozenset("”’»)]")
_STRAIGHT_QUOTES = frozenset("\"'")


@Language.factory("ct_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> "SentenceSplitter":
    lexeme_flags(nlp.vocab)  # register now, while the vocabulary is small
    return SentenceSplitter()


class SentenceSplitter:
    """The ``ct_sentences`` component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        f = lexeme_flags(doc.vocab)
        # Only the candidates come from the array; their neighbours are read from Token objects.
        table = doc.to_array([f.final, f.line_break])
        starts: list[int] = []
        for k in numpy.flatnonzero(table[:, 0]).tolist():
            j = k + 1
            while j < n and _closes(doc, j):
                j += 1  # 'said.”' and 'over."' close the same sentence
            while j < n and doc[j].is_space:
                j += 1
            if j < n and not doc[j].text[0].islower() and doc[j].text[0] not in _CLOSERS:
                starts.append(j)
        line_start = 0
        for k in numpy.flatnonzero(table[:, 1]).tolist():
            token = doc[k]
            line_length = token.idx - line_start
            line_start = token.idx + len(token)
            j = k + 1
            while j < n and doc[j].is_space:
                j += 1
            if j >= n:
                break
            if token.text.count("\n") == 1:  # a single line break: does the sentence run on?
                p = k - 1
                while p > 0 and doc[p].is_space:
                    p -= 1
                last = doc[p].text
                ended = last[-1] in _FINAL or last[0] in _CLOSERS or last[0] in _STRAIGHT_QUOTES or last == ":"
                if line_length >= _WRAP_WIDTH and not ended:
                    continue
            starts.append(j)
        values = numpy.zeros(n, dtype="int64")
        if n > 1:
            values[1] = -1  # "not a start" unless marked, so the Doc counts as split at all
        values[starts] = 1
        values[0] = 1
        doc.from_array([SENT_START], values.astype("uint64"))
        return doc



def _closes(doc: Doc, j: int) -> bool:
    """Is token ``j`` a closing quote or bracket? A straight quote closes when glued to the word before."""
    first = doc[j].text[0]
    return first in _CLOSERS or (first in _STRAIGHT_QUOTES and len(doc[j]) == 1 and not doc[j - 1].whitespace_)
