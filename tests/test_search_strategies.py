"""Search strategies: whichever one a search takes, its pages are those of sorting every match.

The store chooses between sorting every FTS match, walking a date index newest first (in Python,
or inside SQLite against the set of matches), and a walk that gives up and sorts from where it
stopped (`store.search`); one-character queries
walk with `instr` before asking FTS5 (`pipeline.query`). Each is forced here by small
settings on generated stores written through the Store API (seeded; text of our own), with
matches spread over time, crowding the newest rows or sitting in the oldest, backfills (new
ids with old dates), undated articles, reposts and several sources; every page of articles
and of stories must equal the reference's (every match sorted, no walk, no limit) slice.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import pytest

from monitor import config
from monitor.models import Article, Match
from monitor.pipeline import query as pipeline_query
from monitor.pipeline.base import Context
from monitor.pipeline.query import search_page
from monitor.store import Store
from monitor.store import search as store_search

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
BASE = datetime(2025, 3, 1, tzinfo=timezone.utc)
HOURS = 4000  # published dates fall in BASE + 0..HOURS hours (few distinct: many ties)

# Words an article is written from: place names in both scripts, a checked pair (三明 / 三明治),
# English, and filler. NEWEST and OLDEST appear only in the newest or the oldest tenth by date.
WORDS = ("三明 三明 沪明 滬明 上海 上海 对口 合作 对口合作 對口合作 三明治 明溪 永安 签约 簽約 飞地 產業園 "
         "人才 网 網(wǎng) 明 沪 Sanming Shanghai 合作区 明治 三明，合作 art article Art 2026 5G 沪明2026").split()
FILLER = "的 在 了 是 和 与 为 年 月 日 新 大 中 发展 推进 工作 会议 召开 举行 调研 座谈".split()
NEWEST, OLDEST = "春耕", "疫情"
SEPARATORS = ["", "", "，", "。", " ", "、"]

QUERIES = ["三明", "沪明", "滬明", "上海", "明", "沪", "網", NEWEST, OLDEST, "对口合作", "三明治", "三明 -三明治",
           "沪明 OR 永安", "(明溪 OR 永安) 签约", "title:三明", "title:明", '"对口 合作"', "上海 -永安", "-三明", "",
           "明 -三", "sanming", f"{NEWEST} OR {OLDEST}", f"{OLDEST} 三明", "三明 签约 永安", "合作区", "沪 三明",
           "art", "art OR -article", "沪明2026", '"三明，合作"', "title:(沪明 OR 永安)", "三明 -(明治 OR 永安)", "-明 三"]

# store.search / pipeline.query settings; the reference sorts every match and never walks.
NO_JOIN = {"JOIN_MOST": 0}
REFERENCE = {"RARE": 10**9, "TOPIC_RARE": 10**9, "TOPIC_WALK": 0, **NO_JOIN}
STRATEGIES = {
    "sorted": {**REFERENCE, "WALK_BUDGET": 10**9},
    "walked": {"RARE": 1, "TOPIC_RARE": 0, "LONG_WALK": 10**9, **NO_JOIN},
    "walked-small-slices-listed": {"RARE": 1, "TOPIC_RARE": 0, "LONG_WALK": 10**9, "MAX_SLICE": 24, "GAP": 8,
                                   "SPARSE": 0, **NO_JOIN},
    "walked-never-listed": {"RARE": 1, "TOPIC_RARE": 0, "LONG_WALK": 10**9, "MAX_SLICE": 100, "GAP": 64,
                            "SPARSE": 10**9, **NO_JOIN},
    "walked-then-sorted": {"RARE": 1, "TOPIC_RARE": 10**9, "TOPIC_WALK": 1, "LONG_WALK": 64, "ROWS_PER_MATCH": 1,
                           "MAX_SLICE": 32, "GAP": 16, **NO_JOIN},
    "walked-then-sorted-at-once": {"RARE": 1, "TOPIC_RARE": 10**9, "TOPIC_WALK": 1, "LONG_WALK": 1,
                                   "ROWS_PER_MATCH": 0, "WALK_BUDGET": 1, **NO_JOIN},
    # SQLite walks the index against the set of matches: for every match count, never giving
    # up; giving up after a few rows per match (the sorting going on from there); after one row
    # (RARE 1: inside a topic, matches all counted are sorted at once, never joined)
    "joined": {"RARE": 1, "JOIN_SPREAD": 0, "TOPIC_JOIN_SPREAD": 0, "JOIN_MOST": 10**9, "JOIN_ROWS": 10**9,
               "TOPIC_WALK": 1, "WALK_BUDGET": 10**9},
    "joined-then-sorted": {"RARE": 1, "JOIN_SPREAD": 0, "TOPIC_JOIN_SPREAD": 0, "JOIN_MOST": 10**9, "JOIN_ROWS": 0.4,
                           "TOPIC_WALK": 1},
    "joined-then-sorted-at-once": {"RARE": 1, "JOIN_SPREAD": 0, "TOPIC_JOIN_SPREAD": 0, "JOIN_MOST": 10**9,
                                   "JOIN_ROWS": 0, "TOPIC_WALK": 1},
    "scaled-down": {"RARE": 12, "COMMON": 1, "TOPIC_RARE": 80, "TOPIC_WALK": 20, "LONG_WALK": 120,
                    "ROWS_PER_MATCH": 3, "MAX_SLICE": 96, "GAP": 40, "SPARSE": 2, "WALK_BUDGET": 150,
                    "JOIN_SPREAD": 4, "JOIN_MOST": 300, "JOIN_ROWS": 4},
    "one-character-walks": {**REFERENCE, "WALK_BUDGET": 10**9, "MAX_SLICE": 40},
    "one-character-gives-up": {"RARE": 30, "TOPIC_RARE": 60, "TOPIC_WALK": 10, "WALK_BUDGET": 70, "COMMON": 1},
    # every expression counted from the newest (`_fts_probed`): found whole by the probe, estimated
    # from it (walked, the first slice sized), or the rest counted below it (sorted, or past RARE walked)
    "probed": {"MANY_TERMS": 1, "PROBE": 3, "RARE": 12, "TOPIC_RARE": 40, "TOPIC_WALK": 10, "MAX_SLICE": 64},
    "probed-then-counted": {"MANY_TERMS": 1, "PROBE": 2, "RARE": 10**6, "TOPIC_RARE": 10**6, "TOPIC_WALK": 0},
    "probed-counted-walked": {"MANY_TERMS": 1, "PROBE": 2, "RARE": 9, "JOIN_MOST": 0, "LONG_WALK": 50,
                              "ROWS_PER_MATCH": 1},
}
LAYOUTS = {"forward": 0.0, "backfilled": 0.3, "archive-newest-first": 1.0}  # share of articles added after, older


def _text(rng: random.Random, n: int, words: tuple[str, ...] = ()) -> str:
    pool = list(WORDS) + list(words) * 3
    parts = [rng.choice(pool) if rng.random() < 0.3 else rng.choice(FILLER) for _ in range(n)]
    return "".join(p + rng.choice(SEPARATORS) for p in parts).strip()


def _plan(rng: random.Random, n: int, backfill: float) -> list[datetime | None]:
    """Publication dates in insertion order: a `backfill` share of articles come after the
    others with older dates (an archive imported later); one in twelve is undated."""
    dates = sorted(BASE + timedelta(hours=rng.randint(0, HOURS)) for _ in range(n))
    late = int(n * backfill)
    cut = dates[:late][::-1] if backfill == 1.0 else rng.sample(dates[:n // 2], late)
    rest = [d for d in dates if d not in cut] if backfill != 1.0 else []
    planned: list[datetime | None] = [*rest, *cut][:n]
    while len(planned) < n:  # dates drawn twice
        planned.append(rng.choice(dates))
    future = BASE.replace(year=BASE.year + 2)  # a mistyped year: dated after the undated articles' fetch time
    return [None if rng.random() < 1 / 12 else future if rng.random() < 0.02 else d for d in planned]


def build(path, seed: int, backfill: float, n: int = 900) -> None:
    """A store of `n` articles: reposts folded into earlier stories (some losing the term their
    original has), four sources, about a third of the articles in the topic; a few deleted."""
    rng = random.Random(seed)
    store = Store.open(path)
    dates = _plan(rng, n, backfill)
    known = sorted(d for d in dates if d)
    newest, oldest = known[int(len(known) * 0.9)], known[int(len(known) * 0.1)]
    written: list[tuple[int, str, str]] = []  # story id, title, body
    with store.transaction():  # one commit: the test's time goes to searching
        for i, published in enumerate(dates):
            _add(store, rng, seed, i, published, (newest, oldest), written)
        for gone in rng.sample(range(1, n + 1), n // 30):  # removed later: gaps in the ids, stories led anew
            store.delete_article(gone)
            store.set_match(gone + 1, Match(topic="hu-ming", matched=False, score=0.0))
    store.close()


def _add(store: Store, rng: random.Random, seed: int, i: int, published: datetime | None,
         edges: tuple[datetime, datetime], written: list[tuple[int, str, str]]) -> None:
    """One article: new, or a repost of one written before; maybe in the topic."""
    newest, oldest = edges
    extra = (NEWEST,) if published and published >= newest else (OLDEST,) if published and published <= oldest else ()
    story = None
    if written and rng.random() < 0.25:  # a repost: another outlet's copy, a word or two changed
        story, title, body = rng.choice(written)
        body = body.replace(rng.choice(WORDS), rng.choice(FILLER), 1) + rng.choice(FILLER)
    else:
        title, body = _text(rng, 5, extra), _text(rng, rng.randint(8, 40), extra)
    art = Article(url=f"http://gen.example/{seed}/{i}", title=title, paragraphs=(body,), published=published)
    aid, sid = store.add_article(art, source=f"src{rng.randrange(4)}", canonical_url=art.url,
                                 content_hash=f"{seed}-{i}", story_id=story, band_keys=[])
    written.append((sid, title, body))
    if rng.random() < (0.6 if "沪明" in body or "滬明" in body else 0.25):
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=1.0))


def _filters(rng: random.Random) -> dict:
    """Filters as `search_page` takes them: none, one or two of source, since, until, topic."""
    def day() -> datetime:
        return BASE + timedelta(hours=rng.randint(0, HOURS))
    one = [{}, {"source": "src1"}, {"since": day()}, {"until": day()}, {"topic": "hu-ming"}]
    a, b = rng.choice(one), rng.choice(one)
    both = {**a, **b}
    if "since" in both and "until" in both and both["since"] > both["until"]:
        both["since"], both["until"] = both["until"], both["since"]
    return both


def cases(seed: int, n: int) -> list[tuple[str, dict, bool, str, int, int]]:
    """(query, filters, articles, sort, limit, offset): every query, random filters and pages."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        q = QUERIES[k % len(QUERIES)]
        limit = rng.choice([1, 5, 7, 20, 60, 400])
        offset = rng.choice([0, 0, limit, 3 * limit, 13])
        out.append((q, _filters(rng), rng.random() < 0.5, "relevance" if rng.random() < 0.15 else "date", limit, offset))
    return out


