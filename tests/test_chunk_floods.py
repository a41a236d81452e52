"""A body sent one byte a chunk (`1\\r\\na\\r\\n`, over and over): within the size cap, as fast as
the fetcher reads it. Each chunk was kept as a bytes object of its own until the body was
joined: a 30 KB page peaked at 3.7 MB (124 bytes a byte; 105 KB: 13 MB), and a server streaming
such chunks until the request's deadline (30 s, two million chunks) took the process from 38 to
107 MB for that one link. The body now grows in one buffer (30 KB: 0.3 MB; the stream: 39 MB)."""

from __future__ import annotations

import tracemalloc

from hostile import Site

from monitor.config import FetchConfig
from monitor.fetch import Fetcher

PAGE = "<html><head><title>沪明合作</title></head><body><p>" + "上海与三明" * 2_000 + "</p></body></html>"


def _one_byte_chunks(data: bytes):
    answer = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n" +
              b"".join(b"1\r\n" + data[i:i + 1] + b"\r\n" for i in range(len(data))) + b"0\r\n\r\n")

    def serve(h) -> None:  # made before the client's memory is traced: the server's own is not counted
        h.wfile.write(answer)
        h.close_connection = True
    return serve


def test_a_page_sent_a_byte_a_chunk_is_held_in_memory_about_its_own_size():
    data = PAGE.encode()
    assert len(data) > 30_000
    with Site() as site, Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=60.0,
                                             allow_private=("127.0.0.1",))) as f:
        site.routes["/a.html"] = _one_byte_chunks(data)
        site.page("/robots.txt", "", content_type="text/plain")
        f.get(site.url("/robots.txt"))
        tracemalloc.start()
        try:
            got = f.get(site.url("/a.html"))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert got.content == data
    assert peak < 20 * len(data), f"{peak:,} bytes for a page of {len(data):,}"
