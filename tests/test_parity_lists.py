"""List pages whose links a browser follows and the monitor did not see.

- An image map: a county site's front page of photo headlines, `<map><area href alt>`.
- A jump menu: `<select onchange="window.open(this.value)">` of `<option value="/art/…">`.
- A link held in `data-href` / `data-url` (a script opens it; `href` is `javascript:;` or absent).
- A list page that is a `<frameset>` or an `<iframe>` around the real list: a browser shows the
  frame's list; the monitor found no links and said only that `link_selector` matched nothing.
  Now the error names the frame's address to use, and `add-source` reads the frame and gives
  its block with that address.
Real servers on 127.0.0.1; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)
from test_source_kinds import _cli, _first_block

from monitor.pipeline import poll

TITLES = ["三明与上海共建产业园区", "沪明文旅推介会在沪举行", "上海专家赴永安义诊"]


def _articles(site: Site) -> set[str]:
    for n, title in enumerate(TITLES, 1):
        site.page(f"/art/2026/12/5/art_{n}.html", article_html(title, BODY + f"\n第{n}篇。"))
    return {site.url(f"/art/2026/12/5/art_{n}.html") for n in range(1, 4)}


def _list(inner: str) -> str:
    return f"<html><head><meta charset='utf-8'></head><body>{inner}</body></html>"


MAP = _list('<img src="/img/top.jpg" usemap="#top"><map name="top" id="top">'
            + "".join(f'<area shape="rect" coords="0,{n * 20},100,{n * 20 + 20}" href="/art/2026/12/5/art_{n}.html" '
                      f'alt="{t}">' for n, t in enumerate(TITLES, 1)) + "</map>")
MENU = _list('<select class="news" onchange="window.open(this.value)"><option value="">请选择</option>'
             + "".join(f'<option value="/art/2026/12/5/art_{n}.html">{t}</option>' for n, t in enumerate(TITLES, 1))
             + "</select>")
DATA = _list('<ul class="news">'
             + "".join(f'<li><a {attr}="/art/2026/12/5/art_{n}.html"{extra}>{t}</a></li>'
                       for n, (t, attr, extra) in enumerate(zip(TITLES, ["data-href", "data-url", "data-href"],
                                                                  [' href="javascript:;"', "", ' href="#"'], strict=True), 1))
             + "</ul>")


@pytest.mark.parametrize(("page", "selector"), [
    (MAP, "map area"), (MAP, "#top area"), (MENU, "select.news option"), (DATA, "ul.news a"), (DATA, "ul.news li"),
])
def test_links_a_browser_follows_are_polled(make_ctx, page, selector):  # noqa: F811
    with Site() as site:
        want = _articles(site)
        site.page("/list.html", page)
        ctx = make_ctx(source_toml("a", site.url("/list.html"), selector=selector))
        report = poll(ctx)[0]
    assert urls(ctx) == want, report
    titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert titles == set(TITLES)


def test_an_option_naming_no_page_is_no_link(make_ctx):  # noqa: F811
    with Site() as site:
        want = _articles(site)
        site.page("/list.html", MENU.replace("</select>", '<option value="2026">2026年</option>'
                                                       '<option value="javascript:void(0)">更多</option></select>'))
        ctx = make_ctx(source_toml("a", site.url("/list.html"), selector="select.news option"))
        report = poll(ctx)[0]
    assert urls(ctx) == want and report.candidates == 3, report


FRAMESET = ('<html><head><title>新闻中心</title></head><frameset rows="80,*"><frame src="/top.html">'
            '<frame src="/xw/list_main.html" name="main"></frameset></html>')
# (a page that is one iframe and nothing else is the page in it: test_parity2_moves)
IFRAME = _list('<div class="head"><a href="/">首页</a> 新闻中心</div><iframe src="/xw/list_main.html" width="100%"></iframe>')
LIST = _list('<ul class="news">' + "".join(f'<li><a href="/art/2026/12/5/art_{n}.html">{t}</a></li>'
                                           for n, t in enumerate(TITLES, 1)) + "</ul>")


@pytest.mark.parametrize("outer", [FRAMESET, IFRAME])
def test_a_list_in_a_frame_is_named_where_the_selector_finds_nothing(make_ctx, outer):  # noqa: F811
    # (a frame holding the list is read as the list page: test_parity2_lists)
    with Site() as site:
        _articles(site)
        site.page("/xw/index.html", outer)
        site.page("/xw/list_main.html", LIST.replace('class="news"', 'class="other"'))
        site.page("/top.html", _list("<p>页头</p>"))
        ctx = make_ctx(source_toml("a", site.url("/xw/index.html")))
        report = poll(ctx)[0]
    said = " ".join(str(e) for e in report.errors)
    assert site.url("/xw/list_main.html") in said, report


@pytest.mark.parametrize("outer", [FRAMESET, IFRAME])
def test_add_source_on_a_framed_list_gives_the_frames_address(tmp_path, outer):
    with Site() as site:
        _articles(site)
        site.page("/xw/index.html", outer)
        site.page("/xw/list_main.html", LIST)
        site.page("/top.html", _list("<p>页头</p>"))
        result = _cli(tmp_path, "add-source", site.url("/xw/index.html"))
    assert result.exit_code == 0, result.output
    block = _first_block(result.output)
    assert block["kind"] == "html" and block["url"] == site.url("/xw/list_main.html"), result.output
    assert "frame" in result.output


# A site behind a domain-forwarding service ("隐藏转发") or an old portal's shell: the page is a
# frameset of one frame, and the frame is the page a browser shows.
SHELL = ('<html><head><title>三明新闻网</title></head><frameset rows="100%,*" frameborder="0">'
         '<frame src="{src}" name="main" scrolling="auto"><noframes><body>请使用支持框架的浏览器</body></noframes>'
         '</frameset></html>')


def test_a_frameset_of_one_frame_is_the_page_in_it(make_ctx):  # noqa: F811
    with Site() as site:
        want = _articles(site)
        site.page("/index.html", SHELL.format(src="/xw/list_main.html"))
        site.page("/xw/list_main.html", LIST)
        for n in (1, 2):  # an article reached through a shell of its own
            site.page(f"/shell/{n}.html", SHELL.format(src=f"/art/2026/12/5/art_{n}.html"))
        site.page("/xw/shells.html", _list('<ul class="news">' + "".join(
            f'<li><a href="/shell/{n}.html">{TITLES[n - 1]}</a></li>' for n in (1, 2)) + "</ul>"))
        ctx = make_ctx(source_toml("a", site.url("/index.html")) + source_toml("b", site.url("/xw/shells.html")))
        reports = poll(ctx)
    assert urls(ctx) == want, reports
    titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert titles == set(TITLES)


def test_a_frameset_of_several_frames_or_a_page_with_an_iframe_is_no_move(make_ctx):  # noqa: F811
    # the page stays itself; the poll reads the list in its frame (test_parity2_lists)
    from test_fetch import fetcher_for

    with Site() as site:
        _articles(site)
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/xw/index.html", FRAMESET)
        site.page("/xw/other.html", IFRAME)
        site.page("/xw/list_main.html", LIST)
        site.page("/top.html", _list("<p>页头</p>"))
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/xw/index.html")).url == site.url("/xw/index.html")
            assert f.get(site.url("/xw/other.html")).url == site.url("/xw/other.html")
