"""The spaCy component: records, span groups, warnings, configuration, serialisation."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sourcecrit.columns import ATTRIBUTIONS, SOURCES

TEXT = "“We will win,” Smith said. The ministry rejected the plan."


def test_records_follow_the_column_contract(nlp):
    doc = nlp(TEXT)
    assert doc._.sc_attributions
    for rec in doc._.sc_attributions:
        assert list(rec)[: len(ATTRIBUTIONS)] == list(ATTRIBUTIONS)
    for row in doc._.sc_sources:
        assert list(row) == list(SOURCES)


def test_span_groups_for_displacy(nlp):
    doc = nlp(TEXT)
    cues = doc.spans["sc_attribution_cues"]
    assert [s.text for s in cues] == ["said", "rejected"]
    assert [s.label_ for s in doc.spans["sc_attribution_contents"]] == ["direct", "indirect"]
    assert [s.text for s in doc.spans["sc_attribution_sources"]] == ["Smith", "The ministry"]
    html = spacy.displacy.render(doc, style="span", options={"spans_key": "sc_attribution_cues"})
    assert "rejected" in html


def test_unbalanced_quote_warns_and_keeps_the_rest(nlp):
    text = "He said “this quote never closes.\n\nLater, Smith said that the vote was fair."
    doc = nlp(text)
    assert any("not closed" in w for w in doc._.sc_warnings)
    assert [r["content"] for r in doc._.sc_attributions if r["cue"] == "said"][-1] == (
        "that the vote was fair"
    )


def test_warning_reaches_the_analysis():
    from sourcecrit import analyze

    analysis = analyze("Smith said “we will win.\n\nJones said that the polls are wrong.")
    assert any("quote mark" in w.lower() for w in analysis.warnings)
    assert "that the polls are wrong" in set(analysis.attributions["content"])


def test_results_survive_doc_serialisation(nlp):
    # nlp.pipe(n_process>1) ships Docs with to_bytes: everything must be msgpack-able.
    doc = nlp(TEXT)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.sc_attributions == doc._.sc_attributions
    assert copy._.sc_sources == doc._.sc_sources


def test_custom_cue_lexicon_from_config(tmp_path):
    from sourcecrit.pipeline import get_base_nlp

    lexicon = tmp_path / "cues.yaml"
    lexicon.write_text(
        "cues:\n  - {cue: mutter, category: speech, loaded: true, explanation: 'Said it quietly, as if unwilling.'}\n",
        encoding="utf-8",
    )
    nlp = spacy.load(get_base_nlp().meta["name"] and _model_name(), exclude=[])
    nlp.add_pipe("sourcecrit_attribution", config={"cues_path": str(lexicon)})
    doc = nlp("The mayor muttered that the budget was too small. The mayor said that it was fine.")
    assert [r["cue"] for r in doc._.sc_attributions] == ["muttered"]
    assert doc._.sc_attributions[0]["cue_loaded"] is True


def _model_name() -> str:
    from sourcecrit.pipeline import model_candidates

    for name in model_candidates():
        try:
            spacy.util.get_package_path(name)
        except Exception:  # noqa: BLE001
            continue
        return name
    raise AssertionError("no model")
