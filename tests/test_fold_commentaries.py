"""Story folding of commentaries that give a longer story whole (fold-17).

A four-paragraph story on a county's spring job fair, its copies, and texts about it that are no copies:
a commentary under a headline of its own that gives the story whole between paragraphs of its own which
speak of the news (这件事, 原文如下) but draw no lesson by the words fold-16 reads (启示, 折射, 借鉴 …), and
two labelled commentaries (评论｜, 时评：) each giving the story whole under a short frame of its own. On
main the first folded into the story (paragraphs of its own around a story of more than two paragraphs
were the rest of a longer story), and the two commentaries folded into each other (both labelled, so
neither was read as labelling itself against the other). Copies still fold: a WeChat copy with a long
intro and outro calling on its readers, a copy of a commentary that keeps its label, and an editor's
note that draws a lesson before the story given whole.
"""

from __future__ import annotations

from test_fold_edges import _stories

_FAIR = [
    "正月初九上午，青岭县新春招聘会在县体育中心举行，86家企业带来2300多个岗位，吸引了四千余名返乡务工人员和应届毕业生入场求职。"
    "县人社局介绍，这是今年春节后全县规模最大的一场招聘会。",
    "会场里，电子装配、竹木加工、物流配送等企业的展位前排起了长队。不少企业打出了包吃住、交社保、节后返岗奖励等条件，"
    "有的老板亲自坐在摊位后面，跟求职者面对面谈工资、谈班次。",
    "在广东干了八年模具的老周，这次在一家新落户县城的五金厂找到了技术员岗位。他说，工资比在外面少一点，但离家只有二十分钟车程，"
    "孩子上学、老人看病都能照应上，算下来并不吃亏。",
    "据统计，当天共有630多人与企业初步达成就业意向。县人社局表示，正月里还将在四个中心镇各办一场专场招聘会，"
    "并通过县融媒体中心的直播间滚动发布岗位信息。",
]
_STORY = ("https://qingling.example.cn/xw/301.html", "青岭县新春招聘会提供2300多个岗位", "\n".join(_FAIR))
_PORTAL = ("https://portal.example.com/n/301.shtml", "青岭县新春招聘会提供2300多个岗位", "\n".join(_FAIR) + "\n（责任编辑：吴某）")
_WECHAT = ("https://mp.example.com/s/q301", "家门口就能找工作，青岭这场招聘会火了",
           "\n".join(["家乡的朋友们，新年好！小编今天给大家带来一条实打实的好消息，正在找工作的朋友一定要看完。"
                      "过完年不想再出远门的，这里说不定就有适合你的岗位，一起来看看吧：", *_FAIR,
                      "你身边有没有过完年还在找工作的亲戚朋友？赶紧转发给他们吧！也欢迎在评论区留言，说说你今年打算在哪里上班，"
                      "小编会持续关注后面几场招聘会的时间地点，记得点个赞、设为星标，第一时间收到消息。"]))
_EDITOR = ("https://cityrb.example.cn/xw/377.html", "青岭县新春招聘会提供2300多个岗位",
           "\n".join(["编者按：青岭县日前举办的这场招聘会，折射出县域经济吸纳就业的潜力，对各地做好节后稳就业工作有借鉴意义。"
                      "现将全文转发，供参考。", *_FAIR]))

# a commentary under a headline of its own, paragraphs of its own around the story given whole, no lesson words
_OWN = ["青岭县这件事，这几天在不少人的朋友圈里传开了。有人说，看到这样的新闻，心里踏实。原文如下：",
        "细细想来，一场招聘会能聚起这么多人，并不稀奇。难得的是，县里这些年一家一家把企业引进来，一条一条把路修通，"
        "在外打拼的人才愿意回来看看，看了也愿意留下。家门口有活干，日子才过得安稳。",
        "当然，一场招聘会解决不了所有问题。岗位的工资能不能再高一点，技术工人的培训能不能跟上，留下来的年轻人有没有奔头，"
        "还得一件一件去落实。盼着青岭把这股热乎劲儿保持下去。"]
_COMMENT = ("https://opinion.example.cn/pl/302.html", "一场招聘会，留住了多少人",
            "\n".join([_OWN[0], *_FAIR, *_OWN[1:]]))
