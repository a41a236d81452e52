"""Ingest: normalise → match → dedup → store, for polled, imported and re-matched articles.

In: extracted `Article`s (one at a time with `ingest`, or many through an `Ingestor`). Out:
`Ingested` results, catch-up and rematch counts. A repost (same or nearly the same text from
another outlet) joins its original's story.

Each article's own work (normalising, index tokens, fingerprint, topic verdicts) is done once,
outside the write lock. Articles are then stored in batches, one write transaction per batch
(`BATCH_SIZE` articles, `BATCH_SECONDS` or `BATCH_CHARS` of text, whichever comes first), each
article inside its own savepoint: its row, story, index, fingerprint, verdicts and check
records land together or not at all. A crash loses at most the uncommitted batch, whose URLs
are then not known and are fetched or imported again. `catch_up` (run at the start of poll,
run, import and digest) matches any article without a check record for a current topic's
rules, so a new topic, a rule change or an upgraded engine reaches every stored article.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import itertools
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property, lru_cache
from typing import Any

from .. import datedsigs, dedup, ftstokens, match, scriptfold, textnorm
from ..errors import StoreError
from ..match import segment
from ..match.spans import roundup_title
from ..models import Article, Match
from ..scriptfold import fold_words
from ..store import database_fault, parse_iso, utcnow
from ..store.base import AlreadyStored, crash_point
from .base import Context, Ingested, log
from .checks import notice, topic_hashes
from .policy import aware, source_verdicts
from .reindex import record_if_empty

REPOST_CONTAINMENT = 0.7  # share of the shorter text's shingles found in the other
# A mirror inserting a word every dozen characters breaks a third of the shingles it keeps
# (containment 0.5-0.7) but leaves every stretch between insertions: the shorter text's
# characters are nearly all (0.97+) inside shared shingles. A column's two articles sharing an
# introduction reach the same containment with one shared block (coverage about as much), and
# two reports from one template with other figures about 0.85: each changed figure is
# characters of the shorter text that no shared shingle holds.
BROKEN_CONTAINMENT, BROKEN_COVERAGE = 0.5, 0.95
# A candidate found by its anchors or opening alone, whose signature agrees with this one's in
# fewer bins than a band holds, is not read: unrelated texts of very different length share
# one anchor often enough, and the signatures' interval alone cannot rule them out.
MIN_EQUAL_BINS = dedup.ROWS
MIN_SHINGLES = 40  # about two sentences; a shorter text is judged a brief of a story or none
# A brief (`dedup.brief_of`) published this long before or after a text opening with its words is none of
# its story: a recurring notice's one line (本周六上午，…社区开展志愿服务活动) is another week's.
BRIEF_APART = timedelta(days=3)
# A stored text under PART of this one's shingles that this one holds joins it to its story only
# when it is this one's opening (OPENING of its first shingles): a lead-only copy met by its
# full story. A digest page holds several stories' openings, each a small part of it.
PART, OPENING = 1 / 3, 0.8
# A brief of this many shingles or fewer, under PART of a text opening with its first dedup.LEAD
# characters, is compared with it whatever their signatures say (`_opening_of`).
LEAD_SHINGLES, BRIEF_MAX = dedup.LEAD - dedup.SHINGLE + 1, dedup.BRIEF_SHINGLES
# A pair whose shorter text has under this share of the longer's shingles, or whose containment
# estimated from the signatures is under it, may be a text quoting a story (`dedup.quotes`: a
# commentary, a follow-up) and the candidate is read to tell; else the two are copies.
QUOTED = 0.9
# Candidates read lately, kept with their fingerprint text and shingles: a story's original is
# the candidate of each of its reposts in turn (stored articles do not change while ingesting).
STORED_KEPT = 256
# What `_repost_of` says of a candidate: no repost; a repost; a repost judged without figures to
# compare (a text without figures, this one with some); not a repost because it holds this
# one's figures in other values (a county's release from the same template); not a repost
# because one text quotes the other (`dedup.quotes`: neither joins the other's story).
NOT, REPOST, BLIND, CLASH, QUOTES = 0, 1, 2, 3, 4
# An article holding stored texts of two stories or more, each a part of it, is their whole
# (a paged article's pages met before its whole copy: the stories merge) when those texts make
# up this share of its shingles; else it is a compilation (a digest) and joins none of them.
MADE_OF = 0.8
# A repost found of a text at least this share of this one's size (and not much larger) settles
# the story at once: an editor's note or a lead of this one's own, not a frame around a part.
COPY = 0.75
# A page of sections under headings of their own (a digest's items under their titles, a county's
# daily round-up of two briefs): HEADINGS or more lines without a sentence, each shorter than a
# paragraph, with a section's text after them. A text that is one of those sections, under its
# heading, is an item of a compilation.
HEADINGS = 2
# A story of FRAMED_STORY paragraphs or fewer held whole between a short opening and closing
# (`dedup.framing`) under a headline of its own is quoted (`_framed_apart`).
FRAMED_STORY = 2
HELD = 0.5  # share of a paragraph's characters in the other text's shingles: it gives that text's words
# A story started by parts of a text (a brief, a re-lead and its mirrors) that a copy of the text met
# later joins (`Ingestor._parts_apart`) has at most this many texts, each inside the copy.
PARTS_STORY = 8
# A story's text another story lent a passage to (`Ingestor._lent`) is found among this many of its
# texts; it shares under LENT_SHARED of the smaller's shingles with this article (the splice's own part).
LENT_MEMBERS, LENT_SHARED = 16, 0.2
DIGEST_ITEMS = 2  # a digest holds a report and another at least: twice a report's size (`_digest_holding`)
ISSUE_MAX = 2 * BRIEF_MAX  # a column's issue gives a story's lead, a paragraph or two, in its frame (`_issues`)
ROUND_AHEAD = timedelta(days=2)  # a copy published this long before a round's release is none of it (`_ahead_of_round`)
LSH_WINDOW = timedelta(days=45)
BATCH_SIZE = 500
BATCH_SECONDS = 1.0
# An import's batches: a poll's second cut them by the machine's speed. On a busy machine an import
# into a 200k store wrote one every ~10 articles (146 for 1,500), each its commit and its read of the
# old signatures near its dates (a third of its CPU there), so it slowed as the store grew, and the
# slower it went the smaller its batches. Cut at BATCH_SIZE, they stay whole down to 17 articles/s.
IMPORT_BATCH_SECONDS = 30.0
BATCH_CHARS = 4_000_000  # keeps a batch of long articles small in memory


def ingest(ctx: Context, article: Article, source: str, canonical: str | None = None) -> Ingested:
    """Store one extracted article unless known (its own transaction); fold reposts into stories."""
    ingestor = Ingestor(ctx, batch_size=1)
    return ingestor.add(article, source, canonical)[0]


def ingest_many(ctx: Context, items: Iterable[tuple[Article, str, str | None]]) -> list[Ingested]:
    """Store (article, source, canonical or None) items in batches; results in input order."""
    results: list[Ingested] = []
    with Ingestor(ctx) as ingestor:
        for article, source, canonical in items:
            results += ingestor.add(article, source, canonical)
    return results + ingestor.results


@dataclass
class Prepared:
    """One article with everything computed that needs no database (`prepare`)."""

    article: Article
    source: str
    canonical: str
    body: str
    digest: str
    fp: dedup.Fingerprint | None  # None after a trip between processes (`grams` makes it again)
    tokens: str  # the search index's (ftstokens)
    verdicts: list[tuple[Match, int]]  # (verdict, the topic's rules hash)
    keys: list[int] = dataclasses.field(default_factory=list)  # the fingerprint's band keys,
    packed: bytes = b""  # its signature as stored
    shingles: int = 0  # and its size
    anchors: int = 0  # how many of the keys (the last) are anchors
    # the keys it looks up, anchors apart: the bands, the opening's, and the other kind's openings' and
    # headline's (`dedup.kind_keys`), not its own kind's
    looks: list[int] = dataclasses.field(default_factory=list)
    titled: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())  # its headline's keys (`_title_keys`)
    figs: frozenset[str] | None = None  # the story's figures (`figures`), found when first asked
    ftext: str | None = None  # the fingerprint's text (`text`), made when first asked

    def __post_init__(self) -> None:
        assert self.fp is not None
        self.keys, self.packed, self.shingles = self.fp.keys(), self.fp.packed(), self.fp.count  # once, here
        self.anchors = len(self.fp.anchors) if self.fp.count else 0
        if self.fp.count:  # the openings' and the headline's keys with the others (the anchors come last)
            self.looks = [*self.keys[:len(self.keys) - self.anchors], *self.fp.sought, *self.titled[1]]
            self.keys = stored_keys(self.fp, self.titled, self.keys)

    def __getstate__(self) -> dict[str, Any]:
        """Sent from a worker without what the writer rarely or never needs: the body (the
        article's paragraphs make it again) and the shingle hashes (read only to settle a
        borderline repost, then made again from the body): half the bytes."""
        return {**self.__dict__, "body": None, "fp": None, "ftext": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.body = self.article.body

    def figures(self) -> frozenset[str]:
        """The numbers of the article's story lines (`dedup.figures`), found once."""
        if self.figs is None:
            self.figs = dedup.figures(self.body)
        return self.figs

    def text(self) -> str:
        """The text the fingerprint compares (`scriptfold.fingerprint_text`): kept from `prepare`,
        made again after a trip between processes."""
        if self.ftext is None:
            self.ftext = scriptfold.fingerprint_text(self.body)
        return self.ftext

    def grams(self) -> Any:
        """The fingerprint's shingle hashes (made again after a trip between processes)."""
        if self.fp is None:
            self.fp = dedup.fingerprint(self.text())
        return self.fp.grams


class _Stored:
    """A candidate's stored body and title, with its fingerprint's text and shingles made when
    first asked (the figures check and the containment check may both need them for one article)."""

    def __init__(self, body: str, title: str = "", published: str | None = None) -> None:
        self.body, self.title, self.published = body, title, published

    @cached_property
    def roundup(self) -> bool:
        """Whether its title says the page rounds up the news (a digest of other stories)."""
        return _roundup(textnorm.normalize(self.title))

    @cached_property
    def text(self) -> str:
        return scriptfold.fingerprint_text(self.body)

    @cached_property
    def fp(self) -> dedup.Fingerprint:
        return dedup.fingerprint(self.text)


def canonical_of(article: Article) -> str:
    """The URL an article is stored under when the caller has none (a title for no URL)."""
    return dedup.canonical_url(article.url or f"urn:title:{article.title}")


def prepare(cfg: Any, topics: list[tuple[str, Any, int]], article: Article, source: str, canonical: str,
            imported: bool = False) -> Prepared:
    """Everything about one article that needs no database: normal forms, topic verdicts,
    content hash, fingerprint, index tokens. Pure, so it can run in a worker process.
    `imported`: an import's (no source age limit, `policy`)."""
    body = article.body
    norm_title, norm_body = textnorm.normalize(article.title), textnorm.normalize(body)
    # Fingerprints compare text folded across scripts and regional words, so a repost
    # converted to traditional script (软件 → 軟體) lands in its original's story; and only
    # the story's lines, without a mirror's navigation and link lists (scriptfold.fingerprint_text,
    # given the body's normal form: a body whose every line holds a sentence is not normalised twice).
    fp_body = scriptfold.fingerprint_text(body, norm_body)
    verdicts = source_verdicts(cfg, source, article.published,
                               match.match_topics([t for _, t, _ in topics], article.title, body), imported=imported)
    digest = dedup.content_hash(fp_body or dedup.numerals(fold_words(norm_title)))
    fp = dedup.fingerprint(fp_body)
    return Prepared(article, source, canonical, body, digest, fp, ftstokens.document_tokens(norm_title, norm_body),
                    [(v, h) for v, (_, _, h) in zip(verdicts, topics, strict=True)], ftext=fp_body,
                    titled=_title_keys(norm_title, fp.count <= BRIEF_MAX))


