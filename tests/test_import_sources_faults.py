"""`monitor import` of an archive under the name of a configured source. Real processes, real SQLite.

A source's `max_age_days` (30 by default for a sitemap) keeps a poll from taking the old pages a
listing still shows for news: an article published more than that before it was fetched is stored
unmatched. An import is no poll: the user asked for those years of coverage. Was: the archive's
articles imported under such a source's name were stored matching no topic (`search --topic`, the
feeds and the digests never had them; the summary said only 'N matched a topic'), and a topic added
later (or any re-match after an upgrade) judged them by the import's time as well.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from delivery_world import monitor_cli as monitor

SOURCE = """include = ["monitor:topics/hu-ming.toml"]
[[sources]]
name = "county-paper"
kind = "sitemap"
url = "http://127.0.0.1:9/sitemap.xml"
[[sources]]
name = "city-feed"
url = "http://127.0.0.1:9/feed.xml"
max_age_days = 7
"""
ADDED_TOPIC = """
[topics.sanming.groups.city]
terms = ["三明"]
[[topics.sanming.rules]]
name = "named"
all = ["city"]
"""


def lines(tmp_path: Path) -> Path:
    fresh = (datetime.now(timezone.utc) - timedelta(hours=2)).replace(microsecond=0).isoformat()
    rows = [("county-paper", "2019-05-04T09:00:00+08:00", "三明市与上海市签订对口合作框架协议"),
            ("county-paper", fresh, "上海援建三明的康养基地开工建设"),
            ("city-feed", "2021-11-20T09:00:00+08:00", "上海市三明商会举办沪明合作论坛"),
            ("elsewhere", "2019-05-04T09:00:00+08:00", "沪明两地共建三明产业园区")]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps({"url": f"https://news.example.cn/a/{i}.html", "source": source, "published": when,
                                        "title": title, "body": f"{title}。上海市与三明市深化对口合作，两地合作共建产业园。"},
                                       ensure_ascii=False) + "\n" for i, (source, when, title) in enumerate(rows)),
                    encoding="utf-8")
    return path


def found(tmp_path: Path, topic: str) -> set[str]:
    result = monitor(tmp_path, "search", "三明", "--topic", topic, "--format", "urls")
    assert result.returncode == 0, result.stderr
    return {line.rsplit("/", 1)[-1] for line in result.stdout.split()}


def test_an_archive_imported_under_a_sources_name_matches_its_topics_old_as_it_is(tmp_path):
    (tmp_path / "monitor.toml").write_text(SOURCE, encoding="utf-8")
    result = monitor(tmp_path, "import", str(lines(tmp_path)))
    assert result.returncode == 0 and "4 new" in result.stdout and "4 matched a topic" in result.stdout, \
        result.stdout + result.stderr
    assert found(tmp_path, "hu-ming") == {"0.html", "1.html", "2.html", "3.html"}
    # a topic added to the config later matches the stored archive at the next start (`catch_up`)
    (tmp_path / "monitor.toml").write_text(SOURCE + ADDED_TOPIC, encoding="utf-8")
    again = monitor(tmp_path, "import", str(lines(tmp_path)))
    assert again.returncode == 0 and "4 already stored" in again.stdout, again.stdout + again.stderr
    assert found(tmp_path, "sanming") == {"0.html", "1.html", "2.html", "3.html"}


def test_an_exports_share_and_tracking_parameters_are_dropped_from_the_address_shown(tmp_path):
    """A reader's or a phone's export keeps the address as it was shared: a WeChat share's
    sharer ids and time, an RSS link's utm tags. A poll drops them before it fetches
    (`dedup.strip_tracking`); an import stored and linked them as given, so every digest, feed and
    search result carried the exporter's share ids. The address's own parameters stay."""
    (tmp_path / "monitor.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    given = ["https://mp.weixin.qq.com/s?__biz=MzA5Nz&mid=2650&idx=1&sn=8f3c2a&chksm=8b5f&scene=21"
             "&sharer_sharetime=1733&sharer_shareid=a1b2c3#rd",
             "https://news.example.cn/show.php?id=42&utm_source=rss&utm_medium=feed",
             "https://news.example.cn/a/7.html#comments"]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(
        {"url": url, "title": f"沪明合作第{i}篇", "body": f"上海市与三明市签订对口合作协议，两地共建第{i}个产业园。"},
        ensure_ascii=False) + "\n" for i, url in enumerate(given)), encoding="utf-8")
    result = monitor(tmp_path, "import", str(tmp_path / "in.jsonl"))
    assert result.returncode == 0 and "3 new" in result.stdout, result.stdout + result.stderr
    shown = monitor(tmp_path, "search", "三明", "--format", "urls").stdout.split()
    assert sorted(shown) == sorted(["https://mp.weixin.qq.com/s?__biz=MzA5Nz&mid=2650&idx=1&sn=8f3c2a",
                                    "https://news.example.cn/show.php?id=42", "https://news.example.cn/a/7.html"])


def test_a_whole_last_line_without_a_line_end_is_named_for_what_is_wrong_not_cut_short(tmp_path):
    """Many tools end a file without a line end (json.dump, a converter, an editor): its last
    line, whole, with a field missing, a date unread or a stray comma, was 'cut short, the input
    ends inside it … give the whole file again', sending the user to fetch again a file that
    was whole. A line that does stop inside its JSON is still said to be cut short."""
    (tmp_path / "monitor.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    good = '{"url": "https://news.example.cn/a/1.html", "title": "沪明合作", "body": "上海市与三明市签订协议。"}\n'
    last = {'{"url": "https://news.example.cn/a/2.html", "title": "沪明合作二"}': 'needs "title" and "body"',
            '{"url": "https://news.example.cn/a/3.html", "title": "沪明", "body": "三明。", "published": "2024-13-45"}':
                "is not a date",
            '{"url": "https://news.example.cn/a/4.html", "title": "沪明", "body": "三明。",}': "not JSON",
            '{"url": "https://news.example.cn/a/5.html", "title": "沪明", "body": "三明': "cut short",
            '{"url": "https://news.example.cn/a/6.html", "title": "沪明", "body": "三明。"': "cut short"}
    for n, (line, said) in enumerate(last.items()):
        (tmp_path / f"in{n}.jsonl").write_text(good + line, encoding="utf-8")
        result = monitor(tmp_path, "import", str(tmp_path / f"in{n}.jsonl"))
        assert result.returncode == 1 and "2 lines:" in result.stdout, result.stdout + result.stderr
        assert said in result.stderr and (said == "cut short") == ("cut short" in result.stderr), (line, result.stderr)


def test_a_json_feeds_title_is_its_items_source_as_an_rss_files_is(tmp_path):
    """A JSON Feed file (a site's feed.json saved, or a reader's export of one feed) names its
    outlet once, in its title, as an RSS file does in its channel's: the RSS file's items were
    stored under that name, the JSON Feed's under 'import' (its outlet shown as the host). An
    item's own source (a reader's `origin`) still wins."""
    import contextlib
    import sqlite3

    (tmp_path / "monitor.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    items = [{"id": str(i), "url": f"https://news.example.cn/a/{i}.html", "title": f"沪明合作第{i}篇",
              "content_text": f"上海市与三明市签订对口合作协议，两地共建第{i}个产业园。"} for i in range(3)]
    items[2]["origin"] = {"title": "另一家媒体"}
    for indent in (None, 2):
        feed = {"version": "https://jsonfeed.org/version/1.1", "title": "三明某县融媒体中心",
                "home_page_url": "https://news.example.cn/", "items": items}
        (tmp_path / "feed.json").write_text(json.dumps(feed, ensure_ascii=False, indent=indent), encoding="utf-8")
        (tmp_path / "m.db").unlink(missing_ok=True)
        result = monitor(tmp_path, "import", str(tmp_path / "feed.json"))
        assert result.returncode == 0 and "3 items: 3 new" in result.stdout, result.stdout + result.stderr
        with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn:  # closed before the next unlink
            got = dict(conn.execute("SELECT url, source FROM articles"))
        assert got == {"https://news.example.cn/a/0.html": "三明某县融媒体中心",
                       "https://news.example.cn/a/1.html": "三明某县融媒体中心",
                       "https://news.example.cn/a/2.html": "另一家媒体"}, got


def test_compact_dates_of_chinese_systems_are_read_as_written(tmp_path):
    """A CMS's or an API's compact stamp (yyyyMMddHHmm, yyyyMMddHHmmss, a day as the number
    20240305). Was: '202403050930' read as Unix milliseconds, 1976-05-31, silently (the archive's
    story sorted decades back, its digest window missed); the 14 digits and the number refused."""
    import contextlib
    import sqlite3

    (tmp_path / "monitor.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    given = ["202403050930", 20240305093000, "20240305093000", 20240305, 1709602200000]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(
        {"url": f"https://news.example.cn/a/{i}.html", "title": f"沪明合作第{i}篇", "published": when,
         "body": f"上海市与三明市签订对口合作协议，两地共建第{i}个产业园。"}, ensure_ascii=False) + "\n"
        for i, when in enumerate(given)), encoding="utf-8")
    result = monitor(tmp_path, "import", str(tmp_path / "in.jsonl"))
    assert result.returncode == 0 and "5 new" in result.stdout, result.stdout + result.stderr
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn:
        got = [p for (p,) in conn.execute("SELECT published FROM articles ORDER BY id")]
    assert got == ["2024-03-05T01:30:00+00:00"] * 3 + ["2024-03-04T16:00:00+00:00", "2024-03-05T01:30:00+00:00"], got
