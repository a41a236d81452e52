"""Which elements a page hides from its readers, for `_clean_tree` to drop when their text is short.

Keyword stuffing for crawlers hides its words inline (`display:none`, `font-size:0`, and
`visibility:hidden` or `opacity:0` around text without paragraphs), off the
screen (`position:absolute; left:-9999px`, `text-indent:-9999px`), in a box of no size with
`overflow:hidden`, in a colour that does not show (`transparent`, the colour of its own or an
enclosing element's inline background, white where none is set: `seen` and `colour_hides`), or
through a class or id the page's own `<style>` hides, alone or under another (`.box .kw`), at
the top of the sheet or in an `@media` for every screen (`screen`, `all`), a rule's colour that
does not show included; in a sheet over 8 KB (a framework's rules, or one rule padded past them)
only `display:none` and `visibility:hidden` as usually written. Rules in other `@media` (hidden
on phones only) and other selectors are not read. A style is read through its comments and
escapes. White where no background is set, and type too small to read (`font-size:1px`: in
Chinese, Chrome's minimum size may show it), hide only stuffing. Much hidden text is the page's
own, shown a part at a time, unless it is a few words said over and over (`repeats`): a spam
page's hidden block of a news site's keywords is dropped however long.
"""

from __future__ import annotations

import colorsys
import re

# Elements worth a look: any inline style (`seen` reads it without its blanks: a list of
# substrings, `display:none` and `display: none`, missed `display :none` and `display:\tnone`,
# and cost lexbor more than this), the `hidden` attribute, a `<font color>`, a closed `<details>`
# (what it holds past its summary shows only when opened: stuffing there is dropped, as in white).
MAY_HIDE = "[style], [hidden], font[color], details"  # an open one: `_hidden` says ""
_ZERO_FONT = re.compile(r"font-size:0(?![.\d])")
_CLEAR = re.compile(r"opacity:(?:0|0?\.0\d*)(?![.\d])")  # under a tenth: unseen
# Each opens with a literal (a lookbehind in front made re try every position); what comes before
# a match is checked apart (`_whole`).
_OFF_SCREEN = re.compile(r"(?:text-indent|left|right|top|margin-left|margin-top):"
                         r"-(?:9\d\d|\d{4,}|[5-9]\d(?:\.\d+)?r?em|\d{3,}(?:\.\d+)?r?em)(?![\d.])")  # 50em: 800px
_NO_BOX = re.compile(r"(?:height|width|max-height):(?:0|1px)(?![.\d])")
# In a lowered sheet, where a rule may hide: each word with the one that must come at most 12
# characters before it to be worth reading the rule (str.find: a regex scan cost more).
_HINTS = (("none", "display"), ("hidden", "overflow"), ("font-size", ""), (":-", ""), (": -", ""),
          ("hidden", "visibility"), ("opacity", ""), ("scale", ""), ("clip", ""))
