"""Speed work keeps every output: fixture articles prepared and stored with the fast paths
(numpy translation, the normal forms made once, numpy script folding) and with the plain
versions they replace give the same normal forms, tokens, content hashes, fingerprints, band
keys, verdicts and stored rows. The articles: simplified, a traditional (s2twp) conversion,
text decoded from GBK, pinyin-annotated, English, and one with drops, expansions, kana
mojibake, combining marks and characters beyond the BMP."""

from __future__ import annotations

import hashlib
import random
import re
from datetime import datetime, timezone
from pathlib import Path

import opencc
import pytest

from monitor import config, dedup, ftstokens, scriptfold, textnorm
from monitor.decode import decode_html
from monitor.models import Article
from monitor.pipeline import Context, ingest_many
from monitor.pipeline.checks import topic_hashes
from monitor.pipeline.ingest import canonical_of, prepare
from monitor.store import Store
from monitor.textnorm import chartable

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'
NEWS = ("上海市与三明市的对口合作又有新进展（记者 林晓）。本周，两地在三明市三元区签下十二个产业项目，"
        "涉及新材料、生物医药和文旅……总投资四十多亿元。\n"
        "上海方面派出的挂职干部介绍，园区今年新引进企业八家，带动当地就业一千余人；"
        "沪明两地还将共建人才飞地，推动科研成果在三明转化。\n"
        "据了解，明年两地将继续办好疗休养线路，让更多上海职工走进三明的山水——“来三明，住下来”。")
ENGLISH = ("Shanghai and Sanming signed twelve PAIRING projects this week (worth about 4.2 billion yuan). "
           "The Minhang district team said the new park would host 8 firms.\nOfficials met again on Friday, "
           "and the next round is set for March 3.5 km away from the old site.")
PINYIN = ("沪(hù)明(míng)对口合作网(wǎng)报道：上海（shàng hǎi）与三明(san1 ming2)共建园区。"
          "\n(fan) 和 (CMO) 不是拼音，（完）也不是；行(xíng)与\n(háng)分在两行。") * 3
ODD = ("ｱｲｳ 上海;び三明\u0301e\U00020000\0…… ① ＡＢＣ \u3000 x\r\ny ㈠½™\u200b\ufeff\ue000 "
       "滬明對口合作 軟體 資訊 網際網路 著 麪 擡\U0002f800\U0001f100") * 4


def fixture_articles() -> list[Article]:
    """The articles both paths prepare and store (a repost among them, framed by site lines)."""
    gbk = decode_html(b'<meta charset="gbk">' + NEWS.replace("上海", "上海市闵行区").encode("gbk"))
    traditional = opencc.OpenCC("s2twp").convert(NEWS)
    texts = [("沪明对口合作签约十二个项目", NEWS), ("滬明對口合作簽約", traditional),
             ("闵行与三明合作", gbk.split(">", 1)[1]), ("拼音注音的报道", PINYIN), ("Shanghai-Sanming", ENGLISH),
             ("杂项 ｱ\U00020000", ODD), ("转载：沪明签约", "来源：三明日报\n" + NEWS + "\n责任编辑：王某")]
    return [Article(url=f"http://same.example/{i}", title=title,
                    paragraphs=tuple(p.strip() for p in body.split("\n") if p.strip()))
            for i, (title, body) in enumerate(texts)]


def _normalize_plain(text: str, keep_lines: bool) -> str:
    """`textnorm._normalize` before its forms were made together (one form per call)."""
    s = chartable._translate(text, False)
    if textnorm._RARE_RE.search(s):
        return textnorm._normalize_map(text, keep_lines)[0]
    if keep_lines:
        s = "\n".join(j for line in s.split("\n") if (j := " ".join(line.split())))
    else:
        s = " ".join(s.split())
    if "(" in s:
        s = textnorm._pinyin_re().sub(textnorm._pinyin, s)
    return s.strip(" \n")


def plain_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fast path off: `str.translate` through the full lists, one normal form a call,
    script folding by `str.translate` and the gate's regex."""
    monkeypatch.setattr(chartable, "NUMPY_FROM", 10**9)
    monkeypatch.setattr(textnorm, "_normalize", _normalize_plain)
    monkeypatch.setattr(scriptfold, "NUMPY_FROM", 10**9)


