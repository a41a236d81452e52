"""Story folding of the reposts a content hash and bands of three miss: reprints cut anywhere
(anchors), mirrors that break the text every few words (coverage), reposts of an old story
in a later import (signatures by publication date), and band rows dated as the import dates
them after a rebuild. Near misses (one template with other figures, a column's next part,
another story of the same days) stay apart."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from test_dedup import _POOL, _opened

from monitor import datedsigs, dedup, scriptfold
from monitor.pipeline import Context, import_lines
from monitor.pipeline.ingest import rebuild_fingerprints
from monitor.store import utcnow

# Our own story, ten sentences over five paragraphs.
TEA = ("三明市大田县高山茶专业合作社本周在上海市杨浦区开出第二家直营门店，店内陈列着合作社四十多户茶农的春茶和白茶。\n"
       "合作社理事长介绍，去年以来，杨浦区对口帮扶干部帮助合作社对接了两家连锁超市和一个线上平台，茶叶销量比前年翻了一番。"
       "门店开业当天，不少附近居民专程前来品尝，有人一次买下十几斤。\n"
       "为保证品质，合作社在茶园里装上了温湿度监测设备，采摘、杀青和揉捻的每一步都有记录，顾客扫码就能看到。"
       "上海一家检测机构每季度到茶园抽检一次，检测结果在门店公示。\n"
       "杨浦区商务部门负责人表示，下一步将在区内社区商业中心再布点三处，让更多上海市民喝上大田的好茶。"
       "大田县也在筹划把茶园观光和疗休养线路串起来，邀请上海职工到产地看一看。\n"
       "据统计，今年前十个月，大田县销往上海的茶叶已超过三百吨，带动一千二百多户茶农增收。"
       "合作社计划明年再吸收六十户农户入社，并在门店旁开设一个茶艺体验区。")


def _stories(tmp_path, *imports: list[dict]) -> list[int]:
    """Each list imported by its own `import_lines` run (a later import), in order; story ids."""
    cfg, store = _opened(tmp_path)
    try:
        for lines in imports:
            import_lines(Context(cfg, store), [json.dumps(x, ensure_ascii=False) for x in lines])
        return [r[0] for r in store.db.execute("SELECT story_id FROM articles ORDER BY id")]
    finally:
        store.close()


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_POOL) for _ in range(n))


def _fp(text: str) -> dedup.Fingerprint:
    return dedup.fingerprint(scriptfold.fingerprint_text(text))


def test_an_abridged_reprint_that_cuts_a_clause_in_its_opening_is_a_candidate():
    # A paper's short version keeps two sentences of twelve and drops a clause of the first
    # inside its first 40 characters: the opening's key differs, Jaccard is about 0.2, so
    # bands of three find it about one time in five; with the anchors, nine in ten.
    rng = random.Random(31)
    found = 0
    for _ in range(40):
        sentences = [_text(rng, 20) + "，" + _text(rng, 25) + "，" + _text(rng, 20) + "。" for _ in range(12)]
        first = sentences[0][:21] + sentences[0][47:]  # the middle clause gone
        kept = [first] + [sentences[i] for i in sorted(rng.sample(range(1, 12), 2))]
        a, b = _fp("\n".join(sentences)), _fp("\n".join(kept))
        assert dedup.containment(a.grams, b.grams) > 0.9 and a.lead != b.lead
        found += bool(set(a.keys()) & set(b.keys()))
    assert found >= 36, found


def test_the_second_page_of_a_story_is_a_candidate():
    # A mirror splitting a story over pages: its last page holds a third of the text, no opening.
    rng = random.Random(32)
    found = 0
    for _ in range(40):
        sentences = [_text(rng, 50) + "。" for _ in range(12)]
        a, b = _fp("\n".join(sentences)), _fp("\n".join(sentences[8:]) + "\n上一页 1 2 3")
        found += bool(set(a.keys()) & set(b.keys()))
    assert found >= 38, found


def _spam(text: str, words: list[str], step: int) -> str:
    """The text with one of `words` after every `step` characters of each line."""
    out = []
    for n, line in enumerate(text.split("\n")):
        pieces = [line[i:i + step] for i in range(0, len(line), step)]
        out.append("".join(p + (words[(n + i) % len(words)] if i < len(pieces) - 1 else "")
                           for i, p in enumerate(pieces)))
    return "\n".join(out)


def test_a_mirror_inserting_words_every_dozen_characters_folds(tmp_path):
    # A spam mirror breaks the story every 11 characters with its title's words: under 0.7 of
    # the original's shingles survive, yet every character of the original sits in a shared one.
    mirror = _spam(TEA, ["大田茶", "上海门店", "高山茶"], 11)
    a, b = _fp(TEA), _fp(mirror)
    assert 0.5 <= dedup.containment(a.grams, b.grams) < 0.7
    assert dedup.coverage(scriptfold.fingerprint_text(TEA), b.grams) > 0.95
    stories = _stories(tmp_path, [{"url": "https://a.example.cn/tea.html", "title": "大田高山茶进上海", "body": TEA},
                                  {"url": "https://spam.example.com/x/1", "title": "大田茶 上海门店 高山茶", "body": mirror}])
    assert stories[0] == stories[1]


def _report(month: int, figures: list[str]) -> str:
    return (f"据市统计局消息，{month}月份全市接待上海游客{figures[0]}万人次，同比增长{figures[1]}%，旅游收入{figures[2]}亿元。"
            f"其中来明疗休养职工{figures[3]}人次，旅游专列开行{figures[4]}趟，A级景区接待游客{figures[5]}万人次，"
            f"泰宁、将乐、建宁等县接待量居前。1至{month}月累计接待上海游客{figures[6]}万人次，同比增长{figures[7]}%。"
            "市文旅部门表示，下一步将继续做好两地客源互送，推出更多适合上海职工的线路。")


def test_two_reports_from_one_template_with_other_figures_stay_apart(tmp_path):
    # Every figure differs, so half the shingles break as with a spam mirror, but the changed
    # figures are characters of the shorter text that no shared shingle holds.
    rng = random.Random(33)
    one, two = (_report(m, [f"{rng.uniform(1, 90):.1f}" for _ in range(8)]) for m in (5, 6))
    a, b = _fp(one), _fp(two)
    assert dedup.containment(a.grams, b.grams) >= 0.5
    assert dedup.coverage(scriptfold.fingerprint_text(one), b.grams) < 0.95
    stories = _stories(tmp_path, [{"url": f"https://tj.example.cn/{n}", "title": "旅游统计", "body": body}
                                  for n, body in enumerate((one, two))])
    assert stories[0] != stories[1]


_OLD = datetime(2023, 5, 8, 9, 30, tzinfo=timezone.utc)


def _dated(url: str, title: str, body: str, when: datetime) -> dict:
    return {"url": url, "title": title, "body": body, "published": when.isoformat()}


def test_a_repost_of_an_old_story_arriving_in_a_later_import_folds(tmp_path):
    # The first import's band rows of articles published before the window go when it ends, so
    # the later import's repost finds the original by publication date and signature instead.
    abridged = "\n".join(TEA.split("\n")[:3]) + "\n（来源：某某茶讯）"
    other = ("三明市沙县区小吃产业园本周迎来上海餐饮企业考察团，双方就中央厨房建设和冷链配送达成合作意向。"
             "考察团参观了园区的米面加工车间和检测中心，并与十余家小吃企业座谈。") * 2
    first = [_dated("https://a.example.cn/tea.html", "大田高山茶进上海", TEA, _OLD),
             _dated("https://a.example.cn/sx.html", "沙县小吃产业园迎客", other, _OLD)]
    later = [_dated("https://b.example.com/tea", "大田茶在沪开店", abridged, _OLD + timedelta(days=2)),
             _dated("https://c.example.com/tea", "大田茶在沪开店", "\n".join(TEA.split("\n")[3:]), _OLD + timedelta(days=1))]
    stories = _stories(tmp_path, first, later)
    assert stories[2] == stories[0] and stories[3] == stories[0] and stories[1] != stories[0]


def test_an_old_story_is_looked_for_among_articles_published_near_its_date_only():
    rng = random.Random(34)
    fp = _fp("\n".join(_text(rng, 50) + "。" for _ in range(8)))
    rows = [(1, int(_OLD.timestamp()), 10, fp.count, fp.packed()),
            (2, int((_OLD + 2 * datedsigs.NEAR).timestamp()), 20, fp.count, fp.packed())]
    table = datedsigs.DatedSignatures(rows)
    assert [c["article_id"] for c in table.candidates(fp.packed(), _OLD + timedelta(days=1))] == [1]
    day = timedelta(days=1)
    start = datetime(2023, 5, 1, tzinfo=timezone.utc)  # _OLD's day less NEAR
    end = timedelta(seconds=1)
    assert datedsigs.spans([_OLD, _OLD + 3 * day]) == [(start, start + 18 * day - end)]
    assert datedsigs.spans([_OLD, _OLD + 40 * day]) == [(start, start + 15 * day - end),
                                                        (start + 40 * day, start + 55 * day - end)]
    # a batch of dates over a year reads the MAX_DAYS days most of them need, not the year
    year = datedsigs.spans([_OLD + n * day for n in range(365)] + [_OLD + 100 * day] * 5)
    assert sum((b - a).days + 1 for a, b in year) == datedsigs.MAX_DAYS
    assert any(a <= _OLD + 100 * day <= b for a, b in year)
    unrelated = _fp("\n".join(_text(rng, 50) + "。" for _ in range(8)))
    assert table.candidates(unrelated.packed(), _OLD) == []


def test_rebuilt_band_rows_are_dated_by_publication_as_a_backfill_dates_them(tmp_path):
    # A store backfilled last week: its old articles were fetched inside the window but
    # published long before; a rebuild after a fingerprint upgrade must not give them band rows.
    fresh = utcnow() - timedelta(days=3)
    lines = [_dated("https://a.example.cn/tea.html", "大田高山茶进上海", TEA, _OLD),
             _dated("https://a.example.cn/new.html", "沪明合作新闻", TEA.replace("大田", "尤溪"), fresh)]
    cfg, store = _opened(tmp_path)
    try:
        import_lines(Context(cfg, store), [json.dumps(x, ensure_ascii=False) for x in lines])
        store.conn.execute("DELETE FROM lsh")
        store.conn.execute("DELETE FROM fingerprints")
        store.conn.commit()
        assert rebuild_fingerprints(Context(cfg, store)) == 2
        banded = dict(store.conn.execute("SELECT a.url, count(*) FROM lsh JOIN articles a ON a.id = lsh.article_id "
                                         "GROUP BY a.url").fetchall())
        # bands, the lead, the opening's and the headline's keys (`ingest.stored_keys`), the anchors
        assert banded == {"https://a.example.cn/new.html": dedup.BANDS + 1 + 2 + dedup.ANCHORS}
    finally:
        store.close()


def test_the_upgrade_refingerprints_only_the_articles_with_band_rows(tmp_path):
    from sqlite_utils import Database

    from monitor.store.schema import migrations

    old = Database(sqlite3.connect(tmp_path / "m.db"))
    migrations.apply(old, stop_before="m016_lsh_anchor_keys")
    old["stories"].insert({"id": 1, "title": "t"})
    fp = _fp(TEA)
    for i in (7, 8):
        old["articles"].insert({"id": i, "canonical_url": f"http://a/{i}", "title": "t", "body": TEA, "story_id": 1,
                                "fetched_at": utcnow().isoformat(), "content_hash": dedup.content_hash(
                                    scriptfold.fingerprint_text(TEA))})
        old["fingerprints"].insert({"article_id": i, "shingles": fp.count, "sig": fp.packed()})
    old["lsh"].insert_all([{"key": k, "article_id": 7, "created_at": int(utcnow().timestamp())}
                           for k in fp.keys()[:dedup.BANDS + 1]])  # as m015 left them: no anchors
    old.conn.commit()
    old.close()
    cfg, store = _opened(tmp_path)
    try:
        assert [r[0] for r in store.conn.execute("SELECT article_id FROM fingerprints")] == [8]
        assert rebuild_fingerprints(Context(cfg, store)) == 1
        keys = {r[0] for r in store.conn.execute("SELECT key FROM lsh WHERE article_id = 7")}
        assert keys == set(fp.keys()) | set(fp.openings) and len(fp.anchors) == dedup.ANCHORS  # "t": no headline key
    finally:
        store.close()


FIGURES_CHILD = ("import sys\nfrom monitor.dedup import figures\n"
                 "print(len(figures(sys.argv[1] * int(sys.argv[2]) + sys.argv[3])))\n")


@pytest.mark.parametrize(("unit", "end"), [("1", "月"), ("1.", "日"), ("12.3", "号")])
def test_a_page_of_digits_before_a_day_cannot_stall_the_figures(unit, end):
    """A run of digits (and dots) ending in 月/日/号 is a date, no figure; the lookahead that said
    so scanned the rest of the run from every digit in it: 2,000 digits took 4 s, 100,000 many
    hours. In a child with a deadline, as the matcher's stall tests run."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FIGURES_CHILD, unit, str(100_000 // len(unit)), end],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.split() == ["0"], done.stderr[-300:]
    assert dedup.figures("增长12.5%，共1200人，12月3日") == {"12.5", "1200"}
