"""Benchmark the extraction stage against labelled pages, with trafilatura and readability beside it.

In: /work/shared/eval/extract-dev/<set>/{truth.jsonl,html/<id>.html} when present (override with
MONITOR_EXTRACT_EVAL), plus our own labels in bench/data/ for sets without truth. Out: a table on
stdout per set and part — `dev` (tuned on), `held-out` (a fixed fifth, never tuned on) and
`validation` (our labels, never tuned on): body F1 (4-gram shingles, scrapinghub's method with
each CJK character a token), date accuracy (Asia/Shanghai local date), pages/s on one core
(median of several runs, file reading and decoding excluded), and sanity counts. Prints
"skipped: no eval data" and exits 0 when the data are absent. Never writes files.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_labels import apply_label, part_of, read_labels
from selectolax.lexbor import LexborHTMLParser

from monitor.decode import decode_html
from monitor.errors import ExtractError
from monitor.extract import SHANGHAI_TZ, extract

EVAL = Path(os.environ.get("MONITOR_EXTRACT_EVAL", "/work/shared/eval/extract-dev"))
# One CJK character is one token; other tokens are runs of word characters (scrapinghub's \w+).
_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff\uf900-\ufaff]+")

Page = tuple[str, str | None, str, dict]  # id, url, decoded html, truth row


def tokens(text: str) -> list[str]:
    """Tokens for scoring: CJK characters singly, other words whole."""
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of n-token shingles (a short text yields one shorter shingle, as upstream)."""
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i : i + n])


