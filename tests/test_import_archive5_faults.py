"""`monitor import` of the exports a press office has, the fifth round: dates as a Chinese
locale writes them (上午/下午, the weekday) and an English one (3:30 PM), which skipped every line."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from monitor.pipeline.importer import parse_when

UTC = timezone.utc


@pytest.mark.parametrize("value, utc", [
    ("2026年11月20日 下午3:30", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026年11月20日 上午10:30", datetime(2026, 11, 20, 2, 30, tzinfo=UTC)),
    ("2026年11月20日下午3点", datetime(2026, 11, 20, 7, 0, tzinfo=UTC)),
    ("2026年11月20日 晚上8时30分", datetime(2026, 11, 20, 12, 30, tzinfo=UTC)),
    ("2026年11月20日 中午12:30", datetime(2026, 11, 20, 4, 30, tzinfo=UTC)),
    ("2026年11月20日 凌晨12:10", datetime(2026, 11, 19, 16, 10, tzinfo=UTC)),
    ("2026-11-20 3:30 PM", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026/11/20 12:30 AM", datetime(2026, 11, 19, 16, 30, tzinfo=UTC)),
    ("2026-11-20 3:30pm", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026年11月20日 星期五", datetime(2026, 11, 19, 16, 0, tzinfo=UTC)),
    ("2026年11月20日（星期五）15:30", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026-11-20 周五 15:30", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026-11-20 15时", datetime(2026, 11, 20, 7, 0, tzinfo=UTC)),
])
def test_a_chinese_or_english_locale_s_time_of_day_is_read(value, utc):
    """A CMS's or a spreadsheet's export with a Chinese locale writes 下午3:30 and the weekday
    (2026年11月20日 星期五), an English one 3:30 PM: each line was skipped ('is not a date'), so a
    whole export of them imported nothing. The half of the day counts (下午3:30 is 15:30)."""
    assert parse_when(value, 3) == utc


@pytest.mark.parametrize("value", ["2026年11月20日 下午3:30 AM", "2026-11-20 13:30 AM", "2026年11月20日 星期八"])
def test_a_time_of_day_that_says_two_things_is_still_refused(value):
    from monitor.errors import InputError

    with pytest.raises(InputError):
        parse_when(value, 3)


def test_an_export_of_afternoon_times_lands_with_its_zone_said_once(tmp_path):
    from test_import_inputs import article, jsonl, run_import, stored

    rows = [article(i, published=f"2026年11月{10 + i}日 下午{1 + i}:05") for i in range(5)]
    result = run_import(tmp_path, jsonl(rows).encode())
    assert result.returncode == 0, result.stderr
    assert "5 new" in result.stdout
    assert sorted(stored(tmp_path).values()) == [f"2026-11-{10 + i}T{5 + i:02d}:05:00+00:00" for i in range(5)]
    assert result.stderr.count("had no time zone") == 1, result.stderr


def test_a_scraper_s_paragraph_list_is_text(tmp_path):
    """A scraper's export writes the body (and often the title) as a list of strings (Scrapy's
    getall(), news-please's paragraphs): each such line was skipped ('needs "title" and "body"
    strings'), so a crawl's whole export imported nothing. A list of strings is the text, a
    paragraph each (a title's joined by a space)."""
    import sqlite3

    from test_import_inputs import jsonl, run_import

    rows = [{"url": "https://crawl.example.cn/a/1.html", "title": ["三明市召开", "春耕生产会议"],
             "body": ["三明市召开春耕生产会议。", "  会议部署了森林防火。 "]},
            {"url": "https://crawl.example.cn/a/2.html", "title": "三明市重点项目清单公布",
             "body": ["2026年三明市重点项目清单公布。"]},
            {"url": "https://crawl.example.cn/a/3.html", "title": "三明", "body": [1, 2]}]  # not text: refused
    result = run_import(tmp_path, jsonl(rows).encode())
    assert "3 lines: 2 new" in result.stdout, result.stdout + result.stderr
    assert 'skipped: line 3: needs "title" and "body" strings' in result.stderr
    with sqlite3.connect(tmp_path / "m.db") as conn:
        got = dict(conn.execute("SELECT title, body FROM articles"))
    assert got == {"三明市召开 春耕生产会议": "三明市召开春耕生产会议。\n\n会议部署了森林防火。",
                   "三明市重点项目清单公布": "2026年三明市重点项目清单公布。"}


@pytest.mark.parametrize("value, utc", [
    ("November 20, 2026 3:30 PM", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),  # was 03:30: 12 hours early
    ("Nov 20, 2026 12:30 AM", datetime(2026, 11, 19, 16, 30, tzinfo=UTC)),  # was half past noon
    ("Fri Nov 20 2026 15:30:00 GMT-0500 (Eastern Standard Time)", datetime(2026, 11, 20, 20, 30, tzinfo=UTC)),
    ("Fri Nov 20 2026 15:30:00 GMT+0000 (Coordinated Universal Time)", datetime(2026, 11, 20, 15, 30, tzinfo=UTC)),
    ("Fri Nov 20 2026 15:30:00 GMT+0800 (中国标准时间)", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
])
def test_a_time_read_silently_wrong_is_read_as_written(value, utc):
    """An English date with PM ('November 20, 2026 3:30 PM', as a spreadsheet or a CMS in an English
    locale writes it) was read as 3:30, and JavaScript's Date.toString() (a browser-side scraper's
    'GMT-0500 (Eastern Standard Time)') as Shanghai time, the offset dropped: stored 12 or 13 hours
    off, without a word, and sorted so in every newest-first search."""
    assert parse_when(value, 3) == utc


@pytest.mark.parametrize("value, utc", [
    ("2026-11-20 15:30:00 UTC", datetime(2026, 11, 20, 15, 30, tzinfo=UTC)),
    ("2026-11-20 15:30 GMT+8", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026-11-20 15:30:00 CST", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026年11月20日 15:30（北京时间）", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026-11-20 15:30 北京时间", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
    ("2026/11/20 15:30 UTC+08:00", datetime(2026, 11, 20, 7, 30, tzinfo=UTC)),
])
def test_a_zone_written_after_the_time_is_read(value, utc):
    """'2026-11-20 15:30:00 UTC' (a database's dump), '15:30 北京时间' (how Chinese sites date their
    news) and GMT+8 skipped their line as 'not a date'. The zone is read (北京时间 and CST are +08:00)."""
    assert parse_when(value, 3) == utc
