"""Story folding of reposts rewritten at the edges (fold-5), and the kinds fold-4 left: a number
written another way (1,200 / 1200 / 1 200 / 一千二百 / full width / 百分之…) is the same number
to the fingerprints and the figures check, also in a store fingerprinted before (brought up at
its next start); a page whose title rounds up the news (一周要闻) never becomes the story of a
lead-only copy it holds, whether the copy is its first item or arrives after it; and a single
paragraph that is a small part of a stored page joins it only as its opening, so a digest met
before a story's copy takes neither the copy nor the story."""

from __future__ import annotations

import json
import sys

from test_dedup import _opened

from monitor import dedup, normform, scriptfold
from monitor.pipeline import Context, catch_up, import_lines


def _stories(tmp_path, items: list[tuple[str, str, str]]) -> list[int]:
    """Import (url, title, body) items in order; each one's story id."""
    cfg, store = _opened(tmp_path)
    try:
        import_lines(Context(cfg, store), [json.dumps({"url": u, "title": t, "body": b}, ensure_ascii=False)
                                           for u, t, b in items])
        ids = dict(store.db.execute("SELECT url, story_id FROM articles"))
        return [ids[u] for u, _, _ in items]
    finally:
        store.close()


_PORT = ("今年前十个月，闽江口的港区完成货物吞吐量2.1亿吨，同比增长6.3%，集装箱吞吐量达到1,200万标箱。"
         "港口集团介绍，新开通的12条外贸航线已覆盖东南亚和中东的35个港口。\n"
         "为缓解高峰期的拥堵，港区新增了48台自动化岸桥，单船作业效率比去年提高四成，"
         "平均每艘船的在港时间缩短到1.5天，夜间作业的比例也从27%提高到41%。")


def test_a_figure_is_one_figure_however_it_is_written():
    for written in ("共1,200万人。", "共1200万人。", "共１２００万人。", "共一千二百万人。", "共1 200万人。", "共12000000人。"):
        assert dedup.figures(written) == {"12000000"}, written
    assert dedup.figures("一千零五户，两千米，二〇二六年，二点一亿吨，增长百分之六点三。") == {
        "1005", "2000", "2026", "210000000", "6.3"}
    assert dedup.figures("三个港口，十一月，12月3日，昨天。") == frozenset()  # a single digit, a date's month and day
    assert dedup.figures("十分重要，千万注意。") == frozenset()  # words, not numbers
    # the fingerprint text reads them alike: a repost rewriting every number folds whole
    one = scriptfold.fingerprint_text("全市新增一千二百个充电桩，覆盖率达到百分之六十五，二〇二六年底前再建三个。")
    two = scriptfold.fingerprint_text("全市新增1,200个充电桩，覆盖率达到65%，2026年底前再建3个。")
    assert one == two


def test_a_repost_writing_the_figures_in_chinese_numerals_folds(tmp_path):
    # The reposting outlet adds its own lead paragraph (so the repost is the longer text) and
    # writes most figures in words: the original's figures must still be found in it.
    words = (_PORT.replace("1,200万", "一千二百万").replace("12条", "十二条").replace("35个", "三十五个")
             .replace("48台", "四十八台").replace("27%", "百分之二十七").replace("41%", "百分之四十一"))
    repost = "编者按：港口是外贸的晴雨表，本报今天转载这篇报道，供读者了解沿海港口的最新情况。\n" + words
    stories = _stories(tmp_path, [("https://port.example.cn/1", "港区吞吐量稳步增长", _PORT),
                                  ("https://news.example.com/2", "港口外贸航线覆盖三十五个港口", repost)])
    assert stories[0] == stories[1]


_PARK = ("晋江市今年新建的十八座滨水步道本周全部开放，沿着溪岸连成一条长达二十多公里的慢行线，"
         "沿途设置了休息亭、饮水点和自行车停放区，市民从任何一个社区出发步行十分钟就能走上步道。\n"
         "市住建部门介绍，步道的走向征求了沿线村居的意见，大部分利用了河道整治后留出的护岸空间，"
         "明年还将把步道延伸到上游的两个乡镇，并在主要出入口增设无障碍坡道和夜间照明。")
_OTHERS = [
    "龙岩一家老字号米粉厂今年改造了生产线，把晾晒环节搬进恒温车间，雨季也能照常出货，订单比去年多了三成。",
    "莆田沿海的紫菜采收进入尾声，养殖户今年在海上试用了自动翻网设备，每亩人工节省了一半以上。",
    "南平一所乡村小学的孩子们组建了竹编兴趣小组，在老艺人的指导下完成了一百多件作品，本月在县文化馆展出。",
    "漳州的一条老街完成了立面修缮，骑楼下的二十多家老店陆续恢复营业，周末的游客比往年同期明显增多。",
]


def test_a_roundup_opening_with_a_stored_lead_only_copy_stays_apart(tmp_path):
    # The story, its one-paragraph copy (folds), then a week's roundup whose first item is that
    # paragraph: the copy is the roundup's opening, but the page rounds up other stories.
    lead = _PARK.split("\n")[0]
    roundup = "\n".join([lead, *_OTHERS])
    stories = _stories(tmp_path, [("https://www.example.cn/trail", "滨水步道全线开放", _PARK),
                                  ("https://short.example.com/trail", "晋江步道开放", lead),
                                  ("https://digest.example.cn/week", "一周要闻：滨水步道全线开放", roundup)])
    assert stories[0] == stories[1] != stories[2]


