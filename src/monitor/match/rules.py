"""Topic rules: the TOML rule language compiled once into `Topic` objects.

In: a topic's TOML table (see docs/rules.md and data/topics/hu-ming.toml) or a TOML file of
`[topics.NAME]` tables. Out: `Topic` with its `Group`s (one regex per group) and `Rule`s, or a
ConfigError listing every problem as "where: key: problem (hint)".
Never does I/O except `load_topics` reading its file; never prints.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from .. import tomlsyntax
from ..errors import ConfigError
from ..textnorm import normalize
from . import places
from .terms import regex_pattern
from .terms import terms_pattern as _terms_pattern

FIELDS = ("title", "lead", "body")
UNITS = ("sentence", "statement", "paragraph", "field", "article")
_TOPIC_KEYS = {"description", "threshold", "ignore_after", "lead_min_chars", "gazetteer", "groups", "rules", "body_names",
               "body_pair", "body_min_chars"}
_GROUP_KEYS = {"terms", "places", "regex", "not_in", "skip_list_items"}
_RULE_KEYS = {"name", "all", "any", "none", "anchor", "not_title", "in", "within", "min_hits", "sentences", "weight",
              "veto"}
_LATIN = re.compile(r"[a-z0-9]")
LATIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# What the engine writes for U+FFFD (a character lost in decoding): 〓, the typesetter's mark
# for a missing character, survives normalisation one for one (U+FFFD itself is dropped).
GARBLED = "\u3013"
_HAN = re.compile("[\u3400-\u9fff\U00020000-\U0003134f]")


# --- compiled forms ----------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    """A named set of terms (aliases) and regexes that mean one thing."""

    name: str
    pattern: re.Pattern[str]  # the terms, one alternation (no look-behind: it stays fast)
    regex: re.Pattern[str] | None = None  # the group's own regular expressions
    not_in: re.Pattern[str] | None = None  # a hit inside one of these contexts does not count
    skip_list_items: bool = False  # a hit that is an item of a 、-enumeration does not count
    latin: bool = False  # some term starts with a Latin letter or digit: check word starts
    words: frozenset[str] = frozenset()  # the normalised terms, as words for segment.keeps
    garbled: re.Pattern[str] | None = None  # terms of 3+ characters with one of them 〓
    mojibake: re.Pattern[str] | None = None  # gazetteer names as a GBK reading of UTF-8 garbles them
    contested: frozenset[str] = frozenset()  # terms every hit of which is judged by segmentation
    # the gazetteer's not_in contexts (normalised): each names something else (永安百货), so one in an
    # article makes the name mean that thing there; the topic's own not_in contexts (三明医改: the
    # city named for its example) only cancel the hits they hold
    one_sense: frozenset[str] = frozenset()
    pairs: bool = False  # some term names two places joined by "and" ("shanghai and sanming")


@dataclass(frozen=True)
class Rule:
    """Groups that must (`all`), may (`any`) and must not (`none`) hit in one unit of text."""

    name: str
    all: tuple[str, ...] = ()
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    anchor: tuple[str, ...] = ()  # groups that must also hit in the title or the lead
    not_title: tuple[str, ...] = ()  # groups whose hit in the title keeps the rule from firing
    fields: tuple[str, ...] = ("title", "body")
    within: str | int = "article"  # a unit name or a window in characters
    min_hits: int = 1
    sentences: int = 1  # this many sentences of the unit must each hold every `all` group
    weight: float = 1.0
    veto: bool = False

    @cached_property
    def label(self) -> str:
        """Name and signed weight as the match reason shows them ("says 沪明 +3"), made once."""
        return f"{self.name} {self.weight:+g}"


@dataclass(frozen=True)
class Topic:
    """A compiled topic: groups, weighted rules and the score needed to match."""

    name: str
    groups: dict[str, Group]
    rules: tuple[Rule, ...]
    threshold: float = 1.0
    description: str = ""
    ignore_after: re.Pattern[str] | None = None  # "\n" + a marker: the body stops there
    ignore_inline: re.Pattern[str] | None = None  # a marker ending a window before a bullet
    ignore_flat: re.Pattern[str] | None = None  # a marker right after a sentence, inside a paragraph
    lead_min_chars: int = 30
    title_only: frozenset[str] = frozenset()  # groups no rule looks for outside the title
    lead_only: frozenset[str] = frozenset()  # groups no rule looks for past the lead paragraph
    # a body of body_min_chars or more naming none of these groups, nor every group of body_pair, is another story
    # than its title's: rules that fired on the title alone are set aside (a page's <title>, a column's name, over
    # an unrelated story)
    body_names: tuple[str, ...] = ()
    body_pair: tuple[str, ...] = ()
    body_min_chars: int = 50

    @cached_property
    def words(self) -> frozenset[str]:
        """Every group's Chinese terms of two characters or more (the words a line break
        may fall inside: spaced.py), made once."""
        return frozenset(w for g in self.groups.values() for w in g.words if len(w) > 1 and _HAN.match(w))

    @cached_property
    def lost_shorts(self) -> dict[str, tuple[str, ...]]:
        """Each gazetteer name of two Han characters with one of them lost (三〓, 〓海) → the names it
        can be (三明; 上〓: 上海 or 上方), made once: too short to read alone, such a name is read as the
        one the article also writes in full (`engine._lost_shorts`)."""
        out: dict[str, set[str]] = {}
        for g in self.groups.values():
            if g.mojibake is None:  # groups taking no gazetteer names of two characters or more
                continue
            for w in g.words:
                if len(w) == 2 and _HAN.match(w) and _HAN.match(w[1]):
                    out.setdefault(w[0] + GARBLED, set()).add(w)
                    out.setdefault(GARBLED + w[1], set()).add(w)
        return {k: tuple(sorted(v)) for k, v in out.items()}

    @cached_property
    def lost_pairs(self) -> frozenset[str]:
        """The two characters either side of an inner character of every Chinese name of three
        characters or more (三明市 → "三市"): a "?" between them is that character lost, as a page
        saved in a charset without it writes it (三?市, 上?市), made once."""
        return frozenset(w[k - 1] + w[k + 1] for g in self.groups.values() if g.garbled is not None
                         for w in g.words if len(w) >= 3 and _HAN.match(w) for k in range(1, len(w) - 1))


# --- compiling ----------------------------------------------------------------------------


class _Problems(list):
    """Collects "where: key: problem (hint)" lines."""

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def add(self, key: str, problem: str, hint: str = "") -> None:
        self.append(f"{self.where}: {key}: {problem}" + (f" ({hint})" if hint else ""))

    def unknown(self, key: str, table: dict, allowed: set[str]) -> None:
        for k in sorted(set(table) - allowed):
            self.add(f"{key}.{k}", "unknown key", "allowed: " + ", ".join(sorted(allowed)))


def compile_topic(name: str, raw: dict, *, where: str = "") -> Topic:
    """Compile one `[topics.NAME]` table; raise ConfigError listing every problem."""
    problems = _Problems(where or "topic")
    key = f"topics.{name}"
    if not isinstance(raw, dict):
        problems.add(key, "must be a table", f"write [topics.{name}]")
        raise _error(name, problems)
    problems.unknown(key, raw, _TOPIC_KEYS)
    gazetteer = _gazetteer(raw.get("gazetteer"), key, problems)
    groups = _compile_groups(raw.get("groups"), key, problems, gazetteer)
    rules = _compile_rules(raw.get("rules"), key, set(groups), problems)
    threshold = _number(raw, "threshold", 1.0, key, problems)
    if threshold <= 0:
        problems.add(f"{key}.threshold", f"must be above 0, got {threshold:g}", "an article no rule fires on scores 0")
    lead = raw.get("lead_min_chars", 30)
    if not isinstance(lead, int) or isinstance(lead, bool) or lead < 0:
        problems.add(f"{key}.lead_min_chars", f"expected a whole number ≥ 0, got {lead!r}")
    markers = _strings(raw.get("ignore_after", []), f"{key}.ignore_after", problems)
    body_names = tuple(_strings(raw.get("body_names", []), f"{key}.body_names", problems))
    body_pair = tuple(_strings(raw.get("body_pair", []), f"{key}.body_pair", problems))
    for k, names in (("body_names", body_names), ("body_pair", body_pair)):
        for g in names:
            if g not in groups:
                problems.add(f"{key}.{k}", f"unknown group {g!r}", "defined groups: " + ", ".join(sorted(groups)))
    body_min = raw.get("body_min_chars", 50)
    if not isinstance(body_min, int) or isinstance(body_min, bool) or body_min < 1:
        problems.add(f"{key}.body_min_chars", f"expected a whole number ≥ 1, got {body_min!r}")
        body_min = 50
    description = raw.get("description", "")
    if not isinstance(description, str):
        problems.add(f"{key}.description", "expected text")
    if problems:
        raise _error(name, problems)
    return Topic(name=name, groups=groups, rules=rules, threshold=threshold, description=description,
                 ignore_after=_markers_pattern(markers), ignore_inline=_markers_pattern(markers, inline=True),
                 ignore_flat=_markers_pattern(markers, flat=True),
                 lead_min_chars=lead, title_only=_title_only(groups, rules) - {*body_names, *body_pair},
                 lead_only=_lead_only(groups, rules) - {*body_names, *body_pair}, body_names=body_names,
                 body_pair=body_pair, body_min_chars=body_min)


def _title_only(groups: dict[str, Group], rules: tuple[Rule, ...]) -> frozenset[str]:
    """Groups that only title-scoped rules use: scanning the title is enough for them."""
    wider = {g for r in rules if r.fields != ("title",) for g in (*r.all, *r.any, *r.none)}
    wider |= {g for r in rules for g in r.anchor}  # anchors are looked for in the lead too
    return frozenset(set(groups) - wider)


def _lead_only(groups: dict[str, Group], rules: tuple[Rule, ...]) -> frozenset[str]:
    """Groups, beyond the title-only ones, that only rules reading the title and the lead use
    (a `none` of "names the ties up front"): scanning up to the lead's end is enough for them."""
    wider = {g for r in rules if not set(r.fields) <= {"title", "lead"} for g in (*r.all, *r.any, *r.none)}
    return frozenset(set(groups) - wider - _title_only(groups, rules))


