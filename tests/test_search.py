"""Search: the query language, exactness against a brute-force scan, stories, paging, formats."""

from __future__ import annotations

import itertools
import json
import random
import re
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from monitor import querylang, textnorm
from monitor.cli import main
from monitor.models import Article, Match
from monitor.store import Store

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'

# Simplified and traditional forms, English words that are prefixes of others, numbers, pinyin.
VOCAB = ("上海 三明 沪明 滬明 对口 對口 合作 合作區 三明治 明溪 永安 人才 飞地 飛地 产业园 產業園 签约 簽約 "
         "瑞金医院 瑞金醫院 网 網(wǎng) 明 沪 滬 三 Sanming Shanghai art article GDP 2026 5G iPhone "
         "沪明2026 A股 COVID-19 对口合作 對口|合作 三明，合作 上海，").split()
FILLER = "的 在 了 是 和 与 與 为 為 年 月 日 新 大 中 发展 發展 推进 推進 工作 会议 會議 召开 召開".split()
SEPARATORS = ["", "", "", "，", "。", " ", "、", "\n"]


def _text(rng: random.Random, n: int) -> str:
    words = [(rng.choice(VOCAB) if rng.random() < 0.3 else rng.choice(FILLER)).replace("|", " ") for _ in range(n)]
    return "".join(w + rng.choice(SEPARATORS) for w in words).strip()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A generated store of 400 articles (some reposts of others), and each one's normal form."""
    tmp = tmp_path_factory.mktemp("search")
    store = Store.open(tmp / "s.db")
    rng = random.Random(11)
    norms: dict[int, tuple[str, str]] = {}
    base = datetime(2026, 1, 1, tzinfo=timezone.utc)
    stories: list[int] = []
    for i in range(400):
        title, body = _text(rng, 6), _text(rng, rng.randint(10, 60))
        published = base + timedelta(hours=rng.randint(0, 2000)) if rng.random() < 0.9 else None
        art = Article(url=f"http://t.example/{i}", title=title, paragraphs=tuple(body.split("\n")), published=published)
        story = rng.choice(stories) if stories and rng.random() < 0.2 else None
        aid, sid = store.add_article(art, source=f"src{i % 4}", canonical_url=art.url, content_hash=str(i),
                                     story_id=story, band_keys=[])
        stories.append(sid)
        norms[aid] = (textnorm.normalize(art.title), textnorm.normalize(art.body))
        if rng.random() < 0.3:  # a topic of its own mind, so the topic filter has work to do
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=1.0))
    store.close()
    cfg = tmp / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp / "s.db").as_posix()), encoding="utf-8")
    return cfg, norms


def run(cfg, *args):
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def found(cfg, query: str) -> set[int]:
    out = run(cfg, "--articles", "--limit", "0", "--format", "json", "--", query).stdout  # a hint (nothing found) goes to stderr
    return {r["id"] for r in json.loads(out)}


CJK_SPACE = re.compile(f"(?<=[{textnorm.CJK_CHARS}]) (?=[{textnorm.CJK_CHARS}])")
MIXED = re.compile(f"[a-z0-9] ?[{textnorm.CJK_CHARS}]|[{textnorm.CJK_CHARS}] ?[a-z0-9]")
SCRIPT_SPACE = re.compile(f"(?<=[a-z0-9]) (?=[{textnorm.CJK_CHARS}])|(?<=[{textnorm.CJK_CHARS}]) (?=[a-z0-9])")


def contains(text: str, term: str) -> bool:
    """The reference: a substring of the normal form, whole words for ASCII letters and digits
    (a number not inside a longer one: `5亿` is not in `3.5亿`, nor `5` or `3` in `3.5`), a space between two CJK characters
    as none in a term that has one (the index cannot find `对口 合作` for `对口合作`), a space between
    a letter or digit and a CJK character as none in a term that has the two side by side (`AI产业`
    finds `AI 产业`, and the other way), every apostrophe as `'` and every dash as `-`."""
    mixed = MIXED.search(textnorm.normalize(term)) is not None
    joined = mixed or CJK_SPACE.search(textnorm.normalize(term)) is not None

    def form(s: str) -> str:
        s = re.sub("[\u2018\u2019\u201b\u02bc\u2032\u00b4`]", "'", re.sub("[\u2010-\u2015\u2212\u2043]", "-", s))
        s = CJK_SPACE.sub("", s) if joined else s
        return SCRIPT_SPACE.sub("", s) if mixed else s
    n = form(textnorm.normalize(term))
    left = r"(?<![a-z0-9])" + (r"(?<![0-9][.,])" if n[0].isdigit() else "") if re.match("[a-z0-9]", n[0]) else ""
    right = r"(?![a-z0-9])" if re.match("[a-z0-9]", n[-1]) else ""
    if n[-1].isdigit():  # nor `3` in `3.5`, `1` in `1,500`; `2026` in `2026.12` and `1` in `1.2.3` are found
        year = re.search(r"(?<![0-9])(?:19|20)[0-9]{2}\Z", n) is not None
        right += r"(?!,[0-9]{3}(?![0-9]))" + ("" if year else r"(?!\.[0-9]+(?![0-9]|\.[0-9]))")
    return re.search(left + re.escape(n) + right, form(text)) is not None


