"""The bundled hu-ming topic on a table's rows flattened with bars (match-30).

Written for these tests, in our own words: a county's table of projects or a report's table, its rows written with
`|` or `｜` between the cells (a spreadsheet pasted into a page), one row the pairing's own project. Such a row was
read as a line of keywords (a tag line, a menu) and its hits dropped. A row is a table's when its first cell is a
row's number, a header line naming the columns stands above it, or it is one of three lines in a row with as many
bars; a numbered row is a list item, as `2.` is. Guards: a tag line, a menu of one line and of two, and a ranking of six
headlines one of which is the ties'.
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article

TABLES = [
    ("泰宁县重点项目进度表", "序号｜项目名称｜进度\n1｜城区污水管网改造｜完成80%\n"
     "2｜沪明合作文旅康养项目（上海杨浦区援建）｜主体完工\n3｜乡村道路提升｜完成60%"),
    ("建宁县重点项目一览", "| 序号 | 项目 | 总投资 |\n| 1 | 县医院门诊楼 | 2亿元 |\n"
     "| 2 | 上海奉贤区援建的建宁中心小学 | 8000万元 |\n| 3 | 工业园区标准厂房 | 1.5亿元 |"),
    ("大田县2024年招商项目", "项目名称|建设单位|进展\n农村供水提升|县水利局|完工\n"
     "沪明合作大田茶产业园（闵行区共建）|县工信局|投产\n县城停车场|县住建局|在建"),
    ("尤溪县对外合作事项表", "编号|事项|牵头单位|时间\n01|闽宁协作劳务对接|县人社局|3月\n"
     "02|与上海长宁区签订对口合作年度计划|县发改局|4月\n03|山海协作园区招商|县商务局|5月"),
    # no row numbers, a header of words of its own: three lines in a row with as many bars
    ("清流县工程进展", "工程|承建方|状态\n城区管网|县城投|在建\n沪明合作标准厂房（嘉定区共建）|园区公司|完工\n滨江步道|县住建局|在建"),
]


@pytest.mark.parametrize(("title", "body"), TABLES)
def test_a_tables_row(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


GUARDS = [
    ("林改经验在全国推广", "【关键词】林改｜沙县小吃｜沪明合作｜闽台融合\n三明林改经验在全国推广，多地前来学习。"),
    ("城区停电检修", "首页|新闻|三明|上海|视频\n城区部分小区明日停电检修，请居民提前做好准备。"),
    ("图书馆闭馆通知", "首页|新闻|三明|上海|视频\n对口合作|专题|图片|访谈|下载\n市图书馆本周六闭馆一天，进行设备检修。"),
    # a ranking of six headlines, one of them the ties': a headline among headlines, as in a numbered list
    ("福建新闻点击排行", "序号|标题|点击\n1|福州花展开幕|3200\n2|上海嘉定区代表团赴三明考察对口合作|3100\n3|厦门马拉松鸣枪|2100\n"
     "4|泉州古城申遗十周年|1800\n5|南平茶博会开幕|1500\n6|宁德海上养殖升级|1200"),
]


@pytest.mark.parametrize(("title", "body"), GUARDS)
def test_tag_lines_and_menus_stay_keywords(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
