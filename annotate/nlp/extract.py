"""Turn a processed spaCy Doc into the engine's ``Mention`` objects.

Follows the contract in ``annotate.nlp.components``:

- ``doc.ents`` -> ``EntityMention``: ``label`` is the NER label, ``role`` is
  ``span._.role``, ``value`` is the name without its role -- the fullest form
  of the name in the same article (``span._.canonical``) when the span is a
  short form ("Musa" -> "Bello Musa"), else the span's own text. The
  surface form is always in ``text``.
- ``rows(doc)`` group ``"nested"`` (``ct_nested``) -> ``EntityMention`` too: names
  inside longer names, such as an office ("North Korean leader") over its holder's mention,
  with the holder's label and ``office`` True.
- ``rows(doc)`` group ``"cues"`` (``ct_name_cues``) -> the ``EntityMention``'s ``cues``
  (``NameCues``: honorific, nationality, ..., the role cues) of the names they are about, None
  for the others (read through ``span._`` for a Doc without rows).
- ``doc.spans["numbers"]`` -> ``NumberMention`` (value, counts, qualifier), with what
  ``ct_context`` read around it (unit, thing, event, grew, near, listed, listed_end).
- ``doc.spans["dates"]`` -> ``DateMention`` (value, granularity, and ``ct_context``'s near).
- ``doc.spans["quotes"]`` -> ``QuoteMention``: ``value`` is the quoted words,
  ``speaker_name`` the speaker as the article names them (the speaker span's
  ``_.canonical`` or its text), None when no speaker was found.
  ``annotate.compare.linking`` sets ``speaker`` to the ``Entity.id`` of that name.
- ``doc.spans["speech"]`` (``ct_speech``) -> ``ReportedSpeech`` (``extract_reported``): the
  words said and where the speaker's name is.
- ``rows(doc)`` groups ``"negations"`` and ``"denials"`` (``ct_negation``) -> ``Negation`` and
  ``Denial`` (``extract_negations``, ``extract_denials``).
- ``rows(doc)`` group ``"stream"`` (``ct_stream``) -> ``WordStream`` (``extract_stream``): every
  word and clause of the article.

Where the components left their spans as rows (``rows(doc)``, see
``annotate.nlp.components``), they are read instead of ``doc.ents`` and the span
groups: the same fields, without a ``Span`` per item.

Mention ids are ``f"{article.id}:{kind[0]}{start}-{end}"``, stable across
runs. Offsets are character offsets into ``article.text`` (the Doc must have
been made from exactly that text), so ``article.text[start:end] == text``.
"""

from __future__ import annotations

from operator import attrgetter

from spacy.tokens import Doc, Span

from annotate.nlp.components import CUES, ENTS, doc_text, rows_of
from annotate.nlp.components.context import DATE_CONTEXT, NUMBER_CONTEXT
from annotate.nlp.components.words import (
    CAPITALISED, CONTENT_WORDS, STORY_WORDS, capitalised_words, content_words, tokenized,
)
from annotate.nlp.components.nested import NESTED
from annotate.nlp.components.negation import DENIALS, NEGATIONS
from annotate.nlp.components.sentences import sentence_starts
from annotate.nlp.components.speech import SPEECH
from annotate.nlp.components.stream import STREAM, clauses, word_stream
from annotate.nlp.language import story_word_counts
from annotate.model import (
    Article,
    ArticleWords,
    DateMention,
    Denial,
    EntityMention,
    Mention,
    NameCues,
    Negation,
    NumberMention,
    QuoteMention,
    ReportedSpeech,
    WordStream,
)
from annotate.nlp.name_cues import NO_ROLE_CUES, role_cues

# Label used when a component leaves a span unlabelled.
_DEFAULT_LABELS = {"number": "CARDINAL", "date": "DATE", "quote": "QUOTE"}
_SPAN_KINDS = (("numbers", "number"), ("dates", "date"), ("quotes", "quote"))
_POSITION = attrgetter("start", "end", "kind")


