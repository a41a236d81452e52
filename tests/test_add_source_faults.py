"""`monitor add-source` as a user setting up many county and city sites meets it (session 23).

- Every source of a host was named after the host alone (`127-0-0-1`, `sm-gov-cn`): the second
  block pasted made the config invalid ("duplicate source name"). The name now adds the list's
  section of the path (`sm-gov-cn-xw`) and avoids the names the config already has.
- A `--name` with a quote in it printed a block that was not TOML.
- A list page with a "hot"/"ranking" box of the same article links beside the news list got
  `a[href]` (both boxes, so old popular stories were polled as new); the box is left out.
- A menu of column pages (`/col/col12/index.html`, `list_3.html`) counted as article links and,
  being longer than the news list, became the suggested `link_pattern`.
- An article page given by mistake gave a block polling its "related" links, without a word.
- A list behind a login (a redirect to a page with a password field) said only "no list of
  article links found" about the login page's address.
The CLI runs in its own process against sites on 127.0.0.1; the text is invented."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hostile import BODY, Site

from monitor import config

SRC = str(Path(__file__).resolve().parents[1] / "src")
HEAD = 'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
ARTS = [f"/xw/2026/12/art_{i}.html" for i in range(20)]


def _run(tmp_path: Path, *args: str, config_text: str = HEAD) -> subprocess.CompletedProcess:
    path = tmp_path / "cli.toml"
    path.write_text(config_text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.environ.get("MONITOR_SRC", SRC)}
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(tmp_path / "c.db"),
                           *args], capture_output=True, text=True, env=env, timeout=60)


def _block(out: str) -> dict:
    active = "\n".join(line for line in out.splitlines() if not line.startswith("#"))
    return tomllib.loads(active)["sources"][0]


def _site(site: Site) -> None:
    for path in ARTS:
        site.article(path, "沪明合作" + path[-7:], BODY)


def _items(paths: list[str], word: str = "新闻") -> str:
    return "".join(f'<li><a href="{p}">{word}{i}</a><span>2026-12-0{i % 9 + 1}</span></li>' for i, p in enumerate(paths))


def test_blocks_of_one_host_have_distinct_readable_names_and_paste_together(tmp_path):
    with Site() as site:
        _site(site)
        site.page("/xw/list.html", f'<html><body><ul class="news">{_items(ARTS[:6])}</ul></body></html>')
        site.page("/gk/tzgg/index.html", f'<html><body><ul class="news">{_items(ARTS[6:12])}</ul></body></html>')
        first = _run(tmp_path, "add-source", site.url("/xw/list.html"))
        second = _run(tmp_path, "add-source", site.url("/gk/tzgg/index.html"))
        assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
        names = [_block(first.stdout)["name"], _block(second.stdout)["name"]]
        assert names == ["127-0-0-1-xw", "127-0-0-1-tzgg"], names
        pasted = tmp_path / "pasted.toml"
        pasted.write_text(HEAD + first.stdout + second.stdout, encoding="utf-8")
        assert [s.name for s in config.load(pasted).sources] == names
        again = _run(tmp_path, "add-source", site.url("/xw/list.html"), config_text=HEAD + first.stdout)
        assert _block(again.stdout)["name"] == "127-0-0-1-xw-2", again.stdout + again.stderr


def test_a_name_with_quotes_gives_a_valid_block(tmp_path):
    with Site() as site:
        _site(site)
        site.page("/xw/list.html", f'<html><body><ul class="news">{_items(ARTS[:6])}</ul></body></html>')
        result = _run(tmp_path, "add-source", site.url("/xw/list.html"), "--name", 'sm "xw" \\ 1')
    assert result.returncode == 0, result.stderr
    assert _block(result.stdout)["name"] == 'sm "xw" \\ 1', result.stdout


def test_the_news_list_not_the_hot_box_beside_it(tmp_path):
    hot = "".join(f'<li><a href="{p}">热点{i}</a></li>' for i, p in enumerate(ARTS[:9]))
    page = (f'<html><body><div class="hot-news"><h3>点击排行</h3><ul>{hot}</ul></div>'
            f'<div class="newslist"><ul>{_items(ARTS[6:13])}</ul></div></body></html>')
    with Site() as site:
        _site(site)
        site.page("/xw/list.html", page)
        result = _run(tmp_path, "add-source", site.url("/xw/list.html"))
    assert result.returncode == 0, result.stderr
    assert _block(result.stdout)["link_selector"] == "div.newslist a", result.stdout


def test_a_menu_of_column_pages_is_not_the_article_shape(tmp_path):
    menu = "".join(f'<li><a href="/col/col{i}/index.html">栏目{i}</a></li>' for i in range(12))
    menu += "".join(f'<li><a href="/xw/list_{i}.html">第{i}页</a></li>' for i in range(2, 6))
    page = f'<html><body><ul class="nav">{menu}</ul><ul class="list">{_items(ARTS[:6])}</ul></body></html>'
    with Site() as site:
        _site(site)
        site.page("/xw/list.html", page)
        result = _run(tmp_path, "add-source", site.url("/xw/list.html"))
    assert result.returncode == 0, result.stderr
    block = _block(result.stdout)
    assert block["link_pattern"] == r"/xw/\d{4}/\d{2}/art_\d+\.html$" and block["link_selector"] == "ul.list a", block


def test_an_article_page_given_by_mistake_is_said_to_be_one(tmp_path):
    related = f'<div class="related"><ul>{_items(ARTS[:3], "相关")}</ul></div>'
    with Site() as site:
        _site(site)
        site.page("/xw/2026/12/art_99.html", f"<html><body><h1>沪明合作</h1><p>{BODY}</p>{related}</body></html>")
        result = _run(tmp_path, "add-source", site.url("/xw/2026/12/art_99.html"))
    assert "looks like an article" in result.stdout + result.stderr, result.stdout + result.stderr


def test_a_list_behind_a_login_says_so(tmp_path):
    with Site() as site:
        site.page("/login.html", '<html><body><form action="/login"><input name="u">'
                  '<input type="password" name="p"></form></body></html>')
        site.redirect("/member/list.html", "/login.html")
        result = _run(tmp_path, "add-source", site.url("/member/list.html"))
    assert result.returncode != 0
    said = result.stderr + result.stdout
    assert site.url("/member/list.html") in said and "login" in said, said


# ---------------------------------------------------------------- test-source's report
# - When the first link failed (a 404, a page without text), "first article:" and what it would
#   match was never shown, though later links extracted: it is now the first that extracted.
# - A failed link's reason repeated its address, and the table cut it at 100 characters, so the
#   reason itself ("no block of readable text ...") was lost.

def test_test_source_shows_the_first_article_that_extracted_and_why_others_failed(tmp_path):
    with Site() as site:
        _site(site)
        site.page("/xw/2026/12/art_90.html", "<html><body><p>短</p></body></html>")
        site.status("/xw/2026/12/art_91.html", 404)
        links = ["/xw/2026/12/art_90.html", "/xw/2026/12/art_91.html", *ARTS[:2]]
        site.page("/xw/list.html", f'<html><body><ul class="news">{_items(links)}</ul></body></html>')
        text = HEAD + f'[[sources]]\nname = "a"\nkind = "html"\nurl = "{site.url("/xw/list.html")}"\n' \
                      'link_selector = "ul.news a"\n'
        result = _run(tmp_path, "test-source", "a", config_text=text)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "first article: " + site.url(ARTS[0]) in out and "hu-ming: MATCH" in out, out
    assert "no block of readable text" in out and "HTTP 404" in out, out


# - A county or city list page whose articles are on another host of the same site (the list on
#   www.…gov.cn, the articles on its xxgk.… or news.… host; or the list reached as the bare
#   domain, the links written with www.): add-source read only links on the page's own host and
#   said "no list of article links found", though the poll follows such links. (Pure detection:
#   other host names cannot be served on 127.0.0.1.)

def test_a_list_whose_articles_are_on_another_host_of_the_site():
    from monitor.sources.detect import detect

    items = _items([f"http://xxgk.sm.gov.cn/zwgk/2026-12/0{i}/content_{4410 + i}.html" for i in range(1, 7)])
    page = (f'<html><body><ul class="nav"><li><a href="http://www.gov.cn/">中国政府网</a></li></ul>'
            f'<ul class="news">{items}</ul></body></html>').encode()
    for url in ("http://www.sm.gov.cn/xw/list.html", "https://sm.gov.cn/xw/list.html"):
        guesses = detect(page, {"content-type": "text/html; charset=utf-8"}, url)
        assert [(g.kind, g.keys.get("link_selector")) for g in guesses] == [("html", "ul.news a")], url
    other = page.replace(b"xxgk.sm.gov.cn", b"xxgk.ly.gov.cn")  # another city's site: not this list's
    assert detect(other, {"content-type": "text/html; charset=utf-8"}, "http://www.sm.gov.cn/xw/list.html") == []


# - A list page robots.txt disallows, on a site whose robots.txt names a sitemap: add-source
#   stopped at "disallowed by robots.txt" and offered nothing, though the sitemap is allowed.

def test_a_disallowed_list_offers_the_sitemap_robots_names(tmp_path):
    with Site() as site:
        _site(site)
        site.page("/gk/list.html", f'<html><body><ul class="news">{_items(ARTS[:6])}</ul></body></html>')
        site.robots("User-agent: *\nDisallow: /gk/\nSitemap: /sitemap.xml\n")
        result = _run(tmp_path, "add-source", site.url("/gk/list.html"))
        assert result.returncode == 0, result.stderr
        block = _block(result.stdout)
        assert block["kind"] == "sitemap" and block["url"] == site.url("/sitemap.xml"), result.stdout
        assert "robots.txt disallows" in result.stdout
        site.robots("User-agent: *\nDisallow: /gk/\n")
        result = _run(tmp_path, "add-source", site.url("/gk/list.html"))
    assert result.returncode != 0 and "robots.txt" in result.stderr, result.stderr


# - Article links whose id is in the query (an ASP/PHP/JSP county site: show.asp?id=1203,
#   index.php?m=content&a=show&catid=3&id=451, content.jsp?…&wbnewsid=9451) or is an opaque id
#   ending the path (a WeChat mirror's /s/Xk3dPq9LmZ2bT7wQ1aYcVg) were not article-like:
#   "no list of article links found". The proposed pattern must also hold for the poll: the block
#   is pasted and test-source reads the list with it.

WECHAT = ["/s/Xk3dPq9LmZ2bT7wQ1aYcVg", "/s/a8KdPq2LmZ2bT7wQ1aYcVX", "/s/Qk3dPq9Lm_2bT7wQ1aYc-g", "/s/Z3dPq9LmZ2bT7wQ1aYcVg4"]


@pytest.mark.parametrize("links", [
    [f"/news/show.asp?id={n}" for n in range(1201, 1206)],
    [f"/index.php?m=content&c=index&a=show&catid=3&id={n}" for n in range(451, 456)],
    [f"/content.jsp?urltype=news.NewsContentUrl&wbtreeid=1001&wbnewsid={n}" for n in range(9451, 9456)],
    WECHAT])
def test_article_ids_in_the_query_or_an_opaque_path_are_article_links(tmp_path, links):
    menu = "".join(f'<li><a href="/list.asp?classid={n}">栏目{n}</a></li>' for n in range(3, 9))
    with Site() as site:
        for link in links:
            site.article(link.split("?")[0], "沪明合作交流", BODY)
        site.page("/list.asp", f'<html><body><ul class="nav">{menu}</ul><ul class="news">{_items(links)}</ul></body></html>')
        added = _run(tmp_path, "add-source", site.url("/list.asp?classid=3"), "--name", "x")
        assert added.returncode == 0, added.stderr
        assert _block(added.stdout)["link_selector"] == "ul.news a", added.stdout
        tested = _run(tmp_path, "test-source", "x", "--limit", "1", config_text=HEAD + added.stdout)
    assert f"x (html): {len(links)} links from 1 pages" in tested.stdout, tested.stdout + tested.stderr


# - A site's home page given for a list: the block polled the few items its "要闻" box shows and
#   nothing said the columns' own list pages (their 更多 links) keep the rest.

def test_a_home_page_is_said_to_be_one_with_its_columns_list_pages(tmp_path):
    boxes = ""
    for col in ("yw", "tzgg", "qxdt"):
        links = [f"/{col}/202612/t20261205_{n}.html" for n in range(5)]
        boxes += f'<div class="box"><h2>{col}</h2><a href="/{col}/">更多&gt;&gt;</a><ul>{_items(links)}</ul></div>'
    with Site() as site:
        site.page("/", f"<html><body>{boxes}</body></html>")
        result = _run(tmp_path, "add-source", site.url("/"))
    assert result.returncode == 0, result.stderr
    assert "home page" in result.stdout and site.url("/tzgg/") in result.stdout, result.stdout
