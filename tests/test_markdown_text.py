"""markdown_text: plain text shown as typed when placed in Markdown (issue 16)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from sourcecrit.markdown_text import markdown_text


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "**bold** _it_ `code` [a](javascript:x) ![i](x.png)",
        "# not a heading",
        "&lt;b&gt; stays as typed, AT&T too",
        "a | b ~~c~~ $x$ \\ end",
    ],
)
def test_rendered_text_is_the_text_typed(text):
    rendered = MarkdownIt("commonmark").render(markdown_text(text))
    assert rendered == "<p>" + escapeHtml(text) + "</p>\n"


def test_one_line_folds_breaks_that_would_open_an_html_block():
    assert markdown_text("Title\n<div>", one_line=True) == "Title \\<div\\>"
    assert "\n\n" in markdown_text("one\n\ntwo")
