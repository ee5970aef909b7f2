"""Evidence hints about the article as a publication: who published it, and when.

IFLA's "check the date" and "consider the source": the dates an article mentions are set
against its own date, and its title, author, outlet, date and URL are listed, with an
invitation to find the ones that are missing.
"""

from __future__ import annotations

from typing import Any

from sourcecrit.checklists.dates import parse_date, parse_iso, relation, unique_by_text
from sourcecrit.checklists.evidence import Evidence, count, join

TITLES = {
    "dates": "Dates against the article's date",
    "byline": "Who published it, and when",
}


def dates(analysis: Any) -> Evidence | None:
    """Return the dates the article mentions, each set against the article's own date.

    Reads the DATE entities of ``analysis.doc`` (spaCy's named-entity recogniser); returns
    None when the Analysis has no Doc. A day and month without a year take the article's
    year (or the year before, when that would put them more than half a year after it).
    """
    doc = getattr(analysis, "doc", None)
    if doc is None:
        return None
    own_date = parse_iso(getattr(analysis.article, "date", None))
    mentions = [
        (ent.start_char, ent.end_char, ent.text) for ent in doc.ents if ent.label_ == "DATE"
    ]
    rows = []
    for start, end, text in mentions:
        parsed = parse_date(text, reference=own_date)
        rows.append({"text": text, "start": start, "end": end, **parsed})
    if not rows:
        message = "The article mentions no dates."
    else:
        described = []
        for row in unique_by_text(rows):
            described.append(f"{row['text']} ({relation(row, own_date)})")
        message = f"It mentions {count(len(rows), 'date')}: {join(described)}."
        if own_date is None:
            message = (
                "The article carries no date of its own, so these cannot be checked against it. "
                + message
            )
        else:
            later = [r["text"] for r in rows if r["date"] and r["date"] > own_date.isoformat()]
            message = f"The article is dated {own_date.isoformat()}. " + message
            if later:
                message += (
                    " Later than the article itself: " + join(later) + " (a plan, or a "
                    "sign the date is wrong?)."
                )
            else:
                message += " None is later than the article's own date."
    return Evidence(
        "dates",
        TITLES["dates"],
        message,
        tuple((r["start"], r["end"]) for r in rows),
        tuple("date" for _ in rows),
        {"article_date": own_date.isoformat() if own_date else None, "mentions": rows},
    )


#: How a student can find each piece of metadata the article file does not give.
FIND_MISSING = {
    "title": "search a distinctive phrase of the first sentence, in quotes, to find the original page",
    "author": "look for a byline on the original page; no author at all is worth noting",
    "outlet": "find the original page (search a phrase of the first sentence in quotes)",
    "date": "find the original page's date, or the earliest copy a search finds",
    "url": "search a phrase of the first sentence in quotes and keep the original's address",
}


def byline(analysis: Any) -> Evidence:
    """Return which of title, author, outlet, date and URL the article comes with.

    For each one missing, say that it is unknown and how a student can find it; for the
    outlet, send the student away from it: what others say about an outlet is the check
    (lateral reading, Wineburg & McGrew 2019), not what its own pages say.
    """
    metadata = dict(getattr(analysis.article, "metadata", {}) or {})
    keys = ("title", "author", "outlet", "date", "url")
    present = {k: metadata[k] for k in keys if metadata.get(k)}
    missing = [k for k in keys if k not in present]
    if present:
        message = "The article comes with " + join(f"{k}: {v}" for k, v in present.items()) + "."
    else:
        message = "The article comes with no title, author, outlet, date or URL."
    if missing:
        message += (
            " Unknown here: "
            + join(missing)
            + ". Find them: "
            + "; ".join(f"{k}: {FIND_MISSING[k]}" for k in missing)
            + "."
        )
    outlet = present.get("outlet")
    target = f"“{outlet}”" if outlet else "the outlet's name"
    message += (
        f" Then leave the article: search {target} on other sites (with words like "
        "“owner” or “funding”, or on Wikipedia) to learn who runs it; what an outlet "
        "says about itself is not the check."
    )
    return Evidence(
        "byline", TITLES["byline"], message, (), (), {"present": present, "missing": missing}
    )
