"""An article's bytes, read safely from a file or a URL, and decoded to text.

Limits (README states them): a file or page is read with a byte cap, counted while
reading, never trusted from the file's size on disk (``/dev/zero`` reports 0 bytes); only
regular files are read (a FIFO would block forever, a device never ends); a fetch has an
overall deadline, for connecting, the headers and the body together, so a server that
trickles one byte at a time cannot hold it. Every failure is an ``ArticleError`` subclass
that names the file or URL and says why.
"""

from __future__ import annotations

import errno
import http.client
import os
import socket
import stat
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcecrit.errors import (
    ArticleEncodingError,
    ArticleFetchError,
    ArticleNotFoundError,
    ArticleReadError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
)

#: Seconds a whole fetch may take: connecting, headers and body.
FETCH_TIMEOUT = 20.0
_READ_SIZE = 64 * 1024

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


# -- files ---------------------------------------------------------------------------------


def read_file(path: Path, *, max_bytes: int) -> bytes:
    """Return the bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    The file is opened without blocking (a FIFO would otherwise wait for a writer
    forever), checked to be a regular file on the open descriptor, and read in pieces
    until ``max_bytes`` is passed, whatever size the file claims.

    Raises:
        ArticleNotFoundError: no such file, or a folder, or not a possible file name.
        ArticleReadError: not a regular file, permission denied, a symbolic-link loop or
            any other OS error; the message names the file and the reason.
        ArticleTooLargeError: more than ``max_bytes`` bytes.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except ValueError:  # an embedded NUL character
        raise ArticleNotFoundError(f"{str(path)!r} is not a possible file name.") from None
    except OSError as exc:
        raise _os_error(path, exc) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ArticleNotFoundError(f"{path} is a folder, not an article file.")
        if not stat.S_ISREG(info.st_mode):
            raise ArticleReadError(
                f"{path} is not an ordinary file (it is a pipe, device or socket): "
                "sourcecrit reads only files saved on disk."
            )
        pieces: list[bytes] = []
        total = 0
        while total <= max_bytes:
            piece = os.read(fd, min(_READ_SIZE, max_bytes + 1 - total))
            if not piece:
                break
            pieces.append(piece)
            total += len(piece)
    except OSError as exc:
        raise _os_error(path, exc) from exc
    finally:
        os.close(fd)
    if total > max_bytes:
        raise ArticleTooLargeError(
            f"{path}: the file is larger than {max_bytes:,} bytes, more than the size limit "
            "allows. Split the article, or raise the limit with max_chars= "
            "(or $SOURCECRIT_MAX_CHARS)."
        )
    return b"".join(pieces)


def _os_error(path: Path, exc: OSError) -> ArticleNotFoundError | ArticleReadError:
    if isinstance(exc, FileNotFoundError):
        return ArticleNotFoundError(f"{path}: no such file. Check the name and the folder.")
    if isinstance(exc, IsADirectoryError):
        return ArticleNotFoundError(f"{path} is a folder, not an article file.")
    if isinstance(exc, PermissionError):
        return ArticleReadError(
            f"{path}: permission denied, so the file cannot be read. Copy it somewhere "
            "you can read, or ask the file's owner."
        )
    if exc.errno == errno.ELOOP:
        return ArticleReadError(f"{path}: a symbolic link that leads back to itself (a loop).")
    if exc.errno == errno.ENAMETOOLONG:
        return ArticleNotFoundError(f"{str(path)[:80]}...: the file name is too long.")
    return ArticleReadError(f"{path}: cannot be read ({exc.strerror or exc}).")


# -- URLs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """What a fetch brought back: the body and what its headers say about it."""

    data: bytes
    charset: str | None
    content_type: str


class _Watchdog:
    """Shut down the sockets of a fetch when its deadline passes.

    urllib's timeout applies to each socket operation, so a server sending a byte every
    few seconds never trips it; shutting the socket down wakes the blocked read at once.
    """

    def __init__(self, seconds: float):
        self.deadline = time.monotonic() + seconds
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            if sock is not None:
                self._sockets.append(sock)
            if self.fired:
                self._shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket | None) -> None:
        if sock is None:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def connection(self, base: type[http.client.HTTPConnection]) -> Any:
        watchdog = self

        class Watched(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                super().connect()
                watchdog.watch(self.sock)

        return Watched


def _opener(watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req: Any) -> Any:
            return self.do_open(watchdog.connection(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req: Any) -> Any:
            return self.do_open(
                watchdog.connection(http.client.HTTPSConnection),
                req,
                context=self._context,  # type: ignore[attr-defined]
            )

    return urllib.request.build_opener(HTTP, HTTPS)


def fetch(url: str, *, max_bytes: int, timeout: float = FETCH_TIMEOUT) -> Page:
    """Fetch ``url`` within ``timeout`` seconds in all and return its body.

    Raises:
        ArticleFetchError: any failure (bad URL, refused, HTTP error status, malformed
            answer, a body shorter than its ``Content-Length``, the deadline passed); the
            message names the URL and the reason.
        ArticleTooLargeError: the body is over ``max_bytes``.
    """
    with _Watchdog(timeout) as watchdog:
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "sourcecrit (education)"})
            with _opener(watchdog).open(request, timeout=timeout) as response:
                data = _read_body(response, max_bytes=max_bytes, url=url)
                declared = response.headers.get("Content-Length")
                charset = response.headers.get_content_charset()
                ctype = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            raise ArticleFetchError(
                f"{url}: the server answered {exc.code} {exc.reason}."
            ) from None
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
            if watchdog.fired:
                raise _too_slow(url, timeout) from None
            reason = getattr(exc, "reason", None) or exc
            name = type(exc).__name__
            raise ArticleFetchError(
                f"{url}: could not fetch the page ({name}: {reason})."
            ) from None
    if watchdog.fired:
        raise _too_slow(url, timeout)
    if declared is not None and declared.strip().isdigit() and len(data) < int(declared):
        raise ArticleFetchError(
            f"{url}: the page was cut short ({len(data):,} of the {int(declared):,} bytes "
            "the server announced), so the article would be incomplete. Try again later."
        )
    return Page(data=data, charset=charset, content_type=ctype)


def _read_body(response: Any, *, max_bytes: int, url: str) -> bytes:
    pieces: list[bytes] = []
    total = 0
    while total <= max_bytes:
        # read1 returns what one read brings, so the deadline is checked between bytes
        # trickling in (read(n) would wait for all n).
        piece = response.read1(_READ_SIZE)
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
    if total > max_bytes:
        raise ArticleTooLargeError(f"{url}: the page is larger than {max_bytes:,} bytes.")
    return b"".join(pieces)


def _too_slow(url: str, timeout: float) -> ArticleFetchError:
    return ArticleFetchError(
        f"{url}: no complete answer within {timeout:g} seconds (the server is too slow or "
        "stopped sending). Try again later, or save the page and load the file."
    )


# -- decoding ------------------------------------------------------------------------------


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
        utf16 = utf16_without_bom(data)
        if utf16:
            raise ArticleEncodingError(
                f"{name} looks like {utf16.upper()} text without a byte-order mark. Pass "
                f"encoding={utf16!r} (command line: --encoding {utf16}), or save the file "
                "as UTF-8."
            )
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


def utf16_without_bom(data: bytes) -> str | None:
    """Return ``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` reads as such, else None.

    Text in a Latin script saved as UTF-16 has a NUL in every other byte (the high byte of
    each character): in the odd positions for little-endian, the even ones for big-endian.
    """
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return None
    half = len(sample) // 2
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    for encoding, high, low in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if high >= 0.6 and low <= 0.05:
            try:
                data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


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
        odd = [ch for ch in text if ord(ch) > 127 and not (ch.isalpha() or ch in "‘’“”–—… «»€£°")]
        if not odd:
            return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None
