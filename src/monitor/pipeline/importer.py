"""Import: JSON Lines (or a CSV table's rows, a feed's items) read as bytes → articles (prepared in worker processes) → batched ingest.

In: a binary stream (or an iterable of lines) of JSON objects with `url` and `title` + `body`
or `html`, optional `published` and `source`. Out: an `ImportReport`: counts, every skipped
line by number with the reason (encoding, JSON, fields), and warnings (truncated bodies).
A bad line never stops the import; memory stays flat in the file's size: one line and one
ingest batch at a time, bodies cut at a cap.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any, BinaryIO, cast

from .. import match
from ..errors import MonitorError, StoreError
from ..models import Article
from . import backfill, checks, importarray, importcsv, importfeed, importlines
from .base import MAX_BODY_CHARS, Context, ImportReport, Ingested
from .importdates import NO_ZONE
from .importdates import parse_when as parse_when  # re-exported: `pipeline.parse_when`
from .importlines import MAX_LINE_BYTES, Unended, article_from_json, cut_short, decode_line, read_lines, text_if_utf16
from .ingest import IMPORT_BATCH_SECONDS, Ingestor, Prepared, canonical_of, prepare

AGAIN = "run the same import again to go on: the articles already stored are skipped"


def import_lines(ctx: Context, lines: Iterable[bytes | str] | BinaryIO,
                 max_body: int = MAX_BODY_CHARS, workers: int | None = None,
                 stop: threading.Event | None = None, history_read: bool = False,
                 progress: Callable[[int, ImportReport], None] | None = None) -> ImportReport:
    """Ingest articles given as JSON Lines; a bad line is reported by number and skipped.

    Each line's own work (JSON, extraction of `html`, normalising, matching, fingerprint,
    index tokens) runs in `workers` processes (default: one per core, for inputs of more than
    `POOL_MIN_LINES` lines); this process only writes, in input order, each article in its
    own savepoint as `Ingestor` does, so the outcome is the same as with one process. Once
    `stop` is set the import ends after the article in hand, with what it prepared stored.
    The stories it creates that came out before a subscriber's digest window are counted in
    `report.history`; with `history_read` they are recorded as read for that subscriber in the
    batch that stores them (`backfill`). `progress` is given each line's number and the report so
    far as the line is done (a terminal's progress line)."""
    report = ImportReport()
    if hasattr(lines, "readline"):
        stream, packed = importlines.unpacked(lines)
        stream = text_if_utf16(cast(BinaryIO, stream))
        table = importcsv.table(stream, report.warnings, report.errors, MAX_LINE_BYTES)  # a CSV or TSV with a header row
        report.unit = "lines" if table is None else "rows"
        if table is None and hasattr(stream, "peek") and importfeed.is_feed(stream.peek(importfeed.SNIFF_BYTES)):
            table, report.unit = importfeed.items(stream, report.errors, MAX_LINE_BYTES), "items"  # RSS, Atom
        elif table is None and importarray.is_document(importarray.peeked(stream)):
            # [{...}, ...], {"items": [...]}
            table, report.unit = importarray.items(stream, report.warnings, report.errors, MAX_LINE_BYTES), "items"
        numbered = _rows(table, report) if table is not None else _numbered(read_lines(stream, stop=stop), report)
    else:
        packed, numbered = None, _numbered(cast(Iterable[bytes | str | None], lines), report)
    head = list(islice(numbered, POOL_MIN_LINES + 1))
    workers = (os.cpu_count() or 1) if workers is None else workers
    again = _Again()  # with `history_read`: the stories of the lines stored by an earlier run
    unmarked = _Unmarked(ctx, report)  # lines stored by a poll, or by an import before m026
    try:
        with Ingestor(ctx, backfill=True, on_batch=_history(ctx, report, history_read),
                      max_seconds=IMPORT_BATCH_SECONDS) as ingestor:
            outcomes: Generator[_Outcome, None, None]
            if workers > 1 and len(head) > POOL_MIN_LINES and _can_fork():
                outcomes = _in_workers(ctx, ingestor, chain(head, numbered), max_body, workers)
            else:  # parsed here, prepared only when not stored yet
                known = ctx.store.known_urls
                outcomes = (_ready(_parse(n, raw, max_body), ctx.cfg, ingestor.topics, known)
                            for n, raw in chain(head, numbered))
            # closed here, in this thread, however the loop ends: left to the collector (a full
            # disk's error holds it in a cycle), the workers' pool was closed in whatever thread
            # collected it, once in the pool's own result thread, which then waited on itself for ever
            given = _Given()
            with contextlib.closing(outcomes):
                for outcome in outcomes:
                    if stop is not None and stop.is_set():
                        report.stopped = MonitorError("import interrupted", hint=AGAIN)
                        break
                    given.check(outcome)
                    if NO_ZONE in outcome.warnings:  # counted, said once at the end
                        report.zoneless += 1
                        outcome.warnings = [w for w in outcome.warnings if w != NO_ZONE]
                    report.warnings.extend(outcome.warnings)
                    if outcome.error is not None:
                        report.errors.append(outcome.error)
                    elif isinstance(outcome.item, Prepared):
                        _count(report, ingestor.add_prepared(outcome.item))
                    elif isinstance(outcome.item, Ingested):  # stored by an earlier run: nothing to do
                        _count(report, [outcome.item])
                        unmarked.add(outcome.item.canonical)
                        if history_read:  # but its old stories' marks, when that run had no --archive
                            again.add(ctx.store, outcome.item.canonical)
                    if progress is not None:
                        progress(outcome.number, report)
            if stop is not None and stop.is_set() and report.stopped is None:
                # asked inside a line without end (read_lines ends the lines there): not an empty input
                report.stopped = MonitorError("import interrupted", hint=AGAIN)
    except StoreError as exc:  # a full disk: the batches before it are stored, the rest is not
        report.stopped = StoreError(exc.message, hint=f"{exc.hint}, then {AGAIN}")
        return report
    except KeyboardInterrupt:  # asked twice: stopped where it was (what was prepared is stored first)
        report.stopped = MonitorError("import interrupted", hint=AGAIN)
    _count(report, ingestor.results)
    unmarked.flush()
    if history_read:
        report.history += len(backfill.mark_stored(ctx, backfill.windows(ctx), again.stories(ctx.store)))
    if packed is not None and packed.error:  # a compressed file cut short or damaged: what came before is stored
        report.errors.append(packed.error)
    if report.stopped is not None:
        return report
    if report.new or report.reposts:
        ctx.store.release_free_pages()
    return report


def _history(ctx: Context, report: ImportReport, record: bool) -> Callable[[list[tuple[Article, Ingested]]], None]:
    """What each batch runs in its transaction: count its old stories in `report`, and with
    `record` mark them read."""
    spans = backfill.windows(ctx)

    def mark(stored: list[tuple[Article, Ingested]]) -> None:
        report.history += len(backfill.mark_history(ctx, spans, stored, record))
    return mark


@dataclass
class _Outcome:
    """One line's result: an article ready to store, or an error; and its warnings."""

    item: Prepared | Ingested | tuple[Article, str] | None = None
    error: str | None = None
    number: int = 0
    warnings: list[str] = field(default_factory=list)
    text: int = 0  # a hash of the article's title and body: one address given twice with two texts
    url: str = ""  # the article's address as the line gave it


class _Given:
    """The addresses of this import's last GIVEN_KEPT articles, with the line and text each came
    with: an address given again with another text (an export holding each edit of a page) is
    named, and the first kept, where it was counted 'already stored' as an unchanged copy is."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[int, int | None]] = {}  # address → (its first line, text; None once said)

    def check(self, outcome: _Outcome) -> None:
        item = outcome.item
        if not isinstance(item, (Prepared, Ingested)) or not item.canonical:
            return
        first = self.seen.get(item.canonical)
        if first is None:
            self.seen[item.canonical] = (outcome.number, outcome.text)
            if len(self.seen) > GIVEN_KEPT:
                del self.seen[next(iter(self.seen))]
        elif first[1] not in (outcome.text, None):  # said once an address
            outcome.warnings.append(f"line {outcome.number}: {outcome.url} was given before (line {first[0]}) "
                                    "with another text; the first is kept, as it is for later lines")
            self.seen[item.canonical] = (first[0], None)


class _Again:
    """The stories of the lines an import found stored already, looked up 500 addresses at a time."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.ids: set[int] = set()

    def add(self, store: Any, canonical: str | None) -> None:
        if canonical:
            self.urls.append(canonical)
        if len(self.urls) >= 500:
            self.stories(store)

    def stories(self, store: Any) -> set[int]:
        if self.urls:
            self.ids |= store.story_ids(self.urls)
            self.urls = []
        return self.ids


class _Unmarked:
    """The lines found stored already that no import marked (m026): stored by a poll, or by an
    import before m026, which matched an old article under a source with `max_age_days` to no
    topic. Given in an import, they are an archive asked for: marked imported and matched again
    (the age limit no longer applies), 500 at a time; a run again of the same import after an
    upgrade matches what the first run could not. The ones that match then count as matched."""

    def __init__(self, ctx: Context, report: ImportReport) -> None:
        self.ctx, self.report, self.urls = ctx, report, list[str]()
        self.aged = {s.name for s in ctx.cfg.sources if s.max_age}  # the sources whose verdicts change

    def add(self, canonical: str | None) -> None:
        if canonical:
            self.urls.append(canonical)
        if len(self.urls) >= 500:
            self.flush()

    def flush(self) -> None:
        if not self.urls:
            return
        rows, self.urls = self.ctx.store.mark_imported(self.urls), []
        if ids := [r["id"] for r in rows if r["source"] in self.aged]:
            self.report.matched += checks.match_again(self.ctx, ids)


GIVEN_KEPT = 20_000  # addresses remembered (bounded memory for a file of millions of lines)


def _numbered(source: Iterable[bytes | str | None], report: ImportReport) -> Iterator[tuple[int, bytes | str]]:
    """(line number, line) of the lines worth parsing; too-long lines reported, blank ones skipped."""
    for number, raw in enumerate(source, 1):
        if raw is None:
            report.lines += 1
            report.errors.append(f"line {number}: longer than {MAX_LINE_BYTES // 2**20} MB, skipped")
            continue
        if not raw.strip():
            continue
        report.lines += 1
        yield number, raw


def _rows(table: Iterator[tuple[int, str]], report: ImportReport) -> Iterator[tuple[int, str]]:
    for pair in table:
        report.lines += 1
        yield pair


def _parse(number: int, raw: bytes | str, max_body: int) -> _Outcome:
    """One line → (article, source name), or the error that skips it."""
    outcome = _Outcome(number=number)
    try:
        outcome.item = article_from_json(decode_line(raw, number, outcome.warnings), number, max_body, outcome.warnings)
        article = outcome.item[0]
        outcome.text, outcome.url = hash((article.title, article.body)), article.url or ""
    except MonitorError as exc:
        outcome.error = cut_short(number) if isinstance(raw, Unended) and _stops_inside(raw) else str(exc)
    except Exception as exc:  # one line's surprise must not end the import of the rest
        outcome.error = _unexpected(number, exc)
    return outcome


def _stops_inside(raw: bytes) -> bool:
    """Whether a last line without its line end stops inside its JSON (a pipe closed, a download
    cut), not a whole one with a field, a date or a comma wrong (a file many tools end so)."""
    text = raw.decode("utf-8", "replace").rstrip()
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:  # the input ran out: at its end, or inside a string
        return exc.pos >= len(text) or exc.msg.startswith("Unterminated string")
    except (ValueError, RecursionError):
        return False
    return False


def _ready(outcome: _Outcome, cfg: Any, topics: list, known: Callable[[list[str]], set[str]]) -> _Outcome:
    """A parsed line's article prepared for the writer, or a duplicate when its URL is stored
    already: an import run again after an interrupt skips the work of what the first run stored."""
    if not isinstance(outcome.item, tuple):
        return outcome
    article, name = outcome.item
    canonical = canonical_of(article)
    try:
        stored = bool(known([canonical]))
    except Exception:  # a busy or failing reader (sqlite3's errors): the writer checks again anyway
        stored = False
    if stored:
        outcome.item = Ingested("duplicate", source=name, canonical=canonical)
        return outcome
    try:
        outcome.item = prepare(cfg, topics, article, name, canonical, imported=True)
    except Exception as exc:  # as in `_parse`
        outcome.item, outcome.error = None, _unexpected(outcome.number, exc)
    return outcome


def _unexpected(number: int, exc: Exception) -> str:
    return f"line {number}: cannot be imported ({type(exc).__name__}: {exc}); please report it"


# --- worker processes -----------------------------------------------------------------------

POOL_MIN_LINES = 256  # fewer lines: not worth starting processes
CHUNK = 32  # lines per task sent to a worker
_WORK: tuple[Any, list, int, Any] | None = None  # (config, topics, max_body, db path), inherited by forked workers
_READER: Any = None  # a worker's own connection to the database, to skip the lines stored already


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _in_workers(ctx: Context, ingestor: Ingestor, numbered: Iterator[tuple[int, bytes | str]],
                max_body: int, workers: int) -> Generator[_Outcome, None, None]:
    """Outcomes of the lines in input order, parsed and prepared by forked workers; at most a
    few chunks per worker in flight, so memory stays flat however long the input."""
    global _WORK
    # paid once here, before the fork, rather than once in every worker (the matcher's tables)
    match.match_topics([t for _, t, _ in ingestor.topics], "上海", "三明")
    _WORK = (ctx.cfg, ingestor.topics, max_body, ctx.store.path)
    pending: deque[Any] = deque()
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts,
                                                    initargs=(os.getpid(),))
    try:
        for chunk in _chunks(numbered, CHUNK):
            pending.append(pool.apply_async(_work, (chunk,)))
            if len(pending) >= 4 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        # Ended however it ends (the input done, a signal, an error): the workers finish the few
        # chunks they hold (4 a worker at most) and exit. A worker killed instead (Pool.terminate,
        # the `with` block's exit, SIGTERMs them) can die holding a queue's lock: the parent then
        # waited on it for ever (an import stopped by Ctrl-C hung).
        _WORK = None
        pool.close()
        try:
            pool.join()
        except BaseException:  # a second signal while they finish: stop at once
            for worker in pool._pool:  # type: ignore[attr-defined]  # where multiprocessing keeps them
                worker.kill()
            pool._terminate.cancel()  # type: ignore[attr-defined]  # its exit-time terminate would wait on their locks
            raise


