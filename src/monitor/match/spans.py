"""Where one group hits in a normalised article: its scan, then the hits that do not count.

In: a compiled `Group`, the article's normalised text (title, "\\n", body paragraphs), where
reading stops and the text's `Enumerations`. Out: sorted, non-overlapping [start, end)
spans (names with a character lost, 三〓市, or garbled by a GBK or cp1252 reading, 涓夋槑, ä¸‰æ˜Ž, included), minus
hits inside a `not_in` context, contested terms the likelier segmentation does not read as words,
Latin hits inside a word and (with `skip_list_items`) hits that are one item of an enumeration.
Never does I/O.

Split from engine.py: this is the per-group half of matching, the engine the per-rule half.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property
from itertools import pairwise

from . import segment, terms
from .rules import GARBLED, LATIN_CHARS, Group, word_start

LIST_MARK = "、"
# What separates list items and phrases, after normalisation (full-width forms are ASCII).
_DELIMITERS = "、,。.;:!?()\\[\\]“”\"'《》 \n"
_DELIMITER = re.compile(f"[{_DELIMITERS}]")
# the end of the searched span is \Z, not $: $ also matches before a final line break, so a name
# opening a line took the 、 of the line above as its own ("…将乐、泰宁招工" above "杨浦企业…")
_LAST_DELIMITER = re.compile(f"[{_DELIMITERS}][^{_DELIMITERS}]*\\Z")
_CLAUSE_REACH = 60  # list items are short: look no farther for the delimiter before a hit
# Words for a part of an institution (a hospital's 科, a university's 系 or 学院's 所 …): a list of
# them after one name is that body's parts ("瑞金医院内分泌科、消化内科、心内科"), at most this long each.
_UNITS = set("科系室所部处组")
_UNIT_ITEM_MAX = 5
LIST_AFFIX_MAX = 6  # "福建三明、": at most this many characters between a hit and its 、
_CONJUNCTIONS = set("与和同及跟")
_GOING = set("赴抵往到在")  # 赴, 抵达, 前往, 来到, 将在: the name goes to (or acts in) the listed places
_NUMERALS = frozenset("0123456789一二三四五六七八九十")
_ITEM_START = frozenset("\n;。 :")
_POSSESSIVE_MAX = 15  # "的" and the thing a place's list item names, in characters  # "上海杨浦区与三明、…" is a clause, not a list item
# A word of joint action right after an enumeration's last item: the items act together
# ("一大纪念馆、三明市博物馆联合主办", "上海、三明两地携手"), they are not names in passing.
# "上海、三明两地签约", "沪、明双方" name the two partners as one subject in the same way.
_JOINT = re.compile("联合|共同|携手|联手|两地|两市|双方")
_JOINT_REACH = 12  # the last item's name, then the joint word, within this many characters
_JOINT_ITEMS = 3  # partners acting together are two or three; nine cities "联合推介" are a list
_CLAUSE_END = re.compile(f"[{_DELIMITERS.replace(LIST_MARK, '')}]")
_LAST_CLAUSE_END = re.compile(f"[{_DELIMITERS.replace(LIST_MARK, '')}][^{_DELIMITERS.replace(LIST_MARK, '')}]*$")
# "等" closing an enumeration: "三明等地", "上海等城市", "三明等9个设区市" (not 等待, 平等 ...).
# Every alternative starts with its own character and none holds 等, so matches never overlap
# and one scan of the whole text finds every place it matches (`Enumerations.etc` relies on this).
_ETC = re.compile(r"等(?:地|城|市|县|区|省|国|单位|部门|企业|机构|高校|医院|学校|[0-9一二三四五六七八九十多数几]"
                 # a longer word for the class ("福建三明等革命老区城市"): 等 is none of its characters
                 r"|[\u4e00-\u7b48\u7b4a-\u9fff]{1,4}(?:城市|地区|县市|县区|省市))")
# A numbered or bulleted item at a line or clause start: "\n3.", "；4、", "\n(5)", "。六、",
# "\n◆", "\n◎", "\n※" (a ranking, a top-ten list, an office's weekly doings). Led by a character class, so `re` skips ahead to candidates.
# "一是…；二是…" numbers a report's items too (after a colon: "十件大事：一是…"), and a short label
# in 【】 opening each line does in a listing ("【展览】…\n【演出】…\n【推介】…": a weekend calendar).
# A circled number (①, as NFKC leaves it: "1 ") before a Han character numbers an item too. Not the minutes of a
# time ("00:25 师傅们都来自三明": a video's subtitles, line by line, are one story).
# A month as a line's label before a colon or a space ("一月:…\n二月:…", "3月15日:", "5月 …", "april:") numbers a chronicle's lines (a
# year's 大事记, its table of contents): a line a thing done. A table's row flattened with bars opens with its number
# ("\n2|…|…", "\n| 2 | … |").
_ITEM = re.compile(r"[\n;。:](?<!\d:) ?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、)](?!\d)|[一二三四五六七八九十]{1,2}是|\(\d{1,2}\)"
                   r"|\d{1,2} (?=[\u4e00-\u9fff])|\d{1,3} ?\||\| ?\d{1,3} ?\||[●○◆◇■□▲△★☆•▶►♦◎◉※➤➢▷▸✦✧❖◈]|【[^】\n]{1,6}】"
                   r"|(?<=\n)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|\d{1,2}日)?(?::| (?=[\u4e00-\u9fff]))"
                   r"|(?<=\n)(?:january|february|march|april|may|june|july|august|september|october|november|december)"
                   r"(?: \d{1,2})?:)")
# An office's diary ("◎3月2日\n召开…\n◎3月3日\n赴上海参加…"): a list item whose line is only its day, after its marker.
_DAY_HEAD = re.compile(r" ?[^\u4e00-\u9fff\n]{0,4}?(?:\d{1,2}月\d{1,2}日|\d{1,2}[./]\d{1,2})? ?"
                       r"(?:\(?(?:周|星期)[一二三四五六日天]\)?)? ?")
# A title that says the page rounds up the news (早报, 早读, 今日要闻, "China briefing", "week in
# review"): each line of its body, and each clause of a line between semicolons, is one item, a
# headline among headlines ("…；三明：上海杨浦区代表团来明考察；广州：…", "Shanghai and Sanming opened …"
# as one line of a weekly briefing).
_DIGEST_TITLE = re.compile("早报|早读|早知道|早班车|要闻速览|要闻汇总|要闻回顾|一周要闻|本周要闻|今日要闻|每日要闻|"
                           "新闻速览|新闻汇总|新闻速递|新闻早餐|一周回顾|(?:morning|evening|daily|weekly|china) briefing|"
                           "news roundup|news round-up|week in review|news in brief|news digest|daily digest|weekly digest|"
                           "you may have missed|"
                           "(?:新闻|要闻|资讯|快讯|消息|动态|热点|头条|时政|财经|一周|本周|今日|每日|早间|晚间)(?:一览|汇总|速览|盘点|快览|集锦)|"
                           "(?:news|headlines) at a glance|"
                           # a year looked back on (盘点2025, 2025年终盘点, 回眸2025): one line a thing remembered
                           "盘点 ?20\\d\\d|20\\d\\d ?年?(?:年终|年度)盘点|年终盘点|年度盘点|回眸 ?20\\d\\d|"
                           # a site search's results page (站内搜索, "search results for"): a line a result
                           "搜索结果|站内搜索|检索结果|search results")


def roundup_title(title: str) -> bool:
    """Whether a title in normal form (`textnorm.normalize`) says its page rounds up the news."""
    return _DIGEST_TITLE.search(title) is not None


_DIGEST_MIN_ITEMS = 4  # a round-up of fewer lines is a story under a round-up's name
MIN_LIST_ITEMS = 5  # fewer numbered items are steps of one story, not a list of stories
# unless the title says the page logs an office's doings (区发改局一周工作动态, 工作周报): three of them are its list
_LOG_TITLE = re.compile("(?:一周|本周|上周|每周|周)工作|工作周报|工作周志|工作日志|工作动态|(?:一周|本周|上周)动态")
_LOG_MIN_ITEMS = 3
# An item that goes on past its first sentence for this many characters is a section with
# sentences of its own (a county's list of the year's deeds), not a headline among headlines.
ITEM_SENTENCE_MIN = 15
_ITEM_SENTENCE_END = re.compile("[。!?;]")
ITEM_HAN_MIN = 30  # or one sentence this long: a headline is rarely 20 characters
_HAN = re.compile("[\u4e00-\u9fff]")
# A line of keywords or tags: three or more short segments between | / 丨 ("【关键词】林改|沙县
# 小吃|沪明合作|闽台融合", an infographic's or a menu's words). Each is a word, not a sentence.
_KEYWORD_SEP = re.compile("[|/丨◇◆●•▪]")
# bullets between the items of a flattened links line ("◇ 沪明对口合作签约仪式举行 ◇ 嘉定区代表团来尤溪考察 ◇ …"):
# the line may open with one
_KEYWORD_BULLETS = "◇◆●•▪"
_KEYWORD_MAX = 40  # characters of one segment (an English keyword of a few words)
_KEYWORD_MIN_SEGMENTS = 3
# A table's row flattened with bars: its first cell a row's number, or a header line above it
# naming its columns (a few words a table's header has and a tag line has not).
_ROW_NUMBER = re.compile("[0-9]{1,3}[.、]?")
_TABLE_HEADERS = frozenset(("序号", "编号", "项目", "项目名称", "名称", "单位", "建设单位", "责任单位", "牵头单位", "进度",
                            "进展", "完成情况", "备注", "时间", "地点", "金额", "投资", "总投资", "数量", "内容",
                            "建设内容", "类别", "no.", "item", "project", "status"))
_TABLE_REACH = 30  # lines looked up for a header
_TABLE_ROWS = 3  # lines in a row with as many bars: a table (a header and two rows), not a tag line or a menu
_SENTENCE_INSIDE = re.compile("[,。;!?]")
# English enumerations ("depots in Shanghai, Xiamen and Yong'an"): items of a few words between
# ", ", the last after "and" / "or" (", and" too); three items or more, since two places joined by
# "and" are mostly the two acting ("Shanghai and Sanming signed"). Commas without a closing "and"
# are clauses ("Shanghai, officials said, will …"), not a list.
_EN_SEP = re.compile(",? (?:and|or) |, ")
_EN_CLAUSE_END = re.compile("[.;:!?()\\[\\]\"“”\n]")
# a separator right after a name (a word may come between: "shanghai firms, …"), or before it
# (two words may come between: "… and the yong'an depot"): a name can be a list item only so
_EN_SEP_AFTER = re.compile("(?: [^ ,.;:!?]+)?(?:, | and | or )")
_EN_BEFORE_REACH = 40  # characters before a name looked at for a separator
# The middle of every English enumeration of three items or more: ", " items, then "and" / "or"
# (", xiamen and ", ", shanghai, shaoguan and "); items of at most 40 characters.
_EN_LIST_CORE = re.compile(r", (?:[^,.;:!?()\[\]\"“”\n]{1,40}, )*[^,.;:!?()\[\]\"“”\n]{1,40}?,? (?:and|or) ")
# the run of ", item" bits a try of _EN_LIST_CORE from one ", " walks (each item forced to its next comma)
_EN_CHAIN = re.compile(r", (?:[^,.;:!?()\[\]\"“”\n]{1,40}, )*+")
_EN_CLAUSE_REACH = 150  # characters either side of a hit searched for its clause's ends
_EN_ITEM_WORDS = 4      # an inner item: "xiamen", "the pudong new area"
_EN_LEAD_WORDS = 1      # words after a name in the first item ("shanghai firms, …"), before it in the last
_EN_LAST_WORDS = 2      # ("and the yong'an depot")
_EN_MIN_ITEMS = 3
_EN_LIST_ENDS = frozenset(",.;:!?)\n")  # after a list's last item: its clause ends
# the two ends of a route, not the two partners: "trains between shanghai and sanming", "the flight
# time between …" (the cooperation, a memorandum or a partnership "between …" stays the pairing's name)
_EN_ROUTE = re.compile(r"\b(?:trains?|flights?|routes?|services|bus|buses|coach|coaches|rail|railway|railways|roads?"
                       r"|highway|expressway|travel|travell?ing|trips?|journeys?|distance|tickets?|fares?|drive"
                       r"|time|times)(?: [a-z'-]+){0,2} between \Z")
# The same in Chinese: two railway stations or airports joined by 至 / — / 开往 … ("三明北至上海虹桥开行首对
# G字头列车", "上海南站—三明站"): a timetable's line, its names the stations'. Only stations at both ends:
# "上海至三明旅游专列" (the cities) and "三明北站首次开通直达上海虹桥站的动车" (not one line) are left to
# the rules. Each hit's own window is tried, only when a joining character is near it.
_STATION = ("(?:上海(?:虹桥站?|南站?|西站|站|浦东机场|虹桥机场)|虹桥(?:站|机场)|浦东机场"
            "|三明(?:北站?|南站?|站|沙县机场)|沙县机场|(?:永安|沙县|泰宁|将乐|建宁|明溪|清流|宁化|尤溪|大田)[北南西东]?站)")
_ROUTE = re.compile(f"{_STATION} ?(?:至|到|开往|直达|飞往|—+|-|~|⇌|↔) ?{_STATION}")
_ROUTE_JOINS = frozenset("至到往达—-~⇌↔")
_STATION_NEXT = frozenset("北南西站虹浦沙机")  # what follows a name of `_STATION` (三明北, 永安站, 沙县机场)
_ROUTE_REACH = 16  # characters either side of a hit where a route's other station and its joint may be
# A word of joint action after a list of two or three ("Shanghai, Sanming and Nanping jointly
# launched …"): the items act together, as with _JOINT.
_EN_JOINT = re.compile(r"\b(?:jointly|together|joined|teamed up|co-host\w*|partnered|both|all three|the three)\b")
_EN_JOINT_REACH = 40
# words after which a list's first item starts ("depots in …", "including …")
_EN_LEADS = frozenset("in at from to including include includes like as across of between among with for on into "
                      "covering namely via through visiting serving".split())
# words that may follow a list's last item ("… and yong'an this quarter", "… and datian in 2024")
_EN_TRAILS = frozenset("this last next in on at by to for from with over since as during before after among within "
                       "earlier later each every respectively while where which that".split())
_EN_OTHERS = frozenset(("other", "others"))
# words no item of a list of places opens with: a phrase or a clause between commas ("in turn",
# "a county in western fujian", "which …")
_EN_NOT_ITEM = frozenset("in on at by to for from with over since as during before after among within under "
                         "according a an its their his her which who where when while but then also not said says "
                         "is are was were has have had will would can could".split())
# words that open a list after a comma ("…, including ganzhou, sanming and baoji"): what comes before
# them is no item of that list ("relief supplies from jinshan district, including tents, quilts and water")
_EN_LIST_OPENS = frozenset("including include includes like notably especially mainly namely".split())
# a place described after a comma ("in sanming, fujian province,"): no list item
_EN_LOCATORS = frozenset("fujian china prc east southeast western eastern".split())


class Enumerations:
    """Where an article's 、 and closing 等 are, found once per article (a few `str.find`s),
    so that the list-item pre-test for each hit is a bisect, not a slice and a regex search."""

    def __init__(self, text: str) -> None:
        self.marks = positions(text, LIST_MARK)  # ascending
        self.etc = [m.span() for m in _ETC.finditer(text)] if "等" in text else []  # ascending
        self.text = text
        self.any = bool(self.marks or self.etc)  # most articles with none decide their hits here
        # [start, end) of each segment of a keyword line, and where those lines start
        self.keywords, self.keyword_lines = _keyword_segments(text)
        self._furniture: dict[int, int] = {}  # a body line's start: where its furniture ends (`furniture`)
        self.furnished = False  # the text holds one of `FURNITURE_WORDS` (set by the engine's literal pass)
        # 、 between two "place's thing" items (…闵行区的家庭医生签约服务、浙江省的…): farther from
        # the name than a plain item's affix
        self.lacks = terms.absent(text)  # scripts the text has no character of (a mask)
        self.possessive = [m for m in self.marks if "的" in text[m + 1 : m + 2 + LIST_AFFIX_MAX + 2]
                           and "的" in text[max(0, m - _POSSESSIVE_MAX) : m]]

    def furniture(self, start: int, end: int) -> bool:
        """Is [start, end) in a body line's furniture (`furniture_end`)? Each line is judged once."""
        text = self.text
        a = text.rfind("\n", 0, start) + 1
        if a == 0:
            return False  # the title
        f = self._furniture.get(a)
        if f is None:
            b = text.find("\n", start)
            f = self._furniture[a] = furniture_end(text, a, len(text) if b < 0 else b)
        return end <= f

    def add_menus(self, places: list[int]) -> None:
        """Add the menu lines between spaces opening at `places` (`menu_lines`) to the keyword lines."""
        segments, starts = menu_lines(self.text, places)
        if segments:
            self.keywords = sorted(self.keywords + segments)
            self.keyword_lines = self.keyword_lines | set(starts)

    @cached_property
    def english(self) -> list[tuple[int, int]]:
        """Where an English enumeration may be ("…, xiamen and …"), ascending [start, end) reaches
        around each run of ", " items closed by "and" / "or": a Latin hit outside every one is no
        list item, decided without a parse (most hits of most English articles)."""
        text = self.text
        if ", " not in text or (" and " not in text and " or " not in text):
            return []
        return [(start - _EN_BEFORE_REACH, end + _EN_BEFORE_REACH) for start, end in english_lists(text)]

    @cached_property
    def stations(self) -> bool:
        """Can the text name a station of `_STATION` (a few `in` tests, for most texts no)?"""
        text = self.text
        return "站" in text or "三明北" in text or "三明南" in text or "上海南" in text or "虹桥" in text or "机场" in text

    @cached_property
    def clause_ends(self) -> list[int]:
        """Where a clause ends (a delimiter other than 、), ascending; read only for a hit in a run
        of more than _NEAR characters without one (`_acts_together`)."""
        return [m.start() for m in _CLAUSE_END.finditer(self.text)]

    @cached_property
    def items(self) -> list[tuple[int, int]]:
        """[start, end) of each item of a long numbered list (or of a paragraph of clauses
        between semicolons); looked for only once a list-skipping group has a hit."""
        text = self.text
        title_end = text.find("\n")
        if title_end > 0 and _DIGEST_TITLE.search(text, 0, title_end):
            items = _digest_items(text, title_end)
            if len(items) >= _DIGEST_MIN_ITEMS:
                return items
        least = _LOG_MIN_ITEMS if title_end > 0 and _LOG_TITLE.search(text, 0, title_end) else MIN_LIST_ITEMS
        return _numbered_items(text, least) or _dated_items(text) or _colon_lists(text, self.marks)

    def near(self, start: int, end: int) -> bool:
        """A cheap first test: a 、 or a closing 等 near enough to make the hit a list item.

        The same answer as `、 in text[start - 7 : end + 7] or _ETC.search(text, end, end + 7)`,
        or a 、 between "place's thing" items (`possessive`) within 21 characters after the hit.
        """
        reach = end + LIST_AFFIX_MAX + 1
        marks = self.marks
        i = bisect_left(marks, start - LIST_AFFIX_MAX - 1)
        if i < len(marks) and marks[i] < reach:
            return True
        if self.possessive:
            i = bisect_left(self.possessive, end)
            if i < len(self.possessive) and self.possessive[i] <= end + LIST_AFFIX_MAX + _POSSESSIVE_MAX:
                return True
        etc = self.etc
        for k in range(bisect_left(etc, (end, -1)), len(etc)):
            a, b = etc[k]
            if a >= reach:
                break
            if b <= reach:  # a closing 等 that ends beyond the window does not count
                return True
        return False


