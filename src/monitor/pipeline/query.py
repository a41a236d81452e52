"""Search: a query → stored articles with snippets cut from the original text.

In: a Context and a query string (`三明 "对口 合作" -三明治`). Out: result dicts.
"""

from __future__ import annotations

import shlex
from datetime import datetime

from .. import snippets, textnorm
from ..errors import InputError
from .base import Context


def parse_query(query: str) -> tuple[list[str], list[str]]:
    """Split a query into terms and excluded terms: `三明 "对口 合作" -三明治`."""
    try:
        parts = shlex.split(query)
    except ValueError:
        raise InputError(f"query {query!r}: unbalanced quotes", hint="close the quote or drop it") from None
    terms = [p for p in parts if not p.startswith("-") or len(p) == 1]
    excluded = [p[1:] for p in parts if p.startswith("-") and len(p) > 1]
    if query.strip() and not [t for t in terms if textnorm.query_phrase(t)] and not excluded:
        raise InputError(f"query {query!r} has no searchable characters", hint="search for words, e.g. 沪明 or Sanming")
    return terms, excluded


def search(ctx: Context, query: str = "", *, topic: str | None = None, source: str | None = None,
           since: datetime | None = None, limit: int = 20) -> list[dict]:
    """Stored articles for a query (all when empty), newest first, each with a snippet."""
    if topic and topic not in ctx.cfg.topics:
        raise InputError(f"unknown topic {topic!r}", hint="known topics: " + ", ".join(ctx.cfg.topics))
    terms, excluded = parse_query(query)
    rows = ctx.store.search(terms, topic=topic, source=source, since=since, limit=limit, exclude=excluded)
    results = []
    for r in rows:
        body = r["body"] or ""
        spans = snippets.find_spans(body, terms) if terms else []
        if not spans:
            spans = sorted((h.start, h.end) for h in ctx.store.hits_of(r["id"], r["topics"]) if h.field == "body")
        results.append({"id": r["id"], "title": r["title"], "url": r["url"], "source": r["source"],
                        "published": r["published"], "topics": r["topics"], "story_id": r["story_id"],
                        "reposts": r["reposts"], "snippet": snippets.cut(body, spans),
                        "terms": terms})
    return results
