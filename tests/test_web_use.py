"""`monitor serve` as colleagues use it: the font list a browser gets, the pager's words under
each sort, filters and the chart's period kept from page to page and back from a story, and what
the sources page says of a source a site has asked to pause."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from click.testing import CliRunner
from test_web import Served, get

from monitor.cli import main
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

TEA = '[topics.tea]\n[topics.tea.groups.tea]\nterms = ["茶"]\n[[topics.tea.rules]]\nname = "tea"\nany = ["tea"]\n'
STORIES = 24  # more than a page of results (20)
CITIES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地"


@pytest.fixture(scope="module")
def busy(tmp_path_factory):
    """A topic with more stories than a page: one a day, each its own (no two alike)."""
    from monitor import config as config_mod

    work = tmp_path_factory.mktemp("use")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + TEA, encoding="utf-8")
    lines = []
    for i in range(STORIES):
        city = CITIES[i]
        lines.append(json.dumps({
            "url": f"https://news{i}.example.cn/a/{i}.html", "title": f"沪明对口合作{city}区工作组第{i}次会议召开",
            "published": f"2026-11-{1 + i:02d}T10:00:00+08:00",
            "body": f"上海市{city}区与三明市对口合作第{i}次工作会议召开，两地签署{city}号产业园区共建协议，"
                    f"推进沪明对口合作项目{i * 7 + 3}个。"}, ensure_ascii=False))
    db = work / "m.db"
    done = CliRunner().invoke(main, ["--config", str(cfg_path), "--db", str(db), "import", "-"],
                              input="\n".join(lines) + "\n")
    assert done.exit_code == 0, done.output
    cfg = config_mod.load(cfg_path, db)
    store = Store.open(db)
    with Served(create_app(Context(cfg, store), auth="")) as served:
        yield served, store
    store.close()


def _style(html: str) -> str:
    return html.split("<style>")[1].split("</style>")[0]


def test_the_font_list_reaches_the_browser_as_css(busy):
    """The CJK font list sat in <style> HTML-escaped (`&#34;PingFang SC&#34;`): a style element's
    text is not unescaped, so the browser dropped the whole font-family declaration and showed the
    pages in its default serif font."""
    site, _ = busy
    for path in ("/search", "/topic/hu-ming", "/sources", "/story/999999"):
        css = _style(get(site, path).text)
        assert "&#" not in css and "&quot;" not in css and "&amp;" not in css
        assert '"PingFang SC"' in css and '"Noto Sans CJK SC"' in css


def _pager(html: str) -> dict[str, tuple[str, str]]:
    """rel -> (href, words) of the pager's links."""
    return {rel: (unescape(href), words.strip())
            for rel, href, words in re.findall(r'<a rel="(prev|next)" href="([^"]*)">([^<]*)</a>', html)}


def test_the_pager_says_newer_and_older_only_when_the_results_go_by_date(busy):
    """Sorted by relevance, page 2 is not "older": the links said "older →" and "← newer"."""
    site, _ = busy
    q = "/search?q=" + quote("沪明 合作")
    first, second = (_pager(get(site, q + f"&page={n}").text) for n in (1, 2))
    assert "older" in first["next"][1] and "newer" in second["prev"][1]
    first, second = (_pager(get(site, q + f"&sort=relevance&page={n}").text) for n in (1, 2))
    assert "next" in first and "prev" in second
    for words in ("older", "newer"):
        assert words not in first["next"][1] + second["prev"][1]
    relevance = second
    assert "sort=relevance" in relevance["prev"][0]


def test_the_topic_pages_keep_the_chart_period(busy):
    """Paging a topic's stories dropped `weeks`: page 2 of a year's chart drew 26 weeks."""
    site, _ = busy
    first = get(site, "/topic/hu-ming?weeks=52").text
    assert "last 52 weeks" in first
    href = _pager(first)["next"][0]
    asked = parse_qs(urlsplit(href).query)
    assert asked.pop("after")  # where page 1 ended: page 2 is read from there
    assert asked == {"weeks": ["52"], "page": ["2"], "upto": [str(STORIES)]}  # pinned
    second = get(site, href).text
    assert "last 52 weeks" in second and "newer" in _pager(second)["prev"][1]
    assert parse_qs(urlsplit(_pager(second)["prev"][0]).query)["weeks"] == ["52"]


