"""Folding across scripts for fingerprints: OpenCC conversions of a text fold like the text."""

from __future__ import annotations

import json

import opencc
import pytest

from monitor import config, dedup, scriptfold, textnorm
from monitor.pipeline import Context, import_lines
from monitor.store import Store

# Written for these tests; each holds words that s2twp changes (软件, 信息, 网络, 数据, 视频,
# 程序, 质量, 打印) and characters s2tw picks another variant for (着, 里, 面).
STORIES = [
    "三明市大数据中心与上海一家软件企业签约，双方将共建政务信息平台，打通网络数据共享通道。"
    "企业负责人说，平台上线后，群众办事时的信息查询将从三天缩短到半小时，视频会议系统也将覆盖各县。"
    "目前，首批二十名软件工程师已经在三明驻点，他们看着一张张纸质表格变成电子数据，觉得很有意义。",
    "沙县小吃培训学校里面新开了一门短视频课程，教学员用手机拍摄制作过程，在网络平台上推广门店。"
    "学校负责人介绍，课程由上海一家互联网公司提供教材和讲师，学员结业后还能得到打印好的营销手册。"
    "今年已有三百多名经营户参加培训，不少人说，拍视频比想象中容易，面条和扁肉的订单明显多了。",
    "在泰宁县的一家民宿里，老板正对着电脑检查预订信息。这套预订软件由上海虹口区的一家科技企业免费提供，"
    "能自动统计客源数据，还能生成质量报告。老板说，过去靠一个本子记账，现在打开程序就能看到下周的入住情况，"
    "上海客人占了一半以上。县文旅局表示，将把这套系统推广到全县两百家民宿。",
]
CONVERSIONS = ("s2t", "s2tw", "s2hk", "s2twp")


@pytest.mark.parametrize("conversion", CONVERSIONS)
def test_opencc_conversions_fold_to_the_original(conversion: str) -> None:
    converter = opencc.OpenCC(conversion)
    for story in STORIES:
        converted = converter.convert(story)
        assert converted != story
        assert scriptfold.fingerprint_text(converted) == scriptfold.fingerprint_text(story)


def test_character_folding_alone_misses_word_changes() -> None:
    """The reason for the word level: s2twp changes words that no character table undoes."""
    converted = opencc.OpenCC("s2twp").convert(STORIES[0])
    assert "軟體" in converted and "資訊" in converted
    assert textnorm.normalize(converted) != textnorm.normalize(STORIES[0])
    normal = dedup.containment(dedup.shingles(textnorm.normalize(converted)), dedup.shingles(textnorm.normalize(STORIES[0])))
    assert normal < 0.9


@pytest.mark.parametrize(("a", "b"), [("软件", "軟體"), ("信息", "資訊"), ("互联网", "網際網路"), ("看着", "看著"),
                                      ("里面", "裡面"), ("面条", "麪條"), ("借助", "藉助"), ("了解", "瞭解")])
def test_word_pairs_fold_together(a: str, b: str) -> None:
    assert scriptfold.fingerprint_text(a) == scriptfold.fingerprint_text(b)


def test_different_words_stay_different() -> None:
    assert scriptfold.fingerprint_text("上海与三明合作") != scriptfold.fingerprint_text("上海与六安合作")
    assert scriptfold.fingerprint_text("软件") != scriptfold.fingerprint_text("硬件")


def test_longest_word_wins_and_text_without_variants_is_unchanged() -> None:
    plain = "三明市召开会议部署全年工作"
    assert scriptfold.fold_words(textnorm.normalize(plain)) == textnorm.normalize(plain)
    # 網際網路 is one word (互联网), not 网际 + 网路 (网络)
    assert scriptfold.fingerprint_text("網際網路") == scriptfold.fingerprint_text("互联网")


def test_fingerprint_is_stable_under_refolding() -> None:
    for story in STORIES:
        once = scriptfold.fingerprint_text(story)
        assert scriptfold.fingerprint_text(once) == once


CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'


def test_a_traditional_conversion_joins_its_originals_story(tmp_path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "m.db").as_posix()), encoding="utf-8")
    cfg = config.load(path)
    store = Store.open(cfg.db_path)
    try:
        lines = []
        for i, story in enumerate(STORIES):
            lines.append({"url": f"https://a.example.cn/{i}.html", "title": f"标题{i}", "body": story})
            tw = opencc.OpenCC("s2twp").convert(story)
            lines.append({"url": f"https://tw.example.com/{i}.html", "title": f"轉載{i}", "body": "來源：網路\n" + tw})
        report = import_lines(Context(cfg, store), [json.dumps(x, ensure_ascii=False) for x in lines])
        assert (report.new, report.reposts) == (3, 3)
        assert store.stats()["stories"] == 3
    finally:
        store.close()
