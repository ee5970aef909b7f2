"""Evidence hints: the arithmetic, on Analyses built from hand-written rows (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from sourcecrit.attribution.lexicon import SOURCE_TYPES
from sourcecrit.checklists import SIGNALS, checklist_from_yaml, load_checklist
from sourcecrit.checklists.evidence import SOURCE_GROUPS
from sourcecrit.checklists.metadata import dates
from sourcecrit.checklists.sources import lede, single_mention_sources, source_mix
from sourcecrit.checklists.wording import hedging, narrator_voice

TEXT = (
    "Officials say the plan is ready. The minister, Jane Roe, said it would work. "
    "Some experts warned of delays.\n\n"
    "Roe added that costs may rise, quoting “sources who said it is doomed”.\n\n"
    "The plan was first proposed in 2019. It remains popular."
)


@pytest.fixture
def story(make_analysis, make_attribution):
    a = make_attribution
    rows = [
        a(
            TEXT,
            source="Officials",
            cue="say",
            content="the plan is ready",
            source_type="vague_group",
            speaker=None,
        ),
        a(
            TEXT,
            source="The minister, Jane Roe",
            speaker="Jane Roe",
            cue="said",
            content="it would work",
            source_type="named_official",
        ),
        a(
            TEXT,
            source="Some experts",
            cue="warned",
            content="of delays",
            source_type="vague_group",
            speaker=None,
        ),
        a(
            TEXT,
            source="Roe",
            speaker="Jane Roe",
            cue="added",
            content="that costs may rise, quoting “sources who said it is doomed”",
            source_type="named_official",
        ),
        # Nested inside Roe's words: the article does not rely on these "sources" itself.
        a(
            TEXT,
            source="sources",
            speaker=None,
            cue="said",
            content="it is doomed",
            source_type="anonymous",
            nested=True,
        ),
    ]
    may = TEXT.index("may")
    hedges = [
        {
            "cue": "may",
            "start": may,
            "end": may + 3,
            "category": "hedge",
            "sentence": 3,
            "scope_start": may,
            "scope_end": may + 8,
            "explanation": "softens",
        }
    ]
    return make_analysis(TEXT, attributions=rows, hedges=hedges, metadata={"date": "2024-03-10"})


def test_every_source_type_belongs_to_one_group():
    grouped = [t for types in SOURCE_GROUPS.values() for t in types]
    assert sorted(grouped) == sorted(SOURCE_TYPES)


def test_source_mix_counts_the_articles_own_attributions(story):
    ev = source_mix(story)
    assert ev.counts["attributions"] == 4  # the nested "sources" are left out
    assert (ev.counts["named"], ev.counts["vague"], ev.counts["anonymous"]) == (2, 2, 0)
    assert ev.counts["by_type"] == {"vague_group": 2, "named_official": 2}
    assert "Of 4 attributions, 2 (50%) point to named people" in ev.message
    assert "“Officials” and “Some experts”" in ev.message
    assert sorted(zip(ev.labels, ev.quotes(story.text))) == sorted(
        [
            ("vague", "Officials"),
            ("named", "The minister, Jane Roe"),
            ("vague", "Some experts"),
            ("named", "Roe"),
        ]
    )


def test_source_mix_counts_words_per_source(story):
    ev = source_mix(story)
    assert ev.counts["by_source"] == [
        {"source": "Jane Roe", "attributions": 2, "words": 14},
        {"source": "Officials", "attributions": 1, "words": 4},
        {"source": "Some experts", "attributions": 1, "words": 2},
    ]
    assert (
        "The most-heard source, Jane Roe, has 2 of 4 attributions (50%) and 14 of 20 "
        "attributed words (70%)." in ev.message
    )


def test_lede_with_its_single_source(story):
    ev = lede(story)
    assert ev.counts["lede"] == "Officials say the plan is ready."
    assert ev.counts["sources"] == ["Officials"]
    assert ev.counts["source_types"] == ["vague_group"]
    assert "rests on a single source: Officials, a vague group" in ev.message
    assert dict(zip(ev.labels, ev.quotes(story.text))) == {
        "lede": "Officials say the plan is ready.",
        "source": "Officials",
        "cue": "say",
    }


def test_lede_in_the_narrators_voice(make_analysis):
    ev = lede(make_analysis("Prices rose sharply. Nobody is quoted here."))
    assert ev.counts["sources"] == []
    assert "stated in the article's own voice" in ev.message
    assert ev.quotes("Prices rose sharply. Nobody is quoted here.") == ["Prices rose sharply."]


def test_lede_attributed_in_the_next_sentence(make_analysis, make_attribution):
    text = "Troops are already there. A colonel, John Doe, told the paper on Monday."
    row = make_attribution(
        text,
        source="A colonel, John Doe",
        speaker="John Doe",
        cue="told",
        content="Troops are already there.",
        source_type="named_expert",
        rule="lede",
    )
    ev = lede(make_analysis(text, attributions=[row]))
    assert ev.counts["sources"] == ["John Doe"]


def test_single_mention_sources(story):
    ev = single_mention_sources(story)
    assert ev.counts == {"sources": 3, "heard_once": ["Officials", "Some experts"]}
    assert ev.quotes(story.text) == ["Officials", "Some experts"]
    assert "2 of 3 sources are heard only once: Officials and Some experts" in ev.message


def test_hedging_density_per_100_words(story):
    ev = hedging(story)
    words = len(story.text.split())
    assert ev.counts["words"] == words
    assert (ev.counts["hedge"], ev.counts["booster"], ev.counts["weasel"]) == (1, 0, 0)
    assert ev.counts["per_100_words"]["hedge"] == round(100 / words, 2)
    assert ev.quotes(story.text) == ["may"]
    assert ev.labels == ("hedge",)
    assert f"1 hedge ({round(100 / words, 2):g} per 100 words)" in ev.message


def test_hedging_with_nothing_found(make_analysis):
    ev = hedging(make_analysis("Plain words only."))
    assert ev.counts["hedge"] == 0 and ev.spans == ()
    assert "No hedges, boosters or weasel phrases were found in 3 words" in ev.message


def test_narrator_voice_finds_the_unsourced_closing_paragraph(story):
    ev = narrator_voice(story)
    assert ev.counts["unsourced_sentences"] == 2
    assert ev.counts["unsourced_paragraphs"] == [2]
    assert ev.labels == ("paragraph",)
    assert ev.quotes(story.text) == ["The plan was first proposed in 2019. It remains popular."]
    assert "the closing paragraph (2 sentences)" in ev.message


def test_narrator_voice_names_lone_sentences(make_analysis, make_attribution):
    text = "Jane Roe said taxes will fall. Taxes fell last year. Roe added more."
    rows = [
        make_attribution(
            text,
            source="Jane Roe",
            cue="said",
            content="taxes will fall",
            source_type="named_official",
        ),
        make_attribution(
            text,
            source="Roe",
            cue="added",
            content="more",
            source_type="named_official",
            speaker="Jane Roe",
        ),
    ]
    ev = narrator_voice(make_analysis(text, attributions=rows))
    assert ev.labels == ("sentence",)
    assert ev.quotes(text) == ["Taxes fell last year."]
    assert ev.counts["unsourced_paragraphs"] == []
    assert "Also unsourced: “Taxes fell last year.”" in ev.message


def _with_dates(make_analysis, text, date_texts, *, metadata):
    nlp = spacy.blank("en")
    doc = nlp(text)
    ents = []
    for d in date_texts:
        start = text.index(d)
        ents.append(doc.char_span(start, start + len(d), label="DATE"))
    doc.ents = [e for e in ents if isinstance(e, Span)]
    return make_analysis(text, metadata=metadata, doc=doc)


def test_dates_against_the_articles_own_date(make_analysis):
    text = "On March 8 he spoke. On March 12 he will travel. The war began on February 24, 2022."
    analysis = _with_dates(
        make_analysis,
        text,
        ["March 8", "March 12", "February 24, 2022"],
        metadata={"date": "2024-03-10"},
    )
    ev = dates(analysis)
    assert ev.counts["article_date"] == "2024-03-10"
    assert [m["date"] for m in ev.counts["mentions"]] == ["2024-03-08", "2024-03-12", "2022-02-24"]
    assert ev.quotes(text) == ["March 8", "March 12", "February 24, 2022"]
    assert "March 8 (2 days earlier)" in ev.message
    assert "February 24, 2022 (about 2 years earlier)" in ev.message
    assert "Later than the article itself: March 12" in ev.message


def test_dates_without_an_article_date(make_analysis):
    analysis = _with_dates(
        make_analysis, "It happened on May 1, 2020.", ["May 1, 2020"], metadata={}
    )
    ev = dates(analysis)
    assert ev.counts["article_date"] is None
    assert "carries no date of its own" in ev.message


def test_dates_need_the_doc(story):
    assert story.doc is None
    assert dates(story) is None


def test_checklist_evidence_tags_items_and_skips_doc_hints_without_a_doc(story):
    sift = load_checklist("sift")
    hints = sift.evidence(story)
    signals = [h.signal for h in hints]
    assert "dates" not in signals  # no Doc: left out, not an error
    assert signals == [s for s in sift.signals if s != "dates"]
    by_signal = {h.signal: h for h in hints}
    assert by_signal["lede"].items == ("better-coverage", "trace-claim")
    for hint in hints:
        for item_id in hint.items:
            assert hint.signal in sift.item(item_id).evidence


def test_checklist_without_evidence_signals_computes_none(story):
    checklist = checklist_from_yaml(
        "id: x\ntitle: T\ncredit: C\nlicence: L\nitems:\n  - {id: a, question: Q}\n"
    )
    assert checklist.evidence(story) == []


def test_every_signal_is_used_by_some_builtin():
    from sourcecrit.checklists import list_checklists

    used = {s for name in list_checklists() for s in load_checklist(name).signals}
    assert used == set(SIGNALS)


def test_evidence_exports_as_plain_json(story):
    import json

    # Changed with issue 13: CRAAP's items are moves now, not 1-5 ratings.
    answers = {"currency": {"did": "yes", "shown": "Compared the dates with 2024-03-10."}}
    done = load_checklist("craap").complete(answers, analysis=story, learner="Ada")
    data = json.loads(done.to_json())
    assert {e["signal"] for e in data["evidence"]} == set(load_checklist("craap").signals) - {
        "dates"
    }
    assert data["article"]["date"] == "2024-03-10"
    frame = done.to_frame()
    assert "rests on a single source" in frame.set_index("item").loc["relevance", "evidence"]
