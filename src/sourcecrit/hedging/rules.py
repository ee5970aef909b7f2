"""The checks that tell a real cue from a look-alike, read off the tagger and parser.

A word list alone cannot tell "could be there" (a guess) from "can hit targets" (an ability),
"said he would not disclose" (future-in-the-past) from "that would be a mistake" (a hedge),
or "May" the month from "may" the modal. Each check below is named in the lexicon
(``conditions`` in ``data/hedges.yaml``) and takes the matched span.

The distinctions follow the epistemic / root modality split (Coates 1983, *The Semantics of
the Modal Auxiliaries*; Palmer 2001, *Mood and Modality*) and the CoNLL-2010 shared task
annotation guidelines (Farkas et al. 2010), which count only epistemic uses as hedge cues.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from sourcecrit.hedging.amounts import AMOUNT_CHECKS
from sourcecrit.hedging.lexicon import HedgeLexicon
from sourcecrit.hedging.puffery import PUFFERY_CHECKS
from sourcecrit.hedging.senses import SENSE_CHECKS, duty_must, not_statistical
from sourcecrit.hedging.weasels import WEASEL_CHECKS

NEGATORS = frozenset(
    {"not", "n't", "no", "never", "without", "hardly", "barely", "scarcely", "neither", "nor"}
)
PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who"})
# Past ability or perception: "could see", "could afford" report what was possible, not a
# guess about what is true.
ABILITY_VERBS = frozenset({"see", "hear", "feel", "afford", "remember", "understand", "manage"})
# "That would suggest", "it would seem", "I would guess": "would" softens an inference or an
# opinion. Elsewhere it narrates a plan ("the rate would decline"), states a consequence
# ("that would be a mistake") or shifts a reported "will" back; none of those is a hedge in
# the news-certainty guidelines.
WOULD_HEDGE_VERBS = frozenset({"seem", "appear", "suggest", "indicate", "imply"})
# ... and "I would think", "I'd say", "one would expect": an opinion softened by its holder
# (only with a first-person or generic subject: "they'd think twice" is a consequence).
WOULD_OPINION_VERBS = frozenset(
    {"guess", "think", "imagine", "suspect", "assume", "expect", "presume", "say", "argue"}
)
# Clauses of time or purpose state when or for what something was possible: "before the
# police could arrive", "so that she could vote" are no guesses.
ABILITY_MARKERS = frozenset({"before", "until", "till", "so", "once", "after", "when"})
ALL_WORDS = frozenset({"all", "everything", "anything", "nothing", "what", "whatever"})
# "could often", "could easily", "could readily": what was possible as a habit or with ease.
HABIT_ADVERBS = frozenset(
    {"often", "sometimes", "usually", "easily", "readily", "frequently", "occasionally"}
)
MONTH_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "of",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "during",
        "before",
        "after",
        "through",
    }
)
VERBAL = ("VERB", "AUX")
# Words that make "possible" range over options: "all possible moves", "other possible
# variables", "the maximum possible speed".
RANGE_WORDS = frozenset(
    {"all", "every", "each", "any", "other", "maximum", "minimum", "only", "several", "many"}
)
VAGUE_AGENTS = frozenset({"some", "many", "most", "others", "several", "few", "all", "those"})


def governed_verb(token: Token) -> Token:
    """Return the verb a modal, auxiliary or adverb belongs to (the token itself otherwise)."""
    if token.dep_ in ("aux", "auxpass", "advmod", "neg") and token.head.pos_ in VERBAL:
        return token.head
    return token


def is_passive(verb: Token) -> bool:
    """Return True when ``verb`` has a passive auxiliary ("is claimed", "can be done")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def clause_verb(token: Token) -> Token:
    """Return the verb (or root) heading the clause that ``token`` is part of."""
    t = token
    while t.pos_ not in VERBAL and t.dep_ != "ROOT" and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("aux", "auxpass") and t.head.i != t.i:
        t = t.head
    return t


def is_negated(span: Span) -> bool:
    """Return True when a negation outside the cue negates it ("not possible", "no doubt").

    Negation inside the cue belongs to its meaning (the litotes "not unthinkable" is its own
    cue), so only words outside the span count. Follows NegEx's idea of a short window
    (Chapman et al. 2001) but reads the window off the parse: the cue's head word, and for
    a predicate adjective or noun the verb it hangs on.
    """
    root = span.root
    inside = set(range(span.start, span.end))
    candidates = [root]
    if root.pos_ not in VERBAL or root.dep_ in ("acomp", "attr", "xcomp", "oprd", "advmod"):
        candidates.append(root.head)
    if root.dep_ in ("aux", "auxpass"):
        candidates.append(root.head)
    if root.dep_ == "pobj" and root.head.lower_ == "without":
        return True
    for t in candidates:
        for child in t.children:
            if child.i in inside:
                continue
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
            # "could barely get my shoe on": almost not, so no possibility is offered.
            if child.dep_ == "advmod" and child.lower_ in ("barely", "hardly", "scarcely"):
                return True
    before = span.start - 1
    if before >= span.sent.start and before not in inside:
        if span.doc[before].lower_ in NEGATORS and span.doc[before].dep_ != "preconj":
            return True
    return False


