"""Story folding of a one-line brief: a post whose whole text is a story's opening sentence (fold-27).

A portal's one-line brief of a story's lead, or a WeChat account's one-sentence post, is under the
shingle minimum (`ingest.MIN_SHINGLES`: about two sentences), or just over it with a closing note of
its own ((来源:…)). Such a text was never compared with anything: it started a story of its own
whether it came after its story or before it. It is now told by its words (`dedup.brief_of`): the
whole of it, its label and a closing note left out, is a story's opening word for word, at the
story's start or after its date line, and found through the opening's own key (`dedup.openings`).
A one-line post of another event from the same template (another date, school, figure) is no
story's opening, and the same sentence posted a week later (a recurring notice) is another week's.
"""

from __future__ import annotations

import json

import opencc
from test_fold_edges import _opened

from monitor import dedup, scriptfold
from monitor.pipeline import Context, import_lines

_STORY = [
    "10月14日上午，青石镇中心小学组织全体师生开展防震应急疏散演练，1360名师生在三分钟内全部撤到操场。",
    "上午十点整，随着广播里传出模拟地震的警报，各班学生立即躲到课桌下，双手护住头部。警报停止后，"
    "学生们在老师的带领下，沿着事先划定的路线依次下楼，在操场上按班级整队集合。",
    "演练结束后，镇应急办的工作人员为师生讲解了地震发生时的避险常识，演示了应急包里各种物品的用法，"
    "还请几名学生上台模拟在家中遇到地震时应当怎么做。",
    "校长周文彬说，学校每学期都要组织两次以上的疏散演练，让孩子们把避险的方法练成习惯。",
]
STORY = "\n".join(_STORY)
WIRE = "本报讯（记者 王晓岚 通讯员 陈一鸣）" + STORY  # the story under a paper's date line
LEAD = _STORY[0]
ONE_LINE = "10月14日上午，青石镇中心小学组织全体师生开展防震应急疏散演练。"
NOTED = LEAD + "（来源：青石镇发布）"  # over the shingle minimum with its note
# the same town's other school, the same day, from the same template: another event
OTHER = "10月14日上午，青石镇第二小学组织全体师生开展防震应急疏散演练。"


def _stories(tmp_path, items: list[tuple[str, str, str, str]]) -> list[int]:
    """Import (url, title, body, published) items in order; each one's story id."""
    cfg, store = _opened(tmp_path)
    try:
        import_lines(Context(cfg, store), [json.dumps({"url": u, "title": t, "body": b, "published": d}, ensure_ascii=False)
                                           for u, t, b, d in items])
        ids = dict(store.db.execute("SELECT url, story_id FROM articles"))
        return [ids[u] for u, *_ in items]
    finally:
        store.close()


def _text(body: str) -> str:
    return scriptfold.fingerprint_text(body)


def test_a_one_line_brief_is_a_story_opening_word_for_word():
    assert dedup.fingerprint(_text(ONE_LINE)).count < 40 <= dedup.fingerprint(_text(NOTED)).count
    for brief in (ONE_LINE, NOTED, "【简讯】" + ONE_LINE, LEAD[:LEAD.index("，", 9)] + "……"):
        assert dedup.brief_of(_text(brief), _text(STORY)), brief
        assert dedup.brief_of(_text(brief), _text(WIRE)), brief  # after the date line
    assert not dedup.brief_of(_text(OTHER), _text(STORY))
    assert not dedup.brief_of(_text("10月14日上午，青石镇。"), _text(STORY))  # too few words to tell
    # cut inside a clause before CUT_MIN letters (fold-28): as much the opening of another school's release
    assert not dedup.brief_of(_text(LEAD[:22] + "。"), _text(STORY))
    assert not dedup.brief_of(_text(_STORY[1][:40]), _text(STORY))  # a sentence further in: no opening
    # found through the opening's key: a brief's, looked for by the story, and the story's, looked for by it
    brief, story = dedup.fingerprint(_text(ONE_LINE)), dedup.fingerprint(_text(WIRE))
    assert set(brief.openings) & set(story.sought) and set(story.openings) & set(brief.sought)
    assert not set(story.openings) & set(story.sought)  # never its own kind's: two stories do not meet so


