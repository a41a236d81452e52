"""Benchmark story folding across scripts: pair precision and recall of repost detection.

In: our labelled cases (bench/data/relevance-extra.jsonl) and, when present, the shared dev set
(/work/shared/eval/relevance-dev.jsonl): every simplified-script item is an original, unless it
is a near copy of an earlier one (`distinct`). For each,
three reposts made here with OpenCC (s2tw with a source line, s2hk with "（完）" and an editor
line, s2twp with a title suffix and a dateline) and one near miss (its first sentence followed by
the opening sentences of three other items: sentences shared, no story shared). Originals
shorter than MIN_BODY characters are left out: below about 40 shingles ingest does not look
for near duplicates at all (ingest.MIN_SHINGLES), only for the exact text. Everything is imported into a fresh
database through `pipeline.import_lines`, as `monitor import` does.
Out: pair precision and recall (a pair = two articles in one story; true pairs = an original
and its reposts), for the fingerprints as they are and for fingerprints on characters only
(the word-level fold switched off), side by side. Never writes outside a temporary directory.
"""

from __future__ import annotations

import importlib
import itertools
import json
import os
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import opencc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from monitor import config, dedup, scriptfold, textnorm
from monitor.pipeline import Context, import_lines
from monitor.store import Store

DEV = Path(os.environ.get("MONITOR_RELEVANCE_EVAL", "/work/shared/eval/relevance-dev.jsonl"))
EXTRA = Path(__file__).resolve().parent / "data" / "relevance-extra.jsonl"
# Our near-copies made for relevance (a report and its variant sharing most paragraphs) are
# not reposts and not near misses of the kind measured here: left out.
SKIP_KINDS = {"long_report", "long_report_neg", "mention_neg"}
ingest_module = importlib.import_module("monitor.pipeline.ingest")  # the module, not its `ingest` function
CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
MIN_BODY = 100
MIRROR_BODY = 300  # half of a shorter text is too few shingles to look for near duplicates
_FIRST_SENTENCE = re.compile(r"^[^。！？]*[。！？]")


