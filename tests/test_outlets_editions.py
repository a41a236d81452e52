"""E-papers (数字报): a day's edition at an address holding the day, its first page's layout
listing that page's articles: `/html/2026-12/06/node_1.htm`, `/content/20261206/node_2.html`.

A source could only name one address: the edition of the day it was added, read again at every
poll (no news, nothing said), and `monitor add-source` on today's edition printed that day's
address. `url` may now hold the day as `{date:%Y-%m/%d}` (strftime, in `date_tz`, default
Asia/Shanghai), filled at each poll; before the day's edition is up (its address a 404 in the
small hours) the day before's is read. add-source on an edition's page dated today or yesterday
proposes the address by date. The text is invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)
from test_source_kinds import _cli, _first_block

from monitor import config
from monitor.errors import ConfigError
from monitor.pipeline import poll

SHANGHAI = timezone(timedelta(hours=8))


def day(back: int = 0) -> datetime:
    return datetime.now(SHANGHAI) - timedelta(days=back)


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def edition(a: Site, when: datetime, numbers: range, folder: str = "%Y-%m/%d") -> str:
    """The day's first layout page, listing its articles; returns its path."""
    base = f"/html/{when.strftime(folder)}"
    rows = "".join(f'<li><a href="content_{n}.htm"><div>{headline(n)}</div></a></li>' for n in numbers)
    a.page(f"{base}/node_1.htm", f'<html><body><div class="bmname">第01版：要闻</div><ul class="list">{rows}</ul>'
                                 f'<a href="node_2.htm">第02版</a></body></html>')
    for n in numbers:
        a.article(f"{base}/content_{n}.htm", headline(n))
    return f"{base}/node_1.htm"


def source(a: Site, url: str) -> str:
    return f'[[sources]]\nname = "paper"\nkind = "html"\nurl = "{a.url(url)}"\nlink_selector = "ul.list a"\n'


def test_the_days_edition_is_read_at_the_address_holding_the_day(make_ctx):  # noqa: F811
    with Site() as a:
        edition(a, day(2), range(1, 4))  # an older edition, still online: never asked for
        today = edition(a, day(), range(4, 7))
        ctx = make_ctx(source(a, "/html/{date:%Y-%m/%d}/node_1.htm"))
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.status == "ok" and report.new == 3, report
    assert stored == {a.url(today.replace("node_1", f"content_{n}")) for n in range(4, 7)}, sorted(stored)


def test_before_the_days_edition_is_up_the_day_befores_is_read(make_ctx):  # noqa: F811
    with Site() as a:
        yesterday = edition(a, day(1), range(1, 4), "%Y%m%d")  # (today's: a 404 until it is up)
        ctx = make_ctx(source(a, "/html/{date:%Y%m%d}/node_1.htm"))
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.status == "ok" and not report.errors and report.new == 3, report
    assert stored == {a.url(yesterday.replace("node_1", f"content_{n}")) for n in range(1, 4)}, sorted(stored)


def test_a_date_field_without_a_format_is_a_config_problem(tmp_path):
    path = tmp_path / "m.toml"
    path.write_text('[[sources]]\nname = "p"\nkind = "html"\nlink_selector = "ul a"\n'
                    'url = "https://paper.example.cn/html/{date:Y-m}/node_1.htm"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sources\.p\.url: \{date:Y-m\} has no strftime field"):
        config.load(path, tmp_path / "m.db")


@pytest.mark.parametrize("folder", ["%Y-%m/%d", "%Y%m%d"])
def test_add_source_on_an_editions_page_proposes_its_address_by_date(tmp_path, make_ctx, folder):  # noqa: F811
    with Site() as a:
        today = edition(a, day(), range(1, 7), folder)
        result = _cli(tmp_path, "add-source", a.url(today), "--name", "paper")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["url"] == a.url(f"/html/{{date:{folder}}}/node_1.htm"), result.output
        assert "edition" in result.output, result.output
        ctx = make_ctx("[[sources]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in block.items()))
        report = poll(ctx)[0]
    assert report.new == 6, report


def test_add_source_on_an_editions_first_layout_reads_every_layout(tmp_path, make_ctx):  # noqa: F811
    """An edition's articles are on its layouts (版面: node_1.htm … node_4.htm), each linked from
    the first: the block read the first layout's articles only. It now reads each layout as a page
    (`page_url = "node_{n}.htm"`, `pages` as many as the first layout links)."""
    with Site() as a:
        base = f"/html/{day().strftime('%Y-%m/%d')}"
        layouts = "".join(f'<li><a href="node_{n}.htm">第0{n}版</a></li>' for n in range(1, 5))
        for page in range(1, 5):
            rows = "".join(f'<li><a href="content_{page}{n}.htm">{headline(10 * page + n)}</a></li>' for n in (1, 2))
            a.page(f"{base}/node_{page}.htm", f'<html><body><ul class="bm">{layouts}</ul><ul class="list">{rows}</ul>'
                                              '</body></html>')
            for n in (1, 2):
                a.article(f"{base}/content_{page}{n}.htm", headline(10 * page + n))
        result = _cli(tmp_path, "add-source", a.url(f"{base}/node_1.htm"), "--name", "paper")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert (block.get("page_url"), block.get("pages")) == ("node_{n}.htm", 4), result.output
        ctx = make_ctx("[[sources]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in block.items()))
        report = poll(ctx)[0]
    assert report.new == 8, report
