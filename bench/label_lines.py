"""Write labels for pages without truth: show a page's numbered lines, turn line numbers into hashes.

`python bench/label_lines.py show SET ID [FROM-TO]` prints the page's lines (as
`extract_labels.page_lines` cuts them) with their numbers. `python bench/label_lines.py hash SET
SPEC` reads a spec written by a person looking at those lines, one page a line:
`ID DATE START END [DROP ...]` (DATE `YYYY-MM-DD` or `-`; DROP a line number or `A-B`), and
prints label rows (line hashes, no page text) for bench/data/<SET>-labels.jsonl.
In: pages under the eval directory. Out: stdout only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import EVAL
from extract_labels import line_hash, page_lines

from monitor.decode import decode_html


def lines_of(set_name: str, page_id: str) -> list[str]:
    """The page's lines as labels point into them."""
    return page_lines(decode_html((EVAL / set_name / "html" / f"{page_id}.html").read_bytes(), None))


def label_row(set_name: str, fields: list[str]) -> dict:
    """One spec line's fields → a label row; refuses anchors that do not point at one line."""
    page_id, day, start, end, *drops = fields
    lines = lines_of(set_name, page_id)
    hashes = [line_hash(line) for line in lines]
    first, last = int(start), int(end)
    for index in (first, last):
        if hashes.index(hashes[index], first if index == last else 0) != index:
            raise SystemExit(f"{page_id}: line {index} repeats an earlier line; choose another anchor")
    drop: list[str | list[str]] = []
    for entry in drops:
        low, _, high = entry.partition("-")
        drop.append(hashes[int(low)] if not high else [hashes[int(low)], hashes[int(high)]])
    return {"id": page_id, "date": None if day == "-" else day, "start": hashes[first], "end": hashes[last],
            "drop": drop}


def main() -> int:
    """`show` or `hash`, as the module docstring says."""
    command, set_name, arg, *rest = sys.argv[1:] + [""] * 3
    if command == "show":
        lines = lines_of(set_name, arg)
        low, _, high = (rest[0] or f"0-{len(lines) - 1}").partition("-")
        for index in range(int(low), min(len(lines), int(high or low) + 1)):
            print(index, lines[index])
        return 0
    if command == "hash":
        for line in Path(arg).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                print(json.dumps(label_row(set_name, line.split()), ensure_ascii=False))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
