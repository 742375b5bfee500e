"""Load a corpus: article files or folders -> ``Article`` objects plus ``Problem`` s.

Rules (see README "Corpus format" and "Limits and errors"):

- A folder is searched recursively, in sorted order, for ``*.txt`` and ``*.md``
  (any case). Hidden entries (names starting with ".") are skipped. Symbolic
  links are followed, but a folder is never entered twice, so link loops end.
  A file named explicitly is read whatever its extension. Saved web pages
  (``*.html``, ``*.htm``, ``*.mhtml``) are read as the article in them (``page_cache``),
  and the folder of images a browser saves beside one is not entered.
- Optional YAML front matter between ``---`` lines: ``title``, ``source``,
  ``published`` (YYYY-MM-DD), ``url``, ``author``. Without a title, the first non-empty
  line is the title. Nothing else is invented.
- Encodings: UTF-8 (with or without BOM), UTF-16/32 with a BOM; otherwise
  Windows-1252 when the bytes read as plausible Western text, else what
  charset-normalizer detects (a warning names it). A few invalid UTF-8 bytes
  become U+FFFD (warning). Binary files (many NULs, known signatures, nothing
  decodes) and files over ``MAX_FILE_BYTES`` are skipped.
- ``Article.text`` is the decoded file without its front matter, with line
  ends (``\\r\\n``, ``\\r``, U+2028, U+2029) normalised to ``"\\n"`` and NUL
  characters removed. All engine offsets refer to this text. Other control
  characters are kept: display code shows them with ``safe_text.visible``.
- One bad file never stops the others: it becomes a ``Problem`` naming the
  file and the reason (severity "error" when skipped, "warning" when loaded
  with a repair). ``CorpusError`` is raised only when nothing loads.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from annotate.corpus.article import Article, Problem
from annotate.corpus.safe_text import visible

ARTICLE_SUFFIXES = (".txt", ".md")
# Saved web pages (``.mhtml``: a page saved as one file), read by ``annotate.corpus.web_page``
# (imported only when there is one: it is not on the way to the reader's first screen).
PAGE_SUFFIXES = (".html", ".htm", ".mhtml", ".mht")
FILE_SUFFIXES = ARTICLE_SUFFIXES + PAGE_SUFFIXES
MAX_FILE_BYTES = 20 * 1024 * 1024  # larger files are skipped: nobody reads 20 MB side by side
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_TITLE_CHARS = 200
MAX_FOLDER_DEPTH = 32


class CorpusError(Exception):
    """Nothing could be loaded. ``problems`` says, file by file, why."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


@dataclass(slots=True)
class LoadedCorpus:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class Skip(Exception):
    """A file that cannot be used; the message is the reason shown to the user."""


