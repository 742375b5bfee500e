"""ct_speech: words reported as someone's without quotation marks, and where the name of who said them is."""

from __future__ import annotations

import pytest

from annotate.compare.detectors.speech import find_statements
from annotate.compare.linking import assign_links, cluster_entities
from annotate.model import Article
from annotate.nlp.extract import extract_mentions, extract_reported
from annotate.nlp.pipeline import build_pipeline


def read(text: str, aid: str = "a"):
    """What the pipeline reads in one article: its mentions and reported speech."""
    article = Article(aid, f"{aid}.txt", aid, text)
    doc = build_pipeline(None)(text)
    return article, extract_mentions(doc, article), extract_reported(doc, article)


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        ("Anna Petrova said the ministry approached the firm in May.",
         "the ministry approached the firm in May", "Anna Petrova"),
        ("Anna Petrova has also said on Thursday that the ministry approached the firm.",
         "the ministry approached the firm", "Anna Petrova"),
        ("According to Anna Petrova, the ministry approached the firm in May.",
         "the ministry approached the firm in May", "Anna Petrova"),
        ("The ministry approached the firm in May, Anna Petrova said.",
         "The ministry approached the firm in May", "Anna Petrova"),
        ("The mill will move to Kobe after it closes, said Mayor Hana Sato.",
         "The mill will move to Kobe after it closes", "Hana Sato"),
    ],
)
def test_reported_speech_is_found_with_the_mention_of_its_speaker(text, said, speaker):
    article, mentions, reported = read(text)
    (r,) = reported
    assert r.text == said == text[r.start:r.end]
    (who,) = [m for m in mentions if (m.start, m.end) == (r.speaker_start, r.speaker_end)]
    assert who.text == speaker and who.label == "PERSON"


def test_quoted_words_and_other_clauses_are_not_reported_speech():
    for text in ("Anna Petrova said “the ministry approached the firm in May”.",
                 "The ministry approached the firm, and Anna Petrova said.",
                 "Anna Petrova visited the ministry in May with the firm."):
        assert read(text)[2] == []


def test_statements_name_the_linked_speaker_and_only_a_linked_person():
    article, mentions, reported = read("Anna Petrova said the ministry approached the firm in May.")
    assert find_statements([article], mentions, reported) == []  # not linked yet: nobody to name
    assign_links(mentions, cluster_entities([article], mentions))
    (s,) = find_statements([article], mentions, reported)
    speaker = next(m for m in mentions if (m.start, m.end) == (reported[0].speaker_start, reported[0].speaker_end))
    assert (s.speaker, s.text, s.quoted) == (speaker.entity, "the ministry approached the firm in May", False)
    # A mention the reader removed says nothing any more.
    assert find_statements([article], [m for m in mentions if m is not speaker], reported) == []


def test_the_engine_compares_a_quote_with_the_speech_another_outlet_reports():
    from annotate.engine import analyse

    a = Article("a", "a.txt", "a", "Mayor Hana Sato said the mill “will close in March and move to Osaka”.", source="A")
    b = Article("b", "b.txt", "b", "The mill will move to Kobe after it closes, said Mayor Hana Sato.", source="B")
    analysis = analyse([a, b], stories="one")
    (r,) = analysis.reported
    assert (r.article, r.text) == ("b", "The mill will move to Kobe after it closes")
    (reported,) = [s for s in analysis.statements if not s.quoted]
    (quoted,) = [s for s in analysis.statements if s.quoted]
    assert reported.speaker == quoted.speaker  # one person, linked across the two outlets
    (d,) = [d for d in analysis.discrepancies if d.kind == "quote"]
    assert d.values["b"].text == "The mill will move to Kobe after it closes"


