"""`monitor serve` as colleagues read a long archive in it: the sources page did not say when each
source was last polled (a source that stopped being polled looked as healthy as one polled a
minute ago), every page of a search had the same title (the browser's history and tabs showed
ten alike entries for ten pages and filters), and a story's reposts were a count with no link
to any of them."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from click.testing import CliRunner
from test_web import Served, get

from monitor import config as config_mod
from monitor.cli import main
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app
from monitor.web.app import _when

CITIES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """24 stories of the topic, one a day; the last one also copied by two outlets."""
    work = tmp_path_factory.mktemp("archive-web")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    lines = []
    for i, city in enumerate(CITIES):
        body = (f"上海市{city}区与三明市对口合作第{i}次工作会议召开，两地签署{city}号产业园区共建协议，"
                f"推进沪明对口合作项目{i * 7 + 3}个。")
        lines.append({"url": f"https://news{i}.example.cn/a/{i}.html", "title": f"沪明对口合作{city}区工作组第{i}次会议召开",
                      "published": f"2026-11-{1 + i:02d}T10:00:00+08:00", "body": body, "source": "desk"})
    last = lines[-1]
    lines += [{**last, "url": "https://copy.example.com/view?id=9", "source": "copier", "published": "2026-11-25T09:00:00+08:00"},
              {**last, "url": "https://odd.example.net/p?id=4&x=<b>", "source": "odd", "published": "2026-11-25T11:00:00+08:00"}]
    db = work / "m.db"
    done = CliRunner().invoke(main, ["--config", str(cfg_path), "--db", str(db), "import", "-"],
                              input="\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    assert done.exit_code == 0, done.output
    cfg = config_mod.load(cfg_path, db)
    store = Store.open(db)
    with Served(create_app(Context(cfg, store), auth="")) as served:
        yield served, store
    store.close()


def _title(html: str) -> str:
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


def test_the_sources_page_says_when_each_source_was_last_polled(site):
    served, store = site
    store.record_poll("quiet-site", "html", "https://quiet.example.cn/list", status="ok", new=0)
    polled = store.source_state("quiet-site")["last_polled"]
    html = get(served, "/sources").text
    head = re.search(r"<tr>(.*?)</tr>", html, re.S).group(1)
    assert "last poll" in head
    row = next(r for r in html.split("<tr>") if "quiet-site" in r)
    assert _when(polled) in row


def test_each_page_and_filter_of_a_search_has_its_own_title(site):
    served, _ = site
    titles = [_title(get(served, path).text) for path in (
        "/search?q=" + quote("沪明"), "/search?q=" + quote("沪明") + "&page=2",
        "/search?q=" + quote("沪明") + "&topic=hu-ming", "/search?q=" + quote("沪明") + "&source=desk&since=7d",
        "/search", "/search?page=2", "/topic/hu-ming", "/topic/hu-ming?page=2")]
    assert len(set(titles)) == len(titles), titles
    assert titles[1].startswith("沪明") and "2" in titles[1]
    assert "hu-ming" in titles[2] and "desk" in titles[3]


def test_a_result_links_each_of_its_reposts(site):
    served, _ = site
    html = get(served, "/search?q=" + quote("地区")).text
    result = html.split('class="result"')[1]
    assert "+2 outlets" in result
    assert 'href="https://copy.example.com/view?id=9"' in result and ">copier<" in result
    assert 'href="https://odd.example.net/p?id=4&amp;x=%3Cb%3E"' in result or 'x=&lt;b&gt;"' in result


def _options(html: str, name: str) -> list[str]:
    select = re.search(f'<select name="{name}">(.*?)</select>', html, re.S).group(1)
    return [unescape(o) for o in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


def test_the_source_filter_offers_the_sources_of_imported_articles(site):
    """The web page's source list held the configured and polled sources only: an archive imported
    under its own source names (`desk`, `copier`) could be filtered by them with `monitor search
    --source`, not in the browser. A source whose first article is stored while the server runs
    is offered at the next page."""
    from datetime import datetime, timezone

    from monitor.models import Article

    served, store = site
    html = get(served, "/search").text
    assert {"desk", "copier", "odd"} <= set(_options(html, "source"))
    only = get(served, "/search?source=copier").text
    assert only.count('class="result"') == 1 and _options(only, "source").count("copier") == 1
    assert re.search(r'<option selected>copier</option>', only)
    art = Article(url="https://newcomer.example.cn/1.html", title="新来源稿件", paragraphs=("一家新来源的稿件。",),
                  published=datetime(2026, 11, 2, tzinfo=timezone.utc))
    store.add_article(art, source="newcomer", canonical_url=art.url, content_hash="newcomer", story_id=None, band_keys=[])
    assert "newcomer" in _options(get(served, "/search").text, "source")


def test_the_next_page_stays_put_while_new_articles_are_stored(site):
    """Page 2 read after the daemon stored new articles repeated the end of page 1: the pager's
    links pin the archive as page 1 found it (`upto`), so older → shows what followed."""
    from datetime import datetime, timezone

    from monitor.models import Article, Match

    served, store = site
    html = get(served, "/search?q=" + quote("沪明")).text
    first = re.findall(r'<h2[^>]*><a href="/story/(\d+)', html)
    nxt = unescape(re.search(r'<a rel="next" href="([^"]*)"', html).group(1))
    assert "upto=" in nxt
    for i in range(3):
        url = f"https://late{i}.example.cn/{i}.html"
        art = Article(url=url, title=f"沪明合作晚到稿件{i}", paragraphs=(f"沪明合作晚到稿件第{i}篇。",),
                      published=datetime(2026, 12, 1, i, tzinfo=timezone.utc))
        aid, _ = store.add_article(art, source="late", canonical_url=url, content_hash=f"late{i}", story_id=None,
                                   band_keys=[])
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    second = get(served, nxt).text
    shown = re.findall(r'<h2[^>]*><a href="/story/(\d+)', second)
    assert len(shown) == 4 and not set(shown) & set(first)
    back = unescape(re.search(r'<a rel="prev" href="([^"]*)"', second).group(1))
    assert re.findall(r'<h2[^>]*><a href="/story/(\d+)', get(served, back).text) == first
    assert "晚到稿件" in get(served, "/search?q=" + quote("沪明")).text  # a search afresh has them


def test_a_story_opened_from_page_two_leads_back_to_page_two(site):
    """"← search" on a story opened from page 2 (or 7) of a search went back to page 1: a
    colleague reading down the results started over after every story."""
    served, _ = site
    first = get(served, "/search?q=" + quote("沪明") + "&topic=hu-ming").text
    page2 = unescape(re.search(r'<a rel="next" href="([^"]*)"', first).group(1))
    html = get(served, page2).text
    shown = re.findall(r'<h2[^>]*><a href="/story/(\d+)', html)
    story = unescape(re.search(r'<h2[^>]*><a href="(/story/\d+[^"]*)"', html).group(1))
    back = unescape(re.search(r'<a href="([^"]*)">← search</a>', get(served, story).text).group(1))
    assert parse_qs(urlsplit(back).query) == parse_qs(urlsplit(page2).query)
    assert re.findall(r'<h2[^>]*><a href="/story/(\d+)', get(served, back).text) == shown


def test_since_after_until_is_named_on_the_page_as_the_cli_names_it(site):
    """The CLI names a --since after --until (swapped dates find nothing); the page said only
    "Nothing found.", as if the words matched nothing."""
    served, _ = site
    page = get(served, "/search?q=" + quote("沪明") + "&since=2026-11-20&until=2026-11-10")
    assert page.status_code == 400
    error = re.search(r'<p class="error">(.*?)</p>', page.text, re.S).group(1)
    assert "since" in error and "until" in error and "after" in error
    assert "Nothing found" not in page.text
    assert get(served, "/search.atom?since=2026-11-20&until=2026-11-10").status_code == 400


def test_a_story_opened_from_a_topic_page_leads_back_to_that_page(site):
    """A story opened from page 2 of a topic's stories led back ("← search") to an empty search
    of the whole archive: the topic, its page and its chart's period were gone."""
    served, _ = site
    first = get(served, "/topic/hu-ming?weeks=52").text
    page2 = unescape(re.search(r'<a rel="next" href="([^"]*)"', first).group(1))
    html = get(served, page2).text
    story = unescape(re.search(r'<h2[^>]*><a href="(/story/\d+[^"]*)"', html).group(1))
    page = get(served, story).text
    back, words = re.search(r'<p><a href="([^"]*)">← ([^<]*)</a></p>', page).groups()
    back = unescape(back)
    assert urlsplit(back).path == "/topic/hu-ming" and words == "hu-ming"
    assert parse_qs(urlsplit(back).query) == parse_qs(urlsplit(page2).query)
    assert get(served, story.split("?")[0] + "?in=" + quote("<nope>")).text.count("← search") == 1  # no such topic