class Ingestor:
    """Batched ingest: `add` articles, results come back as their batch commits.

    `add` returns the results of a batch when one was written (else []); `flush` writes what
    is pending. Used as a context manager, it flushes on exit and keeps that last batch's
    results in `results`. The write lock is held only while a batch is written, never while
    the caller fetches. A `backfill` (`monitor import`) marks its articles imported (m026),
    dates band rows by publication and prunes them when it ends (`_bands_dated`).
    """

    def __init__(self, ctx: Context, *, batch_size: int = BATCH_SIZE, max_seconds: float = BATCH_SECONDS,
                 max_chars: int = BATCH_CHARS, backfill: bool = False,
                 on_batch: Callable[[list[tuple[Article, Ingested]]], object] | None = None) -> None:
        self.ctx = ctx
        self.backfill = backfill
        self.on_batch = on_batch  # the batch's stored articles, inside its transaction (`backfill.mark_history`)
        self.batch_size, self.max_seconds, self.max_chars = batch_size, max_seconds, max_chars
        self.topics = topic_hashes(ctx)
        self.results: list[Ingested] = []
        self._pending: list[Prepared | Ingested] = []
        self._canonicals: set[str] = set()
        self._chars = 0
        self._since = 0.0
        self.lost_sources: list[str] = []  # sources of the last batch the database refused
        self._dated: datedsigs.DatedSignatures | None = None  # the batch's old articles' (`_old_signatures`)
        self._stored: dict[int, _Stored | None] = {}  # candidates read lately (`_read`)
        self._merged: dict[int, int] = {}  # stories merged into another (`_near_duplicate_story`)
        self._run = contextlib.ExitStack()  # a backfill's `store.run_bands`, from `__enter__` to `__exit__`
        try:
            record_if_empty(ctx)  # a new store's first articles: of the running code's normal form
        except Exception as exc:  # a new database the disk or another's lock refuses: the poll's batch
            if database_fault(exc, ctx.store.path) is None:  # meets the same and says it in one line (it
                raise  # was APScheduler's traceback a poll); noted by the next poll's ingestor, before its batch

    def __enter__(self) -> Ingestor:
        if self.backfill:  # the run's band rows dated before the window, kept apart until it ends
            self._run.enter_context(self.ctx.store.run_bands(utcnow() - LSH_WINDOW))
        return self

    def __exit__(self, *exc: Any) -> None:
        with self._run:
            if not (exc[0] and issubclass(exc[0], StoreError)):  # a refusing database is not tried again
                self.results = self.flush()
                if self.backfill and exc[0] is None:  # the run's band rows dated before the window go now
                    self.ctx.store.prune_lsh(utcnow() - LSH_WINDOW)

    def add(self, article: Article, source: str, canonical: str | None = None) -> list[Ingested]:
        """Queue one article (its work is done now); returns results when a batch was written."""
        canonical = canonical or canonical_of(article)
        if self._known(canonical):
            return self._queue(Ingested("duplicate", source=source, canonical=canonical))
        return self._queue(prepare(self.ctx.cfg, self.topics, article, source, canonical))

    def add_prepared(self, item: Prepared) -> list[Ingested]:
        """Queue an article prepared elsewhere (`prepare`, e.g. in a worker process)."""
        if self._known(item.canonical):
            return self._queue(Ingested("duplicate", source=item.source, canonical=item.canonical))
        return self._queue(item)

    def _known(self, canonical: str) -> bool:
        return canonical in self._canonicals or self.ctx.store.known_url(canonical)

    def _queue(self, item: Prepared | Ingested) -> list[Ingested]:
        if not self._pending:
            self._since = time.monotonic()
        self._pending.append(item)
        if isinstance(item, Prepared):
            self._canonicals.add(item.canonical)
            self._chars += len(item.body)
        if (len(self._pending) >= self.batch_size or self._chars >= self.max_chars
                or time.monotonic() - self._since >= self.max_seconds):
            return self.flush()
        return []

    def flush(self) -> list[Ingested]:
        """Write every pending article in one transaction; their results, in order."""
        batch, self._pending, self._canonicals, self._chars = self._pending, [], set(), 0
        if not any(isinstance(p, Prepared) for p in batch):
            return [p for p in batch if isinstance(p, Ingested)]
        store = self.ctx.store
        try:
            with store.batch():  # the articles' savepoints keep their undo records in memory
                self._dated = self._old_signatures(batch)
                results = [p if isinstance(p, Ingested) else self._store_alone(p) for p in batch]
                for r in results if self._merged else ():  # an earlier article's story merged since
                    r.story_id = self._merged.get(r.story_id, r.story_id) if r.story_id is not None else None
                # indexed after the per-article savepoints: FTS5 flushes its pending terms at each one
                store.index_articles([(r.article_id, p.tokens) for p, r in zip(batch, results, strict=True)
                                      if isinstance(p, Prepared) and r.article_id is not None])
                if not self.backfill:  # a backfill keeps its own band rows until it ends (`__exit__`)
                    store.prune_lsh(utcnow() - LSH_WINDOW)
                if self.on_batch is not None:
                    self.on_batch([(p.article, r) for p, r in zip(batch, results, strict=True) if isinstance(p, Prepared)])
                crash_point("batch")
        except StoreError:  # the database refused the batch: none of it was kept
            self._stored.clear()
            self._merged.clear()
            self.lost_sources = sorted({p.source for p in batch if isinstance(p, Prepared)})
            raise
        crash_point("committed")
        return results

    def _store_alone(self, p: Prepared) -> Ingested:
        """`_store`, and an article the database will not take (a value it refuses, or a fault
        with this one article) refused alone: its savepoint rolled back, said, the rest of the
        batch written. One such article failed its whole batch, its source's and others', poll
        after poll. The database's own faults (a full disk, a lock) still refuse the batch."""
        merged = dict(self._merged)
        try:
            return self._store(p)
        except Exception as exc:
            if database_fault(exc, self.ctx.store.path) is not None:
                raise
            self._merged = merged  # a merge its savepoint undid
            reason = f"{type(exc).__name__}: {exc}"
            # fetched and refused again each poll: its traceback with -v only, not a screenful each time
            log.warning("source=%s url=%s: not stored: %s", p.source, p.canonical, reason,
                        exc_info=log.isEnabledFor(logging.DEBUG))
            return Ingested("refused", source=p.source, canonical=p.canonical, reason=reason)

    def _store(self, p: Prepared) -> Ingested:
        """One article, all or nothing (a savepoint inside the batch's transaction)."""
        store = self.ctx.store
        try:
            with store.savepoint():
                if store.known_url(p.canonical):  # stored meanwhile by another process
                    return Ingested("duplicate", source=p.source, canonical=p.canonical)
                story_id, merged = store.story_by_hash(p.digest), list[int]()
                same = store.same_page(p.canonical, p.digest) if story_id is not None else None
                if same:  # the stored page under a parameter that changes at each read: an alias
                    store.add_aliases(same, [p.canonical])
                    return Ingested("duplicate", source=p.source, canonical=p.canonical)
                if story_id is None:
                    story_id, merged = self._near_duplicate_story(p)
                    merged = [s for s in merged if not self._clashing(p, s)]
                if merged and story_id is not None:  # this article is the whole of stories its parts started
                    kept = store.merge_stories(story_id, merged)  # the oldest of them
                    gone = {story_id, *merged} - {kept}
                    self._merged = {k: kept if v in gone else v for k, v in self._merged.items()}
                    self._merged.update(dict.fromkeys(gone, kept))
                    story_id = kept
                status = "repost" if story_id else "new"
                article_id, story_id = store.add_article(
                    p.article, source=p.source, canonical_url=p.canonical, content_hash=p.digest,
                    story_id=story_id, tokens=p.tokens, body=p.body,
                    band_keys=p.keys, shingles=p.shingles, signature=p.packed, index=False,
                    bands_dated=self._bands_dated(p.article), imported=self.backfill)
                crash_point("stored")
                for verdict, rules in p.verdicts:
                    store.set_match(article_id, verdict, rules)
                crash_point("matched")
        except AlreadyStored:  # the canonical URL's unique index said so
            return Ingested("duplicate", source=p.source, canonical=p.canonical)
        topics = [v.topic for v, _ in p.verdicts if v.matched]
        return Ingested(status, article_id, story_id, topics, source=p.source, canonical=p.canonical)

    def _bands_dated(self, article: Article) -> datetime | None:
        """When an article's band rows expire from: its fetch (None: now), or in a backfill its
        publication, when earlier. A fresh article is compared with those of the last
        LSH_WINDOW days, so an archive's old articles need none once the backfill is over,
        and the `lsh` table stays the window's size however large the archive (a 1M-article
        backfill left 21M rows, and each article then wrote its 21 at random places among
        them: import ran at 0.76x its 10k rate). Until the run ends they stay, so reposts of
        an old story imported together still fold."""
        published = aware(article.published)
        if not self.backfill or published is None:
            return None
        return min(published, utcnow())

    def _old_signatures(self, batch: list[Prepared | Ingested]) -> datedsigs.DatedSignatures | None:
        """The stored signatures published near the batch's articles dated before the window,
        whose originals may have no band rows left (`_bands_dated`): one read per batch."""
        old = [d for p in batch if isinstance(p, Prepared) and (d := _old_date(p.article)) is not None]
        if not old:
            return None
        return datedsigs.DatedSignatures(self.ctx.store.signatures_published(datedsigs.spans(old)))

    def _near_duplicate_story(self, p: Prepared) -> tuple[int | None, list[int]]:
        """The story to join and the stories to merge into it (`_story_of`). A text under MIN_SHINGLES
        shingles, too short to tell a repost from shared boilerplate, joins only the story of a text it
        is a brief of (`_briefs`: the whole of it that text's opening, or a page of it). A longer text
        takes in the stories of its briefs met before it (each of briefs only) and of a column's issues
        giving it (`_issues`), or joins theirs; a column's issue joins the story it gives (`_issue_of`)."""
        near = self._near(p)
        if p.shingles < MIN_SHINGLES:
            return next(iter(self._briefs(p, near, of=True)), None), []
        story, merged = self._story_of(p, near)
        if story is None and not merged and (issue := self._issue_of(p, near)) is not None:
            return issue, []  # a column's issue giving a story's lead between the column's intro and outro
        briefs = self._briefs(p, near, of=False, known={story, *merged})
        briefs += [s for s in self._issues(p, near) if s not in (story, *merged, *briefs)]
        if story is None and not briefs and p.shingles <= BRIEF_MAX and \
                dedup.unlabelled(flat := "".join(p.text().split())) != flat:
            # a labelled brief of a story met after it, sharing too little for a repost (a wire's slogan
            # over its label, a closing line of its own)
            return next(iter(self._briefs(p, near, of=True)), None), []
        if story is None:
            return (briefs[0], briefs[1:]) if briefs else (None, [])
        return story, merged + briefs

    def _issue_of(self, p: Prepared, near: list[dict[str, Any]]) -> int | None:
        """The story of a larger candidate this article is a column's issue of (`_issue_gives`), when
        it is one (`_issue_headline`: 基层一线（第11期）｜headline, headline｜基层一线第11期, or a first line 基层一线·第11期)."""
        if _issue_headline(p.article.title, p.body) is None:
            return None
        for cand in near:
            if cand["shingles"] > p.shingles and (stored := self._read(cand)) is not None and \
                    _issue_gives(p.article.title, p.body, stored.title, stored.text, stored.fp.grams):
                return self._merged.get(cand["story_id"], cand["story_id"])
        return None

    def _issues(self, p: Prepared, near: list[dict[str, Any]]) -> list[int]:
        """The stories of smaller candidates (under ISSUE_MAX shingles) that are column's issues giving this
        article (`_issue_gives`), each of whose texts (its first PARTS_STORY) is an issue of a column under this
        one's headline: an issue met before any copy of the story it gives (an archive imported newest first)."""
        found: list[int] = []
        if p.shingles < MIN_SHINGLES or _issue_headline(p.article.title, p.body) is not None:
            return found
        for cand in near:
            story = self._merged.get(cand["story_id"], cand["story_id"])
            if story in found or not cand["shingles"] < min(p.shingles, ISSUE_MAX) or (stored := self._read(cand)) is None \
                    or not _issue_gives(stored.title, stored.body, p.article.title, p.text(), p.grams()):
                continue
            members = [self._read({"article_id": m}) for m, _, _ in self.ctx.store.story_fingerprints(story, PARTS_STORY)]
            if all(m is not None and _issue_gives(m.title, m.body, p.article.title, p.text(), p.grams()) for m in members):
                found.append(story)
        return found

    def _briefs(self, p: Prepared, near: list[dict[str, Any]], of: bool, known: set[int | None] | None = None) -> list[int]:
        """The stories of the larger candidates this article is a brief of (`_brief_of`; `of`), or
        of the smaller candidates that are briefs of it, each of whose story's texts is a brief's size
        (BRIEF_MAX shingles or fewer): published within BRIEF_APART of each other when both are dated.
        Stories `known` (joined or merged already) are not read."""
        found: list[int] = []
        for cand in near:
            story = self._merged.get(cand["story_id"], cand["story_id"])
            size = cand["shingles"]
            if story in found or (known and story in known) or \
                    not (size > p.shingles if of else size < p.shingles and size <= BRIEF_MAX):
                continue
            stored = self._read(cand)
            if stored is None or not (_brief_of(p.text(), p.article.title, stored.text, stored.title) if of
                                      else _brief_of(stored.text, stored.title, p.text(), p.article.title)):
                continue
            mine, theirs = aware(p.article.published), aware(stored.published)
            if (mine and theirs and abs(mine - theirs) > BRIEF_APART) or \
                    (not of and any(n > BRIEF_MAX for n, _ in self.ctx.store.story_signatures(story, PARTS_STORY))):
                continue
            found.append(story)
        return found

    def _story_of(self, p: Prepared, near: list[dict[str, Any]]) -> tuple[int | None, list[int]]:
        """The story of a stored article whose text contains this one's (or is contained in it),
        and the other stories to merge into it (`_whole_of`). Judged from the stored signatures;
        only a borderline estimate reads the candidate's text. An article dated before the
        window is also compared with those published near its date.

        A copy about this one's size settles it at once. An article holding a smaller text (a
        frame around a story, a page of it, or a quotation of it among text of its own) is
        compared with every candidate: a story one of whose texts it quotes is not joined
        through another (a retrospective quoting most of a story holds its first page whole),
        and texts of several stories make it their whole or a compilation (`_whole_of`)."""
        # A story one of whose texts holds this one's figures in other values (a county's release
        # from the same template) is not joined through a text of it that has none to compare
        # (the release's paragraphs without figures, a story's second page).
        conflicted: set[int] = set()
        blind: int | None = None
        found: list[int] = []  # stories judged reposts, in the order found
        held: dict[int, list[dict[str, Any]]] = {}  # their texts notably smaller than this one
        within: dict[int, list[dict[str, Any]]] = {}  # and notably larger (this one a part of them)
        texts: dict[int, list[dict[str, Any]]] = {}  # every candidate, by story
        quoting: dict[int, list[dict[str, Any]]] = {}  # texts this one quotes or is quoted by
        for cand in itertools.chain(near, self._dated_candidates(p, near)):
            story = cand["story_id"] = self._merged.get(cand["story_id"], cand["story_id"])
            if story in conflicted or (texts and not self._telling(p, cand, held, within)):
                continue
            verdict = cand["verdict"] = self._repost_of(p, cand)
            texts.setdefault(story, []).append(cand)
            if verdict in (REPOST, BLIND):
                size = cand["shingles"]
                if verdict == REPOST and not found and COPY * p.shingles <= size <= p.shingles / QUOTED \
                        and story not in quoting and not cand.get("loose"):
                    # a copy, or one with a note of this one's: no frame, no quotation, no part; the
                    # stories started by parts of this text met first join it (`_parts_apart`)
                    if not self._other_round(p, story):
                        return story, self._parts_apart(p, cand, near)
                    conflicted.add(story)
                    continue
                if verdict == REPOST:
                    found.append(story)
                else:
                    blind = blind or story
                (held if size < p.shingles else within).setdefault(story, []).append(cand)
            elif verdict == CLASH:
                conflicted.add(story)
            elif verdict == QUOTES:
                quoting.setdefault(story, []).append(cand)
        quoted = {story for story in held if self._quotes_story(p, story, texts, quoting)}
        quoted |= self._quoting(within, texts) - held.keys()  # not a story whose text this one holds
        # nor one holding this article in a text of it while this one quotes another text of it
        quoted |= {story for story in within.keys() - held.keys() if self._quotes_story(p, story, texts, quoting, 0)}
        quoted |= {story for story in held.keys() - within.keys() if self._lent(p, story, texts, held)}
        quoted |= {story for story in within.keys() - held.keys() if self._borrowed(p, story, texts)}
        quoted |= {story for story in within.keys() - held.keys() - quoted if self._spliced(p, story, texts)}
        quoted |= {story for story in within.keys() - held.keys() - quoted if self._digest_holding(p, story, within[story])}
        stories = list(dict.fromkeys(s for s in found if s not in conflicted and s not in quoted))
        stories = [s for s in stories if not self._other_round(p, s)]
        # a story whose texts this one holds only inside a held text of another such story (a brief of
        # the lead that started a story before any fuller copy) is no other item of a digest
        inner = self._held_inside(held, conflicted | quoted)
        if self._digest_of(p, texts, held, quoted | inner):
            return None, []  # whole stories one after another: a digest, none of them (nor them joined)
        if len(parts := [s for s in held if s not in conflicted and s not in quoted and s not in inner]) > 1:
            return self._whole_of(p, parts, held)  # texts of several stories (their whole, or a digest)
        if parts and len([s for s in held if s not in conflicted and s not in inner]) > 1:
            return None, []  # one story's text beside another's it quotes: a compilation (a digest's first item)
        if len(copies := self._copies(p, stories, held, within)) > 1:
            return copies[0], copies[1:]  # copies of this text, each met before it, started stories
        if stories:
            return ([s for s in stories if s not in inner] or stories)[0], []
        return (blind, []) if blind not in conflicted and blind not in quoted else (None, [])

    def _digest_of(self, p: Prepared, texts: dict[int, list[dict[str, Any]]], held: dict[int, list[dict[str, Any]]],
                   apart: set[int]) -> bool:
        """Whether this article gives two stories or more whole, each apart from the others: every text of
        each met (not `apart`) is smaller than this one and leaves out under QUOTE_OWN characters of its own
        (`dedup.left_text`: a byline, a note), one of them a section of it under a heading (`_kept`'s
        `_section`) or held (`held`) and no brief (BRIEF_MAX shingles or fewer, one paragraph), and two such
        texts share little (under ABSENT of the smaller's shingles) under headlines of their own, and this
        one's headline is its own too (`_own_headline`, not a page's `_page_of`). A weekly digest (一周看点) giving two reports whole is
        neither report: joining it merged the two stories (`_whole_of`), or joined it to one through a copy
        of that one the digest holds less than whole (a copy that dropped sentences) while the other's
        texts clashed with it. A story's pages share its headline, the copies a mirror's whole copy is
        made of share its opening, and a splice of a story's opening and a short report keeps the story's
        headline and is cut from it (its texts go on): none is a digest. Read only for an article holding texts of two stories
        or more."""
        if len([s for s in held if s not in apart]) + any(c.get("section") for cands in texts.values() for c in cands) < 2:
            return False
        mine, whole = p.grams(), dict[int, list[_Stored]]()
        for story, cands in texts.items():
            if story in apart or not any(c.get("section") or c in held.get(story, ()) for c in cands) \
                    or any(c["shingles"] >= p.shingles for c in cands):
                continue
            read = [(c, stored) for c in cands if (stored := self._read(c)) is not None]
            if len(read) < len(cands) or any(dedup.left_text(stored.text, mine) >= dedup.QUOTE_OWN for _, stored in read):
                continue  # (a text of it goes on: this one is cut from it)
            whole[story] = [stored for c, stored in read if (c.get("section") or c in held.get(story, ())) and (
                c["shingles"] > BRIEF_MAX or dedup.paragraphs(stored.body) >= 2)]
        title = p.article.title
        return any(_own_headline(a.title, b.title) and not _page_of(a.title, b.title)
                   and _own_headline(title, a.title) and _own_headline(title, b.title)
                   and dedup.containment(a.fp.grams, b.fp.grams) < ABSENT
                   for s, t in itertools.combinations(whole, 2) for a in whole[s] for b in whole[t])

    def _digest_holding(self, p: Prepared, story: int, larger: list[dict[str, Any]]) -> bool:
        """Whether every text of a story found holding this article (`larger`, each DIGEST_ITEMS times its
        size or more) gives it whole (`dedup.whole_inside`) beside another text of the story (its first
        LENT_MEMBERS) it gives whole too, no brief, that shares little with this one (under ABSENT of the
        smaller's shingles) under a headline of its own, the larger's its own too (`_digest_of` the other
        way): a digest met before
        both reports (an archive imported newest first), which a copy of the other report joined. This
        report is no part of that one: joining the digest merged the two stories. Read only for an article
        held by a text twice its size or more."""
        if p.shingles < MIN_SHINGLES or not (p.shingles > BRIEF_MAX or dedup.paragraphs(p.body) >= 2) \
                or not larger or any(c["shingles"] < DIGEST_ITEMS * p.shingles for c in larger):
            return False
        mine, ids = p.text(), {c["article_id"] for c in larger}
        digests = [stored for c in larger if (stored := self._read(c)) is not None and dedup.whole_inside(mine, stored.fp.grams)]
        if len(digests) < len(larger):
            return False
        for member, size, _ in self.ctx.store.story_fingerprints(story, LENT_MEMBERS):
            if member in ids or size < MIN_SHINGLES or (other := self._read({"article_id": member})) is None:
                continue
            if (size > BRIEF_MAX or dedup.paragraphs(other.body) >= 2) and _own_headline(other.title, p.article.title) \
                    and not _page_of(other.title, p.article.title) and dedup.containment(other.fp.grams, p.grams()) < ABSENT \
                    and all(dedup.whole_inside(other.text, d.fp.grams) and _own_headline(d.title, other.title)
                            and _own_headline(d.title, p.article.title) for d in digests):
                return True
        return False

    def _held_inside(self, held: dict[int, list[dict[str, Any]]], apart: set[int]) -> set[int]:
        """Of the stories (not `apart`) whose texts this article holds (`held`), those each of whose held
        texts is inside (REPOST_CONTAINMENT of its shingles) a larger held text of another of them: a
        portal's brief of the story's lead, met before any fuller copy, started a story of its own, and
        a copy that rotated the story's paragraphs (its lead no longer its opening) another. An article
        holding both holds one story's text twice, not two items of a digest, whose items are apart.
        Read only when this article holds texts of two stories or more."""
        stories = [s for s in held if s not in apart]
        if len(stories) < 2:
            return set()
        texts = {s: [(c["shingles"], stored) for c in held[s] if (stored := self._read(c)) is not None] for s in stories}
        return {s for s in stories if texts[s] and all(
            any(size < other and dedup.containment(stored.fp.grams, larger.fp.grams) >= REPOST_CONTAINMENT
                for t in stories if t != s for other, larger in texts[t])
            for size, stored in texts[s])}

    def _clashing(self, p: Prepared, story: int) -> bool:
        """Whether a text of a story this article would merge (its first LENT_MEMBERS) holds it or is held by it
        with figures, a date, a name or a round of its own (`_repost_of`: CLASH): another release from the same
        template, which a copy of this article's story without those (a paragraph dropped, its figures with
        it) joined first. The story was judged by that copy alone (its other texts not telling, `_telling`),
        and merging it joined two releases, every copy following. Read only for a merge."""
        for member, size, sig in self.ctx.store.story_fingerprints(story, LENT_MEMBERS):
            if self._repost_of(p, {"article_id": member, "shingles": size, "sig": sig, "story_id": story}) == CLASH:
                return True
        return False

    def _other_round(self, p: Prepared, story: int) -> bool:
        """Whether this article names a round (`dedup.rounds`: 第6批) and a text of the story (its first
        LENT_MEMBERS) names another of that kind (`dedup.rounds_apart`): the story is another round's
        release from the same template, joined by this one's copy that lost the number (garbled, or
        cut before it), met first; the copy is no way into it. Read only for an article naming a round.
        An article naming no round is no copy of a story whose texts name one when it was published
        ROUND_AHEAD or more before every text of it (`_ahead_of_round`)."""
        if not dedup.rounds(p.text()):
            return self._ahead_of_round(p, story)
        for member, _, _ in self.ctx.store.story_fingerprints(story, LENT_MEMBERS):
            stored = self._read({"article_id": member})
            if stored is not None and dedup.rounds_apart(p.text(), stored.text):
                return True
        return False

    def _ahead_of_round(self, p: Prepared, story: int) -> bool:
        """Whether this article, naming no round, was published ROUND_AHEAD or more before every text of a
        story one of whose texts (its first LENT_MEMBERS) names a round inside what it shares with this one
        (`dedup.rounds_inside`; a column's issue in its frame is none): a copy of the last
        round's release that lost the number (cut out, garbled) met after the next round's release
        (an archive imported newest first). The text cannot tell the two releases apart, but a copy comes
        after its original, not weeks before it. Read only for an article dated ROUND_AHEAD or more ago
        (a poll's fresh articles ask nothing)."""
        published = aware(p.article.published)
        if published is None or published > utcnow() - ROUND_AHEAD:
            return False
        first = self.ctx.store.story_first_published(story)
        if first is None or published > first - ROUND_AHEAD:
            return False
        for member, _, _ in self.ctx.store.story_fingerprints(story, LENT_MEMBERS):
            stored = self._read({"article_id": member})
            if stored is not None and dedup.rounds_inside(stored.text, p.grams()):
                return True
        return False

    def _copies(self, p: Prepared, stories: list[int], held: dict[int, list[dict[str, Any]]],
                within: dict[int, list[dict[str, Any]]]) -> list[int]:
        """The stories judged reposts (oldest first) one of whose texts holds this article whole
        (`dedup.whole`) between a copy's frame (`_copy_around`: a self-media intro and outro, or
        none) and none of whose texts it holds: copies of this text, each of which left the
        others' frames out (such a frame makes a third of a short story's copy: two copies hold
        under REPOST_CONTAINMENT of each other), met before this text and each started a story;
        this text is theirs. A retrospective quoting it among text of its own is no copy, and
        copies with figures or names the others have in other values (`_one_story`) are none."""
        if len(stories) < 2:
            return []
        mine, grams = p.text(), p.grams()
        copies = {s: stored for s in stories if s not in held for c in within.get(s, ())
                  if (stored := self._read(c)) is not None and dedup.whole(mine, stored.fp.grams)
                  and _copy_around(stored.text, grams)}
        if not all(_one_story(a, b) for a, b in itertools.combinations(copies.values(), 2)):
            return []  # (this text without what tells them apart: a cut of a template's release)
        return sorted(copies)

    @staticmethod
    def _telling(p: Prepared, cand: dict[str, Any], held: dict[int, list[dict[str, Any]]],
                 within: dict[int, list[dict[str, Any]]]) -> bool:
        """Whether a candidate met after this article was found to hold or be held by a text of a
        story can change the verdict: a fuller text of that story (which this one may quote), a
        smaller one of a story whose text this one frames loosely (`_kept`), or
        another story's text on the same side (its whole's other part, a digest's other item, or
        another text holding this one), whose signature agrees with this one's in a band's bins at
        least. Others are not judged (they may cost a read each)."""
        if dedup.equal_bins(p.packed, cand["sig"]) < MIN_EQUAL_BINS:  # unrelated, or too little shared
            return False
        size = cand["shingles"]
        if (mine := held.get(cand["story_id"], []) + within.get(cand["story_id"], [])):
            # or a smaller one where this one frames a text of it but for a few words (it may frame
            # that one whole: `_kept`'s loose frame)
            return size > max(c["shingles"] for c in mine) or any(c.get("loose") for c in mine)
        return (size < p.shingles) if held else (size >= p.shingles or not within)

    def _quoting(self, within: dict[int, list[dict[str, Any]]], texts: dict[int, list[dict[str, Any]]]) -> set[int]:
        """Of the stories whose texts hold this article (a part of them), those with a text quoting
        a text of another (`_left_story_text`): a story's first page is held by the story and by
        a retrospective or a digest quoting it, and belongs to the story."""
        if len(within) < 2:
            return set()
        return {story for story, mine in within.items()
                if any(self._left_story_text(a, b, texts[other])
                       for a in mine for other, theirs in within.items() if other != story for b in theirs)}

    def _left_story_text(self, a: dict[str, Any], b: dict[str, Any], members: list[dict[str, Any]]) -> bool:
        """Whether stored text `a` quotes stored text `b` (`dedup.quoting`) leaving out text another
        of b's story's texts has (`members`): the story's, not one repost's own lead or note."""
        mine, theirs = self._read(a), self._read(b)
        if mine is None or theirs is None or not dedup.quoting(mine.text, mine.fp.grams, theirs.text, theirs.fp.grams):
            return False
        return self._story_text(theirs, dedup.left_out(theirs.text, mine.fp.grams), b, members)

    def _story_text(self, stored: _Stored, left: Any, cand: dict[str, Any], members: list[dict[str, Any]]) -> bool:
        """Whether QUOTE_OWN characters or more of a stored text's, those marked in `left`, are
        in another text of its story (`members`, cand's among them)."""
        for other in members:
            kept = self._read(other) if other["article_id"] != cand["article_id"] else None
            if kept is not None and int((left & ~dedup.left_out(stored.text, kept.fp.grams)).sum()) >= dedup.QUOTE_OWN:
                return True
        return False

    def _quotes_story(self, p: Prepared, story: int, texts: dict[int, list[dict[str, Any]]],
                      quoting: dict[int, list[dict[str, Any]]], smallest: int | None = None) -> bool:
        """Whether this article, holding a smaller text of a story, quotes a text of it (`dedup.quotes`,
        also one sharing too little to be a repost) leaving out text another of its texts has: the
        story's text, not one repost's own lead or note (a repost framing the story whole quotes
        another repost that added a lead of its own, and still joins). Texts sharing too little are
        read when larger than `smallest` (by default the smallest text of the story this one holds;
        0 for a story holding this one: a follow-up quoting a story inside a repost that added a
        lead of its own, whose lead shares a few words with the follow-up's closing). Of a story holding
        this one, only a text this one quotes counts, not one quoting it: a columnist's copy framing the
        whole story between the column's fixed opening and sign-off frames a repost that replaced the
        story's opening with a lead of its own, and the repost still joins the story. Of a story this
        one holds a text of, a text quoting this one counts too: fold-21 dropped it for a splice of the
        story's opening and another report's paragraph, and fold-19's held part lost precision
        (0.988 -> 0.965 in publication order, +58 pairs of different stories)."""
        if any(c.get("framed") for c in quoting.get(story, [])):
            return True  # a text of it held whole under a frame of this one's (`_framed_apart`)
        if smallest is None:
            smallest = min(c["shingles"] for c in texts[story] if c["verdict"] in (REPOST, BLIND))
            mine = quoting.get(story, [])
        else:
            mine = [c for c in quoting.get(story, []) if c.get("mine", True)]
        quoted = mine + [c for c in texts[story] if c["verdict"] == NOT and c["shingles"] > smallest and self._quotes(p, c)]
        for cand in quoted:
            stored = self._read(cand)
            if stored is not None and self._story_text(stored, dedup.left_out(stored.text, p.grams()), cand, texts[story]) \
                    and not self._frame_of_story(p, stored, cand, texts[story]):
                return True
        return False

    def _borrowed(self, p: Prepared, story: int, texts: dict[int, list[dict[str, Any]]]) -> bool:
        """Whether each text of a story (of more texts) found holding this article shares with it only a
        passage closing that text, which two texts or more of another story hold (MADE_OF of it each) and
        no other text of its own story holds (QUOTE_OWN characters or more): an aggregator's splice
        closing one report's opening with the last paragraph of another, met by that other report's
        day-2 report giving the paragraph; the paragraph is the other report's (joined, or apart by its
        date), borrowed by the splice. Texts quoting this one (a commentary and its copy) hold a passage
        they do not own: only a repost's verdict counts (REPOST, BLIND, or CLASH: figures or a date of
        its own)."""
        mine = [c for c in texts[story] if c["verdict"] in (REPOST, BLIND)]
        others = [c for other, cands in texts.items() if other != story and len(cands) > 1 for c in cands
                  if c["verdict"] in (REPOST, BLIND, CLASH)]
        if not mine or not others or len(self.ctx.store.story_signatures(story, 1)) < 2:
            return False  # (a story of one text: a copy of the passage's story that started its own)
        grams, owning = p.grams(), {c["article_id"] for c in others}
        for cand in mine:
            if (stored := self._read(cand)) is None or (edges := dedup.frame_edges(stored.text, grams)) is None \
                    or not edges[1] < dedup.QUOTE_EDGE <= edges[0]:
                return False  # the passage closes the text (a splice's added paragraph)
            shared = ~dedup.left_out(stored.text, grams)
            count = int(shared.sum())
            held_by = {c["article_id"]: int((shared & ~dedup.left_out(stored.text, kept.fp.grams)).sum())
                       for c in texts[story] + others if c is not cand and (kept := self._read(c)) is not None}
            if any(held_by.get(c["article_id"], 0) >= dedup.QUOTE_OWN for c in texts[story] if c is not cand):
                return False  # the passage is the story's own text too
            if not any(sum(c["article_id"] in owning and held_by.get(c["article_id"], 0) >= MADE_OF * count for c in cands) > 1
                       for other, cands in texts.items() if other != story):
                return False
        return True

    def _spliced(self, p: Prepared, story: int, texts: dict[int, list[dict[str, Any]]]) -> bool:
        """Whether the texts of a story found holding this article hold it only as their closing, after an
        opening that another text of the story holds and goes on from with QUOTE_OWN characters or more of
        its own, while that text holds under QUOTE_OWN characters of this one's: an aggregator's splice of a
        story's opening paragraphs and a whole short report (a photo's one-paragraph caption story) met
        before the report. The report is no part of the story: joining through the splice merged the two
        stories, every copy of the report following it. A story's part met after the story (a second half,
        a copy cut after the lead) is in the story's other texts, or they (a brief, a first half) stop where
        the part begins. Of the story's first LENT_MEMBERS texts, only those sharing little with this one
        and much with each splice (by the signatures) are read."""
        holding = [c for c in texts[story] if c["verdict"] in (REPOST, BLIND)]
        if not holding:
            return False
        grams, splices = p.grams(), []
        for cand in holding:
            stored = self._read(cand)
            if stored is None or (edges := dedup.frame_edges(stored.text, grams)) is None \
                    or not edges[1] < dedup.QUOTE_EDGE <= edges[0]:
                return False  # (this one is no closing of it)
            splices.append((cand, stored, dedup.frame(stored.text, grams).partition("\n")[0]))
        met = {c["article_id"] for c in texts[story]}
        for member, size, sig in self.ctx.store.story_fingerprints(story, LENT_MEMBERS):
            if member in met or _common(p.shingles, p.packed, size, sig) >= LENT_SHARED * p.shingles \
                    or any(_common(c["shingles"], c["sig"], size, sig) < PART * c["shingles"] for c, _, _ in splices):
                continue
            other = self._read({"article_id": member})
            if other is None or not len(other.fp.grams) \
                    or int((~dedup.left_out(p.text(), other.fp.grams)).sum()) >= dedup.QUOTE_OWN:
                continue  # (a text of the story giving this one's words)
            if all(dedup.coverage(opening, other.fp.grams) >= MADE_OF
                   and (after := dedup.frame_edges(other.text, stored.fp.grams)) is not None and after[1] >= dedup.QUOTE_OWN
                   for _, stored, opening in splices):
                return True
        return False

    def _lent(self, p: Prepared, story: int, texts: dict[int, list[dict[str, Any]]],
              held: dict[int, list[dict[str, Any]]]) -> bool:
        """Whether the texts of a story this article holds (none holding it) are the closing of one larger
        text of the story, and of no other text of it met, which this article is no repost of and which
        before them holds text another of the story's texts has (PART of the larger text or more, by the
        signatures) and this article shares little of (under LENT_SHARED of that text): an aggregator's
        splice of a story's opening paragraphs and the last paragraph of this report, and a part of this
        report met after the splice (its second half, mostly that paragraph), joined the splice's story.
        The part is this report's; joining through it merged the two reports' stories. (A story's copies
        hold its paragraphs many times over: a copy with a lead of its own holding a copy of the story's
        second paragraph is one of them.)"""
        mine = held[story]
        largest = max(c["shingles"] for c in mine)
        larger = [c for c in texts[story] if c["shingles"] > largest and all(dedup.containment_bounds(
            h["shingles"], h["sig"], c["shingles"], c["sig"], z=0.0)[0] >= BROKEN_CONTAINMENT for h in mine)]
        if not any(c["verdict"] == NOT for c in larger):  # (by the signatures: nothing read)
            return False
        parts = [self._read(c) for c in mine]
        if any(part is None for part in parts):
            return False
        lenders = [(c, stored) for c in larger if (stored := self._read(c)) is not None
                   and all(dedup.coverage(part.text, stored.fp.grams) >= MADE_OF for part in parts if part is not None)]
        if not lenders or any(c["verdict"] != NOT for c, _ in lenders):
            return False
        if not all((edges := dedup.frame_edges(stored.text, part.fp.grams)) is not None
                   and edges[1] < dedup.QUOTE_EDGE <= edges[0] for _, stored in lenders for part in parts if part is not None):
            return False  # (its closing: a story's opening is its own, and so is a passage a self-media copy frames)
        members = self.ctx.store.story_signatures(story, LENT_MEMBERS)
        return any(_common(lender["shingles"], lender["sig"], size, sig) >= PART * lender["shingles"]
                   and _common(p.shingles, p.packed, size, sig) < LENT_SHARED * size
                   for lender, _ in lenders for size, sig in members)

    def _frame_of_story(self, p: Prepared, stored: _Stored, cand: dict[str, Any], members: list[dict[str, Any]]) -> bool:
        """Whether this article's text of its own at both edges of what it shares with a stored text
        (QUOTE_EDGE or more each) is, at one edge, text of the story's other texts (`members`, those
        met): a copy spliced from the story's opening and another report's paragraph, beside a
        copy of the story cut after its opening, frames nothing of its own there; a follow-up's opening is
        its own."""
        edges = dedup.frame_edges(p.text(), stored.fp.grams)
        if edges is None or min(edges) < dedup.QUOTE_EDGE:
            return False
        others = [kept.fp.grams for c in members if c["article_id"] != cand["article_id"] and (kept := self._read(c)) is not None]
        beside = dedup.edges_beside(p.text(), stored.fp.grams, others) if others else None
        return beside is not None and min(beside) < dedup.QUOTE_EDGE

    def _whole_of(self, p: Prepared, stories: list[int], held: dict[int, list[dict[str, Any]]]
                  ) -> tuple[int | None, list[int]]:
        """(the oldest story, the others to merge into it) when the stored texts this article
        holds make it up (MADE_OF of its shingles, or of its characters inside their shingles,
        `dedup.coverage_in`: a story's pages, each started a story, met by its whole copy; a copy
        that dropped paragraphs and a garbled copy cut after the opening, met by a mirror's copy
        with an insertion every few words); else (None, []): text of its own besides several
        stories' texts (a digest). A story whose text giving most of this one's (`_given`) has a passage
        this article left out (`dedup.goes_beyond`: a caption's words of its own after a place and date
        it shares; not a garbled run) is no page of it: this article is a cut copy of that story with another's text added (an
        aggregator's splice of a story's opening paragraphs and a whole short report met before it), and
        joins that story alone (of several, the one giving most). (A self-media copy framing the
        story whole leaves its frame out of a column's copy: the story's original, inside it, gives as
        much.)"""
        grams = [stored.fp.grams for s in stories for c in held[s] if (stored := self._read(c)) is not None]
        mine = p.grams()
        if not grams or not len(mine) or (dedup.share_in(mine, grams) < MADE_OF and dedup.coverage_in(p.text(), grams) < MADE_OF):
            return None, []
        given = {s: self._given(held[s], mine, p.text()) for s in stories}
        if cut := [s for s in stories if not given[s][1]]:
            return max(cut, key=lambda s: given[s][0]), []
        keep, *gone = sorted(stories)
        return keep, gone

    def _given(self, texts: list[dict[str, Any]], grams: Any, text: str) -> tuple[int, bool]:
        """(characters inside an article's shingles `grams`, whether the article, `text`, leaves none of
        it out: `dedup.goes_beyond`) of the text of `texts` giving most of the article (of those, one
        the article leaves none of out first)."""
        best = (0, False)
        for cand in texts:
            if (stored := self._read(cand)) is not None:
                best = max(best, (int((~dedup.left_out(stored.text, grams)).sum()), not dedup.goes_beyond(stored.text, grams, text)))
        return best

    def _quotes(self, p: Prepared, cand: dict[str, Any]) -> bool:
        """Whether this article quotes a related stored text or is quoted by it (read)."""
        if dedup.equal_bins(p.packed, cand["sig"]) < MIN_EQUAL_BINS:
            return False
        stored = self._read(cand)
        return stored is not None and dedup.quotes(p.text(), p.grams(), stored.text, stored.fp.grams)

    def _near(self, p: Prepared) -> list[dict[str, Any]]:
        """The stored articles sharing an LSH key with this one."""
        return self.ctx.store.lsh_candidates(p.looks, anchors=p.keys[len(p.keys) - p.anchors:])

    def _dated_candidates(self, p: Prepared, near: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """For an article dated before the window, the stored articles published near its date
        (`_old_signatures`) that share no LSH key with it (`_near`); read only when asked."""
        when = _old_date(p.article)
        if self._dated is not None and when is not None:
            tried = {c["article_id"] for c in near}
            yield from (c for c in self._dated.candidates(p.packed, when) if c["article_id"] not in tried)

    def _parts_apart(self, p: Prepared, copy: dict[str, Any], near: list[dict[str, Any]]) -> list[int]:
        """The other stories one of whose texts this article, a copy of a stored text (`copy`), holds as a
        repost holds its opening (`_repost_of`, `dedup.opens_with`: a portal's brief of the lead, a copy
        cut after a paragraph), met before any fuller text of the copy's story reached them: a brief
        stored first starts a story, a WeChat copy opening with its own intro does not find it, and
        every later copy settled on the WeChat copy's story. Only smaller texts whose signature says
        they are mostly inside this one are judged; one quoting this text or the copy, or quoted by
        either (`dedup.quotes`: a follow-up), is none; so is a text that is not this one's opening (a
        cut copy of another report from one template, its lead gone, is mostly the shared template)
        unless it is this one behind a lead of its own (`_own_lead`: a portal's copy of a short story,
        met before it and after copies under other headlines)."""
        story, parts = copy["story_id"], list[int]()
        settled = self._read(copy)
        for cand in near:
            other = self._merged.get(cand["story_id"], cand["story_id"])
            if other == story or other in parts or not MIN_SHINGLES <= cand["shingles"] < p.shingles \
                    or dedup.equal_bins(p.packed, cand["sig"]) < MIN_EQUAL_BINS or dedup.containment_bounds(
                        p.shingles, p.packed, cand["shingles"], cand["sig"], z=0.0)[0] < BROKEN_CONTAINMENT:
                continue
            if self._repost_of(p, {**cand, "story_id": other}) not in (REPOST, BLIND):  # (BLIND: no figures)
                continue
            stored = self._read(cand)
            if stored is None or settled is None or \
                    not (_opening(p.text(), p.grams(), stored.text, stored.fp.grams) or self._own_lead(p, stored)) or \
                    self._quotes(p, cand) or dedup.quotes(stored.text, stored.fp.grams, settled.text, settled.fp.grams) \
                    or not self._all_inside(p, other):
                continue
            parts.append(other)
        return parts

    def _all_inside(self, p: Prepared, story: int) -> bool:
        """Whether every text of a story (PARTS_STORY at most) is smaller than this article and, by
        its signature, mostly inside it: a story of this text's parts, not another report that a
        part of this text (a brief of an opening two write-ups share) joined first."""
        members = self.ctx.store.story_signatures(story, PARTS_STORY)
        return len(members) <= PARTS_STORY and all(
            size < p.shingles and dedup.containment_bounds(p.shingles, p.packed, size, sig, z=0.0)[0] >= BROKEN_CONTAINMENT
            for size, sig in members)

    def _repost_of(self, p: Prepared, cand: dict[str, Any]) -> int:
        """NOT, REPOST, BLIND or CLASH (above) for this article against a stored candidate."""
        if cand["shingles"] < MIN_SHINGLES:
            return NOT
        # a 3-sigma interval from the signatures: the shingles decide only when it straddles
        low, high = dedup.containment_bounds(p.shingles, p.packed, cand["shingles"], cand["sig"])
        if low < REPOST_CONTAINMENT:
            # a mirror's broken text is read when the estimate itself (not its upper bound) says so
            likely = high >= REPOST_CONTAINMENT or (high >= BROKEN_CONTAINMENT and dedup.containment_bounds(
                p.shingles, p.packed, cand["shingles"], cand["sig"], z=0.0)[0] >= BROKEN_CONTAINMENT)
            if not ((likely or self._opening_of(p, cand)) and self._contained(p, cand)):
                return NOT
        return self._kept(p, cand)

    def _kept(self, p: Prepared, cand: dict[str, Any]) -> int:
        """What the signatures cannot tell of a pair where one text holds the other: the
        shorter text's figures are in the longer (two notices from one template differ in
        theirs), a stored text that is a small part of this one is its opening or two
        paragraphs or more (a digest holds other stories' openings, one paragraph each) and
        this one's title does not round up the news (a digest opening with a story's
        lead-only copy), this article, when a small part of the stored one, is one of its
        story's (`_inside`), no name of one stands where the other has another (`_renamed`: a
        release from one template for another county, with figures or without), no round of a
        kind both name is another's (`dedup.rounds_apart`: the next round's release, 第6批 beside
        第5批, from the same template), the smaller is
        not one section of the larger under a heading of its own (`_section`: a digest's item,
        met before or after the page), and neither text quotes the other (`dedup.quotes`: a commentary). The candidate is read unless this
        article is the shorter, not a small part of it, without figures or rounds, its headline no label
        (`_has_label`: a commentary's), and the two are copies (their signatures agree in every
        bin). Says NOT, REPOST, BLIND, CLASH or QUOTES."""
        part = cand["shingles"] < PART * p.shingles
        inside = p.shingles < PART * cand["shingles"]
        shorter = p.shingles <= cand["shingles"]
        # two texts of about one size whose signatures agree almost everywhere are copies, not a
        # text and its quotation: not read for it
        quoting = min(p.shingles, cand["shingles"]) < QUOTED * max(p.shingles, cand["shingles"]) or \
            dedup.containment_bounds(p.shingles, p.packed, cand["shingles"], cand["sig"], z=0.0)[0] < QUOTED
        if shorter and not inside and not p.figures() and not quoting and not dedup.rounds(p.text()) and \
                dedup.equal_bins(p.packed, cand["sig"]) == dedup.BINS and not _has_label(p.article.title):
            return REPOST  # (a labelled commentary on a long story may hold it all but its short frame)
        stored = self._read(cand)
        if stored is None or (inside and not self._inside(p, stored)):
            return NOT
        mine, theirs = p.figures(), dedup.figures(stored.body)
        if not (dedup.figures_kept(mine, theirs) if shorter else dedup.figures_kept(theirs, mine)):
            return CLASH
        if self._renamed(p, stored, shorter) or _dated_apart(p.text(), p.grams(), stored.text, stored.fp.grams) \
                or dedup.rounds_apart(p.text(), stored.text) or _issues_apart(p.article.title, stored.title) or \
                (_counts_differ(p.text(), stored.text, stored.fp.grams) if shorter
                 else _counts_differ(stored.text, p.text(), p.grams())):
            return CLASH  # (a release from one template for another place, date, round or count)
        if quoting and (_one_paragraph_of(p.text(), p.grams(), stored.text, stored.fp.grams, stored.body) if shorter
                        else _one_paragraph_of(stored.text, stored.fp.grams, p.text(), p.grams(), p.body)):
            return CLASH  # another report giving one paragraph of the story's (its background, a notice it quotes)
        if cand["shingles"] < QUOTED * p.shingles and _roundup(textnorm.normalize(p.article.title)):
            return NOT  # a page rounding up the news holds other stories' texts and is none of them
        if p.shingles < QUOTED * cand["shingles"] and stored.roundup:
            return NOT  # nor is one of them that page's story (the page met first: an archive imported newest first)
        if part and not (dedup.paragraphs(stored.body) >= 2 or _opening(p.text(), p.grams(), stored.text, stored.fp.grams)
                         or dedup.opens_after(p.text(), stored.text)
                         or _page_of(stored.title, p.article.title)):
            return NOT
        if shorter and cand["shingles"] * QUOTED > p.shingles and _section(stored.body, p.grams()):
            return NOT  # one item of a compilation met before the item's own story (or after it)
        if not shorter and p.shingles * QUOTED > cand["shingles"] and _section(p.body, stored.fp.grams):
            cand["section"] = True  # its story is an item of this page (`_digest_of`)
            return NOT
        # a labelled text (`_has_label`) is read for a frame however small beside what it holds: a
        # commentary on a long story, its attribution alone; so is a text where only one of the two
        # names its author (`_AUTHOR`: a commentary without its label, a sentence of its own)
        quoting = quoting or _has_label(p.article.title) or _has_label(stored.title) or \
            (_AUTHOR.search(p.text()) is None) != (_AUTHOR.search(stored.text) is None)
        if quoting and any(sides := _quoting_sides(p.text(), p.grams(), stored.text, stored.fp.grams,
                                                   p.article.title, stored.title)):
            cand["mine"] = sides[0]  # this article quotes the stored text (else only quoted by it)
            return QUOTES
        if quoting and _comments_inside(p, stored, shorter):
            return NOT  # the smaller a commentary on the news the larger holds, not a copy of it
        frame = self._framed_apart(p, stored, shorter) if quoting else ""
        if frame == "whole" or (frame == "loose" and shorter):
            if shorter:
                # the stored text frames this one (but for a few words of this one's own: a repost's
                # lead, the stored one a follow-up met first): no repost (nor a quotation of this one's)
                return NOT
            # this one's frame around a text of the story: the story is not joined through
            # another of its texts either (`_quotes_story`)
            cand["framed"] = True
            return QUOTES
        # a text this one frames but for a few words of its own (a repost's lead or note) under
        # another headline settles nothing at once: a fuller look may find a story framed whole
        cand["loose"] = frame == "loose" and not shorter
        return BLIND if not shorter and not theirs and mine else REPOST

    @staticmethod
    def _renamed(p: Prepared, stored: _Stored, shorter: bool) -> bool:
        """Whether the two texts have names in the same places that differ: a passage of the
        shorter that stands where the longer has another (`dedup.substitutions`), both proper
        names (`segment.proper_name`), or one of them and the other a name the lexicon lacks
        (`segment.name_like`: 茶山坪 beside 柳塘): a release from one template for another place.
        A reposting outlet's rewording (common words) or its 我县 for the county's name is none."""
        small, large, grams = (p.text(), stored.text, stored.fp.grams) if shorter else (stored.text, p.text(), p.grams())
        return _names_differ(small, large, grams)

    @staticmethod
    def _framed_apart(p: Prepared, stored: _Stored, shorter: bool) -> str:
        """"whole" when the larger text holds the whole of the smaller (`dedup.whole`), a story of
        FRAMED_STORY paragraphs or fewer, between a short opening and closing of its own
        (`dedup.framing`: QUOTE_EDGE to FRAME_MAX characters each), or, when they draw a lesson from
        the news (`_draws_lesson`: a commentary's), between paragraphs of its own or after one short
        sentence, under a headline of its own (`_own_headline`): a follow-up or a
        commentary giving a short story whole, not a repost (a WeChat copy framing a story keeps
        its headline or edits it lightly; a repost under a headline of its own adds a lead, no frame)
        unless the frame is a copy's (`_copy_frame`: a self-media copy's intro and outro under a
        headline of its own, calling on its readers or saying nothing of a report) and the larger's
        first line does not say the outlet reported it (`_reporting`: a follow-up asking readers
        to comment), or the larger gives the story in more paragraphs
        (`_held_paragraphs`: a copy framing a story another copy merged into two). A larger text whose
        headline names it a commentary or a follow-up (`_tagged`) frames apart whatever its headline
        keeps, its frame says and the paragraphs of the story (a copy that split them differently)
        number, however long its frame and whether or not it has text of its own at both edges (its
        opening may be its attribution alone, 据…报道：, a line without a sentence), and whatever
        words of its own the smaller has (a copy's lead). So does a larger text whose own text at both
        edges, more than FRAME_MAX together, speaks of the news as news (`_remarks_on_news`: 这件事,
        原文如下, or a lesson drawn), or whose frame gives its author's view of it (`_opines`): a
        commentary without a label, around a story of any length. The smaller text
        held whole but for a copy's frame of its own (`dedup.whole_inside`: a self-media copy of the
        story, met first) is held whole.
        "loose" when all of that holds but the whole: the smaller text has words the larger left
        out. "" otherwise."""
        tagged = _labelled(p.article.title, stored.title, shorter)
        if not tagged and not _own_headline(p.article.title, stored.title):
            return ""
        (large, small), (large_grams, small_grams) = (
            ((stored.text, p.text()), (stored.fp.grams, p.grams())) if shorter
            else ((p.text(), stored.text), (p.grams(), stored.fp.grams)))
        edges = dedup.frame_edges(large, small_grams)
        if edges is None or max(edges) < dedup.QUOTE_EDGE:
            return ""
        frame, long = dedup.frame(large, small_grams), max(edges) > dedup.FRAME_MAX
        # text of its own at both edges, more than a copy's intro and outro (FRAME_MAX together),
        # speaking of the news as news, frames a story of any length as a label would: a
        # commentary's (the rest of a story around a part of it tells facts)
        tagged = tagged or (min(edges) >= dedup.QUOTE_EDGE and sum(edges) > dedup.FRAME_MAX and _remarks_on_news(frame)) \
            or _opines(frame)  # (or gives its author's view of the news at one edge: a commentary without its label)
        if not tagged and dedup.paragraphs(p.body if shorter else stored.body) > FRAMED_STORY:
            return ""  # a longer story (a part of one held by a fuller text reads alike)
        # unlabelled, text of its own at one edge only (a copy's lead or note) or paragraphs of its own (the
        # rest of a longer story around a part of it, a copy's long wrapper) are a commentary's when they draw a lesson
        if not tagged and (min(edges) < dedup.QUOTE_EDGE or long) and not _draws_lesson(frame):
            return ""
        if not tagged and _held_paragraphs(stored.body if shorter else p.body, small_grams) > FRAMED_STORY:
            return ""  # the larger gives the story in more paragraphs than a copy that merged them
        if not tagged and _copy_frame(frame) and not _reporting(stored.body if shorter else p.body, small_grams):
            return ""  # a self-media account's wrapper around a story it copies
        if tagged or dedup.whole(small, large_grams):
            return "whole"  # (a commentary or a follow-up is no repost of a copy whose own lead it left out)
        # the smaller a self-media copy of the story the larger frames whole: only its wrapper left out
        wrapper = _copy_frame(dedup.frame(small, large_grams)) and dedup.whole_inside(small, large_grams)
        return "whole" if wrapper else "loose"

    @staticmethod
    def _inside(p: Prepared, stored: _Stored) -> bool:
        """Whether this article, a small part of a stored one, belongs to its story: not when the
        stored page rounds up the news (its title says so), nor when this article is a single
        paragraph that is not the stored text's opening (one item of a digest, a paragraph a
        commentary quotes) unless it is a page of the stored text under its title (`_page_of`:
        a repost split over pages, its last page one paragraph). Two paragraphs or more (an
        abridged reprint, a story's last page) and a lead-only copy do, with the story's date line
        or without it (`dedup.opens_after`)."""
        if stored.roundup:
            return False
        return dedup.paragraphs(p.body) >= 2 or _opening(stored.text, stored.fp.grams, p.text(), p.grams()) or \
            dedup.opens_after(stored.text, p.text()) or _page_of(p.article.title, stored.title)

    def _opening_of(self, p: Prepared, cand: dict[str, Any]) -> bool:
        """Whether one of this article and a candidate is a brief (BRIEF_MAX shingles or fewer)
        under PART of the other, and they open alike (their first LEAD characters, read): a
        portal's brief of a long story's lead shares a bin or two of the signature with it, so the
        estimate alone rules out as often as not what a read shows whole inside the story (the
        pair was found by the opening's key), whichever came first. A brief that dropped the story's
        date line opens alike after it (`dedup.opens_after`)."""
        small, large = sorted((p.shingles, cand["shingles"]))
        if not LEAD_SHINGLES <= small <= BRIEF_MAX or small >= PART * large:
            return False
        stored = self._read(cand)
        if stored is None:
            return False
        mine, theirs = (dedup.unlabelled("".join(t.split())) for t in (p.text(), stored.text))
        if mine[:dedup.LEAD] == theirs[:dedup.LEAD]:
            return True
        return dedup.opens_after(stored.text, mine) if p.shingles < cand["shingles"] else dedup.opens_after(mine, stored.text)

    def _read(self, cand: dict[str, Any]) -> _Stored | None:
        """A candidate as stored (None when it is gone), read once for the last STORED_KEPT
        candidates (a refused batch forgets them: its articles' ids are given again)."""
        key = cand["article_id"]
        if key not in self._stored:
            if len(self._stored) >= STORED_KEPT:  # the oldest read goes
                del self._stored[next(iter(self._stored))]
            row = self.ctx.store.article(key)
            self._stored[key] = None if row is None else _Stored(row["body"] or "", row["title"] or "", row["published"])
        return self._stored[key]

    def _contained(self, p: Prepared, cand: dict[str, Any]) -> bool:
        """Whether a borderline candidate holds this article's text or is held in it (read)."""
        if dedup.equal_bins(p.packed, cand["sig"]) < MIN_EQUAL_BINS and not self._opening_of(p, cand):
            return False
        stored = self._read(cand)
        if stored is None:
            return False
        other = stored.fp
        share = dedup.containment(p.grams(), other.grams)
        if share >= REPOST_CONTAINMENT:
            return True
        if share < BROKEN_CONTAINMENT:
            return False
        small, large = (p.text(), other.grams) if p.shingles <= other.count else (stored.text, p.grams())
        if dedup.coverage(small, large) >= BROKEN_COVERAGE:
            return True
        if self._own_lead(p, stored):
            return True
        texts = (p.text(), p.grams(), stored.text, other.grams)
        if p.shingles <= other.count:
            return _spliced(*texts, stored.body)
        return _spliced(*texts[2:], *texts[:2], p.body)

    @staticmethod
    def _own_lead(p: Prepared, stored: _Stored) -> bool:
        """Whether one of this article and a stored text is the other with its first paragraph replaced by a
        lead of its own (`_lead_replaced`), both under one headline and published within BRIEF_APART."""
        mine, theirs = aware(p.article.published), aware(stored.published)
        if (mine and theirs and abs(mine - theirs) > BRIEF_APART) or not _same_headline(p.article.title, stored.title):
            return False
        return _lead_replaced(p.body, stored.body) or _lead_replaced(stored.body, p.body)


# A week's or a day's highlights (一周看点, 今日看点): a digest's headline besides those matching knows
# (`roundup_title`), which reads a page's lines as headlines; here it only keeps the page out of its stories.
_HIGHLIGHTS = re.compile("(?:一周|本周|上周|每周|周末|今日|每日)看点")
# Or a column's label of highlights, a bulletin or a digest heading the headline (两会看点|城乡新鲜事, 本地看点
# 2025-09-21, 国庆看点(第3期), 【新闻看点】9月第三周, 每日简报, 县域快报(第31期), 新闻速读, 本周导读): a label of a
# few letters before the kind, then at most a date, an issue's number or a tag of ROUNDUP_TAG letters. A label
# over a story's own headline (两会看点|代表委员建议…) is a column's single story; a feature's count of its own
# highlights (五大看点抢先看) or a question (有何看点) is no label.
_ROUNDUP_LABEL = re.compile(r"[\[【]?([\u4e00-\u9fffA-Za-z]{0,4}?)(?:看点|简报|快报|速报|速读|导读|精选|播报)[\]】]?"
                            r"\s*[|:：/丨—-]*\s*(.*)")
_NOT_LABEL = re.compile("大$|何|些")
_TAG_LETTER = re.compile("[\u4e00-\u9fffA-Za-z]")
ROUNDUP_TAG = 6


def _roundup(norm_title: str) -> bool:
    """Whether a normalised headline says its page rounds up the news (`roundup_title`, `_HIGHLIGHTS`,
    `_ROUNDUP_LABEL`)."""
    if roundup_title(norm_title) or _HIGHLIGHTS.search(norm_title) is not None:
        return True
    m = _ROUNDUP_LABEL.fullmatch(norm_title.strip())
    return m is not None and _NOT_LABEL.search(m.group(1)) is None and len(_TAG_LETTER.findall(m.group(2))) <= ROUNDUP_TAG


def _same_headline(a: str, b: str) -> bool:
    """Whether two headlines are one (their letters and digits, scripts folded), TITLE_MIN characters or more."""
    a, b = ("".join(c for c in scriptfold.fingerprint_text(textnorm.normalize(t)) if c.isalnum()) for t in (a, b))
    return len(a) >= TITLE_MIN and a == b


def _lead_replaced(copy: str, story: str) -> bool:
    """Whether `copy` (a body) is `story`'s paragraphs after its first, each given whole and nothing else
    (REPOST_CONTAINMENT of the rest's shingles in each other's), behind a first paragraph of its own: under
    ABSENT of it in the story's first paragraph (a lead of the outlet's own, not the story's lead from one
    template with another date or place) and no number the story lacks. A short story's own-lead copy
    keeps under REPOST_CONTAINMENT of its text in the story's when its lead is as long as the paragraphs
    it keeps."""
    mine, theirs = (
        [text for line in dedup.story_lines(body).split("\n") if (text := scriptfold.fingerprint_text(line).strip())]
        for body in (copy, story))
    if len(mine) < 2 or len(theirs) < 2 or len(rest := "".join(mine[1:])) < dedup.LEAD:
        return False
    lead, rest_fp, story_rest = mine[0], dedup.fingerprint(rest), dedup.fingerprint("".join(theirs[1:]))
    if not len(rest_fp.grams) or not len(story_rest.grams) or \
            dedup.containment(rest_fp.grams, story_rest.grams) < REPOST_CONTAINMENT or \
            min(len(rest_fp.grams), len(story_rest.grams)) < REPOST_CONTAINMENT * max(len(rest_fp.grams), len(story_rest.grams)):
        return False
    if dedup.coverage(lead, dedup.fingerprint(theirs[0]).grams) >= ABSENT:
        return False
    whole = "".join(theirs)
    return all(number in whole for number in _COUNT.findall(lead))


SPLICED_PARAGRAPHS = 2  # paragraphs of a story's opening a splice holds whole (`_spliced`)


def _spliced(small: str, small_grams: Any, large: str, large_grams: Any, large_body: str) -> bool:
    """Whether the smaller text (holding BROKEN_CONTAINMENT of its shingles in the larger, not
    REPOST_CONTAINMENT) is the larger's opening, SPLICED_PARAGRAPHS of its paragraphs or more, closed
    by a passage of its own: an aggregator's splice of a story's first paragraphs and another
    report's last, met before any copy of the opening alone. A notice and its result sharing one
    opening paragraph are none (nor two speeches after one meeting's account)."""
    if dedup.opens_with(large, small_grams) < OPENING:
        return False
    edges = dedup.frame_edges(small, large_grams)
    if edges is None or edges[0] >= dedup.QUOTE_EDGE or edges[1] < dedup.QUOTE_EDGE:
        return False
    lines = [line for line in dedup.story_lines(large_body).split("\n") if len(line.strip()) >= dedup.LEAD]
    return len(lines) > SPLICED_PARAGRAPHS and all(
        dedup.coverage(scriptfold.fingerprint_text(line), small_grams) >= MADE_OF for line in lines[:SPLICED_PARAGRAPHS])


def _common(count_a: int, packed_a: bytes, count_b: int, packed_b: bytes) -> float:
    """The shingles two texts share, estimated from their signatures."""
    return dedup.containment_bounds(count_a, packed_a, count_b, packed_b, z=0.0)[0] * min(count_a, count_b)


def _opening(text: str, grams: Any, small: str, small_grams: Any) -> bool:
    """Whether a smaller text is the larger's opening: OPENING of the larger's first shingles in it
    (`dedup.opens_with`), or both begin where what they share begins but for a few garbled
    characters (`dedup.starts_alike`)."""
    return dedup.opens_with(text, small_grams) >= OPENING or dedup.starts_alike(text, grams, small, small_grams)


# What a portal adds to a story's title on the pages it splits the story over: 第2页, (2), _3, 2/3.
_PAGE_MARK = frozenset("0123456789一二三四五六七八九十第页()（）[]【】<>〈〉_-—/／|｜ ·")
PAGE_MARK_MAX = 8
_MARKS = "".join(_PAGE_MARK)
TITLE_MIN = 6  # characters of a title that tell a story by it (简讯, 图片新闻 tell none)


def _brief_of(small: str, small_title: str, large: str, large_title: str) -> bool:
    """Whether a short text is a brief of a longer one (`dedup.brief_of`: its opening word for word), or
    a page of it (`_page_of`: under its headline with a page marker or none) held whole in it."""
    return dedup.brief_of(small, large) or (_page_of(small_title, large_title) and dedup.held_whole(small, large))


def stored_keys(fp: dedup.Fingerprint, titled: tuple[tuple[int, ...], tuple[int, ...]],
                keys: list[int] | None = None) -> list[int]:
    """An article's LSH rows: its fingerprint's keys (`Fingerprint.keys`) with its openings' and its
    headline's (`titled`, `_title_keys`) before the anchors, which come last. An ingest and a rebuild
    (`rebuild_fingerprints`) store the same rows: a rebuilt story without its openings' keys was never
    found by a brief of it (70053b0's keys were written at ingest only). `keys`: `fp.keys()`, when made."""
    keys = list(fp.keys() if keys is None else keys)
    if keys:
        at = len(keys) - len(fp.anchors)
        keys[at:at] = [*fp.openings, *titled[0]]
    return keys


def _title_keys(norm_title: str, brief: bool) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The keys of a normalised headline without a page marker at its end (`_PAGE_MARK`), TITLE_MIN
    letters and digits or more, as a brief's kind or a longer text's (`dedup.kind_keys`): a short page
    of a story split over pages (第2页, one sentence) is found by its story's headline, and the story by
    its pages'."""
    words = dedup.words_of(fold_words(norm_title.rstrip(_MARKS)))
    return dedup.kind_keys([words] if len(words) >= TITLE_MIN else [], brief)


def _page_of(title: str, other: str) -> bool:
    """Whether one article's title is the other's with at most a page marker after it
    (`_PAGE_MARK`, PAGE_MARK_MAX characters): a page of a story split over pages, or the story's
    whole copy, under the story's own title. Titles of under TITLE_MIN characters tell nothing."""
    a, b = textnorm.normalize(title or "").strip(), textnorm.normalize(other or "").strip()
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < TITLE_MIN or not long.startswith(short) or len(long) - len(short) > PAGE_MARK_MAX:
        return False
    return all(c in _PAGE_MARK for c in long[len(short):])


def _names_differ(small: str, large: str, large_grams: Any) -> bool:
    """Whether a passage of the smaller text stands where the larger has another and both are
    names, or one a name and the other a name the lexicon lacks (`Ingestor._renamed`). A converter's
    odd variant (`_variant`) or a passage garbled by a wrong decoding (`dedup.misread`) is no name."""
    for mine, theirs, before, after in (piece for sub in dedup.substitutions(small, large_grams, large)
                                        for piece in _pieces(*sub)):
        if _variant(mine, theirs) or dedup.misread(mine, theirs, before, after):
            continue
        named = segment.proper_name(mine, before, after), segment.proper_name(theirs, before, after)
        if all(named) or (named[0] and segment.name_like(theirs, before, after)) or \
                (named[1] and segment.name_like(mine, before, after)):
            return True
    return False


# A column's issue under the column's name and number, then the headline of the story it gives:
# 基层一线（第11期）｜headline, 社区故事第3期：headline (normalised: half-width brackets and bars).
_ISSUE_NUMBER = r"\(?第[0-9一二三四五六七八九十百零〇两]{1,6}期\)?"
_ISSUE_HEADLINE = re.compile(r"[^|:：]{2,16}?" + _ISSUE_NUMBER + r"\s*[|:：/丨—-]+\s*(.+)")
# or after it (headline|基层一线第11期), or in the issue's first line (基层一线·第11期) under the headline,
# a bracketed column's label before it or none (【基层一线】headline)
_ISSUE_AFTER = re.compile(r"(.+?)\s*[|:：/丨—-]+\s*[^|:：]{2,16}?" + _ISSUE_NUMBER)
_ISSUE_LINE = re.compile(r"[^|:：。!?,;]{2,16}?[·・|:：/丨\s—-]*" + _ISSUE_NUMBER)
_LABEL = re.compile(r"^[\[【][^\]】]{1,12}[\]】]\s*")
# A corrected copy's mark at the end of its headline: 更正, 已更正 in brackets.
_CORRECTED = re.compile(r"\s*[(\[【]已?更正[)\]】]\s*$")


def _issue_headline(title: str, body: str = "") -> str | None:
    """The headline of the story a column's issue gives (`_ISSUE_HEADLINE`, `_ISSUE_AFTER`; or the
    headline, a column's label left out, of an issue whose first line is its number: `_ISSUE_LINE`), or None."""
    norm = textnorm.normalize(title or "").strip()
    if m := _ISSUE_HEADLINE.fullmatch(norm) or _ISSUE_AFTER.fullmatch(norm):
        return m.group(1)
    first = next((line for line in body.split("\n", 3)[:3] if line.strip()), "")
    if first and _ISSUE_LINE.fullmatch(textnorm.normalize(first).strip()):
        return _LABEL.sub("", norm) or None
    return None


def _issue_gives(issue_title: str, issue_body: str, title: str, text: str, grams: Any) -> bool:
    """Whether a column's issue (`_issue_headline`) gives the story of a larger text: its headline after
    the column's name and number is the text's (`_same_headline`, a correction's mark left out), a line of
    the issue stands whole in the text (`dedup.held_whole`: the story's lead, between the column's fixed intro
    and outro), and the issue's figures, rounds and counts are the text's (`dedup.figures_kept`,
    `dedup.rounds_apart`, `_counts_differ`; `grams`: the text's shingles). Two issues of the column give
    two stories under two headlines."""
    head = _issue_headline(issue_title, issue_body)
    if head is None or not _same_headline(head, _CORRECTED.sub("", textnorm.normalize(title or ""))):
        return False
    if not any(dedup.held_whole(scriptfold.fingerprint_text(line), text) for line in issue_body.split("\n") if line.strip()):
        return False
    issue_text = scriptfold.fingerprint_text(issue_body)
    return dedup.figures_kept(dedup.figures(issue_text), dedup.figures(text)) and \
        not dedup.rounds_apart(issue_text, text) and not _counts_differ(issue_text, text, grams)


def _issues_apart(title: str, other: str) -> bool:
    """Whether two headlines name rounds of one kind in other numbers (`dedup.rounds_apart` on their
    fingerprint text): two issues of a column (基层一线（第3期）, （第4期）) framing two short reports
    between its fixed intro and outro, which make most of each text. Read only when both name one (第)."""
    if "第" not in (title or "") or "第" not in (other or ""):
        return False
    return dedup.rounds_apart(*(scriptfold.fingerprint_text(textnorm.normalize(t)) for t in (title, other)))


_COUNT = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DATE_UNITS = frozenset("年月日号时点分")


def _counts_differ(small: str, large: str, large_grams: Any) -> bool:
    """Whether a number of the smaller fingerprint text stands where the larger has another number,
    the same words around them (`dedup.substitutions`: 4所医院 beside 35所医院), neither a date's or a
    time's (a unit of `_DATE_UNITS` after it): a release from one template with another count. Read
    however few figures each text has: `dedup.figures` leaves out single digits and `figures_kept`
    compares three figures or more, so a copy of one year's release cut to its first paragraphs (one
    figure, 4所) read as a copy of the next year's (35所)."""
    for mine, theirs, _, after in dedup.substitutions(small, large_grams, large):
        if mine != theirs and _COUNT.fullmatch(mine) and _COUNT.fullmatch(theirs) and after[:1] not in _DATE_UNITS:
            return True
    return False


PIECE_KEPT = 2  # characters two passages share inside that part them into pieces (`_pieces`)


def _pieces(mine: str, theirs: str, before: str, after: str) -> list[tuple[str, str, str, str]]:
    """A substitution (`dedup.substitutions`) as it is, and when the two passages share a run of
    PIECE_KEPT characters or more inside, also each pair of pieces apart around those runs, with
    the text before and after it: two names a few characters apart (永安县城南的桃源洞 beside
    大田县城南的仙峰湖) make one passage that is no name, each of its pieces is one."""
    found = [(mine, theirs, before, after)]
    blocks = [b for b in difflib.SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks() if b.size >= PIECE_KEPT]
    at_m = at_t = 0
    for b in [*blocks, difflib.Match(len(mine), len(theirs), 0)]:
        if (b.a > at_m or b.b > at_t) and (at_m or at_t or b.size):  # a piece between kept runs (not the whole)
            found.append((mine[at_m:b.a], theirs[at_t:b.b], (before + mine[:at_m])[-dedup.SHINGLE:],
                          (mine[b.a:] + after)[:dedup.SHINGLE]))
        at_m, at_t = b.a + b.size, b.b + b.size
    return found


def _variant(mine: str, theirs: str) -> bool:
    """Whether two passages standing in each other's place are one written with a converter's odd
    variants: character for character, and where they differ one holds a character no simplified
    text writes (outside GB2312, after the fingerprint text's folding) beside a common one (辳 for
    农, 鄕 for 乡, 躰騐 for 体验: a spam mirror's script), not another name."""
    return len(mine) == len(theirs) and any(_uncommon(a) != _uncommon(b) for a, b in zip(mine, theirs, strict=True) if a != b)


@lru_cache(maxsize=4096)
def _uncommon(char: str) -> bool:
    """Whether a character is outside GB2312 (the common simplified characters, punctuation, ASCII)."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def _one_story(a: _Stored, b: _Stored) -> bool:
    """Whether two stored texts may be copies of one story: the smaller's figures kept in the larger
    (`dedup.figures_kept`) and no name of one where the other has another (`_names_differ`): two
    releases from one template for two counties are not."""
    small, large = (a, b) if a.fp.count <= b.fp.count else (b, a)
    return dedup.figures_kept(dedup.figures(small.body), dedup.figures(large.body)) and \
        not _names_differ(small.text, large.text, large.fp.grams) and not dedup.rounds_apart(small.text, large.text) \
        and not _counts_differ(small.text, large.text, large.fp.grams)


# A headline is a repost's when the longest run of characters it shares with the other's (both
# normalised, punctuation and spaces removed) is HEADLINE_KEPT of the shorter or more: kept, cut,
# tagged (重磅｜, ！) or converted to another script. A follow-up's or a commentary's names the
# story's subject in a few words among its own (时评：从…说开去, …：后续来了). Titles are read up to
# HEADLINE_CHARS characters (the run is found in their product).
HEADLINE_KEPT, HEADLINE_CHARS = 0.8, 80
# A headline of five characters is one (盛夏可采莲, a photo story's); 图片新闻, 简讯 are labels.
HEADLINE_MIN = 5
_NOT_WORD = re.compile(r"\W+")


def _own_headline(title: str, other: str) -> bool:
    """Whether one article's headline is its own, not the other's kept or lightly edited
    (HEADLINE_KEPT); titles of under HEADLINE_MIN characters tell nothing (False)."""
    a, b = (_NOT_WORD.sub("", textnorm.normalize((t or "")[:4 * HEADLINE_CHARS]))[:HEADLINE_CHARS]
            for t in (title, other))
    if min(len(a), len(b)) < HEADLINE_MIN:
        return False
    run = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return run < HEADLINE_KEPT * min(len(a), len(b))


# What a self-media account (a WeChat 公众号, a 网易号 or 百家号) says to its readers around a story
# it copies: its editor (小编), calls to comment, share, follow or bookmark, an arrow down to the
# text; or whom it took the story from (原标题, 转载自, 版权归原作者), or that it gives it whole
# again (an editor's note: 现将全文转发, 原文转载如下). A follow-up's or a commentary's
# frame is about the news and the outlet's own: 网友留言, 本报将继续关注, 被大量转发 are none of these.
# Literals only (a plain alternation: linear). Read on fingerprint text.
_READER_CALL = re.compile("小编|评论区|留言区|欢迎留言|留言告诉|点个赞|点赞再走|在看”|在看\"|设为星标|关注我们|点击关注|"
                          "加关注|关注公众号|转发给|转发让|转发这|转发扩散|欢迎转发|建议收藏|记得收藏|↓|"
                          "原标题|转载自|本文转载|本文转自|版权归原作者|全文转发|全文转载|原文转载|转载如下|转发如下")


def _held_paragraphs(body: str, grams: Any) -> int:
    """How many paragraphs of a text (`dedup.story_lines`, LEAD characters or more) are mostly in a
    shingle of the other's (`grams`, sorted): the paragraphs the text gives the other's story in."""
    return sum(len(line) >= dedup.LEAD and dedup.coverage(scriptfold.fingerprint_text(line), grams) >= HELD
               for line in map(str.strip, dedup.story_lines(body).split("\n")))


ONE_PARAGRAPH_OTHERS = 2  # paragraphs of a story besides the one another report gives (`_one_paragraph_of`)
ABSENT = 0.2  # share of a paragraph's characters in the other text's shingles: none of it given


def _one_paragraph_of(small: str, small_grams: Any, large: str, large_grams: Any, large_body: str) -> bool:
    """Whether a smaller text (`small`, its shingles `small_grams`) gives one paragraph of the larger's
    (`large_body`'s lines of LEAD characters or more as the fingerprint reads them, HELD of it in the
    smaller's shingles), not its opening, and none of ONE_PARAGRAPH_OTHERS others or more (under
    ABSENT each), which make more than a frame around it (FRAME_MAX characters at an edge), the
    smaller having text of its own (QUOTE_EDGE characters or more at its edges): another report
    borrowing the story's background paragraph (a next day's report, a post quoting the notice the
    story ends with), not a copy, which gives the story from its opening, or all of it after a lead
    of its own but the one paragraph a lead replaces, nor a column's or an account's frame around a
    story, nor a mirror's cut keeping one paragraph alone. Said CLASH: such a report is kept out of
    the story even when a cut copy of it holds little more than that paragraph. The opening is read
    first: a copy holding it ends the look."""
    if dedup.opens_with(large, small_grams) >= ABSENT:
        return False  # (a copy giving the larger's opening: most pairs, told without reading lines)
    lines = (text for line in dedup.story_lines(large_body).split("\n") if len(line.strip()) >= dedup.LEAD
             and len(text := scriptfold.fingerprint_text(line)) >= dedup.LEAD)
    first = next(lines, "")
    if not first or dedup.coverage(first, small_grams) >= ABSENT:
        return False
    held = after = 0  # the paragraphs given, and those after the opening
    for line in lines:  # (a copy's second paragraph given ends the look)
        given, after = dedup.coverage(line, small_grams), after + 1
        if ABSENT <= given < HELD or (given >= HELD and (held := held + 1) > 1):
            return False
    if held != 1 or after < ONE_PARAGRAPH_OTHERS:
        return False
    edges, around = dedup.frame_edges(small, large_grams), dedup.frame_edges(large, small_grams)
    return edges is not None and around is not None and sum(edges) >= dedup.QUOTE_EDGE and max(around) > dedup.FRAME_MAX


# What a follow-up's or a commentary's frame says of the news: that it was reported (the outlet's
# own reporter, paper or station, a report, the news, a piece printed or published, an interview).
# A self-media copy's plain intro and outro (…又有了新的消息, 接下来的情况，我们继续留意) say none of
# it: they give the story as news, not as a report. Literals only (linear). Read on fingerprint text.
_REPORTS = re.compile("记者|本报|本台|见报|报道|新闻|刊出|刊发|刊登|采访|笔者|评论")


def _calls_on_readers(frame: str) -> bool:
    """Whether a frame's text calls on its readers or credits its source (`_READER_CALL`)."""
    return _READER_CALL.search(frame) is not None


