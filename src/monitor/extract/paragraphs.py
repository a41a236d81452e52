"""Article containers → display paragraphs, with byline lines lifted out as fields.

In: container nodes (the tree may be marked up in place: sentinels are inserted around block
elements, <br> and links so one C-level `text()` call yields paragraphs with link spans). Out:
`Body` with paragraphs (cleaned, repeated ones once, chrome, captions and link rows dropped)
plus author, source and editor found in lines such as `来源：…`, `记者 …`, `（责任编辑：…）`,
`By …`, and the headline when the container repeats it in other words. Never raises on its own.
"""

from __future__ import annotations

import itertools
import re
import secrets
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from .body import class_hint, link_density, tag_ids
from .boiler import (
    cjk_name,
    is_appeal,
    is_caption,
    is_chrome,
    is_credited_caption,
    is_excerpt,
    is_expander,
    is_follow_pitch,
    is_member_pitch,
    is_stop,
    no_letters,
    trim_head,
    trim_tail,
    without_summary,
)
from .dates import (
    FULL_DATE,
    HAN_DATE,
    MONTH_DAY_APART,
    SHORT_YEAR_HAN,
    SHORT_YEAR_OPENING,
    SPEECH,
    US_DATE,
    YEAR_APART,
    bracketed_day,
    dated_header_line,
)
from .divs import beside, paragraph_block
from .text import clean, collapse, strip_junk, weighted_length

_BLOCK = ("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
          "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "center", "address", "form",
          "hr", "tbody")
_STOP_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})  # a `Related …` heading may open a box inside the article
# A `<p>Further reading</p>` or `<div><b>STORY HIGHLIGHTS</b></div>` line just above a list may
# head such a box too.
_LINE_HEADS = frozenset({"p", "div"})
_LISTS = frozenset({"ul", "ol"})
# A neighbouring article's label below the text (`上一篇：<title>`, `下一篇：…`): what follows is
# navigation or that article itself (a page printing it whole below this one), never more of this.
_NEIGHBOUR = re.compile(r"\s*(?:上一篇|下一篇|上一條|下一條|上一条|下一条|上篇|下篇|前一篇|后一篇|後一篇)\s*[：:]")
_BOX_HEAD = re.compile(r"(?:(?:story |key )?(?:highlights|key points|at a glance)|in brief|key takeaways|"
                       r"what we know(?: so far)?)[\s:]*", re.I)  # a live page's `What we know` box
_SUMMARY_BOX = 800  # weighted characters: an `In Brief` box is a few sentences, never the article
_CELLS = ("td", "th")  # table cells: a space between them, a row stays one paragraph
_CAPTIONS = ("figcaption", "cite")  # a <cite> counts only inside a <figure> (a photo credit)
_MARKED = tag_ids((*_BLOCK, *_CELLS, *_CAPTIONS, "br", "a", "img", "q"))  # tag id → name of the elements that get marks
_PICTURE_BOXES = frozenset({"div", "figure", "center", "p"})
# A link wrapping blocks (a thumbnail's box, a title and a headline line) under this many weighted
# characters is a teaser card (`_link_card`).
_CARD_BLOCKS = frozenset({"div", "p", "h2", "h3", "h4", "h5", "h6", "figure"})
CARD_TEXT = 300
# A story page's address: a year and a month as folders (`/2013/09/02/`, `/2024/03/`).
_STORY_PATH = re.compile(r"/(?:19|20)\d\d/[01]?\d/")
# A story page named by its section and a long number (`/news/world-us-canada-33646875`): another
# article, as a dated path is.
_STORY_ID = re.compile(r"/[a-z]+(?:-[a-z]+)*-\d{6,}/?(?:[?#].*)?$")
_LINK_LINE_TAGS = frozenset({"p", "div"})
_SLOT_TAGS = frozenset({"div", "a", "span", "ins", "p"})  # (`<p> </p>` between a box and the text)
# A centred <p> holding a picture is its caption only when its line is short (15 CJK characters):
# older portals set `<p align=center><img>新专辑宣传照</p>`; a longer centred line may be text.
_CENTRED_CAPTION = 45
_PICTURE_WRAPS = frozenset({"a", "span", "picture", "noscript", "i", "b", "em", "strong"})
_SENTENCE_ENDS = "。！？.!?”\"’"
_CHROME_HINT = re.compile(  # matched against lower-cased hints: literal alternations without re.I are fast
    r"comment(?!ary|ator)|share|related|recommend|breadcrumb|sidebar|copyright|social|newsletter|subscribe|advert|sponsor|"
    r"popup|cookie|pagination|fenxiang|xgxw|xgyd|jiathis|hotnews|hot-news|footer|caption|credit|promo|teaser|slideshow|"
    r"video|transcript|authorbox|author-box|author_box|authorbio|author-bio|author_bio|author-info|about-author|"
    r"author-card|author_card|authorcard|biographia|"
    r"about-the-author|tagbox|tag-box|-tags|toc(?<!\w...)(?![a-z])|table-of-contents|widget-title|widgettitle|"
    r"pull[-_]?quote|bookmark-card|link-preview|gallery|carousel|callout"
)
# Words that also name blocks of article text (`subscriber-content` behind a paywall, `share-price-analysis`,
# `social-issues`, `sponsored-article`, a German `teaser` lead, `credit-markets`): such a block is
# chrome only when it does not hold article text itself (a photo credit is short). A long caption is
# still a caption (a gallery's), unless it sets paragraphs of prose (a photo essay's text boxes).
_WEAK_HINT = re.compile(
    r"share|social|subscribe|sponsor|promo|teaser|credit|video|transcript|"
    r"toc(?<!\w...)(?![a-z])|table-of-contents"  # a contents box (`ez-toc-container`), or a `has-toc` article wrapper
)
# A video player's transcript, `00:01 But according to … 00:04 occurs before …`: time codes.
_TIME_CODE = re.compile(r"(?<![\d:])[0-5]?\d:[0-5]\d(?![\d:])")
_STRONG_HINT = re.compile(
    r"comment(?!ary|ator)|related|recommend|breadcrumb|sidebar|copyright|newsletter|advert|popup|cookie|pagination|"
    r"fenxiang|xgxw|xgyd|jiathis|hotnews|hot-news|footer|slideshow|"
    # the writer's box under a post (`authorbox`, `author-bio`, `about-the-author`) and its tag box
    r"authorbox|author-box|author_box|authorbio|author-bio|author_bio|author-info|about-author|about-the-author|"
    r"author-card|author_card|authorcard|biographia|"
    r"tagbox|tag-box|-tags(?![\w-])|"
    r"widget-title|widgettitle|"  # a sidebar widget's heading (`<h4 class="widget-title">Toolkits</h4>`) set in the post
    # a pull quote repeating a line of the text, and a link's preview card (its title, summary and site)
    r"pull[-_]?quote|bookmark-card|link-preview"
)
# A writer's name alone (`Rosa Lindqvist`, `Mary-Jo O'Neil`, `Ana de la Cruz`): capitalised words, a particle between.
_NAME_ALONE = re.compile(r"[A-Z][\w'’.-]{0,20}(?: (?:(?:de|del|la|le|van|von|der|da|di|al|bin|ibn) ){0,2}[A-Z][\w'’.-]{0,20}){1,3}")
# An embedded post (a tweet, an Instagram post) quoted in the article, often inside a "social" box.
# (`twitter-video` has no `tweet` in it)
_EMBED = ("blockquote[class*=tweet], blockquote[class*=twitter], blockquote[class*=instagram], blockquote[class*=embed], "
          "blockquote[class*=tiktok]")
_KEEP_TAGS = frozenset({"html", "body", "article", "main"})
_PARA, _BR, _LINK_OPEN, _LINK_CLOSE = "\x1e", "\x1f", "\x02", "\x03"
# `<span style="display:block;height:1em;"></span>` between paragraphs of loose text: an empty spacer
# the page's CSS draws as a block, a paragraph break without a <p> or <br>.
_SPACERS = "span[style*='display:block'], span[style*='display: block']"
# Accessibility classes that hide a label from the eye and keep it for screen readers (`<span
# class="visually-hidden">Photo</span>` in a picture's box): sought in the same query as the spacers,
# inside the text's container only (four more selectors over the whole page cost 2 % of the stage).
_READER_ONLY = ("visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text")
_SPACERS_AND_LABELS = ", ".join((_SPACERS, *(f".{name}" for name in _READER_ONLY)))
_READER_LABEL = 80  # characters at most
_LINK_SPAN = re.compile("\x02([^\x02\x03]*)\x03")
_BREAK_AFTER = "。！？!?”」』.:：;；)）"
_SENTENCE_END_CJK = re.compile("[。！？]")
_QUOTES = " \"“”‘’'.。"
_SENTENCE_END = "。！？!?.”\"」』)）\x03"  # a link closing a sentence ends with the link mark
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3400-\u9fff]")
# An embedded post's credit line, `— Name (@handle) March 18, 2024`: two posts by one account on one
# day have the same one, and each stays (a repeated line is otherwise dropped).
_POST_CREDIT = re.compile(r"[—–-]\s?[^()\n]{1,80}\(@\w{1,30}\)")
_LABEL = re.compile(r"[\w'’ ]{1,24}[:：|｜]\s")  # `Related: …`, `WATCH: …`, `推荐： …` opening a link line
# A capitals label and one link filling the rest of the line (`READ MORE: <a>…</a>`, `DOWNLOAD: <a>…</a>`).
_CAPS_LABEL_LINK = re.compile(rf"[A-Z][A-Z'’ ]{{1,24}}:\s*{_LINK_OPEN}[^{_LINK_OPEN}{_LINK_CLOSE}]{{8,200}}{_LINK_CLOSE}\s*$")

_FIELD = r"(来源|來源|稿源|作者|文字|记者|記者|责任编辑|責任編輯|编辑|編輯|责编|校对|审核|审校|通讯员|通訊員|摄影|攝影)"
_LABEL_ALONE = re.compile(_FIELD + r"\s*[：:]\s*")
_FIELD_LINE = re.compile(
    r"^[\s（(【\[]*(?:本文|文章|信息|新闻)?(?:" + _FIELD + r"|发布时间|发布日期|發佈時間|发表时间|更新时间|时间|時間|日期)\s*[：:|｜]"
    r"|^(?:点击|點擊|浏览|瀏覽|阅读|閱讀)(?:数|數|量|次数|次數)?\s*[：:]\s*(?:\d{1,9}\s*次?)?\s*$"  # `点击:` / `浏览次数：35` alone
)
_SENTENCE = re.compile(r"[。？！；，?!;]")
_PROSE_ENDS = frozenset('.!?"”’。！？')  # how a paragraph of text ends
_PROSE_STOP = re.compile(r"[.!?] ")  # a sentence ending inside a line  # a line with sentence punctuation is content, not a byline
FIELD_VALUE = re.compile(
    _FIELD + r"\s*[：:|｜]\s*([^：:|｜/（）()【】\[\]\s]{1,40}?)\s*(?=[|｜/（）()【】\[\]\s]|$|" + _FIELD
    + r"|发布|發佈|时间|時間|日期|浏览|點擊|点击|字号|(?:19|20)\d\d[-年/.]|\d+人参与|\d+条?评论)"
)
# Tone-marked pinyin after a Han character, `網(wǎng)`: dropped before byline fields are read,
# or `來源：中新網(wǎng)福建` would stop at the bracket.
_INLINE_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]"
)


