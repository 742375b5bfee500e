"""What the reader chose that outlives a session: the theme.

Kept in ``settings.toml`` in the user config folder (beside ``keys.toml``;
``CORPUS_TUI_CONFIG_DIR`` chooses another folder). A missing or unreadable
file is the same as no choice; failing to write it is never an error.
"""

from __future__ import annotations

import os
from pathlib import Path

SETTINGS_FILE = "settings.toml"


def config_dir() -> Path:
    chosen = os.environ.get("CORPUS_TUI_CONFIG_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_config_dir("corpus-tui", appauthor=False))


def load_theme() -> str | None:
    path = config_dir() / SETTINGS_FILE
    if not path.is_file():
        return None
    import tomllib

    try:
        theme = tomllib.loads(path.read_text(encoding="utf-8")).get("theme")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return theme if isinstance(theme, str) and theme else None


def save_theme(theme: str) -> None:
    import json  # (only when the reader picks a theme: not on the way to the first screen)

    path = config_dir() / SETTINGS_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"theme = {json.dumps(theme)}\n", encoding="utf-8")  # a JSON string is a TOML basic string
    except OSError:
        pass
