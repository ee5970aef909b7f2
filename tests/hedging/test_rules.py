"""Rules beyond word lists: modality, reported "would", negation, pseudo-cues, multi-word cues."""

from __future__ import annotations

import pytest


def found(records: list[dict], word: str) -> list[dict]:
    """Records whose cue contains ``word`` (case-insensitive, whole cue or part of it)."""
    return [r for r in records if word.lower() in r["cue"].lower()]


def categories(records: list[dict], word: str) -> list[str]:
    """The categories of the records :func:`found` returns, in text order."""
    return [r["category"] for r in found(records, word)]


@pytest.mark.parametrize(
    "text, word, category",
    [
        # epistemic modals are hedges ...
        ("He added that the military could be there as instructors.", "could", "hedge"),
        ("Foreign personnel may also be present as civilians.", "may", "hedge"),
        ("The talks might collapse next week.", "might", "hedge"),
        ("He must have known about the plan.", "must", "hedge"),
        ("That would suggest the data were wrong.", "would", "hedge"),
        ("It would seem that nobody read the memo.", "would", "hedge"),
        # ... root modals (ability, obligation, wish) are not
        ("Russia has weapons that can hit targets in Europe.", "can", None),
        ("From the hill he could see the border.", "could", None),
        ("All visitors must leave the building by noon.", "must", None),
        ("I would like to thank the organisers.", "would", None),
        # "can" of general possibility and "would" of a plan or consequence are not marked
        # by the news-certainty guidelines (ability/permission; conditionals of consequence)
        ("Such a trip can be dangerous in winter.", "can", None),
        ("That would be a serious mistake.", "would", None),
        ("Under the plan, the rate would fall by two points a year.", "would", None),
        ("The guards left before the police could arrive.", "could", None),
        ("My knee was so sore I could barely walk.", "could", None),
    ],
)
def test_epistemic_and_root_modals(cues_of, text, word, category):
    assert categories(cues_of(text), word) == ([category] if category else [])


@pytest.mark.parametrize(
    "text",
    [
        "The minister clarified that he would not disclose which states sent troops.",
        "He indicated that the army would not participate, but Warsaw would help.",
        "She said the government would announce the plan on Monday.",
    ],
)
def test_would_as_future_in_the_past_is_not_a_hedge(cues_of, text):
    assert found(cues_of(text), "would") == []


@pytest.mark.parametrize(
    "text, word, category",
    [
        ("There is no doubt that he lied.", "doubt", "booster"),
        ("He expressed doubt that they are involved.", "doubt", "hedge"),
        ("I do not doubt his account.", "doubt", "booster"),
        ("It is possible that the report is wrong.", "possible", "hedge"),
        ("It is not possible to travel there.", "possible", None),
        ("It is clear that the deal is dead.", "clear", "booster"),
        ("It is not clear who fired first.", "clear", "hedge"),
        ("The results clearly show a decline.", "clearly", "booster"),
    ],
)
def test_negation_flips_or_cancels(cues_of, text, word, category):
    assert categories(cues_of(text), word) == ([category] if category else [])


def test_a_flipped_cue_says_so_in_its_explanation(cues_of):
    (record,) = found(cues_of("I do not doubt his account."), "doubt")
    assert record["negated"] is True
    assert record["explanation"].startswith("Negated, so it works as a booster")


@pytest.mark.parametrize(
    "text",
    [
        "The summit took place in May 2023.",
        "The vote was held on 5 May and counted in May.",
        "May 9 is a public holiday.",
        "He fought with all his might.",
        "He left the house to his son in his will.",
        "The will of the people decided it.",
    ],
)
def test_pseudo_cues_are_not_cues(cues_of, text):
    assert cues_of(text) == []


