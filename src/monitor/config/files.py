"""The config's files: a path → its TOML tables with the includes merged in; and `peek`, what a
command that only reads the store needs of them (the database's path and the topics' names)
without validating the rest.

In: a path (or MONITOR_CONFIG, or config/monitor.toml, or the bundled default). Out: the merged
tables and where each topic came from, with problems recorded in a `Problems`; or `Peeked`.
Never imports the schema or msgspec: `monitor search` reads the config through `peek` alone
(importing and building the validated config was ~20 ms of its start on 20,000 articles).
Never opens sockets or the database.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from .. import tablecache, tomlsyntax
from ..errors import ConfigError

# The package's data directory (what importlib.resources.files("monitor") / "data" names for an
# installed package, without importing importlib.resources: ~8 ms of every start).
BUNDLED = Path(__file__).parent.parent / "data"


class Problems:
    """Every problem found in one config, in file order, for check-config to list at once."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.items: list[str] = []
        self.headers: dict[str, str] = {}  # a list item's key (sources.NAME) → its list's TOML header

    def header(self, key: str) -> str:
        """The TOML header a table at `key` is written under: `sources.NAME.extract` is
        `[sources.extract]` in the file, under its [[sources]]."""
        parts = key.split(".")
        for n in range(len(parts), 0, -1):
            if (head := ".".join(parts[:n])) in self.headers:
                return ".".join([self.headers[head], *parts[n:]])
        return key

    def add(self, key: str, problem: str, hint: str = "", where: str | None = None) -> None:
        """Record `file: key: problem (hint)`."""
        self.items.append(f"{where or self.where}: {key}: {problem}" + (f" ({hint})" if hint else ""))


DEFAULT_DB = "data/monitor.db"  # `[storage] path` when the file names none (schema.Storage's default)


def config_path(path: str | Path | None) -> Path:
    """The config file a command reads: the one given, else MONITOR_CONFIG, else the default."""
    return Path(path or os.environ.get("MONITOR_CONFIG") or default_config_path())


MAX_FILE_BYTES = 16 * 2**20  # the bundled topic rules are ~50 KB


def read_toml(path: Path) -> dict:
    """The file's tables as `tomllib` parses them, from a disk cache keyed by the file's bytes:
    parsing the bundled topic rules and a config of 16 sources cost ~12 ms of every start (a
    `monitor search` included), reading the parsed form back well under 1 ms. Only the parse is
    cached; every value is still validated at each start."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found", hint="pass --config PATH or set MONITOR_CONFIG") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:  # `include = ["/dev/zero"]` read until memory ran out
        raise ConfigError(f"{path}: over {MAX_FILE_BYTES:,} bytes, more than any config or topic file",
                          hint="check the path")
    return tablecache.load_or_build("toml", [data], lambda: _parse_toml(path, data), keep=64)


def unicode_text(data: bytes) -> str:
    """A config or topic file's text: UTF-8, with or without the byte-order mark Windows Notepad
    writes, or UTF-16 with its mark (Notepad's "Unicode"). UnicodeDecodeError otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _as_chinese(data: bytes) -> str:
    """', it reads as GBK' when the whole file does (a Chinese editor's default), else ''."""
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return ""
    return ", it reads as GBK (GB2312/GB18030)"


def _parse_toml(path: Path, data: bytes) -> dict:
    import tomllib  # only when the file changed: importing it is ~2 ms

    try:
        text = unicode_text(data)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: not UTF-8 at line {line} (byte {exc.start}){_as_chinese(data)}",
                          hint="save the file as UTF-8") from None
    try:
        return tomllib.loads(text)
    except RecursionError:  # arrays nested ~1,000 deep
        raise ConfigError(f"{path}: not valid TOML: arrays or tables nested too deeply", hint=tomlsyntax.FIX) from None
    except tomllib.TOMLDecodeError as exc:
        why, hint = tomlsyntax.explain(text, str(exc))
        raise ConfigError(f"{path}: not valid TOML: {why}", hint=hint) from None


def merged(path: Path, problems: Problems) -> tuple[dict, dict[str, Path]]:
    """The main file with its includes merged in; remembers which file each topic came from."""
    raw = read_toml(path)
    origin: dict[str, Path] = {f"topics.{name}": path for name in raw.get("topics", {}) or {}}
    includes = raw.pop("include", [])
    for inc in [includes] if isinstance(includes, str) else includes if isinstance(includes, list) else []:
        inc_path = include_path(path, str(inc))
        try:
            extra = read_toml(inc_path)
        except ConfigError as exc:  # a file found but not readable as TOML keeps its own hint (the syntax, UTF-8)
            syntax = "not valid TOML" in exc.message or "not UTF-8" in exc.message
            problems.add("include", exc.message, (exc.hint or "") if syntax else "check the path; it is relative to this file")
            continue
        for name, body in (extra.pop("topics", {}) or {}).items():
            raw.setdefault("topics", {})[name] = body
            origin[f"topics.{name}"] = inc_path
        more = extra.pop("sources", []) or []
        if isinstance(more, list) and isinstance(raw.setdefault("sources", []), list):
            raw["sources"].extend(more)
        for key in extra:
            problems.add(key, "only [topics.*] and [[sources]] may be included", "move it to the main config file",
                         where=str(inc_path))
    if not isinstance(includes, (str, list)):
        problems.add("include", f"expected a list of files, got {includes!r}", 'e.g. include = ["topics.toml"]')
    return raw, origin


def include_path(path: Path, inc: str) -> Path:
    """`monitor:topics/x.toml` names a file bundled with the package; other paths are
    relative to the including file."""
    if inc.startswith("monitor:"):
        return BUNDLED / inc.removeprefix("monitor:")
    return (path.parent / inc).resolve()


def default_config_path() -> Path:
    """`config/monitor.toml` in the working directory, else the bundled default."""
    local = Path("config/monitor.toml")
    if local.exists():
        return local
    return BUNDLED / "default.toml"


class Peeked(NamedTuple):
    """What a command that only reads the store needs of the config."""

    path: Path
    db_path: Path
    topics: tuple[str, ...]


def peek(path: str | Path | None = None, db_override: str | Path | None = None) -> Peeked:
    """The database's path and the topics' names, as `load` would give them, without validating
    the rest of the file (a source's bad selector does not stop a search of what is stored).
    ConfigError when the file or an include (where topics come from) cannot be read or is no
    TOML, or when it names the database wrongly."""
    path = config_path(path)
    problems = Problems(str(path))
    raw, _ = merged(path, problems)
    if problems.items:  # an include missing: its topics would be "unknown" to a search
        raise ConfigError(problems.items[0], hint="run `monitor check-config` to list every problem")
    db = db_override or os.environ.get("MONITOR_DB")
    if not db:
        storage = raw.get("storage", {})
        db = storage.get("path", DEFAULT_DB) if isinstance(storage, dict) else None
        if not isinstance(db, str):
            raise ConfigError(f"{path}: storage.path: expected a file path, got {db!r}",
                              hint='e.g. path = "data/monitor.db"; run `monitor check-config` for the rest')
    topics = raw.get("topics", {})
    return Peeked(path, Path(db), tuple(topics) if isinstance(topics, dict) else ())
