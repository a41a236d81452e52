"""Stage-at-a-time tools: extract pages, match JSON Lines against topics."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from ..errors import InputError, MonitorError
from ..plural import counted
from .output import shown


def _article_json(art) -> dict:
    from zoneinfo import ZoneInfo

    published = art.published.astimezone(ZoneInfo("Asia/Shanghai")).isoformat() if art.published else None
    return {"url": art.url, "title": art.title, "published": published,
            "author": art.author, "source_name": art.source_name, "editor": art.editor, "lang": art.lang,
            "body": art.body}


def _extract_one(item: str, url: str | None, fetcher_box: list):
    from .. import extract

    if item.startswith(("http://", "https://")):
        if not fetcher_box:
            from ..fetch import Fetcher

            fetcher_box.append(Fetcher(_fetch_settings()))
        from datetime import datetime, timezone

        from ..pipeline.morepages import whole

        def read(page_url: str) -> tuple:
            resp = fetcher_box[0].get(page_url)
            return extract.extract(resp.text, resp.url, fetched_at=datetime.now(timezone.utc)), resp.text

        resp = fetcher_box[0].get(item)
        first = extract.extract(resp.text, url or resp.url, fetched_at=datetime.now(timezone.utc))
        return whole(first, resp.url, resp.text, read)  # an article split across pages, whole
    cap = _fetch_settings().max_bytes
    try:
        if item == "-":
            data = sys.stdin.buffer.read(cap + 1)
        else:
            with open(item, "rb") as f:
                data = f.read(cap + 1)
    except OSError as exc:
        raise InputError(f"{item}: cannot read: {exc.strerror}", hint="give a readable file or an http(s) URL") from None
    if len(data) > cap:  # as a fetched page is refused past the cap (`/dev/zero` never ends)
        raise InputError(f"{item}: over {cap:,} bytes, more than any page", hint="raise fetch.max_bytes if it is one")
    return extract.extract_bytes(data, url)


def _fetch_settings():
    """The config's [fetch] settings (its allow_private, user agent, limits) when a config
    loads; the defaults otherwise, since extracting a page needs no config."""
    from ..config import FetchConfig
    from ..errors import ConfigError

    state = click.get_current_context().find_root().obj
    try:
        return state.cfg.fetch
    except ConfigError:
        return FetchConfig(min_delay=0.5)


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--url", help="The page's URL, for files (used for dates in URLs and relative links).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: one JSON object per input (JSON Lines); text: readable.")
def extract_cmd(inputs, url, fmt) -> None:
    """Extract title, date, author and body from HTML files, URLs or - (stdin), streaming."""
    failed = 0
    box: list = []  # the one Fetcher, made for the first URL
    try:
        for item in inputs:
            try:
                art = _extract_one(item, url, box)
            except MonitorError as exc:
                failed += 1
                click.echo(f"error: {item}: {exc}" if item not in str(exc) else f"error: {exc}", err=True)
                if fmt == "json":
                    click.echo(json.dumps({"input": item, "error": str(exc)}, ensure_ascii=False))
                continue
            obj = {"input": item, **_article_json(art)}
            if fmt == "json":
                click.echo(json.dumps(obj, ensure_ascii=False))
            else:
                click.echo(shown(f"# {art.title}\n{obj['published'] or 'no date'} · {art.source_name or ''} "
                                 f"{art.author or ''}\n\n{art.body}\n"))
    finally:
        if box:
            box[0].close()
    if failed:
        sys.exit(1)


def _parse_item(line: str, number: int) -> dict:
    """One JSON line with title and body strings; InputError names the line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number}: not JSON ({exc.msg})", hint="one JSON object per line") from None
    except RecursionError:  # arrays or objects nested ~100,000 deep
        raise InputError(f"line {number}: not JSON (nested too deeply)", hint="one JSON object per line") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("title", ""), str) or not isinstance(obj.get("body", ""), str):
        raise InputError(f"line {number}: needs \"title\" and \"body\" strings", hint="see `monitor match --help`")
    obj.setdefault("id", obj.get("url") or number)
    return obj