# What an outlet's own follow-up says first: its reporter went back, its paper ran the story. A
# self-media copy's intro says no such thing of itself (a copy's story may: its lead is no intro).
_OWN_REPORTING = re.compile("记者|本报|本台|见报")


def _reporting(body: str, small_grams: Any) -> bool:
    """Whether the larger text's first line (`dedup.story_lines`) is its own (under HELD of it in
    the smaller's shingles) and says it was reported by the outlet (`_OWN_REPORTING`): a follow-up's
    opening, however it ends (欢迎在评论区留言 is no self-media wrapper's then)."""
    first = scriptfold.fingerprint_text(dedup.story_lines(body).lstrip().split("\n", 1)[0])
    return _OWN_REPORTING.search(first) is not None and dedup.coverage(first, small_grams) < HELD


def _copy_around(large: str, small_grams: Any) -> bool:
    """Whether the larger text's own opening and closing around the smaller (`dedup.frame`) are
    each of FRAME_MAX characters or fewer and a copy's (`_copy_frame`): no text of its own beyond
    a self-media intro and outro (a retrospective's or a feature's around a story it quotes is)."""
    frame = dedup.frame(large, small_grams)
    return bool(frame) and all(len(edge) <= dedup.FRAME_MAX for edge in frame.split("\n")) and _copy_frame(frame)


