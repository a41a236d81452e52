"""Per-source limits on what an article may match: the source's `topics` and `max_age_days`.

In: the config, the article's source name, its page date and when it was fetched, and the
topic verdicts the matcher gave. Out: the verdicts to store. A topic the source is not
restricted to, or any topic for an article whose page date was older than the source's
`max_age_days` when it was fetched, becomes "not matched" with the reason, so the article is
stored as seen, never reaches a digest, and the start-up catch-up does not match it again.
The age limit is a poll's (old pages a listing still shows are no news): an article `monitor
import` stored is an archive asked for, matched however old (`imported`, m026).
Pure: ingest, catch-up and rematch all pass their verdicts through here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any

from ..config import Config
from ..models import Match


def source_verdicts(cfg: Config, source: str, published: Any, verdicts: list[Match],
                    fetched: Any = None, imported: bool = False) -> list[Match]:
    """`verdicts` with the source's topic restriction and (unless `imported`) age limit applied."""
    src = next((s for s in cfg.sources if s.name == source), None)
    if src is None or not (src.topics or src.max_age):
        return verdicts
    old = not imported and _older(published, fetched, src.max_age)
    out = []
    for v in verdicts:
        if v.matched and src.topics and v.topic not in src.topics:
            v = replace(v, matched=False, reason=f"source {source} is limited to topics {', '.join(src.topics)}")
        elif v.matched and old:
            v = replace(v, matched=False, reason=f"published over {src.max_age:g} days before it was fetched "
                                                 f"(max_age_days of source {source})")
        out.append(v)
    return out


def _older(published: Any, fetched: Any, days: float | None) -> bool:
    when, seen = aware(published), aware(fetched) or datetime.now(timezone.utc)
    return bool(days and when and seen - when > timedelta(days=days))


def aware(value: Any) -> datetime | None:
    """A datetime (or ISO string) as an aware one, UTC when it has no offset; None for anything else."""
    if isinstance(value, str) and value:
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