def brute(norms, test) -> set[int]:
    return {aid for aid, (title, body) in norms.items() if test(lambda t, title=title, body=body: contains(title, t) or contains(body, t))}


def samples(norms, rng: random.Random) -> list[str]:
    """1-4 character pieces of stored text, their traditional forms, mixed and English queries."""
    texts = [t + " " + b for t, b in norms.values()]
    out = ["明", "沪", "滬", "網", "三明", "滬明", "沪明", "對口合作", "合作区", "A股", "5g", "2026", "art",
           "Article", "gdp", "沪明2026", "iphone", "covid-19", "sanming", "Shanghai", "明溪", "瑞金醫院"]
    while len(out) < 70:
        text = rng.choice(texts)
        size = rng.randint(1, 4)
        start = rng.randrange(max(1, len(text) - size))
        piece = text[start:start + size].strip()
        if piece and textnorm.query_phrase(piece):
            out.append(piece)
    return out


def test_single_terms_are_exact_against_a_brute_force_scan(corpus):
    cfg, norms = corpus
    sizes = []
    for term in samples(norms, random.Random(5)):
        quoted = '"' + term.replace('"', "") + '"'
        expected = brute(norms, lambda has, term=term: has(term))
        assert found(cfg, quoted) == expected, term
        sizes.append(len(expected))
    assert sum(1 for n in sizes if 0 < n < len(norms)) > 0.8 * len(sizes)  # the test is not vacuous


def test_traditional_and_simplified_find_the_same_set(corpus):
    cfg, _ = corpus
    assert found(cfg, "滬明") == found(cfg, "沪明") != set()
    assert found(cfg, "對口") == found(cfg, "对口") != set()


@pytest.mark.parametrize("query,test", [
    ("三明 永安", lambda has: has("三明") and has("永安")),
    ("三明 -三明治", lambda has: has("三明") and not has("三明治")),
    ("Shanghai OR 沪明", lambda has: has("shanghai") or has("沪明")),
    ("(明溪 OR 永安) -上海 签约", lambda has: (has("明溪") or has("永安")) and not has("上海") and has("签约")),
    ('"对口 合作"', lambda has: has("对口 合作")),
    ('"三明，合作"', lambda has: has("三明,合作")),
    ("明 -三", lambda has: has("明") and not has("三")),
    ("-三明", lambda has: not has("三明")),
    ("art OR -article", lambda has: has("art") or not has("article")),
    ("網 OR 沪 art", lambda has: has("网") or (has("沪") and has("art"))),
    ('-"上海，" 2026', lambda has: not has("上海,") and has("2026")),
])
def test_combinations_are_exact(corpus, query, test):
    cfg, norms = corpus
    expected = brute(norms, test)
    assert found(cfg, query) == expected and 0 < len(expected) < len(norms)


def test_title_scope_looks_at_titles_only(corpus):
    cfg, norms = corpus
    expected = {aid for aid, (title, _) in norms.items() if contains(title, "三明")}
    assert found(cfg, "title:三明") == expected and expected != found(cfg, "三明")
    assert found(cfg, "title:(永安 OR 明溪)") == {a for a, (t, _) in norms.items()
                                                  if contains(t, "永安") or contains(t, "明溪")}


