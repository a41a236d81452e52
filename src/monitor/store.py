"""The SQLite store: the only module that speaks SQL.

In: articles, matches, fingerprints and source state from the pipeline. Out: rows as plain
dicts and models (stories for digests, search hits). Schema changes go through numbered
migrations (sqlite-utils `Migrations`), applied on open. Times are stored as UTC ISO 8601.

Search: FTS5 does not segment Chinese, so the index holds textnorm's bigram tokens (in an FTS5
table keyed by article id) and each query term becomes one bigram phrase. Snippets are cut
from the original text in Python, never by FTS5.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlite_utils import Database, Migrations

from . import textnorm
from .errors import StoreError
from .models import Article, Hit, Match

migrations = Migrations("monitor")


@migrations()
def m001_initial(db: Database) -> None:
    """Sources, articles, stories, topic matches, LSH bands, FTS index, deliveries."""
    db["sources"].create({"name": str, "kind": str, "url": str, "etag": str, "last_modified": str,
                          "last_polled": str, "last_success": str, "last_status": str, "last_error": str,
                          "error_count": int, "last_new": int}, pk="name")
    db["stories"].create({"id": int, "title": str, "first_article_id": int, "first_seen": str}, pk="id")
    db["articles"].create({"id": int, "url": str, "canonical_url": str, "source": str, "title": str,
                           "body": str, "published": str, "fetched_at": str, "author": str,
                           "source_name": str, "editor": str, "lang": str, "content_hash": str,
                           "story_id": int}, pk="id", foreign_keys=[("story_id", "stories", "id")])
    db["articles"].create_index(["canonical_url"], unique=True)
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["story_id"])
    db["articles"].create_index(["published"])
    db["article_topics"].create({"article_id": int, "topic": str, "score": float, "hits": str,
                                 "rules": str, "reason": str, "matched_at": str},
                                pk=("article_id", "topic"))
    db["article_topics"].create_index(["topic", "matched_at"])
    db["lsh"].create({"band": int, "key": int, "article_id": int, "created_at": str})
    db["lsh"].create_index(["band", "key"])
    db["deliveries"].create({"subscriber": str, "channel": str, "story_id": int, "delivered_at": str},
                            pk=("subscriber", "channel", "story_id"))
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, "
               "tokenize = 'unicode61 remove_diacritics 0')")


@migrations()
def m002_link_failures(db: Database) -> None:
    """Links that failed: retried a few times, then given up instead of fetched every poll."""
    db["link_failures"].create({"canonical_url": str, "source": str, "reason": str, "attempts": int,
                                "last_at": str}, pk="canonical_url")


def utcnow() -> datetime:
    """Now, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


