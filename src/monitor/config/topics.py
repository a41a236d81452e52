"""Topics compiled on first use, for commands that only need their names.

In: the `[topics.NAME]` tables as read from the files, and which file each came from. Out:
`LazyTopics`, a mapping name → compiled `match.Topic` that compiles a topic (and imports the
matcher) the first time it is looked up. `monitor search`, `feed`, `sources` and `health`
name topics but never match: compiling the bundled rules cost them ~0.1 s of start-up. A rule
error then surfaces as the same ConfigError on first use; `check-config`, `run`, `poll` and
every other command still compile everything while loading. Never opens files itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any


class LazyTopics(MutableMapping[str, Any]):
    """name → compiled topic, each compiled on its first look-up."""

    def __init__(self, tables: dict[str, Any], origin: dict[str, Path], where: str,
                 compile_one: Callable[[str, Any, str], Any]) -> None:
        self._tables = dict(tables)
        self._origin = origin
        self._where = where
        self._compile = compile_one
        self._compiled: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._compiled:
            table = self._tables[name]  # KeyError for an unknown topic, as a dict gives
            self._compiled[name] = self._compile(name, table, str(self._origin.get(f"topics.{name}", self._where)))
        return self._compiled[name]

    def __setitem__(self, name: str, topic: Any) -> None:
        self._tables[name] = None
        self._compiled[name] = topic

    def __delitem__(self, name: str) -> None:
        del self._tables[name]
        self._compiled.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __contains__(self, name: object) -> bool:
        return name in self._tables

    def compiled(self) -> list[str]:
        """Names of the topics compiled so far (for tests of what a command compiles)."""
        return list(self._compiled)