def epistemic_modal(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when the modal expresses a guess about truth, not ability or obligation.

    "may" and "might" are read as epistemic; "could" unless it reports past ability or
    perception ("could see"); "can" only with a copula ("it can be dangerous": a general
    possibility), never with an action verb ("can hit targets": ability); "must" only with
    a perfect or a copula ("must have known", "must be tired"), not a duty ("you must
    pay", "you must be 18 to vote": :func:`duty_must`).
    """
    modal = span.root
    verb = governed_verb(modal)
    lemma = modal.lower_
    if lemma in ("may", "might"):
        return True
    if lemma == "could":
        if any(c.dep_ == "mark" and c.lower_ in ABILITY_MARKERS for c in verb.children):
            return False
        # "Everyone who could fled", "all she could do was shout": what someone was able
        # to do, with the verb left out or as "do".
        if verb.i == modal.i or (
            verb.lemma_ == "do" and verb.dep_ == "relcl" and verb.head.lower_ in ALL_WORDS
        ):
            return False
        # "Parliament could often create problems", "it could easily be converted": a
        # habit or an ease of doing, not a guess about what is true.
        if any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS for c in verb.children):
            return False
        return verb.lemma_ not in ABILITY_VERBS
    if lemma in ("can", "ca"):
        return verb.lemma_ == "be" and not is_passive(verb)
    if lemma == "must":
        if any(c.lemma_ == "have" and c.dep_ == "aux" and c.i > modal.i for c in verb.children):
            return True  # "she must have known"
        return verb.lemma_ == "be" and verb.i != modal.i and not duty_must(verb, lexicon)
    if lemma in ("would", "'d"):
        return hypothetical_would(modal, verb)
    return True


def hypothetical_would(modal: Token, verb: Token) -> bool:
    """Return True when "would" softens an inference or opinion: "that would suggest".

    The news-certainty guidelines mark "would" only as "a guess about the present or a
    prediction hedged by the speaker" ("that would suggest ...", "it would seem", "I would
    think"); "would" narrating a plan ("the rate would decline"), a consequence ("that
    would be a mistake"), a habit or a wish ("would like") is not marked (Quirk et al.
    1985, §4.54-4.56 on the uses of "would").
    """
    if verb.i == modal.i:
        return False
    lemma = verb.lemma_.lower()
    if lemma in WOULD_OPINION_VERBS:
        subjects = [c.lower_ for c in verb.children if c.dep_ == "nsubj"]
        return bool(subjects) and subjects[0] in ("i", "we", "one")
    return lemma in WOULD_HEDGE_VERBS


def not_reported_future(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for "would" as the future-in-the-past of reported speech.

    In "he said he would not disclose ..." the "would" is the reported "will" shifted back
    by the reporting verb (Quirk et al. 1985, §14.31 backshift), not the writer's doubt.
    """
    verb = governed_verb(span.root)
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        head = verb.head
        # "He indicated that X would not ..., but Y would help": the parser often hangs the
        # second clause on the reporting verb itself; it is still reported speech.
        if head.lemma_.lower() in lexicon.reporting_verbs and any(
            c.dep_ == "ccomp" for c in head.children
        ):
            return False
        verb = head
    return not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.reporting_verbs)


