"""Gazetteers: named lists of places, institutions and firms that topic groups draw on.

In: a topic's `gazetteer` reference (`monitor:topics/NAME.toml` for a bundled file, or a path
relative to the topic's own file) naming a TOML file of `[places.NAME]` tables, each with
`names` (aliases in any script or English) and optional `not_in` (longer words in which a
name does not count: another thing of that name, 永安百货, so one in an article makes the name that
thing's throughout it), `inside` (longer names of things in the place, 上海证券交易所: only the hits
they hold do not count), `contested` (every hit judged by the likelier segmentation) and
`note`. Out: `Place` per name, or problems as "where: key: problem (hint)".
Never does I/O except reading that file; never prints.

Why a separate file: the world a topic watches (sixteen districts, a dozen counties, their
towns, hospitals, universities and firms, in two scripts and English) is data that grows on
its own, apart from the rules that weigh it. A group takes whole lists by name
(`places = ["shanghai-districts"]`), so a rule reads "the Shanghai side", not 200 names.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .. import tomlsyntax

_PLACE_KEYS = {"names", "not_in", "inside", "note", "contested"}


@dataclass(frozen=True)
class Place:
    """One gazetteer list: names that mean one kind of thing, and contexts that cancel them."""

    name: str
    names: tuple[str, ...]
    not_in: tuple[str, ...] = ()
    contested: bool = False  # every hit is judged by the likelier segmentation (来明: 来|明年?)
    inside: tuple[str, ...] = ()  # names of things in the place (an exchange): cancel only their own hits


def resolve(ref: str, where: str) -> Path:
    """The file a `gazetteer` reference names: bundled, absolute, or beside the topic file."""
    if ref.startswith("monitor:"):
        return Path(str(resources.files("monitor") / "data" / ref.removeprefix("monitor:")))
    path = Path(ref)
    if path.is_absolute() or not where:
        return path
    return Path(where).parent / path


MAX_FILE_BYTES = 16 * 2**20  # the bundled gazetteer is ~12 KB


def read_capped(path: Path) -> str:
    """A topic or gazetteer file's UTF-8 text (a byte-order mark, as Windows Notepad writes,
    dropped; UTF-16 with its mark read too); OSError past MAX_FILE_BYTES (a path naming
    `/dev/zero` was read until memory ran out)."""
    with path.open("rb") as f:
        data = f.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise OSError(f"over {MAX_FILE_BYTES:,} bytes, more than any topic file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def load(ref: str, where: str, add: Callable[..., None]) -> dict[str, Place]:
    """Read the gazetteer `ref` names; `add(key, problem, hint)` collects each problem."""
    path = resolve(ref, where)
    try:
        text = read_capped(path)
    except (OSError, UnicodeDecodeError) as exc:
        add("gazetteer", f"cannot read {path}: {exc}", "give a path relative to the topic file or monitor:topics/…")
        return {}
    try:
        raw = tomllib.loads(text)
    except RecursionError:  # arrays nested ~1,000 deep
        add("gazetteer", f"{path} is not valid TOML: arrays or tables nested too deeply", tomlsyntax.FIX)
        return {}
    except tomllib.TOMLDecodeError as exc:
        why, hint = tomlsyntax.explain(text, str(exc))
        add("gazetteer", f"{path} is not valid TOML: {why}", hint)
        return {}
    places = {}
    for name, table in (raw.get("places") or {}).items():
        if not isinstance(table, dict):
            add(f"gazetteer {path.name}: places.{name}", "must be a table", 'write [places.NAME] with names = [...]')
            continue
        for key in sorted(set(table) - _PLACE_KEYS):
            add(f"gazetteer {path.name}: places.{name}.{key}", "unknown key", "allowed: contested, inside, names, not_in, note")
        names, contexts, inside = table.get("names", []), table.get("not_in", []), table.get("inside", [])
        if not _strings(names) or not names:
            add(f"gazetteer {path.name}: places.{name}.names", "expected a non-empty list of names")
            continue
        if not _strings(contexts):
            add(f"gazetteer {path.name}: places.{name}.not_in", "expected a list of strings")
            contexts = []
        if not _strings(inside):
            add(f"gazetteer {path.name}: places.{name}.inside", "expected a list of strings")
            inside = []
        contested = table.get("contested", False)
        if not isinstance(contested, bool):
            add(f"gazetteer {path.name}: places.{name}.contested", f"expected true or false, got {contested!r}")
            contested = False
        places[name] = Place(name=name, names=tuple(names), not_in=tuple(contexts), contested=contested,
                             inside=tuple(inside))
    return places


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
