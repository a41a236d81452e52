"""A site that asks for a pause longer than a poll waits (HTTP 429 or 503 with a Retry-After past
the fetcher's patience) is left alone until then: in the same process, and in the next `monitor
poll` from cron, which is a new process. The source reads `deferred`, not `error`; its links are
not counted as failures (three long pauses in a row used to give an article up for good)."""

from __future__ import annotations

import time
from email.utils import formatdate

import pytest
from click.testing import CliRunner
from hostile import Site

from monitor.cli import main
from monitor.store import Store

FETCH = "[fetch]\nmin_delay = 0\nretries = 1\ntimeout = 3\n"


def _config(tmp_path, sources: str) -> list[str]:
    path = tmp_path / "monitor.toml"
    path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + FETCH + 'allow_private = ["127.0.0.1"]\n'
                    + sources, encoding="utf-8")
    return ["--config", str(path), "--db", str(tmp_path / "m.db")]


def _source(name: str, url: str) -> str:
    return f'[[sources]]\nname = "{name}"\nkind = "html"\nurl = "{url}"\nlink_selector = "ul.news a"\n'


def _poll(args: list[str]) -> dict[str, list[str]]:
    result = CliRunner().invoke(main, [*args, "poll"])
    assert result.exit_code == 0, result.output
    return {line.split("\t")[0]: line.split("\t") for line in result.output.splitlines()[1:]}


def _sources(args: list[str]) -> dict[str, list[str]]:
    result = CliRunner().invoke(main, [*args, "sources"])
    assert result.exit_code == 0, result.output
    return {line.split("\t")[0]: line.split("\t") for line in result.output.splitlines()[1:]}


def _rests_expire(tmp_path) -> None:
    """Move every remembered pause into the past, as an hour's wait would."""
    store = Store.open(tmp_path / "m.db")
    with store.writing():
        store.db.execute("UPDATE host_rests SET until = ?", [time.time() - 1])
    store.close()


@pytest.mark.parametrize("status", [429, 503])
def test_a_listing_asking_for_an_hour_is_deferred_and_not_asked_again_until_then(tmp_path, status):
    with Site() as slow, Site() as good:
        slow.status("/list.html", status, {"Retry-After": "3600"})
        good.listing("/list.html", ["/g.html"])
        good.article("/g.html", "沪明合作新闻")
        args = _config(tmp_path, _source("slow", slow.url("/list.html")) + _source("good", good.url("/list.html")))
        first = _poll(args)
        second = _poll(args)  # a new process, as cron runs it
        asked = slow.paths()
        rows = _sources(args)
    assert first["slow"][1] == "rate_limited" and second["slow"][1] == "rate_limited", (first, second)
    assert first["good"][1] == "ok"
    assert asked.count("/list.html") == 1, asked  # the second poll kept away
    assert rows["slow"][5] == "rate_limited" and rows["slow"][7] == "0"  # no failed poll counted
    assert f"HTTP {status}" in rows["slow"][9] and "pause" in rows["slow"][9]


def test_once_the_pause_is_over_the_listing_is_read_again(tmp_path):
    with Site() as a:
        a.status("/list.html", 429, {"Retry-After": "3600"})
        args = _config(tmp_path, _source("a", a.url("/list.html")))
        assert _poll(args)["a"][1] == "rate_limited"
        a.listing("/list.html", ["/1.html"])
        a.article("/1.html", "沪明合作新闻")
        _rests_expire(tmp_path)
        again = _poll(args)
    assert again["a"][1] == "ok" and a.paths().count("/list.html") == 2


def test_an_article_asking_for_a_pause_three_polls_running_is_not_given_up(tmp_path):
    with Site() as a:
        a.listing("/list.html", ["/1.html"])
        a.status("/1.html", 429, {"Retry-After": "3600"})
        args = _config(tmp_path, _source("a", a.url("/list.html")))
        for _ in range(3):
            report = _poll(args)["a"]
            assert report[1] in ("partial", "rate_limited"), report
            _rests_expire(tmp_path)
        failing = _sources(args)["a"][8]
        a.article("/1.html", "沪明合作新闻")
        final = _poll(args)["a"]
    assert failing == "0"  # a pause is not the link's failure
    assert final[1] == "ok" and final[3] == "1", final  # new: 1


