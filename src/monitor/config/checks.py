"""Value checks for config fields, each delegating to the parser that will use the value.

In: one already-typed value. Out: None, or `Invalid(problem, hint)` raised. A cron expression is
judged by the scheduler's own cron reading (`crontab.trigger`), a timezone by `ZoneInfo`, a selector by
lexbor, a pattern by `re.compile`, so the config never accepts what the program later rejects.
Never reads files, the environment or the network.
"""

from __future__ import annotations

import re
from typing import Any

_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")  # of the stripped value: linear
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
# Domain labels split at each dot (no dot inside a label): linear on any input.
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>.]+(?:\.[^@\s<>.]+)+$")
_NAMED_EMAIL = re.compile(r'^(?: *"[^"\\]*"\s*|[^"<>@,;]*)<[^@\s<>,;]+@[^@\s<>,;.]+(?:\.[^@\s<>,;.]+)+>\s*$')
_URL = re.compile(r"^https?://[^/?#\s]+(?:[/?#]\S*)?$")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Invalid(ValueError):
    """A value the program cannot use: what is wrong and how to write it instead."""

    def __init__(self, problem: str, hint: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.hint = hint


def as_written(value: Any) -> str:
    """A TOML value in an error line as the user wrote it: `true`, `1979-05-27T07:32:00`, not
    Python's `True` or `datetime.datetime(1979, 5, 27, 7, 32)`; anything else as repr shows it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat") and not isinstance(value, (int, float, str)):  # a TOML date, time or datetime
        return str(value.isoformat())
    return repr(value)


def parse_duration(value: Any) -> float:
    """'30m', '2h', '45s', '1d' or a number of seconds → seconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    m = _DURATION.match(value.strip()) if isinstance(value, str) else None
    if not m:
        raise Invalid(f"{as_written(value)} is not a duration", "use e.g. 90s, 30m, 2h, 1d or a number of seconds")
    return float(m.group(1)) * _UNITS[m.group(2)]


def parse_seconds(value: Any) -> Any:
    """A number as it is (the field's bounds judge it: -1 is "less than the least allowed, 0"),
    text as a duration ('20s', '2m')."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return parse_duration(value)


def as_list(value: Any) -> Any:
    """A single string where a list is expected stands for a list of one."""
    return [value] if isinstance(value, str) else value


# Field bounds of a crontab expression (day of week 0-7, Sunday being 0 and 7; see crontab.py).
_CRON_BOUNDS = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
_PLAIN = re.compile(r"^(\d+)(?:-(\d+))?$")


def _plainly_valid(expr: str) -> bool:
    """True for the common cron forms (numbers, ranges, lists, `*`) within bounds.

    Only a subset of what `from_crontab` accepts, so a True here is never wrong; anything else
    goes to APScheduler itself. It spares every command APScheduler's import (tens of ms).
    """
    fields = expr.split()
    if len(fields) != 5:
        return False
    for text, (low, high) in zip(fields, _CRON_BOUNDS, strict=True):
        for part in text.split(","):
            m = _PLAIN.match(part)
            if part == "*":
                continue
            if not m:
                return False
            first, last = int(m.group(1)), int(m.group(2) or m.group(1))
            if not low <= first <= last <= high:
                return False
    return True


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February's 29th comes in leap years
_NEVER = "never runs: no date has that day of the month in those months"
_NEVER_HINT = 'check the day and month fields, e.g. "0 9 28 2 *" for 28 February'


def cron(expr: str) -> None:
    """A 5-field crontab expression APScheduler will schedule, on some date."""
    if _plainly_valid(expr):
        if _no_date(expr.split()):
            raise Invalid(f"cron expression {expr!r} {_NEVER}", _NEVER_HINT)
        return
    from datetime import datetime
    from datetime import timezone as tz

    from .. import crontab

    try:
        trigger = crontab.trigger(expr, "UTC")
    except (ValueError, TypeError) as exc:
        raise Invalid(f"not a valid cron expression {expr!r}: {exc}",
                      'five fields "minute hour day month weekday", e.g. "0 8 * * *" for 08:00 daily') from None
    if trigger.get_next_fire_time(None, datetime.now(tz.utc)) is None:
        raise Invalid(f"cron expression {expr!r} {_NEVER}", _NEVER_HINT)


def _no_date(fields: list[str]) -> bool:
    """Whether a plainly valid expression names only days its months lack (`31 2`), with no day
    of the week to run on instead (crontab runs on either when both are given)."""
    day, month, weekday = fields[2], fields[3], fields[4]
    if "*" in day or "*" in month or weekday != "*":
        return False
    days, months = _numbers(day), _numbers(month)
    return min(days) > max(_MONTH_DAYS[m - 1] for m in months)


def _numbers(field: str) -> list[int]:
    """The numbers a plainly valid field lists (`1,15-17` → 1, 15, 16, 17)."""
    out: list[int] = []
    for part in field.split(","):
        first, last = _PLAIN.match(part).groups()  # type: ignore[union-attr]  # checked by _plainly_valid
        out.extend(range(int(first), int(last or first) + 1))
    return out


def timezone(name: str) -> None:
    """An IANA timezone name ZoneInfo knows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(f"unknown timezone {name!r}", _zone_hint(name)) from None


_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])\s*0?(\d{1,2})(?::?00)?$", re.IGNORECASE)
_CHINA = {"beijing", "shanghai", "china", "cst", "asia/beijing", "china standard time", "北京时间", "北京", "上海"}


