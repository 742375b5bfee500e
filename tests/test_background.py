"""The engine in its own process (what the app runs): same result, progress, quick to cancel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from annotate.background import analyse_in_background
from annotate.cache import CACHE_DIR_ENV
from annotate.corpus import load_corpus
from annotate.engine import analyse

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def seeds():
    return load_corpus([ROOT / "corpus"]).articles


def test_same_result_as_in_process_with_progress_here(seeds):
    done: list[tuple[int, int]] = []
    result = analyse_in_background(seeds, progress=lambda d, t: done.append((d, t)), use_cache=False)
    assert result == analyse(seeds)
    assert done[-1] == (2, 2)


def test_a_cached_result_needs_no_process(seeds, monkeypatch):
    expected = analyse_in_background(seeds)

    def no_process(*args, **kwargs):
        raise AssertionError("a process was started for a cached corpus")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    assert analyse_in_background(seeds) == expected


def test_cancelling_stops_the_engine_process(seeds, monkeypatch):
    children: list[subprocess.Popen] = []
    real_popen = subprocess.Popen

    def recording_popen(*args, **kwargs):
        children.append(real_popen(*args, **kwargs))
        return children[-1]

    monkeypatch.setattr(subprocess, "Popen", recording_popen)
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3  # the reader quit while spaCy was still loading

    assert analyse_in_background(seeds, use_cache=False, cancelled=cancelled) is None
    assert len(children) == 1 and children[0].poll() is not None  # killed, not left running


def test_engine_errors_reach_the_caller_with_their_message(seeds):
    with pytest.raises(Exception, match="not installed"):
        analyse_in_background(seeds, model="no_such_pipeline_xyz", use_cache=False)
