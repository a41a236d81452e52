"""The orchestrator: the only code that calls the stages, in this order.

source → fetch → extract → normalise → match → dedup → store → digest → notify

- `cycle.py` + `poll.py`: the one poll cycle: source → fetch → extract, then `ingest`;
- `ingest.py`: normalise → match → dedup → store, in batches (also for `import`, `rematch`, `catch_up`);
- `importer.py`: JSON Lines → articles for `ingest`;
- `deliver.py`: store → digest → notify;
- `query.py`: search over the store.

In: a `Context` (config, store, fetcher). Out: reports. Never prints: the CLI shows the reports.
"""

from .base import Context, DigestResult, ImportReport, Ingested
from .cycle import run_cycle
from .deliver import build_digest, channel_key, recent_stories, retry_due, send_digests
from .importer import article_from_json, import_lines, parse_when
from .ingest import Ingestor, catch_up, ingest, ingest_many, rematch
from .poll import poll, poll_source
from .query import Page, parse_query, search, search_page

__all__ = ["Context", "DigestResult", "ImportReport", "Ingested", "Ingestor", "Page", "article_from_json",
           "build_digest", "catch_up", "channel_key", "import_lines", "ingest", "ingest_many", "parse_query",
           "parse_when", "poll", "poll_source", "recent_stories", "rematch", "retry_due", "run_cycle", "search", "search_page",
           "send_digests"]
