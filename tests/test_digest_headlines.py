"""A headline with a line break in it (an export's or a feed's stacked kicker and title,
`引题\\n主标题`) is one line in every digest: a line break inside a Markdown or Slack link cut
the link in two, so the chat app showed the raw brackets and half a headline, and the text
email's numbered line went on unnumbered. Real SQLite, a real receiver on 127.0.0.1."""

from __future__ import annotations

import json
import re

import pytest
from delivery_world import quick_webhooks, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

KICKER, HEAD = "两地携手共谋发展", "三明与上海签署新一轮对口合作协议"


def stacked_world(tmp_path, channel):
    cfg = config.load(write_config(tmp_path / "monitor.toml", [channel]), tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    line = {"url": "https://news.example.cn/a/1.html", "source": "东南网\n 福建频道", "title": f"{KICKER}\n\t{HEAD}",
            "body": "上海市与三明市深化对口合作，两地合作共建产业园，签约项目十二个，总投资超过百亿元。"}
    assert import_lines(ctx, [json.dumps(line, ensure_ascii=False)]).matched == 1
    return ctx


@pytest.mark.parametrize("fmt", ["wecom", "dingtalk", "markdown", "slack"])
def test_a_stacked_headline_is_one_link_in_each_chat_format(tmp_path, webhook_receiver, monkeypatch, fmt):
    quick_webhooks(monkeypatch)
    ctx = stacked_world(tmp_path, {"kind": "webhook", "format": fmt, "url": webhook_receiver.url + "/hook"})
    assert send_digests(ctx)[0].status == "sent"
    text = json.dumps(webhook_receiver.requests[0].json(), ensure_ascii=False)
    body = json.loads(text)
    shown = (body.get("markdown", {}).get("content") or body.get("markdown", {}).get("text") or body.get("text", "")
             if fmt != "slack" else next(b["text"]["text"] for b in body["blocks"] if b["type"] == "section"))
    link = (rf"\[{KICKER} {HEAD}\]\(https://news\.example\.cn/a/1\.html\)" if fmt != "slack"
            else rf"<https://news\.example\.cn/a/1\.html\|{KICKER} {HEAD}>")
    assert re.search(link, shown), shown
    assert "东南网 福建频道" in shown


def test_a_stacked_headline_is_one_numbered_line_in_the_text_digest(tmp_path):
    path = tmp_path / "digest.txt"
    ctx = stacked_world(tmp_path, {"kind": "file", "format": "text", "path": str(path)})
    assert send_digests(ctx)[0].status == "sent"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert f"1. {KICKER} {HEAD}" in lines
    assert any(line.strip().startswith("东南网 福建频道 · ") for line in lines)
