"""A webhook "answer" that is a web page: a login page of an office's proxy, a captive portal,
or a url pointing at a site instead of the robot. It came with HTTP 200, so the digest was
recorded as delivered and its stories were never sent again: the group never saw them. A
robot (DingTalk, WeCom, Feishu) always answers JSON, and no receiver answers a POST with a whole
HTML document; such an answer is now an error that says what came back, and the message waits
for the next run. A real receiver on 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import quick_webhooks, webhook_world

from monitor.pipeline import send_digests

PORTAL = ("<!DOCTYPE html>\n<html><head><title>上网认证</title></head><body><form action=\"/login\">"
          "请输入工号和密码</form></body></html>").encode()


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


@pytest.mark.parametrize("fmt", ["json", "dingtalk", "wecom", "feishu", "slack", "markdown"])
def test_a_web_page_answered_with_200_is_not_a_delivery(tmp_path, webhook_receiver, fmt):
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/robot/send?access_token=t0k", fmt)
    webhook_receiver.reply_body = PORTAL
    (run,) = send_digests(ctx)
    assert run.status == "error" and run.pending == 1, run.detail
    assert "web page" in run.detail and "上网认证" in run.detail and "t0k" not in run.detail
    webhook_receiver.reply_body = b'{"errcode":0,"errmsg":"ok"}' if fmt != "slack" else b"ok"
    (again,) = send_digests(ctx)
    assert again.status == "sent" and again.pending == 0, again.detail
    bodies = [r.body for r in webhook_receiver.requests]
    assert len(bodies) == 2 and bodies[0] == bodies[1]  # the same message, once accepted
    assert send_digests(ctx)[0].status == "empty"


@pytest.mark.parametrize("answer", [b"ok", b"<p>received</p>", b"", b'{"errcode":0,'])
def test_short_answers_and_a_cut_json_are_still_taken(tmp_path, webhook_receiver, answer):
    """A receiver's own short reply (Flask's `return "<p>received</p>"` is text/html), an empty
    body, or a robot's JSON cut short by the connection: taken, as before (sending again would
    repeat a message a group may have seen)."""
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", "dingtalk" if answer.startswith(b"{") else "json")
    webhook_receiver.reply_body = answer
    (run,) = send_digests(ctx)
    assert run.status == "sent" and run.pending == 0, run.detail


def test_a_gbk_portal_page_is_named_by_its_title_read_as_gbk(tmp_path, webhook_receiver):
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", "wecom")
    webhook_receiver.reply_body = PORTAL.decode().replace("<head>", '<head><meta charset="gbk">').encode("gbk")
    (run,) = send_digests(ctx)
    assert run.status == "error" and "上网认证" in run.detail, run.detail
