"""Faults a press office meets searching a years-long archive with `monitor search`: a number
found inside a longer one (`5亿` in `3.5亿`), a place name typed with a straight apostrophe or a
hyphen missing the article that prints a curly one or an en dash, and a quoted phrase typed
with a space between its Chinese words finding nothing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.models import Article, Match
from monitor.store import Store

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
DAY = datetime(2026, 11, 1, 2, tzinfo=timezone.utc)

# (title, body): each its own story, one a day, newest last
TEXTS = [
    ("三明市投资3.5亿元建设产业园", "三明市宣布投资3.5亿元建设沪明合作产业园，预计明年投产。"),
    ("永安市投资5亿元建设物流园", "永安市宣布投资5亿元建设沪明合作物流园，项目今年开工。"),
    ("明溪县新增1,200户受益", "沪明合作项目让明溪县1,200户农户受益。"),
    ("将乐县新增200户受益", "沪明合作项目让将乐县200户农户受益。"),
    ("Yong’an signs a new Shanghai–Sanming deal", "Officials in Yong’an county signed the Shanghai–Sanming "
     "cooperation deal on Monday."),
    ("Youxi county hosts Shanghai visitors", "Youxi county officials welcomed a delegation; Yong'an sent "
     "observers to the Shanghai-Sanming talks."),
    ("沪明对口合作再上新台阶", "两地签署沪明对口合作新协议，明年继续推进。"),
    ("对口 合作 项目清单发布", "两地发布对口 合作项目清单，涉及农业与旅游。"),
]


@pytest.fixture()
def cfg(tmp_path):
    store = Store.open(tmp_path / "s.db")
    for i, (title, body) in enumerate(TEXTS):
        url = f"https://news{i}.example.cn/{i}.html"
        art = Article(url=url, title=title, paragraphs=(body,), published=DAY + timedelta(days=i))
        aid, _ = store.add_article(art, source="desk", canonical_url=url, content_hash=str(i), story_id=None,
                                   band_keys=[])
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    store.close()
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    return path


def titles(cfg, *words: str) -> list[str]:
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "--format", "json", "--", *words],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [r["title"] for r in json.loads(result.output)]


@pytest.mark.parametrize("query, found", [
    ("5亿", ["永安市投资5亿元建设物流园"]),
    ("5亿元", ["永安市投资5亿元建设物流园"]),
    ("3.5亿", ["三明市投资3.5亿元建设产业园"]),
    ("200户", ["将乐县新增200户受益"]),
    ("1,200户", ["明溪县新增1,200户受益"]),
])
def test_a_number_is_not_found_inside_a_longer_number(cfg, query, found):
    """`5亿` found the article about 3.5亿 (and `200户` the one about 1,200户): the digit after a
    decimal point or a thousands comma was taken for the start of a number."""
    assert titles(cfg, query) == found


@pytest.mark.parametrize("query", ["Yong'an", "Yong’an", "yong‘an", "Yong`an", "title:Yong'an OR Yong'an"])
def test_a_straight_or_curly_apostrophe_finds_both(cfg, query):
    """`Yong'an` typed on a keyboard missed the article printing `Yong’an`, and the reverse."""
    assert titles(cfg, query) == ["Youxi county hosts Shanghai visitors", "Yong’an signs a new Shanghai–Sanming deal"]


@pytest.mark.parametrize("query", ["Shanghai-Sanming", "Shanghai–Sanming", "Shanghai—Sanming", "\"Shanghai‐Sanming\""])
def test_a_hyphen_or_a_dash_finds_both(cfg, query):
    assert titles(cfg, query) == ["Youxi county hosts Shanghai visitors", "Yong’an signs a new Shanghai–Sanming deal"]


def test_the_snippet_marks_the_word_whichever_apostrophe(cfg):
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "Yong'an"], catch_exceptions=False)
    assert "【Yong’an】" in result.output and "【Yong'an】" in result.output


def test_a_quoted_phrase_with_a_space_between_chinese_words(cfg):
    """`"对口 合作"` (a phrase copied from a title typeset with a space) found only the article
    with that very space: a space between two Chinese characters is no word break in Chinese
    text. (The other way, `对口合作` finding `对口 合作`, the index cannot: its bigrams stop at the
    space.)"""
    assert titles(cfg, '"对口 合作"') == ["对口 合作 项目清单发布", "沪明对口合作再上新台阶"]
    assert titles(cfg, '"对口 合作" -清单') == ["沪明对口合作再上新台阶"]
    assert titles(cfg, '"Yong’an county"') == ["Yong’an signs a new Shanghai–Sanming deal"]  # words keep theirs


# --- paging while the daemon stores new articles ---------------------------------------------------

def _add(store: Store, i: int, day: datetime) -> None:
    url = f"https://paged{i}.example.cn/{i}.html"
    art = Article(url=url, title=f"沪明合作动态第{i}期", paragraphs=(f"沪明合作第{i}期动态：两地继续推进第{i}个项目。",),
                  published=day)
    aid, _ = Store.add_article(store, art, source="desk", canonical_url=url, content_hash=f"p{i}", story_id=None,
                               band_keys=[])
    store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))


@pytest.fixture()
def paged(tmp_path):
    store = Store.open(tmp_path / "s.db")
    for i in range(30):
        _add(store, i, DAY + timedelta(hours=i))
    store.close()
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    return path, tmp_path / "s.db"


def _page(cfg, *args) -> tuple[list[str], str]:
    """The titles of a page (JSON) and what the same page of the table says besides (stderr)."""
    base = ["--config", str(cfg), "search", "--limit", "10", *args]
    result = CliRunner().invoke(main, [*base, "--format", "json", "--", "动态"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    table = CliRunner().invoke(main, [*base, "--", "动态"], catch_exceptions=False)
    return [r["title"] for r in json.loads(result.stdout)], table.stderr


def test_paging_stays_put_while_new_articles_are_stored(paged):
    """Page 2 (`--offset 10`) read after the daemon stored three new articles repeated three of
    page 1's. Page 1 names the next page's options with the archive's state pinned
    (`--upto-id`): what it gives is the page that followed page 1 when page 1 was read."""
    cfg, db = paged
    first, said = _page(cfg)
    upto = said.split("--upto-id ")[1].split()[0]
    assert "--offset 10" in said
    before = _page(cfg, "--offset", "10")[0]
    store = Store.open(db)
    for i in range(30, 33):  # newer than all: the top of page 1
        _add(store, i, DAY + timedelta(days=3, hours=i))
    store.close()
    assert _page(cfg, "--offset", "10")[0] != before  # the shift the user saw
    second, said = _page(cfg, "--offset", "10", "--upto-id", upto)
    assert second == before and not set(second) & set(first)
    assert f"--upto-id {upto}" in said and "--offset 20" in said
    assert _page(cfg, "--offset", "30", "--upto-id", upto)[0] == []


# --- a year or a month as --since / --until --------------------------------------------------------

@pytest.fixture()
def years(tmp_path):
    """One article on the 15th of each month from 2024-06 to 2026-05."""
    store = Store.open(tmp_path / "s.db")
    for k in range(24):
        year, month = 2024 + (5 + k) // 12, (5 + k) % 12 + 1
        url = f"https://y.example.cn/{year}/{month}.html"
        art = Article(url=url, title=f"沪明合作{year}年{month}月简报", paragraphs=(f"沪明合作{year}年{month}月工作简报。",),
                      published=datetime(year, month, 15, 2, tzinfo=timezone.utc))
        store.add_article(art, source="desk", canonical_url=url, content_hash=url, story_id=None, band_keys=[])
    store.close()
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    return path


def _months(cfg, *args) -> list[str]:
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "--limit", "0", "--format", "json", *args, "简报"])
    assert result.exit_code == 0, result.output
    return [r["title"].removeprefix("沪明合作").removesuffix("简报") for r in json.loads(result.stdout)]


def test_a_year_or_a_month_is_a_period_not_seconds_ago(years):
    """`--since 2025 --until 2025` (a researcher exporting a year) read 2025 as a number of
    seconds: since 34 minutes ago, until 34 minutes ago, an empty export and no error."""
    year = _months(years, "--since", "2025", "--until", "2025")
    assert year == [f"2025年{m}月" for m in range(12, 0, -1)]
    assert _months(years, "--since", "2025-11", "--until", "2026-01") == ["2026年1月", "2025年12月", "2025年11月"]
    assert _months(years, "--since", "2026/05/01") == ["2026年5月"]
    assert _months(years, "--until", "2024.06.30") == ["2024年6月"]


@pytest.mark.parametrize("value", ["3600", "20251", "0"])
def test_a_bare_number_that_is_no_year_is_refused(years, value):
    result = CliRunner().invoke(main, ["--config", str(years), "search", "--since", value, "简报"])
    assert result.exit_code == 2 and "--since" in result.output and "7d" in result.output


def test_an_undated_article_in_an_export_says_when_it_was_fetched(tmp_path):
    """A year's export held articles the page gave no date for (filed by when they were fetched,
    as --since and --until read them) with an empty date and nothing else: the researcher could
    not tell why they were in the year. The export's last column is when each was fetched."""
    import csv
    import io
    import sqlite3

    store = Store.open(tmp_path / "s.db")
    for i, published in enumerate([None, DAY]):
        url = f"https://u{i}.example.cn/{i}.html"
        art = Article(url=url, title=f"沪明合作稿件{i}", paragraphs=("沪明合作。",), published=published)
        store.add_article(art, source="desk", canonical_url=url, content_hash=url, story_id=None, band_keys=[])
    store.close()
    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute("UPDATE articles SET fetched_at = '2025-03-04T05:06:07+00:00'")
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    out = CliRunner().invoke(main, ["--config", str(path), "search", "--since", "2025", "--until", "2025",
                                    "--format", "csv", "沪明"], catch_exceptions=False).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["title"], r["published"], r["fetched"]) for r in rows] == [("沪明合作稿件0", "", "2025-03-04T13:06:07+08:00")]
    assert out.splitlines()[0].endswith(",reposts,fetched")  # a column added last: scripts reading by place read on
    rows = json.loads(CliRunner().invoke(main, ["--config", str(path), "search", "--format", "json", "沪明"]).stdout)
    assert [r["fetched"] for r in rows] == ["2025-03-04T13:06:07+08:00"] * 2


def test_an_undated_article_in_the_table_shows_when_it_was_fetched(tmp_path):
    """The table's date column was empty for an article the page gave no date for; the web page
    shows when it was fetched, said to be the fetch's, and so does the table now."""
    import sqlite3

    store = Store.open(tmp_path / "s.db")
    art = Article(url="https://u.example.cn/1.html", title="沪明合作无日期稿", paragraphs=("沪明合作。",))
    store.add_article(art, source="desk", canonical_url=art.url, content_hash="u", story_id=None, band_keys=[])
    store.close()
    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute("UPDATE articles SET fetched_at = '2025-03-04T05:06:07+00:00'")
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    out = CliRunner().invoke(main, ["--config", str(path), "search", "沪明"], catch_exceptions=False).stdout
    assert "2025-03-04 13:06 (fetched)" in out