def _zone_hint(name: str) -> str:
    """The IANA name meant by a timezone written almost right: another case (asia/shanghai), an
    offset (UTC+8: a fixed one is Etc/GMT-8, its sign reversed), China's time by another name
    (Beijing, CST, 北京时间), a misspelling (Asia/Shanghia); else what such a name looks like."""
    import difflib
    import zoneinfo

    known = zoneinfo.available_timezones()
    folded = {zone.lower(): zone for zone in known}
    written = name.strip()
    if written.lower() in folded:
        return f'did you mean "{folded[written.lower()]}"? the names have capitals'
    if written.lower() in _CHINA:
        return 'China\'s time (UTC+8) is "Asia/Shanghai"'
    if (m := _OFFSET.match(written)) and int(m.group(2)) <= 14:
        sign, hours = m.groups()
        fixed = f"Etc/GMT{'-' if sign == '+' else '+'}{int(hours)}"
        china = '; China\'s time is "Asia/Shanghai"' if sign == "+" and int(hours) == 8 else ""
        return f'a fixed offset of UTC{sign}{int(hours)} is "{fixed}", the sign reversed as the tz database writes it{china}'
    close = difflib.get_close_matches(written, sorted(known), n=1, cutoff=0.8)
    return f'did you mean "{close[0]}"?' if close else 'an IANA name such as "Asia/Shanghai"'


_WEST = re.compile(r"^(?:Etc/)?GMT\+(\d{1,2})$")


def reversed_offset(zone: str) -> str:
    """For a zone named Etc/GMT+N (N hours *behind* UTC: the tz database reverses the sign, so
    "Etc/GMT+8" is UTC-8, sixteen hours from China's time), what it is and what was likely
    meant; "" for any other zone."""
    m = _WEST.match(zone)
    if not m or int(m.group(1)) == 0:
        return ""
    n = int(m.group(1))
    return (f"{zone!r} is UTC-{n}, {n} hour{'s' if n != 1 else ''} behind UTC (the tz database reverses the sign "
            f"of Etc/GMT names): write \"Etc/GMT-{n}\" for UTC+{n}"
            + (', or "Asia/Shanghai" for China\'s time' if n == 8 else ""))


_COMPOUND = (r"(?:(?:[a-zA-Z][\w-]*|\*)(?:\.[a-zA-Z_][\w-]*|#[a-zA-Z_][\w-]*|" + r"\[[a-zA-Z_][\w-]*(?:[~|^$*]?="
             r"(?:\"[^\"\\\]]*\"|'[^'\\\]]*'|[\w-]+))?\])*|(?:\.[a-zA-Z_][\w-]*|#[a-zA-Z_][\w-]*|\[[a-zA-Z_][\w-]*"
             r"(?:[~|^$*]?=(?:\"[^\"\\\]]*\"|'[^'\\\]]*'|[\w-]+))?\])+)")
_COMPLEX = rf"{_COMPOUND}(?:(?:\s*[>+~]\s*|\s+){_COMPOUND})*"
_PLAIN_SELECTOR = re.compile(rf"^\s*{_COMPLEX}(?:\s*,\s*{_COMPLEX})*\s*$")


_COMPOUND_START = frozenset(" \t\n\r\f>+~,(")


def lexbor_selector(css: Any) -> Any:
    """`css` with `*` put before each compound that opens with a pseudo-class (`:is(ul, ol) a`
    → `*:is(ul, ol) a`), the same selector by CSS's rules. lexbor (1.0.2) matches such a compound
    against a link's parent alone, never a farther ancestor, without a word: `:is(ul) a`,
    `:where(.box) a`, `:has(> h2) a` picked no link of a page a browser picks them on (the
    source 'matched nothing'), and `:not(ol) li a` too few. Quoted text and `[…]` are left as
    they are; a value that is no string is left for the type check."""
    if not isinstance(css, str) or ":" not in css:
        return css
    out: list[str] = []
    quote, bracket, prev = "", 0, ","
    for i, ch in enumerate(css):
        if quote:
            quote = "" if ch == quote and css[i - 1] != "\\" else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            bracket += 1
        elif ch == "]":
            bracket = max(0, bracket - 1)
        elif ch == ":" and not bracket and prev in _COMPOUND_START and css[i + 1 : i + 2] != ":":
            out.append("*")
        out.append(ch)
        prev = ch
    return "".join(out)


