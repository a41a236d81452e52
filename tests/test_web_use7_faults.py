"""`monitor serve` used as colleagues use it, seventh round: a story whose first copy came
without a title."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest
from test_web import get
from test_web_use2_faults import _story_of
from test_web_use3_faults import served_after_a_topic_removed
from test_web_use5_faults import _text

PARK = "沪明两地共建的产业园区今天迎来第一批上海企业，三明市与上海市的对口合作又进一步。"
HEADLINE = "沪明共建产业园迎来首批企业"
UNTITLED_FIRST = "https://first.example.cn/a/1.html"


def _lines() -> list[dict]:
    day = datetime.now(timezone.utc) - timedelta(days=1)
    # one story: its earliest copy (a wire's feed line) without a title, two papers' with one
    return [{"url": url, "source": name, "title": title, "body": PARK, "published": (day + timedelta(minutes=k)).isoformat()}
            for k, (name, url, title) in enumerate((("通讯社", UNTITLED_FIRST, ""),
                                                    ("日报", "https://daily.example.cn/b/2.html", HEADLINE),
                                                    ("晚报", "https://evening.example.com/c/3.html", HEADLINE)))]


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    with served_after_a_topic_removed(tmp_path_factory.mktemp("use7"), _lines()) as both:
        yield both


def test_a_story_whose_first_copy_has_no_title_is_headed_by_its_copies_title(town):
    """A story whose earliest copy came without a title (a wire's feed line, an imported line) was
    headed '(no title)' on its page, in the browser's tab, on the topic page and in the search's
    list, though its two other copies carried one: a colleague saw a list of '(no title)' links.
    A story is headed by its first copy's title, or its earliest copy's that has one."""
    site, store = town
    story = _story_of(store, UNTITLED_FIRST)
    html = get(site, f"/story/{story}").text
    h1 = _text(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()
    assert h1 == HEADLINE, h1
    assert _text(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).startswith(HEADLINE)
    for path in ("/topic/hu-ming", "/search", "/search?q=" + quote("产业园区")):
        page = get(site, path).text
        heads = [_text(h).strip() for h in re.findall(r'<article class="result">\s*<h2[^>]*>(.*?)</h2>', page, re.S)]
        assert heads == [HEADLINE], (path, heads)
    feed = get(site, "/topic/hu-ming.atom").text
    assert f"<title>{HEADLINE}</title>" in feed, feed[:1500]


def test_a_search_of_no_words_is_not_said_to_go_by_relevance(town):
    """`sort=relevance` without words (a bookmark, the menu chosen before typing) titled the page
    'newest · by relevance', named its feed so and kept the choice in every link, while the
    results went by date, as they must with no words to weigh: the pager even said 'older →'."""
    site, _ = town
    html = get(site, "/search?sort=relevance").text
    title = _text(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    assert "relevance" not in title, title
    assert 'value="relevance" selected' not in html
    assert "sort=relevance" not in html, re.findall(r'href="([^"]*sort=relevance[^"]*)"', html)
    assert "relevance" not in get(site, "/search.atom?sort=relevance").text.split("<entry>", 1)[0]


def test_the_sources_page_says_by_which_date_it_counts_a_weeks_articles(town):
    """The sources page's 'articles, 7 days' counts the articles dated in the last seven days (by the
    date a page gives, else its fetch): a source added with a backlog, or an archive imported
    yesterday, showed 0 beside hundreds stored, and read as a source that delivers nothing. The
    column says what it counts."""
    site, _ = town
    html = get(site, "/sources").text
    head = _text(re.search(r"<thead>(.*?)</thead>", html, re.S).group(1))
    assert "dated" in head or "published" in head, head


def test_a_source_not_polled_for_days_is_not_shown_as_healthy(tmp_path):
    """The daemon stopped (a reboot, a crash) three days ago: every source's health still read a
    green 'ok', its last poll three days old in the next column, and the page looked as if all was
    well. `monitor health` calls a source not polled successfully for six hours (or two of its
    intervals) unhealthy; the page says so of it too, and since when it was last polled."""
    from click.testing import CliRunner
    from test_web import Served

    from monitor import config as config_mod
    from monitor.cli import main
    from monitor.pipeline.base import Context
    from monitor.store import Store
    from monitor.web import create_app

    cfg = tmp_path / "m.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n'
                   '[[sources]]\nname = "county"\nkind = "feed"\nurl = "https://county.example.cn/rss.xml"\ninterval = "30m"\n'
                   '[[sources]]\nname = "weekly"\nkind = "feed"\nurl = "https://weekly.example.cn/rss.xml"\ninterval = "7d"\n',
                   encoding="utf-8")
    db = tmp_path / "m.db"
    done = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), "import", "-"],
                              input=json.dumps(_lines()[1], ensure_ascii=False) + "\n")
    assert done.exit_code == 0, done.output
    store = Store.open(db)
    try:
        for name in ("county", "weekly", "fresh"):
            store.record_poll(name, "feed", f"https://{name}.example.cn/rss.xml", status="ok", new=1)
        old = (datetime.now(timezone.utc) - timedelta(days=3)).isoformat(timespec="seconds")
        store.db.execute("UPDATE sources SET last_polled = ?, last_success = ?, status_since = ? "
                         "WHERE name IN ('county', 'weekly')", [old, old, old])
        store.db.conn.commit()
        with Served(create_app(Context(config_mod.load(cfg, db), store), auth="")) as site:
            html = get(site, "/sources").text
    finally:
        store.close()
    rows = {name: next(_text(r) for r in html.split("<tr>") if f">{name}<" in r) for name in ("county", "weekly")}
    county = next(r for r in html.split("<tr>") if ">county<" in r)
    assert 'class="good"' not in county, rows["county"]
    assert "not polled" in rows["county"] and "3 days" in rows["county"], rows["county"]
    # a source polled once a week is not late three days after its poll
    weekly = next(r for r in html.split("<tr>") if ">weekly<" in r)
    assert 'class="good">ok' in weekly and "not polled" not in rows["weekly"], rows["weekly"]


def test_pages_travel_compressed_to_a_browser_that_takes_it(tmp_path):
    """Every page went out as plain text: a story copied by a thousand county sites is some 370 KB
    a page (its list of every outlet), seconds on a phone's slow link, though its repeated
    addresses and names shrink to a tenth. A browser saying it takes gzip (all do) gets it."""
    from test_web import Served

    from monitor import config as config_mod
    from monitor.models import Article
    from monitor.pipeline.base import Context
    from monitor.store import Store
    from monitor.web import create_app

    cfg = config_mod.load(None, tmp_path / "m.db")
    store = Store.open(cfg.db_path)
    story = None
    for i in range(300):
        art = Article(url=f"https://www.county{i:03d}.example.gov.cn/xwzx/202612/t20261205_{i}.html", title=HEADLINE,
                      paragraphs=(PARK + f"（第{i}家转载）",))
        story = store.add_article(art, source=f"县融媒体中心{i:03d}", canonical_url=art.url, content_hash=f"c{i}",
                                  story_id=story, band_keys=[])[1]
    try:
        with Served(create_app(Context(cfg, store), auth="")) as site:
            for path in (f"/story/{story}?page=2", "/search?q=" + quote("产业园区")):
                page = get(site, path, headers={"Accept-Encoding": "gzip"})
                assert page.status_code == 200 and page.headers.get("content-encoding") == "gzip", (path, page.headers)
                # a search page no longer repeats every outlet's name (b19586c: its chip names 20), so it is
                # ~9 KB and shrinks less than a story page's outlet list: a half at least, each
                assert page.num_bytes_downloaded * 2 < len(page.content), (path, page.num_bytes_downloaded, len(page.content))
            plain = get(site, f"/story/{story}", headers={"Accept-Encoding": "identity"})
            assert "content-encoding" not in plain.headers and HEADLINE in plain.text
    finally:
        store.close()


def test_a_page_that_is_not_there_says_so_in_its_tab(town):
    """'No story 99999 here.' and 'No topic … here.' were pages titled 'monitor', as the search is:
    in a row of tabs or the history a colleague could not tell a dead link from a page."""
    site, _ = town
    for path, said in (("/story/99999", "story 99999"), ("/topic/" + quote("旧题"), "topic 旧题"), ("/no/such", "such page")):
        page = get(site, path)
        assert page.status_code == 404
        title = _text(re.search(r"<title>(.*?)</title>", page.text, re.S).group(1))
        assert said in title and title.endswith("monitor"), (path, title)
