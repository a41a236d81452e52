"""Source kinds end to end on fixture sites at 127.0.0.1: sitemaps, JSON APIs (GET and POST),
news-search results with redirect wrappers, paginated list pages and the per-source filters.
Every request is read back from the site's log, so "never fetched" is asserted, not assumed.
All article text is invented for these tests."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

import pytest
from sitekit import Site

from monitor import config
from monitor.errors import ConfigError
from monitor.fetch import Fetcher
from monitor.pipeline import Context, poll
from monitor.pipeline.listing import blocking_listing
from monitor.store import Store

SHANGHAI = timezone(timedelta(hours=8))
NOW = datetime.now(SHANGHAI)

STORIES = [
    ("沪明对口合作产业园新签约项目十二个", "上海与三明两地在沪明对口合作框架下新签约项目十二个，总投资逾四十亿元。"),
    ("上海医疗专家团队赴三明开展义诊", "沪明医疗协作持续深化，上海三甲医院专家团队本周在三明市开展义诊和带教。"),
    ("三明农产品进驻上海社区菜场", "沪明消费协作让三明的笋干、茶叶和食用菌走进上海社区菜场，两地合作再添新渠道。"),
    ("沪明教育结对学校开展同课异构", "上海与三明的结对学校开展同课异构活动，沪明教育合作惠及山区学生。"),
    ("上海三明劳务协作专场招聘会举行", "沪明劳务协作专场招聘会在三明举行，上海企业提供岗位逾两千个。"),
    ("沪明文旅合作推出康养旅游线路", "上海与三明联合推出康养旅游线路，沪明文旅合作带动两地客流互动。"),
]


def article(title: str, lead: str, when: datetime) -> str:
    """An article page as a news CMS would serve it (invented text)."""
    paras = "".join(f"<p>{p}</p>" for p in (lead, "据介绍，这是两地在合作框架下推进的又一项具体举措，"
                                                  "相关部门将持续跟踪项目进展，确保各项工作落到实处。",
                                            "当地干部群众表示，期待两地在更多领域深化合作，实现互利共赢。"))
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="nav"><a href="/">首页</a></div><h1>{title}</h1>'
            f'<div class="info">{when:%Y-%m-%d %H:%M} 来源：测试新闻网</div>'
            f'<div class="content">{paras}</div></body></html>')


def serve_articles(site: Site, paths: list[str], when: datetime | None = None) -> dict[str, str]:
    """Article pages at `paths`, one story each; path → title."""
    out = {}
    for i, path in enumerate(paths):
        title, lead = STORIES[i % len(STORIES)]
        title = f"{title}（{i + 1}）"
        site.page(path, article(title, lead, when or NOW - timedelta(hours=i + 1)))
        out[path] = title
    return out


def setup(tmp_path: Path, sources: str, topics: str = "") -> Context:
    text = ('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nretries = 0\ntimeout = 5\n'
            'allow_private = ["127.0.0.1"]\n'
            + topics + sources)
    path = tmp_path / "monitor.toml"
    path.write_text(text, encoding="utf-8")
    cfg = config.load(path, tmp_path / "m.db")
    return Context(cfg, Store.open(cfg.db_path), Fetcher(cfg.fetch))


def stored(ctx: Context) -> dict[str, str]:
    return {r["url"]: r["title"] for r in ctx.store.db.query("SELECT url, title FROM articles")}


def matched(ctx: Context) -> set[str]:
    return {r["url"] for r in ctx.store.db.query(
        "SELECT a.url FROM articles a JOIN article_topics t ON t.article_id = a.id")}


def close(ctx: Context) -> None:
    assert ctx.fetcher is not None
    ctx.fetcher.close()
    ctx.store.close()


def w3c(when: datetime, date_only: bool = False) -> str:
    return when.strftime("%Y-%m-%d") if date_only else when.isoformat(timespec="seconds")


# ---------------------------------------------------------------- sitemap

def test_sitemap_index_news_sitemap_and_old_entries_never_requested(tmp_path):
    with Site() as site:
        fresh = serve_articles(site, ["/2026/news/a1.html", "/2026/news/a2.html"])
        recent = serve_articles(site, ["/2026/plain/b1.html"])
        serve_articles(site, ["/2019/old/c1.html", "/2019/old/c2.html", "/2020/plain/d1.html"],
                       when=datetime(2019, 5, 1, tzinfo=SHANGHAI))
        news_urls = "".join(
            f"<url><loc>{site.url(p)}</loc><news:news><news:publication><news:name>测试新闻网</news:name>"
            f"<news:language>zh</news:language></news:publication>"
            f"<news:publication_date>{w3c(NOW - timedelta(hours=i + 1))}</news:publication_date>"
            f"<news:title>{t}</news:title></news:news></url>" for i, (p, t) in enumerate(fresh.items()))
        site.page("/sitemap_news.xml", '<?xml version="1.0" encoding="UTF-8"?>'
                  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                  'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + news_urls + "</urlset>",
                  "application/xml")
        site.page("/sitemap_2019.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f'<url><loc>{site.url("/2019/old/c1.html")}</loc><lastmod>2019-05-01</lastmod></url>'
                  f'<url><loc>{site.url("/2019/old/c2.html")}</loc></url></urlset>', "application/xml")
        site.page("/sitemap_plain.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f'<url><loc>{site.url("/2020/plain/d1.html")}</loc><lastmod>2020-01-05</lastmod></url>'
                  f'<url><loc>{site.url("/2026/plain/b1.html")}</loc>'
                  f'<lastmod>{w3c(NOW - timedelta(days=1), date_only=True)}</lastmod></url></urlset>',
                  "application/xml")
        site.page("/sitemap_index.xml", '<?xml version="1.0"?><sitemapindex '
                  'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                  f'<sitemap><loc>{site.url("/sitemap_2019.xml")}</loc><lastmod>2019-05-02T10:00:00+08:00</lastmod>'
                  f'</sitemap><sitemap><loc>{site.url("/sitemap_news.xml")}</loc>'
                  f'<lastmod>{w3c(NOW)}</lastmod></sitemap>'
                  f'<sitemap><loc>{site.url("/sitemap_plain.xml")}</loc></sitemap></sitemapindex>',
                  "application/xml")
        ctx = setup(tmp_path, f'[[sources]]\nname = "portal"\nkind = "sitemap"\nurl = "{site.url("/sitemap_index.xml")}"\n')
        [report] = poll(ctx)
        assert report.status == "ok", report.errors
        assert set(stored(ctx)) == {site.url(p) for p in [*fresh, *recent]}
        asked = site.requested()
        assert "/sitemap_2019.xml" not in asked, "an index entry older than max_age_days is never requested"
        assert not [p for p in asked if p.startswith(("/2019/", "/2020/"))], asked
        assert matched(ctx) == set(stored(ctx))
        close(ctx)


def test_sitemap_titles_and_dates_come_from_the_news_tags(tmp_path):
    with Site() as site:
        site.page("/news.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                  'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>/a/1.htm</loc></url>'
                  f'<url><loc>{site.url("/a/2.htm")}</loc><news:news><news:publication_date>2026-11-20T09:30+08:00'
                  '</news:publication_date><news:title>沪明合作新闻标题</news:title></news:news></url></urlset>')
        ctx = setup(tmp_path, f'[[sources]]\nname = "s"\nkind = "sitemap"\nurl = "{site.url("/news.xml")}"\n'
                              "max_age_days = 0\n")
        assert ctx.fetcher is not None
        found = blocking_listing(ctx.fetcher, ctx.cfg.sources[0])
        cand, relative = found.candidates  # newest first; a relative <loc> is resolved against the sitemap's URL
        assert (relative.url, relative.title, relative.published) == (site.url("/a/1.htm"), None, None)
        assert cand.title == "沪明合作新闻标题"
        assert cand.published == datetime(2026, 11, 20, 1, 30, tzinfo=timezone.utc)
        close(ctx)


# ---------------------------------------------------------------- JSON APIs

def _trs_api(site: Site, links: list[str]) -> None:
    """A TRS-style search endpoint: POST form, two items a page, highlights in titles."""
    def answer(hit):
        page = int(hit.form["pageNo"])
        assert hit.form["searchWord"] == "沪明合作"
        chunk = links[(page - 1) * 2: page * 2]
        items = [{"docTitle": f"<em>沪明合作</em>第{page}页 &amp; 新闻{i}", "docPubUrl": link,
                  "docPubTime": (NOW - timedelta(days=page)).strftime("%Y-%m-%d %H:%M:%S")}
                 for i, link in enumerate(chunk)]
        body = {"code": 200, "data": {"pageCount": (len(links) + 1) // 2, "total": len(links), "list": items}}
        return 200, {"Content-Type": "application/json;charset=UTF-8"}, json.dumps(body, ensure_ascii=False).encode()
    site.route("POST", "/trs/search", answer)


TRS = """
[[sources]]
name = "trs"
kind = "json-api"
url = "{url}"
method = "POST"
form = {{ searchWord = "沪明合作", pageNo = "{{page}}", pageSize = "2" }}
items = "data.list"
title = "docTitle"
link = "docPubUrl"
date = "docPubTime"
date_format = "%Y-%m-%d %H:%M:%S"
date_tz = "Asia/Shanghai"
page_count = "data.pageCount"
first_page = 1
"""


def test_trs_style_post_api_two_pages(tmp_path):
    with Site() as site:
        pages = serve_articles(site, ["/art/2026/t1.htm", "/art/2026/t2.htm", "/art/2026/t3.htm", "/art/2026/t4.htm"])
        _trs_api(site, [site.url(p) for p in pages])
        ctx = setup(tmp_path, TRS.format(url=site.url("/trs/search")))
        assert ctx.fetcher is not None
        found = blocking_listing(ctx.fetcher, ctx.cfg.sources[0])
        assert found.candidates[0].title == "沪明合作第1页 & 新闻0"  # highlight stripped, entity decoded
        assert found.candidates[0].published is not None
        [report] = poll(ctx)
        assert report.status == "ok", report.errors
        assert set(stored(ctx)) == {site.url(p) for p in pages}
        posts = [h for h in site.hits if h.path == "/trs/search"]
        assert {h.method for h in posts} == {"POST"} and [h.form["pageNo"] for h in posts] == ["1", "2"] * 2
        close(ctx)


def test_a_get_on_a_post_only_api_is_a_clear_error(tmp_path):
    with Site() as site:
        _trs_api(site, [site.url("/a.htm")])
        ctx = setup(tmp_path, TRS.format(url=site.url("/trs/search")).replace('method = "POST"\nform = {',
                                                                               '# form = {'))
        [report] = poll(ctx)
        assert report.status == "error" and "HTTP 405" in report.errors[0] and "method" in report.errors[0]
        close(ctx)


def test_json_body_api_with_page_in_the_body_and_a_link_template(tmp_path):
    with Site() as site:
        pages = serve_articles(site, ["/c/101.htm", "/c/102.htm", "/c/103.htm"])
        bodies = []

        def answer(hit):
            body = json.loads(hit.body)
            bodies.append(body)
            ids = [101, 102, 103][(body["pageNum"] - 1) * 2: body["pageNum"] * 2]
            docs = [{"id": i, "name": f"沪明合作<b>{i}</b>", "pubTime": int((NOW - timedelta(hours=1)).timestamp() * 1000)}
                    for i in ids]
            return 200, {"Content-Type": "application/json"}, json.dumps({"result": {"docs": docs}}).encode()

        site.route("POST", "/api/list", answer)
        ctx = setup(tmp_path, f"""
