"""Long hostile texts: does the work of matching, import and a search grow with the text, or faster?

A page can be up to 1M characters of anything (`MAX_BODY_CHARS`). This times `match_article`
under the bundled topic on bodies made of one pattern repeated (a word that reads two ways, an
endless enumeration, names split by spaces or line breaks, garbled characters, inline pinyin …)
at two lengths, and prints CPU seconds and their ratio: ~4 for 4× the text is linear, ~16 is
quadratic. `--copies N` also imports N copies of one article (a story copied everywhere) and
prints CPU per copy for the first and last fifth: flat when each look-up is bounded.

    python bench/long_pages.py [--sizes 50000 200000] [--copies 3000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path


def patterns(n: int) -> dict[str, str]:
    rng = random.Random(1)
    return {
        "spaced names": " ".join("三明上海" * (n // 8)),
        "names split by line breaks": "\n".join("三明上海" * (n // 8)),
        "one phrase repeated": "上海三明对口合作" * (n // 8),
        "a word read two ways (三明确)": "三明确" * (n // 3),
        "三明治": "三明治" * (n // 3),
        "garbled names": "三\ufffd上\ufffd" * (n // 4),
        "沪明沪": "沪明沪" * (n // 3),
        "English names": "Sanming Shanghai cooperation " * (n // 29),
        "random topic characters": "".join(rng.choice("上海三明永安沙县合作对口 \n，。") for _ in range(n)),
        "inline pinyin": "網(wǎng)三(sān)明(míng)" * (n // 16),
        "前来明溪来明": "前来明溪来明" * (n // 6),
        "永安百货永安": "永安百货永安" * (n // 6),
        "an endless enumeration": "、".join(["上海", "三明", "永安", "厦门", "北京"] * (n // 15)),
        "stray spaces (来自上 海)": "来自上 海的专家" * (n // 8),
    }


def matching(sizes: list[int]) -> None:
    from monitor.match import default_topics_path, load_topics, match_article

    topic = load_topics(default_topics_path())["hu-ming"]
    match_article(topic, "", "上海三明确")  # tables and lexicon loaded before timing
    print(f"match_article, CPU seconds at {sizes[0]:,} and {sizes[1]:,} characters (median of 3)")
    small, large = patterns(sizes[0]), patterns(sizes[1])
    ratios = []
    for name in small:
        times = []
        for body in (small[name], large[name]):
            runs = []
            for run in range(3):
                text = f"{run}{body}"  # a new text each run: normal forms are memoised per text
                t = time.process_time()
                match_article(topic, "", text)
                runs.append(time.process_time() - t)
            times.append(statistics.median(runs))
        ratio = times[1] / max(times[0], 1e-4)
        ratios.append(ratio)
        print(f"  {name:32s} {times[0]:7.3f} {times[1]:7.3f}  ×{ratio:5.1f}")
    print(f"  worst ratio ×{max(ratios):.1f} for ×{sizes[1] / sizes[0]:.0f} the text")


def copies(n: int) -> None:
    from monitor import config
    from monitor.pipeline import import_lines
    from monitor.pipeline.base import Context
    from monitor.store import Store

    body = "上海与三明两地签约一批对口合作项目，涉及文旅、康养和产业园区建设。" * 30
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "m.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
        db = root / "m.db"
        ctx = Context(config.load(root / "m.toml", db), Store.open(db))
        fifth = max(1, n // 5)
        per = []
        for part in range(5):
            lines = [(json.dumps({"url": f"https://m{i % 50}.example.cn/a/{i}.html", "source": f"m{i % 50}",
                                  "title": "沪明合作签约", "body": f"{body}（编号{i}）"},
                                 ensure_ascii=False) + "\n").encode()
                     for i in range(part * fifth, (part + 1) * fifth)]
            t = time.process_time()
            import_lines(ctx, lines, workers=1)  # one process: its CPU is the whole cost
            per.append((time.process_time() - t) / fifth * 1000)
        print(f"import of {5 * fifth:,} copies of one article, CPU ms per copy by fifth: "
              + " ".join(f"{x:.1f}" for x in per) + f"  (last/first ×{per[-1] / per[0]:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[50_000, 200_000])
    parser.add_argument("--copies", type=int, default=0)
    args = parser.parse_args()
    matching(args.sizes)
    if args.copies:
        copies(args.copies)


if __name__ == "__main__":
    sys.exit(main())
