"""Articles: body text, paragraphs with offsets, metadata, and clear errors for bad input.

``load_article`` accepts a path or a URL, never the text itself (``article_from_text`` builds
an Article from text; ``sourcecrit.analyze`` takes a ``str`` as the text). Every offset sourcecrit reports
is a character offset into ``Article.text`` (the body); a metadata header, when the file has
one, is kept apart on ``Article.header``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcecrit.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    SettingError,
    YAMLFileError,
)
from sourcecrit.language import language_warnings
from sourcecrit.reading import FETCH_TIMEOUT, decode_bytes, detect_encoding, fetch, read_file
from sourcecrit.yamlfile import load_front_matter

__all__ = [
    "Article",
    "Paragraph",
    "article_from_text",
    "decode_bytes",
    "detect_encoding",
    "language_warnings",
    "load_article",
    "max_chars_limit",
    "paragraphs",
    "split_header",
    "without_surrogates",
]

#: Default limit on article length, in characters of text (about 2 MB).
MAX_CHARS = 2_000_000
MAX_CHARS_ENV = "SOURCECRIT_MAX_CHARS"
#: Metadata keys an Article knows; a ``.txt`` header may set any of them.
METADATA_KEYS = ("title", "date", "outlet", "author", "url", "language")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
#: A string longer than this, or holding a line break, is not a file name.
MAX_PATH_CHARS = 4096

# A header line: a known key, whitespace, a value. Dates stop at the date itself because
# the flagship file runs its header into the first paragraph on the same line.
_DATE_HEADER = re.compile(r"(date)[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n)", re.IGNORECASE)
_LINE_HEADER = re.compile(r"(title|outlet|author|url|language)[ \t]+(\S[^\n]*)\n", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_HTML_START = re.compile(r"\A\s*(<!doctype html|<html[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: ``article.text[start:end] == paragraph.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Article:
    """A news article: body text, metadata, and where it came from.

    Attributes:
        text: the body; all offsets refer to it.
        metadata: title, date, outlet, author, url, language (missing ones are absent).
        header: the metadata header as it stood in the file, or "".
        origin: the path or URL it was loaded from, or None for text given directly.
        warnings: things a reader should know (e.g. the text does not look English).
    """

    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    header: str = ""
    origin: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.metadata.get("title")

    @property
    def date(self) -> str | None:
        return self.metadata.get("date")

    @property
    def outlet(self) -> str | None:
        return self.metadata.get("outlet")

    @property
    def author(self) -> str | None:
        return self.metadata.get("author")

    @property
    def url(self) -> str | None:
        return self.metadata.get("url")

    @property
    def language(self) -> str | None:
        return self.metadata.get("language")

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs split at blank lines, with offsets into ``text``."""
        return paragraphs(self.text)

    @property
    def name(self) -> str:
        """A short name for messages and tables: the file name, URL, title or 'text'."""
        if self.origin:
            return Path(self.origin).name if "://" not in self.origin else self.origin
        return self.title or "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "metadata": dict(self.metadata),
            "header": self.header,
            "origin": self.origin,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            text=data["text"],
            metadata=dict(data.get("metadata") or {}),
            header=data.get("header") or "",
            origin=data.get("origin"),
            warnings=list(data.get("warnings") or []),
        )


def paragraphs(text: str) -> list[Paragraph]:
    """Return the paragraphs of ``text`` (split at blank lines) with character offsets."""
    out: list[Paragraph] = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            out.append(Paragraph(len(out), start, start + len(stripped), stripped))
        if match:
            pos = match.end()
    return out


def max_chars_limit(max_chars: int | None = None) -> int:
    """Return the size limit in force: the argument, ``$SOURCECRIT_MAX_CHARS``, or 2 MB.

    Raises:
        SettingError: the argument or the variable is not a whole number above 0.
    """
    if max_chars is not None:
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise SettingError(
                f"max_chars must be a whole number of characters above 0, not {max_chars!r}."
            )
        return max_chars
    env = os.environ.get(MAX_CHARS_ENV, "").strip()
    if not env:
        return MAX_CHARS
    if not env.isascii() or not env.isdigit() or int(env) < 1:
        raise SettingError(
            f"${MAX_CHARS_ENV} is {env!r}: it must be a whole number of characters above 0 "
            f"(the default is {MAX_CHARS:,}). Fix or unset it."
        )
    return int(env)


