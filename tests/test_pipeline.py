"""build_pipeline / pipeline_name, and ct_sentences boundaries."""

from __future__ import annotations

import pytest

from annotate.nlp.pipeline import ModelNotFoundError, build_pipeline, pipeline_name


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(None)


def sentences(nlp, text: str) -> list[str]:
    only_sentences = [n for n in nlp.pipe_names if n != "ct_sentences"]
    return [s.text.strip() for s in nlp(text, disable=only_sentences).sents]


def test_blank_pipeline_has_the_rule_components_in_order(nlp):
    names = nlp.pipe_names
    assert names[:2] == ["ct_sentences", "ct_entities"]
    # the finders of numbers/dates/quotes come after the entities (quotes need speakers)
    assert all(names.index(n) > names.index("ct_entities") for n in names if n in {"ct_numbers", "ct_dates", "ct_quotes"})


def test_pipeline_is_cached_per_model_name(nlp):
    assert build_pipeline(None) is nlp


def test_pipeline_name_for_the_blank_pipeline(nlp):
    assert pipeline_name(nlp) == "blank:en+rules"


def test_unknown_model_gives_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="not installed"):
        build_pipeline("xx_no_such_pipeline_sm")


def test_paragraph_break_ends_a_sentence_without_a_period(nlp):
    text = "Floods Hit the Coast\n\nHeavy rain fell on Monday. Rivers rose fast."
    assert sentences(nlp, text) == ["Floods Hit the Coast", "Heavy rain fell on Monday.", "Rivers rose fast."]


def test_glued_sentences_are_split(nlp):
    assert sentences(nlp, "They asked for security.Aid arrived on June 30.The roads stayed shut.") == [
        "They asked for security.",
        "Aid arrived on June 30.",
        "The roads stayed shut.",
    ]


def test_glued_period_after_a_number_becomes_its_own_token(nlp):
    assert [t.text for t in nlp.make_doc("on June 30.The")] == ["on", "June", "30", ".", "The"]


def test_final_period_after_a_camel_case_name_is_split_off(nlp):
    assert [t.text for t in nlp.make_doc("Musk owns SpaceX.")] == ["Musk", "owns", "SpaceX", "."]
    assert [t.text for t in nlp.make_doc("the U.S. envoy")] == ["the", "U.S.", "envoy"]


def test_titles_and_abbreviations_do_not_end_sentences(nlp):
    text = "Col. Amadou Diallo met U.S. officials and Gen. Ruiz in Lagos. Talks went on."
    assert sentences(nlp, text) == ["Col. Amadou Diallo met U.S. officials and Gen. Ruiz in Lagos.", "Talks went on."]


def test_an_abbreviation_ends_a_sentence_before_a_function_word(nlp):
    # "the U.S. It is not" was one sentence, and "U.S. It" one PERSON
    text = "It looks like a victory for the U.S. It is not, yet. The U.S. Army and Comeaux Jr. On The Lam met."
    assert sentences(nlp, text) == [
        "It looks like a victory for the U.S.",
        "It is not, yet.",
        "The U.S. Army and Comeaux Jr. On The Lam met.",  # a name, and Title Case, go on
    ]
    assert "U.S. It" not in {e.text for e in nlp(text).ents}


def test_closing_quote_stays_with_its_sentence(nlp):
    text = "“We will stay,” she said. “The work is not done.” Officials agreed."
    assert sentences(nlp, text) == ["“We will stay,” she said.", "“The work is not done.”", "Officials agreed."]


def test_straight_quotes_open_and_close_correctly(nlp):
    text = 'He left. "It is over." Then silence.'
    assert sentences(nlp, text) == ["He left.", '"It is over."', "Then silence."]


def test_single_line_breaks_end_short_lines_but_not_wrapped_ones(nlp):
    wrapped = (
        "The minister said the government would review the contract with the\n"
        "company before the end of the year.\n"
        "Caption without a period\n"
        "Next line."
    )
    assert sentences(nlp, wrapped) == [
        "The minister said the government would review the contract with the\n"
        "company before the end of the year.",
        "Caption without a period",
        "Next line.",
    ]


def test_a_headline_above_one_line_paragraphs_is_a_sentence_of_its_own(nlp):
    """A web page's headline is as long as a wrapped line and has no stop, but its article is
    not wrapped (each paragraph one long line): the line break ends it."""
    headline = "Floods hit the river town of Valdora as the regional government meets"
    first = ("Interior Minister Ana Ferreyra said on Monday that the army would rebuild the bridge "
             "before the winter and that every family would be home.")
    assert sentences(nlp, f"{headline}\n{first}\nSchools reopen next week.") == [headline, first, "Schools reopen next week."]


def test_every_abbreviation_of_the_language_data_keeps_its_sentence(nlp):
    from annotate.nlp.language import ABBREVIATIONS

    for abbreviation in sorted(ABBREVIATIONS):
        text = f"They saw {abbreviation}. 5 Smith and Sons. It was late."
        assert len(sentences(nlp, text)) == 2, abbreviation