def test_a_story_opened_from_a_filtered_search_leads_back_to_that_search(busy):
    """The story page's "← search" kept only the words: topic, source, since and sort were gone
    when a colleague went back from a story to the list they were reading."""
    site, _ = busy
    params = "q=" + quote("沪明") + "&topic=hu-ming&since=2026-11-05&sort=relevance"
    html = get(site, "/search?" + params).text
    story = unescape(re.search(r'<h2[^>]*><a href="(/story/\d+[^"]*)"', html).group(1))
    page = get(site, story).text
    back = unescape(re.search(r'<a href="([^"]*)">← search</a>', page).group(1))
    assert parse_qs(urlsplit(back).query) == {"q": ["沪明"], "topic": ["hu-ming"], "since": ["2026-11-05"],
                                              "sort": ["relevance"]}
    assert "<mark>沪明</mark>" in page


def test_the_sources_page_says_a_site_asked_for_a_pause_and_since_when(busy):
    """A source resting after a 429 showed its status in green (its error count is kept, not
    raised) and no source said since when it had been failing or resting; `monitor sources` and
    `monitor health` say both."""
    site, store = busy
    store.record_poll("paused-site", "html", "https://paused.example.cn/list", status="ok", new=2)
    store.record_poll("paused-site", "html", "https://paused.example.cn/list", status="rate_limited",
                      error="HTTP 429: the site asked for a pause of 3600 s", resting=True)
    store.record_poll("broken-site", "html", "https://broken.example.cn/list", status="error", error="HTTP 503")
    since = store.source_state("paused-site")["status_since"]
    html = get(site, "/sources").text
    row = next(r for r in html.split("<tr>") if "paused-site" in r)
    assert 'class="good">rate_limited' not in row and "rate_limited" in row and "HTTP 429" in row
    from monitor.web.app import _when

    assert f"since {_when(since)}" in row
    broken = next(r for r in html.split("<tr>") if "broken-site" in r)
    assert 'class="bad">error' in broken and "since " in broken


def test_the_chart_legend_is_page_text_a_phone_can_read(busy):
    """The legend was SVG text drawn at 12 units of a 640-unit picture: at a phone's 375 px the
    names were 6 px high. It is an HTML list after the picture, each name beside its colour."""
    from monitor.web.chart import PALETTE, coverage_svg

    html = coverage_svg([("2026-11-16", "东南网", 3), ("2026-11-16", "a&b<c>", 2)], ["2026-11-16"])
    svg, after = html.split("</svg>")
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", svg)  # text scaled with the picture (bars' tooltips aside)
    assert drawn and not any("东南网" in t or "a&amp;b" in t for t in drawn)
    assert re.findall(r'<li[^>]*><span class="key" style="background:([^"]+)"></span>([^<]+)</li>', after) == [
        (PALETTE[0], "a&amp;b&lt;c&gt;"), (PALETTE[1], "东南网")]
    site, _ = busy
    page = get(site, "/topic/hu-ming?weeks=8").text
    assert '<ul class="legend">' in page and "ul.legend" in _style(page)


