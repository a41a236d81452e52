"""Text a page hides from its readers (`display:none`, the `hidden` attribute, `font-size:0`) is not
the article: a page stuffed with hidden topic words (沪明合作 上海 三明) was matched as about the
cooperation and sent in the digest. Short hidden runs are dropped; a long hidden block stays
(a script shows it: some pages hide the text until 展开全文, and WeChat hides the whole article
with `visibility:hidden` until its script runs, which is never dropped)."""

from __future__ import annotations

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
