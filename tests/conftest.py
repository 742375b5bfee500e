"""Every test runs with its own config folder: a reader's keys.toml or saved theme never
changes what a test sees, and no test writes into the reader's config."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def private_config(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("CORPUS_TUI_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
