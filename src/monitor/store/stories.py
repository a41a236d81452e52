"""Stories for digests and feeds, and the record of what was delivered where."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .base import StoreBase, iso, parse_iso, utcnow

BY_ID = "articles_id_date"  # m004's (id, date, story_id, source, published, fetched_at): covering


class StoriesPart(StoreBase):
    """Rows of `stories` and `deliveries`."""

    if TYPE_CHECKING:  # the outbox's part of the same Store
        def take_waiting(self, subscriber: str, channel: str, recipients: Collection[str],
                         configured: Collection[str] = ()) -> int: ...

        def former_channels(self, former: Collection[str], channel: str) -> list[tuple[str, str]]: ...

    def _stories(self, topics: list[str], where: str, params: list[Any], order: str, limit: int = -1,
                 by_story: bool = False) -> list[dict]:
        """Stories with an article matching any of `topics`: story_id, article_id (its earliest
        matched article, which stands for it; the others are reposts), topics, matched_at, newest.
        `by_story`: `where` names a few stories, whose articles are read first (not every verdict)."""
        if not topics:
            return []
        marks = ",".join("?" * len(topics))
        # every verdict of the topics read its article's story and dates from the (id, date) index m004
        # made covering, not from the article's row past its body: a digest run walks all of them,
        # with nothing new to send too (~30 -> ~15 ms at 200k articles, 9,500 verdicts)
        joined = ("articles a CROSS JOIN article_topics t" if by_story
                  else f"article_topics t JOIN articles a INDEXED BY {BY_ID}")
        sql = (f"SELECT a.story_id, min(a.id) AS article_id, group_concat(DISTINCT t.topic) AS topics, "
               f"min(t.matched_at) AS matched_at, max(coalesce(a.published, a.fetched_at)) AS newest "
               f"FROM {joined} ON a.id = t.article_id WHERE t.topic IN ({marks}) {where} "
               f"GROUP BY a.story_id ORDER BY {order} LIMIT ?")
        return list(self.query(sql, [*topics, *params, limit]))

    def undelivered(self, subscriber: str, channel: str, topics: Iterable[str], adopting: bool = False,
                    former: Collection[str] = ()) -> list[dict]:
        """Stories matching any of `topics` neither delivered nor planned for (subscriber, channel), oldest first.
        `adopting`: a channel never used counts as received what `adopt` would give it, and what
        the `former` subscribers (`former_readers`) sent its reader."""
        # Stories already planned into an outbox message (sent or not) are that message's to carry.
        sent, params = "subscriber = ? AND channel = ?", [subscriber, channel]
        if adopting and not self.channel_used(subscriber, channel):
            sent, params = "subscriber = ?", [subscriber]
            for name, key in self.former_channels(former, channel):
                sent, params = f"{sent} OR (subscriber = ? AND channel = ?)", [*params, name, key]
        return self._stories(list(topics), f"AND a.story_id NOT IN (SELECT story_id FROM deliveries WHERE {sent}) "
                             "AND a.story_id NOT IN (SELECT story_id FROM outbox_stories WHERE subscriber = ? AND "
                             "channel = ?)", [*params, subscriber, channel], "matched_at, a.story_id")

    def carried(self, subscriber: str, channel: str, story_ids: Collection[int], planned: bool = True) -> set[int]:
        """Of `story_ids`, those delivered to (subscriber, channel) or (`planned`) planned into its messages."""
        ids, found = sorted(set(story_ids)), set[int]()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT story_id FROM deliveries WHERE subscriber = ? AND channel = ? AND story_id IN ({marks})"
            params = [subscriber, channel, *chunk]
            if planned:
                sql += sql.replace("deliveries", "outbox_stories").replace("SELECT", " UNION SELECT", 1)
                params += params
            found.update(r[0] for r in self.conn.execute(sql, params))
        return found

    def stories_of(self, story_ids: Collection[int], topics: Iterable[str]) -> list[dict]:
        """The stories `story_ids` as `undelivered` gives them (planned or not), in the order they matched."""
        ids = sorted(set(story_ids))
        return self._stories(list(topics), f"AND a.story_id IN ({','.join('?' * len(ids))})", ids,
                             "matched_at, a.story_id") if ids else []

    def channel_used(self, subscriber: str, channel: str) -> bool:
        """Whether anything was ever delivered or planned for (subscriber, channel)."""
        return self.conn.execute(
            "SELECT 1 FROM deliveries WHERE subscriber = ? AND channel = ? UNION ALL SELECT 1 FROM outbox_stories "
            "WHERE subscriber = ? AND channel = ? LIMIT 1", [subscriber, channel, subscriber, channel]).fetchone() is not None

    def adopt(self, subscriber: str, channel: str, recipients: Collection[str] = (),
              configured: Collection[str] = ()) -> int:
        """A channel never used (its address edited in the config: a webhook token rotated, a
        recipient added; or one added beside the others) takes over what the subscriber received
        on its other channels, as delivered when it was: it starts where the subscriber is instead
        of sending the whole backlog again. A digest run adopts before it sends anything, so a new
        subscriber's channels each get the backlog. An email channel (its bare `recipients`) also
        takes the messages of the subscriber's email channels no longer `configured` that some took
        and some still wait for (`take_waiting`). Returns the stories taken over."""
        with self.transaction():
            if self.channel_used(subscriber, channel):
                return 0
            taken = self.conn.execute(
                "INSERT OR IGNORE INTO deliveries (subscriber, channel, story_id, delivered_at) SELECT subscriber, ?, "
                "story_id, min(delivered_at) FROM deliveries WHERE subscriber = ? GROUP BY story_id",
                [channel, subscriber]).rowcount
            return taken + (self.take_waiting(subscriber, channel, recipients, configured) if recipients else 0)

    def matched_stories(self, topics: Iterable[str], limit: int, since: datetime | None = None) -> list[dict]:
        """The newest stories matching any of `topics` (for feeds), newest article first. For one
        topic, the stories are chosen by walking its verdicts newest first (`_newest_stories`)
        and only theirs are grouped: grouping every verdict of the topic read each article's
        dates past its body, ~100 ms of CPU per feed at 1M articles (a topic of 30,000), more
        as the archive grows, at each `monitor feed` and each request of a served feed."""
        topics = list(topics)
        where, params = ("AND coalesce(a.published, a.fetched_at) >= ?", [iso(since)]) if since else ("", [])
        if len(topics) != 1 or limit < 0:
            return self._stories(topics, where, params, "newest DESC, a.story_id DESC", limit)
        ids = self._newest_stories(topics[0], limit, since)
        return self._stories(topics, f"{where} AND a.story_id IN ({','.join('?' * len(ids))})", [*params, *ids],
                             "newest DESC, a.story_id DESC", limit, by_story=True) if ids else []

    def _newest_stories(self, topic: str, limit: int, since: datetime | None) -> list[int]:
        """The `limit` stories whose newest article matching `topic` (since `since`) is newest,
        ties by the higher story id, as `_stories` orders them: the topic's (topic, date,
        article) index walked newest first, each verdict's story from the covering (id, date)
        index (the verdict's date is its article's), until a story's first verdict is older
        than the `limit`-th story's."""
        sql = ("SELECT a.story_id, t.date FROM article_topics t INDEXED BY article_topics_by_date "
               "JOIN articles a INDEXED BY articles_id_date ON a.id = t.article_id WHERE t.topic = ?"
               f"{' AND t.date >= ?' if since else ''} ORDER BY t.date DESC, t.article_id DESC")
        newest: dict[int, str] = {}
        last: str | None = None  # the date of the `limit`-th story found
        for story, date in self.conn.execute(sql, [topic, *([iso(since)] if since else [])]):
            if last is not None and date < last:
                break
            newest.setdefault(story, date)
            if last is None and len(newest) >= limit:
                last = date
        return sorted(newest, key=lambda story: (newest[story], story), reverse=True)[:limit]

    def story_articles(self, story_id: int) -> list[dict]:
        """All articles of a story, first seen first."""
        return list(self.query("SELECT * FROM articles WHERE story_id = ? ORDER BY id", [story_id]))

    def record_delivery(self, subscriber: str, channel: str, story_ids: Iterable[int]) -> None:
        """Mark stories delivered, after (never before) the send succeeded."""
        now = iso(utcnow())
        self.table("deliveries").insert_all(({"subscriber": subscriber, "channel": channel, "story_id": s,
                                           "delivered_at": now} for s in story_ids), ignore=True)

    def mark_read(self, subscriber: str, channel: str, topics: Iterable[str],
                  before: datetime | None) -> tuple[int, int]:
        """Record the waiting stories whose newest article is older than `before` (all, if None)
        as delivered to (subscriber, channel) without sending them. Returns (marked, left)."""
        with self.transaction():
            self.adopt(subscriber, channel)
            waiting = self.undelivered(subscriber, channel, topics)
            old = [r["story_id"] for r in waiting
                   if before is None or (parse_iso(r["newest"]) or before) < before]
            self.record_delivery(subscriber, channel, old)
        return len(old), len(waiting) - len(old)

    def last_delivery_of(self, subscribers: Collection[str]) -> datetime | None:
        """When any channel of `subscribers` last received a digest."""
        marks = ",".join("?" * len(subscribers)) or "''"
        rows = list(self.query(f"SELECT max(delivered_at) AS t FROM deliveries WHERE subscriber IN ({marks})",
                               list(subscribers)))
        return parse_iso(rows[0]["t"]) if rows else None

    def last_delivery(self, subscriber: str, channel: str) -> datetime | None:
        """When (subscriber, channel) last received a digest."""
        rows = list(self.query("SELECT max(delivered_at) AS t FROM deliveries WHERE subscriber = ? AND channel = ?",
                                  [subscriber, channel]))
        return parse_iso(rows[0]["t"]) if rows else None