[[sources]]
name = "portal-api"
kind = "json-api"
url = "{site.url('/api/list')}"
body = {{ channel = "25950", pageNum = "{{page}}", word = "沪明 {{page}}" }}
items = "$.result.docs"
title = "name"
link = "{site.url('/c/{id}.htm')}"
date = "pubTime"
date_format = "epoch_ms"
max_pages = 3
""")
        [report] = poll(ctx)
        assert report.status == "ok", report.errors
        assert set(stored(ctx)) == {site.url(p) for p in pages}
        assert bodies[0] == {"channel": "25950", "pageNum": 1, "word": "沪明 1"}
        assert [b["pageNum"] for b in bodies] == [1, 2, 3]  # page 3 was empty: the end
        close(ctx)


def test_get_api_with_page_in_the_url_stops_at_a_page_of_known_links(tmp_path):
    with Site() as site:
        pages = serve_articles(site, ["/n/1.htm", "/n/2.htm"])

        def answer(hit):
            page = int(hit.query["p"])
            rows = [{"t": "沪明", "u": f"/n/{page}.htm"}] if page <= 2 else []
            return 200, {"Content-Type": "application/json"}, json.dumps({"rows": rows}).encode()

        site.route("GET", "/list.json", answer)
        ctx = setup(tmp_path, f'[[sources]]\nname = "g"\nkind = "json-api"\nurl = "{site.url("/list.json?p={page}")}"\n'
                              'items = "rows"\ntitle = "t"\nlink = "u"\nmax_pages = 5\n')
        poll(ctx)
        assert set(stored(ctx)) == {site.url(p) for p in pages}
        first = [p for p in site.requested() if p.startswith("/list.json")]
        assert first == ["/list.json?p=1", "/list.json?p=2", "/list.json?p=3"]
        poll(ctx)
        again = [p for p in site.requested() if p.startswith("/list.json")][3:]
        assert again == ["/list.json?p=1"], "page 1 had only known links: page 2 is not asked for"
        close(ctx)


def test_json_paths_in_other_spellings_and_a_fixed_page_count(tmp_path):
    with Site() as site:
        site.route("GET", "/r", lambda hit: (200, {"Content-Type": "application/json"}, json.dumps(
            {"res": {"rows": [{"u": f"/p{hit.query['n']}.htm", "d": "2026-11-20"}]}}).encode()))
        ctx = setup(tmp_path, f'[[sources]]\nname = "r"\nkind = "json-api"\nurl = "{site.url("/r?n={page}")}"\n'
                              'items = "$.res/rows[*]"\nlink = "u"\ndate = "d"\npage_count = 2\nfirst_page = 5\n')
        assert ctx.fetcher is not None
        found = blocking_listing(ctx.fetcher, ctx.cfg.sources[0])
        assert [c.url for c in found.candidates] == [site.url("/p5.htm"), site.url("/p6.htm")]
        assert found.candidates[0].published == datetime(2026, 11, 19, 16, 0, tzinfo=timezone.utc)
        close(ctx)


# ---------------------------------------------------------------- search results

def test_bing_news_rss_with_apiclick_wrappers(tmp_path):
    with Site() as site:
        pages = serve_articles(site, ["/pub/2026/x1.html", "/pub/2026/x2.html"])
        items = "".join(
            f"<item><title>{t}</title><link>http://www.bing.com/news/apiclick.aspx?ref=FexRss&amp;aid=&amp;tid=T"
            f"&amp;url={quote(site.url(p), safe='')}&amp;c=123&amp;mkt=zh-cn</link>"
            f"<pubDate>{(NOW - timedelta(hours=2)).strftime('%a, %d %b %Y %H:%M:%S %z')}</pubDate></item>"
            for p, t in pages.items())
        site.page("/news/search", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                  f"<title>Bing: 沪明</title>{items}</channel></rss>", "application/rss+xml")
        query = "沪明 OR (上海 三明 合作)"
        ctx = setup(tmp_path, f"""
