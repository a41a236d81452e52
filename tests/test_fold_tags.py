"""Story folding of a commentary or a follow-up that names itself so in its headline (fold-13).

A two-paragraph brief about a harbour town's new fish market. A commentary titled "评论｜" plus the
brief's own headline gives the brief whole between an opening and a closing of its own; its
headline keeps the brief's, so since fold-11 it read as a repost with a tag (重磅｜, 回看｜) and
folded into the brief. A follow-up under "追踪｜…" that ends by asking readers to comment read as a
self-media wrapper (fold-12) and folded too. What tells them is the tag: a commentary's or a
follow-up's headline says what it is (评论, 短评, 时评, 追踪, 回访, 后续), and a copy's does not
call itself a commentary of the story it copies. A WeChat copy keeping the headline under 重磅｜
still folds, and so does a repost of the commentary under the commentary's own headline."""

from __future__ import annotations

import importlib
import json

from test_dedup import _opened
from test_fold_edges import _stories

from monitor import extract
from monitor.extract.meta import strip_site_suffix
from monitor.pipeline import Context, import_lines

_MARKET = ["渔港镇新建的水产交易市场本周六开业，市场占地一万二千平方米，设有活鲜、冰鲜和干货三个交易区。"
           "首批入驻商户一百四十家，渔船靠岸后半小时内渔获就能上架，镇里还配建了两百个停车位。",
           "市场管理方介绍，交易区统一使用电子秤和扫码支付，每天早上五点开市，下午两点收市。"
           "所有摊位都要公示当天的进货来源，市场监管所在场内设了快检室，抽检结果每天张榜公布。"]
_TITLE = "渔港镇水产交易市场周六开业"
_BRIEF = ("https://town.example.cn/n/41.html", _TITLE, "\n".join(_MARKET))
_COMMENT = ("https://opinion.example.cn/c/41.html", "评论｜" + _TITLE,
            "\n".join(["一个镇上的新市场，看似是件小事，却关系着渔民的收入和居民的菜篮子，值得多说几句。", *_MARKET,
                       "硬件建好只是第一步，价格透明、秤准货真，靠的是日复一日的管理。市场能不能留住人，要看开业之后的每一天。"]))
_COMMENT_COPY = ("https://m.example.com/r/c41", "评论｜" + _TITLE + "！", _COMMENT[2])
_FOLLOW = ("https://town.example.cn/n/58.html", "追踪｜" + _TITLE,
           "\n".join(["市场开业已满一周，记者清早再次来到交易区，发现客流比开业当天还多，周边道路一度拥堵。", *_MARKET,
                      "有商户反映，停车位在早高峰依然不够用。这件事你怎么看？欢迎在评论区留言。"]))
_WECHAT = ("https://mp.example.com/s/m41", "重磅｜" + _TITLE,
           "\n".join(["买海鲜又多了个好去处！不少朋友在后台问起，今天小编就来说说↓", *_MARKET,
                      "你会去逛逛吗？欢迎在评论区留言，也记得转发给爱吃海鲜的朋友。"]))


def test_a_commentary_tagged_so_above_the_briefs_headline_stays_apart(tmp_path):
    brief, comment = _stories(tmp_path, [_BRIEF, _COMMENT])
    assert brief != comment
    (tmp_path / "b").mkdir()
    comment, brief = _stories(tmp_path / "b", [_COMMENT, _BRIEF])
    assert brief != comment


def test_a_follow_up_tagged_so_stays_apart_though_it_asks_for_comments(tmp_path):
    brief, follow = _stories(tmp_path, [_BRIEF, _FOLLOW])
    assert brief != follow
    (tmp_path / "b").mkdir()
    follow, brief = _stories(tmp_path / "b", [_FOLLOW, _BRIEF])
    assert brief != follow


def test_a_copy_under_a_tag_of_its_own_and_a_copy_of_the_commentary_still_fold(tmp_path):
    brief, wechat, comment, copy = _stories(tmp_path, [_BRIEF, _WECHAT, _COMMENT, _COMMENT_COPY])
    assert brief == wechat
    assert comment == copy != brief
    (tmp_path / "b").mkdir()
    copy, wechat, comment, brief = _stories(tmp_path / "b", [_COMMENT_COPY, _WECHAT, _COMMENT, _BRIEF])
    assert brief == wechat
    assert comment == copy != brief


