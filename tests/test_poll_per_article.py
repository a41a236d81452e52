"""Per-article steps of a poll kept cheap without changing a verdict (issue 9)."""

from __future__ import annotations

import random

from monitor.models import Candidate
from monitor.pipeline import steps


def _by_words(anchor: str, headline: str) -> bool | None:
    """`_unlike`'s rule spelled out: under a fifth of the link text's words in the headline."""
    anchor = anchor.strip()
    if len(steps._letters(anchor)) < 6:
        return None
    words = steps._words(anchor)
    return len(words & steps._words(headline)) < 0.2 * len(words)


def test_a_page_headed_by_its_links_text_is_settled_at_once_with_the_same_verdict():
    rng = random.Random(7)
    chars = "三明上海市对口合作产业园区签约项目亿元 Sanming Shanghai 2026年"
    for _ in range(400):
        anchor = "".join(rng.choice(chars) for _ in range(rng.randint(2, 30)))
        for headline in (anchor.strip(), anchor, anchor[::-1], anchor[: len(anchor) // 2], "系统维护通知"):
            assert steps._unlike(Candidate(url="http://a.cn/1.html", title=anchor), headline, set()) \
                == _by_words(anchor, headline), (anchor, headline)
    assert steps._unlike(Candidate(url="http://a.cn/1.html", title="三明与上海共建产业园区"), "三明与上海共建产业园区",
                         {"三明与上海共建产业园区"}) is None  # a text the listing repeats says nothing
