"""Source state: validators, last poll, errors that count up and clear on success."""

from __future__ import annotations

from typing import Any

from .base import StoreBase, iso, utcnow


class SourcesPart(StoreBase):
    """Rows of the `sources` table."""

    def source_state(self, name: str) -> dict[str, Any]:
        """The stored state of a source (empty dict when never polled)."""
        rows = list(self.db.query("SELECT * FROM sources WHERE name = ?", [name]))
        return rows[0] if rows else {}

    def record_poll(self, name: str, kind: str, url: str, *, status: str, new: int = 0,
                    error: str | None = None, etag: str | None = None, last_modified: str | None = None) -> None:
        """Remember how a poll went: errors count up, success clears them."""
        now = iso(utcnow())
        prev = self.source_state(name)
        row = {"name": name, "kind": kind, "url": url, "last_polled": now, "last_status": status,
               "last_new": new, "etag": etag if etag is not None else prev.get("etag"),
               "last_modified": last_modified if last_modified is not None else prev.get("last_modified")}
        if error:
            row.update(last_error=error, error_count=(prev.get("error_count") or 0) + 1,
                       last_success=prev.get("last_success"))
        else:
            row.update(last_error=None, error_count=0, last_success=now)
        if prev.get("url") not in (None, url):  # a changed URL must not send a stale ETag
            row.update(etag=etag, last_modified=last_modified)
        self.table("sources").upsert(row, pk="name")

    def sources(self) -> list[dict[str, Any]]:
        """All source rows, by name."""
        return list(self.db.query("SELECT * FROM sources ORDER BY name"))
