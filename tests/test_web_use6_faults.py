"""`monitor serve` used as colleagues use it, sixth round: a topic page read on a phone; the
later pages of a much-copied story opened from a search; the sources page of an archive made by
`monitor import` alone."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from html import unescape
from urllib.parse import quote

import pytest
from test_web import get, on_phone
from test_web_use2_faults import _story_of
from test_web_use3_faults import served_after_a_topic_removed
from test_web_use5_faults import _text

BODY = ("福建三明与上海签订新一轮沪明对口合作协议，双方将在产业园区、文旅康养和农产品进沪等方面深化合作，"
        "首批十二个项目现场签约。")
SNACK = "沙县小吃进沪开店百家，沪明两地共建小吃产业园区，带动三明农产品销售，上海市民排队品尝。"
COPIES = 64  # more than a story page's 50 versions
FIRST = "https://wire000.example.com/c/0.html"


def _lines() -> list[dict]:
    recent = datetime.now(timezone.utc) - timedelta(days=1)
    lines = [{"url": f"https://wire{i:03d}.example.com/c/{i}.html", "source": f"县网{i:03d}",
              "title": "新一轮沪明对口合作协议签订", "body": BODY, "published": (recent + timedelta(minutes=i)).isoformat()}
             for i in range(COPIES)]
    lines += [{"url": f"https://city{i}.example.cn/p/{i}.html", "source": f"市报{i}",
               "title": f"三明{i}号园区迎来上海企业", "published": (recent - timedelta(days=3 * i)).isoformat(),
               "body": f"沪明对口合作框架下，{i + 2}家上海企业入驻三明{i}号产业园区，园区年产值预计增长{i + 11}%。"}
              for i in range(3)]
    # one story at a paper's two addresses (its site and its mobile pages) and two other outlets
    lines += [{"url": url, "source": name, "title": "沙县小吃进沪开店百家", "body": SNACK,
               "published": (recent + timedelta(hours=k)).isoformat()}
              for k, (name, url) in enumerate((("日报", "https://daily.example.cn/s/1.html"),
                                               ("晚报", "https://www.wanbao.example.cn/s/9.html"),
                                               ("晨报", "https://chenbao.example.com/s/4.html"),
                                               ("晚报", "https://m.wanbao.example.cn/s/9.html")))]
    return lines


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """An archive made by importing alone (no source configured or polled): a story copied by 64
    county sites, and three stories of one outlet each."""
    with served_after_a_topic_removed(tmp_path_factory.mktemp("use6"), _lines()) as both:
        yield both


WIDE = "say(document.documentElement.scrollWidth + ' ' + innerWidth);"


def test_a_topic_page_does_not_scroll_sideways_on_a_phone(town, tmp_path):
    """The chart's figures for screen readers (a table hidden on the screen) kept their width: a
    table is as wide as its rows however small its box is said to be, and the topic page of 375
    px scrolled sideways to some 1,000 px of blank. The hidden figures take no width."""
    site, _ = town
    html = get(site, "/topic/hu-ming?weeks=4").text
    assert "without any" in _text(html)  # the figures are there
    wide, screen = map(int, on_phone(html, WIDE, tmp_path).split())
    assert wide <= screen, (wide, screen)


def test_the_later_pages_of_a_story_keep_the_version_the_search_found(town):
    """A search result found in a later copy opens its story on that copy ('The version your search
    found'); the story's 'later versions →' dropped it (`v=`), and page 2 no longer said which
    version the search had found, nor did a link of the list of all outlets."""
    site, store = town
    story = _story_of(store, FIRST)
    late = store.db.execute("SELECT id FROM articles WHERE url = ?", ["https://wire060.example.com/c/60.html"]).fetchone()[0]
    q = quote("沪明")
    html = get(site, f"/story/{story}?q={q}&v={late}").text
    assert 'class="version found"' in html
    later = re.search(r'rel="next" href="([^"]+)"', html)
    assert later, html[-2000:]
    assert f"v={late}" in unescape(later.group(1)), later.group(1)
    listed = re.findall(r'<li><a href="([^"]+)"', html.split('class="all-outlets"', 1)[1])
    assert listed and all(f"v={late}" in unescape(h) for h in listed), listed[:3]
    two = get(site, unescape(later.group(1))).text
    assert 'class="version found"' in two and "The version your search found" in two
    earlier = re.search(r'rel="prev" href="([^"]+)"', two)
    assert earlier and f"v={late}" in unescape(earlier.group(1)), earlier
    back = re.search(r'<a href="([^"]+)">← search</a>', two)
    assert back and "v=" not in back.group(1), back  # the search's own link has no v


def test_the_sources_page_of_an_imported_archive_names_its_sources(town):
    """An archive made by `monitor import` (a clipping service's export) has no source configured
    or polled: its sources page said only 'No source is configured or has been polled yet', while
    67 sites' articles were in the archive and the search's source filter offered them. It names
    them, each a search of its articles, said to be imported and not polled."""
    site, _ = town
    html = get(site, "/sources").text
    page = _text(html)
    assert "县网000" in page and "市报2" in page, page[-800:]
    assert "import" in page.lower(), page[-800:]
    assert f'href="/search?source={quote("县网007")}"' in html, html[-1500:]


@pytest.mark.parametrize("query", ["沪明 huming", "三明 园区 Sanming"])
def test_nothing_found_says_which_word_no_article_has(town, query):
    """A name pasted with its pinyin (`沪明 huming`) found nothing, and the page said a bare
    'Nothing found.' over an archive full of 沪明: which word was to blame was left to guess. The
    page names the word no article has and links the search without it, which finds articles."""
    site, _ = town
    html = get(site, "/search?q=" + quote(query)).text
    page = _text(html)
    word = query.split()[-1]
    assert "Nothing found" in page and f"No article has {word}" in page, page[-700:]
    kept = " ".join(query.split()[:-1])
    link = re.search(r'<a href="([^"]+)">search\s', html)
    assert link and unescape(link.group(1)) == "/search?" + f"q={quote(kept).replace('%20', '+')}", link
    assert 'class="result"' in get(site, unescape(link.group(1))).text


def test_words_found_apart_but_not_together_get_no_such_hint(town):
    """Each word is in some article, just not together: no word is blamed."""
    site, _ = town
    page = _text(get(site, "/search?q=" + quote("协议 入驻")).text)
    assert "Nothing found" in page and "No article" not in page, page[-500:]


def test_a_result_names_an_outlet_at_two_addresses_once(town):
    """A paper carrying a story at two addresses (its site and its mobile pages) was named twice in
    the result's 'also at: 晚报, 晨报, 晚报', as if a glitch, while the count beside said 2 other
    outlets. Each outlet is named once; its other address is a numbered link after its name."""
    site, _ = town
    html = get(site, "/search?q=" + quote("沙县小吃")).text
    also = re.search(r"also at:(.*?)</p>", html, re.S)
    assert also, html[-2000:]
    said = _text(also.group(1))
    assert said.count("晚报") == 1 and "晨报" in said, said
    links = dict(re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', also.group(1)))
    assert links.get("https://www.wanbao.example.cn/s/9.html") == "晚报", links
    assert links.get("https://m.wanbao.example.cn/s/9.html") == "2", links


def test_a_feed_entry_names_an_outlet_at_two_addresses_once(town):
    """The feeds' entries said 'Also reported by: 晚报; 晨报; 晚报' as the result's 'also at' did."""
    site, _ = town
    for path in ("/search.atom?q=" + quote("沙县小吃"), "/topic/hu-ming.atom"):
        xml = get(site, path).text
        entry = re.search(r"<entry><title>沙县小吃进沪开店百家</title>.*?</entry>", xml, re.S)
        assert entry, (path, xml[:1500])
        html = unescape(re.search(r'type="html">(.*?)</', entry.group(0), re.S).group(1))
        also = html.split("Also reported by:", 1)[1]
        assert _text(also).count("晚报") == 1 and "晨报" in _text(also), (path, also)
        assert '<a href="https://m.wanbao.example.cn/s/9.html">2</a>' in also, (path, also)


def test_a_topics_figures_count_a_story_many_sites_carried_once(town):
    """The chart's figures (for a screen reader) said a week's stories were the bar's height, which
    adds each source's: the week of one story 64 county sites carried was said to have 60-odd
    stories, when the archive held five. Each story counts once; the sources stay named."""
    site, store = town
    html = get(site, "/topic/hu-ming?weeks=4").text
    table = re.search(r"<table>(.*?)</table>", html.split("</svg>", 1)[1], re.S)
    assert table, html[-2000:]
    rows = [[_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)]
    rows = [r for r in rows if r]
    total = store.db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
    assert rows and all(int(r[1]) <= total for r in rows), (total, rows)
    assert any("县网000 1" in r[2] for r in rows), rows
