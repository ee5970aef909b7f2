"""Leaving the page: search links, claims to trace, and the reading log (lateral reading).

from sourcecrit.lateral import search_links, claims
search_links(analysis)   # the searches to run elsewhere, as links
claims(analysis)         # the claims worth tracing to their origin
"""

from sourcecrit.lateral.claims import CLAIM_COLUMNS, TRACE_STATUSES, claims
from sourcecrit.lateral.links import LINK_COLUMNS, search_links
from sourcecrit.lateral.reading_log import (
    VERDICTS,
    LogEntry,
    ReadingLogError,
    log_entry,
    same_site,
    site_of,
)
from sourcecrit.lateral.sites import SearchSite, SearchSites, SearchSitesError, load_search_sites

__all__ = [
    "CLAIM_COLUMNS",
    "LINK_COLUMNS",
    "TRACE_STATUSES",
    "VERDICTS",
    "LogEntry",
    "ReadingLogError",
    "SearchSite",
    "SearchSites",
    "SearchSitesError",
    "claims",
    "load_search_sites",
    "log_entry",
    "same_site",
    "search_links",
    "site_of",
]