def iso(dt: datetime | None) -> str | None:
    """UTC ISO 8601 text for a datetime (naive ones are taken as UTC)."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> datetime | None:
    """The inverse of `iso`."""
    return datetime.fromisoformat(text) if text else None


class Store:
    """One open database; create with `Store.open(path)`."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        """Open (creating if needed) and migrate the database at `path`."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
            db = Database(conn)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA foreign_keys = ON")
            migrations.apply(db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {path}: {exc}",
                             hint="check the path and its permissions, or pass --db PATH") from None
        return cls(db, path)

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def schema_version(self) -> list[str]:
        """Names of the applied migrations, oldest first."""
        return [m.name for m in migrations.applied(self.db)]

    # -- sources ---------------------------------------------------------------------------
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
        self.db["sources"].upsert(row, pk="name")

    def sources(self) -> list[dict[str, Any]]:
        """All source rows, by name."""
        return list(self.db.query("SELECT * FROM sources ORDER BY name"))

    # -- articles --------------------------------------------------------------------------
    def _in_chunks(self, sql: str, values: Iterable[Any], params: list[Any] | None = None) -> list[dict]:
        """Rows of `sql` (its `{marks}` filled for one chunk of `values`), chunk by chunk:
        SQLite caps the number of bound parameters."""
        values, rows = list(values), []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows.extend(self.db.query(sql.format(marks=",".join("?" * len(chunk))), [*(params or []), *chunk]))
        return rows

    def known_urls(self, canonical_urls: Iterable[str]) -> set[str]:
        """Which of these canonical URLs are stored already."""
        return {r["canonical_url"] for r in self._in_chunks(
            "SELECT canonical_url FROM articles WHERE canonical_url IN ({marks})", canonical_urls)}

    def given_up(self, canonical_urls: Iterable[str], attempts: int) -> set[str]:
        """Which of these links failed at least `attempts` times (not fetched again)."""
        return {r["canonical_url"] for r in self._in_chunks(
            "SELECT canonical_url FROM link_failures WHERE attempts >= ? AND canonical_url IN ({marks})",
            canonical_urls, [attempts])}

    def record_link_failure(self, canonical_url: str, source: str, reason: str, *, final: bool = False,
                            final_attempts: int = 3) -> int:
        """Count one more failure of a link (`final` gives up at once); returns the attempts so far."""
        row = next(iter(self.db.query("SELECT attempts FROM link_failures WHERE canonical_url = ?",
                                      [canonical_url])), None)
        attempts = final_attempts if final else (row["attempts"] if row else 0) + 1
        self.db["link_failures"].upsert({"canonical_url": canonical_url, "source": source, "reason": reason,
                                         "attempts": attempts, "last_at": iso(utcnow())}, pk="canonical_url")
        return attempts

    def clear_link_failure(self, canonical_url: str) -> None:
        """Forget a link's failures once it went through."""
        self.db.execute("DELETE FROM link_failures WHERE canonical_url = ?", [canonical_url])

    def link_failures(self, source: str | None = None) -> list[dict[str, Any]]:
        """Failed links, newest first."""
        where, params = ("WHERE source = ?", [source]) if source else ("", [])
        return list(self.db.query(f"SELECT * FROM link_failures {where} ORDER BY last_at DESC", params))

    def story_by_hash(self, digest: str) -> int | None:
        """The story of a stored article with this content hash."""
        rows = list(self.db.query("SELECT story_id FROM articles WHERE content_hash = ? LIMIT 1", [digest]))
        return rows[0]["story_id"] if rows else None

    def lsh_candidates(self, keys: list[tuple[int, int]]) -> list[int]:
        """Article ids sharing at least one LSH band key, most shared bands first."""
        if not keys:
            return []
        where = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [v for pair in keys for v in pair]
        return [r["article_id"] for r in self.db.query(
            f"SELECT article_id, count(*) AS n FROM lsh WHERE {where} GROUP BY article_id ORDER BY n DESC LIMIT 20",
            params)]

    def add_article(self, article: Article, *, source: str, canonical_url: str, content_hash: str,
                    story_id: int | None, band_keys: list[tuple[int, int]], index_title: str,
                    index_body: str) -> tuple[int, int]:
        """Insert an article (and a new story unless `story_id` is given); return (article id, story id)."""
        now = iso(utcnow())
        with self.db.atomic():
            if story_id is None:
                story_id = self.db["stories"].insert({"title": article.title, "first_seen": now}).last_pk
            row = {"url": article.url, "canonical_url": canonical_url, "source": source,
                   "title": article.title, "body": article.body, "published": iso(article.published),
                   "fetched_at": now, "author": article.author, "source_name": article.source_name,
                   "editor": article.editor, "lang": article.lang, "content_hash": content_hash,
                   "story_id": story_id}
            article_id = self.db["articles"].insert(row).last_pk
            self.db.execute("UPDATE stories SET first_article_id = coalesce(first_article_id, ?) WHERE id = ?",
                            [article_id, story_id])
            self.db["lsh"].insert_all({"band": b, "key": k, "article_id": article_id, "created_at": now}
                                      for b, k in band_keys)
            self.db.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                            [article_id, index_title, index_body])
        return article_id, story_id

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article row."""
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        return rows[0] if rows else None

    def iter_articles(self, since: datetime | None = None) -> Iterator[dict[str, Any]]:
        """Every stored article (optionally fetched or published since a time), oldest first."""
        sql, params = "SELECT * FROM articles", []
        if since:
            sql += " WHERE coalesce(published, fetched_at) >= ?"
            params.append(iso(since))
        yield from self.db.query(sql + " ORDER BY id", params)

    def prune_lsh(self, before: datetime) -> int:
        """Drop LSH band rows older than `before` (the near-duplicate window is rolling)."""
        return self.db.execute("DELETE FROM lsh WHERE created_at < ?", [iso(before)]).rowcount

    # -- topic matches ---------------------------------------------------------------------
    def set_match(self, article_id: int, match: Match) -> None:
        """Store a topic verdict: matched ones are kept, unmatched ones removed."""
        if not match.matched:
            self.db.execute("DELETE FROM article_topics WHERE article_id = ? AND topic = ?", [article_id, match.topic])
            return
        self.db.execute(
            "INSERT INTO article_topics(article_id, topic, score, hits, rules, reason, matched_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(article_id, topic) DO UPDATE SET "
            "score = excluded.score, hits = excluded.hits, rules = excluded.rules, reason = excluded.reason",
            [article_id, match.topic, match.score, json.dumps([asdict(h) for h in match.hits], ensure_ascii=False),
             json.dumps(list(match.rules), ensure_ascii=False), match.reason, iso(utcnow())])

    def topics_of(self, article_ids: Iterable[int]) -> dict[int, list[str]]:
        """Matched topic names per article id."""
        ids = list(article_ids)
        out: dict[int, list[str]] = {i: [] for i in ids}
        for r in self._in_chunks("SELECT article_id, topic FROM article_topics WHERE article_id IN ({marks}) "
                                 "ORDER BY topic", ids):
            out[r["article_id"]].append(r["topic"])
        return out

    def hits_of(self, article_id: int, topics: Iterable[str]) -> list[Hit]:
        """The stored hits of an article for some topics."""
        hits: list[Hit] = []
        for t in topics:
            for r in self.db.query("SELECT hits FROM article_topics WHERE article_id = ? AND topic = ?", [article_id, t]):
                hits.extend(Hit(**h) for h in json.loads(r["hits"] or "[]"))
        return hits

    # -- search ----------------------------------------------------------------------------
    def search(self, terms: list[str], *, topic: str | None = None, source: str | None = None,
               since: datetime | None = None, limit: int = 20, exclude: list[str] | None = None) -> list[dict]:
        """Articles containing every term (none of `exclude`), newest first, with their topics."""
        where, params = [], []
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

    # -- digests ---------------------------------------------------------------------------
    def _stories(self, topics: list[str], where: str, params: list[Any], order: str, limit: int = -1) -> list[dict]:
        """Stories with an article matching any of `topics`: story_id, article_id (its earliest
        matched article, which stands for it; the others are reposts), topics, matched_at, newest."""
        if not topics:
            return []
        marks = ",".join("?" * len(topics))
        sql = (f"SELECT a.story_id, min(a.id) AS article_id, group_concat(DISTINCT t.topic) AS topics, "
               f"min(t.matched_at) AS matched_at, max(coalesce(a.published, a.fetched_at)) AS newest "
               f"FROM article_topics t JOIN articles a ON a.id = t.article_id WHERE t.topic IN ({marks}) {where} "
               f"GROUP BY a.story_id ORDER BY {order} LIMIT ?")
        return list(self.db.query(sql, [*topics, *params, limit]))

    def undelivered(self, subscriber: str, channel: str, topics: Iterable[str]) -> list[dict]:
        """Stories matching any of `topics` not yet delivered to (subscriber, channel), oldest first."""
        return self._stories(list(topics), "AND a.story_id NOT IN (SELECT story_id FROM deliveries "
                             "WHERE subscriber = ? AND channel = ?)", [subscriber, channel], "matched_at, a.story_id")

    def matched_stories(self, topics: Iterable[str], limit: int, since: datetime | None = None) -> list[dict]:
        """The newest stories matching any of `topics` (for feeds), newest article first."""
        where, params = ("AND coalesce(a.published, a.fetched_at) >= ?", [iso(since)]) if since else ("", [])
        return self._stories(list(topics), where, params, "newest DESC, a.story_id DESC", limit)

    def story_articles(self, story_id: int) -> list[dict]:
        """All articles of a story, first seen first."""
        return list(self.db.query("SELECT * FROM articles WHERE story_id = ? ORDER BY id", [story_id]))

    def record_delivery(self, subscriber: str, channel: str, story_ids: Iterable[int]) -> None:
        """Mark stories delivered, after (never before) the send succeeded."""
        now = iso(utcnow())
        self.db["deliveries"].insert_all(({"subscriber": subscriber, "channel": channel, "story_id": s,
                                           "delivered_at": now} for s in story_ids), ignore=True)

    def last_delivery(self, subscriber: str, channel: str) -> datetime | None:
        """When (subscriber, channel) last received a digest."""
        rows = list(self.db.query("SELECT max(delivered_at) AS t FROM deliveries WHERE subscriber = ? AND channel = ?",
                                  [subscriber, channel]))
        return parse_iso(rows[0]["t"]) if rows else None

    def stats(self) -> dict[str, int]:
        """Row counts for health and the demo."""
        return {t: self.db[t].count for t in ("articles", "stories", "article_topics", "sources", "deliveries")}
