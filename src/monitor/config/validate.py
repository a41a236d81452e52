"""Raw TOML tables → schema Structs, collecting every problem instead of stopping at the first.

In: a dict from tomllib and a Struct type from schema.py. Out: the Struct (or None when any of
its fields is bad) plus `file: key: problem (hint)` lines in a `Problems`. Each field is
converted on its own with msgspec (strict: no "50" for 50, no "no" for false), then its
`rule` check runs, then the Struct's cross-field `problems()`. Never reads files.
"""

from __future__ import annotations

import functools
import re
import typing
from typing import Any

import msgspec

from .checks import Invalid, as_written, parse_duration, parse_seconds
from .files import Problems

_BAD = object()  # a value that failed; the enclosing table is not built


def table(raw: Any, cls: type, key: str, problems: Problems, skip: tuple[str, ...] = ()) -> Any:
    """`raw` as a `cls` Struct, or None after recording why not; `skip` names fields not read here."""
    if not isinstance(raw, dict):
        header = problems.header(key)
        if isinstance(raw, list) and raw and all(isinstance(item, dict) for item in raw):  # [[x]] for [x]
            problems.add(key, "expected one table, got a list of them",
                         f"write its header [{header}], one pair of brackets: [[{header}]] starts a list")
        else:
            problems.add(key or "(top level)", f"expected a table, got {raw!r}", f"write it as [{header}] or {{ ... }}")
        return None
    fields = [f for f in fields_of(cls) if f.name not in skip]
    names = {f.encode_name: f for f in fields}
    prefix = f"{key}." if key else ""
    ok = True
    for unknown in (k for k in raw if k not in names):
        problems.add(prefix + unknown, "unknown key", _did_you_mean(unknown, sorted(names)))
        ok = False
    values: dict[str, Any] = {}
    bad: set[str] = set()
    for name, f in names.items():
        if name not in raw:
            if f.required:
                problems.add(prefix + name, "missing", _hint(f.type) or "this key is required")
                bad.add(name)
            continue
        value = convert(raw[name], f.type, prefix + name, problems)
        if value is _BAD:
            bad.add(name)
        else:
            values[f.name] = value
    if bad and any(names[n].required for n in bad):
        return None
    # Built even with bad fields left at their defaults, so the checks across fields still run.
    obj = cls(**values)
    for sub_key, problem, hint in obj.problems():
        if sub_key not in bad:
            problems.add(prefix + sub_key, problem, hint)
    return obj if ok and not bad else None


def convert(raw: Any, tp: Any, key: str, problems: Problems) -> Any:
    """One value of type `tp` (possibly Annotated, a Struct, a tuple or a dict), or _BAD."""
    base, extra = _unwrap(tp)
    written = raw
    try:
        if extra.get("before"):
            raw = extra["before"](raw)
        if extra.get("schema"):  # validated against a Struct, then built into a plain type
            obj = table(raw, extra["schema"], key, problems)
            return _BAD if obj is None else extra["build"](obj)
        value = _typed(raw, base, tp, key, problems, written)
        if value is not _BAD and value is not None and extra.get("check"):
            try:
                extra["check"](value)
            except Invalid as exc:  # named as written (`ul :foo a`, not the `ul *:foo a` it was read as)
                if isinstance(written, str) and written != value:
                    exc.problem = exc.problem.replace(repr(value), repr(written))
                raise
        return value
    except Invalid as exc:
        problems.add(key, exc.problem, exc.hint)
        return _BAD


def _typed(raw: Any, base: Any, tp: Any, key: str, problems: Problems, written: Any = None) -> Any:
    """`raw` converted to `tp`, or _BAD; a problem shows `written`, the value as in the file
    ('0s', not the 0.0 it was read as), when a `before` reshaped it."""
    origin, args = typing.get_origin(base), typing.get_args(base)
    inner = [a for a in args if a is not type(None)]
    if origin in (typing.Union, _UnionType) and len(inner) == 1:  # X | None: TOML has no null
        return convert(raw, inner[0], key, problems)
    if origin in (typing.Union, _UnionType):  # the member of raw's own type, so its checks run
        same = [a for a in inner if _unwrap(a)[0] is type(raw)]
        if same:
            return convert(raw, same[0], key, problems)
    if isinstance(base, type) and issubclass(base, msgspec.Struct):
        obj = table(raw, base, key, problems)
        return _BAD if obj is None else obj
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if not isinstance(raw, list):
            problems.add(key, *_not_a_list(raw, args[0], tp, problems.header(key)))
            return _BAD
        items = [convert(item, args[0], _item_key(key, i, item, problems), problems) for i, item in enumerate(raw)]
        return _BAD if any(v is _BAD for v in items) else tuple(items)
    if origin is typing.Literal:
        if raw not in args:
            field = key.rsplit(".", 1)[-1]
            problems.add(key, f"unknown {field} {raw!r}", "use one of: " + ", ".join(map(str, args)))
            return _BAD
        return raw
    try:
        return msgspec.convert(raw, tp)
    except msgspec.ValidationError as exc:
        shown = raw if written is None else written
        problems.add(key, _bound(str(exc), shown, tp) or _message(str(exc), shown), _hint(tp))
        return _BAD


