"""Property: analyze never raises on arbitrary Unicode under the size limit, offsets stay valid.

Any string, including one that looks like a file name or URL, is the article text (the
input rule): the only error ``analyze`` may raise for a string is a ``SourcecritError``.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcecrit import EmptyArticleError, SourcecritError, analyze

NEWSY = st.sampled_from(
    [
        "The minister said that ",
        "“",
        "”",
        '"',
        "'",
        "according to him, ",
        " may ",
        " could ",
        "indeed",
        "Sikorski",
        "\n\n",
        ". ",
        "He added: ",
        "some say ",
        "<script>",
        "\u00a0",
        "\t",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), NEWSY), max_size=30).map("".join)
# Strings a guessing front door would take for a file or a URL.
PATHLIKE = st.tuples(
    st.sampled_from(
        [
            "",
            "~",
            "~/",
            "/",
            "/etc/",
            "./",
            "../",
            "C:\\",
            "\\\\server\\",
            "http://",
            "https://",
            "file://",
            "README",
            "0",
        ]
    ),
    st.text(max_size=12),
    st.sampled_from(["", ".md", ".txt", ".html", ".htm", "/", "\x00", "\ud800"]),
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TEXT, PATHLIKE))
def test_analyze_never_raises_and_offsets_stay_valid(nlp, text):
    if not text.strip() or "\x00" in text:
        try:
            analyze(text)
        except EmptyArticleError:
            return
        except SourcecritError as exc:  # NUL bytes: a BinaryArticleError is the right answer
            assert "NUL" in str(exc)
            return
        raise AssertionError("blank text was accepted")
    analysis = analyze(text)
    assert analysis.text == re.sub("[\ud800-\udfff]", "\ufffd", text)
    analysis.to_json().encode("utf-8")  # lone surrogates included: serialising never raises
    n = len(text)
    for df, pairs in (
        (analysis.sentences, [("start", "end")]),
        (analysis.hedges, [("start", "end"), ("scope_start", "scope_end")]),
        (
            analysis.attributions,
            [
                ("source_start", "source_end"),
                ("cue_start", "cue_end"),
                ("content_start", "content_end"),
            ],
        ),
    ):
        for s_col, e_col in pairs:
            for s, e in zip(df[s_col], df[e_col]):
                if pd.isna(s):
                    continue
                assert 0 <= int(s) <= int(e) <= n


@pytest.mark.parametrize("text", ["~x", "a.md", "/etc/x", "C:\\x", "http://x", "README"])
def test_path_like_strings_are_text(nlp, text):
    assert analyze(text).text == text
