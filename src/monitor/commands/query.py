"""Commands over the store: search, import, digest, rematch."""

from __future__ import annotations

import contextlib
import itertools
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from ..errors import InputError, MonitorError
from ..plural import counted, plural
from . import Whole, signals_taken
from .maintain import STALE_INDEX, rebuild_progress
from .output import local_iso, local_time, print_table, shown

if TYPE_CHECKING:
    from datetime import datetime


class _Cursor(click.ParamType):
    """`--after-id`: ID@OFFSET, as a "more:" line says it (or a bare ID, as earlier ones did)."""

    name = "ID@OFFSET"

    def convert(self, value: Any, param: Any, ctx: Any) -> tuple[int, int | None]:
        if isinstance(value, tuple):
            return value
        from ..pipeline.query import read_cursor

        if (read := read_cursor(str(value))) is None:
            self.fail(f"{value!r} is not where a page ended: ID@OFFSET, as the \"more:\" line says it", param, ctx)
        return read


# An exclusion typed as its own shell word (`三明 -三明治`) is a query word, not an unknown
# option; so is `-h…` (`-hospital`): only `--help` asks for help here.
@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
@click.argument("words", nargs=-1)
@click.option("--topic", help="Only articles matching this topic.")
@click.option("--source", help="Only articles from this source.")
@click.option("--since", help="Only articles published since: 7d, 12h, 3天, 6个月, a named day or period (昨天, 本周, "
              "last month), or a day, month or year: YYYY-MM-DD, YYYY-MM, YYYY, or a time: 'YYYY-MM-DD HH:MM' (Asia/Shanghai).")
@click.option("--until", help="Only articles published before: 7d (ago), or a day, period, month, year or time (all of it "
              "included).")
@click.option("--articles", is_flag=True, help="One row per article instead of one per story.")
@click.option("--sort", type=click.Choice(["date", "relevance"]), default="date", show_default=True,
              help="relevance: title hits first, then newest.")
@click.option("--limit", default=20, show_default=True, type=Whole(0), help="Rows to show; 0 for all.")
@click.option("--offset", default=0, show_default=True, type=Whole(0), help="Rows to skip (paging).")
@click.option("--upto-id", type=Whole(0), help="Only articles stored up to this id: the pages of one search "
              "stay put while new articles are stored (a page of the table that has a next names it).")
@click.option("--after-id", type=_Cursor(), help="With --offset, sorted by date: where the page before ended (ID@OFFSET: "
              "the article, the offset it was given for; a page of the table that has a next names it); the page is read "
              "from there, not counted from the first (deep pages of a large archive). Given for another offset, the "
              "page is counted.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "excel", "urls"]), default="table",
              show_default=True, help="excel: the CSV for a spreadsheet (a UTF-8 mark, so Excel reads the Chinese "
              "right; a cell that would start a formula begins with ').")
