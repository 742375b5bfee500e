"""The engine on realistic multi-outlet story sets it was not written for.

Each folder of ``tests/data/realistic/`` holds 2-3 reports of one event by
different outlets, and a ``gold.yaml`` (same format as ``seeds.yaml``) with
what a careful reader finds. The texts are never named in engine code: these
tests measure how the rules generalise. Each set is one story by
construction, so the detectors run over the whole set (story grouping is
tested in ``tests/test_stories.py``).

    python tests/test_realistic.py   # prints precision and recall per set
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "realistic"
STORIES = sorted(p.name for p in DATA.iterdir() if (p / "gold.yaml").is_file())

if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
from test_gold import score_gold  # noqa: E402


def analyse_as_one_story(folder: Path):
    from annotate.corpus import load_corpus
    from annotate.discrepancies import detect
    from annotate.engine import analyse

    analysis = analyse(load_corpus([folder]).articles)
    analysis.discrepancies, analysis.corroborations = detect(analysis.articles, analysis.mentions, analysis.entities)
    return analysis


_scores: dict[str, object] = {}


def scored(story: str):
    if story not in _scores:
        folder = DATA / story
        _scores[story] = score_gold.score(analyse_as_one_story(folder), score_gold.load_gold(folder / "gold.yaml"))
    return _scores[story]


def test_there_are_several_story_sets():
    assert len(STORIES) >= 3


@pytest.mark.parametrize("story", STORIES)
def test_every_required_discrepancy_is_found(story):
    assert scored(story).missed == []


@pytest.mark.parametrize("story", STORIES)
def test_no_agreement_is_flagged(story):
    assert scored(story).agreements_flagged == []


@pytest.mark.parametrize("story", STORIES)
def test_every_cluster_is_linked(story):
    r = scored(story)
    assert r.clusters_checked >= 5
    assert r.clusters_unlinked == []


@pytest.mark.parametrize("story", STORIES)
def test_every_listed_quote_has_its_speaker(story):
    assert scored(story).quotes_wrong == []


def test_false_alarms_are_rare_across_all_sets():
    """Precision over every set: most of what the engine flags is something the gold lists."""
    found = correct = 0
    for story in STORIES:
        for s in scored(story).kinds.values():
            found += s.found
            correct += s.correct
    assert found > 0
    assert correct / found >= 0.8, f"{correct}/{found} flagged items match the gold"


if __name__ == "__main__":
    for story in STORIES:
        print(f"==== {story}")
        print(score_gold.render(scored(story)))
