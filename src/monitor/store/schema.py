"""The schema: numbered migrations (sqlite-utils `Migrations`), applied in order on open.

A migration is never edited once it has landed: users' databases already ran it. A change to
the schema is a new function here, named with the next free number. `migrations` is
`Migrations` in all but its import: sqlite-utils is loaded only when one must run (migrate.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .migrate import LazyMigrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = LazyMigrations("monitor")
# The search index (m010 on): one column of distinct tokens, no positions, nothing but the index kept.
FTS_COLUMNS = "tokens, content='', detail=none, tokenize='unicode61 remove_diacritics 0'"


@migrations()
def m001_initial(db: Database) -> None:
    """Sources, articles, stories, topic matches, LSH bands, FTS index, deliveries."""
    db["sources"].create({"name": str, "kind": str, "url": str, "etag": str, "last_modified": str,
                          "last_polled": str, "last_success": str, "last_status": str, "last_error": str,
                          "error_count": int, "last_new": int}, pk="name")
    db["stories"].create({"id": int, "title": str, "first_article_id": int, "first_seen": str}, pk="id")
    db["articles"].create({"id": int, "url": str, "canonical_url": str, "source": str, "title": str,
                           "body": str, "published": str, "fetched_at": str, "author": str,
                           "source_name": str, "editor": str, "lang": str, "content_hash": str,
                           "story_id": int}, pk="id", foreign_keys=[("story_id", "stories", "id")])
    db["articles"].create_index(["canonical_url"], unique=True)
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["story_id"])
    db["articles"].create_index(["published"])
    db["article_topics"].create({"article_id": int, "topic": str, "score": float, "hits": str,
                                 "rules": str, "reason": str, "matched_at": str},
                                pk=("article_id", "topic"))
    db["article_topics"].create_index(["topic", "matched_at"])
    db["lsh"].create({"band": int, "key": int, "article_id": int, "created_at": str})
    db["lsh"].create_index(["band", "key"])
    db["deliveries"].create({"subscriber": str, "channel": str, "story_id": int, "delivered_at": str},
                            pk=("subscriber", "channel", "story_id"))
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, "
               "tokenize = 'unicode61 remove_diacritics 0')")


@migrations()
def m002_link_failures(db: Database) -> None:
    """Links that failed: retried a few times, then given up instead of fetched every poll."""
    db["link_failures"].create({"canonical_url": str, "source": str, "reason": str, "attempts": int,
                                "last_at": str}, pk="canonical_url")


@migrations()
def m003_article_checks(db: Database) -> None:
    """Which articles were checked against which topic, under which rules (matched or not):
    an article with no check for a current topic's rules is matched at the next start."""
    db.execute("CREATE TABLE article_checks (topic TEXT NOT NULL, article_id INTEGER NOT NULL, "
               "rules INTEGER NOT NULL, PRIMARY KEY (topic, article_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX IF NOT EXISTS lsh_created_at ON lsh(created_at)")  # pruning without a scan


@migrations()
def m004_search_order(db: Database) -> None:
    """Covering indexes that serve search in date order without reading article rows: one by
    (date, id) to walk newest first, one by (id, date) to sort a few matches. The raw date
    columns are included so that SQLite 3.40 counts them as covering for the expression."""
    cols = "story_id, source, published, fetched_at"
    db.execute(f"CREATE INDEX IF NOT EXISTS articles_by_date ON articles(coalesce(published, fetched_at), id, {cols})")
    db.execute(f"CREATE INDEX IF NOT EXISTS articles_id_date ON articles(id, coalesce(published, fetched_at), {cols})")


@migrations()
def m005_fingerprints(db: Database) -> None:
    """A new shingle hash (vectorised), so old band rows cannot match new ones: they go.
    Each article keeps its signature and shingle count (`fingerprints`), so a candidate is
    judged without its text; `lsh` is keyed by the band key alone (the band is mixed into it),
    dated in Unix seconds, and indexed for pruning. The pipeline rebuilds the fingerprints of
    stored articles at its next start (`catch_up`), band rows for those inside the window."""
    db.execute("DROP TABLE IF EXISTS lsh")
    db.execute("CREATE TABLE lsh (key INTEGER NOT NULL, article_id INTEGER NOT NULL, created_at INTEGER NOT NULL, "
               "PRIMARY KEY (key, article_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX lsh_created_at ON lsh(created_at)")
    db.execute("CREATE TABLE fingerprints (article_id INTEGER PRIMARY KEY, shingles INTEGER NOT NULL, sig BLOB NOT NULL)")


