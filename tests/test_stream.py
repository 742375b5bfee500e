"""ct_stream: every word and clause of an article, read once by the pipeline, and the detectors
reading them there instead of splitting the text."""

from __future__ import annotations


from annotate.compare.detectors.story import Story
from annotate.compare.discrepancies import detect
from annotate.compare.linking import link_entities
from annotate.model import Article, WordStream
from annotate.nlp.extract import extract_denials, extract_mentions, extract_negations, extract_stream
from annotate.nlp.pipeline import build_pipeline
from annotate.nlp.components.sentences import sentence_starts


def read(*texts: str):
    """Two or more articles as the engine reads them: articles, mentions, sentence starts,
    negations, denials and word streams."""
    articles = [Article(chr(97 + i), f"{chr(97 + i)}.txt", chr(97 + i), text) for i, text in enumerate(texts)]
    docs = {a.id: build_pipeline(None)(a.text) for a in articles}
    mentions = [m for a in articles for m in extract_mentions(docs[a.id], a)]
    sentences = {a.id: sentence_starts(docs[a.id]) for a in articles}
    negations = [n for a in articles for n in extract_negations(docs[a.id], a)]
    denials = [d for a in articles for d in extract_denials(docs[a.id], a)]
    streams = {a.id: extract_stream(docs[a.id]) for a in articles}
    return articles, mentions, sentences, negations, denials, streams


def test_the_stream_holds_every_word_as_written_and_each_clause():
    text = "The Kremlin's well-known envoy, who met 300 U.S. troops (twice), didn't leave. He - alone - stayed."
    doc = build_pipeline(None)(text)
    stream = extract_stream(doc)
    assert stream.words == ["The", "Kremlin's", "well-known", "envoy", "who", "met", "300", "U", "S", "troops",
                            "twice", "didn't", "leave", "He", "alone", "stayed"]
    assert [text[at : at + len(w)] for at, w in zip(stream.starts, stream.words)] == stream.words
    clauses = [text[s:e] for s, e in zip(stream.clause_starts, stream.clause_ends)]
    assert clauses == ["The Kremlin's well-known envoy", "who met 300 U.S. troops", "twice", "", "didn't leave",
                       "He", "alone", "stayed"]


def _claims(read_articles, streams):
    articles, mentions, sentences, negations, denials, _ = read_articles
    found, _ = detect(articles, mentions, link_entities(articles, mentions), sentences=sentences,
                      negations=negations, denials=denials, streams=streams)
    return [d for d in found if d.kind == "claim"]


def test_the_claim_detectors_read_the_pipelines_words_not_the_text():
    corpus = read(
        "Officials said the Vantor Foundation was not involved. The regulator did not approve the merger of "
        "Veltra Group with Nordbank.",
        "The club sought assistance from the Vantor Foundation itself. The regulator approved the merger of "
        "Veltra Group with Nordbank on Monday.",
    )
    streams = corpus[5]
    denied, negated = sorted(_claims(corpus, streams), key=lambda d: d.subject)
    assert "was not involved" in denied.values["a"].text
    assert denied.values["b"].text == "The club sought assistance from the Vantor Foundation itself"
    assert "did not approve" in negated.values["a"].text and "approved the merger" in negated.values["b"].text
    # Given no words for the second article, no affirmation is read in its text.
    assert _claims(corpus, {**streams, "b": WordStream()}) == []


def test_a_figures_sentence_words_are_the_streams():
    (a,), mentions, sentences, _, _, streams = read("Rescuers handed out 300 blankets in Lidice.")
    story = Story([a], mentions, [], sentence_starts=sentences, streams=streams)
    assert story.sentence_words("a", 0) == {"rescuer", "hand", "blanket", "lidice"}
    empty = Story([a], mentions, [], sentence_starts=sentences, streams={"a": WordStream()})
    assert empty.sentence_words("a", 0) == frozenset()


def test_the_report_leaves_the_streams_out_and_the_cache_keeps_them(tmp_path):
    from annotate.cache import EngineCache
    from annotate.engine import analyse
    from annotate.schema import report_data
    from annotate.workers import annotate_serially

    (a, b), *_ = read("The ministry was not involved.", "The ministry helped.")
    analysis = analyse([a, b])
    assert analysis.streams["b"].words == ["The", "ministry", "helped"]
    assert "streams" not in report_data(analysis)
    cache = EngineCache(root=tmp_path)
    (reading,) = annotate_serially([a], None)
    cache.store_mentions(a, reading)
    assert cache.load_mentions(a).stream == reading.stream
