"""The declared shape of `monitor.toml`: frozen msgspec Structs, one per table.

In: nothing. Out: the types `loader` validates TOML against and the rest of the program reads.
Every field has a strict type (no "no" for false, no "50" for 50) and unknown keys are refused.
A field whose value must satisfy a real parser names it with `rule(...)` (see checks.py).
To add a key: add a typed field with a default to the right Struct; to add a table: add a
Struct and a field of that type to `Config`. Nothing else is needed for validation and errors.
Never reads files or the environment.
"""

import re
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import msgspec

from ..errors import ConfigError
from ..siterules import ExtractRules
from . import checks
from .files import DEFAULT_DB


def rule(check: Any = None, *, before: Any = None, hint: str = "", **constraints: Any) -> msgspec.Meta:
    """Metadata for `Annotated[type, rule(...)]`: `check(value)` runs after conversion, `before(raw)`
    may reshape the raw value first (e.g. "30m" → 1800.0); `constraints` are msgspec's (ge, le, …)."""
    return msgspec.Meta(extra={"check": check, "before": before, "hint": hint}, **constraints)


Cron = Annotated[str, rule(checks.cron)]
Timezone = Annotated[str, rule(checks.timezone)]
Selector = Annotated[str, rule(checks.selector, before=checks.lexbor_selector)]
Regex = Annotated[str, rule(checks.regex)]
HttpUrl = Annotated[str, rule(checks.http_url)]
PemFile = Annotated[str, rule(checks.pem_file)]
HostName = Annotated[str, rule(checks.host_name)]
Email = Annotated[str, rule(checks.email)]
EnvName = Annotated[str, rule(checks.env_name)]
# Upper bounds keep out `inf` (valid TOML) and typos of many zeros: a delay or a timeout past a
# day, an interval past a year, would stall a host, a poll or the schedule without a word.
Duration = Annotated[float, rule(before=checks.parse_duration, hint="e.g. 90s, 30m, 2h, 1d or seconds as a number",
                                 le=366 * 86400)]
# An interval of nothing (`interval = 0`, meant as "never" or a unit lost) was made one second by
# APScheduler: the daemon polled the site every second. At least a second, said at load.
Interval = Annotated[float, rule(before=checks.parse_duration, hint="e.g. 30m or 2h; enabled = false stops polling",
                                 ge=1, le=366 * 86400)]
Port = Annotated[int, rule(hint="a port number without quotes, e.g. 587", ge=1, le=65535)]
PositiveInt = Annotated[int, rule(hint="a whole number without quotes, e.g. 50", ge=1)]
Count = Annotated[int, rule(hint="a whole number without quotes, e.g. 2", ge=0)]
# Tries after a transient failure, each after a longer backoff: `retries = 1000000000` (zeros
# slipped in) had a dead host asked again all through the source's deadline, poll after poll.
Retries = Annotated[int, rule(hint="a whole number from 0 to 10 without quotes, e.g. 2", ge=0, le=10)]
# Seconds, written as a number or as a duration ("20s", "2m"): `timeout = "30s"` was refused as "expected float".
Seconds = Annotated[float, rule(before=checks.parse_seconds, hint="seconds, e.g. 20 or 20s", ge=0, le=86400)]
Name = Annotated[str, rule(hint='a short unique name, e.g. "sanming-gov"', min_length=1)]
Days = Annotated[float, rule(hint="a number of days, e.g. 30", ge=0, le=36500)]
JsonPath = Annotated[str, rule(checks.json_path)]
DateFormat = Annotated[str, rule(checks.date_format)]
Charset = Annotated[str, rule(checks.charset)]
Method = Annotated[Literal["GET", "POST"], rule(before=checks.upper)]
Preset = Literal["bing-news", "google-news", "rsshub"]
Selectors = Annotated[tuple[Selector, ...], rule(before=checks.as_list)]
AllowEntry = Annotated[str, rule(checks.allow_entry)]
AllowList = Annotated[tuple[AllowEntry, ...], rule(before=checks.as_list, hint=(
    'the private addresses to fetch, listed: e.g. ["127.0.0.1:8080", "10.20.0.0/16", "intranet.lan"]'))]
Emails = Annotated[tuple[Email, ...], rule(before=checks.as_list, hint='addresses, e.g. ["office@example.org"]')]