@pytest.mark.parametrize(
    "text, cue, category",
    [
        ("According to him, nothing can be ruled out.", "nothing can be ruled out", "hedge"),
        (
            "Zakharova said there is no point in denying it further.",
            "there is no point in denying",
            "booster",
        ),
        ("Sending troops was not unthinkable.", "not unthinkable", "hedge"),
        ("Officials did not rule out new sanctions.", "not rule out", "hedge"),
        ("A number of countries objected.", "A number of", "weasel"),
        (
            "There have been increasingly frequent statements about cuts.",
            "increasingly frequent statements",
            "weasel",
        ),
        ("The former colonel also expressed doubt that they fight.", "expressed doubt", "hedge"),
        ("Make no mistake, this is war.", "Make no mistake", "booster"),
    ],
)
def test_multi_word_expressions_are_one_cue(cues_of, text, cue, category):
    records = cues_of(text)
    matching = [r for r in records if r["cue"] == cue]
    assert [r["category"] for r in matching] == [category]
    start = text.index(cue)
    # No second cue inside the multi-word one.
    assert not [
        r for r in records if r is not matching[0] and start <= r["start"] < start + len(cue)
    ]


@pytest.mark.parametrize(
    "text, word, category",
    [
        ("Some say the deal is dead.", "Some", "weasel"),
        ("Critics say the plan is flawed.", "Critics", "weasel"),
        ("Many experts doubt the figures.", "Many experts", "weasel"),
        ("It is believed that the ship sank.", "believed", "weasel"),
        ("The ship is said to have sunk.", "said", "weasel"),
        ("It was believed by the crew that the ship sank.", "believed", None),
        ("The experts of the institute published the figures.", "experts", None),
        ("She worked as an adviser and an observer for observers.", "observers", None),
    ],
)
def test_weasels(cues_of, text, word, category):
    hits = [r for r in found(cues_of(text), word) if r["category"] == "weasel"]
    assert [r["category"] for r in hits] == ([category] if category else [])


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("Western leaders had discussed the possibility of sending troops.", True),
        ("The minister rejected the possibility of sending troops.", False),
        ("The possibility of such a scenario was denied.", False),
        ("Macron ruled out the possibility of sending troops.", False),
    ],
)
def test_a_denied_possibility_is_not_a_hedge(cues_of, text, hedge):
    assert bool(found(cues_of(text), "possibility")) is hedge


@pytest.mark.parametrize(
    "text, booster",
    [("Believe me, the CIA has smart people.", True), ("They did not believe me.", False)],
)
def test_believe_me_only_as_an_imperative(cues_of, text, booster):
    assert bool([r for r in cues_of(text) if r["id"] == "believe-me"]) is booster


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("The results indicate that the drug works.", True),
        ("He indicated that he would resign.", False),
    ],
)
def test_indicate_hedges_evidence_not_a_speaker(cues_of, text, hedge):
    assert bool(found(cues_of(text), "indicate")) is hedge


@pytest.mark.parametrize(
    "text, word, category",
    [
        # "possible" that weighs whether something is true hedges ...
        ("It is possible that the report is wrong.", "possible", "hedge"),
        ("One possible cause is the heat.", "possible", "hedge"),
        ("Possible links between the two men are being examined.", "possible", "hedge"),
        # ... "possible" that counts or ranks options, or says what can be done, does not
        ("There are four possible patterns.", "possible", None),
        ("All possible combinations were tried.", "possible", None),
        ("The engine reaches the maximum possible speed.", "possible", None),
        ("Access was only possible from the rear.", "possible", None),
    ],
)
def test_possible_about_truth_not_options(cues_of, text, word, category):
    assert categories(cues_of(text), word) == ([category] if category else [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("However, in a number of countries the plan was denied.", ["weasel"]),
        ("A number of experts doubt the figures.", ["weasel"]),
        ("There are a number of pillars along the stand.", []),
        ("The boat carries a variety of lighter guns.", []),
    ],
)
def test_a_number_of_hides_who_only_for_groups(cues_of, text, expected):
    hits = [r for r in cues_of(text) if r["id"] == "a-number-of"]
    assert [r["category"] for r in hits] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Michael claims he was put under pressure.",
        "He claimed that the vote was rigged.",
        "The story also claimed that the principal refused.",
    ],
)
def test_an_active_claim_is_a_reporting_verb_not_a_cue(cues_of, text):
    # The guidelines: do not mark reporting verbs ("said", "claimed"); only "it is claimed",
    # with no one named, is a weasel.
    assert found(cues_of(text), "claim") == []


def test_an_agentless_claim_is_a_weasel(cues_of):
    hits = found(cues_of("It is claimed that he fled the country."), "claimed")
    assert [(r["id"], r["category"]) for r in hits] == [("it-is-believed", "weasel")]