def test_a_roundup_before_the_copy_and_the_story_takes_neither(tmp_path):
    # Arrival order roundup -> lead-only copy -> story, with the copy first and third in the
    # roundup: the copy is a small part of the roundup and does not join it; the story joins
    # the copy.
    lead = _PARK.split("\n")[0]
    for n, roundup in enumerate(("\n".join([lead, *_OTHERS]), "\n".join([*_OTHERS[:2], lead, *_OTHERS[2:]]))):
        (tmp_path / str(n)).mkdir()
        stories = _stories(tmp_path / str(n), [("https://digest.example.cn/week", "本周要闻", roundup),
                                               ("https://short.example.com/trail", "晋江步道开放", lead),
                                               ("https://www.example.cn/trail", "滨水步道全线开放", _PARK)])
        assert stories[0] != stories[1] == stories[2], n


_VISITORS = ("1至10月，全市接待游客2,350万人次，同比增长18.6%，旅游收入达到312亿元。其中，11个国家级景区接待游客1,420万人次，"
             "占全市的60.4%；乡村旅游接待游客760万人次，增长25.3%。\n全市新增民宿480家，床位超过9,600张，"
             "节假日平均入住率达到85%，比去年提高12个百分点。")
_VISITORS_IN_WORDS = ("一至十月，全市接待游客二千三百五十万人次，同比增长百分之十八点六，旅游收入达到三百一十二亿元。其中，"
                      "十一个国家级景区接待游客一千四百二十万人次，占全市的百分之六十点四；乡村旅游接待游客七百六十万人次，"
                      "增长百分之二十五点三。\n全市新增民宿四百八十家，床位超过九千六百张，节假日平均入住率达到百分之八十五，"
                      "比去年提高十二个百分点。")


def test_a_report_dense_with_figures_rewritten_in_chinese_numerals_folds(tmp_path):
    # Written in words, its figures break two thirds of the shingles (containment 0.32 on the
    # text as written); read by value, the two fingerprint texts are one.
    assert scriptfold.fingerprint_text(_VISITORS) == scriptfold.fingerprint_text(_VISITORS_IN_WORDS)
    stories = _stories(tmp_path, [("https://tour.example.cn/1", "前十月旅游数据", _VISITORS),
                                  ("https://m.example.com/2", "全市前十月接待游客二千三百五十万人次", _VISITORS_IN_WORDS)])
    assert stories[0] == stories[1]


def _store_of_the_old_form(tmp_path, monkeypatch, rebuilt: bool) -> tuple[int, int]:
    """The report in words stored by a version that read numbers as written (fingerprints of that
    form, the store's recorded version another), then its repost in digits imported by this one."""
    ingest_module = sys.modules["monitor.pipeline.ingest"]  # (the package's `ingest` is the function)
    cfg, store = _opened(tmp_path)
    try:
        with monkeypatch.context() as m:
            m.setattr(ingest_module.dedup, "numerals", lambda norm, lone=True: norm)
            m.setattr(scriptfold, "numerals", lambda norm, lone=True: norm)
            import_lines(Context(cfg, store), [json.dumps({"url": "https://m.example.com/1", "title": "前十月接待游客",
                                                           "body": _VISITORS_IN_WORDS}, ensure_ascii=False)])
        store.set_normal_form("fingerprints", "of numbers as written" if rebuilt else normform.fingerprint_version())
        catch_up(Context(cfg, store))  # as `monitor import` and `poll` start
        import_lines(Context(cfg, store), [json.dumps({"url": "https://tour.example.cn/2", "title": "前十月旅游数据",
                                                       "body": _VISITORS}, ensure_ascii=False)])
        one, two = (r[0] for r in store.db.execute("SELECT story_id FROM articles ORDER BY id"))
        return one, two
    finally:
        store.close()


def test_a_store_fingerprinted_before_numbers_were_read_by_value_is_brought_up(tmp_path, monkeypatch):
    # The fingerprint text's form changed: a store recording the old version has its
    # fingerprints made again at the next import's start (`pipeline.reindex`), so an old story's
    # repost in digits still folds with it.
    one, two = _store_of_the_old_form(tmp_path, monkeypatch, rebuilt=True)
    assert one == two


def test_without_bringing_it_up_the_old_fingerprint_misses_the_repost(tmp_path, monkeypatch):
    one, two = _store_of_the_old_form(tmp_path, monkeypatch, rebuilt=False)
    assert one != two


def test_a_digest_without_a_roundup_title_before_the_copy_takes_neither(tmp_path):
    # "周末读报" says nothing of a round-up: the copy, one paragraph and the digest's third item,
    # is a small part of it but not its opening, so it stays out; the story then joins the copy.
    lead = _PARK.split("\n")[0]
    digest = "\n".join([*_OTHERS[:2], lead, *_OTHERS[2:]])
    stories = _stories(tmp_path, [("https://digest.example.cn/sat", "周末读报", digest),
                                  ("https://short.example.com/trail", "晋江步道开放", lead),
                                  ("https://www.example.cn/trail", "滨水步道全线开放", _PARK)])
    assert stories[0] != stories[1] == stories[2]