# A numbered list run into one line ("1. 鼓浪屿 2. 武夷山 3. …", a top-ten list flattened by its page): numbers after a
# space, read as items only where they count up 1, 2, 3 … on the line (not "增长 5.2%", not one "3." in a sentence).
_INLINE_NUMBER = re.compile(r"(?:(?<=[ \n:;。])|^)(\d{1,2})[.、](?!\d)")


def _inline_items(text: str, least: int) -> list[int]:
    """The starts of the numbers of each line holding `least` or more of them counting up from 1, after spaces."""
    starts: list[int] = []
    a = 0
    while a <= len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        if text.count(" 2", a, b) and text.count(" 3", a, b):  # a cheap test: most lines have no such numbers
            run: list[int] = []
            for m in _INLINE_NUMBER.finditer(text, a, b):
                n = int(m.group(1))
                if n == len(run) + 1:
                    run.append(m.start())
                elif n == 1:
                    run = [m.start()]
            if len(run) >= least:
                starts += run
        a = b + 1
    return starts


def _numbered_items(text: str, least: int = MIN_LIST_ITEMS) -> list[tuple[int, int]]:
    """Items of a numbered list of at least `least` entries; each ends at the next
    item or at its line's end."""
    starts = [m.start() + 1 for m in _ITEM.finditer(text)]
    if len(starts) < least and (" 2." in text or " 2、" in text):
        known = set(starts)  # "\n 1." is an item of _ITEM's from its space already
        starts = sorted(known.union(i for i in _inline_items(text, least) if i - 1 not in known))
    items = []
    if len(starts) >= least:
        for i, start in enumerate(starts):
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            following = starts[i + 1] if i + 1 < len(starts) else len(text)
            # an item's line that is only its day (◎3月2日, ● 周一) heads the lines below it up to the next item
            end = following if _DAY_HEAD.fullmatch(text, start, line_end) else min(following, line_end)
            items.append((start, end))
    if text.count(";") >= MIN_LIST_ITEMS - 1:
        items = sorted(items + _semicolon_items(text, items))
    return items


