"""compose.yaml and the Dockerfile stay in step with the CLI they run."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import main

ROOT = Path(__file__).resolve().parent.parent


def compose_command(service_text: str) -> list[str]:
    (line,) = [x for x in service_text.splitlines() if x.strip().startswith("command:")]
    return json.loads(line.split("command:", 1)[1])  # the flow sequence is also JSON


def test_compose_runs_options_the_cli_has():
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    daemon = text.split("\n  monitor:\n", 1)[1].split("\n  #", 1)[0]
    command = compose_command(daemon)
    assert command[:2] == ["-v", "run"]
    helptext = CliRunner().invoke(main, ["run", "--help"]).output
    assert all(flag in helptext for flag in command if flag.startswith("--"))
    port = command[command.index("--metrics-port") + 1]
    assert f'"127.0.0.1:{port}:{port}"' in daemon
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert f"EXPOSE {port}" in dockerfile
    assert "monitor-data:/app/data" in daemon and 'VOLUME ["/app/data"]' in dockerfile
    web = text.split("\n  web:\n", 1)[1].split("\nvolumes:", 1)[0]
    serve = compose_command(web)
    assert serve[0] == "serve" and "monitor-data:/app/data" in web
    serve_help = CliRunner().invoke(main, ["serve", "--help"]).output
    assert all(flag in serve_help for flag in serve if flag.startswith("--"))
    assert f'"127.0.0.1:{serve[serve.index("--port") + 1]}:' in web


def test_every_secret_the_bundled_config_names_is_passed_through():
    config = (ROOT / "config" / "monitor.toml").read_text(encoding="utf-8")
    names = set(re.findall(r'^\s*\w+_env\s*=\s*"(\w+)"', config, re.M))
    compose = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    assert names and all(f"{n}: ${{{n}:-}}" in compose for n in names)
