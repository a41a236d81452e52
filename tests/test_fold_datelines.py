"""Story folding of a portal's brief that drops the story's date line (fold-20).

A wire story opens with its date line (中新网某地1月6日电（记者…）); a portal's brief gives the lead's
first two sentences without it. The brief is a fifth of the story: a small part is joined only as
the story's opening (`dedup.opens_with`, or two paragraphs or more), and the story's first LEAD
characters are mostly the date line the brief dropped, so it made a story of its own whenever no
copy without the date line had been met before it (fold-20's set, shuffled order). A brief whose
opening stands in the story right after a date line's few characters is its opening too.
"""

from __future__ import annotations

from test_fold_edges import _stories

_LEAD = ("中新网青溪1月6日电 (记者 林晓岚)1月5日上午，随着最后一方混凝土浇筑完成，位于青溪县城东街道的"
         "山海情文化街区二期项目主体结构顺利封顶。这座融合海派风情与闽北特色的文化商业综合体预计于今年6月底竣工验收。")
_REST = [
    "这个总投资约1.3亿元的项目是两地对口合作的重要载体。合作开展三年多来，两地围绕“上海企业+青溪资源”“上海研发+"
    "青溪制造”等模式，推动一批产业、文旅和民生项目落地见效。",
    "青溪县生态与文化资源丰富，拥有二十多个国家级旅游品牌。依托对口合作机制，青溪积极对接大城市客源市场，"
    "累计接待来青溪疗休养的职工超过两万人次，去年前三季度接待外地游客九十三万人次，同比增长四成以上。",
    "在农业方面，青溪县持续打造区域公共品牌，推动五百余款农特产品进驻大城市的四十八个销售平台，"
    "引进西红花等三十七个农业新品种，推广种植面积达一万七千亩。",
    "据了解，文化街区建成后将引入非遗工坊、特色餐饮和文创商店，预计可提供就业岗位六百余个。",
]
STORY = "\n".join([_LEAD, *_REST])
TITLE = "两地对口合作结硕果 山海情文化街区二期封顶"
_BRIEF = _LEAD.split(")", 1)[1] + "（详见原文）"


def test_a_brief_without_the_stories_date_line_folds_with_it(tmp_path):
    items = [("https://www.chinanews.example.cn/1.shtml", TITLE, STORY),
             ("https://www.portal.example.cn/2.html", TITLE, STORY),
             ("https://m.zixun.example.cn/3", "青溪：两地对口", _BRIEF)]
    for n, order in enumerate(((0, 1, 2), (2, 0, 1), (1, 2, 0))):
        (where := tmp_path / str(n)).mkdir()
        ids = _stories(where, [items[i] for i in order])
        assert len(set(ids)) == 1, order


def test_a_paragraph_from_further_in_is_still_no_brief(tmp_path):
    story, alone = _stories(tmp_path, [("https://www.chinanews.example.cn/1.shtml", TITLE, STORY),
                                       ("https://m.zixun.example.cn/4", "青溪农特产品进驻大城市", _REST[2])])
    assert story != alone
