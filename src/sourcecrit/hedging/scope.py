"""The scope of a cue: the stretch of text it softens, hardens or leaves unattributed.

Scope is read off the dependency parse, in the spirit of the syntactic scope rules of
Velldal, Øvrelid, Read & Oepen (2012, "Speculation and negation: Rules, rankers, and the
role of syntax", *Computational Linguistics* 38(2)) and of BioScope's convention that a
cue's scope is the clause or phrase it governs (Vincze et al. 2008). It never runs past
the cue's sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sourcecrit.hedging.rules import VERBAL, clause_verb

# Children that start a new clause or a loose addition: a conjoined clause ("..., but
# Warsaw would help") or a parenthetical is outside the first clause's scope.
_CLAUSE_BREAKS = ("conj", "cc", "parataxis")
_MODIFIER_DEPS = ("det", "amod", "nummod", "predet", "quantmod", "advmod", "compound", "poss")


def _clause_tokens(verb: Token) -> tuple[int, int]:
    """Return the first and last token index of ``verb``'s clause, without conjoined clauses."""
    left, right = verb.left_edge.i, verb.right_edge.i
    doc = verb.doc
    # A complementiser or leading conjunction ("that", "but") introduces the clause but is
    # not part of what is hedged.
    while (
        left < verb.i and doc[left].head.i == verb.i and doc[left].dep_ in ("mark", "cc", "punct")
    ):
        left += 1
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in _CLAUSE_BREAKS
            and (child.pos_ in VERBAL or child.dep_ == "cc" or child.dep_ == "parataxis")
        ):
            right = min(right, child.left_edge.i - 1)
    return left, right


_OPENING = frozenset("“«")
_CLOSING = frozenset("”»")
_QUOTES = _OPENING | _CLOSING | {'"'}


def _inside_quote(sent: Span, cue: Span, left: int, right: int) -> tuple[int, int]:
    """Return ``(left, right)`` cut to the quotation the cue is in, if it is in one.

    A speaker's words do not run on into the narrator's ("... and of course from his
    record," said a voter): the scope stops at the quote mark that closes the cue's
    quotation and starts after the one that opens it. Curly and angle quotes say which way
    they face; a straight quote mark closes when an odd number of them come before it in
    the sentence.
    """
    before: tuple[int, bool] | None = None  # the last quote mark before the cue
    after: tuple[int, bool] | None = None  # the first one after it
    straight = 0
    for token in sent:
        if token.text not in _QUOTES:
            continue
        opening = token.text in _OPENING or (token.text == '"' and straight % 2 == 0)
        straight += token.text == '"'
        if token.i < cue.start:
            before = (token.i, opening)
        elif token.i >= cue.end:
            after = (token.i, opening)
            break
    if before is not None and before[1]:
        left = max(left, before[0] + 1)
    if after is not None and not after[1] and (before is None or before[1]):
        right = min(right, after[0] - 1)
    return left, right


def _trim(span_tokens: tuple[int, int], sent: Span, cue: Span) -> tuple[int, int]:
    """Clip to the sentence and the cue's quotation, keep the cue inside, drop edge punctuation."""
    doc = cue.doc
    left = max(span_tokens[0], sent.start)
    right = min(span_tokens[1], sent.end - 1)
    left, right = _inside_quote(sent, cue, left, right)
    left, right = min(left, cue.start), max(right, cue.end - 1)
    while left < cue.start and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > cue.end - 1 and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return left, right


def scope_tokens(cue: Span, direction: str) -> tuple[int, int]:
    """Return the first and last token index of ``cue``'s scope.

    Args:
        cue: the matched cue (a Span of a parsed Doc).
        direction: one of ``hedging.lexicon.SCOPES``.
    """
    sent = cue.sent
    root = cue.root
    if direction == "sentence":
        bounds = (sent.start, sent.end - 1)
    elif direction == "phrase":
        node = root.head if root.dep_ in _MODIFIER_DEPS and root.head.i != root.i else root
        if node.pos_ in VERBAL:
            node = root
        bounds = (
            _clause_tokens(node) if node.pos_ in VERBAL else (node.left_edge.i, _phrase_end(node))
        )
    else:
        verb = clause_verb(root)
        clause = _clause_tokens(verb)
        if direction == "clause":
            bounds = clause
        elif direction == "left":
            bounds = (clause[0], cue.end - 1)
        else:  # right: from the cue to the end of what it governs
            if root.pos_ in ("NOUN", "ADJ", "VERB") and any(c.i >= cue.end for c in root.children):
                end = _clause_tokens(root)[1] if root.pos_ in VERBAL else _phrase_end(root)
            else:
                end = clause[1]
            bounds = (cue.start, end)
    return _trim(bounds, sent, cue)


def _phrase_end(node: Token) -> int:
    """Return the last token of ``node``'s phrase, stopping before a relative/conjoined clause."""
    right = node.right_edge.i
    for child in node.children:
        if child.i > node.i and child.dep_ in ("relcl", "conj", "cc", "appos", "acl", "punct"):
            if child.dep_ == "punct" or child.pos_ in VERBAL or child.dep_ in ("relcl", "appos"):
                right = min(right, child.left_edge.i - 1)
    return max(right, node.i)


def scope_chars(cue: Span, direction: str) -> tuple[int, int]:
    """Return ``(start, end)`` character offsets of ``cue``'s scope within its sentence."""
    left, right = scope_tokens(cue, direction)
    doc = cue.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)
