"""Bytes of an HTML page → text, in one place.

In: the raw bytes and the HTTP Content-Type header (or None). Out: a str. Order of trust: BOM,
then the HTTP charset, then `<meta charset>` / http-equiv in the first 4 KB. A declared charset
that fails strictly falls back to strict UTF-8, then GB18030; bytes no codec takes strictly keep
the first of those that leaves under 0.5 % U+FFFD (a few corrupt bytes), else charset-normalizer
chooses, else GB18030 with replacement. One exception to trusting a declaration: bytes that are
valid UTF-8 with non-ASCII in them are UTF-8, because a stale `charset=gb2312` on a UTF-8 page is
common and GB18030 would decode those bytes "successfully" into mojibake, while real GBK text is
almost never valid UTF-8. Never raises, never does I/O.
"""

from __future__ import annotations

import codecs
import re

# Supersets decode everything the declared subset can, and the declarations are often stale.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


def normalize_charset(name: str | None) -> str | None:
    """Map a declared charset label to the Python codec we decode it with, or None if unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def sniff_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the page declares: HTTP header first, then a meta tag near the top."""
    if content_type:
        found = _HEADER_CHARSET.search(content_type)
        codec = normalize_charset(found.group(1)) if found else None
        if codec:
            return codec
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        return normalize_charset(meta.group(1).decode("ascii", "ignore"))
    return None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes to text; never raises, whatever the bytes are."""
    if not data:
        return ""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    declared = sniff_charset(data, content_type)
    if declared not in (None, "utf-8") and not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    for candidate in (declared, "utf-8", "gb18030"):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    return _guess(data, declared)


def _guess(data: bytes, declared: str | None) -> str:
    """Last resort for bytes no codec decodes strictly: a page with a few corrupt bytes keeps
    its codec (a handful of U+FFFD, dropped later); otherwise charset-normalizer chooses."""
    for codec in dict.fromkeys(c for c in (declared, "utf-8", "gb18030") if c):
        text = data.decode(codec, "replace")
        if text.count("\ufffd") <= len(text) // 200:
            return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, "replace")
    except Exception:  # a guesser bug must not cost us the page
        pass
    return data.decode(declared or "gb18030", "replace")


# JSON may escape one half of a UTF-16 pair (`\ud800`); json.loads keeps it as a lone surrogate,
# which no UTF-8 encoder (SQLite's, the terminal's) accepts.
_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_ESCAPE_BYTES = re.compile(_ESCAPE.pattern.encode())
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_loads(text: str | bytes) -> object:
    """json.loads, with each lone surrogate an escape left in a string replaced by U+FFFD (as a
    decoder does with a byte it cannot read); ValueError and RecursionError as json.loads."""
    import json

    value = json.loads(text)
    found = _ESCAPE.search(text) if isinstance(text, str) else _ESCAPE_BYTES.search(text)
    return _replaced(value) if found else value


def _replaced(value: object) -> object:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replaced(v) for v in value]
    if isinstance(value, dict):
        return {_replaced(k): _replaced(v) for k, v in value.items()}
    return value
