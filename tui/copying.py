"""What ``y`` (and ``u``) put on the clipboard: plain text a reader can paste into notes or a chat.

A finding is its summary, what each side says, and the evidence in each article;
a quote or mention is its words with where they come from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotate.model import Discrepancy, Mention
from annotate.corpus.outlets import outlet_list
from annotate.corpus.safe_text import visible

from .widgets.reading_index import ReadingIndex

if TYPE_CHECKING:
    from .app import CorpusApp


def copy_pointed_at(reader: CorpusApp) -> None:
    """``y``: copy what the reader is looking at (``pointed_at``) and say so."""
    found = pointed_at(reader)
    if found is None:
        reader.status.say("Nothing to copy: select a finding (d), a quote or name (]), or search (/)")
        return
    what, text = found
    reader.copy_to_clipboard(text)
    reader.status.say(f"Copied {what} to the clipboard", " ".join(text.split())[:100])


def copy_url(reader: CorpusApp) -> None:
    """``u``: the focused article's ``url`` to the clipboard, and on the status line to select
    by hand where the terminal does not pass the clipboard on."""
    article = reader.index.article(reader.reading.article)
    label = reader.labels[article.id]
    if not article.url:
        reader.status.say(f"{label}: no web address (no url in the file)")
        return
    reader.copy_to_clipboard(article.url)
    reader.status.say(f"{label}: copied", visible(article.url))


def pointed_at(reader: CorpusApp) -> tuple[str, str] | None:
    """What ``y`` copies, named for the status line, and its text: the finding in the sidebar,
    the quote or mention under the cursor, the search match (each when on screen), or the
    selected finding."""
    index, labels, reading = reader.index, reader.labels, reader.reading
    discrepancy = reader.discrepancy_in_focus() if reader.sidebar.has_focus_within else None
    article_id = reading.article
    pane = reader.pane(reading.column)
    # A cursor or match the reader scrolled away from (or that d left behind) is not what
    # they are looking at: the finding on screen is.
    cursor = reading.cursor(article_id)
    cursor = cursor if cursor is not None and pane.is_visible_offset(cursor.start) else None
    match = reader.search_match(article_id) if article_id else None
    match = match if match is not None and pane.is_visible_offset(match[0]) else None
    selected = reader.discrepancy(reading.discrepancy)
    if discrepancy is not None:
        return "the finding", finding_text(discrepancy, labels, index)
    if cursor is not None:
        return f"the {cursor.kind}", mention_text(cursor, index)
    if match is not None:
        return "the match", mention_text(None, index, article_id, *match)
    if selected is not None:
        return "the finding", finding_text(selected, labels, index)
    return None


def citation(index: ReadingIndex, article_id: str) -> str:
    """``Title (Source, 2024-03-01)``, with what the article states."""
    article = index.article(article_id)
    details = [article.source or "source not stated", article.published.isoformat() if article.published else "date not stated"]
    return f"{article.title or article.id} ({', '.join(details)})"


def finding_text(d: Discrepancy, labels: dict[str, str], index: ReadingIndex) -> str:
    from annotate.corpus.labels import with_labels
    from .widgets.discrepancy_list import value_text

    lines = [with_labels(d.summary or d.subject, labels, d.values)]
    by_value: dict[str, list[str]] = {}
    for article_id, value in d.values.items():
        by_value.setdefault(value_text(value), []).append(labels.get(article_id, article_id))
    lines += [f"  {outlet_list(names, most=12)}: {value}" for value, names in by_value.items()]
    for e in d.evidence:
        label = labels.get(e.article, e.article)
        lines.append(f"  {label} “{' '.join(e.text.split())}” — {citation(index, e.article)}")
    return "\n".join(lines)


def mention_text(mention: Mention | None, index: ReadingIndex, article_id: str = "", start: int = 0, end: int = 0) -> str:
    """The words of a mention (or of ``article_id``'s text from ``start`` to ``end``) with their source."""
    if mention is not None:
        article_id, start, end = mention.article, mention.start, mention.end
    words = " ".join(index.article(article_id).text[start:end].split())
    said = ""
    if mention is not None and mention.kind == "quote" and mention.speaker in index.entities:
        said = f", said by {index.entities[mention.speaker].name}"
    return f"“{words}”{said} — {citation(index, article_id)}"
