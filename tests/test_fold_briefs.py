"""Story folding of a portal's lead-only brief of a story (fold-18).

Portals summarise a story by its first paragraph alone, often cut with an ellipsis and followed by a
source line: a copy of 50 to 80 characters. The opening's LSH key (`dedup.LEAD`) is what finds such a
copy (it shares a few of the story's shingles; bands and anchors find it by chance), but only texts of
2 x LEAD characters or more had one: a brief under 80 characters was found only when one of its anchors
happened to be among the story's. Met in one import with its story (a batch, as `monitor import` and a
poll store them), such a brief started a story of its own. Every text longer than its opening now has
the key; containment and the opening check still decide (two short notices that open alike stay apart).
"""

from __future__ import annotations

import opencc
from test_fold_edges import _stories

from monitor import dedup, scriptfold

_STORY = [
    "6月23日上午，“山海协作·百村行”主题宣传活动启动仪式在青岚县云溪乡的古茶道举行，全市各县融媒体记者和基层干部代表参加。",
    "为展示全市走好山区乡村振兴之路的探索实践，市委组织部、市委宣传部决定开展这次主题宣传活动，"
    "组织各县融媒体中心记者分赴一百个乡镇、一千个村，记录基层干部群众干事创业的新风貌。",
    "启动仪式上，参会领导分别致辞，市报社融媒体中心接过活动旗帜，正式开启主题宣传。随后，大家在古茶道上"
    "以喝擂茶、背竹篓等当地特有的方式，启动首站“走进云溪”活动。",
    "云溪乡是青岚县通往沿海的东大门。古茶道曾是山里与沿海贸易的重要纽带，山里的茶叶、笋干从这里挑往海边，"
    "沿海的食盐、海产也经这里挑进山里，鼎盛时道旁有八家茶行。",
    "据了解，此次活动为期三个月，采访团将走进茶园、果园、渔港和村级便民服务站，用文字、图片和短视频讲述"
    "村里的新变化。各县还将把采访中发现的好做法整理成册，供其他乡村学习借鉴。",
    "活动主办方表示，欢迎广大读者提供线索，一起寻找身边的乡村振兴故事。采访团每到一地，都会在当地的融媒体平台"
    "开设专栏，及时推送报道，让更多人了解山区乡村的发展变化。",
]
STORY = "\n".join(_STORY)
BRIEF = _STORY[0] + "……\n（来源：某某日报）"
OTHER = "6月23日上午，“山海协作·百村行”主题宣传活动启动仪式在青岚县云溪乡的古茶道举行，可惜当天下起了大雨，仪式改在乡政府礼堂进行。"


def test_a_lead_only_brief_folds_with_its_story_in_one_import(tmp_path):
    text = "".join(scriptfold.fingerprint_text(BRIEF).split())
    assert dedup.LEAD < len(text) < 2 * dedup.LEAD  # a brief: longer than its opening, shorter than twice it
    items = [("https://paper.example.cn/content/1.html", "“山海协作·百村行”主题宣传活动启动", STORY),
             ("https://www.portal.example.cn/brief/1.html", "“山海协作·百村行”主题宣传活动启动", BRIEF)]
    for n, order in enumerate(((0, 1), (1, 0))):
        (where := tmp_path / str(n)).mkdir()
        first, second = _stories(where, [items[i] for i in order])
        assert first == second, order


def test_a_short_text_has_its_openings_key_and_a_text_no_longer_than_it_has_none():
    assert dedup.fingerprint(scriptfold.fingerprint_text(BRIEF)).lead is not None
    assert dedup.fingerprint("一" * dedup.LEAD).lead is None  # its opening is all of it: the bands find it


def test_two_short_notices_opening_alike_stay_apart(tmp_path):
    first, second = _stories(tmp_path, [("https://a.example.cn/1.html", "启动仪式举行", BRIEF),
                                        ("https://b.example.cn/2.html", "启动仪式改在礼堂", OTHER)])
    assert first != second


def test_a_brief_met_first_joins_the_story_its_full_copies_started(tmp_path):
    # the brief starts a story; a WeChat copy (its own intro: another opening) finds nothing of it and
    # starts another; the story's own text, a copy of the WeChat one, used to settle there at once
    wechat = "\n".join(["小编今天给大家分享一条来自山里的好消息，一起来看看吧！", STORY,
                        "你怎么看？欢迎在评论区留言，喜欢就点个赞再走吧！"])
    brief, copy, story = _stories(tmp_path, [
        ("https://www.portal.example.cn/brief/1.html", "“山海协作·百村行”主题宣传活动启动", BRIEF),
        ("https://mp.weixin.qq.com/s/abc", "好消息！云溪又火了", wechat),
        ("https://paper.example.cn/content/1.html", "“山海协作·百村行”主题宣传活动启动", STORY)])
    assert brief == copy == story


