"""Story folding of a brief or copy that opens with a portal's or an agency's label (fold-26).

A portal's brief of a story's lead, or an agency's copy, opens with its own mark before the first
sentence: 【快讯】, 【简讯】, (中央社), （本报讯）. The opening's LSH key (`dedup.LEAD`) is what finds a
brief a fifth of its story's size; it was the key of the label and the lead's first characters, so
it matched nothing, and the brief was found only when one of its anchors happened to be among the
story's: met after its story, it started a story of its own. The key and the openings compared now
start after such a label (`dedup.unlabelled`); containment still decides, so a brief of another
report that opens alike stays apart.
"""

from __future__ import annotations

from test_fold_edges import _stories

from monitor import dedup, scriptfold

_STORY = [
    "11月8日上午9时许，石门湾大桥主桥最后一个钢梁节段在江面上吊装到位，这座连接南北两岸的跨江大桥全线合龙，"
    "预计明年五月建成通车。",
    "石门湾大桥全长三千六百米，主跨六百八十米，为双塔双索面斜拉桥，设计为双向六车道，两侧各设一条非机动车道和人行道。"
    "大桥建成后，两岸之间的车程将由现在绕行上游老桥的五十分钟缩短到十分钟以内。",
    "工程指挥部介绍，主桥钢梁共分一百零八个节段，每个节段重约三百吨，在岸上工厂预制后由驳船运到桥位，再由桥面吊机逐段提升拼装。"
    "江面风大流急，施工团队为此研发了一套自动纠偏系统，把每个节段的拼装误差控制在两毫米以内。",
    "今年汛期，江水比往年高出近两米，工地一度停工二十天。为赶回工期，指挥部调整施工方案，两岸同时作业，"
    "最多时有一千二百名工人三班倒施工。",
    "接下来，大桥将进入桥面铺装、护栏安装和荷载试验阶段。沿线两岸的接线道路和互通立交也在同步建设，"
    "其中北岸接线工程已完成八成工程量。",
    "据介绍，大桥所在江段是长江下游重要的航运通道，每天有上千艘船舶通过。为保证施工期间的通航安全，"
    "海事部门在桥区设置了临时航标，并安排巡逻艇全天值守，施工以来未发生一起船舶碰撞事故。",
    "家住南岸的李师傅在北岸一家工厂上班，每天要绕行老桥往返两个小时。他说，以前下了夜班回家，路上车少灯暗，"
    "心里总不踏实，以后过桥十分钟就到家，能多陪陪孩子。",
    "为减少施工对江豚等珍稀水生动物的影响，工程在桥墩施工时采用了低噪声钻机，并在水中布设了声学驱赶装置，"
    "环保部门的监测数据显示，桥区水质始终保持在二类标准。",
]
STORY = "\n".join(_STORY)
LEAD = _STORY[0]
# another report from the same site that opens with the same words
OTHER = ("11月8日上午9时许，石门湾大桥主桥最后一个钢梁节段在江面上吊装到位，这座连接南北两岸的跨江大桥原定当天合龙，"
         "但因江面突起大风，合龙仪式推迟到下周举行，通车时间暂不调整。")


def _brief(label: str) -> str:
    return label + LEAD + "（详见今日本报二版）"


def test_a_labelled_text_has_the_key_of_its_opening_after_the_label():
    story = dedup.fingerprint(scriptfold.fingerprint_text(STORY))
    # the brief shares none of the story's anchors: the opening's key is all that can find it
    assert not set(dedup.fingerprint(scriptfold.fingerprint_text(_brief("【快讯】"))).anchors) & set(story.anchors)
    for label in ("【快讯】", "【简讯】", "(中央社)", "（本报讯）", "[快讯]"):
        assert dedup.fingerprint(scriptfold.fingerprint_text(_brief(label))).lead == story.lead, label
    assert dedup.unlabelled("（一）总体要求") == "总体要求"
    assert dedup.unlabelled("【这是一个很长很长的括号里的标题】正文") == "【这是一个很长很长的括号里的标题】正文"  # no label: a headline
    assert dedup.unlabelled("石门湾大桥（主桥）合龙") == "石门湾大桥（主桥）合龙"  # brackets further in stay


def test_a_labelled_brief_met_after_its_story_joins_it(tmp_path):
    for n, label in enumerate(("【快讯】", "【简讯】", "（本报讯）")):
        (where := tmp_path / str(n)).mkdir()
        story, brief = _stories(where, [("https://bridge.example.cn/xw/1108.html", "石门湾大桥全线合龙", STORY),
                                        ("https://portal.example.com/kx/1108.html", "石门湾大桥全线合龙", _brief(label))])
        assert story == brief, label


def test_a_labelled_brief_of_another_report_opening_alike_stays_apart(tmp_path):
    opening = dedup.fingerprint(scriptfold.fingerprint_text(STORY)).lead
    assert dedup.fingerprint(scriptfold.fingerprint_text("【快讯】" + OTHER)).lead == opening  # found, then judged
    story, other = _stories(tmp_path, [("https://bridge.example.cn/xw/1108.html", "石门湾大桥全线合龙", STORY),
                                       ("https://portal.example.com/kx/1109.html", "石门湾大桥合龙仪式推迟",
                                        "【快讯】" + OTHER)])
    assert story != other
