"""Tests for picture stories (helper extract-25; see BENCHMARKS.md): a county's photo brief told in its captions
(`图为…。某某 摄`), a short lead and picture and caption pairs, and its copies cut at the lead or re-split, in the
templates of county media sites, government 图片新闻 columns, portals' 组图 pages and WeChat mirrors, each written here.
The body is the lead and the captions in their places; not the credit lines, not the site's menu. A caption or
two under the pictures of a longer text stays out, as before.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract
from monitor.extract.boiler import is_chrome

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
LEAD = "11月5日，县城滨江公园的银杏林进入最佳观赏期，满树金黄的叶片在阳光下熠熠生辉，吸引市民前来打卡。"
SHOWN = ["一位老人坐在银杏树下的长椅上看报，落叶铺满了脚下的小路",
         "几名小学生在老师的带领下捡拾银杏叶，制作树叶书签",
         "园林工人正在修剪步道两侧的灌木，为游客营造整洁的环境"]
MENU = "<ul class='menu'><li>新闻</li><li>财经</li><li>体育</li><li>娱乐</li><li>图片</li></ul>"


def county(body: str, menu: str = "") -> str:
    return ("<html><head><meta charset='utf-8'><title>滨江公园银杏叶黄了_县融媒体中心</title></head><body>"
            f"{menu}<div class='top'><a>首页</a> <a>新闻</a> <a>政务</a> <a>视频</a></div><div class='article'>"
            "<h2>滨江公园银杏叶黄了</h2><div class='info'>发布时间：2025-11-06 09:10　来源：县融媒体中心</div>"
            f"<div class='TRS_Editor'>{body}</div></div><div class='links'><h4>相关新闻</h4><ul><li><a>全县秋冬种工作有序推进"
            "</a></li><li><a>县委召开常委会议</a></li></ul></div><div class='footer'>主办：中共某县委宣传部</div></body></html>")


def pictures(captions: list[str]) -> str:
    return "".join(f"<p style='text-align:center'><img src='/p/{i}.jpg'></p><p style='text-align:center'>{c}</p>"
                   for i, c in enumerate(captions))


def test_a_photo_brief_is_its_lead_and_its_captions():
    captions = [f"图为{line}。陈某某 摄" for line in SHOWN]
    article = extract(county(f"<p>{LEAD}</p>{pictures(captions)}<p>摄影：陈某某</p>"), None, now=NOW)
    assert list(article.paragraphs) == [LEAD, *captions]
    assert article.published.isoformat() == "2025-11-06T01:10:00+00:00"


def test_a_copy_cut_at_the_lead_is_its_two_captions_not_the_menu():
    captions = [f"图为{line}。陈某某 摄" for line in SHOWN[:2]]
    assert list(extract(county(pictures(captions), MENU), None, now=NOW).paragraphs) == captions
    # the lead and the first caption typed as one paragraph: both captions still, in order
    glued = [LEAD + captions[0], captions[1]]
    assert list(extract(county("".join(f"<p>{line}</p>" for line in glued), MENU), None, now=NOW).paragraphs) == glued


def test_a_wechat_mirror_re_split_keeps_the_captions_after_the_glued_lead():
    captions = [f"▲{line}。" for line in SHOWN]
    lines = [LEAD + captions[0], *captions[1:]]
    sections = "".join(f"<section><img data-src='/m/{i}.jpg'></section><section><span>{line}</span></section>"
                       for i, line in enumerate(lines))
    page = ("<html><head><title>银杏叶黄了，快来打卡！</title></head><body><div id='js_article'><h1 class='rich_media_title'>"
            "银杏叶黄了，快来打卡！</h1><div class='rich_media_meta_list'><span>某县发布</span> <em>2025-11-06 12:00</em></div>"
            f"<div class='rich_media_content' id='js_content'>{sections}</div></div><div class='qr'>长按识别二维码关注我们"
            "</div><div class='tools'>阅读 1024　在看 8</div></body></html>")
    assert list(extract(page, None, now=NOW).paragraphs) == lines


def test_a_portals_gallery_is_its_lead_and_captions_without_slide_counters():
    captions = [f"{line}。（陈某某 摄）" for line in SHOWN]
    slides = "".join(f"<div class='slide'><img src='/g/{i}.jpg'><span class='num'>{i + 1}/3</span>"
                     f"<p class='pic-text'>{c}</p></div>" for i, c in enumerate(captions))
    page = (f"<html><head><title>滨江公园银杏叶黄了_组图_某某网</title></head><body>{MENU}<div class='photo-page'>"
            "<h1>滨江公园银杏叶黄了</h1><div class='time'>2025年11月06日 10:20　来源：某某网</div>"
            f"<div id='gallery'><p>{LEAD}</p>{slides}<p>文/图：陈某某</p></div><div class='editor'>（责任编辑：林某）</div>"
            "</div></body></html>")
    assert list(extract(page, None, now=NOW).paragraphs) == [LEAD, *captions]


def test_a_caption_under_a_picture_of_a_longer_text_stays_out():
    text = [LEAD, "据园林部门介绍，公园内共有银杏树三百余株，其中树龄超过五十年的有二十多株，观赏期预计持续到本月中旬。",
            "园方提醒，游园时请文明赏景，不要攀折树枝，不要在草坪上随意丢弃垃圾。"]
    body = f"<p>{text[0]}</p>{pictures([f'图为{SHOWN[0]}。陈某某 摄'])}" + "".join(f"<p>{line}</p>" for line in text[1:])
    assert list(extract(county(body), None, now=NOW).paragraphs) == text


def test_a_credit_of_text_and_pictures_is_no_text():
    assert is_chrome("文/图：陈某某") and is_chrome("图文：陈某某 林某")
    assert not is_chrome("文/图：陈某某说，公园的变化很大")
