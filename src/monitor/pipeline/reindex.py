"""Keep the stored search index and fingerprints in the normal form of the running code.

In: a Context; the versions `normform` computes for the installed code. Out: `Reindexed`
counts, after the index is rebuilt and the fingerprints dropped where the store recorded
another version (then fingerprinted again by `ingest.rebuild_fingerprints`); `stale_index`
for readers. Run by every writer's `catch_up` (poll, run, import) and by `monitor reindex`;
a new store's first ingest records the running code's versions (`record_if_empty`). The daemon
makes the fingerprints at start and rebuilds the index beside its jobs (`index_up_to_date`). Never
prints: progress goes to an optional callback and to the log.

The index is rebuilt beside the one in use, in batches of `BATCH` articles whose tokens are
made outside the write lock, each batch one write transaction of well under a second (a
daemon polling the same store waits for one batch, not the whole rebuild), resumable from its
last batch after a crash or Ctrl-C; the old index and the old fingerprints are then deleted a
chunk per transaction (`store.normalforms`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from .. import ftstokens, normform
from ..store.base import crash_point
from .reading import Reading

if TYPE_CHECKING:
    from .base import Context

log = logging.getLogger("monitor")

BATCH = 500  # articles per write transaction: ~0.5 s of the write lock (FTS5 writes ~1,000/s; BENCHMARKS)
LOG_EVERY = 30.0  # seconds between progress lines in the log during a long rebuild

EMPTY = "empty"  # what m017 records for a store without articles
Progress = Callable[[str, int, int], None]  # (what, done, total)


class Reindexed(NamedTuple):  # not a dataclass: making one costs ~0.5 ms of every `monitor search`
    """What one call rebuilt: articles re-indexed, articles fingerprinted again."""

    indexed: int = 0
    fingerprinted: int = 0


def stale_index(ctx: Reading) -> bool:
    """Whether stored articles' search tokens are known to be of another normal form (some may
    not be found): cheap, for readers (a cached version and one row). A store that says "empty"
    but holds articles was filled around the pipeline (which records the form before the first
    article): nothing says its tokens are stale, and a writer rebuilds them to be sure."""
    version = ctx.store.normal_form("index").version
    return version not in (EMPTY, normform.index_version()) and ctx.store.has_articles()


def bring_up_to_date(ctx: Context, progress: Progress | None = None, force: bool = False) -> Reindexed:
    """Rebuild the index and fingerprints stored under another normal form (all of them with
    `force`); at the current form, two one-row reads and nothing else."""
    indexed = index_up_to_date(ctx, progress, force)
    return Reindexed(indexed, fingerprints_up_to_date(ctx, progress, force))


def index_up_to_date(ctx: Context, progress: Progress | None = None, force: bool = False,
                     stop: Callable[[], bool] | None = None) -> int:
    """Rebuild the search index made under another normal form (with `force`, whatever its
    form); articles indexed. `stop` is asked between batches: a rebuild stopped goes on from its
    last batch next time (the daemon runs this beside its jobs; searches meanwhile use the old
    index)."""
    index = normform.index_version()
    if ctx.store.old_index_left():  # an interrupted clearing: finished first, never dropped at once
        _clear_old_index(ctx)
    if not ((stale := ctx.store.normal_form("index").version != index) or force):
        return 0
    indexed = _rebuild_index(ctx, index, progress, "made under another normal form: an upgrade changed it"
                             if stale else "asked to", stop)
    if ctx.store.normal_form("index").version == index:
        _clear_old_index(ctx)
    return indexed


def fingerprints_up_to_date(ctx: Context, progress: Progress | None = None, force: bool = False, *,
                            window_only: bool = False, stop: Callable[[], bool] | None = None) -> int:
    """Fingerprint again the articles fingerprinted under another normal form (all with `force`),
    and any without one; articles fingerprinted. Folding needs them: a repost of an article
    without its fingerprint would be a story of its own, so every writer does this first; the
    daemon only for the near-duplicate window's articles (`window_only`: those a new article
    folds into), the older ones beside its jobs, stopping between batches when `stop` says so."""
    from .ingest import rebuild_fingerprints

    fingerprints = normform.fingerprint_version()
    if (stale := ctx.store.normal_form("fingerprints").version != fingerprints) or force:
        if ctx.store.has_articles():
            log.warning("fingerprints: made again (%s)", "stored under another normal form: an upgrade changed it"
                        if stale else "asked to")
        while ctx.store.drop_fingerprints(fingerprints):
            pass
    return rebuild_fingerprints(ctx, progress=progress, window_only=window_only, stop=stop)


def _clear_old_index(ctx: Context) -> None:
    """Empty the swapped-out index a chunk per transaction (the file keeps the pages for reuse)."""
    started, steps = time.monotonic(), 0
    while ctx.store.clear_old_index():
        steps += 1
    if steps:  # nothing to clear (a new store's first index): nothing to say
        log.info("search index: the old index cleared in %d steps, %.1f s", steps, time.monotonic() - started)


def _rebuild_index(ctx: Context, version: str, progress: Progress | None, why: str = "asked to",
                   stop: Callable[[], bool] | None = None) -> int:
    """The index rebuilt for `version` (resumed where a rebuild for it stopped, or stopping
    between batches when `stop` says so); articles indexed."""
    store = ctx.store
    if not store.has_articles():
        store.set_normal_form("index", version)
        return 0
    after = store.start_index_rebuild(version)
    total = after + store.count_articles_after(after)
    log.warning("search index: re-indexing %d stored articles%s (%s); searches may miss some until it ends",
                total - after, f" (resumed after article {after})" if after else "", why)
    started = last_log = time.monotonic()
    done = 0
    while len(rows := store.texts_after(after, BATCH)) == BATCH:
        if stop and stop():
            log.info("search index: %d articles re-indexed; the rest at the next start", done)
            return done
        upto = rows[-1][0]
        made = [(i, ftstokens.article_tokens(t, b)) for i, t, b in rows]
        if store.add_rebuilt(version, after, upto, made):
            done, after = done + len(rows), upto
            crash_point("reindex-batch")
        elif (state := store.normal_form("index")).target == version:
            after = state.mark  # another process went on with the same rebuild: from where it got
        else:
            return done  # another process finished it, or rebuilds for other code: its turn
        if progress:
            progress("search index", min(done, total), total)
        if time.monotonic() - last_log >= LOG_EVERY:
            log.info("search index: %d of %d articles re-indexed", done, total)
            last_log = time.monotonic()
    rest = store.finish_index_rebuild(version, ftstokens.article_tokens)
    done += rest or 0
    seconds = time.monotonic() - started
    if progress:
        progress("search index", total, total)
    log.warning("search index: rebuilt, %d articles in %.1f s (%.0f articles/s)", done, seconds,
                done / seconds if seconds else 0)
    return done


def record_if_empty(ctx: Context) -> None:
    """A store that never held an article takes the running code's versions before its first
    one is stored (a store filled some other way stays "empty", taken as of an unknown form)."""
    for part, version in (("index", normform.index_version), ("fingerprints", normform.fingerprint_version)):
        if ctx.store.normal_form(part).version == EMPTY and not ctx.store.has_articles():
            ctx.store.set_normal_form(part, version())