# A colour that may not show (white, none, an alpha), as a rule sets it (not a background's).
_COLOUR_HINT = re.compile(r"color\s*:\s*(?:#fff|white|transparent|rgba|hsl|rgb\(\s*255)")
# In a sheet over SHEET_MAX (a framework's, or a spam page's one rule padded past the limit), as
# written (not lowered): the usual forms only, each found by str.find alone (every `none` of 100 KB
# of rules checked for a `display` before it cost a third of the extraction).
_BIG_HINTS = (("display:none", ""), ("display: none", ""), ("visibility:hidden", ""))
# Shapes that leave nothing to see (read without blanks): an absolutely placed box clipped to
# nothing or to a pixel, a clip path of nothing, a scale of zero.
_CLIPPED = re.compile(r"clip:rect\((?:0(?:px)?,?){4}\)|clip:rect\((?:1px,?){4}\)")
_NO_PATH = re.compile(r"clip-path:(?:inset\((?:50|100)%\)|circle\(0(?:px|%)?\))")
_NO_SCALE = re.compile(r"transform:[^;{}]{0,200}?scale(?:3d)?\(0(?:,0){0,2}\)")
_SIMPLE = re.compile(r"[a-z0-9]{0,12}([.#][A-Za-z_][\w-]{0,60})")
_PART = r"(?:[a-z0-9]{0,12}[.#][A-Za-z_][\w-]{0,60}|[a-z][a-z0-9]{0,11})"
_CHAIN = re.compile(_PART + r"(?:\s*>\s*|\s+)" + r"(?:" + _PART + r"(?:\s*>\s*|\s+)){0,2}" + _PART)  # `.box .kw`, `#a > p`
_EVERY_SCREEN = re.compile(r"@media\s+(?:only\s+)?(?:screen|all)(?:\s*,\s*(?:only\s+)?(?:screen|all|print))*\s*")
# A colour's property, and a background's (its colour alone, or a shorthand holding no picture).
_COLOUR = re.compile(r"(?:^|;)color:([^;!]{1,40})")
_BACKGROUND = re.compile(r"(?:^|;)background(?:-color)?:([^;!]{1,120})")
_NAMED = {"white": (255, 255, 255, 1.0), "black": (0, 0, 0, 1.0), "transparent": (0, 0, 0, 0.0)}
_HEX = re.compile(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})")
_FUNCTION = re.compile(r"rgba?\(([\d.%]+)[,/]?([\d.%]+)[,/]?([\d.%]+)(?:[,/]([\d.%]+))?\)")
_HSL = re.compile(r"hsla?\(([\d.]+)(?:deg)?[,/]?([\d.]+)%[,/]?([\d.]+)%(?:[,/]([\d.%]+))?\)")
# A font too small to read (under 3 px, a fifth of an em): in Chinese, Chrome's minimum font size may
# still show it, so such text is dropped as white on no set background is, only when it is stuffing.
_TINY = re.compile(r"font-size:(?:0?\.\d+|[12](?:\.\d+)?)(?:px|pt)|font-size:0?\.[01]\d*r?em(?![\d.])")
_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_ESCAPE = re.compile(r"\\([0-9a-f]{1,6})\s?|\\(.)")
MAX_RULES = 50  # hiding selectors taken from one page's style sheets
SHEET_MAX = 8_192  # characters: a longer sheet is a framework's rules (a tenth of sheets, 85% of their text)
REPEATS_READ = 20_000  # characters of hidden text whose repetition is measured
NEAR = 12  # of 255, on each channel: a text colour this close to what it is painted on does not show
WHITE = (255, 255, 255, 1.0)


def seen(style: str) -> str:
    """How an inline style shows its element: "hidden" (`_hides`); "faded", invisible yet keeping
    its place (`visibility:hidden`, `opacity:0`: what a script shows later, WeChat its whole
    article, so `_clean_tree` counts it hidden only when it holds no paragraphs); "tiny", type too
    small to read (`_TINY`); "coloured", a colour of its own that may be its background's
    (`_unseen_colour` reads the background); or ""."""
    style = "".join(style.lower().split())
    if "/*" in style or "\\" in style:
        style = _plain(style)
    if _hides(style):
        return "hidden"
    faded = "visibility:hidden" in style or ("opacity:" in style and _CLEAR.search(style) is not None)
    if faded:
        return "faded"
    if "font-size:" in style and _TINY.search(style) is not None:
        return "tiny"
    if "color:" in style and (colour := _colour_of(style)) is not None:
        if colour[3] < 0.1 or alike(colour, _background_of(style)):
            return "hidden"
        return "coloured"
    return ""


def alike(colour: Colour | tuple[int, int, int] | None, other: Colour | tuple[int, int, int] | None) -> bool:
    """Whether text in one opaque colour on the other cannot be read: every channel within
    NEAR of the other's (`#fefefe` or `#f4f4f4` on white, `#0a0a0a` on black: the spam trick of a
    colour one step off its background). Light grey captions (`#ccc`, `#e0e0e0`) stay apart."""
    if colour is None or other is None or (len(colour) > 3 and colour[3] < 1) or (len(other) > 3 and other[3] < 1):
        return False
    return abs(colour[0] - other[0]) <= NEAR and abs(colour[1] - other[1]) <= NEAR and abs(colour[2] - other[2]) <= NEAR