# A column's listing handed over as one page ("泰宁旅游再创新高 2024-03-01\n一季度接待游客……\n沪明合作项目签约
# 2024-02-28\n…"): each headline line ends in its date; it and the lines below it up to the next are one item.
_LINE_DATE = re.compile(r"(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?$", re.M)
_DATED_HEADLINE = (4, 60)  # characters of a headline before its date


def _dated_items(text: str) -> list[tuple[int, int]]:
    """Items of a listing of MIN_LIST_ITEMS dated headlines or more (none in most texts: no line
    ends in a date)."""
    starts = []
    for m in _LINE_DATE.finditer(text):
        a = text.rfind("\n", 0, m.start()) + 1
        if a > 0 and _DATED_HEADLINE[0] <= m.start() - a <= _DATED_HEADLINE[1]:
            starts.append(a)
    if len(starts) < MIN_LIST_ITEMS:
        return []
    return [(a, b - 1) for a, b in pairwise([*starts, len(text) + 1])]


def _digest_items(text: str, title_end: int) -> list[tuple[int, int]]:
    """Each body line of a news round-up, and each clause of a line between semicolons."""
    items: list[tuple[int, int]] = []
    start = title_end + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        for a, b in pairwise([start - 1, *_semicolons(text, start, end), end]):
            if b > a + 1:
                items.append((a + 1, b))
        start = end + 1
    return items


# A list of things set out after a colon between 、 ("评选出本年度十件民生实事：新增养老床位、加装电梯、地铁新线开通、…、无障碍设施，
# 以及组织职工赴对口合作地区（含福建三明）疗休养。"): a year's top ten in one sentence, as a numbered list is one a line. Its
# items are short (a few words each, no clause mark inside); the last runs on to the sentence's end, and what follows a
# comma after it ("，以及…") is one more.
_COLON_LIST_ITEMS = 6  # items of such a list, at least: fewer are one sentence's objects ("引进企业、共建园区、互派干部")
_COLON_ITEM_MAX = 10  # characters of an inner item
_COLON_LIST_END = re.compile("[。!?;\n]")


