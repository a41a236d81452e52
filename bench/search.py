"""Search benchmark: index throughput, query latency and recall of the bigram FTS index.

Builds a store of synthetic Chinese articles (a fixed random seed; words drawn from a
vocabulary of place names and cooperation terms, 1 word in 20, among random two-character
filler), then for a set of 1-, 2-, 3- and
6-character queries compares the FTS result set with a substring scan over the normalised
text (recall must be 1.0) and times the queries. Medians over repeats; figures go to
BENCHMARKS.md by hand.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from monitor import textnorm
from monitor.models import Article
from monitor.store import Store

WORDS = ("上海 三明 沪明 对口合作 永安 沙县 明溪 将乐 泰宁 建宁 尤溪 大田 宁化 清流 三元 浦东 闵行 嘉定 "
         "瑞金医院 人才飞地 疗休养 产业园 签约 项目 企业 投资 合作 交流 发展 推进 文旅 乡村振兴 三明治 "
         "沪指 天气 列车 会议 召开 记者 报道 今年 以来 持续 深化 共建 园区 医疗 教育 学校 科技 创新").split()
QUERIES = ["三", "三明", "沪明", "对口合作", "人才飞地", "明溪", "瑞金医院", "三明治", "合作交流", "产业园签约"]


def _filler(rng: random.Random, n: int = 3000) -> list[str]:
    """Two-character filler words from the common Han block, so topic words stay rare."""
    return ["".join(chr(rng.randint(0x4E00, 0x6FFF)) for _ in range(2)) for _ in range(n)]


def _words(rng: random.Random, filler: list[str], k: int) -> str:
    return "".join(rng.choice(WORDS) if rng.random() < 0.05 else rng.choice(filler) for _ in range(k))


def article(rng: random.Random, i: int, filler: list[str]) -> Article:
    paras = tuple("，".join(_words(rng, filler, rng.randint(3, 7)) for _ in range(4)) + "。"
                  for _ in range(rng.randint(3, 6)))
    return Article(url=f"http://bench.example/{i}", title=_words(rng, filler, 6), paragraphs=paras)


def build(store: Store, n: int) -> tuple[float, dict[int, str]]:
    rng = random.Random(7)
    filler = _filler(rng)
    norm: dict[int, str] = {}
    started = time.perf_counter()
    with store.db.atomic():
        for i in range(n):
            art = article(rng, i, filler)
            aid, _ = store.add_article(art, source="bench", canonical_url=art.url, content_hash=str(i), story_id=None,
                                       band_keys=[])
            norm[aid] = textnorm.normalize(art.title) + "\n" + textnorm.normalize(art.body)
    return time.perf_counter() - started, norm


def main(n: int = 20000) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        seconds, norm = build(store, n)
        print(f"indexed {n} articles in {seconds:.1f}s: {n / seconds:,.0f} articles/s (normalise + bigrams + insert)")
        worst = 1.0
        for q in QUERIES:
            expected = {aid for aid, text in norm.items() if textnorm.normalize(q) in text}
            got = {r["id"] for r in store.search([q], limit=n + 1)}
            recall = len(got & expected) / len(expected) if expected else 1.0
            precision = len(got & expected) / len(got) if got else 1.0
            worst = min(worst, recall)
            times = []
            for _ in range(5):
                t = time.perf_counter()
                store.search([q], limit=20)
                times.append(time.perf_counter() - t)
            print(f"query {q:<6} matches={len(expected):>6} recall={recall:.3f} precision={precision:.3f} "
                  f"median={statistics.median(times) * 1000:.2f} ms (limit 20, newest first)")
        store.close()
    print(f"worst recall against a substring scan: {worst:.3f}")
    return 0 if worst == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000))
