"""Per-site extraction rules: the one model the config needs (`monitor.models` re-exports it).

In: nothing. Out: `ExtractRules`. Never does I/O. A module of its own so that loading the
config (every command, `monitor search` included) does not create the other models' classes:
a frozen dataclass costs ~0.5 ms to create.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractRules:
    """Per-source CSS selectors; any left as None falls through to the generic cascade."""

    title: str | None = None
    body: str | None = None
    date: str | None = None
    author: str | None = None
    source_name: str | None = None
    remove: tuple[str, ...] = ()
