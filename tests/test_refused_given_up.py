"""An article the database refuses is given up after MAX_ATTEMPTS polls, like a failing link."""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.pipeline.listing import MAX_ATTEMPTS

BAD = ("上海援派的医疗专家在三明市第一医院坐诊一周，沪明对口合作医疗项目今年扩大到五个县。\n"
       "专家团队还为当地医生开设了培训课程，三明市卫健委表示将与上海的医院建立长期协作机制。")
OK = ("沪明对口合作文旅推介会在上海举行，三明十条精品线路向上海市民发布，两地旅行社现场签约。\n"
      "推介会上，三明各县区带来了特色农产品和非遗项目，吸引了众多上海市民驻足体验。")
# A real refusal by SQLite (a constraint another program or an old schema holds): this one page's row
REFUSE = ("CREATE TRIGGER refuse_one BEFORE INSERT ON articles WHEN NEW.url LIKE '%/bad.html' "
          "BEGIN SELECT RAISE(ABORT, 'this row is refused'); END")


def test_an_article_the_database_refuses_is_given_up_after_its_third_poll(make_ctx):  # noqa: F811
    """Refused alone (1bf0757), it was fetched again at every poll for good: one request and one
    warning a poll, for months. It is counted as a failing link is and given up at its third
    poll; the other article is stored once, and the refusal is named in each poll's report.
    (A refusal by a constraint other than the canonical URL's unique index was read as "stored
    already": counted a duplicate, said nowhere, and fetched again at every poll.)"""
    with Site() as a:
        a.listing("/list.html", ["/bad.html", "/ok.html"])
        a.article("/bad.html", "沪明合作医疗专家坐诊", BAD)
        a.article("/ok.html", "沪明合作文旅推介会", OK)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        ctx.store.db.execute(REFUSE)
        reports = [poll(ctx)[0] for _ in range(MAX_ATTEMPTS + 2)]
        fetched = a.paths().count("/bad.html")
    assert urls(ctx) == {a.url("/ok.html")}
    assert fetched == MAX_ATTEMPTS, fetched
    assert all(any("bad.html: not stored" in e and "this row is refused" in e for e in r.errors)
               for r in reports[:MAX_ATTEMPTS]), [r.errors for r in reports]
    assert not any("bad.html" in e for r in reports[MAX_ATTEMPTS:] for e in r.errors), reports[-1].errors
    failure = [f for f in ctx.store.link_failures("a") if f["canonical_url"].endswith("/bad.html")]
    assert len(failure) == 1 and "not stored" in failure[0]["reason"], failure


def test_a_failed_link_found_stored_already_by_another_path_is_no_longer_failing(make_ctx):  # noqa: F811
    """A link that failed once (a 503) and at the next poll led to an article stored already (a short
    link or a moved page sent on to it): it went through, so its failure is forgotten, as it was when
    the fetch cleared it (2918261 moved that to the ingest's results, which such a link never reaches:
    `monitor sources` counted it among the failing links for good)."""
    with Site() as a:
        a.listing("/list.html", ["/ok.html", "/short.html"])
        a.article("/ok.html", "沪明合作文旅推介会", OK)
        a.status("/short.html", 503)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        poll(ctx)
        failing = [f["canonical_url"] for f in ctx.store.link_failures("a")]
        a.redirect("/short.html", a.url("/ok.html"))
        report = poll(ctx)[0]
    assert failing == [a.url("/short.html")], failing  # (the first poll's failure, to be forgotten)
    assert report.fetched == 1 and not report.errors and urls(ctx) == {a.url("/ok.html")}, report
    assert ctx.store.link_failures("a") == [], ctx.store.link_failures("a")
