"""`python -m monitor` runs the CLI."""

from monitor.cli import main

main(prog_name="monitor")
