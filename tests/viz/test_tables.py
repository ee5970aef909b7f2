"""Student tables: plain column names, whole sentences, escaped text."""

from __future__ import annotations

from sourcecrit import analyze
from sourcecrit.viz.tables import attribution_table, cue_table, sources_table, unsourced_sentences


def _no_codes(table) -> None:
    for column in table.frame.columns:
        assert "_" not in column and column[0].isupper()


def test_tables_have_plain_columns_and_no_internal_codes(flagship_analysis):
    for make in (attribution_table, sources_table, cue_table, unsourced_sentences):
        table = make(flagship_analysis)
        assert len(table) > 0
        _no_codes(table)
    kinds = set(sources_table(flagship_analysis).frame["Kind of source"])
    assert "named official" in kinds and not any("_" in k for k in kinds)
    assert not any(
        isinstance(v, list) for v in sources_table(flagship_analysis).frame["Also called"]
    )


def test_sentences_are_shown_whole_and_escaped(nlp):
    long = (
        "The harbour board said on Monday that the new cranes, which cost more than the "
        "old terminal, will <b>probably</b> arrive late."
    )
    analysis = analyze(long + " Some experts say the delay may last a year.")
    html = cue_table(analysis)._repr_html_()
    assert "will &lt;b&gt;probably&lt;/b&gt; arrive late." in html or "may last a year" in html
    whole = attribution_table(analysis)._repr_html_()
    assert "the new cranes, which cost more than the old terminal" in whole
    assert "<b>" not in whole


def test_compare_puts_two_accounts_side_by_side(flagship_analysis):
    from sourcecrit.course import second_account
    from sourcecrit.viz.compare import compare, compare_chart

    other = analyze(second_account())
    table = compare(flagship_analysis, other, names=("Izvestia", "Course text"))
    frame = table.frame
    assert list(frame.columns) == ["", "Izvestia", "Course text"]
    words = frame.set_index("")
    assert words.loc["Words", "Izvestia"] > words.loc["Words", "Course text"] > 100
    assert words.loc["Most-quoted source", "Izvestia"] == "José Antonio Alcaide"
    spec = compare_chart(flagship_analysis, other).to_dict()
    assert spec["encoding"]["row"]["field"] == "kind"
