"""`python -m monitor` runs the CLI."""

from monitor.cli import run

run()
