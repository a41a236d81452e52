"""Deep pages of a search over a large store: a page counted from the first (`offset`) against
one read from where the page before ended (`after`, as the web's "older" link and the CLI's
`--after-id` give). Needs a store (bench/search_scale.py build DB N).

    python bench/search_pages.py DB [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from monitor.pipeline.base import Context
from monitor.pipeline.query import search_page
from monitor.store import Store

# (query, topic, page): a common word's and everything's deep pages, a topic's, an exclusion's
PAGES = [("上海", None, 500), ("", None, 5000), ("合作", None, 1000), ("", "hu-ming", 290), ("上海", "hu-ming", 100),
         ("发展 -企业", None, 60), ("title:上海", None, 300)]


def run(path: Path, repeats: int = 5) -> int:
    store = Store.open(path)
    ctx = Context(SimpleNamespace(topics={"hu-ming": None}), store)  # type: ignore[arg-type]  # search reads cfg.topics
    worst = 0.0
    for query, topic, page in PAGES:
        prev = search_page(ctx, query, topic=topic, offset=(page - 2) * 20)
        times: dict[str, list[float]] = {"offset": [], "after": []}
        for _ in range(repeats + 1):
            for kind, after in (("offset", None), ("after", prev.last)):
                began = time.process_time()
                got = search_page(ctx, query, topic=topic, offset=(page - 1) * 20, after=after)
                times[kind].append((time.process_time() - began) * 1000)
        p95 = {k: sorted(v[1:])[min(len(v) - 2, round(0.95 * (len(v) - 2)))] for k, v in times.items()}
        worst = max(worst, p95["after"])
        print(f"{query or '(all)':10} topic={topic or '-':8} page {page:5}: cpu p50 offset "
              f"{statistics.median(times['offset'][1:]):6.1f} ms, after {statistics.median(times['after'][1:]):5.1f} ms"
              f" (p95 {p95['offset']:.1f} / {p95['after']:.1f})  rows={len(got.results)}")
    store.close()
    print(f"worst p95 of a page read from where the last ended: {worst:.1f} ms (bar 20)")
    return 0 if worst <= 20 else 1


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:3])))