def selector(css: str) -> None:
    """A CSS selector lexbor can parse (a bad one would silently pick nothing). Plain selectors
    (tags, classes, ids, attributes, combinators) are accepted without importing lexbor; the
    rest are judged by lexbor itself."""
    if not css.strip():
        raise Invalid("empty CSS selector", 'e.g. "div.article p" or "h1.title"')
    if _PLAIN_SELECTOR.match(css):
        return
    unclosed = _unclosed(css)
    if unclosed:  # CSS closes it at the end, so lexbor takes `:is(ul, ol a` as `:is(ul, ol a)`, not the `:is(ul, ol) a` meant
        raise Invalid(f"unclosed {unclosed!r} in CSS selector {css!r}",
                      f"close it where it ends, e.g. {':is(ul, ol) a' if unclosed == '(' else 'a[href]'}")
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(css)
    except Exception:  # selectolax raises a bare exception type for bad selectors
        raise Invalid(f"not a valid CSS selector: {css!r}", 'e.g. "div.article p" or "h1.title"') from None


_CLOSERS = {"(": ")", "[": "]"}


def _unclosed(css: str) -> str:
    """The first bracket or parenthesis `css` leaves open, outside quoted strings and escapes;
    "" when every one is closed. A closer with no opener is lexbor's to refuse."""
    opened: list[str] = []
    quote = ""
    escaped = False
    for ch in css:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in _CLOSERS:
            opened.append(ch)
        elif opened and ch == _CLOSERS[opened[-1]]:
            opened.pop()
    return opened[0] if opened else ""


