"""Word-sense checks: when a cue word is used in a sense that hedges nothing.

"Must" states a duty as often as a conclusion ("you must pay" against "he must be
tired"), and "likelihood" or "probability" is as often a measure in statistics ("maximum
likelihood") as a speaker's weighing of chances; "potential" doubts a claim ("a potential
conflict") or names a role someone may take up ("a potential donor"). The checks here tell
the senses apart from the parse; ``hedging.rules`` uses them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sourcecrit.hedging.lexicon import HedgeLexicon


def duty_must(verb: Token, lexicon: HedgeLexicon) -> bool:
    """Return True when "must be" states a duty, not a conclusion.

    "You must be 18 to vote", "applicants must be registered", "we must be careful" set a
    requirement (Coates 1983: root "must" takes an addressee or a rule-bound subject and
    an agentive or qualifying predicate); "he must be tired" infers. Read as a duty: an
    addressee ("you", "we") as subject, a predicate from the lexicon's
    ``duty_predicates`` or a number ("18"), or a purpose or condition clause ("to vote",
    "if you apply", "before ...").
    """
    subjects = [c.lower_ for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0] in ("you", "we"):
        return True
    for child in verb.children:
        if child.dep_ in ("acomp", "attr", "oprd") and (
            child.lemma_.lower() in lexicon.duty_predicates or child.like_num
        ):
            return True
        if child.dep_ in ("advcl", "xcomp") and any(
            g.dep_ in ("aux", "mark") and g.lower_ in ("to", "if", "before", "unless", "when")
            for g in child.children
        ):
            return True
    return False


# "Maximum likelihood", "posterior probability", "log-likelihood": measures in statistics.
STATISTICAL_MODIFIERS = frozenset(
    {"maximum", "log", "posterior", "prior", "marginal", "joint", "conditional", "transition"}
)


def not_statistical(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False where "likelihood" or "probability" is a measure, not a doubt.

    "The likelihood that he resigns" weighs chances about the world; "maximum likelihood",
    "the likelihood ratio", "a probability of 0.05" or "probabilities of 10%" name a
    quantity computed in statistics, which hedges nothing (BioScope does not mark them).
    """
    noun = span.root
    if noun.dep_ in ("compound", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        return False  # "likelihood ratio", "probability distribution"
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.text == "-":
        return False  # "a probability-based sample"
    for child in noun.children:
        if child.lower_ in STATISTICAL_MODIFIERS or child.like_num:
            return False
        if child.dep_ == "prep" and child.lower_ == "of":
            if any(t.like_num or t.lower_ == "%" for t in child.subtree):
                return False  # "a probability of 0.05"
    prev = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
    return not (prev is not None and prev.lower_ in STATISTICAL_MODIFIERS)


def not_prospective_role(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for "potential" before a person in a role they may take up.

    "A potential donor", "potential voters" or "a potential running mate" describe people
    who might give, vote or be chosen, and "a potential Treasury secretary" someone who
    might be appointed; nothing the writer claims is made less certain. "A potential
    conflict" or "a potential violation of the law" present a claim as possible, and stay
    hedges. The role nouns are the lexicon's ``prospective_roles`` and the words for
    offices and trades of the source types (``data/source_types.yaml``).
    """
    from sourcecrit.attribution.lexicon import load_source_types

    adj = span.root
    if adj.lower_ != "potential" or adj.dep_ != "amod":
        return True
    noun = adj.head
    words = {noun.lemma_.lower(), noun.lower_}
    words |= {f"{c.lower_} {noun.lower_}" for c in noun.children if c.dep_ == "compound"}
    types = load_source_types()
    offices = set().union(
        *(types[k].words for k in ("named_official", "named_politician", "named_expert"))
    )
    return not words & (lexicon.prospective_roles | offices)


def stated_belief(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False where "I think" or "I feel" states no opinion about what is true.

    "Do I think he should be sued?" asks (the guidelines: questions are no hedges); "I
    feel passionate about it", "we feel bad" report a feeling, and "I feel like going
    home" a wish, not a view of the facts.
    "I think he is wrong", "I feel that it is unfair", "I feel like it is over" stay.
    Negated, only "think" and "believe" are read as opinions ("I don't think so").
    """
    verb = span[-1]
    # Negated, only "think" and "believe" turn into an opinion that not ("I don't think he
    # will win"); "we don't expect you to pay" is about what is asked of someone.
    negated = any(t.lower_ in ("not", "n't") for t in span)
    if negated and verb.lemma_.lower() not in ("think", "believe"):
        return False
    if any(c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in verb.children):
        return False
    after = verb.doc[verb.i + 1 : verb.i + 3]
    if len(after) == 2 and after[0].lower_ == "like" and after[1].tag_ == "VBG":
        return False  # "I feel like going home": a wish
    subject = span[0]
    return not any(c.dep_ == "aux" and c.i < subject.i for c in verb.children)


def not_resemblance(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for "look like" + a person: a likeness, not an impression of the facts.

    "People who don't look like him", "she looks like her mother" say what someone looks
    like; "it looks like rain", "it looked like a popular thing to do" give an impression
    that may be wrong, and stay hedges. "What the plan will look like" asks about its form
    (the like-object is "what"), and is no hedge either.
    """
    like = span[1]
    verb = span[0]
    # "What looked like a solid lead", "it looks like Smith": an impression of things.
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "expl")):
        if subject.lower_ in ("what", "it", "this", "that") and subject.tag_ != "WDT":
            return True
    for obj in (c for c in like.children if c.dep_ == "pobj"):
        if obj.pos_ == "PRON" and obj.lower_ not in ("it", "this", "that", "something"):
            return False
        if obj.ent_type_ == "PERSON" or any(c.dep_ == "poss" for c in obj.children):
            return False
    return True


def not_familiar_form(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for "as we know it": a thing in its familiar form, nothing claimed known.

    "News as we know it", "life as we know it" describe; "as we all know, ..." and "we know
    that ..." present a claim as common knowledge and stay boosters.
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > span.sent.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return not (
        before is not None and before.lower_ == "as" and after is not None and after.lower_ == "it"
    )


SENSE_CHECKS = {
    "not_prospective_role": not_prospective_role,
    "stated_belief": stated_belief,
    "not_resemblance": not_resemblance,
    "not_familiar_form": not_familiar_form,
}
