"""``ct_words``: the words of an article that the detectors compare across a story.

Some questions a detector asks are about a whole article, not about one mention: does
the other outlet mention "blankets" at all, which words does nearly every article of a
story use (its topic), is "Papadopoulous" written once where the story writes
"Papadopoulos" again and again. They are answered from two lists read here, once:

- ``"stems"`` rows, ``(stem,)``: the article's content words (``content_stem``: a stem,
  a nationality as its country), distinct, sorted;
- ``"capitalised"`` rows, ``(start_char, end_char, word)``: every capitalised word of
  five letters or more (the shape of a surname), in text order.

``annotate.nlp.extract.extract_words`` makes them the model's ``ArticleWords``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.components import Batched, doc_text, rows
from annotate.nlp.language import WORD, content_stem

STEMS, CAPITALISED = "stems", "capitalised"
# A surname's shape: a capital and four lower-case letters or more.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{4,}\b")


def content_stems(text: str) -> list[str]:
    """The distinct content words of ``text`` (``content_stem``), sorted."""
    return sorted({w for w in map(content_stem, set(WORD.findall(text))) if w})


def capitalised_words(text: str) -> list[tuple[int, int, str]]:
    """Every capitalised word of five letters or more: (start, end, word), in order."""
    return [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text)]


@Language.factory("ct_words")
def make_word_lister(nlp: Language, name: str) -> "WordLister":
    return WordLister()


class WordLister(Batched):
    """The ``ct_words`` component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = rows(doc)
        found.put(STEMS, [(w,) for w in content_stems(text)])
        found.put(CAPITALISED, capitalised_words(text))
        return doc
