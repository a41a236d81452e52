"""Configuration: TOML files → frozen dataclasses.

In: a path to `monitor.toml` (which may `include` more TOML files). Out: `Config`. Every
problem is collected and reported as `file: key: problem (hint)`; unknown keys are rejected.
Secrets are never in the file: only the name of an environment variable that holds them.
Never opens sockets or the database.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .models import ExtractRules

SOURCE_KINDS = ("feed", "html")
CHANNEL_KINDS = ("email", "webhook", "file", "stdout")
WEBHOOK_FORMATS = ("json", "slack", "dingtalk", "wecom", "feishu", "markdown")
DIGEST_FORMATS = ("text", "markdown", "html")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class FetchConfig:
    """How politely and how patiently we fetch."""

    user_agent: str = "monitor/0.1 (news monitoring; contact: set fetch.user_agent)"
    timeout: float = 20.0
    min_delay: float = 1.0
    max_bytes: int = 8_000_000
    retries: int = 2
    respect_robots: bool = True
    max_articles_per_poll: int = 50


@dataclass(frozen=True)
class Source:
    """One place we poll for links: an RSS/Atom feed or an HTML list page."""

    name: str
    kind: str
    url: str
    interval: float = 1800.0
    link_selector: str | None = None
    link_pattern: str | None = None
    extract: ExtractRules = field(default_factory=ExtractRules)
    enabled: bool = True


@dataclass(frozen=True)
class Channel:
    """One way to deliver a digest: email, webhook, a file or stdout."""

    kind: str
    to: tuple[str, ...] = ()
    sender: str | None = None
    smtp_host: str = "localhost"
    smtp_port: int = 25
    security: str = "none"  # none | starttls | ssl
    username: str | None = None
    password_env: str | None = None
    url: str | None = None
    format: str = "json"
    secret_env: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Subscriber:
    """Someone who gets digests of some topics on a schedule."""

    name: str
    topics: tuple[str, ...]
    schedule: str = "0 8 * * *"
    format: str = "text"
    max_stories: int = 100
    channels: tuple[Channel, ...] = ()


@dataclass(frozen=True)
class Config:
    """The whole validated configuration."""

    path: Path | None
    db_path: Path
    timezone: str = "Asia/Shanghai"
    jitter: float = 60.0
    fetch: FetchConfig = field(default_factory=FetchConfig)
    sources: tuple[Source, ...] = ()
    topics: dict[str, Any] = field(default_factory=dict)  # name -> compiled match.Topic
    subscribers: tuple[Subscriber, ...] = ()

    def source(self, name: str) -> Source:
        """The source called `name`, or a ConfigError naming the known ones."""
        for src in self.sources:
            if src.name == name:
                return src
        known = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"no source named {name!r}", hint=f"known sources: {known}")

    def subscriber(self, name: str) -> Subscriber:
        """The subscriber called `name`, or a ConfigError naming the known ones."""
        for sub in self.subscribers:
            if sub.name == name:
                return sub
        known = ", ".join(s.name for s in self.subscribers) or "none"
        raise ConfigError(f"no subscriber named {name!r}", hint=f"known subscribers: {known}")


def parse_duration(value: Any) -> float:
    """'30m', '2h', '45s', '1d' or a number of seconds → seconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    m = _DURATION.match(str(value))
    if not m:
        raise ValueError(f"{value!r} is not a duration (use e.g. 90s, 30m, 2h, 1d)")
    return float(m.group(1)) * _UNITS[m.group(2)]