def _colon_lists(text: str, marks: list[int]) -> list[tuple[int, int]]:
    """Items of every list of `_COLON_LIST_ITEMS` short items or more between 、 opening right after a colon (`marks`:
    where the text's 、 are). None in most texts: fewer than five 、."""
    out: list[tuple[int, int]] = []
    if len(marks) < _COLON_LIST_ITEMS - 1:
        return out
    i = 0
    while i < len(marks):
        j = i
        while (j + 1 < len(marks) and 0 < marks[j + 1] - marks[j] - 1 <= _COLON_ITEM_MAX
               and not _CLAUSE_END.search(text, marks[j] + 1, marks[j + 1])):
            j += 1
        if j - i + 2 >= _COLON_LIST_ITEMS:
            colon = text.rfind(":", max(0, marks[i] - _COLON_ITEM_MAX - 1), marks[i])
            if colon >= 0 and not _CLAUSE_END.search(text, colon + 1, marks[i]):
                m = _COLON_LIST_END.search(text, marks[j] + 1)
                end = len(text) if m is None else m.start()
                # a list's last item after a comma ("…、无障碍设施，以及…") is an item of its own
                last = _CLAUSE_END.search(text, marks[j] + 1, end)
                more = [last.start()] if last is not None and last.start() - marks[j] - 1 <= _COLON_ITEM_MAX else []
                out += list(pairwise([colon, *marks[i : j + 1], *more, end]))
        i = j + 1
    return [(a + 1, b) for a, b in out]


