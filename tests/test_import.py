"""``corpus-tui import`` and saved pages in a corpus: what a user gets from real-looking web pages.

The pages in tests/data/pages/ imitate the layouts of several kinds of news
site (a broadsheet, a broadcaster, a wire service, a metered paper, a news
agency in Windows-1252), each with navigation, a cookie banner, share
buttons, promotions and, for one, a comment thread. Nothing here touches
the network: web addresses are served by a local server on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import email.generator
import email.mime.multipart
import email.mime.text
import io
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from annotate.corpus import web_page
from annotate.corpus.loading import load_corpus, read_article
from annotate.corpus.fetch import FetchError, fetch_page
from tui.cli import main

PAGES = Path(__file__).resolve().parent / "data" / "pages"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_TUI_CACHE_DIR", str(tmp_path / "cache"))


# What a careful reader takes from each page: metadata, sentences of the article, and
# page furniture that must not be in the text.
EXPECTED = {
    "ledger-budget.html": dict(
        title="Parliament passes budget after all-night session",
        source="The Morning Ledger",
        published=dt.date(2024, 3, 1),
        url="https://www.morningledger.example/politics/2024/mar/01/parliament-passes-budget-all-night-session",
        author="Daniel Whitcombe",
        sentences=["Parliament approved the government's budget early on Friday after an all-night sitting",
                   "The bill now goes to the senate, which is expected to approve it next week."],
        furniture=["Yes, I'm happy", "cookies", "Share on Facebook", "Sign up to First Edition", "newsletter promotion",
                   "Most viewed", "Another budget that asks the poorest", "rainyday_reader", "Photograph:",
                   "Fuel subsidy row threatens", "Reuse this content", "Support the Ledger", "Skip to main content",
                   "All rights reserved", "Explore more on these topics"],
    ),
    "courier-flood.html": dict(
        title="Thousands evacuated as River Aln bursts its banks",
        source="Northern Courier News",
        published=dt.date(2024, 5, 14),
        url="https://www.northerncourier.example/news/articles/c9x2kq7p4eno",
        author="Priya Raman; Gareth Lowe",
        sentences=["Emergency crews rescued 37 people from cars and houses between midnight and dawn",
                   "only 20 minutes before water began entering their homes."],
        furniture=["agree to cookies", "Yes, I agree", "Share this page", "Copy link", "Image caption",
                   "Image source", "Related internet links", "Related topics", "More on this story",
                   "Top stories", "Terms of Use"],
    ),
    "globalwire-mine.html": dict(
        title="Copper mine strike ends after pay deal, union says",
        source="Global Wire",
        published=dt.date(2024, 3, 5),
        url="https://www.globalwire.example/markets/commodities/copper-mine-strike-ends-after-pay-deal-union-says-2024-03-05/",
        author="Natalia Reyes",
        sentences=["Workers at the Cerro Azul copper mine in northern Chile will return to work on Thursday",
                   "Chile is the world's largest copper producer, accounting for about a quarter of global supply."],
        furniture=["Accept All Cookies", "Share X", "Share Facebook", "Purchase Licensing Rights", "Sign up here",
                   "Morning Bid newsletter", "Read Next", "Gold hits record", "Trust Principles", "Workers gather"],
    ),
    "harbor-transit.html": dict(
        title="City Council Votes to Make Buses Free for a Year",
        source="The Harbor Post",
        published=dt.date(2024, 2, 20),
        url="https://www.harborpost.example/2024/02/20/nyregion/free-buses-city-council.html",
        author="Rosa Delgado; Kevin O’Brien",
        sentences=["The City Council voted on Tuesday to make every city bus free to ride for a year",
                   "Fares make up only about 15 percent of the authority’s operating budget, officials said."],
        furniture=["Advertisement", "SKIP ADVERTISEMENT", "Share full article", "Give this article", "254",
                   "Read 254 Comments", "Credit...", "Subscribe for", "verify access", "Related Content",
                   "partners use cookies"],
    ),
    "pacificpress-wildfire.html": dict(
        title="Wildfire forces evacuation of 12,000 near Cedar Valley",
        source="Pacific Press Agency",
        published=dt.date(2024, 8, 9),
        url="https://pacificpress.example/article/wildfire-cedar-valley-evacuation-3f9a61c0b2e84d1f",
        author="Julia Mendes; Samuel Oyelaran",
        sentences=["“It came over the ridge faster than anything I’ve seen in 22 years,” said Cal Fire battalion chief",
                   "Pacific Press Agency writer Helen Cho in Los Angeles contributed to this report."],
        furniture=["Copy Link", "copied", "Accept cookies", "Heat wave sets records", "PPA Photo", "Most read",
                   "Donate", "___"],
    ),
}


def _import(*args: str) -> int:
    return main(["import", *args])


def _one_md(folder: Path) -> Path:
    (found,) = folder.glob("*.md")
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_import_gives_the_article_with_its_metadata_and_without_page_furniture(name, tmp_path, capsys):
    out = tmp_path / "story"
    assert _import(str(PAGES / name), "-o", str(out)) == 0
    written = _one_md(out)
    expected = EXPECTED[name]
    assert written.name == web_page_stem(expected["title"]) + ".md"  # named from the title
    (article,) = load_corpus([out]).articles
    assert (article.title, article.source, article.published, article.url, article.author) == (
        expected["title"], expected["source"], expected["published"], expected["url"], expected["author"])
    for sentence in expected["sentences"]:
        assert sentence in article.text
    for furniture in expected["furniture"]:
        assert furniture not in article.text, furniture
    assert not article.text.startswith(expected["title"])  # the headline is the title, not the first line
    assert "\n\n" in article.text  # paragraphs stay apart: the engine ends sentences at blank lines
    assert str(written) in capsys.readouterr().out


def web_page_stem(title: str) -> str:
    from annotate.corpus.importer import file_stem

    return file_stem(title)


def test_front_matter_is_plain_yaml_a_reader_can_edit(tmp_path):
    _import(str(PAGES / "harbor-transit.html"), "-o", str(tmp_path))
    head = _one_md(tmp_path).read_text(encoding="utf-8").split("\n")[:7]
    assert head == [
        "---",
        "title: City Council Votes to Make Buses Free for a Year",
        "source: The Harbor Post",
        "author: Rosa Delgado; Kevin O’Brien",
        "published: 2024-02-20",
        "url: https://www.harborpost.example/2024/02/20/nyregion/free-buses-city-council.html",
        "---",
    ]


def test_an_existing_file_is_never_overwritten(tmp_path, capsys):
    mine = tmp_path / "parliament-passes-budget-after-all-night-session.md"
    mine.write_text("My own notes on the budget.\n", encoding="utf-8")
    assert _import(str(PAGES / "ledger-budget.html"), "-o", str(tmp_path)) == 0
    assert mine.read_text(encoding="utf-8") == "My own notes on the budget.\n"
    second = tmp_path / "parliament-passes-budget-after-all-night-session-2.md"
    assert "Parliament approved the government's budget" in second.read_text(encoding="utf-8")
    # The same page again: it is already there, so no third copy.
    capsys.readouterr()
    assert _import(str(PAGES / "ledger-budget.html"), "-o", str(tmp_path)) == 0
    assert {p.name for p in tmp_path.glob("*.md")} == {mine.name, second.name}
    assert "already there" in capsys.readouterr().out


def test_pages_that_are_not_articles_are_skipped_with_the_reason(tmp_path, capsys):
    code = _import(str(PAGES / "ledger-homepage.html"), str(PAGES / "app-shell.html"), "-o", str(tmp_path))
    err = capsys.readouterr().err
    assert code == 1  # nothing imported
    assert list(tmp_path.glob("*.md")) == []
    assert "ledger-homepage.html: a home page, not an article" in err
    assert "app-shell.html: too little text for an article (9 words)" in err


@pytest.mark.parametrize("tab, outlet", [
    ("Storm closes ports | World news | The Ledger", "The Ledger"),
    ("Storm closes ports - Courier News", "Courier"),  # the outlet's name in a longer form
    ("Storm closes ports | Courier", "Courier News"),
])
def test_a_title_from_the_browser_tab_loses_the_section_and_outlet(tab, outlet):
    paragraph = "<p>" + "The storm closed every port on the southern coast and stranded hundreds of lorries. " * 3 + "</p>"
    html = (f"<html><head><title>{tab}</title>"
            f'<meta property="og:site_name" content="{outlet}"></head>'
            f"<body><article>{paragraph * 3}</article></body></html>")
    page = web_page.extract_article(html)
    assert (page.title, page.source) == ("Storm closes ports", outlet)


def test_a_headline_keeps_its_own_dash():
    paragraph = "<p>" + "The storm closed every port on the southern coast and stranded hundreds of lorries. " * 3 + "</p>"
    html = ('<html><head><meta property="og:title" content="Storm - and the ports that closed">'
            f'<meta property="og:site_name" content="The Ledger"></head><body><article>{paragraph * 3}</article></body></html>')
    assert web_page.extract_article(html).title == "Storm - and the ports that closed"


def test_a_page_that_is_only_a_consent_notice_is_not_an_article():
    notice = "<p>" + "We and our 842 partners store and access information on your device, such as cookies. " * 4 + "</p>"
    html = ('<html><head><title>Before you continue</title></head><body><div id="consent-page" class="cmp-wall">'
            f"<h1>Before you continue</h1>{notice * 2}<button>Accept all</button></div></body></html>")
    with pytest.raises(web_page.NotAnArticle, match="only a cookie or consent notice"):
        web_page.extract_article(html)


@pytest.mark.parametrize("declared, encoding", [("iso-8859-1", "cp1252"), ("iso-8859-1", "utf-8"), ("windows-1251", "utf-8")])
def test_a_page_reads_in_its_real_encoding_whatever_its_meta_tag_says(declared, encoding):
    # Browsers read iso-8859-1 as Windows-1252, and a page saved as UTF-8 may keep its old tag.
    paragraph = "<p>" + "“We will rebuild,” the café owner said of the storm that hit the town on Sunday. " * 3 + "</p>"
    html = f'<html><head><meta charset="{declared}"><title>Storm</title></head><body><article>{paragraph * 2}</article></body></html>'
    page = web_page.extract_article(html.encode(encoding))
    assert "“We will rebuild,” the café owner said" in page.text


def test_a_section_page_is_a_list_of_links_not_an_article(tmp_path):
    html = (PAGES / "ledger-homepage.html").read_text(encoding="utf-8")
    for address in ('<link rel="canonical" href="https://www.morningledger.example/">',
                    '<meta property="og:url" content="https://www.morningledger.example/">'):
        html = html.replace(address, "")
    with pytest.raises(web_page.NotAnArticle, match="list of headlines or links"):
        web_page.extract_article(html)


def test_exit_status_is_zero_when_anything_was_imported(tmp_path, capsys):
    code = _import(str(PAGES), "-o", str(tmp_path / "out"))  # a folder of saved pages
    captured = capsys.readouterr()
    assert code == 0
    assert len(list((tmp_path / "out").glob("*.md"))) == 5
    assert "imported 5 of 7 sources" in captured.err and "2 skipped" in captured.err


def test_a_missing_source_is_named(tmp_path, capsys):
    assert _import(str(tmp_path / "nowhere.html"), "-o", str(tmp_path)) == 1
    assert "nowhere.html: no such file" in capsys.readouterr().err


def test_a_text_that_lists_no_web_addresses_is_one_clear_problem(tmp_path, capsys):
    article = tmp_path / "notes.txt"
    article.write_text("Budget notes\n\nThe vote was close.\nTwo members abstained.\n", encoding="utf-8")
    assert _import(str(article), "-o", str(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "notes.txt: neither a saved page (.html, .htm, .mhtml) nor a list of web addresses" in err
    assert "line" not in err


def test_a_single_file_web_archive_is_read(tmp_path):
    """Chrome's "Webpage, Single File" (.mhtml)."""
    archive = email.mime.multipart.MIMEMultipart("related")
    archive["Snapshot-Content-Location"] = "https://www.globalwire.example/markets/copper"
    part = email.mime.text.MIMEText((PAGES / "globalwire-mine.html").read_text(encoding="utf-8"), "html", "utf-8")
    part["Content-Location"] = "https://www.globalwire.example/markets/copper"
    archive.attach(part)
    buffer = io.StringIO()
    email.generator.Generator(buffer).flatten(archive)
    (tmp_path / "saved").mkdir()
    saved = tmp_path / "saved" / "copper.mhtml"
    saved.write_text(buffer.getvalue(), encoding="ascii")
    assert _import(str(saved), "-o", str(tmp_path / "out")) == 0
    (article,) = load_corpus([tmp_path / "out"]).articles
    assert article.source == "Global Wire" and "Cerro Azul" in article.text
    (direct,) = load_corpus([tmp_path / "saved"]).articles  # the archive itself, in a corpus folder
    assert (direct.path, direct.text) == (str(saved), article.text)


