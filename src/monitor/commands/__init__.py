"""The subcommands of `monitor`, grouped by what they serve; `register` adds them to the group."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Attach every subcommand to the `monitor` group."""
    from . import demo, ops, query, serve, sourcetools, tools

    for module in (ops, query, sourcetools, tools, demo, serve):
        for cmd in module.COMMANDS:
            group.add_command(cmd)
