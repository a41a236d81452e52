"""The daemon: APScheduler jobs for polling and digests.

In: a validated Config and an open Store. Out: nothing; it runs until SIGTERM/SIGINT. One poll
job per source (its interval plus jitter), one digest job per subscriber (cron in the config's
timezone, Asia/Shanghai by default). Jobs never overlap themselves (max_instances=1) and missed
runs collapse into one (coalesce); jobs of different sources run at once, sharing one fetcher
(so hosts stay polite) and taking turns only for the store. Each poll is `run_cycle`, as in
`monitor poll`. Never prints; the pipeline logs one line per source.
"""

from __future__ import annotations

import logging
import signal

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from .config import Config
from .errors import ConfigError
from .fetch import Fetcher
from .pipeline import Context, retry_due, run_cycle, send_digests
from .store import Store

log = logging.getLogger("monitor")


def build(cfg: Config, store: Store, fetcher: Fetcher) -> BlockingScheduler:
    """A scheduler with every poll and digest job added (not started)."""
    ctx = Context(cfg, store, fetcher)
    sched = BlockingScheduler(timezone=cfg.timezone,
                              job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": 600})

    def poll_job(name: str) -> None:
        # No job-wide lock: a slow source must not hold up the others. The cycle takes
        # ctx.lock only around its store work, and the shared fetcher keeps each host polite.
        run_cycle(ctx, [name])

    def digest_job(name: str) -> None:
        with ctx.lock:  # one SQLite connection: the digest's store work takes its turn
            send_digests(ctx, name, respect_backoff=True)

    def retry_job() -> None:
        with ctx.lock:
            retry_due(ctx)

    for src in (s for s in cfg.sources if s.enabled):
        sched.add_job(poll_job, IntervalTrigger(seconds=src.interval, jitter=cfg.jitter, timezone=cfg.timezone),
                      args=[src.name], id=f"poll:{src.name}", name=f"poll {src.name}", next_run_time=_now(cfg))
    for sub in cfg.subscribers:
        try:
            trigger = CronTrigger.from_crontab(sub.schedule, timezone=cfg.timezone)
        except ValueError as exc:
            raise ConfigError(f"subscribers.{sub.name}.schedule: {exc}", hint='e.g. "0 8 * * *"') from None
        sched.add_job(digest_job, trigger, args=[sub.name], id=f"digest:{sub.name}", name=f"digest {sub.name}")
    if cfg.subscribers:  # failed messages go again when their backoff ends, not only at the next cron time
        sched.add_job(retry_job, IntervalTrigger(seconds=60, timezone=cfg.timezone), id="outbox:retry",
                      name="retry failed digest messages")
    return sched


def _now(cfg: Config):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(cfg.timezone))


def run(cfg: Config, store: Store, *, once: bool = False) -> None:
    """Run until stopped; with `once`, run every poll and digest job one time and return."""
    with Fetcher(cfg.fetch) as fetcher:
        if once:
            ctx = Context(cfg, store, fetcher)
            run_cycle(ctx)
            send_digests(ctx)
            return
        sched = build(cfg, store, fetcher)

        def stop(signum, frame) -> None:
            log.info("signal %s: stopping after running jobs finish", signum)
            sched.shutdown(wait=True)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        log.info("daemon started: %d poll jobs, %d digest jobs", len(cfg.sources), len(cfg.subscribers))
        sched.start()
        log.info("daemon stopped")
