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


# A column narrower than this folds a name, an address or a date into unreadable pieces: a
# table that cannot give each column this much (or its whole width, when less) is shown as records.
READABLE_COLUMN = 12


def print_table(title: str, columns: list[str], rows: Iterable[list[Any]]) -> None:
    """A rich table on a terminal (one record a row, `field  value` lines, when the terminal is too
    narrow for the table's columns), tab-separated lines otherwise."""
    rows = [[shown("" if v is None else str(v)) for v in r] for r in rows]
    if _tty():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        console = Console()
        if not _fits(columns, rows, console.width):
            _print_records(console, title, columns, rows)
            return
        # Text, not str: rich reads `[bold]` or `[/]` in a str as its markup (a title holding
        # `[/]` raised MarkupError; `[link=…]` would make a link)
        table = Table(title=Text(shown(title)))
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(Text(v) for v in r))
        console.print(table)
        return
    click.echo("\t".join(columns))
    for r in rows:
        click.echo("\t".join(v.replace("\t", " ").replace("\n", " ") for v in r))


def _fits(columns: list[str], rows: list[list[str]], width: int) -> bool:
    """Whether a table of these columns gives each READABLE_COLUMN cells (or all it needs) in
    `width`: a cell's padding and border take 3, the table's last border 1."""
    from rich.cells import cell_len

    needed = 1
    for i, name in enumerate(columns):
        natural = max([cell_len(name), *(cell_len(r[i]) for r in rows if i < len(r))])
        needed += min(natural, READABLE_COLUMN) + 3
    return needed <= width


def _print_records(console: Any, title: str, columns: list[str], rows: list[list[str]]) -> None:
    """Each row as a record under its number, a field a line (`name  chinanews-fj`), a long value
    folded beside its field's name: a table of many columns on a narrow terminal (80 columns,
    a phone's SSH client) folded every cell to a few characters, names and addresses unreadable."""
    from rich.table import Table
    from rich.text import Text

    for n, row in enumerate(rows, 1):
        console.print(Text(f"-[ {shown(title)}: {n} of {len(rows)} ]-", style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for name, value in zip(columns, row, strict=False):
            grid.add_row(Text(name), Text(value))
        console.print(grid)
    if not rows:
        console.print(Text(f"{shown(title)}: none", style="bold"))
