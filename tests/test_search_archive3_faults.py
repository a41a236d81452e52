"""Faults a press office and researchers meet in a years-long archive, the third round: a bare
number (`5`) found inside a longer one (`3.5`), a query joined with another search engine's `or`
or `|` answered with a bare "nothing found", and `--since`/`--until` refusing a time of day (the
very dates an export prints, pasted back to go on from where it stopped)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone
from html import unescape

import pytest
from click.testing import CliRunner
from test_web import Served, get

from monitor import config as config_mod
from monitor.cli import main
from monitor.models import Article, Match
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
DAY = datetime(2026, 11, 1, 2, tzinfo=timezone.utc)

# (title, body, published): each its own story
TEXTS = [
    ("明溪县茶园扩种3.5万亩", "明溪县今年扩种茶园3.5万亩，沪明合作带动销售。", DAY),
    ("将乐县引进5家企业", "将乐县通过沪明合作引进5家企业落户产业园。", DAY + timedelta(days=1)),
    ("宁化县发放补贴1,500万元", "宁化县为沪明合作项目发放补贴1,500万元。", DAY + timedelta(days=2)),
    ("清流县新建500座大棚", "清流县在沪明合作下新建500座大棚。", DAY + timedelta(days=3)),
    # 00:40 on 1 December in Shanghai is 16:40 on 30 November in UTC
    ("泰宁县夜间签约仪式", "泰宁县深夜举行沪明合作签约仪式。", datetime(2026, 11, 30, 16, 40, tzinfo=timezone.utc)),
    ("建宁县上午举行推介会", "建宁县上午举行沪明合作推介会。", datetime(2026, 12, 1, 2, 15, 30, tzinfo=timezone.utc)),
]


@pytest.fixture()
def cfg(tmp_path):
    store = Store.open(tmp_path / "s.db")
    for i, (title, body, published) in enumerate(TEXTS):
        url = f"https://county{i}.example.cn/news/{i}.html"
        art = Article(url=url, title=title, paragraphs=(body,), published=published)
        aid, _ = store.add_article(art, source="desk", canonical_url=url, content_hash=f"h{i}", story_id=None,
                                   band_keys=[])
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    store.close()
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    return path


def search(cfg, *args: str):
    return CliRunner().invoke(main, ["--config", str(cfg), "search", *args], catch_exceptions=False)


def titles(cfg, *args: str) -> list[str]:
    result = search(cfg, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [r["title"] for r in json.loads(result.stdout)]


# --- a bare number ---------------------------------------------------------------------------------

@pytest.mark.parametrize("query, found", [
    ("5", ["将乐县引进5家企业"]),  # not 3.5万亩
    ("500", ["清流县新建500座大棚"]),  # nor 1,500万元
    ("3.5", ["明溪县茶园扩种3.5万亩"]),
    ("1,500", ["宁化县发放补贴1,500万元"]),
])
def test_a_bare_number_is_not_found_inside_a_longer_one(cfg, query, found):
    """`5` found the article about 3.5万亩 (5亿 inside 3.5亿 was mended, the bare number not): the
    index's words end at the decimal point, so FTS5's `5` is also 3.5's."""
    assert titles(cfg, "--", query) == found


def test_a_bare_number_is_marked_where_it_stands_alone_only(cfg, tmp_path):
    store = Store.open(tmp_path / "s.db")
    art = Article(url="https://x.example.cn/9.html", title="三明发布3.5版规划", paragraphs=("规划3.5版列出5个重点。",),
                  published=DAY + timedelta(days=9))
    store.add_article(art, source="desk", canonical_url=art.url, content_hash="h9", story_id=None, band_keys=[])
    store.close()
    out = search(cfg, "5").stdout
    assert "规划3.5版列出【5】个重点" in out


def test_the_served_search_page_finds_a_bare_number_as_the_cli_does(cfg):
    conf = config_mod.load(cfg)
    store = Store.open(conf.db_path)
    try:
        with Served(create_app(Context(conf, store), auth="")) as served:
            html = get(served, "/search", params={"q": "5"}).text
    finally:
        store.close()
    shown = [unescape(re.sub("<[^>]+>", "", t)) for t in re.findall(r'<h2[^>]*><a href="[^"]*">(.*?)</a></h2>', html)]
    assert shown == ["将乐县引进5家企业"], shown


# --- another search engine's operators -------------------------------------------------------------

@pytest.mark.parametrize("query, says", [
    ("明溪县 or 将乐县", "OR in capitals"),
    ("明溪县 | 将乐县", "OR finds either"),
    ("明溪县|将乐县", "OR finds either"),
    ("明溪县 and 将乐县", "all required"),
])
def test_nothing_found_for_another_engines_operator_says_how_to_write_it(cfg, query, says):
    """`明溪县 or 将乐县` (lowercase, as typed into other search boxes) looked for the word "or"
    too and answered "nothing found", as if neither county were in the archive."""
    for fmt in ("table", "json"):
        result = search(cfg, "--format", fmt, "--", query)
        assert result.exit_code == 0
        assert says in result.stderr and "hint:" in result.stderr, result.stderr
    assert titles(cfg, "--", query.replace(" or ", " OR ").replace(" | ", " OR ")
                  .replace("|", " OR ")) != [] or "and" in query


