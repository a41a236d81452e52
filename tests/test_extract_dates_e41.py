"""Tests for dates on CleanEval-era Chinese pages (helper extract-41; see BENCHMARKS.md), each on a page written here:
a 2005 personal blog whose side column (a calendar, its latest posts or latest comments, each with its day) stands
before the post, whose own time is in its footer under the text (`发表于 2005-9-17 11:46:00`). Read wrong before:
with a line before the <html> tag (an archive's `<text id=… title=…>` header, a server's PHP warning), which made the
parser read the head into the body, the side column's day; and a single latest comment's day between a headline
printed at the top of the page and the post.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import SHANGHAI_TZ, extract

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=timezone.utc)
URL = "http://blog.example.com/more.asp?name=hiker&id=20417"
HEAD = "周末去西山看红叶"
TEXT = ["周六一早我们五个人从公司门口出发，坐公交到了西山脚下，山上的黄栌已经红了一大半，游人比想象的还要多。",
        "沿着石阶往上走了两个钟头，中途在半山亭歇脚，带去的橘子和面包很快就分完了，大家都说下次要多带些水。",
        "傍晚下山的时候夕阳正好照在对面的山坡上，一片通红，我拍了几十张照片，回来挑了几张放在下面。"]
FOOTER = "发表于 2005-9-17 11:46:00 | 阅读全文(215) | 回复(2) | 引用(0)"
LATEST_POSTS = "<b>最新日志</b><br><a>去年冬天的第一场雪</a> 2006-12-12<br>"
LATEST_COMMENT = "<b>最新评论</b><br><a>照片真好看</a> 2006-12-12<br>"
ARCHIVE_HEADER = f'<text id="{URL}" title="山野小径的blog" encoding="gb2312">\n'
PHP_WARNING = ("<br />\n<b>Warning</b>:  session_start(): Cannot send session cookie - headers already sent in "
               "<b>/home/www/blog/more.php</b> on line <b>3</b><br />\n")


def page(side: str, footer: str = FOOTER, headline_on_top: bool = False) -> str:
    days = "".join(f"<td>{d}</td>" for d in range(1, 29))
    title = f"{HEAD}-山野小径的blog" if headline_on_top else "山野小径的blog"
    return (f"<html><head><title>{title}</title></head><body>{f'<h1>{HEAD}</h1>' if headline_on_top else ''}"
            f"<table><tr><td width='180' valign='top'><table><tr><td>&laquo; December 2006 &raquo;</td></tr>"
            f"<tr>{days}</tr></table>{side}</td><td valign='top'>"
            f"{'' if headline_on_top else f'<div class=title>{HEAD}</div>'}<div class='content'>{'<br>'.join(TEXT)}</div>"
            f"<div class='foot'>{footer}</div></td></tr></table></body></html>")


def day(html: str) -> str | None:
    found = extract(html, URL, now=NOW, fetched_at=NOW).published
    return found.astimezone(SHANGHAI_TZ).date().isoformat() if found else None


def test_a_line_before_the_html_tag_leaves_the_side_columns_day_unread():
    for before in (ARCHIVE_HEADER, PHP_WARNING):
        assert day(before + page(LATEST_POSTS)) == "2005-09-17", before[:20]
        assert day(before + page(LATEST_COMMENT)) == "2005-09-17", before[:20]
    assert day(page(LATEST_POSTS)) == "2005-09-17"  # guard: the page without the line, read so before


def test_a_single_latest_comments_day_between_the_headline_and_the_post_dates_no_post():
    assert day(page(LATEST_COMMENT, headline_on_top=True)) == "2005-09-17"
    assert day(ARCHIVE_HEADER + page(LATEST_COMMENT, headline_on_top=True)) == "2005-09-17"
    assert day(page(LATEST_COMMENT, footer="阅读全文(215) | 回复(2)", headline_on_top=True)) is None
