"""Saved pages inside a corpus folder, read as articles and remembered.

Extracting an article from a page takes tens of milliseconds (and importing
trafilatura a third of a second), so the result, the same text ``corpus-tui
import`` would write, is kept in ``pages/`` in the cache folder, keyed by a
hash of the page's bytes and of the extractor (this package's page code and
trafilatura's version). A page that is not an article is remembered with
its reason. Entries of an older extractor are deleted when the first entry
of a new one is written; nothing else in the cache folder is touched.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

from annotate.cache import cache_root

_SKIP_MARK = "not an article: "


def read_saved_page(data: bytes) -> tuple[str, str]:
    """(front matter and text, as in an imported ``.md``; the page's encoding).

    Raises ``corpus.Skip`` with the reason for a page that is not an article.
    """
    from annotate.corpus.loading import Skip

    folder = cache_root() / "pages" / _extractor()
    key = hashlib.sha256(data).hexdigest()
    entry = folder / key[:2] / f"{key}.txt"
    try:
        kept = entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        kept = None
    if kept is not None:
        encoding, _, text = kept.partition("\n")
        if text.startswith(_SKIP_MARK):
            raise Skip(text.removeprefix(_SKIP_MARK))
        return text, encoding
    from annotate.corpus.web_page import NotAnArticle, decode_html, extract_article, unpack_archive

    try:
        encoding = decode_html(unpack_archive(data)[0])[1]
        text = extract_article(data).as_markdown()
    except NotAnArticle as why:
        _store(folder, entry, f"-\n{_SKIP_MARK}{why}")
        raise Skip(str(why)) from None
    _store(folder, entry, f"{encoding}\n{text}")
    return text, encoding


@cache
def _extractor() -> str:
    """Changes with the page code or trafilatura, so an older extraction is never reused."""
    h = hashlib.sha256()
    for module in ("web_page.py", "page_cache.py"):
        h.update(Path(__file__).with_name(module).read_bytes())
    for package in ("trafilatura", "htmldate"):
        try:
            h.update(importlib.metadata.version(package).encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    return h.hexdigest()[:16]


def _store(folder: Path, entry: Path, content: str) -> None:
    try:
        if not folder.is_dir():
            _remove_older_extractors(folder.parent)
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
    except OSError:
        return  # no cache: the page is extracted again next time, that is all
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.replace(tmp, entry)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def _remove_older_extractors(pages: Path) -> None:
    try:
        older = [p for p in pages.iterdir() if p.is_dir() and len(p.name) == 16]
    except OSError:
        return
    for folder in older:
        shutil.rmtree(folder, ignore_errors=True)


def drop_imported_twins(articles: list, problems: list) -> list:
    """Saved pages whose article is also in the corpus as an imported file, read once.

    ``corpus-tui import`` run in the folder of saved pages writes the ``.md`` files beside
    them: without this, opening that folder would show every article twice.
    """
    from annotate.corpus.article import Problem
    from annotate.corpus.loading import PAGE_SUFFIXES

    def is_page(article) -> bool:
        return Path(article.path).suffix.lower() in PAGE_SUFFIXES

    imported = {(a.text, a.url): a for a in articles if not is_page(a)}
    kept = []
    for article in articles:
        twin = imported.get((article.text, article.url)) if is_page(article) else None
        if twin is None:
            kept.append(article)
        else:
            reason = f"skipped: the same article as {Path(twin.path).name}, imported from it"
            problems.append(Problem(article.path, reason, "error"))
    return kept
