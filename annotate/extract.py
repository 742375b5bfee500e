"""Turn a processed spaCy Doc into the engine's ``Mention`` objects.

Follows the contract in ``annotate.components``:

- ``doc.ents`` -> kind ``"entity"``: ``label`` is the NER label, ``role`` is
  ``span._.role``, ``value`` is the name without its role -- the fullest form
  of the name in the same article (``span._.canonical``) when the span is a
  short form ("Musa" -> "Bello Musa"), else the span's own text. The
  surface form is always in ``text``.
- ``doc.spans["numbers"]`` -> kind ``"number"`` (value, counts, qualifier).
- ``doc.spans["dates"]`` -> kind ``"date"`` (value, granularity).
- ``doc.spans["quotes"]`` -> kind ``"quote"``: ``value`` is the quoted words.
  ``speaker`` is set to the speaker's NAME string (the fullest form in the
  article, i.e. the speaker span's ``_.canonical`` or its text), not an entity
  id: ``annotate.linking`` replaces it with the ``Entity.id`` it links that
  name to. None when no speaker was found.

Mention ids are ``f"{article.id}:{kind[0]}{start}-{end}"``, stable across
runs. Offsets are character offsets into ``article.text`` (the Doc must have
been made from exactly that text), so ``article.text[start:end] == text``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .model import Article, Mention

# Label used when a component leaves a span unlabelled.
_DEFAULT_LABELS = {"number": "CARDINAL", "date": "DATE", "quote": "QUOTE"}
_SPAN_KINDS = (("numbers", "number"), ("dates", "date"), ("quotes", "quote"))


def extract_mentions(doc: Doc, article: Article) -> list[Mention]:
    """All mentions in ``doc``, sorted by position, with ids stable across runs."""
    if len(doc) and doc[-1].idx + len(doc[-1]) + len(doc[-1].whitespace_) != len(article.text):
        raise ValueError(f"{article.id}: the Doc was not made from this article's text")
    ext = _Extensions(doc)
    mentions: dict[str, Mention] = {}
    for span in doc.ents:
        start, end = span.start_char, span.end_char
        m = _mention(article, start, end, "entity", span.label_)
        m.role = ext.get("role", start, end)
        m.value = ext.get("canonical", start, end) or m.text
        mentions.setdefault(m.id, m)
    for key, kind in _SPAN_KINDS:
        for span in doc.spans.get(key, ()):
            start, end = span.start_char, span.end_char
            m = _mention(article, start, end, kind, span.label_ or _DEFAULT_LABELS[kind])
            if kind == "number":
                m.value = ext.get("value", start, end)
                m.counts = ext.get("counts", start, end)
                m.qualifier = ext.get("qualifier", start, end)
            elif kind == "date":
                m.value = ext.get("value", start, end)
                m.granularity = ext.get("granularity", start, end)
            else:
                m.value = m.text
                m.speaker = _speaker_name(ext.get("speaker", start, end), ext)
            mentions.setdefault(m.id, m)
    return sorted(mentions.values(), key=lambda m: (m.start, m.end, m.kind))


class _Extensions:
    """Reads ``span._.<name>`` values without building an ``Underscore`` per span.

    spaCy keeps span extension values in ``doc.user_data`` under
    ``("._.", name, start_char, end_char)``; creating ``span._`` for every
    mention costs more than the rest of extraction together.
    """

    def __init__(self, doc: Doc) -> None:
        self.data = doc.user_data

    def get(self, name: str, start: int, end: int):
        return self.data.get(("._.", name, start, end))


def _mention(article: Article, start: int, end: int, kind: str, label: str) -> Mention:
    return Mention(
        id=f"{article.id}:{kind[0]}{start}-{end}",
        article=article.id,
        start=start,
        end=end,
        text=article.text[start:end],
        kind=kind,  # type: ignore[arg-type]
        label=label,
    )


def _speaker_name(speaker: object, ext: _Extensions) -> str | None:
    if isinstance(speaker, Span):
        return ext.get("canonical", speaker.start_char, speaker.end_char) or speaker.text
    if isinstance(speaker, str):  # tolerate a component that stores the name
        return speaker
    return None
