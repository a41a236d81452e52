"""Story folding of mirrors that write a story in odd variant characters (fold-18).

Spam mirrors convert a mainland story to traditional script with a converter that picks rare variant
forms of common characters: 辳 for 農, 鄕 for 鄉, 躰騐 for 體驗, 儅 for 當, 蓡 for 參, 縂 for 總, 郃 for 合
(a real page of the fold-18 set, a 中新社 story, is written so). No OpenCC table knows those forms, so
the fingerprint text keeps them; each leaves a one-character gap in what the texts share, and where the
story names a place (畲族乡, 乡建乡创) the two passages stand in each other's place, one read as a
name. On main such a mirror was taken for a release from one template for another place (`_renamed`)
and started a story of its own. A passage holding a character no simplified text writes (outside
GB2312) where the other text holds a common one, character for character, is a converter's variant,
not another name. Releases from one template for two places (names in common characters) still part.
"""

from __future__ import annotations

import importlib

import opencc
from test_fold_edges import _stories
from test_fold_names import _URLS, OTHER_COUNTY, RELEASE

ingest = importlib.import_module("monitor.pipeline.ingest")  # (the package exports a function of that name)

_STORY = [
    "本网讯 秋分前后，梅岭畲族乡在山下的稻田边举办第三届丰收节，来自周边八个村的种粮大户带着稻谷、茶油、笋干"
    "前来展销，现场还组织了挑粮接力、稻田捉鸭等趣味比赛，吸引游客一千余人次。",
    "梅岭畲族乡党委负责人介绍，这几年村里引进了烘干设备和小型收割机，种粮大户的稻谷从收割到入库只要三天，"
    "价格也比往年高出一成。丰收节上，来自台湾的乡建乡创团队还与村里签下茶油加工和有机稻种植两个项目，总投资三千二百万元。",
    "前来游玩的游客说，山里的梯田和古厝让人印象深刻，下次还要带家人来看看。活动负责人表示，今后每年秋分"
    "都将举办丰收节，把它做成当地旅游的一张名片。",
]
STORY = "\n".join(_STORY)
# the mirror's converter: traditional script with odd variant forms of common characters
_ODD = str.maketrans({"農": "辳", "鄉": "鄕", "體": "躰", "驗": "騐", "當": "儅", "參": "蓡", "總": "縂", "合": "郃",
                      "為": "爲", "處": "処", "留": "畱", "舉": "擧"})


def _odd(text: str) -> str:
    return opencc.OpenCC("s2t").convert(text).translate(_ODD)


def test_a_mirror_in_odd_variant_characters_folds_with_its_story(tmp_path):
    mirror = _odd(STORY)
    assert "鄕" in mirror and "擧" in mirror and "儅" in mirror
    items = [("https://news.example.cn/a/1.html", "梅岭畲族乡举办丰收节", STORY),
             ("http://spam.example.com/tee/8f3a.html", _odd("梅岭畲族乡举办丰收节"), mirror)]
    for n, order in enumerate(((0, 1), (1, 0))):
        (where := tmp_path / str(n)).mkdir()
        first, second = _stories(where, [items[i] for i in order])
        assert first == second, order


def test_a_variant_is_no_name_but_another_name_is():
    assert ingest._variant("乡建乡", "鄕建鄕") and ingest._variant("合实验", "郃实騐")
    assert ingest._variant("畲族乡", "佘族鄕")  # a place's name garbled, one character a variant
    assert not ingest._variant("清溪", "安平") and not ingest._variant("松岭镇", "柳塘镇")
    assert not ingest._variant("梅岭", "鄕")  # not character for character


def test_releases_from_one_template_for_two_places_still_part(tmp_path):
    first, second = _stories(tmp_path, [(_URLS[0], "松岭镇便民服务站提质", RELEASE),
                                        (_URLS[1], "柳塘镇便民服务站提质", OTHER_COUNTY)])
    assert first != second
