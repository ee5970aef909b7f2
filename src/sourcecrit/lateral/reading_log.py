"""The reading log: one row per page a student opened while reading laterally.

Each row holds the page's address, its site (derived from the address), a one-line note and
a verdict. A page on the article's own site is flagged: checking a source by reading the
source itself is exactly what lateral reading warns against.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from sourcecrit.errors import ReadingLogError

#: What a page the student read can say about the article, with what each verdict means.
VERDICTS = {
    "confirms": "This page independently says the same as the article.",
    "contradicts": "This page says something the article's claim cannot square with.",
    "does not mention": "This page is about the topic but does not mention the claim.",
    "differs from the article": "This page tells it differently (numbers, names, wording).",
}
MAX_NOTE_CHARS = 300
MAX_URL_CHARS = 2_000

#: Second-level labels under which registries sell names (example.co.uk, example.com.au).
_SHARED_SUFFIXES = frozenset({"co", "com", "org", "net", "gov", "ac", "edu"})


@dataclass(frozen=True)
class LogEntry:
    """One page the student read: where, what they noted, and what it says about the article."""

    url: str
    note: str = ""
    verdict: str | None = None

    @property
    def site(self) -> str:
        return site_of(self.url)

    def to_dict(self) -> dict[str, str | None]:
        return {**asdict(self), "site": self.site}


def log_entry(url: str, *, note: str = "", verdict: str | None = None) -> LogEntry:
    """Return a checked :class:`LogEntry`.

    Raises:
        ReadingLogError: the address is not an http(s) web address, the note is over
            300 characters, or the verdict is not one of :data:`VERDICTS`.
    """
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise ReadingLogError(f"that address is over {MAX_URL_CHARS} characters long")
    site_of(url)  # raises for what is not a web address
    note = " ".join(note.split())
    if len(note) > MAX_NOTE_CHARS:
        raise ReadingLogError(f"keep the note to one line (at most {MAX_NOTE_CHARS} characters)")
    if verdict is not None and verdict not in VERDICTS:
        raise ReadingLogError(f"the verdict must be one of: {', '.join(VERDICTS)}")
    return LogEntry(url=url, note=note, verdict=verdict)


def site_of(url: str) -> str:
    """Return the site of a web address: its host name without ``www.`` (``en.wikipedia.org``).

    Raises:
        ReadingLogError: ``url`` is not an http or https address with a host.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        host, parts = "", None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        raise ReadingLogError(
            f"{url[:80]!r} is not a web address: paste the full address, starting with https://"
        )
    return host.removeprefix("www.")


def same_site(url: str, article_url: str | None) -> bool:
    """Return True when ``url`` is on the same site as the article (``article_url``).

    Sites are compared by their registered name (``news.example.co.uk`` and
    ``www.example.co.uk`` are one site). Unknown article address: False (cannot tell).
    """
    if not article_url:
        return False
    try:
        return _registered(site_of(url)) == _registered(site_of(article_url))
    except ReadingLogError:
        return False


def _registered(host: str) -> str:
    labels = host.lower().split(".")
    if len(labels) >= 3 and labels[-2] in _SHARED_SUFFIXES and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
