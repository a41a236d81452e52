"""`monitor serve`: the read-only web pages over the database (search, stories, topics, sources)."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535))
@click.pass_obj
def serve(state, host, port) -> None:
    """Serve the search, story, topic and sources pages and Atom feeds (read-only).
    Set MONITOR_WEB_AUTH=user:password to require HTTP basic auth."""
    import uvicorn

    from ..pipeline.reindex import stale_index
    from ..web import create_app
    from ..web.listen import listening
    from .maintain import STALE_INDEX

    ctx = state.context()
    if stale_index(ctx):
        click.echo(STALE_INDEX, err=True)
    app = create_app(ctx)
    sock = listening(host, port)
    click.echo(f"serving {state.cfg.db_path} at http://{host}:{port}/search (Ctrl-C stops)", err=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


COMMANDS = [serve]
