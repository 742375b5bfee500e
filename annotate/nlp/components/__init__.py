"""spaCy components: each finds one kind of thing and records it on the Doc.

Contract between the components and ``annotate.nlp.extract`` (which turns a
processed Doc into ``Mention`` objects):

- entities: ``doc.ents`` (labels PERSON, ORG, GPE, LOC, NORP, EVENT, FAC,
  PRODUCT); ``span._.role`` is the title/role text before a person's name
  ("Deputy Health Minister"), or in an appositive around it ("X, the acting
  police chief,"); courtesy titles (Mr, Dr) are not roles; None if there is
  none. ``span._.canonical`` is the fullest form of the name within the
  same article ("Okafor" -> "Amara Okafor"), or None when the span is itself
  the fullest form.
- numbers: ``doc.spans["numbers"]``; ``span._.value`` (int/float, [low, high]
  for ranges, None for vague amounts), ``span._.counts``, ``span._.qualifier``.
- dates: ``doc.spans["dates"]``; ``span._.value`` (ISO string or None),
  ``span._.granularity``. The article's publication date, when known, is in
  ``doc.user_data["published"]`` (a ``datetime.date``) before the pipeline runs.
- quotes: ``doc.spans["quotes"]``, the span covering the quoted words without
  the quotation marks; ``span._.speaker`` is a PERSON/ORG span from
  ``doc.ents`` (the fullest form available in the article) or None.
- reported speech: ``doc.spans["speech"]`` (``ct_speech``), words said without quotation
  marks; ``span._.speaker`` is the span of who said them: a PERSON entity, or a lone capitalised
  word (no label) that the corpus may show to be a person's name.
- context (``ct_context``, after the numbers and dates): what the words around
  them say. ``span._.unit``, ``_.thing``, ``_.event``, ``_.grew`` (a figure's
  frame), ``_.near`` (the stems of the content words around a figure or date),
  ``_.listed`` and ``_.listed_end`` (nouns listed with what a figure counts).
- words (``ct_words``): rows ``"content_words"`` (one row: the article's content words as
  written, distinct, sorted) and ``"capitalised"`` (``(start_char, end_char, word)`` per
  capitalised word of five letters or more); see ``annotate.nlp.components.words``.
- stream (``ct_stream``): row ``"stream"``, one row: every word of the article as written and
  where each starts, and where its clauses start, end and break; see
  ``annotate.nlp.components.stream``.
- negation: ``doc.spans["negations"]`` and ``doc.spans["denials"]`` (``ct_negation``), the
  acts the article's own words negate and the denials that follow what they are said of; their
  fields are in the rows only (``annotate.model.Negation``, ``annotate.model.Denial``).
- nested names: ``doc.spans["nested"]`` (``ct_nested``), names inside longer
  names (an office over its holder's name, a maker inside its product);
  ``span._.office`` is True for an office ("North Korean leader"), which stands
  for whoever holds it, False for the others.
- name cues (``ct_name_cues``, after the two above): how each name is used, read
  from the words around it: ``span._.honorific`` ("mrs" before "Trump"),
  ``_.nationality`` ("American" before "challenger Tony Thompson"),
  ``_.nationality_noun`` ("the American was ..."), ``_.defined_acronym`` ("SIA"
  after "Singapore Airlines (SIA)"), ``_.capital_use`` ("city", "state" or
  "state_voice"); the fields of the same names' ``EntityMention.cues`` (``NameCues``).
- rows: every component also lists what it found as plain tuples in
  ``doc.user_data["rows"]`` (a ``Rows``: ``rows(doc)``), one list per group in
  text order: ``"ents"`` rows are ``(start_char, end_char, label, canonical,
  role)``; ``"nested"`` rows ``(start_char, end_char, label, office)``;
  ``"cues"`` rows ``(start_char, end_char, label, *NameCues fields)``, only for
  names that have a cue; the others ``(start_char, end_char, label, *fields)``, the fields
  being those ``annotate.nlp.extract`` reads for that kind (numbers: value,
  counts, qualifier; dates: value, granularity; quotes: the speaker's name,
  where the speaker's entity is, ``(start_char, end_char, label)``, and where the
  name the quote was attributed by is, ``(start_char, end_char)``, or None three times; speech: where the speaker's name is; number and date context: see ``annotate.nlp.components.context``). ``annotate.nlp.extract`` reads them instead of building a
  ``Span`` and an ``Underscore`` per item; the ``span._.x`` extensions read
  the same rows (their getters), so both views always agree. A Doc from
  another pipeline has no rows: ``span._.x = value`` stores a value there
  (the extensions' setters), and ``annotate.nlp.extract`` reads the span groups.
- text: ``doc_text(doc)`` is the Doc's text. Whoever makes the Doc may put the
  exact text it was made from in ``doc.user_data["text"]`` (the engine does);
  otherwise it is built once from the tokens and kept there.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import minibatch

SPAN_KEYS = ("numbers", "dates", "quotes", "nested", "speech")
ENTS = "ents"  # the rows of ``doc.ents`` in ``Rows``
CUES = "cues"  # the rows of ``ct_name_cues`` in ``Rows``

# Span extension -> (row group, position of the value in its rows), first group first.
_FIELDS: dict[str, tuple[tuple[str, int], ...]] = {
    "canonical": ((ENTS, 3),),
    "role": ((ENTS, 4),),
    "office": (("nested", 3),),
    "honorific": ((CUES, 3),),
    "nationality": ((CUES, 4),),
    "nationality_noun": ((CUES, 5),),
    "defined_acronym": ((CUES, 6),),
    "capital_use": ((CUES, 7),),
    "value": (("numbers", 3), ("dates", 3)),
    "counts": (("numbers", 4),),
    "qualifier": (("numbers", 5),),
    "granularity": (("dates", 4),),
    "speaker": (("quotes", 4), ("speech", 3)),  # where the speaker's entity is: the getter makes its Span
    "attributed_by": (("quotes", 5),),  # (start_char, end_char) of the name the quote was attributed by
    "unit": (("number_context", 2),),
    "thing": (("number_context", 3),),
    "event": (("number_context", 4),),
    "grew": (("number_context", 5),),
    "near": (("number_context", 6), ("date_context", 2)),
    "listed": (("number_context", 7),),
    "listed_end": (("number_context", 8),),
}


class Rows:
    """What the components found in one Doc (``rows(doc)``): row groups, and values set by hand.

    A component puts a whole group at once (``put``); the ``span._.x`` getters find a span's
    row by its character offsets, through an index made on first use.
    """

    __slots__ = ("groups", "values", "_index")

    def __init__(self) -> None:
        self.groups: dict[str, list[tuple]] = {}
        self.values: dict[tuple[str, int, int], object] = {}  # (name, start_char, end_char) -> value
        self._index: dict[str, dict[tuple[int, int], tuple]] = {}

    def put(self, key: str, rows: list[tuple]) -> None:
        self.groups[key] = rows
        self._index.pop(key, None)

    def get(self, key: str) -> list[tuple] | None:
        return self.groups.get(key)

    def row(self, key: str, start_char: int, end_char: int) -> tuple | None:
        index = self._index.get(key)
        if index is None:
            index = self._index[key] = {(r[0], r[1]): r for r in self.groups.get(key, ())}
        return index.get((start_char, end_char))


# (In ``doc.user_data``, a plain dict: a Doc extension's value is read through an
# ``Underscore`` object made per access, which cost more than some components' own work.)
ROWS_KEY = "rows"


def rows(doc: Doc) -> Rows:
    """The Doc's rows (``doc.user_data["rows"]``), made empty on first use."""
    found = doc.user_data.get(ROWS_KEY)
    if found is None:
        found = doc.user_data[ROWS_KEY] = Rows()
    return found


