"""The house rules of the layout, held by parsing imports (see the module docstrings)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "src" / "monitor"
STAGES = {"sources", "fetch", "extract", "match", "dedup", "store", "digest", "notify"}
NETWORK = {"httpx", "smtplib", "socket", "socketserver", "urllib.request", "http.client", "http.server", "aiosmtpd",
           "wsgiref"}


def modules() -> dict[str, Path]:
    """Top-level module name (a sub-package counts as one) → each of its files."""
    out = {}
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        out[str(rel)] = path
    return out


def imports(path: Path) -> set[str]:
    """Every module a file imports, relative ones resolved to monitor's top-level names."""
    package = ["monitor", *path.relative_to(PKG).parent.parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                top = base[:2] if len(base) > 1 else None
                if node.module:
                    found.add(".".join((base + node.module.split("."))[:2]))
                elif top:
                    found.add(".".join(top))
                else:
                    found.update("monitor." + a.name for a in node.names)
            elif node.module:
                found.add(node.module)
    return found


def owner(rel: str) -> str:
    return rel.split("/")[0].removesuffix(".py")


def test_a_stage_never_imports_another_stage():
    bad = []
    for rel, path in modules().items():
        me = owner(rel)
        if me not in STAGES:
            continue
        for name in imports(path):
            other = name.removeprefix("monitor.")
            if name.startswith("monitor.") and other in STAGES and other != me:
                bad.append(f"{rel} imports {other}")
    assert bad == []


def test_only_fetch_notify_and_replay_touch_the_network():
    allowed = {"fetch", "notify", "replay", "metrics", "web"}  # metrics and web: the /metrics and serve listeners
    bad = [f"{rel}: {n}" for rel, path in modules().items() if owner(rel) not in allowed
           for n in imports(path) if n in NETWORK or n.split(".")[0] in NETWORK]
    assert bad == []


def test_only_store_speaks_sql():
    bad = [rel for rel, path in modules().items() if owner(rel) != "store"
           and {"sqlite3", "sqlite_utils"} & {n.split(".")[0] for n in imports(path)}]
    assert bad == []


def test_only_cli_prints():
    bad = []
    for rel, path in modules().items():
        if owner(rel) in ("cli", "commands"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                bad.append(f"{rel}:{node.lineno}")
    assert bad == []


def test_every_module_says_what_it_does():
    missing = [rel for rel, path in modules().items()
               if path.stat().st_size and not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))]
    assert missing == []