def _copy_frame(frame: str) -> bool:
    """Whether a frame is a self-media copy's: it calls on its readers or credits its source
    (`_calls_on_readers`), or it says nothing of a report (`_REPORTS`: a plain intro and outro)
    and draws no lesson from the news (`_LESSONS`: a commentary's that names no report)."""
    return _calls_on_readers(frame) or (_REPORTS.search(frame) is None and _LESSONS.search(frame) is None)


# What a commentary's frame says that a copy's does not, when it names no report: that the news
# shows something (折射, 启示, 借鉴, 耐人寻味 …) or what it comes down to (说到底, 关键在于). A self-media
# intro and outro give the news and cheer it (真让人高兴, 值得点赞): they draw no lesson.
# Literals only (a plain alternation: linear). Read on fingerprint text.
_LESSONS = re.compile("启示|折射|借鉴|深思|耐人寻味|发人深省|警示|镜鉴|说到底|归根结底|关键在于")


def _draws_lesson(frame: str) -> bool:
    """Whether a frame draws a lesson from the news (`_LESSONS`) and does not call on readers nor
    credit a source (`_calls_on_readers`): a commentary's, not a self-media copy's."""
    return _LESSONS.search(frame) is not None and not _calls_on_readers(frame)


# What a commentary's own paragraphs say of the story they give: the news as an item (这件事, 这则消息,
# 这样的新闻) or that it follows (原文如下, 事情是这样的). The rest of a story tells its facts. Literals
# only (a plain alternation: linear). Read on fingerprint text.
_NEWS_ITSELF = re.compile("这件事|这则消息|这条消息|这则新闻|这条新闻|这样的新闻|这篇报道|这则报道|这篇文章|"
                          "原文如下|事情是这样的|事情的经过")