@click.pass_obj
def search(state, words, topic, source, since, until, articles, sort, limit, offset, upto_id, after_id, fmt) -> None:
    """Find stored stories: words (all must appear), "exact phrases", OR, (groups), -exclude,
    title:word. Simplified, traditional and pinyin-annotated text match each other.
    Without a query, the newest."""
    from ..pipeline.query import headed, parse_query, search_page, search_rows
    from ..pipeline.reindex import stale_index
    from ..querylang import nothing_found_hint

    mistyped = next((w for w in words if _OPTION_LIKE.fullmatch(w)), None)
    if mistyped:  # unknown long options reach here as words: still a mistake, not a query
        raise InputError(f"search: no such option {mistyped}",
                         hint="see monitor search --help; write -- before a query word that starts with --")
    query = " ".join(words)
    parse_query(query)  # a mistake in what was typed is named first, whatever the database
    after = before = None
    if since or until:  # not loaded otherwise: its patterns were ~5 ms of every search's start
        from ..timespec import check_order, parse_since, parse_until

        after, before = parse_since(since), parse_until(until)
        check_order(after, before, since, until)  # swapped: nothing can be found between them
    gone = _gone_topic(state, topic)  # else an unknown topic is named before the database is opened
    ctx = state.reader()
    if gone:  # the stories it matched while it was, kept in the store: searched among them (as the web does)
        from ..pipeline.reading import Reader

        ctx = Reader(ctx.store, (*ctx.topic_names, topic))
        click.echo(f"note: topic {topic!r} is not in the config (removed or renamed?): the stories it matched while "
                   "it was are shown; it matches no new article", err=True)
    if stale_index(ctx):
        click.echo(STALE_INDEX, err=True)
    asked = {"topic": topic, "source": source, "since": after, "until": before, "limit": limit, "offset": offset,
             "sort": sort, "articles": articles, "upto": upto_id, "after": after_id and after_id[0],
             "after_at": after_id and after_id[1]}
    # an export is written as it is read (50,000 rows: one batch in memory, not all of them); the table is measured whole
    page = search_page(ctx, query, **asked) if fmt == "table" else None
    rows = iter(headed(ctx, page.results)) if page is not None else search_rows(ctx, query, **asked)
    first = next(rows, None)
    if first is None and source and source not in (names := ctx.store.source_names()):  # a typo finds nothing
        shown_names = ", ".join(names[:15]) + (f" and {len(names) - 15} more" if len(names) > 15 else "")
        raise InputError(f"search: no stored article is from source {source!r}",
                         hint=f"sources in the archive: {shown_names or 'none yet'}")
    _print_results(query, _local_times(itertools.chain([first], rows) if first is not None else rows), fmt, offset)
    if first is None and not offset and (hint := _empty_archive(ctx) or nothing_found_hint(query)
                                         or _minutes_hint(since, until)):
        click.echo(f"hint: {hint}", err=True)  # `三明 or 永安`, `--since 6m`: why nothing
    if page is not None and page.more:  # stderr, as "nothing found"; an export's output stays the data alone
        from ..pipeline.query import cursor

        after_page = f" --after-id {cursor(page.last, offset + limit)}" if page.last is not None else ""
        click.echo(f"more: --offset {offset + limit} --upto-id {page.upto}{after_page} (the next page, as the archive "
                   "was when this one was read)", err=True)



def _gone_topic(state: Any, topic: str | None) -> bool:
    """Whether `topic`, named by no configured topic, is one since taken out of the config whose
    verdicts the store keeps; InputError ('unknown topic') when it is neither."""
    from ..pipeline.query import check_topic

    names = state.peek().topics
    if not topic or topic in names:
        return False
    if state.peek().db_path.exists() and state.reader().store.topic_stored(topic):
        return True
    check_topic(topic, names)
    return False


def _empty_archive(ctx: Any) -> str | None:
    """What a search of an archive with no article yet says (as the web page does)."""
    if ctx.store.has_articles():
        return None
    return "the archive holds no articles yet: a poll (monitor poll, monitor run) or monitor import stores them"


def _parse_since(value: str | None, name: str = "--since") -> datetime | None:
    """`timespec.parse_since`, loaded only when a time is given (a plain search never needs it)."""
    if not value:
        return None
    from ..timespec import parse_since

    return parse_since(value, name)


def _minutes_hint(since: str | None, until: str | None) -> str | None:
    if not (since or until):
        return None
    from ..timespec import minutes_hint

    return minutes_hint(since, until)

# What reaches `words` as an unknown long option: `--limt 5`, `--sort=new` (a word of dashes and
# Han characters is a query word).
_OPTION_LIKE = re.compile(r"--[A-Za-z][A-Za-z0-9_-]*(=.*)?", re.S)
# "fetched" last: when an undated article (filed by it) was fetched; scripts reading by place read on
FIELDS = ["id", "title", "url", "source", "published", "topics", "snippet", "story_id", "reposts", "fetched"]


