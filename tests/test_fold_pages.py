"""Story folding of mirrors as pages arrive (fold-4): what reached the fingerprints through
extraction on pages from our own templates and still folded wrong. Two notices from one
template with other figures (the changed figures break too few shingles to bring a short
notice under the containment threshold), and a digest page that holds a story's opening among
others (it contains the story's lead-only copy whole) stay apart; reposts that keep the
figures, and a full story arriving after its lead-only copy, still fold."""

from __future__ import annotations

import json

import opencc
from test_dedup import _opened

from monitor import dedup, extract, scriptfold
from monitor.pipeline import Context, import_lines


def _stories(tmp_path, items: list[dict]) -> list[int]:
    cfg, store = _opened(tmp_path)
    try:
        import_lines(Context(cfg, store), [json.dumps(x, ensure_ascii=False) for x in items])
        return [r[0] for r in store.db.execute("SELECT story_id FROM articles ORDER BY id")]
    finally:
        store.close()


def _fp(text: str) -> dedup.Fingerprint:
    return dedup.fingerprint(scriptfold.fingerprint_text(text))


def _notice(road: str, day: int, start: int, end: int, homes: int, phone: int) -> str:
    return (f"因{road}供水主管道迁改施工，本月{day}日{start}时至{end}时，沿线小区和商铺将暂停供水，受影响用户约{homes}户。\n"
            "请受影响的用户提前做好储水准备，关好家中水龙头，以免恢复供水时造成浪费或损失。施工期间如遇特殊情况，"
            "停水时间可能延长，恢复供水时间以现场施工进度为准，供水企业将通过短信及时告知。\n"
            f"因施工给用户带来的不便，供水企业深表歉意，敬请谅解。咨询电话{phone}。")


def test_two_notices_from_one_template_with_other_figures_stay_apart(tmp_path):
    # The figures are a small part of a short notice: most shingles survive (containment over
    # 0.7), but no figure of one notice is in the other, which no repost does to a text.
    one, two = _notice("湖东路", 12, 9, 21, 1860, 96312), _notice("五四路", 19, 8, 18, 2450, 96537)
    assert dedup.containment(_fp(one).grams, _fp(two).grams) >= 0.7
    stories = _stories(tmp_path, [{"url": f"https://water.example.cn/{n}", "title": "停水通知", "body": body}
                                  for n, body in enumerate((one, two))])
    assert stories[0] != stories[1]


def test_a_repost_of_a_notice_keeping_its_figures_still_folds(tmp_path):
    # A mirror in traditional script with a dateline and a source line: more figures than the
    # notice (the date), none of the notice's lost.
    one = _notice("湖东路", 12, 9, 21, 1860, 96312)
    mirror = "2026年12月3日 来源：城市服务网\n" + opencc.OpenCC("s2twp").convert(one) + "\n（編輯：林立）"
    abridged = one.split("\n")[0] + "\n" + one.split("\n")[2]
    stories = _stories(tmp_path, [{"url": "https://water.example.cn/1", "title": "停水通知", "body": one},
                                  {"url": "https://tw.example.com/2", "title": "停水通知", "body": mirror},
                                  {"url": "https://m.example.net/3", "title": "停水通知", "body": abridged}])
    assert stories[0] == stories[1] == stories[2]


_STORY = ("福州市今年新建改建的二十座口袋公园本周全部向市民开放，每一座都设有儿童游乐区、健身步道和休息座椅，"
          "周边居民步行五分钟即可到达。\n"
          "市园林中心介绍，公园的选址征求了附近社区居民的意见，多数利用了拆除违建后腾出的边角空地。"
          "明年还将在老城区再建十五座，并在每座公园安排专人负责日常养护。")
_OPENINGS = [
    "闽江沿岸的防洪堤加固工程昨日完成最后一段混凝土浇筑，工程全长十二公里，设计防洪标准提高到两百年一遇，"
    "沿线还新建了三处观景平台。",
    "宁德市今年的大黄鱼苗种投放已全部完成，全市深远海养殖平台增加到四十多座，养殖户通过手机就能查看网箱里的水温和溶氧。",
    "泉州一所中学的学生社团用三年时间走访了古城里的六十多家老字号，把店主们讲述的故事整理成一本小册子，"
    "本月在学校图书馆首发。",
    "三明至上海的旅游专列本季度加开六趟，车上设有茶艺展示和地方小吃品尝，沿途停靠泰宁、将乐两个县城。",
]


