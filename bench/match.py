"""Benchmark topic matching and text normalisation.

In: the bundled `hu-ming` topic; /work/shared/eval/relevance-dev.jsonl when present (override
with MONITOR_RELEVANCE_EVAL), else only generated articles; bench/data/relevance-extra.jsonl
(our own labelled cases, always present). Out: a table on stdout:
match_article articles/s on one core (normalisation and hit offsets included; median of
several runs) on the dev set and on generated article-sized texts, each beside a reference
timed in the same repeats (`reference`: a fixed miniature of matching defined here, so it does
not change with the code under test) and the ratio between them: the ratio moves less than
the rate when other work shares the machine, so compare ratios across runs;
textnorm throughput in Mchar/s; precision/recall/F1 of `hu-ming` on the dev set and our
cases together, and apart on the tuning part and the held-out fifth (`match.held_out`: a
hash of each id, fixed before tuning).
Never writes files; figures go to BENCHMARKS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from monitor import textnorm
from monitor.match import default_topics_path, evaluate, evaluate_halves, load_topics, match_article

DEV = Path(os.environ.get("MONITOR_RELEVANCE_EVAL", "/work/shared/eval/relevance-dev.jsonl"))
EXTRA = Path(__file__).resolve().parent / "data" / "relevance-extra.jsonl"
# Topic words are about one word in twenty, as in a news article on the topic; the rest is
# ordinary news vocabulary, some of it in traditional characters.
TOPIC = "上海 三明 沪明 对口合作 永安 沙县 明溪 将乐 泰宁 尤溪 浦东 杨浦 虹口 嘉定 人才飞地 疗休养 结对".split()
FILLER = ("产业园 签约 项目 企业 发展 推进 文旅 乡村振兴 医疗 教育 学校 科技 创新 今年 以来 持续 深化 "
          "會議 召開 記者 報道 經濟 農業 茶葉 森林 生態 旅遊 市場 群眾 服務 政府 工作 建設 城市 县区 干部 "
          "群众 生活 水平 提高 道路 交通 改善 环境 保护 资金 安排 重点 任务 落实 情况 检查 指导 基层").split()
PUNCT = "，，，。、；：“”（）"


def word(rng: random.Random, topic_share: float) -> str:
    return rng.choice(TOPIC) if rng.random() < topic_share else rng.choice(FILLER)


def generated(n: int, chars: int, topic_share: float = 0.05, seed: int = 7) -> list[tuple[str, str]]:
    """`n` articles of about `chars` characters in paragraphs of ~100; mixed scripts."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras, size = [], 0
        while size < chars:
            para = "".join(word(rng, topic_share) + (rng.choice(PUNCT) if rng.random() < 0.3 else "")
                           for _ in range(40))
            paras.append(para + "。")
            size += len(para) + 1
        out.append(("".join(word(rng, topic_share) for _ in range(6)), "\n\n".join(paras)))
    return out


# The reference: a fixed miniature of matching (a translate pass, whitespace folding, one
# alternation scanned, hits grouped per 100 characters), defined here so that it does not
# change with the code under test. Its cost is made of the same things as match_article's
# (interpreter, regex, table look-ups), so load slows both alike; a plain translate pass,
# memory-bound, slowed much more than matching when another process ran.
REF_TABLE = {**{cp: chr(cp) for cp in range(0x10000)}, **{cp: chr(cp + 32) for cp in range(65, 91)}}
REF_WORDS = re.compile("|".join(sorted(TOPIC, key=len, reverse=True)))