def _local_times(results: Iterator[dict]) -> Iterator[dict]:
    """The results with their dates (stored in UTC) in Asia/Shanghai."""
    for r in results:
        r["published"], r["fetched"] = local_iso(r["published"]), local_iso(r["fetched"])
        for repost in r["reposts"]:
            repost["published"] = local_iso(repost["published"])
        yield r


def _print_results(query: str, results: Iterator[dict], fmt: str, offset: int = 0) -> None:
    if fmt == "json":  # what json.dumps(the list, indent=2) writes, an item at a time
        import json

        opened = False
        for r in results:
            item = json.dumps({k: _without_controls(r[k]) for k in FIELDS}, ensure_ascii=False, indent=2)
            sys.stdout.write(("," if opened else "[") + "\n  " + item.replace("\n", "\n  "))
            opened = True
        sys.stdout.write("\n]\n" if opened else "[]\n")
        return
    if fmt == "urls":
        for r in results:
            click.echo(shown(r["url"]))
    elif fmt in ("csv", "excel"):
        import csv  # each format's module only when asked for: csv costs ~4 ms of a start

        cell, links = (_spreadsheet_cell, _fitted) if fmt == "excel" else (shown, " ".join)
        if fmt == "excel":
            sys.stdout.write("\ufeff")  # without it Excel reads UTF-8 as the system's code page (GBK: garbled)
        writer = csv.writer(sys.stdout)
        writer.writerow(FIELDS)
        for r in results:
            writer.writerow([cell(";".join(r["topics"]) if k == "topics" else
                                  links([p["url"] for p in r["reposts"]]) if k == "reposts" else
                                  "" if r[k] is None else str(r[k]))  # no date: empty, not "None"
                             for k in FIELDS])
    else:
        from ..snippets import mark  # as digest.highlight(..., "text"), without the digest renderers

        rows = list(results)
        if not rows:  # one line, as the web page says it: no empty table under the query, no header row
            click.echo(f"nothing found at --offset {offset}: fewer results than that (page back)" if offset
                       else "nothing found", err=True)
            return
        print_table(f"search: {query}" if query else "newest",
                    ["id", "published", "source", "title", "outlets", "topics", "snippet"],
                    [[r["id"], local_time(r["published"]) or _fetched(r["fetched"]), r["source"], r["title"],
                      f"+{len(r['reposts'])}" if r["reposts"] else "", ",".join(r["topics"]),
                      mark(r["snippet"], r["terms"], "【", "】")] for r in rows])


def _without_controls(value: Any) -> Any:
    """A JSON field as the CSV's cell is: without control characters (an imported title's bell or
    escape, a body's NUL, which PostgreSQL's jsonb and spreadsheet writers refuse), lines and
    tabs kept."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, list):
        return [_without_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_controls(v) for k, v in value.items()}
    return value


def _fetched(when: str | None) -> str:
    """An undated article's date in the table: when it was fetched (what it is filed by), said so."""
    return f"{local_time(when)} (fetched)" if when else ""


CELL_MOST = 32767  # characters an Excel cell holds; a longer field is cut or spills into other rows


def _spreadsheet_cell(value: str) -> str:
    """A CSV cell for a spreadsheet: one a page's title could make a formula (`=HYPERLINK(…)`,
    `+`, `-`, `@`, a tab) starts with `'`, which the spreadsheet shows as text and hides; one
    longer than a cell holds is cut, with `…`."""
    value = shown(value)
    value = "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
    return value if len(value) <= CELL_MOST else value[:CELL_MOST - 1] + "…"


def _fitted(urls: list[str]) -> str:
    """A story's repost addresses in one spreadsheet cell: whole addresses while they fit,
    then `… and N more` (a story swept from hundreds of outlets)."""
    text = " ".join(urls)
    if len(text) <= CELL_MOST:
        return text
    def more(n: int) -> str:
        return f" … and {n} more (--format json lists them all)"

    size, kept = 0, 0
    for url in urls:
        if size + len(url) + 1 + len(more(len(urls))) > CELL_MOST:
            break
        size, kept = size + len(url) + 1, kept + 1
    return (" ".join(urls[:kept]) + more(len(urls) - kept)).lstrip()