def byline_fields(text: str) -> list[tuple[str, str, str]]:
    """(label, value, _) for each `来源：…`, `记者：…`, `责任编辑：…` in a byline text."""
    if "(" in text or "（" in text:
        text = _INLINE_PINYIN.sub("", text)
    return FIELD_VALUE.findall(text)


_REPORTER = re.compile(  # `记者 王五`, `新华网黑龙江频道 记者 伊琳 李清芬`, `（本报记者 张三）`, `記者傅人意 實習生王偉君`
    r"^[（(■]?\s*[^\s（()）]{0,16}?\s*(?:本报|本網|本网|本報)?(?:见习|見習)?(?:记者|記者)\s*"
    r"([\u4e00-\u9fff]{2,4}(?:\s*[、，, ]\s*[\u4e00-\u9fff]{2,4})*)"
    r"(?:\s*(?:实习生|實習生|通讯员|通訊員)\s*[^\s\d（()）]{2,4})?\s*[）)]?$"
)
# `新华社记者`, `本报记者`: the agency's credit line over a text whose writers it does not name.
_AGENCY_CREDIT = re.compile(r"^[（(]?\s*[\u4e00-\u9fff]{1,8}(?:社|报|報|台|网|網)(?:记者|記者)\s*[）)]?$")
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
_EN_BYLINE = re.compile(  # `By Jo Marsh and Li Wei · May 5, 2024`: names, then perhaps a role or date
    rf"^(?:By|BY|by)\s+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)(?:\s+(?:staff|reporters?|writers?))?"  # `By River Post staff`
    rf"\s*(?:[,|·•–—-].{{0,60}})?$"
)
# A desk's byline (`By the Metro desk`, `From the Sports desk · Updated 2:52 p.m.`), perhaps after a
# live entry's time stamp (`4:05 p.m. By the Metro desk`, two spans run together); tried whole on
# lines of 120 characters at most, anywhere in the text (a live page bylines every entry).
_DESK_BYLINE = re.compile(
    r"(\d{1,2}:\d\d\s?[AaPp]\.?[Mm]\.?\s+)?(?:By|BY|by|From|FROM|from)\s+(?:the\s+|The\s+|THE\s+)?(?:[\w'’&.-]+\s+){0,4}"
    r"(?:desk|Desk|DESK|newsroom|Newsroom|NEWSROOM)"
    r"(?:\s*[|·•,–—-]\s*(?:[Uu]pdated|[Pp]osted|[Pp]ublished)?[\w ,:/]{0,40}?(?:\s?[AaPp]\.?[Mm]\.?)?)?\.?"
)
_BY = ("By ", "BY ", "by ")  # a byline's opening word, lower-cased by some templates (`by <a>Jo Marsh</a>`)
_EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# `Sunday 4 April 2021 by Mara Quinlan`, `March 12, 2021 at 9:40 am by …`: a blog's byline written
# date first (an `By …` line opens with the name instead).
_EN_DATED_BYLINE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?:{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH},?)\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d)"  # `12/28/2005 1:06:32 PM, by Ken "Caesar" Fisher`
    rf"(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d\d(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*(?:[|·•–—,-]\s*)?[Bb]y\s+"
    rf"({_NAME}(?:\s+\"[^\"]{{1,20}}\"\s+{_NAME})?(?:\s*(?:,|and|&)\s*{_NAME})*)\s*$"
)
# A line that is only a date, perhaps with a weekday, a time and a zone (`Fri Dec 28, 7:05 AM ET`,
# `1/10/2008, 3:50 a.m. EST`, `16 January 2008 –`, `Friday, January 18, 2008`): the dateline of a
# byline above the text. A date standing in the text (a timeline's heading) comes after a sentence.
# A labelled byline over the text (`Author: Jo Marsh Published: 24th May 2005`, `Written by: Jo Marsh`).
_EN_LABEL_BYLINE = re.compile(
    r"(?:Author|AUTHOR|Written by|Reporter|Writer)\s?:\s?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    r"(?:\s?[,|·]?\s?(?:Published|Posted|Date|Updated)\s?:\s?(.{1,40}))?"
)
# A writer's contact line under the text (`Jo Marsh: 206-464-2491 or jmarsh@example.com`), tried
# whole (fullmatch) on lines of 160 characters at most.
_PHONE_OR_MAIL = r"(?:\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})"
_CONTACT_LINE = re.compile(
    rf"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}\s?:\s?{_PHONE_OR_MAIL}(?:\s?(?:,|;|or|and)\s?{_PHONE_OR_MAIL}){{0,3}}\.?"
)
# A byline of a name and a numeric date over the text (`CHQ Staff | 10/17/18`).
_NAME_NUMERIC_DATE = re.compile(r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,4} ?[|·•,–—-] ?\d{1,2}/\d{1,2}/(?:\d\d){1,2}")
# A numbered subhead in capitals (`3. THE NIGHT SERVICE`), linked in a listicle's headings: text.
_NUMBERED_CAPS = re.compile(r"\d{1,2}[.)] [^a-z]{3,80}")
_EN_DATE_LINE = re.compile(
    rf"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]{{0,6}}\.?,?\s+)?"
    rf"(?:{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH},?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}/\d{{1,2}}/(?:19|20)?\d\d)"
    rf"(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d\d\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*[-–—|]?"
)
# `Metro Desk By Metro Desk, The Evening Ledger on December 27, 2014 at 12:06 PM, updated …`: a local
# paper's byline over the text, a desk's label before `By`, the posting and update times after the
# writer and outlet. Read on a line of up to 200 characters above the text that ends no sentence.
_EN_BYLINE_ON = re.compile(
    rf"^(?:[A-Z][\w&'’-]*\s+){{0,4}}(?:By|BY)\s+[A-Z][^.!?;]{{0,80}}?\s(?:on|published|Published|posted|Posted)\s+"
    rf"((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{_EN_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d"
    rf"(?:,?\s+(?:at\s+)?\d{{1,2}}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)?)?)"
)
# `By THE ASSOCIATED PRESS January 7, 2008`: names, then the date with no mark between.
_EN_BYLINE_DATE = re.compile(rf"^(?:By|BY|by)\s+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s+({_EN_DATE_LINE.pattern})$")
# The line under a byline that names the writer's role or agency (`Sports Reporter`, `The
# Associated Press`): a few capitalised words, no sentence.
_BYLINE_ROLE = re.compile(r"(?:(?:[A-Z][\w.'’&-]*|of|the|and|for)\s?){1,5}")
# `Jo Marsh, Political editor`, `Li WeiChina correspondent` (name and role in two spans, no space):
# capitalised words, then a newsroom role, before any text.
_EN_NAME_ROLE = re.compile(r"(?:[A-Z][\w.'’-]+[\s,]+){1,5}(?:[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Ww]riter|"
                           r"[Cc]olumnist|[Jj]ournalist)s?")
_ROLE_ENDS = frozenset("trs")
# `Dana Ruiz, Special for The Ledger 6:29 p.m. EST March 12, 2024`: a contributor's byline, perhaps
# with the time after it (two spans run together), before any paragraph.
_EN_SPECIAL_BYLINE = re.compile(
    rf"({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*), Special (?:to|for) (?:the |The )?[A-Z][\w&'’.-]*"
    rf"(?:\s+[A-Z][\w&'’.-]*){{0,4}}(?:\s+\d.{{0,60}})?$"
)
_TRAILING_EDITOR = re.compile(r"[（(\[【]\s*(?:责任编辑|責任編輯|编辑|編輯|责编)\s*(?:[：:]\s*([^）)\]】]{1,30})|\s([\u4e00-\u9fff]{2,4}))"
                              r"[）)\]】]\s*$")  # `（责任编辑：刘磊）`, `（责任编辑 刘磊）`: a name after the space
@dataclass
class Body:
    """Paragraphs of the article plus the byline fields found among them."""

    paragraphs: list[str] = field(default_factory=list)
    date_text: str | None = None  # a byline line with a date, lifted out of the body
    headline: str | None = None  # the headline as the container repeats it (not always as the <title> has it)
    author: str | None = None
    source_name: str | None = None
    editor: str | None = None
    links: list[str] = field(default_factory=list)  # link rows since the last paragraph ('' for chrome)
    header: int = 0  # how many first paragraphs are header lines above a dated byline (dropped at the end)
    speech: bool = False  # a speech's subtitle over the text (`——在…会议上的讲话`): its day in brackets may follow
    byline_at: int = 0  # 1 + the paragraph count when an English byline was lifted (0: none)
    captions: list[str] = field(default_factory=list)  # photo captions dropped as chrome (`is_caption`)
    label: str = ""  # a credit's label alone on the line before (`来源：`): its value is the next line
    signature: list[str] = field(default_factory=list)  # a forum post's signature lines, dropped under the text
    posts: int = 0  # a thread's post lines (`小鱼儿 发表于 2007-3-11 09:30`) met so far


# Lines read from one container: no article has this many, even after a long link list, and a
# page of 400,000 one-line paragraphs took eight seconds to read (this many: two).
MAX_PARAGRAPHS = 100_000
MAX_ELEMENTS = 2 * MAX_PARAGRAPHS  # elements marked in one container; the rest is not read
MAX_CAPTIONS = 200  # captions kept aside for a page of photos alone (`Body.captions`)


def build_body(containers: list[LexborNode], title: str = "") -> Body:
    """Paragraphs of `containers` in order, each shown once, chrome and byline lines removed."""
    body = Body()
    seen: set[str] = {title} if title else set()
    for container in containers:
        raws = _raw_paragraphs(container, body.captions)[:MAX_PARAGRAPHS]
        twice = _said_twice(raws)
        for index, raw in enumerate(raws):
            if index in twice:
                continue
            if not _take(raw, body, seen, title):
                if _expands(raw, raws, index):
                    body.links.append("")  # a `READ MORE:` label's link under it goes with it
                    continue  # a `Read More` button with the rest of the text after it
                return _finished(body)
    return _finished(body)


def _expands(raw: str, raws: list[str], index: int) -> bool:
    """A `Read More` / `Continue reading` line that is no link, with prose among the next three
    lines: a button that unfolds the rest of the text set just below it, not a heading over other
    articles (those come as links, headings or teasers)."""
    if _LINK_OPEN in raw or not is_expander(raw):
        return False
    for after in raws[index + 1: index + 4]:
        text = _LINK_SPAN.sub("", after) if _LINK_OPEN in after else after
        if len(text) >= 80 and text.rstrip()[-1:] in _PROSE_ENDS:
            return True
    return False


def _said_twice(raws: list[str]) -> set[int]:
    """Indexes of a short line without a sentence end given twice in a row (`鯉魚溪一景`, then
    `鯉魚溪一景`): a picture's caption as the page sets it twice (alt text and caption), both copies."""
    twice: set[int] = set()
    for index in range(len(raws) - 1):
        line = raws[index]
        if len(line) <= 60 and line == raws[index + 1] and line[-1:] not in _SENTENCE_ENDS \
                and _LINK_OPEN not in line and _CJK.search(line):
            twice.update((index, index + 1))
    return twice


