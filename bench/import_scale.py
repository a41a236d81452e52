"""Import throughput and size: `monitor import`'s path against a bare sqlite-utils + FTS5 insert.

    python bench/import_scale.py [N] [--repeats R]    # make bench: N=5,000, 3 repeats
    python bench/import_scale.py build DB N           # make bench-scale: a 1M-article database
                                                      # through the real import path, for reuse
    python bench/import_scale.py lookup [N ...]        # near-duplicate look-up at 10k, 100k, 1M
    python bench/import_scale.py split [N] [--repeats R]  # CPU per article: prepare / write / FTS5
    python bench/import_scale.py into DB [DB ...] [--n N] [--repeats R] [--start S]
                                                      # the same N articles into each store in
                                                      # turn, R rounds: flat from 10k to 1M?
                                                      # (S: the first article; a store keeps
                                                      # what was imported, so vary it per run)

Articles are generated (a fixed seed): ~1,500 characters of Chinese in 4-8 paragraphs, words
from a 20,000-word vocabulary drawn Zipf-like, one word in 40 from the topic's vocabulary (上海,
三明, 对口合作 …) so that matching has work to do, every tenth article a repost of a recent one
with another header and footer (so repost folding has work to do). Each line goes through
`import_lines` as bytes, exactly as `monitor import FILE` reads them: JSON, normalising,
matching `hu-ming`, fingerprints, the content hash, FTS tokens and the batched writes.

The reference, timed in the same run on the same rows: a bare sqlite-utils table with FTS5
enabled (`enable_fts(["title", "body"], create_triggers=True)`, the default tokenizer) and one
`table.insert(row)` per article, as a naive importer writes them (each its own transaction).
A batched `insert_all` of the same rows is printed too, for scale. The size bar compares
bytes per article of the two databases after a WAL checkpoint.
"""

from __future__ import annotations

import json
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

TOPIC_WORDS = ("上海 三明 沪明 对口合作 永安 沙县 明溪 将乐 泰宁 建宁 尤溪 大田 宁化 清流 三元 浦东 闵行 嘉定 "
               "瑞金医院 人才飞地 疗休养 产业园 签约 项目 企业 投资 合作 交流 发展 推进 文旅 乡村振兴").split()
HEADERS = ("来源：三明日报 ", "本报讯 记者 林某 ", "【东南网】", "新华社福州电 ")
FOOTERS = ("（完）", "责任编辑：陈某", "编辑：王某 审核：李某", "（来源：福建日报）")
CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'


class Generator:
    """Reproducible articles as import lines (bytes)."""

    def __init__(self, seed: int = 11) -> None:
        from monitor import textnorm

        self.rng = random.Random(seed)
        # simplified characters that normalise to themselves, as in a mainland article
        chars = [chr(c) for c in range(0x4E00, 0x9FA6) if textnorm.normalize(chr(c)) == chr(c)][:6000]
        vocab = ["".join(self.rng.choice(chars) for _ in range(2)) for _ in range(20000)]
        self.vocab = vocab
        self.cum = list(accumulate(1 / (i + 1) ** 0.9 for i in range(len(vocab))))
        self.recent: list[dict] = []

    def _paragraph(self, words: int) -> str:
        drawn = self.rng.choices(self.vocab, cum_weights=self.cum, k=words)
        for i in range(len(drawn)):
            if self.rng.random() < 0.025:
                drawn[i] = self.rng.choice(TOPIC_WORDS)
        return "，".join("".join(drawn[j:j + 6]) for j in range(0, len(drawn), 6)) + "。"

    def article(self, i: int) -> dict:
        if i % 10 == 9 and self.recent:
            orig = self.rng.choice(self.recent)
            body = self.rng.choice(HEADERS) + "\n" + orig["body"] + "\n" + self.rng.choice(FOOTERS)
            return {"url": f"http://repost.example/{i}", "title": orig["title"] + "（转载）", "body": body,
                    "published": orig["published"], "source": "repost"}
        paras = [self._paragraph(self.rng.randint(80, 160)) for _ in range(self.rng.randint(4, 8))]
        body = "\n".join(paras)
        while len(body) < 1400:
            body += "\n" + self._paragraph(100)
        art = {"url": f"http://bench.example/{i}.html", "title": self._paragraph(10)[:24], "body": body[:1650],
               "published": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+08:00", "source": f"src{i % 20}"}
        self.recent = (self.recent + [art])[-50:]
        return art

    def lines(self, start: int, n: int) -> Iterator[bytes]:
        for i in range(start, start + n):
            yield json.dumps(self.article(i), ensure_ascii=False).encode("utf-8") + b"\n"


def _context(db: Path, tmp: Path):
    from monitor import config
    from monitor.pipeline import Context
    from monitor.store import Store

    (tmp / "bench.toml").write_text(CONFIG, encoding="utf-8")
    return Context(config.load(tmp / "bench.toml", db), Store.open(db))


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the import's workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def import_run(db: Path, lines: list[bytes], tmp: Path, window: int = 0,
               workers: int | None = None) -> tuple[float, float, list[float]]:
    """Import `lines` into `db`: (wall s, CPU s of every process, articles/s of CPU per window
    of `window` lines). `workers` as `import_lines` takes it (None: one per core)."""
    from monitor.pipeline import catch_up, import_lines

    ctx = _context(db, tmp)
    catch_up(ctx)
    rates: list[float] = []
    wall, cpu = time.perf_counter(), _cpu()
    step = window or len(lines)
    for i in range(0, len(lines), step):
        t = _cpu()
        report = import_lines(ctx, lines[i:i + step], workers=workers)
        assert not report.errors, report.errors[:3]
        assert not report.duplicates, f"{report.duplicates} articles stored already: `into` needs another --start"
        rates.append(len(lines[i:i + step]) / (_cpu() - t))
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    ctx.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.store.close()
    return wall, cpu, rates


