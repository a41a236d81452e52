"""Text a page hides from its readers (`display:none`, the `hidden` attribute, `font-size:0`) is not
the article: a page stuffed with hidden topic words (沪明合作 上海 三明) was matched as about the
cooperation and sent in the digest. Short hidden runs are dropped; a long hidden block stays
(a script shows it: some pages hide the text until 展开全文, and WeChat hides the whole article
with `visibility:hidden` until its script runs, which is never dropped)."""

from __future__ import annotations

import pytest
from cpuguard import LINEAR, growth

from monitor import extract, match

STORY = ("<p>本月某县召开全县农业工作会议，总结今年粮食生产情况，部署明年春耕备耕工作，要求各乡镇抓好水利设施建设。</p>"
         "<p>会议强调，要稳定粮食播种面积，推广优良品种，提高农业综合生产能力，确保农民持续增收。</p>")
STUFFING = ('<div style="display:none">沪明对口合作 上海 三明 对口合作 沪明合作 三明市 上海市</div>'
            "<p hidden>上海三明对口合作签约项目</p>"
            '<span style="DISPLAY: none !important">沪明合作</span><p style="font-size:0px">上海三明合作</p>')


def _page(inner: str) -> str:
    return (f"<html><head><title>某县召开农业工作会议</title></head><body><h1>某县召开农业工作会议</h1>"
            f"<div class='content'>{inner}</div></body></html>")


def test_hidden_keywords_are_not_the_article_and_match_nothing():
    first, second = STORY.split("</p>", 1)
    article = extract.extract(_page(first + "</p>" + STUFFING + second), "http://x.cn/1.html")
    assert "沪明" not in article.body and "上海" not in article.body
    assert "春耕备耕" in article.body and "农民持续增收" in article.body
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    assert not match.match_article(topic, article.title, article.body).matched


def test_a_long_hidden_text_and_a_wechat_article_are_kept():
    long_hidden = ('<div style="display:none" class="more">' + "".join(
        f"<p>第{i}段：上海与三明两地共建产业园区，签约项目{i}个，总投资{i + 3}亿元，带动当地就业。</p>" for i in range(6))
        + "</div>")
    kept = extract.extract(_page(STORY + long_hidden), "http://x.cn/2.html")
    assert "第5段" in kept.body
    wechat = extract.extract("<html><head><title>沪明合作</title></head><body><div class='rich_media_content' "
                             "id='js_content' style='visibility: hidden;'>" + STORY + "</div></body></html>",
                             "https://mp.weixin.qq.com/s/abc")
    assert "春耕备耕" in wechat.body


def test_paragraphs_hidden_one_by_one_until_read_more_are_kept():
    """A page may hide its later paragraphs one by one until 展开全文 is pressed: together they are
    the text, not a few words stuffed in."""
    hidden = "".join(f'<p style="display:none">第{i}段：上海与三明两地共建产业园区，签约项目{i}个，总投资{i + 3}亿元，'
                     f"带动当地就业{i}百人，园区配套设施持续完善。下一步两地将继续在人才交流、文旅康养和"
                     f"农产品销售等方面深化合作。</p>" for i in range(6))
    article = extract.extract(_page(STORY + hidden + '<a class="more">展开全文</a>'), "http://x.cn/3.html")
    assert "第0段" in article.body and "第5段" in article.body


def _matched(article) -> bool:
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    return match.match_article(topic, article.title, article.body).matched


WORDS = '<div class="kw">沪明对口合作 上海 三明 对口合作 沪明合作</div><p id="seo">上海三明对口合作签约项目</p>'


@pytest.mark.parametrize(("sheet", "stuffing"), [
    # a class and an id the page's own style sheet hides
    ("<style>.kw { display : none } #seo{font-size:0px}</style>", WORDS),
    # off the screen, or in a box of no size
    ("", '<div style="position:absolute; left:-9999px">沪明对口合作 上海 三明 对口合作 沪明合作</div>'),
    ("", '<p style="text-indent: -10000px; overflow:hidden">上海三明对口合作签约项目 沪明合作</p>'),
    ("", '<div style="height:0;overflow:hidden">沪明对口合作 上海市 三明市 沪明合作</div>'),
    ("", '<span style="width:1px; height:1px; overflow: hidden; position:absolute">上海三明对口合作 沪明</span>'),
    # invisible where it stands: words without paragraphs (a WeChat article hidden so is kept, above)
    ("", '<div style="visibility: hidden">沪明对口合作 上海 三明 对口合作 沪明合作</div>'),
    ("", '<span style="opacity:0">上海三明对口合作签约项目 沪明合作</span>'),
])
def test_keywords_hidden_by_a_class_or_off_the_screen_match_nothing(sheet, stuffing):
    first, second = STORY.split("</p>", 1)
    article = extract.extract(_page(sheet + first + "</p>" + stuffing + second), "http://x.cn/4.html")
    assert "沪明" not in article.body and "上海" not in article.body
    assert "春耕备耕" in article.body and "农民持续增收" in article.body
    assert not _matched(article)


def test_what_a_style_sheet_hides_only_on_phones_or_by_tag_is_read():
    sheet = ("<style>@media (max-width: 640px) { .side { display:none } } p.lead{color:red} "
             "/* a note */ .long { display: none }</style>")
    side = '<div class="side"><p>上海与三明两地签署对口合作协议，共建产业园区。</p></div>'
    long_text = '<div class="long">' + "".join(
        f"<p>第{i}段：上海与三明两地共建产业园区，签约项目{i}个，总投资{i + 3}亿元。</p>" for i in range(8)) + "</div>"
    article = extract.extract(_page(sheet + STORY + side + long_text), "http://x.cn/5.html")
    assert "签署对口合作协议" in article.body  # hidden on small screens only: a reader on a desk sees it
    assert "第7段" in article.body  # a long block a script shows (展开全文) is the text


SLOW_SHEETS = {"opening-braces": lambda n: "{" * n, "closing-braces": lambda n: "}" * n, "comments": lambda n: "/*" * (n // 2),
               "nested": lambda n: "a{" * (n // 2) + "}" * (n // 2), "rules": lambda n: ".a{display:none}" * (n // 15),
               "media": lambda n: "@media{" * (n // 3)}


@pytest.mark.parametrize("sheet", list(SLOW_SHEETS))
def test_style_sheets_built_to_be_slow_are_read_in_a_time_linear_in_them(sheet):
    """The CPU for 4x the sheet against a quarter of it (tests/cpuguard.py), not a timeout."""
    from monitor.extract import hiding

    grew = growth(lambda n: hiding.hiding_selectors([SLOW_SHEETS[sheet](n)]), 300_000)
    assert grew < LINEAR, f"{grew:.1f}x the CPU for 4x the sheet"
    hidden, faint = hiding.hiding_selectors([SLOW_SHEETS[sheet](300_000)])
    assert len(hidden.split(", ")) <= hiding.MAX_RULES and len(faint) <= hiding.MAX_RULES
