"""`monitor import`: bad lines reported by number and skipped (exit 1), good ones land; input read
as bytes per line; long bodies cut with a warning; memory flat in the file's size."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from monitor.pipeline.importer import read_lines

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'
GOOD = {"url": "http://a.example/1", "title": "沪明对口合作推进会召开",
        "body": "上海市与三明市召开对口合作推进会，两地签署产业园区共建协议。"}


def line(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def run_import(tmp_path, data: bytes, *extra: str) -> subprocess.CompletedProcess:
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "in.jsonl").write_bytes(data)
    # VmHWM is this process image's own peak; ru_maxrss on Linux keeps the forking parent's
    # (pytest's) peak across exec, so it grew with whatever ran before this test.
    code = ("import re, sys\nfrom monitor.cli import main\ntry:\n    main()\nfinally:\n"
            "    hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
            "    print('maxrss_kb', hwm, file=sys.stderr)\n")
    return subprocess.run([sys.executable, "-c", code, "--config", str(tmp_path / "monitor.toml"),
                           "--db", str(tmp_path / "m.db"), "import", str(tmp_path / "in.jsonl"), *extra],
                          capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                          timeout=120)


def test_bad_lines_are_reported_by_number_and_the_good_ones_land(tmp_path):
    data = (line(GOOD)
            + "{\"url\": \"http://a.example/2\", \"title\": \"三明\", \"body\": \"三明新闻\"}".encode("gb18030") + b"\n"
            + b"\xff\xfe not utf-8 at all\n"
            + b"{broken json\n"
            + line({"title": "no url", "body": "x"})
            + line({"url": "http://a.example/3", "title": 5, "body": "x"})
            + line({"url": "http://a.example/4", "title": "ok", "body": "三明市召开森林防火会议。"})
            + b"\n")
    result = run_import(tmp_path, data)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "7 lines: 3 new, 0 reposts, 0 already stored, 1 matched a topic, 4 skipped" in result.stdout
    assert "warning: line 2: read as GB18030 (GBK), not UTF-8" in result.stderr  # a GBK line is Chinese text
    for n, why in [(3, "not UTF-8 (byte 0xff at offset 0)"), (4, "not JSON"),
                   (5, 'missing "url"'), (6, 'needs "title" and "body" strings')]:
        assert f"skipped: line {n}: {why}" in result.stderr


def test_all_good_lines_exit_0_and_a_bom_is_ignored(tmp_path):
    result = run_import(tmp_path, b"\xef\xbb\xbf" + line(GOOD))
    assert result.returncode == 0 and "1 new" in result.stdout, result.stderr


def test_a_5_mb_body_is_cut_with_a_warning_and_memory_stays_small(tmp_path):
    huge = {"url": "http://a.example/big", "title": "长文", "body": ("三明市召开会议部署工作。" * 12 + "\n") * 35000}
    assert len(huge["body"]) > 5_000_000
    result = run_import(tmp_path, line(huge) + line(GOOD))
    assert result.returncode == 0, result.stderr
    assert "2 new" in result.stdout
    assert "warning: line 1: body cut from 5,075,000 to" in result.stderr
    maxrss_mb = int(result.stderr.rsplit("maxrss_kb", 1)[1]) / 1024
    assert maxrss_mb < 250  # was 578 MB: the whole 5 MB body went through normalisation with offsets
    import sqlite3

    conn = sqlite3.connect(tmp_path / "m.db")
    stored = conn.execute("SELECT length(body) FROM articles WHERE url = 'http://a.example/big'").fetchone()[0]
    assert 900_000 <= stored <= 1_000_000


def test_a_smaller_cap_from_the_command_line(tmp_path):
    result = run_import(tmp_path, line({**GOOD, "body": "三明" * 5000}), "--max-body", "2000")
    assert result.returncode == 0 and "body cut from 10,000 to 2,000 characters" in result.stderr


def test_lines_are_read_as_bytes_and_an_overlong_line_is_skipped_unread():
    stream = io.BytesIO(b"a\n" + b"x" * 50 + b"\n" + b"b\n" + b"tail-without-newline")
    assert list(read_lines(stream, limit=20)) == [b"a\n", None, b"b\n", b"tail-without-newline"]


def _mixed_lines(n: int) -> list[bytes]:
    """n import lines: articles on and off the topic, every seventh a repost of an earlier one
    (other header and footer), every thirteenth a URL given twice, a few bad lines, an html line."""
    import random

    rng = random.Random(5)
    words = ["上海", "三明", "对口合作", "沪明", "产业园", "森林", "防火", "茶叶", "旅游", "医院", "签约", "学校"]
    out, bodies = [], []
    for i in range(n):
        if i % 41 == 40:
            out.append(b"{broken json\n")
            continue
        if i % 13 == 12:
            out.append(line({"url": f"http://mix.example/{i - 1}", "title": "again", "body": "重复的链接。"}))
            continue
        if i % 7 == 6 and bodies:
            body = "本报讯 " + rng.choice(bodies) + " （完）"
        else:
            body = "，".join("".join(rng.choice(words) for _ in range(5)) for _ in range(30)) + "。"
            bodies.append(body)
        obj = {"url": f"http://mix.example/{i}", "title": f"第{i}号 " + "".join(rng.sample(words, 3)), "body": body,
               "source": f"s{i % 3}", "published": f"2026-11-{1 + i % 28:02d}"}
        if i == 100:
            obj = {"url": obj["url"], "html": f"<html><body><h1>{obj['title']}</h1><p>{body}</p></body></html>"}
        out.append(line(obj))
    return out


_IMPORT_IN = """
import json, sys
from monitor import config
from monitor.pipeline import Context, import_lines, search
from monitor.store import Store
cfg_path, db, data, workers = sys.argv[1:5]
ctx = Context(config.load(cfg_path, db), Store.open(db))
lines = open(data, "rb").read().splitlines(keepends=True)
out = []
for _ in range(2):  # the second time, everything is known
    r = import_lines(ctx, iter(lines), workers=int(workers))
    out.append([r.lines, r.new, r.reposts, r.duplicates, r.matched, r.errors, r.warnings])
