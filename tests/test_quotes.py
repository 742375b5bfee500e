"""ct_quotes: the quoted words, and who said them.

Entities are set by hand here (names listed per test, roles read from the
text before the name), so these tests pin down the quote finder alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import annotate.nlp.components.quotes  # noqa: F401  (registers ct_quotes)

ROOT = Path(__file__).resolve().parent.parent
GOLD = yaml.safe_load((ROOT / "tests/data/seeds.yaml").read_text(encoding="utf-8"))
ARTICLES = {"A": "corpus/mali-turns-to-moscow.txt", "B": "corpus/mali-receives-helicopters.txt"}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("ct_quotes")
    return nlp


def annotate(nlp, text: str, people=(), orgs=(), roles: dict[str, str] | None = None):
    """Run ct_quotes on ``text`` with every occurrence of the given names as entities.

    A short form gets ``_.canonical`` = the longest listed name ending with it;
    ``roles`` maps a name to the role text written right before it.
    """
    roles = roles or {}
    doc = nlp.make_doc(text)
    names = [(n, "PERSON") for n in people] + [(n, "ORG") for n in orgs]
    spans, taken = [], set()
    for name, label in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if taken & set(range(m.start(), m.end())):
                continue
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is None:
                continue
            fuller = [n for n, lab in names if lab == label and n != name and n.endswith(name)]
            span._.canonical = max(fuller, key=len) if fuller else None
            for full, role in roles.items():
                if full.endswith(name) and text[: m.start()].endswith(role + " "):
                    span._.role = role
            spans.append(span)
            taken |= set(range(m.start(), m.end()))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return nlp(doc)


def quotes(doc) -> list[tuple[str, str | None]]:
    out = []
    for span in doc.spans["quotes"]:
        speaker = span._.speaker
        out.append((span.text, None if speaker is None else speaker.text))
    return out


# (text, people, orgs, [(quoted words, speaker)])
ATTRIBUTIONS = [
    ('"We will stay," Ana Silva said.', ["Ana Silva"], [], [("We will stay", "Ana Silva")]),
    ("“We will stay,” said Ana Silva.", ["Ana Silva"], [], [("We will stay", "Ana Silva")]),
    ("“We will stay,” said Foreign Minister Ana Silva.", ["Ana Silva"], [], [("We will stay", "Ana Silva")]),
    ("Ana Silva said: “We will stay.”", ["Ana Silva"], [], [("We will stay.", "Ana Silva")]),
    ("Ana Silva told reporters: “We will stay.”", ["Ana Silva"], [], [("We will stay.", "Ana Silva")]),
    ("Ana Silva told Tom Reed: “We will stay.”", ["Ana Silva", "Tom Reed"], [], [("We will stay.", "Ana Silva")]),
    (
        "Ana Silva arrived on Monday. “We will stay,” she told Radio Sol.",
        ["Ana Silva"],
        ["Radio Sol"],
        [("We will stay", "Ana Silva")],
    ),
    (
        "Ana Silva met Tom Reed's envoy. “We will stay,” she said.",
        ["Ana Silva", "Tom Reed"],
        [],
        [("We will stay", "Ana Silva")],
    ),
    (
        "Ana Silva spoke first.\n\nThe crowd cheered. “We will stay,” she said.",
        ["Ana Silva"],
        [],
        [("We will stay", "Ana Silva")],
    ),
    (
        "According to Ana Silva, the deal is “a turning point” for the region.",
        ["Ana Silva"],
        [],
        [("a turning point", "Ana Silva")],
    ),
    ("The deal is “a turning point”, according to Ana Silva.", ["Ana Silva"], [], [("a turning point", "Ana Silva")]),
    (
        "The cuts drew claims of “betrayal” from Prime Minister Tom Reed.",
        ["Tom Reed"],
        [],
        [("betrayal", "Tom Reed")],
    ),
    (
        "Ana Silva called on Norland to “reconsider” the deal, calling it “a mistake” that “helps nobody.”",
        ["Ana Silva"],
        ["Norland"],
        [("reconsider", "Ana Silva"), ("a mistake", "Ana Silva"), ("helps nobody.", "Ana Silva")],
    ),
    (
        "Tom Reed lent weight to the report by stating that the army had “run out of fuel” last week.",
        ["Tom Reed"],
        [],
        [("run out of fuel", "Tom Reed")],
    ),
    (
        "“It is over,” Tom Reed said. “We lost.”",
        ["Tom Reed"],
        [],
        [("It is over", "Tom Reed"), ("We lost.", "Tom Reed")],
    ),
    (
        "“We reject this. It is a shame. It is not a plan,” he told Radio Sol.",
        [],
        ["Radio Sol"],
        [("We reject this. It is a shame. It is not a plan", None)],
    ),
    (
        "The Nordic Union said it would “review all options”.",
        [],
        ["Nordic Union"],
        [("review all options", "Nordic Union")],
    ),
    ("Critics call the plan “reckless”.", [], [], [("reckless", None)]),
    ("“We are ready,” said Ms. Silva, 45.", ["Silva"], [], [("We are ready", "Silva")]),
    ("“We are ready,” Ana Silva, 45, said on Monday.", ["Ana Silva"], [], [("We are ready", "Ana Silva")]),
    ("The spokesman, John Kirby, said “no decision has been made”.", ["John Kirby"], [], [("no decision has been made", "John Kirby")]),
    ("“We will not comment,” the White House said.", [], ["White House"], [("We will not comment", "White House")]),
    ("Ana Silva arrived. “We are ready,” a spokesperson for the ministry said.", ["Ana Silva"], [], [("We are ready", None)]),
    ("Asked about Tom Reed, Ana Silva said: “He is wrong.”", ["Tom Reed", "Ana Silva"], [], [("He is wrong.", "Ana Silva")]),
    ("“He is wrong,” Ana Silva said of Tom Reed.", ["Tom Reed", "Ana Silva"], [], [("He is wrong", "Ana Silva")]),
    (
        "Tom Reed said the deal was “dead”. Ana Silva, unmoved: “It is alive.”",
        ["Tom Reed", "Ana Silva"],
        [],
        [("dead", "Tom Reed"), ("It is alive.", "Ana Silva")],
    ),
]


@pytest.mark.parametrize(("text", "people", "orgs", "expected"), ATTRIBUTIONS, ids=[a[0][:50] for a in ATTRIBUTIONS])
def test_each_quote_is_found_with_its_speaker(nlp, text, people, orgs, expected):
    assert quotes(annotate(nlp, text, people, orgs)) == expected


def test_a_pronoun_speaker_is_the_subject_of_the_previous_sentence_not_a_possessive(nlp):
    text = "Defence Minister Ana Silva rejected Tom Reed’s accusation on Friday. “We never left,” she said."
    doc = annotate(nlp, text, ["Ana Silva", "Tom Reed"])
    assert quotes(doc) == [("We never left", "Ana Silva")]


def test_a_title_subject_refers_to_the_person_with_that_role(nlp):
    text = (
        "Prime Minister Tom Reed met Ana Silva in May. Silva left early. "
        "The prime minister has asserted the country’s right to “choose its partners”."
    )
    doc = annotate(nlp, text, ["Tom Reed", "Ana Silva", "Silva"], roles={"Tom Reed": "Prime Minister"})
    assert quotes(doc) == [("choose its partners", "Tom Reed")]


def test_the_minister_said_refers_to_the_person_introduced_with_that_title(nlp):
    text = "Foreign Minister Ana Silva arrived on Monday. “We are ready,” the minister told Radio Sol."
    doc = annotate(nlp, text, ["Ana Silva"], ["Radio Sol"], roles={"Ana Silva": "Foreign Minister"})
    assert quotes(doc) == [("We are ready", "Ana Silva")]


def test_a_short_name_speaker_is_given_as_the_fullest_form_in_the_article(nlp):
    text = "Sadia Kone arrived. According to Kone, the plan works. “It is fast,” she said."
    doc = annotate(nlp, text, ["Sadia Kone", "Kone"])
    [span] = doc.spans["quotes"]
    assert span._.speaker.text == "Sadia Kone"
    assert span._.speaker.label_ == "PERSON"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It isn’t Norland’s plan, he said.", []),
        ("The ‘red line’ was crossed.", ["red line"]),
        ("The 1990s’ reforms ‘failed badly’, she said.", ["failed badly"]),
        ("He said “yes” and then “no”.", ["yes", "no"]),
        ('He said "yes" and then "no".', ["yes", "no"]),
        ("The «new order» begins.", ["new order"]),
        ("“Inside ‘nested’ marks,” she said.", ["Inside ‘nested’ marks"]),
    ],
)
def test_curly_single_quotes_are_quotes_only_when_they_are_not_apostrophes(nlp, text, expected):
    assert [t for t, _ in quotes(annotate(nlp, text))] == expected


def test_an_unclosed_quote_stops_at_the_end_of_its_paragraph(nlp):
    text = "He said “this never ends\n\nThe next paragraph is narration. It has “a quote” too."
    assert [t for t, _ in quotes(annotate(nlp, text))] == ["this never ends", "a quote"]


def test_a_long_quote_over_two_paragraphs_keeps_each_paragraph_separate(nlp):
    text = "“First part of it.\n\n“Second part,” Ana Silva said."
    assert quotes(annotate(nlp, text, ["Ana Silva"])) == [("First part of it.", None), ("Second part", "Ana Silva")]


def test_quote_spans_exclude_the_marks_and_match_the_text(nlp):
    text = "Ana Silva said: “ Spaced out , ” and left."
    doc = annotate(nlp, text, ["Ana Silva"])
    [span] = doc.spans["quotes"]
    assert text[span.start_char : span.end_char] == "Spaced out"


@pytest.mark.parametrize("key", ["A", "B"])
def test_every_seed_gold_quote_is_found_with_its_speaker(nlp, key):
    text = (ROOT / ARTICLES[key]).read_text(encoding="utf-8")
    people, orgs, roles = [], [], {}
    for entity in GOLD["entities"]:
        forms = entity.get(key, [])
        (people if entity["label"] == "PERSON" else orgs if entity["label"] == "ORG" else []).extend(forms)
        role = entity.get("roles", {}).get(key)
        if role:
            roles[max(forms, key=len)] = role
    doc = annotate(nlp, text, people, orgs, roles)
    found = quotes(doc)
    gold_names = {e["name"]: set(e.get(key, [])) for e in GOLD["entities"]}
    for row in GOLD["quotes"][key]:
        matches = [(t, s) for t, s in found if t.startswith(row["starts"])]
        assert len(matches) == 1, (row, found)
        assert matches[0][1] in gold_names[row["speaker"]], (row, matches)
    assert len(found) == len(GOLD["quotes"][key])


@pytest.mark.parametrize("key", ["A", "B"])
def test_the_project_pipeline_finds_every_seed_gold_quote_with_its_speaker(key):
    """End to end: the real sentence and entity components, then ct_quotes."""
    from annotate.nlp.pipeline import build_pipeline

    text = (ROOT / ARTICLES[key]).read_text(encoding="utf-8")
    doc = build_pipeline()(text)
    found = [(s.text, s._.speaker) for s in doc.spans["quotes"]]
    gold_names = {e["name"]: set(e.get(key, [])) for e in GOLD["entities"]}
    for row in GOLD["quotes"][key]:
        [(_, speaker)] = [(t, s) for t, s in found if t.startswith(row["starts"])]
        assert speaker is not None, row
        assert (speaker._.canonical or speaker.text) in gold_names[row["speaker"]], (row, speaker.text)


def test_thousands_of_quotes_in_one_long_sentence_are_each_attributed_locally(nlp):
    text = "“a” b Ana Silva said “c” " * 3000  # no sentence end anywhere: attribution must stay local
    doc = annotate(nlp, text, ["Ana Silva"])
    assert len(doc.spans["quotes"]) == 6000
    assert all(s._.speaker is None or s._.speaker.text == "Ana Silva" for s in doc.spans["quotes"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab .,\n“”\"‘’«»'", "he said", "Ana Silva", "according to "]), max_size=40).map("".join))
def test_odd_text_never_raises_and_spans_stay_in_bounds(nlp, text):
    doc = annotate(nlp, text, ["Ana Silva"])
    for span in doc.spans["quotes"]:
        assert 0 <= span.start_char < span.end_char <= len(text)
        assert span._.speaker is None or span._.speaker.label_ in ("PERSON", "ORG")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "SAID", "says", "told", "tell", "the", "minister", "Prime Minister",
                                 "he", "She", "from", "by", "according to", "saidx", "ſaid", " ", ", ", "—"]),
                max_size=12).map(" ".join))
def test_attribution_patterns_grouped_by_first_letter_match_as_the_plain_ones(text):
    """The verb and title alternations are grouped by first letter for speed: every pattern
    matches exactly where the plain alternation of the words matches."""
    from annotate.nlp.components import quotes as Q

    speech, title = "(?:" + "|".join(Q.SPEECH_VERBS) + ")", "|".join(Q.TITLE_WORDS)
    plain = {
        "_VERB": rf"\b{speech}\b|\baccording to\b",
        "_POST_VERB_FIRST": rf"[\s,;:—–-]*(?:\w+\s+)?(?:{speech}|from|by|according to)\b",
        "_POST_PRONOUN": rf"[\s,;:—–-]*(?P<p>he|she)\s+(?:\w+\s+)?{speech}\b",
        "_POST_TITLE": rf"[\s,;:—–-]*the\s+(?P<title>(?:[A-Za-z]+\s+){{0,3}}?(?:{title}))\s+(?:\w+\s+)?{speech}\b",
        "_PRE_PRONOUN": rf"\b(?P<p>he|she)\b\s+(?:\w+\s+){{0,3}}?{speech}\b",
        "_PRE_TITLE": rf"\bthe\s+(?P<title>(?:[A-Za-z]+\s+){{0,3}}?(?:{title}))\s+(?:\w+\s+){{0,3}}?{speech}\b",
    }
    for name, pattern in plain.items():
        fast, slow = getattr(Q, name), re.compile(pattern, re.IGNORECASE)
        for pos in range(len(text) + 1):
            for find in ("match", "search"):
                a, b = getattr(fast, find)(text, pos), getattr(slow, find)(text, pos)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (name, text, pos)
