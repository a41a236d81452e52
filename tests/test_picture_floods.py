"""Pages of many pictures in one block: a gallery of 40,000 thumbnails, or a hostile page of
pictures each followed by a caption-classed span. For every picture the extractor read the whole
text of the block it sits in, twice over, to tell whether the block was the picture's own box
(which holds the picture and its caption, nothing more): the work grew with the square of the
pictures, 40,000 took 10 s and 12,000 captioned ones 8 s (12,000 linked ones in a <center>: 7 s;
a page of 200,000 within the size cap: minutes, the poll's thread stalled). A block holding more
child nodes than a picture's box does is now no such box, told at once; the same 320
development and fixture pages extract as before."""

from __future__ import annotations

import pytest
from cpuguard import LINEAR, growth

from monitor import extract
from monitor.models import Article

PAGE = ("<html><head><meta charset='utf-8'><title>沪明合作图片新闻</title></head><body><div class='content'>{}"
        "<p>上海市与三明市召开沪明对口合作联席会议，双方就产业协作、文旅交流和人才培养达成多项共识。</p>"
        "<p>会议指出，沪明两地将继续深化合作共建产业园，推动更多上海企业在三明落地。</p></div></body></html>")


@pytest.mark.parametrize(("box", "unit", "count"), [
    ("{}", '<img src="/p/a.jpg" alt="沪明">', 40_000),
    ("{}", '<img src="/p/a.jpg"><span class="caption">沪明合作图片</span>', 12_000),
    ("<center>{}</center>", '<a href="/p/1.html"><img src="/p/a.jpg"></a>', 12_000),
    ("<figure>{}</figure>", '<img src="/p/a.jpg"><span class="caption">沪明合作图片</span>', 12_000)])
def test_a_block_of_many_pictures_is_read_in_time_linear_in_its_size(box, unit, count):
    def read(n: int) -> Article:
        return extract.extract(PAGE.format(box.format(unit * n)), "http://a.cn/news/1.html")

    assert "沪明两地将继续深化合作" in read(count).body
    assert (grew := growth(read, count)) < LINEAR, f"{grew:.1f}x the CPU for 4x the pictures"


def test_a_pictures_own_wrapper_still_loses_its_caption():
    page = PAGE.format('<div class="pic"><img src="/p/a.jpg"></div><span class="caption">三明市区全景（资料图）</span>')
    assert "三明市区全景" not in extract.extract(page, "http://a.cn/news/1.html").body