out.append([x["url"] for x in search(ctx, "沪明 对口合作", limit=0, articles=True)])
print(json.dumps(out))
"""


def test_workers_store_exactly_what_one_process_stores(tmp_path):
    """The import's worker processes (past 256 lines) change nothing but the speed: the same
    report, articles, stories, topic verdicts and search results as importing in one process.
    Each import runs in a fresh interpreter, as `monitor import` does (a fork from this test
    process would copy pytest's threads)."""
    import sqlite3

    (tmp_path / "c.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "in.jsonl").write_bytes(b"".join(_mixed_lines(400)))
    seen = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        done = subprocess.run([sys.executable, "-c", _IMPORT_IN, str(tmp_path / "c.toml"), str(db),
                               str(tmp_path / "in.jsonl"), str(workers)], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        report, again, hits = json.loads(done.stdout)
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT a.url, a.content_hash, (SELECT min(b.url) FROM articles b WHERE b.story_id = a.story_id), "
                            "(SELECT group_concat(topic) FROM article_topics t WHERE t.article_id = a.id) "
                            "FROM articles a ORDER BY a.id").fetchall()
        conn.close()
        seen.append((report, again, hits, rows))
    (one, one_again, one_hits, one_rows), (two, two_again, two_hits, two_rows) = seen
    assert two == one
    lines, new, reposts, duplicates, matched, errors, _ = one
    assert reposts > 20 and duplicates > 20 and len(errors) == 9 and matched > 100 and new > 200
    assert two_again[3] == one_again[3] == lines - len(errors)  # all known the second time
    assert two_hits == one_hits and len(one_hits) > 20
    assert two_rows == one_rows


def test_a_prepared_article_crosses_processes_at_half_the_bytes_and_loses_nothing(tmp_path):
    import pickle

    from monitor import config
    from monitor.pipeline.checks import rules_hash
    from monitor.pipeline.importer import article_from_json
    from monitor.pipeline.ingest import prepare

    (tmp_path / "c.toml").write_text(CONFIG, encoding="utf-8")
    cfg = config.load(tmp_path / "c.toml", tmp_path / "m.db")
    topics = [(n, t, rules_hash(t)) for n, t in cfg.topics.items()]
    body = "".join(raw.decode() for raw in _mixed_lines(40) if b"\"body\"" in raw)  # varied text
    article, name = article_from_json(json.dumps({**GOOD, "body": body}, ensure_ascii=False), 1)
    sent = prepare(cfg, topics, article, name, "http://a.example/1")
    data = pickle.dumps(sent)
    got = pickle.loads(data)
    assert got.fp is None and len(data) < 0.6 * len(pickle.dumps({**sent.__dict__}))
    assert (got.body, got.tokens, got.keys, got.packed, got.shingles, got.digest, got.verdicts) == \
        (sent.body, sent.tokens, sent.keys, sent.packed, sent.shingles, sent.digest, sent.verdicts)
    assert sent.fp is not None and list(got.grams()) == list(sent.fp.grams) and sent.shingles > 40


def test_a_lone_surrogate_escaped_in_a_line_is_stored_as_a_replacement_character(tmp_path):
    """JSON may escape half of a UTF-16 pair (`\\ud800`); storing it raised UnicodeEncodeError and
    the import ended in a traceback."""
    data = (b'{"url": "http://a.example/s", "title": "\\u6caa\\u660e\\ud800\\u5408\\u4f5c", '
            b'"body": "\\u4e09\\u660e\\u4e0e\\u4e0a\\u6d77\\u5bf9\\u53e3\\u5408\\u4f5c\\udc00\\u7b7e\\u7ea6\\u3002", '
            b'"source": "s\\udfff"}\n' + line(GOOD))
    result = run_import(tmp_path, data)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "2 new" in result.stdout, result.stdout
    import sqlite3

    with sqlite3.connect(tmp_path / "m.db") as db:
        row = db.execute("SELECT title, body, source FROM articles WHERE url = 'http://a.example/s'").fetchone()
    assert row == ("沪明\ufffd合作", "三明与上海对口合作\ufffd签约。", "s\ufffd")


def test_an_address_that_is_no_web_page_skips_its_line(tmp_path):
    """javascript:, data:, mailto:, a bare path or a control character in `url`: the line is
    named and skipped (it was stored, and linked as given); a Chinese path is an address."""
    from monitor.errors import InputError
    from monitor.pipeline.importlines import article_from_json

    for url in ["javascript:alert(1)", "data:text/html,<p>x</p>", "mailto:a@example.cn", "/n/1.htm", "//x.cn/a",
                "http://x.cn/\x00a", "https:///nohost"]:
        with pytest.raises(InputError, match="is not an http\\(s\\) address"):
            article_from_json(json.dumps({"url": url, "title": "t", "body": "b"}), 3)
    art, _ = article_from_json(json.dumps({"url": " https://例子.中国/新闻/1.html ", "title": "t", "body": "b"},
                                          ensure_ascii=False), 1)
    assert art.url == "https://例子.中国/新闻/1.html"
    art, _ = article_from_json(json.dumps({"url": "https://x.example.cn/a page.html", "title": "t", "body": "b"}), 1)
    assert art.url == "https://x.example.cn/a%20page.html"


def test_one_page_exported_under_two_queries_is_one_article(tmp_path):
    """An export that listed one page twice under a parameter that changed between reads: the
    same text at the same address is one article; the same text elsewhere is still a repost."""
    lines = [line({**GOOD, "url": "http://a.example/news/1.html?rnd=1"}),
             line({**GOOD, "url": "http://a.example/news/1.html?rnd=2"}),
             line({**GOOD, "url": "http://b.example/copy/1.html?rnd=2"})]
    result = run_import(tmp_path, b"".join(lines))
    assert result.returncode == 0, result.stderr
    db = sqlite3.connect(tmp_path / "m.db")
    assert sorted(u for (u,) in db.execute("SELECT url FROM articles")) == [
        "http://a.example/news/1.html?rnd=1", "http://b.example/copy/1.html?rnd=2"]
    assert db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == 1
