"""URL aliases: the other URLs an article is known by (the link it was found under, the URLs it
was redirected from), each pointing at the canonical URL it is stored under.

In: (target, aliases) after an article is stored or found to be stored. Out: which of some
canonical URLs are aliases, so the same article reached by another path is not fetched again.
"""

from __future__ import annotations

from collections.abc import Iterable

from .base import StoreBase, iso, utcnow


class AliasesPart(StoreBase):
    """Rows of `url_aliases`."""

    def add_aliases(self, target: str, aliases: Iterable[str]) -> None:
        """Remember that each alias (a canonical URL) leads to the article stored under `target`."""
        rows = [{"alias": a, "target": target, "created_at": iso(utcnow())} for a in set(aliases) if a != target]
        if rows:
            with self.writing():
                self.table("url_aliases").upsert_all(rows, pk="alias")

    def aliased(self, canonical_urls: Iterable[str]) -> dict[str, str]:
        """Those of these canonical URLs that are aliases, each with the URL it leads to."""
        return {r["alias"]: r["target"] for r in self._in_chunks(
            "SELECT alias, target FROM url_aliases WHERE alias IN ({marks})", canonical_urls)}

    def variants(self, base: str, limit: int = 50) -> list[tuple[str, str, str]]:
        """Aliases at the address `base` with a query (`base?…`), each with the URL of the article
        it leads to and that article's headline: what `pipeline.variants` reads."""
        return [tuple(row) for row in self.conn.execute(
            "SELECT u.alias, u.target, a.title FROM url_aliases u JOIN articles a ON a.canonical_url = u.target "
            "WHERE u.alias > ? AND u.alias < ? LIMIT ?", [base + "?", base + "@", limit])]  # "@" follows "?"