[[sources]]
name = "bing-hu-ming"
kind = "search"
url = "{site.url('/news/search')}?q={{query}}&format=rss"
query = "{query}"
""")
        [report] = poll(ctx)
        assert report.status == "ok", report.errors
        assert set(stored(ctx)) == {site.url(p) for p in pages}
        [asked] = [h.path for h in site.hits if h.path.startswith("/news/search")]
        assert asked == "/news/search?q=" + quote(query, safe="") + "&format=rss"
        close(ctx)


def test_opaque_redirects_are_followed_once_and_remembered(tmp_path):
    with Site() as site:
        serve_articles(site, ["/pub/a.html", "/pub/b.html"])
        site.redirect("/link", site.url("/pub/a.html"))  # Baidu-style: the target is not in the URL
        site.page("/results.html", '<ul class="r"><li><a href="/link?url=Xk3">沪明一</a></li>'
                  '<li><a href="/pub/b.html">沪明二</a></li></ul>')
        ctx = setup(tmp_path, f"""
[[sources]]
name = "se"
kind = "search"
url = "{site.url('/results.html')}?wd={{query}}"
query = "沪明"
charset = "gbk"
link_selector = "ul.r a"
""")
        [report] = poll(ctx)
        assert report.status == "ok", report.errors
        assert set(stored(ctx)) == {site.url("/pub/a.html"), site.url("/pub/b.html")}
        assert "/results.html?wd=" + quote("沪明", encoding="gbk") in site.requested()
        poll(ctx)
        assert site.requested().count("/link?url=Xk3") == 1, "the wrapper is known as an alias after one fetch"
        close(ctx)


# ---------------------------------------------------------------- paginated lists

def _list_page(links: list[str], next_href: str = "") -> str:
    items = "".join(f'<li><a href="{link}">沪明合作 {link}</a></li>' for link in links)
    nxt = f'<a class="next" href="{next_href}">下一页</a>' if next_href else ""
    return f'<html><body><ul class="list">{items}</ul><div class="page">{nxt}</div></body></html>'


def test_trs_pagination_index_n_and_stop_at_known_links(tmp_path):
    with Site() as site:
        paths = [f"/xw/2026/t2026112{i}_{i}.htm" for i in range(6)]
        serve_articles(site, paths)
        site.page("/xw/index.htm", _list_page(paths[0:2]))
        site.page("/xw/index_1.htm", _list_page(paths[2:4]))
        site.page("/xw/index_2.htm", _list_page(paths[4:6]))
        ctx = setup(tmp_path, f'[[sources]]\nname = "gov"\nkind = "html"\nurl = "{site.url("/xw/index.htm")}"\n'
                              'link_selector = "ul.list a"\npages = 3\npage_url = "index_{n}.htm"\nfirst_page = 0\n')
        [report] = poll(ctx)
        assert report.status == "ok", report.errors
        assert set(stored(ctx)) == {site.url(p) for p in paths}
        lists = [p for p in site.requested() if "index" in p]
        assert lists == ["/xw/index.htm", "/xw/index_1.htm", "/xw/index_2.htm"]
        poll(ctx)
        assert [p for p in site.requested() if "index" in p][3:] == ["/xw/index.htm"]
        close(ctx)


def test_query_string_pages_and_next_page_selector(tmp_path):
    with Site() as site:
        site.route("GET", "/list", lambda hit: (200, {"Content-Type": "text/html"}, _list_page(
            [f"/a/{hit.query.get('page', '1')}-{i}.htm" for i in range(2)]).encode()))
        site.page("/n/node_123.htm", _list_page(["/b/1.htm"], "node_123_2.htm"))
        site.page("/n/node_123_2.htm", _list_page(["/b/2.htm"], "node_123_3.htm"))
        site.page("/n/node_123_3.htm", _list_page(["/b/3.htm"]))
        ctx = setup(tmp_path, f"""
