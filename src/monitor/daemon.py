"""The daemon's plumbing around the scheduler: one daemon per database, signals, SIGHUP reloads,
stored articles brought up to date beside the jobs.

In: the scheduler that `scheduler.build` made and its shared Context (whose lock the jobs
take for store work). Out: nothing to callers; the effects are a held lock file, jobs brought
in line with a re-read config, stored verdicts and index made current by a thread of its own
(`Rechecks`), and log lines. The jobs themselves (what a poll or a digest does) live in
`scheduler`; serving metrics lives in `metrics`. Never prints.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from apscheduler.util import undefined

from . import config, locks
from .errors import ConfigError, InputError, MonitorError
from .logs import DAEMON
from .pipeline import Context

log = logging.getLogger("monitor")
said = logging.getLogger(DAEMON)  # said without -v too (`logs.setup`)
OWN_JOBS = ("daemon:", "outbox:")  # jobs the daemon adds itself; a reload leaves them alone
OWN_POOL = "own"  # the executor of everything but polls (`scheduler.build`): never behind stalled polls
POLL_THREADS = 10  # polls at once (APScheduler's default pool; `scheduler.build`)


@contextmanager
def single(db_path: str | Path) -> Iterator[Path]:
    """Hold the database's daemon lock (`<db>.lock`, our pid inside, and its byte of the file) or
    raise LockBusy naming the holder."""
    with locks.held(db_path, "daemon", "monitor run", make=True) as path:
        yield path


SIGNALS = {signal.SIGHUP, signal.SIGTERM, signal.SIGINT}
STOPS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGHUP, SIGTERM and SIGINT pending in every thread started inside, for `serve_signals`.

    A Python signal handler runs in the main thread between bytecodes; one that arrives just
    before the main thread starts a long wait is not run until the wait ends, so a SIGHUP could
    sit unheeded for as long as the next job is away. Taking the signals with `sigwait` instead
    loses none. Threads inherit the mask, so this must come before any thread starts.
    """
    before = {n: signal.getsignal(n) for n in STOPS}
    signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        # A second Ctrl-C or SIGTERM while the jobs under way finished (`serve_signals`) asked for
        # the stop already under way: one held here, let go, was click's 'Aborted!' and exit 1
        # after 'daemon stopped' (SIGTERM: killed, exit 143), though the daemon stopped cleanly.
        for signum in signal.sigpending() & SIGNALS:
            signal.sigtimedwait([signum], 0)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)
        for n, handler in before.items():
            signal.signal(n, handler)


def serve_signals(sched: BaseScheduler, reloader: Reloader, cause: Callable[[], str] = lambda: "") -> int:
    """Wait in the main thread: SIGHUP reloads the config, SIGTERM or SIGINT stops after running jobs
    (the signal's number returned). `cause`: why the daemon signalled itself, when it did (its
    database file replaced: `Replaced`), said instead of the signal a user did not send."""
    while True:
        signum = signal.sigwait(SIGNALS)
        if signum == signal.SIGHUP:
            reloader.request()
            continue
        said.info("stopping %s: the jobs under way finish first (a poll stores the pages it is reading, a "
                  "digest sends the message under way)", cause() or f"on {signal.Signals(signum).name}")
        # Threads started before `signals_held` (a library's own pool, made as the start loaded it)
        # take what the others hold: a second Ctrl-C raised KeyboardInterrupt into the wait below
        # ('Aborted!', exit 1, no 'daemon stopped'), a second SIGTERM killed the process. Both
        # ask for this stop again: nothing more to do (`signals_held` puts the handlers back).
        for n in STOPS:
            signal.signal(n, _stopping_already)
        reloader.ctx.stopping.set()  # a digest under way ends after its current message; the rest wait
        reloader.halt()  # before shutdown, which holds the job store's lock while it waits for the jobs
        sched.shutdown(wait=True)
        return signum


def _stopping_already(signum: int, frame: object) -> None:
    """A stop asked for again while the daemon stops: the one under way is it."""