class _Asked(threading.Event):
    """A stop asked by a signal: `signum`, the first one's number (0 while none came)."""

    signum = 0


def _stop_on_signals() -> tuple[Callable[[int, object], None], _Asked]:
    """Ctrl-C or SIGTERM (`docker stop` during a backfill) asks the import to stop between two
    articles, so what it stored is what it counts; a second one stops it at once."""
    asked = _Asked()

    def stop(signum: int, frame: object) -> None:
        if asked.is_set():
            raise KeyboardInterrupt
        asked.signum = signum
        asked.set()

    return stop, asked


@click.command("import")
@click.argument("file", type=click.File("rb"))
@click.option("--max-body", default=1_000_000, show_default=True, type=Whole(min=1000),
              help="Cut longer bodies to this many characters (with a warning).")
@click.option("--archive", is_flag=True,
              help="Record the stories that came out before a subscriber's digest window as read, not sent "
                   "(default: every matching story waits for its digest, once).")
@click.option("--resume", is_flag=True,
              help="Go on with an import that was stopped or killed: what it stored is skipped (as when run again).")
@click.pass_obj
def import_(state, file, max_body, archive, resume) -> None:
    """Add articles from JSON Lines (url, title, body, optional published, source; or html) or -.

    A CSV or tab-separated table with a header row naming the address column, an RSS or
    Atom file and a JSON array are read too, gzip'd, bzip2'd or xz'd as well. A bad line (not
    UTF-8, not JSON, missing fields) is reported by number and skipped while the others land;
    the exit status is then 1. Stopped by Ctrl-C (or SIGTERM) between two articles, it keeps
    what it stored, says how far it got and exits 130 (143). An import stopped or killed half-way
    goes on when run again (or with --resume): what it stored is skipped. Every matching story waits for its digest;
    with --archive a story the import creates that came out before a subscriber's digest
    window (its previous scheduled time) is recorded as read for that subscriber instead, so
    an archive does not flood the next digests."""
    from ..pipeline import catch_up, import_lines

    ctx = state.context()
    with rebuild_progress() as progress:
        catch_up(ctx, progress)
    handler, asked = _stop_on_signals()
    state.hold(signals_taken(handler))  # the caller's handlers back once the database is closed
    with import_progress(file) as progress:
        report = import_lines(ctx, file, max_body=max_body, stop=asked, history_read=archive, progress=progress)
    # stopped by a signal: 128 + its number (130 for Ctrl-C, 143 for SIGTERM), as a shell reports an
    # interrupted program, so a script (`monitor import a && monitor import b`) can tell it from a bad line
    _print_import(report, archive, stopped_code=128 + asked.signum if asked.signum else 1)


@contextlib.contextmanager
def import_progress(file: Any) -> Iterator[Any]:
    """On a terminal, a progress line on stderr while an import runs: the line reached, what was
    stored, and the share of a file read (a file given by name; stdin has no size). None when
    stderr is no terminal (a cron job's mail, a log): the summary alone."""
    if not sys.stderr.isatty():
        yield None
        return
    import os
    import stat
    import time

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    try:
        info = os.fstat(file.fileno())
        total = info.st_size if stat.S_ISREG(info.st_mode) and info.st_size else None
    except (OSError, ValueError, AttributeError):  # a wrapped or closed stream: no share shown
        total = None
    name = os.path.basename(getattr(file, "name", "") or "") if total else "stdin"
    bar = Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task(f"importing {name}", total=total)
    shown = 0.0

    def advance(number: int, report: Any) -> None:
        nonlocal shown
        if time.monotonic() - shown < 0.25:
            return
        shown = time.monotonic()
        try:
            done = file.tell() if total else None
        except (OSError, ValueError):
            done = None
        bar.update(task, completed=done, description=f"importing {name}: line {number:,}, "
                   f"{report.new + report.reposts:,} new, {report.duplicates:,} already stored")

    with bar:
        yield advance


