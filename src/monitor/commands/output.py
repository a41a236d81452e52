"""How commands show things: times in Asia/Shanghai, tables (rich on a terminal, tab-separated
text otherwise).

In: stored values (UTC ISO text) and rows. Out: text on stdout. The only printing helpers;
commands call them, the rest of the package never prints.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import click

SHANGHAI_TZ = "Asia/Shanghai"
# C0 controls but tab and line feed, DEL and C1: an escape sequence in a scraped title or a
# server's error text would drive the reader's terminal (clear it, retitle it, fake output).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """`text` as it may reach a terminal: without control characters."""
    return _CONTROL.sub("", text)


def _tty() -> bool:
    return sys.stdout.isatty()


def local_time(text: str | None) -> str:
    """UTC ISO text → 'YYYY-MM-DD HH:MM' in Asia/Shanghai."""
    if not text:
        return ""
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).astimezone(ZoneInfo(SHANGHAI_TZ)).strftime("%Y-%m-%d %H:%M")


def local_iso(text: str | None) -> str | None:
    """UTC ISO text (as stored) → ISO 8601 in Asia/Shanghai, e.g. 2026-11-20T09:00:00+08:00."""
    if not text:
        return None
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).astimezone(ZoneInfo(SHANGHAI_TZ)).isoformat()


def print_table(title: str, columns: list[str], rows: Iterable[list[Any]]) -> None:
    """A rich table on a terminal, tab-separated lines otherwise."""
    rows = [[shown("" if v is None else str(v)) for v in r] for r in rows]
    if _tty():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        # Text, not str: rich reads `[bold]` or `[/]` in a str as its markup (a title holding
        # `[/]` raised MarkupError; `[link=…]` would make a link)
        table = Table(title=Text(shown(title)))
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(Text(v) for v in r))
        Console().print(table)
        return
    click.echo("\t".join(columns))
    for r in rows:
        click.echo("\t".join(v.replace("\t", " ").replace("\n", " ") for v in r))
