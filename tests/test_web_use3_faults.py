"""`monitor serve` used as colleagues use it, third round: a story imported without source names
read on its own page; a verdict of a topic since taken out of the config; a topic's chart over
more sources than its palette has colours; a story one site holds at several addresses; a search feed
holding an article that gave no date; a source taken out of the config on the sources page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from html import unescape
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_web import Served, get
from test_web_use2_faults import _story_of

from monitor import config as config_mod
from monitor.cli import main
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

OLD = ('[topics."园区旧题"]\n[topics."园区旧题".groups.g]\nterms = ["产业园区"]\n'
       '[[topics."园区旧题".rules]]\nname = "g"\nany = ["g"]\n')
BODY = ("三明市与上海市闵行区签订沪明对口合作框架协议，两地将共建产业园区，在文旅康养、农产品进沪、"
        "干部人才交流等方面开展合作，首批八个项目当天签约。")
UNNAMED = ["https://www.county.example.cn/n/1.html", "https://mirror.example.com/a/2.html"]
TEA = "将乐县擂茶制作技艺列入省级非遗名录，当地茶农在春季采制新茶，游客可体验擂茶制作全过程。"
# one county station's story at three addresses (its news, its culture channel, its mobile page), a paper's copy
CHANNELS = [("县台", "https://tv.example.cn/news/5.html"), ("县台", "https://tv.example.cn/culture/5.html"),
            ("县台", "https://m.tv.example.cn/5.html"), ("市报", "https://paper.example.cn/5.html")]
UNDATED = "https://undated.example.cn/k/1.html"  # a page that gave no date
OUTLETS = [f"站点{i:02d}" for i in range(11)]  # more than the chart's eight colours


def _lines() -> list[dict]:
    recent = datetime.now(timezone.utc) - timedelta(days=3)
    lines = [{"url": url, "title": "三明闵行签订对口合作协议", "body": BODY, "published": f"2026-11-2{k} 09:00"}
             for k, url in enumerate(UNNAMED)]  # an export naming no outlet: stored under `import`
    lines += [{"url": url, "source": name, "title": "将乐擂茶列入省级非遗名录", "body": TEA,
               "published": f"2026-11-25T0{k}:00:00+08:00"} for k, (name, url) in enumerate(CHANNELS)]
    lines.append({"url": UNDATED, "source": "客家网", "title": "宁化客家祖地祭祖大典举行",
                  "body": "宁化县石壁客家祖地举行世界客属祭祖大典，海内外客家乡亲代表参加，共叙乡情。"})
    tea = "闽东茶园春茶开采，茶农忙于采摘加工，今年春茶品质较好，价格稳中有升。"  # an old story copied again
    lines += [{"url": f"https://tea{k}.example.cn/1.html", "source": f"茶{k}", "title": "闽东茶园春茶开采",
               "body": tea, "published": day} for k, day in enumerate(["2026-11-01 09:00", "2026-11-29 09:00"])]
    lines.append({"url": "https://tea9.example.cn/2.html", "source": "茶9", "title": "闽东茶园冬季管护",
                  "body": "闽东茶园进入冬季管护期，茶农修剪茶树、施用有机肥，为来年春茶打基础。", "published": "2026-11-15 09:00"})
    for i, name in enumerate(OUTLETS):  # one story each, a few of them two
        for j in range(1 + (i % 3 == 0)):
            lines.append({"url": f"https://o{i}.example.cn/{j}.html", "source": name,
                          "title": f"沪明协作第{i}{j}号简报：帮扶项目进展{i * 7 + j}",
                          "body": f"沪明对口合作简报第{i}{j}号。" + "上海对口帮扶三明，推进项目建设。" * 3 + f"编号{i}{j}",
                          "published": (recent - timedelta(hours=i * 5 + j)).isoformat()})
    return lines


@contextmanager
def served_after_a_topic_removed(work: Path, lines: list[dict]) -> Iterator[tuple[Served, Store]]:
    """`lines` imported into `work`/m.db under the bundled topic and OLD (a topic since taken out of
    the config), then served with the config without OLD: the server and the store."""
    before, now = work / "before.toml", work / "m.toml"
    now.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    before.write_text(now.read_text(encoding="utf-8") + OLD, encoding="utf-8")
    db = work / "m.db"
    done = CliRunner().invoke(main, ["--config", str(before), "--db", str(db), "import", "-"],
                              input="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    assert done.exit_code == 0, done.output
    store = Store.open(db)
    with Served(create_app(Context(config_mod.load(now, db), store), auth="")) as served:
        yield served, store
    store.close()


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The archive matched under a config with a topic since removed; served with the config without it."""
    with served_after_a_topic_removed(tmp_path_factory.mktemp("use3"), _lines()) as both:
        yield both


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)))


