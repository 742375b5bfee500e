"""extract_mentions: Doc -> Mention objects with exact offsets and stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotate.nlp.extract import extract_mentions
from annotate.model import Article
from annotate.nlp.pipeline import build_pipeline

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

TEXT = (
    "Interim Defence Minister Sadia Koroma said on Friday that the army had bought four drones.\n\n"
    "“The contract was signed quickly,” Koroma told reporters in Freetown.\n\n"
    "The ruling Unity Party welcomed the deal.Opposition leaders did not."
)


def _article(text: str, id: str = "a") -> Article:
    return Article(id=id, path=f"{id}.txt", title=id, text=text)


def _mentions(text: str, id: str = "a"):
    article = _article(text, id)
    return extract_mentions(build_pipeline(None)(text), article)


def test_every_mention_is_an_exact_slice_of_the_article():
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = _mentions(text, path.stem)
        assert mentions
        for m in mentions:
            assert text[m.start : m.end] == m.text, m
            assert m.article == path.stem


def test_ids_are_stable_and_follow_the_documented_form():
    first = _mentions(TEXT)
    second = _mentions(TEXT)
    assert [m.id for m in first] == [m.id for m in second]
    for m in first:
        assert m.id == f"a:{m.kind[0]}{m.start}-{m.end}"
    assert len({m.id for m in first}) == len(first)


def test_entity_mentions_carry_label_role_and_fullest_name():
    mentions = [m for m in _mentions(TEXT) if m.kind == "entity"]
    by_text = {m.text: m for m in mentions}
    full = by_text["Sadia Koroma"]
    assert full.label == "PERSON"
    assert full.role == "Interim Defence Minister"
    assert full.value == "Sadia Koroma"
    short = by_text["Koroma"]
    assert short.label == "PERSON"
    assert short.value == "Sadia Koroma"  # the surname resolves to the full name
    assert short.role is None
    assert by_text["Freetown"].label == "GPE"
    assert by_text["Unity Party"].label == "ORG"


def test_mentions_are_sorted_by_position():
    mentions = _mentions(TEXT)
    assert [(m.start, m.end) for m in mentions] == sorted((m.start, m.end) for m in mentions)


def test_quote_speaker_name_is_the_speakers_full_name_and_no_entity_before_linking():
    quotes = [m for m in _mentions(TEXT) if m.kind == "quote"]
    if not quotes:
        pytest.skip("quote finder not installed")
    (quote,) = quotes
    assert quote.value.startswith("The contract was signed quickly")
    assert quote.speaker_name == "Sadia Koroma"
    assert quote.speaker is None


def test_a_doc_made_from_other_text_is_refused():
    nlp = build_pipeline(None)
    with pytest.raises(ValueError):
        extract_mentions(nlp("Something else entirely."), _article(TEXT))


def test_rows_and_span_groups_give_the_same_mentions():
    # The components leave their spans as rows too (``rows(doc)``, which ``span._`` reads); a
    # Doc without them (another pipeline's, its values set through ``span._``) is read from
    # ``doc.ents`` and its span groups, with the same result.
    from annotate.nlp.components import ROWS_KEY, SPAN_KEYS, rows_of

    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = _article(text, path.stem)
        doc = build_pipeline(None)(text)
        found = rows_of(doc)
        assert found.get("numbers") and found.get("dates") and found.get("ents")
        from_rows = extract_mentions(doc, article)
        names = ("value", "counts", "qualifier", "granularity", "speaker", "attributed_by", "canonical", "role", "office",
                 "honorific", "nationality", "nationality_noun", "defined_acronym", "capital_use",
                 "unit", "thing", "event", "grew", "near", "listed", "listed_end")
        spans = [*doc.ents, *(span for key in SPAN_KEYS for span in doc.spans.get(key, []))]
        values = [(span, {name: getattr(span._, name) for name in names}) for span in spans]
        del doc.user_data[ROWS_KEY]
        for span, by_name in values:
            for name, value in by_name.items():
                setattr(span._, name, value)
        assert extract_mentions(doc, article) == from_rows
