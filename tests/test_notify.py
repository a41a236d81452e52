"""notify.py against real servers on 127.0.0.1: aiosmtpd for email, http.server for webhooks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
from dataclasses import replace
from email.utils import parseaddr, parsedate_to_datetime

import pytest
from conftest import SMTP_PASSWORD, SMTP_USER

from monitor import digest as dg
from monitor import notify
from monitor.config import Channel
from monitor.errors import NotifyError
from monitor.models import Digest

SECRET = "SEC-test-secret-沪明"  # non-ASCII on purpose: HMAC keys are UTF-8 bytes


@pytest.fixture(autouse=True)
def no_backoff_no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notify.webhook, "POLICY", replace(notify.webhook.POLICY, base=0.0))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)  # a developer's proxy must not swallow 127.0.0.1


def send(channel: Channel, digest: Digest, **kw: object) -> str:
    """Render for the channel as the pipeline does, then deliver."""
    return notify.send(channel, dg.outgoing(digest, channel.kind, channel.format), **kw)


def email_channel(port: int, **kw: object) -> Channel:
    base = {"kind": "email", "to": ("press@example.org", "office@example.org"),
            "sender": "monitor@sanming.example.cn", "smtp_host": "127.0.0.1", "smtp_port": port, "security": "none"}
    return Channel(**{**base, **kw})


# ---------------------------------------------------------------- email

def test_email_delivers_chinese_multipart_digest(smtp_server, sample_digest: Digest) -> None:
    line = send(email_channel(smtp_server.port), sample_digest, timeout=5)
    assert line == f"email to 2 recipients via 127.0.0.1:{smtp_server.port}"
    envelope = smtp_server.envelopes[0]
    assert envelope.mail_from == "monitor@sanming.example.cn"
    assert envelope.rcpt_tos == ["press@example.org", "office@example.org"]
    msg = smtp_server.parsed()
    assert msg["Subject"] == "沪明对口合作、文旅协作 digest · 2026-11-26 · 4 stories"
    assert [parseaddr(a)[1] for a in msg["To"].split(",")] == ["press@example.org", "office@example.org"]
    assert msg.get_content_type() == "multipart/alternative"
    assert parsedate_to_datetime(msg["Date"]).tzinfo is not None
    assert msg["Message-ID"].endswith("@sanming.example.cn>")
    assert msg["X-Monitor-Digest-Id"] == dg.digest_id(sample_digest)
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "上海市与【三明】市在沪签署新一轮【对口合作】框架协议" in text
    assert '<span style="background-color:#fff3a0">三明</span>' in html and "&lt;沙县小吃&gt;" in html
    assert "<mark" not in html  # Outlook gives <mark> no look: the e-mail marks with a coloured span
    assert text == dg.render(sample_digest, "text")


def test_a_resent_email_has_the_same_message_id(smtp_server, sample_digest: Digest) -> None:
    message = dg.plan(sample_digest, "email", "text", "email:press@example.org")[0]
    notify.send(email_channel(smtp_server.port), message, timeout=5)
    notify.send(email_channel(smtp_server.port), message, timeout=5)
    first, again = smtp_server.parsed(0), smtp_server.parsed(1)
    assert first["Message-ID"] == again["Message-ID"] == f"<{message.key}.monitor@sanming.example.cn>"
    assert first["X-Monitor-Message-Id"] == message.key
    other = dg.plan(sample_digest, "email", "text", "email:office@example.org")[0]
    notify.send(email_channel(smtp_server.port), other, timeout=5)
    assert smtp_server.parsed(2)["Message-ID"] != first["Message-ID"]


def test_email_subject_header_is_encoded_ascii_on_the_wire(smtp_server, sample_digest: Digest) -> None:
    send(email_channel(smtp_server.port), sample_digest, timeout=5)
    raw = smtp_server.envelopes[0].original_content
    raw.decode("ascii")  # RFC 2047 headers and base64 bodies: safe through any relay
    assert b"Subject: =?utf-8?" in raw


def test_email_logs_in_with_password_from_environment(smtp_server, sample_digest, monkeypatch) -> None:
    monkeypatch.setenv("TEST_SMTP_PASSWORD", SMTP_PASSWORD)
    ch = email_channel(smtp_server.port, username=SMTP_USER, password_env="TEST_SMTP_PASSWORD")
    send(ch, sample_digest, timeout=5)
    assert smtp_server.logins == [SMTP_USER] and len(smtp_server.envelopes) == 1


def test_email_wrong_password_is_a_notify_error(smtp_server, sample_digest, monkeypatch) -> None:
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong")
    ch = email_channel(smtp_server.port, username=SMTP_USER, password_env="TEST_SMTP_PASSWORD")
    with pytest.raises(NotifyError, match="SMTP login as monitor refused") as err:
        send(ch, sample_digest, timeout=5)
    assert "TEST_SMTP_PASSWORD" in err.value.hint
    assert smtp_server.envelopes == []


def test_email_missing_password_variable_is_named(smtp_server, sample_digest, monkeypatch) -> None:
    monkeypatch.delenv("TEST_SMTP_PASSWORD", raising=False)
    ch = email_channel(smtp_server.port, username=SMTP_USER, password_env="TEST_SMTP_PASSWORD")
    with pytest.raises(NotifyError, match="TEST_SMTP_PASSWORD is not set"):
        send(ch, sample_digest, timeout=5)


def test_email_username_without_password_env(smtp_server, sample_digest) -> None:
    with pytest.raises(NotifyError, match="no password_env"):
        send(email_channel(smtp_server.port, username=SMTP_USER), sample_digest, timeout=5)


def test_email_refused_connection_has_a_hint(unused_port: int, sample_digest: Digest) -> None:
    with pytest.raises(NotifyError, match=f"127.0.0.1:{unused_port}") as err:
        send(email_channel(unused_port), sample_digest, timeout=5)
    assert "smtp_host/smtp_port" in err.value.hint


def test_email_starttls_against_a_server_without_it(smtp_server, sample_digest) -> None:
    with pytest.raises(NotifyError, match="does not support") as err:
        send(email_channel(smtp_server.port, security="starttls"), sample_digest, timeout=5)
    assert "security" in err.value.hint


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_email_over_tls(smtp_tls_server, sample_digest, monkeypatch, mode: str) -> None:
    server = smtp_tls_server(mode)
    monkeypatch.setenv("TEST_SMTP_PASSWORD", SMTP_PASSWORD)
    ch = email_channel(server.port, security=mode, username=SMTP_USER, password_env="TEST_SMTP_PASSWORD")
    assert send(ch, sample_digest, timeout=5).endswith(f"({mode})")
    assert server.parsed()["Subject"] == dg.subject(sample_digest)


def test_email_tls_to_a_plain_server_fails_cleanly(smtp_server, sample_digest) -> None:
    with pytest.raises(NotifyError, match=f"TLS with 127.0.0.1:{smtp_server.port} failed") as err:
        send(email_channel(smtp_server.port, security="ssl"), sample_digest, timeout=5)
    assert "465" in err.value.hint


def test_email_untrusted_certificate_is_refused(smtp_tls_server, sample_digest, monkeypatch) -> None:
    server = smtp_tls_server("ssl")
    monkeypatch.delenv("SSL_CERT_FILE")  # back to the system's trust store, which lacks our test CA
    with pytest.raises(NotifyError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        send(email_channel(server.port, security="ssl"), sample_digest, timeout=5)
    assert server.envelopes == []


# ---------------------------------------------------------------- webhook

def hook(receiver, fmt: str = "json", path: str = "/hook", **kw: object) -> Channel:
    return Channel(kind="webhook", url=receiver.url + path, format=fmt, **kw)


def test_webhook_json_with_signature_and_digest_id(webhook_receiver, sample_digest, monkeypatch) -> None:
    monkeypatch.setenv("TEST_HOOK_SECRET", SECRET)
    line = send(hook(webhook_receiver, secret_env="TEST_HOOK_SECRET"), sample_digest, timeout=5)
    assert line == "webhook json to 127.0.0.1 (HTTP 200)"
    (req,) = webhook_receiver.requests
    assert req.method == "POST" and req.path == "/hook"
    assert req.headers["content-type"].startswith("application/json")
    assert req.headers["x-monitor-digest-id"] == dg.digest_id(sample_digest)
    expected = hmac.new(SECRET.encode(), req.body, hashlib.sha256).hexdigest()
    assert req.headers["x-monitor-signature"] == f"sha256={expected}"
    body = req.json()
    message = dg.outgoing(sample_digest, "webhook", "json")
    assert body == message.payload and body["message_id"] == message.key
    assert req.headers["idempotency-key"] == req.headers["x-monitor-message-id"] == message.key
    assert body["stories"][0]["title"] == "三明与上海签署新一轮对口合作框架协议"


def test_webhook_unsigned_has_no_signature(webhook_receiver, sample_digest) -> None:
    send(hook(webhook_receiver), sample_digest, timeout=5)
    assert "x-monitor-signature" not in webhook_receiver.requests[0].headers


def test_dingtalk_signature_in_query(webhook_receiver, sample_digest, monkeypatch) -> None:
    monkeypatch.setenv("TEST_HOOK_SECRET", SECRET)
    webhook_receiver.reply_body = b'{"errcode":0,"errmsg":"ok"}'
    ch = hook(webhook_receiver, "dingtalk", "/robot/send?access_token=tok123", secret_env="TEST_HOOK_SECRET")
    send(ch, sample_digest, timeout=5)
    req = webhook_receiver.requests[0]
    assert req.query["access_token"] == ["tok123"]
    ts, sign = req.query["timestamp"][0], req.query["sign"][0]
    mac = hmac.new(SECRET.encode(), f"{ts}\n{SECRET}".encode(), hashlib.sha256).digest()
    assert sign == base64.b64encode(mac).decode()  # parse_qs undid the URL-encoding: + and / survived
    assert len(ts) == 13  # milliseconds
    assert req.json()["msgtype"] == "markdown"


def test_feishu_signature_in_body(webhook_receiver, sample_digest, monkeypatch) -> None:
    monkeypatch.setenv("TEST_HOOK_SECRET", SECRET)
    webhook_receiver.reply_body = b'{"code":0,"msg":"success"}'
    send(hook(webhook_receiver, "feishu", secret_env="TEST_HOOK_SECRET"), sample_digest, timeout=5)
    body = webhook_receiver.requests[0].json()
    mac = hmac.new(f"{body['timestamp']}\n{SECRET}".encode(), b"", hashlib.sha256).digest()
    assert body["sign"] == base64.b64encode(mac).decode()
    assert len(body["timestamp"]) == 10  # seconds
    assert body["msg_type"] == "post"


@pytest.mark.parametrize("fmt, keys", [("slack", {"text", "blocks"}), ("wecom", {"msgtype", "markdown"}),
                                       ("markdown", {"text"}), ("dingtalk", {"msgtype", "markdown"}),
                                       ("feishu", {"msg_type", "content"}), ("json", {"stories", "digest_id"})])
def test_each_format_posts_its_shape(webhook_receiver, sample_digest, fmt: str, keys: set) -> None:
    send(hook(webhook_receiver, fmt), sample_digest, timeout=5)
    req = webhook_receiver.requests[0]
    assert keys <= set(req.json())
    assert req.json() == dg.outgoing(sample_digest, "webhook", fmt).payload
    assert req.headers["x-monitor-digest-id"] == dg.digest_id(sample_digest)


def test_webhook_retries_after_a_500(webhook_receiver, sample_digest) -> None:
    webhook_receiver.fail(1, 500)
    line = send(hook(webhook_receiver), sample_digest, timeout=5)
    assert line == "webhook json to 127.0.0.1 (HTTP 200, 2 attempts)"
    ids = {r.headers["x-monitor-digest-id"] for r in webhook_receiver.requests}
    assert len(webhook_receiver.requests) == 2 and len(ids) == 1  # the receiver can drop the duplicate


def test_webhook_persistent_500_is_a_notify_error(webhook_receiver, sample_digest) -> None:
    webhook_receiver.fail(10, 500)
    with pytest.raises(NotifyError, match="HTTP 500 after 4 attempts"):
        send(hook(webhook_receiver), sample_digest, timeout=5)
    assert len(webhook_receiver.requests) == 4


def test_webhook_429_honours_short_retry_after(webhook_receiver, sample_digest) -> None:
    webhook_receiver.fail(1, 429, {"Retry-After": "0"})
    assert "2 attempts" in send(hook(webhook_receiver), sample_digest, timeout=5)


def test_webhook_429_with_long_retry_after_gives_up_now(webhook_receiver, sample_digest) -> None:
    webhook_receiver.fail(1, 429, {"Retry-After": "3600"})
    with pytest.raises(NotifyError, match="HTTP 429") as err:
        send(hook(webhook_receiver), sample_digest, timeout=5)
    assert len(webhook_receiver.requests) == 1 and "rate-limited" in err.value.hint


def test_webhook_404_is_not_retried(webhook_receiver, sample_digest) -> None:
    webhook_receiver.fail(1, 404)
    with pytest.raises(NotifyError, match="HTTP 404") as err:
        send(hook(webhook_receiver, path="/robot/send?access_token=tok-secret-123"), sample_digest, timeout=5)
    assert len(webhook_receiver.requests) == 1 and "url" in err.value.hint
    assert "tok-secret-123" not in str(err.value)  # the token in a webhook URL is a secret


def test_webhook_platform_error_in_a_200(webhook_receiver, sample_digest) -> None:
    webhook_receiver.reply_body = json.dumps({"errcode": 310000, "errmsg": "sign not match"}).encode()
    with pytest.raises(NotifyError, match="310000 sign not match"):
        send(hook(webhook_receiver, "dingtalk"), sample_digest, timeout=5)


def test_webhook_refused_connection(unused_port: int, sample_digest) -> None:
    ch = Channel(kind="webhook", url=f"http://127.0.0.1:{unused_port}/hook", format="json")
    with pytest.raises(NotifyError, match="failed after 4 attempts: ConnectError") as err:
        send(ch, sample_digest, timeout=5)
    assert "reachable" in err.value.hint


@pytest.mark.parametrize("url", [None, "ftp://example.org/hook", "http:///hook"])
def test_webhook_bad_url(url, sample_digest) -> None:
    with pytest.raises(NotifyError, match="valid http"):
        send(Channel(kind="webhook", url=url, format="json"), sample_digest, timeout=5)


def test_webhook_missing_secret_variable(webhook_receiver, sample_digest, monkeypatch) -> None:
    monkeypatch.delenv("TEST_HOOK_SECRET", raising=False)
    with pytest.raises(NotifyError, match="TEST_HOOK_SECRET is not set"):
        send(hook(webhook_receiver, secret_env="TEST_HOOK_SECRET"), sample_digest, timeout=5)
    assert webhook_receiver.requests == []


# ---------------------------------------------------------------- file and stdout

def test_file_channel_writes_the_expected_path(tmp_path, sample_digest) -> None:
    ch = Channel(kind="file", path=str(tmp_path / "digests" / "{subscriber}" / "{date}.md"), format="markdown")
    line = send(ch, sample_digest)
    target = tmp_path / "digests" / "press" / "2026-11-26.md"
    assert target.read_text(encoding="utf-8") == dg.render(sample_digest, "markdown")
    assert line.startswith(f"file {target} (")
    assert [p.name for p in target.parent.iterdir()] == ["2026-11-26.md"]  # no temp file left behind


def test_file_channel_writes_a_retry_once_and_keeps_subscriber_inside(tmp_path, sample_digest) -> None:
    import dataclasses

    d = dataclasses.replace(sample_digest, subscriber="../沪明 办公室")
    ch = Channel(kind="file", path=str(tmp_path / "{subscriber}-{date}.txt"), format="text")
    send(ch, d)
    send(ch, d)  # the same digest again (sent, then a crash before it was recorded): one file
    (only,) = tmp_path.iterdir()
    assert only.name == "_沪明_办公室-2026-11-26.txt"


def test_a_second_digest_of_the_day_does_not_replace_the_first(tmp_path, sample_digest) -> None:
    """Was: a hand-run `monitor digest` and the scheduled one on the same day wrote the same
    {date} file: the first digest's stories, recorded as delivered, were gone from it."""
    import dataclasses

    ch = Channel(kind="file", path=str(tmp_path / "{subscriber}-{date}.md"), format="markdown")
    later = dataclasses.replace(sample_digest, stories=sample_digest.stories[:1])
    first, second = dg.render(sample_digest, "markdown"), dg.render(later, "markdown")
    assert first != second
    line = send(ch, sample_digest)
    assert send(ch, later).startswith(f"file {tmp_path / 'press-2026-11-26-2.md'} (")
    send(ch, later)  # a retry of the second: still two files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["press-2026-11-26-2.md", "press-2026-11-26.md"]
    assert (tmp_path / "press-2026-11-26.md").read_text(encoding="utf-8") == first
    assert (tmp_path / "press-2026-11-26-2.md").read_text(encoding="utf-8") == second
    assert line.startswith(f"file {tmp_path / 'press-2026-11-26.md'} (")