SourceKind = Literal["feed", "html", "sitemap", "json-api", "search"]
ChannelKind = Literal["email", "webhook", "file", "stdout"]
DigestFormat = Literal["text", "markdown", "html"]
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
CHANNEL_KINDS: tuple[str, ...] = get_args(ChannelKind)
DIGEST_FORMATS: tuple[str, ...] = get_args(DigestFormat)
WEBHOOK_FORMATS = ("json", "slack", "dingtalk", "wecom", "feishu", "markdown")


class Table(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A TOML table: unknown keys refused, immutable once loaded."""

    def problems(self) -> list[tuple[str, str, str]]:
        """Checks across fields, as (key, problem, hint); run after every field passed."""
        return []


class FetchConfig(Table, frozen=True, kw_only=True):
    """How politely, patiently and where we fetch."""

    user_agent: str = "monitor/0.1 (news monitoring; contact: set fetch.user_agent)"
    timeout: Seconds = 30.0  # the whole budget of one request: connect, headers and body
    min_delay: Seconds = 1.0  # between two requests to one host (it grows with the host's latency)
    max_bytes: PositiveInt = 8_000_000  # after decompression
    retries: Retries = 2  # transient failures only; a timeout is retried at most once
    respect_robots: bool = True
    max_articles_per_poll: PositiveInt = 50
    source_deadline: Duration = 600.0  # one source's share of a cycle; links left over wait for the next
    concurrency: PositiveInt = 16  # requests in flight at once, across hosts
    allow_private: AllowList = ()  # private/loopback addresses we may fetch: IP, CIDR or host:port
    proxy: HttpUrl | None = None  # default: HTTP_PROXY / HTTPS_PROXY / NO_PROXY from the environment
    # extra certificates (PEM) trusted on top of the usual bundle: a site's missing intermediate
    ca_file: PemFile | None = None
    # hosts reached over TLS even when their certificate is not vouched for (expired, self-signed,
    # for another name), as a person clicks through a browser's warning: named one by one
    unverified_hosts: tuple[HostName, ...] = ()


class ExtractConfig(Table, frozen=True, kw_only=True):
    """`[sources.extract]`: CSS selectors for sites where the generic extractor needs help."""

    title: Selector | None = None
    body: Selector | None = None
    date: Selector | None = None
    author: Selector | None = None
    source_name: Selector | None = None
    remove: Selectors = ()

    def rules(self) -> ExtractRules:
        """The stage's own dataclass (extract never imports config)."""
        return ExtractRules(**msgspec.structs.asdict(self))


Extract = Annotated[ExtractRules, msgspec.Meta(extra={"schema": ExtractConfig, "build": ExtractConfig.rules})]


# Keys that only some kinds read; any other key applies to every kind.
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "link_selector": ("html", "search"), "pages": ("html",), "page_url": ("html",), "next_selector": ("html",),
    "first_page": ("html", "json-api"), "max_sitemaps": ("sitemap",), "date_tz": ("sitemap", "json-api", "html", "feed"),
    "headers": ("json-api", "search"),
    **dict.fromkeys(("method", "form", "body", "items", "title", "link", "date", "date_format", "page_count",
                     "max_pages", "next_page"), ("json-api",)),
    **dict.fromkeys(("query", "preset", "charset", "route", "rsshub"), ("search",)),
}


