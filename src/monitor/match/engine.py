"""Applying a compiled topic to an article: hits, rules that fire, score, explanation.

In: a `Topic` (see rules.py) and an article's original title and body (paragraphs joined by
line breaks). Out: `models.Match` whose hits have [start, end) offsets in the original title or
body. Never does I/O; never prints.

The article is normalised once (`textnorm.normalize_lines`: traditional → simplified,
full-width → half-width, pinyin annotations removed, one "\\n" between paragraphs); each
group's regex scans it once; rules are set operations over the units (sentence, paragraph,
field, article) their hits fall in. Offsets map back through `textnorm.normalize_map`, only
for the paragraphs that hold evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable

from ..models import Hit, Match
from ..textnorm import fold, normalize, normalize_lines, normalize_lines_map, normalize_map
from .rules import LATIN_CHARS, Group, Rule, Topic, word_start

_SENTENCE_END = re.compile(r"[。!?;\n]+|\.(?= |\n|$)")
_LIST_MARK = "、"
_BULLET = re.compile("[·•▪◆●■]")
# What separates list items and phrases, after normalisation (full-width forms are ASCII).
_DELIMITERS = "、,。.;:!?()\\[\\]“”\"'《》 \n"
_DELIMITER = re.compile(f"[{_DELIMITERS}]")
_LAST_DELIMITER = re.compile(f"[{_DELIMITERS}][^{_DELIMITERS}]*$")
_CLAUSE_REACH = 60  # list items are short: look no farther for the delimiter before a hit
LIST_AFFIX_MAX = 6  # "福建三明、": at most this many characters between a hit and its 、
_CONJUNCTIONS = set("与和同及跟")  # "上海杨浦区与三明、…" is a clause, not a list item
# "等" closing an enumeration: "三明等地", "上海等城市", "三明等9个设区市" (not 等待, 平等 ...)
_ETC = re.compile(r"等(?:地|城|市|县|区|省|国|单位|部门|企业|机构|高校|医院|学校|[0-9一二三四五六七八九十多数几])")
MAX_HITS_PER_RULE = 12


# --- matching -----------------------------------------------------------------------------


class _Doc:
    """An article normalised once: title, "\\n", body paragraphs; offset maps made on demand."""

    def __init__(self, title: str, body: str) -> None:
        self.title, self.body = title, body
        norm_title = normalize(title)
        self.text = norm_title + "\n" + normalize_lines(body)
        self.para_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        self.may_list = _LIST_MARK in self.text or "等" in self.text  # any enumeration at all?
        self._sentence_ends: list[int] | None = None
        self._maps: dict[int, list[int]] = {}
        self._lines: list[tuple[int, int]] | None = None

    def para(self, pos: int) -> int:
        """Paragraph index of a position: 0 is the title, 1.. the body paragraphs."""
        return bisect_right(self.para_starts, pos) - 1

    def para_text(self, p: int) -> str:
        end = self.para_starts[p + 1] - 1 if p + 1 < len(self.para_starts) else len(self.text)
        return self.text[self.para_starts[p] : end]

    @property
    def sentence_ends(self) -> list[int]:
        """Where sentences end (bisect gives a position's sentence); line breaks end them too."""
        if self._sentence_ends is None:
            self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return self._sentence_ends

    def original(self, start: int, end: int) -> tuple[str, int, int]:
        """Normalised [start, end) → (field, start, end) in the original title or body."""
        p = self.para(start)
        if p not in self._maps:
            self._maps[p] = normalize_map(self.title)[1] if p == 0 else self._body_map(p)
        offsets, base = self._maps[p], self.para_starts[p]
        return ("title" if p == 0 else "body"), offsets[start - base], offsets[end - 1 - base] + 1

    def _body_map(self, p: int) -> list[int]:
        """Offsets into the body for paragraph p: map only that line when lines align."""
        if self._lines is None:
            self._lines = [m.span() for m in _LINE.finditer(self.body) if not m.group().isspace()]
        lines, para = self._lines, self.para_text(p)
        if len(lines) == len(self.para_starts) - 1:
            a, b = lines[p - 1]
            line = self.body[a:b]
            core = line.strip()
            if len(core) == len(para) and fold(core) == para:  # only characters changed
                start = a + len(line) - len(line.lstrip())
                return list(range(start, start + len(para)))
            norm, offsets = normalize_map(line)
            if norm == para:
                return [a + o for o in offsets]
        full = normalize_lines_map(self.body)[1]  # a line vanished or changed: map the body
        start = self.para_starts[p] - self.para_starts[1]
        return full[start : start + len(para)]


# A hit over `_Doc.text`: (start, end, paragraph, sentence, in_lead, in_body, 0); the last five
# are its units, so a rule's `within` is an index into the tuple (`_UNIT`).
_HitT = tuple[int, int, int, int, bool, bool, int]
_UNIT = {"paragraph": 2, "sentence": 3, "field": 5, "article": 6}
_NEWLINE = re.compile("\n")
_LINE = re.compile("[^\n]+")


def _cut_and_lead(topic: Topic, doc: _Doc) -> tuple[int, int]:
    """Where the body stops being read (an `ignore_after` marker) and the lead paragraph."""
    text, starts = doc.text, doc.para_starts
    cut = len(text)
    if topic.ignore_after is not None and (m := topic.ignore_after.search(text, starts[1] - 1)):
        cut = m.start() + 1  # the paragraph after the "\n"
    if topic.ignore_inline is not None:
        cut = _inline_marker(topic.ignore_inline, text, starts[1], cut)
    lead = 1 if starts[1] < cut else -1  # when no paragraph is long enough, the first leads
    for i in range(1, len(starts)):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        if starts[i] >= cut:
            break
        if end - starts[i] >= topic.lead_min_chars:
            return cut, i
    return cut, lead


def _inline_marker(marker: re.Pattern[str], text: str, start: int, cut: int) -> int:
    """The start of a marker followed by a bullet ("相关新闻：· …"), else `cut`.

    Bullets are rare characters, so they are found first and the marker is checked behind.
    """
    for bullet in _BULLET.finditer(text, start, cut):
        window = text[max(start, bullet.start() - 16) : bullet.start()]
        if m := marker.search(window):
            return bullet.start() - len(window) + m.start()
    return cut


class _Hits(dict):
    """Hits per group name, each group scanned only when a rule first asks for it.

    A rule whose first `all` group is absent is decided without scanning the others, so an
    article off the topic costs a few scans, not one per group.
    """

    def __init__(self, topic: Topic, doc: _Doc) -> None:
        super().__init__()
        self.topic, self.doc = topic, doc
        self.cut, self.lead = _cut_and_lead(topic, doc)

    def __missing__(self, name: str) -> list[_HitT]:
        doc, lead = self.doc, self.lead
        stop = doc.para_starts[1] if name in self.topic.title_only else self.cut
        spans = _group_spans(self.topic.groups[name], doc, stop)
        if not spans:
            self[name] = []
            return []
        starts, ends = doc.para_starts, doc.sentence_ends
        found = self[name] = [(a, b, p, bisect_right(ends, a), p == lead, p > 0, 0)
                              for a, b in spans for p in (bisect_right(starts, a) - 1,)]
        return found


def _group_spans(group: Group, doc: _Doc, stop: int) -> list[tuple[int, int]]:
    """Where the group's terms and regexes hit before `stop`, minus `not_in` contexts and
    list items."""
    text = doc.text
    spans = [m.span() for m in group.pattern.finditer(text, 0, stop)]
    if group.regex is not None:
        spans = sorted(spans + [m.span() for m in group.regex.finditer(text, 0, stop) if m.end() > m.start()])
    if not spans:
        return spans
    if group.latin:
        latin = LATIN_CHARS
        spans = [s for s in spans if not (s[0] and text[s[0]] in latin and text[s[0] - 1] in latin)]
    if group.not_in is not None:
        blocked = [m.span() for m in group.not_in.finditer(text) if word_start(text, m.start())]
        if blocked:
            spans = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in blocked)]
    if group.skip_list_items and doc.may_list:
        spans = [s for s in spans if not (_may_be_listed(text, *s) and _is_list_item(text, spans, *s))]
    return spans


