"""The daemon: APScheduler jobs for polling and digests.

In: a validated Config and an open Store. Out: nothing; it runs until SIGTERM/SIGINT. One poll
job per source (its interval plus jitter), one digest job per subscriber (cron in the config's
timezone, Asia/Shanghai by default). Jobs never overlap themselves (max_instances=1) and missed
runs collapse into one (coalesce); jobs of different sources run at once, sharing one fetcher
(so hosts stay polite) and taking turns only for the store. Each poll is `run_cycle`, as in
`monitor poll`. Jobs return their reports (read by `metrics`). The lock, SIGHUP reloads and
metrics live in `daemon`. Never prints; the pipeline logs one line per source.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from . import crontab, daemon
from .config import Config
from .errors import ConfigError, MonitorError
from .fetch import Fetcher
from .logs import DAEMON
from .models import SourceReport
from .pipeline import Context, DigestResult, retry_due, run_cycle, send_digests
from .store import Store, database_fault

log = logging.getLogger("monitor")
said = logging.getLogger(DAEMON)  # the start and stop lines, said without -v too (`logs.setup`)


def build(cfg: Config, store: Store, fetcher: Fetcher | None, *, ctx: Context | None = None,
          catch_up: bool = True) -> BackgroundScheduler:
    """A scheduler with every poll and digest job added (not started); `ctx` when the daemon shares one.
    `catch_up` (at start, not at a reload) adds a digest run missed while the daemon was down."""
    ctx = ctx or Context(cfg, store, fetcher)
    # Polls have the default pool; digests, retries and reloads one of their own (OWN_POOL): ten
    # stalled sites held every thread, and a SIGHUP, the morning digest and the retries waited for them.
    sched = BackgroundScheduler(timezone=cfg.timezone, executors={"default": ThreadPoolExecutor(POLL_THREADS),
                                                                daemon.OWN_POOL: ThreadPoolExecutor(OWN_THREADS)},
                              job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": 600})

    def poll_job(name: str) -> list[SourceReport]:
        # No job-wide lock: a slow source must not hold up the others. The cycle takes
        # ctx.lock only around its store work, and the shared fetcher keeps each host polite.
        started = time.monotonic()
        if not ctx.outages.due(name, started):  # failing for a while: polled less often (Outages.pace)
            return []
        ctx.polling[name] = started  # (a poll submitted but not here waits for a thread: daemon.Overruns)
        try:
            reports = run_cycle(ctx, [name])
        finally:
            ctx.polling.pop(name, None)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds").removesuffix("+00:00")
        for r in reports:  # the poll's own line is INFO: a source failing for hours is said once, and its end
            src = next((s for s in ctx.cfg.sources if s.name == r.source and s.enabled), None)
            if src is None:  # taken out by a reload while it ran: nothing to say of it, nothing to remember
                continue
            if r.store_error:  # its site answered; the database refused (a full disk, another's lock): not
                continue  # the source's outage, said by the cycle, nor a reason to poll it less once it has room
            if (line := ctx.outages.note(r.source, r.status, r.errors[0] if r.errors else "", now,
                                           started)) is not None:
                log.warning("%s", line)
            ctx.outages.pace(r.source, src.interval, started)
        return reports

    triggers: dict[str, BaseTrigger] = {}

    def digest_job(name: str, scheduled: bool = False) -> list[DigestResult]:
        slot = crontab.previous_fire(triggers[name], _wall(ctx.cfg)) if name in triggers else None
        if scheduled and slot is not None and (first := crontab.repeated(triggers[name], slot)) is not None:
            log.info("digest subscriber=%s: %s came again as the clocks went back an hour (%s): its digest "
                     "went at the first, at %s; not sent again; what came since goes in the next", name,
                     slot.strftime("%H:%M"), ctx.cfg.timezone, first.isoformat(timespec="minutes"))
            return []
        if scheduled and slot is not None and (sent := served_already(name, slot)):
            log.warning("digest subscriber=%s: the digest of %s was already sent, at %s by the clock as it then "
                        "was (the clock was stepped back since): not sent again; what came since goes in the next",
                        name, slot.isoformat(timespec="minutes"), sent.isoformat(timespec="minutes"))
            return []
        try:
            # one SQLite connection: the digest's store work takes its turn (it lets `lock` go while a
            # message is on its way, so polls store meanwhile; another sender waits on `delivering`)
            with ctx.delivering, ctx.lock:
                results = send_digests(ctx, name, respect_backoff=True)
        except Exception as exc:  # a locked or full database: one line, and not skipped till tomorrow
            if (err := fault(exc)) is None:
                raise
            failures = ctx.owed.get(name, (0, 0.0))[0] + 1
            wait = min(AGAIN_CAP, AGAIN_FIRST * 2 ** (failures - 1))
            ctx.owed[name] = (failures, time.monotonic() + wait)
            log.error("digest subscriber=%s status=error error=%s; it runs again at the first retry after %.0f s",
                      name, err, wait)
            return []
        ctx.owed.pop(name, None)
        if slot is not None:
            ctx.served[name] = (slot, time.monotonic())
        return results

    def served_already(name: str, slot: datetime) -> datetime | None:
        """The scheduled time `slot` this daemon already sent `name`'s digest of, less than half
        the schedule's period ago: the wall clock was stepped back across it (NTP mending a clock
        that ran an hour ahead), and the scheduler, put on the clock as it now is, came to it again.
        A whole period since (a clock that ran a day ahead) is the next day's digest: it goes."""
        done, when = ctx.served.get(name, (None, 0.0))
        before = crontab.previous_fire(triggers[name], slot - timedelta(seconds=1))
        if done is None or done < slot or before is None:
            return None
        return done if time.monotonic() - when < (slot - before).total_seconds() / 2 else None

    def retry_job() -> list[DigestResult]:
        results = [r for name, (_, when) in list(ctx.owed.items()) if when <= time.monotonic()
                   for r in (digest_job(name) if name in {s.name for s in ctx.cfg.subscribers} else [])]
        try:
            with ctx.delivering, ctx.lock:
                results += retry_due(ctx)
        except Exception as exc:
            if (err := fault(exc)) is None:
                raise
            retries_failing(str(err))
            return results
        if failing:
            log.warning("digest retries work again, after %d failed runs since %s", failing["runs"], failing["since"])
            failing.clear()
        return results

    failing: dict[str, Any] = {}  # the retry job's database fault, said once (a damaged file fails it every minute)

    def retries_failing(error: str) -> None:
        now = time.monotonic()
        if failing.get("error") == error and now - failing["said"] < RESAY:
            failing["runs"] += 1
            return
        again = failing.get("error") == error
        failing.update(error=error, said=now, runs=failing.get("runs", 0) + 1,
                       since=failing.get("since") or f"{datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%S}Z")  # UTC, as the log
        log.error("digest retries: %s%s", f"still failing since {failing['since']} ({failing['runs']} runs): "
                  if again else "", error + ("" if again else " (said again when it changes, works again, or hourly)"))

    def fault(exc: Exception) -> MonitorError | None:
        return exc if isinstance(exc, MonitorError) else database_fault(exc, ctx.store.path)

    now = _now(cfg)
    for src in (s for s in cfg.sources if s.enabled):
        # misfire_grace_time None: a poll whose time passed while the machine slept, the VM was
        # paused or the clock stepped forward runs late (once) instead of being dropped till its next interval
        sched.add_job(poll_job, IntervalTrigger(seconds=src.interval, jitter=cfg.jitter, timezone=cfg.timezone),
                      args=[src.name], id=f"poll:{src.name}", name=f"poll {src.name}", next_run_time=now,
                      misfire_grace_time=None)
    for sub in cfg.subscribers:
        try:
            trigger = crontab.trigger(sub.schedule, cfg.timezone)  # weekdays numbered as crontab does
        except ValueError as exc:
            raise ConfigError(f"subscribers.{sub.name}.schedule: {exc}", hint='e.g. "0 8 * * *"') from None
        # misfire_grace_time None: a digest whose time passed while the process was suspended or
        # busy still goes out, late, rather than waiting for the next day
        triggers[sub.name] = trigger
        sched.add_job(digest_job, trigger, args=[sub.name, True], id=f"digest:{sub.name}", name=f"digest {sub.name}",
                      misfire_grace_time=None, executor=daemon.OWN_POOL)
        last_run = store.last_digest_run(sub.name)
        if catch_up and last_run is not None and last_run > _wall(cfg) and (
                done := crontab.previous_fire(trigger, last_run)) is not None:
            # its last run is dated later than the clock now says: the clock was stepped back since, and
            # this daemon started again meanwhile; that run's scheduled time counts as served (`served_already`)
            ctx.served.setdefault(sub.name, (done, time.monotonic()))
        if last_run is None:  # a first start: from now on, a run the daemon is not up for is caught up
            store.digest_ran(sub.name, now)
        elif catch_up and (missed := missed_run(trigger, last_run, now)) is not None:  # a schedule moved
            # earlier by a reload is no missed run: the daemon was up, and the next digest holds what came since
            log.info("digest subscriber=%s: its run of %s was missed while the daemon was not running: sending now",
                     sub.name, missed.isoformat())
            sched.add_job(digest_job, args=[sub.name], id=f"digest-missed:{sub.name}",
                          name=f"missed digest {sub.name}", next_run_time=now, misfire_grace_time=None,
                          executor=daemon.OWN_POOL)
    if cfg.subscribers:  # failed messages go again when their backoff ends, not only at the next cron time
        first = {"next_run_time": now} if catch_up and retried_at_start(cfg, store) else {}
        sched.add_job(retry_job, IntervalTrigger(seconds=RETRY_EVERY, timezone=cfg.timezone), id="outbox:retry",
                      name="retry failed digest messages", executor=daemon.OWN_POOL, **first)
    return sched


