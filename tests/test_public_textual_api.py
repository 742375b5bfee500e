"""The reader uses Textual's public API only, so a Textual upgrade does not break it quietly.

Private names (a leading underscore) of Textual can change in any release. The one
exception is documented where it is used: ``tui/terminal_input.py`` imports Textual's
terminal parser, which has no public counterpart.
"""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parent.parent / "tui"
ALLOWED = {("terminal_input.py", "textual._xterm_parser")}


def private_uses(path: Path) -> list[str]:
    """Imports of private Textual modules, and private attributes read off anything."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textual"):
            if any(part.startswith("_") for part in node.module.split(".")) and (path.name, node.module) not in ALLOWED:
                found.append(f"{path.name}:{node.lineno} imports {node.module}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("textual.") and "._" in node.value:
            found.append(f"{path.name}:{node.lineno} names the module {node.value}")
        if isinstance(node, ast.Attribute) and node.attr in {"_keymap", "_scroll_update", "_on_key", "_compositor_refresh"}:
            found.append(f"{path.name}:{node.lineno} uses {node.attr}")
        if isinstance(node, ast.FunctionDef) and node.name in {"_on_key", "_scroll_update"}:
            found.append(f"{path.name}:{node.lineno} overrides {node.name}")
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr" and len(node.args) >= 2:
            name = node.args[1]
            if isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value.startswith("_"):
                found.append(f"{path.name}:{node.lineno} reads {name.value} through getattr")
    return found


def test_the_reader_uses_no_private_textual_api():
    files = sorted(TUI.rglob("*.py"))
    assert len(files) > 10
    assert [use for path in files for use in private_uses(path)] == []
