"""Webhooks: one JSON POST per message, signed per platform, retried on transient failures.

In: a webhook `Channel` and an `Outgoing` with a `payload`. Out: one line with the HTTP status,
or NotifyError with what to check. Never logs or shows the URL: it carries tokens.

Each try has `fetch.timeout` in all (connect, send, headers, answer), as a page fetch has, and
reads at most ANSWER_BYTES of the answer: a receiver that drips its answer or streams without
end (a URL pointing at an event stream) cannot hold the digest, and the delivery lock, for ever.
Once the status line is in, a 2xx stands even when the rest of the answer never comes: the
receiver took the message, and sending it again would be the duplicate. A chat robot's is the
exception: it answers 200 to every message and says in the body whether it posted it, so one cut
before its code is a message of unknown fate.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import re
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import httpx

from .. import __version__
from ..config import Channel
from ..decode import decode_html, normalize_charset
from ..errors import NotifyError
from ..lenient import install
from ..models import RESEND_PATIENCE, Outgoing
from ..retry import RetryPolicy, parse_retry_after
from .quoted import one_line
from .secrets import env

USER_AGENT = f"monitor/{__version__} (digest delivery)"
# Transient failures only, backoff 1-2-4 s with jitter; a receiver asking (Retry-After) for more
# than 30 s gets its answer at the next run. The policy itself is shared with fetch (retry.py).
# Past these in-request retries, the outbox retries the message at later runs (pipeline/deliver).
POLICY = RetryPolicy(retries=3, base=1.0, max_backoff=4.0, retry_after_cap=30.0)
T = TypeVar("T")
# A gateway's "the receiver behind me did not answer in time" (nginx's 504, Cloudflare's 524): it
# had the whole message, as our own timeout's receiver had (`_Unanswered`)
GATEWAY_GAVE_UP = (504, 524)
# Cloudflare's 520 and a proxy's 502 (nginx: "upstream prematurely closed connection"): the server
# behind answered nothing it could read (an empty answer, the connection reset), after the whole
# message may have gone on: as our own receiver closing without an answer. nginx answers 502 alike
# when the receiver was down; which it was cannot be known, so a 502 is not posted again in the run
# (four unmarked copies before) but once at the retry, marked as sent again
GATEWAY_LOST_ANSWER = (502, 520)
ANSWER_BYTES = 64 * 1024  # of a receiver's answer: its status, a platform's error code, an excerpt
MAX_HOPS = 5  # 307/308 redirects followed in one try
# A receiver's answer is read as the fetcher reads a page (`Content-Type : …`, a firewall's stray
# line): refused, a message the receiver took counted as failed and went again at every run.
install()


class _Stalled(Exception):
    """A try that used up its budget before the receiver's status line came."""


class _Unanswered(Exception):
    """The receiver had the whole request, then gave no status line: the connection closed or
    broke, or the budget ran out (`stalled`). It may have taken the message: a chat robot posts
    it at once, so a POST sent again now would show twice."""

    def __init__(self, cause: BaseException, stalled: bool) -> None:
        super().__init__(str(cause))
        self.cause, self.stalled = cause, stalled