def _is_list_item(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when the hit is one item of an enumeration whose neighbour is not of its group.

    "泉州、三明、南平", "三明等地" and "推进沪明对口合作、闽宁协作" name one place or programme
    among others: no tie. "与三明市沙县区、明溪县结对" enumerates the partner itself: its
    items stay hits.
    """
    left, right = _prev_delimiter(text, start), _next_delimiter(text, end)
    listed_left = left >= 0 and text[left] == _LIST_MARK and _is_affix(text[left + 1 : start])
    same_left = listed_left and _any_within(spans, _prev_delimiter(text, left), left)
    if listed_left and not same_left:
        return True
    if right < len(text) and text[right] == _LIST_MARK and _is_affix(text[end:right]):
        return not _any_within(spans, right, _next_delimiter(text, right + 1))
    etc = _ETC.search(text, end, min(right, end + LIST_AFFIX_MAX + 2))
    return bool(etc and _is_affix(text[end : etc.start()]) and not same_left)


def _prev_delimiter(text: str, pos: int) -> int:
    """The last delimiter before `pos` within a clause's reach, else -1."""
    lo = max(0, pos - _CLAUSE_REACH)
    m = _LAST_DELIMITER.search(text, lo, pos)
    return m.start() if m else -1


def _next_delimiter(text: str, pos: int) -> int:
    """The first delimiter at or after `pos`, else len(text)."""
    m = _DELIMITER.search(text, pos)
    return m.start() if m else len(text)


def _may_be_listed(text: str, start: int, end: int) -> bool:
    """A cheap first test: a 、 or a closing 等 near enough to make the hit a list item."""
    near = LIST_AFFIX_MAX + 1
    return _LIST_MARK in text[max(0, start - near) : end + near] or _ETC.search(text, end, end + near) is not None


def _any_within(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Is some span inside (lo, hi]? `spans` are sorted and do not overlap."""
    k = bisect_right(spans, (lo, 1 << 62))  # the first span starting after lo
    return k < len(spans) and spans[k][1] <= hi


def _is_affix(between: str) -> bool:
    """Text between a name and its 、 that still belongs to the name: short, no conjunction."""
    return len(between) <= LIST_AFFIX_MAX and not any(c in _CONJUNCTIONS for c in between)


def _in_fields(hit: _HitT, fields: tuple[str, ...]) -> bool:
    if hit[2] == 0:
        return "title" in fields
    return "body" in fields or (hit[4] and "lead" in fields)


class _Scoped(dict):
    """Hits per (group, fields), and their unit sets, computed once per article for all rules."""

    def __init__(self, hits: _Hits) -> None:
        super().__init__()
        self.hits = hits
        self._units: dict[tuple, set[int]] = {}

    def __missing__(self, key: tuple[str, tuple[str, ...]]) -> list[_HitT]:
        group, fields = key
        found = self[key] = [h for h in self.hits[group] if _in_fields(h, fields)]
        return found

    def units(self, group: str, fields: tuple[str, ...], k: int) -> set[int]:
        """The units in which `group` hits."""
        key = (group, fields, k)
        if key not in self._units:
            self._units[key] = {h[k] for h in self[group, fields]}
        return self._units[key]


def _fire(rule: Rule, scoped: _Scoped) -> list[_HitT] | None:
    """The evidence (hits) if the rule fires, else None."""
    present = scoped.hits
    if any(not present[g] for g in rule.all) or (rule.any and not any(present[g] for g in rule.any)):
        return None  # the common case for an article off the topic: decided without work
    k = _UNIT.get(rule.within, 2) if isinstance(rule.within, str) else 2  # windows: per paragraph
    for unit in sorted(_candidate_units(rule, scoped, k)):
        needs = [[h for h in scoped[g, rule.fields] if h[k] == unit] for g in rule.all]
        if rule.any:
            needs.append([h for g in rule.any for h in scoped[g, rule.fields] if h[k] == unit])
        if not isinstance(rule.within, int):
            return [h for hs in needs for h in hs]
        if (window := _window(needs, rule.within)) is not None:
            return window
    return None


def _candidate_units(rule: Rule, scoped: _Scoped, k: int) -> set[int]:
    """Units where every `all` group hits, `any` groups hit `min_hits` times, no `none` group."""
    sets = [scoped.units(g, rule.fields, k) for g in rule.all]
    if rule.any and rule.min_hits == 1:
        sets.append(set().union(*(scoped.units(g, rule.fields, k) for g in rule.any)))
    elif rule.any:
        counts = Counter(h[k] for g in rule.any for h in scoped[g, rule.fields])
        sets.append({u for u, c in counts.items() if c >= rule.min_hits})
    if not sets or not all(sets):
        return set()
    units = sets[0].intersection(*sets[1:])
    for g in rule.none:
        units = units - scoped.units(g, rule.fields, k)
    return units


def _window(needs: list[list[_HitT]], size: int) -> list[_HitT] | None:
    """Hits, one per need, inside `size` characters (the leftmost hit anchors the window)."""
    for anchor in sorted(h[0] for hs in needs for h in hs):
        stop = anchor + size
        chosen = [next((h for h in hs if anchor <= h[0] and h[1] <= stop), None) for hs in needs]
        if all(chosen):
            return chosen  # type: ignore[return-value]
    return None


def match_article(topic: Topic, title: str, body: str) -> Match:
    """Apply one topic to an article; hit offsets are in the original title / body."""
    return _match(topic, _Doc(title, body))


def match_topics(topics: Iterable[Topic], title: str, body: str) -> list[Match]:
    """Apply several topics, normalising the article once; an article can match several."""
    doc = _Doc(title, body)
    return [_match(t, doc) for t in topics]


def _match(topic: Topic, doc: _Doc) -> Match:
    scoped = _Scoped(_Hits(topic, doc))
    fired = [(r, ev) for r in topic.rules if (ev := _fire(r, scoped)) is not None]
    score = sum(r.weight for r, _ in fired)
    veto = next((r for r, _ in fired if r.veto), None)
    matched = score >= topic.threshold and veto is None
    return Match(topic=topic.name, matched=matched, score=score, hits=_public_hits(doc, fired),
                 rules=tuple(r.name for r, _ in fired), reason=_reason(topic, doc, fired, score, matched, veto))


def _public_hits(doc: _Doc, fired: list[tuple[Rule, list[_HitT]]]) -> tuple[Hit, ...]:
    """Each piece of evidence once, credited to the first fired rule that used it."""
    credited: dict[tuple[int, int], str] = {}
    for rule, evidence in fired:
        for a, b, *_ in sorted(evidence)[:MAX_HITS_PER_RULE]:
            credited.setdefault((a, b), rule.name)
    out = []
    for (a, b), rule_name in sorted(credited.items()):
        field, start, end = doc.original(a, b)
        out.append(Hit(term=doc.text[a:b], field=field, start=start, end=end, rule=rule_name))
    return tuple(out)


def _reason(topic: Topic, doc: _Doc, fired: list[tuple[Rule, list[_HitT]]], score: float, matched: bool,
            veto: Rule | None) -> str:
    if not fired:
        return "no rule fired"
    verdict = f"vetoed by {veto.name!r}" if veto else ("matched" if matched else "not matched")
    parts = [f"{r.name} {r.weight:+g} [{_terms(doc, ev)}]" for r, ev in fired]
    sign = "≥" if score >= topic.threshold else "<"
    return f"{verdict}: score {score:g} {sign} {topic.threshold:g}: " + "; ".join(parts)


def _terms(doc: _Doc, evidence: list[_HitT]) -> str:
    seen = dict.fromkeys(doc.text[h[0] : h[1]] for h in sorted(evidence))
    return " ".join(list(seen)[:4])
