"""The orchestrator: the only code that calls the stages, in this order.

source → fetch → extract → normalise → match → dedup → store → digest → notify

- `cycle.py` + `steps.py`: the one poll cycle: source → fetch → extract, then `ingest`;
- `ingest.py`: normalise → match → dedup → store, in batches (also for `import`);
- `checks.py`: which rules and engine each stored verdict was made by; `catch_up` at start
  (the daemon: `match_unchecked` in the background), `rematch`;
- `importer.py`: JSON Lines → articles for `ingest` (the lines read and parsed by `importlines.py`,
  their keys and dates by `importkeys.py` and `importdates.py`; digest marks by `backfill.py`);
- `deliver.py`: store → digest → notify;
- `query.py`: search over the store.

In: a `Context` (config, store, fetcher). Out: reports. Never prints: the CLI shows the reports.
"""

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names are, for mypy; at run time each is loaded on first use
    from .base import Context, DigestResult, ImportReport, Ingested
    from .checks import catch_up, match_unchecked, rematch
    from .cycle import poll, poll_source, run_cycle
    from .deliver import build_digest, channel_key, mark_read, recent_stories, retry_due, send_digests
    from .importer import import_lines, parse_when
    from .importlines import article_from_json
    from .ingest import Ingestor, ingest, ingest_many
    from .query import Page, parse_query, search, search_page

# Name → the module that defines it. Loaded on first use, so `monitor search` or `feed` does not
# import the fetcher (httpx), feedparser and the extractor that only polling needs.
_WHERE = {
    "Context": "base", "DigestResult": "base", "ImportReport": "base", "Ingested": "base",
    "run_cycle": "cycle", "poll": "cycle", "poll_source": "cycle",
    "build_digest": "deliver", "channel_key": "deliver", "recent_stories": "deliver", "retry_due": "deliver",
    "send_digests": "deliver", "mark_read": "deliver",
    "article_from_json": "importlines", "import_lines": "importer", "parse_when": "importer",
    "Ingestor": "ingest", "catch_up": "checks", "ingest": "ingest", "ingest_many": "ingest", "rematch": "checks",
    "match_unchecked": "checks",
    "Page": "query", "parse_query": "query", "search": "query", "search_page": "query",
}
__all__ = ["Context", "DigestResult", "ImportReport", "Ingested", "Ingestor", "Page", "article_from_json",
           "build_digest", "catch_up", "channel_key", "import_lines", "ingest", "ingest_many", "mark_read", "match_unchecked",
           "parse_query",
           "parse_when", "poll", "poll_source", "recent_stories", "rematch", "retry_due", "run_cycle",
           "search", "search_page", "send_digests"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """`pipeline.ingest` names a function, as it did when this package imported everything:
    importing the submodule of the same name must not rebind it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "ingest" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
