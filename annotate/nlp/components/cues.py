"""``ct_name_cues``: how each name is used, read from the words around it.

The honorific before a person's name, the nationality written before it, a nationality word
standing for a person, a short form defined in brackets after a name, and whether a capital is the
city or its country's government, and where a person's role is written and whether it is theirs
(see ``annotate.nlp.name_cues``, which finds them). Runs after ``ct_entities`` and ``ct_nested``,
over both their names.

The cues are rows in ``rows(doc)`` (group ``"cues"``): ``(start_char, end_char, label, honorific,
nationality, nationality_noun, defined_acronym, capital_use, role_start, role_end, role_possessed,
role_before, role_before_start)``, one for each name that has any;
``span._.honorific``, ``span._.capital_use``... read them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from annotate.nlp.components import CUES, ENTS, Batched, doc_text, rows
from annotate.nlp.components.nested import NESTED
from annotate.nlp.name_cues import name_cues


@Language.factory("ct_name_cues")
def make_name_cue_finder(nlp: Language, name: str) -> "NameCueFinder":
    return NameCueFinder()


class NameCueFinder(Batched):
    """The ``ct_name_cues`` component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        found = rows(doc)
        entities = found.get(ENTS)
        if entities is None:
            entities = [(s.start_char, s.end_char, s.label_) for s in doc.ents]
        nested = found.get(NESTED)
        if nested is None:
            nested = [(s.start_char, s.end_char, s.label_, bool(s._.office)) for s in doc.spans.get(NESTED, ())]
        # (start, end, label, office, role) in text order: ``doc.ents`` hold no office, nested
        # names no role
        names = [(row[0], row[1], row[2], False, row[4] if len(row) > 4 else None) for row in entities]
        if nested:
            names += [(*row[:4], None) for row in nested]
            names.sort(key=_position)
        found.put(CUES, name_cues(doc_text(doc), names) if names else [])
        return doc


def _position(name: tuple) -> tuple:
    return name[:4]