@pytest.mark.parametrize("limit", ["0", "60"])  # 60: a page, so a one-character term walks with `instr`
@pytest.mark.parametrize("query", ["三明", "明", "滬", "title:明", "沪 三明"])
def test_one_row_per_story_led_by_its_earliest_matching_article(corpus, query, limit):
    cfg, _norms = corpus
    articles = json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", query).output)
    stories = json.loads(run(cfg, "--limit", limit, "--format", "json", query).output)
    if limit != "0":
        articles = [a for a in articles if a["story_id"] in {s["story_id"] for s in stories}]
    by_story: dict[int, list[dict]] = {}
    for a in articles:
        by_story.setdefault(a["story_id"], []).append(a)
    assert [s["story_id"] for s in stories] == list(by_story)  # each story once, where its newest match was
    for s in stories:
        matching = sorted(by_story[s["story_id"]], key=lambda a: (a["published"] is None, a["published"] or "", a["id"]))
        assert s["id"] in {a["id"] for a in by_story[s["story_id"]]}
        assert {a["id"] for a in by_story[s["story_id"]]} - {s["id"]} <= {p["id"] for p in s["reposts"]}
        assert all(set(p) == {"id", "url", "source", "published"} for p in s["reposts"])
        assert s["id"] not in {p["id"] for p in s["reposts"]}
        if all(a["published"] for a in matching):
            assert s["id"] == matching[0]["id"]
    assert any(s["reposts"] for s in stories) and any(len(m) > 1 for m in by_story.values())


def test_paging_limit_offset_and_formats(corpus):
    cfg, _ = corpus
    everything = json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", "明").output)
    dates = [r["published"] for r in everything if r["published"]]
    assert dates == sorted(dates, reverse=True)
    first = json.loads(run(cfg, "--articles", "--limit", "7", "--format", "json", "明").output)
    second = json.loads(run(cfg, "--articles", "--limit", "7", "--offset", "7", "--format", "json", "明").output)
    assert [r["id"] for r in first + second] == [r["id"] for r in everything[:14]]
    urls = run(cfg, "--articles", "--limit", "5", "--format", "urls", "明").output.splitlines()
    assert urls == [r["url"] for r in everything[:5]]
    csv_lines = run(cfg, "--limit", "3", "--format", "csv", "明").output.splitlines()
    assert csv_lines[0] == "id,title,url,source,published,topics,snippet,story_id,reposts,fetched" and len(csv_lines) >= 4


def test_since_until_and_relevance(corpus):
    cfg, _norms = corpus
    window = json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", "--since", "2026-01-20",
                            "--until", "2026-01-31", "明").output)
    assert window and all("2026-01-20" <= r["published"][:10] <= "2026-01-31" for r in window)
    ranked = json.loads(run(cfg, "--articles", "--limit", "0", "--sort", "relevance", "--format", "json",
                            "三明").output)
    in_title = [("三明" in textnorm.normalize(r["title"])) for r in ranked]
    assert in_title == sorted(in_title, reverse=True) and any(in_title) and not all(in_title)
    assert {r["id"] for r in ranked} == found(cfg, "三明")


@pytest.mark.parametrize("query,where", [
    ('三明 "对口', "unclosed quote at character 4"),
    ("(三明 OR 永安", "( is never closed at character 1"),
    ("三明)", "unmatched ) at character 3"),
    ("三明 OR", "OR needs a word or a phrase on each side at character 4"),
    ("，。", "no searchable characters"),
])
def test_an_invalid_query_is_one_line_saying_where(corpus, query, where):
    cfg, _ = corpus
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "--", query])
    assert result.exit_code == 2 and where in result.output
    assert result.output.startswith("error: query") and result.output.count("\n") == 1


@pytest.mark.parametrize("pasted,plain", [
    ("沪明对口合作，", "沪明对口合作"),  # a phrase pasted with the comma after it
    ("签约！", "签约"),
    ("三明*", "三明"),  # a search-engine habit: the prefix is implied
    ("+上海", "上海"),
    ("^三明", "三明"),
    ("《三明》", "三明"),
    ("三明·永安", "三明 永安"),
    ("三明，合作", "三明 合作"),
    ("title:三明，", "title:三明"),
])
def test_punctuation_in_an_unquoted_word_separates_as_it_does_in_text(corpus, pasted, plain):
    """An unquoted word is split where punctuation stands (a pasted 沪明对口合作， found nothing);
    a quoted phrase keeps it, and so does a word like covid-19 or 10:30."""
    cfg, _ = corpus
    assert found(cfg, pasted) == found(cfg, plain) != set()


def test_punctuation_inside_an_english_word_or_a_number_stays():
    assert [t.norm for t in querylang.parse("covid-19 10:30 hu-ming").root.parts] == ["covid-19", "10:30", "hu-ming"]
    assert querylang.parse('"三明，合作"').root.norm == "三明,合作"
    with pytest.raises(querylang.QueryError, match="title: needs a word"):
        querylang.parse("三明 title:")