def bare_run(db: Path, lines: list[bytes], batched: bool = False) -> tuple[float, float]:
    """The reference: sqlite-utils rows plus an FTS5 index, one insert per article (or one batch)."""
    from sqlite_utils import Database

    database = Database(db)
    table = database["articles"]
    table.create({"id": int, "url": str, "title": str, "body": str, "published": str, "source": str}, pk="id")
    table.create_index(["url"], unique=True)
    table.enable_fts(["title", "body"], create_triggers=True)
    wall, cpu = time.perf_counter(), time.process_time()
    rows = (json.loads(line) for line in lines)
    if batched:
        table.insert_all(rows, batch_size=500)
    else:
        for row in rows:
            table.insert(row)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return wall, cpu


def _size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def compare(n: int, repeats: int, workers: int | None = None) -> int:
    """Import vs the bare reference, `repeats` times, alternating; medians and spread."""
    lines = list(Generator().lines(0, n))
    print(f"{n:,} generated articles, {statistics.mean(len(json.loads(line)['body']) for line in lines[:500]):,.0f} "
          f"characters of body on average; medians of {repeats} runs (min–max)")
    ours: dict[str, list[float]] = {"wall": [], "cpu": [], "bare_wall": [], "bare_cpu": [], "batch_wall": [],
                                    "ratio": [], "size": [], "bare_size": []}
    for r in range(repeats):
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            wall, cpu, _ = import_run(tmp / "m.db", lines, tmp, workers=workers)
            bwall, bcpu = bare_run(tmp / "bare.db", lines)
            batch_wall, _ = bare_run(tmp / "batch.db", lines, batched=True)
            ours["wall"].append(n / wall)
            ours["cpu"].append(n / cpu)
            ours["bare_wall"].append(n / bwall)
            ours["bare_cpu"].append(n / bcpu)
            ours["batch_wall"].append(n / batch_wall)
            ours["ratio"].append(bwall / wall)
            ours["size"].append(_size(tmp / "m.db") / n)
            ours["bare_size"].append(_size(tmp / "bare.db") / n)
        print(f"run {r + 1}: import {n / wall:,.0f}/s wall, {n / cpu:,.0f}/s CPU; bare per-row {n / bwall:,.0f}/s "
              f"wall; bare insert_all {n / batch_wall:,.0f}/s; {ours['size'][-1] / 1024:.1f} KB vs "
              f"{ours['bare_size'][-1] / 1024:.1f} KB per article", flush=True)

    def fmt(key: str, unit: str = "/s") -> str:
        vals = ours[key]
        return f"{statistics.median(vals):,.1f}{unit} ({min(vals):,.1f}–{max(vals):,.1f})"

    size_ratio = [a / b for a, b in zip(ours["size"], ours["bare_size"], strict=True)]
    print(f"monitor import: {fmt('wall')} wall, {fmt('cpu')} CPU of every process (the workers too)")
    print(f"bare sqlite-utils + FTS5, one insert per article: {fmt('bare_wall')} wall, {fmt('bare_cpu')} CPU")
    print(f"bare sqlite-utils + FTS5, insert_all in batches of 500: {fmt('batch_wall')} wall")
    print(f"import / bare per-row (wall, same run): {fmt('ratio', 'x')}")
    print(f"bytes per article: import {statistics.median(ours['size']):,.0f}, bare {statistics.median(ours['bare_size']):,.0f}; "
          f"ratio {statistics.median(size_ratio):.2f} ({min(size_ratio):.2f}–{max(size_ratio):.2f})")
    ok = statistics.median(ours["cpu"]) >= 1000 and statistics.median(ours["ratio"]) >= 2 \
        and statistics.median(size_ratio) <= 1.2
    print("bars (≥ 1,000/s per core, ≥ 2× bare, ≤ 1.2× size):", "met" if ok else "NOT met")
    return 0