def test_a_one_line_brief_met_after_its_story_joins_it(tmp_path):
    for n, (story, brief) in enumerate(((STORY, ONE_LINE), (WIRE, ONE_LINE), (STORY, NOTED), (WIRE, "【快讯】" + NOTED))):
        (where := tmp_path / str(n)).mkdir()
        ids = _stories(where, [("https://school.example.cn/xw/1014.html", "青石镇中心小学开展防震演练", story, "2026-10-14T08:00:00+08:00"),
                               ("https://mp.example.com/s/1014.html", "防震演练", brief, "2026-10-14T12:00:00+08:00")])
        assert ids[0] == ids[1], n


def test_one_line_briefs_met_before_their_story_join_it(tmp_path):
    converted = opencc.OpenCC("s2tw").convert("【简讯】" + ONE_LINE)
    ids = _stories(tmp_path, [("https://mp.example.com/s/1014.html", "防震演练", ONE_LINE, "2026-10-14T09:00:00+08:00"),
                              ("https://tw.example.com/n/1014.html", "防震演練", converted, "2026-10-14T09:30:00+08:00"),
                              ("https://school.example.cn/xw/1014.html", "青石镇中心小学开展防震演练", WIRE, "2026-10-14T10:00:00+08:00")])
    assert len(set(ids)) == 1


def test_a_one_line_post_of_another_event_stays_apart(tmp_path):
    ids = _stories(tmp_path, [("https://school.example.cn/xw/1014.html", "青石镇中心小学开展防震演练", STORY, "2026-10-14T08:00:00+08:00"),
                              ("https://mp.example.com/s/1014b.html", "防震演练", OTHER, "2026-10-14T12:00:00+08:00"),
                              # the same sentence a week later: a recurring notice's, not this story's
                              ("https://mp.example.com/s/1021.html", "防震演练", ONE_LINE, "2026-10-21T12:00:00+08:00")])
    assert len(set(ids)) == 3


# A story a portal split over pages, its second page one sentence (the page's navigation no sentence)
PAGE_TWO = _STORY[3] + "\n上一页 1 2 3 下一页"


def test_a_one_sentence_page_joins_its_story_in_either_order(tmp_path):
    assert dedup.fingerprint(_text(PAGE_TWO)).count < 40
    items = [("https://school.example.cn/xw/1014.html", "青石镇中心小学开展防震演练", STORY, "2026-10-14T08:00:00+08:00"),
             ("https://portal.example.com/a/1014_2.html", "青石镇中心小学开展防震演练（2）", PAGE_TWO, "2026-10-14T09:00:00+08:00")]
    for n, order in enumerate((items, items[::-1])):
        (where := tmp_path / str(n)).mkdir()
        assert len(set(_stories(where, order))) == 1, n


def test_a_one_sentence_page_not_in_the_story_stays_apart(tmp_path):
    # under the story's headline but a sentence the story does not have (another page's, another day's)
    other = "校长周文彬说，下学期学校还将组织一次消防疏散演练，并邀请家长到校观摩。\n上一页 1 2 3 下一页"
    ids = _stories(tmp_path, [("https://school.example.cn/xw/1014.html", "青石镇中心小学开展防震演练", STORY, "2026-10-14T08:00:00+08:00"),
                              ("https://portal.example.com/a/1014_2.html", "青石镇中心小学开展防震演练（2）", other,
                               "2026-10-14T09:00:00+08:00")])
    assert ids[0] != ids[1]


def test_a_page_of_one_phrase_repeated_is_no_brief(tmp_path):
    # a padded or placeholder page: one sentence over and over, under its own headline
    filler = "本季度全区财政收入保持平稳，重点项目推进顺利。"
    assert not dedup.brief_of(_text("\n".join([filler] * 6)), _text("各位代表：\n" + "\n".join([filler] * 9)))
    ids = _stories(tmp_path, [("https://a.example.cn/1.html", "某区年度工作总结", "\n".join([filler] * 9), "2026-10-14T08:00:00+08:00"),
                              ("https://b.example.cn/2.html", "某市政府工作报告", "各位代表：\n" + "\n".join([filler] * 6),
                               "2026-10-14T09:00:00+08:00")])
    assert ids[0] != ids[1]
