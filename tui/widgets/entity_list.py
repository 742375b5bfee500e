"""The Entities tab: cross-article clusters with how often each article names them."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .reading_index import ReadingIndex


class EntityList(OptionList):
    """Option id = entity id; clusters named in most articles first."""

    def fill(self, index: ReadingIndex, article_ids: list[str], labels: dict[str, str]) -> None:
        rows = []
        for entity_id, entity in index.entities.items():
            counts = index.counts_per_article(entity_id)
            counts = {a: counts[a] for a in article_ids if a in counts}
            if counts:
                rows.append((-len(counts), -sum(counts.values()), entity.name.casefold(), entity, counts))
        rows.sort(key=lambda r: r[:3])
        options = []
        for *_, entity, counts in rows:
            prompt = Text()
            prompt.append(entity.name, style="bold")
            prompt.append(f"  {entity.label}", style="dim")
            prompt.append("\n  ")
            prompt.append("  ".join(f"{labels.get(a, a)}:{n}" for a, n in counts.items()), style="dim")
            options.append(Option(prompt, id=entity.id))
        self.clear_options()
        self.add_options(options or [Option(Text("No names found yet.", style="dim"), disabled=True)])