def _ignore_interrupts(parent: int) -> None:
    """In a worker: Ctrl-C and a service manager's SIGTERM reach the whole process group; the
    parent stops the import and lets the workers finish, so they ignore both (one killed while
    holding a queue's lock hung the parent for ever). Should the parent die, the kernel ends
    them (they would wait for tasks for ever: their own copies keep the task pipe open)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _end_with_parent(parent)


def _end_with_parent(parent: int) -> None:
    """Linux: SIGKILL this process when its parent ends (PR_SET_PDEATHSIG); and end now if the
    parent is gone already."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: an orphaned worker waits until it is killed
        return
    if os.getppid() != parent:
        os._exit(0)


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _work(chunk: list[tuple[int, bytes | str]]) -> list[_Outcome]:
    """In a worker: a chunk of numbered lines → their outcomes."""
    assert _WORK is not None  # set by the parent before the fork
    cfg, topics, max_body, path = _WORK
    return [_ready(_parse(number, raw, max_body), cfg, topics, _known_in(path)) for number, raw in chunk]


def _known_in(path: Any) -> Callable[[list[str]], set[str]]:
    """In a worker: which canonical URLs the database holds, read on the worker's own connection
    (the parent's is never used across the fork); none known for a database in memory."""
    global _READER
    if not path or str(path) == ":memory:":
        return lambda urls: set()
    if _READER is None:
        from ..store import Store

        _READER = Store.open(path)
    return cast(Callable[[list[str]], set[str]], _READER.known_urls)


def _count(report: ImportReport, results: list[Ingested]) -> None:
    for result in results:
        if result.status == "refused":  # the database would not take it: the rest of its batch is in
            report.errors.append(f"{result.canonical}: not stored: {result.reason}")
        report.new += result.status == "new"
        report.reposts += result.status == "repost"
        report.duplicates += result.status == "duplicate"
        report.matched += bool(result.topics)