def _print_import(report, archive: bool = False, stopped_code: int = 1) -> None:
    """The import's warnings, skipped lines and summary; exit 1 when it skipped lines, `stopped_code`
    when it stopped."""
    for line in _collapsed(report.warnings, "warning"):
        click.echo(line, err=True)
    if report.zoneless:  # once, not a line each: an export in UTC without 'Z' would be 8 hours off
        one = report.zoneless == 1
        click.echo(f"note: {report.zoneless:,} {_noun(report.zoneless, 'date')} had no time zone and "
                   f"{'was' if one else 'were'} read as Asia/Shanghai time (UTC+8); "
                   "dates in another zone need it written (2026-03-05T09:30:00Z, +00:00)", err=True)
    for line in _collapsed(report.errors, "skipped"):
        click.echo(line, err=True)
    if report.stopped is not None:
        click.echo(f"stopped after {counted(report.new + report.reposts + report.duplicates, 'article')}: {report.new} new, "
                   f"{counted(report.reposts, 'repost')}, {report.duplicates} already stored, {report.matched} matched a topic, "
                   f"{len(report.errors)} skipped")
        _print_history(report, archive)
        click.echo(f"error: {report.stopped}", err=True)
        sys.exit(stopped_code)
    click.echo(f"{counted(report.lines, report.unit[:-1])}: {report.new} new, {counted(report.reposts, 'repost')}, "
               f"{report.duplicates} already stored, "
               f"{report.matched} matched a topic, {len(report.errors)} skipped")
    _print_history(report, archive)
    if not report.lines:  # a failed download saved anyway, a pipe whose writer wrote nothing
        click.echo("error: the input held no article (an empty file, blank lines or an empty array, "
                   "or a pipe closed before anything was written): nothing imported", err=True)
        sys.exit(1)
    if report.errors:
        sys.exit(1)


SAME_KIND_SHOWN = 5  # lines printed of each kind of warning or skip; the rest counted in one line


def _collapsed(notes: list[str], label: str) -> list[str]:
    """`label: note` lines, at most SAME_KIND_SHOWN of each kind (the note with its numbers
    taken out), then one line counting the rest: a file of 50,000 alike lines is not 50,000
    lines of output."""
    import re

    out: list[str] = []
    seen: dict[str, tuple[int, str]] = {}  # kind → (count, first note of the kind)
    more: dict[str, int] = {}
    for note in notes:
        kind = re.sub(r"0x[0-9a-f]+|\d[\d,]*", "#", note)
        count, first = seen.get(kind, (0, note))
        seen[kind] = (count + 1, first)
        if count < SAME_KIND_SHOWN:
            out.append(f"{label}: {note}")
        else:
            more[kind] = more.get(kind, 0) + 1
    for kind, count in more.items():
        out.append(f"{label}: … and {count:,} more {_noun(count, 'line')} like these: {seen[kind][1].split(': ', 1)[-1]}")
    return out


def _noun(n: int, one: str) -> str:
    """`one` or its plural, for a count printed with thousands' commas (`plural.counted` has none)."""
    return one if n == 1 else plural(one)


def _print_history(report, archive: bool) -> None:
    if report.history and archive:
        click.echo(f"{report.history:,} matching {_noun(report.history, 'story')} came out before the subscribers' "
                   "digest windows: recorded as read, not sent")
    elif report.history:
        click.echo(f"{report.history:,} matching {_noun(report.history, 'story')} came out before the subscribers' "
                   "digest windows: they wait for "
                   "the next digests; to record them as read, unsent: monitor digest --mark-read --before DATE "
                   "(or import archives with --archive)")


