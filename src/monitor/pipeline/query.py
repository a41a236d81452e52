"""Search: a query → stored stories (or articles) with snippets cut from the original text.

In: a Context (or a Reader: a store and topic names), a query in the query language (`querylang`), filters, sort and paging. Out:
result dicts, one per story by default (its earliest matching article leads, the story's other
articles are its `reposts`) or one per article. Only the page shown is read in full: the
store hands matches over lazily in the order shown. Never prints.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator
from datetime import datetime
from itertools import islice
from typing import NamedTuple

from .. import querylang, snippets, textnorm
from ..errors import InputError
from ..querylang import AllOf, AnyOf, Not, Query
from ..store.search import Filters, Walk, WalkBudget
from .reading import Reading

SORTS = ("date", "relevance")
WALK_BUDGET = 5000  # rows a one-character search reads newest first before asking FTS5


class Page(NamedTuple):  # not a frozen dataclass: making one costs ~0.8 ms at every start (a search)
    """One page of results and whether more follow it."""

    results: list[dict]
    more: bool
    terms: list[str]
    upto: int = 0  # the last article id the pages of this search hold (the next page's `upto`)
    last: int | None = None  # by date, the article that placed the page's last result (the next page's `after`)


def parse_query(query: str) -> Query:
    """The query language's parse (QueryError names the place when invalid)."""
    return querylang.parse(query)


def check_topic(topic: str | None, names: Collection[str]) -> None:
    """InputError unless `topic` is None or one of `names`."""
    if topic and topic not in names:
        raise InputError(f"unknown topic {topic!r}", hint="known topics: " + ", ".join(names))


def search(ctx: Reading, query: str = "", *, topic: str | None = None, source: str | None = None,
           since: datetime | None = None, until: datetime | None = None, limit: int = 20, offset: int = 0,
           sort: str = "date", articles: bool = False) -> list[dict]:
    """Stored stories (or `articles`) for a query (all when empty), newest first or by relevance."""
    return search_page(ctx, query, topic=topic, source=source, since=since, until=until, limit=limit,
                       offset=offset, sort=sort, articles=articles).results


MOST_ROWS = 2**31 - 1


def headed(ctx: Reading, results: list[dict]) -> list[dict]:
    """Each story result headed by its story's title: a story whose lead was stored without a
    title (a wire's feed line, an imported line) takes its copies' (`models.headline`); the
    members are read for such stories alone. The web's lists and `monitor search`'s table."""
    blank = {r["story_id"] for r in results if r["reposts"] and not (r["title"] or "").strip()}
    if not blank:
        return results
    from ..models import headline  # for such a story alone: models is no part of a search's start

    members = ctx.store.story_members(blank)
    for r in results:
        if r["story_id"] in members:
            r["title"] = headline(r, members[r["story_id"]])
    return results


def cursor(last: int | None, offset: int) -> str | None:
    """Where the next page begins, as a link or `--after-id` says it: the article this page
    ended with and the offset the next page is asked at (`80411@40`): a cursor kept while the
    offset is edited (`--offset 60`, `page=4` typed into the address) is then known to be another
    page's, whose rows it would show under the page asked for."""
    return None if last is None else f"{last}@{offset}"


def read_cursor(text: str) -> tuple[int, int | None] | None:
    """A `cursor` (or a bare article id, as pages before it said: trusted as it was) → (article
    id, the offset it was given for or None); None when it is neither."""
    ident, at, offset = text.strip().partition("@")
    if not ident.isascii() or not ident.isdigit() or (at and not (offset.isascii() and offset.isdigit())):
        return None
    if len(ident) > 18 or len(offset) > 18:  # past SQLite's integers: no article
        return None
    return int(ident), int(offset) if at else None


