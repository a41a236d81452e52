"""A chat robot's answer cut short: HTTP 200, then the connection closed before its body came.

A WeCom, DingTalk or Feishu robot answers HTTP 200 to every message it is sent and says in the
body whether it posted it (`{"errcode":0}`) or not (`{"errcode":45009}`, too many messages). A
200 whose body was cut before that word (a proxy restarting, a connection reset) counted as
posted: when it had said 45009, the message and its stories were lost. Now such an answer is a
message of unknown fate: it goes once more, at the next try, marked as sent again. A body cut
after its code is read as the code says; a `json` receiver's 200 stands as it did (its status is
its answer). Real sockets on 127.0.0.1."""

from __future__ import annotations

import socket

import pytest
from delivery_world import counts, read_request
from test_delivery_stalls import Stalling, hook, send_in_time, servers, world  # noqa: F401 (servers: a fixture)

OK = {"wecom": b'{"errcode":0,"errmsg":"ok"}', "dingtalk": b'{"errcode":0,"errmsg":"ok"}',
      "feishu": b'{"code":0,"msg":"success","data":{}}', "json": b'{"ok":true}'}


def cutting(first: bytes, requests: list[bytes]):
    """The first answer: 200, a Content-Length for 60 bytes, `first` of them, then the connection
    closed; the later ones whole."""
    def answer(s: Stalling, conn: socket.socket) -> None:
        requests.append(read_request(conn))
        if len(requests) == 1:
            s.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n" + first)
            conn.shutdown(socket.SHUT_RDWR)
            return
        body = OK[fmt_of(requests[-1])]
        s.send(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
               % (len(body), body))
    return answer


def fmt_of(request: bytes) -> str:
    body = request.partition(b"\r\n\r\n")[2]
    return "wecom" if b'"msgtype":"markdown"' in body and b'"markdown":{"content"' in body else (
        "dingtalk" if b'"msgtype"' in body else "feishu" if b'"msg_type"' in body else "json")


@pytest.mark.parametrize(("fmt", "first"), [("wecom", b'{"errc'), ("dingtalk", b""), ("feishu", b'{"co'),
                                            ("wecom", b'{"errcode":4')])  # 45009 cut: no code read
def test_a_robots_200_cut_before_its_code_goes_once_more_marked(tmp_path, servers, fmt, first):  # noqa: F811
    requests: list[bytes] = []
    servers.append(srv := Stalling(cutting(first, requests)))
    _, ctx = world(tmp_path, hook(srv.port, fmt), n=3)
    result = send_in_time(ctx)
    assert result.status == "error" and "may have it" in result.detail, result.detail
    assert len(requests) == 1  # not again in the same run: the robot may have posted it
    again = send_in_time(ctx)
    assert again.status == "sent", again.detail
    assert len(requests) == 2 and b"x-monitor-resend: 1" in requests[1].lower()
    assert b"x-monitor-resend" not in requests[0].lower()
    assert counts([r.decode() for r in requests[1:]]) == dict.fromkeys(range(3), 1)  # nothing lost


@pytest.mark.parametrize(("fmt", "first"), [("wecom", b'{"errcode":0,'), ("json", b""), ("json", b'{"o')])
def test_an_answer_whose_verdict_came_before_the_cut_stands(tmp_path, servers, fmt, first):  # noqa: F811
    requests: list[bytes] = []
    servers.append(srv := Stalling(cutting(first, requests)))
    _, ctx = world(tmp_path, hook(srv.port, fmt), n=3)
    assert send_in_time(ctx).status == "sent"
    assert send_in_time(ctx).status == "empty" and len(requests) == 1


def test_a_refusal_cut_after_its_code_is_a_refusal(tmp_path, servers):  # noqa: F811
    requests: list[bytes] = []
    servers.append(srv := Stalling(cutting(b'{"errcode":45009,"errmsg":"api freq', requests)))
    _, ctx = world(tmp_path, hook(srv.port, "wecom"), n=3)
    result = send_in_time(ctx)
    assert result.status == "error" and "45009" in result.detail and "may have it" not in result.detail, result.detail
    assert send_in_time(ctx).status == "sent"
    assert len(requests) == 2 and b"x-monitor-resend" not in requests[1].lower()  # it was never posted