def test_parse_tree_and_fts_plan():
    q = querylang.parse('(沪明 OR 滬明) title:合作 -"明治"')
    plan = querylang.plan(q)
    assert plan.exact and plan.match == '(("沪明") OR ("沪明")) AND ("\ue000合作")'  # title tokens behind a mark
    assert plan.exclude == '("明治")' and q.terms() == ["沪明", "滬明", "合作"]
    longer = querylang.plan(querylang.parse("对口合作"))  # its bigrams, anywhere: candidates to check
    assert longer.match == '("对口" AND "口合" AND "合作")' and not longer.exact
    unsure = querylang.plan(querylang.parse("三明 -三明治"))  # cannot exclude on a superset
    assert (unsure.match, unsure.exclude, unsure.exact) == ('("三明")', None, False)
    assert querylang.plan(querylang.parse("明")).match == '("明" *)'
    assert not querylang.plan(querylang.parse('"对口 合作"')).exact  # checked in Python
    assert querylang.plan(querylang.parse("")).match is None


@pytest.mark.parametrize("budget", [64, 100000])
def test_one_character_pages_equal_the_full_list_whichever_strategy(corpus, monkeypatch, budget):
    from monitor.pipeline import query

    monkeypatch.setattr(query, "WALK_BUDGET", budget)  # a small budget makes the walk give up early
    cfg, _ = corpus
    for term in ("明", "滬", "網", "沪 三明", "title:明"):
        everything = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", term).output)]
        page = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", "150", "--format", "json", term).output)]
        assert page == everything[:150] and everything, term


def loaded_by(cfg, args: list[str], heavy: tuple[str, ...]):
    """Run `monitor --config cfg ARGS` in a fresh interpreter; its output, and on stderr the
    modules it imported that start with one of `heavy` (`LOADED [...]`)."""
    import subprocess
    import sys

    code = ("import sys\nfrom monitor.cli import main\n"
            f"sys.argv = ['monitor', '--config', {str(cfg)!r}, *{args!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print('LOADED', sorted(m for m in sys.modules if m.startswith({heavy!r})), file=sys.stderr)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("args", [["search", "沪明"], ["feed", "--topic", "hu-ming"], ["sources"],
                                  ["check-config", "--no-secrets"]])
def test_reading_commands_never_load_the_fetcher_feedparser_or_extractor(corpus, args):
    done = loaded_by(corpus[0], args, ("httpx", "feedparser", "monitor.extract", "monitor.fetch", "selectolax"))
    assert "LOADED []" in done.stderr, done.stderr[-2000:]


def test_an_allow_list_in_the_config_does_not_load_the_fetcher_for_search(corpus, tmp_path):
    """`[fetch] allow_private` is checked by `allowlist`, not by importing the fetch package
    (httpx and httpcore were ~130 ms of every `monitor search` with such a config)."""
    cfg = tmp_path / "allow.toml"
    cfg.write_text(corpus[0].read_text(encoding="utf-8") + '[fetch]\nallow_private = ["127.0.0.1", "10.0.0.0/8"]\n',
                   encoding="utf-8")
    done = loaded_by(cfg, ["search", "沪明"], ("httpx", "httpcore", "monitor.fetch"))
    assert "LOADED []" in done.stderr and done.stdout.strip(), done.stderr[-2000:]
    bad = tmp_path / "bad.toml"
    bad.write_text(corpus[0].read_text(encoding="utf-8") + '[fetch]\nallow_private = ["10.0.0.300"]\n',
                   encoding="utf-8")
    refused = loaded_by(bad, ["check-config", "--no-secrets"], ("httpx",))
    assert "allow_private" in refused.stderr and "10.0.0.300" in refused.stderr, refused.stderr[-2000:]
    assert "LOADED []" in refused.stderr  # and checking it never loaded the fetcher either


@pytest.mark.parametrize(("args", "heavy"), [
    (["search", "沪明"], ("sqlite_utils", "numpy", "httpx", "monitor.match", "monitor.digest", "monitor.models",
                        "monitor.pipeline.ingest", "msgspec", "monitor.config.schema", "monitor.config.loader",
                        "monitor.timespec", "tempfile", "hashlib")),
    (["--help"], ("sqlite_utils", "numpy", "httpx", "monitor.match", "monitor.digest", "monitor.commands.",
                  "monitor.config", "monitor.store"))])