def load_corpus(paths: Sequence[str | os.PathLike[str]]) -> LoadedCorpus:
    """Load every article under ``paths``; raise ``CorpusError`` if none loads."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not paths:
        raise CorpusError("no corpus path given")
    files, problems = find_article_files([Path(p) for p in paths])
    loaded = LoadedCorpus(problems=problems)
    read: list[tuple[Path, Path | None]] = []
    for path, root in files:
        try:
            article, notes = read_article(path)
        except Skip as why:
            loaded.problems.append(Problem(str(path), f"skipped: {why}", "error"))
            continue
        loaded.problems.extend(Problem(str(path), note) for note in notes)
        loaded.articles.append(article)
        read.append((path, root))
    if len(loaded.articles) > 1 and any(Path(a.path).suffix.lower() in PAGE_SUFFIXES for a in loaded.articles):
        from annotate.corpus.page_cache import drop_imported_twins

        kept = drop_imported_twins(loaded.articles, loaded.problems)
        keep = {id(a) for a in kept}
        read = [r for a, r in zip(loaded.articles, read) if id(a) in keep]
        loaded.articles = kept
    ids = article_ids(read)  # after the twins went: a dropped page takes no id
    for n, (article, article_id) in enumerate(zip(loaded.articles, ids)):
        if article_id != article.id:
            if article_id != path_id(*read[n]):
                loaded.problems.append(
                    Problem(article.path, f"the article id {path_id(*read[n])!r} is already used by another file; this one is {article_id!r}")
                )
            loaded.articles[n] = replace(article, id=article_id)
    if not loaded.articles:
        raise CorpusError(_nothing_loaded_message(paths, loaded.problems), loaded.problems)
    return loaded


def load_corpus_for_command(paths: Sequence[str | os.PathLike[str]], command: str) -> LoadedCorpus | None:
    """``load_corpus`` for a command line: every problem on stderr, None when nothing loads."""
    try:
        corpus = load_corpus(paths)
    except CorpusError as e:
        print(f"corpus-tui {command}: {e}", file=sys.stderr)  # the message is made visible
        return None
    for problem in corpus.problems:
        print(f"corpus-tui {command}: {problem.severity}: {problem}", file=sys.stderr)
    return corpus


def _nothing_loaded_message(paths: Sequence[object], problems: list[Problem]) -> str:
    # Shown on a terminal: file names may hold control codes, so made visible.
    where = ", ".join(visible(str(p)) for p in paths)
    if not problems:
        return f"no articles found in {where} (looked for {', '.join(FILE_SUFFIXES)} files)"
    lines = [f"no article could be loaded from {where}:"]
    lines += [f"  {visible(str(p))}" for p in problems]
    return "\n".join(lines)


# --- finding files ---------------------------------------------------------


def find_article_files(paths: Sequence[Path]) -> tuple[list[tuple[Path, Path | None]], list[Problem]]:
    """Files to read, in a stable order, each with the folder it was found in (None for a
    file named itself), and problems with the paths themselves."""
    files: list[tuple[Path, Path | None]] = []
    problems: list[Problem] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        try:
            st = path.stat()
        except OSError as err:
            problems.append(Problem(str(path), _os_reason(path, err), "error"))
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue  # the same folder named twice
            found_before = len(files)
            others: list[str] = []
            for item in _walk(path, seen_dirs, problems, others, depth=0):
                _add_file(item, path, files, seen_files)
            if len(files) == found_before:
                n = len(others)
                hint = f" (only {n} other file{'s' if n > 1 else ''}, e.g. {others[0]!r})" if n else ""
                problems.append(Problem(str(path), f"folder has no .txt, .md or .html articles{hint}", "error"))
        else:
            _add_file(path, None, files, seen_files)
    return files, problems


def _add_file(path: Path, root: Path | None, files: list[tuple[Path, Path | None]], seen: set[tuple[int, int]]) -> None:
    # The same file reached twice (named twice, or through a link) is read once.
    try:
        st = path.stat()
        key = (st.st_dev, st.st_ino)
    except OSError:
        files.append((path, root))  # read_article reports why it cannot be read
        return
    if key not in seen:
        seen.add(key)
        files.append((path, root))


def _walk(
    folder: Path,
    seen_dirs: set[tuple[int, int]],
    problems: list[Problem],
    others: list[str],
    depth: int,
) -> Iterator[Path]:
    try:
        st = folder.stat()
    except OSError as err:
        problems.append(Problem(str(folder), _os_reason(folder, err), "error"))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen_dirs:  # reached again from inside: a link back up, or two links to one folder
        problems.append(Problem(str(folder), "skipped: folder already read (a symbolic link loop?)"))
        return
    seen_dirs.add(key)
    if depth > MAX_FOLDER_DEPTH:
        problems.append(Problem(str(folder), f"skipped: nested more than {MAX_FOLDER_DEPTH} folders deep"))
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        problems.append(Problem(str(folder), _os_reason(folder, err), "error"))
        return
    names = {entry.name for entry in entries}
    for entry in entries:
        if entry.name.startswith(".") or is_browser_files_folder(entry.name, names):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()  # follows links
            is_file = entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            yield from _walk(path, seen_dirs, problems, others, depth + 1)
        elif path.suffix.lower() in FILE_SUFFIXES:
            yield path  # includes broken links: read_article names the problem
        elif is_file:
            others.append(entry.name)
        elif entry.is_symlink():
            problems.append(Problem(str(path), _os_reason(path, _stat_error(path)), "error"))


def _stat_error(path: Path) -> OSError:
    try:
        path.stat()
    except OSError as err:
        return err
    return OSError("not a regular file")


def _os_reason(path: Path, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "skipped: symbolic link loop"
    if err.errno == errno.ENOENT:
        if path.is_symlink():
            return f"skipped: broken symbolic link (target {os.readlink(path)!r} does not exist)"
        return "no such file or folder"
    if err.errno == errno.EACCES or isinstance(err, PermissionError):
        return "skipped: permission denied"
    if err.errno == errno.EISDIR:
        return "skipped: is a folder"
    return f"skipped: cannot read ({err.strerror or err})"


# --- reading one file ------------------------------------------------------


def read_article(path: Path) -> tuple[Article, list[str]]:
    """Read one file. Returns the article (id not yet de-duplicated) and warnings.

    Raises ``Skip`` with the reason when the file cannot be used.
    """
    data = _read_bytes(path)
    if path.suffix.lower() in PAGE_SUFFIXES:
        from annotate.corpus.page_cache import read_saved_page

        from annotate.corpus.web_page import encoding_note

        (text, encoding), notes = read_saved_page(data), []
        if note := encoding_note(data, encoding):
            notes.append(note)
    else:
        text, encoding, notes = decode(data)
    text, removed_nuls = normalise(text)
    if removed_nuls:
        notes.append(f"removed {removed_nuls} NUL character{'s' if removed_nuls > 1 else ''}")
    meta, text, fm_notes = split_front_matter(text)
    notes += fm_notes
    if not text.strip():
        raise Skip("no text after the front matter" if meta is not None else "empty or only whitespace")
    title = _text_field(meta, "title", notes) or first_line_title(text, path)
    article = Article(
        id=slug(path.stem),  # load_corpus gives the id from the path inside the corpus
        path=str(path),
        title=_shorten(title),
        text=text,
        source=_text_field(meta, "source", notes),
        published=_date_field(meta, "published", notes),
        url=_text_field(meta, "url", notes),
        author=_text_field(meta, "author", notes),
        encoding=encoding,
    )
    return article, notes


def _read_bytes(path: Path) -> bytes:
    try:
        # Non-blocking open, then checks on the open file: a named pipe or a
        # device can neither hang the loader nor swap in after the check.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise Skip("is a folder")
            if not stat.S_ISREG(st.st_mode):
                raise Skip("not a regular file")
            if st.st_size > MAX_FILE_BYTES:
                raise Skip(f"too large ({_mb(st.st_size)}; the limit is {_mb(MAX_FILE_BYTES)})")
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise Skip(_os_reason(path, err).removeprefix("skipped: ")) from None
    if len(data) > MAX_FILE_BYTES:
        raise Skip(f"too large (over {_mb(MAX_FILE_BYTES)})")
    return data


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


# --- decoding --------------------------------------------------------------

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (  # common binary formats, named so the user knows what they dropped in
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding name, warnings). Raises ``Skip`` for binary data."""
    if not data.strip():
        raise Skip("empty or only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            name = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                return data.decode(encoding), name, []
            except UnicodeDecodeError as err:
                text = data.decode(encoding, errors="replace")
                return text, name, [f"invalid {name} data at byte {err.start}; replaced with \N{REPLACEMENT CHARACTER}"]
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Skip(f"binary file ({what})")
    sample = data[:65536]
    if sample.count(0) > len(sample) // 10:
        return _decode_nul_heavy(data)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\N{REPLACEMENT CHARACTER}") - data.count("\N{REPLACEMENT CHARACTER}".encode())
        return text, "utf-8", [f"{bad} invalid UTF-8 byte sequence{'s' if bad > 1 else ''} replaced with \N{REPLACEMENT CHARACTER}"]
    return _decode_detected(data)


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes, rather than a legacy encoding.

    Legacy single-byte text almost never contains valid multi-byte UTF-8
    sequences, so if some exist the file is UTF-8 with damage.
    """
    text = data.decode("utf-8", errors="replace")
    ascii_chars = len(data.translate(None, _HIGH_BYTES))
    damaged = text.count("\N{REPLACEMENT CHARACTER}")
    multibyte = len(text) - ascii_chars - damaged  # valid non-ASCII characters
    return multibyte > 0 and damaged <= max(multibyte, len(data) // 1000)


# Non-ASCII punctuation common in Western text saved as Windows-1252.
_WESTERN_PUNCTUATION = frozenset("\u201c\u201d\u2018\u2019\u201e\u2013\u2014\u2026\u20ac\u2022\u00ab\u00bb\u00b0\u00a3\u00a1\u00bf\u00a9\u00ae\u2122\u00b7\u00a0\u00a7")


def _plausible_cp1252(data: bytes) -> str | None:
    """Windows-1252 text, if the bytes read as plausible Western text.

    The most common non-UTF-8 encoding of scraped news, and the one detectors
    most often mistake for a DOS code page on short texts. Plausible means:
    every non-ASCII character is a letter or common punctuation, and accented
    letters are a minority (Cyrillic or Greek bytes read as Windows-1252 give
    words made only of accented letters).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = {c for c in set(text) if ord(c) > 0x7F}
    if any(not c.isalpha() and c not in _WESTERN_PUNCTUATION for c in non_ascii):
        return None
    sample = text[:1_000_000]
    accented = sum(sample.count(c) for c in non_ascii)  # all letters now
    letters = accented + len(_ASCII_LETTERS.findall(sample))
    return text if accented <= 0.3 * letters else None


_ASCII_LETTERS = re.compile("[A-Za-z]")


def _decode_detected(data: bytes) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes

    text = _plausible_cp1252(data)
    if text is not None and not _looks_binary(text):
        return text, "cp1252", ["not UTF-8; decoded as cp1252 (Windows-1252, detected)"]
    best = from_bytes(data).best()
    if best is None:
        raise Skip("binary file (not text in any encoding that could be detected)")
    encoding = best.encoding
    text = data.decode(encoding, errors="replace")
    if _looks_binary(text):
        raise Skip("binary file (mostly control characters)")
    return text, encoding, [f"not UTF-8; decoded as {encoding} (detected)"]


def _decode_nul_heavy(data: bytes) -> tuple[str, str, list[str]]:
    # Many NULs: either UTF-16/32 without a byte order mark, or binary.
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text) and sum(c.isprintable() or c.isspace() for c in text) > 0.95 * len(text):
            return text, encoding, [f"decoded as {encoding} (no byte order mark)"]
    raise Skip("binary file (contains many NUL bytes)")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return controls > len(sample) // 20