def test_lowercase_after_a_period_does_not_start_a_sentence(nlp):
    assert len(sentences(nlp, "It cost approx. five dollars.")) == 1


def test_empty_and_whitespace_text(nlp):
    assert list(nlp("", disable=[n for n in nlp.pipe_names if n != "ct_entities"]).ents) == []
    assert sentences(nlp, "   \n\n  ") in ([], [""])


# -- the shared token columns (annotate.nlp.components.tokens) ---------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from annotate.nlp.components.tokens import span_from_chars, tokens  # noqa: E402

_PIECES = ["The", "minister", "said", "4,000", "U.S.", "“", "”", "'s", ",", ".", "\n", "\n\n", "  ", "-", "Oslo", "é"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join) | st.text(max_size=60), st.data())
def test_spans_from_character_offsets_match_spacys_char_span(nlp, text, data):
    doc = nlp.make_doc(text)
    toks = tokens(doc)
    assert toks.words == [t.text for t in doc]
    assert toks.punct == [t.is_punct for t in doc] and toks.space == [t.is_space for t in doc]
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    for mode in ("expand", "contract"):
        ours = span_from_chars(doc, toks, start, end, "X", expand=mode == "expand")
        theirs = doc.char_span(start, end, label="X", alignment_mode=mode)
        assert _bounds(ours) == _bounds(theirs), mode


def _bounds(span) -> tuple[int, int] | None:
    return (span.start, span.end) if span is not None and len(span) else None


def _plain_mask(word: str) -> int:
    """A word's mask by the definition: the bits of the registered tests it passes."""
    from annotate.nlp.components import tokens as columns

    mask = 0
    for flag, test in columns._TESTS:
        if test(word):
            mask |= flag
    for shift, test in columns._BIT_TESTS:
        mask |= test(word) << shift
    return mask


_LONG_RUN = "x" * 30 + "(((" + "y" * 5  # (a run ``make_doc`` splits itself, glued to spaces)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*_PIECES, _LONG_RUN]), max_size=30).map(" ".join) | st.text(max_size=60),
                min_size=1, max_size=6))
def test_token_columns_are_each_tokens_attributes(nlp, texts):
    """The columns are read in bulk (the words looked up by id in sorted columns, the whitespace
    worked out from the offsets, several Docs at once or one alone): the same as reading each
    Token, whatever words came before."""
    from annotate.nlp.bounded_doc import make_doc
    from annotate.nlp.components.tokens import read_tokens

    docs = [make_doc(nlp, text) for text in texts]
    read_tokens(docs[: (len(docs) + 1) // 2])  # (the others are read alone, on first use)
    for doc in docs:
        toks = tokens(doc)
        assert toks.words == [t.text for t in doc]
        assert toks.starts == [t.idx for t in doc]
        assert toks.ws == [len(t.whitespace_) for t in doc]
        assert toks.table.tolist() == [[t.orth, len(t.whitespace_), t.idx] for t in doc]
        assert toks.masks.tolist() == [_plain_mask(t.text) for t in doc]


@settings(max_examples=300, deadline=None)
@given(st.text("aZz9.\n ", max_size=12))
def test_the_added_tokenizer_patterns_match_as_their_plain_forms(text):
    """The two periods the tokenizer splits are written period first (cheaper to search): the same
    matches as the plain forms, a period after a digit / a camel-case name."""
    import re

    from annotate.nlp.pipeline import _CAMEL_CASE_PERIOD, _GLUED_PERIOD

    def spans(pattern, finder):
        return [m.span() for m in finder(re.compile(pattern), text)]

    every = lambda p, t: p.finditer(t)  # noqa: E731
    first = lambda p, t: [m for m in [p.search(t)] if m]  # noqa: E731
    assert spans(_GLUED_PERIOD, every) == spans(r"(?<=[0-9])\.(?=[A-Z][a-z])", every)
    assert spans(_CAMEL_CASE_PERIOD, first) == spans(r"(?<=[a-z][A-Z])\.$", first)


def test_every_character_has_the_shape_of_the_plain_definition():
    import sys

    from annotate.nlp.components.tokens import _plain_shape, _shape

    chars = map(chr, range(sys.maxunicode + 1))
    assert [c for c in chars if _shape(c) != _plain_shape(c)] == []


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(categories=["L", "N", "M"]), max_size=12) | st.text(max_size=12))
def test_every_word_has_the_shape_of_the_plain_definition(word):
    from annotate.nlp.components.tokens import _plain_shape, _shape

    assert _shape(word) == _plain_shape(word)


def test_a_title_abbreviation_before_a_name_that_is_a_function_word_ends_no_sentence(nlp):
    # "May" and "Will" are function words too: "Mrs. May said" was two sentences, and no name
    text = "Mrs. May said on Tuesday that Mr. Will agreed. Talks went on."
    assert sentences(nlp, text) == ["Mrs. May said on Tuesday that Mr. Will agreed.", "Talks went on."]
