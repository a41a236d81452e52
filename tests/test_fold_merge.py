"""Story folding of a story's pages met before its whole copy, and of long texts holding a part
of a story among text of their own (fold-7).

A paged article arrives as two pages, each half of the story, sharing nothing: each starts a
story. The whole copy that comes later holds both, so the two stories are one and are merged
into the older. A text that holds one of those pages whole between an opening and a closing of
its own (a retrospective quoting most of the story, a weekly digest) frames the page like a
repost would, but it leaves out what the story's whole copy has: it quotes the story, and
joins it through none of its texts."""

from __future__ import annotations

from test_dedup import _opened
from test_fold_edges import _stories

from monitor.models import Article
from monitor.pipeline import Context
from monitor.pipeline.ingest import ingest_many

_STORY = [
    "清溪县今年春天招募的河道志愿巡护队已经有三百二十名队员，他们每周分两班沿清溪干流和六条支流步行巡查，"
    "发现乱倒垃圾、私设网箱和排污口异常，就用手机拍照上传到县里的河长制平台。",
    "巡护队的队员大多是沿河村庄的村民，也有退休教师和返乡的大学生。县水利局为每人配发了救生衣、反光背心和一根测水深的标杆，"
    "还请消防队员讲了两次溺水救援课。",
    "队长林秀英说，刚开始村里有人不理解，觉得这是多管闲事。后来大家看到上报的问题几天内就有人来处理，"
    "河边的垃圾堆一处处消失，愿意报名的人反而多了起来。",
    "县河长办的数据显示，平台开通半年来共收到巡护队上报的问题一千零四十六条，已经办结九百八十三条，"
    "其中拆除废弃网箱一百一十二处，封堵私设排污口十七个。",
    "今年夏天的两场暴雨期间，巡护队提前把水位上涨的消息报给了沿岸的三所小学和两个养殖场，"
    "帮助转移了四百多头生猪，没有出现人员伤亡。",
    "县里计划明年把巡护范围扩大到全部二十四条小流域，并和邻县的巡护队约定每季度开展一次联合巡河，"
    "上下游的问题一起发现、一起处理。",
]
STORY = "\n".join(_STORY)
PAGE_1, PAGE_2 = "\n".join(_STORY[:3]), "\n".join(_STORY[3:])
_URLS = ("https://river.example.cn/a/1.html", "https://river.example.cn/a/1_2.html", "https://mirror.example.com/77")


def test_a_story_whose_two_pages_came_first_is_one_story_once_its_whole_copy_comes(tmp_path):
    items = [(_URLS[0], "清溪河上的志愿巡护队", PAGE_1), (_URLS[1], "清溪河上的志愿巡护队(2)", PAGE_2),
             (_URLS[2], "三百二十名村民守护一条河", STORY)]
    first, second, whole = _stories(tmp_path, items)
    assert first == second == whole  # the older story keeps its id
    _cfg, store = _opened(tmp_path)
    try:  # the merged story's row is gone; the kept one starts with its first article
        assert store.db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
        row = store.db.execute("SELECT first_article_id FROM stories").fetchone()
        assert row[0] == store.db.execute("SELECT min(id) FROM articles").fetchone()[0]
    finally:
        store.close()


