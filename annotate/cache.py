"""The engine cache: results kept in the user's cache folder between launches.

Two levels, both keyed by the engine's fingerprint (version + a hash of the
engine's own source + spaCy's version) and the pipeline asked for (``--model``):

- per article: the mentions the pipeline found, before cross-article linking,
  keyed by a hash of the article's id, text and publication date. A changed
  article alone is re-annotated.
- per corpus: the whole ``Analysis``, keyed by the article keys in order. An
  unchanged corpus is answered from here without importing spaCy at all.

Entries are pickles of the model classes, written atomically; anything
unreadable counts as a miss and is removed. The folder is
``platformdirs.user_cache_dir("corpus-tui")`` unless ``CORPUS_TUI_CACHE_DIR``
is set (tests and benchmarks point it at a temporary folder).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import __version__
from .model import Analysis, Article, Mention

CACHE_DIR_ENV = "CORPUS_TUI_CACHE_DIR"
_FORMAT = 1  # bump when the layout or pickled classes change incompatibly
_KEEP_ENGINES = 3  # fingerprints kept side by side (e.g. two installed versions)


def cache_root() -> Path:
    """The folder that holds every cached result."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("corpus-tui", appauthor=False))


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
    return h.hexdigest()[:16]


def article_key(article: Article) -> str:
    """What the pipeline's output depends on: the id (in mention ids), text and date."""
    published = article.published.isoformat() if article.published else ""
    h = hashlib.sha256()
    for part in (article.id, published, article.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class CachedMentions:
    mentions: list[Mention]
    pipeline: str


class EngineCache:
    """Read and write cached engine results for one pipeline (``model``)."""

    def __init__(self, model: str | None = None, root: Path | None = None) -> None:
        self.root = root or cache_root()
        model_slug = hashlib.sha256((model or "").encode()).hexdigest()[:12]
        self.folder = self.root / engine_fingerprint() / model_slug

    # -- per article -------------------------------------------------------

    def load_mentions(self, article: Article) -> CachedMentions | None:
        entry = self._read(self._mentions_path(article_key(article)))
        return entry if isinstance(entry, CachedMentions) else None

    def store_mentions(self, article: Article, mentions: list[Mention], pipeline: str) -> None:
        # Pickled now, before linking fills in Mention.entity / speaker ids.
        self._write(self._mentions_path(article_key(article)), CachedMentions(mentions, pipeline))

    # -- per corpus ---------------------------------------------------------

    def load_analysis(self, articles: Sequence[Article]) -> Analysis | None:
        entry = self._read(self._analysis_path(articles))
        if not isinstance(entry, Analysis):
            return None
        return replace(entry, articles=list(articles))

    def store_analysis(self, analysis: Analysis) -> None:
        # The articles are the caller's own (they are the key): no need to store their text.
        self._write(self._analysis_path(analysis.articles), replace(analysis, articles=[]))
        self._prune_old_engines()

    # -- files --------------------------------------------------------------

    def _mentions_path(self, key: str) -> Path:
        return self.folder / "articles" / key[:2] / f"{key}.pickle"

    def _analysis_path(self, articles: Sequence[Article]) -> Path:
        # Summaries name the outlet or title, so those are part of a corpus's key too.
        h = hashlib.sha256()
        for article in articles:
            h.update(article_key(article).encode())
            h.update(f"\0{article.title}\0{article.source or ''}\0".encode("utf-8", "surrogatepass"))
        return self.folder / "corpora" / f"{h.hexdigest()}.pickle"

    def _read(self, path: Path) -> object | None:
        try:
            with path.open("rb") as f:
                data = f.read()
        except OSError:  # absent, or an unusable cache folder
            return None
        try:
            return pickle.loads(data)
        except Exception:  # truncated, from an older layout, ...: a miss, and never again
            path.unlink(missing_ok=True)
            return None

    def _write(self, path: Path, entry: object) -> None:
        """Atomic: a reader sees the old entry or the new one, never half of one."""
        try:
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

    def _prune_old_engines(self) -> None:
        try:
            engines = [p for p in self.root.iterdir() if p.is_dir() and p != self.folder.parent]
        except OSError:
            return
        engines.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in engines[_KEEP_ENGINES - 1 :]:
            shutil.rmtree(stale, ignore_errors=True)
        os.utime(self.folder.parent)  # mark the current engine as recently used


def clear_cache(root: Path | None = None) -> int:
    """Delete every cached result; return the bytes freed."""
    root = root or cache_root()
    freed = cache_size(root)
    if root.is_dir():
        for child in root.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    return freed


def cache_size(root: Path | None = None) -> int:
    root = root or cache_root()
    if not root.is_dir():
        return 0
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def run_cache_command(argv: list[str]) -> int:
    """``corpus-tui cache {info,clear}``: where the cache is, how big, and emptying it."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="corpus-tui cache", description="Show or clear the engine's cache of results."
    )
    parser.add_argument("action", choices=("info", "clear"), nargs="?", default="info")
    args = parser.parse_args(argv)
    root = cache_root()
    if args.action == "clear":
        freed = clear_cache(root)
        print(f"Cleared {root} ({_human(freed)} freed)")
    else:
        print(f"{root}  {_human(cache_size(root))}")
    return 0


def _human(size: int) -> str:
    for unit in ("B", "KiB", "MiB"):
        if size < 1024:
            return f"{size:.0f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"
