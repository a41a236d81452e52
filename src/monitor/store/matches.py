"""Topic verdicts per article: matched ones kept with their hits, unmatched ones removed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict

from ..models import Hit, Match
from .base import StoreBase, iso, utcnow


class MatchesPart(StoreBase):
    """Rows of `article_topics`."""

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