def attach(sched: BaseScheduler, ctx: Context, build: Callable[[config.Config, Context], BaseScheduler], *,
           metrics_port: int | None = None, metrics_host: str = "127.0.0.1",
           after_reload: Callable[[Context], Any] | None = None,
           database: DatabaseFile | None = None) -> tuple[Reloader, Callable[[], None]]:
    """The config reloader and (with a port) the metrics server; returns both, the second being
    what to call on the way out. `database`: the watch of the database's path /healthz reports
    (`Replaced.file`, which says a file gone once in the log)."""
    Overruns.install(sched, ctx)
    if metrics_port is None:
        return Reloader(sched, ctx, build, after_reload), lambda: None
    from apscheduler.events import EVENT_JOB_EXECUTED

    from .metrics import Metrics, serve
    from .pipeline.channels import configured_channels

    metrics, database = Metrics(), database or DatabaseFile(ctx.cfg.db_path)
    metrics.keep_sources(s.name for s in ctx.cfg.sources if s.enabled)

    def after(new: Context) -> Any:  # a source or subscriber removed, renamed or disabled leaves /metrics
        metrics.keep_sources(s.name for s in new.cfg.sources if s.enabled)
        try:  # one enabled again: its last success from before
            metrics.seed_success(new.store.sources())
        except Exception as exc:  # a read the database refused must not undo the reload
            log.warning("metrics: the sources' last successes not read: %s", exc)
        metrics.keep_subscribers((s.name for s in new.cfg.subscribers), configured_channels(new.cfg))
        return after_reload(new) if after_reload else None

    reloader = Reloader(sched, ctx, build, after)
    with ctx.lock:  # what waits in the outbox from before this start
        metrics.seed_pending(ctx.store.outbox_summary())
        metrics.seed_success(ctx.store.sources())  # a source down across a restart stays as old as it is
    metrics.keep_subscribers((s.name for s in ctx.cfg.subscribers), configured_channels(ctx.cfg))
    sched.add_listener(lambda event: metrics.observe(event.retval), EVENT_JOB_EXECUTED)
    try:
        stop = serve(metrics, metrics_port, metrics_host,
                     status=lambda: "stopping" if not sched.running else database.status())
    except OSError as exc:
        raise InputError(f"cannot serve metrics on {metrics_host}:{metrics_port}: {exc.strerror or exc}",
                         hint="choose another --metrics-port") from None
    log.info("metrics on http://%s:%d/metrics, health on /healthz", metrics_host, metrics_port)
    return reloader, stop


class _Watch:
    """A daemon thread calling `check` every CHECK seconds until `stop`, or until `check` says True."""

    CHECK = 5.0

    def __init__(self, name: str) -> None:
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.CHECK):
            if self.check() is True:
                return

    def check(self) -> Any:
        raise NotImplementedError


class ClockWatch(_Watch):
    """Puts the jobs right when the wall clock is stepped back (NTP mending a clock that ran
    ahead, a VM's clock set after a restore). APScheduler keeps each job's next run as a wall
    time: after a step back of a day, every job waited a day, polls and digests alike, and the
    daemon looked alive doing nothing. Each CHECK seconds the wall clock is compared with the
    monotonic one; past STEP seconds back, each interval job's next run moves back by the step
    (its place in its period kept) and each scheduled one (a digest) is reckoned again from now,
    in one log line. Past STEP seconds forward (a VM resumed, a laptop woken, a clock set right
    that ran behind), the scheduler, waiting on the monotonic clock for its next job, is woken to
    run what is now due (a late poll runs: `scheduler.build` gives polls no misfire grace)."""

    CHECK = 5.0
    STEP = 60.0

    def __init__(self, sched: BaseScheduler) -> None:
        super().__init__("monitor-clock")
        self.sched = sched
        self.offset = time.time() - time.monotonic()

    def check(self) -> float:
        """The step back seen (seconds, 0 when none; negative, a step forward), the jobs put right."""
        offset = time.time() - time.monotonic()
        step, self.offset = self.offset - offset, offset
        if -step > self.STEP:
            log.warning("the clock was stepped forward by %.0f s: the jobs due since run now", -step)
            self.sched.wakeup()
            return step
        if step < self.STEP:
            return 0.0

        moved = 0
        for job in self.sched.get_jobs():
            when = getattr(job, "next_run_time", None)
            if when is None:
                continue
            now = datetime.now(when.tzinfo)
            fresh = (when - timedelta(seconds=step) if isinstance(job.trigger, (IntervalTrigger, DateTrigger))
                     else job.trigger.get_next_fire_time(None, now))
            if fresh is not None and fresh < when:
                job.modify(next_run_time=max(fresh, now))
                moved += 1
        log.warning("the clock was stepped back by %.0f s: %d jobs rescheduled to the clock as it now is", step, moved)
        return step


