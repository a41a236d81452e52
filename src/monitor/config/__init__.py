"""Configuration: TOML files → frozen, validated msgspec Structs.

In: a path to `monitor.toml` (which may `include` more TOML files). Out: `Config`. Every
problem is collected and reported as `file: key: problem (hint)`; unknown keys and values of
the wrong type are rejected. The schema lives in `schema.py` (add keys there), the checks that
reuse the real parsers in `checks.py`, the collecting converter in `validate.py`, file reading
(and `peek`, a command's look at the database path and topic names alone) in `files.py`.
Never opens sockets or the database.

The names below are loaded on first use: `from monitor.config import peek` imports neither the
schema nor msgspec (most of loading the config, and ~20 ms of a `monitor search`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checks import Invalid, parse_duration
    from .files import Peeked, default_config_path, peek
    from .loader import bare_intervals, load, missing_secrets, require_secrets, reversed_zones
    from .schema import (
                         CHANNEL_KINDS,
                         DIGEST_FORMATS,
                         SOURCE_KINDS,
                         WEBHOOK_FORMATS,
                         Channel,
                         Config,
                         ExtractConfig,
                         FetchConfig,
                         Schedule,
                         Source,
                         Storage,
                         Subscriber,
                         Table,
    )

_WHERE = {
    "checks": ("Invalid", "parse_duration"),
    "files": ("Peeked", "default_config_path", "peek"),
    "loader": ("bare_intervals", "load", "missing_secrets", "require_secrets", "reversed_zones"),
    "schema": ("CHANNEL_KINDS", "DIGEST_FORMATS", "SOURCE_KINDS", "WEBHOOK_FORMATS", "Channel", "Config",
               "ExtractConfig", "FetchConfig", "Schedule", "Source", "Storage", "Subscriber", "Table"),
}
_MODULE = {name: module for module, names in _WHERE.items() for name in names}
__all__ = ["CHANNEL_KINDS", "DIGEST_FORMATS", "SOURCE_KINDS", "WEBHOOK_FORMATS", "Channel", "Config", "ExtractConfig",
           "FetchConfig", "Invalid", "Peeked", "Schedule", "Source", "Storage", "Subscriber", "Table",
           "bare_intervals", "default_config_path", "load", "missing_secrets", "parse_duration", "peek", "require_secrets",
           "reversed_zones"]


def __getattr__(name: str) -> Any:
    module = _MODULE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # looked up once
    return value
