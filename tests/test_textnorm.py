"""Tests for monitor.textnorm: the normal form, the offset map, and FTS5 tokens and phrases."""

from __future__ import annotations

import random
import re
import sqlite3

import pytest

from monitor import textnorm
from monitor.textnorm import (
    CJK_CHARS,
    chartable,
    index_tokens,
    is_pinyin,
    normalize,
    normalize_lines,
    normalize_lines_map,
    normalize_map,
    offset_shift,
    query_phrase,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("滬明對口合作", "沪明对口合作"),
        ("上海　三明\u3000市", "上海 三明 市"),  # ideographic spaces
        ("ＡＢＣ１２３，", "abc123,"),  # fullwidth forms
        ("  多个\n\n  空白\t ", "多个 空白"),
        ("三明\ue000市\ufffd", "三明市"),  # private use, replacement char
        ("三\u200b明\ufeff", "三明"),  # zero-width, BOM
        ("Shanghai–Sanming", "shanghai–sanming"),
    ],
)
def test_normalize_basic(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("網(wǎng)點", "网点"),
        ("網（wǎng）點", "网点"),
        ("滬(hù)明對(duì)口", "沪明对口"),
        ("對(dui4)口", "对口"),
        ("網絡(wǎng luò)", "网络"),
        ("關(guān)係", "关系"),
        ("園(yuán)區", "园区"),
        ("女(nǚ)工", "女工"),
    ],
)
def test_pinyin_annotations_removed(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["新华社(完)", "上海(三明)", "机构(CMO)", "浓度(PM2.5)", "粉丝(fan)", "2024(5)", "(wǎng)开头", "面积(m2)"],
)
def test_ordinary_parentheses_kept(raw: str) -> None:
    assert "(" in normalize(raw)


def test_is_pinyin() -> None:
    assert is_pinyin("wǎng") and is_pinyin("dui4 kou3") and is_pinyin("Hù")
    assert not is_pinyin("cmo") and not is_pinyin("fan") and not is_pinyin("hello4")


def test_mojibake_kana_removed_in_chinese_but_japanese_kept() -> None:
    assert normalize("逸群表示挥芯哟ビ肫し舨馐裕遣恢;び邢挢") == "逸群表示挥芯哟肫舨馐裕遣恢邢挢"
    assert "の" in normalize("東京の大学で勉強します")


def test_compatibility_and_combining() -> None:
    assert normalize("①㈠") == "1(一)"
    assert normalize("cafe\u0301") == normalize("café") == "café"
    assert normalize("İstanbul") == "istanbul"


def _random_text(rng: random.Random, n: int) -> str:
    alphabet = list("上海三明滬對網點區ab Z　\n（）()，。;") + ["(wǎng)", "（duì）", "ビ", "\ue000", "①", "e\u0301"]
    return "".join(rng.choice(alphabet) for _ in range(n))


def test_normalize_map_agrees_and_points_back() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        raw = _random_text(rng, rng.randint(0, 30))
        norm, offsets = normalize_map(raw)
        assert norm == normalize(raw)
        assert len(offsets) == len(norm)
        assert offsets == sorted(offsets)
        for ch, i in zip(norm, offsets, strict=True):
            assert 0 <= i < len(raw)
            if "\u4e00" <= ch <= "\u9fff":
                assert normalize(raw[i]) == ch


def test_normalize_is_idempotent() -> None:
    rng = random.Random(11)
    for _ in range(1000):
        once = normalize(_random_text(rng, rng.randint(0, 30)))
        assert normalize(once) == once


def test_one_pass_and_step_by_step_paths_agree() -> None:
    # Text without marks, kana or astral characters takes one table pass; the rest every step.
    for raw in ["滬明對口合作，網(wǎng)點", "三明び;合作", "cafe\u0301 網", "\U00020000三明\U000e0041", "ｱｲｳ三明",
                "㍿\u200b…", "  多个\n\n  空白\t "]:
        assert normalize(raw) == normalize_map(raw)[0]
        assert normalize_lines(raw) == normalize_lines_map(raw)[0]


def test_sparse_tables_translate_as_the_dense_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    # Until DENSE_AFTER characters, text goes through dicts of the characters seen so far (a
    # search never builds the 65,536-entry lists); the output must be the lists' exactly,
    # beyond the BMP (left as is), for drops and expansions, and for characters seen before.
    monkeypatch.setattr(chartable, "_translated", 0)
    monkeypatch.setattr(chartable, "_sparse", {True: {}, False: {}})
    monkeypatch.setattr(chartable, "_sparse_seen", {True: set(), False: set()})
    rng = random.Random(5)
    alphabet = [*"上海滬對網①ｱ…㈠½™\0\x1f\u200b\ufeff\ue000\ud800 \n", "\U00020000", "\U0001f100", "\U000e0041",
                "\U0002f800", "\U00100000"] + [chr(rng.randrange(0x10000)) for _ in range(300)]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for one_to_one in (True, False):
            assert chartable._translate(text, one_to_one) == text.translate(chartable._bmp(one_to_one)), text
    assert chartable._translated < chartable.DENSE_AFTER  # the sparse path was the one tested
    monkeypatch.setattr(chartable, "_translated", chartable.DENSE_AFTER)
    assert chartable._translate("滬①…", False) == "沪1..."