# --- web addresses, served on 127.0.0.1 --------------------------------------------


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        if self.path == "/hostile":
            self.send_response(500, "Boom\x1b]0;pwned\x07")  # a server's message is data too
            self.end_headers()
            return
        if self.path in ("/moved", "/to-ftp"):
            self.send_response(302)
            self.send_header("Location", "/globalwire-mine.html" if self.path == "/moved" else "ftp://127.0.0.1/page.html")
            self.end_headers()
            return
        if self.path == "/report.pdf":
            self._send(b"%PDF-1.7", "application/pdf")
            return
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the client must count
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16384 + b"</p>")
            return
        name = self.path.strip("/").split("?")[0]
        page = PAGES / name
        if not page.is_file():
            self.send_error(404, "Not Found")
            return
        data = page.read_bytes()
        if name == "ledger-budget.html":  # a page that does not say its own address
            data = data.replace(b'rel="canonical"', b'rel="x"').replace(b'property="og:url"', b'property="x"')
            data = data.replace(b"<!-- saved from", b"<!-- from").replace(b'"@id":', b'"x":').replace(b'"mainEntityOfPage":', b'"y":')
        self._send(data, "text/html; charset=utf-8")

    def _send(self, data: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_web_addresses_and_a_list_of_them_are_imported(tmp_path, capsys):
    with local_server() as site:
        listing = tmp_path / "links.txt"
        listing.write_text(
            f"# coverage of the strike and the budget\n{site}/globalwire-mine.html\n\nnot a link\n{site}/ledger-budget.html\n",
            encoding="utf-8",
        )
        code = _import(str(listing), f"{site}/missing", "-o", str(tmp_path / "out"))
    err = capsys.readouterr().err
    assert code == 0
    articles = {a.source: a for a in load_corpus([tmp_path / "out"]).articles}
    assert set(articles) == {"Global Wire", "The Morning Ledger"}
    # The page's own address when it gives one, else the address it was fetched from.
    assert articles["Global Wire"].url.startswith("https://www.globalwire.example/")
    assert articles["The Morning Ledger"].url == f"{site}/ledger-budget.html"
    assert "links.txt, line 4: not a web address: 'not a link'" in err
    assert f"{site}/missing: the server answered 404 Not Found" in err


def test_a_server_message_cannot_drive_the_terminal(tmp_path, capsys):
    with local_server() as site:
        assert _import(f"{site}/hostile", "-o", str(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "the server answered 500 Boom" in err and "\x1b" not in err and "\x07" not in err


def test_redirects_are_followed_to_web_addresses_only():
    with local_server() as site:
        assert fetch_page(f"{site}/moved").url == f"{site}/globalwire-mine.html"
        with pytest.raises(FetchError, match="redirected to 'ftp://127.0.0.1/page.html', which is not a web address"):
            fetch_page(f"{site}/to-ftp")


def test_a_fetch_stops_at_the_time_limit(tmp_path):
    with local_server() as site:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"no answer from 127\.0\.0\.1 within 0\.5 s"):
            fetch_page(f"{site}/slow", timeout=0.5)
        assert time.monotonic() - started < 1.8


def test_a_fetch_stops_at_the_size_limit():
    with local_server() as site:
        with pytest.raises(FetchError, match=r"page too large \(over 98 KB\)"):
            fetch_page(f"{site}/huge", max_bytes=100_000)  # sent without a length: counted while reading
        with pytest.raises(FetchError, match=r"page too large \(\d+ KB; the limit is 2 KB\)"):
            fetch_page(f"{site}/courier-flood.html", max_bytes=2048)  # refused from its stated length


def test_a_page_that_is_not_html_is_refused():
    with local_server() as site:
        with pytest.raises(FetchError, match=r"not a web page \(the server sent application/pdf\)"):
            fetch_page(f"{site}/report.pdf")


def test_no_server_gives_a_clear_error(tmp_path, capsys):
    with local_server() as site:
        pass  # the server is gone: its port now refuses connections
    assert _import(f"{site}/globalwire-mine.html", "-o", str(tmp_path)) == 1
    assert "127.0.0.1 refused the connection" in capsys.readouterr().err


# --- saved pages inside a corpus folder --------------------------------------------------


def _folder_of_pages(tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    for name in ("ledger-budget.html", "courier-flood.html", "ledger-homepage.html"):
        (folder / name).write_bytes((PAGES / name).read_bytes())
    # What a browser saves beside a page ("Webpage, complete"): never read as articles.
    resources = folder / "ledger-budget_files"
    resources.mkdir()
    (resources / "saved_resource.html").write_text("<html><body><p>An advert frame.</p></body></html>")
    return folder


def test_a_folder_of_saved_pages_loads_as_articles(tmp_path):
    loaded = load_corpus([_folder_of_pages(tmp_path)])
    by_id = {a.id: a for a in loaded.articles}
    assert set(by_id) == {"ledger-budget", "courier-flood"}
    assert by_id["courier-flood"].source == "Northern Courier News"
    assert by_id["courier-flood"].published == dt.date(2024, 5, 14)
    assert "Share this page" not in by_id["courier-flood"].text
    assert [(Path(p.path).name, p.message) for p in loaded.problems] == [
        ("ledger-homepage.html", "skipped: a home page, not an article")
    ]


def test_a_saved_page_is_extracted_once_then_read_from_the_cache(tmp_path, monkeypatch):
    folder = _folder_of_pages(tmp_path)
    first = load_corpus([folder])

    def no_second_extraction(*args, **kwargs):
        raise AssertionError("extracted again")

    monkeypatch.setattr(web_page, "extract_article", no_second_extraction)
    second = load_corpus([folder])
    assert [(a.id, a.title, a.text, a.url) for a in second.articles] == [(a.id, a.title, a.text, a.url) for a in first.articles]
    assert [p.message for p in second.problems] == [p.message for p in first.problems]
    # A changed page is a new entry: extracted again.
    page = folder / "courier-flood.html"
    page.write_bytes(page.read_bytes().replace(b"37 people", b"38 people"))
    with pytest.raises(AssertionError, match="extracted again"):
        read_article(page)


def test_pages_imported_into_their_own_folder_are_shown_once(tmp_path, monkeypatch):
    folder = _folder_of_pages(tmp_path)
    monkeypatch.chdir(folder)
    assert _import(*sorted(p.name for p in folder.glob("*.html"))) == 0  # writes the .md files beside the pages
    loaded = load_corpus([folder])
    assert sorted(Path(a.path).name for a in loaded.articles) == [
        "parliament-passes-budget-after-all-night-session.md", "thousands-evacuated-as-river-aln-bursts-its-banks.md"]
    assert "skipped: the same article as thousands-evacuated-as-river-aln-bursts-its-banks.md" in " ".join(
        p.message for p in loaded.problems)


def test_the_page_text_is_the_text_the_import_writes(tmp_path):
    _import(str(PAGES / "globalwire-mine.html"), "-o", str(tmp_path / "out"))
    imported = load_corpus([tmp_path / "out"]).articles[0]
    direct = read_article(PAGES / "globalwire-mine.html")[0]
    assert (direct.text, direct.title, direct.source, direct.published, direct.url, direct.author) == (
        imported.text, imported.title, imported.source, imported.published, imported.url, imported.author)


# --- the reader --------------------------------------------------------------------


async def test_the_reader_opens_a_folder_of_saved_pages_and_copies_an_article_url(tmp_path):
    from tests.pilot import wait_for_engine
    from tests.test_app import header_text
    from tui.app import CorpusApp

    folder = _folder_of_pages(tmp_path)
    (folder / "notes.txt").write_text("My notes\n\nNo address here, only text.\n", encoding="utf-8")
    app = CorpusApp([folder], stories="one")  # three unrelated articles, side by side
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        headers = [header_text(column) for column in app.columns]
        # The outlet and date from the page.
        assert "Northern Courier News · 2024-05-14 · 1/3" in headers[0]
        assert "Thousands evacuated as River Aln bursts its" in headers[0]
        assert "The Morning Ledger · 2024-03-01 · 2/3" in headers[1]
        await wait_for_engine(pilot)
        await pilot.press("u")
        assert app.clipboard == "https://www.northerncourier.example/news/articles/c9x2kq7p4eno"
        assert "copied · https://www.northerncourier.example/news/articles/c9x2kq7p4eno" in app.status.said
        await pilot.press("right", "u")
        assert app.clipboard.startswith("https://www.morningledger.example/politics/2024/mar/01/")
        await pilot.press("right", "u")  # the text file in the third column: it has no address
        assert "no web address" in app.status.said
        assert app.clipboard.startswith("https://www.morningledger.example/")


def test_many_sources_show_a_progress_line_that_is_erased_at_the_end(tmp_path, monkeypatch):
    import sys

    from annotate import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(progress, "_DELAY", 0.0)  # drawn from the first page on
    monkeypatch.setattr(sys, "stderr", terminal)
    assert _import(str(PAGES), "-o", str(tmp_path)) == 0
    shown = terminal.getvalue()
    assert "\r\x1b[2KImporting " in shown and "1/7 pages" in shown
    after_last_erase = shown.rsplit("\r\x1b[2K", 1)[1]
    assert "Importing" not in after_last_erase  # no bar left on screen
    assert after_last_erase.endswith("corpus-tui import: imported 5 of 7 sources into " + str(tmp_path) + "; 2 skipped\n")