def test_search_and_help_never_load_sqlite_utils_numpy_httpx_or_the_matcher(corpus, args, heavy):
    """Start-up (issue 9): sqlite-utils brings numpy and its plugins; topics compile only to match;
    `--help` lists the commands without importing them; a search creates none of the models'
    dataclasses (~0.5 ms each) and reads only the database's path and the topics' names of the
    config (loading the validated config, msgspec and the schema, was ~20 ms of its start); nor the
    time phrases' patterns without --since/--until, tempfile or hashlib (OpenSSL): ~12 ms more."""
    done = loaded_by(corpus[0], args, heavy)
    assert "LOADED []" in done.stderr, done.stderr[-2000:]
    assert done.stdout.strip(), done.stderr[-2000:]  # the command ran: results or the help


def test_search_reads_what_is_stored_whatever_else_the_config_gets_wrong(corpus, tmp_path):
    """A source's bad selector or a mistyped key elsewhere stops polling (check-config, poll and
    run name it), not a search of the archive; the database's path and the topics (an included
    file's too) come from the file as `load` reads them."""
    cfg = tmp_path / "broken.toml"
    cfg.write_text(corpus[0].read_text(encoding="utf-8") + '[fetch]\ntimeuot = 5\n[[sources]]\nname = "x"\n'
                   'kind = "html"\nurl = "ftp://nowhere"\nlink_selector = "a[["\n', encoding="utf-8")
    checked = CliRunner().invoke(main, ["--config", str(cfg), "check-config", "--no-secrets"])
    assert checked.exit_code == 2 and "timeuot" in checked.output and "link_selector" in checked.output
    found = run(cfg, "--topic", "hu-ming", "--format", "json", "--limit", "0", "沪明")
    assert found.exit_code == 0 and json.loads(found.output), found.output
    assert found.output == run(corpus[0], "--topic", "hu-ming", "--format", "json", "--limit", "0", "沪明").output
    unknown = CliRunner().invoke(main, ["--config", str(cfg), "search", "--topic", "nope", "沪明"])
    assert unknown.exit_code == 2 and "unknown topic 'nope'" in unknown.output and "hu-ming" in unknown.output


@pytest.mark.parametrize(("storage", "says"), [('[storage]\npath = 5\n', "storage.path: expected a file path"),
                                               ("[storage\n", "not valid TOML"),
                                               ('include = ["topics/nowhere.toml"]\n', "nowhere.toml: file not found")])
def test_search_with_an_include_or_a_database_path_it_cannot_read_is_one_error_line(tmp_path, storage, says):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(storage, encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "沪明"])
    assert result.exit_code == 2 and result.output.startswith("error: ") and says in result.output, result.output
    assert "Traceback" not in result.output


def test_search_of_a_database_that_is_not_there_says_so_and_creates_nothing(tmp_path, monkeypatch):
    """A mistyped --db (or a container whose volume is not mounted) made a new empty database,
    and its directories, and answered "nothing found", as if the archive held nothing."""
    monkeypatch.delenv("MONITOR_DB", raising=False)
    cfg = tmp_path / "monitor.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    typo = tmp_path / "dtaa" / "monitor.db"
    result = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(typo), "search", "沪明"])
    assert result.exit_code == 2 and f"no database at {typo}" in result.output and "--db" in result.output
    assert "nothing found" not in result.output and not typo.parent.exists()


def test_search_takes_the_database_from_the_option_the_environment_or_the_file(corpus, tmp_path, monkeypatch):
    elsewhere = tmp_path / "monitor.toml"
    elsewhere.write_text('include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "nowhere/none.db"\n',
                         encoding="utf-8")
    db = str(corpus[0].parent / "s.db")
    expected = run(corpus[0], "--format", "urls", "沪明").output
    assert expected.strip()
    by_option = CliRunner().invoke(main, ["--config", str(elsewhere), "--db", db, "search", "--format", "urls", "沪明"])
    assert by_option.output == expected
    monkeypatch.setenv("MONITOR_DB", db)
    by_env = CliRunner().invoke(main, ["--config", str(elsewhere), "search", "--format", "urls", "沪明"])
    assert by_env.output == expected


