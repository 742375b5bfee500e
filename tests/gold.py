"""The gold scorer (``scripts/score_gold.py``), loaded once for the tests that score the
engine against what a careful reader finds (``test_gold``, ``test_realistic``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load():
    if "score_gold" in sys.modules:
        return sys.modules["score_gold"]
    spec = importlib.util.spec_from_file_location("score_gold", ROOT / "scripts" / "score_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_gold"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


score_gold = _load()
