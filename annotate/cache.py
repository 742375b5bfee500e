"""The engine cache: results kept in the user's cache folder between launches.

Two levels, both keyed by the engine's fingerprint (version + a hash of the
engine's own source + spaCy's version) and the pipeline asked for (``--model``):

- per article: what the pipeline read (``ArticleReading``): the mentions it found, before
  cross-article linking, where the article's sentences start, its reported speech, its words, the
  acts and denials it negates and its word stream, keyed by a hash of the article's id, text and publication date. A changed
  article alone is re-annotated.
- per corpus: the whole ``Analysis``, keyed by the article keys in order and
  the stories the user gave (``--stories one|folders``), if any. An
  unchanged corpus is answered from here without importing spaCy at all.

Entries are pickles of the model's fields as tuples, written atomically;
anything unreadable counts as a miss and is removed. The folder is
``platformdirs.user_cache_dir("corpus-tui")`` unless ``CORPUS_TUI_CACHE_DIR``
is set (tests and benchmarks point it at a temporary folder).

The cache folder may be any folder a user names, their home included, so
nothing in it is ever deleted unless the cache can prove it made it: an
engine folder is named by a fingerprint (16 hex digits) and holds the
``MARKER`` file written when the folder was made; inside such a folder
every entry is the cache's own. Pruning and ``cache clear`` touch nothing
else. An entry is read only if it is a regular file of sane size, opened
without blocking, so a named pipe or a link to ``/dev/zero`` is a miss.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import re
import shutil
import stat
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from annotate import __version__
from annotate.model import (
    MENTION_TYPES,
    Analysis,
    Article,
    ArticleReading,
    ArticleWords,
    Corroboration,
    Discrepancy,
    Entity,
    Evidence,
    Mention,
    Denial,
    Negation,
    ReportedSpeech,
    WordStream,
)
from annotate.corpus.safe_text import visible

CACHE_DIR_ENV = "CORPUS_TUI_CACHE_DIR"
_FORMAT = 12  # bump when the layout or pickled classes change incompatibly (12: word streams)
_KEEP_ENGINES = 3  # fingerprints kept side by side (e.g. two installed versions)
_KEEP_CORPORA = 8  # whole-corpus results kept per engine, most recently used first
MARKER = "corpus-tui-cache"  # in each engine folder the cache made; nothing else is ever deleted
MAX_ENTRY_BYTES = 512 * 1024 * 1024  # a 1,000-article analysis pickles to a few MB
_ENGINE_FOLDER = re.compile(r"[0-9a-f]{16}")


def cache_root() -> Path:
    """The folder that holds every cached result."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    return _default_root()


def _default_root() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("corpus-tui", appauthor=False))


# Libraries whose data or scores shape the engine's output: a new release may find or link
# other names, so it must not be answered from results an older one made.
_DATA_PACKAGES = ("nameparser", "gender-guesser", "pycountry", "rapidfuzz")


