"""The benchmark corpus generator: deterministic, varied, and honest about its plants."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import generate
import pytest

from annotate.corpus.loading import load_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    manifest = generate.generate(folder, 60, seed=11)
    loaded = load_corpus([folder])
    by_file = {Path(a.path).name: a for a in loaded.articles}
    return folder, manifest, loaded, by_file


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_gives_identical_files_and_another_seed_does_not(tmp_path):
    generate.generate(tmp_path / "a", 20, seed=5)
    generate.generate(tmp_path / "b", 20, seed=5)
    generate.generate(tmp_path / "c", 20, seed=6)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert set(_files(tmp_path / "a").values()) & set(_files(tmp_path / "c").values()) == set()


def test_every_article_loads_and_stories_have_three_to_eight_articles(corpus):
    folder, manifest, loaded, by_file = corpus
    assert len(loaded.articles) == 60 and not loaded.problems
    assert sum(len(s.files) for s in manifest.stories) == 60
    assert all(3 <= len(s.files) <= 8 for s in manifest.stories)
    for article in loaded.articles:
        assert article.source and article.published and article.title
        assert len(article.text.split()) > 200  # news-length, not toy sentences


def test_no_paragraph_or_title_is_repeated_anywhere_in_the_corpus(corpus):
    _, _, loaded, _ = corpus
    paragraphs = Counter(p for a in loaded.articles for p in a.text.split("\n\n") if p.strip())
    assert [p for p, n in paragraphs.items() if n > 1] == []
    titles = Counter(a.title for a in loaded.articles)
    assert max(titles.values()) == 1


def test_stories_are_told_differently_but_agree_on_the_facts_not_planted(corpus):
    _, manifest, _, by_file = corpus
    story = max(manifest.stories, key=lambda s: len(s.files))
    texts = [by_file[f].text for f in story.files]
    ledes = {t.split("\n\n")[1] for t in texts}
    assert len(ledes) == len(texts)
    # the reports share their names: at least one capitalised word in every article
    shared = set.intersection(*(set(re.findall(r"\b[A-Z][a-z]{3,}\b", t)) for t in texts))
    assert len(shared) >= 3


def test_planted_phrases_are_exact_substrings_and_the_odd_article_differs(corpus):
    _, manifest, _, by_file = corpus
    kinds = Counter(p.kind for p in manifest.plants)
    assert set(kinds) == {"name_variant", "role", "number", "date", "quote", "omission"}
    for plant in manifest.plants:
        for file, phrase in plant.values.items():
            assert phrase in by_file[file].text, (plant.kind, file, phrase)
        story = next(s for s in manifest.stories if s.id == plant.story)
        odd_phrase = plant.values[plant.odd]
        if plant.kind == "omission":
            assert list(plant.values) == [plant.odd]
            others = [by_file[f].text for f in story.files if f != plant.odd]
            assert not any(odd_phrase in t for t in others)
        else:
            assert set(plant.values) == set(story.files)
            others = {v for f, v in plant.values.items() if f != plant.odd}
            assert odd_phrase not in others
            # the others agree (a date may also be told as the weekday it fell on)
            assert len(others) == 1 or plant.kind == "date" and len(others) == 2


@pytest.mark.parametrize("size", [3, 9, 10, 11, 17])
def test_every_corpus_size_splits_into_stories_of_three_to_eight(tmp_path, size):
    manifest = generate.generate(tmp_path, size, seed=size)
    assert sum(len(s.files) for s in manifest.stories) == size
    assert all(3 <= len(s.files) <= 8 for s in manifest.stories)
