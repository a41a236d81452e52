"""One article the database will not take is refused alone: the rest of its batch is stored."""

from __future__ import annotations

from monitor.models import Article
from monitor.pipeline import Ingestor

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'
TEXTS = ("三明市与上海市签订对口合作框架协议，两地将在文旅、医疗和产业园区建设方面深化合作。",
         "上海援派的医疗专家在三明市第一医院坐诊一周，沪明对口合作医疗项目今年扩大到五个县。",
         "沪明对口合作文旅推介会在上海举行，三明十条精品线路向上海市民发布，两地旅行社现场签约。")


def _article(n: int, author: str | None = None) -> Article:
    return Article(url=f"http://paper{n}.example.cn/a/{n}.html", title=f"沪明合作第{n}项", author=author,
                   paragraphs=(TEXTS[n - 1], f"编号{n}，另见当地报道。"))


def test_a_value_the_database_refuses_loses_only_its_own_article(ctx, caplog):
    """A value SQLite will not bind (here a lone surrogate in an author's name, as a JSON escape
    "\\ud800" decodes; the decoders now replace those, this is the guard behind them) failed the
    whole batch: every article of it, of its source and others, was lost, poll after poll. The
    article is refused alone, with its reason; the others are stored, matched and indexed."""
    with Ingestor(ctx, batch_size=10) as ingestor:
        for n, author in ((1, "林记者"), (2, "记者\ud800"), (3, None)):
            ingestor.add(_article(n, author), f"s{n}")
    results = ingestor.results
    assert [r.status for r in results] == ["new", "refused", "new"], results
    assert results[1].source == "s2" and "UnicodeEncodeError" in results[1].reason, results[1]
    assert results[1].article_id is None
    store = ctx.store
    assert store.stats()["articles"] == 2
    urls = {r["url"] for r in store.query("SELECT url FROM articles")}
    assert urls == {"http://paper1.example.cn/a/1.html", "http://paper3.example.cn/a/3.html"}
    assert all(r.topics == ["hu-ming"] for r in (results[0], results[2])), results
    indexed = store.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ["沪明"])
    assert sorted(r["rowid"] for r in indexed) == sorted([results[0].article_id, results[2].article_id])
    # the refused one is not known: the next poll fetches it again, and says so in one line (its traceback with -v)
    assert not store.known_urls(["http://paper2.example.cn/a/2.html"])
    said = [r for r in caplog.records if "not stored" in r.getMessage()]
    assert len(said) == 1 and not said[0].exc_info and "paper2" in said[0].getMessage(), said
