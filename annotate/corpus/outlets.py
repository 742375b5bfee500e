"""Naming the outlets that say something, shortened when a story has many of them.

Its own module so the app's sidebar can use it without importing the detectors.
"""

from __future__ import annotations


def outlet_list(names: list[str], most: int = 4) -> str:
    """'A, B, C' or, when a story has many outlets, 'A, B, C, D and 146 more'."""
    if len(names) <= most + 1:
        return ", ".join(names)
    return f"{', '.join(names[:most])} and {len(names) - most} more"
