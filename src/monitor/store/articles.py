"""Articles: insert with their story, FTS tokens and LSH bands; known and failed links."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from ..models import Article
from .base import StoreBase, iso, utcnow


class ArticlesPart(StoreBase):
    """Rows of `articles`, `stories`, `lsh`, `articles_fts` and `link_failures`."""

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
        self.table("link_failures").upsert({"canonical_url": canonical_url, "source": source, "reason": reason,
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
                story_id = self.table("stories").insert({"title": article.title, "first_seen": now}).last_pk
            row = {"url": article.url, "canonical_url": canonical_url, "source": source,
                   "title": article.title, "body": article.body, "published": iso(article.published),
                   "fetched_at": now, "author": article.author, "source_name": article.source_name,
                   "editor": article.editor, "lang": article.lang, "content_hash": content_hash,
                   "story_id": story_id}
            article_id = self.table("articles").insert(row).last_pk
            self.db.execute("UPDATE stories SET first_article_id = coalesce(first_article_id, ?) WHERE id = ?",
                            [article_id, story_id])
            self.table("lsh").insert_all({"band": b, "key": k, "article_id": article_id, "created_at": now}
                                      for b, k in band_keys)
            self.db.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                            [article_id, index_title, index_body])
        assert article_id is not None and story_id is not None  # both rows were just inserted
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
