"""Prometheus metrics and a health check for the daemon, derived from the reports jobs return.

In: the `SourceReport`s and `DigestResult`s that poll and digest jobs return (read from the
scheduler's job-executed events, so no stage counts anything itself). Out: an HTTP server on
`--metrics-port` answering `/metrics` (Prometheus text format) and `/healthz`. Listens on
127.0.0.1 unless told otherwise (in a container: 0.0.0.0). Never touches the database.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, make_wsgi_app

from .models import SourceReport
from .pipeline import DigestResult
from .pipeline.health import WORKING


class Metrics:
    """The daemon's counters, fed one report at a time."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.started = time.time()
        self.last_job = 0.0
        self.sources: set[str] | None = None  # those configured (None: any); see keep_sources
        per_source, per_channel = ["source"], ["subscriber", "channel"]
        r = self.registry
        self.fetched = Counter("monitor_articles_fetched", "Article pages fetched", per_source, registry=r)
        self.stored = Counter("monitor_articles_stored", "New articles stored", per_source, registry=r)
        self.matched = Counter("monitor_articles_matched", "Stored articles matching a topic", per_source, registry=r)
        self.errors = Counter("monitor_source_errors", "Errors while polling a source (listing or article)",
                              per_source, registry=r)
        self.polls = Counter("monitor_polls", "Polls of a source, by outcome", ["source", "status"], registry=r)
        self.poll_seconds = Histogram("monitor_poll_seconds", "Seconds one poll of a source took", per_source,
                                      buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600), registry=r)
        self.cycle_seconds = Gauge("monitor_cycle_seconds", "Seconds the last poll of each source took",
                                   per_source, registry=r)
        self.last_success = Gauge("monitor_last_success_timestamp_seconds",
                                  "When each source last polled and got its listing (ok, not modified or partial)",
                                  per_source, registry=r)
        self.sent = Counter("monitor_messages_sent", "Digest messages accepted by their receiver", per_channel,
                            registry=r)
        self.failed = Counter("monitor_messages_failed", "Digest message sends that failed (retried later)",
                              per_channel, registry=r)
        self.pending = Gauge("monitor_messages_pending", "Digest messages waiting in the outbox", per_channel,
                             registry=r)
        self.stories = Counter("monitor_stories_delivered", "Stories delivered", per_channel, registry=r)

    def seed_pending(self, rows: Iterable[dict[str, Any]]) -> None:
        """Pending messages per channel as the outbox holds them at start (`Store.outbox_summary` rows)."""
        for row in rows:
            self.pending.labels(row["subscriber"], row["channel"]).set((row["pending"] or 0) + (row["failed"] or 0))

    def seed_success(self, rows: Iterable[dict[str, Any]]) -> None:
        """Each configured source's last success as the database holds it (`Store.sources` rows),
        where no poll of this process has set one: after a restart the series was missing until
        the source's next success, so an alert on its age resolved itself with the site still down."""
        from datetime import datetime

        have = {s.labels["source"] for family in self.last_success.collect() for s in family.samples}
        for row in rows:
            name, last = row.get("name"), row.get("last_success")
            if not last or name in have or (self.sources is not None and name not in self.sources):
                continue
            try:
                self.last_success.labels(name).set(datetime.fromisoformat(last).timestamp())
            except (TypeError, ValueError):  # a row written by hand: no figure rather than a wrong one
                continue

    def keep_sources(self, names: Iterable[str]) -> None:
        """Count only these sources from now on and drop every other source's series: a source
        removed, renamed or disabled by a reload kept its last-success time, old and growing
        older, until a restart (an alert on it fired for a source no longer polled)."""
        self.sources = set(names)
        for metric in (self.fetched, self.stored, self.matched, self.errors, self.polls, self.poll_seconds,
                       self.cycle_seconds, self.last_success):
            for labels in {s.labels["source"] for family in metric.collect() for s in family.samples}:
                if labels not in self.sources:
                    metric.remove_by_labels({"source": labels})

    def keep_subscribers(self, names: Iterable[str], channels: set[tuple[str, str]] | None = None) -> None:
        """Drop the digest series of subscribers not in `names` (removed from the config), and with
        `channels` ((subscriber, channel key) pairs configured) those of channels not among them (a
        webhook's address moved): their pending messages are dropped too, and a gauge left behind
        said they waited for ever."""
        kept = set(names)
        for metric in (self.sent, self.failed, self.pending, self.stories):
            for name, channel in {(s.labels["subscriber"], s.labels["channel"]) for family in metric.collect()
                                  for s in family.samples}:
                if name not in kept:
                    metric.remove_by_labels({"subscriber": name})
                elif channels is not None and (name, channel) not in channels:
                    metric.remove(name, channel)

    def observe(self, result: Any) -> None:
        """Count one job's return value: a SourceReport, a DigestResult, or a list of either."""
        self.last_job = time.time()
        items: Iterable[Any] = result if isinstance(result, (list, tuple)) else [result]
        for item in items:
            if isinstance(item, SourceReport):
                self._poll(item)
            elif isinstance(item, DigestResult):
                self._digest(item)

    def _poll(self, r: SourceReport) -> None:
        if self.sources is not None and r.source not in self.sources:  # a poll in flight when it was removed
            return
        if r.status == "busy":  # another process polled it: its figures are that one's
            self.polls.labels(r.source, r.status).inc()
            return
        self.fetched.labels(r.source).inc(r.fetched)
        self.stored.labels(r.source).inc(r.new)
        self.matched.labels(r.source).inc(r.matched)
        self.errors.labels(r.source).inc(len(r.errors) or (r.status == "error"))
        self.polls.labels(r.source, r.status).inc()
        self.poll_seconds.labels(r.source).observe(r.duration_ms / 1000)
        self.cycle_seconds.labels(r.source).set(r.duration_ms / 1000)
        if r.status in WORKING:  # as the database counts it: not a feed gone, a site resting or a WAF page
            self.last_success.labels(r.source).set(time.time())

    def _digest(self, d: DigestResult) -> None:
        if d.status == "dry-run":
            return
        self.sent.labels(d.subscriber, d.channel).inc(d.sent)
        self.failed.labels(d.subscriber, d.channel).inc(d.failed)
        self.pending.labels(d.subscriber, d.channel).set(d.pending)
        self.stories.labels(d.subscriber, d.channel).inc(d.stories if d.status in ("sent", "error", "stopped") else 0)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        pass  # a scrape every 15 s is not worth a log line


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def serve(metrics: Metrics, port: int, host: str = "127.0.0.1",
          status: Callable[[], str] = lambda: "ok") -> Callable[[], None]:
    """Serve /metrics and /healthz in a background thread; returns a function that stops it.
    /healthz answers 200 while `status()` is "ok", 503 with what it says otherwise."""
    prometheus = make_wsgi_app(metrics.registry)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            said = status()
            ok = said == "ok"
            body = json.dumps({"status": said, "uptime_seconds": round(time.time()
                               - metrics.started), "last_job_seconds_ago": round(time.time() - metrics.last_job)
                               if metrics.last_job else None}).encode()
            start_response("200 OK" if ok else "503 Service Unavailable", [("Content-Type", "application/json")])
            return [body]
        return prometheus(environ, start_response)

    server = make_server(host, port, app, server_class=_ThreadingServer, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, args=(0.2,), name="metrics", daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return stop
