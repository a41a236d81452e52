"""Story folding of commentaries and follow-ups that frame a story in ways fold-11..15 did not read (fold-16).

A one-paragraph brief on a harbour town's seaweed harvest, its copies, and texts about it that are no
copies: a commentary headed 评论｜ whose opening is only its attribution (据…报道：), a follow-up headed
再访… whose first line is under QUOTE_EDGE, a commentary that quotes the first and the last paragraph of a
longer story after 据…报道：, commentaries that give the brief whole inside paragraphs of their own longer
than a copy's intro (FRAME_MAX), with a label in the headline or without one, and a commentary whose two
short sentences never name a report but draw a lesson from the news (折射, 启示). On main each of them
folded into the story it quotes: a commentary is sent as the story, or the story is hidden in it.
Self-media copies with plain frames still fold (tests/test_fold_plain.py), and so do machine conversions
that change words (s2twp: 软件→軟體, 信息→資訊).
"""

from __future__ import annotations

import opencc
from test_fold_edges import _stories

_HARVEST = ("5日清晨，东澳镇海域的养殖户驾着小船收割今年第一茬龙须菜，码头上一筐筐鲜菜过秤装车，当天就运往附近的鲍鱼养殖场。"
            "镇里介绍，全镇龙须菜养殖面积约一万二千亩，今年的收购价比去年每斤高出两毛左右，预计全年产值可达九千万元。")
_BRIEF = ("https://dongao.example.cn/xw/801.html", "东澳镇龙须菜迎来头茬采收", _HARVEST)
_PORTAL = ("https://portal.example.com/n/801.shtml", "东澳镇龙须菜迎来头茬采收", _HARVEST + "\n（责任编辑：李某）")
_WECHAT = ("https://mp.example.com/s/d801", "一筐筐鲜菜装车，海边又忙起来了",
           "\n".join(["说起东澳镇，很多人想到的是沙滩和海鲜。这几天，那里的海面上又热闹起来了。", _HARVEST,
                      "海风里都是丰收的味道。接下来的情况，我们继续留意。"]))

# a labelled commentary whose opening is only its attribution
_COMMENT = ("https://opinion.example.cn/pl/802.html", "评论｜东澳镇龙须菜迎来头茬采收",
            "\n".join(["据东澳日报报道：", _HARVEST,
                       "一片海能养活一个镇，靠的不是运气。把养殖、收购和加工连成一条线，群众的收成才稳得住。"]))
# a labelled follow-up whose first line is short
_FOLLOW = ("https://dongao.example.cn/xw/866.html", "再访东澳：龙须菜卖得怎么样",
           "\n".join(["记者日前又去了东澳镇码头。", _HARVEST,
                      "一个月过去，头茬菜已经卖完。养殖户老郑说，今年的价钱比预想的好，第二茬的苗也下海了。镇里正在筹建一座冷库。"]))

_REEF = "\n".join([
    "南湾渔港昨日举行人工鱼礁投放仪式，三十六座混凝土礁体由工程船吊放到离岸八海里的海域，投放总量达到一万立方米。"
    "这是南湾近二十年来规模最大的一次海洋生态修复工程，总投资约两千四百万元，由省市两级财政共同承担。",
    "市海洋部门介绍，这片海域过去因为过度捕捞，近岸鱼类资源明显减少，投放鱼礁是修复海洋牧场的第一步。",
    "据测算，礁体入水三个月后表面就会附着藻类和贝类，一年后可以形成较稳定的鱼类栖息环境。",
    "当地渔民对此充满期待。船老大陈伯说，年轻时这里一网能捞上几百斤鱼，希望几年后能再现当年的景象。",
    "按照规划，今后五年南湾还将分批投放鱼礁，同时划定禁渔区，并在礁区周边安装水下监测设备，"
    "监测数据将向科研机构开放，礁区周边的休闲海钓和生态旅游项目也在论证之中。"])
_REEF_STORY = ("https://nanwan.example.cn/xw/901.html", "南湾渔港投放人工鱼礁修复海洋牧场", _REEF)
_REEF_COPY = ("https://portal.example.com/n/901.shtml", "南湾渔港投放人工鱼礁修复海洋牧场", "来源：南湾日报\n" + _REEF)
_REEF_PARAS = _REEF.split("\n")
_REEF_COMMENT = ("https://opinion.example.cn/pl/902.html", "评论｜南湾渔港投放人工鱼礁修复海洋牧场",
                 "\n".join(["据南湾日报报道：", _REEF_PARAS[0], _REEF_PARAS[4],
                            "修复一片海，比捞空一片海难得多。鱼礁沉下去容易，管得住、守得牢，才是真本事。"]))

