"""The app on a real terminal (a pseudo-terminal): a byte that is not UTF-8 does not end it."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def _read_for(fd: int, seconds: float) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def test_an_invalid_byte_typed_or_pasted_does_not_end_the_app(tmp_path, corpus):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "CORPUS_TUI_CACHE_DIR": str(tmp_path / "cache")}
    app = subprocess.Popen(
        [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", str(corpus)],
        stdin=slave, stdout=slave, stderr=slave, env=env, cwd=Path(__file__).resolve().parents[1],
        start_new_session=True,
    )
    os.close(slave)
    try:
        screen = _read_for(master, 8)
        assert b"Mali" in screen  # the articles are on screen
        os.write(master, b"\xff")  # Latin-1 "y with diaeresis", or line noise
        os.write(master, b"/caf\xe9\r")  # a search typed in a Latin-1 terminal
        after = _read_for(master, 3)
        assert b"UnicodeDecodeError" not in after and app.poll() is None, "the app died on an invalid byte"
        assert "caf\N{REPLACEMENT CHARACTER}".encode() in after  # the search ran, the byte shown as U+FFFD
        os.write(master, b"\x1b")  # close anything open, then quit
        _read_for(master, 0.5)
        os.write(master, b"q")
        _read_for(master, 5)
        assert app.wait(timeout=10) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        os.close(master)
