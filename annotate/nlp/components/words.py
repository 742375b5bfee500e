"""``ct_words``: the words of an article that the detectors compare across a story.

Some questions a detector asks are about a whole article, not about one mention: does
the other outlet mention "blankets" at all, which words does nearly every article of a
story use (its topic), is "Papadopoulous" written once where the story writes
"Papadopoulos" again and again. They are answered from two lists read here, once:

- ``"stems"``, one row: the article's content words (``content_stem`` of its tokens: a
  stem, a nationality as its country), distinct, sorted;
- ``"capitalised"`` rows, ``(start_char, end_char, word)``: every capitalised word of
  five letters or more (the shape of a surname), in text order.

``annotate.nlp.extract.extract_words`` makes them the model's ``ArticleWords``. The content
words with their offsets (``word_index``, made from the shared token columns) stay on the Doc
for ``ct_context``, which runs after.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import add, itemgetter

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.components import Batched, rows
from annotate.nlp.components.tokens import tokens, word_flag
from annotate.nlp.language import content_stem

STEMS, CAPITALISED = "stems", "capitalised"
# A surname's shape: a capital and four lower-case letters or more.
_SURNAME_SHAPE = re.compile(r"[A-Z][a-z]{4,}")
_CAPITALISED = word_flag(lambda word: _SURNAME_SHAPE.fullmatch(word) is not None)
_CONTENT = word_flag(lambda word: content_stem(word) is not None)


_INDEX = "word_index"  # the Doc's ``WordIndex`` in ``doc.user_data``


@dataclass(frozen=True, slots=True)
class WordIndex:
    """The content words of a Doc (``content_stem`` of its tokens), in order: where each starts
    and ends, and its stem."""

    starts: list[int]
    ends: list[int]
    stems: list[str]

    def near(self, lo: int, start: int, end: int, hi: int) -> list[str]:
        """The stems of the words ending in ``lo:start`` or starting in ``end:hi`` (the words
        either side of a span; one the window cuts counts whole), distinct, sorted."""
        ends, starts, stems = self.ends, self.starts, self.stems
        before = stems[bisect.bisect_right(ends, lo) : bisect.bisect_right(ends, start)]
        after = stems[bisect.bisect_left(starts, end) : bisect.bisect_left(starts, hi)]
        return sorted({*before, *after})


def word_index(doc: Doc) -> WordIndex:
    """The Doc's ``WordIndex``, made once from the shared token columns (``ct_words`` and
    ``ct_context`` both read it)."""
    index = doc.user_data.get(_INDEX)
    if index is None:
        toks = tokens(doc)
        kept = numpy.flatnonzero(toks.where(_CONTENT)).tolist()
        # (Picked and mapped in C: a Python loop over every word cost as much as a component.)
        starts, words = (list(_pick(kept, column)) for column in (toks.starts, toks.words))
        index = WordIndex(starts, list(map(add, starts, map(len, words))), list(map(content_stem, words)))  # type: ignore[arg-type]
        doc.user_data[_INDEX] = index
    return index


def _pick(indices: list[int], column: list) -> tuple:
    """``column``'s items at ``indices``."""
    if len(indices) > 1:
        return itemgetter(*indices)(column)
    return tuple(column[i] for i in indices)


def tokenized(text: str) -> Doc:
    """A text no pipeline has read, tokenized as the pipeline would."""
    from annotate.nlp.bounded_doc import make_doc
    from annotate.nlp.pipeline import build_pipeline

    return make_doc(build_pipeline(None), text)


def index_words(text: str) -> WordIndex:
    """The ``WordIndex`` of a text no pipeline has read."""
    return word_index(tokenized(text))


def content_stems(doc: Doc) -> list[str]:
    """The distinct content words of ``doc`` (``content_stem``), sorted."""
    return sorted(set(word_index(doc).stems))


def capitalised_words(doc: Doc) -> list[tuple[int, int, str]]:
    """Every capitalised word of five letters or more: (start, end, word), in order."""
    toks = tokens(doc)
    words, starts = toks.words, toks.starts
    return [(starts[i], starts[i] + len(words[i]), words[i]) for i in numpy.flatnonzero(toks.where(_CAPITALISED)).tolist()]


@Language.factory("ct_words")
def make_word_lister(nlp: Language, name: str) -> "WordLister":
    return WordLister()


class WordLister(Batched):
    """The ``ct_words`` component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        found = rows(doc)
        found.put(STEMS, [tuple(content_stems(doc))])  # (one row: the article's stems)
        found.put(CAPITALISED, capitalised_words(doc))
        return doc
