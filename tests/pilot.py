"""What app tests share: waiting for the app, what reaches the terminal, its
notifications, the reader's first note."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 120.0, what: str = "the awaited state") -> None:
    """Let the app run until ``condition()`` holds; fails after ``timeout`` seconds with
    what the status line says."""
    waited = 0.0
    while not condition():
        assert waited < timeout, f"{what} not reached in {timeout:.0f} s; status: {pilot.app.status.said}"
        await pilot.pause(0.1)
        waited += 0.1
    await pilot.pause()


async def wait_for_engine(pilot, timeout: float = 120.0) -> None:
    """The engine's highlights and sidebar are on screen (it starts once the text is painted).
    Fails at once, with the status line, if the engine failed."""
    app = pilot.app

    def finished() -> bool:
        assert not any(w.state.name == "ERROR" for w in app.workers), app.status.said
        return app.analysis is not None

    await wait_until(pilot, finished, timeout, "the engine's results")


# What Textual itself writes: colours/attributes (SGR) and cursor moves. Anything
# else in a frame (OSC title/clipboard, clear screen, BEL) would come from text.
_OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*[mHABCDK]|\x1b\[\?[0-9;]*[hl]")


def terminal_frame(app) -> tuple[list[str], str]:
    """(the screen's lines as plain text, the bytes a real terminal would receive)."""
    update = app.screen._compositor.render_full_update()
    lines = ["".join(strip.text for strip in line) for line in update.strips]
    return lines, update.render_segments(app.console)


def foreign_controls(raw: str) -> str:
    rest = _OWN_SEQUENCES.sub("", raw)
    return "".join(c for c in rest if (ord(c) < 32 and c not in "\n") or 0x7F <= ord(c) < 0xA0)


def record_notifications(app, monkeypatch) -> list[str]:
    """Every message the app notifies, kept even after its toast times out."""
    messages: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        messages.append(str(message))
        return notify(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", recording)
    return messages


async def add_note_on_first_mention(app, pilot, text: str) -> str:
    """``]`` to the first mention, ``a``, type ``text``, ``ctrl+s`` in the editor (the note,
    not the file); the mention's words."""
    from tui.screens.annotation_note import NoteScreen

    await pilot.press("right_square_bracket")
    await pilot.pause()
    article = app.reading.article
    mention = app.reading.cursor(article)
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, NoteScreen)
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await pilot.pause()
    return mention.text


def saved(folder: Path) -> dict:
    """The annotation file in ``folder`` as plain data."""
    import yaml  # not at the top: the import-hygiene test waits with this module loaded

    return yaml.safe_load((folder / "annotations.yaml").read_text(encoding="utf-8"))
