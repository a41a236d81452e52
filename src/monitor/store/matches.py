"""Topic verdicts per article: matched ones kept with their hits, unmatched ones removed, and
for every verdict a check record (topic, article, rules hash), so an article never checked
against a topic's current rules can be found and matched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .base import StoreBase, iso, utcnow

if TYPE_CHECKING:  # the models are made where read: opening the store (a search) creates none of them
    from ..models import Hit, Match

# `date` is the article's (search's sort key), for walking a topic's articles newest first
_UPSERT = ("INSERT INTO article_topics(article_id, topic, score, hits, rules, reason, matched_at, date) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(published, fetched_at) FROM articles WHERE id = ?1)) "
           "ON CONFLICT(article_id, topic) DO UPDATE SET "
           "score = excluded.score, hits = excluded.hits, rules = excluded.rules, reason = excluded.reason, "
           "date = excluded.date")
_DROP = "DELETE FROM article_topics WHERE article_id = ? AND topic = ?"
_CHECK = "INSERT OR REPLACE INTO article_checks(topic, article_id, rules) VALUES (?, ?, ?)"


def _hits_json(hits: tuple[Hit, ...], rules: tuple[str, ...]) -> str:
    """The hits as compact JSON rows [term, field, start, end, rule], the rule given by its
    index in `rules` when it is one of them: a fifth of the size of one object per hit."""
    where = {r: i for i, r in enumerate(rules)}
    return json.dumps([[h.term, h.field, h.start, h.end, where.get(h.rule, h.rule)] for h in hits],
                      ensure_ascii=False, separators=(",", ":"))


def decode_hits(hits: str | None, rules: str | None) -> list[dict[str, Any]]:
    """Stored hits as dicts (term, field, start, end, rule): compact rows, or objects as
    databases written before them hold."""
    names = json.loads(rules or "[]")
    out = []
    for h in json.loads(hits or "[]"):
        if isinstance(h, list):
            term, field, start, end, rule = h
            h = {"term": term, "field": field, "start": start, "end": end,
                 "rule": names[rule] if isinstance(rule, int) else rule}
        out.append(h)
    return out


class MatchesPart(StoreBase):
    """Rows of `article_topics` and `article_checks`."""

    def set_match(self, article_id: int, match: Match, rules: int | None = None) -> None:
        """Store a topic verdict: matched ones are kept, unmatched ones removed; with `rules`
        (the topic's rules hash) the check is recorded too."""
        with self.writing():
            if match.matched:
                self.conn.execute(_UPSERT, [article_id, match.topic, match.score,
                                            _hits_json(match.hits, match.rules),
                                            json.dumps(list(match.rules), ensure_ascii=False), match.reason,
                                            iso(utcnow())])
            else:
                self.conn.execute(_DROP, [article_id, match.topic])
            if rules is not None:
                self.conn.execute(_CHECK, [match.topic, article_id, rules])

    def unchecked(self, topic: str, rules: int, after: int = 0, limit: int = -1) -> list[int]:
        """Ids above `after` of articles with no check for `topic` under `rules`, in id order."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles a WHERE id > ? AND NOT EXISTS (SELECT 1 FROM article_checks c "
            "WHERE c.topic = ? AND c.article_id = a.id AND c.rules = ?) ORDER BY id LIMIT ?",
            [after, topic, rules, limit])]

    def all_checked(self, topic: str, rules: int) -> bool:
        """True when every article has a check for `topic` under `rules` (two counts, no join)."""
        return self.count_unchecked(topic, rules) == 0

    def count_unchecked(self, topic: str, rules: int) -> int:
        """How many articles have no check for `topic` under `rules` (two counts, no join)."""
        total = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        checked = self.conn.execute("SELECT count(*) FROM article_checks WHERE topic = ? AND rules = ?",
                                    [topic, rules]).fetchone()[0]
        return max(0, total - checked)

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
        from ..models import Hit

        return [Hit(**h) for h in self._hit_dicts(article_id, topics)]

    def hit_spans(self, article_id: int, topics: Iterable[str], field: str) -> list[tuple[int, int]]:
        """(start, end) of an article's stored hits in one field, sorted: `hits_of` without
        making `Hit`s (a search's snippets need only these, and no model class)."""
        return sorted((h["start"], h["end"]) for h in self._hit_dicts(article_id, topics) if h["field"] == field)

    def _hit_dicts(self, article_id: int, topics: Iterable[str]) -> Iterator[dict[str, Any]]:
        for t in topics:
            for r in self.query("SELECT hits, rules FROM article_topics WHERE article_id = ? AND topic = ?",
                                [article_id, t]):
                yield from decode_hits(r["hits"], r["rules"])
