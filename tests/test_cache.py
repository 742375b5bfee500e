"""The engine cache: a second launch on an unchanged corpus is instant and spaCy-free;
changed articles alone are redone; a broken or unwritable cache never breaks the engine."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import annotate.workers
from annotate.cache import CACHE_DIR_ENV, cache_size, run_cache_command
from annotate.corpus.loading import load_corpus
from annotate.engine import analyse

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    return folder


@pytest.fixture(scope="module")
def seeds():
    return load_corpus([ROOT / "corpus"]).articles


@pytest.fixture
def annotated(monkeypatch):
    """The ids of the articles the spaCy pipeline actually runs on."""
    seen: list[str] = []
    real = annotate.workers.annotate_serially

    def recording(articles, model):
        seen.extend(a.id for a in articles)
        return real(articles, model)

    monkeypatch.setattr(annotate.workers, "annotate_serially", recording)
    return seen


def _edited(article, old: str, new: str):
    assert old in article.text
    return dataclasses.replace(article, text=article.text.replace(old, new, 1))


def test_second_run_reuses_everything_and_equals_a_fresh_run(cache_dir, seeds, annotated):
    fresh = analyse(seeds)
    first = analyse(seeds, use_cache=True)
    annotated.clear()
    second = analyse(seeds, use_cache=True)
    assert annotated == []
    assert second == first == fresh
    assert set(second.sentences) == {a.id for a in seeds}  # the pipeline's sentences, kept too
    assert cache_size(cache_dir) > 0


def test_only_the_changed_article_is_annotated_again(cache_dir, seeds, annotated):
    analyse(seeds, use_cache=True)
    changed = [seeds[0], _edited(seeds[1], "four", "five")]
    annotated.clear()
    again = analyse(changed, use_cache=True)
    assert annotated == [seeds[1].id]
    assert again == analyse(changed)  # linking and detection see the new text


def test_no_cache_reads_and_writes_nothing(cache_dir, seeds):
    analyse(seeds, use_cache=False)
    assert not cache_dir.exists() or cache_size(cache_dir) == 0


def test_damaged_entries_are_ignored_and_replaced(cache_dir, seeds, annotated):
    expected = analyse(seeds, use_cache=True)
    entries = list(cache_dir.rglob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    annotated.clear()
    assert analyse(seeds, use_cache=True) == expected
    assert sorted(annotated) == sorted(a.id for a in seeds)
    annotated.clear()
    assert analyse(seeds, use_cache=True) == expected and annotated == []


def test_an_unusable_cache_folder_does_not_stop_the_engine(tmp_path, monkeypatch, seeds):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    assert analyse(seeds, use_cache=True) == analyse(seeds)


def test_cache_clear_and_info_commands(cache_dir, seeds, capsys):
    analyse(seeds, use_cache=True)
    assert run_cache_command(["info"]) == 0
    assert str(cache_dir) in capsys.readouterr().out
    assert run_cache_command(["clear"]) == 0
    assert "Cleared" in capsys.readouterr().out
    assert cache_size(cache_dir) == 0


_LAUNCH = """
import json, sys
from annotate.corpus.loading import load_corpus
from annotate.engine import analyse
analysis = analyse(load_corpus([sys.argv[1]]).articles, use_cache=True)
print(json.dumps({
    "spacy": "spacy" in sys.modules,
    "mentions": [[m.id, getattr(m, "entity", None), getattr(m, "speaker", None)] for m in analysis.mentions],
    "discrepancies": [d.id for d in analysis.discrepancies],
    "stories": analysis.stories,
}))
"""


def test_a_second_launch_does_not_import_spacy(cache_dir):
    env = {**os.environ, CACHE_DIR_ENV: str(cache_dir)}

    def launch() -> dict:
        out = subprocess.run(
            [sys.executable, "-c", _LAUNCH, str(ROOT / "corpus")],
            env=env, capture_output=True, text=True, check=True, timeout=120,
        )
        return json.loads(out.stdout)

    first, second = launch(), launch()
    assert first["spacy"] is True and second["spacy"] is False
    assert {k: v for k, v in first.items() if k != "spacy"} == {
        k: v for k, v in second.items() if k != "spacy"
    }
    assert second["mentions"] and second["stories"]


def test_a_new_outlet_name_is_not_answered_from_the_cache(cache_dir, seeds, annotated):
    """Summaries name the outlets: renaming one must not show the old name."""
    analyse(seeds, use_cache=True)
    renamed = [dataclasses.replace(seeds[0], source="Another Outlet"), seeds[1]]
    annotated.clear()
    cached = analyse(renamed, use_cache=True)
    assert annotated == []  # the mentions themselves are still reused
    assert cached == analyse(renamed)


def test_the_phases_after_annotation_are_announced_unless_the_cache_answers(cache_dir, seeds):
    stages: list[str] = []
    analyse(seeds, use_cache=True, stage=stages.append)
    assert stages == ["link", "stories", "discrepancies"]
    stages.clear()
    analyse(seeds, use_cache=True, stage=stages.append)
    assert stages == []


def _home_like(folder: Path) -> dict[str, bytes]:
    """A folder as a user's home might be: dot folders, documents, a loose file."""
    files = {
        ".ssh/id_ed25519": b"secret key",
        "Documents/thesis.txt": b"years of work",
        "0123456789abcdef/notes.txt": b"a folder that only looks like an engine folder",
        "todo.txt": b"buy milk",
    }
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return files