_UnionType = type(int | None)


@functools.cache
def fields_of(cls: type) -> tuple[msgspec.structs.FieldInfo, ...]:
    """A Struct's fields, resolved once (msgspec evaluates the annotations on every call)."""
    return msgspec.structs.fields(cls)


def _unwrap(tp: Any) -> tuple[Any, dict]:
    """(the bare type, the merged `rule` extras) of a possibly Annotated type."""
    if typing.get_origin(tp) is not typing.Annotated:
        return tp, {}
    extra: dict = {}
    for meta in tp.__metadata__:
        extra.update(getattr(meta, "extra", None) or {})
    return tp.__origin__, extra


def _item_key(key: str, i: int, item: Any, problems: Problems) -> str:
    """`sources.NAME` for a named table in a list, else `key[i]`; remembers its list's header."""
    name = item.get("name") if isinstance(item, dict) else None
    item_key = f"{key}.{name}" if isinstance(name, str) and name else f"{key}[{i}]"
    problems.headers[item_key] = problems.header(key)
    return item_key


def _not_a_list(raw: Any, item: Any, tp: Any, header: str) -> tuple[str, str]:
    """(the problem, its hint) for a list's key holding something else: a table written [x] for
    a list of tables [[x]], or one value not in brackets (topics = "hu-ming")."""
    base = _unwrap(item)[0]
    if isinstance(raw, dict) and isinstance(base, type) and issubclass(base, msgspec.Struct):
        return ("expected a list of tables, got one table",
                f"write each one's header [[{header}]], two pairs of brackets: [{header}] is a single table")
    if isinstance(raw, str) and base is str and not _hint(tp):
        field = header.rsplit(".", 1)[-1]
        return f"expected a list, got {raw!r}", f'put it in brackets, even alone: {field} = ["{raw}"]'
    return f"expected a list, got {raw!r}", _hint(tp) or '["a", "b"]'


def _message(text: str, raw: Any) -> str:
    """msgspec's "Expected `int`, got `str`" → "expected int, got 'lots'"."""
    text = text.split(" - at `", 1)[0].replace("`", "")
    head, sep, _ = text.partition(", got ")
    text = f"{head}, got {as_written(raw)}" if sep else f"{text}, got {as_written(raw)}"
    return text[:1].lower() + text[1:]


_BOUND = re.compile(r"^Expected `(?:int|float)` (>=|<=|>|<) (-?[\d.e+]+)")
_SAYS = {">=": "less than the least allowed,", ">": "not above", "<=": "more than the most allowed,", "<": "not below"}
_UNIT_SECONDS = (("d", 86400), ("h", 3600), ("m", 60))


def _bound(text: str, raw: Any, tp: Any) -> str:
    """msgspec's "Expected `float` <= 31622400.0" → "'400d' is more than the most allowed, 366d":
    the limit in the value's own terms (a duration in its largest whole unit, a count without
    a trailing .0), not as the float it was checked as. "" when `text` is no bound."""
    m = _BOUND.match(text)
    if not m:
        return ""
    limit = float(m.group(2))
    shown = f"{limit:g}" if not limit.is_integer() else str(int(limit))
    if _unwrap(tp)[1].get("before") in (parse_duration, parse_seconds) and limit.is_integer() and limit > 0:
        unit, size = next(((u, n) for u, n in _UNIT_SECONDS if limit % n == 0), ("s", 1))
        shown = f"{int(limit) // size}{unit}"
    return f"{as_written(raw)} is {_SAYS[m.group(1)]} {shown}"


_TYPE_HINTS = {int: "a whole number without quotes, e.g. 50", float: "a number without quotes, e.g. 2.5",
               bool: "true or false, without quotes", str: 'text in quotes, e.g. "…"'}


def _hint(tp: Any) -> str:
    base, extra = _unwrap(tp)
    if extra.get("hint"):
        return extra["hint"]
    args = [a for a in typing.get_args(base) if a is not type(None)]
    if typing.get_origin(base) in (typing.Union, _UnionType) and len(args) == 1:
        return _hint(args[0])
    return _TYPE_HINTS.get(base, "")


def _did_you_mean(key: str, allowed: list[str]) -> str:
    import difflib  # only for a mistyped key: its import (heapq and more) costs every start ~2 ms

    close = difflib.get_close_matches(key, allowed, n=1)
    listed = "allowed: " + ", ".join(allowed)
    return f"did you mean {close[0]}? {listed}" if close else listed
