"""The engine never imports textual, and the reader shows text before spaCy loads."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CORPUS_TUI_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_no_annotate_module_imports_textual(tmp_path):
    result = run_python(
        """
        import importlib, pkgutil, sys
        import annotate
        names = [m.name for m in pkgutil.walk_packages(annotate.__path__, "annotate.")]
        for name in names:
            importlib.import_module(name)
        assert len(names) > 5, names
        leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        print(len(names), "modules")
        assert not leaked, leaked
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr


def test_first_screen_shows_text_before_spacy_is_imported(tmp_path):
    result = run_python(
        """
        import asyncio, sys
        from tui.app import CorpusApp
        from tests.pilot import wait_for_engine

        async def main():
            app = CorpusApp(["corpus"])
            assert "spacy" not in sys.modules, "spaCy imported before the app ran"
            async with app.run_test(size=(160, 50)) as pilot:
                await pilot.pause()
                pane = app.columns[0].pane
                shown = "".join(pane.render_line(y).text for y in range(10))
                assert pane.article.title.split()[0] in shown, shown
                assert app.analysis is None, "the engine finished before the first screen"
                await wait_for_engine(pilot)
            print("ok")

        asyncio.run(main())
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_first_paint_waits_for_nothing_but_the_text(tmp_path):
    """The first frame needs textual, the article panes and the loaded articles
    (``annotate.corpus.article``); the engine's other classes (``annotate.model``), the
    annotation store (YAML), fuzzy matching, the sidebar's tab widgets and spaCy come after
    it is painted."""
    result = run_python(
        """
        import asyncio, sys
        from tui.app import CorpusApp
        from tests.pilot import wait_for_engine

        LATER = ["spacy", "yaml", "rapidfuzz", "annotate.model", "annotate.notes.annotations", "annotate.notes.annotation_file",
                 "textual.widgets._tabbed_content", "textual.widgets._data_table", "textual.widgets._text_area"]
        seen = {}
        first_paint = CorpusApp._after_first_paint

        async def after_first_paint(self):
            seen["imported"] = [m for m in LATER if m in sys.modules]
            seen["sidebar"] = [str(w.render()) for w in self.query("#sidebar-waiting")]
            pane = self.columns[0].pane
            seen["text"] = "".join(pane.render_line(y).text for y in range(10))
            await first_paint(self)

        CorpusApp._after_first_paint = after_first_paint

        async def main():
            app = CorpusApp(["corpus"])
            async with app.run_test(size=(160, 50)) as pilot:
                await wait_for_engine(pilot)
                assert seen["imported"] == [], seen["imported"]
                assert seen["sidebar"] == ["Annotating…"], seen["sidebar"]
                assert app.columns[0].pane.article.title.split()[0] in seen["text"], seen["text"]
                # Then the tabs replace the waiting line, counting what the engine found.
                assert not app.query("#sidebar-waiting")
                label = str(app.query_one("#sidebar-tabs").get_tab("tab-discrepancies").label)
                assert label.startswith("Discrepancies ") and int(label.split()[-1]) > 0, label
            print("ok")

        asyncio.run(main())
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout


def test_the_engine_leaves_the_processs_collector_alone():
    """Library code sets no process-wide policy: the collector is the caller's business."""
    code = textwrap.dedent(
        """
        import gc
        from annotate.corpus.loading import load_corpus
        from annotate.engine import analyse

        before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
        seen = []
        analyse(load_corpus(["corpus"]).articles, stage=lambda phase: seen.append(gc.isenabled()))
        assert seen and all(seen), seen
        assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before
        """
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "CORPUS_TUI_CACHE_DIR": "/nonexistent/none"})
    assert run.returncode == 0, run.stderr


def test_reading_stages_never_import_the_stages_after_them():
    """The flow goes one way: corpus loading and the pipeline (``annotate.corpus``, ``annotate.nlp``)
    never import comparison, the reader's notes or the engine that runs them all."""
    import ast

    later = ("annotate.compare", "annotate.notes", "annotate.engine", "annotate.report")
    wrong = []
    for package in ("corpus", "nlp"):
        for path in sorted((ROOT / "annotate" / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                wrong += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.startswith(later)]
    assert not wrong, wrong