class Source(Table, frozen=True, kw_only=True):
    """One place we poll for links: a feed, list pages, a sitemap, a JSON API or a search query."""

    name: Name
    kind: SourceKind = "feed"
    url: HttpUrl = ""  # for kind = "search": a template with {query}, or none with a preset
    interval: Interval = 1800.0
    enabled: bool = True
    link_selector: Selector | None = None
    link_pattern: Regex | None = None
    exclude_pattern: Regex | None = None
    max_age_days: Days | None = None  # None: 30 for a sitemap, no limit for the rest; 0: no limit
    topics: tuple[str, ...] = ()  # empty: every topic
    extract: Extract = msgspec.field(default_factory=ExtractRules)
    headers: dict[str, str] = msgspec.field(default_factory=dict)
    # html: more list pages
    pages: PositiveInt = 1
    page_url: str | None = None  # e.g. "index_{n}.htm", "?page={n}"
    next_selector: Selector | None = None
    first_page: Count = 1
    # sitemap
    max_sitemaps: PositiveInt = 10
    date_tz: Timezone = "Asia/Shanghai"  # a zoneless date's clock: sitemap, json-api, feed; html's {date:} and list dates
    # json-api
    method: Method | None = None  # None: POST with a form or body, else GET
    form: dict[str, str | int | float] | None = None
    body: dict[str, Any] | str | None = None
    items: JsonPath | None = None
    title: JsonPath | None = None
    link: str | None = None  # a path, or a template such as "https://x.cn/a/{id}.htm"
    date: JsonPath | None = None
    date_format: DateFormat | None = None
    page_count: JsonPath | int | None = None  # a path to the number of pages (or the number)
    max_pages: PositiveInt | None = None
    next_page: JsonPath | None = None  # a path to the next page's cursor (or address), sent as {cursor}
    # search
    query: str | None = None
    preset: Preset | None = None
    charset: Charset = "utf-8"
    route: str | None = None
    rsshub: HttpUrl | None = None

    @property
    def max_age(self) -> float | None:
        """Days after which a listed entry is not fetched; None for no limit."""
        days = self.max_age_days if self.max_age_days is not None else (30.0 if self.kind == "sitemap" else None)
        return days or None

    def problems(self) -> list[tuple[str, str, str]]:
        out = [(key, f"not used by kind {self.kind!r}", "it applies to kind " + " or ".join(kinds))
               for key, kinds in KIND_KEYS.items()
               if self.kind not in kinds and getattr(self, key) != _DEFAULTS[key]]
        if not self.url and not (self.kind == "search" and self.preset):
            out.append(("url", "missing", "the address to poll, e.g. https://www.example.cn/news/"))
        if "{date:" in self.url and self.kind != "html":
            out.append(("url", f"{{date:…}} is filled for html sources only, not {self.kind}",
                        "give the address as it is, or poll the edition's page as an html source"))
        return out + _KIND_CHECKS.get(self.kind, _none)(self)


def _none(src: Source) -> list[tuple[str, str, str]]:
    return []


def _html_problems(src: Source) -> list[tuple[str, str, str]]:
    out = []
    if not src.link_selector:
        out.append(("link_selector", "missing for an html source", 'a CSS selector for article links, e.g. "ul.list a"'))
    for fmt in re.findall(r"\{date:([^{}]*)\}", src.url):  # an e-paper's edition of the day
        if "%" not in fmt:
            out.append(("url", f"{{date:{fmt}}} has no strftime field", 'the day as the address writes it, e.g. "{date:%Y-%m/%d}"'))
    if src.page_url is not None and "{n}" not in src.page_url:
        out.append(("page_url", "has no {n}", 'mark the page number, e.g. "index_{n}.htm" or "?page={n}"'))
    if src.pages > 1 and not (src.page_url or src.next_selector):
        out.append(("pages", "more than one page needs page_url or next_selector",
                    'e.g. page_url = "index_{n}.htm" or next_selector = "a.next"'))
    return out


def _api_problems(src: Source) -> list[tuple[str, str, str]]:
    out = []
    for key, example in (("items", '"data.list" (or "$" when the answer is the list)'), ("link", '"url"')):
        if getattr(src, key) is None:
            out.append((key, "missing for a json-api source", f"the path in the answer, e.g. {key} = {example}"))
    if src.form is not None and src.body is not None:
        out.append(("body", "form and body both set", "a form is sent form-encoded, a body as JSON: keep one"))
    if src.method == "GET" and (src.form is not None or src.body is not None):
        out.append(("method", "GET cannot send a form or body", 'use method = "POST" or put {page} in the url'))
    if src.next_page is None and "{cursor}" in f"{src.url} {src.form} {src.body}":
        out.append(("next_page", "missing: {cursor} is never filled",
                    'the path to the next page\'s token in the answer, e.g. next_page = "data.next_cursor"'))
    return out


def _search_problems(src: Source) -> list[tuple[str, str, str]]:
    out = []
    if src.preset in ("bing-news", "google-news") and src.url:
        out.append(("url", f"preset {src.preset!r} sets the url", "drop url, or drop preset and keep url"))
    if src.preset == "rsshub" and not src.route:
        out.append(("route", "missing for preset 'rsshub'", 'the RSSHub route, e.g. "/thepaper/channel/25950"'))
    template = src.route if src.preset == "rsshub" else src.url
    if not src.preset and template and "{query}" not in template:
        out.append(("url", "has no {query}", 'mark where the query goes, e.g. "https://so.example.cn/news?q={query}"'))
    if not src.query and (src.preset in ("bing-news", "google-news") or "{query}" in (template or "")):
        out.append(("query", "missing for a search source", 'e.g. query = "沪明 OR (上海 三明 合作)"'))
    return out


_KIND_CHECKS = {"html": _html_problems, "json-api": _api_problems, "search": _search_problems}


