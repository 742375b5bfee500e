"""The reader's plain-data parts: which articles make each story (``tui.stories``) and what is
selected in one article (``ReadingState.marks``)."""

from __future__ import annotations

from annotate.model import ArticleValue, Corroboration, Discrepancy, EntityMention, Evidence
from tui.reading_state import ReadingState
from tui.stories import Stories
from tui.widgets.search_bar import Match


def finding(id_: str, evidence: list[Evidence], values: dict[str, str]) -> Discrepancy:
    return Discrepancy(id=id_, kind="number", subject="s", summary="", severity="low",
                       values={a: ArticleValue(v) for a, v in values.items()}, evidence=evidence)


def test_one_story_of_every_article_until_the_engine_groups_them():
    stories = Stories(["a", "b", "c"])
    assert stories.all() == [["a", "b", "c"]]
    assert stories.story_of("b") is stories.story_of("c")
    assert Stories([]).all() == []


def test_stories_and_each_articles_findings():
    stories = Stories(["a", "b", "c", "d"])
    stories.group([["a", "b"], [], ["c", "d"]])
    assert stories.all() == [["a", "b"], ["c", "d"]]
    assert stories.story_of("a") is stories.story_of("b")
    assert stories.story_of("a") is not stories.story_of("c")
    assert stories.story_of("unknown") == ["a", "b", "c", "d"]
    # The second finding has evidence in "b" only, and a value (not reported) in "a".
    first = finding("1", [Evidence("c", 0, 1, "x"), Evidence("d", 0, 1, "y")], {"c": "x", "d": "y"})
    second = finding("2", [Evidence("b", 2, 3, "z")], {"a": "", "b": "z"})
    agreed = Corroboration("s", [Evidence("a", 0, 1, "x"), Evidence("b", 0, 1, "x")])
    stories.index_findings([first, second], [agreed])
    assert stories.discrepancies_of(stories.story_of("a")) == [second]
    assert stories.discrepancies_of(stories.story_of("c")) == [first]
    assert stories.evidence_in("a") == [] and stories.evidence_in("b") == [second]
    assert stories.corroborations_of(["a", "b"]) == [agreed]
    assert stories.corroborations_of(["c", "d"]) == []


def test_marks_are_the_selection_in_one_article():
    here = EntityMention("a:e5-9", "a", 5, 9, "Mali", "GPE", value="Mali", entity="e1")
    there = EntityMention("b:e1-4", "b", 1, 4, "Mal", "GPE", value="Mali", entity="e1")
    reading = ReadingState(
        shown=("a", "b"), column=0, cursors=(here, there), entity="e1",
        evidence=(Evidence("b", 10, 12, "zz"),), matches=(Match("a", 0, 2), Match("b", 3, 5)), match_index=1,
    )
    marks = reading.marks("a", [here, there])
    assert marks.cursor == (5, 9)  # the focused column's cursor only
    assert marks.linked == [(5, 9)] and marks.evidence == [] and marks.matches == [(0, 2)]
    assert marks.current_match is None
    other = reading.marks("b", [here, there])
    assert other.cursor is None and other.linked == [(1, 4)] and other.evidence == [(10, 12)]
    assert other.current_match == (3, 5)
    assert ReadingState(shown=("a",)).marks("a", [here]).linked == []  # no entity selected
