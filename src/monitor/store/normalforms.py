"""Normal-form versions of the search index and the fingerprints, and rebuilding the index.

In: the versions the running code makes (`normform`, passed in by the pipeline: the store never
computes them), rows of FTS tokens made outside the write lock. Out: the versions recorded
(`normal_form`), an index rebuilt batch by batch beside the one in use.

The FTS table keeps no text and its tokens cannot be remade under an older normal form, so
the index is never mended in place: a new table (`articles_fts_new`) is filled in article id
order, one write transaction per batch recording how far it got (`normal_forms.mark`), and
swapped in with the version in one last transaction. Searches read the old index until then;
a crash leaves the old index in use and the rebuild goes on from the mark next time. Articles
stored meanwhile get ids past the mark (the rebuild reaches them); one that gets an id below
it (the newest articles deleted, their ids reused) is indexed into both tables.

Nothing large goes in one transaction: dropping a million articles' index (~3 GB) at once
would hold the write lock about as long as the busy timeout another process waits (measured:
0.65 s for 20,000 articles). The old index is renamed aside at the swap and emptied `CHUNK`
rows at a time (`clear_old_index`); the old fingerprints are deleted by id ranges the same
way (`drop_fingerprints`), the new version recorded once none is left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .base import StoreBase
from .schema import FTS_COLUMNS

NEW = "articles_fts_new"
OLD = "articles_fts_old"  # the index swapped out, emptied in chunks
CHUNK = 5000  # rows deleted per write transaction when clearing (~50 ms of the lock on the bench)
_STATE = "SELECT version, target, mark FROM normal_forms WHERE part = ?"


class FormState(NamedTuple):
    """What `normal_forms` says of one part: its version, and a rebuild under way (target, mark)."""

    version: str
    target: str | None
    mark: int


class NormalFormsPart(StoreBase):
    """Rows of `normal_forms`; `articles_fts_new` while a rebuild is under way."""

    def normal_form(self, part: str) -> FormState:
        """The recorded state of `part` ("index" or "fingerprints")."""
        row = self.conn.execute(_STATE, [part]).fetchone()
        return FormState(*row) if row else FormState("unknown", None, 0)

    def set_normal_form(self, part: str, version: str) -> None:
        """Record that `part` is of `version` (nothing to rebuild: an empty store)."""
        with self.writing():
            self.conn.execute("UPDATE normal_forms SET version = ?, target = NULL, mark = 0 WHERE part = ?",
                              [version, part])
            if part == "index":
                self.conn.execute(f"DROP TABLE IF EXISTS {NEW}")

    def has_articles(self) -> bool:
        """Whether any article is stored (one row read)."""
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    def last_article_id(self) -> int:
        """The highest article id (0 for none)."""
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]

    def count_articles_after(self, after: int) -> int:
        """How many articles have an id above `after` (the rowid range: no table scan)."""
        return self.conn.execute("SELECT count(*) FROM articles WHERE id > ?", [after]).fetchone()[0]

    def start_index_rebuild(self, target: str) -> int:
        """Begin (or resume) rebuilding the index for version `target`; returns the id done up
        to. A rebuild left for another target is dropped and begun again."""
        with self.transaction():
            state = self.normal_form("index")
            if state.target == target and self._exists(NEW):
                return state.mark
            self.conn.execute(f"DROP TABLE IF EXISTS {NEW}")
            self.conn.execute(f"CREATE VIRTUAL TABLE {NEW} USING fts5({FTS_COLUMNS})")
            self.conn.execute("UPDATE normal_forms SET target = ?, mark = 0 WHERE part = 'index'", [target])
        return 0

    def texts_after(self, after: int, limit: int) -> list[tuple[int, str, str]]:
        """(id, title, body) of the next `limit` articles above id `after` (a read)."""
        return self.conn.execute("SELECT id, coalesce(title, ''), coalesce(body, '') FROM articles WHERE id > ? "
                                 "ORDER BY id LIMIT ?", [after, limit]).fetchall()

    def add_rebuilt(self, target: str, after: int, upto: int, rows: list[tuple[int, str]]) -> bool:
        """Index `rows` (id, tokens), made from the articles in ids (after, upto], into the new
        table and move the mark to `upto`, in one transaction; False (nothing written) when
        the rebuild is no longer at `after` for `target` (another process went on with it)."""
        with self.transaction():
            state = self.normal_form("index")
            if state.target != target or state.mark != after:
                return False
            self._index_new(rows)
            self.conn.execute("UPDATE normal_forms SET mark = ? WHERE part = 'index'", [upto])
        return True

    def finish_index_rebuild(self, target: str, tokens: Callable[[str, str], str]) -> int | None:
        """Index what is left past the mark, swap the new table in and record `target`, in one
        transaction; the number of articles indexed here, or None when the rebuild is not at
        `target` any more."""
        with self.transaction():
            state = self.normal_form("index")
            if state.target != target:
                return None
            rest = self.texts_after(state.mark, -1)
            self._index_new([(i, tokens(t, b)) for i, t, b in rest])
            if self._exists(OLD):  # a clearing left unfinished by a crash (cleared before a rebuild starts)
                self.conn.execute(f"DROP TABLE {OLD}")
            self.conn.execute(f"ALTER TABLE articles_fts RENAME TO {OLD}")
            self.conn.execute(f"ALTER TABLE {NEW} RENAME TO articles_fts")
            self.conn.execute("UPDATE normal_forms SET version = ?, target = NULL, mark = 0 WHERE part = 'index'",
                              [target])
        return len(rest)

    def _index_new(self, rows: list[tuple[int, str]]) -> None:
        """Into the new table, the rows whose article is still stored (it may have gone while
        its tokens were made)."""
        if rows:
            kept = {r["id"] for r in self._in_chunks("SELECT id FROM articles WHERE id IN ({marks})",
                                                     [i for i, _ in rows])}
            self.conn.executemany(f"INSERT INTO {NEW}(rowid, tokens) VALUES (?, ?)",
                                  [r for r in rows if r[0] in kept])

    def _also_rebuilt(self, rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Of rows just indexed, those a rebuild under way has passed already (inside the
        caller's transaction)."""
        mark = self.conn.execute("SELECT mark FROM normal_forms WHERE part = 'index' AND target IS NOT NULL"
                                 ).fetchone()
        return [r for r in rows if r[0] <= mark[0]] if mark else []

    def _exists(self, table: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is not None

    def old_index_left(self) -> bool:
        """Whether an index swapped out is still being cleared (one schema look-up)."""
        return self._exists(OLD)

    def clear_old_index(self, chunk: int | None = None) -> bool:
        """Delete up to `chunk` rows of the swapped-out index's tables in one transaction, and
        drop it once empty; False when nothing is left. Its shadow tables are written directly:
        FTS5 is never asked to read an index that no one queries any more."""
        with self.transaction():
            if not self._exists(OLD):
                return False
            left, chunk = 0, chunk or CHUNK
            # _data's rows up to 10 (averages, structure) stay: FTS5 reads them to open the table it drops
            for table, key, keep in ((f"{OLD}_data", "rowid", "rowid > 10"), (f"{OLD}_docsize", "rowid", "1"),
                                     (f"{OLD}_idx", "segid, term", "1")):
                if self._exists(table):
                    left += self.conn.execute(f"DELETE FROM {table} WHERE ({key}) IN "
                                              f"(SELECT {key} FROM {table} WHERE {keep} LIMIT ?)", [chunk]).rowcount
            if left == 0:
                self.conn.execute(f"DROP TABLE {OLD}")
        return True

    def drop_fingerprints(self, version: str, chunk: int | None = None) -> bool:
        """Delete up to `chunk` signatures (by article id) and band rows made under another
        normal form in one transaction, recording `version` as the target; once none is left,
        record it as the fingerprints' version and return False. Articles without a fingerprint
        are fingerprinted again by the pipeline (`rebuild_fingerprints`, resumable). One
        interrupted goes on at the next call: only the recorded version says the rows are whole."""
        chunk = chunk or CHUNK * 4
        with self.transaction():
            self.conn.execute("UPDATE normal_forms SET target = ? WHERE part = 'fingerprints'", [version])
            gone = self.conn.execute("DELETE FROM fingerprints WHERE article_id <= (SELECT article_id FROM "
                                     "fingerprints ORDER BY article_id LIMIT 1 OFFSET ?)", [chunk]).rowcount
            if not gone:
                gone = self.conn.execute("DELETE FROM fingerprints").rowcount  # the last (fewer than a chunk)
            gone += self.conn.execute("DELETE FROM lsh WHERE key <= (SELECT key FROM lsh ORDER BY key LIMIT 1 "
                                      "OFFSET ?)", [chunk]).rowcount or self.conn.execute("DELETE FROM lsh").rowcount
            if gone:
                return True
            self.conn.execute("UPDATE normal_forms SET version = ?, target = NULL WHERE part = 'fingerprints'",
                              [version])
        return False