def normalise(text: str) -> tuple[str, int]:
    """Line ends -> "\\n"; NULs removed. Returns the text and how many NULs went."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    nuls = text.count("\0")
    if nuls:
        text = text.replace("\0", "")
    return text, nuls


# --- front matter ----------------------------------------------------------

_FENCE = re.compile(r"---[ \t]*\n")


@cache
def _yaml_loaders():
    """(safe loader, front matter loader), made when the first front matter is read: a
    corpus without any (and the app's first screen) never imports yaml."""
    import yaml

    # libyaml's parser when installed: about 7x faster on a 1,000-file corpus.
    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class FrontMatterLoader(safe):
        """Safe YAML, but dates stay strings: an impossible date is a warning, not a crash."""

    FrontMatterLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in safe.yaml_implicit_resolvers.items()
    }
    return safe, FrontMatterLoader

_KEY_LINE = re.compile(r"^[^\s#:-][^:\n]*:(?:[ \t]|$)", re.MULTILINE)
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict | None, str, list[str]]:
    """(metadata or None, text without the front matter, warnings).

    A ``---`` block whose lines look like ``key: value`` is front matter even
    when its YAML is broken: it is removed and a warning given, so the reader
    does not see half-parsed metadata as prose. Any other ``---`` block (a
    Markdown rule, a list) stays in the text: nothing is lost.
    """
    if not _FENCE.match(text):
        return None, text, []
    close = _CLOSE.search(text, text.index("\n") + 1)
    if close is None:
        return None, text, ["front matter opened with '---' but never closed; read as text"]
    block = text[text.index("\n") + 1 : close.start()]
    body = text[close.end() :].lstrip("\n")
    if not block.strip():
        return {}, body, []
    if len(block) > MAX_FRONT_MATTER_CHARS or not _KEY_LINE.search(block):
        return None, text, ["starts with a '---' block that is not 'key: value' front matter; read as text"]
    import yaml

    try:
        if _uses_aliases(block):
            return {}, body, ["front matter uses YAML anchors or aliases; ignored"]
        meta = yaml.load(block, Loader=_yaml_loaders()[1])  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, ValueError) as err:
        where = ""
        mark = getattr(err, "problem_mark", None)
        if mark is not None:
            where = f" at line {mark.line + 2}"  # +1 for 1-based, +1 for the opening ---
        problem = getattr(err, "problem", None) or "invalid YAML"
        return {}, body, [f"front matter is not valid YAML{where} ({problem}); ignored"]
    if not isinstance(meta, dict):
        return {}, body, [f"front matter is a {type(meta).__name__}, not 'key: value' lines; ignored"]
    return meta, body, []


