"""Article pages whose `<title>` is the outlet's name, the same on every page (an e-paper's
`<title>三明日报数字报</title>`, the headline in a cell or a `<founder-title>` of its own, no <h1>),
as e-paper systems and some county portals write them.

Every article of a poll was stored under the outlet's name: a digest listing ten stories all
headed '三明日报数字报', search results alike, stories told apart by nothing. Pages of one poll
headed alike, each unlike its own link's text, with texts of their own, are headed by that
text: the link's, which is the article's headline on the list. A page served for several links
(one text: a maintenance notice) is still none of their articles. The text is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

SITE_NAME = "三明日报数字报"
HEADLINES = ["三明与上海共建产业园区座谈会召开", "沪明两地文旅合作推介会在沪举行", "三明市新能源项目集中签约仪式举行",
             "上海医疗专家团队赴三明开展义诊活动"]
TEXTS = ["沪明两地携手推进产业协作，三明市与上海市有关部门召开座谈会，就共建产业园区等事项深入交换意见。",
         "推介会上，三明市推出十条精品旅游线路，吸引上海市民走进绿水青山，感受闽西北的生态之美。",
         "此次集中签约的项目涵盖新能源、新材料等领域，总投资额超过百亿元，将为当地发展注入新动能。",
         "专家团队深入基层卫生院，为当地群众提供诊疗服务，并开展业务培训，提升基层医疗服务水平。"]


def epaper_article(n: int) -> str:
    paragraphs = "".join(f"<P>{TEXTS[n]}{'本报记者报道。' * k}</P>" for k in range(1, 4))
    return (f'<html><head><meta charset="utf-8"><title>{SITE_NAME}</title></head><body><table>'
            f'<tr><td><a href="node_1.htm">第01版：要闻</a></td></tr>'
            f'<tr><td class="font01"><founder-title>{HEADLINES[n]}</founder-title></td></tr>'
            f'<tr><td><div id="ozoom"><founder-content>{paragraphs}</founder-content></div></td></tr>'
            "</table></body></html>")


def test_articles_whose_title_is_the_outlets_name_are_headed_by_their_links_text(make_ctx):  # noqa: F811
    folder = f"/html/{(datetime.now(timezone.utc) + timedelta(hours=8)).strftime('%Y-%m/%d')}"
    with Site() as a:
        rows = "".join(f'<li><a href="content_{n}.htm">{h}</a></li>' for n, h in enumerate(HEADLINES))
        a.page(f"{folder}/node_1.htm", f'<html><body><ul class="list">{rows}</ul></body></html>')
        for n in range(len(HEADLINES)):
            a.page(f"{folder}/content_{n}.htm", epaper_article(n))
        ctx = make_ctx(f'[[sources]]\nname = "paper"\nkind = "html"\nurl = "{a.url(folder + "/node_1.htm")}"\n'
                       'link_selector = "ul.list a"\n')
        report = poll(ctx)[0]
        titles = sorted(r["title"] for r in ctx.store.db.query("SELECT title FROM articles"))
    assert report.new == 4, report
    assert titles == sorted(HEADLINES), titles


def test_one_article_headed_unlike_its_link_keeps_its_pages_headline(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", f'<html><body><ul class="list"><li><a href="/a/1.html">{HEADLINES[0]}</a></li>'
                             f'<li><a href="/a/2.html">{HEADLINES[1]}</a></li></ul></body></html>')
        a.article("/a/1.html", "市领导会见上海客人一行", TEXTS[0] * 3)  # headed otherwise by its editors
        a.article("/a/2.html", HEADLINES[1], TEXTS[1] * 3)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.list a"\n')
        poll(ctx)
        titles = sorted(r["title"] for r in ctx.store.db.query("SELECT title FROM articles"))
    assert titles == sorted(["市领导会见上海客人一行", HEADLINES[1]]), titles