@contextmanager
def forced(settings: dict):
    """The store's and the query's strategy settings, as given, for the duration."""
    with pytest.MonkeyPatch.context() as mp:
        for name, value in settings.items():
            mp.setattr(pipeline_query if name == "WALK_BUDGET" else store_search, name, value)
        yield


def shown(page) -> list[tuple[int, int, tuple[int, ...]]]:
    """What a page shows: each result's id, story and reposts."""
    return [(r["id"], r["story_id"], tuple(p["id"] for p in r["reposts"])) for r in page.results]


@pytest.fixture(scope="module", params=list(LAYOUTS))
def world(request, tmp_path_factory):
    """(layout, Context, the cases, each case's reference page and whether more follow)."""
    layout = request.param
    tmp = tmp_path_factory.mktemp(layout)
    seed = list(LAYOUTS).index(layout) + 7
    build(tmp / "s.db", seed, LAYOUTS[layout])
    (tmp / "monitor.toml").write_text(CONFIG.format(db=(tmp / "s.db").as_posix()), encoding="utf-8")
    ctx = Context(config.load(tmp / "monitor.toml"), Store.open(tmp / "s.db"))
    chosen = cases(seed, 80)
    everything: dict = {}
    expected = []
    with forced(REFERENCE):
        for q, filters, articles, sort, limit, offset in chosen:
            key = (q, tuple(sorted(filters.items())), articles, sort)
            if key not in everything:
                everything[key] = shown(search_page(ctx, q, articles=articles, sort=sort, limit=0, **filters))
            full = everything[key]
            expected.append((full[offset:offset + limit], len(full) > offset + limit))
    yield layout, ctx, chosen, expected, everything
    ctx.store.close()


