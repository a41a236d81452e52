"""The delivery outbox: planned messages, each with its stories, status and retry schedule.

In: `Outgoing` messages planned for a (subscriber, channel). Out: `Queued` messages due for a
send; per-channel summaries for `monitor digest --status`. A message's stories are recorded as
delivered in the same transaction that marks it sent, never before; a story is in at most one
message per (subscriber, channel), which the table's primary key holds.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Collection
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from ..sentlog import split_part
from .base import StoreBase, iso, parse_iso, utcnow

if TYPE_CHECKING:  # the models are made where read: opening the store (a search) creates none of them
    from ..models import Outgoing, Queued


# A message is due when its retry time has come, or when its last try is dated after now: the
# clock was stepped back (NTP mending a clock that ran ahead), and a retry time reckoned on the
# wrong clock (a day ahead) held the message back for as long.
DUE = "(next_attempt_at IS NULL OR next_attempt_at <= ? OR last_attempt_at > ?)"
RECENT_ROWS = 500  # messages looked through for a robot's recent sends (`attempted_since`)


# `digest_runs`' row for the last time the database was set right with its sent note (`deliver._set_right`: by
# a digest, or the daemon's retry job); no subscriber's name is empty. `behind_note` reads it as a digest's run
RECONCILED = ""


def _precise(when: datetime) -> str:
    """`iso` to the microsecond (naive taken as UTC)."""
    when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat(timespec="microseconds")


class OutboxPart(StoreBase):
    """Rows of `outbox`, `outbox_stories` and `digest_runs`."""

    if TYPE_CHECKING:  # the stories' part of the same Store
        def channel_used(self, subscriber: str, channel: str) -> bool: ...

    def digest_ran(self, subscriber: str, when: datetime | None = None) -> None:
        """Record that `subscriber`'s digest ran (planned and sent what was waiting)."""
        with self.writing():
            self.conn.execute("INSERT INTO digest_runs (subscriber, ran_at) VALUES (?, ?) "
                              "ON CONFLICT (subscriber) DO UPDATE SET ran_at = excluded.ran_at",
                              [subscriber, _precise(when or utcnow())])
            # to the microsecond: `behind_note` tells a run just before the note's last line from one after it

    def last_digest_run(self, subscriber: str) -> datetime | None:
        """When `subscriber`'s digest last ran; None if never."""
        row = self.conn.execute("SELECT ran_at FROM digest_runs WHERE subscriber = ?", [subscriber]).fetchone()
        return parse_iso(row[0]) if row else None

    def enqueue(self, subscriber: str, channel: str, messages: list[Outgoing]) -> int:
        """Store planned messages, all or none; returns how many. None when one of their stories is
        already planned for this channel (another process got there first): the caller sends what is due."""
        try:
            with self.transaction():
                self._insert(subscriber, channel, messages)
        except sqlite3.IntegrityError:
            return 0
        return len(messages)

    def _insert(self, subscriber: str, channel: str, messages: list[Outgoing]) -> None:
        now = iso(utcnow())
        for m in messages:
            cur = self.db.conn.execute(
                "INSERT INTO outbox (subscriber, channel, key, part, parts, story_ids, message, status, "
                "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
                [subscriber, channel, m.key, m.part, m.parts, json.dumps(list(m.story_ids)),
                 json.dumps(dataclasses.asdict(m), ensure_ascii=False), now, now])
            self.db.conn.executemany(
                "INSERT INTO outbox_stories (subscriber, channel, story_id, message_id) VALUES (?, ?, ?, ?)",
                [(subscriber, channel, s, cur.lastrowid) for s in m.story_ids])

    def replan(self, subscriber: str, channel: str, drop: Collection[int], messages: list[Outgoing]) -> bool:
        """Unsent messages `drop` of (subscriber, channel) replaced by `messages`, which carry their
        stories (a receiver refused one as too large), all or none. False when none was replaced:
        one of them was sent meanwhile, or a new message's key is taken."""
        marks = ",".join("?" * len(drop))
        try:
            with self.transaction():
                if self.conn.execute(f"SELECT count(*) FROM outbox WHERE id IN ({marks}) AND status != 'sent' "
                                     "AND subscriber = ? AND channel = ?",
                                     [*drop, subscriber, channel]).fetchone()[0] != len(drop):
                    return False
                self.conn.execute(f"DELETE FROM outbox_stories WHERE message_id IN ({marks})", list(drop))
                self.conn.execute(f"DELETE FROM outbox WHERE id IN ({marks})", list(drop))
                self._insert(subscriber, channel, messages)
        except sqlite3.IntegrityError:
            return False
        return True

    def outbox_due(self, subscriber: str, channel: str, now: datetime | None = None) -> list[Queued]:
        """Unsent messages of (subscriber, channel), oldest first; with `now`, only those whose retry is due."""
        sql = ("SELECT * FROM outbox WHERE subscriber = ? AND channel = ? AND status IN ('pending', 'failed') "
               + (f"AND {DUE} " if now else "") + "ORDER BY id")
        params = [subscriber, channel] + ([iso(now)] * 2 if now else [])
        return [_queued(r) for r in self.query(sql, params)]

    def outbox_channels_due(self, now: datetime) -> list[tuple[str, str]]:
        """(subscriber, channel) pairs with a message whose retry is due."""
        rows = self.query("SELECT DISTINCT subscriber, channel FROM outbox WHERE status IN ('pending', 'failed') "
                          f"AND {DUE} ORDER BY subscriber, channel", [iso(now)] * 2)
        return [(r["subscriber"], r["channel"]) for r in rows]

    def mark_sent(self, message_id: int) -> None:
        """The receiver accepted the message: mark it sent and record its stories delivered, together."""
        now = iso(utcnow())
        with self.transaction():
            self.db.conn.execute("UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, "
                                 "last_attempt_at = ?, next_attempt_at = NULL WHERE id = ?", [now, now, message_id])
            self.db.conn.execute("INSERT OR IGNORE INTO deliveries (subscriber, channel, story_id, delivered_at) "
                                 "SELECT subscriber, channel, story_id, ? FROM outbox_stories WHERE message_id = ?",
                                 [now, message_id])
            row = self.db.conn.execute("SELECT subscriber, channel, json_extract(message, '$.format') FROM outbox "
                                       "WHERE id = ?", [message_id]).fetchone()
            stories = [r[0] for r in self.db.conn.execute("SELECT story_id FROM outbox_stories WHERE message_id = ?",
                                                          [message_id])]  # as merges left them
            if row and stories:  # what was unsure for its reader is settled
                self._settle_unsure(row[0], row[1], row[2] or "", stories)

    def unsure_stories(self, subscriber: str, channel: str, fmt: str) -> set[int]:
        """Stories of dropped messages that may have reached the reader of (subscriber, channel)
        (`_drop`): that channel's own, an email channel's sharing one of its recipients, a webhook's
        of the same `fmt` (its token rotated: the same robot)."""
        rows = self.conn.execute("SELECT channel, format, story_id FROM unsure_stories WHERE subscriber = ?",
                                 [subscriber]).fetchall()
        return {r[2] for r in rows if _same_reader(r[0], r[1], channel, fmt)}

    def _settle_unsure(self, subscriber: str, channel: str, fmt: str, story_ids: Collection[int]) -> None:
        rows = self.db.conn.execute(f"SELECT channel, format, story_id FROM unsure_stories WHERE subscriber = ? "
                                    f"AND story_id IN ({','.join('?' * len(story_ids))})",
                                    [subscriber, *story_ids]).fetchall()
        self.db.conn.executemany("DELETE FROM unsure_stories WHERE subscriber = ? AND channel = ? AND story_id = ?",
                                 [(subscriber, r[0], r[2]) for r in rows if _same_reader(r[0], r[1], channel, fmt)])

    def begin_send(self, message_id: int, resend: bool = True) -> None:
        """Before a message leaves: from now on it may reach its receiver. A sender killed before
        it records the outcome (`mark_sent`, `mark_failed`) leaves it so, and the next send of it
        says it is sent again (`Outgoing.resend`). `resend` False (with what it was): it did not leave."""
        with self.transaction():
            self.db.conn.execute("UPDATE outbox SET message = json_set(message, '$.resend', json(?)) "
                                 "WHERE id = ?", ["true" if resend else "false", message_id])

    def mark_failed(self, message_id: int, error: str, retry_at: datetime, waiting: tuple[str, ...] = (),
                    resend: bool = False) -> None:
        """A send failed: count the attempt, keep the error, and say when to try again. `waiting`:
        the recipients still to have it when the others took it (the retry is for them only).
        `resend`: it may have reached the receiver all the same (now or at an earlier try)."""
        now = iso(utcnow())
        with self.transaction():
            self.db.conn.execute("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, "
                                 "last_attempt_at = ?, next_attempt_at = ?, "
                                 "message = json_set(message, '$.resend', json(?)) WHERE id = ?",
                                 [error, now, iso(retry_at), "true" if resend else "false", message_id])
            if waiting:
                self.db.conn.execute("UPDATE outbox SET message = json_set(message, '$.recipients', json(?)) "
                                     "WHERE id = ?", [json.dumps(list(waiting)), message_id])

    def wait_for(self, message_id: int, recipients: Collection[str]) -> None:
        """An unsent email waits for `recipients` only (the others took it, says `<db>.sent`);
        recorded sent when none is left."""
        if not recipients:
            self.mark_sent(message_id)
            return
        with self.transaction():
            self.db.conn.execute("UPDATE outbox SET message = json_set(message, '$.recipients', json(?)) "
                                 "WHERE id = ? AND status != 'sent'", [json.dumps(list(recipients)), message_id])

    def retry_now(self, pairs: Collection[tuple[str, str]]) -> int:
        """Make the failed messages of each (subscriber, channel) due now (the channel was mended:
        a reload changed its settings); returns how many."""
        now, count = iso(utcnow()), 0
        # looked for first: with none to make due no write is begun, so a start (`retried_at_start`) does
        # not wait out another program's write lock for nothing (the daemon started 30 s late behind a
        # sqlite3 shell's BEGIN, and its digest's own line about the lock came later still)
        due = [(subscriber, channel) for subscriber, channel in pairs if self.db.conn.execute(
            "SELECT 1 FROM outbox WHERE subscriber = ? AND channel = ? AND status = 'failed' AND next_attempt_at > ? "
            "LIMIT 1", [subscriber, channel, now]).fetchone()]
        if not due:
            return 0
        with self.transaction():
            for subscriber, channel in due:
                count += self.db.conn.execute("UPDATE outbox SET next_attempt_at = ? WHERE subscriber = ? AND "
                                              "channel = ? AND status = 'failed' AND next_attempt_at > ?",
                                              [now, subscriber, channel, now]).rowcount
        return count

    def drop_unsent(self, subscriber: str, channel: str, keep_format: str) -> int:
        """Drop the unsent messages of (subscriber, channel) rendered in a format other than
        `keep_format` (the channel's format was changed): their stories are planned again, in
        the format it has now. Returns how many were dropped."""
        return self._drop([r["id"] for r in self.query("SELECT id, message FROM outbox WHERE subscriber = ? AND "
                                                        "channel = ? AND status != 'sent'", [subscriber, channel])
                           if json.loads(r["message"]).get("format") != keep_format])

    def drop_unconfigured(self, subscriber: str, configured: Collection[str]) -> int:
        """Drop `subscriber`'s unsent messages on channels no longer `configured` (a webhook's
        token rotated, a recipient list edited, a channel removed): nothing sends them any more,
        and a failed one showed as failing for ever. Their stories stay for the channels that
        are configured, and come again to an old channel configured again. Returns how many."""
        marks = ",".join("?" * len(configured)) or "''"
        return self._drop([r["id"] for r in self.query(
            f"SELECT id FROM outbox WHERE subscriber = ? AND status != 'sent' AND channel NOT IN ({marks})",
            [subscriber, *configured])])

    def drop_former(self, configured: Collection[str]) -> dict[str, int]:
        """Drop the unsent messages of subscribers no longer `configured` (removed from the
        config): nothing sends them, and a failed one showed as failing for ever. Their stories
        stay unsent: a subscriber configured again gets them. Returns how many per subscriber."""
        marks = ",".join("?" * len(configured)) or "''"
        rows = list(self.query(f"SELECT id, subscriber FROM outbox WHERE status != 'sent' "
                               f"AND subscriber NOT IN ({marks}) ORDER BY subscriber", list(configured)))
        self._drop([r["id"] for r in rows])
        dropped: dict[str, int] = {}
        for r in rows:
            dropped[r["subscriber"]] = dropped.get(r["subscriber"], 0) + 1
        return dropped

    def drop(self, message_ids: list[int]) -> int:
        """Delete the unsent messages `message_ids`, as `_drop` does (their stories planned again)."""
        return self._drop(message_ids)

    def _drop(self, stale: list[int]) -> int:
        """Delete unsent messages `stale`. The stories of one that may have reached its reader
        (`resend`: its receiver never answered, or the sender was killed while it waited) are
        kept in `unsure_stories`: planned again for that reader, they say they are sent again."""
        if stale:
            with self.transaction():
                for i in stale:
                    self.db.conn.execute(
                        "INSERT OR IGNORE INTO unsure_stories (subscriber, channel, story_id, format) "
                        "SELECT o.subscriber, o.channel, s.story_id, coalesce(json_extract(o.message, '$.format'), '') "
                        "FROM outbox o JOIN outbox_stories s ON s.message_id = o.id WHERE o.id = ? "
                        "AND json_extract(o.message, '$.resend') AND (o.channel LIKE 'email:%' "
                        "OR o.channel LIKE 'webhook:%')", [i])
                    self.db.conn.execute("DELETE FROM outbox_stories WHERE message_id = ?", [i])
                    self.db.conn.execute("DELETE FROM outbox WHERE id = ?", [i])
        return len(stale)

    def unsent_id(self, key: str) -> int | None:
        """The id of the unsent message with idempotency key `key`; None when there is none."""
        row = self.conn.execute("SELECT id FROM outbox WHERE key = ? AND status != 'sent'", [key]).fetchone()
        return row[0] if row else None

    def behind_note(self) -> str | None:
        """`sentlog.behind`'s line for this database (None when it is not behind its note, or in memory):
        one read of the note's tail and two lookups by key, whatever the database's size."""
        from ..sentlog import behind

        if self.path is None:
            return None
        ran = parse_iso(self.conn.execute("SELECT max(ran_at) FROM digest_runs").fetchone()[0])
        return behind(self.path, self.knows_sent, lambda key: self.unsent_id(key) is not None,
                      ran.timestamp() if ran else None)

    def knows_sent(self, key: str) -> bool:
        """Whether the message with idempotency key `key` is recorded sent; for `<key>~<who took it>`
        (`sentlog.part_key`), recorded sent or waiting for none of those who took it."""
        key, took = split_part(key)
        row = self.conn.execute("SELECT status, json_extract(message, '$.recipients') FROM outbox WHERE key = ?",
                                [key]).fetchone()
        if row is None or row[0] == "sent" or took is None:
            return row is not None and row[0] == "sent"
        waiting = set(json.loads(row[1])) if row[1] else set()  # none named: every recipient
        return bool(waiting) and not waiting & took

    def mark_unsure(self, subscriber: str, channel: str, fmt: str, story_ids: Collection[int]) -> None:
        """Stories that may have reached the reader of (subscriber, channel): planned for it, they
        say they are sent again (as a dropped message's, `_drop`)."""
        with self.transaction():
            self.db.conn.executemany("INSERT OR IGNORE INTO unsure_stories (subscriber, channel, story_id, format) "
                                     "VALUES (?, ?, ?, ?)", [(subscriber, channel, s, fmt) for s in story_ids])

    def story_urls(self, story_ids: Collection[int]) -> dict[int, list[str]]:
        """The URLs of each story's articles."""
        urls: dict[int, list[str]] = {}
        for r in self._in_chunks("SELECT story_id, url FROM articles WHERE story_id IN ({marks})", story_ids):
            urls.setdefault(r["story_id"], []).append(r["url"])
        return urls

    def record_delivered(self, subscriber: str, channel: str, story_ids: Collection[int]) -> None:
        """Record stories as delivered to (subscriber, channel) without a message (they were, by
        a database this one does not know of)."""
        now = iso(utcnow())
        with self.transaction():
            self.conn.executemany("INSERT OR IGNORE INTO deliveries (subscriber, channel, story_id, delivered_at) "
                                  "VALUES (?, ?, ?, ?)", [(subscriber, channel, s, now) for s in story_ids])

    def keep_noted(self, subscriber: str, channel: str, urls: Collection[str]) -> None:
        """Keep `urls` as sent to (subscriber, channel) by a database this one does not know of
        (`settle_noted` records their stories when they come)."""
        with self.writing():
            self.conn.executemany("INSERT OR IGNORE INTO noted_sent (subscriber, channel, url) VALUES (?, ?, ?)",
                                  [(subscriber, channel, u) for u in urls])

    def has_noted(self, subscriber: str, channel: str) -> bool:
        """Whether `keep_noted` keeps URLs for (subscriber, channel)."""
        return self.conn.execute("SELECT 1 FROM noted_sent WHERE subscriber = ? AND channel = ? LIMIT 1",
                                 [subscriber, channel]).fetchone() is not None

    def settle_noted(self, subscriber: str, channel: str, story_ids: Collection[int]) -> list[int]:
        """Of `story_ids` (waiting for the channel), those with an article `keep_noted` kept for it:
        recorded as delivered, their URLs no longer kept. Returns them."""
        if not story_ids or not self.has_noted(subscriber, channel):
            return []
        noted = {r[0] for r in self.conn.execute("SELECT url FROM noted_sent WHERE subscriber = ? AND channel = ?",
                                                 [subscriber, channel])}
        had = {s: set(us) & noted for s, us in self.story_urls(story_ids).items() if set(us) & noted}
        if had:
            with self.transaction():
                self.record_delivered(subscriber, channel, list(had))
                self.conn.executemany("DELETE FROM noted_sent WHERE subscriber = ? AND channel = ? AND url = ?",
                                      [(subscriber, channel, u) for us in had.values() for u in us])
        return sorted(had)

    def attempted_since(self, channel: str, since: datetime) -> list[datetime]:
        """When the messages to `channel` (any subscriber's) last tried since `since`: a robot's pace.
        Among the latest RECENT_ROWS messages only: the table holds every message ever sent."""
        rows = self.query("SELECT last_attempt_at FROM outbox WHERE id > (SELECT max(id) FROM outbox) - ? "
                          "AND channel = ? AND last_attempt_at >= ?", [RECENT_ROWS, channel, iso(since)])
        return [t for t in (parse_iso(r["last_attempt_at"]) for r in rows) if t is not None]

    def defer(self, message_ids: Collection[int], until: datetime) -> None:
        """Put unsent messages off until `until` (a robot's rate limit), not counting an attempt."""
        with self.transaction():
            self.db.conn.executemany(
                "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND status != 'sent' "
                "AND (next_attempt_at IS NULL OR next_attempt_at < ?)",
                [(iso(until), i, iso(until)) for i in message_ids])

    def take_waiting(self, subscriber: str, channel: str, recipients: Collection[str],
                     configured: Collection[str] = ()) -> int:
        """For a new email channel of `recipients` (its `to` edited): each unsent message of the
        subscriber's email channels no longer `configured` that some of its recipients took while
        others wait (greylisted) and that one of `recipients` took is this channel's now: its stories are not
        planned again, and it waits only for those still waiting who are still listed (sent, for
        the record, when none is). A message nobody took stays where it is: its stories are
        planned afresh. Returns the stories taken."""
        from email.utils import parseaddr

        taken = 0
        for row in list(self.query("SELECT id, channel, message FROM outbox WHERE subscriber = ? AND channel != ? "
                                   "AND channel LIKE 'email:%' AND status != 'sent'", [subscriber, channel])):
            if row["channel"] in configured:  # still a channel of the subscriber's: its own to send
                continue
            waiting = json.loads(row["message"]).get("recipients") or []
            had = {parseaddr(a)[1] for a in row["channel"][len("email:"):].split(",")} - set(waiting)
            if not waiting or not had & set(recipients):
                continue
            left = [a for a in waiting if a in recipients]
            self.conn.execute("UPDATE outbox SET channel = ?, message = json_set(message, '$.recipients', json(?)) "
                              "WHERE id = ?", [channel, json.dumps(left), row["id"]])
            taken += self.conn.execute("UPDATE outbox_stories SET channel = ? WHERE message_id = ?",
                                       [channel, row["id"]]).rowcount
            if not left:
                self.mark_sent(row["id"])
        return taken

    def former_readers(self, subscriber: str, channel: str, fmt: str, configured: Collection[str]) -> list[str]:
        """The subscribers no longer `configured` that reached the reader of `channel` (`same_address`;
        for a message of unknown fate, `_same_reader`), when `channel` is new to `subscriber`: the
        subscriber renamed in the config, its channels kept. Looked for only for a channel never
        used, so seldom."""
        if self.channel_used(subscriber, channel):
            return []
        marks = ",".join("?" * len(configured)) or "''"
        rows = self.conn.execute(
            f"SELECT DISTINCT subscriber, channel, NULL FROM deliveries WHERE subscriber NOT IN ({marks}) "
            f"UNION SELECT DISTINCT subscriber, channel, format FROM unsure_stories WHERE subscriber NOT IN ({marks})",
            [*configured, *configured])
        return sorted({r[0] for r in rows if (same_address(r[1], channel) if r[2] is None
                                               else _same_reader(r[1], r[2], channel, fmt))})

    def take_former(self, subscriber: str, channel: str, fmt: str, former: Collection[str]) -> int:
        """What each of `former_readers` sent the reader of `channel` counts as delivered to
        (subscriber, channel), when it was; what may have reached it (`unsure_stories`) goes
        marked as sent again. Returns the stories taken as delivered."""
        before = self._delivered(subscriber, channel)
        with self.transaction():
            for name, key in self.former_channels(former, channel):
                self.conn.execute(
                    "INSERT OR IGNORE INTO deliveries (subscriber, channel, story_id, delivered_at) SELECT ?, ?, "
                    "story_id, delivered_at FROM deliveries WHERE subscriber = ? AND channel = ?",
                    [subscriber, channel, name, key])
            for name in former:
                unsure = [r for r in self.conn.execute("SELECT channel, format, story_id FROM unsure_stories WHERE "
                                                       "subscriber = ?", [name]) if _same_reader(r[0], r[1], channel, fmt)]
                self.conn.executemany("INSERT OR IGNORE INTO unsure_stories (subscriber, channel, story_id, format) "
                                      "VALUES (?, ?, ?, ?)", [(subscriber, r[0], r[2], r[1]) for r in unsure])
        return self._delivered(subscriber, channel) - before

    def former_channels(self, former: Collection[str], channel: str) -> list[tuple[str, str]]:
        """(subscriber, channel) of `former`'s channels that reached the reader of `channel`."""
        marks = ",".join("?" * len(former))
        return [(r[0], r[1]) for r in self.conn.execute(f"SELECT DISTINCT subscriber, channel FROM deliveries WHERE "
                                                        f"subscriber IN ({marks})", list(former))
                if same_address(r[1], channel)] if former else []

    def _delivered(self, subscriber: str, channel: str) -> int:
        return int(self.conn.execute("SELECT count(*) FROM deliveries WHERE subscriber = ? AND channel = ?",
                                     [subscriber, channel]).fetchone()[0])

    def outbox_summary(self) -> list[dict[str, Any]]:
        """Per (subscriber, channel): pending, failed and sent message counts, the next retry, the last error."""
        return list(self.query(
            "SELECT subscriber, channel, sum(status = 'pending') AS pending, sum(status = 'failed') AS failed, "
            "sum(status = 'sent') AS sent, min(CASE WHEN status != 'sent' THEN next_attempt_at END) AS next_attempt, "
            "max(last_attempt_at) AS last_attempt, "
            "(SELECT last_error FROM outbox e WHERE e.subscriber = o.subscriber AND e.channel = o.channel "
            " AND e.status = 'failed' ORDER BY e.last_attempt_at DESC LIMIT 1) AS last_error "
            "FROM outbox o GROUP BY subscriber, channel ORDER BY subscriber, channel"))


