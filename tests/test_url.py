"""URL loading against a page served from a local HTTP server."""

from __future__ import annotations

import http.server
import threading
from functools import partial

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
