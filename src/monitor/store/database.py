"""sqlite-utils for the store's writers and migrations, imported only when first needed.

In: the store's open sqlite3 connection. Out: `ImmediateDatabase` wrapping it. Importing
sqlite-utils loads its plugins and numpy (~0.1 s), so read-only commands such as `monitor
search` never import this module (`StoreBase.db` does, on first use).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlite_utils import Database


class ImmediateDatabase(Database):
    """sqlite-utils' Database whose own transactions (`atomic`) begin IMMEDIATE.

    A deferred transaction that reads and then writes gets SQLITE_BUSY at once when another
    process wrote in between (the busy timeout cannot help a stale snapshot)."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()