def test_a_story_page_names_imported_versions_by_their_hosts(town):
    """The search result and the feed named the versions of an export without source names by
    their hosts (session 25), but the story page, where a press office reads each version, still
    headed every one 'import ·': which outlet was which could only be told from the addresses."""
    site, store = town
    html = get(site, f"/story/{_story_of(store, UNNAMED[0])}").text
    metas = [_text(m) for m in re.findall(r'<div class="meta">(.*?)</div>', html, re.S)]
    assert [m.split(" · ")[0].strip() for m in metas] == ["county.example.cn", "mirror.example.com"], metas


def test_a_topic_taken_out_of_the_config_is_named_not_linked(town):
    """A story matched by a topic since removed from the config said 'matched 园区旧题' with a link
    to its page, which answered 'No topic 园区旧题 here.' (404): a link nowhere, from a page that
    still showed the verdict. The name is kept (the verdict is history), said to be no longer
    configured, and not linked."""
    site, store = town
    html = get(site, f"/story/{_story_of(store, UNNAMED[0])}").text
    assert "园区旧题" in html
    for href in re.findall(r'href="([^"]*/topic/[^"]*)"', html):
        assert get(site, unescape(href)).status_code == 200, href
    assert "no longer in the config" in _text(html)


def test_each_source_in_a_topics_chart_has_a_colour_of_its_own(town):
    """The chart's palette has eight colours and sources past the eighth reused them in order:
    over eleven sources the legend showed three pairs in one colour, and a bar's segment could be
    either source's. The seven with the most stories keep their own colours; the rest share a
    grey the legend names as the others, listing them."""
    site, _ = town
    html = get(site, "/topic/hu-ming?weeks=4").text
    legend = re.search(r'<ul class="legend">(.*?)</ul>', html, re.S)
    assert legend, html
    keys = re.findall(r'<li[^>]*>(?:<details><summary>)?<span class="key" style="background:([^"]+)"></span>(.*?)</li>',
                      legend.group(1))  # the others' names folded in a <details>
    colours = [c for c, _ in keys]
    assert len(colours) == len(set(colours)), keys
    named = " ".join(unescape(t) for _, t in keys)
    assert all(name in named for name in OUTLETS), named  # every source still named
    # the sources with two stories (站点00, 03, 06, 09) are among those keeping a colour of their own
    own = {unescape(t) for _, t in keys if t in OUTLETS}
    assert {"站点00", "站点03", "站点06", "站点09"} <= own, own
    drawn = set(re.findall(r'<rect [^>]*fill="([^"]+)"', html))
    assert drawn <= set(colours), (drawn, colours)


def test_versions_at_one_site_are_not_counted_as_outlets(town):
    """A county station filing one story under its news and culture channels and its mobile page,
    and a paper copying it, was '+3 outlets' in the results (the title listing 县台 县台 市报) and
    'Story N: 4 outlet versions', 'All 4 outlets' on its page: a press office counting who carried
    it counted the station three times. Versions are counted as versions, outlets once each."""
    site, store = town
    html = get(site, "/search", params={"q": "擂茶"}).text
    chip = re.search(r'<span class="outlets" title="([^"]*)">(.*?)</span>', html, re.S)
    assert chip, html
    assert unescape(chip.group(1)) == "市报" and _text(chip.group(2)) == "+3 versions, 1 other outlet", chip.groups()
    page = _text(get(site, f"/story/{_story_of(store, CHANNELS[0][1])}").text)
    assert "4 versions at 2 outlets" in page, page
    assert "outlets: 3" not in page and "4 outlet versions" not in page
    # versions all at other outlets keep the words they had
    html = get(site, "/search", params={"q": "三明闵行"}).text
    assert ">+1 outlet</span>" in html


def test_a_search_feeds_undated_entry_keeps_the_time_it_was_stored(town):
    """A search feed's entry for an article whose page gave no date was dated the moment the feed
    was asked for: a reader polling it every few minutes saw the entry updated each time, and the
    feed's ETag never held (a 304 never came), while the feed itself was dated 1970. A topic's feed dates such an entry by when the
    article was stored; the search feed now does too."""
    site, store = town
    # stored an hour ago: a feed dated when it was asked cannot pass for one dated when it was stored
    fetched = (datetime.now(timezone.utc) - timedelta(hours=1)).replace(microsecond=0).isoformat()
    with store.transaction():
        store.conn.execute("UPDATE articles SET fetched_at = ? WHERE url = ?", [fetched, UNDATED])
    xml = get(site, "/search.atom", params={"q": "客家"}).text
    stamps = re.findall(r"<entry>.*?<updated>([^<]+)</updated>", xml, re.S)
    stored = datetime.fromisoformat(fetched).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert stamps == [stored], (stamps, fetched)
    # and the feed's own date is its newest entry's, not the epoch an empty feed has
    assert re.search(r"<updated>([^<]+)</updated>", xml).group(1) == stored