def extract_mentions(doc: Doc, article: Article) -> list[Mention]:
    """All mentions in ``doc``, sorted by position, with ids stable across runs."""
    text = article.text
    if len(doc) and doc[-1].idx + len(doc[-1]) + len(doc[-1].whitespace_) != len(text):
        raise ValueError(f"{article.id}: the Doc was not made from this article's text")
    # The components' rows (``rows(doc)``) hold what ``span._`` would give, without building
    # a Span and an ``Underscore`` per item, which would cost more than the rest of extraction.
    found = rows_of(doc)
    get = found.get if found is not None else _none
    aid = article.id
    mentions: dict[str, Mention] = {}
    # ``ct_entities`` lists the entities it wrote as (start_char, end_char, label, canonical,
    # role): ``doc.ents`` without a Span per entity. A Doc from another pipeline has only ``doc.ents``.
    ents = get(ENTS)
    if ents is None:
        ents = [(span.start_char, span.end_char, span.label_, span._.canonical, span._.role) for span in doc.ents]
    # Names inside names ("Apple CEO" over "Apple", "Boeing" in "Boeing Commercial Airplanes").
    nested = get(NESTED)
    if nested is None:
        nested = [(span.start_char, span.end_char, span.label_, bool(span._.office)) for span in doc.spans.get(NESTED, ())]
    # How each name is used (``ct_name_cues``), by its span, for the few names that have a cue.
    cue_rows = get(CUES)
    if cue_rows is None:
        cue_rows = _cue_rows_of([*doc.ents, *doc.spans.get(NESTED, ())])
    cues = {(row[0], row[1]): NameCues(*row[3:]) for row in cue_rows}
    for start, end, label, canonical, role in ents:
        surface = text[start:end]
        mid = f"{aid}:e{start}-{end}"
        if mid not in mentions:
            # (All fields positional: keyword arguments and later assignments cost more.)
            mentions[mid] = EntityMention(
                mid, aid, start, end, surface, label, canonical or surface, role, None, False, cues.get((start, end)),
            )  # fmt: skip
    for start, end, label, office in nested:
        mid = f"{aid}:e{start}-{end}"
        if mid not in mentions:
            surface = text[start:end]
            mentions[mid] = EntityMention(
                mid, aid, start, end, surface, label, surface, None, None, office, cues.get((start, end)),
            )  # fmt: skip
    spans = doc.spans
    for key, kind in _SPAN_KINDS:
        group = spans.get(key)
        if not group:
            continue
        rows = get(key)
        if rows is None or len(rows) != len(group):
            rows = _rows_of(group, kind)
        context = get(_CONTEXT[kind]) if kind in _CONTEXT else None
        if context is None and kind in _CONTEXT:
            context = _context_of(group, kind)
        _FROM_ROWS[kind](rows, aid, text, mentions, {(row[0], row[1]): row[2:] for row in context or ()})
    return sorted(mentions.values(), key=_POSITION)


def extract_reported(doc: Doc, article: Article) -> list[ReportedSpeech]:
    """The reported speech ``ct_speech`` found in ``doc``, in the order of its speakers, each with
    where its speaker's name is (a person's entity, or a lone word the corpus may show to be one)."""
    found = rows_of(doc)
    said = found.get(SPEECH) if found is not None else None
    if said is None:
        said = []
        for span in doc.spans.get(SPEECH, ()):
            speaker = span._.speaker
            if isinstance(speaker, Span):
                said.append((span.start_char, span.end_char, span.label_, (speaker.start_char, speaker.end_char)))
    aid, text = article.id, article.text
    return [ReportedSpeech(aid, start, end, text[start:end], speaker[0], speaker[1])
            for start, end, _label, speaker in said]


def extract_negations(doc: Doc, article: Article) -> list[Negation]:
    """The negated acts ``ct_negation`` found in ``doc``, in text order."""
    found = rows_of(doc)
    negated = (found.get(NEGATIONS) if found is not None else None) or ()
    aid = article.id
    return [Negation(aid, start, end, predicate, context, names)
            for start, end, _label, predicate, context, names in negated]


def extract_denials(doc: Doc, article: Article) -> list[Denial]:
    """The denials ``ct_negation`` found in ``doc``."""
    found = rows_of(doc)
    denied = (found.get(DENIALS) if found is not None else None) or ()
    aid = article.id
    return [Denial(aid, subject_ends, phrase, predicate, end, clause_starts, clause_end, words)
            for _start, end, _label, subject_ends, phrase, predicate, clause_starts, clause_end, words in denied]


# Mentions from rows ``(start, end, label, *fields)`` (see ``rows(doc)`` in ``annotate.nlp.components``),
# one function per kind: a loop that unpacks each row straight into its fields. ``context``: what
# ``ct_context`` read around each mention, by (start, end). (All fields positional: keyword
# arguments and later assignments cost more.)
_Around = dict[tuple[int, int], tuple]


def _numbers_from_rows(rows, aid: str, text: str, mentions: dict[str, Mention], context: _Around) -> None:
    for start, end, label, value, counts, qualifier in rows:
        mid = f"{aid}:n{start}-{end}"
        if mid not in mentions:
            around = context.get((start, end), ())
            mentions[mid] = NumberMention(mid, aid, start, end, text[start:end], label, value, counts, qualifier, *around)


def _dates_from_rows(rows, aid: str, text: str, mentions: dict[str, Mention], context: _Around) -> None:
    for start, end, label, value, granularity in rows:
        mid = f"{aid}:d{start}-{end}"
        if mid not in mentions:
            around = context.get((start, end), ())
            mentions[mid] = DateMention(mid, aid, start, end, text[start:end], label, value, granularity, *around)


