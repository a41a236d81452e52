"""Story folding of texts that quote a story and of summaries taken from its middle (fold-6).

A commentary or a follow-up quotes two paragraphs of a story between an opening and a closing
of its own: by its shingles it is a repost with an editor's note, but it is another article,
and joined to the story it drags in whatever else it resembles (a county's release from the
same template). A repost adds its own text at one edge (an editor's note, a retrospective's
introduction) or none, so text of its own at both edges of the shared passages, while the
other text has paragraphs the first left out, marks a quotation. A summary keeping three
paragraphs from the middle of a long story belongs to it, also when it arrives first."""

from __future__ import annotations

from test_fold_edges import _stories

from monitor import dedup, scriptfold

_STORY = [
    "东山县的流动图书车本月起增加到六辆，每周把图书送到全县四十二个村的文化活动室和三所寄宿制小学，"
    "村民凭身份证就能借书，一次最多可借五本，下一周图书车再来时归还。",
    "县图书馆馆长介绍，图书车的书目由各村报上来的需求单决定，种植技术、儿童绘本和养生保健类的书最受欢迎，"
    "每辆车每次出发前都会按村里的借阅记录调换三分之一的书，保证每次到村都有新面孔。",
    "在铜陵镇的渔港社区，图书车停在海产品加工厂门口，不少工人利用午休时间挑书。一位在厂里做了十年的女工说，"
    "以前想给孩子买课外书要跑到县城，现在下楼就能借，孩子每周都盼着图书车来。",
    "为了让老人也能用上图书车，馆里给每辆车配了一名志愿者，帮看不清字的老人读报，还教他们用手机听有声书，"
    "去年全县有一千多位老人在图书车上第一次用手机听完了一整本书。",
    "图书车还承担了农家书屋的补书任务。过去书屋的书多年不换，不少书落满灰尘，如今每个季度由图书车统一轮换，"
    "旧书集中消毒修补后再送往其他村，书屋的借阅量比前年翻了一番。",
    "县里还把图书车和乡村学校的阅读课结合起来，图书车到校那天，老师把阅读课搬到车旁，学生当场挑书、当场读，"
    "读完写一张小卡片贴在车厢的留言板上，留言板每个月评一次最受欢迎的推荐。",
    "县文旅局表示，明年计划再添两辆新能源图书车，并在车上加装自助借还设备，村民扫码就能借还，"
    "同时试点把图书车开进海岛上的两个渔村，让离岛的孩子也能按时借到书。",
    "据统计，流动图书车开通三年来，累计行驶二十多万公里，借出图书四十余万册次，办理借书证的村民超过两万人，"
    "全县人均年借阅量从不到一本提高到三本多。",
    "不少在外务工的年轻人也通过家人借书，有人在留言板上写道，图书车让村里的孩子和城里的孩子读上了一样的书，"
    "这是家乡最暖心的变化之一。",
    "图书车的司机大多是本地人，熟悉每个村的路况，遇到台风天就提前通知各村改期，"
    "雨季山路湿滑时则把车停在镇上，由村里的志愿者骑电动车把预约的书分送到户。",
]
STORY = "\n".join(_STORY)
_OPENING = "一辆装满图书的车每周开进村口，看似小事，却改变着乡村孩子的周末。报道里有几段话让人印象很深："
_CLOSING = "公共文化服务的关键不在场馆多气派，而在能不能走到群众身边，这种笨功夫值得更多地方学一学。"
COMMENTARY = "\n".join([_OPENING, *_STORY[2:5], _CLOSING])


_ITEMS = {
    "story": ("https://news.example.cn/bookmobile", "流动图书车开进四十二个村", STORY),
    "commentary": ("https://opinion.example.com/1", "把书送到家门口", COMMENTARY),
}


def test_a_commentary_quoting_three_paragraphs_stays_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    story, commentary = _stories(tmp_path / "a", [_ITEMS["story"], _ITEMS["commentary"]])
    assert story != commentary
    commentary, story = _stories(tmp_path / "b", [_ITEMS["commentary"], _ITEMS["story"]])
    assert story != commentary


def test_a_repost_with_text_of_its_own_at_one_edge_still_folds(tmp_path):
    # an editor's note before the story, a retrospective's introduction with a short closing
    # line, an editor's note before a summary of the middle paragraphs: each a repost
    note = "编者按：乡村的阅读条件怎样改善？本报今天转载这篇来自福建的报道，看看一辆图书车能给村里带来什么。"
    retro = "【回眸】今年春天的这篇报道，后来被许多读者转给了家乡的村干部。年终岁末，我们重新刊发全文。"
    items = [_ITEMS["story"],
             ("https://a.example.com/1", "一辆图书车的四十二个村", note + "\n" + STORY),
             ("https://b.example.com/2", "回眸：流动图书车", retro + "\n" + STORY + "\n（原文刊发于今年三月）"),
             ("https://c.example.com/3", "图书车进村", note + "\n" + "\n".join(_STORY[2:6]))]
    first, *reposts = _stories(tmp_path, items)
    assert reposts == [first] * 3