def _finished(body: Body) -> Body:
    """`body` with its closing chrome trimmed and the header lines above its dated byline dropped,
    if text follows them (a short item without sentence ends keeps its lines)."""
    at, body.signature = _signature(body.paragraphs)
    del body.paragraphs[at:]
    body.paragraphs = _without_caption_run(trim_tail(trim_head(_without_pull_quotes(without_summary(body.paragraphs)))))
    if 0 < body.header < len(body.paragraphs):
        del body.paragraphs[: body.header]
    return body


# A rule of dashes typed as text (`----------------------------------------------`), alone or with
# the line under it run in.
_RULE = re.compile(r"[-－—─_＿=]{10,}(?:\s*(.*))?")
_SIGNATURE_LINE = 40  # characters: a signature's line at most (a text's closing paragraph runs longer)


def _signature(paragraphs: list[str]) -> tuple[int, list[str]]:
    """Where a forum post's signature starts (dvbbs and other boards) and its lines: one or two short
    lines (up to 40 characters, `天下钓友是一家`) under a rule of dashes that closes the text, or run in
    after the rule. The paragraphs' count and none when the rule has more under it (a text in parts)."""
    for at in range(len(paragraphs) - 1, max(0, len(paragraphs) - 3) - 1, -1):
        if at == 0 or paragraphs[at][:1] not in "-－—─_＿=" or (rule := _RULE.fullmatch(paragraphs[at])) is None:
            continue
        lines = [rule.group(1), *paragraphs[at + 1 :]] if rule.group(1) else paragraphs[at + 1 :]
        if 1 <= len(lines) <= 2 and all(len(line) <= _SIGNATURE_LINE for line in lines):
            return at, lines
        break
    return len(paragraphs), []


def _without_caption_run(paragraphs: list[str]) -> list[str]:
    """The paragraphs less a gallery's captions under the text: a closing run of four or more short
    Chinese lines (up to 30 characters) with no punctuation, space or digit in any of them
    (`挑担而过的妇女`, `舒心`, `孩子是溪邳村的未来` …), after at least one paragraph of sentences."""
    keep = len(paragraphs)
    while keep > 0 and _caption_line(paragraphs[keep - 1]):
        keep -= 1
    if len(paragraphs) - keep < 4 or keep == 0 or not any(_SENTENCE_END_CJK.search(text) for text in paragraphs[:keep]):
        return paragraphs
    return paragraphs[:keep]


def _caption_line(text: str) -> bool:
    return len(text) <= 30 and _CJK.search(text) is not None and _UNCAPTION.search(text) is None


# The shortest line in quote marks read as a pull quote when the text says it again.
_QUOTED_PULL = 24


def _without_pull_quotes(paragraphs: list[str]) -> list[str]:
    """The paragraphs less the pull quotes: a line of 40 to 300 characters (24 when it stands in quote marks, as
    a short pull quote does: `“the dredging could wait one more season”`; a subhead stands in none) that is found
    again (quote marks, its first letter's case and a final stop aside) inside a longer paragraph up to three
    places away, as a magazine sets a sentence of the text large beside it."""
    if len(paragraphs) < 3:
        return paragraphs
    dropped = []
    for index, text in enumerate(paragraphs):
        size = len(text)
        if size < _QUOTED_PULL or size > 300:
            continue
        core = text.strip(_QUOTES)[1:]
        if len(core) < 39 and (len(core) < _QUOTED_PULL - 3 or text[0] not in "“\"‘'" or text.rstrip(".")[-1] not in "”\"’'"):
            continue
        for other in paragraphs[max(0, index - 3): index + 4]:
            if len(other) > size and core in other:
                dropped.append(index)  # (the quote set large is kept where the text says it)
                break
    if not dropped:
        return paragraphs
    return [text for index, text in enumerate(paragraphs) if index not in dropped]


def _raw_paragraphs(container: LexborNode, captions: list[str]) -> list[str]:
    """Drop chrome blocks and mark paragraph, <br> and link boundaries, then split one text() call
    (into stripped, non-empty pieces). The captions of the picture boxes dropped are added to
    `captions` (a picture story's text, `Body.captions`)."""
    for spacer in container.css(_SPACERS_AND_LABELS):
        if _reader_label(spacer):
            spacer.remove()
        elif spacer.child is None:
            spacer.insert_before(_PARA)
    doomed: list[LexborNode] = []
    sizes: dict[int, int] = {}  # weighted text lengths by node, measured once (the container for a gallery, a related box's wrappers)
    own_id = container.mem_id  # compare ids: LexborNode's == serialises both nodes
    marked = _MARKED
    cut = None
    for count, node in enumerate(container.traverse()):  # every element from the container down, in order
        if count == MAX_ELEMENTS:  # the rest is not read: a mark no page can contain says where it starts
            cut = f"\x04{secrets.token_hex(8)}\x04"
            node.insert_before(cut)
            break
        tag = marked.get(node.tag_id)
        if tag is None:
            continue
        if tag == "a":
            if node.child is not None and node.child.tag != "-text" and _link_card(node):
                doomed.append(node)
                continue
            if (box := _story_link_line(node, own_id)) is not None:
                doomed.append(box)
                continue
            if _item_among_text_items(node):
                continue  # read as the list's text, as its unlinked items are
            node.insert_before(_LINK_OPEN)
            node.insert_after(_LINK_CLOSE)
        elif tag == "q":  # an inline quotation gets no marks
            if _standing_quote(node, own_id):
                doomed.append(node)
        elif tag == "br":
            node.insert_before(_BR)
        elif tag == "img":
            if (box := _caption_box(node, own_id)) is not None:
                doomed.append(box)
                _box_caption(box, captions)
            else:
                doomed.extend(_caption_spans(node))
        elif tag in _CELLS:
            node.insert_after(" ")
        elif tag in _CAPTIONS:
            if tag == "figcaption" or _in_figure(node):
                doomed.append(node)
                _box_caption(node, captions)
        elif node.mem_id != own_id and _is_chrome(node, container, sizes):
            doomed.append(node)
        elif tag in _STOP_HEADINGS and (boxes := _inline_box(node, own_id, sizes)):
            doomed.extend(boxes)
        elif tag in _LISTS and (boxes := _listed_box(node, own_id, sizes)):
            doomed.extend(boxes)
        elif tag in _LISTS and _headline_bullets(node):
            doomed.append(node)
        elif tag == "form" and _entry_form(node):
            doomed.append(_signup_box(node, own_id))
        else:
            node.insert_before(_PARA)
            node.insert_after(_PARA)
    for node in doomed:
        node.remove()  # detach, not destroy: a nested doomed node stays valid to remove again
    pieces: list[str] = []
    text = container.text(deep=True)
    for block in strip_junk(text.split(cut, 1)[0] if cut else text).split(_PARA):
        if block and not block.isspace():  # nested blocks leave many empty ones between their marks
            for piece in _split_lines(block):
                piece = piece.strip()
                if piece:
                    pieces.append(piece)
    return pieces


# Where an inline <q> sits inside a sentence; a <q> standing alone in any other block is set apart.
_QUOTE_HOMES = frozenset({"p", "li", "td", "th", "dd", "dt", "span", "a", "em", "i", "b", "strong", "blockquote", "cite",
                          "h1", "h2", "h3", "h4", "h5", "h6", "font", "small", "label", "figcaption", "u", "sup", "sub"})


def _standing_quote(quote: LexborNode, own_id: int) -> bool:
    """A pull quote set as a `<q>` of its own between the paragraphs (`<q class="center">…</q>`, or
    alone in a floated `<div>`), not inline in a sentence: its parent is a layout block with no
    text beside it. 300 characters at most."""
    parent = quote.parent
    if parent is None or parent.tag in _QUOTE_HOMES or parent.text(deep=False).strip():
        return False
    return weighted_length(quote.text()) <= 300


def _reader_label(node: LexborNode) -> bool:
    """A label for screen readers only: a class of `_READER_ONLY` and 80 characters at most."""
    classes = (node.attributes.get("class") or "").split()
    return any(name in classes for name in _READER_ONLY) and len(node.text()) <= _READER_LABEL


def _alt_caption(image: LexborNode, box: LexborNode, own_id: int) -> LexborNode | None:
    """The block holding a textless picture box and, beside it, the picture's description again as
    its only text (`<div><div class="img-wrap"><img alt="X"></div><span>X</span></div>`): a caption
    that repeats the picture's alt text, sentence ends and all. None when the first block with text
    up from the picture (two levels at most) says anything else."""
    alt = " ".join((image.attributes.get("alt") or "").split())
    if len(alt) < 25:
        return None
    node = box.parent
    for _ in range(2):
        if node is None or node.mem_id == own_id or node.tag not in _PICTURE_BOXES:
            return None
        text = node.text().strip()
        if text:
            return node if " ".join(text.split()) == alt else None
        node = node.parent
    return None


def _centred_caption_after(box: LexborNode, own_id: int) -> LexborNode | None:
    """The centred block right after a centred picture box that holds nothing but the picture, when
    its text is all in italics, 200 weighted characters at most (`<center><img></center><center>
    <small><em>No update for you, HP Envy X2 (AOL)</em></small></center>`): the picture's caption."""
    if box.tag != "center" and not _centred(box):
        return None
    after = _next_block(box)
    if after is None or after.mem_id == own_id or (after.tag != "center" and not _centred(after)) \
            or after.css_first("img") is not None:
        return None
    text = after.text().strip()
    return after if text and weighted_length(text) <= 200 and _italic_centred(after, text) else None


def _box_caption(box: LexborNode, captions: list[str]) -> None:
    """Keep aside the caption a dropped picture box holds (`<div><img><span>1/4</span><p>…（林某 摄）</p></div>`):
    its own text or one of its blocks' that reads as a caption (`is_caption`)."""
    if len(captions) >= MAX_CAPTIONS:
        return
    for node in (*box.iter(), box):  # a block of its own first: the box may add a counter (`1/4`)
        text = clean(node.text())
        if text and is_caption(text):
            captions.append(text)
            return


def _caption_box(image: LexborNode, own_id: int) -> LexborNode | None:
    """The box a picture sits in when its only text is one short line with no sentence end: the
    picture's caption under no caption class (`<div class="picBox"><img><p>Oak barrels …</p></div>`);
    or a sentence or two (300 weighted characters at most) all set in caption- or credit-classed
    inline elements. None when the box holds a heading, a list or sentences (a caption that goes on into prose)."""
    box = image.parent
    for _ in range(3):  # up through the picture's own wrappers (a link, a <picture>) to its box
        if box is None or box.mem_id == own_id:
            return None
        if box.tag in _PICTURE_BOXES:
            if box.tag == "p" and not _centred(box):  # a left-aligned <p> may be a heading with its icon
                return None
            break
        if box.tag not in _PICTURE_WRAPS:
            return None
        box = box.parent
    else:
        return None
    if _crowded(box):  # a gallery or the article, not the picture's own box
        return None
    text = box.text().strip()
    if box.tag == "p" and weighted_length(text) > _CENTRED_CAPTION \
            and not (weighted_length(text) <= 200 and _italic_centred(box, text)):
        return None  # a centred paragraph may be a line of the article set beside a picture
    if not text:
        return _alt_caption(image, box, own_id) or _centred_caption_after(box, own_id)
    size = weighted_length(text)
    if size > 300 or "\n\n" in text.strip():
        return None
    if (size > 150 or (text[-1] in _SENTENCE_ENDS and not _one_cjk_sentence(text))) \
            and not _caption_classed(box, text) and not (size <= 200 and _italic_centred(box, text)):
        return None  # a longer line or a sentence beside a picture is a caption only under a caption class
    return None if box.css_first("h1, h2, h3, h4, h5, h6, ul, ol, table") is not None else box


