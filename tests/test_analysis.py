from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sourcecrit import (
    Analysis,
    Article,
    ArticleNotFoundError,
    EmptyArticleError,
    SettingError,
    analyze,
    analyze_many,
    columns,
    load_article,
)
from sourcecrit.analysis import Failure
from sourcecrit.pipeline import CHUNK_CHARS, chunks, parse

OFFSET_COLUMNS = {
    "attributions": [
        ("source_start", "source_end", "source_text"),
        ("cue_start", "cue_end", "cue"),
        ("content_start", "content_end", "content"),
    ],
    "hedges": [("start", "end", "cue")],
    "sentences": [("start", "end", "text")],
}


def assert_offsets_exact(analysis: Analysis) -> int:
    """Every row's offsets cut exactly its text out of analysis.text; returns rows checked."""
    checked = 0
    for table, triples in OFFSET_COLUMNS.items():
        df = getattr(analysis, table)
        for start_col, end_col, text_col in triples:
            for start, end, value in zip(df[start_col], df[end_col], df[text_col]):
                if pd.isna(start):
                    assert value is None or pd.isna(end)
                    continue
                assert analysis.text[int(start) : int(end)] == value, (table, text_col)
                checked += 1
    return checked


@pytest.mark.parametrize(
    "table, schema",
    [
        ("attributions", columns.ATTRIBUTIONS),
        ("sources", columns.SOURCES),
        ("hedges", columns.HEDGES),
        ("sentences", columns.SENTENCES),
    ],
)
def test_tables_have_documented_columns_and_dtypes(flagship_analysis, table, schema):
    df = getattr(flagship_analysis, table)
    assert list(df.columns[: len(schema)]) == list(schema)
    for name, dtype in schema.items():
        assert str(df[name].dtype) == dtype, name


def test_flagship_offsets_are_exact(flagship_analysis):
    assert assert_offsets_exact(flagship_analysis) >= len(flagship_analysis.sentences)


def test_flagship_sentences(flagship_analysis):
    sentences = flagship_analysis.sentences
    assert sentences["text"].iloc[0] == (
        "NATO soldiers are indeed present in Ukraine, but not as military personnel."
    )
    assert sentences["sentence"].tolist() == list(range(len(sentences)))
    assert sentences["paragraph"].iloc[-1] == 11
    assert (sentences["start"].diff().dropna() > 0).all()
    assert set(sentences["certainty"]) <= {"uncertain", "neutral", "emphatic"}


def test_counts_in_sentences_match_tables(flagship_analysis):
    a = flagship_analysis
    assert a.sentences["attributions"].sum() == len(a.attributions)
    for category, col in (("hedge", "hedges"), ("booster", "boosters"), ("weasel", "weasels")):
        assert a.sentences[col].sum() == (a.hedges["category"] == category).sum()


def test_analyze_accepts_text_article_and_path(flagship, flagship_path):
    from_path = analyze(flagship_path)
    from_article = analyze(flagship)
    from_text = analyze(flagship.text)
    assert from_path.text == from_article.text == from_text.text
    assert from_path.to_dict()["sentences"] == from_text.to_dict()["sentences"]


@pytest.mark.parametrize(
    "text",
    [
        "~x",
        "0.md",
        "a.md",
        "README",
        "/etc/x",
        "/etc/hostname",
        "C:\\x",
        "http://x",
        "https://example.org/story.html",
        "~/story.txt",
    ],
)
def test_a_string_is_always_the_text(tmp_path, monkeypatch, text):
    # Input rule (DESIGN.md): a str is the article, never a file name or URL, even when a
    # file of that name exists.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README").write_text("The file, not the text.", encoding="utf-8")
    analysis = analyze(text)
    assert analysis.text == text
    assert analysis.article.origin is None


def test_a_path_given_as_a_string_goes_through_load_article(flagship_path):
    assert analyze(load_article(str(flagship_path))).text == analyze(flagship_path).text
    assert analyze(str(flagship_path)).text == str(flagship_path)


def test_html_given_as_a_string_is_analysed_verbatim():
    text = "<!doctype html><p>The minister said so.</p>"
    assert analyze(text).text == text


