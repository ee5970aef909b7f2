"""Checks for weasel phrases: who is speaking, and how many, is left unsaid.

The weasel category of the news-certainty guidelines (and of Wikipedia's *Manual of
Style/Words to watch*, "unsupported attributions") is about a *hidden source*: "some say",
"critics", "officials said" with no names, "it is believed". A vague amount of things is not
one: "several points ahead", "many emails were deleted", "how many" describe, they hide no
one. So each check here asks whether the phrase stands for people (or bodies of people)
whose view is reported, and whether the sentence names them after all ("several cities,
including Wichita").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sourcecrit.hedging.lexicon import HedgeLexicon
from sourcecrit.hedging.sources import (
    SOURCE_CHECKS,
    access_formula,
    choice_verb,
    sorting_according_to,
)

DEFINITE_DETERMINERS = frozenset(
    {"the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your"}
)
# Words after a group that go on to name its members: "several cities, including Wichita",
# "critics such as Ann Lee".
NAMING_WORDS = frozenset({"including", "like", "namely", "especially", "notably"})


def _group_noun(noun: Token, lexicon: HedgeLexicon) -> bool:
    """Return True for a noun standing for people or bodies that can hold a view.

    "countries", "experts", "voters" (from the lexicon's ``group_nouns``) or a plural
    nationality, party or religious group ("Americans", "Republicans": spaCy's NORP).
    """
    return noun.lemma_.lower() in lexicon.group_nouns or (
        noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS")
    )


def names_members(noun: Token) -> bool:
    """Return True when the noun's phrase goes on to name who is meant.

    "Several cities, including Wichita", "critics such as Ann Lee", "experts Ann Lee and Bo
    Ng" (an apposition), "analysts at the Brookings Institution" (a named body).
    """
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in NAMING_WORDS):
            return True
        if child.dep_ == "prep" and child.lower_ in ("such", "at", "from", "of", "with", "to"):
            if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in child.subtree):
                return True
    nxt = noun.doc[noun.i + 1 : noun.i + 3]
    return len(nxt) == 2 and nxt[0].text == "," and nxt[1].lower_ in NAMING_WORDS


def holds_view(noun: Token, lexicon: HedgeLexicon) -> bool:
    """Return True when the noun is the subject of a verb of saying or judging.

    "Many collectors believe", "some residents complained": whoever they are, they are
    given as holders of a view (the lexicon's ``reporting_verbs`` and ``stance_verbs``).
    """
    role = noun
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    verbs = lexicon.reporting_verbs | lexicon.stance_verbs
    return role.dep_ == "nsubj" and role.head.lemma_.lower() in verbs


def people_quantity(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when a vague amount is of people or bodies: "many experts", "some countries".

    Takes the quantified noun (the last word of "some alliance countries", or the noun after
    "of" in "some of the voters"). "Many emails", "several points ahead", "some cases" count
    things and hide no one; "many centrist Democrats" and "most Americans" hide who.
    """
    # "how many people", "so many layers": a question or a degree, not a hidden source.
    if any(c.lower_ in ("how", "so", "too") for c in span[0].lefts):
        return False
    noun = span[-1]
    if noun.lower_ == "of":
        objects = [c for c in noun.children if c.dep_ == "pobj"]
        if not objects:
            return False
        noun = objects[0]
        # Only people who hold or voice a view: "some of the experts say"; not "appeal to
        # many of the voters", where the voters are only counted.
        if span[0].dep_ not in ("nsubj", "nsubjpass"):
            return False
        # "some of my friends", "many of his aides": the speaker's own circle is named
        # enough; "some of the world's leading experts" is not.
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            return False
    elif span[0].head.i != noun.i:
        # "Several judges handling lawsuits": the phrase must end on the noun counted.
        return False
    elif any(t.lower_ == "other" for t in span) and noun.head.lower_ in ("like", "than", "unlike"):
        # "Ohio, like many other states, ...": a comparison describes, it reports no view.
        return False
    # "Most of those residents are Muslims", "many voters were students": what the people
    # are, not a view they hold; a description, as the news guidelines read it.
    subject = span[0] if span[0].dep_ in ("nsubj", "nsubjpass") else noun
    if subject.dep_ == "nsubj" and is_description(subject.head):
        return False
    # "He attacked some lawmakers", "let some people stay": people acted upon voice no view.
    if noun.dep_ in ("dobj", "dative") and noun.head.lemma_.lower() not in lexicon.stance_verbs:
        return False
    return (_group_noun(noun, lexicon) or holds_view(noun, lexicon)) and not names_members(noun)


def is_description(verb: Token) -> bool:
    """Return True for "be" with a noun complement: the subject is said to be something."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in verb.children
    )


def unnamed_speakers(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when unnamed people are given as the ones who say or think something.

    "Officials said", "a source said", "Democrats say", "McConnell aides acknowledged", "his
    people said", "according to a source": a reader cannot tell who. The noun must be the
    subject of a verb of saying or of judging (the lexicon's ``reporting_verbs`` and
    ``stance_verbs``) or follow "according to" or "by"; and no name may follow ("aide John
    Smith said" is named).
    """
    noun = span.root
    role = noun
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    verbs = lexicon.reporting_verbs | lexicon.stance_verbs
    if role.dep_ == "nsubj":
        verb = role.head
        # "officials are expected to say", "aides have been quick to say": the verb of
        # speaking may sit one clause down.
        said = (verb.lemma_.lower() in verbs and not choice_verb(verb)) or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in verbs for c in verb.children
        )
    elif role.dep_ == "pobj":
        prep = role.head
        # "was criticised by officials" (an agent of judging), "according to a source";
        # not "a compromise rebuffed by Republicans", where the party acts.
        said = (prep.lower_ == "by" and prep.head.lemma_.lower() in verbs) or (
            prep.lower_ == "to" and prep.head.lower_ == "according"
        )
        said = said and not sorting_according_to(prep)
    else:
        said = False
    if not said or names_members(noun):
        return False
    # "Some of it mentioning him", "much of this": a share of a thing, not people.
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(o.lower_ in ("it", "this", "that", "which") for o in prep.children):
            return False
    # "very few people knew": a (vague) count, left to the quantity rules; "the two
    # leaders agreed" points back to people already named.
    # A count with an access formula stays anonymous: "three people briefed on the talks".
    if any(c.lower_ == "few" for c in noun.lefts):
        return False
    # ("one" is the article's count: "said one Republican strategist").
    counted = any(c.dep_ == "nummod" and c.lower_ != "one" for c in noun.lefts)
    if counted and not access_formula(noun):
        return False
    return not any(c.dep_ in ("appos", "nummod") or c.ent_type_ == "PERSON" for c in noun.rights)


def no_named_critic(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when criticism is reported without a critic: "faced sharp criticism".

    "Faced criticism from Senate Republicans" names who criticised; "has faced ridicule
    online" does not.
    """
    for token in span:
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                # "criticism from some reviewers", "from critics": still no one named.
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not all(_vague_critic(o, lexicon) for o in objects):
                    return False
    return True


def _vague_critic(noun: Token, lexicon: HedgeLexicon) -> bool:
    """Return True for "some reviewers", "many", "critics": a critic left unnamed."""
    if noun.lower_ in ("some", "many", "others", "several", "most"):
        return True
    if noun.tag_ != "NNS" or not _group_noun(noun, lexicon) or names_members(noun):
        return False
    return all(
        c.lower_ in ("some", "many", "several", "various", "numerous", "other")
        for c in noun.children
        if c.dep_ in ("det", "amod", "poss", "nummod", "compound")
    )


def vague_group(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when a group of people is left unnamed: "experts say", "critics".

    "The experts of the institute", "two experts", "experts Ann Lee and Bo Ng" name or
    count who they are; a bare or vaguely quantified plural does not (Wikipedia, *Words to
    watch*).
    """
    noun = span.root
    # Only a group that speaks, thinks or judges is a hidden source: "critics say", "by
    # experts", "according to analysts" -- not "worked as advisers or observers".
    role = noun
    while role.dep_ == "conj" and role.head.i != role.i:
        role = role.head
    verbs = lexicon.reporting_verbs | lexicon.stance_verbs
    # "There are scholars who believe ...": the relative clause gives them a view.
    believing = role.dep_ == "attr" and any(
        c.dep_ == "relcl" and c.lemma_.lower() in verbs for c in noun.children
    )
    if (
        role.dep_ not in ("nsubj", "nsubjpass")
        and not (role.dep_ == "pobj" and _prep_of_a_view(role.head))
        and not believing
    ):
        return False
    for child in noun.children:
        if child.i in range(span.start, span.end):
            continue
        if child.dep_ in ("det", "poss") and child.lower_ in DEFINITE_DETERMINERS:
            return False
        if child.dep_ in ("poss", "nummod", "appos"):
            return False
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return False
    return not names_members(noun)


#: Words on which "to experts" gives the experts a view: "seemed to critics", "is known to
#: historians", "clear to observers" (besides "according to").
_VIEW_TO = frozenset({"according", "know", "seem", "appear", "clear", "obvious", "evident"})


def _prep_of_a_view(prep: Token) -> bool:
    """Return True when the group after ``prep`` holds the view: "by experts", "according to".

    "to" counts only after "according" or a word of seeming or knowing ("it seemed to
    critics"): "came as a surprise to supporters", "gave money to supporters" or "said to
    reporters" gives them no view.
    """
    word = prep.lower_
    if word in ("by", "among", "from"):
        return True
    head = prep.head
    return word == "to" and (head.lower_ in _VIEW_TO or head.lemma_.lower() in _VIEW_TO)


def of_group(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when a vague amount is of people, bodies or places that hold a view.

    "A number of countries denied it" and "a number of experts" hide who speaks; "a number
    of pillars" or "a variety of surfaces" only count things (Wikipedia, *Words to watch*,
    on unsupported attributions).
    """
    # "The number of people receiving it will rise" names a quantity to be counted; only
    # "a number of" leaves it vague.
    # "the lot of workers" is their condition in life.
    if span[0].lower_ == "the" and any(t.lower_ in ("number", "lot") for t in span):
        return False
    noun = span.doc[span.end] if span.end < len(span.doc) else None
    while noun is not None and noun.dep_ in ("amod", "compound", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    if noun is None:
        return False
    # "The vast majority of them": people, but not said which or how many.
    people = noun.lower_ in ("them", "us", "those") or noun.lemma_.lower() in lexicon.group_nouns
    return people and _amount_holds_view(span.root, noun, lexicon)


def _amount_holds_view(amount: Token, noun: Token, lexicon: HedgeLexicon) -> bool:
    """Return True when a vague amount of people is given a view, not only counted.

    "A number of countries denied it", "a lot of people think", "most of them accept that
    ...", "there are a lot of people who believe", "known by a large number of people" hide
    who holds the view; "he employs
    a lot of people", "a handful of people work there", "met a lot of supporters" only
    count them (the guidelines: descriptive quantities are no weasels).
    """
    verbs = lexicon.reporting_verbs | lexicon.stance_verbs
    if holds_view(amount, lexicon):
        return True
    # Any verb taking a that-clause gives its subject a proposition: "accept that ...".
    if amount.dep_ == "nsubj" and any(c.dep_ == "ccomp" for c in amount.head.children):
        return True
    if amount.dep_ == "pobj" and _prep_of_a_view(amount.head):
        return True
    # "In a number of countries": where it happened is not said (the guidelines' example).
    if amount.dep_ == "pobj" and amount.head.lower_ in ("in", "across", "throughout"):
        return True
    # "a lot of people who believe", "a lot of people thinking he did well"
    return any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in verbs for c in noun.children)


def of_view(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when an adverb counts the holders of a view: "voters overwhelmingly believe"."""
    verb = span.root.head
    return verb.lemma_.lower() in lexicon.reporting_verbs | lexicon.stance_verbs


def no_of_phrase(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for "to many of the voters": the "of" phrase says which people."""
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in span[-1].children)


def trend_claim(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when "increasingly" claims a trend, not a change in one thing's quality.

    "Voters are increasingly worried" and "increasingly, women work" claim a trend with no
    figure; "the increasingly hostile government" or "became increasingly scarce" describe
    how one thing changed.
    """
    head = span.root.head
    if head.pos_ != "ADJ":
        return True
    if head.dep_ == "amod":
        return False
    verb = head.head
    return verb.lemma_.lower() not in ("become", "grow", "get", "turn", "make", "prove")


WEASEL_CHECKS = {
    "trend_claim": trend_claim,
    "people_quantity": people_quantity,
    "unnamed_speakers": unnamed_speakers,
    "no_named_critic": no_named_critic,
    "vague_group": vague_group,
    "of_group": of_group,
    "no_of_phrase": no_of_phrase,
    "of_view": of_view,
    **SOURCE_CHECKS,
}
