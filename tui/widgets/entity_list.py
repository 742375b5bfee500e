"""The Entities tab: cross-article clusters with how often each article names them."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .reading_index import ReadingIndex


class EntityList(OptionList):
    """Option id = entity id; clusters named in most articles first."""

    entity_count = 0

    def fill(self, index: ReadingIndex, article_ids: list[str], labels: dict[str, str]) -> None:
        """List the entities named in ``article_ids`` (one story), counted per article."""
        counts: dict[str, dict[str, int]] = {}
        for article_id in article_ids:  # only this story's mentions: cheap at 1,000 articles
            for mention in index.mentions(article_id):
                if mention.kind == "entity" and mention.entity in index.entities:
                    per_article = counts.setdefault(mention.entity, {})
                    per_article[article_id] = per_article.get(article_id, 0) + 1
        rows = sorted(
            counts.items(),
            key=lambda item: (-len(item[1]), -sum(item[1].values()), index.entities[item[0]].name.casefold()),
        )
        options = []
        for entity_id, per_article in rows:
            entity = index.entities[entity_id]
            prompt = Text()
            prompt.append(entity.name, style="bold")
            prompt.append(f"  {entity.label}", style="dim")
            prompt.append("\n  ")
            prompt.append("  ".join(f"{labels.get(a, a)}:{n}" for a, n in per_article.items()), style="dim")
            options.append(Option(prompt, id=entity_id))
        self.clear_options()
        self.add_options(options or [Option(Text("No names found yet.", style="dim"), disabled=True)])
        self.entity_count = len(rows)