def test_analyze_refuses_other_types():
    with pytest.raises(TypeError, match="pathlib.Path"):
        analyze(b"The minister said so.")  # type: ignore[arg-type]


def test_text_is_analysed_verbatim_including_a_header_like_start():
    text = "date 2024-03-10 The minister said that troops were there."
    analysis = analyze(text)
    assert analysis.text == text
    assert analysis.sentences["start"].iloc[0] == 0


def test_json_round_trip(flagship_analysis):
    data = json.loads(flagship_analysis.to_json())
    assert {"article", "sentences", "attributions", "hedges", "sources"} <= set(data)
    rebuilt = Analysis.from_json(flagship_analysis.to_json())
    assert rebuilt.doc is None
    assert rebuilt.to_dict() == flagship_analysis.to_dict()
    for table in ("attributions", "sources", "hedges", "sentences"):
        pd.testing.assert_frame_equal(getattr(rebuilt, table), getattr(flagship_analysis, table))


def test_repr_html_escapes_article_text():
    analysis = analyze("The minister said <script>alert('x')</script> was not true at all.")
    out = analysis._repr_html_()
    assert "<script>" not in out
    assert "&lt;script&gt;" in out


def test_analyze_many_keeps_input_order(flagship):
    texts = [
        "The minister said that the plan was sound.",
        flagship.text,
        "Officials denied it on Tuesday.",
        "Putin warned of tragic consequences.",
    ]
    results = list(analyze_many(texts, batch_size=2))
    assert [r.text for r in results] == texts
    single = [analyze(t).to_dict() for t in texts]
    assert [r.to_dict() for r in results] == single


def test_analyze_many_with_two_processes_matches_one(flagship):
    texts = [flagship.text, "The minister said that the plan was sound."] * 2
    one = [a.to_dict() for a in analyze_many(texts, n_process=1)]
    two = [a.to_dict() for a in analyze_many(texts, n_process=2, batch_size=1)]
    assert one == two


def test_chunks_concatenate_to_the_text():
    text = ("A sentence here. " * 30 + "\n\n") * 50
    pieces = chunks(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_long_text_is_parsed_in_chunks_with_exact_offsets(nlp, flagship):
    repeats = CHUNK_CHARS // len(flagship.text) + 2
    text = "\n\n".join([flagship.text] * repeats)
    assert len(text) > CHUNK_CHARS
    doc = parse(nlp, text)
    assert doc.text == text
    analysis = Analysis.from_doc(Article(text=text), doc)
    assert assert_offsets_exact(analysis) > 0
    short = analyze(flagship.text)
    assert len(analysis.sentences) >= repeats * (len(short.sentences) - 1)


def test_text_that_cannot_be_a_file_name_is_analysed_as_text():
    text = "x" * 300 + " the minister said so"
    assert analyze(text).text == text


def test_most_hedged_sentences_are_ordered_by_hedging(flagship_analysis):
    top = flagship_analysis.most_hedged_sentences(3)
    assert 0 < len(top) <= 3
    assert list(top["hedging"]) == sorted(top["hedging"], reverse=True)
    counts = flagship_analysis.sentences.set_index("sentence")
    for row in top.itertuples():
        assert (
            row.hedging == counts.loc[row.sentence, "hedges"] + counts.loc[row.sentence, "weasels"]
        )


# -- a bad item in a batch (#16) -----------------------------------------------------------


def _batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The minister said that the plan was sound.", encoding="utf-8")
    return [
        "Officials denied it on Tuesday.",
        good,
        tmp_path / "missing.txt",  # the bad item
        "Putin warned of tragic consequences.",
    ]


def test_analyze_many_yields_everything_before_a_bad_item_then_raises(tmp_path):
    items = _batch(tmp_path)
    got = []
    with pytest.raises(ArticleNotFoundError, match="missing.txt"):
        for analysis in analyze_many(items, batch_size=16):
            got.append(analysis.text)
    assert got == ["Officials denied it on Tuesday.", "The minister said that the plan was sound."]


def test_analyze_many_can_skip_bad_items_and_report_each(tmp_path):
    items = [*_batch(tmp_path), "   ", Path(tmp_path)]
    results = list(analyze_many(items, on_error="skip"))
    assert len(results) == len(items)
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.index for f in failures] == [2, 4, 5]
    assert isinstance(failures[0].error, ArticleNotFoundError)
    assert "missing.txt" in str(failures[0]) and "item 2" in str(failures[0])
    assert isinstance(failures[1].error, EmptyArticleError)
    texts = [r.text for r in results if isinstance(r, Analysis)]
    assert texts == [items[0], "The minister said that the plan was sound.", items[3]]