def load_article(
    source: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_chars: int | None = None,
    timeout: float | None = None,
) -> Article:
    """Load an article from a file path or an http(s) URL; never treats ``source`` as text.

    ``.txt`` files may start with ``key value`` header lines (``date 2024-03-10``); Markdown
    files may carry YAML front matter; ``.html`` files and URLs go through trafilatura,
    which keeps the main text and its metadata. A ``str`` is a URL when it starts with
    ``http://`` or ``https://`` and a file path otherwise. To build an Article from text
    you already hold, use :func:`article_from_text` (or pass the text to ``analyze``).

    Args:
        source: a path (``pathlib.Path`` or ``str``) or an http(s) URL.
        encoding: the file's text encoding when it is not UTF-8 (e.g. ``"cp1252"``).
        max_chars: size limit in characters (default ``$SOURCECRIT_MAX_CHARS`` or 2 MB).
            A file is read up to 4 bytes per character, a web page up to 8.
        timeout: seconds a URL fetch may take in all (default 20).

    Raises:
        ArticleError: a subclass naming the problem and the file or URL (missing, not an
            ordinary file, unreadable, empty, binary, encoding, too large, fetch failed).
        SettingError: ``max_chars`` or ``$SOURCECRIT_MAX_CHARS`` is not a number above 0.
    """
    if isinstance(source, os.PathLike):
        return _load_path(Path(source), encoding=encoding, max_chars=max_chars)
    if not isinstance(source, str):
        raise TypeError(f"load_article expects a path or URL, not {type(source).__name__}")
    if is_url(source):
        return _load_url(source.strip(), max_chars=max_chars, timeout=timeout)
    if "\n" in source.strip() or len(source) > MAX_PATH_CHARS:
        raise ArticleNotFoundError(
            "load_article takes a file path or a URL, and this looks like article text "
            f"({len(source):,} characters). Pass the text to analyze() or article_from_text()."
        )
    return _load_path(Path(source), encoding=encoding, max_chars=max_chars)


def article_from_text(
    text: str, *, origin: str | None = None, max_chars: int | None = None, verbatim: bool = False
) -> Article:
    """Build an Article from text: strip a metadata header, check size, flag non-English.

    With ``verbatim=True`` (what ``analyze`` does with a ``str``) the text is kept exactly
    as given: no header is taken off and HTML is not extracted, so offsets refer to it.
    """
    if "\x00" in text:
        raise BinaryArticleError(
            f"{origin or 'The text'} contains NUL bytes, so it is not plain text. "
            "Give sourcecrit the article's text (a .txt, .md or .html file)."
        )
    if not verbatim and _HTML_START.match(text):
        return _article_from_html(text, origin=origin, max_chars=max_chars)
    metadata: dict[str, str] = {}
    header = ""
    body = text
    if not verbatim:
        metadata, header, body = split_header(text, source=origin or "article")
    _check_text(body, origin=origin, max_chars=max_chars)
    article = Article(text=body, metadata=metadata, header=header, origin=origin)
    article.warnings.extend(language_warnings(body))
    return article


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(article: Article) -> Article:
    """Return ``article`` with lone surrogates (not valid Unicode) replaced by U+FFFD.

    Python strings can hold them (JSON ``"\\ud800"``, file names read with
    ``surrogateescape``), but no encoder and not spaCy can. One code point replaces one, so
    every offset still refers to the same characters; a warning says how many there were.
    """
    fields = [article.text, article.header, *article.metadata.values()]
    if not any(_SURROGATE.search(value) for value in fields):
        return article
    count = len(_SURROGATE.findall(article.text))
    return Article(
        text=_SURROGATE.sub("\ufffd", article.text),
        metadata={k: _SURROGATE.sub("\ufffd", v) for k, v in article.metadata.items()},
        header=_SURROGATE.sub("\ufffd", article.header),
        origin=article.origin,
        warnings=[
            *article.warnings,
            f"The text held {count} lone surrogate code point(s), which are not valid "
            "Unicode; each was replaced by \ufffd (offsets are unchanged).",
        ],
    )


