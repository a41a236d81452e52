"""List pages a browser reads and the monitor did not (the second round).

- A list whose items are not links but rows a script opens: `<li onclick="location.href='…'">`,
  `<tr onclick="window.open('…')">` (the selector picks the row; there is no `<a>` in it).
- An `<a href="#top">` whose `onclick` opens the page: a browser runs the script; only `#`
  was read so before.
- A list page that is a frameset of several frames (a banner, a menu, the list) or a page around
  an iframe, the list in one of them: a browser shows the list; the poll gave up with an error
  naming the frames. It now reads the frames in order (at most three) and takes the first whose
  list the selector finds.
- `add-source` on a list of image-map areas, `data-href` links or script links proposed no
  selector (it read only `<a href>`): it now reads the links a browser follows, as the poll does.
Real servers on 127.0.0.1; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)
from test_source_kinds import _cli, _first_block

from monitor.pipeline import poll

TITLES = ["三明与上海共建产业园区", "沪明文旅推介会在沪举行", "上海专家赴永安义诊"]
ART = "/art/2026/12/5/art_{n}.html"


def _articles(site: Site) -> set[str]:
    for n, title in enumerate(TITLES, 1):
        site.page(ART.format(n=n), article_html(title, BODY + f"\n第{n}篇。"))
    return {site.url(ART.format(n=n)) for n in range(1, 4)}


def _list(inner: str) -> str:
    return f"<html><head><meta charset='utf-8'></head><body>{inner}</body></html>"


ROWS = _list('<ul class="news">' + "".join(f"<li onclick=\"location.href='{ART.format(n=n)}'\">{t}</li>"
                                           for n, t in enumerate(TITLES, 1)) + "</ul>")
TABLE = _list('<table class="news">' + "".join(
    f"<tr onclick=\"window.open('{ART.format(n=n)}')\"><td>{t}</td><td>2026-12-05</td></tr>"
    for n, t in enumerate(TITLES, 1)) + "</table>")
TOPS = _list('<ul class="news">' + "".join(f"<li><a href=\"#top\" onclick=\"location.href='{ART.format(n=n)}'\">{t}</a></li>"
                                           for n, t in enumerate(TITLES, 1)) + "</ul>")


@pytest.mark.parametrize(("page", "selector"), [(ROWS, "ul.news li"), (TABLE, "table.news tr"), (TOPS, "ul.news a")])
def test_rows_a_script_opens_are_links(make_ctx, page, selector):  # noqa: F811
    with Site() as site:
        want = _articles(site)
        site.page("/list.html", page)
        ctx = make_ctx(source_toml("a", site.url("/list.html"), selector=selector))
        report = poll(ctx)[0]
    assert urls(ctx) == want, report


LIST = _list('<ul class="news">' + "".join(f'<li><a href="{ART.format(n=n)}">{t}</a></li>'
                                           for n, t in enumerate(TITLES, 1)) + "</ul>")
FRAMES = ('<html><head><title>新闻中心</title></head><frameset rows="80,*"><frame src="/top.html">'
          '<frameset cols="160,*"><frame src="/menu.html"><frame src="/xw/list_main.html" name="main"></frameset>'
          '</frameset></html>')
IFRAME = _list('<div class="head">新闻中心</div><iframe src="/xw/list_main.html" width="100%"></iframe>')


@pytest.mark.parametrize("outer", [FRAMES, IFRAME])
def test_a_list_in_one_of_the_frames_is_polled(make_ctx, outer):  # noqa: F811
    with Site() as site:
        want = _articles(site)
        site.page("/xw/index.html", outer)
        site.page("/xw/list_main.html", LIST)
        site.page("/top.html", _list("<p>页头</p>"))
        site.page("/menu.html", _list('<ul class="menu"><li><a href="/about.html">关于</a></li></ul>'))
        ctx = make_ctx(source_toml("a", site.url("/xw/index.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == want, report


def test_frames_none_of_which_holds_the_list_are_named_in_the_error(make_ctx):  # noqa: F811
    with Site() as site:
        _articles(site)
        site.page("/xw/index.html", FRAMES)
        site.page("/xw/list_main.html", _list("<p>暂无</p>"))
        site.page("/top.html", _list("<p>页头</p>"))
        ctx = make_ctx(source_toml("a", site.url("/xw/index.html")))
        report = poll(ctx)[0]
    said = " ".join(str(e) for e in report.errors)
    assert report.status == "error" and site.url("/xw/list_main.html") in said and not urls(ctx), report


MAP = _list('<img src="/img/top.jpg" usemap="#top"><map name="top" id="top">'
            + "".join(f'<area shape="rect" coords="0,{n * 20},100,{n * 20 + 20}" href="{ART.format(n=n)}" alt="{t}">'
                      for n, t in enumerate(TITLES, 1)) + "</map>")
DATA = _list('<ul class="news">' + "".join(f'<li><a href="javascript:;" data-href="{ART.format(n=n)}">{t}</a></li>'
                                           for n, t in enumerate(TITLES, 1)) + "</ul>")
SCRIPTED = _list('<ul class="news">' + "".join(f"<li><a href=\"javascript:openArt('{ART.format(n=n)}')\">{t}</a></li>"
                                               for n, t in enumerate(TITLES, 1)) + "</ul>")


@pytest.mark.parametrize("page", [MAP, DATA, SCRIPTED])
def test_add_source_proposes_a_selector_for_links_a_browser_follows(tmp_path, make_ctx, page):  # noqa: F811
    with Site() as site:
        want = _articles(site)
        site.page("/list.html", page)
        result = _cli(tmp_path, "add-source", site.url("/list.html"))
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["kind"] == "html", result.output
        ctx = make_ctx(source_toml("a", site.url("/list.html"), selector=block["link_selector"]))
        report = poll(ctx)[0]
    assert urls(ctx) == want, (block, report)
