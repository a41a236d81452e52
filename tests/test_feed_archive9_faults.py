"""Faults an RSS reader following a years-long archive meets, the ninth round.

`monitor feed` (and each request of a feed `monitor serve` serves) grouped every verdict of the
topic into stories to keep the newest 50, reading each article's dates past its body: ~100 ms
of CPU at 1M articles (a topic of 30,000), growing with the archive. The topic's verdicts are
walked newest first to choose the stories, and only theirs are grouped; the same stories."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlitekit import counted_steps

from monitor.models import Article, Match
from monitor.store import Store
from monitor.store.base import iso

DAY = datetime(2026, 5, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """1,200 articles over 100 days, three in four matching the topic, every fourth a repost of
    an earlier story (some older than the story's first, so a story's newest article is not its
    last stored), many sharing an hour (ties between stories), some without a publication date."""
    store = Store.open(tmp_path_factory.mktemp("feed9") / "s.db")
    stories: list[int] = []
    for i in range(1200):
        url = f"https://county{i % 9}.example.cn/a/{i}.html"
        published = None if i % 23 == 5 else DAY + timedelta(hours=(i * 37) % 2400 // 6 * 6)
        story = stories[(i * 7) % len(stories)] if i % 4 == 3 and stories else None
        aid, sid = store.add_article(Article(url=url, title=f"沪明合作第{i}号", paragraphs=(f"三明与上海第{i}次交流。",),
                                             published=published),
                                     source=f"county{i % 9}", canonical_url=url, content_hash=f"h{i}", story_id=story,
                                     band_keys=[])
        stories.append(sid)
        if i % 4:
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=3.0))
        if i % 5 == 0:
            store.set_match(aid, Match(topic="other", matched=True, score=3.0))
    yield store
    store.close()


def _grouped(store: Store, topics: list[str], limit: int, since: datetime | None) -> list[dict]:
    """The stories as grouping every verdict of the topics gives them (the order the feed shows)."""
    where, params = ("AND coalesce(a.published, a.fetched_at) >= ?", [iso(since)]) if since else ("", [])
    return store._stories(topics, where, params, "newest DESC, a.story_id DESC", limit)


@pytest.mark.parametrize("limit", [1, 5, 50, 1000])
@pytest.mark.parametrize("since", [None, DAY + timedelta(days=60), DAY + timedelta(days=99, hours=20)])
def test_the_feed_has_the_stories_grouping_every_verdict_gives(archive, limit, since):
    for topics in (["hu-ming"], ["other"], ["hu-ming", "other"]):
        assert archive.matched_stories(topics, limit, since) == _grouped(archive, topics, limit, since)
    assert archive.matched_stories(["nothing-matched"], limit, since) == []


def test_a_feed_reads_its_stories_not_every_verdict_of_the_topic(archive):
    """SQLite's steps for the newest 5 stories of a topic of 900 verdicts: a few dozen verdicts
    walked, not 900 grouped (at 1M articles: ~100 ms -> ~0.3)."""
    with counted_steps(archive.conn) as steps:
        got = archive.matched_stories(["hu-ming"], 5)
    assert len(got) == 5
    assert steps[0] < 200, steps[0]  # 100 instructions a step; 439 grouping every verdict


# --- the topic page's chart: the weeks shown, not every verdict ---------------------------------

def _by_week(store: Store, topic: str, since: datetime) -> tuple[list[tuple[str, str, int]], dict[str, int]]:
    """`coverage` and `stories_by_week` counted here from the rows: Monday of the Shanghai date."""
    per_source: dict[tuple[str, str], set[int]] = {}
    per_week: dict[str, set[int]] = {}
    for source, story, when in store.conn.execute(
            "SELECT a.source, a.story_id, coalesce(a.published, a.fetched_at) FROM article_topics t "
            "JOIN articles a ON a.id = t.article_id WHERE t.topic = ?", [topic]):
        moment = datetime.fromisoformat(when)
        if moment < since:
            continue
        day = (moment + timedelta(hours=8)).date()
        week = (day - timedelta(days=day.weekday())).isoformat()
        per_source.setdefault((week, source), set()).add(story)
        per_week.setdefault(week, set()).add(story)
    return sorted((w, s, len(v)) for (w, s), v in per_source.items()), {w: len(v) for w, v in per_week.items()}


@pytest.mark.parametrize("days", [-5, 0, 50, 90, 99, 120])
def test_the_topic_chart_counts_the_stories_of_its_weeks(archive, days):
    since = DAY + timedelta(days=days)
    for topic in ("hu-ming", "other"):
        coverage, weekly = _by_week(archive, topic, since)
        assert archive.coverage(topic, since) == coverage
        assert archive.stories_by_week(topic, since) == weekly


def test_the_topic_chart_reads_the_weeks_it_shows_not_every_verdict(archive):
    """The topic page's chart of its last 26 weeks grouped every verdict the topic ever had
    (~100 ms a view at 1M articles, where the topic has 30,000): SQLite's steps for the last
    10 days' weeks of an archive of 100 days stay few."""
    since = DAY + timedelta(days=90)
    with counted_steps(archive.conn) as steps:
        archive.coverage("hu-ming", since)
        archive.stories_by_week("hu-ming", since)
    assert steps[0] < 130, steps[0]  # 230 grouping every verdict
