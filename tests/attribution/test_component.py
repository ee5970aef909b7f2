"""The spaCy component: records, span groups, warnings, configuration, serialisation."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from sourcecrit.attribution.lexicon import load_cues
from sourcecrit.columns import ATTRIBUTIONS, SOURCES
from sourcecrit.errors import LexiconError

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


def test_factories_declare_what_they_need_and_set(nlp):
    meta = nlp.get_pipe_meta("sourcecrit_attribution")
    assert {"token.dep", "token.lemma", "doc.ents"} <= set(meta.requires)
    assert {"doc._.sc_attributions", "doc._.sc_sources", "doc.spans"} <= set(meta.assigns)
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems["sourcecrit_attribution"] == [] and problems["sourcecrit_hedges"] == []


def _spans(doc: Doc) -> dict[str, list[tuple[int, int, str]]]:
    return {
        name: [(s.start_char, s.end_char, s.label_) for s in group]
        for name, group in doc.spans.items()
    }


def test_a_saved_pipeline_reloads_with_the_same_spans(nlp, flagship_analysis, tmp_path):
    # nlp.to_disk() then spacy.load(): the factories come back through the spacy_factories
    # entry points and reproduce every record and span group on the flagship.
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    doc = reloaded(flagship_analysis.text)
    original = flagship_analysis.doc
    assert _spans(doc) == _spans(original)
    assert len(original.spans["sc_attribution_contents"]) > 10
    assert doc._.sc_attributions == original._.sc_attributions
    assert doc._.sc_sources == original._.sc_sources
    assert doc._.sc_hedges == original._.sc_hedges


def test_a_saved_custom_lexicon_travels_with_the_pipeline(tmp_path):
    lexicon = tmp_path / "cues.yaml"
    lexicon.write_text(
        "cues:\n  - {cue: grumble, category: speech, loaded: true, object: true, preps: [about],"
        " explanation: 'Complained in a low voice.'}\n",
        encoding="utf-8",
    )
    nlp = spacy.load(_model_name())
    nlp.add_pipe("sourcecrit_attribution", config={"cues_path": str(lexicon)})
    nlp.to_disk(tmp_path / "pipeline")
    lexicon.unlink()  # the saved pipeline must not depend on the original file
    load_cues.cache_clear()  # as in a new process: nothing remembered from the file
    reloaded = spacy.load(tmp_path / "pipeline")
    text = "The coach grumbled that the pitch was too wet. The coach said that it was fine."
    assert [r["cue"] for r in reloaded(text)._.sc_attributions] == ["grumbled"]
    assert (
        reloaded.get_pipe("sourcecrit_attribution").cues
        == nlp.get_pipe("sourcecrit_attribution").cues
    )


def test_a_missing_lexicon_file_is_refused(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sourcecrit_attribution", config={"cues_path": str(tmp_path / "nope.yaml")})
    with pytest.raises(LexiconError, match="nope.yaml"):
        nlp("The coach said that the pitch was wet.")
