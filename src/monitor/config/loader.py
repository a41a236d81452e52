"""Reading the config: `monitor.toml` (and its includes) → a validated `Config`.

In: a path (or MONITOR_CONFIG, or config/monitor.toml, or the bundled default) and the
environment for secrets. Out: `Config`, or a ConfigError listing every problem as
`file: key: problem (hint)`. Topic rules are compiled here, once, by `match.compile_topic`
(or on first use, `compile_topics=False`, for commands that only need topic names).
Secrets are never in the file, only the names of the environment variables holding them.
Never opens sockets or the database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec

from ..errors import ConfigError
from .checks import blank_secret, reversed_offset, unset_env
from .files import Problems, config_path, merged
from .schema import COMPUTED, Config
from .topics import LazyTopics
from .validate import fields_of, table


def load(path: str | Path | None = None, db_override: str | Path | None = None, *,
         compile_topics: bool = True) -> Config:
    """Read and validate the config; raise ConfigError listing every problem found.
    `compile_topics=False`: topics compile on first look-up (see topics.py)."""
    path = config_path(path)
    problems = Problems(str(path))
    raw, origin = merged(path, problems)
    topic_tables = raw.pop("topics", {})
    parsed = table(raw, Config, "", problems, skip=COMPUTED)
    if compile_topics or not isinstance(topic_tables, dict):
        topics: Mapping[str, Any] = _topics(topic_tables, origin, problems)
    else:
        topics = LazyTopics(topic_tables, origin, problems.where, _compile_topic)
    _known_topics(raw, topics, problems)
    cfg = None
    if parsed is not None:
        db = Path(db_override or os.environ.get("MONITOR_DB") or parsed.storage.path)
        cfg = msgspec.structs.replace(parsed, path=path, db_path=db, topics=topics,
                                      subscribers=_with_topics(parsed, topics, problems))
        _unique_names(cfg, problems)
    if problems.items or cfg is None:
        err = _error(problems)
        err.built = cfg  # a duplicate name or an unknown topic: check-config still checks the rest
        raise err
    return cfg


def missing_secrets(cfg: Config, environ: Mapping[str, str] | None = None) -> list[str]:
    """`file: key: …` for every `*_env` key whose environment variable is unset, empty or blank."""
    env = os.environ if environ is None else environ
    out = []
    for key, name in _env_keys(cfg, ""):
        if blank_secret(env.get(name)):
            missing, fix = unset_env(name, env.get(name))
            out.append(f"{cfg.path}: {key}: {missing} ({fix} before starting monitor)")
    return out


def require_secrets(cfg: Config) -> None:
    """Raise ConfigError (exit 2) when a secret the config names is not in the environment."""
    missing = missing_secrets(cfg)
    if missing:
        raise ConfigError(missing[0] if len(missing) == 1 else f"{len(missing)} secrets not set",
                          hint="run `monitor check-config` to list them" if len(missing) > 1 else None,
                          problems=missing)


def bare_intervals(cfg: Config) -> list[str]:
    """One `warning: file: sources.NAME.interval: …` line for each enabled source whose interval is
    a number under a minute without a unit (`interval = 30`, `"30"`): seconds, as a number has
    always been read, though minutes were likely meant (the README writes "20m"). Said by
    check-config, never refused: the daemon polls as configured."""
    if cfg.path is None:
        return []
    raw, _ = merged(cfg.path, Problems(str(cfg.path)))
    out = []
    sources = raw.get("sources")
    for src in sources if isinstance(sources, list) else []:
        value = src.get("interval") if isinstance(src, dict) and src.get("enabled", True) is not False else None
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdecimal():
            value = int(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 60:
            n = f"{value:g}"
            out.append(f"warning: {cfg.path}: sources.{src.get('name')}.interval: {n} without a unit is {n} second"
                       f"{'' if value == 1 else 's'}: the source is polled that often (write \"{n}m\" if minutes "
                       f"were meant, \"{n}s\" to say seconds)")
    return out


def reversed_zones(cfg: Config) -> list[str]:
    """One `warning: file: key: …` line for each timezone named Etc/GMT+N (UTC-N: the tz database
    reverses the sign, so "Etc/GMT+8" written for UTC+8 puts every schedule or zoneless date 16
    hours off). Said by check-config, never refused: a zone west of UTC may be meant."""
    zones = [("schedule.timezone", cfg.schedule.timezone)]
    zones += [(f"sources.{src.name}.date_tz", src.date_tz) for src in cfg.sources if src.enabled]
    return [f"warning: {cfg.path}: {key}: {said}" for key, zone in zones if (said := reversed_offset(zone))]


def _env_keys(obj: msgspec.Struct, prefix: str) -> Iterator[tuple[str, str]]:
    """(key, variable name) of every set `*_env` field, walking nested tables and lists of tables."""
    cls: type = type(obj)
    for f in fields_of(cls):
        value, key = getattr(obj, f.name), prefix + f.encode_name
        if f.name.endswith("_env") and isinstance(value, str):
            yield key, value
        elif isinstance(value, msgspec.Struct) and f.name not in COMPUTED:
            yield from _env_keys(value, key + ".")
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, msgspec.Struct):
                    name = getattr(item, "name", None)
                    yield from _env_keys(item, f"{key}.{name}." if isinstance(name, str) else f"{key}[{i}].")


def _error(problems: Problems) -> ConfigError:
    n = len(problems.items)
    if n == 0:
        return ConfigError(f"{problems.where}: not a valid config")
    return ConfigError(problems.items[0] if n == 1 else f"{n} problems in {problems.where}",
                       hint="run `monitor check-config` to list them" if n > 1 else None,
                       problems=problems.items)


def _with_topics(cfg: Config, topics: Mapping[str, Any], problems: Problems) -> tuple:
    """Subscribers with no topics listed get every defined topic."""
    return tuple(sub if sub.topics else msgspec.structs.replace(sub, topics=tuple(sorted(topics)))
                 for sub in cfg.subscribers)


def _known_topics(raw: dict, topics: Mapping[str, Any], problems: Problems) -> None:
    """Topics named by sources and subscribers exist (read from the raw tables, so this is
    reported even when something else in the same table is wrong)."""
    for kind in ("sources", "subscribers"):
        items = raw.get(kind)
        for item in items if isinstance(items, list) else []:
            named = item.get("topics") if isinstance(item, dict) else None
            for t in named if isinstance(named, list) else []:
                if isinstance(t, str) and t not in topics:
                    problems.add(f"{kind}.{item.get('name')}.topics", f"unknown topic {t!r}",
                                 "defined topics: " + (", ".join(sorted(topics)) or "none"))


def _unique_names(cfg: Config, problems: Problems) -> None:
    for kind, items in (("sources", cfg.sources), ("subscribers", cfg.subscribers)):
        seen: set[str] = set()
        for item in items:
            if item.name in seen:
                problems.add(f"{kind}.{item.name}.name", f"duplicate {kind[:-1]} name", "names must be unique")
            seen.add(item.name)


def _compile_topic(name: str, body: Any, where: str) -> Any:
    """One topic compiled (the matcher imported on first use)."""
    from .. import match

    return match.compile_topic(name, body, where=where)


def _topics(tables: Any, origin: dict[str, Path], problems: Problems) -> dict[str, Any]:
    from .. import match  # topics are compiled once, at start-up

    if not isinstance(tables, dict):
        problems.add("topics", f"expected a table of topics, got {tables!r}", "write [topics.NAME]")
        return {}
    compiled: dict[str, Any] = {}
    for name, body in tables.items():
        try:
            compiled[name] = match.compile_topic(name, body, where=str(origin.get(f"topics.{name}", problems.where)))
        except ConfigError as exc:
            problems.items.extend(exc.problems)
    return compiled
