"""What a response says about itself before anyone parses it: a WAF stub, a canonical URL.

In: the final URL, status, headers and body bytes of a response. Out: the reason a response is a
bot challenge instead of the page (None when it is the page), and the page's declared canonical
URL (HTTP `Link: <…>; rel="canonical"` or `<link rel="canonical">` near the top). Also where a
page sends the reader on by itself (`refresh_target`): a `Refresh` header, a
`<meta http-equiv="refresh">` to another page at once (or within seconds on a stub), a stub whose script
only sets `location` (or its `<body onload>` does), or a `<frameset>` of one frame (a shell: domain forwarding, an old
portal); the client follows it as a redirect, with the cookies the stub's script sets
(`script_cookies`: `document.cookie = "…"` written out whole), as a browser runs it first. A challenge is a small page carrying
a known marker (Aliyun `acw_sc__v2`, Jiasule `__jsl_clearance`, Cloudflare `challenge-platform`,
"请开启JavaScript"…) or a small page that refreshes to itself; storing it would put a WAF stub in
the archive and calling it a layout change would send someone to fix selectors that are fine.
Also how deep a page nests block elements: the HTML parser takes time quadratic in that depth
(200,000 `<div>`s, 1 MB, take minutes), so such a page is refused before anyone parses it. Crude
byte checks, never a parser.
"""

from __future__ import annotations

import bisect
import html
import re
from typing import Any
from urllib.parse import quote, urlencode, urljoin, urlsplit

from ..decode import decode_html_as, normalize_charset
from ..jsliteral import literal
from ..markup import BLOCKS

SMALL = 32_000  # challenge pages are a few KB; real article pages rarely are
TINY = 6_000  # below this a page that says "enable JavaScript" and little else is a stub
STRONG = (b"__jsl_clearance", b"acw_sc__v2", b"acw_sc_v2", b"challenge-platform", b"cf_chl_opt",
          b"cf-browser-verification", b"_guard/auto.js", b"yunsuo_session_verify", b"waf_sc_")
# A token script some bot checks (on many Chinese government sites) serve, with HTTP 412 or 200,
# in a page of no text; its token makes the page any size. The real pages behind the check carry
# the script too, so it marks a challenge only in a page with (almost) nothing to read.
SCRIPTED = (b"$_ts=window",)
SCRIPTED_MAX = 512_000
WEAK = ("请开启JavaScript", "请启用JavaScript", "开启JavaScript", "启用JavaScript", "enable JavaScript",
        "浏览器安全检查", "正在进行安全检查", "Checking your browser", "Just a moment...")
# A part of each WEAK word that the page's bytes must hold (lower-cased as ASCII) for its visible
# text to say the word: the longest run without a space, and of those only the ones holding no
# other (`javascript`, not `请开启javascript`). Reading the visible text costs ~70 µs for a 5 KB
# page; looking for these ~8 µs. The two characters outside ASCII whose lower case holds an ASCII
# letter (İ → i̇, the Kelvin sign → k) may spell a part in other bytes: with one, the text is read.
_WEAK_LONGEST = {max(word.lower().split(), key=len) for word in WEAK}
_WEAK_PARTS = tuple(sorted(part.encode() for part in _WEAK_LONGEST
                          if not any(other != part and other in part for other in _WEAK_LONGEST)))
# What a site answers a crawler it finds too fast, with HTTP 200, in a page of little else.
BUSY = ("访问过于频繁", "访问太频繁", "请求过于频繁", "操作过于频繁", "访问频率过高", "访问频率过快", "请求太频繁",
        "系统繁忙", "服务器繁忙", "訪問過於頻繁", "請求過於頻繁", "系統繁忙", "伺服器繁忙", "Too Many Requests",
        "rate limit exceeded")
BUSY_TEXT = 200  # characters of visible text: a page with more to read is not a busy notice
# Every Chinese word of BUSY holds one of these characters: a page without them is not read.
_BUSY_KEYS = "繁频頻"
_BUSY_ASCII = tuple(word.lower() for word in BUSY if word.isascii())
_LOWERS_TO_ASCII = ("\u0130".encode(), "\u212a".encode())
_LINK_CANON = re.compile(rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.I)  # fullmatched on one tag
_LINK_OPEN = re.compile(rb"<link\b", re.I)
_NOT_HYPHENATED = rb"(?<![\w-])"