def test_a_source_taken_out_of_the_config_is_said_to_be_no_longer_polled(town):
    """A source removed from the config kept its row on the sources page as the last poll left it,
    nothing said: one that had failed read '5 errors in a row' as if still failing (someone to
    call), one that had worked green 'ok', as healthy-looking as a source polled a minute ago.
    The row says it is no longer in the config and not polled."""
    site, store = town
    for _ in range(5):
        store.record_poll("旧站", "html", "https://old.example.cn/list", status="error", error="HTTP 503")
    store.record_poll("停用站", "html", "https://stopped.example.cn/list", status="ok", new=3)
    html = get(site, "/sources").text
    for name in ("旧站", "停用站"):
        row = next(r for r in html.split("<tr>") if name in r)
        assert "no longer in the config" in _text(row), row


def test_every_page_has_one_heading_above_its_results(town):
    """The search page had no <h1>: its results were h2 headings under nothing, so a screen
    reader's list of headings (how its users move through a page) began with the first result
    and never said what the page was. Every page has one h1, first, and no level is skipped."""
    site, store = town
    for path in ("/search", "/search?q=%E6%93%82%E8%8C%B6", "/search?q=%E6%97%A0%E6%AD%A4%E8%AF%8D", "/topic/hu-ming",
                 "/sources", f"/story/{_story_of(store, UNNAMED[0])}"):
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", get(site, path).text)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, (path, levels)
        assert all(b - a <= 1 for a, b in pairwise(levels)), (path, levels)


def test_a_story_placed_by_a_new_copy_says_so_where_the_order_by_date_reads(town):
    """Results go newest first by a story's newest matching copy, but each is shown by its first:
    an old story copied again this week stood at the top dated weeks ago, above stories dated
    since, and the page's order by date looked broken (a colleague took the results for
    unsorted). Such a story also shows its newest copy's date."""
    site, _ = town
    html = get(site, "/search", params={"q": "闽东茶园"}).text
    metas = [_text(m) for m in re.findall(r'<div class="meta">(.*?)</div>', html, re.S)]
    assert len(metas) == 2, metas
    assert "2026-11-01 09:00" in metas[0] and "newest copy 2026-11-29 09:00" in metas[0], metas
    assert "2026-11-15 09:00" in metas[1] and "newest copy" not in metas[1], metas
    relevance = get(site, "/search", params={"q": "闽东茶园", "sort": "relevance"}).text
    assert "newest copy" not in relevance  # by relevance, dates do not order the page


def test_templates_written_by_an_upgrade_wait_for_a_restart(town, tmp_path, monkeypatch):
    """A `git pull` or `pip install` of a new version under a running `monitor serve` had the old
    code render the new templates, read again as their files changed: a template using a filter
    only the new code defines made every page answer 500 until someone restarted the server.
    The pages are the templates the server started with."""
    import shutil

    from monitor.web import app as web_app

    _, store = town
    shutil.copytree(web_app.files("monitor") / "web" / "templates", tmp_path / "web" / "templates")
    monkeypatch.setattr(web_app, "files", lambda _package: tmp_path)
    cfg = config_mod.load(store.path.parent / "m.toml", store.path)
    with Served(create_app(Context(cfg, store), auth="")) as served:
        assert get(served, "/search").status_code == 200
        for name in ("base.html", "_results.html", "search.html"):  # an upgrade's templates, a filter of its own
            page = tmp_path / "web" / "templates" / name
            page.write_text(page.read_text(encoding="utf-8").replace("{{ root }}", "{{ root | made_later }}"),
                            encoding="utf-8")
        for path in ("/search", "/search?q=%E6%93%82%E8%8C%B6", "/sources"):
            assert get(served, path).status_code == 200, path


def test_a_topics_chart_names_imported_articles_by_their_hosts(town):
    """The results, story pages and feeds name an article imported without a source name by its
    address's host; the topic's chart still drew them all as one source, 'import': a year's
    export from many outlets showed as one outlet's coverage."""
    site, _ = town
    html = get(site, "/topic/hu-ming?weeks=4").text
    legend = _text(re.search(r'<ul class="legend">(.*?)</ul>', html, re.S).group(1))
    assert "county.example.cn" in legend and "mirror.example.com" in legend, legend
    assert "import" not in legend, legend