def _uses_aliases(block: str) -> bool:
    # Front matter needs no anchors; refusing them stops "billion laughs" bombs.
    import yaml

    return any(isinstance(t, (yaml.AliasToken, yaml.AnchorToken)) for t in yaml.scan(block, Loader=_yaml_loaders()[0]))


def _text_field(meta: dict | None, key: str, notes: list[str]) -> str | None:
    if not meta or meta.get(key) is None:
        return None
    value = meta[key]
    if isinstance(value, (dict, list, set, tuple)):
        notes.append(f"front matter {key!r} is not text; ignored")
        return None
    value = _shorten(str(value), 2000)
    return value or None


def _date_field(meta: dict | None, key: str, notes: list[str]) -> dt.date | None:
    if not meta or meta.get(key) is None:
        return None
    value = meta[key]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ]\d)", value.strip()):
        try:  # YYYY-MM-DD, or a full ISO timestamp whose date is taken
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    shown = str(value) if not isinstance(value, (dict, list)) else type(value).__name__
    notes.append(f"front matter {key!r} is not a date (YYYY-MM-DD): {_shorten(shown, 40)!r}; ignored")
    return None


# --- titles and ids --------------------------------------------------------


def first_line_title(text: str, path: Path) -> str:
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start : min(end, start + 4 * MAX_TITLE_CHARS)].strip()  # a 1 MB line makes a short title
        if path.suffix.lower() == ".md":
            line = line.lstrip("#").strip()
        if any(c.isalnum() for c in line):  # not a rule like "---" or "* * *"
            return line
        start = end + 1
    return path.stem


