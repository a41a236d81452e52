"""Links whose host is an `xn--` label that is no Punycode (`http://xn--/a`, `http://xn--zz-0000.cn/`):
a typo in a CMS's link field, or a hostile list page. Reading the host raised the IDNA library's
own error out of the fetcher, so the link failed as `IDNAError: Invalid A-label`: the report, the
log and the link's last error named neither the link nor what was wrong with it, and the failure
was retried at every poll. Now it is the link's permanent failure as any malformed URL is
(`GET <link>: not a valid URL`), and a well-formed Punycode host is asked for as before."""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.config import FetchConfig
from monitor.errors import FetchError
from monitor.fetch import Fetcher
from monitor.pipeline import poll
from monitor.pipeline.steps import MAX_ATTEMPTS

BAD = ["http://xn--/a.html", "http://xn--zz-0000.cn/b.html", "https://xn---/c.html"]


@pytest.fixture(autouse=True)
def no_lookups(monkeypatch):
    """None of these hosts may reach the system resolver (nor the network)."""
    def refuse(host, *args, **kw):
        raise AssertionError(f"looked up {host}")
    monkeypatch.setattr("socket.getaddrinfo", refuse)


@pytest.mark.parametrize("url", BAD)
def test_a_host_that_is_no_punycode_is_an_invalid_url_named_in_the_error(url):
    with Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=3.0)) as f, pytest.raises(FetchError) as err:
        f.get(url)
    assert err.value.kind == "invalid" and url in err.value.message, err.value.message


def test_such_links_in_a_list_fail_alone_each_named(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", [*BAD, "/ok.html"])
        a.article("/ok.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 1 and report.status == "partial", report
    assert sorted(report.errors) == sorted(f"GET {u}: not a valid URL (a broken link)" for u in BAD), report.errors
    failed = {r["reason"]: r["attempts"] for r in ctx.store.db.query("SELECT * FROM link_failures")}
    assert failed == dict.fromkeys(report.errors, MAX_ATTEMPTS), failed  # given up, as any malformed link: not asked again
