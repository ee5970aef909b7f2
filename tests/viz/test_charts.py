from __future__ import annotations

import pytest

from sourcecrit.viz.charts import certainty_chart, source_types_chart, sources_chart


def _data(chart) -> list[dict]:
    spec = chart.to_dict()
    name = spec["data"]["name"]
    return spec["datasets"][name]


def test_certainty_chart_counts_match_the_hedges_table(flagship_analysis):
    chart = certainty_chart(flagship_analysis)
    spec = chart.to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "sentence number"
    # Hedges, boosters and weasels sit in rows of their own: told apart without colour.
    assert spec["encoding"]["row"]["field"] == "kind"
    assert spec["encoding"]["y"]["axis"]["format"] == "d"
    rows = _data(chart)
    assert rows, "the flagship article has hedging cues"
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["kind"]] = totals.get(row["kind"], 0) + row["cues"]
    plain = {"hedge": "hedges", "booster": "boosters", "weasel": "weasel phrases"}
    expected = {plain[k]: v for k, v in flagship_analysis.hedges["category"].value_counts().items()}
    assert totals == expected


def test_sources_chart_has_a_bar_per_source(flagship_analysis):
    chart = sources_chart(flagship_analysis)
    rows = _data(chart)
    assert len(rows) == len(flagship_analysis.sources) > 0
    assert chart.to_dict()["encoding"]["y"]["sort"] == "-x"
    by_words = sources_chart(flagship_analysis, measure="n_words").to_dict()
    assert by_words["encoding"]["x"]["field"] == "words attributed"
    assert by_words["encoding"]["x"]["axis"]["format"] == "d"
    kinds = {r["kind of source"] for r in _data(chart)}
    assert "named official" in kinds and not any("_" in k for k in kinds)


def test_sources_chart_refuses_an_unknown_measure(flagship_analysis):
    with pytest.raises(ValueError, match="measure must be"):
        sources_chart(flagship_analysis, measure="loudness")


def test_source_types_chart_covers_every_attribution(flagship_analysis):
    rows = _data(source_types_chart(flagship_analysis))
    assert sum(r["attributions"] for r in rows) == len(flagship_analysis.attributions) > 0


def test_article_text_in_tooltips_is_data_not_markup():
    from sourcecrit import analyze

    chart = certainty_chart(analyze("Officials may say <b>it</b> could perhaps be so."))
    assert any("<b>it</b>" in r["text"] for r in _data(chart))
