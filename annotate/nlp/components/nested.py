"""``ct_nested``: names inside longer names, as entity mentions of their own.

- An office named by the country or organisation that holds it ("North Korean leader", "Apple's
  chief executive", "former FBI director", "Apple CEO" before "Steve Jobs") names a person: a
  mention over the holder's, which stays ("Apple" is still the company). Linking decides whose
  office it is: the person named right after it, or the one the story names with that office.
- A government or campaign named by its leader ("the Trump administration", "Trump's campaign"): an
  ORG over the person's name.
- An organisation's name opening a longer name ("Boeing" in "Boeing Commercial Airplanes",
  "Airbus" in "Airbus A320", "Apple" in "Apple Worldwide Developers Conference"): the maker or
  owner, a mention of its own inside the division, product or event; so is a person's possessive
  ("Trump" in "Trump's National Economic Council").

The spans are decided here, once, in the pipeline (see ``annotate.nlp.offices``); ``ct_entities``
keeps ``doc.ents`` flat. The spans are ``doc.spans["nested"]``, their rows in ``rows(doc)`` (group
``"nested"``): ``(start_char, end_char, label, office)``; an office has the holder's label and
``office`` True (``span._.office``: it stands for whoever holds it, and is not a name the
detectors compare); the others have ``office`` False.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from annotate.nlp.offices import offices_in
from annotate.nlp.components import ENTS, Batched, doc_text, rows
from annotate.nlp.components.gazetteer import fold, lexicon

NESTED = "nested"  # the rows' group in rows(doc)
_OUTER_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "FAC"})


def organisations_inside(
    text: str, entities: list[tuple[int, int, str]], known: dict[str, str]
) -> list[tuple[int, int, str, bool]]:
    """"Boeing" in "Boeing Commercial Airplanes": the first word of a longer name when it is an
    organisation by itself, in this article or in ``known`` (folded name -> label); and "Trump"
    in "Trump's National Economic Council", the possessive of a person the article names in full."""
    alone = {fold(text[s:e]) for s, e, label in entities if label == "ORG" and " " not in text[s:e]}
    surnames = {fold(text[s:e].rsplit(" ", 1)[-1]) for s, e, label in entities if label == "PERSON" and " " in text[s:e]}
    rows: list[tuple[int, int, str, bool]] = []
    for start, end, label in entities:
        if label not in _OUTER_LABELS:
            continue
        space = text.find(" ", start, end)
        if space < 0:
            continue
        first = text[start:space]
        cut = len(first) - 2 if first.endswith(("'s", "’s")) else len(first)
        key = fold(first[:cut])
        if key and (key in alone or known.get(key) == "ORG"):
            rows.append((start, start + cut, "ORG", False))
        elif cut < len(first) and key in surnames:
            rows.append((start, start + cut, "PERSON", False))  # "Trump's National Economic Council"
    return rows


@Language.factory("ct_nested")
def make_nested_finder(nlp: Language, name: str) -> "NestedFinder":
    return NestedFinder()


class NestedFinder(Batched):
    """The ``ct_nested`` component (see the module docstring); runs after ``ct_entities``."""

    def __init__(self) -> None:
        self.known = lexicon().labels

    def __call__(self, doc: Doc) -> Doc:
        found = rows(doc).get(ENTS)
        if found is None:
            entities = [(span.start_char, span.end_char, span.label_) for span in doc.ents]
        else:
            entities = [row[:3] for row in found]
        if entities:
            text = doc_text(doc)
            found = offices_in(text, entities) + organisations_inside(text, entities, self.known)
            group, kept = SpanGroup(doc, name=NESTED), []
            for row in found:  # (a name that does not fall on token boundaries is left out of both)
                span = doc.char_span(row[0], row[1], label=row[2])
                if span is not None:
                    group.append(span)
                    kept.append(row)
            doc.spans[NESTED] = group
            rows(doc).put(NESTED, kept)
        return doc
