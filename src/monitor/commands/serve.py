"""`monitor serve`: the read-only web pages over the database (search, stories, topics, sources)."""

from __future__ import annotations

import click

from . import Whole


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8080, show_default=True, type=Whole(1, 65535))
@click.pass_obj
def serve(state, host, port) -> None:
    """Serve the search, story, topic and sources pages and Atom feeds (read-only).
    Set MONITOR_WEB_AUTH=user:password to require HTTP basic auth."""
    import uvicorn

    from ..pipeline.reindex import stale_index
    from ..web import create_app
    from ..web.archive import Archive
    from ..web.listen import listening
    from ..web.rawurl import RawUrlProtocol
    from .maintain import STALE_INDEX

    if state.has_database():
        ctx = state.context()
        if stale_index(ctx):
            click.echo(STALE_INDEX, err=True)
        app = create_app(ctx)
        said = f"serving {state.cfg.db_path} at http://{host}:{port}/search (Ctrl-C stops)"
    else:  # the daemon beside it makes it at its first write; a mistyped path must not become an archive
        app = create_app(Archive(state.cfg, lambda: state.context() if state.has_database() else None))
        said = (f"no database at {state.cfg.db_path} yet: the pages at http://{host}:{port}/search answer 503 "
                "until `monitor run`, `poll` or `import` makes it (check --db if none will)")
    sock = listening(host, port)
    click.echo(said, err=True)
    # h11 always (uvicorn's own choice is httptools where it is installed), reading a request line's raw
    # UTF-8 as percent-encoded (web.rawurl): uvicorn answered `/search?q=三明` from curl with a plain-text 400
    uvicorn.Server(uvicorn.Config(app, log_level="warning", http=RawUrlProtocol)).run(sockets=[sock])


COMMANDS = [serve]
