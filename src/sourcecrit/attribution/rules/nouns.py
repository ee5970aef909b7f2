"""Noun cues: "Smith's claim that ...", "the statement of the ministry that ...", "his
support for the bill", "her vow to repeal the law", "an opponent of the plan" (PARC's
nominal cues, Pareti 2016)."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.syntax import (
    EXPLETIVES,
    is_passive,
    noun_of_clause,
    same_token,
    source_chars,
    span_chars,
    subject_of,
    subtree_chars,
)
from sourcecrit.attribution.wordlists import words


def noun_candidates(doc: Doc, *, nouns: dict[str, CueEntry]) -> list[Candidate]:
    """Return attributions carried by a noun: "Smith's claim that ...", "the statement of the
    ministry that ...", "a statement saying ..." (PARC's nominal cues, Pareti 2016).

    Only a noun from the lexicon with a "that"-clause (or a "saying"-clause) counts, so "the
    fact that" or "the idea that" never do.
    """
    material_senses = words("material_senses")
    receiving_verbs = words("receiving_verbs")
    handling_verbs = words("handling_verbs")
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN":
            continue
        entry = nouns.get(tok.lemma_.lower())
        if entry is None:
            continue
        content_tok = None
        by_prep = received = False
        for child in tok.rights:
            if child.dep_ in ("acl", "ccomp", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in child.children
            ):
                content_tok = child
            elif child.dep_ == "acl" and child.lemma_ == "say":
                content_tok = next((g for g in child.children if g.dep_ == "ccomp"), None)
            if content_tok is not None:
                break
        if content_tok is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            verb = tok.head.head
            content_tok = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "ccomp" and same_token(noun_of_clause(verb, c), tok)
                ),
                None,
            )
        if content_tok is None and tok.dep_ == "dobj":
            # "fuelling worries that the deal will fail": the parser hung the noun's clause
            # on the verb; it follows the noun phrase directly
            content_tok = next(
                (
                    c
                    for c in tok.head.children
                    if c.dep_ == "ccomp"
                    and c.left_edge.i == tok.right_edge.i + 1
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                ),
                None,
            )
        if content_tok is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "His argument was that taxes should fall", "Her plan is to sell": the noun's
            # content is the complement of "be"
            for c in tok.head.rights:
                if c.dep_ == "ccomp" and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children
                ):
                    content_tok = c
                elif c.dep_ == "xcomp" and entry.infinitive and c.tag_ == "VB":
                    content_tok, by_prep = c, True
                if content_tok is not None:
                    break
        if content_tok is None and entry.infinitive:
            # "his vow to repeal the law", "her determination to act alone": an intention
            # or promise held by someone (who must be named, as for prepositional contents).
            content_tok = next(
                (
                    c
                    for c in tok.rights
                    if c.dep_ in ("acl", "relcl")
                    and c.tag_ == "VB"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                ),
                None,
            )
            by_prep = content_tok is not None
        if content_tok is None and entry.preps:
            # "his support for the bill", "her criticism of the plan": the prepositional
            # object is what the noun attributes.
            for child in tok.rights:
                if child.dep_ == "prep" and child.lower_ in entry.preps:
                    content_tok = next(
                        (g for g in child.children if g.dep_ in ("pobj", "pcomp")), None
                    )
                    by_prep = True
                    break
        if content_tok is None:
            continue
        content = subtree_chars(doc, content_tok)
        # "His remark that polls are wrong drew laughs": with the noun at the root, the main
        # verb was parsed into the clause as a noun's modifier; the content ends before it.
        if tok.dep_ == "ROOT":
            stray = next(
                (
                    t.i
                    for t in doc[content_tok.i + 1 : content_tok.right_edge.i + 1]
                    if t.tag_.startswith("VB") and t.dep_ in ("compound", "amod")
                ),
                None,
            )
            if stray is not None:
                content = span_chars(doc, content_tok.left_edge.i, stray - 1)
        if content is None:
            continue
        source_tok = next((c for c in tok.children if c.dep_ == "poss"), None)
        if source_tok is None:
            for child in tok.rights:
                if (
                    child.dep_ == "prep"
                    and child.lower_ in ("of", "by", "from")
                    and child.i < content_tok.i
                    and content_tok.head.i != child.i
                ):
                    source_tok = next((g for g in child.children if g.dep_ == "pobj"), None)
                    break
        if source_tok is None and tok.dep_ in ("dobj", "pobj", "attr") and tok.i < content_tok.i:
            # "Clinton expressed support for ...", "he launched an attack on ...": whoever
            # does the verb the noun is the object of holds the view.
            verb = tok.head
            while verb.dep_ in ("prep", "prt", "advmod") and verb.head.i != verb.i:
                verb = verb.head  # "came out in support of"
            if verb.lemma_.lower() in receiving_verbs and tok.dep_ == "dobj":
                received = True  # "faced questions about ...": the subject is the target
            elif verb.lemma_.lower() in handling_verbs and tok.dep_ == "dobj":
                # "criticised the report that the dam failed": someone unnamed wrote it;
                # "read the report about the flood" reports no one's view at all.
                if by_prep:
                    continue
                received = True
            elif verb.pos_ in ("VERB", "AUX") and not is_passive(verb):
                subject = subject_of(verb)
                if subject is not None and subject.lower_ not in EXPLETIVES and subject.i < tok.i:
                    source_tok = subject
        if by_prep and source_tok is None and not received:
            continue  # "the attack on Nice", "support for the bill" with nobody holding it
        if by_prep and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in material_senses
            for c in tok.children
        ):
            continue  # "military and financial support for Kyiv": aid or force, not a view
        source = source_chars(doc, source_tok) if source_tok is not None else None
        if source and source[1] > content[0] and source_tok is not None:
            # The source's subtree ran into the content: stop it where the content starts.
            source = span_chars(doc, source_tok.left_edge.i, content_tok.left_edge.i - 1)
        out.append(
            Candidate(
                content_start=content[0],
                content_end=content[1],
                cue_start=tok.idx,
                cue_end=tok.idx + len(tok),
                entry=entry,
                source_start=source[0] if source else None,
                source_end=source[1] if source else None,
                rule="noun",
                source_token=source_tok.i if source_tok is not None and source else None,
                cue_token=tok.i,
            )
        )
    return out