def _lines(file) -> Iterator[tuple[int, str | InputError]]:
    """(number, text) of each non-blank line of a binary stream, read as `monitor import` reads
    its lines (UTF-8, a UTF-16 byte order mark, GB18030 or Big5 text, lines over 64 MiB left
    unread), or (number, the InputError that names why the line cannot be read)."""
    from ..pipeline.importlines import MAX_LINE_BYTES, decode_line, read_lines, text_if_utf16

    for number, raw in enumerate(read_lines(text_if_utf16(file)), 1):
        if raw is None:
            yield number, InputError(f"line {number}: longer than {MAX_LINE_BYTES // 2**20} MB", hint="one article a line")
            continue
        try:
            text = decode_line(raw, number)
        except InputError as exc:
            yield number, exc
            continue
        if text.strip():
            yield number, text


def _read_items(file) -> list[tuple[int, dict]]:
    """Every line of a labelled file; the first bad line stops (labels must be complete)."""
    items = []
    for number, line in _lines(file):
        if isinstance(line, InputError):
            raise line
        items.append((number, _parse_item(line, number)))
    return items


@click.command("match")
@click.argument("file", type=click.File("rb"), default="-", required=False)
@click.option("--topic", "topics", multiple=True, help="Only this topic (repeatable; default: all).")
@click.option("--eval", "labels", type=click.File("rb"),
              help="Labelled JSON Lines (label: relevant|irrelevant): print precision, recall, F1, misses, "
                   "and the figures of the tuning part and of the held-out fifth (chosen by a hash of each id).")
@click.pass_obj
def match_cmd(state, file, topics, labels) -> None:
    """Match JSON Lines (title, body, optional id, url) against topics; one JSON line per input and topic."""
    from dataclasses import asdict

    from .. import match

    chosen = list(topics) or list(state.cfg.topics)
    for t in chosen:
        if t not in state.cfg.topics:
            raise InputError(f"unknown topic {t!r}", hint="known topics: " + ", ".join(state.cfg.topics))
    if labels is not None:
        items = [obj for _, obj in _read_items(labels)]
        if not items:  # figures of nothing would read 1.000
            raise InputError(f"{labels.name}: no labelled items", hint='one JSON object a line, with "label"')
        for obj in items:
            if obj.get("label") not in ("relevant", "irrelevant"):
                raise InputError(f"item {obj['id']}: label must be relevant or irrelevant", hint="fix the label field")
        for t in chosen:
            topic = state.cfg.topics[t]
            click.echo(f"topic {t}: " + match.evaluate(topic, items).format())
            tune, held = match.evaluate_halves(topic, items)
            for name, part in (("tuning part", tune), ("held-out fifth", held)):
                n = part.tp + part.fp + part.fn + part.tn
                click.echo(f"  {name} ({counted(n, 'item')}): precision {part.precision:.3f}  recall {part.recall:.3f}")
        return
    bad = 0
    for number, line in _lines(file):
        try:
            if isinstance(line, InputError):
                raise line
            obj = _parse_item(line, number)
        except InputError as exc:  # report it and go on: the other lines are still wanted
            bad += 1
            click.echo(f"skipped: {exc}", err=True)
            continue
        for t in chosen:
            m = match.match_article(state.cfg.topics[t], obj.get("title", ""), obj.get("body", ""))
            click.echo(json.dumps({"id": obj["id"], "topic": t, "matched": m.matched, "score": round(m.score, 3),
                                   "hits": [asdict(h) for h in m.hits], "rules": list(m.rules), "reason": m.reason},
                                  ensure_ascii=False))
    if bad:
        sys.exit(1)


COMMANDS = [extract_cmd, match_cmd]
