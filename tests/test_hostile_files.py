"""Files the reader did not write (a shared annotation file, folder names, keys.toml) are
data: nothing in them reaches the terminal as a control sequence, crashes the app, or
comes out of JSON, YAML or JSON-LD raw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from bad_input import PARAGRAPH

from tests.pilot import foreign_controls, record_notifications, terminal_frame, wait_for_engine, wait_until

from annotate.notes import annotation_file as af
from annotate.notes.anchoring import make_anchor
from annotate.notes.annotations import Note

ROOT = Path(__file__).resolve().parents[1]
OSC_TITLE = "\x1b]2;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
RAW = ("\u009b", "\u202e", "\u2066")  # CSI on its own, right-to-left override, isolate


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.txt").write_text(f"Story\n\n{PARAGRAPH}\n", encoding="utf-8")
    return folder


def _hostile_note(text: str) -> Note:
    start = text.index("1,200")
    anchor = make_anchor("story", text, start, start + 5)
    return Note(id="note-1", targets=(anchor,), text=f"see {OSC_CLIPBOARD} \u202etxt.exe </script><script>alert(1)</script> \u009b2J")


# -- the app ---------------------------------------------------------------------


async def test_strings_from_the_annotation_file_never_reach_the_terminal(tmp_path, monkeypatch):
    from tui.app import CorpusApp

    folder = _corpus(tmp_path / f"news{OSC_TITLE}")
    orphan = Note(id="note-2", targets=(make_anchor(f"gone{OSC_TITLE}", "abc", 0, 3),), text=f"orphan {OSC_TITLE}")
    af.save(folder / "annotations.yaml", [orphan], expected=None)
    app = CorpusApp([folder], use_cache=True)
    messages = record_notifications(app, monkeypatch)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await wait_for_engine(pilot)
        assert any("loaded from" in m for m in messages)
        await pilot.press("A")  # the list shows the orphan's article id
        await pilot.pause()
        assert foreign_controls(terminal_frame(app)[1]) == ""
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        assert any("Saved 1 annotation to" in m for m in messages)
    assert not any(foreign_controls(m) for m in messages), messages


async def test_an_annotation_file_error_quoting_the_file_is_shown_inert(tmp_path, monkeypatch):
    from tui.app import CorpusApp

    folder = _corpus(tmp_path / "c")
    (folder / "annotations.yaml").write_text('version: 1\nnotes:\n  - id: x\n    "\\e]2;pwned\\a": 1\n', encoding="utf-8")
    app = CorpusApp([folder], use_cache=True)
    messages = record_notifications(app, monkeypatch)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await wait_for_engine(pilot)
        assert any("unknown field" in m for m in messages)
        assert foreign_controls(terminal_frame(app)[1]) == ""
    assert not any(foreign_controls(m) for m in messages), messages


async def test_keys_toml_with_a_number_for_keys_is_reported_not_fatal(tmp_path, monkeypatch):
    from tui.app import CorpusApp
    from tui.keymap import load_keymap

    config = tmp_path / "config"
    (config / "corpus-tui").mkdir(parents=True)
    (config / "corpus-tui" / "keys.toml").write_text("keys = 5\n")
    keymap, problems = load_keymap(config / "corpus-tui" / "keys.toml")
    assert keymap == {} and "keys" in problems[0]
    monkeypatch.setenv("CORPUS_TUI_CONFIG_DIR", str(config / "corpus-tui"))
    app = CorpusApp([_corpus(tmp_path / "c")], use_cache=True)
    messages = record_notifications(app, monkeypatch)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_until(pilot, lambda: any("keys.toml" in m for m in messages), 10, "the keys.toml message")
        assert app.is_running


# -- the commands ----------------------------------------------------------------


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", *args],
        capture_output=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300,
    )


def test_export_error_output_shows_file_strings_inert(tmp_path):
    folder = _corpus(tmp_path / "c")
    for content in ('version: 1\nnotes:\n  - id: "\\e]2;x\\a"\n    "bogus\\e]52;c;eA==\\a": 1\n', f'version: 1\nnotes: ["{OSC_TITLE}"]\n'):
        (folder / "annotations.yaml").write_text(content, encoding="utf-8")
        done = _run("export", str(folder))
        assert done.returncode == 1 and b"Traceback" not in done.stderr
        assert b"unknown field" in done.stderr or b"control character" in done.stderr
        assert b"\x1b" not in done.stderr and b"\x07" not in done.stderr


def test_json_and_yaml_reports_carry_no_raw_controls_and_stay_valid_utf8(tmp_path, engine_cache):
    folder = _corpus(tmp_path / os.fsdecode(b"caf\xe9-\xff"))  # a folder name that is not UTF-8
    text = (folder / "story.txt").read_text(encoding="utf-8")
    (folder / "odd.txt").write_text(f"Odd {RAW[0]}[2J title\n\nThe {RAW[1]}gnp.exe minister {RAW[2]}said.\n", encoding="utf-8")
    af.save(folder / "annotations.yaml", [_hostile_note(text)], expected=None)
    env = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict", "CORPUS_TUI_CACHE_DIR": str(engine_cache)}
    for fmt in ("json", "yaml"):
        done = _run("report", os.fsencode(folder).decode("utf-8", "surrogateescape"), "--format", fmt, env=env)
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        out = done.stdout.decode("utf-8")  # valid UTF-8, or this raises
        assert not any(c in out for c in RAW), fmt
        data = json.loads(out) if fmt == "json" else yaml.safe_load(out)
        titles = [a["title"] for a in data["articles"]]
        assert any(RAW[0] in t or "\ufffd" in t for t in titles)  # the data itself is intact
        odd = next(a for a in data["articles"] if a["id"] == "odd")
        assert RAW[1] in odd["text"] and RAW[2] in odd["text"]
        assert OSC_CLIPBOARD in data["annotations"]["notes"][0]["text"]


def test_export_escapes_script_tags_controls_and_never_links_a_script(tmp_path):
    folder = _corpus(tmp_path / "c")
    (folder / "story.txt").write_text(f"---\nurl: javascript:alert(document.cookie)\n---\nStory\n\n{PARAGRAPH}\n", encoding="utf-8")
    text = f"Story\n\n{PARAGRAPH}\n"
    af.save(folder / "annotations.yaml", [_hostile_note(text)], expected=None)
    done = _run("export", str(folder))
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert "</script>" not in out and "<" not in out
    assert not any(c in out for c in RAW) and "\x1b" not in out
    document = json.loads(out)
    annotation = document["first"]["items"][0]
    assert annotation["target"]["source"].startswith("file://")
    assert "</script><script>" in annotation["body"]["value"]  # the data is unchanged
