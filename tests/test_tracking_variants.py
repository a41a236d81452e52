"""One article linked under the parameters a share button or an app adds (`share_source=`,
`share_medium=`, `spm_id_from=`, `vd_source=`, `is_hit_share_recommend=`, `enter_from=`), which the
tracking list did not know: a list page (a hostile one writes a new value into each) holding the
article three ways had it fetched three times, and stored under an address carrying them. They
are dropped as `utm_*` is: one address, one fetch. A parameter of the article's own is kept."""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor import dedup
from monitor.pipeline import poll

VARIANTS = ["/a.html?share_source=weixin&share_medium=iphone", "/a.html?spm_id_from=333.1007&vd_source=9f3c",
            "/a.html?is_hit_share_recommend=0&enter_from=click_list", "/a.html?share_plat=android&share_tag=s_i"]


def test_an_article_under_share_parameters_is_one_address_fetched_once(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", VARIANTS)
        a.article("/a.html", "沪明合作新闻")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        stored = urls(ctx)
        asked = [p for p in a.paths() if p.startswith("/a.html")]
    assert report.new == 1 and not report.errors, report
    assert stored == {a.url("/a.html")}
    assert len(asked) == 1, asked


@pytest.mark.parametrize("url", ["http://news.example.cn/a.html?share_id=5", "http://news.example.cn/a.html?id=7&page=2",
                                 "http://news.example.cn/a.html?source_id=3"])
def test_the_articles_own_parameters_stay(url):
    assert dedup.strip_tracking(url) == url
