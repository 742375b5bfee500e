"""The Entities tab: cross-article clusters with how often each article names them."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..words import plain_label, plural
from .discrepancy_list import Entry
from .reading_index import ReadingIndex

PER_ARTICLE_UP_TO = 8  # a bigger story says "in 38 of 40 articles" instead of 40 counts


class EntityList(OptionList):
    """Option id = entity id; clusters named in most articles first."""

    entity_count = 0
    shown_count = 0
    filter_text = var("", init=False)  # set by the sidebar's filter box
    _filled = False
    _rows: list[tuple[str, str, Entry]] = []  # (entity id, what the filter searches, prompt)

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
        self._rows = []
        for entity_id, per_article in rows:
            entity = index.entities[entity_id]
            label = plain_label(entity.label)
            head = Text()
            head.append(entity.name, style="bold")
            head.append(f"  {label}", style="dim")
            counted = f"in {len(per_article)} of {plural(len(article_ids), 'article')}"
            counted += f" · {plural(sum(per_article.values()), 'mention')}"
            if len(article_ids) <= PER_ARTICLE_UP_TO:
                counted += ": " + "  ".join(f"{labels.get(a, a)} {n}" for a, n in per_article.items())
            # The counts wrap under themselves ("C 29  D 10" under "in 5 of 5"), not under the name.
            prompt = Entry(head, [(Text(" "), Text(counted, style="dim"))])
            self._rows.append((entity_id, f"{entity.name} {label} {entity.label}".casefold(), prompt))
        self.entity_count = len(rows)
        self._filled = True
        self._show()

    def watch_filter_text(self) -> None:
        if self._filled:
            self._show()

    def _show(self) -> None:
        words = self.filter_text.casefold().split()
        rows = [(entity_id, prompt) for entity_id, haystack, prompt in self._rows if all(w in haystack for w in words)]
        self.shown_count = len(rows)
        self.clear_options()
        if rows:
            self.add_options([Option(prompt, id=entity_id) for entity_id, prompt in rows])
        elif self._rows:
            self.add_option(Option(Text(f"No name matches “{self.filter_text}”.", style="dim"), disabled=True))
        else:
            self.add_option(Option(Text("No names found yet.", style="dim"), disabled=True))
