"""The engine against the seed gold: what a careful reader finds in corpus/.

Scored by ``scripts/score_gold.py`` (see its docstring for the matching
rules). Each test names what is missing, so a failure says what to fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gold import score_gold

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def result():
    from annotate.corpus.loading import load_corpus
    from annotate.engine import analyse

    corpus = load_corpus([ROOT / "corpus"])
    analysis = analyse(corpus.articles)
    return score_gold.score(analysis, score_gold.load_gold(ROOT / "tests" / "data" / "seeds.yaml"))


def test_every_required_discrepancy_is_found_with_evidence_in_each_article(result):
    assert result.missed == []
    for kind, s in result.kinds.items():
        assert s.recalled == s.required, kind


def test_no_agreement_is_flagged_as_a_discrepancy(result):
    assert result.agreements_flagged == []


def test_every_cluster_is_linked(result):
    assert result.clusters_checked == 24
    assert result.clusters_unlinked == []


def test_every_quote_has_its_speaker(result):
    assert result.quotes_checked == 10
    assert result.quotes_wrong == []


def test_every_number_has_its_value_and_what_it_counts(result):
    assert result.numbers_checked == 11
    assert result.numbers_wrong == []


def test_scoring_catches_a_wrong_engine():
    """The scorer itself: an engine that finds nothing misses everything required."""
    from annotate.corpus.loading import load_corpus
    from annotate.model import Analysis, EngineInfo

    corpus = load_corpus([ROOT / "corpus"])
    empty = Analysis(articles=corpus.articles, mentions=[], entities=[], discrepancies=[], engine=EngineInfo("0", "none"))
    r = score_gold.score(empty, score_gold.load_gold(ROOT / "tests" / "data" / "seeds.yaml"))
    assert len(r.missed) == 9
    assert len(r.clusters_unlinked) == 24 and len(r.quotes_wrong) == 10 and len(r.numbers_wrong) == 11