def same_address(used: str, channel: str) -> bool:
    """Whether a channel that was sent stories (`used`) reaches a reader of `channel`: it is the
    same channel (a webhook's URL, an email's recipients), or both are emails sharing a recipient."""
    return used == channel or (used.startswith("email:") and channel.startswith("email:")
                               and _same_reader(used, "", channel, ""))


def _same_reader(dropped: str, fmt: str, channel: str, channel_fmt: str) -> bool:
    """Whether the reader of a dropped message's channel (`dropped`, in `fmt`) reads `channel`:
    it is the same channel; or both are emails and share a recipient; or both are webhooks of
    one format (an address with its token rotated; a hash of the URL is all that is kept)."""
    if dropped == channel:
        return True
    if dropped.startswith("email:") and channel.startswith("email:"):
        from email.utils import parseaddr

        def bare(key: str) -> set[str]:
            return {parseaddr(a)[1].lower() for a in key[len("email:"):].split(",")} - {""}

        return bool(bare(dropped) & bare(channel))
    return dropped.startswith("webhook:") and channel.startswith("webhook:") and fmt == channel_fmt


def _queued(row: dict[str, Any]) -> Queued:
    from ..models import Outgoing, Queued

    # Fields a later version dropped are ignored; ones it added take their defaults.
    known = {f.name for f in dataclasses.fields(Outgoing)}
    fields = {k: v for k, v in json.loads(row["message"]).items() if k in known}
    fields["story_ids"] = tuple(fields.get("story_ids") or ())
    fields["recipients"] = tuple(fields.get("recipients") or ())
    return Queued(id=row["id"], subscriber=row["subscriber"], channel=row["channel"], status=row["status"],
                  attempts=row["attempts"], next_attempt_at=parse_iso(row["next_attempt_at"]),
                  last_error=row["last_error"], message=Outgoing(**fields))
