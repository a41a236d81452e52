"""Patterns that read what strangers write (a response's Link header, an API's titles, an export's
lines, config values, command-line durations) answer in a moment on 300,000 characters built
to make a backtracking pattern try every start against every end. Each of these took minutes
(quadratic) before; the timeout is the failure, the assertions say the answer is still right."""

from __future__ import annotations

import json

import pytest

from monitor.config import checks
from monitor.errors import InputError
from monitor.fetch.signals import canonical_link
from monitor.pipeline.importkeys import canonical
from monitor.pipeline.importlines import article_from_json
from monitor.sources.jsonapi import clean_title
from monitor.timespec import parse_since

N = 300_000
pytestmark = pytest.mark.timeout(30)


@pytest.mark.parametrize("header", ["<" * N, "<x>; " * (N // 5), "<x>;" + " " * N])
def test_a_link_header_of_endless_brackets(header):
    assert canonical_link("https://www.example.cn/a.html", {"link": header}, b"") is None


def test_a_link_header_still_names_its_canonical():
    header = '<https://www.example.cn/p.css>; rel=preload, <https://www.example.cn/b.html>; rel="canonical"'
    assert canonical_link("https://www.example.cn/a.html", {"link": header}, b"") == "https://www.example.cn/b.html"


def test_an_api_title_of_unclosed_brackets():
    assert clean_title("<" * N + "三明") == "<" * N + "三明"
    assert clean_title("<em>三明</em>与上海") == "三明与上海"


def test_an_exported_body_of_unclosed_tags_is_text():
    out = canonical({"link": "https://www.example.cn/a.html", "content": "<a" * (N // 2)})
    assert "html" not in out and out["body"].startswith("<a<a")
    assert "html" in canonical({"link": "https://www.example.cn/a.html", "content": "<p class='x'>三明</p>"})


@pytest.mark.parametrize("url", ["https://" + "a" * N + "\x01", "https://" + "a." * (N // 2) + "\x7f"])
def test_an_exported_url_of_endless_host(url):
    with pytest.raises(InputError, match="not an http"):
        article_from_json(json.dumps({"url": url, "title": "t", "body": "b"}), 1)


def test_a_duration_of_endless_spaces():
    with pytest.raises(Exception, match="--since"):
        parse_since("1" + " " * N + "x")
    assert parse_since(" 2d ") is not None


@pytest.mark.parametrize("check, value", [
    (checks.parse_duration, "1" + " " * N + "x"),
    (checks.http_url, "http://" + "a" * N + " "),
    (checks.email, "a@" + "b." * (N // 2) + " "),
    (checks.email, "<a@" + "b." * (N // 2) + " "),
    (checks.email, " " * N),
    (checks.json_path, "www." * (N // 4) + " "),
    (checks.host_name, "a" * 40 + "!"),  # exponential: 25 characters took 3.5 s, each one more doubling it
    (checks.host_name, ("a" * 63 + ".") * 3 + "!"),
])
def test_config_values_built_to_backtrack(check, value):
    with pytest.raises(checks.Invalid):
        check(value)


@pytest.mark.parametrize("script", ['document.cookie="' + "\\'" * N, "document.cookie=" + " " * N + "'a=1' +",
                                    "document.cookie='a=1'" + " + 'b'" * (N // 6), 'document.cookie="' * (N // 17),
                                    ("document.cookie='" + "\\\\" * 20 + "';") * (N // 60)])
def test_a_script_cookie_of_endless_quotes_and_escapes(script):
    from monitor.fetch.signals import _COOKIE_SET
    from monitor.jsliteral import literal

    assert {literal(script, m.end()) for m in _COOKIE_SET.finditer(script)} <= {None, "\\" * 20, "document.cookie="}
    assert literal(" 'verify=' + \"ok\\/1\" + `; path=/`;", 0) == "verify=ok/1; path=/"


@pytest.mark.parametrize("script", ["location.href=" + " " * N, "location.replace(" + " " * N,
                                    "location=location;" * (N // 18), "history.go(" * (N // 11)])
def test_a_reload_of_endless_blanks(script):
    from monitor.fetch.signals import _RELOAD

    assert (_RELOAD.search(script) is not None) == script.startswith("location=location")
    assert _RELOAD.search("window.location.href = window.location.href;")


@pytest.mark.parametrize("doc", ["<urlset><url><loc " * (N // 18), "<url>" * (N // 5), "<url><loc><![CDATA[" * (N // 19),
                                 "<url>" + "<loc>" * (N // 5), "<url><loc>x</loc>" + "<title" * (N // 6),
                                 "<" + "a" * N + ":url>", "<url><loc>" + "&" * N + "</loc></url>"])
def test_a_broken_sitemap_of_endless_elements(doc):
    from monitor.errors import ExtractError
    from monitor.sources import sitemap

    try:
        kind, entries = sitemap.parse(doc.encode(), "https://www.example.cn/sitemap.xml")
    except ExtractError:
        return
    assert kind == "urlset" and len(entries) == 1


@pytest.mark.parametrize("page", ["<script>" * (N // 8), "<script>document.write(" * (N // 23),
                                  "<script>" + "document.write('<li>');" * (N // 22) + "</script>",
                                  "<script>document.write('" + "\\'" * N + "</script>",
                                  ("<script>document.write('x')</script>" + "<script>" * 5) * (N // 76),
                                  "<script>" + " ;" * N + "</script>"])
def test_a_page_of_endless_script_writes(page):
    from monitor.jsliteral import run_writes

    out = run_writes(page)
    assert len(out) <= len(page)


@pytest.mark.parametrize("pager", [
    "<script>createPageHTML(" + "a" * N + "</script>",
    "<script>createPageHTML(countPage, currentPage, 'list', 'html');" + "countPage = 1" * (N // 13) + "</script>",
    "<select>" + "<option value='?page=1'>1" * 1_999 + "</select>",  # (the HTML parser itself is quadratic in options)
    "<a href='#'>" + "[" * N + "下一页</a>",
    "<span onclick=\"location.href='/x.html'\">" + " " * N + "</span>",
])
def test_a_list_page_s_pager_of_endless_parts(pager):
    from monitor.config.schema import Source
    from monitor.sources import html

    src = Source(name="a", kind="html", url="http://a.cn/list.html", link_selector="ul a")
    page = f"<html><body><ul><li><a href='/1.html'>三明</a></li></ul>{pager}</body></html>".encode()
    html.parse(src, page, {"content-type": "text/html; charset=utf-8"}, src.url, find_next=True)


@pytest.mark.parametrize("page", ['<a href="?id=88' + "&" * N, "'id=88" * (N // 6), '"id=88">' + "1" * N])
def test_an_article_s_query_pager_of_endless_parts(page):
    from monitor.pipeline.morepages import later_pages

    assert later_pages("http://a.cn/show.php?id=88", page) == []
