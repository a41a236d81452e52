"""A page of many short runs in white where no background is set (`<span style="color:#fff">` by the
ten thousand, or as many spans a sheet's rule makes white or tiny type): whether they were stuffing
was asked of all their texts joined, once per run, so the time grew with the square of their
number: 8,000 spans 5 s of CPU, the 250,000 of an 8 MB page hours, the poll stalled on one page.
The joined texts are judged once: the CPU for 4x the spans is compared with a reference run of a
quarter of them (tests/cpuguard.py), not with a timeout a loaded machine can run out of."""

from __future__ import annotations

import pytest
from cpuguard import LINEAR, growth
from hostile import BODY, article_html

from monitor import extract

SPANS = {
    "inline-white": ("", '<span style="color:#fff">{}</span>'),
    "tiny-type": ("", '<span style="font-size:1px">{}</span>'),
    "white-by-a-rule": (".w{color:#ffffff}", '<span class="w">{}</span>'),
}


@pytest.mark.parametrize("kind", list(SPANS))
def test_many_short_runs_in_white_are_read_in_a_time_linear_in_them(kind):
    sheet, span = SPANS[kind]

    def read(n: int) -> extract.Article:
        runs = "".join(span.replace("{}", f"第{i}") for i in range(n))
        page = article_html("沪明合作新闻", BODY, extra_head=f"<style>{sheet}</style>").replace("<body>", f"<body><div>{runs}</div>")
        return extract.extract(page, "http://news.example.cn/a/1.html")

    assert (grew := growth(read, 6_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the spans"  # ~16x when judged per span
    assert "沪明对口合作联席会议" in read(6_000).body
