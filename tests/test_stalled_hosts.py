"""A host whose pages never finish: each answer trickles (a byte a second, or headers and then
nothing), for every page. Each link had the request's whole budget and a second try, and the
host's delay grew with each (it follows latency), so a source of 50 such links kept its poll
busy to the source's deadline (ten minutes), every poll, for nothing: here, twelve links at a
one-second budget took 50 s. Now a host that gave no complete answer to three requests in a
row is not asked again for five minutes: its links wait for the next poll (deferred, not failed,
the report saying why), and the poll ends (here in 4 s; the test counts the requests the host had, not the seconds,
which a loaded machine stretches). A host that answers again counts from zero; other hosts of the
source are fetched as before."""

from __future__ import annotations

from hostile import BODY, Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

FETCH = "[fetch]\nmin_delay = 0\nretries = 2\ntimeout = 1\n"


def test_a_host_that_never_finishes_an_answer_is_left_after_three_tries(make_ctx):  # noqa: F811
    with Site() as slow, Site() as good:
        links = [slow.url(f"/news/{i}.html") for i in range(12)] + [good.url(f"/news/{i}.html") for i in range(3)]
        for i in range(12):
            slow.drip(f"/news/{i}.html", every=0.3)
        for i in range(3):
            good.article(f"/news/{i}.html", f"沪明合作新闻{i}", BODY + f"\n第{i}条。")
        good.listing("/list.html", links)
        ctx = make_ctx(source_toml("a", good.url("/list.html")), fetch=FETCH)
        report = poll(ctx)[0]
        asked = [p for p in slow.paths() if p.startswith("/news/")]
    assert urls(ctx) == {good.url(f"/news/{i}.html") for i in range(3)}, report
    assert len(asked) == 3, asked  # three requests in a row (the first links' second tries never go)
    assert report.deferred == 12 and report.status == "partial", report
    assert report.errors == [f"12 links left for the next poll: {slow.netloc} gave no complete answer in time to 3 "
                             f"requests in a row; not asked again before {report.errors[0].rsplit('before ', 1)[1]}"]


def test_a_host_that_answers_between_slow_pages_is_asked_for_each(make_ctx):  # noqa: F811
    with Site() as site:
        for i in range(6):
            if i % 2:
                site.article(f"/news/{i}.html", f"沪明合作新闻{i}", BODY + f"\n第{i}条。")
            else:
                site.drip(f"/news/{i}.html", every=0.3)
        site.listing("/list.html", [f"/news/{i}.html" for i in range(6)])
        ctx = make_ctx(source_toml("a", site.url("/list.html")), fetch=FETCH.replace("retries = 2", "retries = 0"))
        report = poll(ctx)[0]
    assert report.new == 3 and report.deferred == 0 and len(report.errors) == 3, report
