"""Who is speaking: the anonymous-source formulas of news, and look-alikes of attribution.

News reports often hide a source behind what it has access to: "people familiar with the
talks", "two officials briefed on the plan", "a person close to the family". Whatever the
count, no one is named, so these are the guidelines' "sources" and "officials said" with
no names (:func:`access_formula`). Two look-alikes are not: "according to" meaning
"depending on" ("prices vary according to age groups") names no speaker
(:func:`sorting_according_to`), and a body's decision ("the delegates decided they want a
new rule") reports an act, not a view whose holder is hidden (:data:`CHOICE_VERBS`).
``hedging.weasels.unnamed_speakers`` uses them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sourcecrit.hedging.lexicon import HedgeLexicon

# "familiar with", "briefed on", "close to", "knowledgeable about", "with knowledge of".
ACCESS_WORDS = frozenset({"familiar", "briefed", "close", "knowledgeable", "knowledge"})
# "who spoke on condition of anonymity", "who asked not to be named".
ANONYMITY_WORDS = frozenset({"anonymity", "anonymously", "named", "identified"})
# A body choosing or voting acts; it voices no view that needs a named holder. "Know"
# presents what follows as fact (a factive verb): "people who go there know that ..." is a
# general claim about experience, not a view passed on from hidden speakers.
CHOICE_VERBS = frozenset({"decide", "choose", "opt", "vote", "elect", "resolve", "know"})
# "Sorted / priced / divided according to age": "according to" as "depending on".
SORTING_VERBS = frozenset(
    {
        "vary",
        "differ",
        "change",
        "sort",
        "group",
        "divide",
        "split",
        "classify",
        "rank",
        "arrange",
        "break",
        "range",
        "adjust",
        "scale",
        "price",
        "distribute",
        "allocate",
        "assign",
        "organize",
        "organise",
        "categorize",
        "categorise",
        "tailor",
        "grade",
        "order",
    }
)


def access_formula(noun: Token) -> bool:
    """Return True when the noun's phrase gives a source only by its access or anonymity.

    "People familiar with the matter", "two officials briefed on the plan", "a person
    close to the family", "an aide with knowledge of the talks", "officials who spoke on
    condition of anonymity".
    """
    for child in noun.rights:
        words = {t.lower_ for t in child.subtree}
        if child.dep_ in ("amod", "acl") and child.lower_ in ACCESS_WORDS:
            return True
        if child.dep_ == "prep" and child.lower_ == "with" and "knowledge" in words:
            return True
        if child.dep_ in ("relcl", "acl") and words & ANONYMITY_WORDS:
            return True
    return False


def sorting_according_to(prep: Token) -> bool:
    """Return True for "according to" that means "depending on" or "in line with".

    "Prices vary according to age groups", "seats are assigned according to the
    groups' size": the phrase says how things are sorted, not who says so.
    """
    according = prep.head if prep.lower_ == "to" else prep
    verb = according.head
    return verb.lemma_.lower() in SORTING_VERBS


def choice_verb(verb: Token) -> bool:
    """Return True for a verb of choosing or voting ("decided", "voted"), or for "know"."""
    return verb.lemma_.lower() in CHOICE_VERBS


def passive_voice(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for an active perfect: "the agency has deemed the pages personal".

    (Only the perfect is read as active: the parser sometimes gives a reduced passive,
    "an e-mail previously deemed irrelevant", a subject.)

    "Is considered", "was deemed unsafe", "regarded as" pass on a judgement without its
    judge; "has deemed" with a subject is the subject's own judgement, named.
    """
    verb = span.root
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return not (perfect and any(c.dep_ == "nsubj" for c in verb.children))


SOURCE_CHECKS = {"passive_voice": passive_voice}
