"""RSS 1.0 (RDF) feeds, as older CMSs and some county portals still write them: `<rdf:RDF>`, each
`<item rdf:about="…">` naming its page, a `<dc:date>`; the feed announced in a page's <head> as
`<link rel="alternate" type="application/rdf+xml" href="/index.rdf">`.

Two faults. An item naming its page only by its rdf:about (its <link> left out, which readers
forgive) was dropped: a feed of such items said 'none of the feed's entries has a link to a page
of its own'. And `monitor add-source` on a home page announcing such a feed said 'no feed, sitemap
or list of article links found': the rdf+xml type was not one it looked for. The text is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hostile import Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)
from test_source_kinds import _cli, _first_block

from monitor.pipeline import poll
from monitor.sources import feed

SHANGHAI = timezone(timedelta(hours=8))
TITLES = ["三明与上海共建产业园区座谈会召开", "沪明两地文旅合作推介会在沪举行", "三明市新能源项目集中签约仪式举行"]


def rdf(base: str, with_links: bool) -> bytes:
    items = "".join(
        f'<item rdf:about="{base}/a/{n}.html"><title>{t}</title>'
        + (f"<link>{base}/a/{n}.html</link>" if with_links and n == 0 else "")
        + f"<dc:date>2026-12-0{n + 1}T09:30:00+08:00</dc:date><description>摘要{n}</description></item>"
        for n, t in enumerate(TITLES))
    seq = "".join(f'<rdf:li rdf:resource="{base}/a/{n}.html"/>' for n in range(len(TITLES)))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            f'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="{base}/"><title>三明新闻网</title><link>{base}/</link><description>新闻</description>'
            f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>{items}</rdf:RDF>").encode()


def test_an_rdf_item_naming_its_page_by_its_about_is_read():
    found = feed.parse(rdf("http://127.0.0.1:9", with_links=True), {"content-type": "application/rdf+xml"},
                       "http://127.0.0.1:9/index.rdf")
    assert [(c.url, c.title) for c in found] == [(f"http://127.0.0.1:9/a/{n}.html", t) for n, t in enumerate(TITLES)]
    assert [c.published for c in found] == [datetime(2026, 12, n + 1, 9, 30, tzinfo=SHANGHAI) for n in range(3)]


def test_add_source_on_a_home_page_announcing_an_rdf_feed_offers_it_and_it_polls(tmp_path, make_ctx):  # noqa: F811
    with Site() as site:
        site.page("/index.rdf", rdf(site.base, with_links=False), content_type="application/rdf+xml")
        site.page("/", '<html><head><meta charset="utf-8"><title>三明新闻网</title><link rel="alternate" '
                  'type="application/rdf+xml" title="RSS 1.0" href="/index.rdf"></head><body><div class="banner">'
                  '欢迎访问三明新闻网</div></body></html>')
        for n, t in enumerate(TITLES):
            site.article(f"/a/{n}.html", t)
        result = _cli(tmp_path, "add-source", site.url("/"))
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert (block["kind"], block["url"]) == ("feed", site.url("/index.rdf")), result.output
        ctx = make_ctx(source_toml("rdf", block["url"], kind="feed"))
        report = poll(ctx)[0]
        assert urls(ctx) == {site.url(f"/a/{n}.html") for n in range(3)}, report
