"""What searching needs of a Context, and the Context of a command that only reads the store.

In: nothing. Out: `Reading` (a protocol: an open store and the topics' names, which a Context
has) and `Reader` (just those two: `monitor search` builds one from `config.peek`, without the
validated config). Kept apart from base.py, whose dataclasses a search would otherwise make.
Never does I/O.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from ..store import Store


class Reading(Protocol):
    """What searching needs: an open store and the topics' names (a Context, or a Reader)."""

    @property
    def store(self) -> Store: ...

    @property
    def topic_names(self) -> Collection[str]: ...


class Reader(NamedTuple):
    """A command's look at the store alone (see the module's docstring)."""

    store: Store
    topic_names: tuple[str, ...]