[[sources]]
name = "q"
kind = "html"
url = "{site.url('/list')}"
link_selector = "ul.list a"
pages = 3
page_url = "?page={{n}}"
[[sources]]
name = "nx"
kind = "html"
url = "{site.url('/n/node_123.htm')}"
link_selector = "ul.list a"
next_selector = "div.page a.next"
pages = 5
""")
        assert ctx.fetcher is not None
        q, nx = (blocking_listing(ctx.fetcher, s) for s in ctx.cfg.sources)
        assert [c.url for c in q.candidates] == [site.url(f"/a/{p}-{i}.htm") for p in (1, 2, 3) for i in range(2)]
        assert [p.url for p in q.pages] == [site.url("/list"), site.url("/list?page=2"), site.url("/list?page=3")]
        assert [c.url for c in nx.candidates] == [site.url(f"/b/{i}.htm") for i in (1, 2, 3)]
        close(ctx)


# ---------------------------------------------------------------- per-source filters

def test_patterns_age_and_topic_restriction(tmp_path):
    with Site() as site:
        serve_articles(site, ["/news/1.htm", "/news/2.htm", "/video/3.htm"])
        serve_articles(site, ["/news/old.htm"], when=datetime(2020, 3, 1, 9, tzinfo=SHANGHAI))
        site.page("/list.htm", _list_page(["/news/1.htm", "/news/2.htm", "/video/3.htm", "/news/old.htm",
                                            "/about.htm"]))
        tea = ('[topics.tea]\nthreshold = 1\n[topics.tea.groups.tea]\nterms = ["沪明"]\n'
               '[[topics.tea.rules]]\nname = "r"\nany = ["tea"]\nweight = 1\n')
        ctx = setup(tmp_path, f"""