def _markers_pattern(markers: list[str], inline: bool = False, flat: bool = False) -> re.Pattern[str] | None:
    """A marker opening a paragraph, after any brackets or bullets ("相关新闻", "【相关阅读】",
    "· 延伸阅读"), searched once over "\\n" + body (a literal first character keeps it fast);
    or, `inline`, a marker ending the text just before a bullet ("…优势。相关新闻：· 沪明…",
    a flattened link list: the engine finds the rare bullets first); or, `flat`, a marker after a
    sentence's end and a space, before a space, a colon or the line's end ("…排查隐患。 相关新闻 沪明…":
    a page flattened into one line, its blocks joined by spaces; "。 " is the pattern's literal prefix,
    which `re` skips to, and rare in Chinese text, which puts no space after a sentence)."""
    # longest first; ties by text, so the compiled pattern is the same in every process
    def alternation(found: list[str]) -> str:
        return "(?:" + "|".join(sorted({re.escape(normalize(m)) for m in found if normalize(m)},
                                       key=lambda r: (-len(r), r))) + ")"

    # a marker written with a "$" after it ("评论$", "comments$") ends the text only as a line of its own (a count
    # or a colon after it allowed: "评论（12）"): a common word opening a story's sentence ("评论认为…") is no heading;
    # its group is named `alone` (the engine passes over such a line above the story: a channel's name, 评论)
    anywhere = [m for m in markers if not m.endswith("$") and normalize(m)]
    alone = [m[:-1] for m in markers if m.endswith("$") and normalize(m[:-1])]
    if inline or flat:
        if not anywhere:
            return None
        words = alternation(anywhere)
        return re.compile(r"。 [【\[]?" + words + r"(?=[ :】\]\n]|$)" if flat else words + r"[^\w\n]{0,3}$")
    either = [alternation(anywhere)] if anywhere else []
    if alone:
        either.append("(?P<alone>" + alternation(alone) + r"(?:[^\w\n]|\d){0,8}(?![^\n]))")
    return re.compile(r"\n[^\w\n]*(?:" + "|".join(either) + ")") if either else None


