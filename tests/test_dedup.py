"""Identity and near-duplicate fingerprints."""

from __future__ import annotations

import hashlib
import json

import pytest

from monitor import config, dedup, scriptfold, textnorm
from monitor.pipeline import Context, import_lines
from monitor.store import Store

STORY = ("上海市与三明市对口合作持续深化，沪明临港产业园三期项目日前在三明市三元区开工，"
         "计划引进新材料和生物医药企业二十家。园区由两地国资平台共同出资建设，上海方面派出管理团队，"
         "负责招商和运营。今年以来，园区已签约项目十二个，总投资超过四十亿元。")


def test_canonical_url_drops_tracking_fragment_and_scheme_differences():
    a = dedup.canonical_url("https://WWW.Example.cn/news/1.html?utm_source=wx&id=3&a=1#top")
    b = dedup.canonical_url("http://www.example.cn/news/1.html?a=1&id=3")
    assert a == b == "http://www.example.cn/news/1.html?a=1&id=3"


def test_canonical_url_keeps_meaningful_query():
    assert dedup.canonical_url("http://x.cn/a?id=1") != dedup.canonical_url("http://x.cn/a?id=2")


def test_content_hash_ignores_whitespace():
    assert dedup.content_hash("沪明 合作\n进展") == dedup.content_hash("沪明合作进展")


def test_repost_with_other_header_and_footer_is_contained():
    original = dedup.shingles(textnorm.normalize(STORY))
    repost = dedup.shingles(textnorm.normalize("来源：三明日报\n" + STORY + "\n责任编辑：林某"))
    other = dedup.shingles(textnorm.normalize("沙县小吃文化节在沙县举行，来自各地的游客品尝了扁肉和拌面。" * 3))
    assert dedup.containment(original, repost) > 0.9
    assert dedup.containment(original, other) < 0.1


def test_traditional_repost_has_the_same_fingerprint():
    simplified = dedup.shingles(textnorm.normalize("沪明对口合作项目在三明开工"))
    traditional = dedup.shingles(textnorm.normalize("滬明對口合作項目在三明開工"))
    assert simplified == traditional


def test_lsh_bands_collide_for_near_duplicates_only():
    sig_a = dedup.signature(dedup.shingles(textnorm.normalize(STORY)))
    sig_b = dedup.signature(dedup.shingles(textnorm.normalize(STORY + "（完）责任编辑：王某")))
    sig_c = dedup.signature(dedup.shingles(textnorm.normalize("上海今日多云转晴，气温十二到十八度，三明小雨。" * 4)))
    keys_a, keys_b, keys_c = (set(dedup.band_keys(s)) for s in (sig_a, sig_b, sig_c))
    assert len(keys_a & keys_b) >= 4
    assert not keys_a & keys_c
    assert len(sig_a) == dedup.BINS and all(v < 2 ** 64 for v in sig_a)


def test_fingerprints_are_stable_numbers_and_bounds_bracket_the_true_containment():
    fp = dedup.fingerprint(textnorm.normalize(STORY))
    assert fp.count == len(dedup.shingles(textnorm.normalize(STORY))) and len(fp.packed()) == 4 * dedup.BINS
    # fixed constants: the same text gives the same keys in any process (stored in the database)
    assert dedup.fingerprint("沪明对口合作项目在三明开工").keys() == dedup.fingerprint("沪明对口合作项目在三明开工").keys()
    repost = dedup.fingerprint(textnorm.normalize("来源：三明日报\n" + STORY + "\n责任编辑：林某"))
    other = dedup.fingerprint(textnorm.normalize("沙县小吃文化节在沙县举行，来自各地的游客品尝了扁肉和拌面。" * 3))
    low, high = dedup.containment_bounds(fp.count, fp.packed(), repost.count, repost.packed())
    assert low <= dedup.containment(fp.grams, repost.grams) <= high and low > 0.7
    low, high = dedup.containment_bounds(fp.count, fp.packed(), other.count, other.packed())
    assert high < 0.7


_POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
         "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开"
         "它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只"
         "没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路")


def _opened(tmp_path) -> tuple[config.Config, Store]:
    """The bundled topic's config and a store at tmp_path/m.db."""
    path = tmp_path / "monitor.toml"
    path.write_text(f'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{(tmp_path / "m.db").as_posix()}"\n',
                    encoding="utf-8")
    cfg = config.load(path)
    return cfg, Store.open(cfg.db_path)


def _text(rng, n: int) -> str:
    return "".join(rng.choice(_POOL) for _ in range(n))


def test_lsh_finds_reposts_that_share_half_their_shingles():
    # A mirror that keeps only the first half of a story, or wraps the whole of it in as much
    # boilerplate again (related links, comments): containment 1.0, Jaccard about 0.5. Bands of
    # four minimums make such a pair a candidate about two times in three; it must be nearly always.
    import random

    rng = random.Random(12)
    found = 0
    for _ in range(60):
        story = _text(rng, 900)
        original = dedup.fingerprint(story)
        mirror = dedup.fingerprint(story + _text(rng, 900)) if rng.random() < 0.5 else dedup.fingerprint(story[:450])
        assert dedup.containment(original.grams, mirror.grams) > 0.95
        found += bool(set(original.keys()) & set(mirror.keys()))
    assert found >= 52, found


def test_band_keys_can_be_rebuilt_from_the_stored_signature():
    fp = dedup.fingerprint(textnorm.normalize(STORY))
    assert dedup.packed_band_keys(fp.packed()) == fp.keys()[:dedup.BANDS]  # the opening's key needs the text



def test_fingerprint_numbers_are_the_ones_stored_before():
    """Band keys, anchors, the opening's key and the packed signature are stored: any change
    of the hashing code must leave them as earlier versions of it wrote them (digest of all of
    them for STORY, taken from the code before the hash constants were made once)."""
    fp = dedup.fingerprint(textnorm.normalize(STORY))
    assert fp.count == 114 and fp.keys()[:2] == [-2832280656145067083, -2736703914562289098]
    assert fp.keys()[-1] == 2271232422655841171 and fp.packed()[:8].hex() == "d1140e6999bcd300"
    everything = repr((fp.keys(), fp.packed().hex(), fp.grams.tolist())).encode()
    assert hashlib.sha1(everything).hexdigest() == "75256453fb3a8d312c968494b24f9dfc29bea98f"


def test_anchors_are_the_smallest_distinct_windows_whatever_the_repeats():
    """The anchors come from a partition of the windows' hashes: the same as sorting them all,
    for texts with no repeats, with a phrase repeated throughout (few distinct windows: the
    partition's share holds fewer than ANCHORS of them) and for arrays just past the cut."""
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(7)
    cases = [rng.integers(0, 2**64, n, dtype=np.uint64) for n in (1, 11, 12, 48, 49, 50, 3000)]
    cases += [rng.integers(0, m, 500, dtype=np.uint64) for m in (1, 5, 12, 13, 30)]  # many repeats
    for w in cases:
        assert dedup._smallest_distinct(w.copy(), dedup.ANCHORS).tolist() == np.unique(w)[:dedup.ANCHORS].tolist()
    for text in (STORY, "沪明合作" * 300, "沪明对口合作，三明。" * 40 + STORY, "三" * 100):
        norm = "".join(textnorm.normalize(text).split())
        h = dedup._positional(norm, dedup.SHINGLE)
        gap = dedup.ANCHOR - dedup.SHINGLE
        w = dedup._mix(h[:-gap] * np.uint64(dedup._ANCHOR_SEED) + h[gap:])
        plain = tuple(np.unique(w)[:dedup.ANCHORS].view(np.int64).tolist())
        assert dedup.fingerprint(textnorm.normalize(text)).anchors == plain

