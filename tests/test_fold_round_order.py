"""Story folding of two releases from one template met out of order (fold-25).

An archive imported newest first meets the next round's release (第六批) before the last round's
copies. A copy of the last round's that lost the number (cut before it, garbled) reads as the next
round's release and joined it, though it was published weeks before it: a copy comes after its
original. And a story is merged into another only when none of its texts holds the article with
figures of its own: a copy that dropped a release's figures paragraph joins another release from
the same template (this county's next fair) first, and the release's whole copy met after both
merged the two fairs' stories, every copy following.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from test_dedup import _opened
from test_fold_rounds import _copies as _round_copies
from test_fold_rounds import _release

from monitor.pipeline import Context, import_lines

_DAY0 = datetime(2026, 3, 2, 2, tzinfo=timezone.utc)


def _stories(tmp_path, items: list[tuple[str, str, str, datetime]]) -> list[int]:
    """Import (url, title, body, published) items in order; each one's story id."""
    cfg, store = _opened(tmp_path)
    try:
        import_lines(Context(cfg, store), [json.dumps({"url": u, "title": t, "body": b, "published": w.isoformat()},
                                                      ensure_ascii=False) for u, t, b, w in items])
        ids = dict(store.db.execute("SELECT url, story_id FROM articles"))
        return [ids[u] for u, _, _, _ in items]
    finally:
        store.close()


def _dated(items: list[tuple[str, str, str]], when: datetime) -> list[tuple[str, str, str, datetime]]:
    return [(u, t, b, when + timedelta(hours=n)) for n, (u, t, b) in enumerate(items)]


def test_a_copy_without_the_round_published_weeks_before_the_next_rounds_release_is_none_of_it(tmp_path):
    # newest first: the sixth round's release and copies (published 40 days on), then the fifth's
    # copy with the number cut out of its lead, then the fifth round's own release and copies
    text = _release(5)
    cut = text.replace("第五批", "").replace("按照中国传统村落", "按照传统村落")
    items = (_dated(_round_copies(6, "r6"), _DAY0 + timedelta(days=40))[::-1]
             + [("https://cut.example.cn/r5/0.html", "我市七个村落入选中国传统村落名录", cut, _DAY0 + timedelta(hours=5))]
             + _dated(_round_copies(5, "r5"), _DAY0)[::-1])
    ids = _stories(tmp_path, items)
    assert ids[:3] == [ids[0]] * 3
    assert ids[3] != ids[0]  # the cut copy is no copy of the sixth round's release
    assert ids[4:] == [ids[3]] * 3  # and is the fifth round's


def test_a_copy_without_the_round_published_after_the_release_still_joins_it(tmp_path):
    # (a copy of this round's met after it, as a poll meets it, whatever its date says)
    text = _release(6)
    cut = text.replace("第六批", "")
    items = _dated(_round_copies(6, "r6"), _DAY0) + [
        ("https://cut.example.cn/r6/0.html", "我市七个村落入选中国传统村落名录", cut, _DAY0 + timedelta(days=1))]
    ids = _stories(tmp_path, items)
    assert ids == [ids[0]] * len(items)


# a county's job fair from one template: the lead, the figures, the background
_FAIR = [
    "{d}，青溪县在城东体育广场举办春风行动专场招聘会，活动结合返乡创业展示、技能培训报名和政策咨询一并开展，"
    "不少返乡务工人员带着简历早早来到现场，在各个展位之间比较岗位和待遇。",
    "据县人社局介绍，此次招聘会共有{a}家企业进场，提供{b}个岗位，涉及{c}个工种，月薪最高的技术岗位开出{e}元，"
    "截至当天中午，已有{f}名求职者与企业初步达成就业意向，其中多数是有经验的返乡熟练工人。",
    "今年以来，青溪县把稳就业作为民生工作的头等大事，组织机关干部分片走访重点企业摸清用工需求，"
    "在各乡镇和劳务输出大村设立招工服务点，让群众在家门口就能找到合适的工作，也帮企业缓解了用工难题。",
]


def _fair(day: str, a: int, b: int, c: int, e: int, f: int) -> str:
    return "\n".join(p.format(d=day, a=a, b=b, c=c, e=e, f=f) for p in _FAIR)


def test_a_story_is_not_merged_into_another_release_from_the_same_template(tmp_path):
    march = _fair("3月2日", 71, 5200, 328, 8500, 400)
    april = _fair("4月6日", 96, 6100, 345, 9200, 437)
    paras = march.split("\n")
    title = "青溪县举办春风行动专场招聘会"
    items = [
        ("https://a.example.cn/apr/1.html", title, april, _DAY0 + timedelta(days=35)),
        ("https://b.example.cn/apr/2.html", title, "来源：青溪发布\n" + april + "\n责任编辑：林某", _DAY0 + timedelta(days=35)),
        # the March fair's copies: a self-media copy framing it, one cut after its figures
        ("https://wx.example.cn/mar/1.html", "刚刚，青溪这场招聘会火了！",
         "今天，小编带大家看一则身边的好消息。\n" + march + "\n你怎么看？欢迎在评论区留言。", _DAY0 + timedelta(hours=9)),
        ("https://cut.example.cn/mar/2.html", title, "\n".join(paras[:2]), _DAY0 + timedelta(hours=5)),
        # a copy that dropped the figures: nothing tells it from the April fair's
        ("https://drop.example.cn/mar/3.html", "关注｜青溪招聘会", "\n".join([paras[0], paras[2]]), _DAY0 + timedelta(hours=6)),
        # the March release's whole copy
        ("https://c.example.cn/mar/4.html", title, "（本报讯）" + march, _DAY0 + timedelta(hours=4)),
    ]
    ids = _stories(tmp_path, items)
    assert ids[1] == ids[0]
    assert ids[5] == ids[2] == ids[3]
    assert ids[5] != ids[0]  # the April fair's story is not merged into the March fair's


def test_a_story_met_after_a_columns_later_copy_naming_its_issue_joins_it(tmp_path):
    # newest first: a weekly column's issue (第3期 in its frame) reprinting the March fair five days on,
    # then the fair's own release and a copy: a column's issue is no round of the story's
    march = _fair("3月2日", 71, 5200, 328, 8500, 400)
    title = "青溪县举办春风行动专场招聘会"
    items = [
        ("https://column.example.cn/w3.html", "就业周刊（第3期）｜青溪招聘会",
         "【就业周刊】第3期：本栏目每周精选各地稳就业的新做法、新故事。\n" + march, _DAY0 + timedelta(days=5)),
        ("https://b.example.cn/mar/2.html", title, "来源：青溪发布\n" + march + "\n责任编辑：林某", _DAY0 + timedelta(hours=3)),
        ("https://a.example.cn/mar/1.html", title, march, _DAY0),
    ]
    ids = _stories(tmp_path, items)
    assert ids == [ids[0]] * len(items)
