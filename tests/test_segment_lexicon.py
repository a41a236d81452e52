"""The segmenter's word list is held compactly (`segment._Lexicon`: hashes, frequencies and
tags in arrays, the words in one string) instead of a dict and two sets of 347,000 strings.
These check that it answers exactly as the plain reading of jieba's list does."""

from __future__ import annotations

import math
import os
import random

from monitor.match import segment

LIST = "上海 900 ns\n三明 42 ns\n明确 3000 ad\n的 90000 uj\n在 50000 p\n坪 12 n\n三明 50 ns\n七个字的一个词 3 n\n"


def test_a_small_list_reads_as_a_dict_of_its_lines_would() -> None:
    lexicon = segment._Lexicon.read(LIST)
    assert lexicon.get("三明") == 50  # listed twice: the last line, as a dict of the lines keeps
    assert lexicon.get("上海") == 900 and lexicon.get("明确") == 3000 and lexicon.get("坪") == 12
    assert lexicon.get("三") == 0 and lexicon.get("上海市", -1) == -1
    assert "明确" in lexicon and "确立" not in lexicon and 3 not in lexicon
    assert "七个字的一个词" not in lexicon  # longer than the segmenter ever asks about
    assert math.isclose(lexicon.log_total, math.log(900 + 50 + 3000 + 90000 + 50000 + 12))


def test_tags_mark_proper_names_of_two_characters_and_single_function_words() -> None:
    lexicon = segment._Lexicon.read(LIST)
    proper, function = segment._Lexicon.PROPER, segment._Lexicon.FUNCTION
    assert lexicon.tagged("上海", proper) and lexicon.tagged("三明", proper)
    assert not lexicon.tagged("明确", proper) and not lexicon.tagged("坪", proper)
    assert lexicon.tagged("的", function) and lexicon.tagged("在", function)
    assert not lexicon.tagged("坪", function) and not lexicon.tagged("上海", function)
    assert not lexicon.tagged("浦东", proper)  # not listed at all


def test_jiebas_list_answers_as_a_dict_read_from_its_lines() -> None:
    text = segment._jieba_list().read_text(encoding="utf-8")
    plain: dict[str, int] = {}
    for line in text.splitlines():
        word, _, rest = line.partition(" ")
        freq = rest.partition(" ")[0]
        if len(word) <= 6 and freq.isdigit():
            plain[word] = int(freq)
    lexicon, log_total = segment._lexicon()
    assert math.isclose(log_total, math.log(sum(plain.values())), rel_tol=1e-12)
    rng = random.Random(5)
    words = rng.sample(sorted(plain), 3000)
    assert [lexicon.get(w) for w in words] == [plain[w] for w in words]
    others = {w[::-1] + "坪" for w in words} | {w[1:] + w[0] for w in words}
    assert [lexicon.get(w, -1) for w in sorted(others)] == [plain.get(w, -1) for w in sorted(others)]


def test_a_lone_surrogate_is_no_word_and_no_error() -> None:
    lexicon = segment._Lexicon.read(LIST)
    assert lexicon.get("三\ud800") == 0 and "\udc00" not in lexicon and not lexicon.tagged("\ud800", segment._Lexicon.PROPER)
    assert segment.keeps("三明\ud800确立", 0, 2, frozenset({"三明"}))  # 三明 read as a word, as in 三明确立


def test_the_cached_list_is_used_without_reading_the_list_and_a_changed_list_is_read_again(
        tmp_path, monkeypatch) -> None:
    """Reading and hashing jieba's 5 MB list to find its cache entry cost 20-60 ms of every process
    that matches; the entry is now found by the list's path, size and modification time."""
    words = tmp_path / "dict.txt"
    words.write_text(LIST, encoding="utf-8")
    monkeypatch.setenv("MONITOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(segment, "_jieba_list", lambda: words)
    segment._tables.cache_clear()
    try:
        assert segment._tables().get("明确") == 3000  # built from the list, and cached
        segment._tables.cache_clear()
        read: list[str] = []
        real = type(words).read_bytes
        monkeypatch.setattr(type(words), "read_bytes", lambda self: read.append(self.name) or real(self))
        assert segment._tables().get("明确") == 3000
        assert "dict.txt" not in read, read
        words.write_text(LIST.replace("明确 3000", "明确 3001"), encoding="utf-8")
        os.utime(words, ns=(words.stat().st_atime_ns, words.stat().st_mtime_ns + 10**9))
        segment._tables.cache_clear()
        assert segment._tables().get("明确") == 3001  # a changed list is read again
    finally:
        segment._tables.cache_clear()
