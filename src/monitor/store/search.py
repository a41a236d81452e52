"""Search: FTS5 over textnorm's bigram tokens, read in the order results are shown.

In: FTS5 expressions (a match and an exclusion, from `querylang.plan`), filters and, when the
expressions are not exact, a check over the normalised title and body. Out: (article id,
story id) pairs newest first, produced lazily, so a page of 20 reads about 20 rows' worth.

Three strategies, switched by the match count:
- few matches: every matching rowid from FTS5, sorted by date through a covering index on
  (id, date) that never touches the article rows (their bodies overflow into extra pages);
- some thousands: one statement walks the (date, id) index (or a topic's own) newest first
  inside SQLite, keeping the rows whose id is in the set of FTS matches SQLite builds once;
- many matches: walk a covering index on (date, id) newest first, in growing chunks, and ask
  FTS5 which ids of the chunk match with rowid-range queries over the chunk's id clusters.
Rows are read in full only for the page shown (and for the check, when one is needed).
Snippets are cut from the original text in Python, never by FTS5.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice, pairwise
from typing import Any, NamedTuple

from ..errors import StoreError
from ..outlets import shown_url
from .base import StoreBase, iso

KEY = "coalesce(published, fetched_at)"  # the date results are sorted by (indexed as this expression)
BY_DATE = "articles_by_date"
BY_ID = "articles_id_date"
BY_SOURCE = "articles_by_source"  # (source, date, id): one source's articles newest first
TOPIC_BY_DATE = "article_topics_by_date"  # (topic, date, article_id): a topic's articles newest first
RARE = 3000  # fewer FTS matches than this: sort them all; more: walk the date index
COMMON = 4  # a checked term's token with this many times the matches of its rarest: not asked of FTS5
COMMON_SAMPLE = 500  # the matches counted to tell a common token (their cost grows with the count)
TOPIC_RARE = 20000  # inside a topic: fewer (estimated) FTS matches than this: sort the topic's part ...
TOPIC_WALK = 320  # ... after walking this many of the topic's newest rows (2 slices) without filling a page
GAP = 4096  # ids further apart than this are asked of FTS5 in separate rowid ranges
MAX_SLICE = 8192  # rows a walk reads at once at most
SPARSE = 2  # a rowid range this many times wider than its ids: SQLite keeps only them (`+rowid IN`)
APART = 8  # an exclusion alone: a slice's ids over a range this many times wider are not asked of SQLite (`_left`)
AMONG_SLICE = 1024  # a match's walk: slices this long (a deep page) keep their matches inside SQLite (`_left`) ...
AMONG_DENSITY = 0.5  # ... when the match is in at most this share of the articles
ABSENT_APART = 16  # an exclusion alone, a slice's ids over a range this many times wider: verbatim holders dropped (`_lacking`)
LONE_WALK = 16384  # an exclusion alone walked this far for less than a page: asked of SQLite at once (`_outside`)
LONG_WALK = 8192  # a walk (no topic) this long asks how dense the matches are among the newest rows ...
ROWS_PER_MATCH = 3  # ... and reads at most this many rows per match so estimated, then sorts them
JOIN_SPREAD = 2  # a joined walk when the (estimated) matches squared are at least this many times the articles ...
TOPIC_JOIN_SPREAD = 20  # ... inside a topic this many (sorting inside a topic costs ~0.35 µs a match, not ~3)
JOIN_MOST = 20000  # ... and no more than this many (SQLite holds them all in a set)
JOIN_ROWS = 16  # a joined walk reads at most this many rows per match before sorting takes over
MANY_TERMS = 3  # an expression of this many terms: its matches counted from the newest ...
PROBE = 64  # ... this many first (`_fts_probed`); walked (past them) when the rows a page of PAGE
PAGE = 20  # matches lies in, at their density, are at most 1 / WALK_OVER_COUNT of the rows below them:
WALK_OVER_COUNT = 20  # FTS5 reads those for ~0.04-0.1 µs a row, a walk ~0.8 µs, a page's worth
_TERM = re.compile(r'\([^()]*"[^()]*\)')  # a term of an FTS5 expression: its tokens in parentheses (no parenthesis in a token)

Check = Callable[[str, str], bool]  # (title, body) as stored → accepted
Contains = tuple[tuple[tuple[str, ...], bool], ...]  # per group: characters (one must be there), title only
Absent = tuple[tuple[str, bool], ...]  # (text, title only): a row holding one verbatim is surely excluded


class Filters(NamedTuple):  # not a frozen dataclass: making one costs ~0.8 ms at every start (a search)
    """What narrows a search besides the text."""

    topic: str | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    upto: int | None = None  # only articles stored by then (ids up to this): pages that stay put
    before: tuple[str, int] | None = None  # only articles after this (date, id) in the order shown: a next page


class Walk(NamedTuple):  # as Filters
    """Walk the date index even for few matches: `contains` lists (characters, title only)
    of which each row must contain one (instr, before any check); past `budget` rows read
    (with `contains`, the rows themselves), give up with `WalkBudget`."""

    contains: Contains = ()
    budget: int | None = None
    density: float | None = None  # the match's share of all articles, when known (`_fts_among`)
    recheck: bool = False  # past LONG_WALK rows, set a budget from the matches among the newest rows
    joined: bool = False  # SQLite walks the index itself, against the set of FTS matches (`_joined`)
    sized: bool = False  # the first slice as long as `density` says a page takes (an expression of many tokens)
    known: tuple[int, int, frozenset[int]] | None = None  # (lo, hi, every match of ids lo..hi): asked already
    lone: bool = False  # an exclusion alone, the strategy the store's own: it may give up (`_outside`)
    absent: tuple[Absent, Check] | None = None  # an exclusion alone inside a topic or source: `_lacking`, then the test


class WalkBudget(Exception):
    """A walk read its budget of rows: the caller takes another strategy."""


class SearchPart(StoreBase):
    """Queries over `articles_fts` and the date indexes."""

    topics_of: Callable[[Iterable[int]], dict[int, list[str]]]  # from MatchesPart, mixed in beside this one

    def matching(self, match: str | None, exclude: str | None, filters: Filters, *,
                 check: Check | None = None, want: int | None = 20, walk: Walk | None = None,
                 absent: tuple[Absent, Check] | None = None) -> Iterator[tuple[int, int]]:
        """(article id, story id) of every article matching, newest first. `want` is how many
        the caller expects to take (None: all); it only chooses the strategy. With `walk`, the
        date index is walked whatever the count, and `WalkBudget` is raised past its budget.
        `absent`: texts of an exclusion alone that a row holding verbatim (in its title, or body
        unless title only) the query surely excludes (`querylang.Query.surely_out`), with the
        query's own test (`accepts` over the normalised texts) for the rows holding none."""
        try:
            own = walk is None  # the strategy is ours to choose (and a budget ours to handle)
            if own and match is None and exclude is not None and absent and (filters.topic or filters.source):
                walk = Walk(lone=True, absent=absent)
            if walk is None and match is not None and exclude is not None:
                # FTS5 subtracts the exclusion as it reads the match's list: the strategy is chosen by
                # what is left, not by the match alone (上海 -发展 at 200,000: nothing left, where the
                # walk read every row to exclude each: 254 ms -> ~15)
                match, exclude = self._without(match, exclude), None
            if walk is None and match is not None:
                walk, few = self._strategy(match, filters, want) if want is not None else (None, None)
                if walk is None:
                    yield from self._sorted(match, exclude, filters, check, few)
                    return
            given = 0
            try:
                walker = self._joined if walk is not None and walk.joined else self._walk
                for pair in walker(match, exclude, filters, check, walk or Walk(lone=match is None), want):
                    given += 1
                    yield pair
            except WalkBudget:
                if not own or (match is None and exclude is None):
                    raise
                # the same matches in the same order: hand over those the walk has not
                rest = self._sorted(match, exclude, filters, check) if match is not None else \
                    self._outside(exclude or "", filters, check)
                yield from islice(rest, given, None)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}", hint="simplify the query") from None

    def select_matching(self, ids: Iterable[int], match: str | None, exclude: str | None, filters: Filters,
                        check: Check | None = None, contains: Contains = ()) -> set[int]:
        """Which of `ids` match (for the lead article of a story shown); `contains` as `Walk` has it."""
        where, params = _where(filters)
        rows = self._in_chunks(f"SELECT id, story_id FROM articles INDEXED BY {BY_ID} WHERE {where} AND id IN ({{marks}})",
                               ids, params)
        chunk = [(r["id"], r["story_id"]) for r in rows]
        if contains and chunk:
            chunk = self._containing(chunk, contains)
        return {i for i, _ in self._keep(chunk, match, exclude, check)}

    def search(self, terms: list[str], *, topic: str | None = None, source: str | None = None,
               since: datetime | None = None, limit: int = 20, exclude: list[str] | None = None) -> list[dict]:
        """Articles containing every term (none of `exclude`), newest first, with their topics.
        (A plain form for benchmarks and tests; `pipeline.query` parses the query language.)"""
        from .. import querylang, textnorm

        parts: list[querylang.Node] = [querylang.Term(t, textnorm.normalize(t)) for t in terms]
        parts += [querylang.Not(querylang.Term(t, textnorm.normalize(t))) for t in exclude or []]
        query = querylang.Query(" ".join(terms), querylang.AllOf(tuple(parts)) if parts else None)
        plan = querylang.plan(query)
        check = None if plan.exact else (lambda title, body: query.accepts(textnorm.normalize(title),
                                                                         textnorm.normalize(body)))
        pairs = self.matching(plan.match, plan.exclude, Filters(topic=topic, source=source, since=since),
                              check=check, want=limit)
        ids = [i for i, _ in _take(pairs, limit)]
        return self.article_rows(ids)

    def at_addresses(self, canonical_urls: Iterable[str], filters: Filters) -> list[tuple[int, int]]:
        """(article id, story id) of the articles stored at these canonical URLs, within the
        filters, newest first (an address pasted as the query)."""
        where, params = _where(filters)
        rows = self._in_chunks(f"SELECT id, story_id, {KEY} AS date FROM articles WHERE {where} "
                               f"AND canonical_url IN ({{marks}})", canonical_urls, params)
        return [(r["id"], r["story_id"]) for r in sorted(rows, key=lambda r: (r["date"] or "", r["id"]), reverse=True)]

    def sort_key(self, article_id: int) -> tuple[str, int] | None:
        """The (date, id) an article is sorted by (newest first), None when it is not stored:
        where a next page begins (`Filters.before`)."""
        row = self.conn.execute(f"SELECT {KEY} FROM articles INDEXED BY {BY_ID} WHERE id = ?", [article_id]).fetchone()
        return None if row is None or row[0] is None else (row[0], article_id)

    def article_rows(self, ids: list[int]) -> list[dict]:
        """Full rows of these articles, in the order given, each with its matched `topics`."""
        rows = {r["id"]: r for r in self._in_chunks("SELECT * FROM articles WHERE id IN ({marks})", ids)}
        topics = self.topics_of(ids)
        out = []
        for i in ids:
            if i in rows:
                rows[i]["topics"] = topics[i]
                rows[i]["url"] = shown_url(rows[i]["url"])  # shown: a link stored before 12fec96 may keep user:pass@
                out.append(rows[i])
        return out

    def story_members(self, story_ids: Iterable[int]) -> dict[int, list[dict]]:
        """Per story: its articles (id, url, source, title, published, date), earliest first.
        The dates come from the (id, date) index: in the row they sit past the body."""
        out: dict[int, list[dict]] = {}
        for r in self._in_chunks(
                f"SELECT a.id, a.story_id, a.url, a.source, a.title, d.published, "
                f"coalesce(d.published, d.fetched_at) AS date FROM articles a "
                f"JOIN articles d INDEXED BY {BY_ID} ON d.id = a.id WHERE a.story_id IN ({{marks}}) "
                f"ORDER BY date, a.id", story_ids):
            r["url"] = shown_url(r["url"])
            out.setdefault(r["story_id"], []).append(r)
        return out

    def members_placed_before(self, story_ids: Iterable[int], before: tuple[str, int]) -> dict[int, int]:
        """Of these stories, the articles at or before `before` in the order shown (newer, or as
        new and of a higher id): article id → story id. From the story and (id, date) indexes,
        never the rows."""
        rows = self._in_chunks(
            f"SELECT a.id, a.story_id FROM articles a JOIN articles d INDEXED BY {BY_ID} ON d.id = a.id "
            f"WHERE coalesce(d.published, d.fetched_at) >= ? AND NOT (coalesce(d.published, d.fetched_at) = ? "
            f"AND a.id < ?) AND a.story_id IN ({{marks}})", story_ids, [before[0], *before])
        return {r["id"]: r["story_id"] for r in rows}

    # -- strategies ------------------------------------------------------------------------------

    def _strategy(self, match: str, filters: Filters, want: int) -> tuple[Walk | None, str | None]:
        """Sort every FTS match (None: few) or walk newest first (a Walk); with the matches
        when counting found them all (a JSON list of their ids: sorting them need not ask FTS5
        again, which for an expression that reads long lists to keep few rows, `发展 -企业 -合作`,
        was the search's cost a second time). Counted matches no more than the `want` taken are
        sorted whatever else holds. A walk reads about
        `want` × articles / matches rows (inside a topic, of the topic's own rows: the same
        for a term independent of the topic), fewer when matches crowd the newest rows.
        Without a topic, sorting looks each match up in the (id, date) index: up to RARE
        matches. Inside one, sorting looks the matches up in the topic verdicts' primary key,
        in rowid order (~0.2 µs each, against ~4 µs per row walked): up to TOPIC_RARE, an
        estimate from where the RARE-th match lies. Even then the topic's newest TOPIC_WALK
        rows are walked first: when the term goes with the topic they hold a page, which
        costs less than sorting them all (counting how many of the matches the topic holds
        cost 3-7 ms at 1M); when they do not, the sorting goes on from there. Fewer matches
        than those rows are sorted at once, and so are matches counting found every one of
        (fewer than RARE: their ids in hand). A walk without a topic that has read LONG_WALK
        rows may give up, the sorting going on from there (`_walk`).

        Between those, SQLite walks the index itself against the set of matches it builds once
        (`_joined`: roughly 0.15-0.3 µs a row walked or a match held, against ~3 µs a match
        sorted and ~0.7 µs a row fetched into Python, FTS5 asked per slice besides): when the
        matches are many enough that a page lies near the top (squared, at least JOIN_SPREAD
        times the articles: the rows to a page, ~want × articles / matches, are then at most
        ~want / JOIN_SPREAD per match) and few enough to hold (JOIN_MOST). It reads at most
        JOIN_ROWS rows per match, about what sorting them would cost, then the sorting goes on
        from there (matches crowded in older rows).

        An expression of MANY_TERMS terms or more may read long lists to find few matches
        (nine common words ANDed: FTS5 reads all nine lists, ~100 ms at 1M): its matches are
        counted from the newest (`_fts_probed`), and past RARE it is walked, never joined
        (the set SQLite builds is every match: all the lists read)."""
        many = len(set(_TERM.findall(match))) >= MANY_TERMS and "*" not in match  # a word's tokens go together
        estimate, few, known = self._fts_probed(match) if many else (*self._fts_counted(match), None)
        if few is not None and estimate <= want:
            # every match is taken (a deep page: 三明 by relevance, page 200, whose ~1,000 title matches
            # come first): sorted at once, where a walk read the whole archive for them, or a joined
            # walk gave up at its budget to sort them all the same
            return None, few
        top = self.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 1
        in_topic = filters.topic and estimate < TOPIC_RARE  # no fewer matches than rows the walk would read
        if in_topic and (few is not None or not (TOPIC_WALK and estimate > TOPIC_WALK)):
            # every match counted (their ids in hand): looking their verdicts up costs less than a walk
            # asking FTS5 again over the topic's rows, which lie apart (nine common words ANDed at
            # 100,000 articles, ~360 matches: the walk's statement read the nine lists over every
            # rowid, ~10 ms, and the matches were then sorted all the same)
            return None, few
        if not many and 0 < estimate <= JOIN_MOST \
                and estimate * estimate >= (TOPIC_JOIN_SPREAD if filters.topic else JOIN_SPREAD) * top:
            rows = int(JOIN_ROWS * estimate) + 1
            return Walk(budget=rows if rows < top else None, joined=True), None
        if in_topic:
            budget: int | None = TOPIC_WALK
        elif few is not None:  # all counted: fewer than RARE
            return None, few
        else:
            budget = None
        return Walk(budget=budget, density=min(estimate / top, 1.0), recheck=not filters.topic, sized=many,
                    known=known), None

    def common_tokens(self, groups: list[list[str]]) -> frozenset[str]:
        """Of each group (a checked term's tokens), those with over COMMON times the matches of
        the group's rarest: ANDing them costs reading their long lists and narrows little
        (合作 in 对口合作 at 1M: 11 -> 1 ms); the check finds the same articles without them. The
        counts are estimated from COMMON_SAMPLE matches, not RARE: at 1M a token cost ~0.45 ms
        counted to 3,000, ~0.12 to 500, and a fourfold difference shows either way.
        When the rarest alone leaves more than RARE candidates, a token in fewer than a COMMON-th
        of the articles still narrows them COMMON-fold and is asked: checking a candidate (its
        row read, expressions over it, the rows walked to it: ~20-40 µs) costs far more than FTS5
        reading a match (~0.05 µs). 发展企业合作 at 1M: 展企 (18 % of the articles) was left out
        for being over 4x 业合 (4.3 %), and ~700 candidates were checked for a page where ~100 are."""
        skip: set[str] = set()
        top = _top(self)
        for tokens in groups:
            counts = {t: self._fts_estimate(f'"{t}"', sample=COMMON_SAMPLE) for t in tokens}
            least = min(counts.values())
            skip.update(t for t, n in counts.items()
                        if n > COMMON * max(least, 1) and (least <= RARE or n * COMMON > top))
        return frozenset(skip)

    def _without(self, match: str, exclude: str) -> str:
        """`match` less `exclude` as one FTS5 expression: each of the exclusion's alternatives its
        own NOT, commonest first. FTS5 seeks a NOT's right side for every row its left side gives:
        `(上海) NOT (发展 OR 企业)` merged two lists of ~every article to be sought (42 ms at 1M),
        where `(上海) NOT (发展) NOT (企业)` seeks 企业 only for what 发展 left (24 ms); a
        rarer alternative first leaves more to seek the commoner ones for (~4 ms)."""
        parts = _alternatives(exclude)
        if len(parts) > 1:
            counts = {e: self._fts_estimate(e, sample=COMMON_SAMPLE) for e in parts}
            parts.sort(key=lambda e: -counts[e])
        return f"({match})" + "".join(f" NOT ({e})" for e in parts)

    def _fts_estimate(self, expr: str, newest: bool = False, sample: int | None = None) -> float:
        """The number of FTS matches: counted up to `sample` (RARE), past it estimated from the
        rowid of the last counted (rowids run from 1 to the newest article's id, matches spread
        among them), counting from the oldest rowid or, with `newest`, from the newest."""
        sample = RARE if sample is None else sample
        sql = ("SELECT count(*), max(rowid), min(rowid) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
               f"{' ORDER BY rowid DESC' if newest else ''} LIMIT ?)")
        count, last, first = self.conn.execute(sql, [expr, sample]).fetchone()
        if count < sample:
            return count
        top = max(self.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or last, last)
        return count * top / (top - first + 1 if newest else last)

    def _fts_counted(self, expr: str) -> tuple[float, str | None]:
        """`_fts_estimate(expr)`, and when fewer than RARE match, their ids (a JSON list, made
        in SQLite beside the count: no row handed to Python); else None."""
        sql = ("SELECT count(*), max(rowid), json_group_array(rowid) FROM "
               "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)")
        count, last, ids = self.conn.execute(sql, [expr, RARE]).fetchone()
        if count < RARE:
            return count, ids
        top = max(self.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or last, last)
        return count * top / last, None

    def _fts_probed(self, expr: str) -> tuple[float, str | None, tuple[int, int, frozenset[int]] | None]:
        """`_fts_counted(expr)`, its matches counted from the newest: the newest PROBE first; when
        they lie close enough together that RARE would lie in fewer rows than the articles, the
        estimate from them (FTS5 read the lists over those rows only: nine common words ANDed,
        ~3,700 matches at 1M, ~2 ms where counting 3,000 from the oldest read 80 % of the lists);
        else the rest counted below them, each list read once either way. Even with fewer than
        RARE, when a page's walk at the probe's density reads far fewer rows than counting the
        rest would (nine common words ANDed at 200,000 articles, ~740 matches: counting read the
        nine lists to the end, 20 ms), the estimate: a walk, handed the probe's matches (`Walk.known`:
        every match of the ids from the probe's lowest to the newest, which a page's first slice
        mostly lies in: each statement of an OR of 60 words cost ~6 ms at 200,000 articles)."""
        sql = ("SELECT count(*), min(rowid), json_group_array(rowid) FROM (SELECT rowid FROM articles_fts "
               "WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)")
        count, low, ids = self.conn.execute(sql, [expr, PROBE]).fetchone()
        if count < PROBE:
            return count, ids, None
        top = max(self.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or low, low)
        span = top - low + 1  # the newest rows the probe's matches lie in
        if count * top / span >= RARE or WALK_OVER_COUNT * PAGE * span / count <= top - span:
            # many, or a page's walk far shorter than counting the rest (`top`: no later article is among
            # those the probe saw, whatever is stored meanwhile)
            return count * top / span, None, (low, top, frozenset(int(i) for i in ids[1:-1].split(",")))
        sql = ("SELECT count(*), max(rowid), json_group_array(rowid) FROM (SELECT rowid FROM articles_fts "
               "WHERE articles_fts MATCH ? AND rowid < ? LIMIT ?)")
        more, last, rest = self.conn.execute(sql, [expr, low, RARE - count]).fetchone()
        if count + more < RARE:
            return count + more, ids if not more else f"{ids[:-1]},{rest[1:]}", None
        return (count + more) * top / (last + top - low + 1), None, None

    def _sorted(self, match: str, exclude: str | None, filters: Filters,
                check: Check | None, few: str | None = None) -> Iterator[tuple[int, int]]:
        """Few matches: all of them, sorted (inside a topic, by the topic's verdicts). `few`:
        their ids already found (`_fts_counted`), else FTS5 is asked."""
        sort = self._sorted_in_topic if filters.topic else self._sorted_matches
        return sort(match, exclude, filters, check, few)

    def _sorted_matches(self, match: str, exclude: str | None, filters: Filters,
                        check: Check | None, few: str | None = None) -> Iterator[tuple[int, int]]:
        """Few matches: all of them, sorted by date from the (id, date) index."""
        where, params = _where(filters)
        sql = f"SELECT id, story_id FROM articles INDEXED BY {BY_ID} WHERE {where} AND id IN {_matches(few)}"
        params.append(match if few is None else few)
        if exclude:
            sql += " AND id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            params.append(exclude)
        rows = self.conn.execute(sql + f" ORDER BY {KEY} DESC, id DESC", params)
        while chunk := rows.fetchmany(256):
            yield from self._checked(chunk, check) if check is not None else chunk

    def _sorted_in_topic(self, match: str, exclude: str | None, filters: Filters,
                         check: Check | None, few: str | None = None) -> Iterator[tuple[int, int]]:
        """Few matches inside a topic: the topic's verdicts of every FTS match (looked up by
        their primary key in rowid order), sorted by the date they carry; story ids, the other
        filters, the exclusion and the check only for what is kept, in slices as it is taken."""
        sql = (f"SELECT t.article_id, NULL FROM {_matches(few, 'id')} f "
               "CROSS JOIN article_topics t ON t.article_id = f.id AND t.topic = ? "
               "ORDER BY t.date DESC, t.article_id DESC")
        rows = self.conn.execute(sql, [match if few is None else few, filters.topic]).fetchall()
        for start in range(0, len(rows), 256):
            yield from self._keep(rows[start:start + 256], None, exclude, check, filters)

    def _walk(self, match: str | None, exclude: str | None, filters: Filters,
              check: Check | None, walk: Walk, want: int | None) -> Iterator[tuple[int, int]]:
        """Many matches (or none asked for): the (date, id) index newest first, in growing
        slices; inside a topic, the topic's own (topic, date, article) index, in the same order.
        With `walk.recheck`, a walk past LONG_WALK rows counts the match's newest matches (up
        to RARE, by rowid) to see how dense they are in the newest rows, and reads no more than
        ROWS_PER_MATCH rows per match that density gives over the store: a row walked costs
        ~1 µs, a match sorted ~3 µs, and a term whose matches all sit in older rows (a word of
        a past year's news) would otherwise be walked to them through every newer row (~1 s at
        1M). The count from the oldest rowid, which chose the walk, says nothing of that."""
        sql, params, date, ident = self._walk_sql(filters)
        late = filters if _topic_alone(filters) else None  # story ids read later
        order = f" ORDER BY {date} DESC, {ident} DESC LIMIT ?"
        # `sized`: the first slice as long as the match's density says a page takes (an expression
        # of many tokens costs FTS5 ~0.15 ms a token per statement, with the index in 15 segments,
        # however few rows it asks of: nine words ANDed at 1M took eight statements to grow to a page)
        size, scanned, given, last = 64, 0, 0, None
        if walk.sized and walk.density and want:
            size = max(size, min(int(want / walk.density * 1.5), MAX_SLICE))
        budget, recheck = walk.budget, walk.recheck and match is not None
        stories: set[int] = set()
        # an exclusion alone (`-上海`): SQLite keeps a slice's rows FTS5 does not match, so that the
        # rows handed to Python are the few kept, not the ~every one an excluded common word is in
        # (not inside a topic: its rows lie apart, one in thirty)
        apart = match is None and exclude is not None and not walk.contains and not filters.topic
        # a match walked in long slices (a deep page: `上海` by relevance, page 200, read ~20,000 rows of
        # the date index at 100,000 articles for ~4,000 title matches): SQLite keeps a slice's matches
        # likewise, when they are a part of its rows (a word in every article keeps them all) and not
        # found before (`walk.known`: the probe's matches, asked of no statement)
        among = match is not None and not walk.contains and not filters.topic and walk.known is None \
            and (walk.density or 1.0) <= AMONG_DENSITY
        # rows holding the exclusion verbatim dropped before FTS5 is asked (`_lacking`), while it drops most
        own_budget, want_, absent = walk.lone and want is not None and walk.absent is None, want or 0, walk.absent
        while True:
            seek, sought = ("", list[Any]()) if last is None else (  # past the previous slice (`<=`: SQLite seeks the index)
                f" AND {date} <= ? AND NOT ({date} = ? AND {ident} >= ?)", [last[2], last[2], last[0]])
            left = None
            if apart and exclude is not None:
                left = self._left(sql + seek + order, [*params, *sought, size], ident, exclude)
            elif among and match is not None and size >= AMONG_SLICE:
                left = self._left(sql + seek + order, [*params, *sought, size], ident, match, among=True)
            if left is not None:
                chunk, last, walked = left
            else:
                rows = self.conn.execute(sql + seek + order, [*params, *sought, size]).fetchall()
                chunk, walked = [(r[0], r[1]) for r in rows], len(rows)
                last = rows[-1] if rows else None
            if not walked:
                return
            if walk.contains:
                chunk = self._containing(chunk, walk.contains)
            decided = absent is not None and left is None and bool(chunk) and _span(chunk) > ABSENT_APART * len(chunk)
            if absent is not None and decided:
                lacking = self._lacking(chunk, absent[0])
                if len(lacking) * 2 > len(chunk):  # a rarer exclusion: FTS5 alone from the next slice on
                    absent = None
                chunk = lacking
            kept = left is not None and not apart  # the slice's matches only: FTS5 is not asked again
            for pair in self._keep(chunk, None, None, walk.absent[1], late) if decided and walk.absent else \
                    self._keep(chunk, None if kept else match, None if left is not None and apart else exclude,
                               check, late, walk.density, walk.known):
                given += 1
                stories.add(pair[1])
                yield pair
            scanned += walked
            if walked < size:
                return
            if apart and own_budget and scanned >= LONE_WALK and len(stories) < want_ and (
                    not stories or (want_ - len(stories)) * scanned / len(stories) > _top(self) / 2):
                raise WalkBudget(scanned)  # a page lies past half the archive at this rate: `_outside`
            if recheck and scanned >= LONG_WALK:
                recheck, budget = False, int(ROWS_PER_MATCH * self._fts_estimate(match or "", newest=True))
            if budget is not None and scanned >= budget:
                raise WalkBudget(scanned)
            size = _next_slice(size, scanned, given if given < (want or 0) else len(stories), want)

    def _left(self, sliced: str, params: list[Any], ident: str, exclude: str, among: bool = False,
              ) -> tuple[list[tuple[int, int]], tuple[Any, ...], int] | None:
        """Of the slice `sliced` selects (id, story id, date: newest first, LIMIT its last
        parameter), the pairs FTS5 does not match `exclude` in (`among`: those it matches), with the slice's last row and
        its length, asked of SQLite (~0.3 µs a row, against ~1.2 µs a row handed to Python
        with the excluded ids beside it); None when the slice's ids lie apart (a backfill among
        polled rows: FTS5 would read the range between them), or it is empty."""
        # the ids alone counted (a walk of the date index: its date not handed on, ~0.1 µs a row less)
        ids = sliced.replace(f"SELECT id, story_id, {KEY} FROM", "SELECT id FROM", 1)
        count, lo, hi = self.conn.execute(f"SELECT count(*), min({ident}), max({ident}) FROM ({ids})", params).fetchone()
        if not count or hi - lo + 1 > APART * count:
            return None
        last = self.conn.execute(f"SELECT * FROM ({sliced}) LIMIT 1 OFFSET ?", [*params, count - 1]).fetchone()
        kept = self.conn.execute(
            f"SELECT * FROM ({sliced}) WHERE {ident} {'IN' if among else 'NOT IN'} (SELECT rowid FROM articles_fts "
            "WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?)", [*params, exclude, lo, hi]).fetchall()
        return [(r[0], r[1]) for r in kept], last, count

    def _outside(self, exclude: str, filters: Filters, check: Check | None) -> Iterator[tuple[int, int]]:
        """An exclusion alone that leaves almost nothing (`-发展 -沪明`, a word in every article: a
        walk read the whole archive, ~0.5 µs a row, 0.76 s at 1M): SQLite walks the date index
        itself against the set of the exclusion's matches, built once (~0.35 µs an article). Over
        the whole archive, counting says first whether anything is left at all (~25 ms at 1M):
        FTS5's rows are stored articles' (an article and its tokens go together)."""
        if filters == Filters():
            total = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
            if self.conn.execute(sql, [exclude]).fetchone()[0] >= total:
                return
        where, params = _where(filters)
        rows = self.conn.execute(
            f"SELECT id, story_id FROM articles INDEXED BY {BY_DATE} WHERE {where} AND id NOT IN "
            f"(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) ORDER BY {KEY} DESC, id DESC", [*params, exclude])
        while chunk := rows.fetchmany(256):
            yield from self._checked(chunk, check) if check is not None else chunk

    def _joined(self, match: str | None, exclude: str | None, filters: Filters,
                check: Check | None, walk: Walk, want: int | None) -> Iterator[tuple[int, int]]:
        """Some thousands of matches: one statement walks the date index (inside a topic, the
        topic's own) newest first and keeps the rows whose id is among the FTS matches, a set
        SQLite builds once; Python sees only the matches, fetched as they are taken. Past
        `walk.budget` rows walked, `WalkBudget` (what was handed over is the sorted order's start)."""
        sql, params, date, ident = self._walk_sql(filters)
        late = filters if _topic_alone(filters) else None  # story ids read later
        rows = self.conn.execute(
            f"SELECT * FROM ({sql} ORDER BY {date} DESC, {ident} DESC LIMIT ?) "
            f"WHERE {'article_id' if filters.topic else 'id'} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
            [*params, -1 if walk.budget is None else walk.budget, match])
        size = max(want or 0, 16)
        while chunk := rows.fetchmany(size):
            yield from self._keep([(r[0], r[1]) for r in chunk], None, exclude, check, late)
            size = min(size * 2, 1024)
        if walk.budget is not None:
            raise WalkBudget(walk.budget)

    def _walk_sql(self, filters: Filters) -> tuple[str, list[Any], str, str]:
        """The walk's SELECT of (id, story id, date) with its parameters, and its order columns."""
        if not filters.topic:
            where, params = _where(filters)
            walked = BY_SOURCE if filters.source else BY_DATE  # one source's articles only, not every one
            return f"SELECT id, story_id, {KEY} FROM articles INDEXED BY {walked} WHERE {where}", params, KEY, "id"
        # a next page seeks the topic's own index to where the last one ended (its date is the article's)
        seek, sought = ("", []) if filters.before is None else (
            " AND t.date <= ? AND NOT (t.date = ? AND t.article_id >= ?)", [filters.before[0], *filters.before])
        if _topic_alone(filters):  # the topic's index alone: story ids read for matches only
            sql = f"SELECT article_id, NULL, date FROM article_topics t INDEXED BY {TOPIC_BY_DATE} WHERE topic = ?"
            return sql + seek, [filters.topic, *sought], "t.date", "t.article_id"
        where, params = _where(filters._replace(topic=None, before=None))
        # the dates asked for bound the topic's index too (its date is the article's): `--since 7d`
        # with nothing that recent walked all of a topic's rows to find none (30,000 at 1M: ~45 ms)
        span = [(" AND t.date >= ?", iso(filters.since)) if filters.since else None,
                (" AND t.date < ?", iso(filters.until)) if filters.until else None]
        bound = "".join(b[0] for b in span if b)
        sql = (f"SELECT t.article_id, story_id, t.date FROM article_topics t INDEXED BY {TOPIC_BY_DATE} "
               f"JOIN articles INDEXED BY {BY_ID} ON articles.id = t.article_id WHERE t.topic = ?{bound} AND {where}{seek}")
        return sql, [filters.topic, *(b[1] for b in span if b), *params, *sought], "t.date", "t.article_id"

    def _containing(self, chunk: list[tuple[int, int]], contains: Contains) -> list[tuple[int, int]]:
        """The pairs whose title (or body) holds one of each group's characters (SQL instr)."""
        conds, params = [], []
        for chars, title_only in contains:
            cols = ("title",) if title_only else ("title", "body")
            conds.append("(" + " OR ".join(f"instr({c}, ?)" for c in cols for _ in chars) + ")")
            params += [ch for _ in cols for ch in chars]
        keep = {r["id"] for r in self._in_chunks(f"SELECT id FROM articles WHERE {' AND '.join(conds)} "
                                                  f"AND id IN ({{marks}})", [i for i, _ in chunk], params)}
        return [p for p in chunk if p[0] in keep]

    def _lacking(self, chunk: list[tuple[int, int]], absent: Absent) -> list[tuple[int, int]]:
        """The pairs (in order) whose rows hold none of `absent` verbatim (SQL instr): those the
        query's test is still to decide. An exclusion of a word in nearly every article inside a
        topic (`-上海 --topic`: the topic's rows one in thirty ids) had FTS5 read the word's list
        over the whole range of each slice's ids and SQLite test each entry against them (~30
        entries, ~5-7 µs, a row of the topic), where reading the row and looking for the text costs
        ~3 µs; FTS5 asked of the few rows left costs ~0.1-0.9 ms each (it reads the list to them),
        the test ~30 µs."""
        # titles first, then bodies; a condition of the WHERE (a value's OR, as coalesce's, reads every side)
        looked = [("title", text) for text, _ in absent] + [("body", text) for text, title_only in absent if not title_only]
        conds = " OR ".join(f"instr(ifnull({column}, ''), ?)" for column, _ in looked)
        keep = {i for (i,) in self.conn.execute(
            f"SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND NOT ({conds})",
            ["[" + ",".join(str(i) for i, _ in chunk) + "]", *(text for _, text in looked)])}
        return [p for p in chunk if p[0] in keep]

    def _keep(self, chunk: list[tuple[int, int]], match: str | None, exclude: str | None,
              check: Check | None, late: Filters | None = None, density: float | None = None,
              known: tuple[int, int, frozenset[int]] | None = None) -> Iterator[tuple[int, int]]:
        """The pairs of `chunk` (in its order) that FTS5 matches, it does not exclude, and pass
        the check (lazily: the check reads rows). `late`: the chunk's story ids are still to
        be read (and these filters, but the topic, applied) for the pairs FTS5 keeps. `density`:
        the match's share of all articles (`_fts_among`)."""
        ids = [i for i, _ in chunk]
        if match is not None:
            hits = self._fts_among(match, ids, density, known)
            chunk = [p for p in chunk if p[0] in hits]
        if exclude is not None and chunk:
            out = self._fts_among(exclude, [i for i, _ in chunk])
            chunk = [p for p in chunk if p[0] not in out]
        if late is not None and chunk:
            chunk = self._with_stories(chunk, late)
        return self._checked(chunk, check) if check is not None and chunk else iter(chunk)

    def _with_stories(self, chunk: list[tuple[int, int]], filters: Filters) -> list[tuple[int, int]]:
        """The pairs with their story ids, of articles that pass the filters but the topic
        (a pair whose article is gone is dropped, as a join would)."""
        where, params = _where(filters._replace(topic=None))
        stories = {r["id"]: r["story_id"] for r in self._in_chunks(
            f"SELECT id, story_id FROM articles INDEXED BY {BY_ID} WHERE {where} AND id IN ({{marks}})",
            [i for i, _ in chunk], params)}
        return [(i, stories[i]) for i, _ in chunk if i in stories]

    def _checked(self, chunk: list[tuple[int, int]], check: Check) -> Iterator[tuple[int, int]]:
        """The pairs that pass the check, in order, their rows read in growing slices: a page
        of 20 reads about 20 bodies however many candidates the chunk holds. Rows as tuples, not
        dicts (`_in_chunks`): a spaced phrase of common words checks thousands of candidates a page."""
        start, size = 0, 24
        while start < len(chunk):
            part = chunk[start:start + size]  # at most 512: within SQLite's bound parameters
            texts = {i: (t or "", b or "") for i, t, b in self.conn.execute(
                f"SELECT id, title, body FROM articles WHERE id IN ({','.join('?' * len(part))})", [i for i, _ in part])}
            yield from (p for p in part if check(*texts[p[0]]))
            start, size = start + size, min(size * 2, 512)

    def _fts_among(self, expr: str, ids: list[int], density: float | None = None,
                   known: tuple[int, int, frozenset[int]] | None = None) -> set[int]:
        """Which of `ids` FTS5 matches: one rowid-range query per cluster of nearby ids. When
        the ids are a small part of their range (a topic's, a story's members, a backfill's
        dates), SQLite drops the range's other matches itself (`+rowid IN`: not offered to
        FTS5, whose point look-ups cost ~0.2 ms each). Handing every match of a dense range
        to Python (~0.45 µs each) cost more than FTS5 spent finding them (上海 over 36,000
        recent rowids: 8.3 -> 2.7 ms); an id in the list costs ~0.25 µs, a rare token's range
        not much. The ids go as one JSON text: a statement of thousands of `?` takes ms to prepare.
        With the match's `density` known, the list goes only where the range holds more matches
        than ids: a rarer term's few matches cost less than the list (明治 at 1M, a walk of
        ~14,000 rows: 8,000 ids listed in JSON to keep 40 of ~170 matches). `known`: (lo, hi, every
        match of the ids lo..hi), found before: those ids are not asked again."""
        wanted, found = set(ids), set[int]()
        asked = wanted
        if known is not None:
            asked = {i for i in wanted if not known[0] <= i <= known[1]}
            found.update(known[2].intersection(wanted))
        for lo, hi, members in _clusters(sorted(asked)):
            sql, params = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?", [expr, lo, hi]
            if hi - lo + 1 > SPARSE * len(members) and (density is None or (hi - lo + 1) * density > len(members)):
                sql += " AND +rowid IN (SELECT value FROM json_each(?))"
                params.append("[" + ",".join(map(str, members)) + "]")
            found.update(r for (r,) in self.conn.execute(sql, params))
        return found & wanted


