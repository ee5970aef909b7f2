"""Articles: body text, paragraphs with offsets, metadata, and clear errors for bad input.

``load_article`` accepts a path or a URL, never the text itself (``article_from_text`` builds
an Article from text; ``sourcecrit.analyze`` takes a ``str`` as the text). Every offset sourcecrit reports
is a character offset into ``Article.text`` (the body); a metadata header, when the file has
one, is kept apart on ``Article.header``.
"""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sourcecrit.errors import (
    ArticleEncodingError,
    ArticleError,
    ArticleFetchError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
)

#: Default limit on article length, in characters of text (about 2 MB).
MAX_CHARS = 2_000_000
MAX_CHARS_ENV = "SOURCECRIT_MAX_CHARS"
#: Metadata keys an Article knows; a ``.txt`` header may set any of them.
METADATA_KEYS = ("title", "date", "outlet", "author", "url", "language")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
FETCH_TIMEOUT = 20
#: A string longer than this, or holding a line break, is not a file name.
MAX_PATH_CHARS = 4096

# Magic numbers of files students most often pick up by mistake.
_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"RIFF": "a media file",
    b"\x7fELF": "a program",
}

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
    """Return the size limit in force: the argument, ``$SOURCECRIT_MAX_CHARS``, or 2 MB."""
    if max_chars is not None:
        return max_chars
    env = os.environ.get(MAX_CHARS_ENV, "").strip()
    return int(env) if env.isdigit() else MAX_CHARS


def load_article(
    source: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_chars: int | None = None,
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

    Raises:
        ArticleError: a subclass naming the problem (missing, empty, binary, encoding,
            too large, fetch failed); a missing file's message names the file.
    """
    if isinstance(source, os.PathLike):
        return _load_path(Path(source), encoding=encoding, max_chars=max_chars)
    if not isinstance(source, str):
        raise TypeError(f"load_article expects a path or URL, not {type(source).__name__}")
    if is_url(source):
        return _load_url(source.strip(), max_chars=max_chars)
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
        metadata, header, body = split_header(text)
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


def split_header(text: str) -> tuple[dict[str, str], str, str]:
    """Split ``text`` into (metadata, header, body).

    Recognises YAML front matter (``---`` ... ``---``) and leading ``key value`` lines for
    the keys in ``METADATA_KEYS``. Leading whitespace before the header goes with it.
    """
    front = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if front:
        offset = len(text) - len(text.lstrip("\ufeff"))
        try:
            data = yaml.safe_load(front.group(1)) or {}
        except yaml.YAMLError as exc:
            raise ArticleError(
                f"The YAML front matter at the top of the article is not valid YAML: {exc}"
            ) from exc
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
    if not path.exists():
        raise ArticleNotFoundError(f"{path}: no such file. Check the name and the folder.")
    if path.is_dir():
        raise ArticleNotFoundError(f"{path} is a folder, not an article file.")
    limit = max_chars_limit(max_chars)
    size = path.stat().st_size
    # UTF-8 uses at most 4 bytes per character: a file above 4x the limit cannot fit.
    if size > 4 * limit:
        raise ArticleTooLargeError(
            f"{path}: the file is {size:,} bytes, far above the limit of {limit:,} characters. "
            f"Split the article, or raise the limit with max_chars= (or ${MAX_CHARS_ENV})."
        )
    data = path.read_bytes()
    text = decode_bytes(data, name=str(path), encoding=encoding)
    origin = str(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        return _article_from_html(text, origin=origin, max_chars=max_chars)
    return article_from_text(text, origin=origin, max_chars=max_chars)


def decode_bytes(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode file bytes to text, refusing binary files and never mangling characters.

    Raises:
        EmptyArticleError: no bytes at all.
        BinaryArticleError: an image, PDF, archive or other binary file.
        ArticleEncodingError: the bytes are not valid in the encoding given (or UTF-8);
            the message names the encoding that was detected and how to pass it.
    """
    if not data:
        raise EmptyArticleError(f"{name} is empty: there is no text to analyse.")
    for magic, kind in _SIGNATURES.items():
        if data.startswith(magic):
            raise BinaryArticleError(
                f"{name} looks like {kind}, not text. Give sourcecrit the article's text "
                "(a .txt, .md or .html file)."
            )
    if encoding is None and (data.startswith((b"\xff\xfe", b"\xfe\xff"))):
        encoding = "utf-16"
    if encoding is None and b"\x00" in data[:4096]:
        raise BinaryArticleError(
            f"{name} contains NUL bytes, so it is not a text file. Give sourcecrit the "
            "article's text (a .txt, .md or .html file)."
        )
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError as exc:
            raise ArticleEncodingError(f"{name}: {encoding!r} is not a known encoding.") from exc
        except UnicodeDecodeError as exc:
            raise ArticleEncodingError(
                f"{name} is not valid {encoding} (byte {exc.start} cannot be decoded). "
                f"Detected encoding: {detect_encoding(data) or 'unknown'}."
            ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        detected = detect_encoding(data)
        how = (
            f"It looks like {detected}: pass encoding={detected!r} "
            f"(command line: --encoding {detected}), or save the file as UTF-8."
            if detected
            else "Save the file as UTF-8, or pass its encoding with encoding=... (--encoding)."
        )
        raise ArticleEncodingError(
            f"{name} is not UTF-8 (byte {exc.start} cannot be decoded). {how}"
        ) from exc


def detect_encoding(data: bytes) -> str | None:
    """Return the most likely encoding of non-UTF-8 ``data``, or None.

    Western European text (cp1252, the superset of latin-1 that Windows writes) is by far
    the commonest case for English news, and statistical detectors misjudge short samples
    of it, so it is preferred whenever its reading gives only letters and punctuation.
    charset-normalizer decides the rest.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        odd = [ch for ch in text if ord(ch) > 127 and not (ch.isalpha() or ch in "‘’“”–—… «»€£°")]
        if not odd:
            return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


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


def _load_url(url: str, *, max_chars: int | None) -> Article:
    limit = max_chars_limit(max_chars)
    request = urllib.request.Request(url, headers={"User-Agent": "sourcecrit (education)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(8 * limit + 1)
            charset = response.headers.get_content_charset()
            ctype = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise ArticleFetchError(f"{url}: the server answered {exc.code} {exc.reason}.") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ArticleFetchError(f"{url}: could not fetch the page ({reason}).") from exc
    if len(data) > 8 * limit:
        raise ArticleTooLargeError(f"{url}: the page is larger than {8 * limit:,} bytes.")
    text = decode_bytes(data, name=url, encoding=charset)
    if ctype == "text/plain":
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


# The commonest English function words: running English prose is about 40% these.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it as was with be by on not he she i this are or his
    her from at which but have an they you were their has had been one we its there will
    would who what when all said more also than them these some can could about after
    into may over if so no our out up other then only""".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def language_warnings(text: str) -> list[str]:
    """Return a warning when ``text`` does not look like English, else an empty list.

    A light test that needs no model: the share of the commonest English function words
    among the first 2,000 words, and the share of Latin letters. Texts under 20 words are
    too short to judge.
    """
    words = _WORD.findall(text[:50_000])[:2000]
    if len(words) < 20:
        return []
    letters = "".join(words)
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    share = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS) / len(words)
    if latin / len(letters) < 0.5 or share < 0.12:
        return [
            "This text does not look like English. sourcecrit's rules and model are for "
            "English news, so its findings will be unreliable."
        ]
    return []
