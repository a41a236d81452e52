"""Why a version matched, as the story page says it: the score, each rule and each term once.

The stored reason already names the score against the threshold, every rule with its weight and
up to four of its terms ("matched: score 26 ≥ 5: names the cooperation +5 [沪明对口]; says 沪明
+3 [沪明]"); the page said the score before it and listed the rules and the terms again after it
(three times the same on a phone's screen). Pure.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"(?:matched|not matched|vetoed by '[^']*'): score (\S+ [≥<] \S+): ")


def told(verdict: dict, whole: bool = True) -> dict:
    """`score` (as '26 ≥ 5' when the reason gives the threshold), `reason` (its rules with their
    weights and terms), and the `rules` and `terms` of the verdict the reason does not name (a
    reason names four terms a rule; an older or other reason is kept whole, and names none).
    Not `whole`: the score alone (a verdict said above)."""
    reason = verdict.get("reason") or ""
    rules, terms = list(verdict.get("rules") or ()), list(verdict.get("terms") or ())
    head = _HEAD.match(reason)
    if not head:
        return {"score": f"{verdict.get('score') or 0:.1f}", "reason": reason, "rules": rules, "terms": terms}
    said = reason[head.end():]
    if not whole:
        return {"score": head.group(1), "reason": said, "rules": [], "terms": []}
    named_rules: set[str] = set()
    named_terms: set[str] = set()
    for part in said.split("; "):  # "names the cooperation +5 [沪明共建 沪明对口]"
        label, bracket, words = part.rpartition(" [")
        if bracket and words.endswith("]"):
            named_rules.add(label.rpartition(" ")[0])
            named_terms.update(words[:-1].split())
    return {"score": head.group(1), "reason": said, "rules": [r for r in rules if r not in named_rules],
            "terms": [t for t in terms if t not in named_terms]}
