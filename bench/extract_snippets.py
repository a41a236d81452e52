"""Score the extractors on pages labelled by snippets that must be kept and snippets that must go.

In: a JSON file of labels and the directory of the pages, both given on the command line (the
pages are never in this repository): `{file: {"part": "tune"|"heldback", "url": …, "with": [...],
"without": [...]}}`, the form of trafilatura's own evaluation data. Out: per part and extractor
(ours, trafilatura, readability when installed), the kept snippets found (TP) or missed (FN), the
dropped snippets found (FP) or absent (TN), and P, R, F1 over the summed counts — trafilatura's
comparison method. `-v` lists misses for the tuning part only (the held-back part is read as
totals). Never writes files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract as bench  # bench/extract.py: the same runners as the body benchmark


def _norm(text: str) -> str:
    """Whitespace collapsed, so a snippet matches across line breaks."""
    return " ".join(text.split())


def score(labels: dict, pages: Path, runner, part: str, verbose: bool, name: str) -> str:
    """One line of counts and P/R/F1 for one extractor on one part."""
    tp = fn = fp = tn = 0
    for file, row in sorted(labels.items()):
        if row.get("part") != part or not (pages / file).exists():
            continue
        text = _norm(runner((pages / file).read_text(encoding="utf-8", errors="replace"), row.get("url"))[0])
        missed = [s for s in row["with"] if _norm(s) not in text]
        kept = [s for s in row["without"] if _norm(s) in text]
        tp, fn = tp + len(row["with"]) - len(missed), fn + len(missed)
        fp, tn = fp + len(kept), tn + len(row["without"]) - len(kept)
        if verbose and part == "tune" and (missed or kept):
            print(f"    {name} {file}: missed {missed} kept {kept}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f"{part:9} {name:12} TP {tp:3} FN {fn:3} FP {fp:3} TN {tn:3}  P={p:.3f} R={r:.3f} F1={f1:.3f}"


def main() -> int:
    """Score every extractor found on both parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path, help="the JSON file of snippets per page")
    parser.add_argument("pages", type=Path, help="the directory holding the pages")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the tuning part's misses")
    args = parser.parse_args()
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    runners = {"monitor": bench.ours, "trafilatura": bench._trafilatura(), "readability": bench._readability()}
    for part in ("tune", "heldback"):
        for name, runner in runners.items():
            if runner is not None:
                print(score(labels, args.pages, runner, part, args.verbose, name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
