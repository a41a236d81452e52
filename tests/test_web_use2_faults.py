"""`monitor serve` used as colleagues use it, second round: a phone's width against a long
unbroken title, address or echoed filter; a topic whose name holds a slash or a hash; an address
that is no page; a search sent from the form as a browser sends it; a bookmarked source filter
naming a source no longer listed."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from test_web import Served, get, on_phone

from monitor.cli import main
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

ODD = "上海/三明 #合作"  # a topic name TOML takes as it is: a slash, a space and a hash
TOPIC = ('[topics."上海/三明 #合作"]\n[topics."上海/三明 #合作".groups.pair]\nterms = ["沪明"]\n'
         '[[topics."上海/三明 #合作".rules]]\nname = "pair"\nany = ["pair"]\n')
LONG_URL = "https://long.example.cn/" + "a" * 300 + ".html"
LONG_TITLE = "沪明合作" + "X" * 200
BODY = "上海与三明两地对口合作再上新台阶，沪明两地共建产业园区签约项目二十个，总投资五十亿元，涉及新能源、新材料等领域。"
LATE = "https://late.example.org/x.html"
UNTITLED_URL = "https://untitled.example.cn/1.html"  # a page stored without a title  # a later copy with a word of its own: 云岭


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """A long unbroken title at a long address; a story copied by 60 outlets at long addresses;
    every story under a topic named with a slash and a hash."""
    from monitor import config as config_mod

    work = tmp_path_factory.mktemp("use2")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + TOPIC, encoding="utf-8")
    lines = [{"url": LONG_URL, "title": LONG_TITLE, "published": "2026-12-01T10:00:00+08:00", "source": "长站",
              "body": "沪明对口合作，" + "https://x.example.cn/" + "b" * 300}]
    lines += [{"url": f"https://copy{i}.example.com/{'p' * 150}/{i}.html", "title": "沪明共建产业园签约二十个项目",
               "published": f"2026-11-28T10:{i:02d}:00+08:00", "source": f"outlet{i}", "body": BODY}
              for i in range(60)]
    lines.append({"url": UNTITLED_URL, "title": "", "published": "2026-12-02T10:00:00+08:00", "source": "untitled",
                  "body": "沪明两地签署干部交流协议，推进对口合作项目落地见效。"})
    lines.append({"url": LATE, "title": "沪明共建产业园签约二十个项目", "published": "2026-11-29T10:00:00+08:00",
                  "source": "late", "body": BODY + "云岭"})
    db = work / "m.db"
    done = CliRunner().invoke(main, ["--config", str(cfg_path), "--db", str(db), "import", "-"],
                              input="".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    assert done.exit_code == 0, done.output
    store = Store.open(db)
    with Served(create_app(Context(config_mod.load(cfg_path, db), store), auth="")) as served:
        yield served, store
    store.close()


def _story_of(store: Store, url: str) -> int:
    return store.db.execute("SELECT story_id FROM articles WHERE url = ?", [url]).fetchone()[0]


# Run in the page once it is loaded: every <details> opened, then each element whose box or text
# reaches past the window's width (and is not inside a box that scrolls) named in an attribute.
PROBE = """<script>addEventListener('load', () => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const width = document.documentElement.clientWidth, out = [];
  document.querySelectorAll('body *').forEach(e => {
    for (let p = e; p; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return;
    const scrolls = ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName);  // a field scrolls its own text
    if (e.getBoundingClientRect().right > width + 1 || (!scrolls && e.scrollWidth > e.clientWidth + 1))
      out.push(e.tagName + (e.className ? '.' + e.className : ''));
  });
  document.body.setAttribute('data-wide', [...new Set(out)].join(' '));
});</script>"""


def _too_wide(html: str, tmp_path, probe: str = PROBE) -> list[str]:
    """The elements wider than a phone's screen, 375 px: `probe` run in the page read in a frame that
    wide (`on_phone`: Chromium's headless window is never narrower than 500 px, whatever it is asked)."""
    return on_phone(html.replace("</body>", probe + "</body>"), "say(document.body.getAttribute('data-wide'));",
                    tmp_path).split()


def test_a_long_title_address_or_echoed_filter_stays_inside_a_phone_screen(town, tmp_path):
    """A title of one unbroken Latin run made the story page's heading run 4,000 px past a phone's
    screen (the page scrolled sideways, the text cut at the edge); the list of all outlets of a
    much-copied story did the same with each long address, and a mistyped `since` echoed in the
    error box. The results' and versions' boxes already wrapped such text; these did not."""
    site, store = town
    pages = [f"/story/{_story_of(store, LONG_URL)}", f"/story/{_story_of(store, 'https://copy0.example.com/' + 'p' * 150 + '/0.html')}",
             "/search?since=" + "b" * 300]
    for path in pages:
        page = get(site, path)
        assert page.status_code in (200, 400)
        assert _too_wide(page.text, tmp_path) == [], path


def _topic_links(html: str) -> set[str]:
    return {unescape(h) for h in re.findall(r'href="([^"]*/topic/[^"]*)"', html)}


def test_a_topic_named_with_a_slash_or_a_hash_is_reached_by_every_link(town):
    """A topic's name went into its links as it is: `/topic/上海/三明 #合作` is another path and a
    fragment, so the header's link, the story page's "matched …", the topic page's feed and pager
    all answered 404, and the page itself could not be asked for at all."""
    site, store = town
    story = _story_of(store, LONG_URL)
    links = set()
    for path in ("/search", f"/story/{story}", f"/story/{story}?within={quote(ODD)}"):
        links |= _topic_links(get(site, path).text)
    assert links, "no topic link found"
    topic_page = next(link for link in links if not link.endswith(".atom") and "hu-ming" not in link)
    links |= _topic_links(get(site, topic_page).text)
    assert any(link.endswith(".atom") for link in links)
    for link in sorted(links - {link for link in links if "hu-ming" in link}):
        answer = get(site, link)
        assert answer.status_code == 200, link
        if link.endswith(".atom"):
            assert f"<title>monitor: {ODD}</title>" in answer.text
        else:
            assert re.search(f"<h1[^>]*>{re.escape(ODD)}</h1>", unescape(answer.text)), link


@pytest.mark.parametrize("path", ["/nope", "/story/abc", "/topic/a/b/c", "/story/-1"])
def test_an_address_that_is_no_page_answers_the_sites_own_page(town, path):
    """A mistyped or truncated address answered the bare text "Not Found", no header to the
    search or topics: the reader was left with a blank page to edit by hand."""
    site, _ = town
    answer = get(site, path)
    assert answer.status_code == 404 and answer.headers["content-type"].startswith("text/html")
    assert 'href="/search"' in answer.text and "href=\"/sources\"" in answer.text


def test_a_search_sent_from_the_form_keeps_the_filters_folded_and_its_links_short(town):
    """The form sends every field, and its sort list's first choice is `date`: after any search
    from it the filters stood open (as if one were set), pushing the results down a phone's
    screen, and every link and the feed carried `sort=date`, so the same search's feed had
    two ids by the way it was reached."""
    site, _ = town
    sent = get(site, "/search?" + "q=%E6%B2%AA%E6%98%8E&topic=&source=&since=&until=&sort=date").text
    plain = get(site, "/search?q=%E6%B2%AA%E6%98%8E").text
    assert "<details open" not in sent and "<details open" in get(site, "/search?q=x&sort=relevance").text
    assert "sort=date" not in sent
    feeds = [re.search(r'rel="alternate" type="application/atom\+xml"[^>]*href="([^"]*)"', p).group(1) for p in (sent, plain)]
    assert feeds[0] == feeds[1]
    ids = [re.search(r"<id>([^<]*)</id>", get(site, unescape(f)).text).group(1) for f in (
        "/search.atom?q=%E6%B2%AA%E6%98%8E&sort=date", "/search.atom?q=%E6%B2%AA%E6%98%8E")]
    assert ids[0] == ids[1]


def test_a_source_filter_naming_no_listed_source_says_so(town):
    """A bookmarked search by a source since renamed showed the source filter at "any" above
    "Nothing found.": it read as a search of everything finding nothing."""
    site, _ = town
    page = get(site, "/search?q=%E6%B2%AA%E6%98%8E&source=old-name").text
    chosen = re.search(r'<select name="source">(.*?)</select>', page, re.S).group(1)
    assert re.search(r"<option[^>]*selected[^>]*>old-name</option>", chosen), chosen
    assert "Nothing found" in page


def test_a_search_feeds_name_says_its_filters(town):
    """A search's feed was named by its words alone: the same words subscribed with two sources
    (or with and without a topic) stood in a reader as two feeds of one name. The page's title
    names them; the feed's now does too."""
    site, _ = town
    titles = [re.search(r"<title>([^<]*)</title>", get(site, "/search.atom?" + query).text).group(1)
              for query in ("q=%E6%B2%AA%E6%98%8E&source=outlet1&sort=relevance", "q=%E6%B2%AA%E6%98%8E")]
    assert titles == ["monitor: 沪明 · source outlet1 · by relevance", "monitor: 沪明"]


def test_an_empty_archive_says_so_rather_than_nothing_found(tmp_path, town):
    """A fresh `monitor serve` over an archive not yet polled answered every search, even no query
    at all, "Nothing found.", and showed the sources page as a bare table head: a colleague read
    it as a broken search, not as an archive still to fill."""
    from monitor import config as config_mod

    cfg_path = tmp_path / "m.toml"
    cfg_path.write_text(TOPIC, encoding="utf-8")
    store = Store.open(tmp_path / "m.db")
    try:
        with Served(create_app(Context(config_mod.load(cfg_path, tmp_path / "m.db"), store), auth="")) as empty:
            for path in ("/search", "/search?q=%E6%B2%AA%E6%98%8E"):
                page = get(empty, path).text
                assert "holds no articles yet" in page and "Nothing found" not in page, path
            assert "No source is configured" in get(empty, "/sources").text
    finally:
        store.close()
    site, _ = town  # an archive with articles still says "Nothing found."
    page = get(site, "/search?q=%E8%8C%B6%E5%8F%B6").text
    assert "Nothing found" in page and "holds no articles" not in page


def test_a_result_found_in_a_later_version_opens_the_story_on_that_version(town):
    """A search found a word one outlet's copy alone carries (its version was the result's snippet),
    but the link opened the story at its first 50 versions, earliest first: the copy that held
    the word was on page 2, and the page showed none of it. The link names the version, and the
    story shows it first, marked, above its versions."""
    site, store = town
    results = get(site, "/search?q=" + quote("云岭")).text
    link = unescape(re.search(r'<h2[^>]*><a href="(/story/[^"]*)">', results).group(1))
    assert store.story_members([_story_of(store, LATE)])[_story_of(store, LATE)][0]["url"] != LATE
    story = get(site, link).text
    versions = re.findall(r'<section class="version[^"]*" id="[^"]*">.*?</section>', story, re.S)
    assert LATE in versions[0] and "<mark>云岭</mark>" in versions[0]
    plain = get(site, f"/story/{_story_of(store, LATE)}").text  # opened otherwise: earliest first, as before
    assert LATE not in "".join(re.findall(r'<section class="version.*?</section>', plain, re.S))


def test_nothing_found_under_a_filter_says_the_words_are_found_without_it(town):
    """A bookmarked search with an old `until`, or a source since renamed, said "Nothing found.", as
    a search whose words are nowhere in the archive says it: the reader gave up on words that
    were there. Now it names the filters and links the search without them, when that finds."""
    site, _ = town
    page = get(site, "/search?q=%E6%B2%AA%E6%98%8E&until=2020-01-01&source=outlet1").text
    said = re.search(r'<p class="muted">(Nothing found.*?)</p>', page, re.S).group(1)
    assert "until 2020-01-01" in said and "source outlet1" in said
    assert re.search(r'href="/search\?q=%E6%B2%AA%E6%98%8E">', said)
    nowhere = get(site, "/search?q=%E8%8C%B6%E5%8F%B6&until=2020-01-01").text  # not found without it either
    assert "Nothing found." in nowhere and "search them all" not in nowhere


# Each filter's name and its field: the names whose words sit on another line than the field.
APART = PROBE.split("document.querySelectorAll('body *')")[0] + """
  document.querySelectorAll('form label').forEach(label => {
    const words = document.createRange(); words.selectNodeContents(label.firstChild);
    const w = words.getBoundingClientRect(), field = label.querySelector('input, select').getBoundingClientRect();
    if (w.bottom <= field.top || w.top >= field.bottom) out.push(label.firstChild.textContent.trim());
  });
  document.body.setAttribute('data-wide', out.join(' '));
});</script>"""


def test_each_filters_name_stays_beside_its_field_on_a_phone(town, tmp_path):
    """On a phone the filters wrapped between a name and its field: "since" ended one line and
    its date box began the next, beside "until", so a date read as the other filter's."""
    site, _ = town
    page = get(site, "/search?q=%E6%B2%AA%E6%98%8E&until=2026-11-30").text
    assert _too_wide(page, tmp_path, APART) == []


def test_an_article_stored_without_a_title_is_still_a_link(town):
    """A page stored with an empty title (an imported line without one) was listed as an empty
    link: nothing to click, nothing to read, and its story page and feed entry had no heading."""
    site, _ = town
    page = get(site, "/search?source=untitled").text
    heading = re.search(r'<h2[^>]*><a href="(/story/\d+)[^"]*">([^<]*)</a></h2>', page)
    assert heading and heading.group(2) == "(no title)"
    story = get(site, heading.group(1)).text
    assert "<h1>(no title)</h1>" in story and "<title>(no title) · monitor</title>" in story
    assert "<title>(no title)</title>" in get(site, "/search.atom?source=untitled").text


def test_a_much_copied_story_gives_a_reason_once_not_once_per_copy(town):
    """Each of a story's 50 versions on a page repeated its whole verdict, the same long reason,
    rules and terms for every copy: 190 KB and some fifty phone screens of one paragraph. A
    version whose verdict says what one above it said names its topic and score and points up."""
    site, store = town
    page = get(site, f"/story/{_story_of(store, LATE)}").text
    versions = re.findall(r'<section class="version[^"]*" id="[^"]*">.*?</section>', page, re.S)
    assert len(versions) == 50 and all("matched <a" in v and "(score" in v for v in versions)
    # the rule named once, in the reason (with its weight), not again as a list of rules
    assert sum(": pair +" in v for v in versions) == 1 and ": pair +" in versions[0]
    assert all("for the reasons given above" in v for v in versions[1:])


def test_a_topic_feeds_id_is_an_iri_whatever_the_name(town):
    """A topic feed's id was `urn:monitor:` and the name as it is: a name with a space or a `#`
    made an id no IRI (RFC 4287 4.2.6), which a validator refuses and a reader may cut at the
    `#`. Such characters are percent-encoded; a name that made a valid id keeps it."""
    site, _ = town
    ids = [re.search(r"<id>([^<]*)</id>", get(site, f"/topic/{quote(name, safe='')}.atom").text).group(1)
           for name in (ODD, "hu-ming")]
    assert ids == ["urn:monitor:上海/三明%20%23合作", "urn:monitor:hu-ming"]


def test_a_page_offers_its_feed_under_the_feeds_own_name(town):
    """Every search page offered its feed to the browser and to readers' discovery as "this
    search": subscribed from two searches, both stood as "this search". The page's feed link
    carries the feed's own title."""
    site, _ = town
    for path in ("/search?q=%E6%B2%AA%E6%98%8E&source=outlet1", "/topic/hu-ming"):
        page = get(site, path).text
        offered = re.search(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)"', page)
        feed = get(site, unescape(offered.group(2))).text
        assert unescape(offered.group(1)) == unescape(re.search(r"<title>([^<]*)</title>", feed).group(1)), path
