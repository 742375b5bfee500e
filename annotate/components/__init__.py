"""spaCy components: each finds one kind of thing and records it on the Doc.

Contract between the components and ``annotate.extract`` (which turns a
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
- rows: a component that fills ``doc.spans[key]`` may also leave the same
  spans as plain tuples in ``doc.user_data[(ROWS, key)]``, one per span in
  group order: ``(start_char, end_char, label, *fields)``, the fields being
  those ``annotate.extract`` reads for that kind (numbers: value, counts,
  qualifier; dates: value, granularity; quotes: the speaker's name or None). ``annotate.extract`` reads them
  instead of building a ``Span`` per item, when there are as many rows as
  spans in the group; a Doc from another pipeline simply has none.
- text: ``doc_text(doc)`` is the Doc's text. Whoever makes the Doc may put the
  exact text it was made from in ``doc.user_data["text"]`` (the engine does);
  otherwise it is built once from the tokens and kept there.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import minibatch

SPAN_KEYS = ("numbers", "dates", "quotes")

_EXTENSIONS = ("role", "canonical", "value", "counts", "qualifier", "granularity", "speaker")


def register_extensions() -> None:
    """Register the ``Span._.*`` attributes the components write. Idempotent."""
    for name in _EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register_extensions()

TEXT_KEY = "text"
ROWS = "ct_rows"  # doc.user_data[(ROWS, span key)]: see the module docstring

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
