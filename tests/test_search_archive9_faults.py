"""Faults a press office meets in a years-long archive, the ninth round.

A quoted phrase of common words that finds a long page (`--limit 100` of `"上海 三明"`) checks each
candidate over its normal form; past `DENSE_AFTER` characters translated, the character table
switched to numpy, so the search imported numpy midway (~0.4 s, more than the page itself)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from test_search import CONFIG, loaded_by

from monitor import normform
from monitor.models import Article
from monitor.store import Store
from monitor.textnorm import chartable

WHEN = datetime(2026, 3, 1, tzinfo=timezone.utc)
FILLER = "园区建设稳步推进，企业签约数量增长，两地交流日益密切。"  # 28 characters, no 上海 nor 三明


def test_a_phrase_search_of_a_long_page_never_loads_numpy(tmp_path):
    """130 articles of ~2,600 characters each hold `上海 三明` (typeset with a space), 20 hold only
    both words apart: a page of 120 normalises well past DENSE_AFTER characters, as a poll does,
    but the search goes on through `str.translate`, never importing numpy."""
    store = Store.open(tmp_path / "s.db")
    for i in range(150):
        middle = "上海 三明" if i % 15 else "上海，三明"  # every fifteenth: both words, not the phrase
        body = FILLER * 46 + f"本报讯 {middle}两地{i}号项目开工。" + FILLER * 46
        art = Article(url=f"https://p.example/{i}", title=f"第{i}期简报", paragraphs=(body,),
                      published=WHEN + timedelta(hours=i))
        store.add_article(art, source="p", canonical_url=art.url, content_hash=str(i), story_id=None, band_keys=[])
    store.close()
    normform.index_version()  # its cache built here, not by the search (after a change of the code it hashes)
    assert 120 * len(FILLER) * 92 > chartable.DENSE_AFTER
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    done = loaded_by(cfg, ["search", "--limit", "120", "--articles", "--format", "json", '"上海 三明"'], ("numpy",))
    assert "LOADED []" in done.stderr, done.stderr[-2000:]
    ids = [r["id"] for r in json.loads(done.stdout)]
    assert ids == [i + 1 for i in reversed(range(150)) if i % 15][:120]