def _quotes_from_rows(rows, aid: str, text: str, mentions: dict[str, Mention], context: _Around) -> None:
    for row in rows:
        start, end, label, speaker_name = row[:4]  # the speaker's name as the article gives it
        named_at = row[5] if len(row) > 5 and row[5] else (None, None)  # the name the quote was attributed by
        mid = f"{aid}:q{start}-{end}"
        if mid not in mentions:
            surface = text[start:end]
            mentions[mid] = QuoteMention(mid, aid, start, end, surface, label, surface, speaker_name, None, *named_at)


_FROM_ROWS = {"number": _numbers_from_rows, "date": _dates_from_rows, "quote": _quotes_from_rows}


# The rows ``ct_context`` added to each kind (see ``annotate.nlp.components.context``).
_CONTEXT = {"number": NUMBER_CONTEXT, "date": DATE_CONTEXT}


# ``ct_context``'s fields of each kind, and what a mention has when it read nothing.
_CONTEXT_DEFAULTS = {
    "number": {"unit": None, "thing": None, "event": None, "grew": False, "near": [], "listed": [], "listed_end": None},
    "date": {"near": []},
}


def _context_of(group, kind: str):
    """The context rows of a span group that came without them, read through ``span._``."""
    defaults = _CONTEXT_DEFAULTS[kind]
    for span in group:
        values = [getattr(span._, name) for name in defaults]
        if any(v is not None for v in values):
            yield (span.start_char, span.end_char,
                   *(default if v is None else v for v, default in zip(values, defaults.values())))


def extract_words(doc: Doc) -> ArticleWords:
    """The article's words the detectors compare (``ct_words``'s rows; read from the text by the
    same rules when the pipeline had no ``ct_words``)."""
    found = rows_of(doc)
    words = found.get(CONTENT_WORDS) if found is not None else None
    capitalised = found.get(CAPITALISED) if found is not None else None
    counts = found.get(STORY_WORDS) if found is not None else None
    if words is None or capitalised is None or counts is None:
        return _words(content_words(doc), capitalised_words(doc), story_word_counts(doc_text(doc)))
    return _words(list(words[0]) if words else [], capitalised, dict(counts))


def extract_stream(doc: Doc) -> WordStream:
    """Every word and clause of the article (``ct_stream``'s row; read from the Doc by the same
    rules when the pipeline had no ``ct_stream``)."""
    found = rows_of(doc)
    row = found.get(STREAM) if found is not None else None
    if not row:
        return WordStream(*word_stream(doc), *clauses(doc, sentence_starts(doc)))
    return WordStream(*row[0])


def stream_of_text(text: str, sentences: list[int]) -> WordStream:
    """``WordStream`` of a text no pipeline has read, its sentences starting at ``sentences``,
    by ``ct_stream``'s rules."""
    doc = tokenized(text)
    return WordStream(*word_stream(doc), *clauses(doc, sentences))


def words_of_text(text: str) -> ArticleWords:
    """``ArticleWords`` of a text no pipeline has read, by ``ct_words``'s rules."""
    return extract_words(tokenized(text))


def _words(words: list[str], capitalised: list[tuple[int, int, str]], counts: dict[str, int]) -> ArticleWords:
    where: dict[str, list[int]] = {}
    for start, _end, word in capitalised:
        where.setdefault(word, []).append(start)
    return ArticleWords(words, where, counts)


def _none(key: str) -> None:
    return None


def _rows_of(group, kind: str):
    """The rows of a span group that came without them, read through ``span._``."""
    default_label = _DEFAULT_LABELS[kind]
    for span in group:
        start, end = span.start_char, span.end_char
        label = span.label_ or default_label
        if kind == "number":
            fields = (span._.value, span._.counts, span._.qualifier)
        elif kind == "date":
            fields = (span._.value, span._.granularity)
        else:
            fields = (_speaker_name(span._.speaker), None, span._.attributed_by)
        yield (start, end, label, *fields)


def _cue_rows_of(spans) -> list[tuple]:
    """The cue rows of names whose cues were set through ``span._`` (a Doc without rows)."""
    found = []
    for span in spans:
        x = span._
        cue = (x.honorific, x.nationality, bool(x.nationality_noun), x.defined_acronym, x.capital_use)
        roles = role_cues(span.doc.text, span.start_char, span.end_char, x.role) if span.label_ == "PERSON" else NO_ROLE_CUES
        if any(cue) or roles is not NO_ROLE_CUES:
            found.append((span.start_char, span.end_char, span.label_, *cue, *roles))
    return found


def _speaker_name(speaker: object) -> str | None:
    if isinstance(speaker, Span):
        return speaker._.canonical or speaker.text
    if isinstance(speaker, str):  # tolerate a component that stores the name
        return speaker
    return None