def _error(name: str, problems: _Problems) -> ConfigError:
    head = problems[0] if len(problems) == 1 else f"{len(problems)} problems in topic {name!r}"
    return ConfigError(head, hint=None if len(problems) == 1 else "run `monitor check-config` to list them",
                       problems=list(problems))


def _number(table: dict, name: str, default: float, key: str, problems: _Problems) -> float:
    value = table.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.add(f"{key}.{name}", f"expected a number, got {value!r}")
        return default
    return float(value)


def _strings(value: object, key: str, problems: _Problems) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(key, f"expected a list of non-empty strings, got {value!r}", 'e.g. ["上海", "沪"]')
        return []
    return value


def _gazetteer(ref: object, key: str, problems: _Problems) -> dict[str, places.Place]:
    """The `[places.*]` lists of the topic's gazetteer file, if it names one."""
    if ref is None:
        return {}
    if not isinstance(ref, str) or not ref.strip():
        problems.add(f"{key}.gazetteer", f"expected a file name, got {ref!r}", 'e.g. "monitor:topics/hu-ming-places.toml"')
        return {}
    return places.load(ref, problems.where, lambda k, p, h="": problems.add(f"{key}.{k}", p, h))


def _compile_groups(raw: object, key: str, problems: _Problems,
                    gazetteer: dict[str, places.Place] | None = None) -> dict[str, Group]:
    if not isinstance(raw, dict) or not raw:
        problems.add(f"{key}.groups", "missing or empty", f"add [{key}.groups.NAME] with terms = [...]")
        return {}
    groups = {}
    for name, table in raw.items():
        if (group := _compile_group(name, table, f"{key}.groups.{name}", problems, gazetteer or {})) is not None:
            groups[name] = group
    return groups


