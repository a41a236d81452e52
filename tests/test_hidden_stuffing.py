"""A spam page not about us (a phone shop's) whose hidden block says a news site's keywords over
and over (沪明合作 三明 上海 …, forty times): hidden text was dropped only in short runs (under 200
characters, 400 on the page), since a long hidden text is the page's own, shown a part at a time.
So every stuffing over 400 characters was read as the article and the shop's page matched the
topic, by `display:none`, the `hidden` attribute, `font-size:0`, a class the page's style sheet
hides, or a place off the screen, in one block or in many short ones. Now hidden text that says
the same few words four times or more is dropped however long; a long hidden text of the page's
own (an article hidden twice over, paragraphs hidden until 展开全文) is kept as before."""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor import extract, match
from monitor.pipeline import poll

SHOP = "".join(f"<p>本店第{i}年经营各类二手手机回收与维修，价格公道，全城上门服务，欢迎来电咨询。</p>" for i in range(3))
WORDS = "沪明合作 上海 三明 对口合作 三明市 "
HIDES = ['style="display:none"', "hidden", 'style="font-size:0"', 'style="position:absolute;left:-9999px"',
         'class="kw"']


def _shop(hide: str, stuffing: str) -> str:
    return (f"<html><head><title>二手手机回收</title><style>.kw{{display:none}}</style></head><body>"
            f"<h1>二手手机回收</h1><div class='content'>{SHOP}<div {hide}>{stuffing}</div></div></body></html>")


@pytest.mark.parametrize("hide", HIDES)
@pytest.mark.parametrize("stuffing", [WORDS * 40, "".join(f"<span>{WORDS * 2}</span>" for _ in range(25))],
                         ids=["one-block", "short-runs"])
def test_a_spam_page_stuffed_with_our_keywords_matches_nothing(hide, stuffing):
    article = extract.extract(_shop(hide, stuffing), "http://shop.example/1.html")
    assert "三明" not in article.body and "二手手机" in article.body, article.body
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    assert not match.match_article(topic, article.title, article.body).matched


LONG = ("上海市与三明市召开沪明对口合作联席会议，回顾一年来两地在产业协作、文旅交流和人才培养方面的进展。",
        "会议指出，合作共建的产业园已有十余家上海企业落地，带动当地新增就业岗位两千多个。",
        "双方商定，明年将扩大农产品进沪渠道，推动三明的茶叶、笋干和食用菌进入上海的商超与社区。",
        "在文旅方面，两地将互推旅游线路，组织上海市民赴三明疗休养，并在沪举办三明特色文化周。",
        "三明市有关负责人表示，将进一步优化营商环境，为来明投资的上海企业做好要素保障和服务。")


def test_the_pages_own_long_hidden_text_is_kept():
    """An article hidden twice over (for the print view and the page's script) is no stuffing."""
    copy = "<div style='display:none'>" + "".join(f"<p>{p}</p>" for p in LONG) + "</div>"
    article = extract.extract(_shop("hidden", "").replace("</div></body>", copy * 2 + "</div></body>"),
                              "http://x.example/2.html")
    assert "带动当地新增就业岗位两千多个" in article.body, article.body


def test_a_polled_spam_page_is_stored_without_its_stuffing_and_unmatched(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/shop.html", "/news.html"])
        a.page("/shop.html", _shop(HIDES[0], WORDS * 40))
        a.article("/news.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        bodies = {r["url"].rsplit("/", 1)[1]: r["body"] for r in ctx.store.db.query("SELECT url, body FROM articles")}
    assert report.new == 2 and report.matched == 1, report
    assert "三明" not in bodies["shop.html"] and "三明" in bodies["news.html"], bodies


# A closed <details> shows its summary only; what it folds shows when a reader opens it. Our
# keywords said forty times inside one were read as the article, and the shop's page matched.
# Folded text is handled as white text is: only stuffing goes, an article folded there stays.
@pytest.mark.parametrize("stuffing", [WORDS * 40, "".join(f"<span>{WORDS * 2}</span>" for _ in range(25))],
                         ids=["one-block", "short-runs"])
def test_stuffing_folded_in_a_closed_details_matches_nothing(stuffing):
    page = _shop("", "").replace("<div ></div>", f"<details><summary>更多</summary><p>{stuffing}</p></details>")
    article = extract.extract(page, "http://shop.example/3.html")
    assert "三明" not in article.body and "二手手机" in article.body, article.body
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    assert not match.match_article(topic, article.title, article.body).matched


def test_an_article_folded_in_a_closed_details_is_kept():
    folded = "<details><summary>展开全文</summary>" + "".join(f"<p>{p}</p>" for p in LONG) + "</details>"
    article = extract.extract(_shop("", "").replace("<div ></div>", folded), "http://x.example/4.html")
    assert all(p in article.body for p in LONG), article.body
