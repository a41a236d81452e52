"""Near-duplicate fingerprints: each article's MinHash signature and shingle count, and the
LSH band rows of the rolling window that find candidates by an indexed equality look-up.

In: signatures and band keys computed by `dedup` (the store never computes them). Out:
candidates with their signatures and stories, so a pair is judged without reading any text;
articles that still need a fingerprint (after the hash changed) for the pipeline to rebuild.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from .base import StoreBase, iso

_NEW_FINGERPRINT = "INSERT OR REPLACE INTO fingerprints(article_id, shingles, sig) VALUES (?, ?, ?)"
# An import's band rows dated before the window (`run_bands`): in a private on-disk database of
# its connection, gone when the run ends, instead of among the window's rows in `lsh`.
RUN = "run_bands"


@functools.cache
def _new_bands_sql(n: int, table: str = "lsh") -> str:
    """One statement for an article's `n` band rows (parameters: article id, date, then the keys):
    a row of a VALUES list costs SQLite less than a step of `executemany` costs Python
    (34 rows: ~45 → ~32 µs an article). An article has about the same number every time
    (bands plus anchors), so few texts reach sqlite3's statement cache."""
    return f"INSERT OR IGNORE INTO {table}(key, article_id, created_at) VALUES " + ", ".join(
        f"(?{i}, ?1, ?2)" for i in range(3, n + 3))
# Each band key's newest KEY_MOST holders only: a story with thousands of copies in the window
# (a wire story on every outlet, a site serving one page under many addresses) made each new copy
# count every earlier one's band rows, so importing 1,000 copies took 14 s and grew with the square.
KEY_MOST = 64


def _holders(run: bool) -> str:
    """The band rows a look-up reads: `lsh`, and with `run` the run's own (`run_bands`) beside it
    (an article's rows are all in one of them)."""
    return (f"(SELECT key, article_id FROM lsh UNION ALL SELECT key, article_id FROM {RUN}.lsh)" if run
            else "lsh")


@functools.cache
def _candidates_sql(n: int, run: bool = False) -> str:
    """Articles sharing any of `n` band keys, counted over each key's newest KEY_MOST holders,
    most shared first, with their signatures and stories (the last parameter: how many)."""
    one = (f"SELECT * FROM (SELECT article_id FROM {_holders(run)} WHERE key = ?{{p}} ORDER BY article_id DESC "
           f"LIMIT {KEY_MOST})")
    return ("SELECT l.article_id, count(*) AS shared, f.shingles, f.sig, a.story_id FROM ("
            + " UNION ALL ".join(one.format(p=i + 1) for i in range(n))
            + ") l JOIN fingerprints f ON f.article_id = l.article_id JOIN articles a ON a.id = l.article_id "
            f"GROUP BY l.article_id ORDER BY shared DESC, l.article_id LIMIT ?{n + 1}")

# Through the covering date index (m004): an article's row is never read (its story id comes
# after the body, so reading it would walk the body's overflow pages).
_PUBLISHED_BETWEEN = ("SELECT a.id, CAST(strftime('%s', a.published) AS INTEGER), a.story_id, f.shingles, f.sig "
                      "FROM articles a JOIN fingerprints f ON f.article_id = a.id "
                      "WHERE coalesce(a.published, a.fetched_at) BETWEEN ? AND ? AND a.published IS NOT NULL")

_BY_ID = ("SELECT f.article_id, f.shingles, f.sig, a.story_id FROM fingerprints f JOIN articles a "
          "ON a.id = f.article_id WHERE f.article_id IN ({marks})")
HOT = 32  # more than a story's mirrors usually are; bands still find a story with more


@functools.cache
def _anchors_sql(n: int, run: bool = False) -> str:
    """One statement reading the first HOT + 1 articles of each of `n` anchors (the lowest ids:
    `lsh`'s key order), tagged with the anchor's place: twelve statements an article cost ~50 us
    more than this one."""
    one = ("SELECT * FROM (SELECT {i} AS n, article_id FROM " + _holders(run) + " WHERE key = ?{p}"
           + (" ORDER BY article_id" if run else "") + " LIMIT {limit})")
    return " UNION ALL ".join(one.format(i=i, p=i + 1, limit=HOT + 1) for i in range(n))