# Inline elements only: a block under a caption class beside a picture may hold a photo essay's prose.
_CAPTION_INLINE = ", ".join(f'{tag}[class*="{word}"]' for tag in ("span", "small")
                            for word in ("caption", "Caption", "credit", "Credit", "source"))


def _caption_spans(image: LexborNode) -> list[LexborNode]:
    """Caption-, credit- or source-classed inline elements set right beside a picture, in its own
    wrapper (`<span class=image><img><span class=source>…</span><span class=caption>…</span></span>`
    deep in a paragraph's spans), or beside the textless wrapper the picture sits in
    (`<div class=img-wrap><img></div><span class=caption>…</span>`, two wrappers up at most): a
    sentence or two each (300 weighted characters at most)."""
    found = _caption_run(image)
    box = image.parent
    for _ in range(2):
        if box is None or box.tag not in _PICTURE_BOXES or _crowded(box):
            break
        text = box.text().strip()
        if text and (not found or " ".join(text.split()) != " ".join(" ".join(n.text() for n in found).split())):
            break  # the box holds more than the picture and its credit: not the picture's own wrapper
        if found and not text:
            break
        found += _caption_run(box)  # (`<p><img><span class=credit>GETTY</span></p><span class=newsCaption>…`)
        box = box.parent
    return found


_OWN_WRAPPER = 64  # child nodes (blanks included): a picture's own box holds it and a caption or two


def _crowded(box: LexborNode) -> bool:
    """Whether a box holds more child nodes than a picture's own box does: a gallery or the article
    itself, whose text was read again for each of its pictures (200,000 pictures: minutes)."""
    return next(itertools.islice(box.iter(include_text=True), _OWN_WRAPPER, None), None) is not None


def _caption_run(start: LexborNode) -> list[LexborNode]:
    """The caption-classed inline elements right after `start` (blank text between them aside)."""
    found: list[LexborNode] = []
    sibling = start.next
    while sibling is not None:
        if sibling.tag in ("span", "small") and sibling.css_matches(_CAPTION_INLINE):
            if weighted_length(sibling.text().strip()) > 300:
                return []
            found.append(sibling)
        elif sibling.tag != "-text" or (sibling.text() or "").strip():
            break  # anything else beside the picture: not its caption run
        sibling = sibling.next
    return found


def _caption_classed(box: LexborNode, text: str) -> bool:
    """Whether all of a picture box's text sits in elements whose class names a caption or a credit
    (`<span class="caption">Workers inspect the pier.</span>`): the caption, sentence ends and all.
    Caption classes are read on block elements elsewhere; inline ones only here, beside a picture."""
    rest = " ".join(_unmarked(text).split())
    for node in box.css(_CAPTION_INLINE):
        part = " ".join(_unmarked(node.text()).split())
        if part and part in rest:
            rest = rest.replace(part, "", 1).strip()
    return not rest


# Italics and small type: how an older page sets a caption under its picture in the picture's own block.
_CAPTION_TYPE = "i, em, small, font[size='1'], font[size='2'], font[size='-1'], font[size='-2']"


def _italic_centred(box: LexborNode, text: str) -> bool:
    """Whether a centred picture box's text all sits in italics or small type (`<center><img><br><i>Dan
    admires his new racks.</i></center>`, `<p align=center><img><br><font size=1>…</font></p>`): an
    older page's caption, sentence ends and all."""
    if box.tag != "center" and not _centred(box):
        return False
    rest = " ".join(_unmarked(text).split())
    for node in box.css(_CAPTION_TYPE):
        part = " ".join(_unmarked(node.text()).split())
        if part and part in rest:
            rest = rest.replace(part, "", 1).strip()
    return not rest


def _unmarked(text: str) -> str:
    """`text` without the link marks `_raw_paragraphs` has set in it so far."""
    return text.replace(_LINK_OPEN, "").replace(_LINK_CLOSE, "") if _LINK_OPEN in text else text


def _one_cjk_sentence(text: str) -> bool:
    """A Chinese caption written as one sentence (`梁振英的山顶大宅于6月份被揭发存有违章建筑。`): a
    full stop at its end and no other sentence end or comma-separated clauses beyond two."""
    return text[-1] == "。" and sum(text.count(mark) for mark in "。！？") == 1 and text.count("，") <= 1


def _centred(node: LexborNode) -> bool:
    """Whether a block is centred by its attributes (`align=center`, `text-align: center`), as
    older Chinese pages set a picture and its caption."""
    attrs = node.attributes
    return (attrs.get("align") or "").lower() in ("center", "middle") or "center" in (attrs.get("style") or "").lower()


def _inline_box(heading: LexborNode, own_id: int, sizes: dict[int, int], any_line: bool = False) -> list[LexborNode]:
    """The box a `Trending`/`Related` heading opens inside the article when the article goes on
    after it: the nearest box around the heading, below the container, whose next element is a
    paragraph. That box is dropped and the body continues. A heading set loose in the container
    itself over a list of links, with a paragraph after the list, goes with that list. Empty for
    any other heading, or when no such box exists: a stop heading's line then ends the body."""
    if not any_line:
        text = heading.text().strip()
        if len(text) > 80:
            return []
        if not is_stop(text):
            box = _summary_box(heading, own_id) if _BOX_HEAD.fullmatch(text) else None
            return [box] if box is not None else []
    box = heading.parent
    if box is not None and box.mem_id == own_id:
        listing = _next_block(heading)
        if listing is not None and listing.tag in _LISTS and link_density(listing) >= 0.6 \
                and _paragraph_next(listing):
            return [heading, listing]
        return []
    chain: list[LexborNode] = []
    for _ in range(6):
        if box is None or box.mem_id == own_id:
            return []
        chain.append(box)
        if _paragraph_next(box):
            return [_without_text(chain, sizes)]
        box = box.parent
    return []


# Weighted characters a box around a related box may add before it holds more of the article's text.
_BOX_TEXT = 80


def _without_text(chain: list[LexborNode], sizes: dict[int, int]) -> LexborNode:
    """The largest box of `chain` (boxes around a related heading, innermost first) that adds no more
    than `_BOX_TEXT` weighted characters to the one inside it: a box climbed to whole would take a
    paragraph of the story with it (a `subscriber-only` block holding the related box and the story's
    next paragraph). Lengths are kept in `sizes` by node: many headings share their boxes."""
    if len(chain) == 1:
        return chain[0]
    below = _size(chain[0], sizes)
    for index in range(1, len(chain)):
        size = _size(chain[index], sizes)
        if size - below >= _BOX_TEXT:
            return chain[index - 1]
        below = size
    return chain[-1]


def _size(node: LexborNode, sizes: dict[int, int]) -> int:
    """`node`'s weighted text length, measured once."""
    known = sizes.get(node.mem_id)
    if known is None:
        known = sizes[node.mem_id] = weighted_length(node.text())
    return known


def _next_block(node: LexborNode) -> LexborNode | None:
    """The element after `node`, past comments and empty ad slots."""
    after = beside(node, "next")
    while after is not None and (after.tag == "-comment" or _empty_slot(after)):
        after = beside(after, "next")  # `<!--endclickprintexclude-->`, an empty ad slot between
    return after


def _paragraph_next(node: LexborNode) -> bool:
    """Whether a paragraph (40 characters or more, typed as a <div> or wrapped in one too) comes
    right after `node`, or after a picture or two set there (a <figure>, or a box holding a picture
    and its caption: the story's next photo under a `Related to this story` box)."""
    after = _next_block(node)
    for _ in range(2):
        if after is None or not _picture_block(after):
            break
        after = _next_block(after)
    return after is not None and after.tag in ("p", "div") and len(after.text().strip()) >= 40 \
        and paragraph_block(after)


def _picture_block(node: LexborNode) -> bool:
    """A <figure>, or a <div> holding a picture and no more than a caption's text (300 characters)."""
    if node.tag == "figure":
        return True
    return node.tag == "div" and node.css_first("img") is not None and len(node.text()) <= 300


def _summary_box(heading: LexborNode, own_id: int) -> LexborNode | None:
    """The box an `In Brief` / `Key points` heading opens (`<h5>In Brief</h5>` over a few
    sentences, or over a list) when more of the page follows it: the nearest box around the
    heading, up to three levels and 800 weighted characters, whose next element holds a paragraph
    (40 characters or more) or 200 characters of anything. None when no such small box exists."""
    box = heading.parent
    for _ in range(3):
        if box is None or box.mem_id == own_id or weighted_length(box.text()) > _SUMMARY_BOX:
            return None
        after = _next_block(box)
        if after is not None:
            size = len(after.text().strip())
            if size >= 200 or (size >= 40 and after.tag in ("p", "div") and paragraph_block(after)) \
                    or (size >= 40 and any(len(part.text().strip()) >= 40 for part in after.css("p"))):
                return box  # (a live page's first entry: a time, a heading, a paragraph)
        box = box.parent
    return None


def _empty_slot(node: LexborNode) -> bool:
    """An element with no text and no picture: an ad slot or an anchor between blocks."""
    return node.tag in _SLOT_TAGS and not node.text().strip() and node.css_first("img") is None


def _listed_box(listing: LexborNode, own_id: int, sizes: dict[int, int]) -> list[LexborNode]:
    """The box around a list and the plain line just above it (`<p>Further reading</p>`,
    `<div><b>STORY HIGHLIGHTS</b></div>`, `RELATED TOPICS`) when the line is a related or
    highlights heading and a paragraph follows the box: `_inline_box`'s rule for lines that are
    not headings, tried from the lists (few) rather than from every line."""
    line = beside(listing, "prev")
    while line is not None and line.tag == "-comment":
        line = beside(line, "prev")
    if line is None or (line.tag not in _LINE_HEADS and line.tag not in _STOP_HEADINGS):
        return []  # (a heading that is a stop phrase was tried from the heading itself)
    text = line.text()
    if len(text) > 120:  # most blocks: one C call decides
        return []
    text = text.strip()
    if not text or len(text) > 40 or not (is_stop(text) or _BOX_HEAD.fullmatch(text) or _in_page_links(listing)):
        return []
    return _inline_box(line, own_id, sizes, any_line=True)


# A bullet that is another story's headline: this many words at least (`Mayor resigns` may be a
# list of the text's own; a headline runs longer).
_HEADLINE_WORDS = 6


