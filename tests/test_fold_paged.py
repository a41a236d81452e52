"""Story folding of a repost split over pages and read one page at a time (fold-10).

A portal reposts a story over two or three pages ("第2页", "下一页"), each page its own address
under the story's title, a page marker added or not. A page that holds a single paragraph of
the story (the last page, often) is a small part of it and no opening: the same shape as a
paragraph a commentary quotes or a digest's item, which join nothing. Its title tells it: the
story's own, with at most a page marker. A paragraph under another title still joins nothing."""

from __future__ import annotations

from test_fold_edges import _stories

from monitor.pipeline.ingest import _page_of

_FERRY = ["受冷空气影响，海峡北部海面昨天起出现七到八级大风，阵风九级，岛上往返大陆的六条客渡运航线全部停航，"
          "滞留码头的三百多名旅客由当地安排在附近两家宾馆免费住宿，码头候船厅也开放到深夜供旅客休息。",
          "海事部门介绍，停航期间共出动巡逻船四艘次，劝返仍在海上作业的小型渔船二十一艘，"
          "港内锚泊的船舶均已加固缆绳，值班人员二十四小时守在监控屏前，随时掌握风浪变化。",
          "气象台预计，大风将持续到后天上午，届时风力逐渐减弱到五到六级，航线有望在后天中午前后陆续恢复，"
          "具体复航时间以码头公告为准，出行前请拨打客运站电话或关注官方账号查询。"]
_TITLE = "大风致海岛客渡运航线全部停航"
_WHOLE = ("https://ferry.example.cn/n/1.html", _TITLE, "\n".join(_FERRY))
_PAGE1 = ("https://portal.example.com/a/77.html?p=1", _TITLE, "\n".join(_FERRY[:2] + ["（本文共2页，请点击下一页继续阅读）"]))
_PAGE2 = ("https://portal.example.com/a/77.html?p=2", _TITLE + "(第2页)", _FERRY[2])


def test_a_last_page_of_one_paragraph_joins_its_story(tmp_path):
    whole, page1, page2 = _stories(tmp_path, [_WHOLE, _PAGE1, _PAGE2])
    assert whole == page1 == page2


def test_pages_met_before_the_whole_join_it(tmp_path):
    page2, page1, whole = _stories(tmp_path, [_PAGE2, _PAGE1, _WHOLE])
    assert page1 == whole == page2


def test_a_paragraph_under_another_title_joins_nothing(tmp_path):
    # the same paragraph quoted under a title of its own (a notice reprinting the forecast) is
    # still no page of the story
    whole, notice = _stories(tmp_path, [_WHOLE, ("https://m.example.org/t/5", "出行提示：航线何时恢复", _FERRY[2])])
    assert whole != notice


def test_a_page_title_is_the_story_title_with_at_most_a_page_marker():
    same = _page_of
    assert same("大风致海岛客渡运航线全部停航(第2页)", "大风致海岛客渡运航线全部停航")
    assert same("大风致海岛客渡运航线全部停航", "大风致海岛客渡运航线全部停航_3")
    assert same("大风致海岛客渡运航线全部停航（2）", "大风致海岛客渡运航线全部停航")
    assert not same("大风致海岛客渡运航线全部停航 后天有望复航", "大风致海岛客渡运航线全部停航")
    assert not same("出行提示：航线何时恢复", "大风致海岛客渡运航线全部停航")
    assert not same("简讯", "简讯(2)")  # too short a title to tell a story by
    assert not same("", "")