def tp_fp_fn(truth: str, pred: str) -> tuple[float, float, float]:
    """Shingle matching counts normalised per document (scrapinghub evaluate.py)."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def f1_of(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision and mean recall over documents, and the F1 of those two (upstream's way)."""
    def prec(tp: float, fp: float, fn: float) -> float:
        """Precision, 1 for an empty truth matched by an empty prediction."""
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp: float, fp: float, fn: float) -> float:
        """Recall, with the same convention."""
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = statistics.mean([prec(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([rec(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(name: str) -> list[Page]:
    """Decoded pages and truth rows of one set, our labels applied (reading and decoding are not
    timed); each row gets its `part`."""
    root = EVAL / name
    labels = read_labels(name)
    pages: list[Page] = []
    for line in (root / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            html = decode_html((root / "html" / f"{row['id']}.html").read_bytes(), None)
            row = {**apply_label(row, html, labels.get(row["id"])), "part": part_of(name, row["id"])}
            pages.append((row["id"], row.get("url"), html, row))
    return pages


def ours(html: str, url: str | None) -> tuple[str, object]:
    """Our extractor: body text and published datetime ('' / None when it finds no article)."""
    try:
        article = extract(html, url)
    except ExtractError:
        return "", None
    return article.body, article.published


def _trafilatura() -> Callable[[str, str | None], tuple[str, object]] | None:
    """trafilatura's extractor, or None when not installed."""
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: str, url: str | None) -> tuple[str, object]:
        """trafilatura's main text (the same text as its plain output) and its date (htmldate)."""
        found = trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                                    output_format="json", with_metadata=True)
        if not found:
            return "", None
        result = json.loads(found)
        day = result.get("date")
        published = datetime.fromisoformat(day).replace(hour=12, tzinfo=SHANGHAI_TZ) if day else None
        return result.get("text") or "", published

    return run


def _readability() -> Callable[[str, str | None], tuple[str, object]] | None:
    """readability-lxml's summary turned into text, or None when not installed."""
    try:
        from lxml import html as lxml_html
        from readability import Document
    except ImportError:
        return None

    def run(html: str, url: str | None) -> tuple[str, object]:
        """readability's summary as plain text."""
        try:
            summary = Document(html, url=url).summary(html_partial=True)
            return lxml_html.fromstring(summary).text_content(), None
        except Exception:
            return "", None

    return run


def timed(fn: Callable, pages: list[Page], runs: int, cpu: list[float] | None = None) -> tuple[list, list[float]]:
    """Outputs of one run and the seconds each of `runs` timed runs took (after one warm-up run);
    the CPU seconds of each run are appended to `cpu` when given."""
    outputs = [fn(html, url) for _, url, html, _ in pages]
    seconds = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _, url, html, _ in pages:
            fn(html, url)
        seconds.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
    return outputs, seconds


def date_accuracy(pages: list[Page], outputs: list) -> tuple[int, int]:
    """(correct, judged) over pages whose truth has a date, compared as Shanghai local dates."""
    judged = correct = 0
    for (_, _, _, row), (_, published) in zip(pages, outputs, strict=True):
        if row.get("date"):
            judged += 1
            local = published.astimezone(SHANGHAI_TZ).date().isoformat() if published else None
            correct += local == row["date"]
    return correct, judged


def score_line(label: str, pages: list[Page], outputs: list, seconds: list[float], verbose: bool) -> str:
    """Result lines of one extractor on one set: speed, then per part (dev, held-out, validation)
    body P/R/F1 where there is truth, date accuracy, and sanity counts. Per-page figures (verbose)
    are shown for the dev part only: the held-out and validation pages are never looked into."""
    line = f"{label:<12} pages/s={len(pages) / statistics.median(seconds):8.1f}"
    for part in ("dev", "held-out", "validation"):
        chosen = [(page, out) for page, out in zip(pages, outputs, strict=True) if page[3].get("part") == part]
        if chosen:
            line += f"\n  {part:<10} n={len(chosen):<3}" + _part_scores(chosen, verbose and part == "dev")
    return line


def _part_scores(chosen: list[tuple[Page, tuple[str, object]]], verbose: bool) -> str:
    """Body P/R/F1, dates and sanity counts of one part of a set."""
    text = ""
    if any(page[3].get("body") for page, _ in chosen):
        counts = [tp_fp_fn(page[3].get("body") or "", out[0]) for page, out in chosen]
        p, r, f = f1_of(counts)
        text += f"  P={p:.3f} R={r:.3f} F1={f:.3f}"
        if verbose:
            text += "".join(f"\n    {page[0][:12]} F1={f1_of([c])[2]:.3f}" for (page, _), c in zip(chosen, counts, strict=True))
    correct, judged = date_accuracy([page for page, _ in chosen], [out for _, out in chosen])
    if judged and any(out[1] is not None for _, out in chosen):
        text += f"  date={correct}/{judged}={correct / judged:.3f}"
    empty = sum(1 for _, (body, _) in chosen if not body.strip())
    bad = sum(1 for _, (body, _) in chosen if "\ufffd" in body)
    return text + f"  empty={empty} fffd={bad}"


def main() -> int:
    """Run every set found under the eval directory: ours first, then the comparison libraries."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of our extractor (median)")
    parser.add_argument("--only", help="comma-separated set names")
    parser.add_argument("--no-others", action="store_true", help="skip trafilatura and readability")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-page F1 of ours")
    args = parser.parse_args()
    sets = sorted(p.name for p in EVAL.iterdir() if (p / "truth.jsonl").exists()) if EVAL.is_dir() else []
    if args.only:
        sets = [s for s in sets if s in args.only.split(",")]
    if not sets:
        print("skipped: no eval data")
        return 0
    data = {name: load(name) for name in sets}
    lines: dict[str, list[str]] = {name: [] for name in sets}
    run_seconds = []
    cpu_seconds: list[float] = []
    # Ours runs before trafilatura and lxml are imported: their large heaps slow every later
    # garbage collection, which would charge their memory to our extractor.
    for name, pages in data.items():
        outputs, seconds = timed(ours, pages, args.runs, cpu_seconds)
        lines[name].append(score_line("monitor", pages, outputs, seconds, args.verbose))
        run_seconds.append(seconds)
    if not args.no_others:
        for label, factory in (("trafilatura", _trafilatura), ("readability", _readability)):
            fn = factory()
            if fn is None:
                print(f"{label}: not installed, skipped")
                continue
            for name, pages in data.items():
                outputs, seconds = timed(fn, pages, 1)
                lines[name].append(score_line(label, pages, outputs, seconds, False))
    for name, pages in data.items():
        print(f"\n## {name}: {len(pages)} pages")
        print("\n".join(lines[name]))
    total = sum(len(pages) for pages in data.values())
    rates = sorted(total / sum(run) for run in zip(*run_seconds, strict=True))
    cpu_rate = total * args.runs / sum(cpu_seconds)  # mean by CPU time: less moved by other work on the box
    print(f"\nmonitor, all {total} pages: pages/s median={statistics.median(rates):.1f} "
          f"(runs: {', '.join(f'{r:.0f}' for r in rates)}; by CPU time {cpu_rate:.0f}; one core, "
          "parse + extract, reading excluded)")
    everything = [page for pages in data.values() for page in pages]
    _, parse_seconds = timed(lambda html, url: LexborHTMLParser(html), everything, args.runs)
    parse_rate = total / statistics.median(parse_seconds)
    print(f"lexbor parse alone, same pages: pages/s median={parse_rate:.1f}; monitor/parse = "
          f"{statistics.median(rates) / parse_rate:.3f} (the floor: box speed varies between runs, this ratio less)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
