"""A page with one `<iframe srcdoc>` (an editor's preview holding the article) and, after it to
its end, a long run of unclosed `<iframe ` tags, or one unclosed tag of many `srcdoc="…"` attributes.
Finding the srcdoc documents to put in their frames' place tried every `<iframe` against the
rest of the page up to its next `>`: 160 KB of such markup took 9-13 s of CPU a page, growing
with the square (an 8 MB page, the fetch cap, hours). Each try now ends at the next tag, and
a frame's tag need not be closed. Frames written as pages write them are found as before.
All text is invented."""

from __future__ import annotations

import random
import re
from html import escape

import pytest
from cpuguard import LINEAR, growth

from monitor.extract import _SRCDOC, extract
from monitor.models import Article

DOC = ("<html><body><p>" + "上海市与三明市召开沪明对口合作联席会议，双方就产业协作、文旅交流和人才培养达成多项共识。" * 2
       + "</p><p>会议指出，两地将继续深化合作共建产业园。</p></body></html>")
# the pattern as it was, to check that well-formed frames are read the same
_BEFORE = re.compile(r"""<iframe\b[^>]*?\ssrcdoc\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>(?:\s*</iframe\s*>)?""", re.I)


@pytest.mark.parametrize("junk", ["<iframe ", ' srcdoc="沪明。"'])
def test_a_run_of_unclosed_frames_after_a_srcdoc_frame_is_read_in_linear_time(junk):
    def read(n: int) -> Article:
        page = ("<html><head><title>沪明合作</title></head><body><h1>沪明合作</h1>"
                f'<iframe srcdoc="{escape(DOC)}"></iframe><p><iframe' + junk * (n // len(junk)))  # to the page's end
        return extract(page, "http://news.example.cn/a/1.html")

    assert "沪明对口合作联席会议" in read(400_000).paragraphs[0]
    assert (grew := growth(read, 400_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the markup"


def test_well_formed_frames_are_found_as_before():
    rng = random.Random(28)
    quote = ['"', "'"]
    attrs = ['width="100%"', "frameborder=0", 'class="preview"', "title='预览'", 'data-x="a>b"', "allowfullscreen",
             'style="border:none"', 'name="f1"']
    for _ in range(3_000):
        parts = []
        for _ in range(rng.randint(1, 4)):
            q = rng.choice(quote)
            value = escape(rng.choice([DOC, "<p>广告</p>", "沪明。", ""]), quote=True)
            before = " ".join(rng.sample(attrs, rng.randint(0, 2)))
            after = " ".join(rng.sample(attrs, rng.randint(0, 2)))
            tag = f"<iframe {before} SRCDOC {rng.choice(['=', ' = '])}{q}{value}{q} {after}>"
            parts.append(tag + rng.choice(["</iframe>", " </IFRAME >", ""]) + rng.choice(["<p>正文。</p>", "文字", ""]))
        page = "<div>" + "".join(parts) + "</div>"
        assert [m.group(0) for m in _SRCDOC.finditer(page)] == [m.group(0) for m in _BEFORE.finditer(page)], page
