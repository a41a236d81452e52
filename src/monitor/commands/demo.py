"""`monitor demo`: the whole pipeline on a bundled offline replay of news sites."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

import click

from ..plural import counted
from .output import local_time, print_table

if TYPE_CHECKING:  # imported where used: `monitor --help` loads only the command definitions
    from pathlib import Path


def demo_config(base_url: str, workdir: Path) -> Path:
    """Write the demo config for a replay server at `base_url` into `workdir`."""
    from importlib.resources import files
    from pathlib import Path

    template = (files("monitor") / "data" / "demo.toml").read_text(encoding="utf-8")
    topics = files("monitor") / "data" / "topics" / "hu-ming.toml"
    text = template.replace("{{BASE}}", base_url).replace("{{HOST}}", base_url.split("://", 1)[1])
    text = f'include = ["{Path(str(topics)).as_posix()}"]\n' + text
    path = workdir / "demo.toml"
    path.write_text(text, encoding="utf-8")
    return path


@click.command()
@click.option("--dir", "workdir", default="demo-data", show_default=True, type=click.Path(file_okay=False),
              help="Where the demo writes its config and a fresh database.")
@click.pass_obj
def demo(state, workdir) -> None:
    """Poll a bundled replay of news sites on 127.0.0.1 through the whole pipeline, then show
    the digest and a search."""
    from pathlib import Path

    from .. import config as config_mod
    from ..fetch import Fetcher
    from ..pipeline import Context, poll, search, send_digests
    from ..replay import ReplayServer, bundled_root
    from ..store import Store
    from .ops import report_table

    started = time.monotonic()
    work = Path(workdir)
    try:
        work.mkdir(parents=True, exist_ok=True)
        for name in ("demo.db", "demo.db-wal", "demo.db-shm", "demo.toml"):  # a fresh demo; nothing else touched
            (work / name).unlink(missing_ok=True)
    except OSError as exc:  # a directory that cannot be made or written: was a traceback
        from ..errors import InputError

        raise InputError(f"--dir {workdir}: {exc.strerror}", hint="give a directory you can write") from None
    with ReplayServer(bundled_root()) as server:
        cfg_path = demo_config(server.base_url, work)
        cfg = config_mod.load(cfg_path, work / "demo.db")
        store = Store.open(cfg.db_path)
        with Fetcher(cfg.fetch) as fetcher:
            ctx = Context(cfg, store, fetcher)
            click.secho(f"== 1. polling {len(cfg.sources)} replayed sites at {server.base_url}", bold=True)
            report_table(poll(ctx))
    click.secho("\n== 2. the digest for subscriber 'demo'", bold=True)
    for r in send_digests(ctx, "demo", out=sys.stdout):
        click.echo(f"({r.status}: {counted(r.stories, 'story')} via {r.channel})")
    for step, query in ((3, "沪明对口合作"), (4, "滬明")):
        click.secho(f"\n== {step}. monitor search {query}", bold=True)
        rows = search(ctx, query, limit=10)
        print_table(query, ["id", "published", "source", "title", "topics"],
                    [[r["id"], local_time(r["published"]), r["source"], r["title"], ",".join(r["topics"])] for r in rows])
    stats = store.stats()
    store.close()
    click.secho(f"\n== done in {time.monotonic() - started:.1f}s: {stats['articles']} articles, "
                f"{stats['stories']} stories, {stats['article_topics']} topic matches", bold=True)
    db, prog = cfg.db_path, _prog()
    click.echo(f"""Explore further:
  {prog} --db {db} search 三明 --format json
  {prog} --db {db} search 瑞金医院 --topic hu-ming
  {prog} --db {db} search                # newest first
  {prog} --db {db} feed --topic hu-ming  # the same stories as an Atom feed
  {prog} --config {cfg_path} --db {db} sources
  datasette {db}                         # browse every table (pip install datasette)
Read it in a browser (search, stories with their reposts, topic chart, sources):
  {prog} --config {cfg_path} --db {db} serve   # then open http://127.0.0.1:8080/search?q=滬明""")


def _prog() -> str:
    """How the user started us: `.venv/bin/monitor` after `make demo`, else `monitor`."""
    import os

    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else "monitor"
    if os.path.basename(argv0) != "monitor" or not os.path.dirname(argv0):
        return "monitor"
    rel = os.path.relpath(argv0)
    return rel if not rel.startswith("..") else argv0


COMMANDS = [demo]