# A mirror's page around the same story: a navigation line, a source and editor line, and a
# related-news list as long as the story itself (titles carry no sentence punctuation).
_ARTICLE = ("三明市将乐县与上海市嘉定区日前签订文旅康养合作协议，双方约定每年互送疗休养职工不少于两千人次。\n"
            "按照协议，嘉定区将组织职工分批前往将乐开展疗休养活动，将乐县负责线路设计和接待保障。\n"
            "将乐县文旅局负责人介绍，县里已有六家酒店和三处景区纳入疗休养基地，可同时接待三百人。\n"
            "今年前三季度，将乐县共接待上海游客八万余人次，同比增长三成以上。")
_FRAME_TOP = "首页 > 地方频道 > 三明新闻\n2024-03-18 09:12 来源：闽中在线 编辑：陈某某"
_FRAME_BOTTOM = ("责任编辑：林某\n相关新闻\n· 沙县小吃产业园二期项目开工建设\n· 泰宁县举办首届丹霞山地越野赛\n"
                 "· 三明北站新增两趟直达上海动车\n· 明溪县引进生物医药项目三个\n· 大田县高山茶开园采摘\n"
                 "· 永安市笋竹产业链再添新企业\n· 宁化县客家祖地迎来寻根团\n· 建宁县黄花梨进入上海超市\n"
                 "· 清流县温泉康养小镇开门迎客\n· 尤溪县朱子文化节筹备就绪\n· 三元区老旧小区改造全面铺开\n"
                 "· 梅列区智能制造企业上榜名单\n· 沙溪河两岸亮化工程完工\n· 三明学院新增三个本科专业\n"
                 "热门评论\n网友甲 点赞 网友乙 收藏 网友丙 转发\n"
                 "打印本页 关闭窗口\n版权所有 闽中在线 未经授权禁止转载")


def test_boilerplate_lines_are_left_out_of_the_fingerprint_text():
    # Lines without a sentence (navigation, editor, related titles) are a site's, not the story's:
    # left in, they halve the Jaccard of a framed mirror and its original, and LSH misses it.
    framed = _FRAME_TOP + "\n" + _ARTICLE + "\n" + _FRAME_BOTTOM
    assert scriptfold.fingerprint_text(framed) == scriptfold.fingerprint_text(_ARTICLE)
    assert dedup.story_lines(_ARTICLE) is _ARTICLE  # nothing to drop: the text itself, no copy


def test_a_text_that_is_mostly_lines_without_sentences_is_kept_whole():
    # A list page (or one short sentence over a list) has no story apart from its lines: kept whole,
    # so two different lists under the same introduction never fingerprint alike.
    titles = _FRAME_BOTTOM.split("\n")[2:10]
    listing = "本周三明要闻如下，请点击标题阅读全文。\n" + "\n".join(titles)
    assert dedup.story_lines(listing) == listing
    assert dedup.story_lines("\n".join(titles)) == "\n".join(titles)


