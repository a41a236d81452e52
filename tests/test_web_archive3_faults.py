"""`monitor serve` over a years-long archive, the third round: a story copied by a hundred and more
outlets showed its versions fifty to a page, each with its whole text, and nothing else: which
outlets carried it (the question a press office asks of such a story) meant paging through every
copy; and the first page after the server started read every article's source name first."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import unescape

import pytest
from click.testing import CliRunner
from test_web import Served, get

from monitor import config as config_mod
from monitor.cli import main
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

BODY = ("三明市与上海市对口合作联席会议在沙县召开，两地签订康养、教育、农业等九个合作项目，"
        "会议提出继续深化沪明对口合作，共建产业园区。") * 2
COPIES = 120  # with the first: three pages of versions


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("reposted")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    lines = [{"url": "https://first.example.cn/a/1.html", "title": "沪明对口合作联席会议召开", "source": "first",
              "published": "2026-11-20T08:00:00+08:00", "body": BODY}]
    lines += [{"url": f"https://copy{i}.example.com/n/{i}.html", "title": "沪明对口合作联席会议召开",
               "source": f"copy{i:03d}", "published": f"2026-11-20T{9 + i // 60:02d}:{i % 60:02d}:00+08:00",
               "body": BODY} for i in range(COPIES)]
    lines.append({"url": "https://alone.example.cn/b/2.html", "title": "三明茶叶进入上海市场", "source": "first",
                  "published": "2026-11-21T08:00:00+08:00", "body": "三明茶叶通过沪明合作渠道进入上海市场。"})
    db = work / "m.db"
    done = CliRunner().invoke(main, ["--config", str(cfg_path), "--db", str(db), "import", "-"],
                              input="\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    assert done.exit_code == 0 and f"{COPIES} reposts" in done.output, done.output
    store = Store.open(db)
    ctx = Context(config_mod.load(cfg_path, db), store)
    with Served(create_app(ctx, auth="")) as served:
        yield served, store, ctx
    store.close()


def test_a_story_copied_by_many_outlets_lists_them_all_on_its_first_page(site):
    served, store, _ = site
    story = store.conn.execute("SELECT story_id FROM articles WHERE source = 'first'").fetchone()[0]
    html = get(served, f"/story/{story}").text
    assert html.count('<section class="version"') == 50  # the versions still fifty to a page
    listed = re.search(r'<details class="all-outlets">(.*?)</details>', html, re.S)
    assert listed, "no list of the outlets"
    names = re.findall(r'<li><a href="[^"]*">([^<]*)</a>', listed.group(1))
    assert names == ["first"] + [f"copy{i:03d}" for i in range(COPIES)]
    assert f"All {COPIES + 1} outlets" in listed.group(1)
    assert "https://copy119.example.com/n/119.html" in listed.group(1)  # each one's own address
    # each outlet leads to its version on the page that shows it
    last = re.search(r'<li><a href="([^"]*)">copy119</a>', listed.group(1)).group(1)
    assert unescape(last).endswith("page=3#v" + str(store.conn.execute(
        "SELECT id FROM articles WHERE source = 'copy119'").fetchone()[0]))
    target = get(served, unescape(last).split("#")[0]).text
    assert f'id="{unescape(last).split("#")[1]}"' in target


def test_a_story_of_one_page_has_no_such_list(site):
    served, store, _ = site
    story = store.conn.execute("SELECT story_id FROM articles WHERE url LIKE '%alone%'").fetchone()[0]
    html = get(served, f"/story/{story}").text
    assert html.count('<section class="version"') == 1 and "all-outlets" not in html


def test_the_first_page_after_a_start_does_not_read_every_source_name(site, monkeypatch):
    """The source filter offers every name an article was stored under; the first page after a
    start read them all from the archive while the colleague waited (~0.4 s at 200,000 articles,
    ~0.8 s at a million). They are read as the server starts, before it takes requests."""
    _, store, ctx = site
    reads: list[str] = []
    whole = store.source_names
    monkeypatch.setattr(store, "source_names", lambda: reads.append("all") or whole())
    with Served(create_app(ctx, auth="")) as served:
        started = list(reads)
        html = get(served, "/search", params={"q": "沪明"}).text
    assert started == ["all"] and reads == ["all"], reads  # read at the start, not at the first page
    assert '<option >copy119</option>' in html.replace("<option>", "<option >")


WARM = """
import asyncio, sys
from monitor import config as config_mod
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

cfg = config_mod.load(sys.argv[1], sys.argv[2])
app = create_app(Context(cfg, Store.open(cfg.db_path)), auth="")


async def start() -> None:
    async with app.router.lifespan_context(app):
        print("numpy" in sys.modules)


asyncio.run(start())
"""


def test_what_the_first_marked_page_needs_is_loaded_as_the_server_starts(site, tmp_path):
    """The first search page after a start waited ~0.4 s for numpy and the character table the
    marks are found through (1.0 s with its templates, cold, at 200,000 articles), every
    start: they are loaded before the server takes requests."""
    _, _, ctx = site
    cfg_path = tmp_path / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", WARM, str(cfg_path), str(ctx.cfg.db_path)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"]


def _more_link(xml: str) -> str | None:
    """Where an entry's "+N more" (the outlets the entry does not list) links, or None."""
    content = unescape(re.search(r"<(?:summary|content) type=\"html\">(.*?)</", xml, re.S).group(1))
    found = re.search(r'<a href="([^"]+)">\+\d+ more</a>', content)
    assert found or re.search(r"\+\d+ more", content), content[-300:]
    return found.group(1) if found else None


def test_a_feed_entry_links_the_outlets_it_does_not_list_to_the_story_page(site, tmp_path):
    """A topic feed's entry for a story copied 120 times linked ten outlets and ended '+111 more'
    as plain text: a feed reader could reach none of the others (the story's page lists them)."""
    served, store, ctx = site
    story = store.conn.execute("SELECT story_id FROM articles WHERE source = 'first'").fetchone()[0]
    assert _more_link(get(served, "/topic/hu-ming.atom").text) == served.url(f"/story/{story}")
    cfg = tmp_path / "m.toml"  # `monitor feed` from cron: the story page where [web] base_url says it is
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n[web]\nbase_url = "https://news.example.cn/monitor/"\n',
                   encoding="utf-8")
    done = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(ctx.cfg.db_path), "feed"])
    assert done.exit_code == 0, done.output
    assert _more_link(done.stdout) == f"https://news.example.cn/monitor/story/{story}"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")  # no pages served: text
    assert _more_link(CliRunner().invoke(main, ["--config", str(cfg), "--db", str(ctx.cfg.db_path), "feed"]).stdout) is None