def test_a_summary_of_middle_paragraphs_met_before_its_story_folds(tmp_path):
    # three of ten paragraphs, a small part of the story (under a third of its shingles),
    # none of them its opening: a summary, not one item of a digest
    summary = ("https://digest.example.com/3", "【摘编】图书车进村", "\n".join(_STORY[3:6]))
    assert len(set(_stories(tmp_path, [summary, _ITEMS["story"]]))) == 1


def test_a_single_paragraph_met_before_the_story_still_stays_apart(tmp_path):
    # one paragraph from the middle: a digest's item looks the same (fold-5)
    one = ("https://digest.example.com/4", "一周文化", _STORY[4])
    assert len(set(_stories(tmp_path, [one, _ITEMS["story"]]))) == 2


def test_quotes_reads_own_text_at_both_edges():
    def fp(text):
        t = scriptfold.fingerprint_text(text)
        return t, dedup.fingerprint(t).grams
    story, commentary = fp(STORY), fp(COMMENTARY)
    assert dedup.quotes(*commentary, *story) and dedup.quotes(*story, *commentary)
    note = fp("编者按：乡村的阅读条件怎样改善？本报今天转载这篇来自福建的报道，看看一辆图书车能给村里带来什么。\n" + STORY)
    assert not dedup.quotes(*note, *story)
    # a whole story inside another text's opening and closing: a repost with a frame (nothing
    # of the story's own is left out)
    framed = fp(_OPENING + "\n" + STORY + "\n" + _CLOSING)
    assert not dedup.quotes(*framed, *story)
    # every paragraph lightly reworded: the reworded words are short gaps, not text of its own
    spun = fp(STORY.replace("介绍", "说明").replace("表示", "指出").replace("每周", "每个星期").replace("村民", "乡亲"))
    assert not dedup.quotes(*spun, *story)



_RELEASE = [
    "{county}今年新建的{n1}座村级光伏电站本月全部并网发电，总装机容量{n2}千瓦，预计每年可发电{n3}万千瓦时，"
    "为{n4}个村集体每年增加收入{n5}万元以上。",
    "电站大多建在村部、学校和卫生所的屋顶上，由县供电公司统一设计和运维，村里不用出钱出人，"
    "发电收益按月直接打到村集体的账户上，用途由村民代表大会讨论决定。",
    "在{town}的一个山村，村支书算了一笔账：过去村里一年的集体收入只够付水电费，现在有了这份稳定的收入，"
    "可以给留守老人办长者食堂，还能请人把通往茶园的机耕路修一修。",
    "县里还请了专业机构给每座电站装上远程监测设备，发电量和故障信息实时传到后台，出现异常时"
    "运维人员当天就能到场处理，村里的电工也接受了培训，能够做日常的清扫和巡查。",
    "有关负责人表示，下一步将把屋顶光伏和村里的冷库、烘干房结合起来，让农产品加工用上自家发的电，"
    "同时探索让农户以屋顶入股的办法，让更多群众分享绿色发展的收益。",
]


def _release(county: str, town: str, figures: tuple[int, ...]) -> str:
    n1, n2, n3, n4, n5 = figures
    return "\n".join(_RELEASE).format(county=county, town=town, n1=n1, n2=n2, n3=n3, n4=n4, n5=n5)


def test_a_release_from_the_same_template_stays_apart_through_a_page_without_figures(tmp_path):
    # The story, its second page (paragraphs without a figure: nothing to compare), then another
    # county's release from the same template with every figure changed: it holds the second
    # page, but the story's first page says its figures are others'.
    story = _release("南靖县", "书洋镇", (36, 5400, 580, 36, 12))
    page_two = "\n".join(story.split("\n")[2:])
    other = _release("华安县", "仙都镇", (21, 3150, 340, 21, 8))
    stories = _stories(tmp_path, [("https://news.example.cn/solar", "南靖村级光伏电站全部并网", story),
                                  ("https://news.example.cn/solar?page=2", "南靖村级光伏电站全部并网(2)", page_two),
                                  ("https://gov.example.cn/solar", "华安村级光伏电站全部并网", other)])
    assert stories[0] == stories[1] != stories[2]


def test_a_repost_keeping_the_figures_still_joins_through_a_page_without_them(tmp_path):
    story = _release("南靖县", "书洋镇", (36, 5400, 580, 36, 12))
    page_two = "\n".join(story.split("\n")[2:])
    repost = "据南靖县融媒体中心消息，" + story
    stories = _stories(tmp_path, [("https://news.example.cn/solar?page=2", "南靖光伏电站(2)", page_two),
                                  ("https://news.example.cn/solar", "南靖村级光伏电站全部并网", story),
                                  ("https://m.example.com/solar", "南靖光伏电站并网", repost)])
    assert stories[0] == stories[1] == stories[2]