def search_page(ctx: Reading, query: str = "", *, topic: str | None = None, source: str | None = None,
                since: datetime | None = None, until: datetime | None = None, limit: int = 20, offset: int = 0,
                sort: str = "date", articles: bool = False, upto: int | None = None, after: int | None = None,
                after_at: int | None = None) -> Page:
    """Like `search`, plus whether another page follows (`limit` 0: everything). `upto`: only the
    articles stored by the time an earlier page was read (its `Page.upto`), so that articles
    stored since do not shift the pages (`--offset` alone moves with every new article).
    `after`: the page before `offset` ended with this article (its `Page.last`): by date, the
    page is read from there, not by counting `offset` results from the first (page 5,000 of
    everything cost ~100 ms at 200,000 articles); a stored article only, else `offset` is counted.
    `after_at`: the offset the cursor was given for (`read_cursor`); another one (an edited offset
    or page number) has the page counted, as a cursor of another search does."""
    if after_at is not None and after_at != offset:
        after = None
    q, filters, page, more, skip, upto = _chosen(ctx, query, topic, source, since, until, limit, offset, sort,
                                                 articles, upto, after)
    return Page(_results(ctx, q, filters, page, articles, skip), more, q.terms(), upto,
                page[-1][0] if page and sort == "date" else None)


BATCH = 500  # results read in full at a time by `search_rows`


def search_rows(ctx: Reading, query: str = "", *, topic: str | None = None, source: str | None = None,
                since: datetime | None = None, until: datetime | None = None, limit: int = 20, offset: int = 0,
                sort: str = "date", articles: bool = False, upto: int | None = None,
                after: int | None = None, after_at: int | None = None) -> Iterator[dict]:
    """`search_page`'s results one by one, read BATCH at a time: an export of 50,000 rows holds
    their ids and one batch's rows (bodies, reposts, snippets), not every row at once, and its
    first rows are written while the rest are read."""
    if after_at is not None and after_at != offset:
        after = None
    q, filters, page, _, skip, _ = _chosen(ctx, query, topic, source, since, until, limit, offset, sort, articles,
                                           upto, after)
    for start in range(0, len(page), BATCH):
        yield from _results(ctx, q, filters, page[start:start + BATCH], articles, skip)


def _chosen(ctx: Reading, query: str, topic: str | None, source: str | None, since: datetime | None,
            until: datetime | None, limit: int, offset: int, sort: str, articles: bool, upto: int | None,
            after: int | None = None) -> tuple[Query, Filters, list[tuple[int, int]], bool, frozenset[str], int]:
    """The query, filters, (article, story) pairs of the page, whether more follow, the common
    tokens left to the check, and the last article id the page holds."""
    check_topic(topic, ctx.topic_names)
    if sort not in SORTS:
        raise InputError(f"unknown sort {sort!r}", hint="use date or relevance")
    q = querylang.parse(query)
    last = ctx.store.last_article_id()
    if upto is not None and upto >= last:
        upto = None  # nothing stored since: the filter would only cost (a topic's own index is read alone)
    filters = Filters(topic=topic, source=source, since=since, until=until, upto=upto)
    # a page: a checked term's common tokens cost more than they narrow (the check decides)
    skip = ctx.store.common_tokens(groups) if limit and (groups := querylang.checked_tokens(q)) \
        else frozenset[str]()
    # a next page by date read from where the last ended (`after`), not counted from the first
    before = _cursor(ctx, q, filters, skip, after) if after is not None and offset and sort == "date" else None
    if before is not None:
        offset, filters = 0, filters._replace(before=before)
    # one more tells whether a next page exists; past MOST_ROWS (a C int, as SQLite reads rows) a
    # page is empty: no store holds that many stories
    want = None if limit == 0 else min(offset + limit + 1, MOST_ROWS)
    at = _at_address(ctx, query, filters)  # an article's address pasted as the query: that article
    pairs = iter(at) if at else _ordered(ctx, q, filters, sort, want, skip)
    if before is not None and not articles and not at:
        pairs = _unshown(ctx, q, filters, pairs, skip, want)
    chosen = list(islice(pairs, want)) if articles else _fold(pairs, want)
    page = chosen[offset:offset + limit] if limit else chosen[offset:]
    more = limit > 0 and len(chosen) > offset + limit
    return q, filters._replace(before=None), page, more, skip, last if upto is None else upto


