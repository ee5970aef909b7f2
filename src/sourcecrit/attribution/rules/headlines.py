"""Headline colons: "Poll: Sanders leads in Iowa" names its source before the colon."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.syntax import span_chars
from sourcecrit.attribution.wordlists import words

MAX_HEADLINE = 25  # tokens after the colon


def headline_candidates(doc: Doc) -> list[Candidate]:
    """Return the headline pattern "Name: what they said" (a line that opens with a short
    name, then a colon, then the words attributed to it: "Poll: Sanders leads in Iowa").

    The source is the name before the colon (at most five words, no verb or pronoun), the cue
    the colon, the content the rest of the line up to a semicolon.
    """
    not_source_labels = words("not_source_labels")
    out = []
    n = len(doc)
    for tok in doc:
        if tok.text != ":":
            continue
        j = tok.i - 1
        while j >= 0 and "\n" not in doc[j].text and "\n" not in doc[j].whitespace_:
            j -= 1
        label = doc[j + 1 : tok.i]
        if (
            not 1 <= len(label) <= 5
            or tok.whitespace_ == ""
            and tok.i + 1 < n
            and not doc[tok.i + 1].is_quote
        ):
            continue
        if any(
            t.pos_ in ("VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ") or t.like_num for t in label
        ):
            continue
        head = label[-1]
        if (
            head.pos_ not in ("PROPN", "NOUN")
            or head.lower_ in not_source_labels
            or len(head.text) < 2
        ):
            continue
        if not label[0].text[0].isupper() or (
            len(label) == 1 and head.text.isupper() and len(head) > 3
        ):
            continue  # "height: 275px", a section label such as "EXCLUSIVE:"
        k = tok.i + 1
        while (
            k < n
            and "\n" not in doc[k].text
            and doc[k].text != ";"
            and "\n" not in doc[k - 1].whitespace_
        ):
            k += 1
        if k - tok.i > MAX_HEADLINE:
            continue  # a paragraph, not a headline: "Jeb Bush: Student loans. Some big ideas ..."
        content = span_chars(doc, tok.i + 1, k - 1)
        source = span_chars(doc, label.start, label.end - 1)
        if content is None or source is None or k - tok.i < 4:
            continue
        out.append(
            Candidate(
                content_start=content[0],
                content_end=content[1],
                cue_start=tok.idx,
                cue_end=tok.idx + 1,
                source_start=source[0],
                source_end=source[1],
                rule="headline",
                source_token=head.i,
                cue_token=tok.i,
            )
        )
    return out
