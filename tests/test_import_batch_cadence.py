"""An import's batches are cut by their size, not by the second a poll's batch keeps: on a busy
machine, into a large store, an import wrote a batch (its commit, its FTS5 segment, its read of
old signatures) every ~100 articles and slowed as the store grew (0.72x at 200k articles). What
it stores is the same however its batches are cut. Real SQLite files; the batch clock is a
counter (each reading 1.2 s on), as a slow machine's would be."""

from __future__ import annotations

import importlib
import json
import random

from monitor.pipeline.importer import import_lines

ingest = importlib.import_module("monitor.pipeline.ingest")  # the module (`pipeline.ingest` names its function)
importer = importlib.import_module("monitor.pipeline.importer")

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'
WORDS = ("上海", "三明", "对口合作", "产业园", "签约", "文旅", "医疗", "专家", "沙县", "永安", "项目", "企业",
         "乡村振兴", "人才", "交流", "投资", "推介会", "线路", "旅行社", "园区")
HEADERS = ("来源：三明日报\n", "本报讯 记者 林某\n", "【东南网】")
FOOTERS = ("\n（完）", "\n责任编辑：陈某", "\n（来源：福建日报）")


def _lines() -> list[bytes]:
    """Twelve stories of 2019 (one date in three days), each but the last three reposted once
    with another header and footer, mixed in after their originals."""
    rows: list[dict] = []
    for i in range(12):
        r = random.Random(i)
        body = "\n".join("，".join("".join(r.choice(WORDS) + r.choice("市县区镇乡村") for _ in range(5))
                                   for _ in range(6)) + "。" for _ in range(5))
        rows.append({"url": f"http://paper.example.cn/{i}.html", "title": f"沪明合作第{i}项{WORDS[i]}",
                     "body": body, "published": f"2019-05-{1 + i % 3:02d}T08:00:00+08:00", "source": f"s{i % 3}"})
    for i in range(9):
        o = rows[i]
        rows.insert(2 * i + 2, {**o, "url": f"http://copy.example.cn/{i}.html", "source": "copy",
                                "body": HEADERS[i % 3] + o["body"] + FOOTERS[i % 3]})
    return [json.dumps(row, ensure_ascii=False).encode() + b"\n" for row in rows]


class _SlowClock:
    """`time` as the ingestor reads it, 1.2 s on at each reading (past a poll's batch second)."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 1.2
        return self.now


def _stored(ctx) -> tuple[list, list, list, list]:
    """What an import left: each address's story (as the address of the story's first article),
    verdicts by address, and the ids a search finds, by address."""
    store = ctx.store
    first = {r["story_id"]: r["url"] for r in store.query(
        "SELECT story_id, url FROM articles WHERE id IN (SELECT min(id) FROM articles GROUP BY story_id)")}
    stories = sorted((r["url"], first[r["story_id"]]) for r in store.query("SELECT url, story_id FROM articles"))
    verdicts = sorted((r["url"], r["topic"]) for r in store.query(
        "SELECT a.url, t.topic FROM article_topics t JOIN articles a ON a.id = t.article_id"))
    found = sorted(r["url"] for r in store.query(
        "SELECT url FROM articles WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", ["产业"]))
    return stories, verdicts, found, sorted(first.values())


def _begun(ctx, lines: list[bytes]) -> tuple[object, list[str]]:
    """Import `lines` in this process; the report and the write transactions begun."""
    begun: list[str] = []
    ctx.store.conn.set_trace_callback(lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None)
    try:
        report = import_lines(ctx, lines, workers=0)
    finally:
        ctx.store.conn.set_trace_callback(None)
    return report, begun


def test_a_slow_import_still_writes_whole_batches(ctx, monkeypatch):
    """Was: each article read the clock 1.2 s after the last, past the poll's 1 s, so each of the 21
    was a batch of its own (21 write transactions); now the import's one batch holds them."""
    monkeypatch.setattr(ingest, "time", _SlowClock())
    report, begun = _begun(ctx, _lines())
    assert (report.new, report.reposts, report.errors) == (12, 9, []), report
    assert len(begun) < 10, begun  # the batch, and the run's few own writes around it (4 here)


def test_how_an_import_is_cut_into_batches_changes_nothing_it_stores(ctx, tmp_path, monkeypatch):
    """The same lines imported as one batch and as one batch an article (how the poll's second
    cut them on a slow enough machine) leave the same stories, reposts, verdicts and search hits."""
    from monitor import config
    from monitor.pipeline import Context
    from monitor.store import Store

    whole, _ = _begun(ctx, _lines())
    one = _stored(ctx)
    monkeypatch.setattr(importer, "IMPORT_BATCH_SECONDS", 0.0)
    other = Context(config.load(tmp_path / "monitor.toml", tmp_path / "apart.db"), Store.open(tmp_path / "apart.db"))
    try:
        apart, begun = _begun(other, _lines())
        assert len(begun) >= 21, begun  # one batch an article
        assert _stored(other) == one
    finally:
        other.store.close()
    assert (whole.new, whole.reposts, whole.matched) == (apart.new, apart.reposts, apart.matched) == (12, 9, whole.matched)
    assert len(one[3]) == 12 and whole.matched > 0, (one[3], whole.matched)