def _cursor(ctx: Reading, q: Query, filters: Filters, skip: frozenset[str], after: int) -> tuple[str, int] | None:
    """Where a page read from `after` begins (its date and id), when `after` is a stored article
    this search finds within its filters, as the one that ended the page before is; None (the
    page is counted from the first) for a cursor of another search (a link whose words were
    edited, an `--after-id` copied from another search), of an article since deleted, or of one
    stored after the pinned state: read from there, the page showed another search's rows."""
    key = ctx.store.sort_key(after)
    if key is None or (filters.upto is not None and after > filters.upto):
        return None
    return key if after in _matcher(ctx, q, filters, skip)([after]) else None


def _at_address(ctx: Reading, query: str, filters: Filters) -> list[tuple[int, int]]:
    """The article stored at the address that is the whole query (as a browser or an export
    shows it), within the filters; [] when the query is not one address or none is stored
    there (the address is then searched for as text). The address's common canonical forms
    are looked up first; dedup's own rules (tracking parameters, encodings) only when they
    find nothing: importing them costs ~50 ms."""
    text = query.strip()
    if not text.lower().startswith(("http://", "https://")) or any(c.isspace() for c in text):
        return []
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else "")
    except ValueError:
        return []
    query_part = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    path = parts.path or "/"
    forms = {urlunsplit(("http", host, p, query_part, "")) for p in (path, path.rstrip("/") or "/", path + "/")}
    if found := ctx.store.at_addresses(forms | {text}, filters):
        return found
    from ..dedup import canonical_url

    return ctx.store.at_addresses([canonical_url(text)], filters)


def _ordered(ctx: Reading, q: Query, filters: Filters, sort: str, want: int | None,
             skip: frozenset[str]) -> Iterator[tuple[int, int]]:
    """(article id, story id) of the matches in the order shown."""
    titled = q.in_title().root
    if sort == "date" or q.root is None or titled is None:
        yield from _matching(ctx, q, filters, want, skip)
        return
    first = _title_first(q, titled)  # title hits weigh more
    seen = set()
    for pair in _matching(ctx, first, filters, want, skip):
        seen.add(pair[0])
        yield pair
    yield from (p for p in _matching(ctx, q, filters, want, skip) if p[0] not in seen)


def _title_first(q: Query, titled: querylang.Node) -> Query:
    """Relevance's first pass: the articles the query finds with its terms in their titles. A
    title holding the terms is an article holding them, so unless an exclusion sits inside the
    positive part (`(上海 -发展) OR 三明`, which `titled` drops), the pass asks the title's terms and
    the query's exclusions only, not the body's terms besides: nine common words ANDed at 1M,
    ~45 ms for FTS5 to read eighteen lists (five for the nine title tokens)."""
    assert q.root is not None
    parts = q.root.parts if isinstance(q.root, AllOf) else (q.root,)
    negs = tuple(p for p in parts if isinstance(p, Not))
    if any(_negates(p) for p in parts if not isinstance(p, Not)):
        return Query(q.text, AllOf((q.root, titled)))
    return Query(q.text, AllOf((titled, *negs)) if negs else titled)


def _negates(node: querylang.Node) -> bool:
    """Whether an exclusion sits anywhere inside `node`."""
    return isinstance(node, Not) or (isinstance(node, (AllOf, AnyOf)) and any(_negates(p) for p in node.parts))


def _matching(ctx: Reading, q: Query, filters: Filters, want: int | None,
              skip: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The matches newest first. A one-character term is a prefix query for FTS5, costly on a
    large index whatever the page: walk the date index instead, rows filtered by `instr` on
    the characters that normalise to it, and only when that reads too many rows (a rare
    character) fall back to FTS5, skipping what the walk already handed over (same order)."""
    plan = querylang.plan(q, skip=skip)
    check = None if plan.exact else _checker(q)
    fast = querylang.plan(q, prefix=False, skip=skip)
    if want is None or fast == plan:
        # an exclusion alone: rows holding it verbatim are surely out, the query's own test decides the rest
        absent = (out, _checker(q)) if plan.match is None and plan.exclude is not None and (out := q.surely_out()) else None
        yield from ctx.store.matching(plan.match, plan.exclude, filters, check=check, want=want, absent=absent)
        return
    walk = Walk(contains=q.required_chars(), budget=WALK_BUDGET)
    given = 0
    try:
        walk_check = None if q.instr_exact() else _checker(q)
        for pair in ctx.store.matching(fast.match, fast.exclude, filters, check=walk_check, walk=walk, want=want):
            given += 1
            yield pair
        return
    except WalkBudget:
        pass
    yield from islice(ctx.store.matching(plan.match, plan.exclude, filters, check=check, want=want), given, None)


REJECT_AFTER = 32  # candidates normalised before the cheap rejection is built (~2-6 ms: ~70 candidates)


@functools.lru_cache(maxsize=16)
def _checker(q: Query) -> Callable[[str, str], bool]:
    """The exact test, over stored title and body: what FTS5 could not say exactly. Normalising
    a body costs far more than the test, so terms found verbatim settle it first, and past
    REJECT_AFTER candidates (a loose FTS5 expression) a term's characters absent in sequence
    from the original (`Query.reject_test`). One per query (the page's leads are checked by it
    too), and REJECT_AFTER counts its candidates however many strategies ask it."""
    literal = q.literal_test()
    seen, reject = 0, None

    def check(title: str, body: str) -> bool:
        nonlocal seen, reject
        if literal is not None and literal(title, body):
            return True
        seen += 1
        if seen == REJECT_AFTER:
            reject = q.reject_test()
        if reject is not None and reject(title, body):
            return False
        return q.accepts(textnorm.normalize(title), textnorm.normalize(body))
    return check


def _fold(pairs: Iterator[tuple[int, int]], want: int | None) -> list[tuple[int, int]]:
    """One pair per story, at the place of its first (newest or most relevant) article."""
    seen: dict[int, int] = {}
    for article_id, story_id in pairs:
        seen.setdefault(story_id, article_id)
        if want is not None and len(seen) >= want:
            break
    return [(a, s) for s, a in seen.items()]


def _results(ctx: Reading, q: Query, filters: Filters, page: list[tuple[int, int]], articles: bool,
             skip: frozenset[str]) -> list[dict]:
    """Full rows, reposts and snippets, for the page only."""
    members = ctx.store.story_members({s for _, s in page})
    placed = {s: a for a, s in page}  # the article that placed each story: its newest (or most relevant) match
    if not articles:
        page = _leads(ctx, q, filters, page, members, skip)
    terms = q.terms()
    out = []
    for r in ctx.store.article_rows([a for a, _ in page]):
        others = [m for m in members.get(r["story_id"], []) if m["id"] != r["id"]]
        # a story led by its earliest match but placed by a later one (an old story copied again):
        # that copy's date, which the page shows so the order by date reads as one
        placer = next((m["date"] for m in others if m["id"] == placed.get(r["story_id"])), None)
        out.append({"id": r["id"], "title": r["title"], "url": r["url"], "source": r["source"],
                    "published": r["published"], "fetched": r["fetched_at"], "topics": r["topics"],
                    "story_id": r["story_id"],
                    "reposts": [{"id": m["id"], "url": m["url"], "source": m["source"], "published": m["published"]}
                                for m in others],
                    "snippet": _snippet(ctx, r, terms), "terms": terms, "placed": placer})
    return out


def _leads(ctx: Reading, q: Query, filters: Filters, page: list[tuple[int, int]],
           members: dict[int, list[dict]], skip: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Each story shown is led by its earliest matching article: each story's earliest member
    asked first, then its next four, then the rest, for the stories still without a lead (a
    repost usually matches as its original does: ~20 members asked instead of every member of
    every story, whose bodies a checked term reads)."""
    matching = _matcher(ctx, q, filters, skip)
    lead = {s: a for a, s in page if len(members.get(s, [])) <= 1}
    asked = dict.fromkeys((s for _, s in page), 0)
    for size in (1, 4, None):
        chunk: dict[int, list[int]] = {}
        for story, start in asked.items():
            if story not in lead:
                ids = [m["id"] for m in members[story]]
                end = len(ids) if size is None else start + size
                chunk[story], asked[story] = ids[start:end], end
        if not any(chunk.values()):
            break
        ok = matching([i for ids in chunk.values() for i in ids])
        for story, ids in chunk.items():
            if (first := next((i for i in ids if i in ok), None)) is not None:
                lead[story] = first
    return [(lead.get(s, a), s) for a, s in page]


TOKENS_PER_ROW = 2  # `_matcher`: fewer articles than an FTS5 expression's tokens / this are tested over their text


def _matcher(ctx: Reading, q: Query, filters: Filters, skip: frozenset[str]) -> Callable[[list[int]], set[int]]:
    """Which of some articles' ids match the query within the filters."""
    plan, fast = querylang.plan(q, skip=skip), querylang.plan(q, prefix=False, skip=skip)
    tokens = sum(e.count('"') // 2 for e in (plan.match, plan.exclude) if e)

    def matching(ids: list[int]) -> set[int]:
        if len(ids) * TOKENS_PER_ROW < tokens:
            # few articles, an expression of many tokens (an OR of 60 words: FTS5 seeks each token in
            # each segment of the index, ~4 ms a statement at 200,000 articles, ~9 at 1M, however few
            # rows it is asked of): the exact test over their text (~0.1 ms an article) says it
            return ctx.store.select_matching(ids, None, None, filters, _checker(q))
        if fast == plan:
            return ctx.store.select_matching(ids, plan.match, plan.exclude, filters,
                                             None if plan.exact else _checker(q))
        # as the walk tests them: a prefix query for a character costs ~100 ms on a large index
        return ctx.store.select_matching(ids, fast.match, fast.exclude, filters,
                                         None if q.instr_exact() else _checker(q), contains=q.required_chars())
    return matching


def _unshown(ctx: Reading, q: Query, filters: Filters, pairs: Iterator[tuple[int, int]],
             skip: frozenset[str], want: int | None) -> Iterator[tuple[int, int]]:
    """The pairs of stories not shown on an earlier page: a story is placed by its newest match,
    and one with a match at or before where this page begins (`filters.before`, newest first)
    was placed there. Its members newer than that are asked, a slice of stories at a time
    (the page's first, then growing)."""
    before = filters.before
    assert before is not None
    matching = _matcher(ctx, q, filters._replace(before=None), skip)
    shown: dict[int, bool] = {}
    size = want or 64
    while chunk := list(islice(pairs, size)):
        if new := {s for _, s in chunk if s not in shown}:
            newer = ctx.store.members_placed_before(new, before)
            placed = {newer[i] for i in matching(list(newer))} if newer else set()
            shown.update((s, s in placed) for s in new)
        yield from (p for p in chunk if not shown[p[1]])
        size = min(size * 2, 512)


def _snippet(ctx: Reading, row: dict, terms: list[str]) -> str:
    body = row["body"] or ""
    first = snippets.first_span(body, terms) if terms else None
    spans = [first] if first else []
    if not spans:
        spans = ctx.store.hit_spans(row["id"], row["topics"], "body")
    return snippets.cut(body, spans)
