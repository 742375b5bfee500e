"""``ct_negation``: the acts an article's own words negate ("does not name Trump as a
defendant", "denied that it had hired replacement crews", "is unlikely to meet the Queen").

The rules are ``annotate.nlp.negation``'s. Results: ``doc.spans["negations"]`` (the words
around each negation, token-aligned) and their rows in ``rows(doc)`` (group ``"negations"``): ``(start_char, end_char, "NEGATION",
predicate, context, names)``, the stems as ``annotate.model.Negation`` has them.

Denials too (``annotate.model.Denial``): a negation right after what it is said of, a name
("the ministry was not involved", "X, the prime minister, has not conceded") or "the" and two
lower-case words ("the regional airport was not damaged"), outside quotes:
``doc.spans["denials"]`` from the last subject's end to the negated word, rows ``(start_char,
end_char, "DENIAL", subject_ends, phrase, predicate, clause_starts, clause_end, words)``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from annotate.nlp.components import Batched, doc_text, register_extensions, rows
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.stream import stream_words
from annotate.nlp.components.tokens import span_from_chars, tokens
from annotate.model import Denial
from annotate.nlp.negation import LABEL, denials_in, negations

NEGATIONS = "negations"  # the span group and its rows' group in rows(doc)
DENIALS = "denials"  # ... of the denials
DENIAL_LABEL = "DENIAL"


@Language.factory("ct_negation")
def make_negation_finder(nlp: Language, name: str) -> "NegationFinder":
    return NegationFinder()


class NegationFinder(Batched):
    """The ``ct_negation`` component (see the module docstring); runs after ``ct_quotes``."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = rows(doc)
        group = SpanGroup(doc, name=NEGATIONS)
        quotes = found.get("quotes")
        quoted = sorted([(q[0], q[1]) for q in quotes] if quotes is not None else [
            (s.start_char, s.end_char) for s in doc.spans.get("quotes", ())
        ])
        stream = stream_words(doc)
        text, starts = doc_text(doc), sentence_starts(doc)
        negated = negations(text, starts, quoted, stream)
        if negated:
            toks = tokens(doc)
            for row in negated:
                span = span_from_chars(doc, toks, row[0], row[1], LABEL)
                if span is not None:
                    group.append(span)
        doc.spans[NEGATIONS] = group
        found.put(NEGATIONS, negated)
        denied = denials_in("", text, starts, quoted, stream)
        group = SpanGroup(doc, name=DENIALS)
        if denied:
            toks = tokens(doc)
            for d in denied:
                span = span_from_chars(doc, toks, d.subject_ends[-1], d.end, DENIAL_LABEL)
                if span is not None:
                    group.append(span)
        doc.spans[DENIALS] = group
        found.put(DENIALS, [_row(d) for d in denied])
        return doc


def _row(d: Denial) -> tuple:
    """A denial's row in ``rows(doc)``: its fields after ``article``, the span first."""
    return (d.subject_ends[-1], d.end, DENIAL_LABEL, d.subject_ends, d.phrase, d.predicate, d.clause_starts, d.clause_end, d.words)