def _headline_bullets(listing: LexborNode) -> bool:
    """A list of one to three items set between paragraphs, each item one link filling it and worded
    like a headline (six words or more, no sentence end): other stories' headlines
    (`<ul><li><a><strong>Taliban claims …</strong></a></li></ul>`), not a list of the text's own
    (items in words of their own, short links to documents)."""
    items = list(listing.iter(include_text=False))
    if not 1 <= len(items) <= 3 or any(item.tag != "li" for item in items):
        return False
    for item in items:
        links = item.css("a")
        text = item.text().strip()
        if len(links) != 1 or not text or text[-1] in _SENTENCE_ENDS or links[0].text().strip() != text \
                or len(text.split()) < _HEADLINE_WORDS:
            return False
    return _text_block(listing, "prev") and _text_block(listing, "next")


def _text_block(node: LexborNode, step: str) -> bool:
    """Whether the nearest block before or after `node` (past empty ones, up to three) is a paragraph."""
    near = beside(node, step)
    for _ in range(3):
        if near is None or near.tag != "p":
            return False
        if near.text().strip():
            return True
        near = beside(near, step)
    return False


def _in_page_links(listing: LexborNode) -> bool:
    """A table of contents: two or more links, every one to a place on this page (`#routes`)."""
    links = listing.css("a")
    return len(links) >= 2 and all((link.attributes.get("href") or "").startswith("#") for link in links)


def _link_card(link: LexborNode) -> bool:
    """A teaser card set between paragraphs: one link wrapping blocks, a thumbnail and a line or
    two (`<a><div><img></div><p>Site</p><p>Headline</p></a>`). An embedded post linked whole to the
    post holds paragraphs of its own text (300+ characters): not this."""
    blocks = sum(1 for child in link.iter() if child.tag in _CARD_BLOCKS)
    if blocks == 0 or (blocks == 1 and link.css_first("img") is None):
        return False
    return weighted_length(link.text()) < CARD_TEXT


def _item_among_text_items(link: LexborNode) -> bool:
    """A link filling a list item after an item of plain text (`<li>Portland Public Schools</li><li><a>Salem-Keizer
    Public Schools</a></li>`): a list of the text's own whose later items are linked where the writer had an
    address, not a row of links, so it reads as its unlinked items do. The plain item before it is two words or
    more (four CJK characters) and no label (`Related:`): a menu's current entry (`News`), a pager's page number and
    a breadcrumb's last step (after its links) leave the links as they are."""
    item = link.parent
    if item is not None and item.tag in _LINK_WRAPS:
        item = item.parent  # `<li><strong><a>…</a></strong></li>`
    if item is None or item.tag != "li" or item.parent is None or item.parent.tag not in _LISTS:
        return False
    text = link.text().strip()
    if not text or item.text().strip() != text:
        return False
    other = item.prev
    while other is not None:
        if other.tag == "li" and other.css_first("a") is None:
            own = other.text().strip()
            if own and own[-1] not in ":：" and (" " in own or len(_CJK.findall(own)) >= 4):
                return True
        other = other.prev
    return False


def _story_link_line(link: LexborNode, own_id: int) -> LexborNode | None:
    """The paragraph a link fills alone when the link goes to a dated story page
    (`/2013/09/02/world/…`, or a slug spelling the link's text): a related story's headline set
    between paragraphs. A lone link to anything else (a guide, a report, a shop) may be the
    article's own line and stays."""
    href = link.attributes.get("href")
    if not href or (_STORY_PATH.search(href) is None and "-" not in href):
        return None
    text = link.text().strip()
    if not text:
        return None
    parent = link.parent
    for _ in range(2):  # `<p>• <strong><a>…</a></strong></p>`: the link in a bold or italic wrapper
        if parent is None or parent.tag not in _LINK_WRAPS or parent.text().strip() != text:
            break
        parent = parent.parent
    if parent is None or parent.mem_id == own_id or parent.tag not in _LINK_LINE_TAGS:
        return None
    line = parent.text().strip()
    if line != text and not (line.endswith(text) and line[: -len(text)].strip() in _LINE_BULLETS):
        return None
    return parent if _STORY_PATH.search(href) is not None or _STORY_ID.search(href) is not None \
        or _slug_echo(href, text) else None


_LINK_WRAPS = frozenset({"strong", "b", "em", "i", "span"})
_LINE_BULLETS = frozenset({"•", "·", "▪", "►", "▶", "»", "›", "-", "–", "—", "*"})  # before a related headline


_SLUG = re.compile(r"/([a-z0-9]+(?:-[a-z0-9]+){3,})(?:[-_/.][^/]*)?/?(?:[?#].*)?$")
_LATIN_WORD = re.compile(r"[a-z0-9]+")


def _slug_echo(href: str, text: str) -> bool:
    """Whether a link's address ends in a slug that spells its text (`…/michelle-obama-hosts-private-
    screening-hidden-figures-article-1.2912539` under `Michelle Obama hosts private screening of
    'Hidden Figures'`): another story's page, named by its headline. Four slug words at least (numbers
    aside), and four fifths of them in the text."""
    slug = _SLUG.search(href.lower())
    if slug is None:
        return False
    words = [word for word in slug.group(1).split("-") if not word.isdigit()]
    said = " ".join(_LATIN_WORD.findall(text.lower().replace("'", "").replace("\u2019", "")))
    return sum(word in said for word in words) >= max(4, 0.8 * len(words))


def _entry_form(form: LexborNode) -> bool:
    """A form to fill in (send to a friend, sign up, search, comment): a visible field and little
    text (its labels). A page wrapped whole in one <form> holds the article's text: not this."""
    if len(form.text()) > 300:
        return False
    fields = form.css("input, textarea, select")
    return any(field.tag != "input" or (field.attributes.get("type") or "").lower() != "hidden" for field in fields)


# A sign-up form's box holds its heading and pitch beside the form: this much text at most.
_SIGNUP_BOX = 400


def _signup_box(form: LexborNode, own_id: int) -> LexborNode:
    """The box around a newsletter sign-up form (an e-mail field): the form with the heading and
    the pitch set beside it (`<div><p>Commute smarter</p><p>Sign up for …</p><form>…</form></div>`),
    up to three levels and 400 weighted characters, below the container. Any other form alone."""
    fields = form.css("input")
    if not any((field.attributes.get("type") or "").lower() == "email"
               or "mail" in ((field.attributes.get("name") or "") + (field.attributes.get("placeholder") or "")).lower()
               for field in fields):
        return form
    box = form
    for _ in range(3):
        parent = box.parent
        if parent is None or parent.mem_id == own_id or parent.tag in _KEEP_TAGS \
                or weighted_length(parent.text()) > _SIGNUP_BOX:
            break
        box = parent
    return box


def _is_chrome(node: LexborNode, container: LexborNode, sizes: dict[int, int]) -> bool:
    """A share bar, related list, comment thread, caption or footer by its class/id, holding no
    headline and no embedded post; or the writer's name alone in a block whose class says `author`."""
    hint = class_hint(node)
    if "author" in hint and node.tag not in _KEEP_TAGS and _author_name(node):
        return True
    if "messages" in hint and node.tag not in _KEEP_TAGS and _status_box(hint):
        return True
    if not _CHROME_HINT.search(hint) or node.tag in _KEEP_TAGS:
        return False
    if ("gallery" in hint or "carousel" in hint) and node.css_first("h1") is None:
        return _inset_gallery(node, container, sizes)  # (a gallery's slides may each be an <article>)
    if node.css_first("h1, article") is not None or node.css_first(_EMBED) is not None:
        return False
    if "callout" in hint:
        return _prompt_callout(node)
    if node.tag == "p" and "footer" in hint and _CONTRIBUTED.search(node.text()) is not None:
        return False  # the story's own closing credit set as its footer (`<p class="body__footer">`)
    if _STRONG_HINT.search(hint):
        return True
    if "caption" in hint:  # a gallery's long caption has no <p>; a photo essay's text boxes do
        return node.css_first("p") is None or not _holds_article_text(node, 120) or _caption_toggle(node)
    if not _WEAK_HINT.search(hint):
        return True
    if not _holds_article_text(node):
        return "subscri" not in hint or not _paywalled_paragraphs(node)
    if "subscri" in hint and _prompt_box(node):
        return True
    # A video box's prose is its transcript when time codes run through it (three or more).
    return ("video" in hint or "transcript" in hint) and len(_TIME_CODE.findall(node.text(), 0, 4000)) >= 3


# A CMS's status box (Drupal's `messages error`, `messages status`, `messages messages--warning`): what the site
# told the visitor (`Error message`, `You need to add the … relationship`), no part of the story.
_STATUS_KINDS = frozenset(("status", "error", "warning"))


def _status_box(hint: str) -> bool:
    """A class list holding `messages` with a kind (`status`, `error`, `warning`) or a `messages--` modifier."""
    words = hint.split()
    return "messages" in words and any(word in _STATUS_KINDS or word.startswith("messages--") for word in words)


# `CNN's Jo Lind and Ana Ruiz contributed to this story`: reporters' credit closing the story (scrapinghub's
# truth keeps such lines: `With Post wires`).
_CONTRIBUTED = re.compile(r"\bcontributed (?:reporting )?to (?:this|the) (?:story|report|article)\b")
_CAPTION_TOGGLE = re.compile(r"\b(?:hide|show|toggle) caption\b", re.I)


def _caption_toggle(node: LexborNode) -> bool:
    """A caption box holding its own `hide caption` / `toggle caption` button: a picture's caption,
    however many sentences it runs to (`… on June 18, 2015. Chuck Burton/AP hide caption`)."""
    text = node.text()
    return len(text) <= 1000 and _CAPTION_TOGGLE.search(text) is not None


def _author_name(node: LexborNode) -> bool:
    """`<h3 class="author">Rosa Lind</h3>` over a post: a name of two to four capitalised words and
    nothing else (a `By …` line is left to the byline reader, which lifts the author)."""
    text = node.text().strip()
    return 3 < len(text) <= 40 and text[:1].isupper() and _NAME_ALONE.fullmatch(text) is not None


# A call to sign up, subscribe, pay or pass the post on (lower-cased): what a prompt box says.
_PROMPT_WORDS = re.compile(
    r"\b(?:sign(?:ing)? up|subscrib|newsletter|inbox|forwarded|members?hip\b|paying member|become a (?:free )?member|"
    r"donat|chip in|support (?:us|our|local|independent)\b)"
)


# A sign-up or paywall box's text: this many characters at most, naming three of these words at least.
_PROMPT_BOX = 1500
_BOX_PROMPT = re.compile(
    r"newsletter|subscri|sign(?:ing)? up|regist(?:er|ration)|e-?mail address|inbox|free (?:articles|stories)|log ?in\b"
)


def _paywalled_paragraphs(node: LexborNode) -> bool:
    """A news CMS's `subscriber-preview` / `subscriber-only` block holding a part of the story's own
    text (the lead's two paragraphs, or the last ones, perhaps around a related box or a photo): a
    paragraph or more, each a sentence without links, no loose text, and none of a pitch's words
    (a `Subscribe today …` box stays chrome)."""
    paragraphs = 0
    for child in node.iter(include_text=False):
        if child.tag != "p":
            continue
        text = child.text().strip()
        if weighted_length(text) < 20 or text[-1:] not in _SENTENCE_ENDS or link_density(child) > 0:
            return False
        paragraphs += 1
    return paragraphs > 0 and not node.text(deep=False).strip() and _PROMPT_WORDS.search(node.text().lower()) is None