def _remarks_on_news(frame: str) -> bool:
    """Whether a frame speaks of the news it gives (`_NEWS_ITSELF`) or draws a lesson from it
    (`_LESSONS`), and does not call on readers nor credit a source (`_calls_on_readers`): a
    commentary's own paragraphs, not a self-media copy's long wrapper."""
    return (_NEWS_ITSELF.search(frame) is not None or _LESSONS.search(frame) is not None) and not _calls_on_readers(frame)


# Who gives a view in a commentary: its author (笔者以为, 在评论员看来). Literals only (linear).
_AUTHOR = re.compile("笔者|评论员|本文作者")


def _opines(frame: str) -> bool:
    """Whether a frame gives its author's view (`_AUTHOR`) of the news it speaks of (`_NEWS_ITSELF`:
    读罢这则消息，笔者以为…) and does not call on readers: a commentary's, labelled or not."""
    return _AUTHOR.search(frame) is not None and _NEWS_ITSELF.search(frame) is not None and not _calls_on_readers(frame)


# A report's lead names its day early (3月4日，…; 本报讯（记者 …）2025年3月4日…): read in its first LEAD_DAY characters.
LEAD_DAY = 40
_LEAD_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


def _dated_apart(text_a: str, grams_a: Any, text_b: str, grams_b: Any) -> bool:
    """Whether two texts each open with text of their own (QUOTE_EDGE or more before what they share,
    `dedup.frame_edges`) whose first day of the month (`_LEAD_DATE`, in the first LEAD_DAY characters)
    differs from the other's: two reports of one place from one template (a county's two job fairs a
    fortnight apart repeating a background paragraph; their copies cut after it read almost alike),
    not two copies of one (a copy keeps the story's lead; a note of its own before it leaves the
    other's lead shared)."""
    day_a, day_b = (_LEAD_DATE.search(text[:LEAD_DAY]) for text in (text_a, text_b))
    if day_a is None or day_b is None or day_a.groups() == day_b.groups():
        return False
    edges = (dedup.frame_edges(text_a, grams_b), dedup.frame_edges(text_b, grams_a))
    return all(e is not None and e[0] >= dedup.QUOTE_EDGE for e in edges)

