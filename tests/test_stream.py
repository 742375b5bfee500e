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


def test_the_word_bits_answer_as_the_patterns_they_stand_for():
    """Each word's properties are read by one call (``word_flags``); for every character as a
    word, and for words of the kinds articles hold, the bits are what the plain tests say."""
    import re
    import sys

    from spacy.lang.lex_attrs import is_punct

    from annotate.nlp.components import stream, tokens, words
    from annotate.nlp.language import CLAUSE_BREAK_CHARS, WORD_OR_FIGURE, content_stem

    in_word, in_figure = re.compile(r"[\w'’-]"), re.compile(r"[\d,.]")
    plain = {
        tokens.PUNCT: is_punct, tokens.SPACE: str.isspace, tokens.LOWER: str.islower,
        tokens.LONG_ALPHA: lambda w: len(w) >= 4 and w.isalpha(),
        tokens.FINAL: lambda w: bool(w) and set(w) <= {".", "!", "?", "…"},
        tokens.LINE_BREAK: lambda w: "\n" in w and w.isspace(),
        stream._WHOLE: lambda w: WORD_OR_FIGURE.fullmatch(w) is not None,
        stream._NO_WORD: lambda w: WORD_OR_FIGURE.search(w) is None,
        stream._ENDS_IN_WORD: lambda w: in_word.fullmatch(w[-1:]) is not None,
        stream._ENDS_IN_FIGURE: lambda w: in_figure.fullmatch(w[-1:]) is not None,
        stream._STARTS_IN_WORD: lambda w: in_word.fullmatch(w[:1]) is not None,
        stream._STARTS_IN_FIGURE: lambda w: in_figure.fullmatch(w[:1]) is not None,
        stream._BREAK: lambda w: any(c in CLAUSE_BREAK_CHARS for c in w),
        stream._HYPHEN: lambda w: w == "-",
        words._CAPITALISED: lambda w: re.fullmatch(r"[A-Z][a-z]{4,}", w) is not None,
        words._CONTENT: lambda w: content_stem(w) is not None,
    }  # fmt: skip
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    # (A word's edges are read character by character: every character is checked.)
    assert [stream._goes_on(c) for c in every] == [
        (in_word.fullmatch(c) is not None) | (in_figure.fullmatch(c) is not None) << 1 for c in every
    ]
    samples = every[:0x3100]
    samples += ["Kremlin", "Kremlin's", "U.S.", "1,000", "3.5", "-", "--", "(", "),", "\n\n", " \n", "said", "Mr.",
                "well-known", "Müller", "ﬁve", "²", "٣", "’s", "...", "?!", "…", "", "Peruvian", "the"]  # fmt: skip
    bits = [(tokens._shape, 0), (stream._stream_bits, stream._WHOLE.bit_length() - 1),
            (words._word_bits, words._CAPITALISED.bit_length() - 1)]  # fmt: skip
    for word in samples:
        mask = 0
        for test, shift in bits:
            mask |= test(word) << shift
        for flag, test in plain.items():
            assert bool(mask & flag) == bool(test(word)), (word, flag)


# -- the word bits of a token, with a short cut for words of letters only ----------------------------

import sys  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotate.nlp.components.stream import _plain_stream_bits, _stream_bits  # noqa: E402


def test_every_character_has_the_bits_of_the_plain_definition():
    chars = map(chr, range(sys.maxunicode + 1))
    assert [c for c in chars if _stream_bits(c) != _plain_stream_bits(c)] == []


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(categories=["L", "N", "M"]), max_size=12) | st.text(max_size=12))
def test_every_word_has_the_bits_of_the_plain_definition(word):
    assert _stream_bits(word) == _plain_stream_bits(word)
