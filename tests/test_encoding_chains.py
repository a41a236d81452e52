"""An answer whose Content-Encoding names a compression thousands of times (`gzip, gzip, …` in
the 100 KB a header may take: up to 17,000), its body compressed as often. Each was undone in
turn, a decompressor apiece held at once: 3,500 took 138 MB for an answer of 119 KB, 5,000 took
182 MB (tracemalloc's peak), and sixteen such answers in flight would take gigabytes. At most five
compressions are undone (urllib3 bounds a decoding chain the same); an answer naming more is
refused at once, for good, as one too large is. Two, as a misconfigured proxy adds, still read."""

from __future__ import annotations

import gzip
import tracemalloc

import pytest
from hostile import Site
from test_fetch import fails, fetcher_for

PAGE = b"<html><head><title>t</title></head><body><p>\xe6\xb2\xaa\xe6\x98\x8e</p></body></html>"


def _nested(times: int) -> bytes:
    body = PAGE
    for _ in range(times):
        body = gzip.compress(body, 1)
    return body


@pytest.fixture
def site():
    with Site() as s:
        yield s


def test_an_answer_compressed_3500_times_is_refused_without_holding_a_decompressor_each(site):
    site.page("/x.html", _nested(3_500), headers={"Content-Encoding": ", ".join(["gzip"] * 3_500)})
    with fetcher_for(site) as f:
        tracemalloc.start()
        try:
            err = fails(f, site.url("/x.html"), "too_large")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert "3,500 compressions" in str(err)
    assert peak < 10_000_000, peak


@pytest.mark.parametrize("times", [2, 5])
def test_up_to_five_compressions_are_undone(site, times):
    site.page("/x.html", _nested(times), headers={"Content-Encoding": ", ".join(["gzip"] * times)})
    with fetcher_for(site) as f:
        assert f.get(site.url("/x.html")).content == PAGE
