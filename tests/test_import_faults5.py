"""`monitor import` of archives as other programs write them (faults-import-5, session 31).
Real processes, real SQLite files."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from delivery_world import monitor_cli as monitor

TOPIC = 'include = ["monitor:topics/hu-ming.toml"]\n'


def published(tmp_path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn:
        return [p for (p,) in conn.execute("SELECT published FROM articles ORDER BY id")]


def write_lines(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_dates_as_java_dotnet_and_fine_unix_clocks_write_them_are_read(tmp_path):
    """Java's ZonedDateTime (`…+0800[Asia/Shanghai]`, Jackson's default), .NET's JSON date
    (`/Date(ms+0800)/`), Unix time in microseconds and nanoseconds, and a compact stamp to the hour
    (yyyyMMddHH) or the millisecond. Was: the first four refused ('is not a date'), and
    '2026120308' read as Unix seconds, 2034-03-16, silently."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    given = ["2026-12-03T08:00:00.000+0800[Asia/Shanghai]", "2026-12-03T08:00[Asia/Shanghai]",
             "/Date(1764720000000+0800)/", 1764720000000000, "1764720000000000000", "2026120308",
             2026120308, 20261203080000123, 1764720000]
    rows = [{"url": f"https://news.example.cn/a/{i}.html", "title": f"沪明合作第{i}篇", "published": when,
             "body": f"上海市与三明市签订对口合作协议，两地共建第{i}个产业园。"} for i, when in enumerate(given)]
    result = monitor(tmp_path, "import", str(write_lines(tmp_path / "in.jsonl", rows)))
    assert result.returncode == 0 and "9 new" in result.stdout, result.stdout + result.stderr
    assert published(tmp_path) == ["2026-12-03T00:00:00+00:00"] * 2 + ["2025-12-03T00:00:00+00:00"] * 3 + \
        ["2026-12-03T00:00:00+00:00"] * 3 + ["2025-12-03T00:00:00+00:00"]