# the same with a shorter closing: a paragraph of its own after the story, under FRAME_MAX
_SHORT = ("https://opinion.example.cn/pl/305.html", "家门口的饭碗，端得稳吗",
          "\n".join(["青岭县这件事，这几天在不少人的朋友圈里传开了。有人说，看到这样的新闻，心里踏实。原文如下：", *_FAIR,
                     "一场招聘会能聚起这么多人，并不稀奇。难得的是，县里这些年一家一家把企业引进来，一条一条把路修通，"
                     "在外打拼的人才愿意回来看看，也愿意留下。盼着青岭把这股热乎劲儿保持下去。"]))

_VIEW_1 = "读罢这则消息，笔者以为，家门口的岗位多一个，外出的乡亲就少奔波一程，这样的招聘会多多益善。"
_VIEW_2 = "在评论员看来，稳住一个人的饭碗，就稳住了一个家。县城的岗位越多，留下的人心就越齐。"

# two labelled commentaries, each giving the story whole under a short frame of its own
_LABELLED_1 = ("https://opinion.example.cn/pl/303.html", "评论｜青岭县新春招聘会提供2300多个岗位",
               "\n".join(["据青岭日报报道：", *_FAIR, _VIEW_1]))
_LABELLED_2 = ("https://shiping.example.cn/sp/304.html", "时评：家门口的岗位多了",
               "\n".join(["青岭日报日前刊发了这样一则消息：", *_FAIR, _VIEW_2]))
# a copy of the first commentary that keeps its label
_LABELLED_1_COPY = ("https://portal.example.com/pl/303.shtml", "评论｜青岭县新春招聘会提供2300多个岗位",
                    "\n".join(["据青岭日报报道：", *_FAIR, _VIEW_1,
                               "（来源：某某评论网）"]))


def test_a_commentary_giving_a_longer_story_whole_among_paragraphs_of_its_own_stays_apart(tmp_path):
    story, portal, wechat, comment = _stories(tmp_path, [_STORY, _PORTAL, _WECHAT, _COMMENT])
    assert story == portal == wechat != comment
    (tmp_path / "b").mkdir()
    comment, wechat, story, portal = _stories(tmp_path / "b", [_COMMENT, _WECHAT, _STORY, _PORTAL])
    assert story == portal == wechat != comment
    (tmp_path / "c").mkdir()
    story, short, portal = _stories(tmp_path / "c", [_STORY, _SHORT, _PORTAL])
    assert story == portal != short


def test_two_labelled_commentaries_each_giving_the_story_whole_stay_apart(tmp_path):
    story, one, two, copy = _stories(tmp_path, [_STORY, _LABELLED_1, _LABELLED_2, _LABELLED_1_COPY])
    assert len({story, one, two}) == 3 and copy == one
    (tmp_path / "b").mkdir()
    two, one, copy, story = _stories(tmp_path / "b", [_LABELLED_2, _LABELLED_1, _LABELLED_1_COPY, _STORY])
    assert len({story, one, two}) == 3 and copy == one


def test_copies_with_long_frames_and_an_editors_note_drawing_a_lesson_still_fold(tmp_path):
    story, wechat, editor, portal = _stories(tmp_path, [_STORY, _WECHAT, _EDITOR, _PORTAL])
    assert story == wechat == editor == portal
    (tmp_path / "b").mkdir()
    editor, wechat, portal, story = _stories(tmp_path / "b", [_EDITOR, _WECHAT, _PORTAL, _STORY])
    assert story == wechat == editor == portal


# a commentary without a label: its attribution alone, the story whole, its author's view of the news
_UNLABELLED = ("https://opinion.example.cn/pl/306.html", "家门口的岗位多了",
               "\n".join(["据青岭日报报道：", *_FAIR, _VIEW_1]))


def test_a_commentary_without_a_label_giving_its_authors_view_stays_apart(tmp_path):
    story, comment, portal, wechat = _stories(tmp_path, [_STORY, _UNLABELLED, _PORTAL, _WECHAT])
    assert story == portal == wechat != comment
    (tmp_path / "b").mkdir()
    comment, story, portal = _stories(tmp_path / "b", [_UNLABELLED, _STORY, _PORTAL])
    assert story == portal != comment


def test_a_commentary_met_after_a_larger_copy_with_a_note_of_its_own_stays_apart(tmp_path):
    # the editor's-note copy is the larger text: the commentary's label or its author's view is in the smaller
    editor, labelled, unlabelled, story = _stories(tmp_path, [_EDITOR, _LABELLED_2, _UNLABELLED, _STORY])
    assert editor == story and len({editor, labelled, unlabelled}) == 3