def _prompt_box(node: LexborNode) -> bool:
    """A box whose class says `subscribe` holding a registration or paywall pitch, however many
    sentences it runs to (`You have now reached your allowance of 3 free articles … enter your email
    address … our free weekly newsletter … unsubscribe at any time`): 1,500 characters at most naming
    three of a pitch's words or more (newsletter, subscribe, register, e-mail address, free articles …).
    A subscriber-only block of the article's own text is longer, or does not talk of signing up."""
    text = node.text()
    if len(text) > _PROMPT_BOX:
        return False
    return len({match.group(0) for match in _BOX_PROMPT.finditer(text.lower())}) >= 3


def _prompt_callout(node: LexborNode) -> bool:
    """A callout card (Ghost's `kg-callout-card`, a `callout` box) that is a prompt, not a note of
    the text: a short box (400 characters at most) asking the reader to sign up, subscribe, become a
    member or give (`📬 This article is free to read. Sign up to get the next one in your inbox.`),
    or the card's emoji alone. A callout that says anything else (`ℹ️ The slipway is the long
    ramp …`) is the writer's note: its text stays."""
    text = node.text().strip()
    if len(text) <= 12 and no_letters(text):
        return True  # the card's emoji, in an element of its own
    return len(text) <= 400 and _PROMPT_WORDS.search(text.lower()) is not None


# Prose a container must hold outside a picture gallery for the gallery to be an inset, not the story.
_OUTSIDE_GALLERY = 300


def _inset_gallery(node: LexborNode, container: LexborNode, sizes: dict[int, int]) -> bool:
    """A gallery or carousel box set inside the article (`<div class="type-gallery">` with a title,
    slide counters, captions and credits: `Gadgets and tech news in pictures`), holding pictures
    or a list of slides, while the container holds 300+ weighted characters of text outside it.
    A page whose story is the gallery (a photo essay, little text beside it) keeps its captions."""
    if node.css_first("img, li, figure") is None:
        return False
    own_id = container.mem_id
    if own_id not in sizes:
        sizes[own_id] = weighted_length(container.text())
    return sizes[own_id] - weighted_length(node.text()) >= _OUTSIDE_GALLERY


def _holds_article_text(node: LexborNode, least: int = 200) -> bool:
    """Several sentences of loose prose: `least`+ characters, at least two sentence ends, few links."""
    text = node.text().strip()
    if weighted_length(text) < least or sum(text.count(end) for end in "。！？.!?") < 2:
        return False
    return link_density(node) < 0.2


def _in_figure(node: LexborNode) -> bool:
    """Whether a node sits (up to three levels down) in a <figure>."""
    parent = node.parent
    for _ in range(3):
        if parent is None:
            return False
        if parent.tag == "figure":
            return True
        parent = parent.parent
    return False


def _split_lines(block: str) -> list[str]:
    """Split at <br><br>, and at a single <br> after a sentence end, before an indent, or around a
    timed byline line above the first sentence (an old page's header, headline and `2009年03月05日
    10:04 来源：…` lines in one cell, none ending in punctuation, were read as one paragraph and the
    byline never lifted; further down, a wrapped line of text may hold a time)."""
    if _BR not in block:
        return [block]
    out: list[str] = []
    current = last = ""
    above = True  # no sentence yet: still among the header, headline and byline lines
    header_line = _header_line if _CJK.search(block, 0, 400) else _timed_line
    for line in block.split(_BR):
        tail = current.rstrip()
        if (not tail or not line.strip() or tail[-1] in _BREAK_AFTER or line.startswith(("\u3000", "  ", "\xa0\xa0"))
                or (above and (header_line(last) or header_line(line)))
                or last.count("|") >= 3  # a menu row of the site's footer (`关于我们 | 联系我们 | …`)
                or _RULE.fullmatch(tail) is not None  # a rule of dashes over a post's signature
                or (line.startswith(_BULLETS) and last.lstrip().startswith(_BULLETS))):
            out.append(current)
            above = above and _SENTENCE_END_CJK.search(current) is None
            current = line
        else:
            current = f"{current} {line}"
        last = line
    out.append(current)
    return out


# `+ Added …`, `* Fixed …`, `- Removed …`, `• …`: items of a list typed with single <br>s (release
# notes); a line opening with one after another such line is an item of its own.
_BULLETS = ("+ ", "* ", "- ", "• ", "– ")


def _header_line(line: str) -> bool:
    """A byline's date line above an article's first sentence: timed, labelled (`发布时间:2014-09-30
    来源:…`) or opening with its date (`13.02.2015  11:12`)."""
    return _timed_line(line) or dated_header_line(line.strip())


def _timed_line(line: str) -> bool:
    """A byline-like line: a date with its time of day, and no sentence punctuation."""
    if len(line) > 80 or (":" not in line and "：" not in line and "时" not in line):
        return False
    date = FULL_DATE.search(line)
    return date is not None and date.group(4) is not None and not _SENTENCE.search(line)


def _header_lines(paragraphs: list[str], title: str) -> bool:
    """Whether the lines taken so far are a header's, not text: three at most, each the headline (as
    the title has it, or opening with its words) or a short line (`By`, `&`, a kicker), none closed
    as a sentence."""
    return len(paragraphs) <= 3 and all(
        line[-1:] not in _SENTENCE_ENDS and (len(line) <= 40 or line == title or (title and line[:12] in title))
        for line in paragraphs)


def _cheer(text: str) -> bool:
    """`Thank you!`, `Congrats!`: a short exclamation of three words at most."""
    return len(text) <= 24 and text[-1:] == "!" and text.count(" ") <= 2 and text[:1].isupper()


def _take(raw: str, body: Body, seen: set[str], title: str = "") -> bool:
    """Add one raw paragraph (stripped, not empty) to `body` if it is article text; False means stop
    (a related list, a neighbouring article's label below the text)."""
    if body.paragraphs and len(raw) <= 300 and _NEIGHBOUR.match(raw.replace(_LINK_OPEN, "")):
        return False
    if raw[:1].isupper() and raw[-1:] == _LINK_CLOSE and _CAPS_LABEL_LINK.match(raw):
        return True  # `WATCH LIVE: <a>Stream our newscasts</a>`: a station's promo label over a link
    if _LINK_OPEN in raw and _link_row(raw) and not _numbered_caps(raw, body):
        if body.paragraphs and raw.count(_LINK_OPEN) == 1:  # a row of several links is a list
            line = collapse(_LINK_SPAN.sub(r"\1", raw))
            if not (line[:3] in _BY and _is_byline(line, body)):  # `By <a>Jo Marsh</a>`
                body.links.append(line)
        return True
    # A link's close marker may stand without its opening (the link's text began in the block before).
    marked = _LINK_OPEN in raw or _LINK_CLOSE in raw
    text = collapse(raw.replace(_LINK_OPEN, "").replace(_LINK_CLOSE, "") if marked else raw)
    if not text or (marked and len(text) <= 3 and text.isdigit()):
        return True  # nothing, or a pager's linked page number under a text split over pages (分页)
    short = len(text) <= 80
    label, body.label = body.label, ""
    if label and len(text) <= 24 and not _SENTENCE.search(text) and not _CJK_FIELD.search(text):
        assign_field(body, label, text)  # `来源：` / `开化新闻网`: a credit's label and its value on lines of their own
        return True
    if len(text) <= 8 and (alone := _LABEL_ALONE.fullmatch(text)) is not None:
        body.label = alone.group(1)
        return True
    if short and is_stop(text):
        if body.paragraphs and not _header_lines(body.paragraphs, title):
            return False
        body.paragraphs.clear()  # a stop before any sentence (`0 Comments` by the byline, a side box's
        body.header = 0
        body.links.append("")  # `Latest News` between the headline and the text) is chrome, and so are
        return True  # its links and the header's short lines above it (a sponsor's `By` / `&`)
    if short and text[:1].isalnum() and len(text) <= 48 and _EN_DATE_LINE.fullmatch(text) and _above_text(body):
        body.date_text = body.date_text or text  # the dateline above the text: a byline's date
        return True
    if len(text) <= 120 and (desk := _DESK_BYLINE.fullmatch(text)) is not None:
        if desk.group(1) is None:
            return True  # `By the Metro desk · Updated 1:42 p.m.`: a desk's byline, over the text or a live entry
        text = desk.group(1).strip()  # `4:05 p.m. By the Metro desk`: the live entry's time stamp stays
    if len(text) <= 120 and text[:1] in "AWR" and (labelled := _EN_LABEL_BYLINE.fullmatch(text)) and _above_text(body):
        body.author = body.author or labelled.group(1)
        if labelled.group(2):
            body.date_text = body.date_text or labelled.group(2)
        return True
    if len(text) <= 60 and text[-1:].isdigit() and _NAME_NUMERIC_DATE.fullmatch(text) and _above_text(body):
        return True  # `CHQ Staff | 10/17/18`: the byline over the text
    if body.paragraphs and len(text) <= 160 and _CONTACT_LINE.fullmatch(text):
        return True  # the writer's telephone and address under the text
    if short and ("发表于" in text or "發表於" in text) and _POST_LINE.fullmatch(text):
        if body.posts and body.paragraphs:
            return False  # a thread's next post under the first one's text (an archiver's view): a reply
        body.posts += 1
    if short and _is_byline(text, body):
        if body.date_text == text and not body.header and body.paragraphs and _header_only(body.paragraphs):
            body.header = len(body.paragraphs)  # lines above a dated byline in one cell: breadcrumb, headline
        return True
    if (len(text) <= 200 and text[:1].isupper() and text[-1:] not in _SENTENCE_ENDS
            and (dated := _EN_BYLINE_ON.match(text)) is not None and _above_text(body)):
        body.date_text = body.date_text or dated.group(1)
        return True
    if short and len(text) <= 24 and (text[:1] in _SURNAMES or text[:1] in _NAME_MARKS or "、" in text) \
            and _names_alone(text, body):
        return True
    if short and text[:2] in ("——", "--") and _above_text(body) and _subtitle(text):
        body.speech = SPEECH.search(text) is not None
        return True  # `——与国际大都市的深度对话`: the headline's second line above the text
    if len(text) <= 20 and text.endswith("正文") and not body.paragraphs and not _SENTENCE.search(text):
        return True  # `中新网福建新闻正文`: the page's kind, over the text
    if (len(text) <= 300 and is_chrome(text)) or is_excerpt(text) or is_credited_caption(text) \
            or ("pport indep" in text and is_member_pitch(text)) or (("ollow us" in text or "ike us" in text) and is_follow_pitch(text)):
        if body.paragraphs and _cheer(body.paragraphs[-1]) and is_appeal(text):
            body.paragraphs.pop()  # `Thank you!` over `… please support us so that …`: the appeal box's heading
        body.links.append("")  # a link line beside chrome (under a `SUBSCRIBE` heading) is chrome too
        if len(body.captions) < MAX_CAPTIONS and is_caption(text):
            body.captions.append(text)
        return True
    if not body.paragraphs and body.headline is None and title and _like_title(text, title):
        body.headline = text  # the container opens with the headline in other words
        return True
    editor = _TRAILING_EDITOR.search(text) if text[-1] in "）)]】" else None
    if editor and editor.group(2) and not cjk_name(editor.group(2)):
        editor = None  # `（编辑 部分内容有删减）`: a note, no name
    if editor:
        body.editor = body.editor or clean(editor.group(1) or editor.group(2))
        text = text[: editor.start()].rstrip()
    if text == title and body.paragraphs and _header_lines(body.paragraphs, title):
        body.paragraphs.clear()  # `Local` over the headline: a kicker, a section's label (the header's lines)
        body.links.clear()
        return True
    if text and (text not in seen or (text[:1] in "—–-" and _POST_CREDIT.match(text))):
        seen.add(text)
        if 0 < len(body.links) <= 2 and "" not in body.links and not _teasers(body.links):
            # one or two link lines: part of the text, unless two other stories' headlines
            body.paragraphs += [line for line in body.links if line not in seen and _link_line_kept(line)]
        body.links.clear()
        body.paragraphs.append(text)
    return True


