"""Topic check records: which rules (and engine) each stored verdict was made by, catch-up at
start and rematch.

In: a `Context` and its configured topics. Out: the rules hash stored with each verdict
(`rules_hash`: the compiled rules, `match.version`'s engine digest and the normal form's
version), articles matched again where the hash they were checked under is not current
(`catch_up`, run by every writer at start; `match_unchecked` alone, in the background, by the
daemon), or all of them on request (`rematch`), with counts. Verdicts pass through
`policy.source_verdicts` as at ingest. A match gained this way waits for its digest like any
other; one lost is dropped from search and feeds (a story already sent stays sent).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from .. import match
from .base import Context, log
from .policy import source_verdicts
from .reindex import bring_up_to_date

_HASHES: dict[int, tuple[Any, int]] = {}


def rules_hash(topic: Any) -> int:
    """A stable signed 63-bit hash of a compiled topic's rules and of the engine that applies
    them (same rules, same engine, same hash, in any process): stored with each verdict, so a
    rule change or an upgraded engine (`match.version`) shows as unchecked articles."""
    cached = _HASHES.get(id(topic))
    if cached is not None and cached[0] is topic:
        return cached[1]
    from ..match.version import engine_version
    from ..normform import index_version

    text = "\n".join([repr(_canonical(topic)), engine_version(topic), index_version()])
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "big") >> 1
    _HASHES[id(topic)] = (topic, value)
    return value


def _canonical(value: Any) -> Any:
    """Plain nested lists for a compiled rule object (sets sorted: their order varies by process)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__, *[(f.name, _canonical(getattr(value, f.name)))
                                        for f in dataclasses.fields(value)]]
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, int(value.flags)]
    if isinstance(value, dict):
        return [(repr(k), _canonical(v)) for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_canonical(v)) for v in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def topic_hashes(ctx: Context, names: Iterable[str] | None = None) -> list[tuple[str, Any, int]]:
    """(name, compiled topic, rules hash) for the named (default: all) configured topics."""
    return [(n, ctx.cfg.topics[n], rules_hash(ctx.cfg.topics[n])) for n in (names or ctx.cfg.topics)]


NOTICE_AT = 20_000  # a one-off pass over this many stored articles is announced


def catch_up(ctx: Context, progress: Callable[[str, int, int], None] | None = None) -> dict[str, int]:
    """Rebuild the index and fingerprints stored under another normal form (`reindex`),
    fingerprint any article without one, and match every article that has no check record
    for a current topic's rules (`match_unchecked`). Cheap when there are none. Returns
    articles matched per topic."""
    bring_up_to_date(ctx, progress)  # the index and fingerprints of another normal form, then any missing
    return match_unchecked(ctx, progress)


def match_unchecked(ctx: Context, progress: Callable[[str, int, int], None] | None = None,
                    stop: Callable[[], bool] | None = None) -> dict[str, int]:
    """Match every article that has no check record for a current topic's rules (a topic added,
    rules changed, an upgraded engine, or an article stored by a process with other topics).
    A batch at a time, each in its own short transaction, so it can run beside a daemon's polls
    on a connection of its own; `stop` is asked between batches (what is left stays unchecked,
    for the next pass). Returns articles matched per topic."""
    counts = {}
    for name, topic, rules in topic_hashes(ctx):
        if ctx.store.all_checked(name, rules) or (stop and stop()):
            continue
        before = _matched_ids(ctx, name)
        counts[name] = _match_unchecked(ctx, name, topic, rules, progress=progress, stop=stop)
        now = _matched_ids(ctx, name)
        log.info("catch-up topic=%s matched_articles=%d gained=%d lost=%d", name, counts[name],
                 len(now - before), len(before - now))
        if before and now - before:  # an upgrade or a rule change found stored articles it had missed
            log.warning("%d stored articles newly match topic %s; their stories wait for the next digests "
                        "(to skip old ones: monitor digest --mark-read --before 7d)", len(now - before), name)
    return counts


