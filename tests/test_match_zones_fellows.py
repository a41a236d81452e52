"""The bundled hu-ming topic on Shanghai's zones and state firms, fellowships, 援明, and reports.

Classes from issue 12's list of misses, probed in the fifth round (match-5) with texts written
here in our own words: Shanghai named only by a development zone or a state firm (Jinqiao,
Waigaoqiao, 久事集团), or by machine translation's 申城 / 魔都 (Shencheng, Magic City), Sanming's
names cut into syllables (Tai Ning County, San Ming City); a fellowship of people tied to both (在沪三明乡亲联谊会); 援明, Sanming's
word for those sent to help build it. Each relevant case failed before the change. And the rule
decided for work reports: the cooperation in a paragraph of its own is relevant, its name as one
clause of a list sentence is a passing mention (docs/rules.md).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article


@pytest.mark.parametrize(("title", "body"), [
    ("Jinqiao firms move lines to Mingxi", "Three firms from the Jinqiao zone agreed on Monday to build "
     "production lines in Mingxi County, in a park jointly run with Jinqiao."),
    ("Waigaoqiao and Shaxian sign logistics deal", "A cold-chain logistics deal between Waigaoqiao and "
     "Shaxian was signed on Tuesday: frozen snacks made in Shaxian will be shipped through Waigaoqiao."),
    ("金桥集团与将乐县共建产业园", "金桥集团与将乐县日前签约，双方共建的新材料产业园首期将引进企业四家。"),
    ("久事集团赴泰宁考察", "久事集团一行近日赴泰宁县考察文旅项目，双方就共建体育旅游基地达成意向。"),
    ("老同事每年一聚", "六十年代随印染厂迁到三明的上海老师傅们成立了联谊会，每年春天回上海聚一次。"),
    ("Magic City teachers in Tai Ning County", "Thirty teachers from the Magic City began a month of joint "
     "lessons in Tai Ning County on Monday, under the pairing between the two places."),
    ("Lin-gang firms visit San Ming City", "A delegation of Lin-gang firms visited San Ming City to sign "
     "supply agreements with its fluorine chemical makers."),
    ("援明老同志回访", "当年从上海来到这里的援明老同志近日回访，与钢厂的年轻职工座谈。"),
])
def test_zones_state_firms_fellowships_and_aid_name_the_ties(
        hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("尤溪县金桥村修通公路", "尤溪县金桥村通村公路近日完工，在上海打工的村民春节回家更方便了。"),
    ("博物馆新展", "上海博物馆新展出的一批明末文书，记录了义军抗清援明的经过。"),
    ("Model signs with Shanghai agency", "The model Ming Xi signed a two-year contract with a Shanghai agency "
     "and will support its spring campaign."),
])
def test_a_village_called_jinqiao_or_the_ming_dynasty_are_not(
        hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason


def test_a_report_counts_the_cooperation_in_its_own_paragraph_not_as_a_list_clause(
        hu_ming: match.Topic) -> None:
    opening = "过去一年，全市经济平稳运行，财政收入小幅增长。\n"
    closing = "\n今年将继续抓好项目建设和营商环境。"
    clause = "区域合作取得新进展：新增六个沪明共建园区、两个山海协作园区，高速公路新开工一条。"
    paragraph = "沪明对口合作持续深化。全年引进上海企业十八家，两地共建园区六个，上海医生来明坐诊两百人次。"
    listed = match_article(hu_ming, "三明市政府工作报告", opening + clause + closing)
    own = match_article(hu_ming, "三明市政府工作报告", opening + paragraph + closing)
    assert not listed.matched, listed.reason
    assert own.matched, own.reason