def test_a_pause_asked_as_a_date_or_absurdly_long_is_honoured_within_a_day(tmp_path):
    with Site() as a, Site() as b:
        a.status("/list.html", 429, {"Retry-After": formatdate(time.time() + 7200, usegmt=True)})
        b.status("/list.html", 503, {"Retry-After": "999999999"})
        args = _config(tmp_path, _source("a", a.url("/list.html")) + _source("b", b.url("/list.html")))
        _poll(args)
    store = Store.open(tmp_path / "m.db")
    rests = {row[0]: row[1] - time.time() for row in store.db.execute("SELECT host, until FROM host_rests")}
    store.close()
    assert 7000 < rests[a.netloc] <= 7200, rests
    assert 86000 < rests[b.netloc] <= 86400, rests  # a day at most: a typo on their side must not silence a source


def test_a_short_retry_after_is_waited_out_within_the_poll(tmp_path):
    """Inside the fetcher's patience the request is simply retried, as before: no pause is kept."""
    from hostile import _send

    with Site() as a:
        a.listing("/list.html", ["/1.html"])
        a.sequence("/1.html", lambda h: _send(h, 429, {"Retry-After": "1"}, b""),
                   lambda h: _send(h, 200, {"Content-Type": "text/html; charset=utf-8"},
                                   "<html><head><title>沪明合作新闻</title></head><body><article><p>"
                                   "上海与三明两地签署对口合作协议，共建产业园区，推进文旅与医疗合作。</p>"
                                   "</article></body></html>".encode()))
        args = _config(tmp_path, _source("a", a.url("/list.html")))
        report = _poll(args)["a"]
    store = Store.open(tmp_path / "m.db")
    rests = store.db.execute("SELECT count(*) FROM host_rests").fetchone()[0]
    store.close()
    assert report[1] == "ok" and rests == 0


def test_too_many_requests_without_a_retry_after_is_no_failure_either(tmp_path):
    """A 429 says the pace is ours to blame, not the page: it waits for the next poll, however often."""
    with Site() as a, Site() as b:
        a.listing("/list.html", ["/1.html"])
        a.status("/1.html", 429)
        b.status("/list.html", 429)
        args = _config(tmp_path, _source("a", a.url("/list.html")) + _source("b", b.url("/list.html")))
        for _ in range(3):
            report = _poll(args)
            assert report["a"][1] == "partial" and report["b"][1] == "rate_limited", report
        rows = _sources(args)
        a.article("/1.html", "沪明合作新闻")
        final = _poll(args)["a"]
    assert rows["a"][8] == "0" and rows["b"][7] == "0"  # no failing link, no failed poll
    assert "HTTP 429" in rows["b"][9]
    assert final[1] == "ok" and final[3] == "1", final


BUSY = ("<html><head><title>提示</title></head><body><div style='margin:80px'><p>您的访问过于频繁，请稍后再试。</p>"
        "<p><a href='/'>返回首页</a></p></div></body></html>")


def test_a_page_saying_too_many_visits_with_status_200_is_a_rate_limit_not_an_article(tmp_path):
    """Sites answer a fast crawler with a small "访问过于频繁" page and HTTP 200: it was stored as
    the article (and the article never fetched again), or, as a listing, read as a layout change."""
    with Site() as a, Site() as b:
        a.listing("/list.html", ["/1.html"])
        a.page("/1.html", BUSY)
        b.page("/list.html", BUSY.replace("您的访问过于频繁", "系统繁忙"))
        args = _config(tmp_path, _source("a", a.url("/list.html")) + _source("b", b.url("/list.html")))
        for _ in range(3):
            report = _poll(args)
            assert report["a"][1] == "partial" and report["a"][3] == "0", report
            assert report["b"][1] == "rate_limited", report
        failing = _sources(args)["a"][8]
        a.article("/1.html", "沪明合作新闻")
        final = _poll(args)["a"]
    assert failing == "0"
    assert final[1] == "ok" and final[3] == "1", final


@pytest.mark.parametrize("asked", ["1e400", "inf", "99999999999999999999"])
def test_a_pause_past_reckoning_is_named_as_more_than_a_day(tmp_path, asked):
    """`Retry-After: 1e400` (or `inf`) was shown as 'HTTP 503 with Retry-After infs', and a 20-digit
    number as its 21 digits of seconds, in every poll's line and `monitor sources` for a day."""
    with Site() as a:
        a.status("/list.html", 503, {"Retry-After": asked})
        args = _config(tmp_path, _source("a", a.url("/list.html")))
        _poll(args)
        _poll(args)
    error = "\t".join(_sources(args)["a"])
    assert "Retry-After of more than a day" in error and "inf" not in error, error
