"""Tests for dates on pages nobody here had tuned on (helper extract-16; see BENCHMARKS.md), each
on a page written here: a byline dated in Chinese numerals with a weekday or a source after it
(`二〇二四年三月五日 星期二`, `二零二四年三月五日 来源：本网`); a forum post's edit note
(`本帖最后由 … 于 2022-11-16 17:19 编辑`) at the top of the post; a period in a labelled field of the
text (`评选时间:2019年2月22日-2019年3月10日`) on a page that states no date.
"""

from __future__ import annotations

from test_extract_dates_e15 import NOW, day, page

from monitor.extract import extract

TEXT = ("<p>青溪县石桥镇今年新修农村公路四十二公里，沿线八个村的茶叶和笋干可以直接装车运往县城的物流中心。</p>"
        "<p>镇里有关负责人介绍，道路通车以后，村民外出办事的时间缩短了一半，合作社的订单也比去年多了三成。</p>"
        "<p>下一步，镇里还将结合人居环境整治，在公路沿线建设三个停车点和两处观景台，方便游客进村。</p>")


def flat(between: str, title: str = "石桥镇农村公路通车", article: str = TEXT) -> str:
    """The byline's element beside the paragraphs in one container, so the body holds its line."""
    return (f"<html><head><title>{title}_青溪新闻网</title></head><body><div class='nav'>首页 | 新闻 | 社会</div>"
            f"<div class='art'><h1>{title}</h1>{between}{article}</div>"
            "<div class='foot'>版权所有 青溪县融媒体中心</div></body></html>")


def test_a_byline_in_chinese_numerals_with_a_weekday_or_source_after_it():
    for shape in (page, flat):
        assert day(shape("<div class='info'>二〇二四年三月五日 星期二</div>")) == "2024-03-05"
        assert day(shape("<div class='info'>二零二四年三月五日 来源：本网</div>")) == "2024-03-05"
        assert day(shape("<div class='info'>二〇一九年十二月二十一日 星期六 作者：李明</div>")) == "2019-12-21"
        assert day(shape("<div class='info'>二○一一年四月八日 浏览次数：120</div>")) == "2011-04-08"
    assert day(page("<div class='info'>二〇二四年三月五日 星期二</div>")) == "2024-03-05"
    assert day(page("<div class='info'>二零二四年三月五日 来源：本网</div>")) == "2024-03-05"
    assert day(page("<div class='info'>二〇一九年十二月二十一日 星期六 作者：李明</div>")) == "2019-12-21"
    assert day(page("<div class='info'>二○一一年四月八日 浏览次数：120</div>")) == "2011-04-08"
    # the bare date and a labelled one were read before and still are
    assert day(page("<div class='info'>二〇二四年三月五日</div>")) == "2024-03-05"
    assert day(page("<div class='info'>发布日期：二〇二四年三月五日</div>")) == "2024-03-05"
    # a date in Chinese numerals opening a sentence of the text is no byline: the URL dates the page
    opening = "<p>二〇二四年三月五日，青溪县召开全县农村公路建设推进会，部署今年的工作。</p>" + TEXT
    assert day(flat("", article=opening), "http://www.example.cn/2024/0307/12.html") == "2024-03-07"
    # the byline line is not kept as text
    article = extract(flat("<div class='info'>二〇二四年三月五日 星期二</div>"), None, now=NOW)
    assert "星期二" not in article.body


def test_a_forum_posts_edit_note_is_no_date_of_the_post():
    post = ("<div class='pi'><a>InvFish</a> <em>发表于 2022-11-14 23:07</em></div>"
            "<div class='t_f'><i class='pstatus'>本帖最后由 InvFish 于 2022-11-16 17:19 编辑</i><br>"
            + TEXT.replace("<p>", "").replace("</p>", "<br><br>") + "</div>")
    assert day(page(post)) == "2022-11-14"
    # the edit note alone (the post's own time left out) does not date the thread either
    bare = post.replace("<em>发表于 2022-11-14 23:07</em>", "")
    assert day(page(bare)) is None
    assert day(page(bare), "http://bbs.example.cn/2022/1114/thread-1.html") == "2022-11-14"


def test_a_period_in_a_labelled_field_of_the_text_is_no_date_of_the_page():
    notice = ("<p>各系、部：学院将开展年度好新闻评选活动，现将相关事项通知如下。</p>"
              "<p>一、评选范围为在学院网站发表的新闻作品，各部门、各系均可参评。</p>"
              "<p>二、评选时间：2019年2月22日-2019年3月10日；网上投票时间：2019年3月11日—2019年3月25日。</p>")
    assert day(page("", title="关于开展年度好新闻评选活动的通知", article=notice)) is None
    for period in ("2019年2月22日至3月10日", "2019-02-22~2019-03-10", "2019年2月22日到2019年3月10日"):
        text = notice.replace("2019年2月22日-2019年3月10日", period)
        assert day(page("", title="关于开展年度好新闻评选活动的通知", article=text)) is None, period
    # a byline's labelled date is still read
    dated = page("<div class='info'>发布时间：2019-02-20</div>", title="关于开展年度好新闻评选活动的通知", article=notice)
    assert day(dated) == "2019-02-20"