class Overruns(logging.Filter):
    """A job still running when its next run comes (a source polled every minute whose site takes
    half an hour). APScheduler warned "Execution of job "poll x (trigger: interval[0:01:00], next
    run at: ... CST)" skipped: maximum number of running instances reached" at each such time:
    the times in the schedule's zone among UTC lines, and neither the source nor how long its poll
    had run said plainly. That line is dropped; ours names the source, since when its poll has
    run and its interval, once an hour a job at most. A poll not yet begun waits for one of the
    poll threads (more sources than they can poll in their intervals: 200 sources at start): it
    was said to be 'still running' too, each such source blamed for the pool's backlog; it is said
    once an hour for all the sources waiting, not once for each (190 lines an hour for 200)."""

    EVERY = 3600.0
    WORDS = "maximum number of running instances"
    POOL = "pool"  # `said`'s key for the polls waiting for a thread

    def __init__(self, sched: BaseScheduler, ctx: Context | None = None) -> None:
        super().__init__()
        self.sched, self.ctx = sched, ctx
        self.said: dict[str, float] = {}
        self.since: dict[str, tuple[float, datetime]] = {}  # job id -> when its run began (monotonic, UTC)

    def filter(self, record: logging.LogRecord) -> bool:
        return self.WORDS not in record.getMessage()

    def event(self, event: Any) -> None:
        from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_SUBMITTED

        if event.code == EVENT_JOB_SUBMITTED:
            self.since[event.job_id] = (time.monotonic(), datetime.now(timezone.utc))
        elif event.code == EVENT_JOB_MAX_INSTANCES:
            self.skipped(event.job_id)
        else:
            self.since.pop(event.job_id, None)

    def skipped(self, job_id: str) -> None:
        now = time.monotonic()
        waiting = job_id.startswith("poll:") and self.ctx is not None and job_id[5:] not in self.ctx.polling
        key = self.POOL if waiting else job_id  # the pool's backlog is one thing: said once for every source waiting
        if now - self.said.get(key, -self.EVERY) < self.EVERY:
            return
        self.said[key] = now
        began, at = self.since.get(job_id, (now, datetime.now(timezone.utc)))
        job = self.sched.get_job(job_id)
        every = getattr(getattr(job, "trigger", None), "interval", None)
        period = f", past its interval of {every.total_seconds():.0f} s" if every is not None else ""
        what = (f"source={job_id[5:]} poll" if job_id.startswith("poll:")
                else f"job {job.name if job is not None else job_id}")
        if job_id.startswith("poll:") and self.ctx is not None:
            if (begun := self.ctx.polling.get(job_id[5:])) is None:
                polling = self.ctx.polling.keys()
                wait = sum(j.startswith("poll:") and j[5:] not in polling for j in self.since)
                log.warning("%s waiting for a poll thread for %.0f s (since %s UTC; all %d busy with other polls: "
                            "more sources than they poll in their intervals)%s: its runs due meanwhile are skipped; "
                            "%d sources wait so (said once an hour for them all)", what, now - began,
                            at.strftime("%H:%M:%S"), POLL_THREADS, period, wait)
                return
            at += timedelta(seconds=begun - began)
            began = begun
        log.warning("%s still running after %.0f s (since %s UTC)%s: its runs due meanwhile are skipped "
                    "(said once an hour)", what, now - began, at.strftime("%H:%M:%S"), period)

    @classmethod
    def install(cls, sched: BaseScheduler, ctx: Context | None = None) -> None:
        from apscheduler import events as ev

        logger = logging.getLogger("apscheduler.scheduler")
        for old in [f for f in logger.filters if isinstance(f, cls)]:
            logger.removeFilter(old)
        overruns = cls(sched, ctx)
        logger.addFilter(overruns)
        sched.add_listener(overruns.event, ev.EVENT_JOB_SUBMITTED | ev.EVENT_JOB_MAX_INSTANCES
                           | ev.EVENT_JOB_EXECUTED | ev.EVENT_JOB_ERROR | ev.EVENT_JOB_MISSED)


