"""Links a poll left for later: what `fetch.max_articles_per_poll` or the source's deadline
deferred, remembered with the source so the next poll takes them first.

A busy list (60 new items a poll, a cap of 20) scrolls: the 40 deferred links may be off its
page by the next poll, and were never fetched. Now they are kept in the source's row (`waiting`,
JSON: url, title, listing date; newest first), the next poll takes them before the listing's
new links, and links stored, aliased or given up since (or turned away by the source's rules as they
are at that poll: max_age_days, link_pattern, exclude_pattern) leave it. At most MAX_WAITING are kept
(the first of the queue: links deferred longest and still listed come back with the list).
In: the source's stored state and a poll's chosen and left links. Out: candidates, JSON. Pure.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ..models import Candidate

MAX_WAITING = 500  # a source's remembered links (a few polls of a busy list)


def of(state: dict[str, Any]) -> list[Candidate]:
    """The links earlier polls left for this one, as stored (none for junk)."""
    try:
        rows = json.loads(state.get("waiting") or "[]")
    except ValueError:
        return []
    out = []
    for row in rows if isinstance(rows, list) else ():
        if not isinstance(row, dict) or not isinstance(row.get("url"), str):
            continue
        title = row.get("title") if isinstance(row.get("title"), str) else None
        try:
            when = datetime.fromisoformat(row["published"]) if isinstance(row.get("published"), str) else None
        except ValueError:
            when = None
        out.append(Candidate(url=row["url"], title=title, published=when))
    return out[:MAX_WAITING]


def dump(cands: list[Candidate]) -> str:
    """The links to keep for the next poll, as stored."""
    return json.dumps([{"url": c.url, "title": c.title, "published": c.published.isoformat() if c.published else None}
                       for c in cands[:MAX_WAITING]], ensure_ascii=False)
