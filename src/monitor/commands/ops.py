"""Operating commands: poll, run, sources, health, check-config."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import click

from ..errors import ConfigError, InputError, without_password
from ..plural import counted
from . import Whole, signals_taken
from .maintain import rebuild_progress
from .output import local_time, print_table


def _progress(sources):
    """A rich progress bar on a TTY; (callback, stop) pair, both no-ops otherwise."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("polling", total=len(sources))
    bar.start()

    def advance(src, report):
        bar.update(task, advance=1, description=f"{src.name}: {report.status}")

    return advance, bar.stop


def report_table(reports) -> None:
    """The per-source summary of a poll."""
    print_table("poll", ["source", "status", "links", "new", "matched", "known", "robots", "deferred", "refused",
                          "errors", "ms", "first error"],
                [[r.source, r.status, r.candidates, r.new, r.matched, r.duplicates, r.skipped, r.deferred, r.refused,
                  len(r.errors), r.duration_ms,
                  (r.errors[0][:120] if r.errors else "")] for r in reports])


def lasted(since: str | None, now: datetime | None = None) -> str:
    """How long ago an ISO time was, coarsely: '40s', '12m', '5h 20m', '3d 4h'."""
    if not since:
        return ""
    seconds = int(((now or datetime.now(timezone.utc)) - datetime.fromisoformat(since)).total_seconds())
    days, rest = divmod(max(0, seconds), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m" if minutes else f"{seconds}s"


def polled_elsewhere(db_path) -> str:
    """Why a poll skipped a source another process is polling, naming the daemon when it runs."""
    from ..locks import holder, lock_path

    daemon = holder(lock_path(db_path, "daemon"))
    who = f"the daemon (pid {daemon}) or another `monitor poll`" if daemon else "another `monitor poll`"
    return f"{who} is polling it now, and stores what it finds (each source has one poller at a time)"


@click.command()
@click.option("--source", "names", multiple=True, help="Poll only this source (repeatable).")
@click.pass_obj
def poll(state, names) -> None:
    """Poll sources once now: fetch, extract, match, fold reposts, store."""
    from ..pipeline import catch_up
    from ..pipeline import poll as run_poll

    ctx = state.context(fetcher=True)
    with rebuild_progress() as progress:
        catch_up(ctx, progress)  # articles never checked against a current topic's rules, an upgrade's rebuilds
    chosen = [ctx.cfg.source(n) for n in names] if names else [s for s in ctx.cfg.sources if s.enabled]
    if not chosen:  # a table's header and '0 sources' over nothing said no more
        ctx.fetcher.close()
        n = len(ctx.cfg.sources)
        click.echo(f"nothing to poll: every source in the config is disabled ({counted(n, 'source')} with enabled = "
                   "false; set enabled = true, or poll one with --source NAME)" if n else
                   "nothing to poll: no sources in the config (add a [[sources]] table, or find one with "
                   "monitor add-source URL)", err=True)
        return
    advance, stop = _progress(chosen)
    handler, said = _stop_polling_on_signals(ctx.stopping)
    try:
        with signals_taken(handler):  # as they were after it (a test's process, or the table's printing)
            reports = run_poll(ctx, [s.name for s in chosen], progress=advance)
    finally:
        stop()
        ctx.fetcher.close()
    report_table(reports)
    total_new = sum(r.new for r in reports)
    failed = [r.source for r in reports if r.status == "error"]
    click.echo(f"{counted(len(reports), 'source')}, {counted(total_new, 'new article')}, "
               f"{sum(r.matched for r in reports)} matched, {len(failed)} failed", err=True)
    if busy := [r.source for r in reports if r.status == "busy"]:
        click.echo(f"skipped {', '.join(busy)}: {polled_elsewhere(state.cfg.db_path)}", err=True)
    if broken := next((r.store_error for r in reports if r.store_error), ""):
        click.echo(f"error: {broken}", err=True)
    if said:
        left = sum(r.deferred for r in reports)
        click.echo(f"error: poll stopped by {signal.Signals(said[0]).name}: the pages under way are stored, "
                   f"{counted(left, 'link')} wait for the next poll", err=True)
        sys.exit(128 + said[0])  # 130 for Ctrl-C, 143 for SIGTERM, as a shell reports an interrupted program
    if broken:
        sys.exit(1)


def _stop_polling_on_signals(stopping) -> tuple[Callable[[int, object], None], list[int]]:
    """Ctrl-C or SIGTERM (cron's `timeout`, a service manager) during `monitor poll`: as in the
    daemon, no more links are asked for; the pages under way are read and stored, each source's
    poll recorded, and the links left wait for the next poll (killed at once, the page under way
    was lost and the source's poll not recorded). A second signal stops it at once. Returns the
    handler, and the list it puts the first signal's number in."""
    said: list[int] = []

    def stop(signum: int, frame: object) -> None:
        if stopping.is_set():
            raise KeyboardInterrupt
        said.append(signum)
        stopping.set()  # said at once (os.write: safe inside a handler), the pages under way taking a while
        os.write(2, f"stopping: the pages under way are read and stored first ({signal.Signals(signum).name} "
                    "again stops at once)\n".encode())

    return stop, said


@click.command()
@click.option("--once", is_flag=True, help="Run every job once and exit (for testing a deployment).")
@click.option("--metrics-port", type=Whole(0, 65535), help="Serve Prometheus /metrics and /healthz on this port.")
@click.option("--metrics-host", default="127.0.0.1", show_default=True, help="Address for --metrics-port (0.0.0.0 in a container).")
@click.pass_obj
def run(state, once, metrics_port, metrics_host) -> None:
    """Run the daemon: poll on schedule and send digests on schedule (Ctrl-C or SIGTERM stops).

    One daemon per database: a second `monitor run` exits 2 naming the first one's pid. SIGHUP
    re-reads the config (an invalid one is logged and the running one kept)."""
    from ..config import require_secrets
    from ..daemon import single
    from ..pipeline import catch_up, match_unchecked
    from ..pipeline.reindex import fingerprints_up_to_date, index_up_to_date
    from ..scheduler import run as run_daemon

    if not once:  # a SIGHUP during the start (a reload or a log rotation while it rebuilds) is read once the jobs
        import signal  # run, not SIGHUP's default: the process gone without a line (daemon.signals_held)

        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    require_secrets(state.cfg)  # a digest failing at 08:00 for a missing password is found now instead (before
    with single(state.cfg.db_path):  # the lock, which makes a missing database file: a refusal leaves nothing)
        with rebuild_progress() as progress:
            if once:
                catch_up(state.context(), progress)  # articles never checked against a current topic's rules
            else:  # an upgrade's fingerprints of the weeks a new article folds into first; the rest, matching
                fingerprints_up_to_date(state.context(), progress, window_only=True)  # and the index beside the polls

        def recheck(ctx, stop):
            fingerprints_up_to_date(ctx, stop=stop)
            match_unchecked(ctx, stop=stop)
            index_up_to_date(ctx, stop=stop)

        run_daemon(state.cfg, state.store, once=once, metrics_port=metrics_port, metrics_host=metrics_host,
                   recheck=recheck)


def _waiting(stored: str | None) -> list[str]:
    """'N links waiting' for a source whose last poll left links for the next; nothing else."""
    from ..pipeline import waiting

    count = len(waiting.of({"waiting": stored})) if stored and stored != "[]" else 0
    return [f"{count} links waiting for the next poll"] if count else []


@click.command()
@click.pass_obj
def sources(state) -> None:
    """List configured sources with their last poll, status, error and failing article links.
    `backlog` says where later polls read on from when more news came than a poll reads, and how
    many links the last poll left for the next (over max_articles_per_poll), and
    `robots.txt` how many links the site's robots.txt kept out at the last poll."""
    from collections import Counter

    state.names_topics_only()
    there = state.has_database()  # before the first poll: every source never polled, no database made
    stored = {r["name"]: r for r in state.store.sources()} if there else {}
    failing = Counter(r["source"] for r in state.store.link_failures()) if there else Counter()
    rows = []
    for s in state.cfg.sources:
        r = stored.get(s.name, {})
        # a members' feed's password (http://editor:s3cret@...) shown as ***, here and in an error
        # stored before it was masked
        rows.append([s.name, s.kind, "yes" if s.enabled else "no", without_password(s.url),
                     local_time(r.get("last_polled")), r.get("last_status") or "never", lasted(r.get("status_since")),
                     r.get("error_count") or 0, failing[s.name], without_password(r.get("last_error") or "")[:100],
                     ", ".join([*(f"page {n}" for n in r.get("backlog") or ()), *_waiting(r.get("waiting"))]),
                     _kept_out(r.get("robots_skipped"))])
    if not rows:  # a table's header over nothing said no more
        click.echo("no sources in the config (add a [[sources]] table, or find one with monitor add-source URL)",
                   err=True)
        return
    print_table("sources", ["name", "kind", "enabled", "url", "last poll", "status", "for", "errors",
                            "failing links", "last error", "backlog", "robots.txt"], rows)


def _kept_out(count: int | None) -> str:
    """The links robots.txt kept out at the last poll (`2 links kept out`), or ""."""
    return f"{count} link{'' if count == 1 else 's'} kept out" if count else ""


@click.command()
@click.option("--stale-after", default="6h", show_default=True,
              help="A source not polled successfully for this long (or two of its intervals, if longer) is unhealthy.")
@click.option("--degraded-ok", is_flag=True,
              help="Exit 0 while any source is healthy (the container's probe: one outlet down is not the monitor down).")
@click.pass_obj
def health(state, stale_after, degraded_ok) -> None:
    """Exit 0 when every enabled source polled successfully recently, 1 otherwise (for probes).
    Sources that are not `ok` are listed with their status, since when and their last error.
    With --degraded-ok, exit 1 only when no source is healthy (or none is configured)."""
    from ..config import parse_duration

    try:
        limit = parse_duration(stale_after)
    except ValueError as exc:  # config.checks.Invalid: a typo here was a traceback
        raise InputError(f"--stale-after {stale_after!r} is not a duration", hint="use e.g. 90m, 6h or 1d") from exc
    state.names_topics_only()
    there = state.has_database()  # none yet: unhealthy, said so, and none made
    stored = {r["name"]: r for r in state.store.sources()} if there else {}
    now = datetime.now(timezone.utc)
    bad, notes = [], []
    for s in (s for s in state.cfg.sources if s.enabled):
        row = stored.get(s.name, {})
        last = row.get("last_success")
        # a source polled less often than the limit: two of its intervals (one poll failed)
        if not last or (now - datetime.fromisoformat(last)).total_seconds() > max(limit, 2 * s.interval):
            bad.append(s.name)
        status = row.get("last_status") or "never polled"
        if status not in ("ok", "not_modified"):
            since = f" for {lasted(row.get('status_since'), now)}" if row.get("status_since") else ""
            error = without_password(row.get("last_error") or "").replace("\n", " ")[:160]
            notes.append(f"source={s.name} status={status}{since}" + (f" error={error}" if error else ""))
    if not there:
        notes.insert(0, f"no database at {state.cfg.db_path} (the first poll or `monitor run` creates it)")
    elif behind := state.store.behind_note():  # restored, or its -wal lost: said, not failed (a restart mends nothing)
        notes.insert(0, behind)
    stats = state.store.stats() if there else {"articles": 0, "stories": 0, "article_topics": 0}
    click.echo(f"articles={stats['articles']} stories={stats['stories']} matched={stats['article_topics']} "
               f"sources={len(state.cfg.sources)} unhealthy={len(bad)}" + (f" ({', '.join(bad)})" if bad else ""))
    for line in notes:
        click.echo(line)
    enabled = sum(1 for s in state.cfg.sources if s.enabled)
    if degraded_ok and bad and len(bad) < enabled:
        click.echo(f"degraded: {enabled - len(bad)} of {enabled} sources healthy (--degraded-ok: exit 0)")
    down = (not enabled or len(bad) >= enabled) if degraded_ok else bool(bad)
    sys.exit(1 if down else 0)


@click.command("check-config")
@click.option("--no-secrets", is_flag=True,
              help="Do not require the environment variables named by *_env keys (e.g. in CI).")
@click.pass_obj
def check_config(state, no_secrets) -> None:
    """Validate the config; list every problem as `file: key: problem (hint)`, exit 2 if any.
    Also lists secrets (*_env keys) whose environment variable is not set."""
    from ..config import bare_intervals, missing_secrets, reversed_zones
    from ..config.reach import refused_sources
    from ..locks import unmakeable

    try:
        cfg, problems = state.cfg, []
    except ConfigError as exc:  # every problem at once: with a config built, its secrets and addresses too
        cfg, problems = exc.built, list(exc.problems or [str(exc)])
    if cfg is not None:
        problems += ([] if no_secrets else missing_secrets(cfg)) + refused_sources(cfg)
        if (why := unmakeable(Path(cfg.db_path))) is not None:  # else every command would fail on it
            problems.append(f"{cfg.path}: database {cfg.db_path}: {why} (set storage.path, or pass --db, to a "
                            "file in a directory this user can write)")
    warnings = bare_intervals(cfg) + reversed_zones(cfg) if cfg is not None else []
    for line in problems + warnings:  # a warning does not fail it
        click.echo(line, err=True)
    if problems or cfg is None:
        sys.exit(2)
    click.echo(f"{cfg.path}: ok: {counted(len(cfg.sources), 'source')}, {counted(len(cfg.topics), 'topic')}, "
               f"{counted(len(cfg.subscribers), 'subscriber')}; database {cfg.db_path}")


COMMANDS = [poll, run, sources, health, check_config]