def retried_at_start(cfg: Config, store: Store) -> int:
    """The failed messages of every configured channel made due now, at a start (a channel mended
    in the file and the daemon restarted, no SIGHUP: they waited out their backoff, up to six hours,
    as `daemon.Reloader._mended` says of a reload). A channel still down costs one try more. How many."""
    from .pipeline.channels import configured_channels

    try:
        n = store.retry_now(configured_channels(cfg))
    except Exception as exc:  # a locked or full database: they wait as they were
        log.warning("digest retries: the failed messages not made due at start: %s", exc)
        return 0
    if n:
        log.info("digest retries: %d failed messages are tried again now, at start (a channel may have been "
                 "mended meanwhile)", n)
    return n


POLL_THREADS = daemon.POLL_THREADS  # polls at once
OWN_THREADS = 3  # digests, retries and reloads at once (they take turns on ctx.delivering anyway)
RETRY_EVERY = 60.0  # seconds between runs of the retry job (failed messages, digests owed after a fault)
RESAY = 3600.0  # seconds before the retry job's unchanged fault is said again
AGAIN_FIRST = 20.0  # seconds at least before a digest that failed runs again (at the retry job's next minute),
# doubled at each failure in a row
AGAIN_CAP = 3600.0


def missed_run(trigger: BaseTrigger, last_run: datetime, now: datetime) -> datetime | None:
    """The latest scheduled time before `now` that came after the digest's last run: a run the
    daemon missed; None when nothing was missed. Looked for as far back as the schedule needs
    (`crontab.previous_fire`, up to a year): a monthly digest missed over a stop of more than
    eight days was not found, and waited for the next month."""
    latest = crontab.previous_fire(trigger, now)
    return latest if latest is not None and latest > last_run else None