def notice(n: int, what: str) -> None:
    """Say so before a long one-off pass (minutes at a million articles), so a command that is
    quiet for that long is not taken for a hung one."""
    if n >= NOTICE_AT:
        log.warning(what.format(n=n) + ": this takes a while")


def _match_unchecked(ctx: Context, name: str, topic: Any, rules: int, batch: int = 500,
                     progress: Callable[[str, int, int], None] | None = None,
                     stop: Callable[[], bool] | None = None) -> int:
    total = ctx.store.count_unchecked(name, rules)
    notice(total, f"matching {{n:,}} stored articles against the rules of topic {name} (new or changed)")
    done, after = 0, 0
    while not (stop and stop()) and (ids := ctx.store.unchecked(name, rules, after, batch)):
        # matched outside the write lock: a daemon polling the same store waits only for the writes
        verdicts = [(row["id"], _verdicts(ctx, [topic], row)[0]) for row in ctx.store.articles_by_id(ids)]
        with ctx.store.transaction():
            for article_id, verdict in verdicts:
                ctx.store.set_match(article_id, verdict, rules)
        done, after = done + len(ids), ids[-1]
        if progress and total >= NOTICE_AT:
            progress(f"topic {name}'s verdicts", min(done, total), total)
    return done


def _verdicts(ctx: Context, topics: list[Any], row: dict) -> list[Any]:
    """The topics' verdicts on a stored article, through the sources' policy as at ingest."""
    verdicts = match.match_topics(topics, row["title"] or "", row["body"] or "")
    return source_verdicts(ctx.cfg, row["source"], row["published"], verdicts, row["fetched_at"],
                           imported=bool(row.get("imported")))


REMATCH_BATCH = 500  # articles matched again in one transaction


def rematch(ctx: Context, topics: list[str] | None = None, since: datetime | None = None,
            done: Callable[[int], None] | None = None) -> dict[str, int]:
    """Re-run topics over stored articles after a rule change; counts gained and lost matches.
    Each batch is kept as it is written; `done` is told the articles kept so far after each."""
    chosen = topic_hashes(ctx, topics)
    before = {n: _matched_ids(ctx, n) for n, _, _ in chosen}
    seen, after = 0, 0
    while ids := ctx.store.article_ids(after, REMATCH_BATCH, since):
        made = [(row["id"], _verdicts(ctx, [t for _, t, _ in chosen], row)) for row in ctx.store.articles_by_id(ids)]
        with ctx.store.transaction():
            for article_id, verdicts in made:
                for verdict, (_, _, rules) in zip(verdicts, chosen, strict=True):
                    ctx.store.set_match(article_id, verdict, rules)
        seen, after = seen + len(ids), ids[-1]
        if done:
            done(seen)
    counts = {"articles": seen, "gained": 0, "lost": 0}
    for n, _, _ in chosen:
        now = _matched_ids(ctx, n)
        counts["gained"] += len(now - before[n])
        counts["lost"] += len(before[n] - now)
    return counts


def match_again(ctx: Context, ids: list[int]) -> int:
    """Every current topic's verdict on these stored articles made again, as `rematch` makes it (an
    import marked them imported: the age limit no longer applies); how many match a topic now and
    matched none before (a poll-stored article matched already is not counted again: a re-import
    of a poll's own articles said "40 matched a topic" of articles every digest had carried)."""
    chosen = topic_hashes(ctx)
    before = {i for i, topics in ctx.store.topics_of(ids).items() if topics}
    made = [(row["id"], _verdicts(ctx, [t for _, t, _ in chosen], row)) for row in ctx.store.articles_by_id(ids)]
    with ctx.store.transaction():
        for article_id, verdicts in made:
            for verdict, (_, _, rules) in zip(verdicts, chosen, strict=True):
                ctx.store.set_match(article_id, verdict, rules)
    return sum(any(v.matched for v in verdicts) and article_id not in before for article_id, verdicts in made)


def _matched_ids(ctx: Context, topic: str) -> set[int]:
    return {r["article_id"] for r in ctx.store.db.query("SELECT article_id FROM article_topics WHERE topic = ?", [topic])}
