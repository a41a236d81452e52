"""Tests for dates a real set of 62 Chinese pages (helper extract-10; see BENCHMARKS.md) read wrongly
or not at all, each class on a page written here: a notice signed in its text days before the
portal posted it (the posting date under the text, `生成日期:` or a dated byline line); Taiwan's
numeric date after `日期:` with an ASCII colon (`日期:108-01-04`); an e-paper article's header that
gives only month and day (`日期:08-29`), its year taken from the page's other dates.
"""

from __future__ import annotations

from datetime import datetime, timezone

from datekit import day

from monitor.extract import dates, extract

NOW = datetime(2026, 12, 4, 10, tzinfo=timezone.utc)


NOTICE = ("<p>各镇人民政府，县直各单位：</p>"
          "<p>《青溪县河道保洁管理办法》已经县政府常务会议研究通过，现印发给你们，请认真抓好落实。</p>"
          "<p>{signature}</p>"
          "<p>第一条 为加强河道保洁管理，改善水环境质量，结合本县实际，制定本办法。</p>"
          "<p>第二条 本办法适用于本县行政区域内河道的日常保洁和监督管理工作。</p>")


def notice_page(signature: str, under: str) -> str:
    """A county notice: the text (with its signature line), then the portal's posting line, then a
    column of the latest items with their dates."""
    latest = "".join(f"<li><a href='/n{i}.html'>全县春季造林工作推进会召开</a><span>2019年02月0{i}日</span></li>"
                     for i in range(1, 5))
    return ("<html><head><title>青溪县人民政府关于印发河道保洁管理办法的通知</title></head><body>"
            "<div class='head'>青溪县人民政府</div><div class='main'>"
            "<h2>青溪县人民政府关于印发河道保洁管理办法的通知</h2>"
            f"<div class='txt'>{NOTICE.format(signature=signature)}</div>"
            f"<div class='meta'>{under}</div><div class='latest'><h3>最新动态</h3><ul>{latest}</ul></div>"
            "</div></body></html>")


def test_a_posting_date_under_the_text_beats_the_signature_inside_it():
    for under in ("生成日期: 2019-01-23&nbsp;&nbsp;来源：县政府办公室", "2019-01-23&nbsp;&nbsp;来源：县政府办公室",
                  "发布时间：2019-01-23 10:05"):
        article = extract(notice_page("青溪县人民政府 2019年1月17日", under), now=NOW)
        assert day(article) == "2019-01-23", under


def test_the_signature_still_dates_a_notice_with_nothing_under_it():
    article = extract(notice_page("青溪县人民政府 2019年1月17日", "打印本页 关闭窗口"), now=NOW)
    assert day(article) == "2019-01-17"


def test_a_byline_line_inside_the_text_is_kept_over_a_date_under_it():
    # A dated byline with its source (not a signature) stays the page's date.
    article = extract(notice_page("2019年1月17日 来源：青溪县水利局", "发布时间：2019-01-23 10:05"), now=NOW)
    assert day(article) == "2019-01-17"


def test_a_sentence_opening_with_a_date_under_the_text_is_no_posting_date():
    article = extract(notice_page("青溪县人民政府 2019年1月17日", "2019年1月23日，县里召开了会议。"), now=NOW)
    assert day(article) == "2019-01-17"


def test_a_page_generation_clock_is_no_generation_date_label():
    article = extract(notice_page("青溪县人民政府 2019年1月17日", "页面生成时间：2026-12-04 09:00:00"), now=NOW)
    assert day(article) == "2019-01-17"


def taiwan_page(byline: str) -> str:
    """An Executive Yuan style press page: the headline, a date and source line, the text."""
    return ("<html><head><title>院長關切離島防疫工作-行政院</title></head><body><div class='nav'>首頁 本院新聞 即時新聞澄清</div>"
            "<h2>院長關切離島防疫工作</h2>"
            f"<div class='date'>{byline}</div>"
            "<div class='cp'><p>行政院發言人今日表示，院長原訂今明二天赴離島視察防疫情形，但因天候不佳、"
            "機場無法起降，最終未能成行。</p><p>院長已致電縣長，提醒縣政府注意海漂物並做好防疫整備，"
            "中央也將派員前往督導。</p></div></body></html>")


def test_a_taiwan_numeric_date_after_an_ascii_colon_is_read():
    for byline in ("日期:108-01-04 資料來源:新聞傳播處", "日期：108-01-04 資料來源：新聞傳播處", "發布日期:108/01/04"):
        assert day(extract(taiwan_page(byline), now=NOW)) == "2019-01-04", byline


def test_a_time_before_a_taiwan_like_number_makes_no_date():
    assert dates.roc_numeric_date("更新於 10:108-01-04", NOW) is None
    assert dates.roc_numeric_date("日期:108-01-04", NOW) is not None


def epaper_page(header: str) -> str:
    """An e-paper reader's article page: the reader's own date line, the headline, a header that
    gives the article's month and day, the text, the day's other articles."""
    others = "".join(f"<li><a href='/a{i}.html'>全市重点项目建设推进</a> 2025-08-2{i}</li>" for i in range(6, 9))
    return ("<html><head><title>汇聚青春力量 共话家乡发展</title></head><body>"
            "<div class='bar'>电子报阅读机 2025-10-13 星期一 当前报纸名称：青溪日报</div>"
            "<h1>汇聚青春力量 共话家乡发展</h1>"
            f"<div class='info'>{header}</div>"
            "<div class='text'><p>本报讯 近日，永和镇举办座谈会，辖区大学生代表齐聚一堂，共话家乡发展。</p>"
            "<p>大学生代表结合自身经历，畅谈家乡在经济、民生、治理等领域的变化，并围绕公共交通、"
            "乡村振兴等议题建言献策。</p></div>"
            f"<div class='others'><h3>本版其他文章</h3><ul>{others}</ul></div></body></html>")


def test_an_epaper_header_with_month_and_day_takes_the_year_of_the_page():
    for header in ("日期:08-29 字号: 版面:第02版:新闻·综合", "时间：8月29日 第02版"):
        assert day(extract(epaper_page(header), now=NOW)) == "2025-08-29", header


def test_a_month_and_day_without_a_label_stays_undated():
    assert day(extract(epaper_page("08-29 第02版"), now=NOW)) != "2025-08-29"


def share_page(info: str) -> str:
    """A news app's share page: the headline, an author box whose date ran into its view count."""
    return ("<html><head><title>长白社区楼道擂台赛举行</title></head><body><div class='app'>打开APP 阅读体验更佳</div>"
            "<h1>长白社区楼道擂台赛举行</h1>"
            f"<div class='info'>{info}</div>"
            "<div class='content'><p>生活好不好，先看楼道美不美。近年来，街道以楼道为纽带，广泛动员各方力量参与楼道文化建设。</p>"
            "<p>昨天下午，几幢最具代表性的居民楼代表在擂台赛总决赛中一一亮相，展示各自的楼道特色和睦邻生活。</p>"
            "</div></body></html>")


def test_a_byline_date_run_into_its_view_count_is_read():
    url = "https://example.cn/2024/1230/c965a61278/page.html"  # the reprint's own day, later
    for info in ("<span>2024-10-18</span><span>10</span><span>编辑:董真</span>", "2024-10-1810编辑:董真摄影:"):
        assert day(extract(share_page(info), url, now=NOW)) == "2024-10-18", info


def test_a_long_number_after_a_date_like_prefix_is_no_date():
    assert dates.glued_date("编号 2024-10-181234567 号", NOW) is None
    assert dates.glued_date("2024-10-18", NOW) is None  # a plain date is another step's