@click.command()
@click.option("--subscriber", help="Only this subscriber (default: all).")
@click.option("--dry-run", is_flag=True, help="Print the digest instead of sending it; record nothing.")
@click.option("--status", is_flag=True, help="Show the outbox per subscriber channel: pending, failed, sent, last error.")
@click.option("--mark-read", is_flag=True,
              help="Record the waiting stories as delivered without sending them (after backfilling an archive).")
@click.option("--before", help="With --mark-read: only stories whose articles all came out before 7d (ago) or YYYY-MM-DD.")
@click.pass_obj
def digest(state, subscriber, dry_run, status, mark_read, before) -> None:
    """Send each subscriber's new stories now (and retry failed messages); or show the outbox;
    or mark the waiting stories read."""
    state.names_topics_only().existing()  # a digest names topics, never matches: compiling the rules was most of its CPU
    if status:
        _outbox_status(state, subscriber)
        return
    if before and not mark_read:
        raise InputError("digest: --before goes with --mark-read", hint="monitor digest --mark-read --before 7d")
    if mark_read:
        _mark_read(state, subscriber, before)
        return
    from ..pipeline import send_digests

    ctx = state.context()
    handler, said = _stop_sending_on_signals(ctx.stopping, ctx.under_way)
    if not dry_run:  # until the database is closed: a signal as it closes is one line too; then the caller's
        state.hold(signals_taken(handler))
    results = send_digests(ctx, subscriber, dry_run=dry_run, out=sys.stdout)
    if not results:  # said nothing at all: a config without [[subscribers]] looked like a digest with nothing new
        click.echo(NO_SUBSCRIBERS, err=True)
    for r in results:
        if dry_run:
            click.echo(shown(r.rendered))
        click.echo(f"{r.subscriber} via {r.channel}: {r.status}"
                   + ("" if r.status == "error" and not r.stories else f", {counted(r.stories, 'story')}")
                   + (f" ({r.detail})" if r.detail else "") + ("" if dry_run else _waiting(r)), err=True)
    if said:
        click.echo(f"error: digest stopped by {said[0]}: each message sent is recorded, the others wait "
                   "for the next run", err=True)
    if said or any(r.status == "error" for r in results):
        sys.exit(1)


def _waiting(r) -> str:
    """What waits in the outbox after a run: its stories (a refused digest sent none of them, and
    its `0 stories` read as nothing to send), its messages, and the daemon's next try."""
    if not r.pending:
        return ""
    waits = "waits" if (r.waiting or r.pending) == 1 else "wait"
    what = (f"{counted(r.waiting, 'story')} in {counted(r.pending, 'message')}" if r.waiting
            else counted(r.pending, 'message'))
    when = f"; the daemon's next try {local_time(r.next_try.isoformat())} Shanghai time" if r.next_try else ""
    return f"; {what} {waits} for the next run{when}"


def _stop_sending_on_signals(stopping: threading.Event,
                             under_way: threading.Event) -> tuple[Callable[[int, object], None], list[str]]:
    """Ctrl-C or SIGTERM (`docker stop`, a service manager) while a digest is sent: the message
    under way finishes and is recorded, and no other leaves (killed at once, that message was
    sent again at the next run, the reader given it twice). With none under way (waiting for
    the daemon's delivery lock, or a robot's minute) it stops at once, in one line; so does a
    second signal. Returns the handler, and the list it puts the signal's name in."""
    said: list[str] = []

    def stop(signum: int, frame: object) -> None:
        name = signal.Signals(signum).name
        if stopping.is_set():
            raise KeyboardInterrupt
        if not under_way.is_set():  # every write is a transaction: undone, nothing half-recorded
            raise MonitorError(f"digest stopped by {name} with no message under way: what waits goes at the next run")
        said.append(name)
        stopping.set()

    return stop, said