def _attr_pattern(name: str, boundary: bytes = rb"\b") -> re.Pattern[bytes]:
    """`name="…"`, `name='…'` or `name=…` in a tag, its value in one of three groups (`_value`);
    `boundary` starts the name (a word boundary, or `_NOT_HYPHENATED`: `data-name` is no `name`)."""
    return re.compile(boundary + name.encode() + rb"\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)


_HREF = _attr_pattern("href")
MAX_DEPTH = 5_000  # real pages nest a few dozen deep; parsing 5,000 costs ~0.05 s, 60,000 ~7 s
# the elements whose start tag makes the parser look through every open element (they close a <p>)
_BLOCK = re.compile(rb"<(/?)(?:" + BLOCKS.encode() + rb")[\s>/]")
_LINK_HEADER = re.compile(r"<([^<>]*)>\s*;[^,<]*\brel\s*=\s*\"?canonical\b", re.I)  # [^<>], [^,<]: linear


def challenge(url: str, headers: dict[str, str], body: bytes) -> str | None:
    """Why this response is a bot challenge rather than the page, or None."""
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "Cloudflare challenge (cf-mitigated header)"
    cookies = headers.get("set-cookie", "").encode("latin-1", "replace")
    if len(body) <= SCRIPTED_MAX and any(m in body for m in SCRIPTED) and len(_visible(body).strip()) < 20:
        return "challenge page (a token script and no text)"
    if len(body) > SMALL:
        return None
    for marker in STRONG:
        if marker in body or marker in cookies:
            return f"challenge page ({marker.decode()})"
    if len(body) <= TINY:
        text = _visible(body) if _may_say_weak(body) else ""
        if text and len(text) < 400:  # a page with this much to read is not a stub, whatever it says
            lowered = text.lower()
            for word in WEAK:
                if word.lower() in lowered:
                    return f"challenge page ({word})"
        if _refreshes_to_itself(url, body):
            return "challenge page (refreshes to itself)"
    if len(body) <= SCRIPT_STUB and b"cookie" in body and _cookie_wall(url, body):
        return "a cookie wall (its script sets a cookie, then reloads the page)"
    return None


WALL_TEXT = 200  # characters of visible text a cookie wall ("请开启Cookie后刷新", "正在跳转…") holds at most


def _cookie_wall(url: str, body: bytes) -> bool:
    """Whether a page of next to nothing to read sets a cookie by script and reloads itself (or
    moves to its own address, or to one it computes) as it loads: a cookie wall. One whose cookie is written out whole
    is passed by the client (`script_cookies`) before the page comes here; one still here computes
    its cookie (a hash of the time, a token it decodes), which is not guessed: its stub is no
    article. A function declared by name and never called by the scripts (a consent banner's
    button runs it) does not run as the page loads."""
    texts = [_run_at_once(text) for text in _scripts(body) if _COOKIE_SET.search(text)]
    return any(_COOKIE_SET.search(text) for text in texts) and len(_visible(body)) < WALL_TEXT \
        and (_reloads_by(url, body, texts) or any(_MOVES.search(text) for text in texts))


# A move whatever its address (a literal one was followed before the page came here): one the script computes.
_MOVES = re.compile(r"\blocation(?:\.href)?\s{0,20}=(?!=)|\blocation\.(?:replace|assign)\s{0,20}\(")


_NAMED_FUNCTION = re.compile(r"\bfunction\s+([A-Za-z_$][\w$]{0,60})\s*\([^(){}]{0,500}\)\s*\{")


def _run_at_once(script: str) -> str:
    """The script without the declarations of functions it never calls or assigns (`function
    ok() {…}` that only a button's onclick names): what runs as the page loads, roughly."""
    kept, at = [], 0
    for m in _NAMED_FUNCTION.finditer(script):
        if m.start() < at:
            continue  # inside a declaration cut already
        end = _closing_brace(script, m.end() - 1)
        rest = script[:m.start()] + script[end:]
        if re.search(r"(?<![\w$.])" + re.escape(m.group(1)) + r"(?![\w$])", rest):
            continue  # called (`go()`), or handed on (`onload = go`, `setTimeout(go, 9)`)
        kept.append(script[at:m.start()])
        at = end
    return "".join([*kept, script[at:]]) if kept else script


def _closing_brace(text: str, opening: int) -> int:
    """Just past the `}` closing the `{` at `opening` (braces in strings counted too: rough), or the text's end."""
    depth = 0
    for m in _BRACE.finditer(text, opening):
        depth += 1 if m.group() == "{" else -1
        if depth == 0:
            return m.end()
    return len(text)


_BRACE = re.compile(r"[{}]")


def busy(page: str) -> str | None:
    """The words of a small page (TINY bytes at most: the caller checks) that says, with HTTP
    200, that we come too often or the site is too busy ("您的访问过于频繁，请稍后再试"): a rate
    limit, not the page; None otherwise. `page` is the decoded text (as GBK sites write it), the
    one the extractor reads next, so nothing is decoded twice."""
    lowered = page.lower()
    if not any(char in page for char in _BUSY_KEYS) and not any(word in lowered for word in _BUSY_ASCII):
        return None
    text = _visible(page.encode("utf-8"))
    if len(text) >= BUSY_TEXT:
        return None
    return next((word for word in BUSY if word.lower() in text.lower()), None)


def _may_say_weak(body: bytes) -> bool:
    """Whether the page's visible text could hold a WEAK word (False: it cannot)."""
    if any(char in body for char in _LOWERS_TO_ASCII):
        return True
    lowered = body.lower()
    return any(part in lowered for part in _WEAK_PARTS)


_CLOSERS = ((b"<script", b"</script>"), (b"<style", b"</style>"))


def _visible(body: bytes) -> str:
    """The page's text outside tags, scripts and styles, each tag a space, runs of white space
    one. Read by `find` in one pass: a regex of tags took seconds on 32 KB of unclosed `<script`.
    An unclosed script or style is a tag; a `<` that no `>` follows, text."""
    lower, parts, at = body.lower(), [], 0
    while at < len(body):
        lt = lower.find(b"<", at)
        if lt < 0:
            parts.append(body[at:])
            break
        parts.append(body[at:lt])
        closer = next((c for o, c in _CLOSERS if lower.startswith(o, lt)), None)
        close = lower.find(closer, lt) if closer else -1
        end = close + len(closer) if closer and close >= 0 else lower.find(b">", lt) + 1
        if end == 0:  # no tag after all: the rest is text
            parts[-1] = body[at:]
            break
        at = end
    return " ".join(b" ".join(parts).decode("utf-8", "replace").split())


def _refreshes_to_itself(url: str, body: bytes, headers: dict[str, str] | None = None) -> bool:
    """A meta refresh (or, given `headers`, a `Refresh` header) within MOVE_STUB (10) s to this page
    (or to no page): a list page reloading every few minutes is fine."""
    for delay, target, _, markup in _refreshes(headers or {}, body):
        try:
            if delay <= MOVE_STUB and (not target or _same_page(urljoin(document_base(url, body) if markup else url, target), url)):
                return True
        except ValueError:
            continue
    return False


def _same_page(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.netloc.lower(), pa.path or "/") == (pb.netloc.lower(), pb.path or "/")


MOVE_NOW = 1  # seconds: a refresh this soon is a move, whatever the page holds
MOVE_STUB = 10  # a stub with little to read that reloads itself within this many seconds: a check
MOVE_LATE = 60  # a stub with little to read that refreshes to another page within this many seconds moves
LATE_TEXT = 200  # characters of visible text such a stub, past MOVE_STUB seconds, holds at most ("本页已迁移…")
STUB_TEXT = 400  # characters of visible text below which a page is a stub
SCRIPT_STUB = 12_000  # bytes: only a page this small is read for a script's `location`
_HEAD = 65_536
_CONTENT = _attr_pattern("content")
_REFRESH_VALUE = re.compile(r"\s*(\d{0,9})(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?[\"']?([^\"'\s]*)", re.I)
# `location = name` / `location.replace(name)`: the address kept in a variable first
_LOCATION_NAME = re.compile(r"\blocation(?:\.href)?\s*=\s*([A-Za-z_$][\w$]{0,60})\s*(?=[;,})\n]|$)"
                            r"|\blocation\.(?:replace|assign)\(\s*([A-Za-z_$][\w$]{0,60})\s*\)")
# an address on a mobile site: its host or a folder named m, wap, mobile, h5, 3g (`m.site.cn`, `/wap/`)
_MOBILE = re.compile(r"(?:^|[/.])(?:m|wap|mobile|h5|3g)(?=[/.])", re.I)
_IFRAME = re.compile(rb"<iframe\b[^<>]{0,2000}>", re.I)  # [^<>]: each try ends at the next tag
_ANCHOR = re.compile(rb"<a\s", re.I)
SHELL_TEXT = 100  # characters of visible text (a title) a shell around one iframe has at most
_ONLOAD = re.compile(rb"\bonload\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_FRAMESET = re.compile(rb"<frameset\b", re.I)
_FRAME = re.compile(rb"<frame\b[^<>]{0,2000}>", re.I)  # [^<>]: each try ends at the next tag
_SRC = _attr_pattern("src")
_NO_FRAME = frozenset({"", "about:blank", "javascript:;", "javascript:void(0)", "javascript:void(0);"})
_SCRIPT = re.compile(rb"<script\b[^>]{0,500}>(.*?)</script>", re.I | re.S)
# a whole address a script moves to: `location = '…'` (a string the script adds nothing to),
# `location.replace('…')`, or `window.open('…', '_self')` (the same window; a new one is no move)
# (quoted with ', " or a template's ` without a `${…}` in it)
_LOCATION = re.compile(r"\blocation(?:\.href)?\s*=\s*([\"'`])([^\"'`\n]{1,2000})\1(?!\s*\+)"
                       r"|\blocation\.(?:replace|assign)\(\s*([\"'`])([^\"'`\n]{1,2000})\3\s*\)"
                       r"|\bwindow\.open\(\s*([\"'`])([^\"'`\n]{1,2000})\5\s*,\s*([\"'])_(?:self|top|parent)\7")


def refresh_target(url: str, headers: dict[str, str], body: bytes) -> str | None:
    """The absolute http(s) URL this page sends the reader on to, or None (it is the page).
    A `Refresh` header or meta refresh within MOVE_NOW seconds moves; within MOVE_STUB seconds
    only from a stub, within MOVE_LATE from a stub of LATE_TEXT; a script setting `location` only on a small stub with one target. A
    refresh to the page itself is not a move (a challenge may do that: `challenge` says so).
    A meta refresh inside `<noscript>`, which a browser running scripts never reads, moves only
    a page with next to nothing to read whose scripts name no move (it offers us nothing else)."""
    stub: bool | None = None
    hidden: list[str] = []  # the targets of refreshes inside <noscript>
    base = _Base(url, body)
    for delay, target, unscripted, markup in _refreshes(headers, body):
        if delay > MOVE_NOW:
            if delay > MOVE_LATE:
                continue
            stub = _is_stub(body) if stub is None else stub
            if not stub or (delay > MOVE_STUB and len(_visible(body)) >= LATE_TEXT):
                continue
        if unscripted:
            hidden.append(target)
            continue
        moved = _elsewhere(url, target, base() if markup else url)
        if moved:
            return moved
    if len(body) <= SCRIPT_STUB and (b"location" in body or b"window.open" in body) and _is_stub(body):
        texts = _scripts(body)
        targets = _targets(texts)
        targets = targets or _kept_targets(texts)
        if len(targets) == 2:  # by device: a phone to the mobile site, a browser to the other
            targets -= {t for t in targets if _MOBILE.search(t.rsplit("/", 1)[0] + "/")}
        if len(targets) == 1:
            return _elsewhere(url, targets.pop().replace("\\/", "/"), base())  # a JSON-style `\/` is a slash
    if hidden and len(body) <= SMALL and len(_visible(body)) < SHELL_TEXT:  # a page with nearly nothing to read
        return next((moved for moved in (_elsewhere(url, target, base()) for target in hidden) if moved), None)
    if len(body) <= SCRIPT_STUB and (b"iframe" in body or b"IFRAME" in body) and not _ANCHOR.search(body):
        inner = _IFRAME.findall(body)
        if len(inner) == 1 and len(_visible(body)) < SHELL_TEXT:  # a shell of one iframe: the page in it
            src = _attribute(inner[0], _SRC)
            return None if src in _NO_FRAME else _elsewhere(url, src, base())
    if len(body) <= SCRIPT_STUB and (b"rameset" in body or b"RAMESET" in body) and _FRAMESET.search(body):
        frames = {_attribute(tag, _SRC) for tag in _FRAME.findall(body)} - _NO_FRAME
        if len(frames) == 1:  # a shell of one frame (domain forwarding, an old portal): the page in it
            return _elsewhere(url, frames.pop(), base())
    return None


def _scripts(body: bytes) -> list[str]:
    """The text of the page's scripts and of its `<body onload="…">`."""
    scripts = _SCRIPT.findall(body) + [a or b for a, b in _ONLOAD.findall(body)]
    return [script.decode("utf-8", "replace") for script in scripts]


def _targets(texts: list[str]) -> set[str]:
    """The whole addresses the scripts set `location` to (a template with a `${…}` is built, not whole)."""
    found = {m.group(2) or m.group(4) or m.group(6) for text in texts for m in _LOCATION.finditer(text)}
    return {t for t in found if "${" not in t}


# a reload by any other name: `history.go(0)`, `location.href = location.href`, `location = location`,
# `location.replace(location.href)`
_RELOAD = re.compile(r"\blocation\.reload\s{0,20}\(|\bhistory\.go\(\s{0,20}0?\s{0,20}\)"
                     r"|\blocation(?:\.href)?\s{0,20}=\s{0,20}(?:(?:window|document|self|top)\.)?location(?:\.href)?"
                     r"\s{0,20}(?:[;,)}\n]|$)"
                     r"|\blocation\.(?:replace|assign)\(\s{0,20}(?:(?:window|document|self|top)\.)?location(?:\.href)?"
                     r"\s{0,20}\)")


def reloads(url: str, headers: dict[str, str], body: bytes) -> bool:
    """Whether the page reloads itself at once, as a cookie check does once it has set its
    cookie: a `Refresh` header or meta refresh within MOVE_STUB seconds to no address or its
    own, or a stub whose script reloads it (`location.reload()`, `history.go(0)`,
    `location.href = location.href`, a move to its own address). (The client asks again only
    when the answer or its script set a cookie; without one, `challenge` calls such a page a
    bot check.)"""
    if _refreshes_to_itself(url, body, headers):
        return True
    if len(body) > SCRIPT_STUB or not (b"reload" in body or b"location" in body or b"history" in body):
        return False
    if not _is_stub(body):
        return False
    return _reloads_by(url, body, _scripts(body))


def _reloads_by(url: str, body: bytes, texts: list[str]) -> bool:
    """Whether these script texts reload the page or move to its own address."""
    base = _Base(url, body)
    return any(_RELOAD.search(text) for text in texts) or any(
        _elsewhere(url, target.replace("\\/", "/"), base()) is None for target in _targets(texts))


_FORM = re.compile(rb"<form\b[^<>]{0,2000}>", re.I)  # [^<>]: each try ends at the next tag
_ACTION = _attr_pattern("action")
_METHOD = _attr_pattern("method")
_NAME = _attr_pattern("name", _NOT_HYPHENATED)
_INPUT_VALUE = _attr_pattern("value", _NOT_HYPHENATED)
_TYPE = _attr_pattern("type", _NOT_HYPHENATED)
_SUBMIT = re.compile(r"\.submit\s*\(\s*\)")
# the wrappers a script submitting at once may stand in: a timer, the page's load, jQuery's ready
_AT_ONCE = re.compile(r"(?:setTimeout\s*\(\s*|onload\s*=\s*|ready\s*\(\s*|\$\(\s*)function\b")
_NOT_SENT = frozenset({"submit", "button", "image", "reset", "file"})


def submitted_form(url: str, body: bytes, content_type: str | None = None) -> tuple[str, str, bytes] | None:
    """(method, address, body) of the one form a stub's script submits at once (`document.forms[0].submit()`
    in a script or `<body onload>`, not inside a function of its own: a search form sent on a
    click is no move), as a browser sends it: its hidden and filled fields, to its `action` (the
    page itself without one), a GET's fields as the address's query, a POST's as the body
    (`application/x-www-form-urlencoded`), encoded in the page's charset (or the first its
    `accept-charset` names) as a browser encodes them: a GBK page's `沪明` goes as `%BB%A6%C3%F7`.
    None otherwise."""
    if len(body) > SCRIPT_STUB or b"submit" not in body or not _is_stub(body):
        return None
    forms = _FORM.findall(body)
    if len(forms) != 1:
        return None
    scripts = [text for text in _scripts(body) if _SUBMIT.search(text)]
    if not any(text.count("function") == len(_AT_ONCE.findall(text)) for text in scripts):
        return None
    page = decode_html_as(body, content_type)[1]
    start = body.find(forms[0])
    end = body.lower().find(b"</form", start)
    fields = _controls(body, start, end if end >= 0 else len(body), page)
    action = html.unescape(_attribute(forms[0], _ACTION, page))  # none: the page's own address
    try:
        target = _query_in(urljoin(document_base(url, body), action) if action else url, page)
    except ValueError:
        return None
    codec = _form_charset(_attribute(forms[0], _ACCEPT), page)
    sent = urlencode(fields, encoding=codec, errors="xmlcharrefreplace")
    if _attribute(forms[0], _METHOD).lower() == "post":
        return "POST", target, sent.encode("ascii")
    return "GET", target.split("#", 1)[0].split("?", 1)[0] + ("?" + sent if fields else ""), b""


def _controls(body: bytes, start: int, end: int, codec: str) -> dict[str, str]:
    """Name → value of the controls `form.submit()` sends from body[start:end], in order (the
    first of a repeated name): inputs but buttons, files and unchecked boxes; text areas, their
    text; drop-downs, the chosen option's value (the first's without one chosen; its text
    without a value). Disabled ones are not sent."""
    fields: dict[str, str] = {}
    lower = body.lower()
    for m in _CONTROL.finditer(body, start, end):
        tag, kind = m.group(0), m.group(1).lower()
        name = html.unescape(_attribute(tag, _NAME, codec))
        if not name or name in fields or _DISABLED.search(tag):
            continue
        if kind == b"input":
            box = _attribute(tag, _TYPE).lower()
            if box in _NOT_SENT or (box in ("checkbox", "radio") and b"checked" not in tag.lower()):
                continue
            fields[name] = html.unescape(_attribute(tag, _INPUT_VALUE, codec))
            continue
        close = lower.find(b"</" + kind, m.end(), end)
        inner = body[m.end():close if close >= 0 else end]
        if kind == b"textarea":
            fields[name] = html.unescape(inner.decode(codec, "replace")).removeprefix("\n")
            continue
        options = [(o.group(0), o.end()) for o in _OPTION.finditer(inner)]
        chosen = next((o for o in options if re.search(rb"\sselected\b", o[0], re.I)), options[0] if options else None)
        if chosen is not None:
            value = _value(chosen[0], _INPUT_VALUE)
            text = inner[chosen[1]:].split(b"<", 1)[0]
            fields[name] = html.unescape((text if value is None else value).decode(codec, "replace")).strip()
    return fields


_CONTROL = re.compile(rb"<(input|textarea|select)\b[^<>]{0,2000}>", re.I)
_OPTION = re.compile(rb"<option\b[^<>]{0,2000}>", re.I)
_DISABLED = re.compile(rb"\sdisabled(?=[\s=/>])", re.I)
_ACCEPT = _attr_pattern("accept-charset")
_UNICODE = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf_16", "utf_16_le", "utf_16_be")


def _form_charset(accept: str, page: str) -> str:
    """The codec a form's fields are sent in: the first label its `accept-charset` names that is
    known, else the page's; UTF-8 for a UTF-16 page (as a browser sends it)."""
    for label in accept.replace(",", " ").split():
        if known := normalize_charset(label):
            page = known
            break
    return "utf-8" if page.lower() in _UNICODE else page


def _query_in(url: str, codec: str) -> str:
    """`url` with the non-ASCII characters of its query percent-encoded in `codec`, as a browser
    reads an address written in a page of that encoding (the path is UTF-8 whatever the page)."""
    head, mark, rest = url.partition("?")
    if not mark or rest.isascii() or codec.lower() in _UNICODE:
        return url
    return head + mark + "".join(ch if ch.isascii() else quote(ch.encode(codec, "xmlcharrefreplace")) for ch in rest)


_COOKIE_SET = re.compile(r"\bdocument\.cookie\s*=(?!=)")


def script_cookies(body: bytes) -> list[str]:
    """The cookies a stub's scripts set (`document.cookie = "verify=1; path=/"`), each as a
    Set-Cookie value, as a cookie check by script sets them before it reloads the page; only
    those written out whole (a literal, or literals joined with `+`): a value the script
    computes is not guessed at, nor is a known bot check's (STRONG: the real ones compute it,
    and the page stays a bot check)."""
    if len(body) > SCRIPT_STUB or b"cookie" not in body or any(m in body for m in STRONG) or not _is_stub(body):
        return []
    found = []
    for text in _scripts(body):
        for m in _COOKIE_SET.finditer(text):
            value = literal(text, m.end())
            if value and "=" in value.split(";", 1)[0]:
                found.append(value)
    return found[:10]


def _kept_targets(scripts: list[str]) -> set[str]:
    """The addresses a stub's scripts move to through a variable (`var url = '/a.html';
    location.href = url`): each variable `location` is set to, and the one string it is given."""
    names = {m.group(1) or m.group(2) for text in scripts for m in _LOCATION_NAME.finditer(text)}
    names -= {"window", "document", "top", "self", "location", "this"}
    found: set[str] = set()
    if len(names) > 3:  # a stub moves to one address; this is a program
        return found
    for name in names:
        given = re.compile(r"\b" + re.escape(name) + r"\s*=\s*([\"'`])([^\"'`\n]{1,2000})\1(?!\s*\+)")
        found.update(m.group(2) for text in scripts for m in given.finditer(text) if "${" not in m.group(2))
    return found


def _attribute(tag: bytes, pattern: re.Pattern[bytes], codec: str = "utf-8") -> str:
    """An attribute's value in a tag (quoted or not), as text read in `codec`; "" when absent."""
    return (_value(tag, pattern) or b"").decode(codec, "replace").strip()


def _value(tag: bytes, pattern: re.Pattern[bytes]) -> bytes | None:
    """The bytes of the attribute `pattern` finds in a tag, whichever way it is quoted; None when absent."""
    found = pattern.search(tag)
    return next((g for g in found.groups() if g is not None), b"") if found else None


def _refreshes(headers: dict[str, str], body: bytes) -> list[tuple[int, str, bool, bool]]:
    """(delay, target, inside `<noscript>`, in the markup) of the `Refresh` header and of each
    meta refresh near the top; the target is "" when none is given (the page itself). A meta
    refresh's target is read against the page's `<base href>`, the header's against the address
    (a browser reads the header before the page)."""
    found = [_refresh(v.encode("latin-1", "replace")) for k, v in headers.items() if k.lower() == "refresh"]
    head = body[:_HEAD]
    hidden = _noscripts(head) if b"oscript" in head or b"OSCRIPT" in head else []
    for start, tag in _meta_refreshes(head):
        got = _refresh(_value(tag, _CONTENT), markup=True)
        at = bisect.bisect(hidden, (start, _HEAD))
        if got and at and hidden[at - 1][1] > start:
            got = (got[0], got[1], True, True)
        found.append(got)
    return [f for f in found if f is not None]


def _noscripts(head: bytes) -> list[tuple[int, int]]:
    """Where each `<noscript>` of `head` starts and ends (at the end of `head` if unclosed), in order."""
    lower, spans = head.lower(), []
    at = lower.find(b"<noscript")
    while at >= 0:
        end = lower.find(b"</noscript", at)
        end = len(head) if end < 0 else end
        spans.append((at, end))
        at = lower.find(b"<noscript", end)
    return spans


def _meta_refreshes(head: bytes) -> list[tuple[int, bytes]]:
    """The `<meta … http-equiv=refresh …>` tags of `head`, with where each starts, found
    without a backtracking regex."""
    lower, tags = head.lower(), []
    at = lower.find(b"http-equiv")
    while at >= 0:
        start, end = lower.rfind(b"<", max(at - 2_000, 0), at), lower.find(b">", at, at + 2_000)
        if start >= 0 and end >= 0 and lower.startswith(b"<meta", start) and b"refresh" in lower[at:end]:
            tags.append((start, head[start:end + 1]))
        at = lower.find(b"http-equiv", at + 10)
    return tags




def _refresh(value: bytes | None, markup: bool = False) -> tuple[int, str, bool, bool] | None:
    """(delay, target) of a refresh value such as `0; url=/a.html` (target "" when it names
    none); None for a tag without a value. A meta tag's value (`markup`) has its character
    references undone first (`&quot;`, `&#38;`), as the HTML parser undoes them for a browser."""
    if value is None:
        return None
    text = value.decode("utf-8", "replace")
    found = _REFRESH_VALUE.match(html.unescape(text) if markup and "&" in text else text)
    return (int(found.group(1) or 0), found.group(2), False, markup) if found else None


class _Base:
    """The page's `<base href>` (`document_base`), looked for at the first call only: most pages
    name no address to move to."""

    __slots__ = ("body", "found", "url")

    def __init__(self, url: str, body: bytes) -> None:
        self.url, self.body, self.found = url, body, ""

    def __call__(self) -> str:
        self.found = self.found or document_base(self.url, self.body)
        return self.found


def _is_stub(body: bytes) -> bool:
    return len(body) <= SMALL and len(_visible(body)) < STUB_TEXT


def _elsewhere(url: str, target: str, base: str | None = None) -> str | None:
    """`target` made absolute (against `base`, the page's `<base href>`, when the page's markup
    or script names it) when it is another page than `url` (http or https or not, the client's
    guard judges the scheme); None for this page itself or a broken address."""
    try:
        target = target.strip()
        absolute = urljoin(base or url, target) if target else url  # none: this page, not its base
        return None if _same_page(absolute, url) else absolute
    except ValueError:
        return None


def canonical_link(url: str, headers: dict[str, str], body: bytes) -> str | None:
    """The absolute canonical URL the response declares, if any (header first, resolved against
    the address asked; then the head's, against the page's `<base href>` as a browser resolves it)."""
    found = _LINK_HEADER.search(headers.get("link", ""))
    href = found.group(1) if found else None
    if href is None:
        tag = _canonical_tag(body)
        attr = _HREF.search(tag) if tag else None
        raw = next((g for g in attr.groups() if g is not None), None) if attr else None
        href = raw.decode("utf-8", "replace").strip() if raw else None
        url = document_base(url, body) if href else url
    if not href:
        return None
    try:
        absolute = urljoin(url, href.replace("&amp;", "&"))
    except ValueError:
        return None
    return encode_controls(absolute) if absolute.startswith(("http://", "https://")) else None


def _canonical_tag(body: bytes) -> bytes | None:
    """The first `<link … rel=canonical …>` of the page's first 64 KB. Read tag by tag, each to its
    `>` and the next looked for after it, as a browser reads tags: one pattern for the whole head
    tried every `<link` against every later `>` (a head of `<link rel=canonical ` said over and
    over, no `>`, 64 KB: a minute of CPU a page)."""
    at = 0
    while (found := _LINK_OPEN.search(body, at, _HEAD)) is not None:
        end = body.find(b">", found.end(), _HEAD)
        if end < 0:
            return None
        tag = body[found.start():end + 1]
        if _LINK_CANON.fullmatch(tag):
            return tag
        at = end + 1
    return None


def _first_tag(page: bytes | str, opening: re.Pattern[Any], limit: int) -> bytes | str | None:
    """The first tag `opening` starts in page[:limit], whole to its `>` (None without one)."""
    found = opening.search(page, 0, limit)
    if found is None:
        return None
    end = page.find(b">" if isinstance(page, bytes) else ">", found.end(), limit)  # type: ignore[arg-type]
    return page[found.start():end + 1] if end >= 0 else None


_BASE_TAG = re.compile(rb"<base\b", re.I)  # to its `>`: `_first_tag`
_BASE_TEXT = re.compile(r"<base\b", re.I)
_BODY = re.compile(rb"<body\b", re.I)
_BODY_TEXT = re.compile(r"<body\b", re.I)


def document_base(url: str, page: bytes | str) -> str:
    """The address a page's relative links resolve against: its first `<base href>` (itself
    resolved against `url`; http(s) only), else `url`. Looks in the head only (before `<body`,
    within 64 KB), the page's bytes or its text."""
    if isinstance(page, str):
        body_s = _BODY_TEXT.search(page, 0, 65_536)
        tag_s = _first_tag(page, _BASE_TEXT, body_s.start() if body_s else 65_536)
        found = tag_s.encode("utf-8", "replace") if isinstance(tag_s, str) else None
    else:
        body_b = _BODY.search(page, 0, 65_536)
        tag_b = _first_tag(page, _BASE_TAG, body_b.start() if body_b else 65_536)
        found = tag_b if isinstance(tag_b, bytes) else None
    if found is None:
        return url
    attr = _HREF.search(found)
    raw = next((g for g in attr.groups() if g is not None), None) if attr else None
    if not raw or not raw.strip():
        return url
    try:
        base = urljoin(url, html.unescape(raw.decode("utf-8", "replace").strip()))
    except ValueError:
        return url
    return base if base.startswith(("http://", "https://")) else url


# C0 controls and DEL, and the bidirectional controls (U+202E shows the rest of a line backwards:
# a log line reading `http://good\u202egro.example/…` shows another host): never sent, stored or logged raw
_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def encode_controls(url: str) -> str:
    """`url` with its control characters percent-encoded (a bidirectional one as its UTF-8 bytes),
    as a browser sends them (itself when it has none: most URLs, at the cost of one `isprintable`)."""
    return url if url.isprintable() else _CONTROL_CHARS.sub(_percent, url)


def _percent(m: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in m.group().encode("utf-8"))


def same_site(a: str, b: str) -> bool:
    """Whether two URLs are on one site: the same host, a leading `www.` or a mobile rendering's
    `m.` / `wap.` / `3g.` (…) aside (`m.x.gov.cn`, `www.x.gov.cn` and `x.gov.cn` are one site;
    `news.x.gov.cn` is another), never leaving a bare suffix (`m.com.cn` is not `com.cn`'s)."""
    try:
        ha, hb = urlsplit(a).hostname or "", urlsplit(b).hostname or ""
    except ValueError:
        return False
    return bool(ha) and (ha == hb or _site_host(ha) == _site_host(hb))


# a host's first label that names a rendering of the site, not a part of it
_RENDERING_HOSTS = frozenset({"www", "m", "wap", "mobile", "3g", "touch", "h5", "amp"})
_SECOND_LEVEL = frozenset({"com", "net", "org", "gov", "edu", "ac", "co", "mil"})  # of com.cn, gov.cn, co.uk


def _site_host(host: str) -> str:
    label, dot, rest = host.partition(".")
    if not dot or label not in _RENDERING_HOSTS or "." not in rest:
        return host
    bare_suffix = rest.count(".") == 1 and rest.split(".", 1)[0] in _SECOND_LEVEL
    return host if bare_suffix else rest


def nesting(body: bytes) -> int:
    """How deep block elements nest at most, counting start minus end tags (0 for a page with
    too few tags to matter)."""
    if body.count(b"<") < MAX_DEPTH:
        return 0
    depth = deepest = 0
    # matched on a lower-cased copy: ~40 % cheaper than re.I on a 370 KB page (same tags: both ASCII-only)
    for m in _BLOCK.finditer(body.lower()):
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest
