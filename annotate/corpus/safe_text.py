"""Make article text safe to put on a terminal, without moving any offset.

``visible(text)`` returns a string of the same length: each code point maps to
exactly one code point, so an offset into the article is an offset into the
displayed text. Control characters that a terminal would act on (ESC starts
escape sequences, BEL, backspace, carriage return...) become visible symbols,
and bidirectional override/isolate characters, which can reorder what the
reader sees, are neutralised. Newline and tab are kept.

This is about control codes only. Markup safety comes from never parsing
article text as markup: build ``rich.text.Text`` / ``textual.content.Content``
from it, never a markup string.
"""

from __future__ import annotations

from functools import cache

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):  # C0 controls -> U+2400 "control pictures" (␀ ␇ ␛ ...)
        table[code] = chr(0x2400 + code)
    del table[ord("\n")], table[ord("\t")]
    table[0x7F] = "\N{SYMBOL FOR DELETE}"
    for code in range(0x80, 0xA0):  # C1 controls (CSI, OSC, NEL...): no pictures exist
        table[code] = REPLACEMENT
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):  # bidi embeddings, overrides, isolates
        table[code] = REPLACEMENT
    for code in (0x2028, 0x2029):  # line/paragraph separators: terminals break lines unpredictably
        table[code] = "\N{RETURN SYMBOL}"
    # Lone surrogates cannot be written to a terminal at all.
    table.update(dict.fromkeys(range(0xD800, 0xE000), REPLACEMENT))
    return table


_TABLE = _table()


def visible(text: str) -> str:
    """``text`` with control and bidi-override characters shown as symbols; same length."""
    return text.translate(_TABLE)



# Characters a terminal or a text viewer acts on even inside quoted data: DEL, the C1
# controls (U+009B is CSI: it starts escape sequences on its own), bidi embeddings,
# overrides and isolates (they reorder what is shown: "Trojan Source"), the line and
# paragraph separators, and lone surrogates (not text: no UTF-8 encoder writes them).
_ESCAPED = [0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029, *range(0xD800, 0xE000)]


@cache
def _escapes() -> tuple[dict[int, str], frozenset[str]]:
    """The escape of each such character, and the set of them: built when first needed (by
    the report and the annotation files), not on the way to the reader's first screen."""
    return {code: f"\\u{code:04x}" for code in _ESCAPED}, frozenset(chr(code) for code in _ESCAPED)


def needs_escape(text: str) -> bool:
    """Whether ``text`` holds a character ``escape_invisible`` rewrites."""
    return not _escapes()[1].isdisjoint(text)


def escape_invisible(document: str) -> str:
    """A JSON document, or YAML whose strings holding such characters are double-quoted,
    with each of them written as a ``\\uXXXX`` escape: the same data, nothing raw."""
    return document.translate(_escapes()[0])