def test_a_speaker_only_the_corpus_shows_to_be_a_name_has_a_statement():
    """"King said ..." in an article that never writes "Tomas King": the pipeline, reading that
    article alone, finds no person there; the corpus's names are found after it
    (``annotate.nlp.corpus_names``), and the words are King's once he is linked."""
    from annotate.engine import analyse

    a = Article("a", "a.txt", "a", "Coach Tomas King left the club on Monday after six seasons.", source="A")
    b = Article("b", "b.txt", "b", "The club confirmed the move. King said the players had been told before the game.",
                source="B")
    alone = read(b.text, "b")[1]
    assert not [m for m in alone if m.kind == "entity" and m.text == "King"]  # not a name in its own article
    analysis = analyse([a, b], stories="one")
    (king,) = [m for m in analysis.mentions if m.article == "b" and m.text == "King"]
    (s,) = [s for s in analysis.statements if not s.quoted]
    assert (s.article, s.speaker, s.text) == ("b", king.entity, "the players had been told before the game")
    assert king.entity == next(m.entity for m in analysis.mentions if m.text == "Tomas King")
    # A lone capitalised word that is no one's name says nothing.
    c = Article("c", "c.txt", "c", "Officials said the players had been told before the game.", source="C")
    assert not [s for s in analyse([a, c], stories="one").statements if s.article == "c"]


def test_a_lone_capitalised_word_may_be_a_speaker_but_no_date_and_no_word_of_a_longer_name():
    """The pipeline keeps where a lone word's speech is, for the corpus to say whether it is a name;
    a date's words ("on Sunday said") and one word of several capitalised ones are not."""
    text = "The club confirmed the move. King said the players had been told before the game."
    (r,) = read(text)[2]
    assert (text[r.speaker_start:r.speaker_end], r.text) == ("King", "the players had been told before the game")
    assert read("A poll published on Sunday said the players had been told before the game.")[2] == []
    assert read("The club confirmed it. Club King said the players had been told before the game.")[2] == []


def _could_say_plainly(toks, start, end):
    """``_placed``'s test of one name, word by word: on token boundaries, a reporting verb after
    it past spaces, commas and leads, or a verb or "to" among the six words (not spaces) before it."""
    from bisect import bisect_left

    from annotate.nlp.language import REPORTING_VERBS, SPEECH_VERB_LEADS

    words, space, starts, n = toks.words, toks.space, toks.starts, len(toks.words)
    first, after = bisect_left(starts, start), bisect_left(starts, end)
    if first == n or starts[first] != start or (after and toks.end_char(after - 1) > end):
        return None
    i = after
    while i < n and (space[i] or words[i] == "," or words[i] in SPEECH_VERB_LEADS):
        i += 1
    if i < n and words[i] in REPORTING_VERBS:
        return first, after
    k, seen = first - 1, 0
    while k >= 0 and seen < 6:
        if not space[k]:
            seen += 1
            if words[k] in REPORTING_VERBS or words[k].lower() == "to":
                return first, after
        k -= 1
    return None


def test_names_placed_for_speech_are_those_word_by_word_reading_places():
    from annotate.nlp.components.speech import _placed
    from annotate.nlp.components.tokens import tokens

    text = ("Anna Petrova has also said that the plan failed.  According to\n\nSato, it  did. "
            "The mill, the regional  mayor and the old\n board member Hana Sato said, will move TO Kobe, "
            "said the Foreign Minister of the\n\n island state Ito. Ito went home.")
    doc = build_pipeline(None).make_doc(text)
    toks = tokens(doc)
    # Every span of one to three tokens, and some not on token boundaries.
    speakers = [(toks.starts[i], toks.end_char(j), "PERSON") for i in range(len(doc)) for j in range(i, min(i + 3, len(doc)))]
    speakers += [(s + 1, e, "PERSON") for s, e, _ in speakers[::7]] + [(s, e - 1, "PERSON") for s, e, _ in speakers[::5]]
    expected = [(sp, *where) for sp in speakers if (where := _could_say_plainly(toks, sp[0], sp[1])) is not None]
    assert expected and len(expected) < len(speakers)
    assert _placed(toks, speakers) == expected