def _names_alone(text: str, body: Body) -> bool:
    """A byline of names alone over the text (`林津津`, `□ 田静 殷莹 韩勇`, `王 福`), or a name with its
    outlet in brackets (`李佳敏(东方网)`), where a heading could stand: before any paragraph or under
    a line with no sentence end. Each name opens with a common surname and runs two or three
    characters, so headings (`总则`, `引言`, `周寧概況`) stay."""
    marked = text[:1] in _NAME_MARKS
    line = text[1:].strip() if marked else text
    if line[-1:] in ")）":  # `李佳敏(东方网)`
        at = max(line.find("("), line.find("（"))
        outlet = line[at + 1 : -1]
        return (at > 0 and cjk_name(line[:at].rstrip(), 3) and line[0] in _SURNAMES and 1 <= len(outlet) <= 12
                and outlet.endswith(_OUTLETS))
    if body.paragraphs and body.paragraphs[-1][-1:] in _SENTENCE_ENDS:
        return False
    top = len(body.paragraphs) <= 2 and _above_text(body)  # among the header lines, over the text
    if marked and top and " " not in line and cjk_name(line, 5):
        return True  # `□ 老梁`, `◎一笑同行`: a pen name marked as the writer's, under the headline
    if "、" in line:  # `赵延东、风笑天`: an essay's authors joined, under its headline
        names = line.split("、")
        return (top and 2 <= len(names) <= 4 and all(cjk_name(name) for name in names)
                and 2 * sum(name[0] in _SURNAMES for name in names) >= len(names))
    names = line.replace("+", " ").split()  # `李娜娜+宁永红+周印富`: a journal's authors joined
    if len(names) == 2 and len(names[0]) == 1 == len(names[1]):
        names = [names[0] + names[1]]  # `王 福`: one name spaced out
    if not names or (len(names) == 1 and not marked and len(line) != 3):
        return False  # a lone two-character line is as often a heading (`起点`, `舒心`)
    longest = 4 if len(names) >= 3 else 3  # `周齐璇子` among others: a double surname or a four-character name
    return all(name[0] in _SURNAMES and cjk_name(name, longest) for name in names)


# Common surnames (the first character of a name): a names-alone line must open each name with one.
_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董潘袁蔡蒋蔣余于"
    "杜叶葉程苏蘇魏吕呂丁任沈姚卢盧傅钟鍾姜崔谭譚陆陸范汪廖石金韦韋贾賈夏付方邹鄒熊白孟秦邱侯江尹薛闫閆段雷龙龍黎史陶贺賀毛"
    "郝顾顧龚龔邵万萬覃武钱錢戴严嚴欧歐莫孔向常汤湯康易乔喬赖賴文施洪辛柯庄莊阮温溫俞缪繆游甘倪翁童章鲍鮑牛尤詹"
    "殷颜顏聂聶晏葛单單左卞储儲岳景靳涂祝牟柴焦包安齐齊简簡蓝藍伍滕符管凌骆駱樊郁"
)
_NAME_MARKS = frozenset("□■●◆◇☉◎○")
_OUTLETS = ("网", "網", "报", "報", "社", "台", "刊", "客户端", "客戶端")
# A gallery caption has none of these: punctuation, a space, a digit.
_UNCAPTION = re.compile(r"[。，！？；：、,.!?;:“”\"'‘’()（）\s\d]")


def _subtitle(text: str) -> bool:
    """`——2026年三明市…在沙县南阳举行`: eight to sixty characters after the dashes, no sentence end and
    no bracket (not `——（宋）陆游` under a quoted poem)."""
    rest = text[2:].strip()
    return 8 <= len(rest) <= 60 and not any(mark in rest for mark in "。！？()（）")


def _above_text(body: Body) -> bool:
    """Whether no paragraph taken so far ends a sentence (still among the header lines)."""
    return not any(text[-1:] in _SENTENCE_ENDS for text in body.paragraphs)


def _deck_lines(paragraphs: list[str]) -> bool:
    """Whether the lines above an English `By …` byline are a header's (the headline again, a deck of
    bullets: `Edna Hill took up running at the age of 85 …`): four at most, each under 150
    characters, none closed as a sentence, no Chinese."""
    return len(paragraphs) <= 4 and all(
        len(text) <= 150 and text[-1:] not in _SENTENCE_ENDS and _CJK.search(text) is None for text in paragraphs)


def _header_only(paragraphs: list[str]) -> bool:
    """Whether the paragraphs taken so far are a Chinese page's header lines (a breadcrumb, the
    headline, a column name: short, no sentence end), not a lead."""
    return (sum(len(text) for text in paragraphs) <= 200 and _CJK.search(paragraphs[0]) is not None
            and not any(_SENTENCE_END_CJK.search(text) or _ADOPTION_NOTE.fullmatch(text) for text in paragraphs))


# `（1999年12月10日…常务委员会第十二次会议通过）`: a law's adoption note under its title, part of its text.
_ADOPTION_NOTE = re.compile(r"[（(][^（）()]{6,120}(?:通过|通過|批准|修正|修订|修訂)[）)]")


def _link_line_kept(line: str) -> bool:
    """A link line between paragraphs that reads as the article's own (`Get the guide at the
    library`), not a teaser: no chrome phrase, no `Related:` / `Read more:` label or brackets
    around it, not a headline shouted in capitals. Not Chinese: on Chinese portals such a line
    is a promotion (专题, 视频, 推荐 links), and the validation pages lost precision by them."""
    if not line or len(line) > 300 or _CJK.search(line) or is_stop(line) or is_chrome(line) or _LABEL.match(line):
        return False
    if line[0] in "[【(（" and line[-1] in "]】)）":
        return False
    if line[:3] in _BY and _EN_BYLINE.match(line):
        return False  # `By <a>Jo Marsh</a>`: a byline, not a line of the text
    words = line.split()
    if len(words) <= 2 and all(word[:1].isupper() for word in words) and line[-1:] not in _SENTENCE_ENDS:
        return False  # `Story Tools`, `Browse Issues`: a menu's label
    letters = [ch for ch in line if ch.isalpha() and ch.isascii()]
    return not (len(letters) >= 12 and not any(ch.islower() for ch in letters))


# Short words a headline in title case leaves in lower case (`Fail to Stop`, `Out of the Woods`).
_MINOR_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from as is are was vs via into onto over up out off than its".split()
)


def _teasers(lines: list[str]) -> bool:
    """Two link lines in a row between paragraphs, each of four words or more in title case and
    without a sentence end: other stories' headlines set in the text (`Redesigned Scopes Fail to
    Stop Outbreaks`). One such line alone may be the text's own (`Download the Guide for Free`)."""
    return len(lines) == 2 and all(
        line[-1:] not in _SENTENCE_ENDS and len(words := line.split()) >= 4 and _headline_case(words) for line in lines
    )


def _headline_case(words: list[str]) -> bool:
    """Words in title case: three or more that are not short function words, each capitalised (or a
    number), the function words in lower case (a name alone, `Federal Emergency Management Agency`,
    passes too: such a line alone between paragraphs is a link to elsewhere as well)."""
    major = 0
    for word in words:
        bare = word.strip("'’‘\"“”([«»)].,:;!?")
        if not bare:
            continue
        if bare.lower() in _MINOR_WORDS and bare[:1].islower():
            continue
        if not (bare[:1].isupper() or bare[:1].isdigit()):
            return False
        major += 1
    return major >= 3


def _like_title(text: str, title: str) -> bool:
    """A short line without sentence punctuation that shares its first eight characters with the title.
    A Latin line closed by a full stop is a sentence (`Motorola teases a new phone.`, the text's first
    line under `Motorola is announcing a new phone …`): headlines end without one."""
    if len(text) > 60 or len(text) < 8 or _SENTENCE.search(text):
        return False
    if text[-1] == "." and text[-2:-1].isalpha() and _CJK.search(text) is None:
        return False
    if not (text[:8] in title or title[:8] in text):
        return False
    if _CJK.search(text) is not None:
        return True
    # Eight Latin characters are a word or so (`Vidyard `): a subhead over the text that names the
    # headline's subject (`Vidyard Launches New Tools …` under `… Vidyard Introduces New Features …`)
    # is no headline; half its words at least must be the title's.
    words = _WORD.findall(text.lower())
    titled = set(_WORD.findall(title.lower()))
    return 2 * sum(word in titled for word in words) >= len(words)


def _numbered_caps(raw: str, body: Body) -> bool:
    """A numbered subhead in capitals set as one link (`<h2><a>3. THE NIGHT SERVICE</a></h2>`)
    after the text has begun: a listicle's heading, not a related link."""
    if not body.paragraphs or len(raw) > 120 or raw.count(_LINK_OPEN) != 1:
        return False
    line = collapse(_LINK_SPAN.sub(r"\1", raw))
    return line[:1].isdigit() and _NUMBERED_CAPS.fullmatch(line) is not None and sum(ch.isupper() for ch in line) >= 3


def _link_row(raw: str) -> bool:
    """Mostly link text and not a sentence that merely links many of its words."""
    linked = sum(len(span) for span in _LINK_SPAN.findall(raw))
    if linked < 0.5 * len(raw):
        return False
    if linked >= 300 and raw.count(_LINK_OPEN) == 1 and len(_PROSE_STOP.findall(raw)) >= 3:
        return False  # an embedded post's text, linked whole to the post: several sentences, no menu
    text = raw.rstrip()
    if text[-1:] not in _SENTENCE_END:
        return True
    loose = _WORD.findall(_LINK_SPAN.sub("", raw))  # words outside the links: the sentence around them
    return sum(len(word) for word in loose) < 0.15 * len(raw)