def _now(cfg: Config) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(cfg.timezone))


def _wall(cfg: Config) -> datetime:
    """The wall clock in the config's zone, read as the scheduler reads it (`time.time`)."""
    from zoneinfo import ZoneInfo

    return datetime.fromtimestamp(time.time(), ZoneInfo(cfg.timezone))


def started_line(cfg: Config, sched: BaseScheduler, metrics_port: int | None = None,
                 metrics_host: str = "127.0.0.1") -> str:
    """The daemon's one line at its start (said without -v): its jobs, when it polls (the first
    polls now), its next digest, and its pid, database and config file as fields."""
    from .plural import counted

    every = sorted({s.interval for s in cfg.sources if s.enabled})
    polls = counted(sum(s.enabled for s in cfg.sources), "poll job")
    if every:
        polls += f" (polled now, then every {_span(every[0])}" + (f" to {_span(every[-1])}" if len(every) > 1
                                                                    else "") + ")"
    digests = counted(len(cfg.subscribers), "digest job")
    now = _wall(cfg)
    due = [(when, job.name.removeprefix("digest ")) for job in sched.get_jobs() if job.id.startswith("digest:")
           and (when := job.trigger.get_next_fire_time(None, now)) is not None]
    if due:
        when, name = min(due)
        digests += f" (next: {name} at {when:%Y-%m-%d %H:%M} {cfg.timezone})"
    where = _where(cfg)
    if metrics_port is not None:
        where += f" metrics=http://{metrics_host}:{metrics_port}/metrics"
    return f"daemon started: {polls}, {digests}; {where}"


def _where(cfg: Config) -> str:
    return f"pid={os.getpid()} db={cfg.db_path.resolve()} config={cfg.path.resolve() if cfg.path else 'bundled'}"


