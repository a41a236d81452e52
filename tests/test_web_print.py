"""A story's page or a search's results printed (to paper, or to a PDF for a file): the header's
topic links, the search form and the pager were printed above and below the articles, and a
link's address was lost where its words stand for it (a version's headline, "original", an
outlet's name), so the printout named outlets with no way to find their articles. Printed, the
page now holds its content alone under a heading saying what was searched, each such link
followed by its address (an address shown as the link's words is not said twice). Read in headless Chromium: the page's print rules applied
as the screen's, the styles the browser computes from them."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from test_web import get, on_phone
from test_web_use3_faults import _lines, served_after_a_topic_removed

PRINTED = """
const rules = [];
for (const sheet of document.styleSheets) for (const r of sheet.cssRules)
  if (r.media && [...r.media].includes('print')) for (const x of r.cssRules) rules.push(x.cssText);
const printed = document.createElement('style');
printed.textContent = rules.join('\\n');
document.head.appendChild(printed);
const shown = e => getComputedStyle(e).display !== 'none';
const after = a => getComputedStyle(a, '::after').content;
say(JSON.stringify({rules: rules.length,
  there: ['header', 'form', '.pager', '.skip'].filter(s => document.querySelector(s)),
  shown: ['header', 'form', '.pager', '.skip'].filter(s => [...document.querySelectorAll(s)].some(shown)),
  content: [...document.querySelectorAll('main .result, main .version')].filter(shown).length,
  heading: [...document.querySelectorAll('main h1')].map(h => [h.textContent.trim(), h.getBoundingClientRect().width > 50]),
  links: [...document.querySelectorAll('main a[href]')].map(a => [a.getAttribute('href'), a.textContent.trim(), after(a)])}));
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    with served_after_a_topic_removed(tmp_path_factory.mktemp("print"), _lines()) as (site, store):
        yield site, store


def _printed(site, path: str, tmp_path) -> dict:
    return json.loads(on_phone(get(site, path).text, PRINTED, tmp_path, width=800))


@pytest.mark.parametrize("kind", ["search", "story"])
def test_a_printed_page_holds_its_content_and_each_links_address(town, tmp_path, kind):
    site, _ = town
    search = "/search?q=" + quote("沪明")
    path = search if kind == "search" else re.search(r'href="(/story/\d+)', get(site, search).text).group(1)
    seen = _printed(site, path, tmp_path)
    assert {"header", ".skip"} <= set(seen["there"]) and ("form" in seen["there"]) == (kind == "search"), seen
    assert seen["rules"] and seen["shown"] == [] and seen["content"], seen
    # what was searched is printed, the form left out (its heading was for screen readers alone)
    assert len(seen["heading"]) == 1 and seen["heading"][0][1], seen["heading"]
    assert "沪明" in seen["heading"][0][0] or kind == "story", seen["heading"]
    outward = [(href, words, after) for href, words, after in seen["links"] if href.startswith("http")]
    assert outward, seen["links"]
    for href, words, after in outward:
        if words == href:  # the address is the link's words: not printed twice
            assert after in ("none", "normal"), (href, after)
        else:
            assert href in after, (href, words, after)
    # the pages' own links (to a story, a topic) print as their words: the printout is not cluttered
    assert all(after in ("none", "normal") for href, _, after in seen["links"] if href.startswith("/")), seen["links"]