# sorted: the topic's verdicts of every FTS match, by the date they carry; walked: the topic's own date
# index; walked-then-sorted: a walk that gives up after its first slice, the sorting going on from there;
# joined: SQLite walks the topic's index against the set of matches (-then-sorted: gives up on the way)
@pytest.mark.parametrize(("rare", "topic_rare", "topic_walk", "join_rows"),
                         [(3000, 20000, 0, None), (1, 0, 320, None), (3000, 20000, 1, None), (3000, 20000, 1, 10**9),
                          (3000, 20000, 1, 0.5)],
                         ids=["sorted", "walked", "walked-then-sorted", "joined", "joined-then-sorted"])
@pytest.mark.parametrize("query", ["", "三明", "明", "沪明 OR 永安", "对口合作", "三明 -三明治", "title:合作", "上海",
                                   "上海 -永安"])
@pytest.mark.parametrize("where", [[], ["--source", "src1"], ["--since", "2026-02-01", "--until", "2026-03-01"]],
                         ids=["all", "source", "dates"])
def test_a_topic_search_is_the_topic_part_of_the_search_in_date_order(corpus, monkeypatch, query, rare, topic_rare,
                                                                       topic_walk, join_rows, where):
    from monitor.store import search as store_search

    cfg, _ = corpus
    monkeypatch.setattr(store_search, "RARE", rare)
    monkeypatch.setattr(store_search, "TOPIC_RARE", topic_rare)
    monkeypatch.setattr(store_search, "TOPIC_WALK", topic_walk)
    joins = {"TOPIC_JOIN_SPREAD": 0, "JOIN_MOST": 10**9, "JOIN_ROWS": join_rows} if join_rows else {"JOIN_MOST": 0}
    for name, value in joins.items():
        monkeypatch.setattr(store_search, name, value)
    rows = json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", "--topic", "hu-ming", *where, "--",
                          query).output)
    monkeypatch.setattr(store_search, "RARE", 3000)  # the reference: every match sorted, no topic
    monkeypatch.setattr(store_search, "JOIN_MOST", 0)
    everything = json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", *where, "--", query).output)
    expected = [r["id"] for r in everything if "hu-ming" in r["topics"]]
    assert [r["id"] for r in rows] == expected and 0 < len(expected) < len(everything)
    monkeypatch.setattr(store_search, "RARE", rare)
    monkeypatch.setattr(store_search, "JOIN_MOST", joins["JOIN_MOST"])
    paged = [r["id"] for page in range(3) for r in json.loads(run(
        cfg, "--articles", "--limit", "7", "--offset", str(7 * page), "--format", "json", "--topic", "hu-ming", *where,
        "--", query).output)]
    assert paged == expected[:21]
    stories = json.loads(run(cfg, "--limit", "7", "--format", "json", "--topic", "hu-ming", *where, "--", query).output)
    assert [s["id"] for s in stories] == list(_leads(everything, expected))[:7]


def _leads(everything: list[dict], kept: list[int]) -> dict[int, None]:
    """Story leads in date order: per story (first seen newest first), its earliest kept article."""
    rows = {r["id"]: r for r in everything}
    members: dict[int, list[dict]] = {}
    for i in kept:
        members.setdefault(rows[i]["story_id"], []).append(rows[i])
    return {min(m, key=lambda r: (r["published"] is None, r["published"] or "", r["id"]))["id"]: None
            for m in members.values()}


def test_the_verbatim_test_only_ever_says_yes_when_the_exact_test_would():
    test = querylang.parse("對口合作 title:三明").literal_test()
    assert test is not None and test("三明简讯", "两地对口合作") and not test("简讯", "三明对口合作")
    assert not test("三明", "两地對口合作")  # traditional in the text: the normalising check decides
    for shape in ("Sanming", "沪明2026", '"对口 合作"', "三明 -(明治 OR 永安)", ""):
        assert querylang.parse(shape).literal_test() is None, shape
    # of an OR, the alternatives so testable (an OR of 60 words normalised each candidate)
    either = querylang.parse("三明 OR 永安 OR Sanming").literal_test()
    assert either is not None and either("", "永安简讯") and not either("", "Sanming") and not either("", "三 明")
    # An excluded term: absent for sure when one of its characters and all that normalise into it are.
    excluding = querylang.parse("三明 -三明治 -title:沪明")
    test = excluding.literal_test()
    assert test is not None and test("简讯", "三明与上海") and test("三明简讯", "沪明")
    assert not test("简讯", "三明，明治") and excluding.accepts("简讯", "三明,明治")  # every character there: normalise
    assert not test("简讯", "三明治") and not test("沪明", "三明") and not test("滬明", "三明")
    assert not test("简讯", "三明(zhì)治") and not excluding.accepts(*map(textnorm.normalize, ("", "三明(zhì)治")))
    rng = random.Random(6)
    alphabet = [*"三明治沪滬上海 ，", "(zhì)", "\u200b", "①"]
    for query in (excluding, querylang.parse("上海 -三明治"), querylang.parse("-沪明"), querylang.parse("三明治 OR 沪明"),
                  querylang.parse("(上海 OR -三明) 沪明"), querylang.parse("上海 OR (三明 -明治)")):
        quick = query.literal_test()
        for _ in range(3000):
            title, body = ("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(2))
            if quick(title, body):
                assert query.accepts(textnorm.normalize(title), textnorm.normalize(body)), (title, body)


def test_word_characters_are_told_as_the_class_over_the_cjk_blocks_would():
    # Word boundaries for `art` / `2026` are judged without compiling this class (3-7 ms a search).
    word = re.compile(f"[^\\W_{textnorm.CJK_CHARS}]")
    chars = [chr(cp) for cp in [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x32000, 7)]]
    assert [c for c in chars if querylang._word_char(c) != (word.match(c) is not None)] == []
    assert querylang.parse("art").accepts("", "the art of") and not querylang.parse("art").accepts("", "article")


