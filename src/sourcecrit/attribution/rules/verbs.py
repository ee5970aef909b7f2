"""Rule 1, cue verbs: "said that ...", "warned of ...", "vowed to ...", "“...,” she said".

A cue verb from the lexicon links its subject (or the agent of a passive) to a content
found in the dependency parse: a clause, a to-infinitive, a prepositional or direct object
(Krestel, Bergler & Witte 2008, "Minding the Source"; the structure of attribution
relations follows Pareti 2016, PARC 3.0).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.lexicon import CueEntry, load_source_types
from sourcecrit.attribution.quotes import Quote
from sourcecrit.attribution.rules.passives import judged_passive_range
from sourcecrit.attribution.rules.senses import (
    in_set_phrase,
    is_marginal_preposition,
    is_purpose_of_amount,
    set_phrases,
    without_coordinated_deed,
    without_time_tail,
)
from sourcecrit.attribution.syntax import (
    EXPLETIVES,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    agent_of,
    cue_entry_for,
    group_source_of,
    is_expletive,
    is_passive,
    noun_of_clause,
    same_token,
    source_chars,
    span_chars,
    subject_of,
    subtree_chars,
    trim_tail,
)
from sourcecrit.attribution.wordlists import words

#: Words that open an indirect question: "would not disclose *which* states ...".
WH_WORDS = frozenset(
    {"which", "what", "who", "whom", "whose", "whether", "how", "when", "where", "why"}
)


#: Tags of relative and interrogative pronouns ("which", "who", "whose").
WH_TAGS = frozenset({"WDT", "WP", "WP$"})


def _content_range(tok: Token, entry: CueEntry) -> tuple[int, int] | None:
    """Return the token range (inclusive) of what cue ``tok`` attributes, or None: a clause
    (ccomp; one after the cue first), a to-infinitive the cue allows, a prepositional
    object it allows ("warned *of* ..."), else a direct object or gerund it allows (or the
    object's "that"-clause: "expressed doubt that ...", not "denied reports that ...")."""
    children = list(tok.children)
    ccomps = [c for c in children if c.dep_ == "ccomp" and noun_of_clause(tok, c) is None]
    if ccomps:
        after = [c for c in ccomps if c.i > tok.i]
        chosen = after[0] if after else ccomps[-1]
        right = chosen.right_edge.i
        for conj in chosen.children:
            # "announced that he was ill and vowed to ...": a second verb with no subject of
            # its own goes with the cue's subject, not inside the content.
            if (
                conj.dep_ == "conj"
                and conj.pos_ in ("VERB", "AUX")
                and conj.i > chosen.i
                and not any(g.dep_ in SUBJECT_DEPS for g in conj.children)
                and conj.tag_ in ("VBD", "VBZ")
            ):
                right = min(right, conj.left_edge.i - 1)
        left = chosen.left_edge.i
        if left < tok.i < chosen.i and all(
            t.tag_ in WH_TAGS or t.head.tag_ in WH_TAGS for t in chosen.subtree if t.i < tok.i
        ):
            # "the donations, which he said were tainted": the relative pronoun left the
            # clause for the front of the relative clause; the content is the rest of it.
            left = min(t.i for t in chosen.subtree if t.i > tok.i)
        right = trim_tail(tok.doc, left, right)
        return left, right
    xcomp = next(
        (
            c
            for c in children
            if c.dep_ in ("xcomp", "advcl")
            and c.i > tok.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ),
        None,
    )
    if xcomp is not None and entry.category in ("speech", "stance"):
        # "urged Congress to act", "called on the U.S. to press China": the person asked
        # and what they are asked to do, together.
        for child in children:
            # "told him to leave": a personal pronoun is the person asked ("it" is no one)
            person = child.pos_ != "PRON" or (child.tag_ == "PRP" and child.lower_ != "it")
            obj = child if child.dep_ == "dobj" and person else None
            if child.dep_ == "prep" and (
                child.lower_ in ("on", "upon") or child.lower_ in entry.preps
            ):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and tok.i < obj.i < xcomp.i and obj.lemma_ != "condition":
                # ("spoke on condition of anonymity to discuss ..." is not a request)
                return obj.left_edge.i, xcomp.right_edge.i
    if entry.infinitive:
        for child in children:
            if child.dep_ == "xcomp" and child.i > tok.i:
                return child.left_edge.i, child.right_edge.i
    for child in children:
        if child.dep_ == "prep" and child.lower_ in entry.preps and child.i > tok.i:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    left, right = grand.left_edge.i, grand.right_edge.i
                    for other in children:
                        if other.dep_ == "advcl" and other.left_edge.i == right + 1:
                            right = other.right_edge.i
                        if other.dep_ == "ccomp" and same_token(noun_of_clause(tok, other), grand):
                            right = other.right_edge.i  # "on the statement ... that ..."
                    return left, right
    if tok.lemma_.lower() in words("question_verbs"):
        # "asked the senator if she would sign the pledge": the parser takes the question
        # for an adverbial clause of "asked"; it is what was asked.
        for child in children:
            if (
                child.dep_ == "advcl"
                and child.i > tok.i
                and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children)
            ):
                return child.left_edge.i, trim_tail(tok.doc, child.left_edge.i, child.right_edge.i)
    oprd = next((c for c in children if c.dep_ == "oprd" and c.i > tok.i), None)
    dobj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
    if oprd is not None and dobj is not None:
        # "called the suspension “arbitrary”": the object and what it is called.
        return dobj.left_edge.i, oprd.right_edge.i
    for child in children:
        if child.dep_ == "dobj" and child.i > tok.i:
            for grand in child.children:
                if grand.dep_ in ("acl", "ccomp") and any(
                    g.dep_ == "mark" and g.lower_ in ("that", "whether", "if")
                    for g in grand.children
                ):
                    if tok.lemma_.lower() in words("handling_verbs"):
                        break  # "denied reports that he was ill": he denies the reports
                    return grand.left_edge.i, grand.right_edge.i
            # "labeled her as an extremist": a pronoun is content only with what it is
            # called or taken for
            as_after = any(
                o.dep_ == "prep" and o.lower_ == "as" and o.i == child.right_edge.i + 1
                for o in children
            )
            if (
                entry.object
                and (child.pos_ != "PRON" or as_after)
                and child.lemma_.lower() not in words("light_objects")
            ):
                right = child.right_edge.i
                # "sees him as the stronger candidate", "shows Clinton up by 10 points".
                for other in children:
                    if (
                        other.dep_ == "dobj"
                        and other.i > child.i
                        and other.left_edge.i == right + 1
                    ):
                        right = other.right_edge.i  # "deemed the deal a disaster": two objects
                    if (
                        other.dep_ in ("prep", "advmod", "oprd")
                        and other.i == right + 1
                        and (
                            other.lower_ in ("as", "at", "up", "down", "ahead", "behind", "leading")
                            # "praised the mayor for her handling of the flood": the reason
                            # is part of the judgement
                            or (other.lower_ == "for" and entry.category == "stance")
                        )
                    ):
                        right = other.right_edge.i
                return child.left_edge.i, right
            return None
    if entry.object:
        for child in children:
            if (
                child.dep_ in ("advcl", "xcomp")
                and child.tag_ == "VBG"
                and child.left_edge.i == child.i > tok.i
                and not tok.doc[child.i - 1].is_punct  # "said, looking over at Bennett"
            ):
                return child.left_edge.i, child.right_edge.i
    return None