# Two write-ups of one event that open with the same sentence: the county's release and an agency's
# report (its dateline, then the release's lead, then paragraphs of its own). A brief of that lead
# joins the release's story; a copy of the agency's report that settles on the report's story holds
# the brief too, but the brief's story also holds the release, which the report does not: it stays.
_LEAD = ("福建安溪祥华乡佛耳山省级森林公园内，千亩杜鹃竞相绽放，茶香与花香交织成春日盛宴，第三届佛耳山杜鹃花季"
         "暨茶乡文化主题活动在此拉开帷幕。")
_RELEASE = "\n".join([
    _LEAD,
    "活动由县委宣传部、祥华乡人民政府、桃舟乡人民政府等二十余家单位联合主办，吸引了千余名游客、茶企代表、"
    "文化学者及媒体人士齐聚。启动仪式在原创歌舞《铁观音》中启幕，舞者手持斗笠，以灵动身姿演绎采茶、制茶的传统技艺。",
    "祥华乡党委书记表示，将立足本土，与桃舟乡共筑生态文化长廊，让佛耳山的茶香与桃舟的生态共谱乡村振兴新乐章。"
    "现场，两乡联合发布主题伴手礼礼盒，春茶产销及招商签约仪式同步举行，签约总额突破一千万元。"])
_REPORT = "\n".join([
    "中新网福建安溪4月16日电 " + _LEAD,
    "活动现场设置的山野好物集市前人头攒动，铁观音、野山蜜、杜鹃花糕点、菌菇干货等土特产备受青睐。花漾拓染"
    "体验区成为亲子家庭的热门打卡点，孩子们将新鲜杜鹃花瓣拓印在麻布包与漆扇上，创作出独一无二的春日纪念品。",
    "茶文化体验区内，制茶大师身着传统服饰，现场冲泡清香型铁观音与传统铁观音，讲解两地制茶工艺的差异。"
    "副县长在活动上表示，安溪将持续擦亮茶文化名片，推动茶旅融合，带动山区群众增收致富。",
    "据了解，今年以来安溪已举办各类茶旅活动三十余场，接待游客超过二百万人次，茶园观光、制茶体验、"
    "茶宿民宿等新业态不断涌现，成为乡村振兴的新引擎。"])


def test_a_brief_two_write_ups_share_does_not_merge_their_stories(tmp_path):
    brief = _LEAD + "……"
    wechat = "\n".join(["小编分享一条好消息。", _REPORT.replace("中新网福建安溪4月16日电 ", ""), "喜欢就点个赞吧！"])
    release, brief_story, copy, report = _stories(tmp_path, [
        ("https://ax.example.gov.cn/xw/1.html", "第三届佛耳山杜鹃花季启幕", _RELEASE),
        ("https://www.portal.example.cn/brief/2.html", "佛耳山杜鹃花季启幕", brief),
        ("https://mp.weixin.qq.com/s/def", "茶乡的春天，美翻了！", wechat),
        ("https://www.portal2.example.com/2.shtml", "茶乡安溪迎佛耳山杜鹃花季", _REPORT.replace("中新网福建安溪4月16日电 ", ""))])
    assert release == brief_story != copy == report


# A lead of clauses that runs into an ellipsis, with no full stop: the story's first paragraph all the
# same. On main it was no sentence line (`dedup.story_lines`), so the story's fingerprint left it out
# while a brief of it (the lead alone, every line without a full stop) kept it: the two shared nothing.
_RUN_ON = [
    "今天上午，梅岭乡高田村的广场上热闹不已，一系列融汇乡景、乡味、乡韵、乡情元素的文化旅游活动在这里开展，"
    "近百名跑步爱好者欢聚梅岭，以跑步的方式走进乡村，领略古厝风情、绿水青山，共享独特美食……",
    "上午9时，跑步爱好者们纷至沓来，排队签到、领取装备，现场秩序井然。9时30分，随着欢快动感的旋律响起，"
    "精彩的开场舞表演瞬间点燃现场气氛，拉开了此次活动的序幕。",
    "此次长跑路程往返约10公里，从主会场出发，途经湿地公园，到达纪念碑后折返，原路返回主会场。路线主要经过"
    "高田村和三凌村两个村庄，沿途可以观赏乡村景点和自然风光。",
    "“我是第一次参加长跑活动，感觉这里空气很清新，农产品也很有特色。”一位跑者说。活动主办方表示，今后将每年"
    "举办一届，把乡村跑打造成当地文旅的品牌活动。",
]


def test_a_lead_running_into_an_ellipsis_is_the_storys_and_its_brief_folds(tmp_path):
    assert dedup.sentence(_RUN_ON[0]) and not dedup.sentence("首页 > 新闻中心 > 正文")
    story = "\n".join(_RUN_ON)
    brief = "\n".join([opencc.OpenCC("s2hk").convert(_RUN_ON[0]), "（來源：某某發布）"])
    first, second = _stories(tmp_path, [("https://nanan.example.cn/1.html", "梅岭这里好热闹", story),
                                        ("https://hk.example.com/n/1", "梅嶺這裏好熱鬧", brief)])
    assert first == second