@migrations()
def m006_contentless_fts(db: Database) -> None:
    """The FTS index without its own copy of the bigram tokens (a contentless FTS5 table: about
    half the old index's size). The tokens are moved over as stored, so nothing is re-tokenised;
    a row is deleted with the FTS5 'delete' command and its tokens regenerated from the article.
    The freed pages are reused by later inserts (no VACUUM inside a migration)."""
    db.execute("CREATE VIRTUAL TABLE articles_fts_new USING fts5(title, body, content='', "
               "tokenize = 'unicode61 remove_diacritics 0')")
    db.execute("INSERT INTO articles_fts_new(rowid, title, body) SELECT rowid, title, body FROM articles_fts")
    db.execute("DROP TABLE articles_fts")
    db.execute("ALTER TABLE articles_fts_new RENAME TO articles_fts")


@migrations()
def m007_outbox(db: Database) -> None:
    """The delivery outbox: each planned message, its stories, its status and its retries."""
    db["outbox"].create({"id": int, "subscriber": str, "channel": str, "key": str, "part": int, "parts": int,
                         "story_ids": str, "message": str, "status": str, "attempts": int,
                         "next_attempt_at": str, "last_attempt_at": str, "last_error": str,
                         "created_at": str, "sent_at": str}, pk="id",
                        not_null={"subscriber", "channel", "key", "message", "status", "attempts"},
                        defaults={"status": "pending", "attempts": 0})
    db["outbox"].create_index(["key"], unique=True)
    db["outbox"].create_index(["subscriber", "channel", "status"])
    # A story is planned into at most one message per (subscriber, channel): the primary key holds it.
    db["outbox_stories"].create({"subscriber": str, "channel": str, "story_id": int, "message_id": int},
                                pk=("subscriber", "channel", "story_id"), foreign_keys=[("message_id", "outbox", "id")])
    db["outbox_stories"].create_index(["message_id"])


@migrations()
def m008_source_health_and_aliases(db: Database) -> None:
    """Source health (since when the status holds, the most links the listing ever gave, how
    many polls in a row it answered 404/410) and URL aliases: a link an article was found
    under (or redirected from) → the canonical URL it is stored under."""
    sources = db.table("sources")
    sources.add_column("status_since", str)
    sources.add_column("peak_links", int)
    sources.add_column("missing_count", int)
    db.execute("CREATE TABLE url_aliases (alias TEXT PRIMARY KEY, target TEXT NOT NULL, created_at TEXT) "
               "WITHOUT ROWID")


@migrations()
def m009_robots(db: Database) -> None:
    """robots.txt answers per origin, so separate `monitor poll` runs share one fetch per TTL."""
    db.execute("CREATE TABLE robots (origin TEXT PRIMARY KEY, status INTEGER, body BLOB, unreachable TEXT, "
               "fetched_at REAL NOT NULL) WITHOUT ROWID")


@migrations()
def m010_fts_distinct_tokens(db: Database) -> None:
    """The FTS index as each article's distinct tokens in one column, without positions
    (`ftstokens`: detail=none, title tokens repeated behind a mark for `title:`): about a
    third of the positional index. Rebuilt from the stored titles and bodies, in id order."""
    from .. import ftstokens

    db.execute("DROP TABLE IF EXISTS articles_fts_new")
    db.execute(f"CREATE VIRTUAL TABLE articles_fts_new USING fts5({FTS_COLUMNS})")
    last = 0
    while rows := db.execute("SELECT id, title, body FROM articles WHERE id > ? ORDER BY id LIMIT 1000",
                             [last]).fetchall():
        db.conn.executemany("INSERT INTO articles_fts_new(rowid, tokens) VALUES (?, ?)",
                            [(i, ftstokens.article_tokens(t or "", b or "")) for i, t, b in rows])
        last = rows[-1][0]
    db.execute("DROP TABLE articles_fts")
    db.execute("ALTER TABLE articles_fts_new RENAME TO articles_fts")