def split(n: int, repeats: int) -> int:
    """Where an article's CPU goes in one process: preparing it (JSON, normalising, matching,
    fingerprint, tokens), then writing it with and without the FTS5 insert (into fresh stores);
    medians of `repeats`."""
    from monitor.pipeline.checks import topic_hashes
    from monitor.pipeline.importer import _parse
    from monitor.pipeline.ingest import Ingestor, canonical_of, prepare

    lines = list(Generator().lines(0, n))
    got: dict[str, list[float]] = {"prepare": [], "write": [], "write_no_fts": []}
    for _ in range(repeats):
        for fts in (True, False):
            with tempfile.TemporaryDirectory() as tmp_name:
                ctx = _context(Path(tmp_name) / "m.db", Path(tmp_name))
                topics = topic_hashes(ctx)
                prepare(ctx.cfg, topics, *_parse(1, lines[0], 10**6).item, "warm")  # once-per-process loads
                t = time.process_time()
                items = []
                for number, raw in enumerate(lines, 1):
                    article, name = _parse(number, raw, 10**6).item
                    items.append(prepare(ctx.cfg, topics, article, name, canonical_of(article)))
                t, took = time.process_time(), time.process_time() - t
                if not fts:
                    ctx.store.index_articles = lambda rows: None  # type: ignore[method-assign]
                with Ingestor(ctx, backfill=True) as ingestor:
                    for item in items:
                        ingestor.add_prepared(item)
                got["write" if fts else "write_no_fts"].append((time.process_time() - t) / n * 1000)
                got["prepare"].append(took / n * 1000)
                ctx.store.close()
    med = {k: statistics.median(v) for k, v in got.items()}
    print(f"{n:,} generated articles, one process, CPU ms per article, medians of {repeats} (min–max):")
    for k, v in got.items():
        print(f"  {k}: {med[k]:.3f} ({min(v):.3f}–{max(v):.3f})")
    print(f"  FTS5 insert (write - write_no_fts): {med['write'] - med['write_no_fts']:.3f}; "
          f"all: {med['prepare'] + med['write']:.3f} ms = {1000 / (med['prepare'] + med['write']):,.0f} articles/s")
    return 0


def build(db: Path, n: int, chunk: int = 10_000) -> int:
    """Import `n` generated articles into `db` through the real path, reporting each chunk's rate
    (CPU) so flatness from 10k to N can be read off; the database is kept for reuse."""
    gen = Generator()
    done = 0
    if db.exists():
        conn = sqlite3.connect(db)
        done = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        for _ in gen.lines(0, done):  # the generator's state (recent articles) as it was
            pass
    tmp = db.parent
    print(f"building {db}: {done:,} articles there, importing up to {n:,}", flush=True)
    began = time.perf_counter()
    while done < n:
        size = min(chunk, n - done)
        wall, cpu, _ = import_run(db, list(gen.lines(done, size)), tmp)
        done += size
        print(f"{done:,} articles: last {size:,} at {size / cpu:,.0f}/s CPU, {size / wall:,.0f}/s wall; "
              f"{_size(db) / done / 1024:.1f} KB per article; {time.perf_counter() - began:,.0f} s so far", flush=True)
    return 0


