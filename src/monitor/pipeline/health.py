"""Source health: what one poll's outcome says about a source.

In: the error that stopped a listing (or the counts of a poll that got through) and the source's
stored state. Out: a status and the 404/410 streak. Statuses: `ok`; `not_modified` (304);
`partial` (some links failed or waited for the next poll); `rate_limited` (the site asked for a
pause, HTTP 429/503 with a long Retry-After: not asked again before it ends, and neither a
failed poll nor a working one); `error`; `blocked` (the listing, or
every article, came back as a WAF / JS-challenge stub); `layout_changed` (a listing that used to
give links gives none: fix the selector); `gone` (404/410 for GONE_AFTER polls in a row).
Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from ..errors import ExtractError, FetchError

GONE_AFTER = 3
WORKING = frozenset({"ok", "not_modified", "partial"})  # anything else but RESTING counts as a failed poll
RESTING = "rate_limited"


def listing_failure(exc: BaseException, kind: str, state: dict[str, Any]) -> tuple[str, int]:
    """(status, 404/410 streak) for a listing that could not be fetched or read."""
    if isinstance(exc, FetchError) and exc.kind == "blocked":
        return "blocked", 0
    if isinstance(exc, FetchError) and exc.kind == "rate_limited":
        return RESTING, state.get("missing_count") or 0
    if isinstance(exc, FetchError) and exc.status in (404, 410):
        streak = (state.get("missing_count") or 0) + 1
        return ("gone" if streak >= GONE_AFTER else "error"), streak
    if isinstance(exc, ExtractError) and kind == "html" and (state.get("peak_links") or 0) > 0 \
            and not getattr(exc, "file", None):  # (a file where the list was: no selector's fault)
        return "layout_changed", 0  # the link selector matches nothing where it used to
    return "error", 0


def poll_status(state: dict[str, Any], links: int, attempted: int, blocked: int, failures: int) -> str:
    """The status of a poll whose listing was read: `links` it gave, `attempted` article fetches,
    of which `blocked` were challenge stubs, and `failures` (errors or links left over)."""
    if links == 0 and (state.get("peak_links") or 0) > 0:
        return "layout_changed"
    if attempted and blocked == attempted:
        return "blocked"
    return "partial" if failures else "ok"


class Outages:
    """The daemon's memory of which sources are failing, to say so once: the line to log when a
    source starts failing (or fails otherwise: `error` → `gone`) and when it works again, None for
    the polls in between (each is INFO, seen with -v). A `busy` or resting poll changes nothing."""

    BACKOFF_AFTER = 5  # failed polls in a row before a failing source is polled less often
    BACKOFF_CAP = 3600.0  # seconds: the longest wait (or the source's interval, when longer)
    FLAP = 3600.0  # seconds: a source failing again this soon after it worked again flaps (said once)

    def __init__(self) -> None:
        self.failing: dict[str, tuple[str, str, int]] = {}  # source -> (status, since, failed polls)
        self.resting: dict[str, float] = {}  # source -> the clock's time before which its polls are skipped
        self.recovered: dict[str, tuple[float, int, str]] = {}  # source -> (clock, failed polls, since) of its last recovery
        # source -> [status, since, failures, clock of the last failure, clock of the first of its failures in a row]
        self.flapping: dict[str, list[Any]] = {}

    def due(self, source: str, clock: float) -> bool:
        """Whether a poll of `source` is worth making now (`clock`: a monotonic time)."""
        return clock >= self.resting.get(source, clock)

    def pace(self, source: str, interval: float, started: float) -> None:
        """After a poll begun at `started`: a source failing BACKOFF_AFTER polls in a row (a site
        down for a week, polled every minute: 10,000 requests, each a line at -v) is polled at
        twice its interval, then four times ..., at most hourly; a working poll ends that."""
        failed = self.failing.get(source, ("", "", 0))[2]
        if failed < self.BACKOFF_AFTER:
            self.resting.pop(source, None)
            return
        wait = min(max(interval, self.BACKOFF_CAP), interval * 2 ** (failed - self.BACKOFF_AFTER + 1))
        self.resting[source] = started + wait - interval / 2  # the run due nearest `wait` on goes

    def unpace(self) -> set[str]:
        """The sources polled less often (`pace`), let go: a reload is the operator's word that what
        failed them may be put right. A failing one is paced again, from where it was."""
        rested, self.resting = set(self.resting), {}
        return rested

    def keep(self, sources: set[str]) -> None:
        """Forget the outages of sources not named (taken out of the config, disabled, read from
        another address: a reload): one put back and failing is said again, from its own start."""
        for gone in self.failing.keys() - sources:
            del self.failing[gone]
        for memory in (self.resting, self.recovered, self.flapping):
            for gone in memory.keys() - sources:
                del memory[gone]

    def note(self, source: str, status: str, error: str, now: str, clock: float | None = None) -> str | None:
        """The line to log for a poll of `source` ended `status` at `now` (UTC), or None. With `clock`
        (monotonic seconds), a source failing again within FLAP of working again (one bad backend of
        several, a CDN's 503 now and then) is said once to flap, then nothing (each failure and each
        recovery had its WARNING, a pair a poll), until it has worked FLAP since its last failure."""
        was, flap = self.failing.get(source), self.flapping.get(source)
        if status in WORKING:
            if flap is not None and clock is not None and clock - flap[3] > self.FLAP:
                del self.flapping[source]
                self.recovered.pop(source, None)
                self.failing.pop(source, None)
                return (f"source={source} is steady again: status={status} worked {self.FLAP / 60:.0f} minutes since "
                        f"its last failure; failures={flap[2]} since={flap[1]}Z while it flapped")
            if was is None:
                return None
            del self.failing[source]
            if clock is not None:
                self.recovered[source] = (clock, was[2], was[1])
            if flap is not None:
                return None
            return (f"source={source} works again: status={status} failed_polls={was[2]} since={was[1]}Z "
                    f"(down from then, first as {was[0]})")
        if status in ("busy", RESTING):
            return None
        self.failing[source] = (status, was[1] if was else now, (was[2] if was else 0) + 1)
        error = " ".join(error.split())[:300]
        if flap is not None and clock is not None and flap[0] == status:
            flap[2], flap[3], flap[4] = flap[2] + 1, clock, clock if was is None else flap[4]
            if clock - flap[4] <= self.FLAP:
                return None
            del self.flapping[source]  # failing in a row for FLAP: no longer flapping but down, said as an outage
            was = None
        back = self.recovered.get(source)
        if was is None and flap is None and clock is not None and back is not None and clock - back[0] <= self.FLAP:
            self.flapping[source] = [status, back[2], back[1] + 1, clock, clock]
            return (f"source={source} fails again within {self.FLAP / 60:.0f} minutes of working: flapping, "
                    f"status={status} since={back[2]}Z (said once; again when it has worked {self.FLAP / 60:.0f} "
                    f"minutes since its last failure or fails otherwise; each poll with -v) error={error}")
        if was is not None and was[0] == status:
            return None
        return (f"source={source} is failing: status={status} since={self.failing[source][1]}Z (said again when it "
                f"works or fails otherwise; each poll with -v, the last in `monitor sources`; after {self.BACKOFF_AFTER} "
                f"failed polls polled less often, at most hourly) error={error}")
