"""`monitor import` of archives as other programs write them (faults-import-5, session 31).
Real processes, real SQLite files."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from delivery_world import monitor_cli as monitor

TOPIC = 'include = ["monitor:topics/hu-ming.toml"]\n'


def published(tmp_path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as conn:
        return [p for (p,) in conn.execute("SELECT published FROM articles ORDER BY id")]


def write_lines(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_dates_as_java_dotnet_and_fine_unix_clocks_write_them_are_read(tmp_path):
    """Java's ZonedDateTime (`…+0800[Asia/Shanghai]`, Jackson's default), .NET's JSON date
    (`/Date(ms+0800)/`), Unix time in microseconds and nanoseconds, and a compact stamp to the hour
    (yyyyMMddHH) or the millisecond. Was: the first four refused ('is not a date'), and
    '2026120308' read as Unix seconds, 2034-03-16, silently."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    given = ["2026-12-03T08:00:00.000+0800[Asia/Shanghai]", "2026-12-03T08:00[Asia/Shanghai]",
             "/Date(1764720000000+0800)/", 1764720000000000, "1764720000000000000", "2026120308",
             2026120308, 20261203080000123, 1764720000]
    rows = [{"url": f"https://news.example.cn/a/{i}.html", "title": f"沪明合作第{i}篇", "published": when,
             "body": f"上海市与三明市签订对口合作协议，两地共建第{i}个产业园。"} for i, when in enumerate(given)]
    result = monitor(tmp_path, "import", str(write_lines(tmp_path / "in.jsonl", rows)))
    assert result.returncode == 0 and "9 new" in result.stdout, result.stdout + result.stderr
    assert published(tmp_path) == ["2026-12-03T00:00:00+00:00"] * 2 + ["2025-12-03T00:00:00+00:00"] * 3 + \
        ["2026-12-03T00:00:00+00:00"] * 3 + ["2025-12-03T00:00:00+00:00"]
