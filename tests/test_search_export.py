"""`monitor search --format excel > file.csv`: the search results as a file a press office opens
in a spreadsheet. A plain UTF-8 CSV opens garbled in Excel on a Chinese Windows (it reads the
system's code page, GBK), and a headline a page wrote as `=HYPERLINK(…)` becomes a live formula.
Run as a user runs it: the CLI in its own process, its output redirected to a file."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import datetime, timezone

from monitor.models import Article, Match
from monitor.store import Store

TITLES = ["=HYPERLINK(\"http://evil.example/\",\"沪明对口合作\")", "+上海三明对口合作", "@三明", "-沪明合作新进展",
          "沪明对口合作项目签约"]


def store_with_titles(tmp_path):
    store = Store.open(tmp_path / "s.db")
    for i, title in enumerate(TITLES):
        art = Article(url=f"https://news.example.cn/a/{i}.html", title=title,
                      paragraphs=(f"上海市与三明市深化对口合作，第{i}个项目落地。",),
                      published=datetime(2026, 12, 1, 2, i, tzinfo=timezone.utc))
        aid, _ = store.add_article(art, source="desk", canonical_url=art.url, content_hash=str(i), story_id=None, band_keys=[])
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    store.close()
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(f'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{(tmp_path / "s.db").as_posix()}"\n',
                   encoding="utf-8")
    return cfg


def export(tmp_path, cfg, fmt: str) -> bytes:
    out = tmp_path / f"out.{fmt}.csv"
    with out.open("wb") as f:
        subprocess.run([sys.executable, "-m", "monitor", "--config", str(cfg), "search", "--limit", "0",
                        "--format", fmt], stdout=f, check=True, timeout=60)
    return out.read_bytes()


def test_the_excel_export_is_marked_utf8_and_its_formulas_are_text(tmp_path):
    cfg = store_with_titles(tmp_path)
    data = export(tmp_path, cfg, "excel")
    assert data.startswith(b"\xef\xbb\xbf")  # the mark that makes Excel read UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    titles = {r["title"] for r in rows}
    assert titles == {"'" + t if t[0] in "=+@-" else t for t in TITLES}
    assert all(r["snippet"].startswith("上海市与三明市") for r in rows)


def test_the_csv_export_for_programs_stays_as_it_was(tmp_path):
    cfg = store_with_titles(tmp_path)
    data = export(tmp_path, cfg, "csv")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert {r["title"] for r in csv.DictReader(io.StringIO(data.decode("utf-8")))} == set(TITLES)