class Channel(Table, frozen=True, kw_only=True):
    """One way to deliver a digest: email, webhook, a file or stdout."""

    kind: ChannelKind
    to: Emails = ()
    sender: Email | None = msgspec.field(default=None, name="from")
    smtp_host: str = "localhost"
    smtp_port: Port = 0  # 0: 465 for ssl, 587 for starttls, else 25
    security: Literal["none", "starttls", "ssl"] = "none"
    username: str | None = None
    password_env: EnvName | None = None
    url: HttpUrl | None = None
    format: str = ""  # "": json for a webhook, else text
    secret_env: EnvName | None = None
    path: str | None = None

    def __post_init__(self) -> None:
        if not self.smtp_port:
            port = {"ssl": 465, "starttls": 587}.get(self.security, 25)
            msgspec.structs.force_setattr(self, "smtp_port", port)
        if not self.format:
            msgspec.structs.force_setattr(self, "format", "json" if self.kind == "webhook" else "text")

    def problems(self) -> list[tuple[str, str, str]]:
        out = []
        if self.kind == "email" and not self.to:
            out.append(("to", "missing", 'list the recipients, e.g. to = ["press@example.org"]'))
        if self.kind == "email" and not self.sender:
            out.append(("from", "missing", 'e.g. from = "monitor@example.org"'))
        if self.kind == "webhook" and not self.url:
            out.append(("url", "missing", "the webhook's full https:// URL"))
        if self.kind == "file" and not self.path:
            out.append(("path", "missing", 'e.g. path = "digests/{subscriber}-{date}.txt"'))
        if self.kind == "file" and self.path and ("{" in (rest := self.path.replace("{subscriber}", "").replace(
                "{date}", "")) or "}" in rest):  # `{day}` was kept as it is: each digest replaced the one before
            bad = re.search(r"\{[^{}]*\}", rest)
            out.append(("path", f"unknown placeholder {bad.group()}" if bad else f"a brace not closed in {self.path!r}",
                        "only {subscriber} and {date} are filled in, "
                        'e.g. path = "digests/{subscriber}-{date}.txt"'))
        allowed = WEBHOOK_FORMATS if self.kind == "webhook" else DIGEST_FORMATS
        if self.format not in allowed:
            out.append(("format", f"unknown format {self.format!r}", "use one of: " + ", ".join(allowed)))
        return out


class Subscriber(Table, frozen=True, kw_only=True):
    """Someone who gets digests of some topics on a schedule."""

    name: Name
    topics: tuple[str, ...] = ()  # empty in the file: every defined topic
    schedule: Cron = "0 8 * * *"
    format: DigestFormat = "text"
    max_stories: PositiveInt = 100
    channels: tuple[Channel, ...] = ()


class Storage(Table, frozen=True, kw_only=True):
    """`[storage]`: where the database lives (relative paths: to the working directory)."""

    path: str = DEFAULT_DB


class Schedule(Table, frozen=True, kw_only=True):
    """`[schedule]`: the timezone of cron schedules and the spread of polls."""

    timezone: Timezone = "Asia/Shanghai"
    jitter: Duration = 60.0


_DEFAULTS = {f.name: f.default if f.default is not msgspec.NODEFAULT else f.default_factory()
             for f in msgspec.structs.fields(Source) if f.name in KIND_KEYS}


class Web(Table, frozen=True, kw_only=True):
    """`[web]`: where `monitor serve` is reachable, so digests can link each story's page."""

    base_url: HttpUrl | None = None


# Fields of Config filled by the loader, not read from a TOML key of the same name.
COMPUTED = ("path", "db_path", "topics")


class Config(Table, frozen=True, kw_only=True):
    """The whole validated configuration; each Struct-typed field is a top-level TOML table."""

    path: Path | None = None
    db_path: Path = Path("data/monitor.db")
    topics: dict[str, Any] = msgspec.field(default_factory=dict)  # name -> compiled match.Topic
    storage: Storage = msgspec.field(default_factory=Storage)
    schedule: Schedule = msgspec.field(default_factory=Schedule)
    fetch: FetchConfig = msgspec.field(default_factory=FetchConfig)
    sources: tuple[Source, ...] = ()
    subscribers: tuple[Subscriber, ...] = ()
    web: Web = msgspec.field(default_factory=Web)

    @property
    def timezone(self) -> str:
        """The timezone of subscriber schedules."""
        return self.schedule.timezone

    @property
    def jitter(self) -> float:
        """Seconds of random delay added to each poll."""
        return self.schedule.jitter

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
