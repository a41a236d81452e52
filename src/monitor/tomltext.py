"""TOML text to a dict, where every way the text can be wrong is a `tomllib.TOMLDecodeError`.

tomllib parses nested arrays and inline tables by recursion, so `a = [[[[…` a hundred thousand
deep ends in Python's RecursionError, which the callers' one-line "not valid TOML" errors did
not catch. Callers keep their own messages; tomllib is imported at the first parse (~2 ms).
"""

from __future__ import annotations

from typing import Any


def loads(text: str) -> dict[str, Any]:
    """`tomllib.loads`, with nesting past Python's recursion limit a TOMLDecodeError."""
    import tomllib

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply") from None
