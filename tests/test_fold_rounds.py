"""Story folding of announcements a round apart (fold-24).

A list published in rounds (第五批 traditional villages, the 第十二届 of a fair, 第3期 of a
bulletin) is announced each round from the same template: the release of the next round keeps
every sentence of the last one but the round's number (and a year), sometimes even its list.
Its text holds the earlier release's almost whole, so it joined the earlier round's story, and
every copy of it followed: two announcements made one, the later one never sent. A round's number
of one kind that two texts both name, in values the other never names, tells two rounds apart.
Copies writing the number another way (第5批 for 第五批, traditional script), a copy under a
column's frame naming its own issue (第3期), and a text naming both rounds still fold.
"""

from __future__ import annotations

from test_fold_edges import _stories

from monitor import dedup, scriptfold

_ROUND = [
    "日前，住房和城乡建设部等六部门公布第{n}批列入中国传统村落名录的村落名单，我市青溪镇岭头村、"
    "石门乡下洋村、白水镇溪口村等{k}个村落入选，入选数量居全省前列。",
    "传统村落是指形成较早、拥有较丰富的文化与自然资源，具有一定历史、文化、科学、艺术、社会价值，"
    "应予以保护的村落。这些村落保存着大量明清时期的古民居、祠堂和古桥，是农耕文明留给后人的宝贵遗产。",
    "按照第{n}批中国传统村落调查推荐工作的要求，市住建局会同文旅、文物等部门开展了全面摸底，"
    "经专家实地踏勘、逐村评审，择优向上推荐，最终经国家专家委员会审查并向社会公示后确定名单。",
    "下一步，我市将按照一村一档的要求，建立完善传统村落档案，推进挂牌保护，"
    "严禁拆旧建新、拆真建假，让古村落留得住乡愁、看得见发展。",
]
_ZH = "〇一二三四五六七八九"


def _release(n: int, k: int = 7) -> str:
    return "\n".join(p.format(n=_ZH[n], k=_ZH[k]) for p in _ROUND)


def _copies(n: int, key: str, k: int = 7) -> list[tuple[str, str, str]]:
    text = _release(n, k)
    title = f"我市{_ZH[k]}个村落入选第{_ZH[n]}批中国传统村落名录"
    return [(f"https://paper.example.cn/{key}/1.html", title, text),
            (f"https://news.portal.example.cn/{key}/2.html", title, text + "\n【责任编辑：林某】"),
            (f"https://m.example.cn/{key}/3.html", "好消息！我市又有古村落上榜",
             "\n".join(["关注我们，每天带你看身边新鲜事。", text, "喜欢就点个赞再走吧！"]))]


def test_a_round_number_is_read_as_written_in_the_text_the_fingerprint_compares():
    five = scriptfold.fingerprint_text("公布第五批中国传统村落名录")
    assert dedup.rounds(five) == dedup.rounds(scriptfold.fingerprint_text("公布第5批中國傳統村落名錄"))
    assert dedup.rounds_apart(five, scriptfold.fingerprint_text("公布第六批中国传统村落名录"))
    assert not dedup.rounds_apart(five, scriptfold.fingerprint_text("第五批、第六批名录先后公布"))
    assert not dedup.rounds_apart(five, scriptfold.fingerprint_text("第3期 公布第五批中国传统村落名录"))
    assert not dedup.rounds_apart(five, scriptfold.fingerprint_text("公布中国传统村落名录"))


def test_the_next_rounds_release_from_the_same_template_is_its_own_story(tmp_path):
    items = _copies(5, "r5") + _copies(6, "r6")
    ids = _stories(tmp_path, items)
    assert ids[:3] == [ids[0]] * 3
    assert ids[3:] == [ids[3]] * 3
    assert ids[3] != ids[0]


def test_the_next_round_with_another_count_met_first_stays_apart(tmp_path):
    items = _copies(6, "r6", k=4) + _copies(5, "r5")
    ids = _stories(tmp_path, items)
    assert ids[:3] == [ids[0]] * 3
    assert ids[3:] == [ids[3]] * 3
    assert ids[3] != ids[0]


def test_copies_writing_the_round_another_way_still_fold(tmp_path):
    text = _release(5)
    items = _copies(5, "r5") + [
        ("https://digits.example.cn/r5/4.html", "我市7个村落入选第5批中国传统村落名录", text.replace("第五批", "第5批")),
        ("https://hk.example.com/r5/5.html", "我市七個村落入選第五批中國傳統村落名錄",
         text.replace("传统村落", "傳統村落").replace("公布", "公佈").replace("这些", "這些")),
        ("https://column.example.cn/r5/6.html", "乡村周刊（第3期）｜我市七个村落入选",
         "\n".join(["【乡村周刊】第3期：本栏目每周聚焦乡村振兴中的新变化、新故事。", text])),
    ]
    ids = _stories(tmp_path, items)
    assert ids == [ids[0]] * len(items)


def test_a_copy_that_lost_the_round_met_first_is_no_way_into_the_other_round(tmp_path):
    # the next round's release is stored first; a copy of this round's first half with its number
    # garbled reads as that release's and joins it (nothing tells them apart); this round's copies
    # of that half, naming their round, find only that copy (the next round's release is twice
    # their size) and are none of the next round's
    half = "\n".join(_release(5).split("\n")[:2])
    garbled = half.replace("第五批", "第�批")
    items = _copies(6, "r6")[:2] + [
        ("https://gbk.example.cn/r5/0.html", "我市七个村落入选中国传统村落名录", garbled),
        ("https://zixun.example.cn/r5/1.html", "我市七个村落入选第五批中国传统村落名录", half + "\n（未完，点击阅读原文）"),
        ("https://serial.example.cn/r5/2.html", "我市七个村落入选第五批中国传统村落名录（上）", half + "\n（未完待续）"),
    ]
    ids = _stories(tmp_path, items)
    assert ids[1] == ids[0]
    assert ids[3] == ids[4]
    assert ids[3] != ids[0]