def test_a_leading_not_in_small_letters_finding_nothing_says_how_to_leave_a_word_out(cfg):
    # `not 将乐县` looked for the word "not" too: nothing found, no hint (web-3 noticed it on the web page)
    result = search(cfg, "--", "not 将乐县")
    assert "nothing found" in result.stderr + result.output
    assert "hint:" in result.stderr and "NOT word leaves it out" in result.stderr, result.stderr
    assert titles(cfg, "--", "NOT 将乐县") != []


def test_a_query_that_finds_something_or_names_no_operator_has_no_hint(cfg):
    assert "hint" not in search(cfg, "--", "明溪县 OR 将乐县").stderr
    assert "hint" not in search(cfg, "--", "不存在的词").stderr
    assert "hint" not in search(cfg, "--", "or 将乐县").stderr  # a leading word is no operator between two


def test_the_served_search_page_says_the_same(cfg):
    conf = config_mod.load(cfg)
    store = Store.open(conf.db_path)
    try:
        with Served(create_app(Context(conf, store), auth="")) as served:
            html = unescape(get(served, "/search", params={"q": "明溪县 or 将乐县"}).text)
    finally:
        store.close()
    assert "Nothing found" in html and "OR in capitals finds either side" in html


@pytest.mark.parametrize("query, found", [
    ("intitle:明溪县", ["明溪县茶园扩种3.5万亩"]),
    ("INTITLE:(将乐县 OR 清流县)", ["清流县新建500座大棚", "将乐县引进5家企业"]),
    ("沪明 -intitle:大棚", ["建宁县上午举行推介会", "泰宁县夜间签约仪式", "宁化县发放补贴1,500万元",
                          "将乐县引进5家企业", "明溪县茶园扩种3.5万亩"]),
])
def test_baidus_intitle_scopes_to_the_title_as_title_does(cfg, query, found):
    """`intitle:明溪县`, as Baidu and Google write a title search, asked for the word "intitle"
    and found nothing."""
    assert titles(cfg, "--", query) == found


def test_a_site_operator_finding_nothing_says_how_to_keep_one_source(cfg):
    result = search(cfg, "--", "site:county1.example.cn 将乐县")
    assert "nothing found" in result.stderr and "--source NAME" in result.stderr


# --- a time of day in --since / --until ------------------------------------------------------------

def test_an_exports_dates_pasted_back_into_since_and_until(cfg):
    """A researcher's export stopped at `2026-12-01T00:40:00+08:00`; `--since` with that date (or
    `2026-12-01 00:40`, a press conference's time) was refused: neither a duration nor a date."""
    exported = json.loads(search(cfg, "--format", "json", "--", "泰宁县").stdout)[0]["published"]
    assert exported == "2026-12-01T00:40:00+08:00"
    assert titles(cfg, "--since", exported) == ["建宁县上午举行推介会", "泰宁县夜间签约仪式"]
    assert titles(cfg, "--until", exported) == ["泰宁县夜间签约仪式", "清流县新建500座大棚", "宁化县发放补贴1,500万元",
                                                "将乐县引进5家企业", "明溪县茶园扩种3.5万亩"]
    assert titles(cfg, "--since", "2026-12-01 00:41") == ["建宁县上午举行推介会"]
    assert titles(cfg, "--since", "2026-12-01 00:40", "--until", "2026-12-01 00:40") == ["泰宁县夜间签约仪式"]
    assert titles(cfg, "--since", "2026-11-30T16:40:00Z", "--until", "2026-11-30T16:40:00Z") == ["泰宁县夜间签约仪式"]
    # to the second: 10:15:30 is in its own second and the minute, not in the second after
    assert titles(cfg, "--since", "2026-12-01 10:15:30", "--until", "2026/12/01 10:15:30") == ["建宁县上午举行推介会"]
    assert titles(cfg, "--since", "2026-12-01 10:15:31") == []


@pytest.mark.parametrize("value", ["2026-12-01 24:00", "2026-02-30 10:00", "2026-12-01T10:00:00+24:00",
                                   "2026-12-01 10"])
def test_a_time_that_is_none_is_refused_with_the_forms_that_work(cfg, value):
    result = search(cfg, "--since", value)
    assert result.exit_code != 0 and "neither a duration nor a date" in result.output
    assert "2026-11-01 10:30" in result.output