def _comments_inside(p: Prepared, stored: _Stored, shorter: bool) -> bool:
    """Whether the smaller of an article and a stored text has text of its own beside what the
    larger holds (QUOTE_EDGE or more at an edge, `dedup.frame_edges`) that makes it a commentary:
    its headline labels it where the larger's does not (`_tagged`), or that text gives its
    author's view of the news (`_opines`). The larger (a copy with an editor's note or a wrapper
    of its own) holds the story the commentary gives, and is no text of the commentary's."""
    (small, small_title), (large_grams, large_title) = (
        ((p.text(), p.article.title), (stored.fp.grams, stored.title)) if shorter
        else ((stored.text, stored.title), (p.grams(), p.article.title)))
    edges = dedup.frame_edges(small, large_grams)
    if edges is None or max(edges) < dedup.QUOTE_EDGE:
        return False
    return _tagged(small_title, large_title) or _opines(dedup.frame(small, large_grams))


def _quoting_sides(text_a: str, grams_a: Any, text_b: str, grams_b: Any, title_a: str = "", title_b: str = ""
                   ) -> tuple[bool, bool]:
    """(whether the first text quotes the second, whether the second quotes the first): `dedup.quotes`,
    but for a text quoting the other under a frame calling on its readers
    (`_calls_on_readers`): two self-media copies of one story, each with an intro and outro of
    its own, read as quoting each other, and are copies. A text whose headline names it a
    commentary or a follow-up where the other's does not (`_tagged`) quotes whatever its frame says,
    with text of its own at one edge only (its opening its attribution alone, 据…报道：, a line
    without a sentence, or none); so does a text whose frame draws a lesson from the news
    (`_draws_lesson`: a commentary's that names no report and opens with one short sentence) or
    gives its author's view of the news (`_opines`). Two labelled texts (`_has_label`) each with text
    of its own at an edge (QUOTE_EDGE) the other lacks are two commentaries giving one story."""
    if _has_label(title_a) and _has_label(title_b):
        # two labelled texts, each with text of its own at an edge the other lacks: two commentaries
        # (or follow-ups) giving one story, not a copy of one (a copy keeps the frame)
        own = [dedup.frame_edges(text_a, grams_b), dedup.frame_edges(text_b, grams_a)]
        if all(edges is not None and max(edges) >= dedup.QUOTE_EDGE for edges in own):
            return True, True
    found = [False, False]
    sides = dedup.quote_sides(text_a, grams_a, text_b, grams_b)
    for n, (side, mine, theirs) in enumerate(zip(sides, (title_a, title_b), (title_b, title_a), strict=True)):
        if side is None or max(side[0]) < dedup.QUOTE_EDGE:
            continue
        (opening, closing), frame = side
        found[n] = _tagged(mine, theirs) or _draws_lesson(frame) or _opines(frame) or \
            (min(opening, closing) >= dedup.QUOTE_EDGE and not _calls_on_readers(frame)
             and not _two_frames(text_a, grams_a, text_b, grams_b))
    return found[0], found[1]


