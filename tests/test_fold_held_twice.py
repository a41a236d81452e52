"""A copy holding one story's text twice over, through two stories its copies started (fold-29).

A portal's brief of a story's lead (its first sentences and an ellipsis) met before any fuller copy
starts a story; a copy that moved the story's last paragraph to the top under a headline of its own
(its lead no longer its opening) starts another, since the brief is no opening of it. A roundup
copy giving the whole story and then another report's paragraph holds a text of each: read as two
items of a digest, it joined neither the rotated copy's story (only the briefs', through
`_briefs`), and every later copy settled on the rotated copy: the story stayed split in two
(fold-28's "beihuan" in shuffled order). The brief is inside the rotated copy's text: the article
holds one story's text twice, not two items. A brief of another day's event from the same template stays apart.
"""

from __future__ import annotations

from test_fold_edges import _stories

_PARAS = [
    "12月3日上午，东湖街道社区卫生服务中心的医生走进柳岸小区，为居民开展免费义诊，送医送药到家门口。",
    "不到八点，小区广场上已经排起了长队。医生们摆好桌椅和血压计，为居民测量血压、血糖，询问平时的用药情况，"
    "并针对老人常见的慢性病逐一给出饮食和锻炼方面的建议，叮嘱大家冬季注意保暖，按时复查。",
    "活动中，医护人员还向居民发放了冬季防病手册和家庭急救常识卡片。七十六岁的王大爷在义诊后说：“医生上门来"
    "看病，不用挤公交去医院，排队也短，讲得又明白，这样的活动希望社区多办几次。”",
]
STORY = "\n".join(_PARAS)
TITLE = "东湖街道医生进小区义诊"
_OTHER = ("另据报道，西山镇中心小学12月2日举行冬季运动会，全校六百余名学生参加了跳绳、拔河和接力跑等十二个项目，"
          "家长志愿者在现场协助维持秩序，校医全程值守，运动会持续了一整天，三个年级的接力队打破了学校纪录。"
          "校长表示，学校今后每年冬季都将举办运动会，鼓励学生走出教室、走向操场，锻炼身体。")
_BRIEF = "".join(_PARAS)[:60] + "…"
_ROTATED = "\n".join([_PARAS[-1], *_PARAS[:-1]])


def test_a_roundup_copy_joins_the_rotated_copy_s_story_and_the_brief_s(tmp_path):
    items = [("https://www.rotated.example.cn/1.html", "探访：社区义诊背后的故事", _ROTATED),
             ("https://m.portal.example.com/2.html", TITLE, _BRIEF),
             ("https://news.roundup.example.com/3.html", TITLE + "等", STORY + "\n" + _OTHER),
             ("https://www.orig.example.gov.cn/4.html", TITLE, STORY)]
    ids = _stories(tmp_path, items)
    assert len(set(ids)) == 1, ids


def test_a_brief_of_another_day_s_event_from_the_same_template_stays_apart(tmp_path):
    # the brief opens like the story word for word but for its date and place: another event
    brief = _BRIEF.replace("12月3日", "12月10日").replace("柳岸小区", "桃园小区")
    items = [("https://www.rotated.example.cn/1.html", "探访：社区义诊背后的故事", _ROTATED),
             ("https://m.portal.example.com/2.html", TITLE, brief),
             ("https://news.roundup.example.com/3.html", TITLE + "等", STORY + "\n" + _OTHER),
             ("https://www.orig.example.gov.cn/4.html", TITLE, STORY)]
    ids = _stories(tmp_path, items)
    assert ids[0] == ids[2] == ids[3] != ids[1], ids