def lookup(sizes: list[int], probes: int = 300) -> int:
    """Near-duplicate look-up cost against the size of the band table: fingerprints of `n`
    stored articles (16 band rows each) written straight into a store, then the ingest's
    look-up (candidates by band key, judged from signatures) timed for fresh articles and for
    reposts of stored ones. Flat means the same time per look-up at 10k and at 1M."""
    from datetime import datetime, timezone

    from monitor import dedup, scriptfold
    from monitor.store import Store

    gen, now = Generator(seed=31), datetime.now(timezone.utc)
    arts = [gen.article(i) for i in range(2000)]
    fps = [dedup.fingerprint(scriptfold.fingerprint_text(a["body"])) for a in arts]
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp_name:
        store = Store.open(Path(tmp_name) / "lookup.db")
        stored = 0
        for n in sizes:
            with store.transaction():
                while stored < n:  # random fingerprints stand for the bulk; real ones are planted
                    fp = fps[stored] if stored < 1000 else None
                    keys = fp.keys() if fp else [rng.getrandbits(63) for _ in range(16)]
                    sig = fp.packed() if fp else rng.randbytes(256)
                    stored += 1
                    store.conn.execute("INSERT INTO stories(id, title) VALUES (?, '')", [stored])
                    store.conn.execute("INSERT INTO articles(id, canonical_url, story_id) VALUES (?, ?, ?)",
                                       [stored, f"http://lookup.example/{stored}", stored])
                    store.add_fingerprint(stored, fp.count if fp else 600, sig, keys, now)
            times = {"repost": [], "fresh": []}
            for i in range(probes):
                for kind, fp in (("repost", fps[i % 1000]), ("fresh", fps[1000 + i % 1000])):
                    t = time.perf_counter()
                    for cand in store.lsh_candidates(fp.keys()):
                        dedup.containment_bounds(fp.count, fp.packed(), cand["shingles"], cand["sig"])
                    times[kind].append(time.perf_counter() - t)
            print(f"{n:>9,} stored fingerprints: look-up median {statistics.median(times['repost']) * 1e6:.0f} µs "
                  f"for a repost, {statistics.median(times['fresh']) * 1e6:.0f} µs for a fresh article", flush=True)
        store.close()
    return 0


def into(stores: list[Path], n: int = 5000, repeats: int = 3, start: int = 0) -> int:
    """Import the same `n` generated articles into each existing store in turn (e.g. ones
    `search_scale.py build` made at 10k and at 1M), then the next `n` into each, `repeats`
    rounds; per store the median articles/s of CPU (every process) and of wall, with min–max.
    The stores keep what was imported (copy them first to keep the originals), so a second
    measurement on the same stores needs another `start` (the generator's first article):
    the same articles again would all be known already. Each store is read through once
    first, so every run starts with it in the page cache."""
    gen = Generator(seed=23)
    rates: dict[Path, dict[str, list[float]]] = {s: {"cpu": [], "wall": []} for s in stores}
    for db in stores:
        _read(db)
    for r in range(repeats):
        lines = list(gen.lines(start + r * n, n))
        for db in stores:
            wall, cpu, _ = import_run(db, lines, db.parent)
            rates[db]["cpu"].append(n / cpu)
            rates[db]["wall"].append(n / wall)
            print(f"round {r + 1}: {db}: {n / cpu:,.0f}/s CPU, {n / wall:,.0f}/s wall", flush=True)
    for db, got in rates.items():
        line = ", ".join(f"{statistics.median(v):,.0f}/s {k} ({min(v):,.0f}–{max(v):,.0f})" for k, v in got.items())
        print(f"{db}: {line}")
    return 0


def _read(path: Path) -> int:
    """Read a file through once (into the page cache); its size."""
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 24):
            size += len(chunk)
    return size


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        return build(Path(argv[1]), int(argv[2]))
    if argv[:1] == ["into"]:
        opts = {k: int(argv[argv.index(k) + 1]) for k in ("--n", "--repeats", "--start") if k in argv}
        paths = [Path(a) for i, a in enumerate(argv[1:], 1) if not a.startswith("--") and argv[i - 1] not in opts]
        return into(paths, opts.get("--n", 5000), opts.get("--repeats", 3), opts.get("--start", 0))
    if argv[:1] == ["split"]:
        reps = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 3
        return split(int(argv[1]) if len(argv) > 1 and argv[1].isdigit() else 2000, reps)
    if argv[:1] == ["lookup"]:
        return lookup([int(a) for a in argv[1:]] or [10_000, 100_000, 1_000_000])
    options = {k: int(argv[argv.index(k) + 1]) for k in ("--repeats", "--workers") if k in argv}
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] not in options)]
    return compare(int(args[0]) if args else 20_000, options.get("--repeats", 3), options.get("--workers"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
