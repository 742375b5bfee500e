"""Command palette commands: jump to an article, entity or discrepancy; toggle layers."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from annotate.model import kind_title

from annotate.corpus.labels import with_labels
from ..widgets.highlights import LAYER_LABELS, LAYERS


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, object]]:
        app = self.app
        commands: list[tuple[str, object]] = []
        for layer in LAYERS:
            commands.append((f"Toggle layer: {LAYER_LABELS[layer]}", partial(app.action_layer, layer)))
        commands.append(("Toggle: scroll panes in step", app.action_sync_scroll))
        index = app.index
        labels = app.labels
        for article in index.articles:
            title = f"Jump to article {labels[article.id]}: {article.title or article.id}"
            commands.append((title, partial(app.show_article, article.id)))
        for entity_id, entity in index.entities.items():
            if index.entity_mentions.get(entity_id):
                commands.append((f"Jump to entity: {entity.name}", partial(app.select_entity, entity_id)))
        for d in index.discrepancies:
            summary = with_labels(d.summary or d.subject, labels, d.values)  # A, B as in the columns, not file names
            commands.append((f"Discrepancy ({kind_title(d.kind)}): {summary}", partial(app.select_discrepancy, d.id)))
        return commands

    async def discover(self) -> Hits:
        for text, command in self._commands()[:200]:
            yield DiscoveryHit(Content(text), command, text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command in self._commands():
            score = matcher.match(text)
            if score > 0:
                # Names come from articles: build plain Content, never markup.
                display = Content(text)
                _, offsets = matcher.fuzzy_search.match(query, text)
                for offset in offsets:
                    display = display.stylize("bold reverse", offset, offset + 1)
                yield Hit(score, display, command, text=text)