def _two_frames(text_a: str, grams_a: Any, text_b: str, grams_b: Any) -> bool:
    """Whether two texts are two copies of one story, each between a frame of its own: text of its
    own at both edges of what they share (`dedup.frame_edges`), FRAME_MAX characters or fewer each,
    the opening not saying the outlet reported it (`_OWN_REPORTING`), and each holding the whole of the other's
    text between its frame (`dedup.whole_inside`): a column's copy between its fixed introduction and
    sign-off beside a self-media copy between its intro and outro. What either left out is the other's
    frame, not paragraphs of a story it quotes (a follow-up's own opening names its reporter)."""
    for text, grams in ((text_a, grams_b), (text_b, grams_a)):
        edges = dedup.frame_edges(text, grams)
        if edges is None or min(edges) == 0 or max(edges) > dedup.FRAME_MAX or \
                _OWN_REPORTING.search(dedup.frame(text, grams).split("\n", 1)[0]):
            return False
    return dedup.whole_inside(text_a, grams_b) and dedup.whole_inside(text_b, grams_a)


# A commentary's or a follow-up's headline may keep the story's whole and say what it is before or
# after it (`textnorm.OWN_KIND_WORDS`), as a label: at its start, after a bracket or a short name and
# before a separator (评论｜…, 【短评】…, 新华时评：…), or at its end after one (…，后续来了, …｜快评). A
# copy's tag (重磅｜, 回看｜) says no such thing, nor do the words inside a headline (网友评论亮了). A
# headline opening with a revisit (再访…, 回访…, 追访…: `REVISITS`) is a follow-up's without a separator.
# Read on normalised headlines (a few bounded runs and literals: linear).
_KIND_WORDS = "|".join(textnorm.OWN_KIND_WORDS)
REVISITS = ("再访", "回访", "追访")
_TAG = re.compile(rf"^[\W_]{{0,3}}[^\W_]{{0,4}}?(?:{_KIND_WORDS})(?=[\W_])|[\W_](?:{_KIND_WORDS})[^\W_]{{0,3}}[\W_]*$"
                  rf"|^[\W_]{{0,3}}(?:{'|'.join(REVISITS)})")