def test_the_pages_merge_in_one_batch_and_across_batches(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        ctx = Context(cfg, store)
        pages = [(Article(url=u, title="巡护队", paragraphs=tuple(b.split("\n"))), "s", None)
                 for u, b in zip(_URLS[:2], (PAGE_1, PAGE_2), strict=True)]
        ingest_many(ctx, pages)  # stored: two stories
        whole = ingest_many(ctx, [(Article(url=_URLS[2], title="巡护队", paragraphs=tuple(_STORY)), "s", None)])[0]
        assert whole.status == "repost"
        assert {r[0] for r in store.db.execute("SELECT story_id FROM articles")} == {whole.story_id}
    finally:
        store.close()


_OWN_OPEN = "【年终回访】今年三月，清溪县招募村民巡护河道的消息曾在本地引起不小的讨论。当时的报道这样写道："
_OWN_CLOSE = ("几个月后记者再去回访，巡护队已经换上了统一的无人机巡查设备，但也有队员说，年轻人外出打工的多，"
              "巡护的班次越来越难排满，县里正在考虑给队员发放交通补贴。")


def test_a_retrospective_quoting_most_of_a_story_joins_it_through_none_of_its_pages(tmp_path):
    # the paragraphs it leaves out are the story's: its copies agree on them
    retro = ("https://review.example.com/9", "年终回访：巡护队", "\n".join([_OWN_OPEN, *_STORY[:4], _OWN_CLOSE]))
    copy = ("https://wx.example.com/s/5", "巡护队", "\n".join([_WX_OPEN, STORY, _WX_CLOSE]))
    story, page, repost, quoting = _stories(tmp_path, [(_URLS[2], "巡护队", STORY), (_URLS[0], "巡护队", PAGE_1),
                                                       copy, retro])
    assert story == page == repost != quoting


_WX_OPEN = "各位读者大家好！今天和大家分享一条身边的暖心消息：一群普通村民，自发守护家门口的一条河。"
_LEAD = "保护一条河，光靠几块警示牌远远不够。在清溪县，有一群人把巡河变成了每周的固定功课，下面这篇报道讲的就是他们。"
_WX_CLOSE = "你的家乡也有这样的志愿者吗？欢迎在留言区说说他们的故事，觉得有用就点个在看吧。"


def test_a_repost_framing_the_story_joins_it_beside_a_repost_with_a_lead_of_its_own(tmp_path):
    # the account's opening and closing are around the whole story; the lead the other repost
    # added is that repost's own, no text of the story left out
    items = [(_URLS[2], "巡护队", STORY), (_URLS[0], "巡护队", PAGE_1),
             ("https://m.example.com/2", "一条河和三百二十个守护者", "\n".join([_LEAD, STORY])),
             ("https://wx.example.com/s/6", "巡护队", "\n".join([_WX_OPEN, STORY, _WX_CLOSE]))]
    assert len(set(_stories(tmp_path, items))) == 1


_OTHERS = [
    "【城西菜市场改造完工】改造后的城西菜市场增加了一百二十个摊位，市场顶棚全部换成透光材料，"
    "地面铺设防滑砖，场内还设了公平秤和农残快检室，摊主的租金三年内不上涨。",
    "【县医院开通夜间门诊】从下个月起，县医院每天晚上六点到九点开放内科、儿科和皮肤科门诊，"
    "方便上班族下班后看病，夜间门诊的挂号费与白天相同，医保也可以照常结算。",
    "【老年大学秋季班开始报名】老年大学今年秋季开设书法、摄影、智能手机使用等二十三个班，"
    "六十岁以上的县内居民都可以报名，每人最多选两门课，学费全免。",
]


def test_a_digest_holding_a_page_of_a_story_among_others_joins_none(tmp_path):
    digest = ("https://weekly.example.cn/week", "周末读报",
              "\n".join([_OTHERS[0], "【清溪河上的志愿巡护队】", *_STORY[:3], *_OTHERS[1:]]))
    copy = ("https://wx.example.com/s/5", "巡护队", "\n".join([_WX_OPEN, STORY, _WX_CLOSE]))
    story, page, repost, weekly = _stories(tmp_path, [(_URLS[2], "巡护队", STORY), (_URLS[0], "巡护队", PAGE_1), copy,
                                                      digest])
    assert story == page == repost != weekly
    # met first, the digest and the story both hold the page, which joins the story
    (tmp_path / "later").mkdir()
    weekly, story, repost, page = _stories(tmp_path / "later", [digest, (_URLS[2], "巡护队", STORY), copy,
                                                                (_URLS[0], "巡护队", PAGE_1)])
    assert story == repost == page != weekly


def test_a_digest_holding_pages_of_two_stories_merges_neither(tmp_path):
    other = [
        "城东的社区食堂上个月开门以来，每天中午接待一百五十多位老人，一荤两素一汤只要十二元，"
        "八十岁以上的老人再减三元，行动不便的老人可以由网格员送餐上门。",
        "食堂由街道提供场地，一家本地餐饮企业负责运营，菜单每周在社区公告栏和业主群里公布，"
        "老人可以提前一天预订，也可以直接到窗口点餐。",
        "街道还在食堂旁边开了一间健康小屋，每周二、周四有社区医生坐诊，给老人量血压、测血糖，"
        "建立健康档案，发现异常就联系家属和签约医生。",
    ]
    digest = ("https://weekly.example.cn/w2", "周末读报",
              "\n".join([_OTHERS[0], *_STORY[:3], *other, *_OTHERS[1:]]))
    a, b, weekly = _stories(tmp_path, [(_URLS[0], "巡护队", PAGE_1), ("https://canteen.example.cn/1", "社区食堂", "\n".join(other)),
                                       digest])
    assert len({a, b, weekly}) == 3


def test_a_page_rounding_up_the_news_is_the_story_of_no_text_it_holds(tmp_path):
    # its title says it rounds up the week: a story's first page among its items is one item,
    # however large a part of the page it is (the rule held only for a part under a third)
    digest = ("https://weekly.example.cn/w3", "一周要闻", "\n".join([_OTHERS[0], *_STORY[:3], *_OTHERS[1:]]))
    page, weekly = _stories(tmp_path, [(_URLS[0], "巡护队", PAGE_1), digest])
    assert page != weekly


def test_a_merged_story_counts_as_delivered_when_a_part_of_it_was(tmp_path):
    # the reader has seen the first page: the story its whole copy made is not sent again, and
    # the gone story's id is not left with a delivery record for a later story to take
    _cfg, store = _opened(tmp_path)
    try:
        add = lambda url, body, story=None: store.add_article(  # noqa: E731
            Article(url=url, title="巡护队", paragraphs=(body,)), source="s", canonical_url=url,
            content_hash=url, story_id=story)
        _, kept = add(_URLS[0], PAGE_1)
        _, gone = add(_URLS[1], PAGE_2)
        store.record_delivery("reader", "email", [gone])
        store.merge_stories(kept, [gone])
        rows = store.db.execute("SELECT story_id FROM deliveries").fetchall()
        assert [r[0] for r in rows] == [kept]
        assert {r[0] for r in store.db.execute("SELECT story_id FROM articles")} == {kept}
    finally:
        store.close()


_OTHER = ("城东街道的社区食堂上个月开始给独居老人送餐上门，志愿者每天中午骑电动车把热饭送到四十多户人家，"
          "顺便看看老人身体怎么样、家里缺不缺东西。\n"
          "食堂负责人说，送餐的费用由街道和爱心企业分担，老人只需付一份堂食的钱；遇到下雨天，"
          "社区网格员也会帮着一起送，保证饭菜不凉。")


def test_a_story_started_after_a_merge_keeps_its_own_reposts(tmp_path):
    # The merged story's row goes; a story started next may be given its id again (SQLite gives
    # the largest id plus one), and a repost of that new story must join it, not the story the
    # old id was merged into.
    items = [(_URLS[0], "巡护队", PAGE_1), (_URLS[1], "巡护队(2)", PAGE_2), (_URLS[2], "巡护队", STORY),
             ("https://meal.example.cn/1", "社区食堂送餐上门", _OTHER),
             ("https://wx.example.com/s/8", "暖心！热饭送到家门口",
              "家门口的暖心事，一起来看看吧。\n" + _OTHER + "\n你们社区有这样的食堂吗？欢迎留言告诉我们。")]
    first, second, whole, other, repost = _stories(tmp_path, items)
    assert first == second == whole != other
    assert repost == other


_MARKET = [
    "镇上的老农贸市场改造完工后重新开门，原来坑洼积水的地面铺上了防滑地砖，摊位按蔬菜、水产、肉禽和熟食分了区，"
    "每个摊位上方都挂着电子秤的检定标签和摊主的联系电话。",
    "市场管理方说，改造期间临时安置的六十多户摊主全部回到了原来的位置，摊位费三年内不涨，"
    "新装的排水沟和通风扇让水产区再也闻不到以前那股腥味。",
    "来买菜的居民王阿姨说，以前下雨天不敢穿布鞋进市场，现在干干净净的，连孙子都愿意跟着来。"
    "她最满意的是熟食区装了玻璃罩，看着放心。",
    "镇里计划明年再改造两个村级集贸点，并在市场门口增设非机动车停放区，解决早市时段道路拥堵的问题。",
]
_LIBRARY = ("县图书馆的流动书车从这个月起每周进一次山区小学，每次带去三百多本新书，孩子们可以借两周再换。"
            "书车上还配了投影仪，管理员会给低年级的孩子放绘本动画、讲故事。\n"
            "图书馆馆长说，流动书车的路线覆盖了全县二十一所村小，明年还准备增加一辆，专门服务养老院和村里的农家书屋。")


def test_a_digest_opening_with_one_storys_page_and_quoting_anothers_joins_neither(tmp_path):
    # Its title says nothing of a round-up. It opens with the river story's first page whole
    # (like a repost with a long note after it) and holds the market story's first page in the
    # middle, leaving out what that story's other texts have: texts of two stories, one of them
    # quoted, make a compilation, not a copy of the first.
    digest = "\n".join(["【清溪河上的志愿巡护队】", PAGE_1, "【老农贸市场焕然一新】", *_MARKET[:2],
                        "【流动书车开进山区小学】", _LIBRARY])
    items = [(_URLS[0], "清溪河上的志愿巡护队", PAGE_1), (_URLS[1], "清溪河上的志愿巡护队(2)", PAGE_2),
             (_URLS[2], "三百二十名村民守护一条河", STORY),
             ("https://town.example.cn/m/1.html", "老农贸市场焕然一新", "\n".join(_MARKET[:2])),
             ("https://town.example.cn/m/1_2.html", "老农贸市场焕然一新(2)", "\n".join(_MARKET[2:])),
             ("https://news.example.com/market", "老农贸市场改造完工", "\n".join(_MARKET)),
             ("https://wx.example.com/s/12", "菜市场变样了", "\n".join(["街坊们，好消息来了，一起看看吧。", *_MARKET,
                                                                     "你家附近的菜市场改造了吗？欢迎留言。"])),
             ("https://weekly.example.com/45", "本周八闽", digest)]
    river, _, _, market, _, _, _, week = _stories(tmp_path, items)
    assert week not in (river, market)


_DAYCARE = ("村里的托育点今年秋天开班，收了十八个两三岁的孩子，白天由两名持证保育员照看，"
            "家长早上送来、傍晚接走，每月只交伙食费。\n"
            "托育点设在闲置的村小教室里，县妇幼保健院的医生每月来一次，给孩子们量身高体重、查视力，"
            "还教家长怎么做辅食。")


def _weekly() -> str:
    return "\n".join(["【老农贸市场焕然一新】", *_MARKET[:2], "【村里有了托育点】", _DAYCARE,
                      "【流动书车开进山区小学】", _LIBRARY])


def test_a_digest_met_before_its_items_takes_none_of_their_stories(tmp_path):
    # Reversed order: the weekly page comes first; then an item's own story, which is one of its
    # sections (between two of its headings), and that story's repost. The story is not the
    # digest's, and its copies follow the story.
    framed = "\n".join(["好消息！", _DAYCARE, "你们村有托育点吗？欢迎留言告诉我们。"])
    week, daycare, repost = _stories(tmp_path, [("https://weekly.example.com/46", "本周八闽", _weekly()),
                                                 ("https://village.example.cn/t/1.html", "村里有了托育点", _DAYCARE),
                                                 ("https://wx.example.com/s/13", "家门口的托育点", framed)])
    assert daycare == repost != week


def test_a_storys_opening_under_its_subheadings_still_joins_it(tmp_path):
    # A story with subheadings: its lead paragraph is the text before the first of them (no
    # heading above it), as a lead-only copy has it: the copy joins the story met before.
    story = "\n".join([_MARKET[0], "摊位分区更清楚", _MARKET[1], "居民买菜更放心", _MARKET[2], "明年还有新计划", _MARKET[3]])
    whole, lead = _stories(tmp_path, [("https://news.example.com/m2", "老农贸市场改造完工", story),
                                      ("https://m.example.com/m2", "农贸市场改造", "\n".join(_MARKET[:2]))])
    assert whole == lead


def test_a_copy_framed_by_short_lines_of_its_own_still_joins_its_story(tmp_path):
    # a WeChat copy: a line without a sentence above the story, credit lines under it; no page of
    # sections (its short lines head no paragraph but the story's first)
    framed = "\n".join(["点击上方蓝字关注我们", _DAYCARE, "编辑：小林", "审核：老周", "来源：县融媒体中心", "投稿邮箱：tg@example.cn"])
    for order, where in (((0, 1), "a"), ((1, 0), "b")):
        (tmp_path / where).mkdir()
        items = [("https://village.example.cn/t/1.html", "村里有了托育点", _DAYCARE),
                 ("https://wx.example.com/s/14", "托育点开班啦", framed)]
        first, second = _stories(tmp_path / where, [items[i] for i in order])
        assert first == second, order
