"""A cut copy of one release met after the next release from the same template (fold-28).

A county's yearly release keeps its template and changes its counts (3家医院 one year, 6家 the
next; 47场 and 52场). A copy cut to the first paragraphs keeps a single-digit count only, and
`dedup.figures` (numbers of two digits or more) and `figures_kept` (three figures or more) had
nothing to compare: an archive imported newest first met the next year's release first, and the
cut copy, published weeks before it, joined it; the release itself, met next, clashed with it and
started a story of its own. A number standing where the other text has another number, the same
words around them (`ingest._counts_differ`, not a date's), is a release with another count.
"""

from __future__ import annotations

import json

from test_dedup import _opened

from monitor.pipeline import Context, import_lines

_ONE = ["日前，青山区科协组织全市3家医院的专家走进红石村，为村民开展健康义诊，送医送药到家门口。",
        "在红石村党群服务中心，来自心内科、内分泌科、骨科等科室的专家为村民测量血压、血糖，并耐心解答用药问题。"
        "村民李桂兰说，以前去城里看病要坐一个多小时的车，专家来到家门口，看病方便多了。",
        "据介绍，这项活动自2016年起每年开展，已累计组织义诊47场，服务群众6300多人次。"]
ONE = "\n".join(_ONE)
NEXT = ONE.replace("3家医院", "6家医院").replace("47场", "52场").replace("6300多人次", "7100多人次")
CUT = "\n".join(_ONE[:2])  # the first two paragraphs: one count, a single digit
NUMERALS = ONE.replace("3家", "三家").replace("47场", "四十七场")  # a repost writing the counts in Chinese numerals
TITLE = "青山区科协开展送医下乡义诊活动"


def _stories(tmp_path, items) -> dict[str, int]:
    cfg, store = _opened(tmp_path)
    try:
        import_lines(Context(cfg, store), [json.dumps({"url": u, "title": TITLE, "body": b, "published": d},
                                                      ensure_ascii=False) for u, b, d in items])
        return dict(store.conn.execute("SELECT url, story_id FROM articles"))
    finally:
        store.close()


def test_a_cut_copy_of_last_year_s_release_met_after_this_year_s_stays_with_its_own(tmp_path):
    items = [("https://kx.example.cn/2026/0925.html", NEXT, "2026-09-25T09:00:00+08:00"),  # newest first
             ("https://mp.example.com/s/0905.html", CUT, "2026-09-05T15:00:00+08:00"),
             ("https://kx.example.cn/2026/0905.html", ONE, "2026-09-05T09:00:00+08:00")]
    ids = _stories(tmp_path, items)
    assert ids["https://mp.example.com/s/0905.html"] == ids["https://kx.example.cn/2026/0905.html"], ids
    assert ids["https://kx.example.cn/2026/0925.html"] != ids["https://kx.example.cn/2026/0905.html"], ids


def test_a_copy_writing_the_counts_in_chinese_numerals_still_folds(tmp_path):
    items = [("https://kx.example.cn/2026/0905.html", ONE, "2026-09-05T09:00:00+08:00"),
             ("https://mp.example.com/s/0905.html", NUMERALS, "2026-09-05T15:00:00+08:00"),
             ("https://portal.example.com/a/0905.html", CUT, "2026-09-05T16:00:00+08:00")]
    assert len(set(_stories(tmp_path, items).values())) == 1
