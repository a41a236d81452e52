"""A source whose links lead to many slow hosts, each trickling its page (a hostile list page, or
an aggregator's feed of links to a hundred dead sites): each host is asked once at a time, but
together they took every one of the fetcher's `concurrency` slots (16) for their whole budget,
and the other sources' pages queued behind the whole list: at `fetch.timeout = 30` a list of 100
such links kept every other source waiting five minutes, in the daemon (one fetcher for all its
polls) as in `monitor poll`. Now a source holds at most half of the slots, and a slot set free
goes to the source holding fewest: the others' pages go at once."""

from __future__ import annotations

import asyncio
import contextlib
import time

from hostile import Site, _send, list_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

FETCH = "[fetch]\nmin_delay = 0\nretries = 0\ntimeout = 2\n"


def test_a_source_of_slow_hosts_leaves_slots_for_the_others(make_ctx):  # noqa: F811
    with contextlib.ExitStack() as sites:
        slow = [sites.enter_context(Site()) for _ in range(20)]
        hog, good = sites.enter_context(Site()), sites.enter_context(Site())
        for site in slow:
            site.drip("/a.html", every=0.5)
        hog.listing("/list.html", [site.url("/a.html") for site in slow])
        # the good list answers once the slow links hold their slots (half of them: 8), not after a guessed pause
        good.routes["/list.html"] = lambda h: late_list(h, slow)
        good.article("/b.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("hog", hog.url("/list.html")) + source_toml("good", good.url("/list.html")),
                       fetch=FETCH)
        hog_report, good_report = poll(ctx)
        asked = next(hit.at for hit in good.hits if hit.path == "/b.html")
        before = [site.port for site in slow if any(hit.path == "/a.html" and hit.at < asked for hit in site.hits)]
    assert urls(ctx) == {good.url("/b.html")}, good_report
    assert good_report.status == "ok" and hog_report.new == 0, (good_report, hog_report)
    # the good page went while the slow hosts' first half held their slots, not after their timeouts
    assert len(before) <= 8, f"{len(before)} slow hosts were asked before the good page"


def late_list(h, slow: list[Site], asked: int = 8) -> None:
    """The good source's list page, once `asked` slow hosts have been asked (at most 30 s late)."""
    deadline = time.monotonic() + 30
    while sum(any(hit.path == "/a.html" for hit in site.hits) for site in slow) < asked and time.monotonic() < deadline:
        time.sleep(0.01)
    _send(h, 200, {"Content-Type": "text/html; charset=utf-8"}, list_html(["/b.html"]).encode())


def test_slots_go_to_the_owner_holding_fewest_and_a_cancelled_wait_gives_none_away():
    from monitor.fetch.hosts import FairSlots

    async def run() -> list[str]:
        slots, order = FairSlots(4), []
        release = {name: asyncio.Event() for name in ("hog", "other", "third")}

        async def one(owner: str, tag: str) -> None:
            await slots.acquire(owner)
            try:
                order.append(tag)
                await release[owner].wait()
            finally:
                slots.release(owner)

        async def settle() -> None:
            for _ in range(5):
                await asyncio.sleep(0)

        hog = [asyncio.create_task(one("hog", f"hog{i}")) for i in range(5)]
        await settle()
        assert order == ["hog0", "hog1"] and slots.free == 2, order  # half the slots at most
        other = asyncio.create_task(one("other", "other0"))
        third = [asyncio.create_task(one("third", f"third{i}")) for i in range(3)]
        await settle()
        assert order[2:] == ["other0", "third0"] and slots.free == 0, order  # free slots: taken at once
        waiting = third[1]
        waiting.cancel()  # its wait ends: no slot is taken for it, nor lost
        await settle()
        release["other"].set()  # other's slot goes to third (one held) before hog (two)
        await other
        await settle()
        assert order[-1] == "third2", order
        release["third"].set()
        await settle()
        assert order[-1] == "third2" and slots.free == 2, order  # hog holds its half: no more
        release["hog"].set()
        await asyncio.gather(*hog, third[0], third[2])
        assert waiting.cancelled() and slots.free == 4 and not slots.count and not slots.waiting
        return order

    order = asyncio.run(run())
    assert order == ["hog0", "hog1", "other0", "third0", "third2", "hog2", "hog3", "hog4"], order


def test_two_sources_of_slow_hosts_leave_a_slot_for_a_third(make_ctx):  # noqa: F811
    """Two such sources held half the slots each, all of them: a third source's pages waited for
    their timeouts. The last eighth of the slots goes only to a source holding none."""
    with contextlib.ExitStack() as sites:
        slow = [sites.enter_context(Site()) for _ in range(24)]
        hogs = [sites.enter_context(Site()) for _ in range(2)]
        good = sites.enter_context(Site())
        for site in slow:
            site.drip("/a.html", every=0.5)
        hogs[0].listing("/list.html", [site.url("/a.html") for site in slow[:12]])
        hogs[1].listing("/list.html", [site.url("/a.html") for site in slow[12:]])
        good.routes["/list.html"] = lambda h: late_list(h, slow, asked=13)
        good.article("/b.html", "沪明合作新闻二")
        ctx = make_ctx("".join(source_toml(f"hog{i}", hog.url("/list.html")) for i, hog in enumerate(hogs))
                       + source_toml("good", good.url("/list.html")), fetch=FETCH.replace("timeout = 2", "timeout = 3"))
        *hog_reports, good_report = poll(ctx)
        asked = next(hit.at for hit in good.hits if hit.path == "/b.html")
        before = [site.port for site in slow if any(hit.path == "/a.html" and hit.at < asked for hit in site.hits)]
    assert urls(ctx) == {good.url("/b.html")}, good_report
    assert good_report.status == "ok" and not any(r.new for r in hog_reports), (good_report, hog_reports)
    # the good page went while the two sources' slow hosts held theirs, not after their timeouts
    assert len(before) <= 14, f"{len(before)} slow hosts were asked before the good page"