def test_characters_folding_into_one_are_the_tables_preimages() -> None:
    # Read from the translate form of the table (search never loads `char_table`'s dict).
    table = textnorm.char_table()
    outputs = sorted({c for v in table.values() if v for c in v})
    for char in [*"沪明网1a.(", "\u0301", *random.Random(4).sample(outputs, 300)]:
        expected = sorted(chr(cp) for cp, out in table.items() if out and char in out and chr(cp) != char)
        assert textnorm.folding_into(char) == expected, char
    assert "滬" in textnorm.folding_into("沪") and "沪" not in textnorm.folding_into("沪")


def test_a_search_sized_text_never_builds_the_dense_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(one_to_one: bool) -> list[str | None]:
        raise AssertionError("the 65,536-entry list was built")

    monkeypatch.setattr(chartable, "_translated", 0)
    monkeypatch.setattr(chartable, "_bmp", refuse)
    assert normalize("滬明對口合作…") == "沪明对口合作..."
    assert normalize_map("網(wǎng)點 ①")[0] == "网点 1"
    monkeypatch.setattr(chartable, "_translated", chartable.DENSE_AFTER)
    with pytest.raises(AssertionError, match="was built"):
        normalize("a long poll's worth of text")


def test_drops_and_expansions_found_without_a_regex_as_with_one() -> None:
    table = textnorm.char_table()
    special = re.compile("[" + "".join(re.escape(chr(cp)) for cp, v in table.items() if v is None or len(v) != 1) + "]")
    rng = random.Random(9)
    alphabet = [*"上海滬…㈠½™\0\u200b\ufeffａ", "\U0001f100", "\U000e0041", "\U00020000"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        offsets = list(range(len(text)))
        expected = textnorm._sub_map(special, lambda m: table[ord(m.group())] or "", text, offsets)
        assert textnorm._sub_special(text, chartable._fold_one(text), offsets) == expected, text


def test_rewritten_regexes_match_as_written_plainly() -> None:
    # The pinyin and whitespace patterns are written to let `re` skip ahead; same matches.
    pinyin_group = textnorm._PINYIN_GROUP
    pairs = [(re.compile(f"(?: ?{pinyin_group})+"), textnorm._pinyin_re(), "a( )dui4wǎng 3網'-\n\t"),
             (re.compile(r"\s{2,}|[^\S ]"), textnorm._WS_MAP_RE, " \n\t\u3000a\x1f"),
             (re.compile(r"\s{2,}|[^\S \n]"), textnorm._LINES_WS_MAP_RE, " \n\t\u3000a\x1f")]
    rng = random.Random(3)
    for plain, fast, alphabet in pairs:
        for _ in range(5000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)], text


def test_offset_shift_only_when_offsets_are_a_shift() -> None:
    assert offset_shift("  網絡：合作 ", normalize("  網絡：合作 ")) == 2
    for raw in ["網\u200b絡", "㍿合作", "e\u0301合作", "多个  空白", "網(wǎng)點", "\U0002f800合作"]:
        assert offset_shift(raw, normalize(raw)) is None
    rng = random.Random(13)
    for _ in range(2000):
        raw = _random_text(rng, rng.randint(0, 30))
        norm, offsets = normalize_map(raw)
        if (shift := offset_shift(raw, norm)) is not None:
            assert offsets == list(range(shift, shift + len(norm)))


def test_map_recovers_original_span() -> None:
    raw = "新聞：滬(hù)明對(duì)口合作成果豐碩"
    norm, offsets = normalize_map(raw)
    i = norm.index("沪明对口")
    start, end = offsets[i], offsets[i + 3] + 1
    assert raw[start:end] == "滬(hù)明對(duì)口"


def test_index_tokens() -> None:
    assert index_tokens("三明") == "三明 明"
    assert index_tokens("明") == "明"
    assert index_tokens("滬明對口，Shanghai-Sanming 2024年") == "沪明 明对 对口 口 shanghai sanming 2024 年"


def test_query_phrase() -> None:
    assert query_phrase("三明") == '"三明"'
    assert query_phrase("滬明") == '"沪明"'
    assert query_phrase("沪明对口合作") == '"沪明 明对 对口 口合 合作"'
    assert query_phrase("明") == '"明" *'
    assert query_phrase("Sanming") == '"sanming"'
    assert query_phrase('say "hi"') == '"say hi"'
    assert query_phrase("，") == ""


