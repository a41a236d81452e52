"""Story folding of degraded copies met before the clean ones, and of copies framed by others (fold-21).

A mirror that read a page in the wrong encoding garbles a few words, the story's opening words
among them (一场春雨 shown as 涓鍦烘槬): its copy of the lead no longer opens with the lead's first
characters, so a story met after it did not take it for its opening (`dedup.opens_with`), and
neither joined the other, whichever came first. Both texts begin where what they share begins,
but for those few characters (`dedup.starts_alike`).

A column's copy frames the whole story between the column's fixed introduction and sign-off; a
follow-up quoting the story met after it still stays apart. (A copy spliced from the story's first
paragraphs and another report's paragraph, met after the column, stays a story of its own: the
column's copy quotes it. Dropping such quoting texts (0e5ce63) folded pages of other stories into
fold-19's held stories, P 0.988 -> 0.965; its test is gone, regress-27.)
"""

from __future__ import annotations

from test_fold_edges import _stories

_STORY = [
    "一场冬雨过后，位于闽北山区的青岚国家森林公园迎来了今冬第一批越冬候鸟。护林员在为期五天的巡护中，"
    "先后记录到白鹇、黄腹角雉和鸳鸯等二十多种鸟类，其中三种为近十年首次在园内发现。",
    "青岚森林公园总面积一万八千公顷，森林覆盖率达百分之九十四。近年来，当地实行分区管护，"
    "把核心区内的十二个自然村整体搬迁到山下，腾退耕地两千余亩，全部退耕还林。",
    "为看护好这片林子，公园招聘了六十名生态护林员，配发北斗定位终端和巡护无人机，"
    "每天的巡护轨迹都实时传回管理中心，一旦发现火情或盗伐，十分钟内就能调度人员赶到现场。",
    "管理中心负责人介绍，明年公园还将新建两座候鸟观测站，并与省内三所高校合作开展鸟类环志研究，"
    "摸清越冬候鸟的迁徙路线和停歇规律。",
]
TITLE = "青岚森林公园迎来今冬首批越冬候鸟"


def _garbled(text: str, start: int, end: int) -> str:
    """The text with characters [start, end) shown as a page read as GBK shows UTF-8."""
    return text[:start] + text[start:end].encode("utf-8").decode("gbk", errors="replace") + text[end:]


def test_a_lead_with_garbled_opening_words_joins_its_story_whichever_comes_first(tmp_path):
    brief = _garbled(_garbled(_STORY[0], 24, 27), 0, 4)  # (the later run first: its place stays)
    assert brief[:4] != _STORY[0][:4]
    items = [("https://gbk.example.cn/birds/1.htm", "青岚森林公园：越冬候鸟来了", brief),
             ("https://paper.example.cn/birds/2.html", TITLE, "\n".join(_STORY))]
    for n, order in enumerate(((0, 1), (1, 0))):
        (where := tmp_path / str(n)).mkdir()
        ids = _stories(where, [items[i] for i in order])
        assert len(set(ids)) == 1, order


def test_a_lead_with_another_opening_stays_apart(tmp_path):
    # the same paragraph under another report's opening sentence: no garbled words, an opening of its own
    other = ("本报讯 记者从市林业局获悉，全市今年新建自然保护小区十四处。" + _STORY[0][:60]
             + "。据了解，这些小区大多位于偏远山村，由村民自愿申报。")
    items = [("https://paper.example.cn/birds/2.html", TITLE, "\n".join(_STORY)),
             ("https://paper.example.cn/forest/9.html", "全市新建自然保护小区十四处", other)]
    ids = _stories(tmp_path, items)
    assert ids[0] != ids[1]


_COLUMN_IN = "【山海周刊】编者按：本栏目每周聚焦闽北山区生态保护中的新变化、新故事，欢迎读者提供线索，与我们一起记录绿水青山的守护者。"
_COLUMN_OUT = "本栏目由某市融媒体中心与某某报社联合推出，每周五刊发。来稿请注明“山海周刊”字样，一经采用即付稿酬。"
_OTHER = ("县林业局负责人表示，今年全县还将完成植树造林一万二千亩，新建防火林带八十公里，并对二十个重点林区的"
          "监控设备进行升级改造，力争全年森林火灾受害率控制在千分之零点三以内，守护好全县的绿色家底。")
