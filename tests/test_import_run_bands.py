"""An import's band rows dated before the near-duplicate window are kept apart from the window's
`lsh` rows while it runs (`Store.run_bands`), so a backfill into a large store neither writes them
among the window's rows at each commit nor deletes them there at its end; what it folds is the same."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

from monitor.models import Article
from monitor.pipeline import import_lines
from monitor.pipeline.ingest import Ingestor
from monitor.store import utcnow

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'
STORY = ("三明市沙县区与上海市闵行区签订新一轮对口合作协议，双方将在文旅推广、农产品进沪和人才交流三个方面"
         "共同推进十八个项目。协议明确，闵行区每年组织两批干部到沙县挂职，沙县小吃产业园将在闵行设立展销中心，"
         "两地还将共建乡村振兴示范村三个，总投资约六亿元。")
OLD = datetime(2022, 3, 14, 9, 30, tzinfo=timezone.utc)


def _article(url: str, title: str, body: str, published: datetime | None) -> Article:
    return Article(url=url, title=title, paragraphs=tuple(body.split("\n")), published=published)


def _window_rows(path, urls: list[str]) -> int:
    """Band rows in `lsh` of these articles, as another connection (a daemon beside) reads the store."""
    with sqlite3.connect(path) as other:
        return other.execute(f"SELECT count(*) FROM lsh JOIN articles a ON a.id = lsh.article_id WHERE a.url IN "
                             f"({','.join('?' * len(urls))})", urls).fetchone()[0]


def test_an_imports_old_band_rows_never_enter_the_window_table_and_reposts_still_fold(ctx):
    """Batches of one: the old story's band rows are not in `lsh` once its batch is committed (they
    were, until the run's end pruned them: at 200k articles, ~22 leaves of a large table written per
    article, and deleted again), yet its repost two batches later, an old one and a fresh one,
    joins its story; a fresh article's rows are in `lsh` as before."""
    seen: list[int] = []
    fresh = utcnow() - timedelta(days=3)
    with Ingestor(ctx, batch_size=1, backfill=True,
                  on_batch=lambda stored: seen.append(_window_rows(ctx.store.path, ["http://old.example/1"]))) as run:
        first = run.add(_article("http://old.example/1", "沙县闵行签订对口合作协议", STORY, OLD), "s")
        other = run.add(_article("http://old.example/2", "沙县小吃节开幕", "沙县小吃文化节在沙县开幕，游客品尝拌面扁肉。" * 4,
                                 OLD + timedelta(days=1)), "s")
        again = run.add(_article("http://copy.example/7", "转载：沙县闵行签约", "来源：三明日报\n" + STORY + "\n责任编辑：陈某",
                                 OLD + timedelta(days=2)), "s")
        late = run.add(_article("http://late.example/3", "回看：沙县与闵行对口合作", "本报讯\n" + STORY + "\n（完）", fresh), "s")
    # read in each later batch, the first article's committed already: its rows never reached `lsh`
    assert len(seen) == 4 and seen[1:] == [0, 0, 0]
    assert first[0].status == "new" and other[0].status == "new"
    assert again[0].status == "repost" and again[0].story_id == first[0].story_id
    assert late[0].status == "repost" and late[0].story_id == first[0].story_id  # found through the run's rows
    assert _window_rows(ctx.store.path, ["http://old.example/1", "http://old.example/2", "http://copy.example/7"]) == 0
    assert _window_rows(ctx.store.path, ["http://late.example/3"]) > 0
    names = [r[1] for r in ctx.store.conn.execute("PRAGMA database_list")]
    assert "run_bands" not in names  # the run's own database is gone with the run


def test_the_same_lines_fold_alike_in_one_batch_and_in_many(ctx, tmp_path):
    """The stories an import makes do not depend on where its batches are cut (the run's rows read in
    its own transaction or in earlier ones), and a second import into the same store starts clean."""
    from monitor import config
    from monitor.pipeline import Context
    from monitor.store import Store

    bodies = [STORY, "来源：东南网\n" + STORY, "三明市将乐县与上海市嘉定区共建的研学基地启用，首批上海学生到将乐开展自然教育课程。" * 3,
              "转自微信公众号\n" + "三明市将乐县与上海市嘉定区共建的研学基地启用，首批上海学生到将乐开展自然教育课程。" * 3]
    lines = [json.dumps({"url": f"http://x.example/{i}", "title": f"第{i}则", "body": b,
                         "published": (OLD + timedelta(hours=i)).isoformat()}, ensure_ascii=False)
             for i, b in enumerate(bodies)]
    one = import_lines(ctx, lines, workers=1)
    other = Context(config.load(tmp_path / "monitor.toml", tmp_path / "b.db"), Store.open(tmp_path / "b.db"))
    try:
        with Ingestor(other, batch_size=1, backfill=True) as run:
            for line in lines:
                obj = json.loads(line)
                run.add(_article(obj["url"], obj["title"], obj["body"], datetime.fromisoformat(obj["published"])), "s")

        def stories(store: Store) -> list[tuple[str, int]]:
            return store.conn.execute("SELECT url, story_id FROM articles ORDER BY id").fetchall()
        assert (one.new, one.reposts) == (2, 2)
        assert stories(ctx.store) == stories(other.store)
        again = import_lines(other, [line.replace("x.example", "y.example") for line in lines], workers=1)
        assert (again.new, again.reposts) == (0, 4)  # the second run folds them into the first's stories
    finally:
        other.store.close()