def split_header(text: str, *, source: str = "article") -> tuple[dict[str, str], str, str]:
    """Split ``text`` into (metadata, header, body).

    Recognises YAML front matter (``---`` ... ``---``) and leading ``key value`` lines for
    the keys in ``METADATA_KEYS``. Leading whitespace before the header goes with it.

    Raises:
        ArticleError: the front matter is not valid YAML data (naming ``source`` and the
            line), its aliases expand past the limit, or it nests too deep.
    """
    front = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if front:
        offset = len(text) - len(text.lstrip("\ufeff"))
        try:  # the one YAML loader: file:line errors, alias and depth limits (issue 16)
            data = load_front_matter(front.group(1), source=source, first_line=2)
        except YAMLFileError as exc:
            raise ArticleError(f"The YAML front matter is not valid YAML: {exc}") from None
        if not isinstance(data, dict):
            data = {}
        metadata = {str(k).lower(): str(v) for k, v in data.items() if v is not None}
        end = offset + front.end()
        return metadata, text[:end], text[end:]

    metadata = {}
    pos = len(text) - len(text.lstrip())
    while True:
        rest = text[pos:]
        match = _DATE_HEADER.match(rest) or _LINE_HEADER.match(rest)
        if not match or match.group(1).lower() in metadata:
            break
        metadata[match.group(1).lower()] = match.group(2).strip()
        pos += match.end()
        pos += len(text[pos:]) - len(text[pos:].lstrip())
    if not metadata:
        return {}, "", text
    return metadata, text[:pos], text[pos:]


def is_url(source: str) -> bool:
    """Return True when ``source`` is a single http(s) URL."""
    stripped = source.strip()
    return bool(re.match(r"https?://\S+$", stripped, re.IGNORECASE))


def _load_path(path: Path, *, encoding: str | None, max_chars: int | None) -> Article:
    try:
        path = path.expanduser()
    except RuntimeError:  # "~nobody/story.txt": no such user; the name stays as given
        pass
    # UTF-8 uses at most 4 bytes per character: a file above 4x the limit cannot fit.
    data = read_file(path, max_bytes=4 * max_chars_limit(max_chars))
    text = decode_bytes(data, name=str(path), encoding=encoding)
    origin = str(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        return _article_from_html(text, origin=origin, max_chars=max_chars)
    return article_from_text(text, origin=origin, max_chars=max_chars)


def _article_from_html(html: str, *, origin: str | None, max_chars: int | None) -> Article:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc: dict[str, Any] = {}
    if result is not None:
        doc = result if isinstance(result, dict) else result.as_dict()
    text = (doc.get("text") or "").strip()
    where = origin or "The HTML"
    if not text:
        raise EmptyArticleError(f"{where}: no article text could be found in the HTML page.")
    found = {
        "title": doc.get("title"),
        "date": doc.get("date"),
        "outlet": doc.get("sitename"),
        "author": doc.get("author"),
        "url": doc.get("url") or (origin if origin and "://" in origin else None),
        "language": doc.get("language"),
    }
    metadata = {k: str(v) for k, v in found.items() if v}
    # trafilatura separates paragraphs with single newlines; blank lines keep paragraphs
    # visible to `paragraphs()` and to the sentence splitter.
    text = re.sub(r"\n+", "\n\n", text)
    # The headline is kept as metadata; leaving it in the body would make it the lede.
    title = metadata.get("title")
    if title and text.startswith(title + "\n\n"):
        text = text[len(title) + 2 :]
    _check_text(text, origin=origin, max_chars=max_chars)
    article = Article(text=text, metadata=metadata, header="", origin=origin)
    article.warnings.extend(language_warnings(text))
    return article


def _load_url(url: str, *, max_chars: int | None, timeout: float | None) -> Article:
    # An HTML page carries markup around its text: allow 8 bytes per character.
    page = fetch(url, max_bytes=8 * max_chars_limit(max_chars), timeout=timeout or FETCH_TIMEOUT)
    text = decode_bytes(page.data, name=url, encoding=page.charset)
    if page.content_type == "text/plain":
        return article_from_text(text, origin=url, max_chars=max_chars)
    return _article_from_html(text, origin=url, max_chars=max_chars)


def _check_text(text: str, *, origin: str | None, max_chars: int | None) -> None:
    where = origin or "The text"
    if not text.strip():
        raise EmptyArticleError(
            f"{where} is empty"
            + (" or holds only whitespace" if text else "")
            + ": there is no text to analyse."
        )
    limit = max_chars_limit(max_chars)
    if len(text) > limit:
        raise ArticleTooLargeError(
            f"{where} has {len(text):,} characters, above the limit of {limit:,}. "
            f"Split the article, or raise the limit with max_chars= (or ${MAX_CHARS_ENV})."
        )
