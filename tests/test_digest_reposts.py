"""A story copied by hundreds of sites: its digest entry names a few outlets, one link each,
and says how many more there are, instead of a wall of thousands of links (a 260 KB email for
5,000 copies) or a webhook body of megabytes. The story's page (`web.base_url`) lists them all."""

from __future__ import annotations

import json

import pytest
from delivery_world import quick_webhooks, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.pipeline.deliver import MAX_REPOSTS_SHOWN
from monitor.store import Store

BODY = ("上海市与三明市深化对口合作，两地共建的产业园区迎来首批企业入驻，涉及新材料和智能制造等领域。\n"
        "园区负责人介绍，今年以来双方互派干部挂职，在招商推介、人才培养和医疗服务方面推进多个项目。")


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


def copies(n: int) -> list[str]:
    """One story: the original and n copies, from n - 5 outlets (the first outlet six times)."""
    lines = []
    for i in range(n + 1):
        outlet = "outlet0" if i <= 6 else f"outlet{i - 6}"
        lines.append(json.dumps({"url": f"https://{outlet}.example.cn/a/{i}.html", "source": outlet,
                                 "title": "沪明共建产业园迎来首批企业", "body": BODY,
                                 "published": f"2026-12-01T{8 + i // 60:02d}:{i % 60:02d}:00+08:00"},
                                ensure_ascii=False))
    return lines


def test_a_story_of_many_copies_names_a_few_outlets_and_counts_the_rest(tmp_path, webhook_receiver):
    path = write_config(tmp_path / "monitor.toml", [
        {"kind": "file", "path": str(tmp_path / "out" / "{date}.txt")},
        {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/j"}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    report = import_lines(ctx, copies(300))
    assert (report.new, report.reposts) == (1, 300)
    results = send_digests(ctx)
    assert [r.status for r in results] == ["sent", "sent"]
    (text,) = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()]
    listed = text.split("also reported by: ")[1].splitlines()[0]
    assert listed.count("https://") == MAX_REPOSTS_SHOWN  # one link for each of the first outlets
    assert listed.count("outlet0.example.cn") == 1  # the original's own outlet is not named again
    assert f"+{300 - MAX_REPOSTS_SHOWN} more" in listed
    (request,) = webhook_receiver.requests
    (story,) = json.loads(request.body)["stories"]
    assert len(story["reposts"]) == MAX_REPOSTS_SHOWN and all(r["url"] for r in story["reposts"])
    assert story["more_reposts"] == 300 - MAX_REPOSTS_SHOWN
    assert len(request.body) < 20_000


def test_a_story_of_few_copies_lists_them_all(tmp_path):
    path = write_config(tmp_path / "monitor.toml", [{"kind": "file", "path": str(tmp_path / "out" / "{date}.txt")}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    import_lines(ctx, copies(3))
    assert send_digests(ctx)[0].status == "sent"
    (text,) = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()]
    listed = text.split("also reported by: ")[1].splitlines()[0]
    assert listed.count("https://") == 3 and "more" not in listed
