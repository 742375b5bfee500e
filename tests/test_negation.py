"""ct_negation: the acts an article's own words negate, read once by the pipeline, and the
detectors comparing those records instead of the text."""

from __future__ import annotations

import pytest

from annotate.compare.discrepancies import detect
from annotate.compare.linking import link_entities
from annotate.model import Article
from annotate.nlp.extract import extract_denials, extract_mentions, extract_negations
from annotate.nlp.negation import negations_in
from annotate.nlp.pipeline import build_pipeline
from annotate.nlp.components.sentences import sentence_starts


def read(text: str, aid: str = "a"):
    """What the pipeline reads in one article: its mentions, sentence starts and negations."""
    article = Article(aid, f"{aid}.txt", aid, text)
    doc = build_pipeline(None)(text)
    return article, extract_mentions(doc, article), sentence_starts(doc), extract_negations(doc, article)


@pytest.mark.parametrize(
    ("text", "predicate", "names"),
    [
        ("The ministry did not approve the deal with Veltra Group.", "approv", ("veltra",)),
        ("Halden Energy denied that it had hired replacement crews from Norvik.", "hir", ("norvik",)),
        ("The minister is unlikely to meet Queen Elizabeth during the visit.", "meet", ("elizabeth", "queen")),
        ("The filing doesn't name Okafor as a defendant in the case.", "nam", ("okafor",)),
    ],
)
def test_a_negated_act_is_found_with_its_predicate_and_the_names_after_it(text, predicate, names):
    article, _, _, negations = read(text)
    (n,) = negations
    assert (n.article, n.predicate, n.names) == ("a", predicate, names)
    assert set(names) <= set(n.context)
    assert text[n.start:n.end].split()[-1].rstrip(".") == text.split()[-1].rstrip(".")  # ten words on, or the end


@pytest.mark.parametrize(
    "text",
    [
        "The ministry approved the deal with Veltra Group.",  # affirmed
        "The ministry did not approve it.",  # nothing named it is said of
        "“The ministry did not approve the deal with Veltra Group,” Petrova said.",  # someone's words
        "The ministry would not have approved the deal with Veltra Group.",  # what did not happen
        "The ministry did not respond to questions from Veltra Group reporters.",  # reporters' boilerplate
        "The winner wasn't Sam Mitchell of the Veltra Group team.",  # who, not an act
    ],
)
def test_affirmed_quoted_hedged_and_boilerplate_clauses_are_no_negation(text):
    assert read(text)[3] == []


def test_a_repeated_sentence_negates_once_and_the_rules_without_spacy_agree():
    line = "The ministry did not approve the deal with Veltra Group."
    text = f"{line} It met in May.\n\n{line}"
    article, mentions, starts, negations = read(text)
    assert [n.start for n in negations] == [text.index("ministry")]
    quotes = [(m.start, m.end) for m in mentions if m.kind == "quote"]
    assert negations_in("a", text, starts, quotes) == negations


def _claims(articles, mentions, negations=None):
    found, _ = detect(articles, mentions, link_entities(articles, mentions), negations=negations)
    return [d for d in found if d.kind == "claim"]


def test_the_detector_compares_the_pipelines_negations_not_the_text():
    a = Article("a", "a.txt", "a", "The regulator did not approve the merger of Veltra Group with Nordbank.")
    b = Article("b", "b.txt", "b", "The regulator approved the merger of Veltra Group with Nordbank on Monday.")
    read_a, read_b = read(a.text, "a"), read(b.text, "b")
    mentions = read_a[1] + read_b[1]
    (d,) = _claims([a, b], mentions, read_a[3] + read_b[3])
    assert "did not approve" in d.values["a"].text and "approved the merger" in d.values["b"].text
    assert [e.article for e in d.evidence] == ["a", "b"]
    # Given no negations, the detectors find none in the words themselves.
    assert _claims([a, b], mentions, []) == []


@pytest.mark.parametrize(
    ("text", "subject", "phrase", "predicate", "clause"),
    [
        ("Officials said the Vantor Foundation was not involved.", "Vantor Foundation", "", "involv",
         "Officials said the Vantor Foundation was not involved"),
        ("Norvale, the operator, has not conceded defeat in the vote.", "Norvale", "", "conced",
         "Norvale, the operator, has not conceded defeat in the vote"),
        ("In the storm, the regional airport was not damaged at all.", "regional airport", "regional airport",
         "damag", "the regional airport was not damaged at all"),
    ],
)
def test_a_denial_is_found_after_what_it_is_said_of(text, subject, phrase, predicate, clause):
    article = Article("a", "a.txt", "a", text)
    doc = build_pipeline(None)(text)
    end = text.index(subject) + len(subject)
    (d,) = [d for d in extract_denials(doc, article) if end in d.subject_ends and d.phrase == phrase]
    assert (d.phrase, d.predicate) == (phrase, predicate)
    start = max(c for c in d.clause_starts if c <= text.index(subject))  # as the detector takes it
    assert text[start:d.clause_end] == clause
    assert " ".join(w for at, w in d.words if at >= start) == " ".join(clause.replace(",", "").split())


def test_a_quoted_or_affirmed_statement_is_no_denial():
    for text in ("Officials said the Vantor Foundation was involved.",
                 "“The Vantor Foundation was not involved,” officials said."):
        doc = build_pipeline(None)(text)
        assert extract_denials(doc, Article("a", "a.txt", "a", text)) == []


def test_the_claim_detector_compares_the_pipelines_denials_not_the_text():
    a = Article("a", "a.txt", "a", "Officials said the Vantor Foundation was not involved.")
    b = Article("b", "b.txt", "b", "The club sought funding from the Vantor Foundation itself.")
    docs = {x.id: build_pipeline(None)(x.text) for x in (a, b)}
    mentions = [m for x in (a, b) for m in extract_mentions(docs[x.id], x)]
    denials = [d for x in (a, b) for d in extract_denials(docs[x.id], x)]
    entities = link_entities([a, b], mentions)
    found, _ = detect([a, b], mentions, entities, denials=denials, negations=[])
    (d,) = [f for f in found if f.kind == "claim"]
    assert "was not involved" in d.values["a"].text and "funding from the Vantor Foundation" in d.values["b"].text
    found, _ = detect([a, b], mentions, entities, denials=[], negations=[])
    assert [f for f in found if f.kind == "claim"] == []  # given none, none is read in the words


def test_the_word_stream_and_the_text_give_the_same_negations_and_denials():
    # The pipeline reads the words of ``ct_stream``; a story built without the engine reads the
    # text. A sentence that starts inside a word is read from the text either way.
    from annotate.nlp.language import WORD_OR_FIGURE
    from annotate.nlp.negation import denials_in, negations

    text = ("The ministry did not approve the deal with Veltra Group. Halden Energy, the operator, has not "
            "conceded defeat to Norvik Holdings in May. “Petrova didn’t hire crews from Veltra Group,” "
            "a DENIED claim said.The regional airport was not damaged by Norvik Holdings crews.")
    found = list(WORD_OR_FIGURE.finditer(text))
    stream = ([m.group() for m in found], [m.start() for m in found])
    quotes = [(text.index("“") + 1, text.index("”"))]
    starts = [0, text.index("Halden"), text.index("“"), text.index("The regional")]
    inside_a_word = [*starts[:3], text.index("gional")]
    for at in (starts, inside_a_word):
        assert negations(text, at, quotes, stream) == negations(text, at, quotes)
        assert denials_in("a", text, at, quotes, stream) == denials_in("a", text, at, quotes)
    assert negations(text, starts, quotes, stream) and denials_in("a", text, starts, quotes, stream)