def once_started_line(cfg: Config) -> str:
    """`run --once`'s line at its start (said without -v, as the daemon's): what it polls and sends."""
    from .plural import counted

    return (f"run --once started: {counted(sum(s.enabled for s in cfg.sources), 'source')} to poll, then "
            f"{counted(len(cfg.subscribers), 'digest job')}; {_where(cfg)}")


def once_done_line(cfg: Config, reports: list[SourceReport], results: list[DigestResult], took: float) -> str:
    """`run --once`'s line at its end: the polls' statuses and new articles, the digests' outcomes."""
    from collections import Counter

    from .plural import counted

    polls = ", ".join(f"{n} {status}" for status, n in Counter(r.status for r in reports).most_common())
    sends = ", ".join(f"{n} {status}" for status, n in Counter(r.status for r in results).most_common())
    return (f"run --once done after {_span(took)}: {counted(len(reports), 'source')} polled"
            + (f" ({polls})" if polls else "") + f", {counted(sum(r.new for r in reports), 'new article')} "
            f"({sum(r.matched for r in reports)} matched); {counted(len(results), 'digest channel')}"
            + (f" ({sends})" if sends else "") + f"; {_where(cfg)}")


def _span(seconds: float) -> str:
    """A period as said at the daemon's start and stop: '45s', '30m', '2h', '1h 30m', '1d', '3d 4h'."""
    seconds = int(seconds)
    units = [(n, u) for n, u in zip((seconds // 86400, seconds % 86400 // 3600, seconds % 3600 // 60, seconds % 60),
                                    "dhms", strict=True) if n]
    return " ".join(f"{n}{u}" for n, u in units[:2]) or "0s"


def run(cfg: Config, store: Store, *, once: bool = False, metrics_port: int | None = None,
        metrics_host: str = "127.0.0.1", recheck: Callable[[Context, Callable[[], bool]], Any] | None = None) -> None:
    """Run until stopped; with `once`, run every poll and digest job one time and return.

    The caller holds the database's daemon lock (`daemon.single`). SIGHUP re-reads the config;
    `metrics_port` serves /metrics and /healthz (see `daemon` and `metrics`). `recheck` brings
    stored articles up to date (verdicts under the topics' current rules, a search index of the
    current normal form): run beside the jobs, from the start and again after each reload
    (`daemon.Rechecks`), never ahead of them."""
    if behind := store.behind_note():  # restored, or its -wal lost in a crash: said at the start
        log.warning("%s", behind)
    if once:
        with Fetcher(cfg.fetch, memory=store.host_memory()) as fetcher:
            ctx = Context(cfg, store, fetcher)
            said.info("%s", once_started_line(cfg))
            began = time.monotonic()
            reports = run_cycle(ctx)
            results = send_digests(ctx)
            said.info("%s", once_done_line(cfg, reports, results, time.monotonic() - began))
        return
    memory = store.host_memory()
    with daemon.signals_held(), Fetcher(cfg.fetch, memory=memory) as fetcher:  # held before any thread starts
        ctx = Context(cfg, store, fetcher)
        sched = build(cfg, store, fetcher, ctx=ctx)
        rechecks = daemon.Rechecks(ctx, recheck) if recheck else None
        replaced = daemon.Replaced(ctx, memory, rechecks.stop if rechecks else None)
        reloader, stop_extras = daemon.attach(
            sched, ctx, lambda new, shared: build(new, shared.store, shared.fetcher, ctx=shared, catch_up=False),
            metrics_port=metrics_port, metrics_host=metrics_host,
            after_reload=rechecks.request if rechecks else None, database=replaced.file)
        said.info("%s", started_line(cfg, sched, metrics_port, metrics_host))
        began, signum = time.monotonic(), 0
        clock = daemon.ClockWatch(sched)
        try:
            sched.start()
            clock.start()
            replaced.start()
            if rechecks:
                rechecks.request()
            signum = daemon.serve_signals(sched, reloader, lambda: "as its database file was replaced" if replaced.found
                                          else "")
        finally:
            clock.stop()
            replaced.stop()
            if rechecks:
                rechecks.stop()
            stop_extras()
        why = ("as its database file was replaced" if replaced.found
               else f"by {signal.Signals(signum).name}" if signum else "")
        said.info("daemon stopped%s after %s; pid=%d db=%s", f" {why}," if why else "",
                  _span(time.monotonic() - began), os.getpid(), cfg.db_path.resolve())
    if replaced.found:  # said when found (`daemon.Replaced`); a supervisor starts it again on the file there now
        raise SystemExit(1)
