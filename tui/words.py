"""Words the reader sees instead of counts and NLP labels: "1 discrepancy", "place"."""

from __future__ import annotations

# spaCy's entity labels (and a trained pipeline's) in plain words.
PLAIN_LABELS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "EVENT": "event",
    "FAC": "building or site",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LAW": "law",
    "LANGUAGE": "language",
}


def label_from_plain(words: str) -> str:
    """The entity label for plain words a reader typed ("place" -> GPE); other words as typed."""
    wanted = words.strip().lower()
    if wanted in ("number", "date", "quote"):
        return wanted
    found = next((label for label, plain in PLAIN_LABELS.items() if plain == wanted), None)
    return found or words.strip()


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``; ``many`` for irregular plurals."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def plain_label(label: str) -> str:
    """An entity label as a reader says it (an unknown label is shown as it is, in lower case)."""
    return PLAIN_LABELS.get(label.upper(), label.lower())