def dingtalk_sign(timestamp: str, secret: str) -> str:
    """DingTalk's signature: base64(HMAC-SHA256(key=secret, msg="timestamp\\nsecret")); timestamp in ms."""
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(timestamp: str, secret: str) -> str:
    """Feishu's signature: base64(HMAC-SHA256(key="timestamp\\nsecret", msg=b"")); timestamp in s."""
    digest = hmac.new(f"{timestamp}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def body_signature(body: bytes, secret: str) -> str:
    """Our own `X-Monitor-Signature` value: `sha256=` + hex HMAC-SHA256 of the exact body bytes."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def build_request(channel: Channel, message: Outgoing, secret: str | None,
                  now: float | None = None) -> tuple[httpx.URL, bytes, dict[str, str]]:
    """URL, body bytes and headers of the webhook POST, signed when a secret is given."""
    if message.payload is None:
        raise ValueError(f"no {channel.format} payload was rendered for this webhook")
    payload = message.payload
    url, now = httpx.URL(channel.url or ""), time.time() if now is None else now
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT,
               "X-Monitor-Digest-Id": message.digest_id}
    if message.key:  # the same on every retry, so a receiver can drop a repeat
        headers |= {"Idempotency-Key": message.key, "X-Monitor-Message-Id": message.key}
    if message.resend:  # an earlier try may have reached it
        headers["X-Monitor-Resend"] = "1"
    if secret and channel.format == "dingtalk":
        ts = str(int(now * 1000))
        url = url.copy_merge_params({"timestamp": ts, "sign": dingtalk_sign(ts, secret)})
    elif secret and channel.format == "feishu":
        ts = str(int(now))
        payload = {"timestamp": ts, "sign": feishu_sign(ts, secret), **payload}
    # We sign the bytes we send, so serialise once here rather than letting httpx do it.
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    if secret and channel.format not in ("dingtalk", "feishu"):
        headers["X-Monitor-Signature"] = body_signature(body, secret)
    return url, body, headers


def send_webhook(channel: Channel, message: Outgoing, timeout: float, stop: threading.Event | None = None) -> str:
    try:
        host = httpx.URL(channel.url or "").host
    except httpx.InvalidURL:
        host = ""
    if not host or not re.match(r"^https?://", channel.url or ""):
        raise NotifyError("webhook channel needs a valid http(s) url", hint="the webhook's full URL")
    secret = env(channel.secret_env, "webhook signing secret")
    try:
        url, body, headers = build_request(channel, message, secret)
    except ValueError as exc:  # an unknown format
        raise NotifyError(f"webhook to {host}: {exc}") from exc
    # an earlier try went unanswered: this one's answer is waited for longer, not sent a third time
    response, attempts = _post(url, body, headers, host, timeout, stop,
                               answer_wait=timeout * RESEND_PATIENCE if message.resend else 0.0)
    _check(channel.format, response, host, attempts, len(body))
    again = f", {attempts} attempts" if attempts > 1 else ""
    return f"webhook {channel.format} to {host} (HTTP {response.status_code}{again})"


def _post(url: httpx.URL, body: bytes, headers: dict[str, str], host: str, timeout: float,
          stop: threading.Event | None = None, answer_wait: float = 0.0) -> tuple[httpx.Response, int]:
    """POST with retries on connect/read failures, stalls, 408/429/5xx; returns the last response.
    `stop` set (a SIGTERM) ends the waits between tries: the last failure is the message's, and
    it goes at the next run as it is (the receiver never took it), where it held the stop for up
    to a minute and a half (`docker stop` kills after 10 s: it then went again marked as sent again)."""
    retries = POLICY.retries
    for attempt in range(retries + 1):
        try:
            response = _following(url, body, headers, host, timeout, answer_wait)
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise NotifyError(f"webhook to {host}: {exc}", hint="check the webhook url") from exc
        except _Unanswered as exc:  # not again in this run: it may be there already
            why = (f"gave no answer within {max(timeout, answer_wait):g} s" if exc.stalled
                   else f"closed the connection without an answer ({type(exc.cause).__name__})")
            raise NotifyError(f"webhook to {host} took the message but {why}: it may have it",
                              hint="it goes again at the retry, marked as sent again", unsure=True) from exc
        except (httpx.TransportError, _Stalled) as exc:
            if attempt == retries or _pause(stop, POLICY.backoff(attempt)):
                why = (f"no answer within {timeout:g} s" if isinstance(exc, _Stalled)
                       else f"{type(exc).__name__}: {exc}")
                raise NotifyError(f"webhook to {host} failed after {attempt + 1} attempts: {why}",
                                  hint="is the receiver reachable? check the url and any proxy settings",
                                  silent=True) from exc
            continue
        if response.status_code in GATEWAY_GAVE_UP + GATEWAY_LOST_ANSWER:  # not again in this run: it may have it
            why = ("gave up waiting for its answer" if response.status_code in GATEWAY_GAVE_UP
                   else "had no answer of it it could read (an empty one, the connection reset)")
            raise NotifyError(f"webhook to {host} answered HTTP {response.status_code}: a gateway before the receiver "
                              f"{why}, after the message had gone on: it may have it",
                              hint="it goes again at the retry, marked as sent again", unsure=True)
        if not POLICY.transient(response.status_code) or attempt == retries:
            return response, attempt + 1
        delay = POLICY.delay(attempt, response.headers.get("Retry-After"))
        if delay is None or _pause(stop, delay):  # asked to wait past the cap, or stopping: the next run retries
            return response, attempt + 1
    raise AssertionError("unreachable")  # the loop always returns or raises


def _pause(stop: threading.Event | None, seconds: float) -> bool:
    """Wait `seconds` before the next try; True when `stop` was set meanwhile (or already)."""
    if stop is None:
        time.sleep(seconds)
        return False
    return stop.wait(seconds)


def _following(url: httpx.URL, body: bytes, headers: dict[str, str], host: str, timeout: float,
               answer_wait: float = 0.0) -> httpx.Response:
    """One try, going on where a 307 or 308 sends the same POST (body, key and signature
    unchanged) on the same host, up to MAX_HOPS of them; any other answer, and a 307/308 to
    another host or port (it would hand the key, the signature and the digest to whoever the
    answer names), is returned as it is."""
    for _ in range(MAX_HOPS + 1):
        response = asyncio.run(_try(url, body, headers, timeout, answer_wait))
        there = response.headers.get("location")
        if response.status_code not in (307, 308) or not there:
            return response
        try:
            target = url.join(there)
        except httpx.InvalidURL:
            return response
        if not _same_origin(url, target):
            return response
        url = target
    raise NotifyError(f"webhook to {host}: more than {MAX_HOPS} redirects", hint="check the webhook url")


def _same_origin(url: httpx.URL, target: httpx.URL) -> bool:
    """Same host and port, or the same host moved from http to https on the default ports."""
    if target.host != url.host:
        return False
    if (target.scheme, target.port) == (url.scheme, url.port):
        return True
    return (url.scheme, target.scheme) == ("http", "https") and url.port is None and target.port is None


async def _try(url: httpx.URL, body: bytes, headers: dict[str, str], timeout: float,
               answer_wait: float = 0.0) -> httpx.Response:
    """One POST within `timeout` in all; the answer's first ANSWER_BYTES, or what came in time.
    `answer_wait`: from the start, how long its answer is waited for once the body has all gone."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    later = loop.time() + answer_wait
    taken: list[bool] = []

    def deadline() -> float:
        return max(end, later) if taken else end

    async def trace(event: str, info: dict) -> None:
        if event.endswith("send_request_body.complete"):
            taken.append(True)

    async def read(stream: httpx.Response) -> None:
        async for chunk in stream.aiter_bytes():
            answer.extend(chunk)
            if len(answer) >= ANSWER_BYTES:
                break

    async def heard(response: httpx.Response) -> None:
        statuses.append(response.status_code)

    answer, cut, statuses = bytearray(), False, list[int]()
    # no read timeout of httpx's own: `_by` bounds the whole (an answer here at its deadline is read)
    async with httpx.AsyncClient(timeout=httpx.Timeout(timeout, read=None), follow_redirects=False,
                                 event_hooks={"response": [heard]}) as client:
        try:
            stream = await _by(deadline, client.send(client.build_request("POST", url, content=body, headers=headers,
                                                                     extensions={"trace": trace}), stream=True))
        except UnicodeError as exc:  # httpx reads a redirect's Location though it does not follow it, and a
            if not statuses:  # host that is no valid international name (`xn--a.com`) raised idna's error
                raise
            raise NotifyError(f"webhook to {url.host} answered HTTP {statuses[-1]}: moved to an address that is no "
                              f"valid URL ({exc})", hint="check the webhook url, and where the receiver moved") from exc
        except (TimeoutError, httpx.TransportError) as exc:
            if taken:
                raise _Unanswered(exc, stalled=not isinstance(exc, httpx.TransportError)
                                  or isinstance(exc, httpx.TimeoutException)) from exc
            if isinstance(exc, TimeoutError):
                raise _Stalled() from exc
            raise
        try:
            await _by(deadline, read(stream))
        except (TimeoutError, httpx.TransportError):
            cut = True  # the status stands; what came of the answer may be enough (`_check`)
        except httpx.DecodingError:
            pass  # the status stands; its compression was broken: no answer of it to read
        finally:
            await stream.aclose()
    # as the bytes came: a value past ASCII (a raw UTF-8 Location) was decoded, then refused by the ASCII re-encoding
    kept = [(k, v) for k, v in stream.headers.raw if k.lower() in (b"content-type", b"retry-after", b"location")]
    answered = httpx.Response(stream.status_code, headers=kept, content=bytes(answer[:ANSWER_BYTES]),
                              request=stream.request, extensions={"cut": cut})
    if answered.charset_encoding and normalize_charset(answered.charset_encoding) is None:
        # a codec no text is read with (base64, rot13, undefined): httpx decoded the text with it, and
        # raised; read as the pages' decoder reads an unknown charset
        answered.encoding = "utf-8"
    return answered


GRACE = 0.25  # seconds past a deadline for an answer already here to be read


async def _by(end: Callable[[], float], work: Coroutine[Any, Any, T]) -> T:
    """`work`'s result if it is done by `end()` (the loop's clock, asked again when reached: it may
    have moved on), else TimeoutError. An answer that
    came by then and was not yet read (this process stopped past the deadline: SIGSTOP, `docker
    pause`, a paused VM, a starved CPU) is read in GRACE after it: at the deadline, the loop woke
    to the expired timer and the answer at once, and the timer used to win, so a message the
    receiver had answered went again, marked as sent again."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(work)
    done: set = set()
    while not done and (left := end() - loop.time()) > 0:
        done, _ = await asyncio.wait({task}, timeout=left)
    if not done:
        done, _ = await asyncio.wait({task}, timeout=GRACE)
    if not done:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):  # its end, whatever it was, is the timeout
            await task
        raise TimeoutError
    return task.result()


_HINTS = {
    400: "the receiver rejected the payload; check `format`",
    401: "check the url's token and secret_env",
    403: "check the url's token, secret_env and the bot's IP/keyword settings",
    404: "check the webhook url",
    429: "rate-limited; it will go at the next run",
}


def _check(fmt: str, response: httpx.Response, host: str, attempts: int, size: int = 0) -> None:
    """Raise NotifyError unless the receiver accepted the message (of `size` bytes)."""
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if response.status_code == 413:  # a proxy's body limit (nginx: 1 MB): smaller messages get through
        raise NotifyError(f"webhook to {host} answered HTTP 413: the message is too large for it ({size} bytes): "
                          f"{_excerpt(response)}", hint="its stories go again as smaller messages; if one story alone "
                          "is too large, raise the receiver's limit", too_large=size // 2, size=size)
    if response.is_redirect:  # 301/302/303: following would turn the POST into a GET without its body
        try:
            there = response.url.join(response.headers["location"]) if response.has_redirect_location else None
        except httpx.InvalidURL:
            there = None
        where = f" to {there.scheme}://{there.netloc.decode()}/…" if there and there.host else ""  # no path: tokens
        raise NotifyError(f"webhook to {host} answered HTTP {response.status_code}: moved{where}",
                          hint="update the channel's url to where the receiver moved")
    if not response.is_success:
        hint = _HINTS.get(response.status_code, "the receiver is failing; the digest will be retried at the next run"
                          if response.status_code >= 500 else "see the receiver's answer")
        asked = parse_retry_after(response.headers.get("Retry-After")) if POLICY.transient(response.status_code) \
            else None
        if asked and asked > POLICY.retry_after_cap:  # longer than a try waits: the outbox's retry waits it out
            hint = (f"{'rate-limited' if response.status_code == 429 else 'the receiver is failing'}: it asked to "
                    f"be left alone for {_span(asked)} (Retry-After); it goes again at the first run after that")
        raise NotifyError(f"webhook to {host} answered HTTP {response.status_code}{tries}: {_excerpt(response)}",
                          hint=hint, retry_after=asked)
    page = _web_page(response)
    if page is not None:  # a proxy's login page, a captive portal, a url that is a site's, not a receiver's
        raise NotifyError(f"webhook to {host} answered HTTP {response.status_code} with a web page ({page}), "
                          "not a receiver's answer", hint="check the url, and any proxy between here and the receiver")
    refusal = _said_refused(response)
    if refusal:  # a 200 whose words refuse it: taken as sent, the message was lost
        raise NotifyError(f"webhook to {host} answered HTTP {response.status_code} but refused the message: {refusal}",
                          hint="see the receiver's answer; the message goes again at the retry")
    if fmt in _PLATFORMS and response.extensions.get("cut") and not _CODE.search(response.content):
        raise NotifyError(f"webhook to {host} answered HTTP {response.status_code} but its answer was cut short "
                          f"before it said whether the {fmt} robot posted the message: it may have it",
                          hint="it goes again at the retry, marked as sent again", unsure=True)
    problem = _platform_error(fmt, response)
    if problem:
        pause = _RATE_LIMITED.get(problem.split()[0])
        if pause:  # the robot's rate limit (another sender shares it): not before it lets messages in again
            raise NotifyError(f"{fmt} webhook at {host} is rate-limited: {problem}", retry_after=pause,
                              hint=f"the robot takes no messages for a while; it goes again in {pause // 60:g} min")
        feishu = problem.endswith(_FEISHU)
        raise NotifyError(f"{fmt} webhook at {host} refused the message: {problem}",
                          hint="check the url, secret_env (signature) and the bot's keyword/IP settings"
                          if fmt in _PLATFORMS else "the receiver answers as a Feishu robot does: set the channel's "
                          'format to "feishu"' if feishu else "the receiver answers as a WeCom or DingTalk robot "
                          'does: set the channel\'s format to "wecom" or "dingtalk"')


def _span(seconds: float) -> str:
    """A receiver's Retry-After in words: `45 s`, `10 min`, `2 h 30 min`."""
    whole = round(seconds)
    if whole < 120:
        return f"{whole} s"
    hours, minutes = divmod(round(whole / 60), 60)
    return f"{hours} h {minutes} min" if hours and minutes else f"{hours} h" if hours else f"{minutes} min"


_DOCUMENT = re.compile(rb"\s*(?:<\?xml[^>]{0,200}>\s*)?<(?:!doctype\s+html|html[\s>])", re.I)
_TITLE = re.compile(rb"<title[^>]{0,200}>([^<]{0,300})", re.I)


def _web_page(response: httpx.Response) -> str | None:
    """The title (or "untitled") of a whole HTML document answered to our POST, else None. No
    receiver answers a message with a page; a receiver's own short reply (`<p>ok</p>`) is no
    document and stays an answer."""
    body = response.content
    if not _DOCUMENT.match(body):
        return None
    found = _TITLE.search(body)
    title = " ".join(decode_html(found.group(1), response.headers.get("content-type")).split())[:80] if found else ""
    return f"“{title}”" if title else "untitled"


_PLATFORMS = ("dingtalk", "wecom", "feishu")
_FEISHU = " (a Feishu robot's answer)"  # said after the code of a Feishu robot's refusal read in another format
# A robot's code, whole (a digit or a space after it), read from an answer cut short
_CODE = re.compile(rb'"(?:errcode|code|StatusCode)"\s*:\s*(-?\d+)\s*[,}\s]')
# A robot's "too many messages" codes, and how long it then refuses: WeCom's (45009) for the rest
# of its minute, DingTalk's (130101) for ten minutes, Feishu's (11232) for its minute. Sooner
# retries are refused again, and three refusals let a digest's later parts past the first.
_RATE_LIMITED = {"45009": 60.0, "130101": 600.0, "11232": 60.0}


def _platform_error(fmt: str, response: httpx.Response) -> str | None:
    """DingTalk, WeCom and Feishu answer HTTP 200 with an error code in the body. A robot's
    `errcode` is read whatever the channel's format: a WeCom or DingTalk robot set up as `json`
    or `markdown` refuses every message so (40008, invalid message type), which was taken as
    delivered. Another receiver's `code` is its own business (`{"code": 200}`)."""
    try:
        data = response.json()
    except (ValueError, RecursionError):  # an answer cut short after its code (`_check`) says that much;
        # RecursionError: JSON nested past Python's depth, which says nothing in words (the status is the answer)
        found = _CODE.search(response.content) if fmt in _PLATFORMS and response.extensions.get("cut") else None
        return None if found is None or not int(found[1]) else f"{int(found[1])} (the rest of its answer was cut)"
    if not isinstance(data, dict):
        return None
    if fmt not in _PLATFORMS:
        data = {k: v for k, v in data.items() if k in ("errcode", "errmsg")} or _feishu_refusal(data)
    code = _number(data.get("errcode", data.get("code", data.get("StatusCode", 0))))
    if not code:
        return None
    said = one_line(f"{code} {data.get('errmsg') or data.get('msg') or data.get('StatusMessage') or ''}")
    return said + _FEISHU if data.get("feishu") else said


def _number(code: object) -> int:
    """A code as the number it writes: a relay or a gateway may quote it (`"errcode": "0"`, which
    read as a non-zero value was a refusal, the message posted again at every retry); anything
    that writes no whole number (a word, a list, null) is no code."""
    if isinstance(code, str):
        code = code.strip()
        return int(code) if re.fullmatch(r"-?\d{1,18}", code) else 0
    if isinstance(code, float):
        return int(code) if code.is_integer() else 0
    return code if isinstance(code, int) else 0


def _feishu_refusal(data: dict) -> dict:
    """A Feishu robot's refusal read in another format (a Feishu robot set up as `json`, which it
    refuses as 19002, msg_type missing): its answer's shape, `{"code": N, "data": {...}, "msg": "..."}`,
    with N one of its robot codes (9499, 11232, 19001-19099), or its older `StatusCode` beside a
    `StatusMessage`, with the same codes. Another receiver's `code` stays its own (`{"code": 200,
    "data": …}`), as does its `StatusCode`: an endpoint echoing its HTTP status in the body
    (`{"StatusCode": 200, "StatusMessage": "OK"}`) took the message."""
    code, status = data.get("code"), data.get("StatusCode")
    if _feishu_code(code) and isinstance(data.get("msg"), str) and isinstance(data.get("data"), dict):
        return {"errcode": code, "errmsg": data["msg"], "feishu": True}
    if _feishu_code(status) and isinstance(data.get("StatusMessage"), str):
        return {"errcode": status, "errmsg": data["StatusMessage"], "feishu": True}
    return {}


def _feishu_code(code: object) -> bool:
    """One of a Feishu robot's refusal codes: 9499 (bad request), 11232 (rate limit), 19001-19099."""
    return type(code) is int and (code in (9499, 11232) or 19000 < code < 19100)


_FAILED_TEXT = re.compile(r"(?i)^\s*(?:error\b|[^\n]{0,80}\b(?:delivery|message|request) failed\b|[^\n]{0,80}"
                          r"\bfailed with error\b)")


def _said_refused(response: httpx.Response) -> str | None:
    """A 2xx answer that says in words it did not take the message: JSON with `"ok": false` or
    `"success": false` (chat bridges, Slack-style receivers; quoted too, by a relay), a JSend-like
    `"status": "error"` (`_says_no`), or a plain-text answer opening with
    an error (a Teams connector answers 200 with "Webhook message delivery failed with error: …
    429" when it throttles). Anything else stays an acceptance."""
    try:
        data = response.json()
    except (ValueError, RecursionError):  # RecursionError: nested past Python's depth
        data = None
    if isinstance(data, dict):
        key = next((k for k in ("ok", "success", "status") if _says_no(k, data.get(k))), None)
        if key:
            said = data.get("error") or data.get("message") or data.get("msg")
            return one_line(str(said)) if said else f"{key}: {one_line(str(data[key]).lower())}"
        return None
    if data is not None:
        return None
    text = _text(response).strip()
    return _excerpt(response) if text and _FAILED_TEXT.match(text) else None


# `status` words of a refusal: JSend's "error" and "fail", and a service's own "failed"/"failure"
_REFUSING_STATUS = frozenset({"false", "error", "fail", "failed", "failure"})


def _says_no(key: str, value: object) -> bool:
    """`ok`/`success` false, as JSON writes it or quoted by a relay (`"ok": "false"`, Python's
    "False"), or a `status` of false or a refusal's word (`{"status": "error", "message": …}`,
    JSend's shape). A number says nothing here (`"status": 0` is success to many APIs), nor
    does any other word (`"status": "ok"`, "queued", "sent")."""
    if value is False:
        return True
    if not isinstance(value, str):
        return False
    word = value.strip().lower()
    return word == "false" or (key == "status" and word in _REFUSING_STATUS)


def _text(response: httpx.Response) -> str:
    """The answer's text as a page's is read (never raises): httpx's `text` raised on a charset its
    bytes do not fit (utf-16 without a byte order mark)."""
    return decode_html(response.content, response.headers.get("content-type"))


def _excerpt(response: httpx.Response) -> str:
    return one_line(_text(response), 200) or "(empty body)"