def _place_names(table: dict, key: str, problems: _Problems,
                 gazetteer: dict[str, places.Place]) -> tuple[list[str], list[str], list[str], list[str]]:
    """The names, not_in contexts, contested names and inside contexts of the gazetteer lists a group
    takes (`places`)."""
    terms: list[str] = []
    contexts: list[str] = []
    contested: list[str] = []
    inside: list[str] = []
    for ref in _strings(table.get("places", []), f"{key}.places", problems):
        if ref not in gazetteer:
            problems.add(f"{key}.places", f"unknown place list {ref!r}",
                         "lists in the gazetteer: " + (", ".join(sorted(gazetteer)) or "none (set gazetteer = ...)"))
            continue
        terms += gazetteer[ref].names
        contexts += gazetteer[ref].not_in
        inside += gazetteer[ref].inside
        if gazetteer[ref].contested:
            contested += gazetteer[ref].names
    return terms, contexts, contested, inside


def _compile_group(name: str, table: object, key: str, problems: _Problems,
                   gazetteer: dict[str, places.Place]) -> Group | None:
    if not isinstance(table, dict):
        problems.add(key, "must be a table", f'write [{key}] with terms = ["..."]')
        return None
    problems.unknown(key, table, _GROUP_KEYS)
    terms = _strings(table.get("terms", []), f"{key}.terms", problems)
    regexes = _strings(table.get("regex", []), f"{key}.regex", problems)
    contexts = _strings(table.get("not_in", []), f"{key}.not_in", problems)
    listed, listed_contexts, contested, inside = _place_names(table, key, problems, gazetteer)
    terms, contexts = terms + listed, contexts + listed_contexts + inside
    if not terms and not regexes:
        problems.add(key, "has no terms and no regex", 'add terms = ["..."] or places = ["..."]')
    for t in terms + contexts:
        if not normalize(t):
            problems.add(f"{key}.terms", f"{t!r} has no letters or characters left after normalisation")
    for r in regexes:
        try:
            re.compile(r)
        except re.error as exc:
            problems.add(f"{key}.regex", f"{r!r} is not a valid regular expression: {exc}")
            return None
    skip = table.get("skip_list_items", False)
    if not isinstance(skip, bool):
        problems.add(f"{key}.skip_list_items", f"expected true or false, got {skip!r}")
    garbled_names = mojibake(listed)  # a pattern of its own: in the names' one, it slowed every scan
    return Group(name=name, pattern=_terms_pattern(terms),
                 regex=regex_pattern(regexes) if regexes else None,
                 not_in=_terms_pattern(contexts + mojibake(listed_contexts + inside)) if contexts else None,
                 mojibake=_terms_pattern(garbled_names) if garbled_names else None,
                 skip_list_items=skip is True,
                 latin=any(_LATIN.match(normalize(t)[:1]) for t in terms + contexts),
                 words=frozenset(normalize(t) for t in terms), garbled=_garbled_pattern(terms),
                 contested=frozenset(normalize(t) for t in contested),
                 pairs=any(" and " in normalize(t) for t in terms),
                 one_sense=frozenset(normalize(t) for t in listed_contexts + mojibake(listed_contexts)))