class _Problems:
    """Collects every problem in a file so check-config can list them all at once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, key: str, problem: str, hint: str = "") -> None:
        self.items.append(f"{where}: {key}: {problem}" + (f" ({hint})" if hint else ""))

    def unknown(self, where: str, prefix: str, table: dict, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                hint = "allowed: " + ", ".join(sorted(allowed))
                self.add(where, f"{prefix}{key}", "unknown key", hint)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found", hint="pass --config PATH or set MONITOR_CONFIG") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}", hint="fix the syntax at that line") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _merged(path: Path, problems: _Problems) -> tuple[dict, dict[str, Path]]:
    """The main file with its includes merged in; remembers which file each topic/source came from."""
    raw = _read_toml(path)
    origin: dict[str, Path] = {}
    for name in raw.get("topics", {}) or {}:
        origin[f"topics.{name}"] = path
    for inc in raw.pop("include", []) or []:
        inc_path = _include_path(path, str(inc))
        try:
            extra = _read_toml(inc_path)
        except ConfigError as exc:
            problems.add(str(path), "include", exc.message, "check the path; it is relative to this file")
            continue
        for name, table in (extra.pop("topics", {}) or {}).items():
            raw.setdefault("topics", {})[name] = table
            origin[f"topics.{name}"] = inc_path
        raw.setdefault("sources", []).extend(extra.pop("sources", []) or [])
        for key in extra:
            problems.add(str(inc_path), key, "only [topics.*] and [[sources]] may be included",
                         "move it to the main config file")
    return raw, origin


def _include_path(path: Path, inc: str) -> Path:
    """`monitor:topics/x.toml` names a file bundled with the package; other paths are
    relative to the including file."""
    if inc.startswith("monitor:"):
        from importlib.resources import files

        return Path(str(files("monitor") / "data" / inc.removeprefix("monitor:")))
    return (path.parent / inc).resolve()


def _get(table: dict, key: str, kind: type | tuple, where: str, problems: _Problems, default: Any = None,
         prefix: str = "") -> Any:
    value = table.get(key, default)
    if value is default:
        return default
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        problems.add(where, prefix + key, f"expected {name}, got {value!r}")
        return default
    return value


def _duration(table: dict, key: str, default: float, where: str, problems: _Problems, prefix: str = "") -> float:
    if key not in table:
        return default
    try:
        return parse_duration(table[key])
    except ValueError as exc:
        problems.add(where, prefix + key, str(exc))
        return default


def _fetch(raw: dict, where: str, problems: _Problems) -> FetchConfig:
    table = raw.get("fetch", {}) or {}
    problems.unknown(where, "fetch.", table, set(FetchConfig.__dataclass_fields__))
    base = FetchConfig()
    kw: dict[str, Any] = {}
    for name, kind in (("user_agent", str), ("timeout", (int, float)), ("min_delay", (int, float)),
                       ("max_bytes", int), ("retries", int), ("respect_robots", bool),
                       ("max_articles_per_poll", int)):
        value = _get(table, name, kind, where, problems, getattr(base, name), "fetch.")
        kw[name] = float(value) if kind == (int, float) else value
    return FetchConfig(**kw)


_SOURCE_KEYS = {"name", "kind", "url", "interval", "link_selector", "link_pattern", "extract", "enabled"}
_EXTRACT_KEYS = {"title", "body", "date", "author", "source_name", "remove"}


def _source(table: dict, i: int, where: str, problems: _Problems, seen: set[str]) -> Source | None:
    prefix = f"sources[{i}]."
    if not isinstance(table, dict):
        problems.add(where, f"sources[{i}]", "expected a table", "write it as [[sources]]")
        return None
    problems.unknown(where, prefix, table, _SOURCE_KEYS)
    name = _get(table, "name", str, where, problems, None, prefix)
    if not name:
        problems.add(where, prefix + "name", "missing", 'give each source a unique name = "..."')
        return None
    prefix = f"sources.{name}."
    if name in seen:
        problems.add(where, prefix + "name", "duplicate source name", "names must be unique")
    seen.add(name)
    kind = _get(table, "kind", str, where, problems, "feed", prefix)
    if kind not in SOURCE_KINDS:
        problems.add(where, prefix + "kind", f"unknown kind {kind!r}", "use one of: " + ", ".join(SOURCE_KINDS))
    url = _get(table, "url", str, where, problems, "", prefix)
    if not re.match(r"^https?://[^/\s]+", url or ""):
        problems.add(where, prefix + "url", f"not an http(s) URL: {url!r}", "e.g. https://www.example.cn/rss.xml")
    selector = _get(table, "link_selector", str, where, problems, None, prefix)
    if kind == "html" and not selector:
        problems.add(where, prefix + "link_selector", "missing for an html source",
                     'a CSS selector for article links, e.g. "ul.list a"')
    pattern = _get(table, "link_pattern", str, where, problems, None, prefix)
    if pattern:
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.add(where, prefix + "link_pattern", f"bad regular expression: {exc}")
    ex = table.get("extract", {}) or {}
    problems.unknown(where, prefix + "extract.", ex, _EXTRACT_KEYS)
    for key in ("link_selector",):
        _check_selector(table.get(key), where, prefix + key, problems)
    for key, value in ex.items():
        for sel in (value if isinstance(value, list) else [value]):
            _check_selector(sel, where, f"{prefix}extract.{key}", problems)
    rules = ExtractRules(**{k: ex.get(k) for k in _EXTRACT_KEYS - {"remove"}},
                         remove=tuple(ex.get("remove", ()) or ()))
    return Source(name=name, kind=kind, url=url, interval=_duration(table, "interval", 1800.0, where, problems, prefix),
                  link_selector=selector, link_pattern=pattern, extract=rules,
                  enabled=bool(table.get("enabled", True)))


def _check_selector(selector: Any, where: str, key: str, problems: _Problems) -> None:
    """A CSS selector lexbor cannot parse would silently pick nothing: reject it at start-up."""
    if selector is None:
        return
    if not isinstance(selector, str) or not selector.strip():
        problems.add(where, key, f"expected a CSS selector, got {selector!r}")
        return
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(selector)
    except Exception:  # selectolax raises a bare exception type for bad selectors
        problems.add(where, key, f"not a valid CSS selector: {selector!r}", 'e.g. "div.article p" or "h1.title"')


_CHANNEL_KEYS = {"kind", "to", "from", "smtp_host", "smtp_port", "security", "username", "password_env",
                 "url", "format", "secret_env", "path"}
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def _channel(table: dict, prefix: str, where: str, problems: _Problems) -> Channel | None:
    problems.unknown(where, prefix, table, _CHANNEL_KEYS)
    kind = table.get("kind")
    if kind not in CHANNEL_KINDS:
        problems.add(where, prefix + "kind", f"unknown channel kind {kind!r}", "use one of: " + ", ".join(CHANNEL_KINDS))
        return None
    to = table.get("to", [])
    to = [to] if isinstance(to, str) else list(to)
    if kind == "email":
        if not to:
            problems.add(where, prefix + "to", "missing", 'list the recipients, e.g. to = ["press@example.org"]')
        for addr in to:
            if not _EMAIL.match(str(addr)):
                problems.add(where, prefix + "to", f"not an email address: {addr!r}", "use name@domain")
        sender = table.get("from")
        if not sender or not _EMAIL.match(str(sender)):
            problems.add(where, prefix + "from", f"not an email address: {sender!r}", 'e.g. from = "monitor@example.org"')
    if kind == "webhook" and not re.match(r"^https?://", str(table.get("url", ""))):
        problems.add(where, prefix + "url", f"not an http(s) URL: {table.get('url')!r}", "the webhook's full URL")
    if kind == "file" and not table.get("path"):
        problems.add(where, prefix + "path", "missing", 'e.g. path = "digests/{subscriber}-{date}.txt"')
    fmt = table.get("format", "json" if kind == "webhook" else "text")
    allowed = WEBHOOK_FORMATS if kind == "webhook" else DIGEST_FORMATS
    if fmt not in allowed:
        problems.add(where, prefix + "format", f"unknown format {fmt!r}", "use one of: " + ", ".join(allowed))
    security = table.get("security", "none")
    if security not in ("none", "starttls", "ssl"):
        problems.add(where, prefix + "security", f"unknown value {security!r}", "use none, starttls or ssl")
    port = table.get("smtp_port", 465 if security == "ssl" else 587 if security == "starttls" else 25)
    return Channel(kind=kind, to=tuple(str(a) for a in to), sender=table.get("from"),
                   smtp_host=str(table.get("smtp_host", "localhost")), smtp_port=int(port) if isinstance(port, int) else 25,
                   security=security, username=table.get("username"), password_env=table.get("password_env"),
                   url=table.get("url"), format=fmt, secret_env=table.get("secret_env"), path=table.get("path"))


_SUB_KEYS = {"name", "topics", "schedule", "format", "max_stories", "channels"}


def _subscriber(table: dict, i: int, where: str, problems: _Problems, topics: set[str]) -> Subscriber | None:
    prefix = f"subscribers[{i}]."
    problems.unknown(where, prefix, table, _SUB_KEYS)
    name = table.get("name")
    if not isinstance(name, str) or not name:
        problems.add(where, prefix + "name", "missing", 'give each subscriber a name = "..."')
        return None
    prefix = f"subscribers.{name}."
    wanted = table.get("topics", sorted(topics))
    for t in wanted:
        if t not in topics:
            problems.add(where, prefix + "topics", f"unknown topic {t!r}", "defined topics: " + ", ".join(sorted(topics)))
    schedule = str(table.get("schedule", "0 8 * * *"))
    if len(schedule.split()) != 5:
        problems.add(where, prefix + "schedule", f"not a 5-field cron expression: {schedule!r}",
                     'e.g. "0 8 * * *" for 08:00 Asia/Shanghai every day')
    fmt = table.get("format", "text")
    if fmt not in DIGEST_FORMATS:
        problems.add(where, prefix + "format", f"unknown format {fmt!r}", "use one of: " + ", ".join(DIGEST_FORMATS))
    channels = [_channel(c, f"{prefix}channels[{j}].", where, problems) for j, c in enumerate(table.get("channels", []))]
    return Subscriber(name=name, topics=tuple(wanted), schedule=schedule, format=fmt,
                      max_stories=int(table.get("max_stories", 100)),
                      channels=tuple(c for c in channels if c is not None))


def _topics(raw: dict, origin: dict[str, Path], where: str, problems: _Problems) -> dict[str, Any]:
    from . import match  # config compiles topics once, at start-up

    compiled: dict[str, Any] = {}
    for name, table in (raw.get("topics", {}) or {}).items():
        src = str(origin.get(f"topics.{name}", where))
        try:
            compiled[name] = match.compile_topic(name, table, where=src)
        except ConfigError as exc:
            problems.items.extend(exc.problems)
    return compiled


_TOP_KEYS = {"include", "storage", "fetch", "schedule", "sources", "topics", "subscribers"}


def load(path: str | Path | None = None, db_override: str | Path | None = None) -> Config:
    """Read and validate the config; raise ConfigError listing every problem found."""
    path = Path(path or os.environ.get("MONITOR_CONFIG") or default_config_path())
    problems = _Problems()
    where = str(path)
    raw, origin = _merged(path, problems)
    problems.unknown(where, "", raw, _TOP_KEYS)
    storage = raw.get("storage", {}) or {}
    problems.unknown(where, "storage.", storage, {"path"})
    # A relative storage path is relative to the working directory, like every CLI path.
    db = Path(db_override or os.environ.get("MONITOR_DB") or storage.get("path", "data/monitor.db"))
    sched = raw.get("schedule", {}) or {}
    problems.unknown(where, "schedule.", sched, {"timezone", "jitter"})
    seen: set[str] = set()
    sources = [_source(t, i, where, problems, seen) for i, t in enumerate(raw.get("sources", []) or [])]
    topics = _topics(raw, origin, where, problems)
    subs = [_subscriber(t, i, where, problems, set(topics)) for i, t in enumerate(raw.get("subscribers", []) or [])]
    cfg = Config(path=path, db_path=db, timezone=str(sched.get("timezone", "Asia/Shanghai")),
                 jitter=_duration(sched, "jitter", 60.0, where, problems, "schedule."),
                 fetch=_fetch(raw, where, problems), sources=tuple(s for s in sources if s),
                 topics=topics, subscribers=tuple(s for s in subs if s))
    if problems.items:
        n = len(problems.items)
        raise ConfigError(problems.items[0] if n == 1 else f"{n} problems in {where}",
                          hint="run `monitor check-config` to list them" if n > 1 else None,
                          problems=problems.items)
    return cfg


def default_config_path() -> Path:
    """`config/monitor.toml` in the working directory, else the bundled default."""
    local = Path("config/monitor.toml")
    if local.exists():
        return local
    from importlib.resources import files

    return Path(str(files("monitor") / "data" / "default.toml"))