def rows_of(doc: Doc) -> Rows | None:
    """The rows the components left on ``doc``; None for a Doc from another pipeline."""
    return doc.user_data.get(ROWS_KEY)


def _getter(name: str):
    def get(span: Span):
        found = rows_of(span.doc)
        if found is None:
            return None
        start, end = span.start_char, span.end_char
        if (name, start, end) in found.values:
            return found.values[(name, start, end)]
        for key, field in _FIELDS[name]:
            row = found.row(key, start, end)
            if row is not None:
                value = row[field]
                if name == "speaker" and value is not None:
                    return span.doc.char_span(value[0], value[1], label=value[2])
                return value
        return None

    return get


def _setter(name: str):
    def set_(span: Span, value: object) -> None:
        rows(span.doc).values[(name, span.start_char, span.end_char)] = value

    return set_


def register_extensions() -> None:
    """Register the ``span._.*`` attributes the components fill. Idempotent."""
    for name in _FIELDS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_getter(name), setter=_setter(name))


register_extensions()

TEXT_KEY = "text"

# Docs each component handles in a row under ``nlp.pipe`` before the next component runs:
# its code and tables stay in the CPU's cache, where one Doc through every component in
# turn evicted them (10-30% of the rules' time, measured on generated corpora). Caches
# that components share per Doc (token columns, dates) hold at least two batches.
DOCS_PER_BATCH = 16


class Batched:
    """``pipe`` for a component whose ``__call__`` handles one Doc (see ``DOCS_PER_BATCH``)."""

    def pipe(self, docs, batch_size: int = DOCS_PER_BATCH):
        for batch in minibatch(docs, min(batch_size, DOCS_PER_BATCH)):
            yield from [self(doc) for doc in batch]


def doc_text(doc: Doc) -> str:
    """The Doc's text: ``doc.user_data["text"]`` when it matches the tokens, else ``doc.text`` (kept there).

    ``Doc.text`` joins every token on each call, which costs about a third as
    much as tokenizing; every component asking for it would multiply that.
    """
    text = doc.user_data.get(TEXT_KEY)
    if isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    return text