def _is_document(noun: Token, documents: frozenset[str]) -> bool:
    """Return True when ``noun`` names a document with no reported words of its own.

    "The city released *the report* on Monday": the report carries what was said, it is
    not what was said; "released *a statement saying* ..." has its words, and is kept.
    """
    return noun.lemma_.lower() in documents and not any(
        c.dep_ in ("acl", "relcl", "ccomp") for c in noun.children
    )


def _quote_just_before(doc: Doc, tok: Token, quote_ends: dict[int, Quote]) -> Quote | None:
    """Return the quote that closes right before cue ``tok`` and its subject, if any.

    ``“...,” Mr. Miranda said`` and ``“...,” said his friend``: the parser often hangs the
    quote elsewhere (or splits it into sentences), but the layout is unambiguous.
    """
    left = tok.i
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS and child.i < tok.i:
            left = min(left, child.left_edge.i)
    for child in tok.lefts:
        if child.dep_ in ("advmod", "aux", "neg") and child.i == left - 1:
            left = child.i
    j = left - 1
    while j >= 0 and doc[j].text in (",", "—", "–", "-"):
        j -= 1
    if j < 0 or not doc[j].is_quote:
        return None
    return quote_ends.get(doc[j].idx + len(doc[j]))


def verb_candidates(
    doc: Doc, *, verbs: dict[str, dict[str | None, CueEntry]], quotes: list[Quote] | None = None
) -> list[Candidate]:
    """Return one candidate per cue verb that has a content in the parse (rule 1).

    Args:
        doc: a Doc with a dependency parse.
        verbs: the cue lexicon indexed by lemma and particle (:func:`~.syntax.verb_index`).
        quotes: the quotes of the Doc, to link ``“...,” she said`` layouts.
    """
    raising_verbs, answer_verbs = words("raising_verbs"), words("answer_verbs")
    documents = load_source_types()["document"].words
    phrases = set_phrases()
    out = []
    quote_ends = {q.close_end: q for q in quotes or []}
    for tok in doc:
        entry = cue_entry_for(tok, verbs)
        if entry is None or in_set_phrase(tok, phrases) or is_marginal_preposition(tok):
            continue
        content_range = _content_range(tok, entry)
        if entry.vehicle and content_range is not None:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.left_edge.i == content_range[0]:
                if _is_document(obj, documents):
                    continue  # "released the report": the document, not what it says
        if content_range is not None:
            content_range = (content_range[0], trim_tail(doc, *content_range))
            content_range = (content_range[0], without_time_tail(doc, *content_range))
            content_range = (content_range[0], without_coordinated_deed(doc, *content_range))
            if (
                any(c.dep_ == "neg" for c in tok.children)
                and doc[content_range[0]].lower_ in WH_WORDS
            ):
                # "he would not disclose which states sent troops": a refusal to say, so
                # nothing is attributed.
                continue
        raised = None
        if entry.cue in raising_verbs and content_range is not None and content_range[0] > tok.i:
            # "Mr. Rubio appeared to be on the upswing": the subject is part of how things
            # seem, not a speaker; the whole "X appeared to ..." is the content, with no source.
            raised = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i), None)
            if raised is not None and raised.lower_ not in EXPLETIVES:
                content_range = (raised.left_edge.i, content_range[1])
        content = None
        judged = None
        inverted = None
        holds_cue = raised is not None
        if (
            entry.category == "speech"
            and tok.tag_ in ("VBD", "VBZ", "VBP")
            and content_range is not None
            and content_range[0] == tok.i + 1
            and tok.i > 0
            and (doc[tok.i - 1].text == "," or doc[tok.i - 1].is_quote)
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        ):
            # "“...,” said Robin Maynard": the parser took the speaker for an object.
            inverted = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ == "dobj"
                    and c.i == tok.i + 1
                    or (c.dep_ == "dobj" and c.left_edge.i == tok.i + 1)
                ),
                None,
            )
            if inverted is not None and inverted.pos_ in ("PROPN", "NOUN"):
                content_range = None
            else:
                inverted = None
        if entry.category == "speech" and not (
            content_range is not None and content_range[0] > tok.i
        ):
            q = _quote_just_before(doc, tok, quote_ends)
            if q is not None:
                content_range = None
                content = (q.open_start, q.close_end)
        if content_range is not None:
            content = span_chars(doc, *content_range)
        elif tok.dep_ == "parataxis" or (
            tok.dep_ in ("ccomp", "advcl")
            and entry.category == "speech"
            and tok.i > tok.head.i
            and doc[tok.i - 1].is_punct
        ):
            # "Content, officials said." parsed with the cue hanging off the content's verb.
            head = tok.head
            left, right = head.left_edge.i, head.right_edge.i
            cue_left = tok.left_edge.i
            if cue_left > head.i:
                right = cue_left - 1
            else:
                left = tok.right_edge.i + 1
            content = span_chars(doc, left, right)
        elif (judged := judged_passive_range(tok, entry)) is not None:
            # "The mayor has been called a liar (by ...)": the whole judgement is the content.
            content = span_chars(doc, judged[0], judged[1])
            holds_cue = True
        elif is_passive(tok) and entry.object:
            # "the possibility ... was denied": the passive subject is what is attributed,
            # unless it is a pronoun ("nothing can be ruled out") or a relative pronoun.
            # "The report was released on Monday" reports nothing: a verb of making public
            # needs someone who did it and something other than a bare document.
            for child in tok.children:
                if (
                    child.dep_ in PASSIVE_SUBJECT_DEPS
                    and child.pos_ not in ("PRON", "DET")
                    and not any(t.tag_ in ("WDT", "WP", "WP$") for t in child.subtree)
                    and not (
                        entry.vehicle and (agent_of(tok) is None or _is_document(child, documents))
                    )
                ):
                    content = subtree_chars(doc, child)
        if content is None:
            continue
        subject = subject_of(tok) if raised is None else None
        if subject is not None and subject.lower_ == "you" and entry.category != "speech":
            continue  # "if you want to understand ...": generic, nobody's belief
        if content[1] - content[0] < 4:
            continue  # a lone pronoun or stray word is not something attributed
        if (
            subject is not None
            and subject.lower_ == "that"
            and subject.i == tok.i - 1
            and (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
        ):
            continue  # "That said, ...": a set phrase, nobody speaks
        source_tok = None
        if inverted is not None:
            source_tok = inverted
        elif subject is not None and not is_expletive(subject, tok, entry):
            source_tok = subject
        elif is_passive(tok):
            source_tok = agent_of(tok) or (judged and judged[2]) or group_source_of(tok)
        if is_purpose_of_amount(tok):
            # "raised $2 million *to support* her campaign", "a $40 million fund *to back*
            # the plan": an infinitive saying what money or an amount is for reports no one.
            continue
        source = source_chars(doc, source_tok) if source_tok is not None else None
        if source and content[0] <= source[0] and source[1] <= content[1] and judged is None:
            continue  # the "source" sits inside its own content: a misparse
        cue_end_tok = tok
        particle = entry.particle
        if particle:
            for child in tok.children:
                if child.dep_ == "prt" and child.lower_ == particle:
                    cue_end_tok = child if child.i > tok.i else tok
        cue_start, cue_end = tok.idx, cue_end_tok.idx + len(cue_end_tok)
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ == "by"
            and tok.head.head.lemma_.lower() in answer_verbs
            and tok.head.head.i < tok.i
        ):
            # "responded to this by saying that ...": the whole phrase is the cue.
            cue_start = tok.head.head.idx
        if content[0] < cue_end and cue_start < content[1] and not holds_cue:
            continue  # content swallowing its own cue: the parse went wrong
        out.append(
            Candidate(
                content_start=content[0],
                content_end=content[1],
                cue_start=cue_start,
                cue_end=cue_end,
                entry=entry,
                source_start=source[0] if source else None,
                source_end=source[1] if source else None,
                rule="verb",
                source_token=source_tok.i if source_tok is not None else None,
                cue_token=tok.i,
            )
        )
    return out