def _fts(docs: list[str]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    db.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", [(i, index_tokens(d)) for i, d in enumerate(docs)])
    return db


def _search(db: sqlite3.Connection, term: str) -> set[int]:
    return {r for (r,) in db.execute("SELECT rowid FROM t WHERE t MATCH ?", (query_phrase(term),))}


def test_cjk_bigrams_are_single_unicode61_tokens() -> None:
    ranges = [(0x3005, 0x3007), (0x3041, 0x3096), (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xAC00, 0xD7A3),
              (0x20000, 0x2A6DF)]
    chars = [chr(c) for a, b in ranges for c in range(a, b + 1, 7)]
    assert all(re.fullmatch(f"[{CJK_CHARS}]", c) for c in chars)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    db.execute("INSERT INTO t(x) VALUES (?)", (" ".join(c + "明" for c in chars),))
    assert db.execute("SELECT count(*) FROM v").fetchone()[0] == len(set(chars))


def test_fts_recall_equals_substring_scan() -> None:
    rng = random.Random(2024)
    han = "上海三明沪合作对口市区县明治确日滬對區"
    words = ["shanghai", "sanming", "cmo", "2024"]

    def doc() -> str:
        parts = []
        for _ in range(rng.randint(5, 25)):
            r = rng.random()
            parts.append(rng.choice(words) if r < 0.1 else rng.choice("，。 ") if r < 0.25 else rng.choice(han))
        return "".join(parts)

    docs = [doc() for _ in range(400)]
    norms = [normalize(d) for d in docs]
    db = _fts(docs)
    runs = [m.group() for n in norms for m in re.finditer("[\u4e00-\u9fff]+", n)]
    for length in (1, 2, 3, 5):
        candidates = [r for r in runs if len(r) >= length]
        queries = set()
        for _ in range(40):
            run = rng.choice(candidates)
            i = rng.randint(0, len(run) - length)
            queries.add(run[i : i + length])
        queries.add("龙" * length)  # absent from every document
        for q in queries:
            expected = {k for k, n in enumerate(norms) if q in n}
            assert _search(db, q) == expected, q
        assert len(queries) >= 10
    for w in words:  # other scripts match whole words, as FTS5 does
        expected = {k for k, n in enumerate(norms) if re.search(f"(?<![a-z0-9]){w}(?![a-z0-9])", n)}
        assert _search(db, w) == expected, w


def test_fts_traditional_query_and_document() -> None:
    db = _fts(["滬(hù)明對(duì)口合作", "上海明确目标", "三明治"])
    assert _search(db, "沪明对口") == {0}
    assert _search(db, "滬明") == {0}
    assert _search(db, "三明") == {2}
    assert _search(db, "明") == {0, 1, 2}


def test_is_cjk_run_is_a_full_match_of_the_cjk_class():
    whole = re.compile(f"[{textnorm.CJK_CHARS}]+")
    chars = [chr(cp) for cp in [*range(0xD800), *range(0xE000, 0x10000), *range(0x1F000, 0x32000, 7)]]
    assert [c for c in chars if textnorm.is_cjk_run(c) != (whole.fullmatch(c) is not None)] == []
    for text in ("沪明对口合作", "沪明 合作", "沪明a", "a沪", "三明_", "", "々〇가𠀀"):
        assert textnorm.is_cjk_run(text) == (whole.fullmatch(text) is not None), text


def test_is_han_is_a_full_match_of_the_han_class():
    han = re.compile(f"[{textnorm.HAN_CHARS}]")
    chars = [chr(cp) for cp in [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x40000, 3)]]
    assert [c for c in chars if textnorm.is_han(c) != (han.fullmatch(c) is not None)] == []
    assert not textnorm.is_han("沪明") and not textnorm.is_han("")


def test_query_pieces_are_the_document_tokenizers_tokens():
    """Query terms are split in Python (no pattern to compile); documents by the pattern. An
    index and its queries must cut text alike, character by character and in mixed runs."""
    def by_pattern(text: str) -> list[tuple[bool, str]]:
        return [(bool(c), c or w) for c, w in textnorm._token_re().findall(text)]

    edges = {cp + d for lo, hi in textnorm._CJK_RANGES for cp in (lo, hi) for d in (-1, 0, 1)}
    every = [chr(cp) for cp in sorted({*range(0x10000), *range(0x10000, 0x110000, 101), *edges})
             if not 0xD800 <= cp < 0xE000]
    assert [c for c in every if textnorm._pieces(c) != by_pattern(c)] == []
    rng = random.Random(5)
    sample = "沪明滬々〇ぁカー가𠀀aZ9_é½٣ -.,，。(网wǎng)\u0301\t\n" + "".join(rng.sample(every, 200))
    for _ in range(3000):
        text = "".join(rng.choice(sample) for _ in range(rng.randint(0, 12)))
        assert textnorm._pieces(text) == by_pattern(text), repr(text)
