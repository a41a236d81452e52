"""`monitor import` of the files archives really come as: dates in the forms exports write, UTF-16
from Windows tools, GBK, JSON arrays; each bad line one error naming it and the fix, the rest
imported, never a traceback. Real processes and SQLite files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from monitor.errors import InputError
from monitor.pipeline.importer import parse_when

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'


def article(i: int, **more: object) -> dict:
    return {"url": f"https://archive.example.cn/{i}.html", "title": f"三明市第{i}次工作会议召开",
            "body": f"三明市召开第{i}次工作会议，部署森林防火和春耕生产。会议要求各地压实责任。", **more}


def jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def run_import(tmp_path: Path, data: bytes, *extra: str) -> subprocess.CompletedProcess:
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "in.jsonl").write_bytes(data)
    return subprocess.run([sys.executable, "-c", "from monitor.cli import main; main()", "--config",
                           str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"), "import",
                           str(tmp_path / "in.jsonl"), *extra],
                          capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)


def stored(tmp_path: Path) -> dict[str, str | None]:
    with sqlite3.connect(tmp_path / "m.db") as conn:
        return dict(conn.execute("SELECT url, published FROM articles"))


UTC = timezone.utc
AT_0930_SHANGHAI = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)


@pytest.mark.parametrize("value", [
    "2026-11-20T09:30:00+08:00", "2026-11-20T01:30:00Z", "2026-11-20 09:30", "2026-11-19T20:30:00-05:00",
    "2026/11/20 09:30", "2026.11.20 09:30:00", "2026年11月20日 09:30", "2026年11月20日9时30分",
    "Fri, 20 Nov 2026 01:30:00 GMT", "Fri, 20 Nov 2026 09:30:00 +0800", 1795138200, "1795138200",
    1795138200000, "1795138200000"])
def test_published_in_the_forms_exports_write(value):
    """Was: every form but ISO 8601 skipped the line (an RSS reader's export, a CMS's Chinese dates,
    a database's Unix time)."""
    assert parse_when(value, 3) == AT_0930_SHANGHAI


def test_a_date_alone_is_midnight_in_shanghai():
    assert parse_when("2026年11月20日", 1) == parse_when("2026/11/20", 1) == datetime(2026, 11, 19, 16, tzinfo=UTC)


@pytest.mark.parametrize(("value", "problem", "hint"), [
    ("11/20/2026", "is not a date", "write the year first"), ("20.11.2026", "is not a date", "write the year first"),
    ("next Tuesday", "is not a date", "ISO 8601"), (True, "is not a date", "ISO 8601"),
    ("2026-11-20T25:00:00", "is not a date", "ISO 8601"), ("2026年13月40日", "is not a date", "ISO 8601"),
    ("0001-01-01", "is out of range", "between 1900"), ("1899-12-31", "is out of range", "between 1900"),
    ("9999-12-31T23:59:59-10:00", "is out of range", "between 1900")])
def test_a_date_that_cannot_be_read_names_the_line_and_the_fix(value, problem, hint):
    with pytest.raises(InputError) as caught:
        parse_when(value, 7)
    assert str(caught.value).startswith(f"line 7: published {value!r} {problem}") and hint in str(caught.value)


def test_a_date_out_of_range_skips_its_line_and_the_rest_land(tmp_path):
    """Was: an OverflowError traceback (year 1 in Shanghai is year 0 in UTC) and nothing after
    that line imported; in a worker process, the whole import died."""
    rows = [article(i, published="2026-11-20") for i in range(300)]
    rows[7]["published"] = "0001-01-01"
    rows[250]["published"] = "9999-12-31T23:59:59-10:00"
    result = run_import(tmp_path, jsonl(rows).encode())
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr[-2000:]
    assert "300 lines: 298 new" in result.stdout
    assert "skipped: line 8: published '0001-01-01' is out of range" in result.stderr
    assert "skipped: line 251: published '9999-12-31T23:59:59-10:00' is out of range" in result.stderr


def test_dates_in_many_forms_land_in_utc(tmp_path):
    forms = ["2026年11月20日 09:30", "Fri, 20 Nov 2026 01:30:00 GMT", 1795138200, "2026-11-20T09:30:00+08:00"]
    result = run_import(tmp_path, jsonl([article(i, published=f) for i, f in enumerate(forms)]).encode())
    assert result.returncode == 0, result.stderr
    assert set(stored(tmp_path).values()) == {"2026-11-20T01:30:00+00:00"}


def test_a_utf16_file_from_a_windows_tool_is_read(tmp_path):
    """Was: every line skipped as not UTF-8 (PowerShell's Out-File and Excel's 'Unicode text' write
    UTF-16 with a byte order mark)."""
    text = jsonl([article(i) for i in range(3)]).replace("\n", "\r\n")
    for encoding in ("utf-16", "utf-16-be"):
        data = text.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
        result = run_import(tmp_path, data)
        assert result.returncode == 0, result.stderr
    assert len(stored(tmp_path)) == 3


def test_a_gbk_or_big5_export_is_read_as_written_and_named_once_per_kind(tmp_path):
    """Was: every line of a GBK export skipped (with the iconv command), one stderr line each:
    50,000 lines of output for a 50,000-article file, and nothing imported."""
    rows = [article(i) for i in range(30)]
    big5 = {"url": "https://archive.example.cn/tw.html", "title": "滬明兩地簽署合作協議",
            "body": "上海市與三明市簽署新一輪對口合作協議，兩地將深化產業協作。"}
    data = jsonl(rows).encode("gb18030") + jsonl([big5]).encode("big5") + jsonl([article(99)]).encode()
    result = run_import(tmp_path, data)
    assert result.returncode == 0, result.stderr
    assert "32 lines: 32 new" in result.stdout
    assert result.stderr.count("warning: line ") == 6  # five GBK lines named, then the Big5 one
    assert "warning: line 1: read as GB18030 (GBK), not UTF-8" in result.stderr
    assert "warning: … and 25 more lines like these: read as GB18030 (GBK), not UTF-8" in result.stderr
    assert result.stderr.count("\n") == 7
    assert "warning: line 31: read as Big5, not UTF-8" in result.stderr
    with sqlite3.connect(tmp_path / "m.db") as conn:
        titles = {t for (t,) in conn.execute("SELECT title FROM articles")}
    assert {"三明市第0次工作会议召开", "三明市第29次工作会议召开", "滬明兩地簽署合作協議"} <= titles


def test_bytes_that_are_no_chinese_text_are_still_skipped_as_not_utf8(tmp_path):
    latin = '{"url": "https://a.example.org/x", "title": "Caf\xe9", "body": "d\xe9j\xe0 vu"}\n'.encode("latin-1")
    result = run_import(tmp_path, latin + jsonl([article(1)]).encode())
    assert result.returncode == 1 and "1 new" in result.stdout
    assert "skipped: line 1: not UTF-8 (byte 0xe9 at offset " in result.stderr
    assert "save the file as UTF-8" in result.stderr


def test_a_json_array_is_named_as_one(tmp_path):
    """Among JSON lines (a file that opens with an array is read as one: test_import_packed_faults)."""
    data = jsonl([article(3)]) + json.dumps([article(1), article(2)], ensure_ascii=False) + "\n"
    result = run_import(tmp_path, data.encode())
    assert result.returncode == 1
    assert "skipped: line 2: a JSON array, not one object per line" in result.stderr
    assert "jq -c '.[]'" in result.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_an_import_run_again_does_no_work_for_what_is_stored(tmp_path, monkeypatch, workers):
    """Was: every line stored by the first run was normalised, matched, fingerprinted and
    tokenised again before the writer saw it was stored (a 50,000-line file run again: 70 s of
    CPU to store nothing). Here the second run's `prepare` fails if it is called at all (the
    forked workers inherit the patch); the line the first run lacked is still prepared."""
    from monitor import config
    from monitor.pipeline import Context, import_lines, importer
    from monitor.store import Store

    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    cfg = config.load(tmp_path / "monitor.toml", tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    lines = [json.dumps(article(i), ensure_ascii=False).encode() + b"\n" for i in range(400)]
    first = import_lines(ctx, lines[:-1], workers=workers)
    assert first.new + first.reposts == 399 and not first.errors

    def refuse(cfg, topics, art, source, canonical, **given):
        if art.url != article(399)["url"]:
            raise RuntimeError(f"prepared again: {art.url}")
        return real(cfg, topics, art, source, canonical, **given)

    real = importer.prepare
    monkeypatch.setattr(importer, "prepare", refuse)
    again = import_lines(ctx, lines, workers=workers)
    assert again.errors == [] and again.duplicates == 399 and again.new + again.reposts == 1


def test_many_alike_bad_lines_are_named_five_times_then_counted(tmp_path):
    data = b"".join(b'{"url": "https://a.example.cn/%d", "title": "t"}\n' % i for i in range(40)) + jsonl([article(1)]).encode()
    result = run_import(tmp_path, data)
    assert result.returncode == 1 and "41 lines: 1 new" in result.stdout and "40 skipped" in result.stdout
    lines = result.stderr.splitlines()
    assert lines[:5] == [f'skipped: line {n}: needs "title" and "body" strings, or "html" (see `monitor import --help`)'
                         for n in range(1, 6)]
    assert lines[5:] == ['skipped: … and 35 more lines like these: needs "title" and "body" strings, or "html" '
                         '(see `monitor import --help`)']


def test_a_date_in_the_future_is_kept_and_named_in_a_warning(tmp_path):
    rows = [article(1, published="2099-11-20"), article(2, published="2026-11-20T09:30:00+08:00")]
    result = run_import(tmp_path, jsonl(rows).encode())
    assert result.returncode == 0, result.stderr
    assert "2 lines: 2 new" in result.stdout
    assert result.stderr.splitlines() == ["warning: line 1: published '2099-11-20' is in the future; it is kept, and sorts "
                                          "first in newest-first search until then"]
    assert stored(tmp_path)["https://archive.example.cn/1.html"] == "2099-11-19T16:00:00+00:00"


def test_a_line_with_neither_title_nor_text_is_skipped_not_stored_blank(tmp_path):
    """An export's placeholder row (`"title": "", "body": ""`, or only spaces) was stored as an
    article with nothing in it: a blank row in search and in the archive's counts."""
    rows = [article(1), {"url": "https://archive.example.cn/2.html", "title": "", "body": ""},
            {"url": "https://archive.example.cn/3.html", "title": "  ", "body": " \n \u3000"},
            {"url": "https://archive.example.cn/4.html", "title": "三明市发布寒潮预警", "body": ""}]
    done = run_import(tmp_path, jsonl(rows).encode("utf-8"))
    assert done.returncode == 1, done.stderr
    assert "line 2: no title and no text (nothing to store)" in done.stderr
    assert "line 3: no title and no text" in done.stderr
    with sqlite3.connect(tmp_path / "m.db") as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT url FROM articles"))
    assert urls == ["https://archive.example.cn/1.html", "https://archive.example.cn/4.html"]  # a headline alone is kept