@pytest.mark.parametrize("query", ["对口合作", "瑞金医院", '"对口 合作"', "沪明2026", "title:对口合作", "对口合作 OR 永安",
                                   "三明 -对口合作", "合作区"])
def test_common_tokens_left_to_the_check_change_nothing(corpus, monkeypatch, query):
    """A page leaves a checked term's common tokens out of the FTS5 expression (the check finds
    the same articles without them): forced here to leave out all but each term's first token."""
    from monitor.store import Store as StoreClass

    cfg, _ = corpus
    everything = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", query).output)]
    stories = json.loads(run(cfg, "--limit", "0", "--format", "json", query).output)
    asked: list[list[list[str]]] = []

    def all_but_first(self, groups):
        asked.append(groups)
        return frozenset(t for tokens in groups for t in tokens[1:])
    monkeypatch.setattr(StoreClass, "common_tokens", all_but_first)
    for limit in ("5", "30"):
        page = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", limit, "--format", "json", query).output)]
        assert page == everything[:int(limit)], (query, limit)
        led = json.loads(run(cfg, "--limit", limit, "--format", "json", query).output)
        assert [(s["id"], s["story_id"]) for s in led] == [(s["id"], s["story_id"]) for s in stories][:int(limit)]
    assert everything and asked and all(len(g) > 1 for groups in asked for g in groups)


@pytest.mark.parametrize("density", [None, 0.0, 0.3, 1.0], ids=["unknown", "none", "some", "every"])
@pytest.mark.parametrize("sparse", [0, 2, 10**9], ids=["always-in", "default", "never-in"])
def test_which_ids_match_is_the_same_with_or_without_the_id_list(corpus, monkeypatch, sparse, density):
    """`_fts_among` asks FTS5 over rowid ranges and, when the ids are a small part of a range
    (and, with the match's density known, the range holds more matches than ids), lets SQLite
    keep only them (`+rowid IN`): either way, exactly the ids FTS5 matches."""
    from monitor.store import search as store_search

    cfg, norms = corpus
    monkeypatch.setattr(store_search, "SPARSE", sparse)
    monkeypatch.setattr(store_search, "GAP", 16)  # several ranges in a store of 400
    store = Store.open(re.search(r'path = "(.*)"', cfg.read_text(encoding="utf-8")).group(1))
    rng = random.Random(3)
    every = sorted(norms)
    for query in ("三明", "沪明 OR 永安", "对口合作", "title:合作", "明"):
        expr = querylang.plan(querylang.parse(query)).match
        assert expr is not None
        matching = {r[0] for r in store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [expr])}
        for share in (1.0, 0.3, 0.02):
            ids = [i for i in every if rng.random() < share] + [10**6]  # one id no article has
            got = store._fts_among(expr, ids, density)
            assert got == matching & set(ids), (query, share, got ^ (matching & set(ids)))
    store.close()


