"""Search's slow tails at archive scale: the queries outside `search_scale.py`'s set that were
over issue 9's bar at 1M (exclusions of common words, long ANDs and ORs, a spaced phrase of two
common words, the relevance sort with exclusions). CPU p50/p95, in-process, stories and --articles.

    python bench/search_tails.py DB [REPEATS] [FILTER]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from search_scale import _steady

from monitor.pipeline.base import Context
from monitor.pipeline.query import search_page
from monitor.store import Store

NINE = "发展 上海 企业 合作 项目 投资 交流 三明 签约"  # common words ANDed, few articles have all nine
TAILS = [('"上海 三明"', None, "date"), ("发展 -企业 -合作", None, "date"), ("上海 -发展 -企业", None, "date"),
         ("发展 上海 企业 合作 项目 投资 交流", None, "date"), ("发展 -企业 -合作", None, "relevance"),
         ("上海 -发展", None, "relevance"), ('"企业 合作"', None, "date"), ('title:"上海 三明"', None, "date"),
         ("上海 三明", None, "date"), ("上海 三明", "hu-ming", "date"), ("发展 -企业 -合作", "hu-ming", "date"),
         ("上海 AND 沪明", None, "date"), ("上海 -沪明", None, "date"), ("三明 -三明治", None, "relevance"),
         ("OR60", None, "date"), ("OR60", "hu-ming", "date"), (NINE, None, "date"), (NINE, "hu-ming", "date"),
         (NINE, None, "relevance"), ('"发展 企业 合作"', None, "date"), ("-上海", "hu-ming", "date"), ("-上海", None, "relevance"),
         ("-上海", None, "date"), ("-发展 -沪明", None, "date"),
         # session 32: page 200 by relevance, an exclusion inside a source
         ("上海", None, "relevance", {"offset": 3980}), ("三明", None, "relevance", {"offset": 3980}),
         ("-上海", None, "date", {"source": "src3"})]


def _or60() -> str:
    from search_scale import _vocabulary

    vocab, _ = _vocabulary()
    return " OR ".join(vocab[2000:20000:300])


def run(path: Path, repeats: int = 7, only: str = "") -> int:
    _steady()
    store = Store.open(path)
    ctx = Context(SimpleNamespace(topics={"hu-ming": None}), store)  # type: ignore[arg-type]  # search reads cfg.topics
    print(f"{store.last_article_id()} articles; {repeats} runs each after a warm-up (cpu ms)")
    worst = 0.0
    for query, topic, sort, *more in TAILS:
        asked = more[0] if more else {}
        if only and only not in query:
            continue
        text = _or60() if query == "OR60" else query
        for articles in (False, True):
            cpu = []
            for _ in range(repeats + 1):
                began = time.process_time()
                page = search_page(ctx, text, topic=topic, sort=sort, articles=articles, **asked)
                cpu.append((time.process_time() - began) * 1000)
            times = sorted(cpu[1:])
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            worst = max(worst, p95)
            where = f"{sort}@{asked['offset']}" if "offset" in asked else sort
            print(f"{query[:24]:24} {topic or asked.get('source') or '-':8} {where:9} {'articles' if articles else 'stories ':8} "
                  f"p50={statistics.median(times):6.1f} p95={p95:6.1f}  rows={len(page.results)} "
                  f"ids={hash(tuple(r['id'] for r in page.results)) % 10**6}", flush=True)
    store.close()
    print(f"worst cpu p95: {worst:.1f} ms (bar 20)")
    return 0 if worst <= 20 else 1


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:3]), *sys.argv[3:4]))
