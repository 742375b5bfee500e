"""What ``y`` puts on the clipboard: plain text a reader can paste into notes or a chat.

A finding is its summary, what each side says, and the evidence in each article;
a quote or mention is its words with where they come from.
"""

from __future__ import annotations

from annotate.model import Discrepancy, Mention
from annotate.corpus.outlets import outlet_list

from .widgets.reading_index import ReadingIndex


def citation(index: ReadingIndex, article_id: str) -> str:
    """``Title (Source, 2024-03-01)``, with what the article states."""
    article = index.article(article_id)
    details = [article.source or "source not stated", article.published.isoformat() if article.published else "date not stated"]
    return f"{article.title or article.id} ({', '.join(details)})"


def finding_text(d: Discrepancy, labels: dict[str, str], index: ReadingIndex) -> str:
    from .widgets.discrepancy_list import value_text, with_labels

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