def test_analyze_many_refuses_an_unknown_on_error():
    with pytest.raises(SettingError, match="on_error"):
        next(analyze_many(["The minister said so."], on_error="ignore"))  # type: ignore[call-overload]


def test_lone_surrogates_never_raise_and_keep_offsets():
    text = "The minister said \ud800 that troops may be there.\udfff"
    analysis = analyze(text)
    assert analysis.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert any("surrogate" in w for w in analysis.warnings)
    analysis.to_json().encode("utf-8")
    rebuilt = analyze(Article(text=text, metadata={"title": "A \udc80 title"}))
    assert rebuilt.article.title == "A \ufffd title"
    assert assert_offsets_exact(rebuilt) > 0


# -- long articles (#10): linear work, exact offsets across parse chunks -------------------

# Paragraphs written for these tests: quotes, reported speech, hedges and a long paragraph
# with no blank line, so that chunking must cut inside a paragraph too.
LONG_PARAGRAPHS = [
    "The mayor said on Monday that the new bridge would open in the spring. “We are on "
    "schedule,” she told reporters, although engineers may still find problems.",
    "According to the transport office, about 40,000 cars could cross each day. Some "
    "residents say the tolls are too high; others argue that the project is clearly worth it.",
    "“I have never seen a council move this fast,” said Tom Reyes, who runs a bakery by the "
    "river. He added that deliveries would probably be quicker once the bridge opens.",
    " ".join(
        f"Officials reported that section {k} had passed its inspection, and the inspector "
        f"suggested that the paint might need another coat before the opening."
        for k in range(40)
    ),
]


def long_article(chars: int) -> str:
    """Return an article of exactly ``chars`` characters made of LONG_PARAGRAPHS."""
    parts: list[str] = []
    total = 0
    k = 0
    while total < chars:
        paragraph = LONG_PARAGRAPHS[k % len(LONG_PARAGRAPHS)]
        parts.append(paragraph)
        total += len(paragraph) + 2
        k += 1
    return "\n\n".join(parts)[:chars]


def test_offsets_stay_exact_across_chunk_boundaries(nlp, monkeypatch):
    import sourcecrit.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 3_000)
    text = long_article(40_000)
    pieces = pipeline.chunks(text, pipeline.CHUNK_CHARS)
    assert len(pieces) > 10 and "".join(pieces) == text
    # Some cuts fall inside the long paragraph, not at a blank line.
    assert any(not p.endswith("\n\n") for p in pieces[:-1])
    analysis = analyze(text)
    assert analysis.text == text
    assert assert_offsets_exact(analysis) > len(analysis.sentences)
    assert (analysis.sentences["start"].diff().dropna() > 0).all()
    # Every token sits where the Doc says, also right after each chunk boundary.
    doc = analysis.doc
    assert all(text.startswith(t.text, t.idx) for t in doc)
    assert analysis.sentences["attributions"].sum() == len(analysis.attributions)
    assert len(analysis.attributions) >= 2 * (40_000 // sum(map(len, LONG_PARAGRAPHS)))


@pytest.mark.slow
def test_a_two_megabyte_article_is_analysed_with_exact_offsets(nlp):
    from sourcecrit.article import MAX_CHARS

    text = long_article(MAX_CHARS)
    analysis = analyze(text)
    assert len(analysis.text) == MAX_CHARS
    assert assert_offsets_exact(analysis) > len(analysis.sentences)
    assert len(analysis.sentences) > 10_000
    assert analysis.sentences["paragraph"].iloc[-1] > 1_000
    assert analysis.sentences["attributions"].sum() == len(analysis.attributions)
