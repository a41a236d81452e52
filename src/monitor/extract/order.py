"""Which order a page writes numeric dates in: is `7/5/2019` 7 May or 5 July?

In: the page's <html lang> and og:locale, its URL and its text. Out: True (day first), False
(month first) or None (no evidence: the caller keeps its default, month first, as American
servers and the US-locale stamps on older Chinese pages write). Evidence, strongest first:
1. the page's own numeric dates: one whose first number cannot be a month (`23/06/2019`) shows
   the page writes the day first, one whose second cannot (`9/17/2004`) the month first;
2. the URL's date path, when it names the same year and both numbers (`/2019/05/07/`);
3. the locale: `en-US` month first; other English regions and the languages of Europe, Latin
   America and most of the world day first; Chinese, Japanese and Korean give no evidence
   (they write the year first, and a year-last stamp on their pages comes from a US server);
4. the country's domain (`.co.uk`, `.de`: day first; `.us`: month first).
Never raises; pure.
"""

from __future__ import annotations

import re

# a/b/yyyy, a-b-yyyy, a.b.yyyy with one separator throughout.
NUMERIC_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.\-])")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{1,2})[/-]?(\d{1,2})(?:/|[-_]|$)")
# Languages and regions that write the month first; every other language with a region, and
# those listed as day-first, write the day first. zh/ja/ko write the year first: no evidence.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "um", "vi"})
_YEAR_FIRST_LANGS = frozenset({"zh", "ja", "ko", "hu", "lt", "mn"})
_DAY_FIRST_TLDS = frozenset(
    "uk au nz ie in za sg my pk ng ke gh lk bd fr de it es pt br ar mx cl co pe nl be ch at dk se no fi pl cz "
    "sk ru ua gr tr ro bg hr si rs il eg ae sa id vn th".split()
)


def day_first(lang: str | None, locale: str | None, url: str | None, text: str) -> bool | None:
    """True when the page writes numeric dates day first, False month first, None unknown."""
    own = _from_own_dates(text)
    if own is not None:
        return own
    from_url = _from_url(url, text)
    if from_url is not None:
        return from_url
    for tag in (lang, locale):
        found = _from_locale(tag)
        if found is not None:
            return found
    return _from_domain(url)


def _from_own_dates(text: str) -> bool | None:
    """The order the page's unambiguous numeric dates show, if they agree (the first 60 looked at)."""
    seen: set[bool] = set()
    for count, match in enumerate(NUMERIC_DATE.finditer(text)):
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second >= 1:
            seen.add(True)
        elif second > 12 >= first >= 1:
            seen.add(False)
        if len(seen) == 2 or count >= 60:
            break
    return seen.pop() if len(seen) == 1 else None


def _from_url(url: str | None, text: str) -> bool | None:
    """The order in which the URL's date path matches an ambiguous date of the page."""
    found = _URL_DATE.search(url or "")
    if not found:
        return None
    year, month, day = (int(g) for g in found.groups())
    if month == day:
        return None
    for match in NUMERIC_DATE.finditer(text):
        if int(match.group(4)) == year:
            first, second = int(match.group(1)), int(match.group(3))
            if (first, second) == (day, month):
                return True
            if (first, second) == (month, day):
                return False
    return None


def _from_locale(tag: str | None) -> bool | None:
    """Day first for a language tag such as `en-GB`, `fr`, `pt_BR`; month first for `en-US`."""
    if not tag:
        return None
    parts = tag.strip().lower().replace("_", "-").split("-")
    language, region = parts[0], (parts[1] if len(parts) > 1 else "")
    if language in _YEAR_FIRST_LANGS or not language.isalpha():
        return None
    if region in _MONTH_FIRST_REGIONS:
        return False
    if language == "en" and not region:
        return None  # plain `en`: American and British pages both say it
    return True


def _from_domain(url: str | None) -> bool | None:
    """Day first for a country domain that writes so, month first for `.us`."""
    host = (url or "").split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if tld == "us":
        return False
    return True if tld in _DAY_FIRST_TLDS else None