def _plain(style: str) -> str:
    """A style lowered, without its blanks, comments (`display:/**/none`) and escapes
    (`n\\6fne`), as a browser reads it."""
    style = "".join(style.lower().split())
    if "/*" in style:
        style = _COMMENT.sub("", style)
    if "\\" in style:
        style = _ESCAPE.sub(lambda m: chr(min(int(m[1], 16), 0x10FFFF) or 0xFFFD) if m[1] else m[2], style)
    return style


def colour(style: str | None) -> tuple[int, int, int, float] | None:
    """The colour a raw inline style's `color` property sets (None when it sets none or one not read)."""
    return _colour_of("".join(style.lower().split())) if style and "olor" in style else None


def _colour_of(style: str) -> tuple[int, int, int, float] | None:
    found = _COLOUR.search(style)
    return parse_colour(found[1]) if found else None


def _background_of(style: str) -> tuple[int, int, int, float] | None:
    found = _BACKGROUND.search(style)
    return parse_colour(found[1].split(" ")[0]) if found else None


def background(style: str | None, bgcolor: str | None = None) -> tuple[int, int, int, float] | bool | None:
    """What a raw inline style (or a `bgcolor`) paints behind its element: a colour, False when it
    sets none, None when it sets one not read (a picture, a gradient: what shows is not known)."""
    low = "".join(style.lower().split()) if style else ""
    if "background" in low:
        found = _BACKGROUND.search(low)
        return None if found is None or "url(" in low or "gradient" in low else parse_colour(found[1])
    return parse_colour(bgcolor.lower().strip()) if bgcolor else False


def parse_colour(value: str) -> tuple[int, int, int, float] | None:
    """A CSS colour as (red, green, blue, alpha), for the forms pages write (a name of three,
    `#rgb`, `#rrggbb`, their alpha forms, `rgb()`, `rgba()`); None for any other value."""
    value = value.strip()
    if value in _NAMED:
        return _NAMED[value]
    if (h := _HEX.fullmatch(value)) is not None:
        digits = h[1] if len(h[1]) > 4 else "".join(c * 2 for c in h[1])
        alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), alpha
    if (f := _FUNCTION.fullmatch(value)) is not None:
        try:
            rgb = [round(float(x[:-1]) * 2.55) if x.endswith("%") else int(float(x)) for x in f.groups()[:3]]
            a = f[4]
            alpha = 1.0 if a is None else float(a[:-1]) / 100 if a.endswith("%") else float(a)
        except ValueError:
            return None
        return rgb[0], rgb[1], rgb[2], alpha
    if (f := _HSL.fullmatch(value)) is not None:
        try:
            hue, sat, light = float(f[1]) / 360 % 1, min(float(f[2]), 100) / 100, min(float(f[3]), 100) / 100
            a = f[4]
            alpha = 1.0 if a is None else float(a[:-1]) / 100 if a.endswith("%") else float(a)
        except ValueError:
            return None
        red, green, blue = (round(x * 255) for x in colorsys.hls_to_rgb(hue, light, sat))
        return red, green, blue, alpha
    return None


def _hides(style: str) -> bool:
    """Whether a style (inline, or a rule's declarations), lowered and without white space, hides
    what it styles."""
    if "display:none" in style or ("font-size:0" in style and _ZERO_FONT.search(style)):
        return True
    if "clip" in style:
        placed = "position:absolute" in style or "position:fixed" in style  # `clip` clips only these
        if (placed and _CLIPPED.search(style) is not None) or _NO_PATH.search(style) is not None:
            return True
    if "scale(0" in style and _NO_SCALE.search(style):
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


Colour = tuple[int, int, int, float]
Faint = list[tuple[str, Colour | None]]


