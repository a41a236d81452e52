"""Which elements a page hides from its readers, for `_clean_tree` to drop when their text is short.

Keyword stuffing for crawlers hides its words inline (`display:none`, `font-size:0`, and
`visibility:hidden` or `opacity:0` around text without paragraphs), off the
screen (`position:absolute; left:-9999px`, `text-indent:-9999px`), in a box of no size with
`overflow:hidden`, or through a class or id the page's own `<style>` hides. Rules inside
`@media` (hidden on phones only), selectors other than a plain class or id, and sheets over
8 KB (a framework's rules, not a page's own few) are not read. Much hidden text is the page's
own, shown a part at a time, unless it is a few words said over and over (`repeats`): a spam
page's hidden block of a news site's keywords is dropped however long.
"""

from __future__ import annotations

import re

# Elements worth a look: an inline style that may hide, or the `hidden` attribute.
MAY_HIDE = ("[hidden], [style*='display:none' i], [style*='display: none' i], [style*='font-size:0' i], "
            "[style*='font-size: 0' i], [style*=':-'], [style*=': -'], [style*='overflow' i], "
            "[style*='visibility' i], [style*='opacity' i]")
_ZERO_FONT = re.compile(r"font-size:0(?![.\d])")
_CLEAR = re.compile(r"opacity:0(?:\.0*)?(?![.\d])")
# Each opens with a literal (a lookbehind in front made re try every position); what comes before
# a match is checked apart (`_whole`).
_OFF_SCREEN = re.compile(r"(?:text-indent|left|top|margin-left|margin-top):-(?:9\d\d|\d{4,})(?![\d.])")
_NO_BOX = re.compile(r"(?:height|width|max-height):(?:0|1px)(?![.\d])")
# In a lowered sheet, where a rule may hide: each word with the one that must come at most 12
# characters before it to be worth reading the rule (str.find: a regex scan cost more).
_HINTS = (("none", "display"), ("hidden", "overflow"), ("font-size", ""), (":-", ""), (": -", ""))
_SIMPLE = re.compile(r"[a-z0-9]{0,12}([.#][A-Za-z_][\w-]{0,60})")
MAX_RULES = 50  # hiding selectors taken from one page's style sheets
SHEET_MAX = 8_192  # characters: a longer sheet is a framework's rules (a tenth of sheets, 85% of their text)
REPEATS_READ = 20_000  # characters of hidden text whose repetition is measured


def seen(style: str) -> str:
    """How an inline style shows its element: "hidden" (`_hides`); "faded", invisible yet keeping
    its place (`visibility:hidden`, `opacity:0`: what a script shows later, WeChat its whole
    article, so `_clean_tree` counts it hidden only when it holds no paragraphs); or ""."""
    style = "".join(style.lower().split())
    if _hides(style):
        return "hidden"
    faded = "visibility:hidden" in style or ("opacity:0" in style and _CLEAR.search(style) is not None)
    return "faded" if faded else ""


def _hides(style: str) -> bool:
    """Whether a style (inline, or a rule's declarations), lowered and without white space, hides
    what it styles."""
    if "display:none" in style or ("font-size:0" in style and _ZERO_FONT.search(style)):
        return True
    if ":-" in style and _whole(style, _OFF_SCREEN):
        return True
    return "overflow:hidden" in style and _whole(style, _NO_BOX)


def _whole(style: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` finds a whole property name (`left`, not the end of `padding-left`)."""
    return any(m.start() == 0 or style[m.start() - 1] in ";{" for m in pattern.finditer(style))


def repeats(text: str) -> bool:
    """Whether a text is a few words said four times or more: at most a quarter of its runs of
    three characters (blanks aside) are distinct. Prose repeats few (a twentieth to a fifth of
    them in long news texts); an article hidden twice over, half."""
    letters = "".join(text[:REPEATS_READ].split())
    runs = len(letters) - 2
    return runs > 0 and 4 * len({letters[i:i + 3] for i in range(runs)}) <= runs


def hiding_selectors(sheets: list[str]) -> str:
    """A CSS selector list of the plain classes and ids the page's top-level style rules hide
    (empty when none). Only rules holding a hint of hiding are read, in sheets up to SHEET_MAX (a
    page may carry 100 KB of a framework's rules; reading them all was a third of the extraction's
    time)."""
    found: list[str] = []
    for sheet in sheets:
        if len(sheet) > SHEET_MAX:
            continue
        low = sheet.lower()
        if len(low) != len(sheet):  # a letter whose lower case is longer: positions would not agree
            low = sheet
        depth, counted, done = 0, 0, -1
        for pos in sorted(_found(low, _HINTS)):
            if pos < done:
                continue  # in the rule just read
            depth += low.count("{", counted, pos) - low.count("}", counted, pos)
            counted = pos
            if depth != 1:
                continue  # outside any rule, or inside @media { … }: hidden on some screens only
            opened, done = low.rfind("{", 0, pos), low.find("}", pos)
            if done < 0 or not _hides("".join(low[opened + 1:done].split())):
                continue
            start = max(low.rfind("}", 0, opened), low.rfind("{", 0, opened)) + 1
            selector = sheet[start:opened].rsplit("*/", 1)[-1].strip()  # after any comment
            if selector.startswith("@"):
                continue
            for part in selector.split(","):
                simple = _SIMPLE.fullmatch(part.strip())
                if simple and simple[1] not in found:
                    found.append(simple[1])
            if len(found) >= MAX_RULES:
                return ", ".join(found[:MAX_RULES])
    return ", ".join(found)


def _found(text: str, hints: tuple[tuple[str, str], ...]) -> set[int]:
    """Where a hint's word starts in `text` with its companion at most 12 characters before it."""
    at: set[int] = set()
    for needle, before in hints:
        i = text.find(needle)
        while i >= 0:
            if not before or text.find(before, max(0, i - 12), i) >= 0:
                at.add(i)
            i = text.find(needle, i + 1)
    return at
