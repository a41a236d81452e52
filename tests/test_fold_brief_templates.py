"""A one-line brief whose words are every release's opening from one template (fold-28).

`dedup.brief_of` folds a short text into a story whose opening it is word for word (fold-27). Two
different events from one template open alike for a dozen words or more: a county government's
notices (三明市人民政府办公室关于印发三明市2026年…), a city's delegations' visits (12月5日上午，
上海市经贸代表团一行…). A list page's snippet cut inside the first clause, or a post of a paper's date
line and the hour only, was the opening of whichever of them was stored, and joined
its story within BRIEF_APART. Such a brief now ends where a clause of the story ends (or is CUT_MIN
letters and digits long), and has BRIEF_OWN letters and digits besides its date line, dates and times.
"""

from __future__ import annotations

import json

from test_dedup import _opened
from test_fold_one_line_briefs import ONE_LINE, STORY

from monitor import dedup, scriptfold
from monitor.pipeline import Context, import_lines

NOTICE = ("三明市人民政府办公室关于印发三明市2026年城市更新工作要点的通知近日下发，要求各县（市、区）结合实际认真组织实施。\n"
          "一、总体要求。坚持留改拆并举、以保留利用提升为主，全年计划改造老旧小区四十二个、背街小巷一百一十条，"
          "新增公共停车泊位三千个，完成城市燃气管道老化更新八十公里。\n"
          "二、重点任务。各地要建立项目清单，明确责任单位和完成时限，每季度末向市住建局报送进展情况。")
# the next day's report of the same office's notice on another subject: its list page's snippet, cut at 22 characters
OTHER_SNIPPET = "三明市人民政府办公室关于印发三明市2026年…"
VISIT = ("12月5日上午，上海市经贸代表团一行在昆明出席沪滇产业协作推介会，签约项目二十三个，总投资一百零六亿元。\n"
         "推介会上，两地企业围绕绿色食品、生物医药和文化旅游等领域开展对接洽谈。代表团还考察了滇中新区的"
         "三家重点企业，详细了解园区的产业布局和招商政策。\n"
         "云南省有关负责同志表示，将持续优化营商环境，为上海企业来滇投资兴业提供更好服务。")
# the same day, the same city's delegation of another kind, in another province: a post cut after its name
OTHER_VISIT = "12月5日上午，上海市经贸代表团一行……"
# a paper's report and a post of its date line and the hour only (every report of that day opens alike)
PAPER = ("柳岸新闻网12月5日讯 昨天上午10点，柳岸街道在滨河公园开展垃圾分类主题宣传活动，三百多名居民参加。\n"
         "活动现场，工作人员向过往居民发放宣传册，讲解垃圾分类的标准和投放时间，并设置了互动问答环节，"
         "答对题目的居民可以领取环保袋。据介绍，该街道已在辖区二十六个小区设置四分类投放点。")
BARE = "柳岸新闻网12月5日讯 昨天上午10点，"


def _t(text: str) -> str:
    return scriptfold.fingerprint_text(text)


def test_a_brief_of_template_words_only_is_no_story_s_opening():
    assert not dedup.brief_of(_t(OTHER_SNIPPET), _t(NOTICE))  # cut inside the clause
    assert not dedup.brief_of(_t(OTHER_VISIT), _t(VISIT))
    assert not dedup.brief_of(_t(BARE), _t(PAPER))  # a date line and an hour
    # the briefs that tell their story still do: a clause or a sentence of its lead, whole
    assert dedup.brief_of(_t(ONE_LINE), _t(STORY))
    assert dedup.brief_of(_t("12月5日上午，上海市经贸代表团一行在昆明出席沪滇产业协作推介会。"), _t(VISIT))
    assert dedup.brief_of(_t("【快讯】昨天上午10点，柳岸街道在滨河公园开展垃圾分类主题宣传活动。"), _t(PAPER))
    # a snippet cut inside a clause after CUT_MIN letters and digits is long enough to tell (a feed's 30 characters)
    assert dedup.brief_of(_t(NOTICE[:30] + "…"), _t(NOTICE)) and dedup.brief_of(_t(VISIT[:30] + "…"), _t(VISIT))


def test_briefs_of_other_events_from_one_template_stay_apart(tmp_path):
    items = [("https://gov.example.cn/zfxxgk/1204.html", "三明市人民政府办公室关于印发三明市2026年城市更新工作要点的通知", NOTICE,
              "2026-12-04T09:00:00+08:00"),
             ("https://portal.example.com/list/1205.html", "三明市人民政府办公室关于印发三明市2026年…", OTHER_SNIPPET,
              "2026-12-05T09:00:00+08:00"),
             ("https://news.example.cn/a/1205.html", "上海市经贸代表团在昆明出席推介会", VISIT, "2026-12-05T12:00:00+08:00"),
             ("https://mp.example.com/s/1205.html", "代表团来了", OTHER_VISIT, "2026-12-05T13:00:00+08:00"),
             ("https://street.example.cn/xw/1205.html", "柳岸街道开展垃圾分类宣传", PAPER, "2026-12-05T14:00:00+08:00"),
             ("https://mp.example.com/s/1205b.html", "垃圾分类", BARE, "2026-12-05T15:00:00+08:00")]
    for n, order in enumerate((items, items[::-1])):
        (where := tmp_path / str(n)).mkdir()
        cfg, store = _opened(where)
        try:
            import_lines(Context(cfg, store), [json.dumps({"url": u, "title": t, "body": b, "published": d},
                                                          ensure_ascii=False) for u, t, b, d in order])
            ids = dict(store.conn.execute("SELECT url, story_id FROM articles"))
        finally:
            store.close()
        assert len(set(ids.values())) == len(items), (n, ids)