def _labelled(title: str, stored_title: str, shorter: bool) -> bool:
    """`_tagged` for the larger of an article (`title`) and a stored text: the stored one when the
    article is the shorter."""
    return _tagged(stored_title, title) if shorter else _tagged(title, stored_title)


def _tagged(title: str, other: str) -> bool:
    """Whether one headline labels its article a commentary or a follow-up (`_TAG`) and the other's
    does not (a copy of the commentary keeps its label)."""
    return _has_label(title) and not _has_label(other)


def _has_label(title: str) -> bool:
    """Whether a headline labels its article a commentary or a follow-up (`_TAG`)."""
    return _TAG.search(textnorm.normalize((title or "")[:4 * HEADLINE_CHARS])) is not None


def _section(body: str, grams: Any) -> bool:
    """Whether the text whose shingle hashes are `grams` is one item of a page of sections
    (`HEADINGS` lines without a sentence, each over a paragraph): the first lines after a heading
    are covered (0.8 of their characters in a shingle the text has) and hold OPENING of the
    text's shingles (the text is that section, or its opening), or they are the whole section
    and little else of the page is covered (the section is the text's opening: a digest's item
    from a longer story). A line of another section may be covered too (a brief from the same
    template right under it reads almost alike), not a whole other section. A story's opening
    before its first subheading has no heading above it, a text holding it is the page's story
    (or a copy of it), and a text holding several sections covers more than one: none of them
    is an item."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    heading = [len(line) < 2 * dedup.LEAD and not dedup.sentence(line) for line in lines]
    # headings over a paragraph: a frame's credit lines (编辑, 审核, 来源 one under another) are none
    if sum(head and len(after) >= dedup.LEAD and not heading[i + 1]
           for i, (head, after) in enumerate(zip(heading, lines[1:], strict=False))) < HEADINGS:
        return False
    texts = [scriptfold.fingerprint_text(line) if not head else "" for line, head in zip(lines, heading, strict=True)]
    covered = [not head and dedup.coverage(line, grams) >= OPENING for line, head in zip(texts, heading, strict=True)]
    if any(covered[:heading.index(True)]):
        return False  # the text holds the page's lead, above its first heading: the page's own story
    size = [len(line) if cover else 0 for line, cover in zip(texts, covered, strict=True)]
    starts = [i + 1 for i, head in enumerate(heading) if head]
    sections = [(start, next((i for i in range(start, len(lines)) if heading[i]), len(lines))) for start in starts]
    whole = [start < stop and all(covered[start:stop]) for start, stop in sections]
    for (start, stop), full in zip(sections, whole, strict=True):
        if start == stop or not covered[start] or sum(whole) > full:
            continue  # another section is the text's too (a copy of a report cut after its first chapter)
        end = start
        while end < stop and covered[end]:  # the section's covered lines, from its first
            end += 1
        if dedup.share_in(grams, [dedup.fingerprint("\n".join(texts[start:end])).grams]) >= OPENING:
            return True  # the text is this section, or its opening
        # or the section is the text's opening (a digest's item: a longer story's first paragraphs),
        # nothing much of the page beside it covered
        if end == stop and sum(size) - sum(size[start:end]) < sum(size[start:end]) / 2:
            return True
    return False


def _old_date(article: Article) -> datetime | None:
    """An article's publication when it is before the near-duplicate window (less NEAR, whose
    band rows may be gone), else None."""
    published = aware(article.published)
    return published if published is not None and published < utcnow() - LSH_WINDOW + datedsigs.NEAR else None


def rebuild_fingerprints(ctx: Context, batch: int = 500, progress: Callable[[str, int, int], None] | None = None,
                         *, window_only: bool = False, stop: Callable[[], bool] | None = None) -> int:
    """Fingerprint stored articles that have none (after a change of the hash): signature for
    all, band rows for those dated inside the near-duplicate window (`_rebuilt_date`), and the
    content hash of the same text form, so an exact repost still joins by hash. Resumable.
    With `window_only`, only the articles dated inside the window: those a new article folds
    into (the daemon does them before its first poll, the rest beside its jobs). Stops between
    batches when `stop` says so."""
    if ctx.store.fingerprints_complete():
        return 0
    cutoff = utcnow() - LSH_WINDOW
    if window_only:
        ids = ctx.store.dated_since(cutoff)
        total = len(ids)
        chunks: Iterator[list[dict[str, Any]]] = (ctx.store.without_fingerprint_among(ids[i:i + batch])
                                                  for i in range(0, len(ids), batch))
        notice(total, "fingerprinting {n:,} stored articles of the last weeks for story folding (once, after an "
                      "upgrade; older ones beside the polls)")
    else:
        total = ctx.store.missing_fingerprints()
        chunks = _without_fingerprint(ctx, batch)
        notice(total, "fingerprinting {n:,} stored articles for story folding (once, after an upgrade)")
    done = 0
    for rows in chunks:
        if stop is not None and stop():
            log.info("fingerprints: %d stored articles made again; the rest at the next start", done)
            return done
        if not rows:
            continue
        made = []  # outside the write lock: a daemon polling the same store waits only for the writes
        for row in rows:
            text = scriptfold.fingerprint_text(row["body"] or "")
            made.append((row, text, dedup.fingerprint(text), _rebuilt_date(row)))
        with ctx.store.transaction():
            for row, text, fp, dated in made:
                if text and (digest := dedup.content_hash(text)) != row["content_hash"]:
                    ctx.store.set_content_hash(row["id"], digest)
                keys = stored_keys(fp, _title_keys(textnorm.normalize(row["title"] or ""), fp.count <= BRIEF_MAX))
                ctx.store.add_fingerprint(row["id"], fp.count, fp.packed(), keys if dated >= cutoff else [], dated)
        done += len(rows)
        if progress:
            progress("fingerprints", min(done, total), total)
    log.info("fingerprints rebuilt for %d stored articles%s", done, " of the near-duplicate window" if window_only else "")
    return done


def _without_fingerprint(ctx: Context, batch: int) -> Iterator[list[dict[str, Any]]]:
    """Batches of the articles without a fingerprint, in id order."""
    after = 0
    while rows := ctx.store.without_fingerprint(after, batch):
        yield rows
        after = rows[-1]["id"]


def _rebuilt_date(row: dict[str, Any]) -> datetime:
    """A rebuilt article's band rows are dated as a backfill dates them: by its publication when
    earlier than its fetch (an archive imported last week keeps none for its old articles)."""
    fetched, published = (parse_iso(row[k]) for k in ("fetched_at", "published"))
    dates = [d for d in (aware(fetched), aware(published)) if d is not None]
    return min(dates) if dates else utcnow()