_MORE = "与此同时，县里还将启动林下经济示范基地建设，发展林下种植和养殖，带动山区群众增收致富，让护林员的腰包也鼓起来。"


def test_a_follow_up_quoting_the_story_after_a_column_stays_apart(tmp_path):
    column = "\n".join([_COLUMN_IN] + _STORY + [_COLUMN_OUT])
    follow_up = "\n".join(["候鸟来了一个月后，本报记者再次走进青岚森林公园，回访当初参与巡护的护林员。", _STORY[2],
                           "护林员老郑告诉记者，今年冬天园里又发现了两种新的候鸟，他每天巡山都要多走几里路去看看它们。"
                           "本报将继续关注。"])
    items = [("https://paper.example.cn/birds/2.html", TITLE, "\n".join(_STORY)),
             ("http://www.county.example.gov.cn/zk/3.htm", f"山海周刊｜{TITLE}", column),
             ("https://www.portal.example.cn/birds/4.shtml", TITLE, "\n".join(_STORY[:2])),
             ("https://paper.example.cn/birds/fu.html", "再访青岚：候鸟来了之后", follow_up)]
    *copies, later = _stories(tmp_path, items)
    assert len(set(copies)) == 1
    assert later not in copies


# Two copies of one story, each between a frame of its own: a self-media account's intro and outro,
# and a column's fixed introduction and sign-off. Each left out the other's frame: the column's copy
# read as quoting the account's (text of its own at both edges, the account's wrapper left out), and
# the two started two stories, every later copy joining one of them.
_ACCOUNT = "\n".join(["关注我们，每天带你看身边新鲜事。"] + _STORY + ["你怎么看？欢迎在评论区留言，喜欢就点个赞再走吧！"])


def test_two_copies_each_in_a_frame_of_its_own_are_one_story(tmp_path):
    column = "\n".join([_COLUMN_IN] + _STORY + [_COLUMN_OUT])
    items = [("https://www.163.example.com/dy/article/A1.html", "好消息！青岚又火了", _ACCOUNT),
             ("http://www.county.example.gov.cn/zk/3.htm", f"山海周刊｜{TITLE}", column),
             ("https://paper.example.cn/birds/2.html", TITLE, "\n".join(_STORY))]
    for n, order in enumerate(((0, 1, 2), (1, 0, 2))):
        (where := tmp_path / str(n)).mkdir()
        ids = _stories(where, [items[i] for i in order])
        assert len(set(ids)) == 1, order


# Degraded copies met first: one that dropped two paragraphs and one of just those two, garbled,
# each started a story (neither holds the other). A mirror's copy of the whole story, an emoji in
# brackets every few words, holds both: their shingles are a fifth short of its own (each insertion
# breaks the shingles across it), though nearly every character of it is inside them; it read as a
# digest of two stories and started a third.
def _emoji(text: str) -> str:
    return "".join(c + ("(🐦)" if i % 31 == 30 else "") for i, c in enumerate(text))


def test_a_mirror_broken_by_insertions_holding_two_degraded_copies_is_their_whole(tmp_path):
    dropped = "\n".join(_STORY[1:2] + _STORY[3:])  # the first and the third paragraphs dropped
    cut = "\n".join([_garbled(_STORY[0], 24, 27)] + _STORY[2:3])  # the first and the third, garbled
    mirror = "\n".join(_emoji(p) for p in _STORY)
    ids = _stories(tmp_path, [("https://life.example.cn/birds/6.html", TITLE, dropped),
                              ("http://gbk.example.cn/birds/7.htm", TITLE, cut),
                              ("https://emoji.example.cn/news/8.html", "某地" + TITLE, mirror),
                              ("https://paper.example.cn/birds/2.html", TITLE, "\n".join(_STORY))])
    assert len(set(ids)) == 1