def _matches(few: str | None, name: str = "rowid") -> str:
    """A subquery of the matches' ids: asked of FTS5 (its parameter the expression), or `few`,
    as `_fts_counted` found them (its parameter that list)."""
    if few is None:
        return f"(SELECT rowid AS {name} FROM articles_fts WHERE articles_fts MATCH ?)"
    return f"(SELECT value AS {name} FROM json_each(?))"


def _alternatives(expr: str) -> list[str]:
    """An FTS5 expression's alternatives: its parts joined by OR outside any parentheses or
    quotes, and inside one pair of parentheses around the whole (`(a) OR ((b) OR (c))` → a, b, c)."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(expr):
        if ch == '"':
            quoted = not quoted  # an escaped quote ("") toggles twice
        elif quoted:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and expr.startswith(" OR ", i):
            parts.append(expr[start:i])
            start = i + 4
    parts.append(expr[start:])
    out: list[str] = []
    for part in (p.strip() for p in parts):
        inner = part[1:-1] if part.startswith("(") and part.endswith(")") and _wrapped(part) else None
        out += _alternatives(inner) if inner is not None else [part]
    return out


def _wrapped(part: str) -> bool:
    """Whether the parenthesis opening `part` closes at its end."""
    depth, quoted = 0, False
    for i, ch in enumerate(part):
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
            if depth == 0:
                return i == len(part) - 1
    return False


def _clusters(ids: list[int]) -> list[tuple[int, int, list[int]]]:
    """Sorted distinct ids → (lo, hi, the ids) ranges, split where two neighbours are more than GAP apart."""
    if not ids:
        return []
    cuts = [k for k, (a, b) in enumerate(pairwise(ids), 1) if b - a > GAP]  # a walk's slice: ~8,000 ids
    return [(ids[lo], ids[hi - 1], ids[lo:hi]) for lo, hi in pairwise([0, *cuts, len(ids)])]


def _next_slice(size: int, scanned: int, found: int, want: int | None) -> int:
    """How many rows the walk reads next: 4× the last slice, or fewer when what it found so
    far (8 at least, for a rate worth trusting) says the rest of the page is nearer, with half
    as much again to spare. `found` counts matches, or once `want` of them have been handed
    over and the caller still asks (folding reposts into stories), distinct stories. Growing
    4× alone read 4,096 rows where ~800 held the rest of a page (`title:上海` at 1M)."""
    grown = min(size * 4, MAX_SLICE)
    if found < 8 or want is None:
        return grown
    return max(64, min(int(max(want - found, 1) * scanned / found * 1.5) + 1, grown))


def _span(chunk: list[tuple[int, int]]) -> int:
    """How many ids the pairs' range covers."""
    ids = [i for i, _ in chunk]
    return max(ids) - min(ids) + 1


