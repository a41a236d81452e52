"""Stress the extractor the way pages nobody here has seen do: the bench's pages, degraded.

In: the sets `bench/extract.py` reads (same parts: dev, held-out, validation). Out: on stdout,
per set and part, totals only (per-page lines never, so held-out and validation stay unread):
- `no-meta`: date accuracy with head meta, JSON-LD, scripts, `<time datetime>` and other
  date-bearing attributes removed and no URL given (older pages date themselves only in text).
  The reference is the truth's date; where a set has none (scrapinghub) it is the date the
  whole page gives, and ±1 day counts (English dates written without a zone);
- `side-list`: the `no-meta` page with a side column of three dated links (dates a month after
  the reference, our own link text) opening its body, as older table layouts list their latest
  items before the article's cell: the article's date must still win, or none;
- `no-class`: body P/R/F1 with every class and id attribute removed (hashed class names give
  the body finder no hints);
- `div-soup`: body P/R/F1 with every `<p>` turned into a `<div>` (paragraphs typed as divs, as
  many component-built pages write them);
- `wrapped`: body P/R/F1 with every `<p>` alone in a `<div>` of its own (one CMS component per
  paragraph).
Both rewrite the page as the parser reads it (every `<p>` closed where the parser closes it):
old pages leave `<p>` open, and a `<div>` left open instead nests every later block inside it,
which no div-soup page does (a first version rewrote the raw text and measured that instead).
Prints "skipped: no eval data" and exits 0 when the data are absent. Never writes files.
"""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import EVAL, SHANGHAI_TZ, Page, f1_of, load, ours, tp_fp_fn
from selectolax.lexbor import LexborHTMLParser

_SCRIPT = re.compile(r"(?is)<script\b.*?</script>")
_META = re.compile(r"(?is)<meta\b[^>]*>")
_DATETIME = re.compile(r'(?is)(<time\b[^>]*?)\sdatetime="[^"]*"')
_DATED_ATTRS = re.compile(r'(?is)\s(?:itemprop|content|data-[\w-]+)="[^"]*"')
_BODY_OPEN = re.compile(r"(?is)<body\b[^>]*>")
_CLASS_ID = re.compile(r"""(?is)\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")
_P_TAG = re.compile(r"(?i)<(/?)p(?=[\s>/])")
_PARAGRAPH = re.compile(r"(?is)(<p[\s>].*?</p>)")


def without_meta(html: str) -> str:
    """The page without the places a date can hide outside its text."""
    for pattern in (_SCRIPT, _META, _DATED_ATTRS):
        html = pattern.sub("", html)
    return _DATETIME.sub(r"\1", html)


def with_side_list(html: str, reference: str, lang: str | None) -> str:
    """The page with a column of three dated links (a month after `reference`) opening its body."""
    day = date.fromisoformat(reference)
    name = "Council meeting on roads, part" if lang == "en" else "县里召开道路建设工作会议之"
    rows = "".join(f'<tr><td><a href="/latest/{k}.htm">{name} {k}</a> {(day + timedelta(days=30 + 4 * k)).isoformat()}'
                   "</td></tr>" for k in range(3))
    column = f"<table><tr><td><b>{'Latest' if lang == 'en' else '最新信息'}</b></td></tr>{rows}</table>"
    opening = _BODY_OPEN.search(html)
    return html[: opening.end()] + column + html[opening.end() :] if opening else column + html


def without_classes(html: str) -> str:
    """The page without class and id attributes."""
    return _CLASS_ID.sub("", html)


def as_parsed(html: str) -> str:
    """The page serialised as the parser reads it: every element closed where the parser closes it."""
    return LexborHTMLParser(html).html or html


def as_div_soup(html: str) -> str:
    """The page with every paragraph tag a <div>."""
    return _P_TAG.sub(r"<\1div", as_parsed(html))


def as_wrapped(html: str) -> str:
    """The page with every paragraph alone in a component <div>."""
    return _PARAGRAPH.sub(r'<div class="cmp-text">\1</div>', as_parsed(html))


def _day(published: object) -> str | None:
    """The Shanghai local date of an extracted datetime, as ISO text."""
    return published.astimezone(SHANGHAI_TZ).date().isoformat() if published else None  # type: ignore[attr-defined]


def _date_right(found: str | None, reference: str, slack: bool) -> bool:
    """Whether `found` is the reference day (or next to it, with `slack`)."""
    if found is None or found == reference:
        return found is not None
    return slack and abs((date.fromisoformat(found) - date.fromisoformat(reference)).days) <= 1


def stress(pages: list[Page]) -> dict[str, str]:
    """Totals of the variants for each part of one set."""
    dates: dict[str, list[int]] = {}
    sided: dict[str, list[int]] = {}
    bodies: dict[str, list[tuple[float, float, float]]] = {}
    soups: dict[str, list[tuple[float, float, float]]] = {}
    wraps: dict[str, list[tuple[float, float, float]]] = {}
    for _, url, html, row in pages:
        part = row["part"]
        reference, slack = row.get("date"), False
        if not reference:
            reference, slack = _day(ours(html, url)[1]), True
        if reference:
            tally = dates.setdefault(part, [0, 0])
            tally[0] += _date_right(_day(ours(without_meta(html), None)[1]), reference, slack)
            tally[1] += 1
            framed = with_side_list(without_meta(html), reference, row.get("lang"))
            tally = sided.setdefault(part, [0, 0])
            tally[0] += _date_right(_day(ours(framed, None)[1]), reference, slack)
            tally[1] += 1
        if row.get("body"):
            bodies.setdefault(part, []).append(tp_fp_fn(row["body"], ours(without_classes(html), url)[0]))
            soups.setdefault(part, []).append(tp_fp_fn(row["body"], ours(as_div_soup(html), url)[0]))
            wraps.setdefault(part, []).append(tp_fp_fn(row["body"], ours(as_wrapped(html), url)[0]))
    lines: dict[str, str] = {}
    for part in sorted(set(dates) | set(bodies)):
        text = (f"no-meta dates={dates[part][0]}/{dates[part][1]}  side-list dates={sided[part][0]}/{sided[part][1]}"
                if part in dates else "")
        if part in bodies:
            p, r, f = f1_of(bodies[part])
            text += f"  no-class P={p:.3f} R={r:.3f} F1={f:.3f}"
            p, r, f = f1_of(soups[part])
            text += f"  div-soup P={p:.3f} R={r:.3f} F1={f:.3f}"
            p, r, f = f1_of(wraps[part])
            text += f"  wrapped P={p:.3f} R={r:.3f} F1={f:.3f}"
        lines[part] = text.strip()
    return lines


def main() -> int:
    """The variants over every set found under the eval directory."""
    sets = sorted(p.name for p in EVAL.iterdir() if (p / "truth.jsonl").exists()) if EVAL.is_dir() else []
    if not sets:
        print("skipped: no eval data")
        return 0
    for name in sets:
        print(f"## {name}")
        for part, line in stress(load(name)).items():
            print(f"  {part:<10} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