def test_a_feed_entry_without_a_web_address_still_carries_its_text_as_content():
    """RFC 4287 4.1.1: an entry with no atom:content must have an alternate link. An entry whose
    stored address is no web page (a `javascript:` one, never linked) had only a summary."""
    import xml.etree.ElementTree as ET
    from datetime import datetime, timezone

    from monitor import feeds
    from monitor.models import Story

    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    stories = [Story(story_id=i, article_id=i, title="沪明 & <合作>", url=url, source="s", published=now,
                     topics=("hu-ming",), snippet="上海与三明签约。", reposts=())
               for i, url in enumerate(["javascript:void(0)", "https://ok.example.cn/2"])]
    feed = ET.fromstring(feeds.atom(stories, title="t & <u>", feed_id="urn:monitor:t", now=now))
    ns = {"a": feeds.ATOM}
    assert feed.find("a:title", ns).text == "t & <u>"
    for entry in feed.findall("a:entry", ns):
        linked = entry.find("a:link", ns) is not None
        content = entry.find("a:content", ns)
        assert linked or (content is not None and content.text == "s: 上海与三明签约。")
        assert entry.find("a:title", ns).text == "沪明 & <合作>" and entry.find("a:id", ns).text
        assert entry.find("a:updated", ns).text == "2026-12-01T00:00:00Z"


def test_a_page_past_the_last_says_so_and_leads_back(busy):
    """A bookmarked or edited `page=9` of a search with 24 stories said "Nothing found.", as if the
    words matched nothing; a topic's said nothing at all."""
    site, _ = busy
    html = get(site, "/search?q=" + quote("沪明") + "&topic=hu-ming&page=9").text
    assert "Nothing found" not in html and "Page 9 is past the last page" in html
    back = unescape(re.search(r'<a href="([^"]*)">back to the first</a>', html).group(1))
    assert parse_qs(urlsplit(back).query) == {"q": ["沪明"], "topic": ["hu-ming"]}
    topic = get(site, "/topic/hu-ming?weeks=8&page=9").text
    assert "Page 9 is past the last page" in topic and 'href="/topic/hu-ming?weeks=8">back to the first' in topic
    assert "Nothing found" in get(site, "/search?q=" + quote("三明治")).text
    assert "No story has matched tea yet." in get(site, "/topic/tea").text


def test_a_query_pasted_with_its_pinyin_finds_and_marks_the_words(busy):
    """`沪(hù)明`, copied from an article that annotates its characters, was read as 沪, a group
    (hù) and 明: `hù` a required word, so nothing was found. Pinyin after a Han character is part
    of the word, as normalisation reads it in the text; a group of words stays a group."""
    from monitor import querylang

    assert querylang.parse("沪(hù)明").terms() == ["沪明"]
    assert querylang.parse("沪（hù）明 合作").terms() == ["沪明", "合作"]
    assert querylang.parse("对(dui4)口 -三明治").terms() == ["对口"]
    assert querylang.parse("(沪明 OR 滬明) 合作").terms() == ["沪明", "滬明", "合作"]
    assert querylang.parse("沪(fan)明").terms() == ["沪", "fan", "明"]  # no tone: not read as pinyin
    site, _ = busy
    html = get(site, "/search?q=" + quote("沪(hù)明")).text
    assert "Nothing found" not in html and html.count('class="result"') == 20 and "<mark>沪明</mark>" in html


def test_an_article_without_a_date_shows_when_it_was_fetched(tmp_path):
    """A page that gave no date was listed as `source ·` and nothing: it is sorted by the time it
    was fetched, so that time is shown, said to be the fetch's."""
    from monitor import config as config_mod
    from monitor.models import Article

    cfg = config_mod.load(None, tmp_path / "m.db")
    store = Store.open(cfg.db_path)
    art = Article(url="https://undated.example.cn/1", title="沪明合作无日期稿", paragraphs=("上海与三明签约，稿件未注明日期。",))
    story = store.add_article(art, source="undated", canonical_url=art.url, content_hash="u1", story_id=None,
                              band_keys=[])[1]
    fetched = store.conn.execute("SELECT fetched_at FROM articles").fetchone()[0]
    from monitor.web.app import _when

    with Served(create_app(Context(cfg, store), auth="")) as served:
        found = get(served, "/search?q=" + quote("沪明")).text
        page = get(served, f"/story/{story}").text
    store.close()
    for html in (found, page):
        assert f"{_when(fetched)} (fetched; no date given)" in html
