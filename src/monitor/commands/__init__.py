"""The subcommands of `monitor`, grouped by what they serve, each module imported only when
one of its commands runs.

In: a command name. Out: its click command (`load`), or its one-line summary (`SUMMARIES`) for
`monitor --help`, which lists every command without importing any of these modules.
Never runs a command itself.
"""

from __future__ import annotations

import contextlib
import importlib
import signal
from collections.abc import Callable, Iterator

import click


class Whole(click.IntRange):
    """A whole number within bounds, refused as one: click's own type says "'abc' is not a valid
    integer range", which reads as if a range were asked for."""

    name = "whole number"


@contextlib.contextmanager
def signals_taken(handler: Callable[[int, object], None]) -> Iterator[None]:
    """Ctrl-C and SIGTERM go to `handler` while a long command runs, and the caller's handlers
    come back after it (a script or a test driving the CLI in its own process kept ours for
    good: its SIGTERM then stopped nothing, or raised inside whatever it did next)."""
    before = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    for n in before:
        signal.signal(n, handler)
    try:
        yield
    finally:
        for n, old in before.items():
            signal.signal(n, old)


# name → (module in commands/, the summary click would make from the command's help: its
# first sentence). tests/test_cli.py checks both against the commands themselves.
SUMMARIES: dict[str, tuple[str, str]] = {
    "poll": ("ops", "Poll sources once now: fetch, extract, match, fold reposts, store."),
    "run": ("ops", "Run the daemon: poll on schedule and send digests on schedule (Ctrl-C or SIGTERM stops)."),
    "sources": ("ops", "List configured sources with their last poll, status, error and failing article links."),
    "health": ("ops", "Exit 0 when every enabled source polled successfully recently, 1 otherwise (for probes)."),
    "check-config": ("ops", "Validate the config; list every problem as `file: key: problem (hint)`, exit 2 if any."),
    "search": ("query", 'Find stored stories: words (all must appear), "exact phrases", OR, (groups), -exclude, '
                        "title:word."),
    "import": ("query", "Add articles from JSON Lines (url, title, body, optional published, source; or html) or -."),
    "digest": ("query", "Send each subscriber's new stories now (and retry failed messages); or show the outbox; "
                        "or mark the waiting stories read."),
    "rematch": ("query", "Re-run topic rules over stored articles after the rules change; new matches reach digests."),
    "feed": ("query", "Write an Atom feed of the newest stories of a topic (for feed readers; serve the file)."),
    "test-source": ("sourcetools", "Fetch one source of any kind and show what it yields, without storing anything: "
                                   "links per page, why links were dropped, the first article extracted and what it "
                                   "would match."),
    "add-source": ("sourcetools", "Fetch URL, detect what it is (a feed, a page announcing a feed, a sitemap in "
                                  "robots.txt, a list page) and print a ready [[sources]] block to paste into the "
                                  "config."),
    "extract": ("tools", "Extract title, date, author and body from HTML files, URLs or - (stdin), streaming."),
    "match": ("tools", "Match JSON Lines (title, body, optional id, url) against topics; one JSON line per input "
                       "and topic."),
    "reindex": ("maintain", "Rebuild the search index and repost fingerprints made by another version's text "
                            "normalising."),
    "backup": ("maintain", "Copy the database to DEST whole, as it stands at one moment, while the daemon or a poll "
                           "writes."),
    "restore": ("maintain", "Put the backup SOURCE in place of the database (the daemon stopped)."),
    "demo": ("demo", "Poll a bundled replay of news sites on 127.0.0.1 through the whole pipeline, then show the "
                     "digest and a search."),
    "serve": ("serve", "Serve the search, story, topic and sources pages and Atom feeds (read-only)."),
}


def load(name: str) -> click.Command | None:
    """The command `name`, importing its module (None for an unknown name)."""
    if name not in SUMMARIES:
        return None
    module = importlib.import_module(f"{__name__}.{SUMMARIES[name][0]}")
    return next(cmd for cmd in module.COMMANDS if cmd.name == name)


def stand_in(name: str) -> click.Command:
    """A command carrying only `name`'s summary, for listing it in `monitor --help`."""
    return click.Command(name, help=SUMMARIES[name][1])
