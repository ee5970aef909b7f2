"""Quote marks on plain text (no spaCy needed), then quotes that keep their speaker (real model)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcecrit.attribution.quotes import quote_of, quote_spans


def _quoted(text):
    quotes, _ = quote_spans(text)
    return [text[q.start : q.end] for q in quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ("Il a dit «nous gagnerons» hier.", ["nous gagnerons"]),
        ('"One," he said, "two."', ["One,", "two."]),
        ("“The country’s army is ready,” she said.", ["The country’s army is ready,"]),
        ("He called it ‘a disaster’ twice.", ["a disaster"]),
        ("It’s the ’90s and rock ’n’ roll.", []),
        ("''It's an expansion,'' she said.", ["It's an expansion,"]),
        ("He said ``never'' twice.", ["never"]),
    ],
)
def test_quote_spans(text, expected):
    assert _quoted(text) == expected


def test_nested_quote_with_the_same_curly_marks():
    text = "“They will say: “Oh, nightmare!” But it is no crime,” he said."
    quotes, warnings = quote_spans(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "They will say: “Oh, nightmare!” But it is no crime,",
        "Oh, nightmare!",
    ]
    assert [q.depth for q in quotes] == [0, 1]
    assert quotes[1].parent == 0
    assert warnings == []


def test_single_quotes_nested_in_double():
    text = "“He told me ‘never again’ and left,” she said."
    quotes, _ = quote_spans(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "He told me ‘never again’ and left,",
        "never again",
    ]
    assert quote_of(quotes, text.index("never"), text.index("never") + 5) == 1


@pytest.mark.parametrize("open_mark, close_mark", [("“", "”"), ('"', '"')])
def test_quote_over_paragraphs_reopens_and_closes_once(open_mark, close_mark):
    text = (
        f"{open_mark}First paragraph of the quote.\n\n"
        f"{open_mark}Second paragraph.\n\n"
        f"{open_mark}Last one,{close_mark} he said.\n\nAfter."
    )
    quotes, warnings = quote_spans(text)
    assert len(quotes) == 1
    assert quotes[0].paragraphs == 3
    assert text[quotes[0].start : quotes[0].end].endswith("Last one,")
    assert warnings == []


def test_unclosed_quote_is_skipped_with_a_warning_and_the_rest_is_kept():
    text = "He said “this never closes.\n\nLater she said “a proper quote” here."
    quotes, warnings = quote_spans(text)
    assert [text[q.start : q.end] for q in quotes] == ["a proper quote"]
    assert len(warnings) == 1 and "character 8" in warnings[0]


def test_stray_closing_mark_is_ignored_with_a_warning():
    quotes, warnings = quote_spans("Nothing open here” but “this” is.")
    assert len(quotes) == 1
    assert "no opening mark" in warnings[0]


@given(st.text(alphabet="ab “”\"‘’«»'`\n .,", max_size=80))
def test_never_crashes_and_offsets_stay_inside(text):
    quotes, warnings = quote_spans(text)
    for q in quotes:
        assert 0 <= q.open_start < q.start <= q.end < q.close_end <= len(text)
    assert all(isinstance(w, str) for w in warnings)


# -- a quote keeps its speaker until it closes (real model; sentences made up) ---------


def test_a_quote_over_several_sentences_is_one_attribution(attribute):
    records = attribute(
        'Engineers met on Monday.\n\nOkafor said: "This bridge is unsafe. Believe me, every '
        'engineer I have spoken to agrees."'
    )
    assert [(r["speaker"], r["cue"]) for r in records] == [("Okafor", "said")]
    assert records[0]["content"].endswith('agrees."')


def test_nobody_inside_a_quote_is_not_an_anonymous_source(attribute):
    records = attribute(
        'Okafor said: "This bridge is unsafe. Nobody has seen a crack this wide before."'
    )
    assert [r["source_text"] for r in records] == ["Okafor"]
    assert all(r["source_type"] != "anonymous" for r in records)


def test_i_think_inside_a_quote_stays_part_of_the_speakers_quote(attribute):
    # The speaker's own "I think" is their hedge (the certainty layer), not a second
    # attribution; above all it never becomes a source-less or wrongly named one.
    records = attribute('Okafor said: "This bridge is unsafe. I think we must close it now."')
    assert [r["speaker"] for r in records] == ["Okafor"]
    assert "I think we must close it now" in records[0]["content"]


def test_a_quote_over_a_paragraph_break_keeps_its_speaker(attribute):
    text = (
        'Okafor said: "This bridge is unsafe. Every engineer agrees with me.\n\n'
        '"We must close it before the winter comes."\n\nThe council will meet again on Friday.'
    )
    records = attribute(text)
    assert len(records) == 1
    assert records[0]["speaker"] == "Okafor"
    assert records[0]["content"].endswith('winter comes."')


def test_a_quote_after_the_speech_tag_carries_the_speaker(attribute):
    text = (
        '"This bridge is unsafe," Okafor said. "Every engineer agrees with me.\n\n'
        '"Nobody has seen a crack this wide. We must close it."\n\nThe mayor will decide on Friday.'
    )
    records = attribute(text)
    assert [(r["speaker"], r["rule"]) for r in records] == [
        ("Okafor", "verb"),
        ("Okafor", "continuation"),
    ]
    assert records[1]["content"].startswith('"Every engineer') and records[1]["content"].endswith(
        'close it."'
    )


def test_a_paragraph_initial_quote_continues_the_previous_speaker(attribute):
    text = (
        '"This bridge is unsafe," said Maria Lopez, the city engineer.\n\n'
        '"Every engineer I have spoken to agrees with me, and the council knows it."'
    )
    records = attribute(text)
    assert [r["speaker"] for r in records] == ["Maria Lopez", "Maria Lopez"]


def test_another_speaker_in_between_stops_the_carry(attribute):
    text = '"This bridge is unsafe," Okafor said. The mayor disagreed. "It will stand for ten more years."'
    records = attribute(text)
    assert all(r["rule"] != "continuation" for r in records)


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            '"We lost our home in the flood," said Ann Reed, who lives by the river. "I '
            'believe the council ignored every warning it was given."',
            "Ann Reed",
        ),
        (
            '"Do you think the dealer should pay for that?" Reed asked rhetorically, shaking '
            'her head no. "But I do believe that sellers should be careful."',
            "Reed",
        ),
    ],
)
def test_a_speech_tag_that_goes_on_about_the_speaker_still_carries(attribute, text, speaker):
    records = attribute(text)
    assert [(r["speaker"], r["rule"]) for r in records] == [
        (speaker, "verb"),
        (speaker, "continuation"),
    ]


def test_a_new_subject_in_the_speech_tag_stops_the_carry(attribute):
    text = (
        '"This bridge is unsafe," Okafor said, and the mayor nodded. "It will stand for '
        'ten more years."'
    )
    assert all(r["rule"] != "continuation" for r in attribute(text))