def _garbled_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """Each term of three Han characters or more with one of them lost (〓): `三〓市` is
    三明市 with 明 garbled. Shorter names are left out: `三〓` could be anything."""
    variants: set[str] = set()
    for term in terms:
        norm = normalize(term)
        if len(_HAN.findall(norm)) >= 3:
            variants.update(norm[:i] + GARBLED + norm[i + 1 :] for i in range(len(norm)) if _HAN.match(norm[i]))
    return _terms_pattern(sorted(variants)) if variants else None


def mojibake(terms: list[str]) -> list[str]:
    """Each term of two Han characters or more as it reads when its UTF-8 bytes are decoded
    as GBK (三明 → 涓夋槑), the commonest garbling of Chinese pages: a name pasted from a
    wrongly decoded source still counts. Bytes are taken two by two from the term's start,
    so a name garbled in line with its first character is found; a trailing odd byte is
    left out (三明市 → 涓夋槑 + the first two bytes of 市). Terms whose bytes are no GBK
    sequence are skipped. The same bytes read as Windows-1252 (三明 → ä¸‰æ˜Ž, a page taken for
    Latin text) count too: each byte one character, the five bytes cp1252 leaves undefined as
    a lost character (〓), as a decoder that replaces them writes them."""
    out = []
    for term in terms:
        norm = normalize(term)
        if len(_HAN.findall(norm)) < 2:
            continue
        raw = norm.encode("utf-8")
        out.append(normalize("".join(_CP1252[b] for b in raw)))
        try:
            out.append(raw[: len(raw) - len(raw) % 2].decode("gbk"))
        except UnicodeDecodeError:
            continue
    return out


def _cp1252_byte(b: int) -> str:
    """One byte as Windows-1252 reads it; an undefined one as a lost character."""
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return GARBLED


_CP1252 = [_cp1252_byte(b) for b in range(256)]


def word_start(text: str, start: int) -> bool:
    """False when a match begins inside a Latin word or number ("xshanghai")."""
    return not start or text[start] not in LATIN_CHARS or text[start - 1] not in LATIN_CHARS


