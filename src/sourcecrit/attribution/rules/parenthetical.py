"""Cues in an "as" clause: "As one adviser pointed out, the island rarely gets two storms".

A reporting verb in a comment clause opened by "as" has no content of its own: what it
reports is the clause the "as" clause hangs on (Quirk et al. 1985, comment clauses; PARC
3.0 annotates the host clause as the content). "As she put it" does the same with a verb
that is not a cue anywhere else (``as_phrasing_verbs``); a passive comment clause takes its
"by" phrase as the source ("As reported by the Herald, the mill will close").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.rules.senses import in_set_phrase, set_phrases
from sourcecrit.attribution.syntax import (
    SUBJECT_DEPS,
    VerbIndex,
    cue_entry_for,
    source_chars,
    span_chars,
)
from sourcecrit.attribution.wordlists import words

#: Dependencies an "as" comment clause takes in the parse of its host.
COMMENT_DEPS = frozenset({"advcl", "parataxis", "ccomp", "conj"})
#: Children that give the verb a content of its own ("as he said he would"): not a comment.
OWN_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd"})


def _comment_cue(verb: Token, verbs: VerbIndex) -> CueEntry | None:
    """Return the entry of ``verb`` as the cue of an "as" comment clause, or None."""
    entry = cue_entry_for(verb, verbs)
    its = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"]
    if entry is None and verb.lemma_.lower() in words("as_phrasing_verbs") and its:
        explanation = "Phrased it so: the clause it comments on is the source's wording."
        return CueEntry(f"{verb.lemma_.lower()} it", "speech", False, explanation)
    if entry is None or entry.category == "stance":
        return None
    own = [c for c in verb.children if c.dep_ in OWN_CONTENT_DEPS and c.lower_ != "it"]
    return None if own else entry


def _passive_agent(verb: Token) -> Token | None:
    """Return the noun of a passive comment clause's "by" phrase ("as reported *by* X")."""
    if verb.tag_ != "VBN":
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def as_clause_candidates(doc: Doc, *, verbs: VerbIndex, cued: set[int]) -> list[Candidate]:
    """Return one candidate per "as"-clause cue: "Prices, as the report noted, fell".

    Args:
        doc: a parsed Doc.
        verbs: the cue lexicon by lemma and particle (:func:`~.syntax.verb_index`).
        cued: token indices of cues other rules already attributed (left alone).
    """
    out = []
    phrases = set_phrases()
    for tok in doc:
        if tok.lower_ != "as" or tok.dep_ != "mark" or in_set_phrase(tok, phrases):
            continue  # "as we speak", "welfare as we know it": idioms
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "well":
            continue  # "as well": no comment clause
        verb = tok.head
        if verb.i in cued or verb.dep_ not in COMMENT_DEPS or verb.head is verb:
            continue
        if tok.i != verb.left_edge.i:
            continue  # "as" opens the clause: "such as" or "as much as" are no comment
        entry = _comment_cue(verb, verbs)
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            subject = _passive_agent(verb)  # "As reported by the Herald, ..."
        if entry is None or subject is None or subject.lower_ in ("it", "there"):
            continue  # "as expected", "as it happens": nobody is reported
        host = verb.head
        if host.pos_ not in ("VERB", "AUX") and host.dep_ in SUBJECT_DEPS:
            # "The bridge, as engineers noted, needs repair": the parser hangs the comment on
            # the subject; it comments on the subject's clause
            host = host.head
        if any(c.dep_ == "neg" for c in host.children):
            # "the prize won't be awarded next week, as many expected": what was expected is
            # the opposite of the host clause, which the rule cannot write down
            continue
        left, right = host.left_edge.i, host.right_edge.i
        clause_left, clause_right = verb.left_edge.i, verb.right_edge.i
        if clause_left <= left:
            left = clause_right + 1  # "As X noted, content"
            # "As X noted last year, content": the time of saying goes with the comment
            subj = next((c for c in host.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                commas = [t.i for t in doc[left : subj.left_edge.i] if t.text == ","]
                left = commas[-1] + 1 if commas else left
        elif clause_right >= right or all(t.is_punct for t in doc[clause_right + 1 : right + 1]):
            right = clause_left - 1  # "content, as X noted."
        # in the middle ("Prices, as X noted, fell") the content is the whole host clause
        content = span_chars(doc, left, right)
        source = source_chars(doc, subject)
        if content is None or source is None or content[1] - content[0] < 8:
            continue
        cue_end = verb
        for child in verb.children:
            if child.dep_ in ("prt", "dobj") and child.i == cue_end.i + 1:
                cue_end = child  # "pointed out", "put it"
        out.append(
            Candidate(
                content_start=content[0],
                content_end=content[1],
                cue_start=verb.idx,
                cue_end=cue_end.idx + len(cue_end),
                entry=entry,
                source_start=source[0],
                source_end=source[1],
                rule="as_clause",
                source_token=subject.i,
                cue_token=verb.i,
            )
        )
    return out
