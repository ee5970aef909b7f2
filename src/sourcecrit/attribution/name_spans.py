"""Personal names as spans of a parsed Doc: the names the resolver starts from.

The PERSON entities, with an honorific just before them ("Mrs." + "Clinton"), and names
the recogniser missed or cut short where a coordination shows them ("James and Olive
Meehan": "James" shares the surname, "Olive Meehan" is a person too). Used by
:mod:`sourcecrit.attribution.speakers`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sourcecrit.attribution.mentions import in_heading
from sourcecrit.attribution.names import is_honorific, load_names
from sourcecrit.attribution.roles import is_role_word


def name_with_honorific(span: Span, doc: Doc) -> str:
    """Return the text of a name span with an honorific just before it ("Mrs." + "Clinton"),
    and with the surname it shares with a full name joined to it (:func:`shared_surname`)."""
    text = span.text + shared_surname(span, doc)
    if span.start > 0 and is_honorific(doc[span.start - 1].text):
        return doc[span.start - 1].text + " " + text
    return text


def person_names(doc: Doc, ents: list[Span], text: str) -> list[Span]:
    """Return the PERSON entities outside headings in capitals, in text order, and the names
    joined to them that the recogniser missed ("James and Olive Meehan", only "James" tagged).
    """
    people = [
        with_given_name(e, doc)
        for e in ents
        if e.label_ == "PERSON" and not in_heading(text, e.start_char)
    ]
    joined = [conjoined_full_name(e, doc) for e in people]
    people += [
        Span(doc, j.start, j.end, label="PERSON")
        for j in joined
        if j is not None and not any(t.ent_type_ for t in j)
    ]
    return sorted(people, key=lambda e: e.start)


def with_given_name(span: Span, doc: Doc) -> Span:
    """Return a one-word PERSON span with the given name the recogniser left out, if any.

    In "Chicago Mayor Rahm Emanuel" the small model may tag only "Emanuel": the capitalised
    word just before it, parsed as part of the same name and tagged as no entity, is the
    given name, unless it is a title or role ("Mayor", "Sen.").
    """
    if len(span) != 1 or span.start == 0:
        return span
    before = doc[span.start - 1]
    if (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.head.i == span.root.i
        and not before.ent_type_
        and before.text[:1].isupper()
        and before.text[1:].islower()
        and not is_honorific(before.text)
        and not is_role_word(before.lower_)
    ):
        return Span(doc, span.start - 1, span.end, label=span.label_)
    return span


def shared_surname(span: Span, doc: Doc) -> str:
    """Return " Meehan" for "James" in "James and Olive Meehan", else "".

    A bare given name joined by "and" to a full name shares its surname ("my parents, James
    and Olive Meehan"; "lawyers for both Donald and Ivana Trump").
    """
    other = conjoined_full_name(span, doc)
    return " " + other[-1].text if other is not None else ""


def conjoined_full_name(span: Span, doc: Doc) -> Span | None:
    """Return "Olive Meehan" for "James" in "James and Olive Meehan", else None."""
    tok = span.root
    if len(span) != 1 or tok.lower_ not in load_names().genders or tok.i + 3 >= len(doc):
        return None
    if doc[tok.i + 1].lower_ not in ("and", "&"):
        return None
    conj = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if (
        conj is None
        or conj.i - tok.i > 4
        or not all(
            t.pos_ == "PROPN" and not is_honorific(t.text) for t in doc[tok.i + 2 : conj.i + 1]
        )
        or conj.i - tok.i < 3  # "James and Meehan": two people
        or (tok.i > 0 and is_honorific(doc[tok.i - 1].text))  # "Mr. Xi and Mr. Obama"
    ):
        return None
    return doc[tok.i + 2 : conj.i + 1]
