"""Pacing: how fast a chat robot takes messages, so a long digest is not cut off by its rate limit.

A WeCom or DingTalk group robot takes 20 messages a minute (DingTalk then shuts the robot for ten
minutes); a Feishu custom bot 5 a second and 100 a minute. A digest planned as more messages than
that (WeCom's 4,096 bytes hold some six stories, so 150 stories are 25 messages), or two
subscribers posting to one robot, had its later messages refused with an error code in a 200
answer: the digest came in pieces over the next runs, out of order once a refused one was passed.

In: a channel's key (a webhook's is its URL's hash: one robot, whoever posts to it) and format.
Out: how long to wait before its next message. Remembers this process's sends, and what the
outbox says was sent to a robot in the last minute when this process first sends to it: a
`monitor digest` run by hand just after the daemon's digest keeps the robot's pace too.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

# (messages, seconds) a robot takes, per format; formats not named have no pace.
LIMITS: dict[str, tuple[tuple[int, float], ...]] = {
    "wecom": ((20, 60.0),),
    "dingtalk": ((20, 60.0),),
    "feishu": ((5, 1.0), (100, 60.0)),
}
SLEEP_AT_MOST = 5.0  # the daemon waits this long in a run; longer waits are deferred to its retry job
SAY_AT = 3.0  # `monitor digest` says why it waits when it waits this long
MARGIN = 0.5  # seconds added to each wait: the robot's clock is not ours
MEMORY = max(period for limits in LIMITS.values() for _, period in limits)  # seconds of sends that matter


def described(fmt: str) -> str:
    """A robot's limits as a reader says them: "20 messages a minute", "5 messages a second and 100 a minute"."""
    def one(count: int, period: float) -> str:
        return f"{count} messages a " + {1.0: "second", 60.0: "minute"}.get(period, f"{period:g} seconds")
    return " and ".join(one(n, p) for n, p in LIMITS.get(fmt, ()))


class Pacer:
    """The times of the messages sent to each robot, and the wait before the next one."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.clock, self.sleep = clock, sleep
        self._sent: dict[str, deque[float]] = {}

    def wait(self, key: str, fmt: str) -> float:
        """Seconds before `key` may take another message (0 when it may now)."""
        times, now, wait = self._sent.get(key, ()), self.clock(), 0.0
        for n, period in LIMITS.get(fmt, ()):
            recent = [t for t in times if t > now - period]
            if len(recent) >= n:
                wait = max(wait, recent[-n] + period - now + MARGIN)
        return wait

    def known(self, key: str) -> bool:
        """Whether this process has sent to `key`, or was told what others sent (`seed`)."""
        return key in self._sent

    def seed(self, key: str, fmt: str, ages: list[float]) -> None:
        """Messages sent to `key` `ages` seconds ago (by another process, as the outbox says)."""
        limits = LIMITS.get(fmt)
        if limits and key not in self._sent:
            now = self.clock()
            self._sent[key] = deque(sorted(now - a for a in ages), maxlen=max(n for n, _ in limits))

    def sent(self, key: str, fmt: str) -> None:
        """A message went to `key` (taken or not: the robot counts the request)."""
        limits = LIMITS.get(fmt)
        if limits:
            self._sent.setdefault(key, deque(maxlen=max(n for n, _ in limits))).append(self.clock())


PACER = Pacer()
