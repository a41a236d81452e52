"""A weekly digest page (一周看点) giving two reports whole, one after another (fold-30).

The digest holds each report's text whole, with its headline over it or none, between an intro and an
outro of its own. Read as the whole of the two stories' texts (a story's pages, each met first), it
merged the two stories into one: a reader saw two events as one item and missed the second. Met after
a copy of one report that dropped a sentence, it joined that report's story alone through it (the
other's copies judged apart), and it is no copy of either. Met first (an archive imported newest
first), a copy of the first report joins the digest's story, and a copy of the second then joined it
too, merging the two. A story's pages, met before its whole copy, still fold: they share the
story's headline.
"""

from __future__ import annotations

from test_fold_edges import _stories

_A = ("9月14日上午，青石镇在河湾村文化广场举行秋季农民丰收节，来自全镇十八个村的种植户带来了稻谷、板栗、"
      "猕猴桃等农产品参加展销，现场还设置了农技咨询台。\n"
      "镇农业服务中心的技术员为前来咨询的种植户讲解秋冬季果园管理和病虫害防治要点，并发放了科学施肥手册，"
      "不少村民拿着手机拍下展板上的内容，说回家要照着试一试。\n"
      "当天的展销持续到傍晚，直播间里的主播轮流介绍本地特产，带动线上线下订单四千余单，销售额超过三十万元。")
_TITLE_A = "青石镇举办秋季农民丰收节"
_B = ("9月16日，城南中学组织初一新生开展为期五天的国防教育和军事训练，教官带领学生练习站军姿、齐步走和"
      "整理内务，开营仪式上全体新生进行了宣誓。\n"
      "训练间隙，学校安排了消防逃生演练和急救知识讲座，校医示范了心肺复苏和止血包扎的方法，并让学生分组"
      "上手练习，每个班都选出了两名安全小卫士。\n"
      "结营仪式上，各班进行了队列会操展示，家长代表受邀观看，学校为表现突出的十二个标兵颁发了证书。")
_TITLE_B = "城南中学新生开展国防教育训练"
_INTRO = "本周看点：编辑部为您梳理过去一周值得关注的本地新闻，一起来看。"
_OUTRO = "以上就是本期一周看点的全部内容，感谢您的阅读，我们下周再会。"
_PLAIN = "\n".join([_INTRO, _A, _B, _OUTRO])
_HEADED = "\n".join([_INTRO, _TITLE_A, _A, _TITLE_B, _B, _OUTRO])
_DIGEST = "一周看点（第36期）"


def _in(tmp_path, name: str):
    (folder := tmp_path / name).mkdir()
    return folder


def _cut(text: str) -> str:
    """A copy that dropped the second sentence of the report's second paragraph."""
    first, second, third = text.split("\n")
    return "\n".join([first, second.split("，", 1)[0] + "。", third])


def test_a_digest_giving_two_reports_whole_is_neither_and_keeps_them_apart(tmp_path):
    for body in (_PLAIN, _HEADED):
        items = [("https://www.town.example.gov.cn/1.html", _TITLE_A, _A),
                 ("https://www.school.example.edu.cn/2.html", _TITLE_B, _B),
                 ("https://news.weekly.example.com/3.html", _DIGEST, body)]
        a, b, digest = _stories(_in(tmp_path, str(len(body))), items)
        assert len({a, b, digest}) == 3, (body[:40], a, b, digest)


def test_a_digest_met_after_a_cut_copy_joins_no_report(tmp_path):
    # the cut copy's story is the report's; the digest holds the report whole (and the cut copy): no copy of it
    for body in (_PLAIN, _HEADED):
        items = [("https://www.town.example.gov.cn/1.html", _TITLE_A, _A),
                 ("https://m.portal.example.com/2.html", _TITLE_A, _cut(_A)),
                 ("https://www.school.example.edu.cn/3.html", _TITLE_B, _B),
                 ("https://news.weekly.example.com/4.html", _DIGEST, body)]
        a, cut, b, digest = _stories(_in(tmp_path, str(len(body))), items)
        assert a == cut and len({a, b, digest}) == 3, (body[:40], a, cut, b, digest)


def test_a_digest_met_first_does_not_join_the_two_reports(tmp_path):
    items = [("https://news.weekly.example.com/1.html", _DIGEST, _PLAIN),
             ("https://www.town.example.gov.cn/2.html", _TITLE_A, _A),
             ("https://www.school.example.edu.cn/3.html", _TITLE_B, _B),
             ("https://m.portal.example.com/4.html", _TITLE_B, _cut(_B))]
    _, a, b, cut = _stories(tmp_path, items)
    assert a != b and b == cut, (a, b, cut)


def test_a_story_s_pages_still_fold_into_its_whole_copy(tmp_path):
    # page 1 and page 2 under the story's headline, each met first, then the whole copy: one story
    first, second, third = _A.split("\n")
    items = [("https://www.portal.example.com/1.html", _TITLE_A, first + "\n" + second),
             ("https://www.portal.example.com/1_2.html", _TITLE_A + "(2)", third + "本次丰收节由镇政府主办，河湾村承办。"),
             ("https://www.town.example.gov.cn/3.html", _TITLE_A, _A + "\n本次丰收节由镇政府主办，河湾村承办。")]
    assert len(set(_stories(tmp_path, items))) == 1
