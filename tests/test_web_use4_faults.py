"""`monitor serve` used as colleagues use it, fourth round: a phone of 375 px for real (Chromium's
headless window is never narrower than 500 px, so the page is read in a 375 px frame); the
sources page of failing sources on a phone; a topic chart's dates and scale on a phone; keyboard
use of the pages."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from html import unescape
from itertools import pairwise

import pytest
from click.testing import CliRunner
from test_web import Served, get, on_phone
from test_web_use2_faults import _story_of

from monitor import config as config_mod
from monitor.cli import main
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

BODY = "上海市与三明市签署沪明对口合作框架协议，两地共建产业园区，推进文旅康养、农产品进沪等项目落地。"
PLACES = ["永安市与闵行区共建科创飞地。", "沙县小吃进沪开店百家。", "将乐擂茶亮相上海展会。",
          "明溪县与奉贤区签约康养基地。", "宁化县客家文化周在沪举办。", "泰宁县与长宁区结对旅游推广。"]
LONG_SOURCE = "福建省三明市人民政府办公室政务公开专栏（市直部门信息公开目录）"
FAILING = ("连接被对方重置：read ECONNRESET after 3 tries; the listing https://broken.example.cn/"
           + "list/index.html could not be read")


def _lines() -> list[dict]:
    recent = datetime.now(timezone.utc) - timedelta(days=2)
    lines = [{"url": f"https://o{i}.example.cn/n/{i}.html", "source": f"站点{i:02d}",
              "title": f"沪明对口合作第{i}号项目签约", "body": f"第{i}号项目：" + PLACES[i % 6] + BODY[i % 7:],
              "published": (recent - timedelta(days=3 * i)).isoformat()} for i in range(30)]
    # one story copied by 40 outlets
    lines += [{"url": f"https://copy{i}.example.com/2026/12/{i}.html", "source": f"转载{i:02d}",
               "title": "沪明共建产业园首批项目开工", "body": BODY + "首批项目开工。",
               "published": (recent + timedelta(minutes=i)).isoformat()} for i in range(40)]
    # an imported archive's own name for its outlet: a government site's column, 30 characters
    lines.append({"url": "https://gov.example.cn/zwgk/1.html", "source": LONG_SOURCE, "title": "沪明对口合作政务公开",
                  "body": "三明市政府信息公开：沪明对口合作年度工作要点。", "published": recent.isoformat()})
    return lines


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """Seventy articles under the bundled topic, one story copied by forty outlets, and sources
    that fail or rest."""
    work = tmp_path_factory.mktemp("use4")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    db = work / "m.db"
    done = CliRunner().invoke(main, ["--config", str(cfg_path), "--db", str(db), "import", "-"],
                              input="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in _lines()))
    assert done.exit_code == 0, done.output
    store = Store.open(db)
    store.record_poll("broken-site", "html", "https://broken.example.cn/list", status="error", error=FAILING)
    store.record_poll("paused-site", "html", "https://paused.example.cn/list", status="rate_limited",
                      error="HTTP 429: the site asked for a pause of 3600 s", resting=True)
    # a list page that gave 25 links gives none (its markup changed), twice; a site answering a bot check
    store.record_poll("moved-site", "html", "https://moved.example.cn/list", status="ok", links=25)
    for _ in range(2):
        store.record_poll("moved-site", "html", "https://moved.example.cn/list", status="layout_changed", links=0,
                          failed=True)
    store.record_poll("walled-site", "html", "https://walled.example.cn/list", status="blocked", failed=True)
    store.record_poll("gone-site", "html", "https://gone.example.cn/list", status="gone", failed=True,
                      error="HTTP 404", missing_count=3)
    with Served(create_app(Context(config_mod.load(cfg_path, db), store), auth="")) as served:
        yield served, store
    store.close()


AXIS = "say([...document.querySelectorAll('.chart .axis')].map(t => t.getBoundingClientRect().height.toFixed(1)).join(' '));"


def test_a_topic_charts_dates_and_scale_can_be_read_on_a_phone(town, tmp_path):
    """The legend was made page text (session 23) but the chart's week dates and the count at its
    top stayed SVG text of 11 units in a 640-unit picture: on a phone's 375 px they were drawn 6 px
    high, too small to read which week a bar is. They are drawn at least 10 px high there, and no
    two dates overlap."""
    site, _ = town
    for weeks in (4, 12, 26, 104):
        html = get(site, f"/topic/hu-ming?weeks={weeks}").text
        heights = [float(h) for h in on_phone(html, AXIS, tmp_path).split()]
        assert heights and min(heights) >= 10, (weeks, heights)
        spans = ("const svg = document.querySelector('.chart').getBoundingClientRect();"
                 "say([...document.querySelectorAll('.chart .axis')].slice(1).map(t => {"
                 " const r = t.getBoundingClientRect(); return (r.left - svg.left).toFixed(1) + ','"
                 " + (r.right - svg.left).toFixed(1) + ',' + svg.width.toFixed(1); }).join(' '));")
        boxes = [tuple(map(float, b.split(","))) for b in on_phone(html, spans, tmp_path).split()]
        assert len(boxes) >= min(weeks, 4), (weeks, boxes)  # the dates, none overlapping, inside the picture
        assert all(a[1] <= b[0] for a, b in pairwise(boxes)), (weeks, boxes)
        assert boxes[0][0] >= 0 and boxes[-1][1] <= boxes[-1][2], (weeks, boxes)


# each cell of the sources table holding text: where it is on the screen, and what it says
CELLS = ("say(JSON.stringify([...document.querySelectorAll('td')].filter(td => td.textContent.trim()).map(td => {"
         " const r = td.getBoundingClientRect();"
         " const named = getComputedStyle(td, '::before').content.replace(/^(none|normal)$/, '').replaceAll('\"', '');"
         " return [Math.round(r.left), Math.round(r.right), named + td.innerText.trim()]; })))")


def test_why_a_source_fails_is_on_a_phones_screen(town, tmp_path):
    """On a phone the sources table scrolled sideways inside its box and showed its first three or
    four columns: a failing source read 'error, 1 errors in a row' and the reason (the last error,
    the fifth column) and the week's articles sat past the screen's right edge, with nothing to
    say they were there. On a narrow screen each source is a block, every field on the screen
    under its name."""
    site, _ = town
    cells = json.loads(on_phone(get(site, "/sources").text, CELLS, tmp_path))
    failing = [c for c in cells if FAILING[:20] in c[2]]
    assert failing, cells
    for left, right, text in cells:
        assert left >= 0 and right <= 375, (left, right, text)
    assert any(t.startswith("last error") and FAILING[:20] in t for _, _, t in cells), failing


# the first thing Tab reaches: where its link leads, and where it is drawn once focused
FIRST_TAB = ("const first = [...document.querySelectorAll('a[href], button, input, select, summary')]"
             ".find(e => e.tabIndex >= 0); first.focus(); const r = first.getBoundingClientRect();"
             "const target = document.getElementById((first.getAttribute('href') || '').replace(/^#/, ''));"
             "say(JSON.stringify([first.getAttribute('href'), first.innerText, Math.round(r.left), Math.round(r.top),"
             " Math.round(r.width), Math.round(r.height), target ? target.tagName : null,"
             " target ? target.contains(document.querySelector('h1')) : false]))")


def test_a_keyboard_reaches_the_page_before_the_links_of_every_topic(town, tmp_path):
    """Every page opens with a header linking each topic's page: a colleague using the keyboard
    tabbed through every topic (a desk follows a dozen) before the search box or a story's text,
    on every page. The first Tab reaches a link past them to the page's own content, shown on the
    screen while it has the focus (and out of the way otherwise)."""
    site, store = town
    for path in ("/search?q=沪明", f"/story/{_story_of(store, 'https://copy0.example.com/2026/12/0.html')}",
                 "/topic/hu-ming", "/sources"):
        href, words, left, top, width, height, target, holds_heading = json.loads(
            on_phone(get(site, path).text, FIRST_TAB, tmp_path))
        assert href.startswith("#") and target == "MAIN" and holds_heading, (path, href, words, target)
        assert left >= 0 and top >= 0 and width > 20 and height > 10, (path, left, top, width, height)


# every element whose box reaches past the window's right edge (every <details> opened first)
WIDE = ("document.querySelectorAll('details').forEach(d => { d.open = true; });"
        "const width = document.documentElement.clientWidth;"
        "say([...new Set([...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1)"
        ".map(e => e.tagName + (e.name ? '[' + e.name + ']' : '')))].join(' '));")


def test_a_source_with_a_long_name_keeps_the_filters_on_a_phones_screen(town, tmp_path):
    """An imported archive names its outlets as it likes ('福建省三明市…（市直部门信息公开目录）',
    thirty characters): the source filter's menu is as wide as its longest name, and on a phone
    it pushed the filters 230 px past the screen's edge: the page scrolled sideways and the menu's
    name was off the screen. The menus and fields fit the screen (the menu shows a long name cut)."""
    site, _ = town
    for path in ("/search", "/search?source=" + LONG_SOURCE, "/search?q=沪明&since=" + "9" * 60):
        assert on_phone(get(site, path).text, WIDE, tmp_path) == "", path


# each text node of the page (not in <style>, <script> or a picture, role="img", read as its label):
# its text and the language it is under
LANGS = ("const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
         "for (let n = walk.nextNode(); n; n = walk.nextNode()) {"
         " const e = n.parentElement; if (!n.textContent.trim() || e.closest('script, style, [role=img]')) continue;"
         " out.push([n.textContent.trim(), e.closest('[lang]').getAttribute('lang')]); }"
         "say(JSON.stringify([document.documentElement.lang, out]))")


def test_the_pages_words_are_english_and_an_articles_are_chinese(town, tmp_path):
    """Every page was `<html lang="zh-Hans">` while its own words are English ('Search',
    'Filters', 'Nothing found', 'earlier versions'): a screen reader read them in a Chinese
    voice, and a browser offered to translate the page from Chinese. The page is English; the
    titles, snippets and names in Chinese are marked so, each where it stands."""
    site, store = town
    han, latin = re.compile("[\u4e00-\u9fff]"), re.compile("[A-Za-z]{3,}")
    for path in ("/search?q=沪明", "/search?q=沪明&source=" + LONG_SOURCE, "/search?q=沪明三明治火锅",
                 f"/story/{_story_of(store, 'https://copy0.example.com/2026/12/0.html')}?q=沪明",
                 "/topic/hu-ming", "/sources"):
        page, nodes = json.loads(on_phone(get(site, path).text, LANGS, tmp_path))
        assert page == "en", path
        chinese = [(t, lang) for t, lang in nodes if han.search(t) and not latin.search(t)]
        english = [(t, lang) for t, lang in nodes if latin.search(t) and not han.search(t)]
        assert english and (chinese or path == "/sources"), (path, nodes)  # the sources here are polled under Latin names
        assert [(t, lang) for t, lang in chinese if not lang.startswith("zh")] == [], path
        assert [(t, lang) for t, lang in english if lang != "en"] == [], path


def _row(html: str, name: str) -> str:
    row = next(r for r in html.split("<tr>") if f">{name}</a>" in r)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", row))).strip()


def test_a_failing_source_says_why_in_words_where_it_left_no_error(town):
    """A source whose list page stopped giving links (its markup changed) or that met a bot check
    at every article read 'layout_changed' or 'blocked' in red, '2 errors in a row', and nothing in
    its last error: the status is a code from the health check, and no error is written for it, so
    a colleague reading the page learned neither what happened nor what to do. Each failing status
    says what it means (and a changed layout how many links the page gave before)."""
    site, _ = town
    html = get(site, "/sources").text
    moved = _row(html, "moved-site")
    assert "layout_changed" in moved and "no links" in moved and "25" in moved and "selector" in moved, moved
    walled = _row(html, "walled-site")
    assert "bot check" in walled, walled
    gone = _row(html, "gone-site")
    assert "HTTP 404" in gone and "no longer there" in gone, gone
    assert FAILING[:20] in _row(html, "broken-site")  # an error says why itself


def test_a_chart_across_a_new_year_names_the_years(town):
    """A topic's chart over 52 or 104 weeks labelled its weeks '12-08', '03-09', '06-08' and so on
    without a year: a two-year chart showed '12-08' twice and could be read as one year. A period
    across a new year names the year under its first date and under each date in a new year."""
    from monitor.web.app import week_starts
    from monitor.web.chart import coverage_svg

    site, _ = town
    html = get(site, "/topic/hu-ming?weeks=104").text
    labels = re.findall(r'class="axis">(\d\d-\d\d)(.*?)</text>', html)
    assert labels and all(re.fullmatch(r"<tspan[^>]*>20\d\d</tspan>|", year) for _, year in labels), labels
    assert labels[0][1], labels  # the first date's year
    named = [re.sub("<[^>]+>", "", year) for _, year in labels if year]
    assert len(named) >= 2 and named == sorted(set(named)), labels  # each year once, where it starts
    one_year = coverage_svg([("2026-11-16", "a", 3)], week_starts(datetime(2026, 12, 3).date(), 8))
    assert "<tspan" not in one_year  # within one year, the dates alone


def test_a_topics_chart_period_is_chosen_on_the_page(town):
    """A topic page drew the last 26 weeks and only an address with `weeks=` drew another period,
    which no link, page or README named: a year's coverage for a report was out of reach. The
    page offers its periods, the one shown unlinked; each drawn as it says."""
    site, _ = town
    page = get(site, "/topic/hu-ming").text
    periods = {unescape(h): w for h, w in re.findall(r'<a href="([^"]*)">(\d+) weeks</a>', page)}
    assert "26" not in periods.values() and {"4", "13", "52", "104"} <= set(periods.values()), periods
    for href, weeks in periods.items():
        drawn = get(site, href).text
        assert f"last {weeks} weeks" in drawn and len(re.findall(r"<rect ", drawn)) >= 1, href
        back = {w: unescape(h) for h, w in re.findall(r'<a href="([^"]*)">(\d+) weeks</a>', drawn)}
        assert get(site, back["26"]).text.count("last 26 weeks") == 1  # the default again
