"""A story carried by 1,000 outlets: each search result's outlet chip (`+999 outlets`) held all 999
names in its `title` attribute, ~12 KB a result (a page of 8 KB became 20 KB for one such result). The tooltip now names
the first 20 and says how many more; the page stays small. A real uvicorn server on 127.0.0.1
over a real SQLite file."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from html import unescape

import pytest
from test_web import Served, get

from monitor import config as config_mod
from monitor.models import Article
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

DAY = datetime(2026, 11, 2, 1, tzinfo=timezone.utc)
COPIES = 1000


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("chip")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    store = Store.open(work / "m.db")
    story = None
    with store.transaction():
        for i in range(COPIES):
            url = f"https://paper{i}.example.cn/n/1.html"
            _, story = store.add_article(Article(url=url, title="三明市招商推介会在沪举行",
                                                 paragraphs=("三明市在上海举行招商推介会。",),
                                                 published=DAY + timedelta(minutes=i)),
                                         source=f"第{i:04d}报", canonical_url=url, content_hash=f"h{i}",
                                         story_id=story, band_keys=[])
    ctx = Context(config_mod.load(cfg_path, work / "m.db"), store)
    with Served(create_app(ctx, auth="")) as served:
        yield served
    store.close()


def test_the_outlet_chip_names_twenty_outlets_and_counts_the_rest(site):
    html = get(site, "/search", params={"q": "招商推介"}).text
    (chip,) = re.findall(r'<span class="outlets" title="([^"]*)">\s*\+999 outlets', html)
    names = unescape(chip)
    assert re.findall(r"第\d{4}报", names) == [f"第{i:04d}报" for i in range(1, 21)], len(names)
    assert names.endswith("第0020报 … and 979 more"), names[-100:]
    assert len(html.encode()) < 16_000, len(html.encode())  # 19.9 KB on c183b14 (12 KB of it the tooltip); 8.2 KB now


def test_a_few_outlets_are_all_named(tmp_path):
    store = Store.open(tmp_path / "m.db")
    story = None
    for i in range(3):
        url = f"https://few{i}.example.cn/n/1.html"
        _, story = store.add_article(Article(url=url, title="三明市招商推介会在沪举行", paragraphs=("三明市在上海举行招商推介会。",),
                                             published=DAY + timedelta(minutes=i)),
                                     source=f"小报{i}", canonical_url=url, content_hash=f"f{i}", story_id=story,
                                     band_keys=[])
    cfg_path = tmp_path / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    with Served(create_app(Context(config_mod.load(cfg_path, tmp_path / "m.db"), store), auth="")) as served:
        html = get(served, "/search", params={"q": "招商推介"}).text
    store.close()
    (chip,) = re.findall(r'<span class="outlets" title="([^"]*)">', html)
    assert set(unescape(chip).split(", ")) == {"小报0", "小报1", "小报2"} - {re.search(r"小报\d", html).group()}, chip
