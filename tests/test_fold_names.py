"""Story folding of template releases that differ only in names (fold-8).

A county office writes a release, and the next county publishes the same release with its own
county's and town's names in place (the province's notice naming seven counties, each county's
site saying "we are on the list"). No figure differs, so the figures check sees nothing; the
texts share nearly all their shingles. What tells them apart is what differs: passages that
stand in the same place in both texts, each a proper name (the general lexicon tags it a place,
person or organisation, or it is no word of the lexicon at all). A reposting outlet's own
edits are common words (a rewording: 介绍 → 表示), a pronoun for a name (清溪县 → 我县) or text at
an edge; those still fold."""

from __future__ import annotations

from test_fold_edges import _stories

from monitor import dedup
from monitor.match import segment

_RELEASE = [
    "清溪县松岭镇近日启动村级便民服务站提质行动，在镇里各个行政村的服务站增设代办窗口，"
    "村民办理社保认证、医保报销、农机补贴申请等事项，不出村就能交上材料。",
    "松岭镇党委负责人介绍，代办员由村里的年轻干部和返乡大学生担任，他们先到县行政服务中心跟班学习，"
    "再回村坐班，遇到办不了的事，由代办员带着材料跑县城，办好后送到村民家里。",
    "清溪县将在总结松岭镇做法的基础上，逐步在全县推开，让山区群众少跑腿、好办事。",
]
RELEASE = "\n".join(_RELEASE)
OTHER_COUNTY = RELEASE.replace("清溪", "安平").replace("松岭", "柳塘")  # 柳塘: no word of the lexicon
_URLS = ("https://qx.example.gov.cn/a/1.html", "https://ap.example.gov.cn/a/9.html", "https://news.example.com/5")


def test_a_release_from_the_same_template_for_another_county_is_its_own_story(tmp_path):
    for order in ((0, 1), (1, 0)):
        items = [(_URLS[0], "松岭镇便民服务站提质", RELEASE), (_URLS[1], "柳塘镇便民服务站提质", OTHER_COUNTY)]
        (where := tmp_path / str(order[0])).mkdir()
        first, second = _stories(where, [items[i] for i in order])
        assert first != second, order


def test_the_other_county_joins_none_of_the_stories_copies(tmp_path):
    # a WeChat copy framing the release: the template is judged against it too, and the story
    # is not joined through any of its texts
    framed = "\n".join(["各位乡亲，今天给大家带来一条家门口的好消息，一起来看看吧！", RELEASE,
                        "你们村的服务站有代办窗口了吗？欢迎在留言区告诉我们。"])
    first, copy, other = _stories(tmp_path, [(_URLS[0], "松岭镇便民服务站提质", RELEASE),
                                             (_URLS[2], "不出村就能办事了", framed),
                                             (_URLS[1], "柳塘镇便民服务站提质", OTHER_COUNTY)])
    assert first == copy != other


def test_a_reworded_repost_and_one_naming_its_county_in_its_own_way_still_fold(tmp_path):
    reworded = (RELEASE.replace("近日", "日前").replace("介绍", "表示").replace("逐步", "陆续")
                .replace("带着材料", "拿着材料"))
    ours = RELEASE.replace("清溪县将在", "我县将在")  # the county's own site: 我县 for its name
    stories = _stories(tmp_path, [(_URLS[0], "松岭镇便民服务站提质", RELEASE), (_URLS[2], "便民服务站提质", reworded),
                                  ("https://qx.example.gov.cn/b/2.html", "便民服务站提质", ours)])
    assert stories[0] == stories[1] == stories[2]


def test_what_stands_in_a_names_place_is_found_and_judged():
    small, large = dedup.fingerprint(RELEASE), dedup.fingerprint(OTHER_COUNTY)
    pairs = {(mine, theirs): (before, after) for mine, theirs, before, after in
             dedup.substitutions(RELEASE, large.grams, OTHER_COUNTY)}
    assert ("清溪", "安平") in pairs and ("松岭", "柳塘") in pairs and small.count
    assert segment.proper_name("清溪") and segment.proper_name("柳塘", "的是", "镇党委") and segment.proper_name("福州市闽清")
    for word in ("介绍", "表示", "进一步加强", "拿着", "2026", "镇,", "!!"):
        assert not segment.proper_name(word), word
    # the ends of two reworded words (建造开展 → 建设发展) are no name the lexicon lacks
    assert not segment.proper_name("造开", "今年建", "工作") and segment.proper_name("柳塘", "今年", "镇的")


_TOWN = [
    "清溪县茶山坪乡今年新建的农产品冷链仓库日前投入使用，仓库能存放六百吨蔬菜和水果，"
    "周边农户种的山地蔬菜可以错开高峰再上市，价格比集中上市时高出不少。",
    "茶山坪乡负责人介绍，仓库由乡里的合作社统一运营，农户按实际存放的重量和天数交费，"
    "比以前自己到县城找冷库便宜了三成，还省下了来回的运费。",
    "下一步，清溪县还将在茶山坪乡建设一个农产品电商服务点，帮助农户把冷藏的蔬菜卖到城里的超市和食堂。",
]


def test_a_town_the_lexicon_splits_into_a_word_and_a_letter_is_a_name_beside_one_it_knows(tmp_path):
    # The county publishes one release for each of its towns: only the town's name differs.
    # 茶山坪 is no name of the lexicon (茶山 + 坪: a word and a single character), 柳塘 reads as one;
    # a common word or a pronoun standing where a name stood (当地, 该乡) is still a rewording.
    town, other = "\n".join(_TOWN), "\n".join(_TOWN).replace("茶山坪", "柳塘")
    for order in ((0, 1), (1, 0)):
        items = [("https://qx.example.gov.cn/t/1.html", "茶山坪乡冷链仓库投用", town),
                 ("https://qx.example.gov.cn/t/2.html", "柳塘乡冷链仓库投用", other)]
        (where := tmp_path / str(order[0])).mkdir()
        first, second = _stories(where, [items[i] for i in order])
        assert first != second, order
    assert segment.name_like("茶山坪") and segment.name_like("柳塘")
    assert not any(segment.name_like(w) for w in ("当地", "该乡", "我县", "表示", "胜利", "进一步"))
