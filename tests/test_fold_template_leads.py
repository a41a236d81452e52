"""Story folding of two reports from one county that share a template paragraph (fold-17).

Two job fairs a fortnight apart, reported by one county in releases that repeat a long background
paragraph word for word; portals copy each release cut after that paragraph (its lead and the template).
The two cut copies read almost alike: each has only its lead of its own, the rest shared. On main, met
before their stories, the second cut copy folded into the first's story (one fair hidden in the other) or
started a story of its own. Their leads open with different days (2月18日, 3月4日): two reports, not two
copies. Copies that keep a story's lead, or add a note of their own before it, still fold.
"""

from __future__ import annotations

from test_fold_edges import _stories

_TEMPLATE = ("近年来，全省持续推进县域就业服务体系建设，把稳就业摆在更加突出的位置，围绕返乡务工人员、高校毕业生和就业困难群体，"
             "开展春风行动、就业援助月等专项服务活动，推动岗位信息进村入户，让求职者在家门口就能找到合适的工作。各地人社部门还将技能培训、"
             "创业扶持和劳务协作结合起来，帮助企业稳岗扩岗，帮助群众增收致富。")
_FIRST = ["2月18日，青岭县2025年春风行动专场招聘会在县人力资源市场举行，52家企业提供岗位1800多个。", _TEMPLATE,
          "现场，电子、纺织、物流等企业展位前人头攒动。青岭县人社局负责人介绍，当天共有2100余人进场求职，680人达成初步就业意向。",
          "据悉，青岭县今年还将在各乡镇举办巡回招聘会12场，并开设线上直播带岗专栏。"]
_SECOND = ["3月4日，青岭县春风行动暨就业援助月第二场招聘会在县文化广场举办，企业带来的岗位比上一场更多。", _TEMPLATE,
           "青岭县就业服务中心工作人员说，今年招聘会首次设置了残疾人就业专区和零工服务站，当天有410人与用人单位签订意向协议。",
           "下一步，青岭县将联合沿海对口城市开展劳务协作，组织有意愿的务工人员有序外出。"]
_A = ("https://qingling.example.cn/xw/1.html", "青岭县举行春风行动专场招聘会", "\n".join(_FIRST))
_A_PORTAL = ("https://portal.example.com/n/1.shtml", "青岭县举行春风行动专场招聘会", "\n".join(_FIRST))
_A_CUT = ("https://portal2.example.com/n/1.shtml", "青岭县举行春风行动专场招聘会", "\n".join(_FIRST[:2]))
_A_NOTE = ("https://portal3.example.com/n/1.shtml", "青岭县举行春风行动专场招聘会",
           "\n".join(["2月19日讯 以下内容转自青岭县人民政府网站，原文如下。", *_FIRST[:2]]))
_B = ("https://qingling.example.cn/xw/2.html", "青岭县春风行动第二场招聘会举办", "\n".join(_SECOND))
_B_CUT = ("https://portal2.example.com/n/2.shtml", "青岭县春风行动第二场招聘会举办", "\n".join(_SECOND[:2]))


def test_cut_copies_of_two_reports_sharing_a_template_paragraph_stay_apart(tmp_path):
    b_cut, a, a_cut, b = _stories(tmp_path, [_B_CUT, _A, _A_CUT, _B])
    assert a == a_cut != b == b_cut
    (tmp_path / "b").mkdir()
    b, b_cut, a, portal, a_cut = _stories(tmp_path / "b", [_B, _B_CUT, _A, _A_PORTAL, _A_CUT])
    assert a == portal == a_cut != b == b_cut


def test_a_cut_copy_with_a_dated_note_of_its_own_still_folds(tmp_path):
    a, a_cut, a_note = _stories(tmp_path, [_A, _A_CUT, _A_NOTE])
    assert a == a_cut == a_note
    (tmp_path / "b").mkdir()
    a_note, a_cut, a = _stories(tmp_path / "b", [_A_NOTE, _A_CUT, _A])
    assert a == a_cut == a_note
