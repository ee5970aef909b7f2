"""Quotation marks: which stretches of the text are quoted, nested, and over paragraphs.

Works on the plain text, before and independently of the parser, so that a mark the parser
splits oddly cannot hide a quote. Conventions handled (as in news style guides, e.g. the AP
Stylebook and the Chicago Manual of Style, §13.30–13.33):

- straight ``"`` and curly ``“ ”`` double marks, guillemets ``« »``, typewriter pairs of
  apostrophes (``''...''``, as the New York Times archive writes them), and curly single
  marks ``‘ ’`` used for a quote inside a quote;
- a quote inside a quote is its own :class:`Quote` with ``depth`` 1 (its ``parent`` is the
  enclosing quote);
- a quote that runs over several paragraphs re-opens at the start of each new paragraph and
  closes only at the end of the last one.

Unbalanced marks never raise: an opening mark left unclosed at the end of its paragraph, or
a closing mark with nothing open, is skipped and reported in the returned warnings, and the
rest of the text is scanned as usual.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Protocol, TypeVar

from spacy.tokens import Doc

#: Marks that can only open / only close a double quote.
OPENERS = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
#: Marks that open or close depending on the characters around them.
STRAIGHT = '"'
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
DOUBLE_MARKS = frozenset('"“”«»„')


@dataclass(frozen=True)
class Quote:
    """One quoted stretch of text.

    Attributes:
        start: first character inside the marks.
        end: one past the last character inside the marks (``text[start:end]`` is the
            quoted words, without the outer marks).
        open_start: offset of the opening mark.
        close_end: one past the closing mark.
        depth: 0 for a quote in the running text, 1 for a quote inside a quote, ...
        parent: index (in the returned list) of the enclosing quote, or None.
        paragraphs: how many paragraphs the quote runs over.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    depth: int = 0
    parent: int | None = None
    paragraphs: int = 1


@dataclass
class _Open:
    mark: str
    close: str  # the mark that closes it ('"' for straight quotes)
    at: int
    paragraphs: int = 1
    width: int = 1  # 2 for the typewriter marks `` and ''


#: Two-character typewriter marks: some newspapers (and the Penn Treebank) write ``...''
#: or ''...'' for a double quote.
TYPEWRITER = "''"
TYPEWRITER_OPEN = "``"


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _straight_opens(text: str, i: int) -> bool:
    """Return True when the straight mark at ``i`` looks like an opening mark.

    An opening mark follows a space, the start of the text, an opening bracket, a dash, a
    colon or another opening mark, and is followed by a non-space.
    """
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (_is_space(before) or before in "([{—–-:/“‘") and not _is_space(after)


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end == -1 else end


def quote_spans(text: str) -> tuple[list[Quote], list[str]]:
    """Return the quotes in ``text`` (in order of their opening mark) and any warnings.

    Args:
        text: the analysed text.

    Returns:
        ``(quotes, warnings)``; each warning names the offset of the mark it is about.
    """
    quotes: list[tuple[int, Quote]] = []  # (open index in scan order, quote)
    warnings: list[str] = []
    stack: list[_Open] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            # A paragraph break: open quotes either continue (the next paragraph re-opens
            # with the same kind of mark) or were never closed.
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and stack:
                nxt = text[j]
                typewriter = text.startswith((TYPEWRITER, TYPEWRITER_OPEN), j)
                reopen = stack and (
                    (nxt in OPENERS and stack[0].mark in OPENERS)
                    or (nxt == STRAIGHT and stack[0].mark == STRAIGHT and not typewriter)
                    or (typewriter and stack[0].close == TYPEWRITER)
                )
                if reopen:
                    # Only the outermost quote carries over (style guides re-open one level).
                    for dropped in stack[1:]:
                        warnings.append(
                            f"Quote mark at character {dropped.at} is not closed before the "
                            "paragraph ends; that quote was skipped."
                        )
                    stack = stack[:1]
                    stack[0].paragraphs += 1
                    i = j + (2 if typewriter else 1)
                    continue
                for dropped in stack:
                    if dropped.mark == SINGLE_OPEN:
                        continue  # probably an apostrophe, not worth a warning
                    warnings.append(
                        f"Quote mark at character {dropped.at} is not closed before the "
                        "paragraph ends; that quote was skipped."
                    )
                stack = []
            i = j
            continue
        if ch in OPENERS and not (ch == "“" and stack and stack[-1].close == "“"):
            stack.append(_Open(ch, OPENERS[ch], i))
        elif ch in CLOSERS or (ch == "“" and stack and stack[-1].close == "“"):
            if stack and any(o.close == ch for o in stack):
                while stack[-1].close != ch:
                    dropped = stack.pop()
                    if dropped.mark != SINGLE_OPEN:
                        warnings.append(
                            f"Quote mark at character {dropped.at} is not closed; that quote "
                            "was skipped."
                        )
                _close(stack.pop(), i, stack, quotes)
            else:
                warnings.append(
                    f"Closing quote mark at character {i} has no opening mark; it was ignored."
                )
        elif text.startswith((TYPEWRITER, TYPEWRITER_OPEN), i):
            two = text[i : i + 2]
            top_typewriter = bool(stack) and stack[-1].close == TYPEWRITER
            before = text[i - 1] if i else ""
            after = text[i + 2] if i + 2 < n else ""
            opens = (_is_space(before) or before in "([{—–-:/") and not _is_space(after)
            if two == TYPEWRITER_OPEN or (opens and not (top_typewriter and not _is_space(before))):
                stack.append(_Open(two, TYPEWRITER, i, width=2))
            elif any(o.close == TYPEWRITER for o in stack):
                while stack[-1].close != TYPEWRITER:
                    stack.pop()
                _close(stack.pop(), i, stack, quotes, width=2)
            else:
                warnings.append(
                    f"Closing quote mark at character {i} has no opening mark; it was ignored."
                )
            i += 2
            continue
        elif ch == STRAIGHT:
            top_straight = bool(stack) and stack[-1].mark == STRAIGHT
            if _straight_opens(text, i) and not (
                top_straight and not _is_space(text[i - 1] if i else "")
            ):
                stack.append(_Open(ch, STRAIGHT, i))
            elif any(o.close == STRAIGHT for o in stack):
                while stack[-1].close != STRAIGHT:
                    stack.pop()
                _close(stack.pop(), i, stack, quotes)
            else:
                warnings.append(
                    f"Closing quote mark at character {i} has no opening mark; it was ignored."
                )
        elif ch == SINGLE_OPEN:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < n else ""
            if (_is_space(before) or before in '([“"—-') and not _is_space(after):
                stack.append(_Open(ch, SINGLE_CLOSE, i))
        elif ch == SINGLE_CLOSE and stack and stack[-1].close == SINGLE_CLOSE:
            after = text[i + 1] if i + 1 < n else ""
            if not after.isalpha():  # "country’s" is an apostrophe, not a closing mark
                _close(stack.pop(), i, stack, quotes)
        i += 1
    for dropped in stack:
        if dropped.mark != SINGLE_OPEN:
            warnings.append(
                f"Quote mark at character {dropped.at} is never closed; that quote was skipped."
            )
    ordered = sorted((q for _, q in quotes), key=lambda q: q.open_start)
    result: list[Quote] = []
    # The quotes nest (each closes the innermost one open), so the quotes holding this one
    # are the chain of those still open when it opens: a stack, not a scan of every quote.
    around: list[int] = []
    for q in ordered:
        while around and not (
            result[around[-1]].open_start < q.open_start
            and q.close_end <= result[around[-1]].close_end
        ):
            around.pop()  # closed before this quote opens: it holds no later quote either
        parent = around[-1] if around else None
        result.append(
            Quote(q.start, q.end, q.open_start, q.close_end, len(around), parent, q.paragraphs)
        )
        around.append(len(result) - 1)
    return result, warnings