def thread(op_tail: str) -> str:
    """A thread whose floors each show their text, then a tail with the floor and its time."""
    replies = "".join(f"<div class='l_post'><div class='author'><a>吧友{i}</a></div><div class='content'>回复楼主：收藏了，谢谢分享</div>"
                      f"<div class='tail'><span>{i + 2}楼</span><span>2019-06-1{i} 1{i}:05</span></div></div>"
                      for i in range(3))
    return ("<html><head><title>石桥镇农村公路通车了_青溪吧</title></head><body><div class='head'>青溪吧</div>"
            "<div class='core_title'><h3>石桥镇农村公路通车了</h3><span>只看楼主 收藏 回复</span></div>"
            "<div class='l_post'><div class='author'><a>石桥老张</a></div>"
            f"<div class='content'>{TEXT}</div><div class='tail'><span>来自Android客户端</span><span>1楼</span>{op_tail}</div></div>"
            f"{replies}</body></html>")


def test_a_replys_time_is_no_date_of_the_thread():
    assert day(thread("<span>2019-06-09 21:30</span>")) == "2019-06-09"
    # the first post's time left out: the replies' times are not its
    assert day(thread("")) is None
    assert day(thread(""), "http://tieba.example.cn/p/2019/0608/123.html") == "2019-06-08"
    for floor in ("沙发", "板凳", "2#"):
        html = thread("").replace("<span>2楼</span>", f"<span>{floor}</span>")
        assert day(html) is None, floor


RELATED = ("<div class='rel'><b>相关新闻：</b><ul><li><a href='/a1'>石桥镇茶叶合作社扩大规模</a> <span>2011-02-06 10:05</span></li>"
           "<li><a href='/a2'>青溪县召开农村公路建设推进会</a> <span>2011-02-04 11:05</span></li>"
           "<li><a href='/a3'>县物流中心投入使用</a> <span>2011-02-02 12:05</span></li></ul></div>\n")


def test_an_authors_name_between_a_related_list_and_the_byline():
    # extract-15's left class: the name stood between the list's last time and the byline's date
    assert day(page(RELATED + "<div class='by'><a>瑾沫流年</a> 2011年02月07日 09:37:22 只看楼主</div>")) == "2011-02-07"
    assert day(page(RELATED + "<div class='by'>石桥老张 2011-02-07 10:21 来源：青溪新闻网</div>")) == "2011-02-07"
    # a short item title under the list, with nothing of a byline after its date, dates nothing
    assert day(page(RELATED.replace("</ul>", "<li><a href='/a4'>县里开会</a> <span>2011-02-01 09:05</span></li></ul>"))) is None


BOOK = ("<p>本书以一个山区小镇修路的十年为线索，讲述了村民、干部和返乡青年在交通改善以后的生活变化，书中收录了大量实地采访的资料。</p>"
        "<p>作者多年从事农村调查，文字朴实，既有数据，也有故事，适合关心乡村发展的读者阅读。</p>")


def book(info: str, url: str | None = None) -> str | None:
    return day("<html><head><title>山路十年_图书频道</title></head><body><div class='nav'>首页 &gt; 图书 &gt; 社科</div>"
               f"<div class='book'><h1>山路十年</h1><div class='info'>{info}</div><h3>内容简介</h3>{BOOK}</div>"
               "<div class='ft'>版权所有</div></body></html>", url)


def test_a_books_publication_date_in_its_record_is_no_date_of_the_page():
    assert book("作者：李明 出版社：青溪人民出版社 出版时间：2009-2-1 ISBN：9787000000000 定价：28.00元") is None
    assert book("<ul><li>作者：李明</li><li>出版社：青溪人民出版社</li><li>出版日期：2009-02-01</li>"
                "<li>ISBN：9787000000000</li></ul>") is None
    # the page's own date beside the record, and the URL's, still count
    assert book("上架时间：2019-05-06 10:21 作者：李明 出版社：青溪人民出版社 出版时间：2009-2-1 ISBN：9787000000000") == "2019-05-06"
    assert book("作者：李明 出版社：青溪人民出版社 出版时间：2009-2-1", "http://book.example.cn/2019/0506/1.html") == "2019-05-06"
    # an e-paper's 出版日期 is its date
    assert book("出版日期：2019年3月5日 第A03版：要闻") == "2019-03-05"


def test_a_date_under_a_body_that_ends_with_a_short_line():
    # the text's last line is a name of two characters: the lines under it were not read
    under = (f"<html><head><title>石桥镇农村公路通车_青溪新闻网</title></head><body><div class='art'><h1>石桥镇农村公路通车</h1>"
             f"<div class='story'>{TEXT}<p>刘庆</p></div><div class='date'>【发布日期：2014-06-06】</div></div>"
             "<div class='foot'>版权所有</div></body></html>")
    assert day(under, "http://www.example.cn/html/2014/0610/123.html") == "2014-06-06"
    assert day(under.replace("【发布日期：2014-06-06】", "二〇一四年六月六日")) == "2014-06-06"


def test_a_date_then_its_time_after_a_dash_is_no_period():
    # the nearest date under a body, written `2019-03-05 - 10:21`: the time after a dash is no period's end
    under = (f"<html><head><title>石桥镇农村公路通车_青溪新闻网</title></head><body><div class='art'><h1>石桥镇农村公路通车</h1>"
             f"<div class='story'>{TEXT}</div><div class='share'>分享到：微信 微博 QQ空间 豆瓣 人人网 打印本页 关闭窗口 返回顶部</div>"
             "<div class='by'>青溪新闻网 2019-03-05 - 10:21 阅读 120</div></div>"
             "<div class='foot'>版权所有</div></body></html>")
    assert day(under) == "2019-03-05"
    assert day(under.replace("2019-03-05 - 10:21", "第12期 - 2019-03-05")) == "2019-03-05"