def _shorten(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    # Metadata has no offsets, so it is made one-line and control-free here, once.
    text = visible(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"


def is_browser_files_folder(name: str, siblings: set[str]) -> bool:
    """``Page_files``: the images and scripts a browser saved beside ``Page.html``."""
    stem = name.removesuffix("_files")
    return stem != name and any(f"{stem}{suffix}" in siblings for suffix in PAGE_SUFFIXES)


def slug(stem: str) -> str:
    """A stable id from a file name: lower case, words joined by '-'."""
    words = re.findall(r"[^\W_]+", stem.lower())
    return "-".join(words) or "article"


def path_id(path: Path, root: Path | None) -> str:
    """An article's id from its path inside the folder it was found in: ``bbc/story.txt``
    gives ``bbc/story``; a file named on the command line, its name alone."""
    try:
        relative = path.relative_to(root) if root is not None else Path(path.name)
    except ValueError:
        relative = Path(path.name)
    return "/".join([*(slug(part) for part in relative.parent.parts), slug(relative.stem)])


def article_ids(files: Sequence[tuple[Path, Path | None]]) -> list[str]:
    """Unique ids, each from its own file's path, never from its place in the corpus:
    adding or removing a file never gives another file's id to an article, so notes
    cannot move to it. Files whose ids collide (``Same Story.txt`` and
    ``same_story.md``; ``story.txt`` in two folders named on the command line) all
    get a longer id: with their folder's name, then their extension, then a hash."""
    ids = [path_id(path, root) for path, root in files]
    for longer in (_with_root_name, _with_extension, _with_path_hash):
        groups: dict[str, list[int]] = {}
        for n, article_id in enumerate(ids):
            groups.setdefault(article_id, []).append(n)
        for article_id, members in groups.items():
            if len(members) < 2:  # a unique id is kept: no folder to resolve, no path to hash
                continue
            longer_ids = [longer(article_id, *files[n]) for n in members]
            if len(set(longer_ids)) > 1:  # only where it tells them apart
                for n, new in zip(members, longer_ids):
                    ids[n] = new
    seen: Counter[str] = Counter()
    for n, article_id in enumerate(ids):  # two paths with the same hash: never seen, but never a crash
        seen[article_id] += 1
        if seen[article_id] > 1:
            ids[n] = f"{article_id}-{seen[article_id]}"
    return ids


def _with_root_name(article_id: str, path: Path, root: Path | None) -> str:
    folder = (root if root is not None else path.parent).resolve().name
    return f"{slug(folder)}/{article_id}" if folder else article_id


def _with_extension(article_id: str, path: Path, root: Path | None) -> str:
    return f"{article_id}-{slug(path.suffix)}" if path.suffix else article_id


def _with_path_hash(article_id: str, path: Path, root: Path | None) -> str:
    import hashlib  # (rarely needed: not on the way to the reader's first screen)

    digest = hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:8]
    return f"{article_id}-{digest}"