@pytest.mark.parametrize("query", ["三明", "沪明 OR 永安", "对口合作", "title:合作", "上海 -永安"])
def test_a_walk_sized_by_what_it_found_gives_the_sorted_pages(corpus, monkeypatch, query):
    """Every search walks the date index (RARE = 1), its slices sized by the matches or, past
    a page, the stories found so far: pages of articles and of stories are those of the full
    sorted list."""
    from monitor.store import search as store_search

    cfg, _ = corpus
    everything = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", query).output)]
    stories = [(s["id"], s["story_id"]) for s in json.loads(run(cfg, "--limit", "0", "--format", "json", query).output)]
    sizes: list[int] = []
    real = store_search._next_slice

    def recorded(*args):
        sizes.append(real(*args))
        return sizes[-1]
    monkeypatch.setattr(store_search, "RARE", 1)
    monkeypatch.setattr(store_search, "JOIN_MOST", 0)  # walked in Python, not by SQLite
    monkeypatch.setattr(store_search, "MANY_TERMS", 10**6)  # its first slice not sized from the count
    monkeypatch.setattr(store_search, "_next_slice", recorded)
    for limit in ("3", "25", "90"):
        page = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", limit, "--format", "json", query).output)]
        assert page == everything[:int(limit)], (query, limit)
        led = json.loads(run(cfg, "--limit", limit, "--format", "json", query).output)
        assert [(s["id"], s["story_id"]) for s in led] == stories[:int(limit)], (query, limit)
    assert everything and set(sizes) - {256, 1024, 4096, 8192}  # some slices were sized from the rate, not grown 4x


def test_id_clusters_split_exactly_where_neighbours_are_more_than_gap_apart():
    from monitor.store.search import GAP, _clusters

    rng = random.Random(5)
    for n in (0, 1, 2, 50, 3000):
        ids = sorted(rng.sample(range(1, 40 * GAP), n))
        clusters = _clusters(ids)
        assert [i for _, _, members in clusters for i in members] == ids
        for lo, hi, members in clusters:
            assert (lo, hi) == (members[0], members[-1])
            assert all(b - a <= GAP for a, b in itertools.pairwise(members))
        assert all(nxt[0] - cur[1] > GAP for cur, nxt in itertools.pairwise(clusters))
    assert _clusters([1, 1 + GAP, 2 + 2 * GAP]) == [(1, 1 + GAP, [1, 1 + GAP]), (2 + 2 * GAP, 2 + 2 * GAP, [2 + 2 * GAP])]


def test_a_walk_to_matches_that_sit_in_older_rows_gives_up_and_sorts_them(tmp_path, monkeypatch):
    """A word of a past year's news: its matches are all older than hundreds of articles
    without it. A long walk newest first counts the newest matches, gives up after
    ROWS_PER_MATCH rows per match that count gives, and the matches are sorted from where it
    stopped: the same pages as sorting them all at once, without walking every newer row."""
    from monitor.store import search as store_search

    store = Store.open(tmp_path / "old.db")
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    for i in range(300):
        old = i < 40
        art = Article(url=f"http://o.example/{i}", title=f"第{i}号通报", published=base + timedelta(days=i),
                      paragraphs=("疫情防控工作会议召开" if old else "三明乡村振兴工作推进", f"编号{i}"))
        store.add_article(art, source="s", canonical_url=art.url, content_hash=str(i), story_id=None, band_keys=[])
    store.close()
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "old.db").as_posix()), encoding="utf-8")
    everything = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", "0", "--format", "json", "疫情").output)]
    assert len(everything) == 40

    sizes: list[int] = []
    real = store_search._next_slice

    def recorded(*args):
        sizes.append(real(*args))
        return sizes[-1]
    monkeypatch.setattr(store_search, "RARE", 20)  # walk: counted from the oldest, the matches seem everywhere
    monkeypatch.setattr(store_search, "MAX_SLICE", 16)
    monkeypatch.setattr(store_search, "LONG_WALK", 64)  # after the first slice, count from the newest
    monkeypatch.setattr(store_search, "JOIN_MOST", 0)  # walked in Python, not by SQLite
    monkeypatch.setattr(store_search, "MANY_TERMS", 10**6)  # its first slice not sized from the count
    monkeypatch.setattr(store_search, "_next_slice", recorded)
    for limit in ("5", "25", "0"):
        page = [r["id"] for r in json.loads(run(cfg, "--articles", "--limit", limit, "--format", "json", "疫情").output)]
        assert page == everything[:int(limit) or None], limit
        slices = len(sizes) + 1  # the first slice is not sized by _next_slice
        assert slices <= 2, (limit, sizes)  # 64 rows, then give up (3 x ~21 estimated matches); walking to the matches took 17 slices
        sizes.clear()
