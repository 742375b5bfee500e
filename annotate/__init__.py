"""corpus-tui's engine: load a corpus, find mentions, link them across
articles, and report where the articles disagree. Never imports textual."""

__version__ = "0.1.0"