def snapshot(tmp: Path, articles: list[Article]) -> dict:
    """What the articles come to: per article its forms and prepared fields, then the rows."""
    textnorm._memo.clear()
    (tmp / "same.toml").write_text(CONFIG, encoding="utf-8")
    store = Store.open(tmp / "same.db")
    ctx = Context(config.load(tmp / "same.toml", tmp / "same.db"), store)
    topics = topic_hashes(ctx)
    forms = []
    for a in articles:
        p = prepare(ctx.cfg, topics, a, "s", canonical_of(a))
        forms.append([textnorm.normalize(a.title), textnorm.normalize(a.body), textnorm.normalize_lines(a.body),
                      textnorm.normalize_map(a.body), textnorm.fold(a.body), scriptfold.fingerprint_text(a.body),
                      ftstokens.article_tokens(a.title, a.body), p.digest, p.tokens, p.keys, p.packed, p.shingles,
                      p.verdicts])
    ingest_many(ctx, [(a, "s", None) for a in articles])
    queries = {"articles": "SELECT id, url, canonical_url, title, body, content_hash, story_id FROM articles",
               "topics": "SELECT article_id, topic, score, hits, rules, reason FROM article_topics",
               "checks": "SELECT * FROM article_checks", "lsh": "SELECT article_id, key FROM lsh",
               "fingerprints": "SELECT article_id, shingles, sig FROM fingerprints"}
    rows = {name: sorted(map(tuple, store.conn.execute(sql))) for name, sql in queries.items()}
    store.close()
    return {"forms": forms, "rows": rows}


@pytest.mark.parametrize("dense", [False, True])
def test_fast_paths_prepare_and_store_what_the_plain_ones_do(tmp_path, monkeypatch, dense):
    articles = fixture_articles()
    # dense: past DENSE_AFTER, where long texts go through numpy; else the sparse dicts first
    monkeypatch.setattr(chartable, "_translated", chartable.DENSE_AFTER + 1 if dense else 0)
    (tmp_path / "fast").mkdir()
    fast = snapshot(tmp_path / "fast", articles)
    with monkeypatch.context() as plain:
        plain_paths(plain)
        (tmp_path / "plain").mkdir()
        expected = snapshot(tmp_path / "plain", articles)
    assert fast["rows"] == expected["rows"]
    for article, got, want in zip(articles, fast["forms"], expected["forms"], strict=True):
        assert got == want, article.title
    stories = [r[6] for r in fast["rows"]["articles"]]  # the conversions and the repost folded into one
    assert stories[1] == stories[2] == stories[6] == stories[0] and len(set(stories)) == 4
    assert any(v.matched for v, _ in fast["forms"][1][-1])  # the traditional conversion matched


def test_numpy_translation_is_str_translate_through_the_lists() -> None:
    # drops, expansions, NUL, surrogates, characters beyond the BMP, long and short runs
    rng = random.Random(7)
    alphabet = [*"上海滬對網①ｱ…㈠½™\0\x1f\u200b\ufeff\ue000\ud800\udfff \n(", "\U00020000", "\U0001f100", "\U000e0041",
                "\U0002f800", "\U00100000"] + [chr(rng.randrange(0x10000)) for _ in range(300)]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(chartable.NUMPY_FROM, 300)))
        for one_to_one in (True, False):
            assert chartable._np_translate(text, one_to_one) == text.translate(chartable._bmp(one_to_one)), text


def test_numpy_script_folding_is_the_regex_path(monkeypatch: pytest.MonkeyPatch) -> None:
    words = scriptfold._words()
    # characters with variants, first and second characters of regional words, one-character words
    pieces = [*map(chr, scriptfold.char_variants()), *(w for w in words.words if len(w) < 5), *words.single,
              *"上海三明 a1", "\U00020000", "\U0002f800", "\U00100000"]
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(scriptfold.NUMPY_FROM, 200)))
        with monkeypatch.context() as plain:
            plain.setattr(scriptfold, "NUMPY_FROM", 10**9)
            expected = scriptfold.fold_words(text)
        assert scriptfold.fold_words(text) == expected, text


