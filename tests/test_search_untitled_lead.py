"""`monitor search`'s table heads a story whose first copy came without a title by its copies'
title, as the web's lists do (`pipeline.query.headed`)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from delivery_world import monitor_cli

BODY = "三明市与上海市共建的对口合作产业园今天签约了第二批项目，两地企业代表出席了签约仪式。"
TITLE = "沪明产业园第二批项目签约"


def test_a_story_whose_first_copy_is_untitled_is_listed_under_its_copies_title(tmp_path):
    """Its earliest copy (a wire's feed line) has no title, two later copies have one: the table
    listed the story with an empty title cell, though the web showed the copies' title."""
    (tmp_path / "monitor.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    day = datetime.now(timezone.utc) - timedelta(days=2)
    lines = [{"url": f"https://paper{k}.example.cn/n/{k}.html", "source": f"报{k}", "title": title, "body": BODY,
              "published": (day + timedelta(hours=k)).isoformat()}
             for k, title in enumerate(("", TITLE, TITLE))]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    done = monitor_cli(tmp_path, "import", str(tmp_path / "a.jsonl"))
    assert done.returncode == 0, done.stderr
    shown = monitor_cli(tmp_path, "search", "产业园")
    assert shown.returncode == 0, shown.stderr
    assert TITLE in shown.stdout, shown.stdout
    assert "+2" in shown.stdout, shown.stdout  # one story: its lead and two copies
    exported = json.loads(monitor_cli(tmp_path, "search", "产业园", "--format", "json").stdout)
    assert [r["title"] for r in exported] == [""], exported  # an export gives the lead article's own fields