def _top(store: SearchPart) -> int:
    """The newest article's id (the archive's size, near enough)."""
    return store.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0


def _where(filters: Filters) -> tuple[str, list[Any]]:
    """SQL conditions (always at least `1`) and parameters for the filters."""
    where: list[str] = ["1"]
    params: list[Any] = []
    if filters.source:
        where.append("source = ?")
        params.append(filters.source)
    if filters.since:
        where.append(f"{KEY} >= ?")
        params.append(iso(filters.since))
    if filters.until:
        where.append(f"{KEY} < ?")
        params.append(iso(filters.until))
    if filters.upto is not None:
        where.append("id <= ?")
        params.append(filters.upto)
    if filters.before is not None:  # written so that SQLite seeks the date index to it
        where.append(f"{KEY} <= ? AND NOT ({KEY} = ? AND id >= ?)")
        params += [filters.before[0], *filters.before]
    if filters.topic:
        where.append("EXISTS (SELECT 1 FROM article_topics t WHERE t.article_id = articles.id AND t.topic = ?)")
        params.append(filters.topic)
    return " AND ".join(where), params


def _topic_alone(filters: Filters) -> bool:
    """A topic and no other filter (but where a next page begins, which its index seeks)."""
    return bool(filters.topic) and filters._replace(before=None) == Filters(topic=filters.topic)


def _take(pairs: Iterator[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in pairs:
        if len(out) >= n:
            break
        out.append(p)
    return out
