"""Plain text made safe to place in Markdown: the one helper every Markdown export uses.

Titles, intros and credits come from instructors' YAML; answers and names come from
students. Written into Markdown as they are, ``<script>`` or ``<img src=x onerror=...>``
would be raw HTML for the renderer, and ``*``, ``_`` or ``[`` would turn into formatting
or links. A backslash before an ASCII punctuation character makes CommonMark (and the
``marked`` renderer JupyterLab uses) show the character itself (CommonMark 0.31, section
2.4 "Backslash escapes"), so the reader sees exactly what was typed.
"""

from __future__ import annotations

#: Characters that start HTML, entities, emphasis, code, links, headings or table cells.
MARKDOWN_SIGNIFICANT = "\\`*_[]<>#|&!~$"


def markdown_text(text: str, *, one_line: bool = False) -> str:
    """Return ``text`` with every Markdown- and HTML-significant character backslash-escaped.

    Args:
        text: plain text from a data file or a learner.
        one_line: fold line breaks and runs of spaces into one space, for headings, list
            items and table cells, where a line break would end the element and start a
            new block (a line starting with ``<script>`` would be an HTML block).
    """
    if one_line:
        text = " ".join(text.split())
    return "".join("\\" + ch if ch in MARKDOWN_SIGNIFICANT else ch for ch in text)