def test_the_cases_are_not_vacuous(world):
    """Most references hold a few results and not everything; walks have matches to skip over."""
    _, _, _, expected, everything = world
    sizes = [len(full) for full in everything.values()]
    assert sum(1 for s in sizes if s > 0) > 0.8 * len(sizes)
    assert sum(1 for page, more in expected if page and more) > len(expected) / 4
    assert any(len({r[1] for r in full}) < len(full) for full in everything.values())  # reposts folded


@pytest.mark.parametrize("strategy", list(STRATEGIES))
def test_every_strategy_gives_the_pages_of_sorting_every_match(world, strategy):
    layout, ctx, chosen, expected, _ = world
    with forced(STRATEGIES[strategy]):
        for (q, filters, articles, sort, limit, offset), (want, more) in zip(chosen, expected, strict=True):
            page = search_page(ctx, q, articles=articles, sort=sort, limit=limit, offset=offset, **filters)
            got = shown(page)
            assert (got, page.more) == (want, more), (layout, strategy, q, filters, articles, sort, limit, offset)


def test_the_joined_walks_run_and_give_up_as_set(world):
    """The joined strategies above are what they say: SQLite's walk runs in every world, never
    gives up with no row budget, and gives up (the sorting going on) with a small one."""
    _, ctx, chosen, _, _ = world
    real = store_search.SearchPart._joined
    calls = {"walks": 0, "gave up": 0}

    def counted(self, *args):
        calls["walks"] += 1
        try:
            yield from real(self, *args)
        except store_search.WalkBudget:
            calls["gave up"] += 1
            raise
    for strategy, gives_up in (("joined", False), ("joined-then-sorted", True)):
        calls.update({"walks": 0, "gave up": 0})
        with forced(STRATEGIES[strategy]), pytest.MonkeyPatch.context() as mp:
            mp.setattr(store_search.SearchPart, "_joined", counted)
            for q, filters, articles, sort, limit, offset in chosen:
                search_page(ctx, q, articles=articles, sort=sort, limit=limit, offset=offset, **filters)
        assert calls["walks"] > len(chosen) / 2, (strategy, calls)
        assert (calls["gave up"] > 0) == gives_up, (strategy, calls)
