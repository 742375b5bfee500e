"""The Coverage tab on a story of many outlets: a few columns, the rest counted in one."""

from __future__ import annotations

from textual.app import App

from annotate.model import Discrepancy, Evidence
from tui.widgets.coverage_table import MAX_ARTICLES, CoverageTable, coverage_rows


async def test_a_story_of_many_outlets_has_a_few_columns_and_one_for_the_rest():
    ids = [f"art{i}" for i in range(40)]
    labels = {a: f"L{i}" for i, a in enumerate(ids)}
    values = {a: "December 9" for a in ids}
    values["art30"] = values["art31"] = "December 7"
    d = Discrepancy(id="x", kind="date", subject="when", summary="Dated differently", severity="medium",
                    values=values, evidence=[Evidence(article="art0", start=0, end=1, text="D")])
    rows = coverage_rows([d], [], ids)

    class Host(App):
        def compose(self):
            yield CoverageTable(id="coverage")

    async with Host().run_test() as pilot:
        table = pilot.app.query_one(CoverageTable)
        table.fill(rows, ids, labels, {}, 60)
        await pilot.pause()
        headers = [str(c.label) for c in table.columns.values()]
        assert headers == ["Fact or claim", *(labels[a] for a in ids[:MAX_ARTICLES]), f"{40 - MAX_ARTICLES} more"]
        assert str(table.get_row_at(0)[-1]) == f"✗ {40 - MAX_ARTICLES}"