@migrations()
def m011_topic_dates(db: Database) -> None:
    """Each topic verdict carries its article's date (the search order's key), indexed by
    (topic, date, article): a search inside a topic walks the topic's own articles newest
    first instead of every article."""
    db.execute("ALTER TABLE article_topics ADD COLUMN date TEXT")
    db.execute("UPDATE article_topics SET date = (SELECT coalesce(published, fetched_at) FROM articles "
               "WHERE articles.id = article_topics.article_id)")
    db.execute("CREATE INDEX article_topics_by_date ON article_topics(topic, date, article_id)")


@migrations()
def m012_lsh_bands_of_three(db: Database) -> None:
    """Band rows in 21 bands of 3 minimums (were 16 of 4), so a repost sharing half its text
    with the original is found; rebuilt from the stored signatures, each row keeping its date.
    Linear in the rows: one grouped pass over the old table, new rows inserted in key order."""
    from ..lshbands import packed_band_keys

    db.execute("CREATE TEMP TABLE lsh_dates (article_id INTEGER PRIMARY KEY, created_at INTEGER NOT NULL)")
    db.execute("INSERT INTO lsh_dates SELECT article_id, min(created_at) FROM lsh GROUP BY article_id")
    db.execute("CREATE TEMP TABLE lsh_keys (key INTEGER, article_id INTEGER, created_at INTEGER)")
    last = 0
    while rows := db.execute("SELECT d.article_id, d.created_at, f.sig FROM lsh_dates d JOIN fingerprints f "
                             "ON f.article_id = d.article_id WHERE d.article_id > ? ORDER BY d.article_id LIMIT 2000",
                             [last]).fetchall():
        db.conn.executemany("INSERT INTO lsh_keys VALUES (?, ?, ?)",
                            [(k, i, when) for i, when, sig in rows for k in packed_band_keys(sig)])
        last = rows[-1][0]
    db.execute("DROP TABLE lsh")
    db.execute("CREATE TABLE lsh (key INTEGER NOT NULL, article_id INTEGER NOT NULL, created_at INTEGER NOT NULL, "
               "PRIMARY KEY (key, article_id)) WITHOUT ROWID")
    db.execute("INSERT OR IGNORE INTO lsh SELECT key, article_id, created_at FROM lsh_keys ORDER BY key, article_id")
    db.execute("CREATE INDEX lsh_created_at ON lsh(created_at)")
    db.execute("DROP TABLE lsh_keys")
    db.execute("DROP TABLE lsh_dates")


@migrations()
def m013_fingerprints_of_story_lines(db: Database) -> None:
    """Fingerprints leave out a mirror's lines that hold no sentence (navigation, editor lines,
    related-news lists: `dedup.story_lines`), so every stored signature and band row is of the
    old text form: they go, and the pipeline rebuilds them from the stored bodies at its next
    start (`catch_up`), band rows for the articles fetched inside the near-duplicate window."""
    db.execute("DELETE FROM lsh")
    db.execute("DELETE FROM fingerprints")


@migrations()
def m014_digest_runs(db: Database) -> None:
    """When each subscriber's digest last ran, so a daemon started after a scheduled time it was
    not running for sends that digest at once instead of skipping to the next one."""
    db["digest_runs"].create({"subscriber": str, "ran_at": str}, pk="subscriber", not_null={"ran_at"})


@migrations()
def m015_lsh_opening_keys(db: Database) -> None:
    """Each article's band rows gain one key, the hash of its story text's opening (an abridged
    reprint keeps the opening and little else): made from the text, so the signatures and band
    rows go as in m013 and `catch_up` rebuilds them from the stored bodies."""
    db.execute("DELETE FROM lsh")
    db.execute("DELETE FROM fingerprints")


@migrations()
def m016_lsh_anchor_keys(db: Database) -> None:
    """Band rows gain the anchors (`dedup.ANCHORS` keys from the story text): made from the
    text, so the fingerprints of the articles that have band rows (the window's) go with those
    rows, and `catch_up` rebuilds them from the stored bodies; older articles keep their
    signatures, which are unchanged and found by publication date (`datedsigs`)."""
    db.execute("DELETE FROM fingerprints WHERE article_id IN (SELECT article_id FROM lsh)")
    db.execute("DELETE FROM lsh")