def _still_there(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        assert (folder / name).read_bytes() == data, name


def test_the_cache_never_deletes_what_it_did_not_make(tmp_path, monkeypatch, seeds):
    home = tmp_path / "home"
    home.mkdir()
    files = _home_like(home)
    monkeypatch.setenv(CACHE_DIR_ENV, str(home))
    for n in range(4):  # several engines, so pruning runs and has something to prune
        monkeypatch.setattr("annotate.cache.engine_fingerprint", lambda n=n: f"{n:016x}"[:16].replace("0", "a"))
        analyse(seeds, use_cache=True)
    _still_there(home, files)
    from annotate.cache import engine_folders

    assert len(engine_folders(home)) == 3  # its own old engines are still pruned
    assert run_cache_command(["clear"]) == 0
    _still_there(home, files)
    assert cache_size(home) == 0
    assert sorted(p.name for p in home.iterdir()) == sorted({n.split("/")[0] for n in files})


def test_cache_entries_that_are_not_regular_files_are_misses(cache_dir, seeds, annotated, tmp_path):
    from annotate.cache import EngineCache, article_key

    analyse(seeds, use_cache=True)
    cache = EngineCache()
    corpora = list((cache.folder / "corpora").glob("*.pickle"))
    assert corpora
    corpora[0].unlink()
    os.mkfifo(corpora[0])  # a named pipe: reading it would block for ever
    key = article_key(seeds[0])
    entry = cache.folder / "articles" / key[:2] / f"{key}.pickle"
    entry.unlink()
    entry.symlink_to("/dev/zero")  # endless: reading it would fill memory
    annotated.clear()
    assert analyse(seeds, use_cache=True) == analyse(seeds)
    assert seeds[0].id in annotated


def test_another_version_of_a_trained_pipeline_gets_its_own_entries(tmp_path):
    from annotate.cache import EngineCache

    model = tmp_path / "my_pipeline"
    model.mkdir()
    (model / "meta.json").write_text('{"name": "core_news", "version": "3.7.0"}', encoding="utf-8")
    before = EngineCache(str(model), root=tmp_path / "cache").folder
    assert EngineCache(str(model), root=tmp_path / "cache").folder == before
    (model / "meta.json").write_text('{"name": "core_news", "version": "3.8.0"}', encoding="utf-8")
    assert EngineCache(str(model), root=tmp_path / "cache").folder != before
    assert EngineCache(None, root=tmp_path / "cache").folder != before


def test_another_version_of_the_country_names_gets_its_own_entries(tmp_path, monkeypatch):
    """The entity finder lists ISO's country names from pycountry's data: an upgrade of that data
    must not serve results read with the old names."""
    import annotate.nlp.language
    from annotate.cache import engine_fingerprint

    data = tmp_path / "iso3166-1.json"
    monkeypatch.setattr(annotate.nlp.language, "iso_countries_file", lambda: data)
    data.write_text('{"3166-1": [{"name": "Aruba"}]}', encoding="utf-8")
    engine_fingerprint.cache_clear()  # (computed once per process: a process sees one installation)
    before = engine_fingerprint()
    data.write_text('{"3166-1": [{"name": "Aruba"}, {"name": "Bonaire"}]}', encoding="utf-8")
    engine_fingerprint.cache_clear()
    after = engine_fingerprint()
    engine_fingerprint.cache_clear()
    assert after != before


def test_another_release_of_the_name_data_gets_its_own_entries(monkeypatch):
    """Titles come from nameparser and given names from gender-guesser: a new release of either
    may read names differently, so results made with the old one must not be served."""
    import annotate.cache
    from annotate.cache import engine_fingerprint

    engine_fingerprint.cache_clear()
    before = engine_fingerprint()
    real = annotate.cache._version_of
    for package in ("nameparser", "gender-guesser"):
        monkeypatch.setattr(annotate.cache, "_version_of", lambda p, package=package: "99.0" if p == package else real(p))
        engine_fingerprint.cache_clear()
        assert engine_fingerprint() != before, package
    monkeypatch.setattr(annotate.cache, "_version_of", real)
    engine_fingerprint.cache_clear()
    assert engine_fingerprint() == before
