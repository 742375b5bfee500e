"""The problems list: every file skipped or read with repairs, and why.

One summary toast on start says how many; this screen names each. Paths and
reasons are data: ``str(Problem)`` shows control codes inert, and each row is
a ``rich.text.Text``, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from annotate.corpus.article import Problem
from annotate.corpus.safe_text import visible


def skipped_and_repaired(problems: Sequence[Problem]) -> tuple[list[str], list[str]]:
    """Paths skipped (an error) and paths read with a warning, each path once."""
    skipped = list(dict.fromkeys(p.path for p in problems if p.severity == "error"))
    repaired = [path for path in dict.fromkeys(p.path for p in problems if p.severity != "error") if path not in skipped]
    return skipped, repaired


def summary(problems: Sequence[Problem], key: str = "p") -> str:
    """One line for the start-up toast: how many files were skipped or repaired."""
    skipped, repaired = skipped_and_repaired(problems)
    if len(problems) == 1:
        return f"{problems[0]} -- press {key} for problems"
    parts = []
    if skipped:
        parts.append(f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} skipped")
    if repaired:
        parts.append(f"{len(repaired)} read with repairs")
    if len(skipped) + len(repaired) == 1:
        parts.append(visible((skipped or repaired)[0]))
    return ", ".join(parts) + f" -- press {key} for the list"


def problem_row(problem: Problem) -> Text:
    row = Text()
    if problem.severity == "error":
        row.append("skipped  ", style="bold red")
    else:
        row.append("read     ", style="bold yellow")
    row.append(visible(problem.path), style="bold")
    row.append("\n         ")
    row.append(visible(problem.message))
    return row


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,p", "dismiss", "Close", id="problems.close")]
    DEFAULT_CSS = """
    ProblemsScreen { align: center middle; }
    ProblemsScreen > OptionList {
        width: 90%; height: 80%; border: round $warning; background: $surface;
    }
    """

    def __init__(self, problems: Sequence[Problem], extra: Sequence[str] = ()) -> None:
        super().__init__()
        self.problems = list(problems)
        self.extra = list(extra)  # e.g. key-binding file problems, already plain strings

    def compose(self) -> ComposeResult:
        listing = OptionList(id="problems")
        skipped, repaired = skipped_and_repaired(self.problems)
        listing.border_title = f"Problems: {len(skipped)} skipped, {len(repaired)} with notes (escape: close)"
        yield listing

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        options = [Option(problem_row(p)) for p in self.problems]
        options += [Option(Text(visible(line))) for line in self.extra]
        if not options:
            options = [Option(Text("No problems: every file was read.", style="dim"), disabled=True)]
        listing.add_options(options)
        listing.focus()
