"""URL loading against a page served from a local HTTP server."""

from __future__ import annotations

import http.server
import socketserver
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from sourcecrit import ArticleFetchError, load_article

PAGE = """<!doctype html><html lang="en"><head><title>Minister speaks on troops</title>
<meta property="og:site_name" content="Example Gazette"></head><body>
<header>Example Gazette — Home | World | Subscribe</header>
<article><h1>Minister speaks on troops</h1>
<p>The foreign minister said on Friday that troops from several allied countries were already
present on the territory, but he would not say which states had sent them.</p>
<p>According to a ministry spokeswoman, the remarks were taken out of context. Analysts said the
statement could signal a change of policy, although it was too early to tell.</p></article>
<footer>© Example Gazette</footer></body></html>"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "story.html").write_text(PAGE, encoding="utf-8")
    (root / "plain.txt").write_text(
        "date 2024-05-01\nThe minister said it was true.", encoding="utf-8"
    )
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_html_article(server):
    article = load_article(f"{server}/story.html")
    assert article.origin == f"{server}/story.html"
    assert "troops from several allied countries were already" in article.text
    assert "Subscribe" not in article.text
    assert article.title == "Minister speaks on troops"
    assert len(article.paragraphs) == 2


def test_url_plain_text_article_keeps_header_as_metadata(server):
    article = load_article(f"{server}/plain.txt")
    assert article.date == "2024-05-01"
    assert article.text == "The minister said it was true."


def test_url_404_is_a_clear_error(server):
    with pytest.raises(ArticleFetchError, match="404"):
        load_article(f"{server}/missing.html")


def test_unreachable_url_is_a_clear_error():
    with pytest.raises(ArticleFetchError, match="could not fetch"):
        load_article("http://127.0.0.1:9/nothing-listens-here")


# -- a misbehaving server: each path is one way an answer can go wrong ------------------------

TRICKLE_EVERY = 1.0  # seconds between bytes; each is well inside the socket timeout


def _status_then_headers(body: bytes, *, length: int | None = None) -> bytes:
    length = len(body) if length is None else length
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
        + f"Content-Length: {length}\r\nConnection: close\r\n\r\n".encode()
    )


BODY = b"The minister said that troops were already there, officials said on Friday."


class Misbehaving(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            piece = self.request.recv(4096)
            if not piece:
                return
            request += piece
        path = request.split(b" ")[1].decode()
        sock = self.request
        try:
            if path == "/bad-status":
                sock.sendall(b"NOT HTTP AT ALL\r\n\r\n")
            elif path == "/long-line":
                sock.sendall(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n")
            elif path == "/incomplete-chunk":
                sock.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n400\r\nonly a few bytes"
                )
            elif path == "/short-body":
                sock.sendall(_status_then_headers(BODY, length=len(BODY) + 500) + BODY)
            elif path == "/trickle-body":
                sock.sendall(_status_then_headers(BODY * 20))
                for byte in BODY * 20:
                    sock.sendall(bytes([byte]))
                    time.sleep(TRICKLE_EVERY)
            elif path == "/trickle-headers":
                for byte in _status_then_headers(BODY):
                    sock.sendall(bytes([byte]))
                    time.sleep(TRICKLE_EVERY)
            elif path == "/ok":
                sock.sendall(_status_then_headers(BODY) + BODY)
        except OSError:  # the client gave up: that is the point of most of these
            pass


@pytest.fixture(scope="module")
def bad_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Misbehaving)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_well_formed_answer_from_the_raw_server_loads(bad_server):
    assert load_article(f"{bad_server}/ok").text == BODY.decode()


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/bad-status", "BadStatusLine"),
        ("/long-line", "LineTooLong"),
        ("/incomplete-chunk", "IncompleteRead"),
        ("/short-body", "cut short"),
    ],
)
def test_malformed_answers_are_fetch_errors_naming_url_and_reason(bad_server, path, reason):
    url = f"{bad_server}{path}"
    with pytest.raises(ArticleFetchError, match=reason) as info:
        load_article(url, timeout=10)
    assert url in str(info.value)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://[::1/story.html", "IPv6"),
        ("http://127.0.0.1:abc/story.html", "InvalidURL"),
        ("http://\u2603\u2603..example/story.html", "story.html"),
    ],
)
def test_malformed_urls_are_fetch_errors(url, reason):
    with pytest.raises(ArticleFetchError, match=reason) as info:
        load_article(url)
    assert url in str(info.value)


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_a_trickling_server_fails_within_the_deadline(bad_server, path):
    # One byte a second never trips a per-read timeout; the overall deadline must.
    started = time.monotonic()
    with pytest.raises(ArticleFetchError, match="within 3 seconds"):
        load_article(f"{bad_server}{path}", timeout=3)
    assert time.monotonic() - started < 3 + 2 * TRICKLE_EVERY


def test_default_fetch_deadline_is_stated():
    from sourcecrit.reading import FETCH_TIMEOUT

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"{FETCH_TIMEOUT:g} seconds" in readme