_LONG_OWN = ["一茬龙须菜，引出了不少人的感慨。事情是这样的：",
             "细细想来，东澳的路子并不神秘。这些年，镇里没有一窝蜂去搞大项目，而是守着一片海，把养殖技术、收购渠道和冷链运输"
             "一样一样补齐，养殖户心里有了底，才敢把更多的苗放下海。小产业做久了，也能撑起一个镇的日子。",
             "当然，成绩只代表过去。海上养殖看天吃饭，一场台风就可能让一年的辛苦打水漂；收购价涨了，也要防着一哄而上、"
             "价格跳水。如何买好保险、稳住销路、守住海水的质量，仍是摆在东澳面前的考题。期待这片海，明年还有好收成。"]
_LONG_COMMENT = ("https://opinion2.example.cn/pl/803.html", "东澳的一片海，养活了一个镇",
                 "\n".join([_LONG_OWN[0], _HARVEST, *_LONG_OWN[1:]]))
_LONG_LABELLED = ("https://opinion2.example.cn/pl/804.html", "时评｜守着一片海的耐心",
                  "\n".join(["头茬龙须菜上岸，价钱比去年好，这是海边人最爱听的消息。", _HARVEST,
                             "一个镇子靠一片海过日子，最怕的是今天种这个、明天养那个。东澳二十年只做龙须菜，从育苗到收购一环扣一环，"
                             "外地客商认这个牌子，本地人也愿意留下来。这份耐心，比任何一份规划都管用。",
                             "说到底，特色产业拼的不是起步快，而是走得远。价格好的时候不盲目扩张，价格差的时候不轻易放弃，"
                             "沿海不少乡镇都可以从东澳的经验里找到自己的答案。"]))

_LESSON = ("https://opinion.example.cn/pl/805.html", "一茬龙须菜里的发展之道",
           "\n".join(["一片海上的头茬采收，折射出的是沿海乡镇这些年摸索出来的发展路径。", _HARVEST,
                      "东澳的做法启示我们：特色产业不在大，而在长久，一茬一茬接着干才有好日子。"]))


def test_a_labelled_commentary_opening_with_its_attribution_only_stays_apart(tmp_path):
    brief, portal, wechat, comment = _stories(tmp_path, [_BRIEF, _PORTAL, _WECHAT, _COMMENT])
    assert brief == portal == wechat != comment
    (tmp_path / "b").mkdir()
    comment, brief, wechat = _stories(tmp_path / "b", [_COMMENT, _BRIEF, _WECHAT])
    assert brief == wechat != comment


def test_a_labelled_follow_up_with_a_short_first_line_stays_apart(tmp_path):
    brief, wechat, follow = _stories(tmp_path, [_BRIEF, _WECHAT, _FOLLOW])
    assert brief == wechat != follow
    (tmp_path / "b").mkdir()
    follow, portal = _stories(tmp_path / "b", [_FOLLOW, _PORTAL])
    assert follow != portal


def test_a_labelled_commentary_quoting_two_paragraphs_of_a_story_stays_apart(tmp_path):
    story, copy, comment = _stories(tmp_path, [_REEF_STORY, _REEF_COPY, _REEF_COMMENT])
    assert story == copy != comment
    (tmp_path / "b").mkdir()
    comment, story = _stories(tmp_path / "b", [_REEF_COMMENT, _REEF_STORY])
    assert comment != story


def test_a_commentary_giving_a_short_story_whole_among_paragraphs_of_its_own_stays_apart(tmp_path):
    brief, wechat, comment, labelled = _stories(tmp_path, [_BRIEF, _WECHAT, _LONG_COMMENT, _LONG_LABELLED])
    assert brief == wechat
    assert len({brief, comment, labelled}) == 3
    (tmp_path / "b").mkdir()
    comment, brief = _stories(tmp_path / "b", [_LONG_COMMENT, _BRIEF])
    assert comment != brief


def test_a_commentary_drawing_a_lesson_without_naming_a_report_stays_apart(tmp_path):
    brief, wechat, lesson = _stories(tmp_path, [_BRIEF, _WECHAT, _LESSON])
    assert brief == wechat != lesson
    (tmp_path / "b").mkdir()
    lesson, wechat, brief = _stories(tmp_path / "b", [_LESSON, _WECHAT, _BRIEF])
    assert wechat == brief != lesson


def test_conversions_that_change_words_still_fold(tmp_path):
    text = ("县里新上线的政务服务软件整合了社保、医保和不动产登记等八十多项业务，群众在手机上就能查询办理进度，"
            "相关信息实时推送。\n县数据中心介绍，软件上线一个月，注册用户已超过三万人，网上办件量占到全部办件的四成，"
            "下一步还将接入公积金和户籍业务，并在乡镇便民服务中心设置自助终端，方便不会用手机的老人。")
    title = "县政务服务软件上线一月注册用户超三万"
    items = [("https://county.example.cn/xw/990.html", title, text)]
    for name in ("s2tw", "s2hk", "s2twp"):
        conv = opencc.OpenCC(name)
        items.append((f"https://{name}.example.com/990", conv.convert(title), conv.convert(text)))
    assert "軟體" in items[-1][2] and "資訊" in items[-1][2]
    assert len(set(_stories(tmp_path, items))) == 1
