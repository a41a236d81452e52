"""An export of a year (`monitor search --limit 0 --format csv|json`) held every row in memory,
bodies included, before writing the first: at 200,000 generated articles a 50,000-row CSV took
321 MB and wrote nothing for 6.6 s. Rows are read and written a batch at a time; what the export
holds no longer grows with its length."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.models import Article, Match
from monitor.store import Store

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
ROWS = 1200


@pytest.fixture(scope="module")
def cfg(tmp_path_factory):
    work = tmp_path_factory.mktemp("export")
    store = Store.open(work / "s.db")
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for i in range(ROWS):
        url = f"https://n{i % 40}.example.cn/{i}.html"
        body = f"沪明对口合作第{i}篇报道。" + "".join(f"第{k}段：上海与三明在产业、文旅、人才方面深化合作，编号{i}-{k}。"
                                            for k in range(90))
        art = Article(url=url, title=f"沪明合作报道第{i}篇", paragraphs=(body,), published=start + timedelta(hours=6 * i))
        aid, _ = store.add_article(art, source=f"s{i % 40}", canonical_url=url, content_hash=str(i), story_id=None,
                                   band_keys=[])
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    store.close()
    path = work / "monitor.toml"
    path.write_text(CONFIG.format(db=(work / "s.db").as_posix()), encoding="utf-8")
    return path


PEAKS: list[int] = []


def _export(cfg, limit: int, fmt: str) -> tuple[str, int]:
    """The output and the peak of Python's memory while its rows were read and written: from the
    first row read (loading the config and the character table come before, the same for any
    export) to the last written (not the test runner's copy of the output)."""
    PEAKS.clear()
    tracemalloc.start()
    try:
        result = CliRunner().invoke(main, ["--config", str(cfg), "search", "--articles", "--limit", str(limit),
                                           "--format", fmt, "沪明"], catch_exceptions=False)
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    return result.stdout, PEAKS[0] if PEAKS else 0


@pytest.mark.parametrize("fmt", ["csv", "urls"])
def test_an_exports_memory_does_not_grow_with_its_rows(cfg, fmt, monkeypatch):
    from monitor.commands import query
    from monitor.store.search import SearchPart

    monkeypatch.setattr("monitor.pipeline.query.BATCH", 100, raising=False)  # a batch: a twelfth of the export
    rows_of = SearchPart.article_rows
    started: list[bool] = []

    def article_rows(self, ids):
        if not started:
            started.append(True)
            tracemalloc.reset_peak()
        return rows_of(self, ids)

    monkeypatch.setattr(SearchPart, "article_rows", article_rows)
    printed = query._print_results

    def print_results(*args, **kw):
        printed(*args, **kw)
        PEAKS.append(tracemalloc.get_traced_memory()[1])

    monkeypatch.setattr(query, "_print_results", print_results)
    _export(cfg, 5, fmt)  # modules loaded before measuring
    started.clear()
    small_out, small = _export(cfg, 300, fmt)
    started.clear()
    out, whole = _export(cfg, 0, fmt)
    if fmt == "csv":
        rows = [r["title"] for r in csv.DictReader(io.StringIO(out))]
        assert len(rows) == ROWS and rows[0] == f"沪明合作报道第{ROWS - 1}篇" and rows[-1] == "沪明合作报道第0篇"
    else:
        assert len(out.split()) == ROWS
    # beyond the output itself, which the test runner keeps in memory (in a buffer that doubles), it
    # holds nothing more for 1,200 rows than for 300; it held every row, bodies and all: ~4×
    grown = 2 * (len(out.encode()) - len(small_out.encode())) + 300_000
    assert whole - small < grown, (small, whole, grown)


def test_the_json_export_is_what_one_list_was(cfg):
    """Written an item at a time, the JSON is the same text `json.dumps(list, indent=2)` made."""
    out, _ = _export(cfg, 3, "json")
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    empty = CliRunner().invoke(main, ["--config", str(cfg), "search", "--format", "json", "三明治"])
    assert empty.stdout == "[]\n"
