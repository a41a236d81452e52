"""Pages ending in a long run of tags that never close (`<a <a <a …`, `<select <select …`, or a
script's text field of `<<<…`), each run tried against the whole rest of the page, the cost
growing with the square of the run:
- the reshaping before every parse (markup.flatten_nesting), on a page of 8,000 tags or more:
  600 KB of `<a ` after its last `>` took 33 s of CPU, an 8 MB page (the fetch cap) hours;
- its select capping (markup.cap_options), on a page with 2,000 `<o`: 40,000 `<select ` 3.5 s;
- the text fields of a page that holds its article only in script data (extract.scripted):
  80,000 `<` took 2 s, a megabyte minutes.
Now a tag is sought only up to the page's last `>` (none can end past it), and a script field's
tags end at the next `<`. Pages whose tags close are reshaped as before. All text is invented."""

from __future__ import annotations

import contextlib
import json
import random
import re

from cpuguard import LINEAR, growth

from monitor import markup
from monitor.errors import ExtractError
from monitor.extract import extract
from monitor.markup import MAX_DEPTH, cap_options, flatten_nesting
from monitor.models import Article

SENTENCES = "上海市与三明市召开沪明对口合作联席会议，双方就产业协作、文旅交流和人才培养达成多项共识。" * 3
# flatten_nesting's tag pattern as it was: read to the page's end
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*>")


def test_a_page_of_many_tags_ending_in_unclosed_ones_is_read_in_linear_time():
    def read(n: int) -> Article:
        page = ("<html><head><title>沪明合作</title></head><body><h1>沪明合作</h1>"
                + "<p>" + SENTENCES + "</p>" + "<span>沪明</span>" * (n // 20) + "<a " * n)
        return extract(page, "http://news.example.cn/a/1.html")

    assert "沪明对口合作联席会议" in read(100_000).paragraphs[0]
    assert (grew := growth(read, 100_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the tags"


def test_a_page_ending_in_unclosed_selects_is_capped_in_linear_time():
    def page(n: int) -> str:
        return "<p>" + "<o>" * (n // 30) + "<select " * n

    assert cap_options(page(60_000)) == page(60_000)
    assert (grew := growth(lambda n: cap_options(page(n)), 60_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the tags"


def test_script_data_whose_text_is_unclosed_tags_is_read_in_linear_time():
    def read(n: int) -> None:
        data = {"title": "沪明合作", "content": "上海与三明签约。双方将合作。" + "<" * n}
        page = ("<html><head><title>沪明合作</title></head><body><div id=app></div>"
                f"<script>window.__DATA__ = {json.dumps(data)}</script></body></html>")
        with contextlib.suppress(ExtractError):  # no article here: only the time counts
            extract(page, "http://news.example.cn/a/2.html")

    assert (grew := growth(read, 400_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the text"


def test_pages_whose_tags_close_are_reshaped_as_before():
    rng = random.Random(28)
    pieces = ["<div>", "</div>", "<span class='a'>", "</span>", "<x-y>", "<p>", "沪明", "<a href='/1'>", "</a>",
              "<div title='a>b'>", "<b ", "<i\n>", "</x-y>", "<!-- c -->", "<br/>", ">"]
    for _ in range(300):
        depth = rng.choice([MAX_DEPTH - 5, MAX_DEPTH + 50])
        page = "<div>" * depth + "".join(rng.choice(pieces) for _ in range(rng.randint(9_000, 11_000)))
        assert page.count("<") >= markup.DEPTH_FROM
        pieces_before, start = [], 0  # the reshaping as it was, with the old pattern
        depths = [0, 0, 0]
        for tag in _ANY_TAG.finditer(page):
            name = tag.group(2).lower()
            if name in markup._FLAT:
                continue
            closing = tag.group(1) == "/"
            kind = 0 if name in markup._BLOCK_NAMES else 1 if name in markup._INLINE_NAMES else 2
            d = depths[kind]
            deep = d > MAX_DEPTH if closing else d >= MAX_DEPTH
            depths[kind] = max(0, d - 1) if closing else d + 1
            if deep:
                pieces_before.append(page[start:tag.start()])
                start = tag.end()
        before = "".join([*pieces_before, page[start:]]) if pieces_before else page
        assert flatten_nesting(page) == before
