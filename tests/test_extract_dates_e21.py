"""Tests for dates on pages nobody here had tuned on (helper extract-21; see BENCHMARKS.md), each on
a page written here: a forum thread whose later floors carry their own `发表于` times under the first
post, a notice whose only dates are deadlines and start days in its text, and a byline that a script
writes into the page's date element.
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TITLE = "东岭村修通了进山的机耕路"
POST = ("<p>东岭村这个月修通了一条进山的机耕路，村民上山收茶叶再也不用肩挑背扛。</p>"
        "<p>村支书说，路是村民投工投劳修起来的，镇里补助了一部分水泥和石料。</p>"
        "<p>茶农老周算了一笔账，今年春茶运下山的工钱能省下一半。</p>")


def thread(first: str = "", reply: str = "2026-11-21 08:16:42", edit: str = "") -> str:
    """A Discuz!-like thread: the poster's profile, the first post's header (`first`), its text, two
    replies under it with their own times, the server's clock in the footer."""
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            "<div id='pt'><a>论坛</a> <em>›</em> <a>乡村生活</a> <em>›</em> 查看内容</div>"
            f"<div class='hm'>查看: 812|回复: 2</div><h1 class='ts'><span>{TITLE}</span></h1>"
            "<table id='pid1'><tr><td class='pls'><div class='authi'>山里人家</div><dl><dt>注册时间</dt>"
            "<dd>2017-3-2</dd><dt>最后登录</dt><dd>2026-12-3</dd></dl></td><td class='plc'><div class='authi'>"
            f"<em>{first}</em> | <a>只看该作者</a> | <a>显示全部楼层</a></div><div class='t_f'>{edit}{POST}</div>"
            "<div class='sign'>签名：种好一亩茶</div></td></tr></table>"
            f"<table id='pid2'><tr><td class='pls'>过路客</td><td class='plc'><div class='authi'><em>发表于 {reply}</em>"
            "</div><div class='t_f'>这条路修得好，支持。</div></td></tr></table>"
            "<table id='pid3'><tr><td class='pls'>老茶农</td><td class='plc'><div class='authi'><em>发表于 2026-12-3 21:03</em>"
            "</div><div class='t_f'>我们村也想修一条。</div></td></tr></table>"
            "<div id='ft'>Powered by Discuz! X3.4<p>GMT+8, 2026-12-4 18:00 , Processed in 0.05 second(s).</p></div></body></html>")


def test_a_threads_later_floors_date_no_first_post():
    # the first post's own header, as before
    assert day(thread("发表于 2022-2-8 10:21:35")) == "2022-02-08"
    # a mirror dropped the first post's time: its URL dates it, not the first reply's `发表于`
    assert day(thread(reply="2022-2-9 08:16:42"), "http://bbs.example.cn/2022/0208/1.html") == "2022-02-08"
    # nothing dates the first post: neither a reply's time nor the footer's server clock does
    assert day(thread()) is None
    # an edit note two days later in the post (`本帖最后由 … 于 … 编辑`) stays no publication
    edit = "<i class='pstatus'>本帖最后由 山里人家 于 2022-2-10 14:16 编辑</i><br>"
    assert day(thread(reply="2022-2-9 08:16:42", edit=edit), "http://bbs.example.cn/2022/0208/1.html") == "2022-02-08"
    assert day(thread("发表于 2022-2-8 10:21:35", reply="2022-2-9 08:16:42", edit=edit)) == "2022-02-08"


def test_a_blogs_byline_under_its_text_is_still_read():
    # a post's own `发表于` under its text, on a page that is no thread (no post tools over it)
    blog = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div class='post'>{POST}</div>"
            "<div class='meta'>山里人家 发表于 2022-2-8 10:21 | 阅读 35 | 评论 2</div></body></html>")
    assert day(blog) == "2022-02-08"


NOTICE = ("<html><head><title>关于做好春季用工保障的通知</title></head><body><h1>关于做好春季用工保障的通知</h1>"
          "<div class='content'><p>各镇人民政府，市直各单位：</p>"
          "<p>为稳定春季用工，现将有关事项通知如下。</p>{}<p>请各单位结合实际认真抓好落实。</p></div></body></html>")


def test_deadlines_and_start_days_in_a_notice_date_no_page():
    for clause in ("<p>1.阶段性降低工伤保险费率政策，实施期限至2021年12月31日。</p>",
                   "<p>2.参加招聘的企业须在2023年2月15日(T-5日)12:00前完成登记。</p>",
                   "<p>3.本办法自2020年1月12日起施行，有效期三年。</p>",
                   "<p>4.报名截至2024年3月1日，逾期不再受理。</p>"):
        assert day(NOTICE.format(clause)) is None, clause
        assert day(NOTICE.format(clause), "http://www.example.gov.cn/2019/0610/1.html") == "2019-06-10", clause


def test_a_byline_a_script_writes_into_the_date_element():
    for write in ('document.write(fmtDate("2023-05-09 10:21:00"));', "document.write('2023-05-09');"):
        page = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
                f"<div class='info'><span class='date'><script>{write}</script></span> 来源：本站</div>"
                f"<div class='content'>{POST}</div></body></html>")
        assert day(page) == "2023-05-09", write
    # a script elsewhere writing a date (a footer's year, a clock) is not read so
    other = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1><div class='content'>{POST}</div>"
             "<div class='foot'><script>document.write('2026-12-04');</script></div></body></html>")
    assert day(other) is None


def test_a_yearless_dateline_whose_sentence_dates_the_days_before_it():
    # the dateline's sentence gives the year of the holiday that ended the day before the dispatch
    text = ("<p>新华网杭州5月6日电 据省文化和旅游厅统计，2023年“五一”假期五天（4月29日至5月3日），全省接待游客"
            "两千余万人次，同比增长近一倍。</p><p>各地景区客流平稳，未发生安全事故。</p>")
    page = f"<html><head><title>五一假期接待游客两千万人次</title></head><body><h1>五一假期接待游客两千万人次</h1>{text}</body></html>"
    assert day(page) == "2023-05-06"
    # a holiday ending in December before a January dispatch: the dispatch is in the next year
    text = text.replace("5月6日电", "1月4日电").replace("2023年“五一”假期五天（4月29日至5月3日）", "2023年元旦假期三天（12月31日至1月2日）")
    assert day(page.replace(page[page.index("<p>"):page.index("</body>")], text)) == "2024-01-04"
    # a year the sentence names for a month far from the dispatch's stays no year of it
    other = page.replace("2023年“五一”假期五天（4月29日至5月3日）", "2023年1月至3月")
    assert day(other) == "2026-05-06"


def test_a_thread_writing_each_floors_time_under_its_text():
    # a Tieba-like thread: the first floor's tail (`1楼`, its time) under its text, the replies' under theirs
    floors = "".join(f"<div class='l_post'><div class='d_post_content'>回复楼主：收藏了</div><div class='tail'>"
                     f"<span>{n}楼</span><span>发表于 2022-2-{8 + n} 13:0{n}</span></div></div>" for n in (2, 3))
    page = (f"<html><head><title>{TITLE}</title></head><body><div class='core_title'><h3>{TITLE}</h3>"
            "<span>只看楼主 收藏 回复</span></div><div class='l_post'><div class='d_post_content'>"
            f"{POST}</div><div class='tail'><span>来自Android客户端</span><span>1楼</span>"
            f"<span>发表于 2022-2-8 10:21:35</span></div></div>{floors}</body></html>")
    assert day(page) == "2022-02-08"
    assert day(page.replace("<span>发表于 2022-2-8 10:21:35</span>", "")) is None