def _is_byline(line: str, body: Body) -> bool:
    """Lift a byline line (`来源：东南网 作者：王五`, `2023-11-08 10:23 来源：…`, `记者 王五`, `By Jo Marsh`)
    into fields."""
    english = _EN_BYLINE.match(line) if line[:3] in _BY else None
    if english is None and line[:3] in _BY:
        english = _EN_BYLINE_DATE.match(line)
        if english:
            body.date_text = body.date_text or english.group(2)
    if english is None and ("by " in line or "By " in line):
        english = _EN_DATED_BYLINE.match(line)
    if english:
        body.author = body.author or english.group(1)
        body.byline_at = len(body.paragraphs) + 1  # the line after it may name the role or agency
        if not body.header and body.paragraphs and _deck_lines(body.paragraphs):
            body.header = len(body.paragraphs)  # a deck's bullets between the headline and the byline
        return True
    if body.byline_at == len(body.paragraphs) + 1 and len(line) <= 40 and _BYLINE_ROLE.fullmatch(line) \
            and _above_text(body):
        body.byline_at = 0
        return True  # `Sports Reporter`, `The Associated Press` under `By …`
    if not body.paragraphs and len(line) <= 60 and line[-1:] in _ROLE_ENDS and _EN_NAME_ROLE.fullmatch(line):
        return True  # `Stephen McDonell China correspondent`: a name and a role over the text, no `By`
    if not body.paragraphs and ", Special " in line and (special := _EN_SPECIAL_BYLINE.match(line)) is not None:
        body.author = body.author or special.group(1)
        return True  # `Robert Powell, Special for USA TODAY 6:29 p.m. EST …`: a contributor's byline
    reporter = _REPORTER.match(line) if ("记者" in line or "記者" in line) else None  # `in` is 10x cheaper
    if reporter:
        body.author = body.author or reporter.group(1)
        return True
    if len(line) <= 12 and ("记者" in line or "記者" in line) and _AGENCY_CREDIT.match(line):
        return True
    if body.speech and line[-1:] in ")）" and len(line) <= 24 and bracketed_day(line):
        body.speech = False  # `（2014年3月5日）` under a speech's subtitle and speaker: the day it was given
        if not body.header and body.paragraphs and _header_only(body.paragraphs):
            body.header = len(body.paragraphs)  # the speaker's line, a header line like a dated byline's
        return True
    if line[:1] in "《(（" and len(line) <= 60 and _PRINT_SOURCE.fullmatch(line):
        body.date_text = body.date_text or line  # `《 人民日报 》( 2006年02月14日 第十一版 )`: the paper and page it ran on
        return True
    if _SENTENCE.search(line):
        return False
    if len(line) <= 16 and "年" in line and HAN_DATE.fullmatch(line.strip("（()） ")):
        body.date_text = body.date_text or line  # `二〇一八年三月八日` under a document: its date line
        _without_issuers(body)
        return True
    date = FULL_DATE.search(line) or (SHORT_YEAR_HAN.search(line) if "年" in line else None)  # or `05年4月27日`
    date = date or (YEAR_APART.search(line) or MONTH_DAY_APART.search(line) if "/" in line else None)
    # (or `2021 01/26 08:52 · 来源 · …`, `11/12 2010年 16:39 来源：…`)
    if date is None and "年" in line and (han := HAN_DATE.match(line)) is not None:
        # `二〇二四年三月五日 星期二`, `二零二四年三月五日 来源：本网`: a date line in Chinese numerals
        return _han_date_line(body, line, han)
    if date is None and line[:1].isdigit() and len(line) <= 60 and _CJK_FIELD.search(line) and dated_header_line(line):
        # `5 Mar 2015 10:20 | 来源：本站`: a Chinese page's date line in an English form (an English theme's bar)
        body.date_text = body.date_text or line
        return True
    if date is None and line[-1:] == "日" and len(line) <= 40 and (han := HAN_DATE.search(line)) is not None \
            and han.end() == len(line) and 2 <= len(unit := line[: han.start()].strip()) <= 20 \
            and unit.endswith(_SIGNER_ENDS) and _ISSUER_MARKS.search(unit) is None:
        body.date_text = body.date_text or line  # `校长办公室 二○○八年四月二十二日`: a signature on one line
        return True
    fields = byline_fields(line)
    if date is None and "/" in line and len(line) <= 60 and (us := US_DATE.search(line, 0, 30)) is not None \
            and (fields or len(line) <= len(us.group(0)) + 12) and not _SENTENCE.search(line):
        # `7/5/2005 9:23:57 PM`, `发布日期： 7/5/2005 9:23:57 PM`: an ASP site's date line (VBScript's Now()), month first
        for label, value, _ in fields:
            assign_field(body, label, clean(value))
        body.date_text = body.date_text or line
        return True
    if date is None and line[:2].isdigit() and (short := SHORT_YEAR_OPENING.match(line)) is not None \
            and (fields or len(line) <= short.end() + 12 or (short.group(8) and "|" in line[short.end() : short.end() + 3])) \
            and _month_day(short.group(3) or short.group(6),
                                                                         short.group(4) or short.group(7)):
        # `16-11-24 来源：本站`, `09.03.05 10:23`, `16-6-2 10:14| 发布者: …| 查看: …` (a portal's fields after a bar):
        # an older CMS's date line with a two-digit year (read as a byline's, `dates.short_year_date`), lifted
        # like one with four digits
        for label, value, _ in fields:
            assign_field(body, label, clean(value))
        body.date_text = body.date_text or line
        return True
    if date and not fields and _DIARY.search(line):
        return False  # `2018年5月10日 天气多云 星期四`: a diary's entry in the text, no byline
    bracketed = line[:1] in "（(【[" and line[-1:] in "）)】]"  # `（东南网三明频道 编辑：吴晓燕）`
    if not (_FIELD_LINE.match(line) or (bracketed and fields)
            or (date and (fields or len(line) <= len(date.group(0)) + 12 or date.group(4) is not None
                          or _PUBLISHED_BEFORE.search(line, max(0, date.start() - 8), date.start())))):
        return False
    if (date and not fields and len(body.paragraphs) >= 2 and body.paragraphs[-1].endswith(_CUT_OFF)
            and len(line) <= len(date.group(0)) + 6):
        body.paragraphs.pop()  # a teaser cut off (`…已经公布...`) and its date under it: a list's item
        return True
    for label, value, _ in fields:
        assign_field(body, label, clean(value))
    if date and (not body.date_text or _timed_first(line, body)):
        body.date_text = line
    if date and not fields and len(line) <= len(date.group(0)) + 2:
        _without_issuers(body)  # a signature's date
    return True


def _month_day(month: str, day: str) -> bool:
    """Whether two numbers can be a month and its day (`20-30-40岁` holds none)."""
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31


# A thread's post line, its poster and time (`小鱼儿 发表于 2007-3-11 09:30`), as an archiver's view of a
# forum sets each post under one.
_POST_LINE = re.compile(r"[^\s:：，。]{1,20}\s*(?:发表于|發表於)\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


# A paper's name, the day and the page a story ran on, as a portal notes it under a story it carries
# (`《 人民日报 》( 2006年02月14日 第十一版 )`, `（《解放日报》2008-03-11 第3版）`).
_PRINT_SOURCE = re.compile(r"[(（]?\s*《[^《》]{2,16}》\s*[(（]?\s*\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|-\d{1,2}-\d{1,2})"
                           r"\s*(?:第\s*[\d一二三四五六七八九十〇零]{1,3}\s*版|[A-Z]?\d{1,2}\s*版)?\s*[)）]?\s*")


# A publication label right before a byline line's date (`文档序号:1889937 发布日期:2021-11-26 浏览:25次`).
_PUBLISHED_BEFORE = re.compile(r"(?:发布|發佈|發布|发表|發表)(?:时间|時間|日期)?\s*[：:]?\s*$")


# How the name of a body that issues a document ends (`…人民政府办公室`, `…管理委员会`, `…研究所`).
_ISSUER_ENDS = ("政府", "办公室", "辦公室", "委员会", "委員會", "研究所", "研究院", "局", "厅", "廳", "中心", "协会", "協會",
                "学会", "學會", "大学", "大學", "学院", "學院", "办事处", "辦事處", "公司", "党委", "黨委", "宣传部", "宣傳部")
# …and a school's or its offices' (`某某中学`, `教务处`, `校团委`), signing a notice under its text.
_SIGNER_ENDS = (*_ISSUER_ENDS, "学校", "學校", "中学", "中學", "小学", "小學", "幼儿园", "幼兒園", "处", "處", "部", "团委", "團委")
_ISSUER_MARKS = re.compile(r"[，。、：:；;！？!?,.“”\"（）()《》]")


def _without_issuers(body: Body) -> None:
    """Drops the names of the bodies that issued a document (up to three short lines, each ending
    like an institution's name: `懷化市人民政府辦公室`, `河北雄安新区管理委员会`) from right above its
    signature's date."""
    for _ in range(3):
        last = body.paragraphs[-1] if len(body.paragraphs) >= 2 else ""
        if not (4 <= len(last) <= 30 and last.endswith(_ISSUER_ENDS) and _ISSUER_MARKS.search(last) is None):
            return
        body.paragraphs.pop()


# A Chinese byline field beside an English-form date (`| 来源：本站`, `浏览：35`).
_CJK_FIELD = re.compile("来源|來源|作者|浏览|瀏覽|点击|點擊|阅读|閱讀|编辑|編輯")


# How a list's teaser ends: cut off mid-sentence.
_CUT_OFF = ("...", "…", "……")


def _han_date_line(body: Body, line: str, han: re.Match[str]) -> bool:
    """Whether a line opening with a date in Chinese numerals is a byline's date line: little after
    the date, or only a weekday and byline fields (the diary check has been made)."""
    rest = line[han.end() :].strip()
    fields = byline_fields(rest) if rest else []
    if len(line) > 60 or not (len(rest) <= 6 or fields or _WEEKDAY_REST.fullmatch(rest)):
        return False
    for label, value, _ in fields:
        assign_field(body, label, clean(value))
    body.date_text = body.date_text or line
    return True


# A weekday, and any byline words after it, alone after a byline's date (`星期二`, `周二 作者：…`).
_WEEKDAY_REST = re.compile(r"[（(]?(?:星期|周|礼拜|禮拜)[一二三四五六日天][)）]?(?:\s.{0,40})?")


# The weather beside a date: a diary's entry (`天气多云`, `天氣晴`, `晴转多云`), not a byline.
_DIARY = re.compile("天气|天氣|晴天|阴天|陰天|晴转|晴轉|阴转|陰轉|多云|多雲|小雨|中雨|大雨|阵雨|陣雨|小雪|中雪|大雪")


def _timed_first(line: str, body: Body) -> bool:
    """Whether a timed byline line replaces an untimed date line lifted before it, both above the
    article's text (an old page's headline `《访谈》2009年3月1日`, then `2009年03月05日 10:04 来源：…`)."""
    return len(body.paragraphs) <= 1 and _timed_line(line) and not _timed_line(body.date_text or "")


def assign_field(body: Body, label: str, value: str) -> None:
    """Put `value` into the field `label` names unless that field is known or `value` is debris."""
    if not value or len(value) > 30 or value.isdigit() or any(ch in value for ch in "=@\"<>{}"):
        return
    if label in ("来源", "來源", "稿源"):
        body.source_name = body.source_name or value
    elif label in ("责任编辑", "責任編輯", "编辑", "編輯", "责编"):
        body.editor = body.editor or value
    elif label in ("作者", "文字", "记者", "記者"):
        body.author = body.author or value
