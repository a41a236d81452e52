"""Source state: validators, last poll, health status and since when, errors that count up and
clear on success.

In: one poll's outcome per source (status, error, links found, 404/410 streak). Out: the
`sources` rows. The pipeline decides the status; this only keeps it, with `status_since` moved
only when the status changes, so "error since three days" can be shown.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import without_password
from .base import StoreBase, iso, utcnow


class SourcesPart(StoreBase):
    """Rows of the `sources` table."""

    def source_state(self, name: str) -> dict[str, Any]:
        """The stored state of a source (empty dict when never polled)."""
        rows = list(self.query("SELECT * FROM sources WHERE name = ?", [name]))
        return rows[0] if rows else {}

    def record_poll(self, name: str, kind: str, url: str, *, status: str, new: int = 0,
                    error: str | None = None, failed: bool | None = None, resting: bool = False, links: int | None = None,
                    missing_count: int = 0, etag: str | None = None, last_modified: str | None = None,
                    frontier: str | None = None, robots_skipped: int = 0, waiting: str | None = None,
                    reach: int | None = None) -> None:
        """Remember how a poll went: a failed poll counts up, a working one clears the count and
        sets last_success, and a `resting` one (the site asked for a pause) leaves both; `error`
        is kept either way (a partial poll has one too). `frontier` (JSON; None: as it was) is
        where the listing stopped with the news still going; `robots_skipped`, the links robots.txt
        kept out; `waiting` (JSON; None: as it was), the links the poll left for the next; `reach`
        (None: as it was), the list pages its walk was given (m027)."""
        failed = bool(error) if failed is None else failed
        error = without_password(error) if error else error  # a warning naming the configured URL
        now = iso(utcnow())
        with self.writing():
            prev = self.source_state(name)
            row = {"name": name, "kind": kind, "url": url, "last_polled": now, "last_status": status,
                   "last_new": new, "last_error": error, "missing_count": missing_count,
                   "status_since": prev.get("status_since") if prev.get("last_status") == status else now,
                   "peak_links": max(prev.get("peak_links") or 0, links or 0),
                   "etag": etag if etag is not None else prev.get("etag"),
                   "last_modified": last_modified if last_modified is not None else prev.get("last_modified"),
                   "frontier": frontier if frontier is not None else prev.get("frontier"),
                   "waiting": waiting if waiting is not None else prev.get("waiting"),
                   "reach": reach if reach is not None else prev.get("reach"),
                   "robots_skipped": robots_skipped}
            if resting:
                row.update(error_count=prev.get("error_count") or 0, last_success=prev.get("last_success"))
            elif failed:
                row.update(error_count=(prev.get("error_count") or 0) + 1, last_success=prev.get("last_success"))
            else:
                row.update(error_count=0, last_success=now)
            if prev.get("url") not in (None, url):  # a changed URL: no stale ETag, no old peak
                row.update(etag=etag, last_modified=last_modified, peak_links=links or 0, frontier=frontier, reach=reach)
            self.table("sources").upsert(row, pk="name")

    def sources(self) -> list[dict[str, Any]]:
        """All source rows, by name, each with `backlog`: the list pages later polls read on from."""
        return [{**r, "backlog": backlog_pages(r.get("frontier"))}
                for r in self.query("SELECT * FROM sources ORDER BY name")]


def marks_of(frontier: str | None) -> list[dict[str, Any]]:
    """A source's stored marks (`sources.base.mark`), those that are readable; none for junk."""
    try:
        marks = json.loads(frontier or "[]")
    except ValueError:
        return []
    return [m for m in marks if isinstance(m, dict) and isinstance(m.get("url"), str) and isinstance(m.get("n"), int)
            and isinstance(m.get("since"), str)] if isinstance(marks, list) else []


def backlog_pages(frontier: str | None) -> list[int]:
    """The page numbers of a source's stored marks (where later polls read on from)."""
    return [m["n"] for m in marks_of(frontier)]