class FingerprintsPart(StoreBase):
    """Rows of `fingerprints` and `lsh`."""

    _run_before: int | None = None  # inside `run_bands`: band rows dated before this go to the run's table

    @contextlib.contextmanager
    def run_bands(self, before: datetime) -> Iterator[None]:
        """For an import (a backfill), whose articles' band rows are dated by publication and those
        dated before `before` (the window's start) pruned when it ends: until then such rows are
        kept apart, in a private on-disk database of this connection (SQLite's `ATTACH ''`, gone
        when detached), and look-ups read them beside `lsh`, so what is found is the same. Among
        the window's millions of rows in `lsh`, each article's ~22 rows landed on as many leaves,
        written to the WAL at each commit and deleted again at the run's end (4.9 s at 200k).
        Inside a caller's transaction (ATTACH is refused there), rows go to `lsh` as before."""
        if self.conn.in_transaction or self._run_before is not None:
            yield
            return
        try:
            self.conn.execute(f"ATTACH DATABASE '' AS {RUN}")
        except sqlite3.Error:  # attached still (a detach refused before): rows go to `lsh` as before
            yield
            return
        try:
            self.conn.execute(f"CREATE TABLE {RUN}.lsh (key INTEGER NOT NULL, article_id INTEGER NOT NULL, "
                              "created_at INTEGER NOT NULL, PRIMARY KEY (key, article_id)) WITHOUT ROWID")
            self._run_before = int(before.timestamp())
            yield
        finally:
            self._run_before = None
            with contextlib.suppress(sqlite3.Error):  # refused inside a transaction: gone with the connection
                self.conn.execute(f"DETACH DATABASE {RUN}")

    def add_fingerprint(self, article_id: int, shingles: int, signature: bytes, band_keys: list[int],
                        created: datetime) -> None:
        """Store an article's signature, and its band rows (dated `created`, for pruning)."""
        with self.writing():
            self.conn.execute(_NEW_FINGERPRINT, [article_id, shingles, signature])
            if band_keys:
                when = int(created.timestamp())
                table = f"{RUN}.lsh" if self._run_before is not None and when < self._run_before else "lsh"
                self.conn.execute(_new_bands_sql(len(band_keys), table), [article_id, when, *band_keys])

    def lsh_candidates(self, keys: list[int], limit: int = 20, anchors: list[int] | tuple[int, ...] = ()
                       ) -> list[dict[str, Any]]:
        """Articles sharing at least one band key or rare anchor, most shared first: article_id,
        shared, shingles, sig, story_id. An anchor held by more than HOT articles is a phrase
        the window's articles have in common (an office's name), no sign of a repost: left out,
        so it never makes every look-up read its whole posting list."""
        found: dict[int, dict[str, Any]] = {}
        if keys:
            keys = list(dict.fromkeys(keys))  # as `IN (…)` read them: a key twice counts once
            cur = self.conn.execute(_candidates_sql(len(keys), self._run_before is not None), [*keys, limit])
            names = [d[0] for d in cur.description]
            found = {row[0]: dict(zip(names, row, strict=True)) for row in cur}
        shared: Counter[int] = Counter()
        held: list[list[int]] = [[] for _ in anchors]  # each anchor's articles, at most HOT + 1 read
        if anchors:
            for n, article_id in self.conn.execute(_anchors_sql(len(anchors), self._run_before is not None),
                                                   list(anchors)):
                held[n].append(article_id)
        for ids in held:
            if len(ids) <= HOT:
                shared.update(ids)
        for article_id, n in shared.items():
            if article_id in found:
                found[article_id]["shared"] += n
        new = [i for i, _ in shared.most_common() if i not in found][:limit]
        if new:
            cur = self.conn.execute(_BY_ID.format(marks=",".join("?" * len(new))), new)
            found.update((r[0], {"article_id": r[0], "shared": shared[r[0]], "shingles": r[1], "sig": r[2],
                                 "story_id": r[3]}) for r in cur)
        return sorted(found.values(), key=lambda c: (-c["shared"], c["article_id"]))[:limit]

    def signatures_published(self, spans: list[tuple[datetime, datetime]]) -> list[tuple[int, int, int, int, bytes]]:
        """(article id, publication as epoch seconds, story id, shingles, signature) of the
        articles published inside any of these time ranges (the publication index)."""
        rows: list[tuple[int, int, int, int, bytes]] = []
        for start, end in spans:
            rows += self.conn.execute(_PUBLISHED_BETWEEN, [iso(start), iso(end)]).fetchall()
        return rows

    def story_signatures(self, story_id: int, limit: int) -> list[tuple[int, bytes]]:
        """(shingles, signature) of a story's fingerprinted articles, at most `limit` + 1 of them
        (the story index: a caller asking whether a story is small learns it without a scan)."""
        return self.conn.execute("SELECT f.shingles, f.sig FROM articles a JOIN fingerprints f ON f.article_id = a.id "
                                 "WHERE a.story_id = ? LIMIT ?", [story_id, limit + 1]).fetchall()

    def story_fingerprints(self, story_id: int, limit: int) -> list[tuple[int, int, bytes]]:
        """(article id, shingles, signature) of a story's first `limit` fingerprinted articles."""
        return self.conn.execute("SELECT a.id, f.shingles, f.sig FROM articles a JOIN fingerprints f ON f.article_id = a.id "
                                 "WHERE a.story_id = ? ORDER BY a.id LIMIT ?", [story_id, limit]).fetchall()

    def story_first_published(self, story_id: int) -> datetime | None:
        """The earliest publication date of a story's articles (None when none has one)."""
        row = self.conn.execute("SELECT min(published) FROM articles WHERE story_id = ?", [story_id]).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def prune_lsh(self, before: datetime) -> int:
        """Drop band rows older than `before` (the near-duplicate window is rolling); indexed."""
        with self.writing():
            return self.conn.execute("DELETE FROM lsh WHERE created_at < ?", [int(before.timestamp())]).rowcount

    def without_fingerprint(self, after: int = 0, limit: int = 500) -> list[dict[str, Any]]:
        """Articles above id `after` with no fingerprint row (id, body, fetched_at, published,
        content_hash, title), in id order."""
        cur = self.conn.execute(
            "SELECT id, body, fetched_at, published, content_hash, title FROM articles a WHERE id > ? AND NOT EXISTS "
            "(SELECT 1 FROM fingerprints f WHERE f.article_id = a.id) ORDER BY id LIMIT ?", [after, limit])
        return [{"id": r[0], "body": r[1], "fetched_at": r[2], "published": r[3], "content_hash": r[4], "title": r[5]}
                for r in cur]

    def dated_since(self, since: datetime) -> list[int]:
        """Ids of the articles dated (published, else fetched) at `since` or later, in order: a
        range of the date index, not a scan (the near-duplicate window's articles)."""
        return sorted(r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE coalesce(published, fetched_at) >= ?", [iso(since)]))

    def without_fingerprint_among(self, ids: list[int]) -> list[dict[str, Any]]:
        """Those of `ids` with no fingerprint row, as `without_fingerprint` gives them."""
        marks = ",".join("?" * len(ids))
        cur = self.conn.execute(
            f"SELECT id, body, fetched_at, published, content_hash, title FROM articles a WHERE id IN ({marks}) AND NOT "
            "EXISTS (SELECT 1 FROM fingerprints f WHERE f.article_id = a.id) ORDER BY id", ids) if ids else []
        return [{"id": r[0], "body": r[1], "fetched_at": r[2], "published": r[3], "content_hash": r[4], "title": r[5]}
                for r in cur]

    def set_content_hash(self, article_id: int, digest: str) -> None:
        """Replace an article's content hash (after a change of the text form it hashes)."""
        with self.writing():
            self.conn.execute("UPDATE articles SET content_hash = ? WHERE id = ?", [digest, article_id])

    def fingerprints_complete(self) -> bool:
        """True when every article has a fingerprint row (two counts, no join)."""
        return self.missing_fingerprints() == 0

    def missing_fingerprints(self) -> int:
        """How many articles have no fingerprint row (two counts, no join)."""
        articles = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return max(0, articles - self.conn.execute("SELECT count(*) FROM fingerprints").fetchone()[0])
