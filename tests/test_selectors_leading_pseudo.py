"""A source's selector whose compound opens with a pseudo-class (`:is(ul, ol).news a`,
`div :where(ul) a`, `:has(> h2) a`, `:not(ol) li a`): check-config took it and a browser picks the
links with it, but lexbor (1.0.2) matched such a compound against the link's parent alone, never a
farther ancestor, without a word. The source "matched nothing" at every poll (or picked too few),
and an extract rule read no body. CSS reads `:is(x)` as `*:is(x)`; the config now says the `*`."""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)

from monitor import config
from monitor.errors import ConfigError
from monitor.pipeline import poll

LIST = ("<html><body><div class='box'><section><h2>要闻</h2><ul class='news'>"
        "<li><a href='/n1.html'>新闻一</a></li><li><a href='/n2.html'>新闻二</a></li></ul></section>"
        "<ol class='news'><li><a href='/n3.html'>新闻三</a></li></ol></div>"
        "<ol class='ads'><li><a href='/ad.html'>广告</a></li></ol></body></html>")
ARTICLE = ("<html><head><meta charset='utf-8'><title>{t}</title></head><body><h1>{t}</h1>"
           "<aside><p>本站声明：转载请注明出处，侵权必究，联系电话见页脚。</p></aside>"
           "<article><div class='text'><p>上海市与三明市召开沪明对口合作联席会议，双方达成多项共识。</p>"
           "<p>会议指出，沪明两地将继续深化合作共建产业园，推动更多上海企业在三明落地。</p></div></article>"
           "</body></html>")


def _source(url: str, links: str) -> str:
    return f"[[sources]]\nname = \"a\"\nkind = \"html\"\nurl = \"{url}\"\nlink_selector = '{links}'\n"


def _site(site: Site) -> None:
    site.page("/list.html", LIST)
    for i, t in ((1, "沪明合作新闻一"), (2, "沪明合作新闻二"), (3, "沪明合作新闻三"), ("ad", "广告")):
        site.page(f"/n{i}.html" if i != "ad" else "/ad.html", ARTICLE.format(t=t))


@pytest.mark.parametrize(("links", "expected"), [
    (":is(ul, ol).news a", {"/n1.html", "/n2.html", "/n3.html"}),
    (".box :where(ul, ol) a", {"/n1.html", "/n2.html", "/n3.html"}),
    (":has(> h2) a", {"/n1.html", "/n2.html"}),
    (":not(.ads) > li a", {"/n1.html", "/n2.html", "/n3.html"}),
    (".box > :not(section) a", {"/n3.html"}),
])
def test_links_picked_by_a_leading_pseudo_class_are_polled(make_ctx, links, expected):  # noqa: F811
    with Site() as site:
        _site(site)
        ctx = make_ctx(_source(site.url("/list.html"), links))
        report = poll(ctx)[0]
        fetched = {p for p in site.paths() if p.startswith(("/n", "/ad"))}
    assert fetched == expected, (report, fetched)
    assert report.status == "ok" and report.new == len(expected), report


HEADED = ("<html><head><meta charset='utf-8'><title>三明新闻网</title></head><body><h1>三明新闻网</h1>"
          "<div class='headline'><div><span>沪明对口合作联席会议召开</span></div></div>"
          "<article><p>上海市与三明市召开沪明对口合作联席会议，双方达成多项共识。</p>"
          "<p>会议指出，沪明两地将继续深化合作共建产业园，推动更多上海企业在三明落地。</p></article></body></html>")


def test_an_extract_rule_opening_with_a_pseudo_class_reads_the_title(make_ctx):  # noqa: F811
    with Site() as site:
        site.listing("/list.html", ["/n1.html"])
        site.page("/n1.html", HEADED)
        ctx = make_ctx(f"[[sources]]\nname = \"a\"\nkind = \"html\"\nurl = \"{site.url('/list.html')}\"\n"
                       "link_selector = 'ul.news a'\n[sources.extract]\ntitle = ':is(.headline) span'\n")
        report = poll(ctx)[0]
        titles = [r["title"] for r in ctx.store.db.query("SELECT title FROM articles")]
    assert report.new == 1 and titles == ["沪明对口合作联席会议召开"], (report, titles)


@pytest.mark.parametrize("bad", ["a:foo", "a::before", "a[href$=.html]", "ul :foo a", "a:nth-child()"])
def test_a_selector_lexbor_cannot_read_is_still_a_config_error(tmp_path, bad):
    path = tmp_path / "monitor.toml"
    path.write_text(_source("https://news.example.cn/list.html", bad), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config.load(path, tmp_path / "m.db")
    assert "not a valid CSS selector" in str(err.value) and bad in str(err.value), str(err.value)


# CSS closes what is open at the end, so `:is(ul, ol a` read as `:is(ul, ol a)`: links inside every ul, not the
# `:is(ul, ol) a` meant; check-config said ok and the source picked other links than written
@pytest.mark.parametrize(("bad", "opened"), [(":is(ul, ol a", "("), ("div.list a:not(.more", "("),
                                             ("ul.news a[href", "["), ("ul:is(.a, .b) li:has(a[href]", "("),
                                             ("a:nth-child(", "("), (":nth-child( a", "(")])
def test_a_selector_left_open_is_a_config_error_naming_what_is_open(tmp_path, bad, opened):
    path = tmp_path / "monitor.toml"
    path.write_text(_source("https://news.example.cn/list.html", bad), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config.load(path, tmp_path / "m.db")
    assert f"unclosed {opened!r} in CSS selector {bad!r}" in str(err.value), str(err.value)


@pytest.mark.parametrize("good", ['a[title="("]', "li:nth-child(2n+1) a", ":is(ul, ol) a", r'a[href$="\\"]'])
def test_brackets_inside_quotes_and_closed_ones_are_fine(tmp_path, good):
    path = tmp_path / "monitor.toml"
    path.write_text(_source("https://news.example.cn/list.html", good), encoding="utf-8")
    assert config.load(path, tmp_path / "m.db").sources
