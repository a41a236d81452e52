"""A long digest to a chat robot with a rate limit (WeCom and DingTalk: 20 messages a minute;
Feishu: 5 a second) arrives whole and in order, paced, not refused part-way and dribbled out
over the next runs. The robots here are real HTTP receivers on 127.0.0.1 that count requests on
a clock the test moves (the pacer waits on the same clock, so nobody sleeps a real minute)."""

from __future__ import annotations

import json
import re
from collections import deque
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from delivery_world import counts, news_lines, quick_webhooks, toml_value

from monitor import config
from monitor.pipeline import Context, import_lines, retry_due, send_digests
from monitor.store import Store

RULES = {"wecom": ((20, 60.0), 45009, "api freq out of limit"),
         "feishu": ((5, 1.0), 11232, "frequency limited")}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class Robot:
    """The receiver as a chat robot: past its rate (per URL path), a 200 with an error code."""

    def __init__(self, receiver: Any, fmt: str, clock: Clock) -> None:
        (self.n, self.period), self.code, self.msg = RULES[fmt]
        self.clock, self.taken, self.refused = clock, [], 0
        self.times: dict[str, deque[float]] = {}
        answer = receiver._answer

        def robot(received: Any) -> tuple[int, dict[str, str], bytes]:
            status, headers, _ = answer(received)
            clock.now += 0.01  # a request takes a little time
            times = self.times.setdefault(received.path, deque())
            times.append(clock.now)
            while times and times[0] <= clock.now - self.period:
                times.popleft()
            if len(times) > self.n:
                self.refused += 1
                reply = {"errcode": self.code, "errmsg": self.msg} if fmt == "wecom" else {"code": self.code,
                                                                                           "msg": self.msg}
            else:
                self.taken.append(received.body.decode())
                reply = {"errcode": 0, "errmsg": "ok"} if fmt == "wecom" else {"code": 0, "msg": "success"}
            return status, headers, json.dumps(reply).encode()

        receiver._answer = robot


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    quick_webhooks(monkeypatch)
    clock = Clock()
    from monitor.pipeline import pacing

    monkeypatch.setattr(pacing, "PACER", pacing.Pacer(clock=clock, sleep=clock.sleep))
    return clock


def world(tmp_path: Any, url: str, fmt: str, names: tuple[str, ...] = ("desk",), n: int = 150) -> Context:
    """`names` subscribers, all posting to the one robot at `url`, and n stories waiting."""
    lines = ['include = ["monitor:topics/hu-ming.toml"]']
    for name in names:
        lines += ["[[subscribers]]", f"name = {toml_value(name)}", 'topics = ["hu-ming"]', "max_stories = 500",
                  "[[subscribers.channels]]", 'kind = "webhook"', f"format = {toml_value(fmt)}",
                  f"url = {toml_value(url)}"]
    (tmp_path / "monitor.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ctx = Context(config.load(tmp_path / "monitor.toml", tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(n)).matched == n
    return ctx


def parts(bodies: list[str]) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (re.search(r"\((\d+)/(\d+)\)", body).groups() for body in bodies)]


@pytest.mark.parametrize(("fmt", "stories"), [("wecom", 150), ("feishu", 300)])
def test_monitor_digest_of_more_messages_than_the_robot_takes_at_once_arrives_whole_and_in_order(
        tmp_path, webhook_receiver, clock, fmt, stories):
    robot = Robot(webhook_receiver, fmt, clock)
    ctx = world(tmp_path, f"{webhook_receiver.url}/robot", fmt, n=stories)
    start = clock.now
    (result,) = send_digests(ctx)
    assert result.status == "sent", result.detail
    assert robot.refused == 0 and result.pending == 0
    n = len(robot.taken)
    assert n > robot.n  # more messages than the robot takes in one period…
    assert parts(robot.taken) == [(i, n) for i in range(1, n + 1)]  # …all of them, in order
    assert counts(robot.taken) == dict.fromkeys(range(stories), 1)
    assert clock.now - start >= robot.period  # it waited for the robot, rather than being refused