def stored_urls(tmp_path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn:
        return [u for (u,) in conn.execute("SELECT url FROM articles ORDER BY id")]


def item(n: int) -> dict:
    return {"url": f"https://www.smrb.example.cn/a/{n}.html", "title": f"沪明合作第{n}篇",
            "content_text": f"上海市与三明市签订对口合作协议，两地共建第{n}个产业园。"}


def test_a_one_line_document_naming_its_sites_address_before_its_items_is_read_as_one(tmp_path):
    """json.dump of a feed or a site's export: `{"url": <the site>, "title": ..., "items": [...]}` on
    one line. The reader took the site's `url` for the line's own (a JSON line) and skipped the
    whole file as one line that 'needs "title" and "body"': every item lost. A JSON line with its
    text, or followed by more lines, is still a JSON line."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    doc = {"version": "https://jsonfeed.org/version/1.1", "url": "https://www.smrb.example.cn/", "title": "三明日报",
           "items": [item(1), item(2)]}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")  # no line end, as json.dump writes
    result = monitor(tmp_path, "import", str(path))
    assert result.returncode == 0 and "2 items: 2 new" in result.stdout, result.stdout + result.stderr
    assert stored_urls(tmp_path) == ["https://www.smrb.example.cn/a/1.html", "https://www.smrb.example.cn/a/2.html"]

    own = {"url": "https://www.smrb.example.cn/a/3.html", "items": [{"n": 1}],  # an article's own list, then its text
           **{k: v for k, v in item(3).items() if k != "url"}}
    lines = write_lines(tmp_path / "lines.jsonl", [own, item(4)])
    again = monitor(tmp_path, "import", str(lines))
    assert again.returncode == 0 and "2 lines: 2 new" in again.stdout, again.stdout + again.stderr



def test_json_lines_holding_a_list_before_a_long_text_stay_json_lines(tmp_path):
    """The same JSON lines with a long text: the reader sees the input's first bytes only, and a
    first line going on past them had no line after it there, so the file was read as one document:
    the line's own list (`"data": [{"tag": …}]`) taken for its articles, every line lost, exit 1."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    long_text = "上海市与三明市签订对口合作协议，两地共建产业园，推动更多上海企业在三明落地。" * 8000  # 900 KB a line
    rows = [{"url": f"https://www.smrb.example.cn/a/{n}.html", "title": f"沪明合作共建产业园第{n}批项目签约",
             "data": [{"tag": "沪明合作"}], "body": f"第{n}批：{long_text}"} for n in (1, 2)]
    result = monitor(tmp_path, "import", str(write_lines(tmp_path / "long.jsonl", rows)))
    assert result.returncode == 0 and "2 lines: " in result.stdout and "0 skipped" in result.stdout, \
        result.stdout + result.stderr
    assert stored_urls(tmp_path) == ["https://www.smrb.example.cn/a/1.html", "https://www.smrb.example.cn/a/2.html"]

def test_more_after_a_json_documents_end_is_named_not_dropped(tmp_path):
    """A pretty-printed object holding the items, then more (two exports concatenated, a JSON line
    appended by hand): the rest was dropped without a word, exit 0."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    path = tmp_path / "two.json"
    path.write_text(json.dumps({"title": "三明日报", "items": [item(1)]}, ensure_ascii=False, indent=1) + "\n"
                    + json.dumps(item(2), ensure_ascii=False) + "\n", encoding="utf-8")
    result = monitor(tmp_path, "import", str(path))
    assert result.returncode == 1 and "1 item: 1 new" in result.stdout, result.stdout + result.stderr
    assert "skipped: line 11: more after the JSON object's end, not read" in result.stderr, result.stderr


SITEMAP = TOPIC + """[[sources]]
name = "county-paper"
kind = "sitemap"
url = "http://127.0.0.1:9/sitemap.xml"
"""


def test_an_archive_imported_before_m026_matches_its_topics_when_imported_again(tmp_path):
    """An archive imported under a sitemap source's name (max_age_days 30) before migration m026
    marked imports: its old articles were stored matching no topic, m026 left them unmarked
    (imported NULL), and every re-match since, or a run again of the same import ('2 already
    stored'), kept them so: search --topic, feeds and digests never had them. A run again now
    marks them imported and matches them as an import's."""
    (tmp_path / "monitor.toml").write_text(SITEMAP, encoding="utf-8")
    rows = [{"url": f"https://news.example.cn/a/{i}.html", "source": source, "published": "2019-05-04T09:00:00+08:00",
             "title": title, "body": f"{title}。上海市与三明市深化对口合作，两地合作共建产业园。"}
            for i, (source, title) in enumerate([("county-paper", "三明市与上海市签订对口合作框架协议"),
                                                 ("elsewhere", "沪明两地共建三明产业园区")])]
    path = write_lines(tmp_path / "archive.jsonl", rows)
    assert monitor(tmp_path, "import", str(path)).returncode == 0
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn, conn:
        conn.execute("UPDATE articles SET imported = NULL")  # as an import before m026 left its rows
    assert monitor(tmp_path, "rematch").returncode == 0  # judged as a poll's, as every re-match since did

    def found() -> list[str]:
        result = monitor(tmp_path, "search", "三明", "--topic", "hu-ming", "--format", "urls")
        assert result.returncode == 0, result.stderr
        return sorted(result.stdout.split())

    assert found() == ["https://news.example.cn/a/1.html"]
    again = monitor(tmp_path, "import", str(path))
    assert again.returncode == 0 and "2 already stored, 1 matched a topic" in again.stdout, again.stdout + again.stderr
    assert found() == ["https://news.example.cn/a/0.html", "https://news.example.cn/a/1.html"]
    assert monitor(tmp_path, "rematch").returncode == 0 and len(found()) == 2  # marked: it stays matched


def test_a_gbk_table_or_array_whose_first_rows_are_english_keeps_its_chinese_rows(tmp_path):
    """A CSV (or a JSON array) saved as GBK by a Chinese Windows tool whose first 8 KB are ASCII
    (English rows, long addresses): its encoding was judged by those bytes alone, UTF-8, and the
    Chinese rows after them were stored as U+FFFD, silently. They are read as GB18030 now, said
    once with the line it began at."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    english = [(f"https://news.example.cn/en/{i}.html", f"Shanghai and Sanming sign cooperation deal number {i}",
                f"Shanghai and Sanming signed agreement {i} on industrial parks, the {i}th of the year.") for i in range(120)]
    chinese = [(f"https://news.example.cn/zh/{i}.html", f"上海与三明签订对口合作协议第{i}号",
                f"上海市与三明市今天签订第{i}号对口合作协议，两地共建产业园。") for i in range(3)]
    csv_rows = ["url,title,body"] + [",".join(row) for row in english + chinese]
    (tmp_path / "late.csv").write_bytes(("\r\n".join(csv_rows) + "\r\n").encode("gb18030"))
    array = json.dumps([{"url": u, "title": t, "body": b} for u, t, b in english + chinese], ensure_ascii=False, indent=1)
    (tmp_path / "late.json").write_bytes(array.replace("/en/", "/en2/").replace("/zh/", "/zh2/").encode("gb18030"))
    for name, unit, line in (("late.csv", "rows", 122), ("late.json", "items", 604)):
        result = monitor(tmp_path, "import", str(tmp_path / name))
        assert result.returncode == 0 and f"123 {unit}: " in result.stdout, result.stdout + result.stderr
        assert f"read as GB18030 (GBK) from line {line} on" in result.stderr, result.stderr
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn:
        titles = [t for (t,) in conn.execute("SELECT title FROM articles WHERE url LIKE '%/zh%' ORDER BY id")]
    assert titles == [f"上海与三明签订对口合作协议第{i}号" for i in range(3)] * 2, titles


def test_a_run_again_over_articles_matched_already_counts_none_matched(tmp_path):
    """Articles a poll stored and matched (imported NULL, as a poll leaves them), given again in an import, were
    marked and matched again, and the summary counted every one as "matched a topic": a re-import of a poll's own
    articles reported matches every digest had carried already (session 32). Only those matching no topic before
    count now."""
    (tmp_path / "monitor.toml").write_text(SITEMAP, encoding="utf-8")
    recent = "2026-12-01T09:00:00+08:00"
    rows = [{"url": f"https://news.example.cn/b/{i}.html", "source": "county-paper", "published": recent,
             "title": title, "body": f"{title}。上海市与三明市深化对口合作，两地合作共建产业园。"}
            for i, title in enumerate(["三明市与上海市签订对口合作框架协议", "沪明两地共建三明产业园区"])]
    path = write_lines(tmp_path / "archive.jsonl", rows)
    first = monitor(tmp_path, "import", str(path))
    assert first.returncode == 0 and "2 new" in first.stdout and "2 matched a topic" in first.stdout, first.stdout
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn, conn:
        conn.execute("UPDATE articles SET imported = NULL")  # as a poll leaves the rows it stores
    again = monitor(tmp_path, "import", str(path))
    assert again.returncode == 0 and "2 already stored, 0 matched a topic" in again.stdout, again.stdout + again.stderr
