"""Search: FTS5 over textnorm's bigram tokens, each query term one bigram phrase.

FTS5 does not segment Chinese, so the index holds bigram tokens keyed by article id. Snippets
are cut from the original text in Python, never by FTS5."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from .. import textnorm
from ..errors import StoreError
from .base import StoreBase, iso


class SearchPart(StoreBase):
    """Queries over `articles_fts`."""

    topics_of: Callable[[Iterable[int]], dict[int, list[str]]]  # from MatchesPart, mixed in beside this one

    def search(self, terms: list[str], *, topic: str | None = None, source: str | None = None,
               since: datetime | None = None, limit: int = 20, exclude: list[str] | None = None) -> list[dict]:
        """Articles containing every term (none of `exclude`), newest first, with their topics."""
        where: list[str] = []
        params: list[Any] = []
        phrases = [textnorm.query_phrase(t) for t in terms if t.strip()]
        phrases = [p for p in phrases if p]
        negatives = [p for p in (textnorm.query_phrase(t) for t in exclude or []) if p]
        if phrases:
            expr = " AND ".join(phrases) + "".join(f" NOT {n}" for n in negatives)
            where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(expr)
        elif negatives:
            where.append("a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(" OR ".join(negatives))
        if topic:
            where.append("a.id IN (SELECT article_id FROM article_topics WHERE topic = ?)")
            params.append(topic)
        if source:
            where.append("a.source = ?")
            params.append(source)
        if since:
            where.append("coalesce(a.published, a.fetched_at) >= ?")
            params.append(iso(since))
        sql = ("SELECT a.*, (SELECT count(*) - 1 FROM articles b WHERE b.story_id = a.story_id) AS reposts "
               "FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY coalesce(a.published, a.fetched_at) DESC, a.id DESC LIMIT ?")
        try:
            rows = list(self.db.query(sql, params + [limit]))
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}", hint="simplify the query") from None
        topics = self.topics_of(r["id"] for r in rows)
        for r in rows:
            r["topics"] = topics[r["id"]]
        return rows
