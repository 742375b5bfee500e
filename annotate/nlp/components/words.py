"""``ct_words``: the words of an article that the detectors compare across a story.

Some questions a detector asks are about a whole article, not about one mention: does
the other outlet mention "blankets" at all, which words does nearly every article of a
story use (its topic), is "Papadopoulous" written once where the story writes
"Papadopoulos" again and again. They are answered from two lists read here, once, from
the shared token columns:

- ``"content_words"``, one row: the article's content words as written (no stop words,
  months or weekdays, nothing under three letters: ``content_stem``), distinct, sorted;
- ``"capitalised"`` rows, ``(start_char, end_char, word)``: every capitalised word of
  five letters or more (the shape of a surname), in text order;
- ``"story_words"`` rows, ``(word, count)``: how often the article writes each word story
  grouping compares (``story_word_counts``), in the order of first use.

``annotate.nlp.extract.extract_words`` makes them the model's ``ArticleWords``.
"""

from __future__ import annotations

import re
from operator import itemgetter

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.components import Batched, doc_text, rows
from annotate.nlp.components.tokens import tokens, word_flags
from annotate.nlp.language import content_stem, story_word_counts

CONTENT_WORDS, CAPITALISED, STORY_WORDS = "content_words", "capitalised", "story_words"
# A surname's shape: a capital and four lower-case letters or more.
_SURNAME_SHAPE = re.compile(r"[A-Z][a-z]{4,}")


def _word_bits(word: str) -> int:
    """Bit 1: ``word`` has a surname's shape; bit 2: it is a content word."""
    return (1 if _SURNAME_SHAPE.fullmatch(word) is not None else 0) | (2 if content_stem(word) is not None else 0)


_CAPITALISED, _CONTENT = word_flags(2, _word_bits)


def content_words(doc: Doc) -> list[str]:
    """The distinct content words of ``doc`` as written, sorted."""
    toks = tokens(doc)
    kept = numpy.flatnonzero(toks.where(_CONTENT)).tolist()
    # (Picked in C: a Python loop over every word cost as much as a component.)
    picked = itemgetter(*kept)(toks.words) if len(kept) > 1 else [toks.words[i] for i in kept]
    return sorted(set(picked))


def capitalised_words(doc: Doc) -> list[tuple[int, int, str]]:
    """Every capitalised word of five letters or more: (start, end, word), in order."""
    toks = tokens(doc)
    words, starts = toks.words, toks.starts
    return [(starts[i], starts[i] + len(words[i]), words[i]) for i in numpy.flatnonzero(toks.where(_CAPITALISED)).tolist()]


def tokenized(text: str) -> Doc:
    """A text no pipeline has read, tokenized as the pipeline would."""
    from annotate.nlp.bounded_doc import make_doc
    from annotate.nlp.pipeline import build_pipeline

    return make_doc(build_pipeline(None), text)


@Language.factory("ct_words")
def make_word_lister(nlp: Language, name: str) -> "WordLister":
    return WordLister()


class WordLister(Batched):
    """The ``ct_words`` component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        found = rows(doc)
        found.put(CONTENT_WORDS, [tuple(content_words(doc))])  # (one row: the article's words)
        found.put(CAPITALISED, capitalised_words(doc))
        found.put(STORY_WORDS, list(story_word_counts(doc_text(doc)).items()))
        return doc
