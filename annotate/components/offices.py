"""``ct_offices``: an office named by the country or organisation that holds it.

"North Korean leader", "Apple's chief executive", "former FBI director", "Apple CEO" (before
"Steve Jobs"): such words name a person by an office, so they are an entity mention of their
own, nested over the holder's mention, which stays ("Apple" is still the company). Linking
decides whose office it is: the person named right after it, or the one the story names with
that office; the span is decided here, once, in the pipeline.

A government named by its leader ("the Trump administration") is one too, an ORG over the
person's name. Rows in ``doc.user_data[(ROWS, "offices")]``: ``(start_char, end_char, label,
role)``; an office has the holder's label and the whole office as its role (an office is not a
name the detectors compare).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..offices import offices_in
from . import ROWS, Batched, doc_text
from .entities import ENTS_KEY

OFFICES = "offices"  # the rows' key: doc.user_data[(ROWS, OFFICES)]


@Language.factory("ct_offices")
def make_office_finder(nlp: Language, name: str) -> "OfficeFinder":
    return OfficeFinder()


class OfficeFinder(Batched):
    """The ``ct_offices`` component (see the module docstring); runs after ``ct_entities``."""

    def __call__(self, doc: Doc) -> Doc:
        entities = doc.user_data.get(ENTS_KEY)
        if entities is None:
            entities = [(span.start_char, span.end_char, span.label_) for span in doc.ents]
        if entities:
            doc.user_data[(ROWS, OFFICES)] = offices_in(doc_text(doc), entities)
        return doc
