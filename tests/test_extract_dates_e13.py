"""Tests for dates on the outlets a Shanghai-Sanming monitor polls (helper extract-13; see
BENCHMARKS.md), each on a page written here: a mirror's own posting time beside the wire dateline
that opens the copied story; a diary's entry (`2018年5月10日 天气多云 星期四`) opening a wire story
under a metadata table's `发布日期`; a law's adoption note (`（2010年6月22日…会议通过）`) opening a
repost whose own time stands in the table above the headline.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract
from monitor.extract.dates import SHANGHAI

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ("<p>青溪县沙溪乡举办农民丰收节，来自全县的二十多家合作社带来了茶叶、笋干和菌菇等特色农产品。</p>"
        "<p>乡里有关负责人介绍，今年全乡茶园面积达到一万二千亩，带动五百多户茶农增收，户均增收三千余元。</p>")


def day(html: str, url: str | None = None) -> str | None:
    published = extract(html, url, now=NOW).published
    return published.astimezone(SHANGHAI).date().isoformat() if published else None


def byline_page(byline: str, article: str, title: str = "沪明合作再结硕果") -> str:
    return (f"<html><head><title>{title}</title></head><body><div class='hd'>资讯频道</div>"
            f"<h1>{title}</h1><div class='info'>{byline}</div><div class='content'>{article}</div>"
            "<div class='ft'>本站部分内容来自互联网</div></body></html>")


def table_page(rows: list[tuple[str, str]], title: str, article: str) -> str:
    cells = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return (f"<html><head><title>{title}_青溪县人民政府</title></head><body><div class='top'>青溪县人民政府</div>"
            f"<table class='meta'>{cells}</table><h1>{title}</h1><div class='article'>{article}</div>"
            "<div class='foot'>青溪县人民政府办公室</div></body></html>")


def test_a_mirrors_posting_time_gives_way_to_the_dateline_it_copied():
    wire = "<p>中新网三明11月9日电 (记者 林青)沪明两地联袂打造的原创音乐剧近日在上海演出，引发观众共鸣。</p>" + TEXT
    assert day(byline_page("发布时间:2024-11-28 04:52:45 来源: sp20241128", wire)) == "2024-11-09"
    # the paper's own page a day later keeps its time; so does a page whose text quotes a dateline further in
    assert day(byline_page("2024-11-10 09:12 来源：中国新闻网", wire)) == "2024-11-10"
    quoted = TEXT + "<p>据中新网三明11月9日电，沪明两地联袂打造的原创音乐剧近日在上海演出。</p>"
    assert day(byline_page("发布时间:2024-11-28 04:52:45", quoted)) == "2024-11-28"
    december = "<p>新华社福州12月28日电 (记者 林青)青溪县茶叶出口再创新高。</p>" + TEXT
    assert day(byline_page("发布时间:2025-01-08 10:00", december)) == "2024-12-28"
    too_old = "<p>新华社福州3月2日电 (记者 林青)青溪县茶叶出口再创新高。</p>" + TEXT
    assert day(byline_page("发布时间:2024-11-28 10:00", too_old)) == "2024-11-28"


def test_a_diary_entry_opening_a_wire_story_is_no_byline():
    article = "<p>新华社福州6月12日电 题：我帮茶农采春茶</p><p>2018年5月10日 天气多云 星期四</p>" + TEXT
    html = table_page([("索引号：", "113507-2018-001"), ("发布日期：", "2018-06-12")], "驻村日记：我帮茶农采春茶", article)
    article_out = extract(html, None, now=NOW)
    assert day(html) == "2018-06-12"
    assert "天气多云" in article_out.body  # the entry's date line is the diary's text


def test_a_laws_adoption_note_does_not_date_its_repost():
    article = ("<p>（2010年6月22日青溪县第十五届人民代表大会常务委员会第三次会议通过）</p>"
               "<p>第一条 为了保护茶园生态，促进茶产业发展，根据有关法律法规，结合本县实际，制定本条例。</p>"
               "<p>第二条 本县行政区域内茶园的保护、利用和管理，适用本条例。</p>")
    html = table_page([("时间：", "2024-07-08"), ("来源：", "青溪法规网")], "青溪县茶园保护条例", article)
    assert day(html) == "2024-07-08"
    fields = "<p>颁布日期:2010-6-22</p>"
    body = extract(table_page([], "青溪县茶园保护条例", article.replace("</p>", "</p>" + fields, 1)), None, now=NOW).body
    assert body.startswith("（2010年6月22日")  # the note above a law database's fields stays text


def test_a_papers_yearless_dateline_dates_a_page_stating_no_other_date():
    opening = "<p>青溪新闻网1月20日讯(通讯员 林青)大寒至，青溪县沙溪乡文化广场热闹非凡，文化科技卫生“三下乡”活动在此启幕。</p>"
    assert day(byline_page("", opening + TEXT, "服务送下乡 惠民暖人心")) == "2026-01-20"
    copied = "<p>青溪新闻网11月9日讯(通讯员 林青)沪明两地联袂打造的原创音乐剧近日在上海演出，引发观众共鸣。</p>" + TEXT
    assert day(byline_page("发布时间:2024-11-28 04:52:45 来源: sp20241128", copied)) == "2024-11-09"
    assert day(byline_page("2024-11-10 09:12 来源：青溪新闻网", copied)) == "2024-11-10"
