from __future__ import annotations

import re

from sourcecrit.widgets.explorer import EVERYONE, explorer, focus, speakers


def marked(html: str, kind: str) -> bool:
    """True when some span in the highlighted HTML carries the class sc-<kind>."""
    return re.search(rf'<span class="[^"]*\bsc-{kind}\b', html) is not None


def _parts(box):
    controls, summary, text, rows = box.children
    layer, speaker = controls.children
    return layer, speaker, summary, text, rows


def test_explorer_lists_speakers_in_order_of_first_appearance(flagship_analysis):
    names = speakers(flagship_analysis)
    assert names[0] == "José Antonio Alcaide"
    assert "Radoslaw Sikorski" in names and "Sikorsky" not in names
    _, speaker, *_ = _parts(explorer(flagship_analysis))
    assert list(speaker.options) == [EVERYONE, *names]


def test_choosing_a_speaker_filters_text_and_rows(flagship_analysis):
    box = explorer(flagship_analysis)
    _, speaker, summary, text, rows = _parts(box)
    everyone_marks = text.value.count('class="sc-source')
    speaker.value = "Marine Le Pen"
    n = int((flagship_analysis.attributions["speaker"] == "Marine Le Pen").sum())
    assert f"<b>{n}</b> attributions to Marine Le Pen" in summary.value
    assert rows.value.count("</tr>") == n + 1  # header row + one per attribution
    assert "Alcaide" not in rows.value
    assert 0 < text.value.count('class="sc-source') < everyone_marks


def test_layer_toggle_switches_marks(flagship_analysis):
    layer, _, _, text, _ = _parts(explorer(flagship_analysis))
    layer.value = ("attributions",)
    assert marked(text.value, "cue") and not marked(text.value, "hedge")
    layer.value = ("hedges",)
    assert not marked(text.value, "cue") and not marked(text.value, "source")
    assert marked(text.value, "hedge")


def test_focus_everyone_is_the_whole_analysis(flagship_analysis):
    assert focus(flagship_analysis, EVERYONE) is flagship_analysis
