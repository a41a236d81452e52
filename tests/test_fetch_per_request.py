"""The work the fetcher does per request, kept to what each request needs (issue 9): httpcore's
locks and events on asyncio's own (no extra turn of the loop a request), the client's headers
merged with a request's Referer once per Referer. Every answer and every header sent the same."""

from __future__ import annotations

import asyncio

import httpcore
import pytest
from hostile import Site, _send

from monitor.config import FetchConfig
from monitor.fetch import Fetcher


def test_a_page_on_a_kept_connection_takes_no_anyio_lock_or_event():
    """httpcore's anyio locks yield to the event loop at each acquire, free or not (three a
    request: ~10 turns of the loop a page where 7 do), and its events ask sniffio which library
    runs; the fetcher's loop is asyncio's, and a page fetched takes neither."""
    import anyio
    from anyio._backends import _asyncio as anyio_asyncio  # the classes anyio's Lock and Event make

    taken = {"locks": 0, "events": 0}
    acquire, event_new = anyio_asyncio.Lock.acquire, anyio.Event.__new__

    async def counted(self, *a, **kw):
        taken["locks"] += 1
        return await acquire(self, *a, **kw)

    def made(cls, *a, **kw):
        taken["events"] += 1
        return event_new(cls, *a, **kw)

    with Site() as site:
        site.article("/a.html", "三明与上海共建产业园区")
        with Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=5.0, allow_private=(site.netloc,))) as f:
            f.get(site.url("/a.html"))
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(anyio_asyncio.Lock, "acquire", counted)
                mp.setattr(anyio.Event, "__new__", made)
                for _ in range(3):
                    assert "三明与上海" in f.get(site.url("/a.html")).text
    assert taken == {"locks": 0, "events": 0}


def test_each_request_sends_its_own_referer_and_the_client_headers():
    seen: list[tuple[str | None, str | None]] = []

    def page(h) -> None:
        seen.append((h.headers.get("Referer"), h.headers.get("User-Agent")))
        _send(h, 200, {"Content-Type": "text/html; charset=utf-8"}, "<p>三明</p>".encode())

    with Site() as site:
        site.routes["/p.html"] = page
        with Fetcher(FetchConfig(min_delay=0.0, retries=0, allow_private=(site.netloc,), user_agent="ua-x/1")) as f:
            for referer in ("http://a.cn/1", "http://b.cn/2", None, "http://a.cn/1"):
                f.submit(f.fetch(site.url("/p.html"), headers={"Referer": referer} if referer else None)).result()
            assert f.client.headers.get("Referer") is None  # the client's own headers never take one
    assert seen == [("http://a.cn/1", "ua-x/1"), ("http://b.cn/2", "ua-x/1"), (None, "ua-x/1"),
                    ("http://a.cn/1", "ua-x/1")]


def test_the_asyncio_lock_and_event_keep_httpcores_meaning():
    from monitor.fetch.transport import AsyncioEvent, AsyncioLock

    async def run() -> list[str]:
        lock, order = AsyncioLock(), []

        async def holder(name: str) -> None:
            async with lock:
                order.append(f"{name} in")
                await asyncio.sleep(0.01)
                order.append(f"{name} out")

        await asyncio.gather(holder("a"), holder("b"))
        event = AsyncioEvent()
        with pytest.raises(httpcore.PoolTimeout):
            await event.wait(timeout=0.01)
        asyncio.get_running_loop().call_later(0.01, event.set)
        await event.wait(timeout=5)
        return order

    assert asyncio.run(run()) == ["a in", "a out", "b in", "b out"]
