"""What every test shares: its own config folder, one engine cache for the session, and a
private copy of the seed corpus on request."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(autouse=True)
def private_config(tmp_path_factory, monkeypatch):
    """A reader's keys.toml or saved theme never changes what a test sees, and no test
    writes into the reader's config."""
    monkeypatch.setenv("CORPUS_TUI_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(autouse=True)
def engine_cache(tmp_path_factory, monkeypatch) -> Path:
    """One engine cache for the test session, away from the reader's own: a corpus is
    annotated once per session, and no test reads or fills the reader's cache. A test
    that needs a cache of its own sets ``CORPUS_TUI_CACHE_DIR`` again."""
    folder = tmp_path_factory.getbasetemp() / "engine-cache"
    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A private copy of the seed corpus (``corpus/``) without its annotation files, so a
    test may save annotations or edit articles."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("annotations.yaml*"))
    return folder