def reference(text: str) -> int:
    """The reference workload for one article; returns a count so nothing is optimised away."""
    folded = " ".join(text.translate(REF_TABLE).split())
    units: dict[int, list[tuple[int, int]]] = {}
    for m in REF_WORDS.finditer(folded):
        units.setdefault(m.start() // 100, []).append(m.span())
    return len(sorted(units))


def median_rate(work: Callable[[], None], units: float, repeats: int) -> float:
    """Units per second, the median over `repeats` timed runs after one warm-up run."""
    work()
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        rates.append(units / (time.perf_counter() - start))
    return statistics.median(rates)


def bench_match(articles: list[tuple[str, str]], repeats: int) -> tuple[float, float, float]:
    """match_article calls per second over `articles` (one core), the reference's articles
    per second, and the median over repeats of the ratio match / reference.

    Match and reference alternate every 10 articles, so both see the same load.
    """
    topic = load_topics(default_topics_path())["hu-ming"]
    chunks = [articles[i : i + 10] for i in range(0, len(articles), 10)]
    texts = [[title + "\n" + body for title, body in chunk] for chunk in chunks]

    def one_repeat() -> tuple[float, float]:
        t_match = t_ref = 0.0
        for chunk, chunk_texts in zip(chunks, texts, strict=True):
            start = time.perf_counter()
            for title, body in chunk:
                match_article(topic, title, body)
            mid = time.perf_counter()
            for text in chunk_texts:
                reference(text)
            t_match, t_ref = t_match + mid - start, t_ref + time.perf_counter() - mid
        return len(articles) / t_match, len(articles) / t_ref

    one_repeat()  # warm up
    runs = [one_repeat() for _ in range(repeats)]
    return (statistics.median(r for r, _ in runs), statistics.median(f for _, f in runs),
            statistics.median(r / f for r, f in runs))


def bench_textnorm(texts: list[str], repeats: int) -> dict[str, float]:
    """Mchar/s of the textnorm functions over `texts`."""
    chars = sum(map(len, texts)) / 1e6
    funcs = {"normalize": textnorm.normalize, "normalize_map": textnorm.normalize_map,
             "index_tokens": textnorm.index_tokens}
    return {name: median_rate(lambda f=f: [f(t) for t in texts], chars, repeats) for name, f in funcs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    textnorm.normalize("warm up: build the character table once")
    dev = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()] if DEV.is_file() else []
    extra = [json.loads(line) for line in EXTRA.read_text(encoding="utf-8").splitlines()]
    rows = []
    for label, items in (("dev set", dev), ("our cases", extra)):
        if items:
            arts = [(d["title"], d["body"]) for d in items]
            avg = sum(len(t) + len(b) for t, b in arts) / len(arts)
            rows.append((f"{label} ({len(arts)} articles, {avg:.0f} chars avg)", bench_match(arts, args.repeats)))
    for chars in (300, 1500, 5000):
        arts = generated(200, chars)
        rows.append((f"generated, on topic (~{chars} chars)", bench_match(arts, args.repeats)))
    for chars in (1500, 5000):
        arts = generated(200, chars, topic_share=0.0)
        rows.append((f"generated, off topic (~{chars} chars)", bench_match(arts, args.repeats)))
    print(f"match_article, one core (median of {args.repeats} runs); reference: bench/match.py `reference` "
          "over the same articles; ratio = match / reference, in %")
    for label, (rate, ref, ratio) in rows:
        print(f"  {label:<45} {rate:>9,.0f} articles/s   ref {ref:>9,.0f}/s   ratio {100 * ratio:6.2f} %")
    texts = [d["title"] + "\n" + d["body"] for d in dev] or [b for _, b in generated(200, 1500)]
    print("textnorm, one core, " + ("dev-set text" if dev else "generated text"))
    for name, rate in bench_textnorm(texts, args.repeats).items():
        print(f"  {name:<45} {rate:>9.1f} Mchar/s")
    topic = load_topics(default_topics_path())["hu-ming"]
    labelled = dev + extra
    print(f"hu-ming on {DEV.name if dev else '(no shared dev set)'} + {EXTRA.name}: " + evaluate(topic, labelled).format())
    for name, items in (("dev set", dev), ("our cases", extra), ("both", labelled)):
        if items:
            tune, held = evaluate_halves(topic, items)
            print(f"  {name:<10} tuning part {_figures(tune)}   held-out fifth {_figures(held)}")


def _figures(report) -> str:
    n = report.tp + report.fp + report.fn + report.tn
    return f"P {report.precision:.3f} R {report.recall:.3f} ({n} items)"


if __name__ == "__main__":
    main()