def _close(
    opened: _Open, at: int, stack: list[_Open], quotes: list[tuple[int, Quote]], *, width: int = 1
) -> None:
    quote = Quote(opened.at + opened.width, at, opened.at, at + width, paragraphs=opened.paragraphs)
    quotes.append((opened.at, quote))


def quote_of(quotes: list[Quote], start: int, end: int) -> int | None:
    """Return the index of the innermost quote holding ``[start, end)``, or None.

    Quotes come in order of their opening mark and nest (each knows its ``parent``), so the
    innermost one holding the range is the last quote opened at or before ``start`` or one
    of the quotes around it: a walk up from a bisection, not a scan of every quote.
    """
    k: int | None = bisect.bisect_right(quotes, start, key=_open_start) - 1
    while k is not None and k >= 0:
        q = quotes[k]
        if end <= q.close_end:
            return k
        k = q.parent
    return None


def _open_start(q: Quote) -> int:
    return q.open_start


def has_quote_mark(text: str) -> bool:
    """Return True when ``text`` holds a double quotation mark of any style."""
    return any(ch in DOUBLE_MARKS for ch in text)


#: Subjects that name nobody in particular: inside a quote, "Nobody has seen a crack" is what
#: the speaker says, not a source the reporter cites.
NOBODY = frozenset(
    {
        "nobody",
        "no one",
        "no-one",
        "everyone",
        "everybody",
        "anyone",
        "anybody",
        "someone",
        "somebody",
    }
)


class _Attribution(Protocol):
    cue_start: int | None
    cue_token: int | None
    source_start: int | None
    source_end: int | None


A = TypeVar("A", bound=_Attribution)


def _imperative(doc: Doc, i: int) -> bool:
    """Return True when token ``i`` is a bare verb opening its sentence with no subject ("Believe me")."""
    tok = doc[i]
    before = [t for t in tok.sent if t.i < i and not (t.is_punct or t.is_space)]
    return (
        tok.tag_ == "VB"
        and not before
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


def without_quoted_non_sources(found: list[A], quotes: list[Quote], doc: Doc) -> list[A]:
    """Return ``found`` without attributions inside a quotation that report no one.

    A quote keeps its speaker until it closes, over sentences and paragraphs. Inside it,
    ``Okafor said: "This bridge is unsafe. Believe me, every engineer agrees."`` holds no
    second attribution: "Believe" is an imperative the speaker addresses to the listener,
    with no source; and in "Nobody has seen a crack" the subject names no one, so it is not
    an anonymous source. Other attributions inside a quote ("I think", "he told me") are kept.
    """
    text = doc.text
    kept = []
    for c in found:
        inside = (
            c.cue_start is not None and quote_of(quotes, c.cue_start, c.cue_start + 1) is not None
        )
        if (
            inside
            and c.source_start is None
            and c.cue_token is not None
            and _imperative(doc, c.cue_token)
        ):
            continue
        if inside and c.source_start is not None and c.source_end is not None:
            if text[c.source_start : c.source_end].strip().lower() in NOBODY:
                continue
        kept.append(c)
    return kept