def test_a_framed_mirror_folds_into_its_originals_story(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        lines = [{"url": "https://a.example.cn/1.html", "title": "将乐嘉定签约", "body": _ARTICLE},
                 {"url": "https://b.example.com/2.html", "title": "将乐嘉定签约",
                  "body": _FRAME_TOP + "\n" + _ARTICLE + "\n" + _FRAME_BOTTOM}]
        import_lines(Context(cfg, store), [json.dumps(x, ensure_ascii=False) for x in lines])
        stories = [r[0] for r in store.db.execute("SELECT story_id FROM articles ORDER BY id")]
    finally:
        store.close()
    assert len(stories) == 2 and stories[0] == stories[1]


def test_lsh_finds_mirrors_framed_in_twice_their_length_of_site_lines():
    # Jaccard of a story and its mirror framed in twice its length of navigation and link lines
    # is about a third: bands of three would find only about half such pairs.
    import random

    rng = random.Random(5)
    found = 0
    for _ in range(40):
        story = "\n".join(_text(rng, 60) + "。" for _ in range(6))
        frame = ["· " + _text(rng, 14) for _ in range(50)]
        mirror = "\n".join(frame[:10] + [story] + frame[10:])
        a, b = (dedup.fingerprint(scriptfold.fingerprint_text(t)) for t in (story, mirror))
        found += bool(set(a.keys()) & set(b.keys()))
    assert found >= 38, found


def test_stored_fingerprints_are_rebuilt_from_the_story_lines_after_the_upgrade(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    from monitor.pipeline.ingest import rebuild_fingerprints
    from monitor.store.schema import migrations

    framed = _FRAME_TOP + "\n" + _ARTICLE + "\n" + _FRAME_BOTTOM
    old_form = dedup.fingerprint(textnorm.normalize(framed))  # what the store kept before m013
    old = Database(sqlite3.connect(tmp_path / "m.db"))
    migrations.apply(old, stop_before="m013_fingerprints_of_story_lines")  # m015 drops them as well
    old["stories"].insert({"id": 1, "title": "t"})
    old_hash = dedup.content_hash(textnorm.normalize(framed))  # the frame was hashed too
    old["articles"].insert({"id": 7, "canonical_url": "http://a/7", "title": "t", "body": framed, "story_id": 1,
                            "fetched_at": "2099-01-01T00:00:00+00:00", "content_hash": old_hash})
    old["fingerprints"].insert({"article_id": 7, "shingles": old_form.count, "sig": old_form.packed()})
    old_keys = old_form.keys()
    old["lsh"].insert_all([{"key": k, "article_id": 7, "created_at": 4_070_908_800} for k in old_keys])
    old.conn.commit()
    old.close()
    cfg, store = _opened(tmp_path)
    try:
        assert store.conn.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == 0
        assert rebuild_fingerprints(Context(cfg, store)) == 1
        new_form = dedup.fingerprint(scriptfold.fingerprint_text(_ARTICLE))
        assert store.conn.execute("SELECT shingles, sig FROM fingerprints").fetchall() == [(new_form.count, new_form.packed())]
        assert [c["article_id"] for c in store.lsh_candidates(new_form.keys())] == [7]
        # the content hash too, so an exact repost of the story without the frame joins by hash
        assert store.story_by_hash(dedup.content_hash(scriptfold.fingerprint_text(_ARTICLE))) == 1
    finally:
        store.close()



def test_lsh_finds_abridged_reprints_by_their_opening():
    # A reprint that keeps the opening sentence and two more of ten: containment ~0.95, Jaccard
    # 0.3, so bands of three find it less than half the time; the opening's key always does.
    import random

    rng = random.Random(8)
    found = 0
    for _ in range(40):
        sentences = [_text(rng, 50) + "。" for _ in range(10)]
        kept = [sentences[0]] + [sentences[i] for i in sorted(rng.sample(range(1, 10), 2))]
        a, b = (dedup.fingerprint(scriptfold.fingerprint_text("\n".join(t))) for t in (sentences, kept))
        assert dedup.containment(a.grams, b.grams) > 0.9
        found += bool(set(a.keys()) & set(b.keys()))
    assert found >= 39, found


def test_two_stories_that_open_alike_stay_apart(tmp_path):
    # A column's articles under one introduction share the opening's key: candidates, which the
    # containment check then keeps apart.
    import random

    rng = random.Random(9)
    opening = "开栏语：沪明两地携手合作走过又一年，本栏目陆续刊发系列报道，记录两地合作的新进展。"
    bodies = [opening + "\n" + "\n".join(_text(rng, 60) + "。" for _ in range(5)) for _ in range(2)]
    a, b = (dedup.fingerprint(scriptfold.fingerprint_text(t)) for t in bodies)
    assert a.lead == b.lead is not None
    cfg, store = _opened(tmp_path)
    try:
        lines = [{"url": f"https://a.example.cn/{n}.html", "title": "沪明合作系列报道", "body": body}
                 for n, body in enumerate(bodies)]
        import_lines(Context(cfg, store), [json.dumps(x, ensure_ascii=False) for x in lines])
        stories = [r[0] for r in store.db.execute("SELECT story_id FROM articles ORDER BY id")]
    finally:
        store.close()
    assert len(stories) == 2 and stories[0] != stories[1]