NO_SUBSCRIBERS = "no subscribers in the config: nothing to send (add a [[subscribers]] table with its topics and channels)"


def _mark_read(state, subscriber: str | None, before: str | None) -> None:
    from ..pipeline import mark_read

    marked_each = mark_read(state.context(), subscriber, _parse_since(before, "--before"))
    if not marked_each:
        click.echo(NO_SUBSCRIBERS.replace("to send", "to mark read"), err=True)
    for name, channel, marked, left in marked_each:
        click.echo(f"{name} via {channel}: {counted(marked, 'story')} marked read (not sent), {left} newer left "
                   f"for the next digest")


def _restored_rows(state, rows: list[dict]) -> list[dict]:
    """`rows` as the next digest leaves them when the database was restored from a backup (or
    replaced): the waiting messages the note beside it says went are recorded as sent then; one line."""
    from ..pipeline.restored import noted_waiting, restored_view

    went = restored_view(state.store, state.cfg)
    if went is None:
        return rows
    out, n = [], 0
    for r in rows:
        known = noted_waiting(state.store, went, r["subscriber"], r["channel"])
        pending = sum(q.status == "pending" for q in known)
        r = {**r, "pending": r["pending"] - pending, "failed": r["failed"] - (len(known) - pending),
             "sent": r["sent"] + len(known)}
        out.append(r)
        n += len(known)
    click.echo(f"the database does not know the last message sent from it (restored from a backup, or replaced?): "
               f"{counted(n, 'waiting message')} the note beside it says went {'is' if n == 1 else 'are'} counted as "
               "sent, as the next digest records them", err=True)
    return out


def _channel_places(state) -> dict[str, str]:
    """Where each configured channel delivers, by its outbox name: a webhook's host and format
    (never its URL's path or query, which hold its token), an email's recipients, a file's path."""
    from urllib.parse import urlsplit

    from ..pipeline.deliver import channel_key

    places = {"stdout": "stdout"}  # a subscriber without channels
    for sub in state.cfg.subscribers:
        for ch in sub.channels:
            if ch.kind == "webhook":
                place = f"{urlsplit(ch.url or '').hostname or '?'} ({ch.format})"
            else:
                place = {"email": ", ".join(ch.to), "file": ch.path or ""}.get(ch.kind, ch.kind)
            places[channel_key(ch)] = place
    return places


def _outbox_status(state, subscriber: str | None) -> None:
    """The outbox table (of one subscriber, configured or with messages in it); exit 1 when a
    message shown has failed, so scripts can alert on it."""
    rows = state.store.outbox_summary()
    if subscriber:
        names = sorted({s.name for s in state.cfg.subscribers} | {r["subscriber"] for r in rows})
        if subscriber not in names:
            raise InputError(f"no subscriber named {subscriber!r}", hint=f"known subscribers: {', '.join(names)}")
        rows = [r for r in rows if r["subscriber"] == subscriber]
    where = _channel_places(state)
    rows = _restored_rows(state, rows)
    if not rows:  # one line, no table's header over nothing
        click.echo(f"the outbox holds nothing for {subscriber} yet" if subscriber
                   else "the outbox is empty: no digest has been sent yet", err=True)
        return
    print_table("outbox", ["subscriber", "channel", "pending", "failed", "sent", "next attempt", "last attempt",
                           "last error", "to"],  # "to" last: scripts reading the columns before it read them as before
                [[r["subscriber"], r["channel"], r["pending"], r["failed"], r["sent"], local_time(r["next_attempt"]),
                  local_time(r["last_attempt"]), _cut_error(r["last_error"] or ""),
                  where.get(r["channel"], "(no longer configured)")] for r in rows])
    if any(r["failed"] for r in rows):
        sys.exit(1)


