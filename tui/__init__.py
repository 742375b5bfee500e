"""corpus-tui's Textual app: renders what the engine in ``annotate`` produced."""