def test_a_path_without_a_date_holds_the_latest_digest(tmp_path, sample_digest) -> None:
    import dataclasses

    ch = Channel(kind="file", path=str(tmp_path / "latest.md"), format="markdown")
    send(ch, sample_digest)
    later = dataclasses.replace(sample_digest, stories=sample_digest.stories[:1])
    send(ch, later)
    assert [p.name for p in tmp_path.iterdir()] == ["latest.md"]
    assert (tmp_path / "latest.md").read_text(encoding="utf-8") == dg.render(later, "markdown")


def test_file_channel_unwritable_path(tmp_path, sample_digest) -> None:
    (tmp_path / "blocker").write_text("a file, not a directory")
    ch = Channel(kind="file", path=str(tmp_path / "blocker" / "x.txt"), format="text")
    with pytest.raises(NotifyError, match="cannot write") as err:
        send(ch, sample_digest)
    assert "permissions" in err.value.hint


def test_stdout_channel_writes_to_the_given_stream(sample_digest) -> None:
    out = io.StringIO()
    line = send(Channel(kind="stdout", format="text"), sample_digest, out=out)
    assert out.getvalue() == dg.render(sample_digest, "text")
    assert line == "stdout (text, 4 stories)"


def test_stdout_rejects_a_webhook_format(sample_digest) -> None:
    with pytest.raises(NotifyError, match="stdout channel: unknown digest format 'slack'"):
        send(Channel(kind="stdout", format="slack"), sample_digest, out=io.StringIO())


def test_unknown_channel_kind(sample_digest) -> None:
    with pytest.raises(NotifyError, match="unknown channel kind"):
        send(Channel(kind="pigeon"), sample_digest)
