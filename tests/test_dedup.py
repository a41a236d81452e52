"""Identity and near-duplicate fingerprints."""

from __future__ import annotations

from monitor import dedup, textnorm

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
