"""`monitor add-source` given one article's address, as users paste what they were shared: a
WeChat public-account article (js_content, its text hidden until a script shows it), a
single-page app's article (澎湃-style: the text in `__NEXT_DATA__`), a county portal's notice
with no links beside it.

It said 'no feed, sitemap or list of article links found' and to try 'the site's news list page',
nothing saying the page was one article: users took the site for unreadable. It now says the
page is an article, names its headline, and asks for the list, feed or account page its links
come from (an article page among its related links was already said to be one). A page that is
no article still gets the old answer. The text is invented.
"""

from __future__ import annotations

from hostile import Site
from test_outlets_spa_titles import TITLE, shell
from test_source_kinds import _cli

PARAS = ["上海与三明两地签署新一轮对口合作框架协议，双方将在产业协作、文旅融合、人才交流等领域深化合作。",
         "会议指出，沪明合作已走过多年历程，取得了丰硕成果，两地要进一步拓展合作空间，推动更多项目落地。",
         "三明市有关负责人表示，将持续优化营商环境，为上海企业来明投资兴业提供优质服务。"]


def wechat() -> str:
    text = "".join(f'<p style="text-align: justify;"><span>{p}</span></p>' for p in PARAS)
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="' + TITLE + '">'
            '<title></title><script>var ct = "1796545800";</script></head><body id="activity-detail">'
            f'<div id="js_article"><h1 class="rich_media_title" id="activity-name">{TITLE}</h1>'
            '<div id="meta_content"><a id="js_name">三明发布</a></div>'
            '<div class="rich_media_content" id="js_content" style="visibility: hidden;">'
            f'<p><img data-src="/mmbiz/1.jpg"></p>{text}</div></div></body></html>')


def notice() -> str:
    return (f"<html><head><title>{TITLE}_三明市人民政府</title></head><body><div class='top'>三明市人民政府</div>"
            f"<h1>{TITLE}</h1><div class='content'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></body></html>")


def test_add_source_on_an_article_says_it_is_one(tmp_path):
    with Site() as site:
        site.page("/s/Xk3dPq9LmZ2bT7wQ1aYcVg", wechat())
        site.page("/newsDetail_forward_30001", shell("next-data", "澎湃新闻"))
        site.page("/zwgk/tzgg/content_8817.htm", notice())
        for path in ("/s/Xk3dPq9LmZ2bT7wQ1aYcVg", "/newsDetail_forward_30001", "/zwgk/tzgg/content_8817.htm"):
            result = _cli(tmp_path, "add-source", site.url(path))
            said = result.output
            assert result.exit_code != 0, said
            assert "an article" in said and TITLE in said and "list" in said, (path, said)


def test_a_page_that_is_no_article_is_still_no_source(tmp_path):
    with Site() as site:
        site.page("/about.html", "<html><head><title>关于我们</title></head><body><p>联系电话：0598-1234567</p></body></html>")
        result = _cli(tmp_path, "add-source", site.url("/about.html"))
    assert result.exit_code != 0 and "no feed, sitemap or list" in result.output and "an article" not in result.output
