"""`monitor serve` over a years-long archive, the fifth round: an archive imported under the names of
thousands of outlets (a clipping service's export) put every name in every search page's filter."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from test_web import Served, get

from monitor import config as config_mod
from monitor.models import Article
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

DAY = datetime(2026, 11, 1, 2, tzinfo=timezone.utc)
OUTLETS = 400  # a clipping service names every WeChat account and county site it read


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("outlets")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    store = Store.open(work / "m.db")
    for i in range(OUTLETS):
        url = f"https://outlet{i}.example.cn/n/{i}.html"
        store.add_article(Article(url=url, title=f"三明市第{i}场招商推介会举行", paragraphs=(f"三明市举行第{i}场招商推介会。",),
                                  published=DAY + timedelta(hours=i)),
                          source=f"县融媒体中心{i:03d}", canonical_url=url, content_hash=f"h{i}", story_id=None, band_keys=[])
    ctx = Context(config_mod.load(cfg_path, work / "m.db"), store)
    with Served(create_app(ctx, auth="")) as served:
        yield served
    store.close()


def test_thousands_of_source_names_are_a_field_not_a_menu_on_every_page(site):
    """Every search page listed every source name an article was stored under in its filter's
    menu: an archive imported from a clipping service's export (20,000 outlets) made each page
    ~0.6 MB, sorted and rendered at every request. Past a few hundred names the filter is a field
    for the name; filtering by it works as before."""
    html = get(site, "/search", params={"q": "招商推介"}).text
    assert html.count("县融媒体中心") <= 20 * 3, html.count("县融媒体中心")  # the results' own, not 400 options
    assert '<input name="source"' in html
    chosen = get(site, "/search", params={"q": "招商推介", "source": "县融媒体中心123"}).text
    shown = re.sub(r"<[^>]+>", "", chosen)  # the terms are marked
    assert "三明市第123场招商推介会举行" in shown and "三明市第124场" not in shown
    assert 'value="县融媒体中心123"' in chosen  # the field keeps the name asked for
