"""Configuration: TOML files → frozen, validated msgspec Structs.

In: a path to `monitor.toml` (which may `include` more TOML files). Out: `Config`. Every
problem is collected and reported as `file: key: problem (hint)`; unknown keys and values of
the wrong type are rejected. The schema lives in `schema.py` (add keys there), the checks that
reuse the real parsers in `checks.py`, the collecting converter in `validate.py`, file reading
in `loader.py`. Never opens sockets or the database.
"""

from .checks import Invalid, parse_duration
from .loader import default_config_path, load, missing_secrets, require_secrets
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

__all__ = ["CHANNEL_KINDS", "DIGEST_FORMATS", "SOURCE_KINDS", "WEBHOOK_FORMATS", "Channel", "Config", "ExtractConfig",
           "FetchConfig", "Invalid", "Schedule", "Source", "Storage", "Subscriber", "Table", "default_config_path",
           "load", "missing_secrets", "parse_duration", "require_secrets"]
