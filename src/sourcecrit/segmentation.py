"""The ``sourcecrit_line_breaks`` spaCy component: a headline line ends its sentence.

Headlines, section headings ("OBAMA FOCUSED") and other title lines carry no full stop, so
the parser runs them into the first sentence of the body ("City closes bridge as engineers
warn\\nThe city closed the bridge on Monday, officials said." becomes one sentence, and
"officials" seem to say the headline too). This component runs before the parser and
starts a new sentence after such a line; the parser keeps sentence starts set before it
(spaCy's ``DependencyParser`` respects pre-set ``Token.is_sent_start``), as spaCy's own
``sentencizer`` and custom boundary components do.

A line counts as a title line when it has no final punctuation, is short (at most
:data:`MAX_TITLE_WORDS` words) and either opens the text or stands as a paragraph of its
own (a blank line after it). Hard-wrapped prose, whose lines also lack a full stop, is
left alone: its lines are neither the first line nor paragraphs of their own.

A paragraph (text followed by a blank line) always ends its sentence too, whatever its
last character: the parser otherwise runs a quoted subheading ("'Relationships that
last.'") into the next paragraph, whose speaker then seems to be the subheading.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

#: Longest line, in words, still read as a title rather than a sentence missing its stop.
MAX_TITLE_WORDS = 25
#: Characters that end a sentence (or a line that runs on into the next).
FINAL_PUNCTUATION = frozenset(".!?:;,…\"'”’)]-–—")
#: The blank run after a line break: a second line break in it makes a paragraph end.
_LEADING_SPACE = re.compile(r"[ \t\r\n]*")


def title_line_ends(text: str) -> list[int]:
    """Return the offsets of the line breaks that end a title line or a paragraph of ``text``.

    Args:
        text: the document text.

    Returns:
        For each title line or paragraph, the offset of the ``\\n`` right after it (in
        text order).
    """
    ends = []
    pos = 0
    first = True
    # One look at the text's end, not a copy of the rest of it per line: a line is
    # followed by more text when a non-space character comes after its line break.
    text_end = len(text.rstrip())
    while True:
        nl = text.find("\n", pos)
        if nl == -1:
            break
        line = text[pos:nl].strip()
        if line:
            gap = _LEADING_SPACE.match(text, nl + 1)
            own_paragraph = gap is not None and "\n" in gap.group()
            title = (
                (first or own_paragraph)
                and line[-1] not in FINAL_PUNCTUATION
                and len(line.split()) <= MAX_TITLE_WORDS
            )
            if (title or own_paragraph) and nl + 1 < text_end:
                ends.append(nl)
            first = False
        pos = nl + 1
    return ends


def set_title_boundaries(doc: Doc) -> Doc:
    """Start a sentence at the first word after each title line (see :func:`title_line_ends`)."""
    ends = title_line_ends(doc.text)
    if not ends:
        return doc
    k = 0
    for tok in doc:
        while k < len(ends) and ends[k] < tok.idx and not (tok.is_space or tok.text.isspace()):
            if tok.i > 0:
                tok.is_sent_start = True
            k += 1
        if k == len(ends):
            break
    return doc


@Language.factory(
    "sourcecrit_line_breaks",
    requires=[],
    assigns=["token.is_sent_start"],
)
def make_line_breaks(nlp: Language, name: str):  # noqa: ANN201 - spaCy factory
    """Create the component that ends a sentence after a headline or heading line.

    Args:
        nlp: the pipeline it joins (add it before the parser).
        name: the component's name in the pipeline.
    """
    return set_title_boundaries
