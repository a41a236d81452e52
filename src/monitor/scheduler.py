"""The daemon: APScheduler jobs for polling and digests.

In: a validated Config and an open Store. Out: nothing; it runs until SIGTERM/SIGINT. One poll
job per source (its interval plus jitter), one digest job per subscriber (cron in the config's
timezone, Asia/Shanghai by default). Jobs never overlap themselves (max_instances=1) and missed
runs collapse into one (coalesce). Never prints; the pipeline logs one line per source.
"""

from __future__ import annotations

import logging
import signal
import threading

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from .config import Config
from .errors import ConfigError
from .fetch import Fetcher
from .pipeline import Context, poll_source, retry_due, send_digests
from .store import Store

log = logging.getLogger("monitor")


def build(cfg: Config, store: Store, fetcher: Fetcher) -> BlockingScheduler:
    """A scheduler with every poll and digest job added (not started)."""
    ctx = Context(cfg, store, fetcher)
    lock = threading.Lock()  # one SQLite connection: jobs take turns
    sched = BlockingScheduler(timezone=cfg.timezone,
                              job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": 600})

    def poll_job(name: str) -> None:
        with lock:
            poll_source(ctx, cfg.source(name))

    def digest_job(name: str) -> None:
        with lock:
            send_digests(ctx, name, respect_backoff=True)

    def retry_job() -> None:
        with lock:
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
            for src in (s for s in cfg.sources if s.enabled):
                poll_source(ctx, src)
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
