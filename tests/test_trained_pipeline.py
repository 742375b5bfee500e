"""``--model``: a trained pipeline's NER runs together with the rules.

The test trains a tiny NER on ``spacy.blank("en")`` itself, saves it to a
temporary folder and loads it by path, so nothing is downloaded.
"""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from annotate.nlp.pipeline import ModelNotFoundError, build_pipeline, pipeline_name

# Made-up names the rules alone cannot know: one-word organisations.
TRAIN = [
    ("Zorblat announced record profits on Monday.", [(0, 7, "ORG")]),
    ("Shares in Zorblat rose sharply.", [(10, 17, "ORG")]),
    ("Analysts expect Quintrex to cut jobs.", [(16, 24, "ORG")]),
    ("Quintrex and Zorblat signed a deal.", [(0, 8, "ORG"), (13, 20, "ORG")]),
    ("Defence Minister Sadia Koroma visited Zorblat.", [(17, 29, "PERSON"), (38, 45, "ORG")]),
    ("Sadia Koroma praised Quintrex workers.", [(0, 12, "PERSON"), (21, 29, "ORG")]),
]


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for _, spans in TRAIN:
        for _, _, label in spans:
            ner.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(text), {"entities": spans}) for text, spans in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(40):
        rng.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.meta["name"] = "tiny_news"
    nlp.meta["version"] = "0.0.1"
    path = tmp_path_factory.mktemp("models") / "tiny_news"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def trained(model_path):
    return build_pipeline(str(model_path))


def _only_mine(nlp) -> list[str]:
    return [n for n in nlp.pipe_names if n not in ("ner", "ct_sentences", "ct_entities")]


def test_trained_pipeline_keeps_its_ner_and_adds_the_rules(trained):
    names = trained.pipe_names
    assert "ner" in names and "ct_entities" in names
    assert names[0] == "ct_sentences"
    assert names.index("ner") < names.index("ct_entities")


def test_pipeline_name_names_the_trained_model(trained):
    assert pipeline_name(trained) == "en_tiny_news-0.0.1+rules"


def test_ner_finds_what_the_rules_cannot(trained):
    text = "Analysts expect Zorblat to cut jobs in Nairobi."
    found = {e.text: e.label_ for e in trained(text, disable=_only_mine(trained)).ents}
    assert found.get("Zorblat") == "ORG"  # from the trained NER
    assert found.get("Nairobi") == "GPE"  # from the rules' gazetteer
    rules_only = build_pipeline(None)
    assert "Zorblat" not in {e.text for e in rules_only(text, disable=_only_mine(rules_only)).ents}


def test_roles_are_still_split_from_ner_people(trained):
    doc = trained("Defence Minister Sadia Koroma visited Quintrex.", disable=_only_mine(trained))
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [p.text for p in people] == ["Sadia Koroma"]
    assert people[0]._.role == "Defence Minister"


def test_missing_model_path_is_a_clear_error(tmp_path):
    with pytest.raises(ModelNotFoundError, match="not installed"):
        build_pipeline(str(tmp_path / "no-such-model"))


# A stand-in for a trained recogniser whose guesses are known in advance: the names below,
# wherever they occur, with these labels (spaCy loads it by its registered name).
_FIXED_GUESSES = {"Georgia": "PERSON", "Atlas": "ORG"}


@spacy.Language.component("fixed_guesses_ner")
def _fixed_guesses_ner(doc):
    import re

    spans = [
        doc.char_span(m.start(), m.end(), label=label)
        for name, label in _FIXED_GUESSES.items()
        for m in re.finditer(rf"\b{name}\b", doc.text)
    ]
    doc.ents = sorted((s for s in spans if s is not None), key=lambda s: s.start)
    return doc


def test_the_trained_recogniser_wins_where_it_overlaps_a_rule_guess(tmp_path):
    """The README's promise: with --model, a trained entity beats the rules' guess on the same
    words (the rules read "Georgia" as the country and "Atlas Group" as one organisation)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("fixed_guesses_ner", name="ner")
    nlp.meta["name"], nlp.meta["version"] = "fixed_guesses", "1.0.0"
    nlp.to_disk(tmp_path / "fixed")
    text = "Georgia said the workers of Atlas Group met in Nairobi."
    rules_only = build_pipeline(None)
    ruled = {e.text: e.label_ for e in rules_only(text).ents}
    assert ruled.get("Georgia") == "GPE" and ruled.get("Atlas Group") == "ORG"
    found = {e.text: e.label_ for e in build_pipeline(str(tmp_path / "fixed"))(text).ents}
    assert found.get("Georgia") == "PERSON"
    assert found.get("Atlas") == "ORG" and "Atlas Group" not in found
    assert found.get("Nairobi") == "GPE"  # where the recogniser says nothing, the rules still do