@migrations()
def m017_normal_forms(db: Database) -> None:
    """Which normal form made the search index and the fingerprints (`normform`'s versions),
    and an index rebuild under way (`target`, done up to article `mark`). Nothing recorded
    which form older versions used: a store with articles says "unknown", and its first
    writer rebuilds both once (`pipeline.reindex`); an empty one says "empty"."""
    db.execute("CREATE TABLE normal_forms (part TEXT PRIMARY KEY, version TEXT NOT NULL, target TEXT, "
               "mark INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID")
    known = "unknown" if db.execute("SELECT 1 FROM articles LIMIT 1").fetchone() else "empty"
    db.conn.executemany("INSERT INTO normal_forms(part, version) VALUES (?, ?)",
                        [("index", known), ("fingerprints", known)])


@migrations()
def m018_host_rests(db: Database) -> None:
    """Pauses hosts asked for (HTTP 429/503 with a long Retry-After): until when, as a Unix
    time, and why, so a `monitor poll` from cron keeps away from a host another run was told to
    leave alone."""
    db.execute("CREATE TABLE host_rests (host TEXT PRIMARY KEY, until REAL NOT NULL, reason TEXT) WITHOUT ROWID")


@migrations()
def m019_source_frontiers(db: Database) -> None:
    """Where a source's last polls stopped reading its list with the news still going (a JSON
    list of marks, `sources.base.mark`): the next polls read on from there. And how many of its
    links robots.txt kept out at the last poll."""
    db.table("sources").add_column("frontier", str)
    db.table("sources").add_column("robots_skipped", int)


@migrations()
def m020_story_serial(db: Database) -> None:
    """The highest story id ever given out, so an id is never given twice. SQLite gives a new
    row the highest id in the table plus one: a story merged into another (or emptied) whose
    row was the newest left its id to the next story, so a digest's story id and its link
    `/story/ID` came to mean another story. Seeded with every id the database still names."""
    db.execute("CREATE TABLE story_serial (last INTEGER NOT NULL)")
    db.execute("INSERT INTO story_serial(last) SELECT max(coalesce((SELECT max(id) FROM stories), 0), "
               "coalesce((SELECT max(story_id) FROM articles), 0), coalesce((SELECT max(story_id) FROM deliveries), 0), "
               "coalesce((SELECT max(story_id) FROM outbox_stories), 0))")


@migrations()
def m021_story_merges(db: Database) -> None:
    """Where a merged story went: a story found to be part of another (a brief or a page met
    before the story's copies) is merged into the oldest of them, and its id, which a digest, a
    feed or a bookmark may have named, leads to the story it joined (`/story/ID` redirects)."""
    db.execute("CREATE TABLE story_merges (gone INTEGER PRIMARY KEY, kept INTEGER NOT NULL)")


@migrations()
def m022_unsure_stories(db: Database) -> None:
    """Stories of unsent messages that may have reached their reader (the receiver had the whole
    message and never answered, or the sender was killed while it did) and were dropped when their
    channel's address or format was edited, or their subscriber left the config: wherever the same
    reader gets them next, the message says it is sent again. `channel` is the dropped message's,
    `format` its format."""
    db.execute("CREATE TABLE unsure_stories (subscriber TEXT NOT NULL, channel TEXT NOT NULL, story_id INTEGER NOT NULL, "
               "format TEXT NOT NULL DEFAULT '', PRIMARY KEY (subscriber, channel, story_id)) WITHOUT ROWID")


@migrations()
def m023_source_waiting(db: Database) -> None:
    """The links a source's last poll left for the next (over `max_articles_per_poll`, or past its
    deadline; a JSON list, `pipeline.waiting`): a busy list scrolled them off its page before the
    next poll, and they were never fetched."""
    db.table("sources").add_column("waiting", str)


@migrations()
def m024_articles_by_source(db: Database) -> None:
    """An index by (source, date, id) that a search within one source walks newest first: it
    walked every article's (date, id) index to keep the source's, so a rare source (a county
    outlet's few hundred articles) or one not stored (a name mistyped) read the whole archive
    (~80 ms at 1M). The raw date columns make it covering for the expression, as m004's."""
    db.execute("CREATE INDEX IF NOT EXISTS articles_by_source ON articles(source, coalesce(published, fetched_at), id, "
               "story_id, published, fetched_at)")