def _semicolon_items(text: str, numbered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses of each paragraph that runs MIN_LIST_ITEMS or more of them between
    semicolons, without numbers ("…十大新闻：福州新区扩区；厦门…；沪明合作…；…"): a list of
    headlines in one paragraph. What comes before a colon ahead of the first is its heading.
    A paragraph that holds numbered items is left to them."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        cuts = _semicolons(text, start, end) if text.count(";", start, end) >= MIN_LIST_ITEMS - 1 else []
        if cuts and not any(start <= a < end for a, _ in numbered):
            colon = text.rfind(":", start, cuts[0])
            bounds = [colon if colon >= 0 else start - 1, *cuts, end]
            out += [(a + 1, b) for a, b in pairwise(bounds)]
        start = end + 1
    return out


def _semicolons(text: str, start: int, end: int) -> list[int]:
    """Every index of ";" in text[start:end] (str.find: a loop over characters costs 10x)."""
    out: list[int] = []
    i = text.find(";", start, end)
    while i >= 0:
        out.append(i)
        i = text.find(";", i + 1, end)
    return out


def _keyword_segments(text: str) -> tuple[list[tuple[int, int]], set[int]]:
    """The segments of every body line that is a run of short keywords between | / 丨 (the
    title is left alone: "沪明合作签约|三明日报" is a headline and its outlet), and the start of
    each such line (a menu or a tag line is never the lead)."""
    out: list[tuple[int, int]] = []
    lines: set[int] = set()
    if ("|" not in text and "/" not in text and "丨" not in text and "◇" not in text and "◆" not in text
            and "●" not in text and "•" not in text and "▪" not in text):
        return out, lines  # eight str scans (`_KEYWORD_SEP`'s characters): a regex one costs 10x, any() 2x
    title_end = text.find("\n")
    line_end = -1
    for sep in _KEYWORD_SEP.finditer(text, title_end + 1 if title_end >= 0 else len(text)):
        if sep.start() < line_end:
            continue  # this line was judged already
        start = text.rfind("\n", 0, sep.start()) + 1
        line_end = text.find("\n", sep.start())
        line_end = len(text) if line_end < 0 else line_end
        cuts = [start - 1] + [m.start() for m in _KEYWORD_SEP.finditer(text, start, line_end)] + [line_end]
        segments = [(a + 1, b) for a, b in pairwise(cuts)]
        if text[cuts[1]] in _KEYWORD_BULLETS and not text[start : cuts[1]].strip():
            segments = segments[1:]  # "◇ a ◇ b ◇ c": the line opens with its bullet
        if len(segments) >= _KEYWORD_MIN_SEGMENTS and _table_row(text, start, segments):
            continue  # a table's row ("2|沪明合作文旅康养项目|主体完工"): cells read as text
        if len(segments) >= _KEYWORD_MIN_SEGMENTS and all(_is_keyword(text, a, b) for a, b in segments):
            out += segments  # every segment a word: not "记者甲/文 乙/图)为推动…，…" opening a story
            lines.add(start)
        elif (len(segments) > _KEYWORD_MIN_SEGMENTS and text[cuts[1]] == "|"
              and all(_is_keyword(text, a, b) for a, b in segments[:-1])):
            # a menu joined to the story's first paragraph ("menu: home | news | shanghai-sanming cooperation |
            # contact us the city library will …"): its items, not the story after the last bar
            out += segments[:-1]
    return out, lines


# A site's menu or breadcrumb kept as a body line, its items between spaces ("首页 新闻中心 沪明合作 上海 三明 县区
# 动态", "Home News Shanghai Sanming Pairing Business", "首页 > 三明新闻 > 正文"): it opens with the home page's link,
# or with the menu's own label and a colon ("网站导航：三明新闻 上海频道 沪明合作专栏 图片 视频", "Navigation: …").
# A line of keywords between spaces under its label (关键词云：乡村振兴 沪明合作 营商环境 …, "【热词】…", "Keywords: …": a
# year's words, an infographic's tags) is such a line too: its names are words of a list, not the story's.
MENU_OPENERS = ("首页", "网站首页", "home", "网站导航", "栏目导航", "导航", "navigation", "menu",
                "关键词", "关键词云", "关键字", "热词", "热词云", "词云", "keywords", "key words", "tags")
_MENU_AFTER = (" ", ":", "】", "]")  # what follows the opener: a space, the label's colon or its closing bracket
_MENU_BRACKETS = "【["  # a label in brackets (【关键词】…): the line opens with the bracket
_MENU_MIN_SEGMENTS = 4
_MENU_SEGMENT_MAX = 12
# words of an English sentence, never of a menu ("Home prices in Shanghai rose …")
_MENU_NOT = re.compile(r" (?:the|a|an|of|in|to|and|for|is|are|was|were|has|have|at|on|by|with|from) ")


def menu_lines(text: str, places: list[int]) -> tuple[list[tuple[int, int]], list[int]]:
    """Each body line that is a menu between spaces, as one segment (a name read across two items,
    "shanghai sanming", too), and its start; `places`: where a `MENU_OPENERS` word occurs (the engine's
    literal pass finds them), of which those opening a body line and followed by a space are tried."""
    out: list[tuple[int, int]] = []
    lines: list[int] = []
    title_end = text.find("\n")
    for start in places:
        if start <= title_end:
            continue
        at = start
        if text[start - 1] in _MENU_BRACKETS and text[start - 2] == "\n":
            start -= 1
        elif text[start - 1] != "\n":
            continue
        opener = next((w for w in MENU_OPENERS if text.startswith(w, at) and text[at + len(w) : at + len(w) + 1]
                       in _MENU_AFTER), None)
        if opener is None:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if _SENTENCE_INSIDE.search(text, start, end) or _MENU_NOT.search(text, start - 1, end + 1):
            continue
        segments, a = [], start
        while a < end:
            b = text.find(" ", a, end)
            b = end if b < 0 else b
            if b > a:
                segments.append((a, b))
            a = b + 1
        if len(segments) >= _MENU_MIN_SEGMENTS and all(b - a <= _MENU_SEGMENT_MAX for a, b in segments):
            out.append((start, end))
            lines.append(start)
    return out, lines


# A line of a site's furniture that no opener heads, judged only for a line a list-skipping group hits (once a line),
# in a text that holds one of `FURNITURE_WORDS` (the engine's literal pass finds them: `Enumerations.furnished`): a
# menu between spaces, four items or more, one of them a menu's own word (沪明合作 文旅 视频 联系我们, "news politics …
# videos contact"), alone or joined to the story's first sentence (首页 新闻中心 沪明合作 文旅 视频 三明市区今年…); a site's
# topic box (专题:沪明对口合作十周年, 【专题】…, 专题链接:…, "Special coverage: …").
_MENU_WORDS = frozenset(("首页", "网站首页", "联系我们", "关于我们", "网站地图", "视频", "图片", "登录", "注册", "手机版", "无障碍",
                         "专题", "home", "contact", "videos", "photos", "login", "register", "subscribe", "sitemap"))
FURNITURE_WORDS = (*sorted(_MENU_WORDS), "special coverage", "special topic")
_MENU_LATIN_MAX = 200  # characters of an English menu line
_BOX = re.compile(r"(?:【专题】|\[专题\]|专题(?:链接|专栏)? ?:|special (?:coverage|topic) ?:)")
_LATIN_WORD = re.compile("[a-z]")
_MENU_ITEM = re.compile("[\u4e00-\u9fff]{1,12}")  # a menu's item between spaces: Han only (not 2024 年, not Hangul)


def furniture_end(text: str, a: int, b: int) -> int:
    """Where the furniture opening the body line text[a:b] ends: b for a whole line of it, the start of the story's
    sentence after a menu's items, a when the line opens with none."""
    if _BOX.match(text, a):
        return b
    x = text.find(" ", a, b)
    if x < 0:
        return a  # most Chinese lines: decided by one find
    if _LATIN_WORD.search(text, a, b):  # English: a whole line of words, none of a sentence's (most lines: one search)
        if (b - a > _MENU_LATIN_MAX or _SENTENCE_INSIDE.search(text, a, b) or _MENU_NOT.search(text, a - 1, b + 1)
                or text.count(" ", a, b) < _MENU_MIN_SEGMENTS - 1):
            return a
        return b if any(w in _MENU_WORDS for w in text[a:b].split()) else a
    run, words, y = 0, False, a  # Chinese: the items between spaces opening the line, Han words of a menu's length
    while True:
        if x > y:
            if not _MENU_ITEM.fullmatch(text, y, x):
                break
            run += 1
            words = words or text[y:x] in _MENU_WORDS
        if x >= b:
            return b if run >= _MENU_MIN_SEGMENTS and words else a
        y = x + 1
        x = text.find(" ", y, b)
        x = b if x < 0 else x
    return y if run >= _MENU_MIN_SEGMENTS and words else a


def _table_row(text: str, start: int, segments: list[tuple[int, int]]) -> bool:
    """A line of a table flattened with bars: its first cell a row's number (`2|项目|进度`,
    `| 2 | 项目 | 进度 |`), or one of three lines or more in a row with as many bars (two or more)
    each, or under a header line (`项目名称|单位|进度`) whose bars it shares with every line
    between them. A tag line or a menu has none of these."""
    cells = [text[a:b].strip() for a, b in segments]
    if cells and not cells[0]:
        cells = cells[1:]  # "| 2 | …": the line opens with its bar
    if cells and _ROW_NUMBER.fullmatch(cells[0]):
        return True
    line_end = segments[-1][1]
    bars = text.count("|", start, line_end)
    if bars < 2:
        return False
    rows = 1
    end = start - 1
    for _ in range(_TABLE_REACH):  # the lines above, up to a header
        if end <= 0:
            break
        up = text.rfind("\n", 0, end) + 1
        if text.count("|", up, end) != bars:
            break
        if any(c.strip() in _TABLE_HEADERS for c in text[up:end].split("|")):
            return True
        rows += 1
        end = up - 1
    a = line_end + 1
    while rows < _TABLE_ROWS and a < len(text):  # the lines below
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        if text.count("|", a, b) != bars:
            break
        rows += 1
        a = b + 1
    return rows >= _TABLE_ROWS


def _is_keyword(text: str, a: int, b: int) -> bool:
    """A segment of a keyword line: short, no sentence inside."""
    return 0 < b - a <= _KEYWORD_MAX and not _SENTENCE_INSIDE.search(text, a, b)


def _one_item_only(spans: list[tuple[int, int]], items: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Drop the hits that sit in a numbered list when all of them sit in one item: a
    headline among unrelated headlines (a year's top ten) is not what the article is about.
    An item that goes on in sentences of its own ("四、在上海结对区帮助下，…。全年完成手术…"),
    or one sentence of 30 Han characters or more, is a section of a report, not a headline: its
    hits stay."""
    where = {}
    for span in spans:
        k = bisect_right(items, (span[0], 1 << 62)) - 1
        if k >= 0 and span[1] <= items[k][1]:
            where[span] = k
    if not where or len(set(where.values())) > 1:
        return spans
    a, b = items[next(iter(where.values()))]
    end = _ITEM_SENTENCE_END.search(text, a, b)
    if end is not None and len(text[end.end() : b].strip("。!?; ")) >= ITEM_SENTENCE_MIN:
        return spans
    if len(_HAN.findall(text, a, b)) >= ITEM_HAN_MIN:
        return spans
    return [s for s in spans if s not in where]


def _in_keywords(span: tuple[int, int], segments: list[tuple[int, int]]) -> bool:
    """Is the hit inside one segment of a keyword line?"""
    k = bisect_right(segments, (span[0], 1 << 62)) - 1
    return k >= 0 and span[1] <= segments[k][1]


def positions(text: str, char: str) -> list[int]:
    """Every index of `char` in `text` (str.find runs in C; a regex would build match objects)."""
    out: list[int] = []
    i = text.find(char)
    while i >= 0:
        out.append(i)
        i = text.find(char, i + 1)
    return out


def group_spans(group: Group, text: str, stop: int, lists: Enumerations,
                where: terms.Found | None = None) -> list[tuple[int, int]]:
    """Where the group's terms and regexes hit in `text` before `stop`, minus `not_in`
    contexts and list items (`lists` is the text's `Enumerations`; `where`, where the topic's
    terms occur in it, if known)."""
    # a group of regexes only (other-place) has the never-matching "(?!)" for terms: `re`
    # tries it at every position (~30 µs over 1,500 characters)
    spans = terms.spans(group.pattern, text, stop, lists.lacks, found=where) if group.words else []
    if group.regex is not None and (more := terms.regex_spans(group.regex, text, stop, lists.lacks, where)):
        spans = sorted(spans + more)
    if group.garbled is not None and GARBLED in text:
        spans = _with_garbled(spans, group.garbled, text, stop)
    if group.mojibake is not None and (garbled := terms.spans(group.mojibake, text, stop, lists.lacks, found=where)):
        spans = _merged(spans, garbled)
    if not spans:
        return spans
    if group.latin:
        latin = LATIN_CHARS
        spans = [s for s in spans if not (s[0] and text[s[0]] in latin and text[s[0] - 1] in latin)]
    if (group.not_in is not None or group.contested) and spans:
        spans = _judged(group, text, spans, stop, lists.lacks, where)
    if group.skip_list_items and spans and lists.any:
        spans = [s for s in spans if not (lists.near(*s) and _is_list_item(text, spans, *s, lists))]
    if group.skip_list_items and spans and lists.items:
        spans = _one_item_only(spans, lists.items, text)
    if group.skip_list_items and spans and lists.keywords:
        spans = [s for s in spans if not _in_keywords(s, lists.keywords)]
    if group.skip_list_items and spans and lists.furnished:  # a menu or a topic box (`furniture_end`)
        spans = [s for s in spans if not lists.furniture(*s)]
    if group.skip_list_items and spans and lists.stations:  # a station at one end of a line: "三明北至上海虹桥"
        spans = [s for s in spans if text[s[1] : s[1] + 1] not in _STATION_NEXT or not _route_end(text, *s)]
    if group.pairs and group.skip_list_items and spans:  # a pair named by one term: "shanghai and sanming"
        spans = [s for s in spans if not (text[s[0]] in LATIN_CHARS and text.find(" and ", *s) >= 0
                                          and _pair_listed(text, spans, *s, lists))]
    if group.skip_list_items and spans and lists.english:
        spans = [s for s in spans if not (text[s[0]] in LATIN_CHARS and _in_reach(lists.english, *s)
                                          and _english_item(text, spans, *s))]
    if group.skip_list_items and spans and ("“" in text or '"' in text or "「" in text):
        spans = [s for s in spans if not _quoted_venue(text, *s)]
    return spans


# A place's name inside a shop's, a hotel's or an estate's own name in quotes (三明的“明日上海”餐厅, 永安“上海城”商场, 列东“小上海”美食
# 街, 'a cafe called "Tomorrow Shanghai"'): the name is the venue's, not the place's. Such a name holds more than the place's
# (a word before it inside the quotes, 明日 / 小 / 老, or one character after it, 城 / 滩), and a venue's word follows the
# quotes (的本帮菜餐厅) or "named" goes before them. Not a place quoted as itself (“上海杨浦”与“三明沙县”共建), nor a brand
# of the place (“沙县小吃”: the name opens the quotes, a word after it), nor an account (关注“三明发布”).
_QUOTES = {"“": "”", '"': '"', "「": "」"}
_QUOTED_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,3}|[a-z]+ )\Z")
_QUOTED_AFTER = re.compile(r"[\u4e00-\u9fff]")
_VENUE = re.compile(r"的?[\u4e00-\u9fff]{0,5}?(?:店|馆|餐厅|酒楼|酒家|茶楼|商场|商城|商厦|购物中心|广场|街|夜市|市场|楼盘|小区|花园|公寓"
                    r"|大厦|超市|ktv|影城|影院|会所|浴场|发廊|歌厅|舞厅)"
                    r"| ?(?:cafe|café|restaurant|hotel|mall|bar|store|shop|tea house|karaoke|bakery|estate|apartments)\b")
_NAMED = re.compile(r"(?:名为|名叫|叫做|店名|招牌|called |named )\Z")


def _quoted_venue(text: str, start: int, end: int) -> bool:
    """Is the hit part of a venue's own name in quotes (see `_VENUE`)?"""
    o = max(text.rfind(q, max(0, start - 10), start) for q in _QUOTES)
    if o < 0 or (close := text.find(_QUOTES[text[o]], end, end + 2)) < 0:
        return False
    before, after = text[o + 1 : start], text[end:close]
    if before:  # a word before the name inside the quotes (明日上海, 小上海), nothing after it
        shaped = not after and _QUOTED_BEFORE.fullmatch(before) is not None
    else:  # or one character after it (上海城, 上海滩)
        shaped = bool(after) and _QUOTED_AFTER.fullmatch(after) is not None
    return shaped and bool(_VENUE.match(text, close + 1) or _NAMED.search(text, max(0, o - 8), o))


def _route_end(text: str, start: int, end: int) -> bool:
    """Is the hit a station's name at one end of a line between two stations (`_ROUTE`)? Asked only
    when a station's mark follows the name (`_STATION_NEXT`: 北, 站, 虹桥 …)."""
    if _ROUTE_JOINS.isdisjoint(text[max(0, start - 2) : start]) and _ROUTE_JOINS.isdisjoint(text[end : end + 6]):
        return False  # the joint right before the name, or after its station's mark (三明沙县机场至)
    a, b = max(0, start - _ROUTE_REACH), end + _ROUTE_REACH
    return any(m.start() <= start and end <= m.end() for m in _ROUTE.finditer(text, a, b))


def _pair_listed(text: str, spans: list[tuple[int, int]], start: int, end: int, lists: Enumerations) -> bool:
    """True when a term naming two places joined by "and" ("shanghai and sanming") is two items of a
    longer list of places: "branches in shanghai and sanming and in twelve other cities", "hubs in
    beijing, shanghai and sanming, with …" (its last name an item as `_english_item` judges one,
    and the list ending right after it: "after talks in fuzhou, shanghai and sanming agreed to …" is
    a clause). A list says nothing about ties between its places."""
    if text.startswith((" and ", " or "), end) or _EN_ROUTE.search(text, max(0, start - 60), start):
        return True
    for sep in (", and ", ", or "):
        if text.startswith(sep, end) and text[end + len(sep) : end + len(sep) + 14].split(" ", 1)[0] in _EN_LEADS:
            return True
    if not lists.english or not (end == len(text) or text[end] in _EN_LIST_ENDS
                                 or text[end + 1 : end + 12].split(" ", 1)[0] in _EN_TRAILS):
        return False
    last = text.rfind(" and ", start, end) + 5
    return _in_reach(lists.english, last, end) and _english_item(text, spans, last, end)


def _with_garbled(spans: list[tuple[int, int]], garbled: re.Pattern[str], text: str,
                  stop: int) -> list[tuple[int, int]]:
    """`spans` plus names with one garbled character (三〓市), none overlapping another hit;
    a name inside a run of garbled characters (〓〓市) is too uncertain to count."""
    extra = [m.span() for m in garbled.finditer(text, 0, stop)
             if text[m.start() - 1 : m.start()] != GARBLED and text[m.end() : m.end() + 1] != GARBLED
             and text[m.start() : m.end()].count(GARBLED) == 1]
    return _merged(spans, extra)


def _merged(spans: list[tuple[int, int]], extra: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` plus the `extra` ones that overlap none before them, in text order."""
    merged: list[tuple[int, int]] = []
    for span in sorted(spans + extra):
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged


def _judged(group: Group, text: str, spans: list[tuple[int, int]], stop: int,
            lacks: int, where: terms.Found | None = None) -> list[tuple[int, int]]:
    """`spans` minus hits that do not count (a `not_in` context; a contested term that the likelier
    segmentation does not read as a word); a name starting inside a dropped hit takes its place
    (前来明溪: not 来明, but 明溪)."""
    blocked = _contexts(group.not_in, text, spans[-1][1], lacks, where) if group.not_in is not None else []
    contested = group.contested
    if not blocked and not (contested and any(text[a:b] in contested for a, b in spans)):
        return spans  # the common case: nothing to judge
    kept: list[tuple[int, int]] = []
    elsewhere: set[str] = set()  # names this article also writes as part of another name
    for span in spans:
        found: tuple[int, int] | None = span
        while found is not None and not _counts(group, text, found, blocked):
            if found == span and group.one_sense and _names_else(text, span, blocked, group.one_sense):
                elsewhere.add(text[span[0] : span[1]])
            m = group.pattern.search(text, found[0] + 1, stop)
            found = m.span() if m and m.start() < found[1] else None
        if found is not None and (not kept or found[0] >= kept[-1][1]):
            kept.append(found)
    if elsewhere and all(text[a:b] in elsewhere for a, b in kept):
        return []  # one name, one meaning in an article: 永安 beside 永安百货 is the store's
    return kept


def _counts(group: Group, text: str, span: tuple[int, int], blocked: list[tuple[int, int]]) -> bool:
    """True when a hit stands: a word start for a Latin term, no cancelling context, and for a
    contested term (来明, 在沪) the likelier segmentation around it reads it as a word."""
    start, end = span
    if group.latin and not word_start(text, start):
        return False
    if blocked and _silenced(group, text, span, blocked):
        return False
    return text[start:end] not in group.contested or segment.keeps(text, start, end, group.words)


def _silenced(group: Group, text: str, span: tuple[int, int], blocked: list[tuple[int, int]]) -> bool:
    """True when a `not_in` context around the hit cancels it.

    A context that is another reading of the same characters (三明确: 第三|明确 or 三明|确立)
    cancels the hit only when that reading is the likelier one (segment.keeps); a context
    that simply contains the name (三明治, 永安路, 长沙县) always does.
    """
    start, end = span
    for a, b in _holding(blocked, start, end):
        if not segment.crossing(text[a:b], start - a, end - a):
            return True
        if not segment.keeps(text, start, end, group.words):
            return True
        # the scan's contexts do not overlap: one starting inside this one may hold the hit too and name
        # something else outright (即将乐 is a cut of 即将, 将乐享 is 乐享: "市民即将乐享优惠")
        if group.not_in is not None and _named_after(group.not_in, text, a, start, end):
            return True
    return False


def _named_after(not_in: re.Pattern[str], text: str, a: int, start: int, end: int) -> bool:
    """Is there a `not_in` context starting after `a` (a context the scan found) that holds the hit
    [start, end) and is no other cut of its characters (`segment.crossing`)? Asked only of a hit
    that a crossing context's segmentation kept, so rarely."""
    for p in range(a + 1, start + 1):
        m = not_in.match(text, p)
        if m and m.end() >= end and word_start(text, p) and not segment.crossing(m.group(), start - p, end - p):
            return True
    return False


def _names_else(text: str, span: tuple[int, int], blocked: list[tuple[int, int]], named: frozenset[str]) -> bool:
    """True when a gazetteer context holding the hit (one of `named`) names something else outright
    (永安百货, 韩国大田), not another cut of the same characters (三明确)."""
    start, end = span
    return any(text[a:b] in named and not segment.crossing(text[a:b], start - a, end - a)
               for a, b in _holding(blocked, start, end))


def _holding(blocked: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The contexts of `blocked` (a scan's spans: in text order, none overlapping, so their ends
    rise too) that hold `start`..`end`: found by bisection, not by a walk over all of them, which
    made a page repeating 三明确 quadratic (30,000 characters took 10 s)."""
    held = []
    for i in range(bisect_right(blocked, (start, float("inf"))) - 1, -1, -1):
        a, b = blocked[i]
        if b < end:
            break  # this one and every one before it ends too early
        if a <= start:
            held.append((a, b))
    return held


def _contexts(not_in: re.Pattern[str], text: str, last: int, lacks: int,
              where: terms.Found | None = None) -> list[tuple[int, int]]:
    """The `not_in` contexts that start a word, scanned from the text's start (so the matches
    are the same as a full scan's) but only up to `last` (the last hit's end): a context
    starting after it holds no hit."""
    return [span for span in terms.spans(not_in, text, len(text), lacks, last, where) if word_start(text, span[0])]


def _is_list_item(text: str, spans: list[tuple[int, int]], start: int, end: int, lists: Enumerations) -> bool:
    """True when the hit is one item of an enumeration whose neighbour is not of its group.

    "泉州、三明、南平", "三明等地" and "推进沪明对口合作、闽宁协作" name one place or programme
    among others: no tie. "与三明市沙县区、明溪县结对" enumerates the partner itself: its
    items stay hits.
    """
    left, right = _prev_delimiter(text, start), _next_delimiter(text, end)
    if _acts_together(text, start, end, lists) or _partners(text, start, end, left, right):
        return False
    listed_left = (left >= 0 and text[left] == LIST_MARK and _is_affix(text[left + 1 : start])
                   and not _numbering(text, left))
    same_left = listed_left and _any_within(spans, _prev_delimiter(text, left), left)
    if listed_left and not same_left:
        return True
    if right < len(text) and text[right] == LIST_MARK and (
            _is_affix(text[end:right]) or _possessive_items(text, end, right)):
        after = _next_delimiter(text, right + 1)
        return not _any_within(spans, right, after) and not _own_parts(text, end, right, after)
    etc = _ETC.search(text, end, min(right, end + LIST_AFFIX_MAX + 2))
    return bool(etc and _is_affix(text[end : etc.start()]) and not same_left)


# Bodies, not places: a list of them after 与 / 同 / 和 names the partners the subject meets or signs with
# ("三明市卫健委与广安门医院、岳阳中西医结合医院召开合作座谈会", "三明学院与厦门大学、同济大学签约").
_BODY_WORDS = "(?:医院|大学|学院|集团|公司|研究院|研究所|中学|小学|学校)"
_BODY, _BODY_END = re.compile(_BODY_WORDS), re.compile(_BODY_WORDS + "$")
_PARTNERS_WITH = "与同和"
_PARTNER_ITEM_MAX = 14  # characters of one body's name


def _partners(text: str, start: int, end: int, left: int, right: int) -> bool:
    """True when the hit is in one of two or three bodies (`_BODY`: hospitals, universities, firms) listed right after
    与 / 同 / 和: the subject's partners, each of them, not places in passing (与福州、上海相比 stays a list)."""
    items = 1
    if not (start and text[start - 1] in _PARTNERS_WITH):  # the hit's item is not the first: the items before it
        cur = left
        while True:
            if cur < 0 or text[cur] != LIST_MARK:
                return False  # no 与 before the list's first item
            prev = _prev_delimiter(text, cur)
            item = text[prev + 1 : cur]
            k = max(item.rfind(c) for c in _PARTNERS_WITH)
            item = item[k + 1 :]
            if not (0 < len(item) <= _PARTNER_ITEM_MAX and _BODY_END.search(item)) or items >= _JOINT_ITEMS:
                return False
            items += 1
            if k >= 0:
                break
            cur = prev
    # the hit's own item and those after it, the last running on into the clause (…岳阳中西医结合医院召开座谈会)
    x = start
    while True:
        if not _BODY.search(text, x, min(right, x + _PARTNER_ITEM_MAX + 2)):
            return False
        if right >= len(text) or text[right] != LIST_MARK:
            break
        items += 1
        if items > _JOINT_ITEMS:
            return False
        x, right = right + 1, _next_delimiter(text, right + 1)
    return items > 1 and not _ETC.search(text, x, min(right, x + _PARTNER_ITEM_MAX + 4))


def _own_parts(text: str, end: int, mark: int, after: int) -> bool:
    """True when the name's item and the next are its own parts (瑞金医院内分泌科、消化内科、心内科专家:
    departments of one hospital), not other places: the name's item ends in a word for a unit
    (科, 系 …) and the next item is such a unit, no name before it (骨科专家…, not 北京协和医院心内科)."""
    unit = text[mark - 1] if mark > end else ""
    return unit in _UNITS and text.find(unit, mark + 2, min(after, mark + 2 + _UNIT_ITEM_MAX)) > 0


def _numbering(text: str, mark: int) -> bool:
    """True when the 、 at `mark` numbers an item ("三、上海结对区援建…", "\n12、"), not a list."""
    i = mark
    while i > 0 and mark - i < 3 and text[i - 1] in _NUMERALS:
        i -= 1
    return i < mark and (i == 0 or text[i - 1] in _ITEM_START)


def _possessive_items(text: str, end: int, mark: int) -> bool:
    """True when the name's item and the next are both "place's thing" (`上海市闵行区的家庭医生
    签约服务、浙江省的县域医共体建设`): a list of places' cases, each a longer noun phrase."""
    between = text[end:mark]
    de = between.find("的")
    if de < 0 or not _is_affix(between[:de]) or len(between) - de > _POSSESSIVE_MAX:
        return False
    if any(c in _CONJUNCTIONS for c in between):
        return False
    return "的" in text[mark + 1 : mark + 2 + LIST_AFFIX_MAX + 2]


def _acts_together(text: str, start: int, end: int, lists: Enumerations) -> bool:
    """True when the enumeration holding [start, end), of at most _JOINT_ITEMS items, ends in
    a word of joint action."""
    m = _CLAUSE_END.search(text, end, end + _NEAR)
    first = _LAST_CLAUSE_END.search(text, max(0, start - _CLAUSE_REACH), start)
    lo = first.start() if first else 0
    if (m is None and len(text) > end + _NEAR) or start - lo > _NEAR:
        # a long run without a clause end: positions looked up, not scanned (an endless
        # enumeration 上海、三明、… of 200,000 characters took 34 s, each hit scanning to its end)
        ends, marks = lists.clause_ends, lists.marks
        k = bisect_left(ends, end)
        stop = ends[k] if k < len(ends) else len(text)
        i = bisect_left(marks, stop)
        last = marks[i - 1] if i and marks[i - 1] >= max(start - LIST_AFFIX_MAX - 1, 0) else -1
        items = i - bisect_left(marks, lo)
    else:
        stop = m.start() if m else len(text)
        last = text.rfind(LIST_MARK, max(start - LIST_AFFIX_MAX - 1, 0), stop)
        items = text.count(LIST_MARK, lo, stop) if last >= 0 else 0
    if last < 0 or items >= _JOINT_ITEMS:
        return False
    joint = _JOINT.search(text, last + 1, min(stop, last + 1 + _JOINT_REACH + 2))
    return joint is not None and joint.start() - last > 2  # a name of 2+ characters comes first


# Past this many characters without a clause end, `_acts_together` looks positions up.
_NEAR = 400


def _prev_delimiter(text: str, pos: int) -> int:
    """The last delimiter before `pos` within a clause's reach, else -1."""
    lo = max(0, pos - _CLAUSE_REACH)
    m = _LAST_DELIMITER.search(text, lo, pos)
    return m.start() if m else -1


def _next_delimiter(text: str, pos: int) -> int:
    """The first delimiter at or after `pos`, else len(text)."""
    m = _DELIMITER.search(text, pos)
    return m.start() if m else len(text)


def _any_within(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    """Is some span inside (lo, hi]? `spans` are sorted and do not overlap."""
    k = bisect_right(spans, (lo, 1 << 62))  # the first span starting after lo
    return k < len(spans) and spans[k][1] <= hi


def _is_affix(between: str) -> bool:
    """Text between a name and its 、 that still belongs to the name: short, no conjunction, no
    verb of going (上海专家赴大田、尤溪: Shanghai goes to the listed counties, it is no item of them)."""
    return len(between) <= LIST_AFFIX_MAX and not any(c in _CONJUNCTIONS or c in _GOING for c in between)


def _english_item(text: str, spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when the Latin hit [start, end) is one item of an English enumeration of three or more
    ("in shanghai, xiamen and yong'an", "ganzhou, sanming, shaoguan and baoji") beside an item that
    is not of its group, as `_is_list_item` judges a 、 list: one place among others, no tie.

    An item is a few words: the first one the words after a preposition ("depots in …"), the last
    one the words before the clause ends or a preposition follows ("… and yong'an this quarter").
    Kept: a name owning the list ("shanghai's ruijin, huashan and renji hospitals"), a name described
    ("sanming, fujian province, …"), a list all of one side ("youxi, taining and jiangle"), two or
    three items acting together ("shanghai, sanming and nanping jointly launched"), and clauses joined
    by commas and "and" ("sanming received …, up 44 percent, and shanghai is now …").
    """
    if text[end : end + 2] in ("'s", "’s"):
        return False
    if not (_EN_SEP_AFTER.match(text, end) or _sep_before(text, start)):
        return False  # no separator beside the name: most hits, decided without the clause's parse
    m = _EN_CLAUSE_END.search(text, end, end + _EN_CLAUSE_REACH)
    hi = m.start() if m else min(len(text), end + _EN_CLAUSE_REACH)
    lo = max(0, start - _EN_CLAUSE_REACH)
    for m in _EN_CLAUSE_END.finditer(text, lo, start):
        lo = m.end()
    seps = [(a, b) for a, b in (m.span() for m in _EN_SEP.finditer(text, lo, hi)) if b <= start or a >= end]
    if len(seps) < _EN_MIN_ITEMS - 1:
        return False
    bounds = [lo, *(x for sep in seps for x in sep), hi]
    chunks = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    ands = [text[a:b] != ", " for a, b in seps]  # ands[k]: the separator before chunks[k + 1]
    h = next((k for k, (a, b) in enumerate(chunks) if a <= start and end <= b), None)
    if h is None:
        return False
    said: dict[int, list[str]] = {}

    def words(k: int) -> list[str]:  # a chunk's words, split when first asked for
        w = said.get(k)
        if w is None:
            a, b = chunks[k]
            w = said[k] = text[a:b].split()
        return w

    # the last item: the first chunk from h on that follows "and" / "or", the chunks between
    # short and joined by commas
    j = h
    while not (j > 0 and ands[j - 1]):
        if j + 1 >= len(chunks) or (j > h and len(words(j)) > _EN_ITEM_WORDS):
            return False
        j += 1
    # the first item: back over short chunks joined by commas, to a chunk whose end is an item
    i = j - 1
    while i > h and not ands[i - 1] and len(words(i)) <= _EN_ITEM_WORDS:
        i -= 1
    while i > 0 and i <= h and not ands[i - 1] and len(words(i)) <= _EN_ITEM_WORDS and _tail_item(words(i - 1)):
        i -= 1
    least = _EN_MIN_ITEMS
    for k in range(j, i, -1):  # "supplies from jinshan district, including tents, quilts and water, …":
        if words(k) and words(k)[0] in _EN_LIST_OPENS:  # the list opens at "including", no earlier,
            i, least = k, 2  # and says it is one: "towns in fujian, including taining and wuyishan"
            break
    if not (i <= h <= j) or j - i + 1 < least or not _tail_item(words(i)):
        return False
    if not (_head_item(words(j)) or _object_list(words, i, j)):
        return False
    if any(not words(k) or words(k)[0] in _EN_NOT_ITEM for k in range(i + 1, j + 1)):
        return False  # "qingliu, in turn, supplies …", "qingpu, on shanghai's western edge, and …": phrases
    if h == i and len(text[end : chunks[h][1]].split()) > _EN_LEAD_WORDS:
        return False  # the name is inside the first chunk, not its last item
    if h == i and h < j and words(h + 1) and words(h + 1)[0] in _EN_LOCATORS:
        return False  # "sanming, fujian province, …": the name described, not listed
    if h == j and len(text[chunks[h][0] : start].split()) > _EN_LAST_WORDS:
        return False
    if j - i + 1 <= _EN_MIN_ITEMS and _EN_JOINT.search(text, chunks[j][0], min(chunks[j][1], chunks[j][0] + _EN_JOINT_REACH)):
        return False
    same_left = h > i and _any_within(spans, chunks[h - 1][0] - 1, chunks[h - 1][1])
    same_right = h < j and _any_within(spans, chunks[h + 1][0] - 1, chunks[h + 1][1])
    return (h > i and not same_left) or (h < j and not same_right)


def _tail_item(words: list[str]) -> bool:
    """Can a list's first chunk end in an item? A chunk of two words or fewer is one; a longer
    one ends in one when at most three words follow its last preposition ("depots in xiamen")."""
    if len(words) <= 2:
        return True
    for k in range(len(words) - 1, max(len(words) - 5, -1), -1):
        if words[k] in _EN_LEADS:
            return len(words) - k - 1 <= 3
    return False


def _object_list(words: Callable[[int], list[str]], i: int, j: int) -> bool:
    """Is the list from chunk i to chunk j the object of a preposition, its last item one word before
    the clause's verb ("investors from shanghai, shenzhen and hangzhou signed deals …")? The first
    chunk ends in a preposition and one word, every item between is one or two words of letters, and
    the last chunk opens with one word: a subject's places, not clauses joined by commas ("sanming
    received visitors from shanghai, up 44 percent, and xiamen is now …")."""
    first = words(i)
    if len(first) < 3 or first[-2] not in _EN_LEADS:
        return False
    if any(not (0 < len(words(k)) <= 2) or not all(w.isalpha() for w in words(k)) for k in range(i + 1, j)):
        return False
    last = words(j)
    return bool(last) and last[0].isalpha() and last[0] not in _EN_NOT_ITEM


def _head_item(words: list[str]) -> bool:
    """Can a list's last chunk open with an item? Two words or fewer, or at most three words
    before a preposition or a word of time ("yong'an this quarter"), not a verb ("shanghai is …"),
    or the others that close a list as 等 does ("20 other provinces", "several other cities")."""
    return len(words) <= 2 or any(w in _EN_TRAILS for w in words[1:4]) or any(w in _EN_OTHERS for w in words[:3])


def _sep_before(text: str, start: int) -> bool:
    """Is there a list separator (", ", " and ", " or ") before `start`, with at most two words
    between? (Three `rfind`s over a short reach: a regex anchored at the end tries every position.)"""
    lo = max(0, start - _EN_BEFORE_REACH)
    comma, and_, or_ = text.rfind(", ", lo, start), text.rfind(" and ", lo, start), text.rfind(" or ", lo, start)
    k = max(comma, and_, or_)
    if k < 0:
        return False
    between = text[k + (2 if k == comma else 5 if k == and_ else 4) : start]
    return between.count(" ") <= 2 and not any(c in between for c in ",.;:!?")


def _in_reach(reaches: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) inside one of the ascending, possibly overlapping `reaches`?"""
    k = bisect_right(reaches, (start, 1 << 62)) - 1
    return k >= 0 and any(a <= start and end <= b for a, b in reaches[max(0, k - 2) : k + 1])


def english_lists(text: str) -> list[tuple[int, int]]:
    """`_EN_LIST_CORE.finditer(text)`'s spans in one pass. The pattern alone tries every ", " of a
    run of bits no "and"/"or" closes against every later one (quadratic: a 300 KB run took minutes).
    A try from a ", " covers the tries from every later ", " of its run (their items are its own
    after a few more), so once it fails the search goes on past the run."""
    out: list[tuple[int, int]] = []
    pos = 0
    while (p := text.find(", ", pos)) >= 0:
        m = _EN_LIST_CORE.match(text, p)
        if m is not None:
            out.append((p, m.end()))
            pos = m.end()
            continue
        run = _EN_CHAIN.match(text, p)
        pos = max(p + 1, run.end() - 1) if run is not None else p + 1
    return out
