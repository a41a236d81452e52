"""Fields a hostile page fills with what no store or reader takes.

- A lone surrogate written as a JSON escape (`"\\ud800"`) in a page's JSON-LD (an author's or an
  outlet's name, a headline), in the script data a page draws its text from, or in a list page's
  script data: json.loads keeps it in the string and SQLite stores no such string, so the whole
  store batch of the source failed ("storing articles failed: UnicodeEncodeError"), poll after
  poll: none of its articles was stored, good or bad. Each is U+FFFD now, as `decode.json_loads`
  already made it for JSON APIs and feeds.
- A `<meta name="source">` of a megabyte: stored as the article's outlet name and shown on its
  page in `monitor serve` and `monitor show`. A meta tag's name is held to what a byline's is
  (`assign_field`); a name a source's own selector picks, to FIELD_MAX characters.
"""

from __future__ import annotations

import json

from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor import extract
from monitor.pipeline import poll
from monitor.siterules import ExtractRules
from monitor.sources import scriptdata


def _ld(raw_json: str) -> str:
    return f'<script type="application/ld+json">{raw_json}</script>'


def _scripted(title_json: str) -> str:
    """A page whose article only its script data holds (a shell the script fills)."""
    text = json.dumps(BODY + "\n" + BODY, ensure_ascii=False)
    return ('<html><head><title>新闻</title></head><body><div id="app"></div><script>window.__DATA__ = '
            f'{{"article": {{"title": {title_json}, "content": {text}, "publishTime": "2026-12-01 10:00:00"}}}};'
            '</script></body></html>')


def test_lone_surrogates_in_a_pages_json_fail_nothing_and_are_stored_as_replacement_characters(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        a.listing("/list.html", ["/1.html", "/2.html", "/3.html", "/4.html"])
        a.page("/1.html", article_html("沪明合作新闻一", BODY, extra_head=_ld(
            '{"@type":"NewsArticle","headline":"沪明合作新闻一","author":{"name":"王\\ud800五"}}')))
        a.page("/2.html", article_html("沪明合作新闻二", BODY, extra_head=_ld(
            '{"@type":"NewsArticle","headline":"沪明\\udfff合作新闻二","publisher":{"name":"\\udc00日报"}}')))
        a.page("/3.html", _scripted('"沪明合作\\ud83d新闻三"'))
        a.article("/4.html", "沪明合作新闻四")
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻五")
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
        stored = urls(ctx)
        rows = list(ctx.store.db.query("SELECT title, body, author, source_name FROM articles"))
    assert not reports["a"].store_error and not reports["a"].errors, reports["a"]
    assert stored == {a.url(f"/{n}.html") for n in range(1, 5)} | {b.url("/b1.html")}
    text = "".join(str(v) for row in rows for v in row.values())
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)


def test_a_list_pages_script_data_with_a_lone_surrogate_gives_its_links():
    blob = ('{"list": [{"title": "沪明\\ud800合作一", "url": "/a/1.html"}, '
            '{"title": "沪明合作二", "url": "/a/2.html"}, {"title": "沪明合作三", "url": "/a/3.html"}]}')
    for page in (f'<html><body><script type="application/json">{blob}</script></body></html>',
                 f'<html><body><script>var data = {blob};</script></body></html>'):
        found = scriptdata.candidates(page, "http://news.example.cn/list/")
        assert [c.url for c in found] == [f"http://news.example.cn/a/{n}.html" for n in (1, 2, 3)]
        assert found[0].title == "沪明\ufffd合作一"


def test_a_scripted_article_with_a_lone_surrogate_is_read_without_it():
    article = extract.extract(_scripted('"沪明合作\\ud83d新闻三"'), "http://news.example.cn/a/3.html")
    assert "沪明对口合作联席会议" in article.body
    assert not any("\ud800" <= ch <= "\udfff" for ch in article.title + article.body)


def test_an_outlet_name_of_a_megabyte_is_no_outlet_name():
    page = article_html("沪明合作新闻", BODY, extra_head='<meta name="source" content="' + "报" * 1_000_000 + '">')
    assert extract.extract(page, "http://news.example.cn/a/1.html").source_name is None
    page = article_html("沪明合作新闻", BODY, extra_head='<meta name="source" content="三明日报">')
    assert extract.extract(page, "http://news.example.cn/a/1.html").source_name == "三明日报"


def test_a_sources_selector_picking_a_megabyte_picks_no_name():
    page = article_html("沪明合作新闻", BODY).replace(
        "<h1>", '<div class="src">' + "社" * 1_000_000 + '</div><div class="by">' + "王" * 300_000 + "</div><h1>")
    rules = ExtractRules(source_name=".src", author=".by")
    article = extract.extract(page, "http://news.example.cn/a/1.html", rules)
    assert article.source_name is None and article.author is None
    short = page.replace("社" * 1_000_000, "三明日报").replace("王" * 300_000, "王五")
    article = extract.extract(short, "http://news.example.cn/a/1.html", rules)
    assert (article.source_name, article.author) == ("三明日报", "王五")


def test_a_feed_whose_character_references_name_lone_surrogates_is_read(make_ctx):  # noqa: F811
    """`&#55296;` or `&#xDFFF;` in a feed's titles: feedparser kept the lone surrogate, and the
    whole source failed at every poll ("UnicodeEncodeError: … surrogates not allowed"). Each such
    reference reads as U+FFFD; one to a character, `&#x6CAA;` (沪), as that character."""
    with Site() as a:
        items = "".join(f"<item><title>&#x6CAA;明合作&#55296;新闻{n}</title><link>{a.url(f'/{n}.html')}</link>"
                        f"<description>沪明&#xDFFF;合作&#1;</description></item>" for n in range(3))
        a.page("/feed.xml", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县&#xD800;报</title>'
                            f"{items}</channel></rss>", content_type="application/rss+xml")
        for n in range(3):
            a.page(f"/{n}.html", "<html><body><div><p>" + BODY.replace("\n", "</p><p>") + "</p></div></body></html>")
        ctx = make_ctx(source_toml("feed", a.url("/feed.xml"), kind="feed"))
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.status == "ok" and report.new == 3 and not report.errors, report
    assert stored == {a.url(f"/{n}.html") for n in range(3)}