[[sources]]
name = "f"
kind = "html"
url = "{site.url('/list.htm')}"
link_selector = "ul.list a"
link_pattern = '/(news|video)/'
exclude_pattern = '/video/'
max_age_days = 30
topics = ["tea"]
""", topics=tea)
        assert ctx.fetcher is not None
        found = blocking_listing(ctx.fetcher, ctx.cfg.sources[0])
        assert dict(found.dropped) == {site.url("/video/3.htm"): "matches exclude_pattern",
                                       site.url("/about.htm"): "does not match link_pattern"}
        poll(ctx)
        assert set(stored(ctx)) == {site.url(p) for p in ("/news/1.htm", "/news/2.htm", "/news/old.htm")}
        rows = {(r["url"], r["topic"]) for r in ctx.store.db.query(
            "SELECT a.url, t.topic FROM articles a JOIN article_topics t ON t.article_id = a.id")}
        assert rows == {(site.url("/news/1.htm"), "tea"), (site.url("/news/2.htm"), "tea")}, \
            "hu-ming is not this source's topic, and the 2020 article is stored but matches nothing"
        close(ctx)


def test_every_kind_is_validated(tmp_path):
    bad = """
include = ["monitor:topics/hu-ming.toml"]
[[sources]]
name = "api"
kind = "json-api"
url = "https://x.example.cn/api"
method = "GET"
form = { a = "1" }
date_format = "yyyy-mm-dd"
[[sources]]
name = "se"
kind = "search"
preset = "bing-news"
url = "https://x.example.cn/?q={query}"
charset = "klingon"
[[sources]]
name = "list"
kind = "html"
url = "https://x.example.cn/"
link_selector = "a"
pages = 3
page_url = "index.htm"
items = "data"
[[sources]]
name = "sm"
kind = "sitemap"
url = "https://x.example.cn/sitemap.xml"
max_age_days = -1
topics = ["nope"]
"""
    path = tmp_path / "bad.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config.load(path)
    text = "\n".join(err.value.problems)
    for expected in ("sources.api.date_format: not a date format", "sources.se.charset: unknown charset",
                     "sources.sm.max_age_days: -1 is less than the least allowed, 0",
                     "sources.api.items: missing", "sources.api.link: missing", "sources.api.method: GET cannot",
                     "sources.se.url: preset 'bing-news' sets the url", "sources.se.query: missing",
                     "sources.list.items: not used by kind 'html'", "sources.list.page_url: has no {n}",
                     "sources.sm.topics: unknown topic 'nope'"):
        assert expected in text, text


# A Python codec that is no charset passed check-config: "base64" or "rot13" then failed the poll at every query
# (LookupError: not a text encoding), "utf-7" or "punycode" sent a query no site reads (session 32)
@pytest.mark.parametrize(("charset", "said"), [("base64", "is no charset a site writes its pages in"),
                                               ("rot13", "is no charset a site writes its pages in"),
                                               ("utf-7", "is no charset a site writes its pages in"),
                                               ("punycode", "is no charset a site writes its pages in"),
                                               ("klingon", "unknown charset")])
def test_a_search_charset_that_is_no_page_charset_is_a_config_error(tmp_path, charset, said):
    path = tmp_path / "bad.toml"
    path.write_text(f'[[sources]]\nname = "se"\nkind = "search"\nurl = "https://s.example.cn/?wd={{query}}"\n'
                    f'query = "沪明"\ncharset = "{charset}"\nlink_selector = "ul.r a"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert f"sources.se.charset: {charset!r} {said}" in err.value.problems[0] or \
        f"sources.se.charset: {said} {charset!r}" in err.value.problems[0], err.value.problems
    for good in ("gbk", "GB2312", "big5", "utf-8"):
        path.write_text(path.read_text(encoding="utf-8").replace(f'"{charset}"', f'"{good}"'), encoding="utf-8")
        assert config.load(path).sources[0].charset == good
        charset = good


# ---------------------------------------------------------------- test-source and add-source

def _cli(tmp_path: Path, *args: str, config_text: str | None = None):
    from click.testing import CliRunner

    from monitor.cli import main

    path = tmp_path / "cli.toml"
    default = 'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
    path.write_text(config_text or default, encoding="utf-8")
    return CliRunner().invoke(main, ["--config", str(path), "--db", str(tmp_path / "cli.db"), *args])


def test_test_source_shows_pages_drops_first_article_and_matches(tmp_path):
    with Site() as site:
        paths = ["/xw/t1.htm", "/xw/t2.htm", "/xw/t3.htm"]
        serve_articles(site, paths)
        site.page("/xw/index.htm", _list_page([*paths[:2], "/about.htm"]))
        site.page("/xw/index_1.htm", _list_page(paths[2:]))
        text = (f'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
                f'[[sources]]\nname = "gov"\n'
                f'kind = "html"\nurl = "{site.url("/xw/index.htm")}"\nlink_selector = "ul.list a"\n'
                "link_pattern = '/t\\d+\\.htm$'\npages = 2\npage_url = \"index_{n}.htm\"\nfirst_page = 0\n")
        result = _cli(tmp_path, "test-source", "gov", config_text=text)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "gov (html): 3 links from 2 pages" in out
        assert f"page 2: {site.url('/xw/index_1.htm')}: 1 links" in out
        assert "does not match link_pattern: 1" in out and site.url("/about.htm") in out
        assert "first article: " + site.url("/xw/t1.htm") in out and "hu-ming: MATCH" in out
        assert not (tmp_path / "cli.db").exists(), "test-source stores nothing"


def test_add_source_on_a_page_announcing_a_feed(tmp_path):
    with Site() as site:
        site.page("/", '<html><head><link rel="alternate" type="application/rss+xml" title="要闻" href="/rss/news.xml">'
                  '</head><body><p>首页</p></body></html>')
        result = _cli(tmp_path, "add-source", site.url("/"))
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["kind"] == "feed" and block["url"] == site.url("/rss/news.xml")
        _loads(tmp_path, result.output)


def test_add_source_on_a_sitemap_site(tmp_path):
    with Site() as site:
        site.page("/", "<html><body><p>欢迎</p><a href='/about.htm'>关于</a></body></html>")
        site.page("/robots.txt", "User-agent: *\nDisallow: /private/\nSitemap: /sitemap_news.xml\n", "text/plain")
        result = _cli(tmp_path, "add-source", site.url("/"))
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block == {"name": "127-0-0-1", "kind": "sitemap", "url": site.url("/sitemap_news.xml"),
                         "interval": "1h"}
        _loads(tmp_path, result.output)
        links = "".join(f'<li><a href="/news/2026/11/{i}.html">沪明{i}</a></li>' for i in range(10, 16))
        site.page("/home", f"<html><body><ul class='n'>{links}</ul></body></html>")
        result = _cli(tmp_path, "add-source", site.url("/home"))
        block = _first_block(result.output)  # the sitemap first, narrowed to the page's article shape
        assert block["kind"] == "sitemap" and block["link_pattern"] == r"/news/\d{4}/\d{2}/\d+\.html$"
        assert "# kind = \"html\"" in result.output


def test_add_source_on_a_list_page_suggests_selector_and_pattern(tmp_path):
    with Site() as site:
        links = [f"/2026-11/{d:02d}/content_3124{d:04d}.htm" for d in range(10, 22)]
        nav = "".join(f'<a href="/channel/{i}/">频道{i}</a>' for i in range(8))
        items = "".join(f'<li><a href="{link}">沪明合作新闻{i}</a><span>2026-11-{i + 10}</span></li>'
                        for i, link in enumerate(links))
        site.page("/sm/", f'<html><body><div class="nav">{nav}</div><div class="news-list"><ul>{items}</ul></div>'
                  '<div class="links"><a href="/2026-11/20/other_1.shtml">一</a></div></body></html>')
        result = _cli(tmp_path, "add-source", site.url("/sm/"), "--name", "fjsen-sm")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["kind"] == "html" and block["name"] == "fjsen-sm"
        assert block["link_selector"] == "div.news-list a"
        assert block["link_pattern"] == r"/\d{4}-\d{2}/\d{2}/content_\d+\.htm$"
        cfg = _loads(tmp_path, result.output)
        assert cfg.sources[0].link_pattern == block["link_pattern"]


def _first_block(output: str) -> dict:
    import tomllib

    active = "\n".join(line for line in output.splitlines() if not line.startswith("#"))
    return tomllib.loads(active)["sources"][0]


def _loads(tmp_path: Path, output: str):
    path = tmp_path / "added.toml"
    path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + output, encoding="utf-8")
    return config.load(path)


def test_one_item_of_an_api_answer_with_a_list_for_a_date_costs_only_its_date(tmp_path):
    """A date given as a list or an object (an API's odd item) was a TypeError that failed the
    whole listing; it is an unknown date, and every item is still read."""
    with Site() as site:
        pages = serve_articles(site, ["/c/1.htm", "/c/2.htm"])
        docs = [{"id": 1, "name": "沪明合作一", "pubTime": [2026, 11, 20]},
                {"id": 2, "name": "沪明合作二", "pubTime": {"ms": 1}}]
        site.page("/api/list", json.dumps({"docs": docs}).encode(), content_type="application/json")
        ctx = setup(tmp_path, f"""
[[sources]]
name = "odd-api"
kind = "json-api"
url = "{site.url('/api/list')}"
items = "docs"
title = "name"
link = "{site.url('/c/{id}.htm')}"
date = "pubTime"
date_format = "epoch_ms"
""")
        [report] = poll(ctx)
        assert report.status == "ok", report.errors
        assert set(stored(ctx)) == {site.url(p) for p in pages}
        close(ctx)


def test_a_json_item_whose_link_field_is_not_a_plain_value_is_left_out(tmp_path):
    """A template field holding an object, a list, a boolean or nothing made a link such as
    `/c/{'v': 9}.htm` (fetched, failed, and counted against the source every poll); a title
    that is an object was stored as its Python spelling."""
    rows = [{"id": 7, "name": "沪明合作"}, {"id": "8", "name": {"zh": "标题"}}, {"id": {"v": 9}, "name": "对象"},
            {"id": [10], "name": "列表"}, {"id": True, "name": "真"}, {"id": "", "name": "空"},
            {"id": 11.0, "name": 2026}, {"id": 12.5, "name": "小数"}, {"id": None, "name": "无"}]
    with Site() as site:
        site.route("GET", "/list.json", lambda hit: (200, {"Content-Type": "application/json"},
                                                      json.dumps({"rows": rows}).encode()))
        ctx = setup(tmp_path, f'[[sources]]\nname = "g"\nkind = "json-api"\nurl = "{site.url("/list.json")}"\n'
                              f'items = "rows"\ntitle = "name"\nlink = "{site.url("/c/{id}.htm")}"\n')
        assert ctx.fetcher is not None
        found = blocking_listing(ctx.fetcher, ctx.cfg.sources[0])
        got = [(c.url.removeprefix(site.url("")), c.title) for c in found.candidates]
        close(ctx)
    assert got == [("/c/7.htm", "沪明合作"), ("/c/8.htm", None), ("/c/11.htm", "2026")]
