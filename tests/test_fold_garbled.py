"""Story folding of mirrors that garble a story: pinyin without tones, bytes read as GBK (fold-19).

Two shapes of real mirror pages (fold-19's set, from the search tool's stored pages) that main left
in stories of their own:
- a spam mirror annotates characters with toneless pinyin, some twice: 建(jian)寧(ning)(ning)縣,
  携(xie)程(cheng)数(shu)据(ju). textnorm removes annotations with a tone mark or number only (a
  lone `(fan)` or `(AI)` after a word is an abbreviation or a name's), so every few characters a
  group broke the shingles and the mirror shared almost none with its story;
- a page decoded with the wrong charset shows a few runs of its text as UTF-8 bytes read as GBK
  (对口合作 → 瀵瑰彛鍚堜綔, as the seed page under /work/shared shows). Each run stands where the
  story has its words, and a run of rare characters beside a name reads as another name: main took
  the copy for a release from one template for another place (`_renamed`) and kept it apart.
Releases from one template for two places, and a text with one `(AI)`, are as before.
"""

from __future__ import annotations

import importlib

import opencc
from test_fold_edges import _stories
from test_fold_names import _URLS, OTHER_COUNTY, RELEASE

from monitor import dedup, scriptfold, textnorm

ingest = importlib.import_module("monitor.pipeline.ingest")  # (the package exports a function of that name)

_STORY = [
    "本报讯 连日来，青溪县白沙镇的两千多亩荷塘进入采莲旺季，莲农们天不亮就下塘，背着竹篓穿行在荷叶间，"
    "把颗粒饱满的莲蓬一只只摘下，送到村口的加工厂剥壳烘干。",
    "加工厂负责人介绍，厂里今年新添了三台剥壳机和一条烘干线，每天能加工鲜莲蓬四千公斤，比往年多了一倍，"
    "加工好的通心白莲大多销往福州、厦门和江浙一带，每公斤比去年多卖六元。",
    "白沙镇党委负责人表示，镇里正在筹办第一届赏荷文化节，把荷塘、古村和农家乐串成一条线，让游客在看花"
    "之余也能亲手采莲，带动更多村民在家门口增收。",
]
STORY = "\n".join(_STORY)
TITLE = "青溪白沙镇莲农采莲忙"
_SYLLABLES = dict(zip("县镇村民莲农加工厂白沙荷塘采花文化节游客年天多",
                      ("xian zhen cun min lian nong jia gong chang bai sha he tang cai hua wen hua jie you ke nian tian duo"
                       .split()), strict=True))


def _toneless(text: str) -> str:
    """The mirror's script: traditional, a toneless syllable after many characters, some twice."""
    out = []
    for n, char in enumerate(opencc.OpenCC("s2t").convert(text)):
        simple = opencc.OpenCC("t2s").convert(char)
        out.append(char + (f"({_SYLLABLES[simple]})" * (2 if n % 7 == 0 else 1) if simple in _SYLLABLES else ""))
    return "".join(out)


def _garbled(text: str, runs: tuple[tuple[int, int], ...]) -> str:
    """`text` with the given runs (start, length) shown as their UTF-8 bytes read as GBK."""
    for start, length in sorted(runs, reverse=True):
        run = text[start:start + length]
        text = text[:start] + run.encode("utf-8").decode("gbk", errors="replace") + text[start + length:]
    return text


def _fold_both_ways(tmp_path, items) -> None:
    for n, order in enumerate(((0, 1), (1, 0))):
        (where := tmp_path / str(n)).mkdir()
        first, second = _stories(where, [items[i] for i in order])
        assert first == second, order


def test_a_mirror_with_toneless_pinyin_after_its_characters_folds_with_its_story(tmp_path):
    mirror = _toneless(STORY)
    assert "鎮(zhen)" in mirror and "(lian)(lian)" in mirror
    _fold_both_ways(tmp_path, [("https://news.example.cn/a/1.html", TITLE, STORY),
                               ("http://baike.example.com/citiao/88.html", _toneless(TITLE), mirror)])


def test_toneless_pinyin_goes_only_from_an_annotated_text():
    annotated = textnorm.normalize(_toneless("白沙镇的荷塘"))
    assert scriptfold.toneless_pinyin(annotated) == "白沙镇的荷塘"
    for kept in ("人工智能(ai)大会在白沙镇举行", "白(bai)沙(sha)镇", "营收(cmo)与(fan)三(san)个"):  # under three, or no syllable
        assert scriptfold.toneless_pinyin(kept) == kept, kept
    assert scriptfold.toneless_pinyin("白沙(bai)(sha)(zhen)") == "白沙"  # groups after a group after a Han character


def test_a_copy_with_runs_read_as_gbk_folds_with_its_story(tmp_path):
    # runs inside names and words, one per paragraph and two in the second
    copy = _garbled(STORY, ((9, 3), (70, 4), (131, 3), (180, 4)))
    assert copy != STORY
    _fold_both_ways(tmp_path, [("https://news.example.cn/a/1.html", TITLE, STORY),
                               ("http://gbk.example.cn/88.htm", TITLE, copy)])


def test_a_traditional_mirror_with_runs_read_as_gbk_folds_with_its_story(tmp_path):
    # the seed page's shape: converted to traditional script, then garbled (蓮農們天, 剝殼機, 賣六元, 樂串成)
    mirror = _garbled(opencc.OpenCC("s2t").convert(STORY), ((28, 4), (95, 3), (156, 3), (196, 3)))
    _fold_both_ways(tmp_path, [("https://news.example.cn/a/1.html", TITLE, STORY),
                               ("http://m.mirror.example.com/xw/88.shtml", opencc.OpenCC("s2t").convert(TITLE), mirror)])


def test_a_garbled_passage_is_no_name_but_another_name_is():
    assert dedup.misread("对口合作", "对口合作".encode().decode("gbk", "replace"))
    assert dedup.misread("青溪县白沙", "闈掓邯鍘跨櫧娌", "本报讯连日来，", "镇的两千多")
    assert not dedup.misread("清溪", "安平") and not dedup.misread("松岭镇", "柳塘镇")
    assert not dedup.misread("白沙镇", "鍙戝睍")  # garbled, but not from these characters
    # from the traditional form, a numeral written as a digit in the fingerprint text
    assert dedup.misread("着1", "镌涓", "3明,就有", "处毫不逊色")


def test_releases_from_one_template_for_two_places_still_part(tmp_path):
    first, second = _stories(tmp_path, [(_URLS[0], "松岭镇便民服务站提质", RELEASE),
                                        (_URLS[1], "柳塘镇便民服务站提质", OTHER_COUNTY)])
    assert first != second
