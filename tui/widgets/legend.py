"""The legend: one swatch per highlight layer, its key, and whether it is on."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from .highlights import LAYER_LABELS, LAYERS


class Legend(Static):
    DEFAULT_CSS = "Legend { height: 1; padding: 0 1; }"

    def show_layers(self, layers: frozenset[str], styles: dict[str, object], keys: dict[str, str]) -> None:
        legend = Text(no_wrap=True, overflow="ellipsis")
        for layer in LAYERS:
            label = LAYER_LABELS[layer]
            key = keys.get(layer, "")
            if layer in layers:
                legend.append(f" {label} ", style=styles.get(layer) or "")
            else:
                legend.append(f" {label} (off) ", style="dim strike")
            if key:
                legend.append(f"{key} ", style="dim")
            legend.append(" ")
        if "annotated" in styles:  # the reader's own notes: always drawn, no key
            legend.append(" your notes ", style=styles["annotated"] or "")
        self.update(legend)
