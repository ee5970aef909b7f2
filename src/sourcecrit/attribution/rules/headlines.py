"""Headline colons: "Poll: Sanders leads in Iowa" names its source before the colon."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcecrit.attribution.candidates import Candidate
from sourcecrit.attribution.lexicon import CueEntry
from sourcecrit.attribution.syntax import VerbIndex, span_chars
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


#: What may follow a misread verb and start its content: a clause, an infinitive, a direct
#: object (by its first word).
_CLAUSE_STARTS = frozenset({"that", "how", "why", "whether", "if", "what", "when", "where"})


def misread_verb_candidates(doc: Doc, *, verbs: VerbIndex) -> list[Candidate]:
    """Return headline-style sentences whose reporting verb the tagger read as a plural noun:
    "Senator charges that the count was rigged", "Panel votes to hold the clerk in
    contempt", "Court rules against the new law".

    Headlines drop articles and auxiliaries, so "charges", "votes" or "plans" after a name
    is often tagged as a noun (NNS) and the sentence gets no verb at all. When the sentence
    has no verb at its root, a plural-looking noun right after a noun or name, whose singular
    is a cue verb of the lexicon, is taken for that verb (rule ``verb``): the words before it
    are the source, the words after it the content, provided they fit the verb (an
    infinitive only for "vow", "plan"...; an object only for verbs that take one).
    """
    out = []
    for sent in doc.sents:
        root = sent.root
        if root.pos_ in ("VERB", "AUX"):
            continue
        for tok in sent:
            if tok.tag_ != "NNS" or tok.i == sent.start or tok.i + 1 >= sent.end:
                continue
            before, after = doc[tok.i - 1], doc[tok.i + 1]
            if before.pos_ not in ("PROPN", "NOUN") or not (
                tok.i == root.i or tok.head.i == before.i
            ):
                continue
            entry = _verb_entry(verbs, tok.lower_)
            if entry is None or not _fits(entry, after):
                continue
            if tok.i == root.i:  # "House panel votes": the subject hangs on the cue
                left = min((c.left_edge.i for c in tok.lefts if c.dep_ != "advcl"), default=tok.i)
            else:  # "Trump questions ...": the subject is the root, the cue its object
                left = root.left_edge.i
            while left < tok.i and doc[left].dep_ == "cc":
                left += 1  # "But Trump claims ..."
            if left >= tok.i:
                continue
            end = tok.i + 1
            while end < sent.end and doc[end].text != ";" and "\n" not in doc[end].text:
                end += 1  # a headline's second part after ";" is another statement
            source = span_chars(doc, left, tok.i - 1)
            content = span_chars(doc, tok.i + 1, end - 1)
            if source is None or content is None or content[1] - content[0] < 8:
                continue
            out.append(
                Candidate(
                    content_start=content[0],
                    content_end=content[1],
                    cue_start=tok.idx,
                    cue_end=tok.idx + len(tok),
                    entry=entry,
                    source_start=source[0],
                    source_end=source[1],
                    rule="verb",
                    source_token=before.i,
                    cue_token=tok.i,
                )
            )
            break
    return out


def _verb_entry(verbs: VerbIndex, form: str) -> CueEntry | None:
    """Return the lexicon entry of the verb whose third person singular is ``form``
    ("charges" -> charge, "vows" -> vow, "pushes" -> push), or None."""
    for lemma in (form[:-1], form[:-2]):
        entries = verbs.get(lemma) if form.endswith("s") else None
        if entries and None in entries:
            return entries[None]
    return None


def _fits(entry: CueEntry, after: Token) -> bool:
    """Return True when the word after the misread verb can start a content it takes."""
    word = after.lower_
    if word in _CLAUSE_STARTS:
        return True
    if word == "to":
        return entry.infinitive
    if after.pos_ == "ADP":
        return word in entry.preps
    return entry.object and after.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON")
