"""A disk cache for tables that take long to build and never change between runs.

In: a name, the inputs that determine the table (source text, data files, versions) and a
function that builds it. Out: the table (marshal-able: dicts, lists, str, None), read from
`$MONITOR_CACHE_DIR`, else `$XDG_CACHE_HOME/monitor`, else `~/.cache/monitor`, or built and
written there. A cache that cannot be read or written is rebuilt in memory, silently: it
only costs time; a value marshal cannot hold is returned and not cached. What a user wrote
is cached only as parsed (the config's TOML, keyed by the file's bytes), never as validated.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where cached tables live."""
    explicit = os.environ.get("MONITOR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "monitor"


def _hash(data: bytes) -> str:
    """A stable 80-bit hex digest. BLAKE2 from its built-in module when present: `hashlib`
    loads OpenSSL at import (~4 ms of every `monitor search`)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=10).hexdigest()


def load_or_build(name: str, inputs: list[bytes], build: Callable[[], Any], keep: int = 16) -> Any:
    """The table `build()` makes, cached under a hash of `inputs` and the Python version. A
    new entry removes the oldest of `name`'s beyond the newest `keep` (each change of the
    inputs makes a file, and a test suite writes hundreds of configs)."""
    digest = _hash(b"\0".join([sys.version.encode(), *inputs]))
    path = cache_dir() / f"{name}-{digest}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        blob = marshal.dumps(value)
    except ValueError:  # marshal cannot hold it (a TOML date, say): returned, not cached
        return value
    import tempfile  # only when writing: its import costs a few ms of every start

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(blob)
        os.replace(tmp.name, path)  # atomic: a concurrent reader sees the old file or the new one
        _prune(path.parent, name, keep)
    except OSError:
        pass
    return value


def _prune(folder: Path, name: str, keep: int) -> None:
    """Remove all but the `keep` newest `name-<digest>.marshal` files (another process may be
    removing them too: a file already gone is fine; any other error ends the pruning)."""
    mine = []
    for entry in os.scandir(folder):
        stem, _, ext = entry.name.rpartition(".")
        if ext == "marshal" and stem.startswith(name + "-") and len(stem) == len(name) + 21:
            try:
                mine.append((entry.stat().st_mtime_ns, entry.path))
            except OSError:
                continue
    for _, old in sorted(mine)[:-keep]:
        Path(old).unlink(missing_ok=True)
