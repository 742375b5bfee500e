"""The Coverage tab on a story of many outlets: a few columns, the rest counted in one."""

from __future__ import annotations

from textual.app import App

from annotate.compare.detectors.story import article_values
from annotate.model import Discrepancy, Evidence
from tui.widgets.coverage_table import MAX_ARTICLES, CoverageTable, coverage_rows


async def test_a_story_of_many_outlets_has_a_few_columns_and_one_for_the_rest():
    ids = [f"art{i}" for i in range(40)]
    labels = {a: f"L{i}" for i, a in enumerate(ids)}
    values = {a: "December 9" for a in ids}
    values["art30"] = values["art31"] = "December 7"
    d = Discrepancy(id="x", kind="date", subject="when", summary="Dated differently", severity="medium",
                    values=article_values(values), evidence=[Evidence(article="art0", start=0, end=1, text="D")])
    rows = coverage_rows([d], [], ids)

    class Host(App):
        def compose(self):
            yield CoverageTable(id="coverage")

    async with Host().run_test() as pilot:
        table = pilot.app.query_one(CoverageTable)
        table.fill(rows, ids, labels, {}, 60)
        await pilot.pause()
        headers = [str(c.label) for c in table.columns.values()]
        # The rest's count comes next to the facts, seen without scrolling.
        assert headers == ["Fact or claim", f"{40 - MAX_ARTICLES} more", *(labels[a] for a in ids[:MAX_ARTICLES])]
        assert str(table.get_row_at(0)[1]) == f"✗ {40 - MAX_ARTICLES}"


async def test_long_fact_labels_wrap_whole_in_a_frozen_first_column():
    ids = ["a", "b", "c"]
    subject = "number of workers who joined the walkout in the capital on Thursday"
    d = Discrepancy(id="y", kind="number", subject=subject, summary="s", severity="low",
                    values=article_values({"a": "517", "b": "571", "c": "517"}), evidence=[Evidence(article="a", start=0, end=1, text="5")])

    class Host(App):
        def compose(self):
            yield CoverageTable(id="coverage")

    async with Host().run_test(size=(40, 20)) as pilot:
        table = pilot.app.query_one(CoverageTable)
        table.fill(coverage_rows([d], [], ids), ids, {"a": "A", "b": "B", "c": "C"}, {}, 40)
        await pilot.pause()
        assert table.fixed_columns == 1
        cells = table.columns["subject"].get_render_width(table)
        lines = ["".join(segment.text for segment in table.render_line(y))[:cells] for y in range(1, table.size.height)]
        assert f"number: {subject}" in " ".join(" ".join(lines).split())
