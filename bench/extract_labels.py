"""The fixed dev / held-out split of the labelled sets, and our own labels for unlabelled pages.

In: page ids; decoded pages; `bench/data/<set>-labels.jsonl` rows written by us, one per page:
`{"id", "date", "start", "end", "drop", "note"}`, where `start`, `end` and `drop` are hashes of
lines of the page's own text as `page_lines` cuts it (a `drop` entry is one line's hash, or
`[first, last]` for a run of lines). Out: which part a page belongs to, and truth rows whose
body is rebuilt from the page itself at bench time. The labels hold no page text, so the pages
(in ../shared) are never copied into the repository. Never writes files.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

LABELS = Path(__file__).resolve().parent / "data"
# Sets judged as a whole on our own labels: never tuned on, so not split.
VALIDATION_SETS = ("gne_unlabelled",)
_NOT_TEXT = ("script", "style", "noscript", "template", "textarea", "select")


def part_of(set_name: str, page_id: str) -> str:
    """'validation' for a validation set; else 'held-out' for a fixed fifth of pages (by a hash
    of the id, chosen before any tuning), 'dev' for the rest."""
    if set_name in VALIDATION_SETS:
        return "validation"
    digest = hashlib.sha256(f"holdout:{page_id}".encode()).hexdigest()
    return "held-out" if int(digest[:8], 16) % 5 == 0 else "dev"


def page_lines(html: str) -> list[str]:
    """The page's text nodes, whitespace collapsed, blank ones dropped: what labels point into."""
    tree = LexborHTMLParser(html)
    for node in tree.css(",".join(_NOT_TEXT)):
        node.decompose()
    root = tree.body or tree.root
    text = root.text(separator="\n") if root is not None else ""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


def line_hash(line: str) -> str:
    """A short hash of one line, as the labels store it."""
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:10]


def labelled_body(lines: list[str], label: dict) -> str | None:
    """The body a label marks in `lines`: from `start` to `end`, without `drop` lines; None if an
    anchor is not found (the page changed, or the label is wrong)."""
    hashes = [line_hash(line) for line in lines]
    try:
        first = hashes.index(label["start"])
        last = hashes.index(label["end"], first)
    except ValueError:
        return None
    dropped = [False] * len(lines)
    for entry in label.get("drop", []):
        low, high = (entry, entry) if isinstance(entry, str) else entry
        for index in range(first, last + 1):
            if hashes[index] == low:
                stop = hashes.index(high, index) if high in hashes[index:last + 1] else index
                for inner in range(index, stop + 1):
                    dropped[inner] = True
    kept = [lines[i] for i in range(first, last + 1) if not dropped[i]]
    return "\n".join(kept)


def read_labels(set_name: str) -> dict[str, dict]:
    """Our label rows for one set by page id ({} when the set has no label file)."""
    path = LABELS / f"{set_name}-labels.jsonl"
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row for row in rows}


def apply_label(row: dict, html: str, label: dict | None) -> dict:
    """`row` with body and date from our label (the body rebuilt from `html`), when there is one."""
    if not label:
        return row
    body = labelled_body(page_lines(html), label)
    if body is None:
        raise SystemExit(f"label for {row['id']} does not fit its page: an anchor line is missing")
    return {**row, "body": body, "date": label.get("date"), "truth_source": "bench/data labels"}
