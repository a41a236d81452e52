"""Precision and recall of a topic over labelled items.

In: a `Topic` and items with id, label ('relevant' / 'irrelevant'), title and body.
Out: `EvalReport` (counts, precision, recall, F1, the ids missed and falsely matched, with the
reason for each) and its one-screen `format()`; `held_out` says which items form the held-out
fifth, fixed by a hash of the id (chosen before any tuning: never tune on what it holds back);
an item that states its own "split" (a set split by its writer) is kept in that part.
Never does I/O; never prints.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from .engine import match_article
from .rules import Topic


@dataclass
class EvalReport:
    """Precision and recall of one topic over labelled items, with the ids it got wrong."""

    topic: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # id → Match.reason for the errors

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def format(self) -> str:
        """A short human report: the figures, then one line per error with its reason."""
        lines = [f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
                 f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})"]
        lines += [f"  missed      {i}: {self.reasons.get(i, '')}" for i in self.misses]
        lines += [f"  false alarm {i}: {self.reasons.get(i, '')}" for i in self.false_alarms]
        return "\n".join(lines)


def evaluate(topic: Topic, items: Iterable[dict]) -> EvalReport:
    """Match labelled items (id, label 'relevant'/'irrelevant', title, body) and count."""
    report = EvalReport(topic=topic.name)
    for item in items:
        m = match_article(topic, item.get("title", ""), item.get("body", ""))
        relevant = item.get("label") == "relevant"
        item_id = str(item.get("id", ""))
        if m.matched and relevant:
            report.tp += 1
        elif m.matched:
            report.fp += 1
            report.false_alarms.append(item_id)
        elif relevant:
            report.fn += 1
            report.misses.append(item_id)
        else:
            report.tn += 1
        if m.matched != relevant:
            report.reasons[item_id] = m.reason
    return report


def held_out(item_id: str) -> bool:
    """True for the held-out fifth: SHA-1 of the id, as a number, divisible by 5."""
    return int(hashlib.sha1(item_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


_TUNING = frozenset({"tune", "tuning"})
_HELD = frozenset({"held", "held-out"})


def _held(item: dict) -> bool:
    """An item's own "split" ("tune" / "tuning" or "held" / "held-out", set by whoever wrote a
    blind set) wins over the hash."""
    split = item.get("split")
    if split in _TUNING or split in _HELD:
        return split in _HELD
    return held_out(str(item.get("id", "")))


def evaluate_halves(topic: Topic, items: list[dict]) -> tuple[EvalReport, EvalReport]:
    """`evaluate` over the tuning part and over the held-out part apart: the fifth `held_out`
    picks, or the item's own "split" when it has one."""
    tune = [i for i in items if not _held(i)]
    kept = [i for i in items if _held(i)]
    return evaluate(topic, tune), evaluate(topic, kept)