class DatabaseFile:
    """Whether the database file the daemon opened is still at its path. Moved or deleted (a
    cleanup, a volume re-mounted), SQLite goes on writing to the open file where nothing else
    can read it; /healthz said ok. Now it says so, and the log once (`Replaced` looks every few
    seconds: a daemon without --metrics-port said nothing at all)."""

    def __init__(self, path: str | Path) -> None:
        self.path, self.told = Path(path), False
        self.opened = self._ident()

    def _ident(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def status(self) -> str:
        if self.opened is None or self._ident() == self.opened:
            if self.told:  # moved back (a backup by hand undone): said, and its going again is said again
                self.told = False
                log.warning("the database file is back at %s: the daemon's writes are there again", self.path)
            return "ok"
        problem = f"the database file is no longer at {self.path} (moved or deleted): restart the daemon"
        if not self.told:
            self.told = True
            log.error("%s", problem)
        return problem


class Replaced(_Watch):
    """A restore while the daemon runs: another file put at the database's path (`mv backup.db
    monitor.db`, `cp --remove-destination`). The daemon went on writing to the file it had open,
    where nothing else reads it, through the write-ahead log named after the path (`<db>-wal`),
    which the file now there takes as its own: a command opening it read the old file's latest
    pages over the restored ones (a mixture; a write made it a damaged file). Each CHECK seconds
    the path is looked at; when another file is there, what the log holds is written into the file
    the daemon had open and the log emptied (a TRUNCATE checkpoint), its connections write nothing
    more, and the daemon stops (one line; `monitor run` exits 1). Started again, it opens the file
    there now; what it sent meanwhile is in `<db>.sent`, and is not sent again."""

    CHECK = 2.0

    def __init__(self, ctx: Context, memory: Any = None, others: Callable[[], Any] | None = None) -> None:
        """`memory`: the fetcher's connection; `others`: ends the work on connections of its own
        (`Rechecks.stop`), which must not write on once the log is emptied."""
        self.ctx, self.memory, self.others, self.found = ctx, memory, others, False
        self.file = DatabaseFile(ctx.store.path or ctx.cfg.db_path)
        super().__init__("monitor-dbfile")

    def check(self) -> bool:
        """True (once) when another file is at the path: the open one sealed, the daemon told to stop."""
        now = self.file._ident()
        # moved or deleted: said once (and by /healthz), the daemon going on (a deleted file's data can still be
        # copied from /proc/<pid>/fd while it runs); moved back, said too, and each time it goes again
        if not self.found and (now is None or now == self.file.opened):
            self.file.status()
        if self.found or now is None or self.file.opened is None or now == self.file.opened:
            return False
        self.found = True
        log.error("the database file at %s was replaced while the daemon ran (restored from a backup?): the daemon "
                  "stops, writing nothing more to the file it had open; start it again to use the file there now "
                  "(what it sent meanwhile is noted in %s, not sent again)", self.file.path,
                  self.file.path.name + ".sent")
        if self.others is not None:  # matching the store again, on a connection of its own: ended between batches
            self.others()
        if self.memory is not None:  # the fetcher's connection (robots.txt, hosts' pauses) first: it writes alone
            self.memory.seal()
        with self.ctx.lock:
            self.ctx.store.seal()
        os.kill(os.getpid(), signal.SIGTERM)  # the main thread's sigwait: jobs under way end, then it stops
        return True


class Reloader:
    """SIGHUP → re-read the config; a bad one is logged in one line and the old one kept."""

    def __init__(self, sched: BaseScheduler, ctx: Context, build: Callable[[config.Config, Context], BaseScheduler],
                 after: Callable[[Context], Any] | None = None) -> None:
        self.sched, self.ctx, self.build, self.after = sched, ctx, build, after
        self.reloads = self._asked = 0
        self._one_at_a_time = threading.Lock()
        self.halted = False

    def request(self) -> None:
        """On SIGHUP: reload in the scheduler's own thread pool, between jobs, not in the caller.
        Each request is a job of its own: a SIGHUP while a reload waited for the store was a run
        of the same job, skipped as one too many, and the edit it announced never read."""
        self._asked += 1
        self.sched.add_job(self.reload, id=f"daemon:reload:{self._asked}", name="reload the config",
                           executor=OWN_POOL if OWN_POOL in getattr(self.sched, "_executors", {}) else "default")

    def reload(self) -> bool:
        """Re-read the config file and bring the jobs in line with it; False (old config kept) when it is invalid.
        Reloads take turns, each reading the file when its turn comes: the last read is the newest."""
        with self._one_at_a_time:
            return False if self.halted else self._reload()

    def halt(self) -> None:
        """No reload after this; one under way ends first. A SIGTERM just after a SIGHUP stopped the
        scheduler, whose shutdown holds its job store's lock while waiting for running jobs, as the
        reload came to bring the jobs in line (that lock): each waited for the other, the process
        hung without 'daemon stopped' until docker stop's SIGKILL (systemd's, 90 s on)."""
        with self._one_at_a_time:
            self.halted = True

    def _reload(self) -> bool:
        old = self.ctx.cfg
        try:
            new = self._read(old)
        except ConfigError as exc:
            problems = "; ".join(exc.problems)
            log.error("config reload failed, keeping the running config: %s", problems)
            return False
        with self.ctx.delivering, self.ctx.lock:  # no job's store work (nor a digest) runs while the config changes
            self.ctx.cfg = new
            was = {s.name for s in old.sources if s.enabled}
            edited = {s.name for s in new.sources if s.enabled and s.name in was and s not in old.sources}
            kept = {s.name for s in new.sources if s.enabled} & was
            self.ctx.outages.keep(kept - edited)  # the outages of sources unchanged are kept
            paced = self.ctx.outages.unpace() & kept  # a plain SIGHUP too: they waited up to an hour
            mended = self._mended(old, new)
            if self.after:
                self._after()
            wanted = self.build(new, self.ctx)  # reads and records digest runs on the shared connection
        if new.fetch != old.fetch:  # polls in flight use the fetcher: swapping it under them is not worth it
            log.warning("config reload: [fetch] settings changed; they apply after a restart")
        if new.storage.path != old.storage.path:  # the database stays the one opened (db_path, as --db)
            log.warning("config reload: [storage] path changed to %s; the daemon keeps writing %s until a restart",
                        new.storage.path, old.db_path)
        added, changed, removed = sync_jobs(self.sched, wanted)
        if mended and (retry := self.sched.get_job("outbox:retry")) is not None:  # its failed messages go now
            retry.modify(next_run_time=datetime.now(timezone.utc))
        if paced - edited:
            log.info("config reload: %d sources polled less often for failing are polled now", len(paced - edited))
        for name in edited | paced:  # a source mended (its address, selector, interval): polled at once, as a new one
            if (job := self.sched.get_job(f"poll:{name}")) is not None:
                job.modify(next_run_time=datetime.now(timezone.utc))
        self.reloads += 1
        log.info("config reloaded from %s: jobs added=%d changed=%d removed=%d", new.path, added, changed, removed)
        return True

    def _mended(self, old: config.Config, new: config.Config) -> int:
        """A channel whose settings the reload changed (smtp_host or port put right): its failed
        messages are due now (the retry job is run at once), not after their backoff (up to six
        hours). Returns how many."""
        from .pipeline.channels import mended_channels

        total = 0
        for sub, key in sorted(mended_channels(old, new)):
            try:
                n = self.ctx.store.retry_now([(sub, key)])
            except Exception as exc:  # a locked or full database must not undo the reload: they wait as they were
                log.warning("config reload: subscriber=%s channel=%s changed; its failed messages not made due: %s",
                            sub, key, exc)
                continue
            if n:
                total += n
                log.info("config reload: subscriber=%s channel=%s changed: its %d failed messages are tried again now",
                         sub, key, n)
        return total

    EMPTY_WAIT = 1.0  # seconds before an empty file is read again (an editor writing it in place)

    def _read(self, old: config.Config) -> config.Config:
        """The config file as it now is, or ConfigError. A file with nothing in it (an editor or a
        `cat >` writing it in place, caught between its truncation and its writing) is read once
        more after EMPTY_WAIT; still empty, it is refused: it removed every poll and digest job
        ('jobs removed=N'), the outages remembered and the subscribers' places with them. A
        secret the new config names must be in the daemon's environment, as at a start: a
        subscriber added by a SIGHUP with its password's variable unset failed at every digest,
        its line saying to export what a running daemon can never see."""
        new = config.load(old.path, old.db_path)
        if _nothing(new) and not _nothing(old):
            time.sleep(self.EMPTY_WAIT)
            new = config.load(old.path, old.db_path)
            if _nothing(new):
                raise ConfigError(f"{new.path}: no sources, subscribers or topics in it (caught while an editor "
                                  "wrote it?); to stop every job, stop the daemon")
        if missing := config.missing_secrets(new):
            raise ConfigError("; ".join(missing) + " (the daemon reads its environment at its start: "
                              "restart it with the variable set)")
        return new

    def _after(self) -> None:
        assert self.after is not None
        try:
            self.after(self.ctx)
        except MonitorError as exc:  # e.g. re-matching after new rules; the daemon goes on regardless
            log.error("after reloading the config: %s", exc)


def _nothing(cfg: config.Config) -> bool:
    return not (cfg.sources or cfg.subscribers or cfg.topics)


def sync_jobs(running: BaseScheduler, wanted: BaseScheduler) -> tuple[int, int, int]:
    """Make `running`'s jobs those of `wanted` (a scheduler built from the new config, never started).

    A job whose trigger did not change keeps its next run time; a new poll job runs at once.
    Returns (added, changed, removed).
    """
    kept = {"digest-missed:" + j.id.removeprefix("digest:") for j in wanted.get_jobs()
            if j.id.startswith("digest:")}  # a start's catch-up not yet run stays while its subscriber does
    have = {j.id: j for j in running.get_jobs() if not j.id.startswith(OWN_JOBS) and j.id not in kept}
    added = changed = 0
    for job in wanted.get_jobs():
        if job.id.startswith(OWN_JOBS):  # kept as they run; one the start had no need of is added (the retry
            if job.id.startswith("outbox:") and running.get_job(job.id) is None:  # job, for a first subscriber)
                running.add_job(job.func, job.trigger, id=job.id, name=job.name, executor=job.executor)
            continue
        old = have.pop(job.id, None)
        if old is not None and _schedule(old.trigger) == _schedule(job.trigger) and old.args == job.args:
            # the same schedule: its next run kept; the closure may hold new settings, the trigger a new jitter
            old.modify(func=job.func, trigger=job.trigger)
            continue
        extra = {"next_run_time": _pending_next(job)} if old is None and _pending_next(job) else {}
        running.add_job(job.func, job.trigger, args=job.args, id=job.id, name=job.name, replace_existing=True,
                        misfire_grace_time=getattr(job, "misfire_grace_time", undefined),
                        executor=getattr(job, "executor", "default"), **extra)
        added, changed = added + (old is None), changed + (old is not None)
    for job in have.values():
        job.remove()
    return added, changed, len(have)


def _schedule(trigger: Any) -> tuple[Any, ...]:
    """What decides when a trigger fires, its start aside: the fields (`str`) and the timezone
    they are read in, of each trigger an OrTrigger combines. `str` alone left a digest at 08:00
    of the old timezone after a reload that changed `[schedule] timezone`."""
    parts = getattr(trigger, "triggers", None)
    if parts is not None:
        return (str(trigger), *(_schedule(t) for t in parts))
    if isinstance(trigger, IntervalTrigger):  # a period is the same in every timezone
        return (str(trigger),)
    return (str(trigger), str(getattr(trigger, "timezone", "")))


def _pending_next(job: Any) -> Any:
    # A job of a scheduler that never started has a next_run_time only when it was given one.
    return getattr(job, "next_run_time", None)


class Rechecks:
    """Stored articles matched again (a topic added, rules or the engine changed) and the search
    index rebuilt (an upgrade of the normal form) in the background, on a connection of the
    daemon's own, while the jobs poll and send on the shared one: at a million articles that is
    10-15 and ~25 minutes, which at start (or under the lock, after a SIGHUP) held back every
    poll and digest. `request` starts a pass, or makes a running one stop after its batch and
    start again with the config now in force; `stop` ends it between batches. What a stopped
    pass left is done at the next start; one the database refused (another program's write
    lock, a full disk) is tried again AGAIN seconds later (doubling, at most hourly), or at once on a
    `request` (a SIGHUP: the lock let go, a topic added) meanwhile."""

    AGAIN = 60.0

    def __init__(self, ctx: Context, work: Callable[[Context, Callable[[], bool]], Any]) -> None:
        self.ctx, self.work = ctx, work
        self._guard = threading.Lock()
        self._wanted, self._stopping = threading.Event(), threading.Event()
        self._wake = threading.Event()  # set by request and stop: ends a refused pass's wait
        self._thread: threading.Thread | None = None

    def request(self, _reloaded: Context | None = None) -> None:
        with self._guard:
            if self._stopping.is_set():
                return
            self._wanted.set()
            self._wake.set()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="monitor-rechecks", daemon=True)
                self._thread.start()

    def interrupted(self) -> bool:
        return self._stopping.is_set() or self._wanted.is_set()

    def stop(self, timeout: float = 60.0) -> None:
        self._stopping.set()
        self._wake.set()
        with self._guard:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        from .store import Store, database_fault

        refused = 0  # passes the database refused in a row: tried again later each time, at most hourly
        while True:
            with self._guard:
                if self._stopping.is_set() or not self._wanted.is_set():
                    self._thread = None
                    return
                self._wanted.clear()
            cfg = self.ctx.cfg  # read at each pass: a reload's topics take over at the next
            try:
                store = Store.open(cfg.db_path)
                try:
                    self.work(Context(cfg, store, None), self.interrupted)
                    refused = 0
                finally:
                    store.close()
            except Exception as exc:  # the polls go on
                if (err := database_fault(exc, cfg.db_path)) is not None:  # another's write lock, a full disk:
                    wait, refused = min(3600.0, self.AGAIN * 2 ** refused), refused + 1  # (it was left until the
                    log.error("bringing stored articles up to date: %s; tried again in %.0f s", err, wait)
                    self._wake.clear()  # next start: a topic a SIGHUP added never matched the archive); a SIGHUP
                    if not self._wanted.is_set() and not self._stopping.is_set():  # meanwhile tries it at once
                        self._wake.wait(wait)  # (it waited out the backoff, up to an hour, the lock long let go)
                    self._wanted.set()
                elif isinstance(exc, MonitorError):  # what is left is matched at the next start
                    log.error("bringing stored articles up to date: %s", exc)
                else:  # a thread's fault must be logged, not lost
                    log.exception("bringing stored articles up to date failed")