def test_a_headline_naming_itself_a_commentary_or_a_follow_up():
    tagged = importlib.import_module("monitor.pipeline.ingest")._tagged
    assert tagged("评论｜" + _TITLE, _TITLE)
    assert tagged("短评：" + _TITLE, _TITLE)
    assert tagged("追踪｜" + _TITLE, _TITLE)
    assert tagged("回访：" + _TITLE + "一周后", _TITLE)
    assert tagged("【短评】" + _TITLE, _TITLE)
    assert tagged("新华时评：" + _TITLE, _TITLE)
    assert tagged(_TITLE + "，后续来了", _TITLE)
    assert not tagged("重磅｜" + _TITLE, _TITLE)  # a copy's tag
    assert not tagged("网友评论亮了！" + _TITLE, _TITLE)  # the word inside a copy's headline is no label
    assert not tagged("评论｜" + _TITLE + "！", "评论｜" + _TITLE)  # both say so: a copy of the commentary
    assert not tagged(_TITLE, "评论｜" + _TITLE)  # the brief is not its commentary's commentary


def _page(title: str, body: str, site: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}_{site}</title></head><body>"
            f"<div class=\"nav\">首页 新闻 评论 图片</div><h1>{title}</h1><div class=\"content\">{paras}</div>"
            f"<div class=\"foot\">版权所有 {site}</div></body></html>")


def test_pages_keep_a_commentarys_word_for_itself_in_the_headline(tmp_path):
    assert strip_site_suffix("评论｜" + _TITLE + "_海港网") == "评论｜" + _TITLE
    assert strip_site_suffix("評論｜" + _TITLE) == "評論｜" + _TITLE
    assert strip_site_suffix("海港之窗--" + _TITLE) == _TITLE  # a site name in front is still dropped
    assert extract.extract(_page(*_COMMENT[1:], "海港网"), _COMMENT[0]).title == _COMMENT[1]
    # as pages, through extraction: the commentary stays apart, the copy folds
    cfg, store = _opened(tmp_path)
    try:
        items = [_BRIEF, _COMMENT, _WECHAT]
        import_lines(Context(cfg, store), [json.dumps({"url": u, "html": _page(t, b, "海港网")}, ensure_ascii=False)
                                           for u, t, b in items])
        ids = dict(store.db.execute("SELECT url, story_id FROM articles"))
        brief, comment, wechat = (ids[u] for u, _, _ in items)
        assert brief == wechat != comment
    finally:
        store.close()


# The brief's paragraphs cut at other sentences, with half-width commas: four paragraphs of one story.
_RESPLIT = ("https://news.example.net/a/41", _TITLE, "\n".join(
    part.replace("，", ",") for p in _MARKET for part in (p[:p.index("。") + 1], p[p.index("。") + 1:])))


def test_a_tagged_commentary_met_first_takes_no_copy_that_split_the_paragraphs_otherwise(tmp_path):
    assert len(_RESPLIT[2].split("\n")) == 4
    comment, resplit, wechat, brief = _stories(tmp_path, [_COMMENT, _RESPLIT, _WECHAT, _BRIEF])
    assert brief == resplit == wechat != comment


# A follow-up under a headline of its own, no tag, its frame calling on no one, met before a copy
# that put a short lead of its own above the brief (the follow-up frames the copy but for that lead).
_PLAIN_FOLLOW = ("https://town.example.cn/n/63.html", "新市场开张一周：早市人气旺，停车仍是难题",
                 "\n".join(["市场开张已满一周，记者连续几个早上实地走访，交易区里人头攒动，不少摊主说生意比老街好。", *_MARKET,
                            "不过周边道路在早高峰依然拥堵，镇里表示将在月底前增设一处临时停车场，并安排人员疏导。"]))
_LEAD_COPY = ("https://county.example.cn/z/41.html", "水产交易市场开业", "\n".join(["日前，镇里传来消息，具体如下。", *_MARKET]))


def test_a_follow_up_met_before_a_copy_with_a_lead_of_its_own_takes_neither_it_nor_the_brief(tmp_path):
    follow, copy, brief = _stories(tmp_path, [_PLAIN_FOLLOW, _LEAD_COPY, _BRIEF])
    assert brief == copy != follow


# A self-media copy whose headline has one of those words inside it, not as a label.
_BUZZ = ("https://mp.example.com/s/m42", "网友评论亮了！" + _TITLE, _WECHAT[2])


def test_a_copy_whose_headline_has_the_word_inside_it_still_folds(tmp_path):
    brief, buzz = _stories(tmp_path, [_BRIEF, _BUZZ])
    assert brief == buzz
    (tmp_path / "b").mkdir()
    buzz, brief = _stories(tmp_path / "b", [_BUZZ, _BRIEF])
    assert brief == buzz
