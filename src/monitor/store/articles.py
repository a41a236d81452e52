"""Articles: insert with their story, FTS tokens and fingerprint; known and failed links."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from .. import ftstokens
from .base import AlreadyStored, iso, utcnow
from .fingerprints import FingerprintsPart

if TYPE_CHECKING:  # only named here: opening the store (a search) creates no model class
    from ..models import Article

_KNOWN = "SELECT 1 FROM articles WHERE canonical_url = ?"
# a new story's id: past every id ever given, even one whose story has gone (m020)
_NEW_STORY = ("INSERT INTO stories(id, title, first_seen) VALUES (max(coalesce((SELECT max(id) FROM stories), 0), "
              "(SELECT last FROM story_serial)) + 1, ?, ?)")
_RETIRE_STORY = "UPDATE story_serial SET last = max(last, ?)"
_NEW_ARTICLE = ("INSERT INTO articles(url, canonical_url, source, title, body, published, fetched_at, author, "
                "source_name, editor, lang, content_hash, story_id, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_FIRST_ARTICLE = "UPDATE stories SET first_article_id = coalesce(first_article_id, ?) WHERE id = ?"
_NEW_FTS = "INSERT INTO articles_fts(rowid, tokens) VALUES (?, ?)"
_NEW_FTS_REBUILT = "INSERT INTO articles_fts_new(rowid, tokens) VALUES (?, ?)"  # a rebuild under way (normalforms)
_REBUILT_UPTO = "SELECT mark FROM normal_forms WHERE part = 'index' AND target IS NOT NULL"
_LINK_FAILED = "SELECT 1 FROM link_failures WHERE canonical_url = ?"


class ArticlesPart(FingerprintsPart):
    """Rows of `articles`, `stories`, `articles_fts` and `link_failures` (fingerprints beside them)."""

    def known_urls(self, canonical_urls: Iterable[str]) -> set[str]:
        """Which of these canonical URLs are stored already."""
        return {r["canonical_url"] for r in self._in_chunks(
            "SELECT canonical_url FROM articles WHERE canonical_url IN ({marks})", canonical_urls)}

    def story_ids(self, canonical_urls: Iterable[str]) -> set[int]:
        """The stories of the articles stored under these canonical URLs."""
        return {r["story_id"] for r in self._in_chunks(
            "SELECT story_id FROM articles WHERE canonical_url IN ({marks})", canonical_urls) if r["story_id"] is not None}

    def mark_imported(self, canonical_urls: Iterable[str]) -> list[dict[str, Any]]:
        """Mark imported (m026) the articles under these canonical URLs that are not yet (stored by a
        poll, or by an import before m026); their rows (id, source), in id order."""
        rows = sorted(self._in_chunks("SELECT id, source FROM articles WHERE canonical_url IN ({marks}) "
                                      "AND imported IS NULL", canonical_urls), key=lambda r: r["id"])
        if rows:
            with self.writing():
                self.conn.executemany("UPDATE articles SET imported = 1 WHERE id = ?", [(r["id"],) for r in rows])
        return rows

    def stored_before(self, canonical_urls: Iterable[str], when: str) -> set[str]:
        """Which of these canonical URLs were stored before `when` (ISO UTC)."""
        return {r["canonical_url"] for r in self._in_chunks(
            "SELECT canonical_url, fetched_at FROM articles WHERE canonical_url IN ({marks})", canonical_urls)
            if _utc(r["fetched_at"]) < _utc(when)}

    def title_at(self, canonical_url: str) -> str | None:
        """The headline of the article stored under this canonical URL, or under the URL it is
        an alias of; None when there is none."""
        row = self.conn.execute("SELECT title FROM articles WHERE canonical_url = coalesce("
                                "(SELECT target FROM url_aliases WHERE alias = ?), ?)",
                                [canonical_url, canonical_url]).fetchone()
        return None if row is None else (row[0] or "")

    def given_up(self, canonical_urls: Iterable[str], attempts: int) -> set[str]:
        """Which of these links failed at least `attempts` times (not fetched again)."""
        return {url for url, n in self.failures(canonical_urls).items() if n >= attempts}

    def failures(self, canonical_urls: Iterable[str]) -> dict[str, int]:
        """The attempts so far of those of these links that have failed (and not gone through since)."""
        return {r["canonical_url"]: r["attempts"] for r in self._in_chunks(
            "SELECT canonical_url, attempts FROM link_failures WHERE canonical_url IN ({marks})", canonical_urls)}

    def record_link_failure(self, canonical_url: str, source: str, reason: str, *, final: bool = False,
                            final_attempts: int = 3) -> int:
        """Count one more failure of a link (`final` gives up at once); returns the attempts so far."""
        row = next(iter(self.query("SELECT attempts FROM link_failures WHERE canonical_url = ?",
                                      [canonical_url])), None)
        attempts = final_attempts if final else (row["attempts"] if row else 0) + 1
        self.table("link_failures").upsert({"canonical_url": canonical_url, "source": source, "reason": reason,
                                         "attempts": attempts, "last_at": iso(utcnow())}, pk="canonical_url")
        return attempts

    def clear_link_failure(self, canonical_url: str) -> None:
        """Forget a link's failures once it went through (read first: most links have none, and a
        DELETE is a write transaction of its own, for each article a poll fetches)."""
        if self.conn.execute(_LINK_FAILED, [canonical_url]).fetchone() is not None:
            self.db.execute("DELETE FROM link_failures WHERE canonical_url = ?", [canonical_url])

    def link_failures(self, source: str | None = None) -> list[dict[str, Any]]:
        """Failed links, newest first."""
        where, params = ("WHERE source = ?", [source]) if source else ("", [])
        return list(self.query(f"SELECT * FROM link_failures {where} ORDER BY last_at DESC", params))

    def story_by_hash(self, digest: str) -> int | None:
        """The story of a stored article with this content hash."""
        rows = list(self.query("SELECT story_id FROM articles WHERE content_hash = ? LIMIT 1", [digest]))
        return rows[0]["story_id"] if rows else None

    def stored_elsewhere(self, digest: str, canonical_url: str, source: str, title: str) -> str | None:
        """A stored article of `source` with this content hash and headline at another address."""
        row = self.conn.execute("SELECT canonical_url FROM articles WHERE content_hash = ? AND canonical_url != ? "
                                "AND source = ? AND title = ? LIMIT 1", [digest, canonical_url, source, title]).fetchone()
        return row[0] if row else None

    def same_page(self, canonical_url: str, digest: str) -> str | None:
        """A stored article with this content hash at this address but for its query (`a.html`,
        `a.html?rnd=1` for `a.html?rnd=2`): the same page reached under a changing parameter."""
        base = canonical_url.partition("?")[0]
        row = self.conn.execute("SELECT canonical_url FROM articles WHERE content_hash = ? AND canonical_url != ? "
                                "AND (canonical_url = ? OR (canonical_url > ? AND canonical_url < ?)) LIMIT 1",
                                [digest, canonical_url, base, base + "?", base + "@"]).fetchone()  # "@" follows "?"
        return row[0] if row else None

    def source_names(self) -> list[str]:
        """Every source name an article was stored under (polled or imported), sorted. Walks the
        date index, which holds the name: for an error's hint, not for a hot path."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT source FROM articles ORDER BY source")]

    def source_names_after(self, after: int) -> set[str]:
        """The source names of the articles stored after id `after` (the (id, date) index, which
        holds the name: a range of it, not the rows)."""
        return {r[0] for r in self.conn.execute("SELECT DISTINCT source FROM articles INDEXED BY articles_id_date "
                                                "WHERE id > ?", [after])}

    def known_url(self, canonical_url: str) -> bool:
        """Whether this canonical URL is stored already (one indexed look-up)."""
        return self.conn.execute(_KNOWN, [canonical_url]).fetchone() is not None

    def add_article(self, article: Article, *, source: str, canonical_url: str, content_hash: str,
                    story_id: int | None, tokens: str | None = None, body: str | None = None,
                    band_keys: list[int] | None = None, shingles: int = 0, signature: bytes = b"",
                    index: bool = True, bands_dated: datetime | None = None, imported: bool = False) -> tuple[int, int]:
        """Insert an article (and a new story unless `story_id` is given); return (article id, story id).
        Raises AlreadyStored when its canonical URL is stored already.

        Its fingerprint (shingle count, packed signature, band keys) is stored with it, and
        its search tokens (`ftstokens.document_tokens`; made here when not given). With
        `index=False` the caller indexes it later in the same transaction (`index_articles`):
        FTS5 writes its pending terms to disk at every savepoint, so a batch that keeps one
        savepoint per article indexes them all after the last one (×3 faster).
        Its band rows are dated `bands_dated` (default now) for pruning; `imported`: stored by
        `monitor import` (m026).
        Joins the caller's transaction when there is one. Constant SQL, so sqlite3 prepares each
        statement once per connection."""
        now = iso(utcnow())
        body = article.body if body is None else body
        with self.writing():
            if story_id is None:
                story_id = self.conn.execute(_NEW_STORY, [article.title, now]).lastrowid
            try:
                article_id = self.conn.execute(_NEW_ARTICLE, [
                    article.url, canonical_url, source, article.title, body, iso(article.published), now,
                    article.author, article.source_name, article.editor, article.lang, content_hash,
                    story_id, 1 if imported else None]).lastrowid
            except sqlite3.IntegrityError as exc:  # only the canonical URL's unique index means stored already:
                if "canonical_url" not in str(exc):  # another constraint (a trigger, a CHECK) refuses this article
                    raise
                raise AlreadyStored(canonical_url) from None
            assert article_id is not None
            self.conn.execute(_FIRST_ARTICLE, [article_id, story_id])
            if index:
                self.index_articles([(article_id, tokens if tokens is not None
                                      else ftstokens.article_tokens(article.title, body))])
            self.add_fingerprint(article_id, shingles, signature, band_keys or [], bands_dated or utcnow())
        assert article_id is not None and story_id is not None  # both rows were just inserted
        return article_id, story_id

    def merge_stories(self, keep: int, gone: Iterable[int]) -> int:
        """Make the stories `keep` and `gone` one (one story found to be several: a paged
        article's pages, or a brief, met before its whole copy) and return its id: the oldest of
        them, the one readers met first. What was delivered or planned of any counts for it (the
        reader has seen part of it); the other rows go, their ids are never given again
        (`story_serial`, m020) and lead to the kept one (`story_merges`, m021: a digest's or a
        feed's link to a merged story opens the story it joined)."""
        ids = sorted({keep, *gone})
        kept, others = ids[0], ids[1:]
        with self.writing():
            for story in others:
                self.conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [kept, story])
                for table in ("deliveries", "outbox_stories", "unsure_stories"):
                    self.conn.execute(f"UPDATE OR IGNORE {table} SET story_id = ? WHERE story_id = ?", [kept, story])
                    self.conn.execute(f"DELETE FROM {table} WHERE story_id = ?", [story])
                self.conn.execute(_RETIRE_STORY, [story])
                self.conn.execute("DELETE FROM stories WHERE id = ?", [story])
                self.conn.execute("UPDATE story_merges SET kept = ? WHERE kept = ?", [kept, story])
                self.conn.execute("INSERT OR REPLACE INTO story_merges(gone, kept) VALUES (?, ?)", [story, kept])
            self.conn.execute("UPDATE stories SET first_article_id = (SELECT min(id) FROM articles WHERE story_id = ?) "
                              "WHERE id = ?", [kept, kept])
        return kept

    def merged_into(self, story_id: int) -> int | None:
        """The story a merged story joined (`merge_stories`), else None."""
        try:
            row = self.conn.execute("SELECT kept FROM story_merges WHERE gone = ?", [story_id]).fetchone()
        except sqlite3.OperationalError:  # a read-only database of an older version: none recorded
            return None
        return row[0] if row else None

    def index_articles(self, rows: list[tuple[int, str]]) -> None:
        """FTS rows (article id, `ftstokens.document_tokens`) for articles just added with `index=False`."""
        with self.writing():
            self.conn.executemany(_NEW_FTS, rows)
            if (mark := self._rebuilt_upto()) is not None and (passed := [r for r in rows if r[0] <= mark]):
                self.conn.executemany(_NEW_FTS_REBUILT, passed)  # the rebuild will not come back for them

    def _rebuilt_upto(self) -> int | None:
        """The article id an index rebuild under way has reached (`normalforms`), else None."""
        row = self.conn.execute(_REBUILT_UPTO).fetchone()
        return row[0] if row else None

    def release_free_pages(self) -> None:
        """Shrink the file by its free pages (left by FTS5's segment merges after a large
        import). Only databases created with incremental auto-vacuum can; others keep them."""
        if not self.conn.in_transaction:  # executescript would commit the caller's
            self.conn.executescript("PRAGMA incremental_vacuum;")  # steps it to the end: all pages

    def delete_article(self, article_id: int) -> bool:
        """Remove an article with its index entries, fingerprint, verdicts and (when it was the
        last of it) its story. The FTS table keeps no text, so its 'delete' command is given the
        tokens regenerated from the stored title and body, as they were indexed."""
        row = self.conn.execute("SELECT title, body, story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            return False
        title, body, story_id = row
        with self.writing():
            tokens = ftstokens.article_tokens(title or "", body or "")
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rowid, tokens) VALUES ('delete', ?, ?)",
                              [article_id, tokens])
            if (mark := self._rebuilt_upto()) is not None and article_id <= mark:
                self.conn.execute("INSERT INTO articles_fts_new(articles_fts_new, rowid, tokens) "
                                  "VALUES ('delete', ?, ?)", [article_id, tokens])
            for table in ("lsh", "fingerprints", "article_checks", "article_topics"):
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            self.conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
            self.conn.execute("UPDATE stories SET first_article_id = (SELECT min(id) FROM articles WHERE story_id = ?) "
                              "WHERE id = ?", [story_id, story_id])
            self.conn.execute(_RETIRE_STORY, [story_id])  # kept or not, its id is not given again
            self.conn.execute("DELETE FROM stories WHERE id = ? AND first_article_id IS NULL", [story_id])
            self.conn.execute("DELETE FROM story_merges WHERE kept = ? AND NOT EXISTS (SELECT 1 FROM stories WHERE id = ?)",
                              [story_id, story_id])  # nothing left to lead to
        return True

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article row."""
        rows = list(self.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        return rows[0] if rows else None

    def iter_articles(self, since: datetime | None = None) -> Iterator[dict[str, Any]]:
        """Every stored article (optionally fetched or published since a time), oldest first."""
        sql, params = "SELECT * FROM articles", []
        if since:
            sql += " WHERE coalesce(published, fetched_at) >= ?"
            params.append(iso(since))
        yield from self.query(sql + " ORDER BY id", params)

    def article_ids(self, after: int = 0, limit: int = -1, since: datetime | None = None) -> list[int]:
        """Article ids above `after`, in order (optionally only those fetched or published since)."""
        if since is None:
            return [r[0] for r in self.conn.execute("SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                                                    [after, limit])]
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE id > ? AND coalesce(published, fetched_at) >= ? ORDER BY id LIMIT ?",
            [after, iso(since), limit])]

    def articles_by_id(self, ids: list[int]) -> list[dict[str, Any]]:
        """Article rows (id, title, body, source, published, fetched_at, imported) for these ids, in id order."""
        return sorted(self._in_chunks("SELECT id, title, body, source, published, fetched_at, imported FROM articles "
                                      "WHERE id IN ({marks})", ids),
                      key=lambda r: r["id"])


def _utc(text: str | None) -> datetime:
    """An ISO time as an aware UTC datetime (naive ones are UTC; none or unreadable: the epoch's
    end, so an article without a time never counts as stored before anything)."""
    try:
        when = datetime.fromisoformat(text or "")
    except ValueError:
        return datetime.max.replace(tzinfo=timezone.utc)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
