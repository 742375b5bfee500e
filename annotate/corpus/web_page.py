"""A saved web page -> the article in it: title, outlet, date, author, URL and body text.

trafilatura finds the main text and the metadata (htmldate the publication
date). Before it runs, page furniture that it sometimes keeps is removed by
its markup: blocks named for sharing, cookies, newsletters, promotions,
comments or related links, blocks made only of links, and text hidden from
sight (screen-reader captions such as "Share on Facebook"). A block holding
a third or more of the page's prose is never removed, whatever its name.

``extract_article`` raises ``NotAnArticle`` with the reason shown to the user
for a page that is not an article (a home page, a list of headlines, a page
whose text is loaded by JavaScript and was not saved).

trafilatura is imported only when a page is read: opening a corpus of text
files never pays for it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

MIN_WORDS = 40  # fewer is a teaser, an error page or an empty app shell, not an article


class NotAnArticle(Exception):
    """The page holds no article; the message says why."""


@dataclass(frozen=True, slots=True)
class PageArticle:
    title: str
    text: str  # paragraphs separated by blank lines
    source: str | None = None  # the outlet: the site's own name
    published: dt.date | None = None
    url: str | None = None
    author: str | None = None

    def as_markdown(self) -> str:
        """The article as a corpus file: YAML front matter, then the text."""
        import yaml

        meta = {"title": self.title, "source": self.source, "author": self.author,
                "published": self.published, "url": self.url}
        front = yaml.safe_dump({k: v for k, v in meta.items() if v}, sort_keys=False, allow_unicode=True, width=10_000)
        return f"---\n{front}---\n\n{self.text}\n"


def extract_article(data: bytes | str, url: str | None = None) -> PageArticle:
    """The article in a page's HTML or web archive (``url``: where it came from, when known)."""
    import trafilatura
    from trafilatura.utils import load_html

    if isinstance(data, bytes):
        data, archived_from = unpack_archive(data)
        url = url or archived_from
    html = decode_html(data)[0] if isinstance(data, bytes) else data
    html = _without_unusable_references(html)
    _quiet_logs()
    tree = load_html(html)
    if tree is None:
        raise NotAnArticle("no article text found on the page")
    saved_from = _saved_from_url(html)
    consent_notice = _remove_furniture(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url or saved_from,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        # Dates from the page's metadata and date elements only: a text search also
        # finds the copyright year or a date the article mentions.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        only = " (only a cookie or consent notice: save the page after accepting or closing it)" if consent_notice else ""
        raise NotAnArticle(f"no article text found on the page{only}")
    page_url = doc.url or url or saved_from
    title = _clean_title(doc.title or "", doc.sitename)
    text = _paragraphs(doc.text, title)
    _check_is_article(text, page_url)
    return PageArticle(
        title=title or _title_from_url(page_url) or text.split("\n", 1)[0][:120],
        text=text,
        source=_one_line(doc.sitename),
        published=_date(doc.date),
        url=page_url,
        author=_author(doc.author),
    )


@cache
def _quiet_logs() -> None:
    """trafilatura and htmldate log what they could not parse; the reason reaches the user
    as the page's problem instead, and a log line must never land on the reader's screen."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False


# --- decoding ------------------------------------------------------------------

_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _without_unusable_references(html: str) -> str:
    """``html`` without the character references the extractor's XML tree cannot hold.

    A reference to a control character (``&#x1b;`` starting a terminal sequence, ``&#0;``),
    a lone surrogate or a non-character made the extractor give up on the whole page
    ("no article text found"). They are dropped, as the same characters written raw are.
    """
    if "&#" not in html:
        return html

    def replace(match: re.Match) -> str:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        usable = (
            code in (0x9, 0xA, 0xD)
            or 0x20 <= code < 0xD800
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        )
        return match.group(0) if usable else ""

    return _REFERENCE.sub(replace, html)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding): a byte order mark, else UTF-8 if the bytes are UTF-8, else the charset
    the page declares, else detected.

    UTF-8 comes before the declared charset: a page saved by a browser is often UTF-8 but
    keeps its old ``<meta charset>``, and other encodings almost never read as valid UTF-8.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding.removesuffix("-sig")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:8192])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            encoding = None
        if encoding in ("latin-1", "iso8859-1", "ascii"):
            encoding = "cp1252"  # what browsers use for these labels (curly quotes at 0x91-0x94)
        if encoding and not encoding.startswith("utf-"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass
    from annotate.corpus.loading import Skip, decode

    try:
        text, encoding, _notes = decode(data)
    except Skip as why:
        raise NotAnArticle(str(why)) from None
    return text, encoding


def encoding_note(data: bytes, encoding: str) -> str | None:
    """What to tell the reader when a page's encoding was guessed: it declares none, or one
    its bytes are not in (``encoding``: what ``decode_html`` read it as). A wrong guess
    garbles every accented letter and curly quote ("fishermenâ€™s"), so it is said."""
    page = unpack_archive(data)[0]
    if encoding.startswith("utf-") or page is not data:
        return None  # UTF-8 or a byte order mark; an archive's part says its charset in its own header
    declared = _CHARSET.search(page[:8192])
    name = None
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            name = None
    if name in ("latin-1", "iso8859-1", "ascii"):
        name = "cp1252"
    if name == encoding:
        return None
    said = f"says it is {declared.group(1).decode('ascii', 'replace')}, but is not" if declared else "does not say its encoding"
    return f"the page {said}; read as {encoding} (detected)"


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


def _saved_from_url(html: str) -> str | None:
    # Browsers note where a page came from when saving it ("Webpage, complete").
    found = _SAVED_FROM.search(html[:4096])
    return found.group(1) if found else None


# --- furniture -----------------------------------------------------------------

# Words (and pairs of words) in class, id, role, aria-label and data-* names that mark a
# block as page furniture.
_FURNITURE_WORDS = frozenset(
    """share sharing sharebar social cookie cookies consent gdpr newsletter newsletters signup
    subscribe subscription promo promos advert adverts advertisement advertising ad ads sponsored
    related recommended recommendations comment comments discussion outbrain taboola paywall
    breadcrumb breadcrumbs sronly visuallyhidden""".split()
) | {"sign up", "read next", "more on", "most read", "most viewed", "most popular", "sr only", "visually hidden",
     "screen reader", "top stories"}
_NAMING_ATTRIBUTES = ("class", "id", "role", "aria-label", "data-component", "data-testid", "data-module", "data-role")
_BLOCKS = frozenset("div section aside ul ol nav form figure span p footer header button dialog".split())
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _remove_furniture(tree) -> bool:
    """Remove the furniture; True when a cookie or consent notice was among it."""
    body = tree.find(".//body")
    if body is None:
        return False
    sizes = _measure(body)
    prose = sizes[body].prose
    doomed = []
    consent = False
    for element in body.iter(*_BLOCKS):
        size = sizes[element]
        names = _names(element)
        if not (_is_hidden(element) or _furniture_name(names) or _only_links(element.tag, size)):
            continue
        # A block holding much of the page's prose is the article, whatever its name says
        # ("story-body share-enabled"), unless it asks for consent: a page that is only a
        # consent notice holds no article.
        if _CONSENT_WORDS.intersection(names):
            consent = True
            doomed.append(element)
        elif size.prose * 3 < prose or prose == 0:
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:  # not already gone with an ancestor
            element.drop_tree()  # keeps the text after it
    return consent


_CONSENT_WORDS = frozenset({"cookie", "cookies", "consent", "gdpr"})
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


@dataclass(slots=True)
class _Size:
    """Words under an element: all, in links, in headings; list items; prose characters."""

    words: int = 0
    linked: int = 0
    headings: int = 0
    items: int = 0
    prose: int = 0  # characters in paragraphs of 15 words or more


def _measure(body) -> dict:
    """The size of every element, children before parents: one pass, not one per block
    (a page of nested blocks took a second when each block counted its own text)."""
    sizes: dict = {}
    for element in reversed(list(body.iter())):
        size = _Size()
        if isinstance(element.tag, str):  # not a comment
            size.words = len((element.text or "").split())
            for child in element:
                inner = sizes.get(child)
                if inner is not None:
                    size.words += inner.words
                    size.linked += inner.linked
                    size.headings += inner.headings
                    size.items += inner.items
                    size.prose += inner.prose
                size.words += len((child.tail or "").split())
            if element.tag == "a":
                size.linked = size.words
            elif element.tag in _HEADINGS:
                size.headings = size.words
            elif element.tag == "li":
                size.items += 1
            elif element.tag == "p":
                size.prose = len(" ".join(element.text_content().split())) if size.words >= 15 else 0
        sizes[element] = size
    return sizes


def _names(element) -> set[str]:
    """The words of the element's class, id, role, aria-label and data-* names, with pairs."""
    names: set[str] = set()
    for attribute in _NAMING_ATTRIBUTES:
        words = [w.lower() for w in _WORD.findall(element.get(attribute) or "")]
        names.update(words)
        names.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return names


def _furniture_name(names: set[str]) -> bool:
    return not names.isdisjoint(_FURNITURE_WORDS)


def _is_hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _only_links(tag: str, size: _Size) -> bool:
    """A list whose words, headings aside, are all in links: other pages, not this article."""
    return (tag in ("div", "section", "aside", "ul", "ol") and size.items > 0 and size.linked > 0
            and size.linked + size.headings >= size.words)


# --- the text and metadata ------------------------------------------------------


def _paragraphs(text: str, title: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if any(c.isalnum() for c in line)]  # rules such as "___"
    if lines and title and _same_words(lines[0], title):
        lines = lines[1:]  # the headline again, above the text
    return "\n\n".join(lines)


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _check_is_article(text: str, url: str | None) -> None:
    if not text:
        raise NotAnArticle("no article text found on the page")
    if url and urlsplit(url).path.strip("/") == "" and urlsplit(url).scheme in ("http", "https"):
        raise NotAnArticle("a home page, not an article")
    words = len(text.split())
    if words < MIN_WORDS:
        raise NotAnArticle(f"too little text for an article ({words} words)")
    lines = text.split("\n\n")
    items = sum(line.startswith("- ") for line in lines)
    paragraphs = sum(not line.startswith("- ") and len(line.split()) >= 20 for line in lines)
    if items * 2 >= len(lines) and paragraphs < 2:
        raise NotAnArticle("a list of headlines or links (a section page), not an article")


_SEPARATOR = r"\s+[|\u2013\u2014:\u00b7-]\s+"
_LAST_PART = re.compile(rf"{_SEPARATOR}([^|\u2013\u2014:\u00b7]+)$")
_FIRST_PART = re.compile(rf"^([^|\u2013\u2014:\u00b7]+?){_SEPARATOR}")
_SECTION = re.compile(r"\s+\|\s+((?:\S+\s?){1,3})$")


def _clean_title(title: str, sitename: str | None) -> str:
    """The headline without the outlet's name or section: "Headline | Section | Outlet" -> "Headline"."""
    title = " ".join(title.split())
    name = _bare(sitename or "")
    last = _LAST_PART.search(title)
    if name and last and _names_outlet(last.group(1), name):
        title = title[: last.start()]
    else:
        first = _FIRST_PART.match(title)
        if name and first and _names_outlet(first.group(1), name):
            title = title[first.end() :]
    # Headlines do not use "|": a short part after one names a section ("| World news").
    while (section := _SECTION.search(title)) and section.start() > 0:
        title = title[: section.start()]
    return title


def _names_outlet(part: str, outlet: str) -> bool:
    """ "BBC News" names the outlet "BBC", and "BBC" the outlet "BBC News"."""
    part = _bare(part)
    if not part or len(part.split()) > 5:
        return False
    return part == outlet or f" {outlet} ".find(f" {part} ") >= 0 or f" {part} ".find(f" {outlet} ") >= 0


def _bare(name: str) -> str:
    words = re.findall(r"\w+", name.casefold())
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _title_from_url(url: str | None) -> str:
    if not url:
        return ""
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.\w+$", "", last)
    return " ".join(w for w in re.split(r"[-_]+", last) if w).capitalize()


def _one_line(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _author(value: str | None) -> str | None:
    value = _one_line(value)
    if value and value.isupper():  # "JULIA MENDES" in a wire service's byline
        value = value.title()
    return value


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def unpack_archive(data: bytes) -> tuple[bytes, str | None]:
    """The page inside a single-file web archive (``.mhtml``: a MIME message) and the address
    it was saved from; other data as it is."""
    head = data[:4096]
    if not (b"MIME-Version:" in head and b"multipart/related" in head):
        return data, None
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                location = part.get("Content-Location") or message.get("Snapshot-Content-Location")
                return payload, location if location and location.startswith(("http://", "https://")) else None
    raise NotAnArticle("no web page inside this archive")
