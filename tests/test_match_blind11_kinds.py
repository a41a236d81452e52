"""The bundled hu-ming topic on the kinds of the eleventh blind set's tuning part (match-15).

Texts written for these tests, in our own words, of the kind behind the one miss of blind11's tuning part
(a Shanghai-headquartered firm's announcement of its plant in a Sanming county: "上海研发+三明制造") and of
the set's new kinds as its writer's notes name them (沪 with a county's first character; a Shanghai firm
that dropped its Sanming plan).
"""

from __future__ import annotations

import pytest

from monitor import match
from monitor.match import match_article


@pytest.mark.parametrize(("title", "body"), [
    ("某材料股份：关于在永安设立生产基地的进展公告",
     "一、概述\n公司此前披露了在福建省永安市投资建设电池材料项目的公告。\n"
     "二、进展\n项目公司已完成登记，厂房主体封顶。公司总部位于上海浦东，这是公司在上海以外的第一个生产基地，"
     "研发仍在上海，形成“上海研发+永安制造”的格局。\n三、风险提示\n敬请投资者注意风险。"),
    ("A Shanghai drugmaker's first plant outside the city rises in Mingxi",
     "Construction of the production base in Mingxi county is on schedule, the company said. Headquartered in "
     "Shanghai, it keeps its research in the city and will make active ingredients at the new Sanming plant."),
])
def test_a_firms_production_base_on_the_other_side_counts(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_goods_sold_on_the_other_side_are_still_no_tie(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "三明一家竹木企业产品热卖", "三明一家竹木加工企业的产品主要销往上海，今年销售额增长三成。")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("沪永两地共建竹产业园", "沪永两地共建的竹产业园一期投产，园区引进竹材加工企业六家，产品主要供应长三角市场。"),
    ("沪尤合作茶园迎来首采", "沪尤合作共建的高山茶园迎来首采，首批春茶将进入社区商店。"),
])
def test_hu_and_a_countys_first_character_with_a_joint_word_count(hu_ming: match.Topic, title: str,
                                                                    body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert m.matched, m.reason


def test_hu_and_thailand_is_no_county(hu_ming: match.Topic) -> None:
    m = match_article(hu_ming, "沪泰合作论坛举行", "沪泰合作论坛在曼谷举行，双方签署旅游合作协议。")
    assert not m.matched, m.reason


@pytest.mark.parametrize(("title", "body"), [
    ("某上海企业终止三明项目考察",
     "据公告，上海某科技公司经评估后决定不在三明设立生产基地，此前的项目考察工作终止。"),
    ("Shanghai firm scraps plan for Sanming plant",
     "A Shanghai battery maker has called off plans to build a plant in Sanming after visiting the city twice "
     "last year, citing weaker demand."),
])
def test_a_plan_called_off_in_the_title_is_no_tie(hu_ming: match.Topic, title: str, body: str) -> None:
    m = match_article(hu_ming, title, body)
    assert not m.matched, m.reason
