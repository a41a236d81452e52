"""A column paged as index.html, index_1.html, index_2.html … (TRS and most county CMSs: page 2 is
`index_1`) configured with `page_url = "index_{n}.html"` and no `first_page` (session 31,
faults-sources-9): page 2 was asked for as index_2.html, and index_1.html, the newest backlog after
page 1, was never read; nothing said so (with `first_page = 2` the other way, page 2 a 404, the
list's end). The first page's own pager is read for its page 2: when it names another number in
`page_url`'s place, the poll says so, naming the `first_page` that reads it (status `partial`).
The text is invented.
"""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (a fixture)
from test_outlets_relative_dates import headline

from monitor.pipeline import poll


def _column(a: Site, second: int) -> None:
    """index.html, then pages numbered from `second` (1: index_1.html is page 2), each with a 下一页 link."""
    names = ["index.html"] + [f"index_{second + k}.html" for k in range(3)]
    for k, name in enumerate(names):
        items = "".join(f'<li><a href="/art/{k * 5 + n}.html">{headline(k * 5 + n)}</a></li>' for n in range(5))
        after = f'<a href="{names[k + 1]}">下一页</a>' if k + 1 < len(names) else ""
        a.page(f"/col/{name}", f'<html><body><ul class="news">{items}</ul><div class="pager">{after}</div></body></html>')
    for n in range(20):
        a.article(f"/art/{n}.html", headline(n))


@pytest.mark.parametrize(("second", "first_page", "said"), [
    (1, "", "set first_page = 0"), (2, "first_page = 1\n", None), (1, "first_page = 0\n", None),
    (2, "first_page = 2\n", "set first_page = 1")])
def test_page_url_numbered_otherwise_than_the_lists_own_pager_is_said(make_ctx, second, first_page, said):  # noqa: F811
    with Site() as a:
        _column(a, second)
        ctx = make_ctx(f'[[sources]]\nname = "gov"\nkind = "html"\nurl = "{a.url("/col/index.html")}"\n'
                       f'link_selector = "ul.news a"\npages = 3\npage_url = "index_{{n}}.html"\n{first_page}')
        report = poll(ctx)[0]
    told = [e for e in report.errors if "the list's own pager goes on to" in e]
    if said is None:
        assert report.status == "ok" and not told and report.new == 15, report
    else:
        assert report.status == "partial" and len(told) == 1 and told[0].endswith(said), report
        assert a.url(f"/col/index_{second}.html") in told[0], told