def regex(pattern: str) -> None:
    """A regular expression Python's `re` compiles."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise Invalid(f"bad regular expression {pattern!r}: {exc}",
                      "write it in single quotes in TOML so backslashes stay as they are") from None


_USERINFO = re.compile(r"(?:(?<=//)|(?<=:/)|^)[^/?#@]*@")  # after the scheme, one slash of it lost, or none
_LONG_VALUE = re.compile(r"(?<=[?&;#])([^=&#]*=)[^&#]{8,}")
_TOKEN_SEGMENT = re.compile(r"(?<=/)(?=[^/?#]*\d)(?=[^/?#]*[A-Za-z])[\w-]{24,}(?=[/?#]|$)")


def shown_url(url: str) -> str:
    """`url` as an error line may print it: a webhook's token rides in it (a query value, the
    user-info, a long path segment), so those are masked; the scheme, host and the rest stay to
    find the mistake by."""
    url = _USERINFO.sub("***@", url)
    url = _LONG_VALUE.sub(r"\1***", url)
    return _TOKEN_SEGMENT.sub("***", url)


def http_url(url: str) -> None:
    """An absolute http(s) URL with a host and, if any, a port from 1 to 65535 (`http://[::1/feed`,
    `http://:80/` and `:99999` passed here and failed at every poll as 'not a valid URL')."""
    if not _URL.match(url):
        raise Invalid(f"not an http(s) URL: {shown_url(url)!r}", "e.g. https://www.example.cn/news/")
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # an unclosed [IPv6 bracket, a port that is no number or out of range
        raise Invalid(f"not a valid URL: {shown_url(url)!r} ({exc})", "e.g. https://www.example.cn:8080/news/") from None
    if not parts.hostname or port == 0:
        raise Invalid(f"not a valid URL: {shown_url(url)!r} (no host)" if not parts.hostname else
                      f"not a valid URL: {shown_url(url)!r} (port 0)", "e.g. https://www.example.cn/news/")


_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?", re.I)  # one label, split at dots first: linear
_IPV6 = re.compile(r"[0-9a-f:.]+", re.I)


def host_name(host: str) -> None:
    """A host name (or address) alone: no scheme, path or port."""
    labels = host.rstrip(".").split(".")
    if not (host and len(host) <= 253 and (all(len(label) <= 63 and _LABEL.fullmatch(label) for label in labels)
                                           or (":" in host and _IPV6.fullmatch(host)))):
        raise Invalid(f"not a host name: {host!r}", 'the host alone, e.g. "www.sm.gov.cn"')


def pem_file(path: str) -> None:
    """A readable file holding at least one PEM certificate (extra CA / intermediate certificates)."""
    try:
        with open(path, "rb") as f:
            head = f.read(1_000_000)
    except FileNotFoundError:
        raise Invalid(f"{path}: file not found", "the path of a PEM file of certificates") from None
    except OSError as exc:
        raise Invalid(f"{path}: cannot read: {exc.strerror}", "the path of a PEM file of certificates") from None
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise Invalid(f"{path}: no PEM certificate in it",
                      "save the certificate as PEM (text starting -----BEGIN CERTIFICATE-----)")


def email(address: str) -> None:
    """name@domain, alone or after a display name: `Desk <name@domain>`, `"三明 Desk" <name@domain>`."""
    if not (_EMAIL.match(address) or _NAMED_EMAIL.match(address)):
        raise Invalid(f"not an email address: {address!r}", "use name@domain or Name <name@domain>, one an entry")


_SHELL_REF = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)\}|\$([A-Z_][A-Z0-9_]*)")


def env_name(name: str) -> None:
    """The name of an environment variable (the secret itself never goes in the file)."""
    if ref := _SHELL_REF.fullmatch(name):  # `${SMTP_PASSWORD}` as in a shell: the name is in it, safe to show
        var = ref.group(1) or ref.group(2)
        raise Invalid(f"{name!r} is how a shell reads a variable; this key takes the variable's name alone",
                      f'write "{var}"')
    if not ENV_NAME.match(name):  # not printed: what stands here instead of a name may be the secret
        raise Invalid("not an environment variable name (not shown: it may be the secret itself)",
                      'name the variable that holds the secret, e.g. "MONITOR_SMTP_PASSWORD"')


_CONVENTIONAL_ENV = re.compile(r"[A-Z_][A-Z0-9_]*")


def shown_env_name(name: str) -> str | None:
    """`name` as an error line may print it, or None: a `*_env` key names a variable, but a user
    may have put the secret itself there, so a name not in the upper-case form of variables
    (MONITOR_SMTP_PASSWORD) is not printed."""
    return name if _CONVENTIONAL_ENV.fullmatch(name) else None


def blank_secret(value: str | None) -> bool:
    """Whether a secret read from the environment is missing: unset, empty, or only spaces (`SMTP_PW= `
    in a compose file; no server takes a password of blanks, and the login failure would blame the
    server)."""
    return not value or not value.strip()


def unset_env(name: str, value: str | None = None) -> tuple[str, str]:
    """(what is missing, what to do) for `name`'s variable unset (`value` None), or set but empty or
    blank (an `export SMTP_PW=` whose value was lost, a compose file's `SMTP_PW:` with nothing after
    it), without printing a name that may be the secret itself."""
    shown = shown_env_name(name)
    state = "not set" if value is None else "set but empty" if not value else "set but only spaces"
    if shown:
        return f"environment variable {shown} is {state}", f"export {shown}"
    return (f"the environment variable it names is {state.replace('set but ', '')} (the name is not shown: not "
            "in upper case, it may be the secret itself)", "put the secret in a variable such as MONITOR_SMTP_PASSWORD, name that variable "
            "here and export it")


def allow_entry(entry: str) -> None:
    """An address the fetcher may reach although it is private: judged by the fetcher's parser."""
    from ..allowlist import parse_rule

    try:
        parse_rule(entry)
    except ValueError as exc:
        raise Invalid(str(exc), 'e.g. "127.0.0.1", "10.0.0.0/8" or "127.0.0.1:8080"') from None


_PATH = re.compile(r"^\$?(?:[./]?(?:[^./\[\]\s*]++|\[-?\d+\]|\[\*\]))*$")  # possessive: linear


def json_path(where: str) -> None:
    """`data.list`, `$.result.items[0].docs`, `a.0.b`, or `$` for the whole answer."""
    if not _PATH.match(where):
        raise Invalid(f"not a JSON path: {where!r}", 'dotted keys with [n] for list positions, e.g. "data.list"')


def date_format(fmt: str) -> None:
    """A strptime format, or `epoch` / `epoch_ms` for Unix times."""
    if fmt in ("epoch", "epoch_ms"):
        return
    if "%" not in fmt:
        raise Invalid(f"not a date format: {fmt!r}", 'a strptime format such as "%Y-%m-%d %H:%M:%S", or "epoch_ms"')


def charset(name: str) -> None:
    """A character set a site's pages are written in (for URL-encoding a query as its forms do): as
    the decoder reads page labels, so a Python codec that is no charset ("base64", "rot13": the poll
    failed at each query; "utf-7", "punycode": a query no site reads) is refused."""
    import codecs

    from ..decode import normalize_charset

    try:
        codecs.lookup(name)  # the name as written is what encodes the query
    except LookupError:
        raise Invalid(f"unknown charset {name!r}", 'e.g. "utf-8", "gbk" or "big5"') from None
    if normalize_charset(name) is None:
        raise Invalid(f"{name!r} is no charset a site writes its pages in", 'e.g. "utf-8", "gbk" or "big5"')


def upper(value: Any) -> Any:
    """HTTP methods are case-insensitive in the file, upper case in the program."""
    return value.upper() if isinstance(value, str) else value