def _compile_rules(raw: object, key: str, groups: set[str], problems: _Problems) -> tuple[Rule, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add(f"{key}.rules", "missing or empty", f"add [[{key}.rules]] with any = [...] and weight")
        return ()
    rules = [_compile_rule(t, f"{key}.rules[{i}]", groups, problems) for i, t in enumerate(raw)]
    names = [r.name for r in rules if r]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.add(f"{key}.rules", f"two rules are named {dup!r}", "give each rule its own name")
    return tuple(r for r in rules if r)


def _compile_rule(table: object, key: str, groups: set[str], problems: _Problems) -> Rule | None:
    if not isinstance(table, dict):
        problems.add(key, "must be a table", "write [[...rules]] entries")
        return None
    problems.unknown(key, table, _RULE_KEYS)
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.add(f"{key}.name", "missing", 'give each rule a name = "..." (it appears in every match)')
        name = key
    refs = {k: tuple(_strings(table.get(k, []), f"{key}.{k}", problems)) for k in ("all", "any", "none", "anchor", "not_title")}
    for k, names in refs.items():
        for g in names:
            if g not in groups:
                problems.add(f"{key}.{k}", f"unknown group {g!r}", "defined groups: " + ", ".join(sorted(groups)))
    if not refs["all"] and not refs["any"]:
        problems.add(key, "needs `all` or `any`", "name the groups that must hit")
    if table.get("sentences", 1) != 1 and (not refs["all"] or table.get("within", "article") in ("sentence", "statement", "article")):
        problems.add(f"{key}.sentences", "counts the sentences of a unit that hold every `all` group",
                     'give `all` groups and within = "paragraph", "field" or a number')
    return Rule(name=name, all=refs["all"], any=refs["any"], none=refs["none"], anchor=refs["anchor"],
                not_title=refs["not_title"],
                fields=_rule_fields(table.get("in", ["title", "body"]), key, problems),
                within=_within(table.get("within", "article"), key, problems),
                min_hits=_min_hits(table.get("min_hits", 1), key, problems),
                sentences=_min_hits(table.get("sentences", 1), key, problems, "sentences"),
                weight=_number(table, "weight", 1.0, key, problems), veto=_veto(table, key, problems))


def _rule_fields(value: object, key: str, problems: _Problems) -> tuple[str, ...]:
    names = _strings(value, f"{key}.in", problems)
    bad = [n for n in names if n not in FIELDS]
    if bad:
        problems.add(f"{key}.in", f"unknown field {bad[0]!r}", "use title, lead or body")
    return tuple(n for n in names if n in FIELDS) or ("title", "body")


def _within(value: object, key: str, problems: _Problems) -> str | int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if value in UNITS:
        return str(value)
    problems.add(f"{key}.within", f"got {value!r}", "use sentence, statement, paragraph, field, article or a number of characters")
    return "article"


def _min_hits(value: object, key: str, problems: _Problems, name: str = "min_hits") -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    problems.add(f"{key}.{name}", f"expected a whole number ≥ 1, got {value!r}")
    return 1


def _veto(table: dict, key: str, problems: _Problems) -> bool:
    value = table.get("veto", False)
    if not isinstance(value, bool):
        problems.add(f"{key}.veto", f"expected true or false, got {value!r}")
    return value is True


def load_topics(path: str | Path) -> dict[str, Topic]:
    """Read a TOML file whose [topics.NAME] tables define topics; compile each."""
    path = Path(path)
    try:
        text = places.read_capped(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}", hint="check the path") from None
    try:
        raw = tomllib.loads(text)
    except RecursionError:  # arrays nested ~1,000 deep
        raise ConfigError(f"{path}: not valid TOML: arrays or tables nested too deeply", hint=tomlsyntax.FIX) from None
    except tomllib.TOMLDecodeError as exc:
        why, hint = tomlsyntax.explain(text, str(exc))
        raise ConfigError(f"{path}: not valid TOML: {why}", hint=hint) from None
    problems = _Problems(str(path))
    problems.unknown("", raw, {"topics"})
    topics, tables = {}, raw.get("topics", {})
    for name, table in tables.items() if isinstance(tables, dict) else ():
        try:
            topics[name] = compile_topic(name, table, where=str(path))
        except ConfigError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ConfigError(problems[0] if len(problems) == 1 else f"{len(problems)} problems in {path}",
                          problems=list(problems))
    return topics


def default_topics_path() -> Path:
    """The bundled rules file (`monitor:topics/hu-ming.toml` in config includes)."""
    return Path(str(resources.files("monitor") / "data" / "topics" / "hu-ming.toml"))