def test_the_served_page_takes_a_time_as_the_cli_does(cfg):
    conf = config_mod.load(cfg)
    store = Store.open(conf.db_path)
    try:
        with Served(create_app(Context(conf, store), auth="")) as served:
            page = get(served, "/search", params={"since": "2026-12-01 00:40", "until": "2026-12-01 00:40"})
    finally:
        store.close()
    assert page.status_code == 200
    assert "泰宁县夜间签约仪式" in page.text and "建宁县" not in page.text


# --- a space between English and Chinese ----------------------------------------------------------

SPACED = [("三明 AI 产业园开园", "三明 AI 产业园今日开园，沪明合作再添新项目。"),
          ("三明AI产业园招商", "三明AI产业园面向上海招商，沪明合作深入推进。"),
          ("AI 的产业应用论坛", "论坛讨论 AI 的产业应用，沪明合作单位参加。"),
          ("永安发布 5G 园区规划", "永安发布5G园区规划，沪明合作共建。")]


@pytest.fixture()
def spaced(tmp_path):
    store = Store.open(tmp_path / "s.db")
    for i, (title, body) in enumerate(SPACED):
        url = f"https://park{i}.example.cn/{i}.html"
        art = Article(url=url, title=title, paragraphs=(body,), published=DAY + timedelta(days=i))
        store.add_article(art, source="desk", canonical_url=url, content_hash=f"s{i}", story_id=None, band_keys=[])
    store.close()
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    return path


@pytest.mark.parametrize("query", ["AI产业园", '"AI 产业园"', "三明AI产业", '"三明 AI 产业"', "title:AI产业园"])
def test_english_beside_chinese_is_found_with_or_without_the_space_between(spaced, query):
    """Chinese typesetting puts a space between English and Chinese or not (`AI 产业园`,
    `AI产业园`): a press office typing `AI产业园` missed the headline set `三明 AI 产业园开园`."""
    assert titles(spaced, "--", query) == ["三明AI产业园招商", "三明 AI 产业园开园"]


def test_the_space_is_dropped_only_between_english_and_chinese(spaced):
    assert titles(spaced, "--", "AI的产业") == ["AI 的产业应用论坛"]
    assert titles(spaced, "--", "5G园区") == ["永安发布 5G 园区规划"]
    assert titles(spaced, "--", "AI产业园 -招商") == ["三明 AI 产业园开园"]


def test_the_snippet_marks_the_words_with_or_without_the_space(spaced):
    out = search(spaced, "AI产业园").stdout
    assert "三明 【AI 产业园】今日开园" in out and "三明【AI产业园】面向上海招商" in out
    assert "三明【AI产业园】面向" in search(spaced, "--", '"AI 产业园"').stdout


# --- control characters in an export --------------------------------------------------------------

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_a_json_export_carries_no_control_characters_as_the_csv_carries_none(tmp_path):
    """An imported article's title with a bell and an escape sequence, and a NUL in its body: the
    CSV's cells dropped them, the JSON export kept them (`\\u0000`, which PostgreSQL's jsonb
    refuses, and characters spreadsheet writers refuse): one export, two texts."""
    line = {"url": "https://ctl.example.cn/1.html", "title": "沪明\x07合作\x1b[1m简报", "source": "desk\x1b",
            "published": "2026-11-20T09:00:00+08:00", "body": "沪明合作\x00简报\x0b第一期\x85。\n第二段。"}
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    done = CliRunner().invoke(main, ["--config", str(cfg), "import", "-"], input=json.dumps(line) + "\n")
    assert done.exit_code == 0, done.output
    exported = json.loads(search(cfg, "--format", "json", "沪明").stdout)[0]
    cells = next(csv.DictReader(io.StringIO(search(cfg, "--format", "csv", "沪明").stdout)))
    for field in ("title", "source", "snippet", "url"):
        assert not CONTROLS.search(exported[field]), (field, exported[field])
        assert exported[field] == cells[field]
    assert exported["title"] == "沪明合作简报"  # the import drops a terminal's sequence whole (faults-archive-4)


# --- six minutes for six months ----------------------------------------------------------------------

def test_since_in_minutes_finding_nothing_says_it_read_minutes(cfg):
    """`--since 6m`, meant as six months, read as six minutes (as the config's durations): the
    search answered a bare "nothing found" over an archive full of the words."""
    result = search(cfg, "--since", "6m", "沪明")
    assert "nothing found" in result.stderr and "6 minutes ago" in result.stderr and "2026-06" in result.stderr
    assert "minutes" not in search(cfg, "--since", "6d", "沪明").stderr
    assert "hint" not in search(cfg, "--since", "2026-11", "沪明").stderr


def test_the_served_page_says_the_same_of_minutes(cfg):
    conf = config_mod.load(cfg)
    store = Store.open(conf.db_path)
    try:
        with Served(create_app(Context(conf, store), auth="")) as served:
            html = unescape(get(served, "/search", params={"q": "沪明", "since": "6m"}).text)
    finally:
        store.close()
    assert "Nothing found" in html and "since 6m is 6 minutes ago" in html
