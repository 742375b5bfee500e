"""``corpus-tui import SOURCE... [-o FOLDER]``: saved web pages and links -> article files.

A SOURCE is a saved page (``.html``, ``.htm``, ``.mhtml``), a web address, a
folder of saved pages, or a text file listing web addresses (one a line;
``#`` starts a comment). Each article becomes one ``.md`` file with front
matter (title, source, author, published, url), named from its title. An
existing file is never overwritten: the next free numbered name is used,
unless that file already holds exactly this article ("already there").
Pages are fetched and read four at a time; files are written in the order
given. The exit status is 1 only when nothing was imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from annotate.corpus.fetch import FetchError, fetch_page, is_web_address
from annotate.corpus.safe_text import visible
from annotate.corpus.loading import PAGE_SUFFIXES, is_browser_files_folder
from annotate.corpus.web_page import NotAnArticle, PageArticle, extract_article

MAX_SOURCE_BYTES = 20 * 1024 * 1024
MAX_NAME_CHARS = 80
_THREADS = 4


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # as the user gave it (a path, a URL, "list.txt, line 3")
    path: Path | None = None
    url: str | None = None
    problem: str | None = None  # known before reading: the source is unusable


@dataclass(frozen=True, slots=True)
class Outcome:
    source: Source
    article: PageArticle | None = None
    reason: str | None = None  # why it was skipped


def run_import(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="corpus-tui import",
        description="Turn saved web pages and links into article files with front matter "
        "(title, outlet, author, date, URL) that corpus-tui reads.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="a saved page (.html, .htm, .mhtml), a web address, a folder of saved pages, "
                        "or a text file listing web addresses")
    parser.add_argument("-o", "--output", metavar="FOLDER", default=".", help="where to write the articles (default: here)")
    args = parser.parse_args(argv)
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"corpus-tui import: cannot create {visible(str(folder))}: {error.strerror or error}", file=sys.stderr)
        return 1
    sources = list(expand_sources(args.sources))
    from annotate.progress import terminal_progress

    progress = terminal_progress("Importing", unit="pages")
    tally = _Tally()
    with ThreadPoolExecutor(_THREADS) as pool:
        for done, outcome in enumerate(pool.map(read_source, sources), start=1):
            if progress:
                progress.close()  # a message line, then the bar again
            tally.write(outcome, folder)
            if progress:
                progress(done, len(sources))
    if progress:
        progress.close()
    print(f"corpus-tui import: {tally.summary(folder)}", file=sys.stderr)
    return 0 if tally.written else 1


@dataclass(slots=True)
class _Tally:
    """What was written and skipped, said as it happens and summed up at the end."""

    written: int = 0
    already: int = 0  # of written: the same article was there
    skipped: int = 0

    def write(self, outcome: Outcome, folder: Path) -> None:
        # Names, addresses and server messages are data: shown inert.
        source = visible(outcome.source.name)
        if outcome.article is None:
            self.skipped += 1
            print(f"corpus-tui import: skipped {source}: {visible(outcome.reason or '')}", file=sys.stderr)
            return
        try:
            path, new = write_article(outcome.article, folder)
        except OSError as error:
            self.skipped += 1
            print(f"corpus-tui import: skipped {source}: cannot write into {visible(str(folder))} "
                  f"({error.strerror or error})", file=sys.stderr)
            return
        self.written += 1
        self.already += not new
        print(f"{visible(str(path))}  <- {source}" + ("" if new else "  (already there)"))

    def summary(self, folder: Path) -> str:
        total = self.written + self.skipped
        text = f"imported {self.written} of {total} source{'s' if total != 1 else ''} into {visible(str(folder))}"
        if self.already:
            text += f" ({self.already} already there)"
        return text + (f"; {self.skipped} skipped" if self.skipped else "")


# --- sources -------------------------------------------------------------------


def expand_sources(arguments: list[str]) -> Iterator[Source]:
    """Every page to read, in the order given: folders and lists of addresses opened."""
    for argument in arguments:
        if is_web_address(argument):
            yield Source(argument, url=argument.strip())
            continue
        path = Path(argument)
        if path.is_dir():
            pages = list(_pages_in(path))
            yield from pages or [Source(argument, problem="no saved pages (.html, .htm, .mhtml) in this folder")]
        elif not path.exists():
            yield Source(argument, problem="no such file, and not a web address (http:// or https://)")
        elif path.suffix.lower() in PAGE_SUFFIXES or _looks_like_html(path):
            yield Source(argument, path=path)
        else:
            yield from _addresses_in(path, argument)


def _pages_in(folder: Path) -> Iterator[Source]:
    for root, dirs, files in os.walk(folder):
        siblings = set(files)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not is_browser_files_folder(d, siblings))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in PAGE_SUFFIXES:
                yield Source(str(Path(root) / name), path=Path(root) / name)


def _looks_like_html(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            start = f.read(1024).lstrip().lower()
    except OSError:
        return False
    return start.startswith((b"<!doctype html", b"<html", b"<!--")) or b"<html" in start


def _addresses_in(path: Path, name: str) -> Iterator[Source]:
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            yield Source(name, problem="too large for a list of web addresses")
            return
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        yield Source(name, problem=f"cannot read ({error.strerror or error})")
        return
    entries = [(n, line.strip()) for n, line in enumerate(lines, start=1)]
    entries = [(n, line) for n, line in entries if line and not line.startswith("#")]
    if not any(is_web_address(line) for _, line in entries):
        # One reason, not one per line: this is an article or some other text.
        yield Source(name, problem="neither a saved page (.html, .htm, .mhtml) nor a list of web addresses")
        return
    for number, line in entries:
        if is_web_address(line):
            yield Source(line, url=line)
        else:
            yield Source(f"{name}, line {number}", problem=f"not a web address: {line[:80]!r}")


# --- reading one source (in a worker thread) --------------------------------------------


def read_source(source: Source) -> Outcome:
    if source.problem:
        return Outcome(source, reason=source.problem)
    try:
        if source.url:
            page = fetch_page(source.url)
            return Outcome(source, extract_article(page.html, page.url))
        return Outcome(source, extract_article(_read_file(source.path)))
    except (FetchError, NotAnArticle) as why:
        return Outcome(source, reason=str(why))
    except Exception as error:  # one odd page must not stop the others
        return Outcome(source, reason=f"could not be read ({type(error).__name__}: {error})")


def _read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise NotAnArticle(f"too large (the limit is {MAX_SOURCE_BYTES // (1024 * 1024)} MB)")
        return path.read_bytes()
    except OSError as error:
        raise NotAnArticle(f"cannot read ({error.strerror or error})") from None


# --- writing ---------------------------------------------------------------------


def file_stem(title: str) -> str:
    """A file name from a title: lower-case words joined by '-', at most 80 characters."""
    from annotate.corpus.loading import slug

    stem = slug(title)
    if len(stem) > MAX_NAME_CHARS:
        stem = stem[:MAX_NAME_CHARS].rsplit("-", 1)[0]
    return stem


def write_article(article: PageArticle, folder: Path) -> tuple[Path, bool]:
    """Write the article under a free name. Returns the path and False if it was already there."""
    content = article.as_markdown().encode("utf-8")
    stem = file_stem(article.title)
    n = 1
    while True:
        path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # never replaces a file
        except FileExistsError:
            if _holds(path, content):
                return path, False
            n += 1
            continue
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        return path, True


def _holds(path: Path, content: bytes) -> bool:
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False