def originals() -> list[dict]:
    items = [json.loads(line) for line in EXTRA.read_text(encoding="utf-8").splitlines()]
    if DEV.is_file():
        items += [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    items = [i for i in items if i.get("script") == "simplified" and i.get("kind") not in SKIP_KINDS
             and len(i["body"]) >= MIN_BODY]
    return distinct(unpadded(items))


FILLER, FILLER_ITEMS = 30, 10  # a paragraph of 30 characters or more in ten items or more is padding


def unpadded(items: list[dict]) -> list[dict]:
    """The items holding no paragraph that FILLER_ITEMS items or more hold word for word: matching
    probes padded with one filler paragraph (a sentence about the weather beside a one-line notice)
    are near copies of each other by design, most of their story text the filler, and the monitor
    rightly folds them."""
    seen: dict[str, int] = {}
    for item in items:
        for para in {p.strip() for p in item["body"].split("\n") if len(p.strip()) >= FILLER}:
            seen[para] = seen.get(para, 0) + 1
    return [i for i in items if not any(seen.get(p.strip(), 0) >= FILLER_ITEMS for p in i["body"].split("\n"))]


NEAR_COPY = 0.5  # share of the shorter body's 8-character windows found in another body


def distinct(items: list[dict]) -> list[dict]:
    """The items whose body is no near copy of an earlier kept one. Labelled sets hold such
    copies on purpose (one report's paragraphs under other titles, a case and its variant);
    as two originals they would count as a false pair when the monitor rightly folds them.
    Judged on the raw bodies' 8-character windows, not on the monitor's own fingerprints."""
    kept: list[dict] = []
    holders: dict[str, list[int]] = {}
    for item in items:
        text = re.sub(r"\s+", "", item["body"])
        windows = {text[i:i + 8] for i in range(max(len(text) - 7, 1))}
        shared: dict[int, int] = {}
        for w in windows:
            for k in holders.get(w, ()):
                shared[k] = shared.get(k, 0) + 1
        if any(n >= NEAR_COPY * min(len(windows), kept[k]["_windows"]) for k, n in shared.items()):
            continue
        for w in windows:
            holders.setdefault(w, []).append(len(kept))
        kept.append({**item, "_windows": len(windows)})
    return kept


def articles(items: list[dict]) -> list[tuple[str, dict]]:
    """(group, import line) for originals, their converted reposts and near misses."""
    conv = {name: opencc.OpenCC(name) for name in ("s2tw", "s2hk", "s2twp")}
    rng = random.Random(3)
    out = []
    for n, item in enumerate(items):
        gid, title, body = item["id"], item["title"], item["body"]
        out.append((gid, {"url": f"https://a.example.cn/{gid}.html", "title": title, "body": body}))
        out.append((gid, {"url": f"https://tw.example.com/{gid}", "title": conv["s2tw"].convert(title),
                          "body": "來源：某某網\n" + conv["s2tw"].convert(body)}))
        out.append((gid, {"url": f"https://hk.example.com/{gid}", "title": conv["s2hk"].convert(title),
                          "body": conv["s2hk"].convert(body) + "（完）\n責任編輯：陳某"}))
        out.append((gid, {"url": f"https://twp.example.com/{gid}", "title": conv["s2twp"].convert(title) + "｜某報",
                          "body": "（本報訊）" + conv["s2twp"].convert(body)}))
        if len(body) >= MIRROR_BODY:  # mirrors that share about half their shingles with the original
            for group_id, mirror in mirrors(gid, title, body, items, rng):
                out.append((group_id, mirror))
        others = [items[(n + 1 + k) % len(items)] for k in rng.sample(range(len(items) - 1), 3)]
        # an opening that is most of its item would make the near miss contain that item: a repost
        pieces = [m.group() for o in others
                  if (m := _FIRST_SENTENCE.match(o["body"])) and len(m.group()) <= 0.4 * len(o["body"])]
        opening = _FIRST_SENTENCE.match(body)
        if opening and len(pieces) == 3 and len(opening.group()) <= 0.4 * len(body):  # else it is a repost
            out.append((f"near-{gid}", {"url": f"https://near.example.cn/{gid}", "title": others[0]["title"],
                                        "body": "\n".join([opening.group(), *pieces])}))
    return out


def mirrors(gid: str, title: str, body: str, items: list[dict], rng: random.Random) -> list[tuple[str, dict]]:
    """A mirror keeping the first half of the story's paragraphs, and one wrapping the whole
    story in as much again of a related-links list (other items' titles)."""
    paras = [p for p in body.split("\n") if p.strip()]
    half, size = [], 0
    for p in paras:
        if size >= len(body) / 2 and half:
            break
        half.append(p)
        size += len(p)
    cut = "\n".join(half) if len(paras) > 1 else body[: len(body) // 2]
    links: list[str] = []
    while sum(map(len, links)) < len(body):
        links.append("相关新闻：" + rng.choice(items)["title"])
    return [(gid, {"url": f"https://half.example.cn/{gid}", "title": title, "body": "来源：某某网\n" + cut}),
            (gid, {"url": f"https://wrap.example.cn/{gid}", "title": title, "body": body + "\n" + "\n".join(links)})]


def pair_scores(fold: bool, arts: list[tuple[str, dict]]) -> tuple[float, float, int, int]:
    """Pair precision, recall, true pairs, predicted pairs after importing `arts`."""
    saved = ingest_module.fold_words, scriptfold.fingerprint_text
    if not fold:  # characters only: what fingerprints compared before the word-level fold
        # (ingest passes fingerprint_text the body's normal form too; normalize takes one argument)
        ingest_module.fold_words = lambda s: s  # type: ignore[assignment]
        scriptfold.fingerprint_text = lambda text, norm=None: textnorm.normalize(text)  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "monitor.toml"
            path.write_text(CONFIG.format(db=(Path(tmp) / "m.db").as_posix()), encoding="utf-8")
            cfg = config.load(path)
            store = Store.open(cfg.db_path)
            try:
                import_lines(Context(cfg, store), [json.dumps(a, ensure_ascii=False) for _, a in arts])
                rows = store.db.execute("SELECT url, story_id FROM articles").fetchall()
            finally:
                store.close()
    finally:
        ingest_module.fold_words, scriptfold.fingerprint_text = saved  # type: ignore[assignment]
    story = dict(rows)
    if len(story) != len({a["url"] for _, a in arts}):  # a pair of unstored articles is no fold
        raise SystemExit(f"bench/fold.py: {len(arts) - len(story)} of {len(arts)} articles were not stored")
    group = {a["url"]: g for g, a in arts}
    truth = {frozenset(p) for p in itertools.combinations(group, 2) if group[p[0]] == group[p[1]]}
    found = {frozenset(p) for p in itertools.combinations(group, 2) if story.get(p[0]) == story.get(p[1])}
    tp = len(truth & found)
    return tp / len(found) if found else 1.0, tp / len(truth) if truth else 1.0, len(truth), len(found)


def containments(items: list[dict], form: Callable[[str], str]) -> list[float]:
    """Shingle containment of each original in its s2twp conversion under one text form."""
    conv = opencc.OpenCC("s2twp")
    out = []
    for item in items:
        a, b = dedup.fingerprint(form(item["body"])), dedup.fingerprint(form(conv.convert(item["body"])))
        out.append(dedup.containment(a.grams, b.grams))
    return sorted(out)


def main() -> None:
    items = originals()
    arts = articles(items)
    near = sum(g.startswith("near-") for g, _ in arts)
    print(f"{len(items)} originals, {len(arts)} articles (3 converted reposts each, {near} near misses)")
    for label, fold in (("fingerprints as shipped (word-level fold)", True), ("characters only", False)):
        p, r, truth, found = pair_scores(fold, arts)
        print(f"  {label:<42} pair precision {p:.3f}  recall {r:.3f}  ({truth} true pairs, {found} found)")
    for label, form in (("word-level fold", scriptfold.fingerprint_text), ("characters only", textnorm.normalize)):
        c = containments(items, form)
        print(f"  s2twp repost containment, {label:<16} min {c[0]:.3f}  10th pct {c[len(c) // 10]:.3f}  "
              f"median {c[len(c) // 2]:.3f}  exact {sum(x == 1.0 for x in c)}/{len(c)}")


if __name__ == "__main__":
    main()