def _version_of(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Changes whenever the engine's code or spaCy changes, so stale results are never used."""
    h = hashlib.sha256(f"{_FORMAT}:{__version__}".encode())
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        h.update(str(source.relative_to(package)).encode())
        h.update(source.read_bytes())
    spec = importlib.util.find_spec("spacy")  # finds spaCy without importing it
    if spec and spec.origin:
        about = Path(spec.origin).with_name("about.py")
        if about.is_file():
            h.update(about.read_bytes())
    for package in _DATA_PACKAGES:
        h.update(f"{package}:{_version_of(package)}".encode())
    from annotate.nlp.language import iso_countries_file

    countries = iso_countries_file()  # the ISO country names the entity finder lists
    if countries is not None:
        h.update(countries.read_bytes())
    return h.hexdigest()[:16]


def article_key(article: Article) -> str:
    """What the pipeline's output depends on: the id (in mention ids), text and date."""
    published = article.published.isoformat() if article.published else ""
    h = hashlib.sha256()
    for part in (article.id, published, article.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


# The model objects are stored as plain tuples: pickling tens of thousands of
# slotted dataclasses one by one is several times slower both ways.
# (The fingerprint hashes model.py, so the field order cannot drift.)
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_ENTITY, _EVIDENCE, _REPORTED = _names(Entity), _names(Evidence), _names(ReportedSpeech)
_NEGATION, _DENIAL, _STREAM = _names(Negation), _names(Denial), _names(WordStream)
_DISCREPANCY, _CORROBORATION = _names(Discrepancy), _names(Corroboration)
# Each kind of mention has its own fields, ``kind`` last: a row names its class by its last item.
_MENTION_FIELDS = {kind: _names(cls) for kind, cls in MENTION_TYPES.items()}


def _rows(items: list, names: tuple[str, ...]) -> list[tuple]:
    return [tuple(getattr(item, name) for name in names) for item in items]


def _mention_rows(mentions: list[Mention]) -> list[tuple]:
    return [tuple(getattr(m, name) for name in _MENTION_FIELDS[m.kind]) for m in mentions]


def _mentions_from_rows(rows: list[tuple]) -> list[Mention]:
    return [MENTION_TYPES[row[-1]](*row) for row in rows]  # type: ignore[misc]


def _with_evidence_rows(items: list, names: tuple[str, ...]) -> list[tuple]:
    # evidence is the last field of Discrepancy and Corroboration
    return [(*row[:-1], _rows(row[-1], _EVIDENCE)) for row in _rows(items, names)]


def _from_evidence_rows(cls: type, rows: list[tuple]) -> list:
    return [cls(*row[:-1], [Evidence(*e) for e in row[-1]]) for row in rows]


def pipeline_identity(model: str | None) -> str:
    """``--model`` with the version installed now, so an upgraded pipeline is never served
    another version's results: a package's version, or a folder's meta.json (read without
    importing spaCy, which a warm start never loads)."""
    if not model:
        return ""
    folder = Path(model)
    try:
        if folder.is_dir():
            meta = folder / "meta.json"
            return f"{folder.resolve()}:{meta.read_text(encoding='utf-8') if meta.is_file() else ''}"
        from importlib.metadata import PackageNotFoundError, version

        return f"{model}=={version(model)}"
    except (OSError, ValueError, PackageNotFoundError):
        return model


class EngineCache:
    """Read and write cached engine results for one pipeline (``model``)."""

    def __init__(self, model: str | None = None, root: Path | None = None) -> None:
        self.root = root or cache_root()
        model_slug = hashlib.sha256(pipeline_identity(model).encode()).hexdigest()[:12]
        self.folder = self.root / engine_fingerprint() / model_slug

    # -- per article -------------------------------------------------------

    def load_mentions(self, article: Article) -> ArticleReading | None:
        entry = self._read(self._mentions_path(article_key(article)))
        if not (isinstance(entry, tuple) and len(entry) == 8):
            return None
        rows, sentences, reported, (words, capitalised, counts), pipeline, negations, denials, stream = entry
        try:
            return ArticleReading(
                _mentions_from_rows(rows),
                sentences,
                [ReportedSpeech(*row) for row in reported],
                ArticleWords(words, capitalised, counts),
                pipeline,
                [Negation(*row) for row in negations],
                [Denial(*row) for row in denials],
                WordStream(*stream),
            )
        except (TypeError, KeyError, IndexError, ValueError):  # written by another layout of Mention
            return None

    def store_mentions(self, article: Article, read: ArticleReading) -> None:
        # Stored now, before linking fills in entity and speaker ids.
        words = (read.words.words, read.words.capitalised, read.words.counts)
        entry = (_mention_rows(read.mentions), read.sentences, _rows(read.reported, _REPORTED), words, read.pipeline,
                 _rows(read.negations, _NEGATION), _rows(read.denials, _DENIAL), _rows([read.stream], _STREAM)[0])
        self._write(self._mentions_path(article_key(article)), entry)

    # -- per corpus ---------------------------------------------------------

    def load_analysis(self, articles: Sequence[Article], stories: list[list[str]] | None = None) -> Analysis | None:
        """The analysis stored for these articles with these given stories (None: grouped by the engine)."""
        path = self._analysis_path(articles, stories)
        entry = self._read(path)
        if not (isinstance(entry, tuple) and len(entry) == 5 and isinstance(entry[0], Analysis)):
            return None
        rest, mentions, entities, discrepancies, corroborations = entry
        _touch(path)  # recently used: kept by _prune_corpora
        with suppress(TypeError, KeyError, IndexError):  # another layout
            return replace(
                rest,
                articles=list(articles),
                mentions=_mentions_from_rows(mentions),
                entities=[Entity(*row) for row in entities],
                discrepancies=_from_evidence_rows(Discrepancy, discrepancies),
                corroborations=_from_evidence_rows(Corroboration, corroborations),
            )
        return None

    def store_analysis(self, analysis: Analysis, stories: list[list[str]] | None = None) -> None:
        # The articles are the caller's own (they are the key): no need to store their text.
        rest = replace(analysis, articles=[], mentions=[], entities=[], discrepancies=[], corroborations=[])
        entry = (
            rest,
            _mention_rows(analysis.mentions),
            _rows(analysis.entities, _ENTITY),
            _with_evidence_rows(analysis.discrepancies, _DISCREPANCY),
            _with_evidence_rows(analysis.corroborations, _CORROBORATION),
        )
        self._write(self._analysis_path(analysis.articles, stories), entry)
        self._prune_corpora()
        self._prune_old_engines()

    # -- files --------------------------------------------------------------

    def _mentions_path(self, key: str) -> Path:
        return self.folder / "articles" / key[:2] / f"{key}.pickle"

    def _analysis_path(self, articles: Sequence[Article], stories: list[list[str]] | None) -> Path:
        # Summaries name the outlet or title, so those are part of a corpus's key too.
        h = hashlib.sha256()
        for article in articles:
            h.update(article_key(article).encode())
            h.update(f"\0{article.title}\0{article.source or ''}\0".encode("utf-8", "surrogatepass"))
        if stories is not None:  # the stories the user gave decide what is compared
            h.update(b"\0stories")
            for story in stories:
                h.update(("\0".join(story) + "\1").encode("utf-8", "surrogatepass"))
        return self.folder / "corpora" / f"{h.hexdigest()}.pickle"

    def _read(self, path: Path) -> object | None:
        data = read_regular_file(path, MAX_ENTRY_BYTES)
        if data is None:  # absent, not a regular file, too large, or an unusable cache folder
            return None
        try:
            return pickle.loads(data)
        except Exception:  # truncated, from an older layout, ...: a miss, and never again
            path.unlink(missing_ok=True)
            return None

    def _write(self, path: Path, entry: object) -> None:
        """Atomic: a reader sees the old entry or the new one, never half of one."""
        try:
            self._make_engine_folder()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except OSError:
            return  # a read-only cache folder makes the cache useless, not the engine
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(entry, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)  # e.g. a full disk

    def _make_engine_folder(self) -> None:
        """The engine folder, with the marker that lets pruning and ``cache clear`` delete it."""
        engine = self.folder.parent
        if not (engine / MARKER).is_file():
            engine.mkdir(parents=True, exist_ok=True)
            (engine / MARKER).write_text("Made by corpus-tui: its engine cache. Safe to delete.\n", encoding="utf-8")

    def _prune_corpora(self) -> None:
        """Each edit of a corpus makes a new whole-corpus entry: keep the recent ones."""
        try:
            entries = sorted(
                (self.folder / "corpora").glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
            )
            for stale in entries[_KEEP_CORPORA:]:
                stale.unlink(missing_ok=True)
        except OSError:
            pass

    def _prune_old_engines(self) -> None:
        engines = [p for p in engine_folders(self.root) if p != self.folder.parent]
        try:
            engines.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for stale in engines[_KEEP_ENGINES - 1 :]:
            shutil.rmtree(stale, ignore_errors=True)
        _touch(self.folder.parent)  # mark the current engine as recently used


def engine_folders(root: Path) -> list[Path]:
    """The folders in ``root`` the cache made: a fingerprint's name and the marker inside.
    Anything else in ``root`` (the user's own files, if they pointed the cache there) is not ours."""
    try:
        children = list(root.iterdir())
    except OSError:
        return []
    # Versions before the marker wrote fingerprint folders without it: in the default
    # folder, which bears corpus-tui's own name, the name alone is proof enough.
    named_ours = root == _default_root()
    ours = []
    for child in children:
        if not _ENGINE_FOLDER.fullmatch(child.name):
            continue
        try:
            if stat.S_ISDIR(child.lstat().st_mode) and (named_ours or stat.S_ISREG((child / MARKER).lstat().st_mode)):
                ours.append(child)
        except OSError:
            continue
    return ours


def read_regular_file(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes, else None.
    Opened without blocking and checked on the open file, so a named pipe or a device
    (``/dev/zero``) cannot hang the reader or fill memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
                return None
            data = f.read(limit + 1)
        except OSError:
            return None
    return data if len(data) <= limit else None


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def clear_cache(root: Path | None = None) -> int:
    """Delete every cached result (only folders the cache made); return the bytes freed."""
    root = root or cache_root()
    freed = cache_size(root)
    for engine in engine_folders(root):
        shutil.rmtree(engine, ignore_errors=True)
    return freed


def cache_size(root: Path | None = None) -> int:
    """Bytes held by the cache's own folders in ``root``."""
    total = 0
    for engine in engine_folders(root or cache_root()):
        for folder, _dirs, files in os.walk(engine):  # does not follow links
            for name in files:
                with suppress(OSError):
                    total += os.lstat(os.path.join(folder, name)).st_size
    return total


def run_cache_command(argv: list[str]) -> int:
    """``corpus-tui cache {info,clear}``: where the cache is, how big, and emptying it."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="corpus-tui cache", description="Show or clear the engine's cache of results."
    )
    parser.add_argument("action", choices=("info", "clear"), nargs="?", default="info")
    args = parser.parse_args(argv)
    root = cache_root()
    shown = visible(str(root))
    if args.action == "clear":
        freed = clear_cache(root)
        print(f"Cleared the engine cache in {shown} ({_human(freed)} freed; nothing else there was touched)")
    else:
        print(f"{shown}  {_human(cache_size(root))}")
    return 0


def _human(size: int) -> str:
    for unit in ("B", "KiB", "MiB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"