def _cut_error(error: str, width: int = 160) -> str:
    """An outbox error within `width`: a long one loses the middle (the receiver's answer quoted),
    keeping its start (who answered what) and its closing hint (what to check, when it goes again),
    which a cut at the end pushed out."""
    if len(error) <= width:
        return error
    hint, depth = "", 0
    for i in range(len(error) - 1, max(-1, len(error) - width // 2 - 1), -1) if error.endswith(")") else ():
        depth += {")": 1, "(": -1}.get(error[i], 0)
        if not depth:  # the "(" that the last ")" closes
            hint = " " + error[i:]
            break
    return error[:width - len(hint) - 1].rstrip() + "…" + hint


@click.command()
@click.option("--topic", "topics", multiple=True, help="Only this topic (repeatable; default: all).")
@click.option("--since", help="Only articles published since: 7d, or a day, month or year (YYYY-MM-DD, YYYY-MM, YYYY).")
@click.pass_obj
def rematch(state, topics, since) -> None:
    """Re-run topic rules over stored articles after the rules change; new matches reach digests."""
    from ..errors import InputError
    from ..pipeline import rematch as run_rematch

    for t in topics:
        if t not in state.cfg.topics:
            raise InputError(f"unknown topic {t!r}", hint="known topics: " + ", ".join(state.cfg.topics))
    kept = [0]
    try:
        counts = run_rematch(state.existing().context(), list(topics) or None, _parse_since(since), kept.append)
    except KeyboardInterrupt:  # each batch is committed: what was done is kept, said instead of a bare "Aborted!"
        click.echo(f"error: rematch stopped by Ctrl-C after {counted(kept[-1], 'article')}: their verdicts are kept "
                   "(new matches wait for the next digests); the rest keep the verdicts they had. Run monitor "
                   "rematch again to go over them all (a poll, an import or the daemon's start matches any stored "
                   "under other rules on its own)", err=True)
        sys.exit(130)
    click.echo(f"{counted(counts['articles'], 'article')} re-matched: {counted(counts['gained'], 'new match')}, "
               f"{counts['lost']} dropped")


@click.command()
@click.option("--topic", default="hu-ming", show_default=True, help="The topic whose stories the feed carries.")
@click.option("--limit", default=50, show_default=True, type=Whole(1, 1000),
              help="How many of the newest stories the feed carries (1 to 1000).")
@click.option("--since", help="Only stories published since: 7d, 12h, or a day, month or year (Asia/Shanghai).")
@click.option("--url", "self_url", help="The address the feed is served at (its rel=\"self\" link, which readers "
              "and validators look for).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file (atomically) instead of stdout.")
@click.pass_obj
def feed(state, topic, limit, since, self_url, output) -> None:
    """Write an Atom feed of the newest stories of a topic (for feed readers; serve the file)."""
    import os
    from datetime import datetime, timezone

    from ..feeds import atom, topic_feed_id
    from ..pipeline import recent_stories

    if self_url and not self_url.lower().startswith(("http://", "https://")):
        raise InputError(f"feed: --url {self_url}: not a web address", hint="e.g. --url https://example.cn/hu-ming.atom")
    after = _parse_since(since)
    stories = recent_stories(state.names_topics_only().existing().context(), topic, limit, after)
    base = state.cfg.web.base_url  # where `monitor serve` is read: a story's page lists all its outlets
    xml = atom(stories, title=f"monitor: {topic}", feed_id=topic_feed_id(topic), now=datetime.now(timezone.utc),
               self_url=self_url, story_page=(lambda story: f"{str(base).rstrip('/')}/story/{story}") if base else None)
    if not output:
        click.echo(xml)
        return
    tmp = f"{output}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(xml)
        os.replace(tmp, output)
    except OSError as exc:  # no such directory, no permission, a full disk: was a traceback
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise InputError(f"--output {output}: cannot write: {exc.strerror}",
                         hint="give a path in a directory that exists and can be written") from None
    click.echo(f"{output}: {counted(len(stories), 'story')}", err=True)


COMMANDS = [search, import_, digest, rematch, feed]
