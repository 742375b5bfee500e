"""Download one web page, with a time limit and a size limit, or say clearly why not.

Only ``http`` and ``https``. The time limit covers the whole download, not
each read, so a server that sends a byte a second cannot hold the import up.
"""

from __future__ import annotations

import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from annotate import __version__

TIMEOUT_SECONDS = 20.0
MAX_PAGE_BYTES = 10 * 1024 * 1024
_CHUNK = 64 * 1024
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


class FetchError(Exception):
    """The page could not be had; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    html: bytes


def is_web_address(text: str) -> bool:
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def fetch_page(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> FetchedPage:
    if not is_web_address(url):
        raise FetchError("not a web address (http:// or https://)")
    host = urlsplit(url).hostname or url
    request = urllib.request.Request(url, headers={
        "User-Agent": f"Mozilla/5.0 (compatible; corpus-tui/{__version__})",
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    })
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in _PAGE_TYPES:
                raise FetchError(f"not a web page (the server sent {kind})")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"page too large ({_size(int(length))}; the limit is {_size(max_bytes)})")
            chunks, size = [], 0
            while chunk := response.read1(_CHUNK):  # what has arrived: a slow server cannot stall it
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"page too large (over {_size(max_bytes)})")
                if time.monotonic() > deadline:
                    raise FetchError(f"the page took longer than {timeout:g} s to download")
                chunks.append(chunk)
            return FetchedPage(response.geturl(), b"".join(chunks))
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        raise FetchError(f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(_reason(error.reason, host, timeout)) from None
    except (OSError, ValueError) as error:  # timeouts and resets while reading; http.client errors
        raise FetchError(_reason(error, host, timeout)) from None


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to web addresses only (urllib would also follow one to ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_web_address(newurl):
            raise FetchError(f"redirected to {newurl[:80]!r}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_WebOnlyRedirects)


def _reason(error: object, host: str, timeout: float) -> str:
    if isinstance(error, (TimeoutError, socket.timeout)):
        return f"no answer from {host} within {timeout:g} s"
    if isinstance(error, socket.gaierror):
        return f"cannot find {host} (offline, or no such site)"
    if isinstance(error, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(error, ConnectionResetError):
        return f"{host} closed the connection"
    if isinstance(error, ssl.SSLError):
        return f"secure connection to {host} failed ({error.reason or error})"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot reach {host} ({error.strerror})"
    return f"cannot fetch the page ({error})"


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"
