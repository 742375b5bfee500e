"""Build the bad-input corpus in a temporary folder.

Most of these files cannot sensibly be committed (binary, 5 MB, unreadable,
symbolic link loops, named pipes), so they are generated. Each case records
what a user should see: the text the article loads with, or the words the
problem message must contain.

Used by tests/test_bad_input.py and the app/report tests; also handy by hand:
``python tests/bad_input.py /tmp/bad`` then ``corpus-tui /tmp/bad``.
"""

from __future__ import annotations

import codecs
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

# A neutral article body: names, numbers, dates and quotes the engine can find.
PARAGRAPH = (
    "The minister of finance, Anna Berg, said on 3 March 2021 that 1,200 jobs would go. "
    '"We have no choice," she told reporters in Oslo. Unions said more than 1,500 workers were affected.'
)

HOSTILE_LINES = (
    "[bold red]not bold[/bold red]",
    "[@click=app.quit]click me[/]",
    "[link=file:///etc/passwd]a link[/link]",
    "\x1b]0;pwned title\x07",
    "\x1b[2J",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[31mred\x1b[0m",
    "abc\u202edcba\u202c",
)
HOSTILE = "Hostile text test\n\n" + "".join(f"Line {i}: {s} end.\n" for i, s in enumerate(HOSTILE_LINES)) + PARAGRAPH + "\n"

# File names are data too: a terminal title escape and markup in a name.
HOSTILE_NAME_GOOD = "\x1b]0;pwned\x07[bold red]named.txt"  # no "/": names cannot hold one
HOSTILE_NAME_EMPTY = "[@click=app.quit]\x1b[2Jempty.txt"
UNDECODABLE_NAME = os.fsdecode(b"latin-1-name-caf\xe9.txt")


@dataclass
class Case:
    """One file of the bad corpus and what the loader must make of it."""

    name: str  # path relative to the corpus folder
    loads: bool
    text: str | None = None  # expected Article.text when it loads
    reason: str | None = None  # words the problem message must contain
    encoding: str | None = None  # expected Article.encoding
    title: str | None = None


@dataclass
class BadCorpus:
    root: Path
    cases: dict[str, Case] = field(default_factory=dict)

    @property
    def loading(self) -> list[Case]:
        return [c for c in self.cases.values() if c.loads]

    @property
    def skipped(self) -> list[Case]:
        return [c for c in self.cases.values() if not c.loads]


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def build_bad_corpus(root: Path, *, huge: bool = True) -> BadCorpus:
    """Write every bad-input case into ``root`` (created if needed).

    ``huge=False`` leaves out the multi-megabyte files, for quick app tests.
    """
    root.mkdir(parents=True, exist_ok=True)
    corpus = BadCorpus(root)

    def add(name: str, data: bytes, **expect) -> None:
        (root / name).write_bytes(data)
        corpus.cases[name] = Case(name, **expect)

    good = f"A good article\n\n{PARAGRAPH}\n"
    add("good.txt", good.encode(), loads=True, text=good, encoding="utf-8", title="A good article")

    # --- encodings
    latin = "Élection présidentielle en été\n\nLe ministre a déclaré à la presse que les élections générales auront lieu à la fin de l'année, après une période très agitée.\n"
    add("latin-1.txt", latin.encode("latin-1"), loads=True, text=latin, reason="decoded as", title=latin.split("\n")[0])
    w1252 = "Budget “shock” — €5 million cut\n\nThe council’s leader said the “difficult” cut of €5 million was final… for now.\n"
    add("windows-1252.txt", w1252.encode("cp1252"), loads=True, text=w1252, reason="decoded as", encoding="cp1252")
    bom8 = "With a BOM\n\nCafé society.\n"
    add("utf8-bom.txt", codecs.BOM_UTF8 + bom8.encode(), loads=True, text=bom8, encoding="utf-8", title="With a BOM")
    u16 = "UTF-16 article\n\nZürich and Kraków — 1,200 people.\n"
    add("utf16-bom.txt", u16.encode("utf-16"), loads=True, text=u16, encoding="utf-16", title="UTF-16 article")
    bad8 = "Damaged UTF-8\n\nNaïve café text with a broken byte: X".encode() + b"\xff\xfe" + " here.\n".encode()
    add(
        "invalid-utf8.txt",
        bad8,
        loads=True,
        text="Damaged UTF-8\n\nNaïve café text with a broken byte: X\ufffd\ufffd here.\n",
        reason="invalid UTF-8",
        encoding="utf-8",
    )

    # --- not articles
    rng = random.Random(7)
    add("binary.txt", bytes(rng.randrange(256) for _ in range(4096)) + b"\0" * 1024, loads=False, reason="binary")
    add("picture.md", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2048)), loads=False, reason="PNG")
    add("empty.txt", b"", loads=False, reason="empty")
    add("whitespace.txt", b"  \n\t\r\n   \n", loads=False, reason="whitespace")
    add("only-front-matter.md", b"---\ntitle: Nothing else\n---\n\n", loads=False, reason="no text")

    # --- odd but readable text
    add(
        "nul-bytes.txt",
        b"Stray NULs\n\nSome\x00 text with\x00 NUL bytes.\n",
        loads=True,
        text="Stray NULs\n\nSome text with NUL bytes.\n",
        reason="NUL",
    )
    add("crlf.txt", b"Windows lines\r\n\r\nOne.\r\nTwo.\r\n", loads=True, text="Windows lines\n\nOne.\nTwo.\n")
    add("cr.txt", b"Old Mac lines\r\rOne.\rTwo.\r", loads=True, text="Old Mac lines\n\nOne.\nTwo.\n")
    rtl = (
        "مقال بالعربية\n\n"
        "قال الوزير أحمد علي إن 300 شخص وصلوا. The minister said ‘300 people’ arrived in القاهرة.\n"
        'בעברית: השר אמר "שלום" ב-5 במאי.\n'
    )
    add("rtl-mixed.txt", rtl.encode(), loads=True, text=rtl, title="مقال بالعربية")
    emoji = (
        "Emoji 🎉 and combining marks\n\n"
        "The family 👨\u200d👩\u200d👧 met Zoe\u0301 and Jose\u0301 in São Paulo 🇧🇷; 3 of 4 voted 👍🏽.\n"
    )
    add("emoji-combining.txt", emoji.encode(), loads=True, text=emoji)
    quotes = (
        "Quotes everywhere\n\n"
        "He said \"it is 'very' \u201cnested\u201d and then stopped.\n"
        "She replied: \u201cnever closed. And \u2018half \u201d mixed\u2019 marks\" 12 \"\"\" '' \u00ab\u00bb\n"
    )
    add("quotes.txt", quotes.encode(), loads=True, text=quotes)

    # --- front matter
    body = f"Body title line\n\n{PARAGRAPH}\n"
    add(
        "front-matter.md",
        f"---\ntitle: Given title\nsource: The Daily Example\npublished: 2021-03-04\nurl: https://example.org/a\n---\n{body}".encode(),
        loads=True,
        text=body,
        title="Given title",
    )
    add(
        "broken-front-matter.md",
        f"---\ntitle: [unclosed\nsource: x: y\n---\n{body}".encode(),
        loads=True,
        text=body,
        reason="not valid YAML",
        title="Body title line",
    )
    listed = f"---\n- one\n- two\n---\n{body}"  # a Markdown list between rules, not metadata
    add("list-front-matter.md", listed.encode(), loads=True, text=listed, reason="not 'key: value'")
    add("scalar-front-matter.md", f"---\njust: a: b: c\n---\n{body}".encode(), loads=True, text=body, reason="not valid YAML")
    add(
        "unclosed-front-matter.md",
        f"---\ntitle: never closed\n{body}".encode(),
        loads=True,
        text=f"---\ntitle: never closed\n{body}",
        reason="never closed",
    )
    add("bad-date.md", f"---\ntitle: Dated\npublished: last Tuesday\n---\n{body}".encode(), loads=True, text=body, reason="not a date", title="Dated")
    add("impossible-date.md", f"---\npublished: 2021-02-30\n---\n{body}".encode(), loads=True, text=body, reason="not a date")
    bomb = '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for prev, name in zip("abcdefgh", "bcdefghi"):
        bomb += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    bomb += "title: *i\n---\n"
    add("alias-bomb.md", (bomb + body).encode(), loads=True, text=body, reason="aliases", title="Body title line")

    # --- duplicate ids: both slug to "same-story"
    add("Same Story.txt", good.encode(), loads=True, text=good, reason="already used")
    add("same_story.md", good.encode(), loads=True, text=good, reason="already used")

    # --- hostile text
    add("hostile.txt", HOSTILE.encode(), loads=True, text=HOSTILE, title="Hostile text test")

    # --- hostile file names: shown literally, never acted on
    add(HOSTILE_NAME_GOOD, good.encode(), loads=True, text=good, title="A good article")
    add(HOSTILE_NAME_EMPTY, b"", loads=False, reason="empty")

    # A name that is not valid UTF-8 (Linux allows any bytes): Python sees lone surrogates.
    add(UNDECODABLE_NAME, good.encode(), loads=True, text=good, title="A good article")

    # --- sizes
    if huge:
        para = PARAGRAPH + "\n\n"
        big = "A five megabyte article\n\n" + para * (5 * 1024 * 1024 // len(para) + 1)
        add("five-mb.txt", big.encode(), loads=True, text=big)
        lines = "Ten thousand lines\n" + "".join(f"Line {i}: {PARAGRAPH[:60]}\n" for i in range(1, 10_000))
        add("ten-thousand-lines.txt", lines.encode(), loads=True, text=lines)
        one_line = ("One megabyte on one line. " * (1024 * 1024 // 26 + 1)).strip()
        add("one-mb-line.txt", one_line.encode(), loads=True, text=one_line)
        with open(root / "too-large.txt", "wb") as f:  # sparse: costs no disk
            f.truncate(21 * 1024 * 1024)
        corpus.cases["too-large.txt"] = Case("too-large.txt", loads=False, reason="too large")

    # --- file system oddities
    (root / "notes.html").write_text("<p>not an article</p>")  # a saved page without an article
    corpus.cases["notes.html"] = Case("notes.html", loads=False, reason="no article text")
    (root / "notes.pdf").write_bytes(b"%PDF-1.7")  # ignored: not an article file type
    (root / ".hidden.txt").write_text("hidden files are ignored")
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    corpus.cases["loop-a.txt"] = Case("loop-a.txt", loads=False, reason="symbolic link loop")
    corpus.cases["loop-b.txt"] = Case("loop-b.txt", loads=False, reason="symbolic link loop")
    os.symlink("missing-target.txt", root / "broken-link.txt")
    corpus.cases["broken-link.txt"] = Case("broken-link.txt", loads=False, reason="broken symbolic link")
    sub = root / "subfolder"
    sub.mkdir()
    nested = "Nested article\n\nFound in a subfolder.\n"
    (sub / "nested.txt").write_text(nested)
    corpus.cases["subfolder/nested.txt"] = Case("subfolder/nested.txt", loads=True, text=nested)
    os.symlink("..", sub / "parent-loop")  # a folder loop: must not recurse forever
    os.mkdir(root / "folder.txt")  # a folder named like an article: searched, not read
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "named-pipe.txt")  # opening it would block forever
        corpus.cases["named-pipe.txt"] = Case("named-pipe.txt", loads=False, reason="not a regular file")
    unreadable = root / "unreadable.txt"
    unreadable.write_text("You cannot read me\n\nSecret.\n")
    unreadable.chmod(0)
    if is_root():  # root reads anything: the file simply loads
        corpus.cases["unreadable.txt"] = Case("unreadable.txt", loads=True, text="You cannot read me\n\nSecret.\n")
    else:
        corpus.cases["unreadable.txt"] = Case("unreadable.txt", loads=False, reason="permission denied")
    return corpus


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-corpus")
    built = build_bad_corpus(target)
    print(f"wrote {len(built.cases)} cases to {target}")