def test_token_classes_are_the_word_regex_over_the_bmp() -> None:
    # the table is built by one regex pass over the BMP; the plain way: a match at a time
    ftstokens._classes.cache_clear()
    table = ftstokens._classes()
    ranges = ftstokens._ranges(ftstokens.CJK_CHARS)
    expected = [0] * len(table)
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    for m in ftstokens._word_re().finditer(bmp):
        for c in m.group():
            expected[ord(c)] = 2
    for lo, hi in ranges:
        expected[lo:hi + 1] = [1] * (hi + 1 - lo)
    assert table.tolist() == expected
    assert table[ord("a")] == table[ord("é")] == table[ord("٣")] == 2 and table[ord("_")] == table[ord(" ")] == 0


def test_short_texts_tokenised_in_python_as_by_numpy() -> None:
    # titles: every kind of character (CJK runs, words, beyond the BMP, kana, Hangul, line breaks)
    rng = random.Random(1)
    alphabet = [*"上海三明沪明 ab1_é٣\n,.アー한々", "\U00020000", "\U0001f600", ftstokens.MARK]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, ftstokens.SMALL - 1)))
        codes, words = ftstokens._scan(text)
        assert ftstokens._marked_tokens(text) == (ftstokens._spell(codes, True), words), text


def test_content_hash_drops_what_the_whitespace_regex_drops() -> None:
    spaces = "".join(chr(c) for c in range(0x3100) if re.fullmatch(r"\s", chr(c)))
    text = "上海" + spaces + "三明 a\u3000b" + spaces
    assert dedup.content_hash(text) == hashlib.sha1(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()
    assert len(spaces) >= 25


def _odd_lines(marks: str, seed: int) -> list[str]:
    """Lines of text, marks, closers, dots, spaces and line breaks in every order, and the edges."""
    rng = random.Random(seed)
    alphabet = marks + "上海三明ab1 \n\t.．。，”’」』）)…\u3000"
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    return [*lines, "", "\n", ".", "．", "a.", "a.\n", "a.\nb", "3.5", "x.y", "。\n", "。”\n", "。\n\n", "”",
            *NEWS.split("\n"), *ENGLISH.split("\n"), *PINYIN.split("\n"), *ODD.split("\n")]


def test_sentence_is_the_punctuation_regex() -> None:
    regex = re.compile(r"[。｡！？；!?;…]|[.．](?:\s|$)")  # an ellipsis ends a lead's sentence too (15d0b8d)
    for line in _odd_lines("｡！？；!?;", 3):
        assert dedup.sentence(line) == (regex.search(line) is not None), repr(line)
    text = "导航 首页\n" + NEWS + "\n责任编辑 林某\n相关新闻 三明"
    assert dedup.story_lines(text) == "\n".join(line for line in text.split("\n") if regex.search(line))


def test_chinese_sentence_end_is_the_end_regex() -> None:
    from monitor.extract.divs import _ends_sentence

    regex = re.compile(r"[。！？…][”’」』）)]*$")
    for line in _odd_lines("！？…", 4):
        assert _ends_sentence(line) == (regex.search(line) is not None), repr(line)


def test_band_rows_in_one_statement_are_the_rows_of_one_each(tmp_path) -> None:
    store = Store.open(tmp_path / "s.db")
    rng = random.Random(5)
    keys = [rng.getrandbits(64) - 2**63 for _ in range(33)]
    keys += [keys[3], -2**63, 2**63 - 1]  # a key twice (kept once), the ends of the signed range
    with store.transaction():
        store.add_fingerprint(7, 100, b"sig", keys, datetime(2026, 12, 6, tzinfo=timezone.utc))
        store.add_fingerprint(8, 10, b"sig", [], datetime(2026, 12, 6, tzinfo=timezone.utc))
        store.add_fingerprint(9, 50, b"sig", keys[:1], datetime(2026, 12, 5, tzinfo=timezone.utc))
    rows = sorted(store.conn.execute("SELECT key, article_id, created_at FROM lsh"))
    day = int(datetime(2026, 12, 6, tzinfo=timezone.utc).timestamp())
    assert rows == sorted({(k, 7, day) for k in keys} | {(keys[0], 9, day - 86400)})
    store.close()
