"""A story id is given once. SQLite gives a new row the table's highest id plus one, so a story
merged into another (its pages met before their whole copy) or emptied, whose row was the
newest, left its id to the next story: a webhook receiver keeping the `id` of each story it was
sent saw a new story under an id it already had, and an earlier digest's `/story/ID` link came
to show another story (found by a daemon left polling a growing site, killed at random moments:
one id in two digests, the stories different)."""

from __future__ import annotations

from test_dedup import _opened
from test_fold_merge import _URLS, PAGE_1, PAGE_2, STORY

from monitor.models import Article
from monitor.pipeline import Context
from monitor.pipeline.ingest import ingest_many
from monitor.store import Store
from monitor.store.schema import migrations

_OTHER = ("城东新区的公共图书馆分馆本周开放，馆内藏书六万册，设有少儿阅览区和自习室，每天开放到晚上九点。"
          "\n分馆由一座闲置的厂房改建，保留了原来的红砖外墙和钢屋架，屋顶加装了采光天窗。")


def _article(url: str, body: str, title: str = "巡护队") -> tuple[Article, str, None]:
    return Article(url=url, title=title, paragraphs=tuple(body.split("\n"))), "s", None


def test_a_story_after_a_merge_does_not_take_the_merged_story_s_id(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        ctx = Context(cfg, store)
        first, second = (r.story_id for r in ingest_many(ctx, [_article(_URLS[0], PAGE_1), _article(_URLS[1], PAGE_2)]))
        assert first != second
        whole = ingest_many(ctx, [_article(_URLS[2], STORY)])[0]
        assert whole.story_id == first  # the two pages' stories were merged into the older
        new = ingest_many(ctx, [_article("https://lib.example.cn/1.html", _OTHER, "分馆开放")])[0]
        assert new.status == "new"
        assert new.story_id not in (first, second) and new.story_id > second
    finally:
        store.close()


def test_a_story_whose_last_article_was_deleted_leaves_its_id_unused(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        ctx = Context(cfg, store)
        gone = ingest_many(ctx, [_article("https://lib.example.cn/1.html", _OTHER, "分馆开放")])[0]
        assert store.delete_article(gone.article_id)
        new = ingest_many(ctx, [_article(_URLS[2], STORY)])[0]
        assert new.story_id > gone.story_id
    finally:
        store.close()


def test_an_older_database_starts_past_every_story_id_it_still_names(tmp_path):
    """A database from before the serial (m020): the ids its deliveries name, of stories gone
    since, are not given again either."""
    path = tmp_path / "old.db"
    store = Store.open(path)
    store.conn.execute("DROP TABLE story_serial")
    store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm020_story_serial'")
    store.conn.execute("INSERT INTO deliveries(subscriber, channel, story_id, delivered_at) "
                       "VALUES ('press', 'webhook:1', 41, '2026-12-01T00:00:00+00:00')")
    store.conn.commit()
    store.close()
    store = Store.open(path)
    try:
        assert "m020_story_serial" in store.schema_version() and "m020_story_serial" in migrations.names
        _, story_id = store.add_article(Article(url="https://lib.example.cn/1.html", title="分馆开放",
                                                paragraphs=(_OTHER,)), source="s",
                                        canonical_url="https://lib.example.cn/1.html", content_hash="h", story_id=None)
        assert story_id == 42
    finally:
        store.close()
