"""Faults a researcher or a journalist meets using `monitor search` and its exports: an
article without a date of its own exported with the word "None" as its date, and the
address of an article pasted as the query finding nothing although the article is stored."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.models import Article, Match
from monitor.store import Store

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
BODY = "上海市与三明市深化对口合作，新的产业园项目在永安落地。"


@pytest.fixture()
def cfg(tmp_path):
    store = Store.open(tmp_path / "s.db")
    arts = [  # (url, source, published, story of the nth article or None)
        ("https://news.example.cn/2026/12/01/a1.html", "desk", datetime(2026, 12, 1, 2, tzinfo=timezone.utc), None),
        ("https://copy.example.com/view?id=77", "copier", datetime(2026, 12, 2, 3, tzinfo=timezone.utc), 0),
        ("https://other.example.cn/b2.html", "desk", datetime(2026, 12, 3, 4, tzinfo=timezone.utc), None),
        ("https://undated.example.cn/c3.html", "desk", None, None),
    ]
    stories: list[int] = []
    for i, (url, source, published, story) in enumerate(arts):
        art = Article(url=url, title=f"沪明对口合作第{i}篇", paragraphs=(BODY,), published=published)
        aid, sid = store.add_article(art, source=source, canonical_url=url.replace("https://", "http://"),
                                     content_hash=str(i), story_id=None if story is None else stories[story],
                                     band_keys=[])
        stories.append(sid)
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    store.close()
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    return path


def run(cfg, *args) -> str:
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["csv", "excel"])
def test_an_undated_article_exports_an_empty_date_not_the_word_none(cfg, fmt):
    out = run(cfg, "--articles", "--limit", "0", "--format", fmt)
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert len(rows) == 4
    dates = {r["url"]: r["published"] for r in rows}
    assert dates["https://undated.example.cn/c3.html"] == ""
    assert dates["https://news.example.cn/2026/12/01/a1.html"] == "2026-12-01T10:00:00+08:00"
    assert "None" not in out


@pytest.mark.parametrize("pasted", ["https://news.example.cn/2026/12/01/a1.html",
                                    "http://news.example.cn/2026/12/01/a1.html",
                                    "https://NEWS.example.cn/2026/12/01/a1.html#comments"])
def test_an_article_address_pasted_as_the_query_finds_its_story(cfg, pasted):
    rows = json.loads(run(cfg, "--format", "json", "--", pasted))
    assert [r["url"] for r in rows] == ["https://news.example.cn/2026/12/01/a1.html"]
    assert [p["url"] for p in rows[0]["reposts"]] == ["https://copy.example.com/view?id=77"]
    assert rows[0]["snippet"]


def test_a_reposts_address_finds_that_article_and_its_story(cfg):
    rows = json.loads(run(cfg, "--articles", "--format", "json", "--", "https://copy.example.com/view?id=77"))
    assert [r["url"] for r in rows] == ["https://copy.example.com/view?id=77"]
    stories = json.loads(run(cfg, "--format", "json", "--", "https://copy.example.com/view?id=77"))
    assert len(stories) == 1 and stories[0]["story_id"] == rows[0]["story_id"]


def test_an_address_still_obeys_the_filters_and_an_unknown_one_says_nothing_found(cfg):
    assert json.loads(run(cfg, "--format", "json", "--source", "copier", "--",
                          "https://news.example.cn/2026/12/01/a1.html")) == []
    assert json.loads(run(cfg, "--format", "json", "--since", "2026-12-02", "--",
                          "https://news.example.cn/2026/12/01/a1.html")) == []
    assert json.loads(run(cfg, "--format", "json", "--", "https://news.example.cn/never-stored.html")) == []


# --- operators typed full-width by a Chinese input method ----------------------------------------

def _words(node) -> object:
    """The tree as nested tuples of term norms, to compare two parses."""
    from monitor import querylang as q

    if isinstance(node, q.Term):
        return ("title:" if node.title_only else "") + node.norm
    if isinstance(node, q.Not):
        return ("not", _words(node.part))
    parts = [p for part in node.parts for p in (part.parts if type(part) is type(node) else (part,))]
    return (type(node).__name__, tuple(_words(p) for p in parts))


@pytest.mark.parametrize("wide, ascii_", [
    ("沪明 －2024年", "沪明 -2024年"),
    ("（永安 OR 明溪） 签约", "(永安 OR 明溪) 签约"),
    ("(永安 OR 明溪） 签约", "(永安 OR 明溪) 签约"),
    ("title：沪明 合作", "title:沪明 合作"),
    ("永安 ＯＲ 明溪", "永安 OR 明溪"),
    ("＂对口 合作＂ 三明", '"对口 合作" 三明'),
])
def test_operators_typed_full_width_mean_what_the_ascii_ones_mean(wide, ascii_):
    from monitor import querylang

    assert _words(querylang.parse(wide).root) == _words(querylang.parse(ascii_).root)


def test_a_pasted_titles_unpaired_full_width_parenthesis_stays_text():
    from monitor import querylang

    assert _words(querylang.parse("沪明（三明 合作").root) == _words(querylang.parse("沪明 三明 合作").root)
    assert _words(querylang.parse("上海－三明").root) == _words(querylang.parse("上海 三明").root)


def test_a_full_width_exclusion_excludes_in_a_search(cfg):
    assert json.loads(run(cfg, "--format", "json", "--", "沪明 －永安")) == []
    assert len(json.loads(run(cfg, "--format", "json", "--articles", "--", "title：沪明 合作"))) == 4


# --- a spreadsheet cell holds at most 32,767 characters ---------------------------------------------

def test_a_story_with_hundreds_of_reposts_fits_its_excel_cell_and_says_how_many_more(tmp_path):
    store = Store.open(tmp_path / "s.db")
    story = None
    for i in range(700):  # a story the news-search sources swept from 700 outlets
        url = f"https://outlet{i:03d}.example.com/news/2026/12/01/content_{i:08d}.htm"
        art = Article(url=url, title="沪明对口合作项目签约", paragraphs=(BODY,),
                      published=datetime(2026, 12, 1, 2, tzinfo=timezone.utc))
        _, story = store.add_article(art, source=f"o{i}", canonical_url=url, content_hash=str(i),
                                       story_id=story, band_keys=[])
    store.close()
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    excel = list(csv.DictReader(io.StringIO(run(path, "--limit", "0", "--format", "excel").lstrip("\ufeff"))))
    assert len(excel) == 1
    cell = excel[0]["reposts"]
    assert len(cell) <= 32767
    head, tail = cell.rsplit(" … and ", 1)
    shown, more = head.split(" "), int(tail.split()[0])
    assert all(u.startswith("https://outlet") and u.endswith(".htm") for u in shown)  # whole addresses
    assert len(shown) > 400 and len(shown) + more == 699
    plain = list(csv.DictReader(io.StringIO(run(path, "--limit", "0", "--format", "csv"))))
    assert len(plain[0]["reposts"].split(" ")) == 699  # the CSV for programs keeps them all


# --- what an empty answer says ---------------------------------------------------------------------

def test_since_after_until_is_named_not_answered_with_nothing_found(cfg):
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "沪明", "--since", "2026-12-03",
                                       "--until", "2026-12-01"])
    assert result.exit_code == 2
    assert "--since" in result.output and "after" in result.output and "--until" in result.output


def test_an_offset_past_the_last_result_says_so(cfg):
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "沪明", "--offset", "50"])
    assert result.exit_code == 0
    assert "--offset 50" in result.output


# --- monitor feed ----------------------------------------------------------------------------------

def test_an_undated_storys_feed_entry_keeps_the_time_it_was_stored_not_each_writes_time(cfg, tmp_path):
    import re
    import sqlite3

    with sqlite3.connect(tmp_path / "s.db") as db:
        db.execute("UPDATE articles SET fetched_at = '2026-12-04T06:07:08+00:00' WHERE published IS NULL")
    result = CliRunner().invoke(main, ["--config", str(cfg), "feed", "--topic", "hu-ming"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    entries = re.findall(r"<entry>.*?</entry>", result.output, re.S)
    undated = next(e for e in entries if "undated.example.cn" in e)
    assert "<updated>2026-12-04T06:07:08Z</updated>" in undated  # a reader would see it updated at every write
