"""Turn a processed spaCy Doc into the engine's ``Mention`` objects.

Follows the contract in ``annotate.components``:

- ``doc.ents`` -> kind ``"entity"``: ``label`` is the NER label, ``role`` is
  ``span._.role``, ``value`` is the name without its role -- the fullest form
  of the name in the same article (``span._.canonical``) when the span is a
  short form ("Musa" -> "Bello Musa"), else the span's own text. The
  surface form is always in ``text``.
- ``doc.user_data[(ROWS, "nested")]`` (``ct_nested``) -> kind ``"entity"`` too: names
  inside longer names, such as an office ("North Korean leader") over its holder's mention,
  with the holder's label and the whole office as ``role`` and ``value``.
- ``doc.spans["numbers"]`` -> kind ``"number"`` (value, counts, qualifier).
- ``doc.spans["dates"]`` -> kind ``"date"`` (value, granularity).
- ``doc.spans["quotes"]`` -> kind ``"quote"``: ``value`` is the quoted words.
  ``speaker`` is set to the speaker's NAME string (the fullest form in the
  article, i.e. the speaker span's ``_.canonical`` or its text), not an entity
  id: ``annotate.linking`` replaces it with the ``Entity.id`` it links that
  name to. None when no speaker was found.

Where a component left its spans as rows (``ROWS`` in ``annotate.components``),
they are read instead of the span group: the same fields, without a ``Span``
per item.

Mention ids are ``f"{article.id}:{kind[0]}{start}-{end}"``, stable across
runs. Offsets are character offsets into ``article.text`` (the Doc must have
been made from exactly that text), so ``article.text[start:end] == text``.
"""

from __future__ import annotations

from operator import attrgetter

from spacy.tokens import Doc, Span

from .components import ROWS
from .components.entities import ENTS_KEY
from .components.nested import NESTED
from .model import Article, Mention

# Label used when a component leaves a span unlabelled.
_DEFAULT_LABELS = {"number": "CARDINAL", "date": "DATE", "quote": "QUOTE"}
_SPAN_KINDS = (("numbers", "number"), ("dates", "date"), ("quotes", "quote"))
_POSITION = attrgetter("start", "end", "kind")


def extract_mentions(doc: Doc, article: Article) -> list[Mention]:
    """All mentions in ``doc``, sorted by position, with ids stable across runs."""
    text = article.text
    if len(doc) and doc[-1].idx + len(doc[-1]) + len(doc[-1].whitespace_) != len(text):
        raise ValueError(f"{article.id}: the Doc was not made from this article's text")
    # spaCy keeps span extension values in ``doc.user_data`` under ("._.", name, start_char,
    # end_char); reading them there skips building an ``Underscore`` per span, which would
    # cost more than the rest of extraction together.
    get = doc.user_data.get
    aid = article.id
    mentions: dict[str, Mention] = {}
    # ``ct_entities`` lists the entities it wrote as (start_char, end_char, label): the same as
    # ``doc.ents``, without a Span per entity. A Doc from another pipeline has only ``doc.ents``.
    ents = get(ENTS_KEY)
    if ents is None:
        ents = [(span.start_char, span.end_char, span.label_) for span in doc.ents]
    for start, end, label in ents:
        surface = text[start:end]
        mid = f"{aid}:e{start}-{end}"
        if mid not in mentions:
            # (All fields positional: keyword arguments and later assignments cost more.)
            mentions[mid] = Mention(
                mid, aid, start, end, surface, "entity", label,
                get(("._.", "canonical", start, end)) or surface, None, None,
                get(("._.", "role", start, end)),
            )  # fmt: skip
    # Names inside names ("Apple CEO" over "Apple", "Boeing" in "Boeing Commercial Airplanes").
    for start, end, label, role in get((ROWS, NESTED)) or ():
        mid = f"{aid}:e{start}-{end}"
        if mid not in mentions:
            surface = text[start:end]
            mentions[mid] = Mention(mid, aid, start, end, surface, "entity", label, surface, None, None, role)
    spans = doc.spans
    for key, kind in _SPAN_KINDS:
        group = spans.get(key)
        if not group:
            continue
        rows = get((ROWS, key))
        if rows is None or len(rows) != len(group):
            rows = _rows_of(group, kind, get)
        _from_rows(rows, kind, aid, text, mentions)
    return sorted(mentions.values(), key=_POSITION)


def _from_rows(rows, kind: str, aid: str, text: str, mentions: dict[str, Mention]) -> None:
    """Mentions from rows ``(start, end, label, *fields)`` (see ``ROWS`` in ``annotate.components``)."""
    letter = kind[0]
    for start, end, label, *fields in rows:
        mid = f"{aid}:{letter}{start}-{end}"
        if mid in mentions:
            continue
        surface = text[start:end]
        # (All fields positional: keyword arguments and later assignments cost more.)
        if kind == "number":
            value, counts, qualifier = fields
            m = Mention(mid, aid, start, end, surface, kind, label, value, None, None, None, counts, qualifier)
        elif kind == "date":
            value, granularity = fields
            m = Mention(mid, aid, start, end, surface, kind, label, value, None, None, None, None, None, granularity)
        else:
            (speaker,) = fields
            m = Mention(mid, aid, start, end, surface, kind, label, surface, None, speaker)  # type: ignore[arg-type]
        mentions[mid] = m


def _rows_of(group, kind: str, get):
    """The rows of a span group that came without them, read where ``span._`` keeps its values."""
    default_label = _DEFAULT_LABELS[kind]
    for span in group:
        start, end = span.start_char, span.end_char
        label = span.label_ or default_label
        if kind == "number":
            fields = (get(("._.", "value", start, end)), get(("._.", "counts", start, end)), get(("._.", "qualifier", start, end)))
        elif kind == "date":
            fields = (get(("._.", "value", start, end)), get(("._.", "granularity", start, end)))
        else:
            fields = (_speaker_name(get(("._.", "speaker", start, end)), get),)
        yield (start, end, label, *fields)


def _speaker_name(speaker: object, get) -> str | None:
    if isinstance(speaker, Span):
        return get(("._.", "canonical", speaker.start_char, speaker.end_char)) or speaker.text
    if isinstance(speaker, str):  # tolerate a component that stores the name
        return speaker
    return None