def test_the_daemon_sends_what_the_robot_takes_now_and_the_rest_a_minute_later_in_order(
        tmp_path, webhook_receiver, clock, monkeypatch):
    robot = Robot(webhook_receiver, "wecom", clock)
    ctx = world(tmp_path, f"{webhook_receiver.url}/robot", "wecom")
    (result,) = send_digests(ctx, respect_backoff=True)
    assert robot.refused == 0
    assert result.status == "sent" and result.sent == 20 and result.failed == 0, result.detail
    assert "rate limit" in result.detail and result.pending > 0
    waiting = ctx.store.outbox_due("desk", result.channel)
    assert all(q.attempts == 0 and q.status == "pending" for q in waiting)  # put off, not failed
    from monitor.pipeline import deliver

    assert not ctx.store.outbox_due("desk", result.channel, deliver.utcnow())  # not before the minute is up
    later = deliver.utcnow() + timedelta(seconds=61)
    clock.now += 61
    monkeypatch.setattr(deliver, "utcnow", lambda: later)
    (again,) = retry_due(ctx)
    assert again.status == "sent" and robot.refused == 0, again.detail
    n = len(robot.taken)
    assert parts(robot.taken) == [(i, n) for i in range(1, n + 1)]
    assert counts(robot.taken) == dict.fromkeys(range(150), 1)


def test_two_subscribers_posting_to_one_robot_share_its_rate(tmp_path, webhook_receiver, clock):
    robot = Robot(webhook_receiver, "wecom", clock)
    ctx = world(tmp_path, f"{webhook_receiver.url}/robot", "wecom", names=("office", "press"), n=80)
    results = send_digests(ctx)
    assert [r.status for r in results] == ["sent", "sent"], [r.detail for r in results]
    assert robot.refused == 0
    assert counts(robot.taken) == dict.fromkeys(range(80), 2)  # each subscriber's digest, whole


def test_monitor_digest_run_just_after_the_daemons_digest_keeps_the_robots_pace(tmp_path, webhook_receiver, clock,
                                                                                  monkeypatch):
    """The second process learns what the first sent from the outbox's send times: those times
    follow the test's clock too, or a loaded machine's real seconds between the two digests
    shorten the wait the robot needs (a flake seen under load, reproduced by a real sleep)."""
    from monitor.pipeline import deliver
    from monitor.store import outbox

    epoch = datetime(2026, 1, 1, tzinfo=UTC)
    for module in (deliver, outbox):
        monkeypatch.setattr(module, "utcnow", lambda: epoch + timedelta(seconds=clock.now))
    robot = Robot(webhook_receiver, "wecom", clock)
    ctx = world(tmp_path, f"{webhook_receiver.url}/robot", "wecom", names=("office", "press"), n=80)
    (office,) = send_digests(ctx, "office")  # the daemon's digest: some 14 messages this minute
    from monitor.pipeline import pacing

    monkeypatch.setattr(pacing, "PACER", pacing.Pacer(clock=clock, sleep=clock.sleep))  # another process
    (press,) = send_digests(ctx, "press")  # `monitor digest` by hand, a moment later
    assert (office.status, press.status) == ("sent", "sent"), press.detail
    assert robot.refused == 0
    assert counts(robot.taken) == dict.fromkeys(range(80), 2)


def test_monitor_digest_says_why_it_waits_for_the_robot(tmp_path, webhook_receiver, clock, caplog):
    """`monitor digest` waited out the robot's minute in silence (its note was at -v only): at a
    terminal, a digest that stops for 40 s looks hung."""
    Robot(webhook_receiver, "wecom", clock)
    ctx = world(tmp_path, f"{webhook_receiver.url}/robot", "wecom")
    with caplog.at_level("WARNING", logger="monitor"):
        (result,) = send_digests(ctx)
    assert result.status == "sent"
    said = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "rate limit" in r.getMessage()]
    assert said and re.search(r"waiting \d+ s for the wecom robot's rate limit \(20 messages a minute\)", said[0]), said
