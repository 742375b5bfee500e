"""The Coverage tab: facts and claims (rows) against articles (columns).

Each cell says whether that article reports the fact, does not, or reports it
in a way that conflicts with the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import DataTable

from annotate.model import Corroboration, Discrepancy, Evidence

REPORTED, NOT_REPORTED, CONFLICTING = "reported", "not reported", "conflicting"
KIND_PREFIX = {"name_variant": "name", "omission": "only some"}  # the other kinds read well as they are
CELL_WIDTH = 9  # "✗ differs"
SUBJECT_WIDTH = (22, 40)  # the fact's label wraps within these widths, never cut
MAX_ARTICLES = 8  # columns of their own; the rest of a big story share one


@dataclass(frozen=True, slots=True)
class CoverageRow:
    key: str  # "d:<discrepancy id>" or "c:<n>"
    subject: str
    cells: dict[str, str]  # article id -> REPORTED | NOT_REPORTED | CONFLICTING
    evidence: list[Evidence]


def coverage_rows(
    discrepancies: list[Discrepancy], corroborations: list[Corroboration], article_ids: list[str]
) -> list[CoverageRow]:
    rows = []
    for d in discrepancies:
        saying = {a for a, value in d.values.items() if value.reported}
        # An omission is one side reporting and the other silent; anything else is a conflict.
        said = REPORTED if d.kind == "omission" else CONFLICTING
        cells = {a: (said if a in saying else NOT_REPORTED) for a in article_ids}
        rows.append(CoverageRow(f"d:{d.id}", f"{KIND_PREFIX.get(d.kind, d.kind)}: {d.subject}", cells, list(d.evidence)))
    rows = _told_apart(rows, {f"d:{d.id}": d for d in discrepancies})
    for n, c in enumerate(corroborations):
        saying = {e.article for e in c.evidence}
        cells = {a: (REPORTED if a in saying else NOT_REPORTED) for a in article_ids}
        rows.append(CoverageRow(f"c:{n}", f"agree: {c.subject}", cells, list(c.evidence)))
    return rows


def _told_apart(rows: list[CoverageRow], findings: dict[str, Discrepancy]) -> list[CoverageRow]:
    """Two findings about one subject ("name: Timothy D. Cook" for a spelling and for a part of
    the name) read the same: each such label gets the words each side wrote."""
    from collections import Counter

    from annotate.corpus.safe_text import visible

    twice = {label for label, n in Counter(row.subject for row in rows).items() if n > 1}
    out = []
    for row in rows:
        if row.subject in twice:
            said = list(dict.fromkeys(" ".join(v.text.split()) for v in findings[row.key].values.values() if v.reported and v.text))
            if said:
                shown = " / ".join(f"“{visible(w) if len(w) <= 30 else visible(w[:29]) + '…'}”" for w in said[:3])
                row = CoverageRow(row.key, f"{row.subject} ({shown}{' / …' if len(said) > 3 else ''})", row.cells, row.evidence)
        out.append(row)
    return out


class CoverageTable(DataTable):
    DEFAULT_CSS = "CoverageTable { height: 1fr; }"

    def __init__(self, **kwargs) -> None:
        # The facts stay in view when the articles' columns scroll sideways.
        super().__init__(cursor_type="row", zebra_stripes=True, fixed_columns=1, **kwargs)
        self.rows_by_key: dict[str, CoverageRow] = {}

    def fill(
        self, rows: list[CoverageRow], article_ids: list[str], labels: dict[str, str], styles: dict[str, str], width: int
    ) -> None:
        """``article_ids`` in the order of their columns; past ``MAX_ARTICLES``, one column
        counts the rest (a story of 150 outlets is not 150 columns), next to the facts so it
        is seen without scrolling."""
        self.clear(columns=True)
        shown, rest = article_ids[:MAX_ARTICLES], article_ids[MAX_ARTICLES:]
        # The subject gets what the article columns leave, between the two limits; longer labels wrap.
        columns = len(shown) + bool(rest)
        low, high = SUBJECT_WIDTH
        subject_width = max(low, min(high, width - 4 - columns * (CELL_WIDTH + 2)))
        self.add_column(Text("Fact or claim"), key="subject", width=subject_width)
        if rest:
            self.add_column(Text(f"{len(rest)} more"), key="rest", width=CELL_WIDTH)
        for a in shown:
            self.add_column(Text(labels.get(a, a)), key=a, width=CELL_WIDTH)
        marks = {
            REPORTED: Text("✓ yes", style=styles.get(REPORTED, "")),
            NOT_REPORTED: Text("– no", style=styles.get(NOT_REPORTED, "")),
            CONFLICTING: Text("✗ differs", style=styles.get(CONFLICTING, "")),
        }
        self.rows_by_key = {row.key: row for row in rows}
        for row in rows:
            cells = [marks[row.cells[a]] for a in shown]
            if rest:
                cells.insert(0, _tally([row.cells[a] for a in rest], styles))
            subject = Text(row.subject, overflow="fold")
            lines = len(subject.wrap(self.app.console, subject_width))
            self.add_row(subject, *cells, key=row.key, height=max(1, lines))


def _tally(cells: list[str], styles: dict[str, str]) -> Text:
    """The rest of the story's articles in one cell: how many differ, else how many report it."""
    differ, report = cells.count(CONFLICTING), cells.count(REPORTED)
    if differ:
        return Text(f"✗ {differ}", style=styles.get(CONFLICTING, ""))
    return Text(f"✓ {report}", style=styles.get(REPORTED, "")) if report else Text("– 0", style=styles.get(NOT_REPORTED, ""))