@migrations()
def m025_noted_sent(db: Database) -> None:
    """What `<db>.sent` says each channel was sent that a database restored from a backup (or a new
    one) did not know, kept when it was found: a story of those articles polled again later (a slow
    source, one down for a while) is recorded as sent then, not sent again."""
    db.execute("CREATE TABLE noted_sent (subscriber TEXT NOT NULL, channel TEXT NOT NULL, url TEXT NOT NULL, "
               "PRIMARY KEY (subscriber, channel, url)) WITHOUT ROWID")


@migrations()
def m026_articles_imported(db: Database) -> None:
    """Which articles `monitor import` stored (1; NULL for a polled one): a source's `max_age_days`
    judges a polled page by how old it was when fetched, and an imported archive's old articles,
    asked for, matched no topic, at the import and at every re-match since (their `fetched_at`
    is the import's time). Adding a column with no default rewrites nothing: instant at 1M."""
    db.execute("ALTER TABLE articles ADD COLUMN imported INTEGER")


@migrations()
def m027_source_reach(db: Database) -> None:
    """The most list pages a source's walks were given (`pages`; NULL: not known): a `pages` raised
    past it reads the pages never reached once, known links or not (they were never read). A
    column with no default: instant at any size."""
    db.execute("ALTER TABLE sources ADD COLUMN reach INTEGER")


@migrations()
def m028_row_counts(db: Database) -> None:
    """How many stories there are, kept by the database itself: `monitor health` (the image's
    HEALTHCHECK, a new process every ten minutes) counted them with `count(*)`, which reads every
    page of the stories table, their titles with them (18 MB at 200k stories, ~90 MB at a million,
    from disk when the cache has let them go). Two triggers keep the row up to date at each story
    made, merged or emptied, whichever program (or version) writes: ~6 µs a story made. Seeded by
    counting once here: ~0.9 s at 200k stories from a cold disk (~4 s at a million), once, at the
    upgrade. Articles are still counted, on their smallest index (a trigger on every article
    costs the import more than the count saves a probe)."""
    db.execute("CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
    db.execute("INSERT INTO row_counts(name, n) SELECT 'stories', count(*) FROM stories")
    db.execute("CREATE TRIGGER stories_counted AFTER INSERT ON stories "
               "BEGIN UPDATE row_counts SET n = n + 1 WHERE name = 'stories'; END")
    db.execute("CREATE TRIGGER stories_uncounted AFTER DELETE ON stories "
               "BEGIN UPDATE row_counts SET n = n - 1 WHERE name = 'stories'; END")


@migrations()
def m029_lsh_brief_keys(db: Database) -> None:
    """Band rows gain the keys a one-line brief and its story find each other by (70053b0: the
    openings' first words and the headline, `ingest.stored_keys`), which an ingest wrote and a
    rebuild did not: a store written before them, or rebuilt since, had none, and a brief of a story
    stored earlier in the near-duplicate window started a story of its own. Made from the text, so
    the fingerprints and band rows of the articles dated inside the window (45 days,
    `ingest.LSH_WINDOW`: a range of the date index) that have band rows go, and `catch_up` rebuilds
    them from the stored bodies, as after m016 (the daemon before its first poll); older articles
    keep theirs (a rebuild gives them no band rows). Bounded by the window's articles and band rows,
    not the store's: on a copy of the 200k store with 20k articles in the window and 4.4M band rows
    (none pruned), 29-63 s under a load of 11, then 20k articles fingerprinted again (~160 s)."""
    db.execute("CREATE TEMP TABLE m029_window (id INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO m029_window SELECT id FROM articles WHERE coalesce(published, fetched_at) >= "
               "strftime('%Y-%m-%dT%H:%M:%S', 'now', '-45 days')")
    db.execute("DELETE FROM m029_window WHERE id NOT IN (SELECT article_id FROM lsh)")  # one pass over the rows
    db.execute("DELETE FROM fingerprints WHERE article_id IN (SELECT id FROM m029_window)")
    db.execute("DELETE FROM lsh WHERE article_id IN (SELECT id FROM m029_window)")
    db.execute("DROP TABLE m029_window")