def test_a_digest_holding_a_story_opening_among_others_stays_apart(tmp_path):
    # The story, then its lead-only copy (folds: a part of it), then a digest page of five
    # stories' opening paragraphs: it holds the lead-only copy whole (containment 1.0) but is
    # mostly other stories, and the copy is not its opening.
    lead = _STORY.split("\n")[0]
    digest = "\n".join(x + "[详细]" for x in _OPENINGS[:2] + [lead] + _OPENINGS[2:])
    assert dedup.containment(_fp(lead).grams, _fp(digest).grams) == 1.0
    stories = _stories(tmp_path, [{"url": "https://www.example.cn/park", "title": "口袋公园开放", "body": _STORY},
                                  {"url": "https://short.example.com/park", "title": "口袋公园开放", "body": lead},
                                  {"url": "https://digest.example.cn/today", "title": "今日要闻", "body": digest}])
    assert stories[0] == stories[1] != stories[2]


def test_a_story_arriving_after_its_lead_only_copy_folds(tmp_path):
    lead = _STORY.split("\n")[0]
    stories = _stories(tmp_path, [{"url": "https://short.example.com/park", "title": "口袋公园开放", "body": lead},
                                  {"url": "https://www.example.cn/park", "title": "口袋公园开放", "body": _STORY}])
    assert stories[0] == stories[1]


def test_figures_are_read_from_the_story_lines_in_ascii_digits():
    # A mirror writing full-width digits keeps the notice's figures; a frame's date line and
    # click counter (no sentence in them) are not the story's figures.
    text = "2026-12-03 10:20 点击：345\n" + _notice("湖东路", 12, 9, 21, 1860, 96312).translate(
        str.maketrans("0123456789", "０１２３４５６７８９"))
    # (a single digit is no figure, 9时 / 九时, nor a date's day, 12日 / 昨天)
    assert dedup.figures(text) == {"21", "1860", "96312"}
    assert dedup.figures_kept(dedup.figures(text), dedup.figures(_notice("湖东路", 12, 9, 21, 1860, 96312)))
    assert not dedup.figures_kept({"12", "9", "21", "1860"}, {"19", "9", "18", "2450"})
    assert dedup.figures_kept({"12", "9"}, set())  # too few figures to tell anything


def _page(between: str, after: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in _STORY.split("\n"))
    return (f"<html><head><title>口袋公园开放</title></head><body><div class='main'><h1>口袋公园开放</h1>"
            f"<div class='info'>2026-11-28 09:30 来源：城市晚报</div>{between}<div class='text'>{paras}</div>{after}</div></body></html>")


def test_a_page_printing_the_previous_article_whole_keeps_only_its_own_text():
    # An archive mirror prints the neighbouring article in full under its `上一篇：` label, in
    # the same container: that text is another story, and would carry this page into its story.
    other = "".join(f"<p>{p}</p>" for p in _OPENINGS)
    for label in ("<p>上一篇：闽江防洪堤加固完工</p>", "<p>上一篇：<a href='/n/1.html'>闽江防洪堤加固完工</a></p>",
                  "<div>下一篇： 宁德大黄鱼苗种投放完成</div>"):
        article = extract.extract(_page("", f"<div class='prev'>{label}{other}</div>"), "https://mirror.example.net/p/1.html")
        assert article.body == _STORY.replace("\n", "\n\n")


def test_neighbour_links_above_the_text_leave_the_text_whole():
    nav = ("<div class='nav'><p>上一篇：<a href='/n/1.html'>闽江防洪堤加固完工</a></p>"
           "<p>下一篇：<a href='/n/3.html'>宁德大黄鱼</a></p></div>")
    article = extract.extract(_page(nav, ""), "https://mirror.example.net/p/2.html")
    assert article.body == _STORY.replace("\n", "\n\n")