def not_denied(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False when the cue is the object of a denial ("rejected the possibility").

    Denying a possibility is a firm statement, not a hedge (the issue's "rejected the
    possibility of sending troops"); the same holds in the passive ("the possibility ...
    was denied").
    """
    root = span.root
    t = root
    # "dismissed them as statements and allegations": the conjunct shares the denial.
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        t = t.head
    # "dismissed the reports as allegations": the "as" phrase hangs on the denied object.
    if t.dep_ == "prep" and t.head.dep_ == "dobj":
        t = t.head
    if t.dep_ in ("dobj", "nsubjpass", "prep", "pobj", "attr") and t.head.i != t.i:
        return t.head.lemma_.lower() not in lexicon.denial_verbs
    return True


def agentless(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True for a passive with no "by ..." agent: "it is believed", "is said to".

    Naming no one who believes or says is what makes the phrase a weasel (Wikipedia,
    *Manual of Style/Words to watch: unsupported attributions*).
    """
    participles = [t for t in span if t.tag_ == "VBN"]
    for agent in (c for t in participles for c in t.children if c.dep_ == "agent"):
        # "by many", "by some": an agent that names no one is no agent at all.
        named = [c for c in agent.children if c.dep_ == "pobj"]
        if not all(c.lower_ in VAGUE_AGENTS for c in named):
            return False
    return True


def imperative(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when the cue's verb has no subject ("Believe me", not "they believe me")."""
    verb = span[0] if span[0].pos_ in VERBAL else span.root
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) and not any(
        t.dep_ == "aux" and t.i < verb.i and t.head.i == verb.i for t in verb.lefts
    )


def not_month(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for "May" the month, which the tagger sometimes reads as the modal."""
    token = span[0]
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    prev = doc[token.i - 1] if token.i > token.sent.start else None
    if token.text == "May":
        if nxt is not None and (nxt.like_num or nxt.ent_type_ == "DATE"):
            return False
        if prev is not None and prev.lower_ in MONTH_PREPOSITIONS:
            return False
        if token.ent_type_ == "DATE":
            return False
    return True


def not_personal_subject(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True unless a person is the subject ("results indicate" vs "he indicated").

    With evidence as the subject, "indicate" and "suggest" hedge a conclusion (the top
    speculation cues of BioScope, Vincze et al. 2008); with a person it merely reports
    what they said. The writer's own "we suggest" or "I suggest" softens their claim, as
    "I think" does (the news-certainty guidelines' "uncertain belief verbs of the writer").
    """
    verb = governed_verb(span.root)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("i", "we"):
                return True
            return not (
                child.lower_ in PERSONAL_PRONOUNS
                or child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            )
    return True


def active(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True unless the cue's verb is passive ("it is claimed" is a weasel instead)."""
    return not is_passive(governed_verb(span.root))


def predicative(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True for an adjective that judges a statement ("it is clear that", "I am sure").

    "Clear water" or "a certain man" describe a thing and are not boosters.
    """
    adj = span.root
    # "make sure", "make it clear": an instruction or an act, not a claim of certainty.
    if adj.head.lemma_.lower() == "make" or (
        adj.head.head.lemma_.lower() == "make" and adj.head.dep_ in ("ccomp", "xcomp")
    ):
        return False
    return adj.dep_ in ("acomp", "oprd", "ROOT", "ccomp", "xcomp") or (
        adj.dep_ == "attr" and adj.pos_ == "ADJ"
    )


def sentence_adverb(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when an adverb qualifies a clause, not a single word.

    "It is clearly wrong" and "clearly, he lied" judge the statement; "speak clearly" is
    manner. A manner adverb follows its verb; a stance adverb comes before it or
    qualifies a predicate adjective.
    """
    adv = span.root
    head = adv.head
    if adv.dep_ != "advmod":
        return True
    return not (head.pos_ in VERBAL and adv.i > head.i and head.lemma_ != "be")


def not_ability(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False where "possible" is about what can be done, not what may be true.

    "It is possible that he lied" hedges; "possible to travel", "made it possible", "as
    soon as possible" and "where possible" talk about ability or feasibility.
    """
    token = span[-1]
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("to", "for"):
        return False
    window = [t.lower_ for t in doc[max(token.sent.start, token.i - 3) : token.i]]
    if window[-1:] in (["as"], ["if"], ["where"], ["wherever"], ["whenever"]):
        return False
    if any(w in ("make", "made", "makes", "making") for w in window):
        return False
    return not (token.head.lemma_ == "make" and token.dep_ in ("oprd", "ccomp", "xcomp", "acomp"))


def about_truth(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return True when "possible" weighs whether something is true, not what can be.

    "It is possible that he lied" and "a possible cause" hedge a claim; "four possible
    patterns", "all possible combinations", "the maximum possible speed" or "access was
    only possible from the rear" count options or state what can be done (Huddleston &
    Pullum 2002, ch. 3 §9: epistemic vs. dynamic possibility). Predicative, the subject
    must be a proposition (an "it" or "that", or a clause); attributive, the noun must not
    be counted, quantified over or ranked.
    """
    adj = span.root
    if adj.dep_ == "amod":
        noun = adj.head
        return not any(
            (c.dep_ == "nummod" and c.lower_ != "one")  # "one possible cause" is a hedge
            or c.lower_ in RANGE_WORDS
            or (c.tag_ in ("JJS", "RBS") and c.i < adj.i)
            for c in noun.children
        )
    verb = adj.head if adj.dep_ in ("acomp", "attr") else adj
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    clause = any(c.dep_ in ("ccomp", "csubj") for c in (*verb.children, *adj.children))
    if not subjects:
        return clause
    return subjects[0].lower_ in ("it", "this", "that") or clause


def not_faith(span: Span, lexicon: HedgeLexicon) -> bool:
    """Return False for "I believe in ...": a statement of faith or trust, not a hedge."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is None or nxt.lower_ != "in"


CHECKS: dict[str, Callable[[Span, HedgeLexicon], bool]] = {
    "epistemic_modal": epistemic_modal,
    "not_reported_future": not_reported_future,
    "not_denied": not_denied,
    "agentless": agentless,
    "imperative": imperative,
    "not_month": not_month,
    "not_personal_subject": not_personal_subject,
    "predicative": predicative,
    "sentence_adverb": sentence_adverb,
    "not_ability": not_ability,
    "about_truth": about_truth,
    "active": active,
    "not_faith": not_faith,
    "not_statistical": not_statistical,
    **SENSE_CHECKS,
    **WEASEL_CHECKS,
    **PUFFERY_CHECKS,
    **AMOUNT_CHECKS,
}