def hiding_selectors(sheets: list[str]) -> tuple[str, Faint]:
    """A CSS selector list of the plain classes and ids the page's top-level style rules hide
    (empty when none), and the ones whose rule may hide their text only as stuffing is hidden:
    (selector, the rule's colour) for a colour that shows only on another, None for a font too
    small to read. Only rules holding a hint of hiding are read; in a sheet over SHEET_MAX (a
    page may carry 100 KB of a framework's rules; reading every hint was a third of the
    extraction's time) only rules in the usual forms (`_BIG_HINTS`)."""
    found: list[str] = []
    faint: Faint = []
    for sheet in sheets:
        big = len(sheet) > SHEET_MAX
        low = sheet if big else sheet.lower()
        if len(low) != len(sheet):  # a letter whose lower case is longer: positions would not agree
            low = sheet
        at = _found(low, _BIG_HINTS if big else _HINTS)
        coloured: set[int] = set()
        if not big and "olor" in low:
            coloured = {m.start() for m in _COLOUR_HINT.finditer(low) if low[m.start() - 1:m.start()] not in "-_"}
            at |= coloured
        depth, counted, done, screens = 0, 0, -1, _Screens(low)
        for pos in sorted(at):
            if pos < done:
                continue  # in the rule just read
            depth += low.count("{", counted, pos) - low.count("}", counted, pos)
            counted = pos
            if depth != 1 and (depth != 2 or not screens.every(low.rfind("{", 0, pos))):
                continue  # outside any rule, or inside @media (max-width: …) { … }: hidden on some screens only
            opened, done = low.rfind("{", 0, pos), low.find("}", pos)
            rule = _plain(low[opened + 1:done]) if done >= 0 else ""
            how = _rule_hides(rule, pos in coloured)
            if not how:
                continue
            start = max(low.rfind("}", 0, opened), low.rfind("{", 0, opened)) + 1
            selector = sheet[start:opened].rsplit("*/", 1)[-1].strip()  # after any comment
            if selector.startswith("@"):
                continue
            for part in selector.split(","):
                simple = _SIMPLE.fullmatch(part.strip())
                chosen = simple[1] if simple else " ".join(part.split()) if _CHAIN.fullmatch(part.strip()) else ""
                if not chosen:
                    continue
                if how is True and chosen not in found:
                    found.append(chosen)
                elif how is not True and len(faint) < MAX_RULES:
                    faint.append((chosen, how if isinstance(how, tuple) else None))
            if len(found) >= MAX_RULES:
                return ", ".join(found[:MAX_RULES]), faint
    return ", ".join(found), faint


def _rule_hides(rule: str, coloured: bool) -> bool | str | Colour:
    """What a rule's declarations (plain: `_plain`) do to its elements' text: True when they hide
    it (a rule's `visibility` or `opacity` hides its class outright, unlike a style's own; so does
    a colour that does not show on its own background); "tiny", a font too small to read; when
    `coloured` (a colour that may not show was seen in it), the rule's colour when it is white and
    the rule paints no background (it may be the page's white, or an enclosing element's inline
    one: `_clean_tree` looks); else False."""
    if not rule:
        return False
    if _hides(rule) or "visibility:hidden" in rule or _CLEAR.search(rule) is not None:
        return True
    if "font-size:" in rule and _TINY.search(rule) is not None:
        return "tiny"
    if coloured and (colour := _colour_of(rule)) is not None:
        if colour[3] < 0.1 or alike(colour, _background_of(rule)):
            return True
        if alike(colour, WHITE) and "background" not in rule:
            return colour
    return False


class _Screens:
    """Whether a rule two blocks deep sits in an `@media` for every screen (`screen`, `all`): the
    last at-rule before it, whose block is still open there. Read forward once over a sheet, as
    the rules come in order (each looked back to its at-rule and counted the braces between, so
    one `@media screen` block of 80,000 hiding rules took 27 s)."""

    def __init__(self, sheet: str) -> None:
        self.sheet, self.scanned, self.at, self.read_at = sheet, 0, -1, -1
        self.brace, self.all_screens, self.upto, self.balance = -1, False, 0, 0

    def every(self, opened: int) -> bool:
        sheet = self.sheet
        while (found := sheet.find("@", self.scanned, opened)) >= 0:
            self.at, self.scanned = found, found + 1
        self.scanned = max(self.scanned, opened)
        if self.at < 0:
            return False
        if self.at != self.read_at:  # a new at-rule: its kind once, its braces from its own
            self.read_at, self.brace = self.at, sheet.find("{", self.at)
            self.all_screens = 0 <= self.brace < opened and _EVERY_SCREEN.fullmatch(sheet, self.at, self.brace) is not None
            self.upto, self.balance = self.brace + 1, 0
        if not self.all_screens or opened < self.upto:
            return False
        self.balance += sheet.count("{", self.upto, opened) - sheet.count("}", self.upto, opened)
        self.upto = opened
        return self.balance == 0


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
