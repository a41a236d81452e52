"""A merged story keeps the id readers met first, and a merged-away id leads to its story.

A portal's brief stored first starts a story; a WeChat copy with an intro of its own finds
nothing of it and starts a second; the story's full text, a copy of the WeChat one, makes the
two one (fold-18). The merge kept the copy's story, the newer: the brief's story, which a digest
had already sent and linked as `/story/ID`, was deleted, and that link answered 404 (found by a
daemon killed at random beside an import of look-alike reports: a delivered story's id
vanished from the database). Now the oldest id is kept, every merged id is recorded with the
story it joined (m021), chains of merges lead to the last, and the web redirects."""

from __future__ import annotations

import json

import httpx
from test_dedup import _opened
from test_fold_briefs import BRIEF, STORY
from test_web import Served

from monitor.models import Article
from monitor.pipeline import Context, import_lines
from monitor.web import create_app

WECHAT = "\n".join(["小编今天给大家分享一条来自山里的好消息，一起来看看吧！", STORY,
                    "你怎么看？欢迎在评论区留言，喜欢就点个赞再走吧！"])
ITEMS = [("https://www.portal.example.cn/brief/1.html", "“山海协作·百村行”主题宣传活动启动", BRIEF),
         ("https://mp.weixin.qq.com/s/abc", "好消息！云溪又火了", WECHAT),
         ("https://paper.example.cn/content/1.html", "“山海协作·百村行”主题宣传活动启动", STORY)]


def _import(ctx: Context, url: str, title: str, body: str) -> int:
    """One item imported on its own (as a poll would); its story id."""
    import_lines(ctx, [json.dumps({"url": url, "title": title, "body": body}, ensure_ascii=False)])
    return ctx.store.db.execute("SELECT story_id FROM articles WHERE url = ?", [url]).fetchone()[0]


def _one_by_one(ctx: Context) -> list[int]:
    """Each item imported on its own, its story id right after."""
    return [_import(ctx, *item) for item in ITEMS]


def test_the_story_a_brief_started_first_keeps_its_id_when_the_copies_join_it(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        ctx = Context(cfg, store)
        brief, wechat, _ = _one_by_one(ctx)
        assert brief < wechat  # two stories, until the full text came
        now = dict(store.db.execute("SELECT url, story_id FROM articles"))
        assert set(now.values()) == {brief}  # one story, under the id readers met first
        assert store.merged_into(wechat) == brief and store.merged_into(brief) is None
    finally:
        store.close()


def test_a_delivered_story_stays_delivered_under_the_kept_id(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        ctx = Context(cfg, store)
        brief = _import(ctx, *ITEMS[0])
        store.record_delivery("press", "webhook:x", [brief])
        for item in ITEMS[1:]:
            _import(ctx, *item)
        assert [r[0] for r in store.db.execute("SELECT story_id FROM deliveries")] == [brief]
        assert store.db.execute("SELECT count(*) FROM stories").fetchone()[0] == 1
    finally:
        store.close()


def _add(store, url: str) -> int:
    return store.add_article(Article(url=url, title="t", paragraphs=(url,)), source="s", canonical_url=url,
                             content_hash=url, story_id=None)[1]


def test_merges_chain_to_the_last_story_and_a_deleted_story_leads_nowhere(tmp_path):
    _cfg, store = _opened(tmp_path)
    try:
        a, b, c = (_add(store, f"https://x.example.cn/{i}") for i in range(3))
        assert store.merge_stories(c, [b]) == b  # the older id kept, whichever was asked
        assert store.merged_into(c) == b
        assert store.merge_stories(b, [a]) == a
        assert store.merged_into(c) == a and store.merged_into(b) == a
        for (article_id,) in store.db.execute("SELECT id FROM articles").fetchall():
            store.delete_article(article_id)
        assert store.merged_into(b) is None and store.merged_into(c) is None
    finally:
        store.close()


def test_the_web_page_of_a_merged_story_redirects_to_the_story_it_joined(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        ctx = Context(cfg, store)
        brief, wechat, _ = _one_by_one(ctx)
        with Served(create_app(ctx, auth="")) as served:
            moved = httpx.get(served.url(f"/story/{wechat}?q=%E5%B1%B1%E6%B5%B7"), timeout=20)
            assert moved.status_code == 301
            assert moved.headers["location"].endswith(f"/story/{brief}?q=%E5%B1%B1%E6%B5%B7")
            page = httpx.get(served.url(f"/story/{wechat}"), timeout=20, follow_redirects=True)
            assert page.status_code == 200 and "云溪" in page.text
            assert httpx.get(served.url(f"/story/{wechat + 1000}"), timeout=20).status_code == 404
    finally:
        store.close()
