"""Tests for bodies on pages nobody here had tuned on (helper extract-20; see BENCHMARKS.md), each on a
page written here: a byline line inside the article's container that a date form or a long field
list hid from the byline reading (`2021 01/26 08:52 · 来源 · …`, `文档序号:… 发布日期:… 浏览:25次`).
"""

from __future__ import annotations

from test_extract_dates_e15 import NOW, day

from monitor.extract import extract

TITLE = "柳溪镇新建十座村级驿站"
TEXT = ("<p>柳溪镇今年在十个行政村建起了村级驿站，快递、农资和日用品可以在村口直接收发。</p>"
        "<p>镇里有关负责人介绍，驿站由村集体提供场地，邮政和快递企业负责设备与培训，村民取件不再需要跑到镇上。</p>")


def post(info: str) -> str:  # the headline, its byline and the text in one container
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><div class='nav'>首页 | 本地</div>"
            f"<div class='post_main'><h1>{TITLE}</h1><div class='post_info'>{info} <a>举报</a></div>"
            f"<div class='post_body'>{TEXT}</div></div><div class='footer'>备案号：000000号</div></body></html>")


def test_a_byline_line_in_the_articles_container_is_lifted_out_of_the_text():
    for info, when in (("2021 01/26 08:52 · 来源 · 青岛晚报 · 责编 · 光影", "2021-01-26"),
                       ("文档序号:1889937 发布日期:2021-11-26 浏览:25次 &gt;En&lt; 文史漫谈", "2021-11-26"),
                       ("专利号:1889937 发表时间:2021-11-26 阅读:25次 文史漫谈", "2021-11-26")):
        html = post(info)
        body = extract(html, None, now=NOW).body
        assert body.startswith("柳溪镇今年") and "举报" not in body, info
        assert day(html) == when, info


def page(before: str = "", after: str = "") -> str:
    lines = lambda xs: "".join(f"<p>{x}</p>" for x in xs)  # noqa: E731
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><div class='nav'>首页 | 本地</div>"
            f"<h1>{TITLE}</h1><div class='info'>2019-06-10 10:21 来源：本站</div>"
            f"<div class='content'>{lines(before)}{TEXT}{lines(after)}</div><div class='footer'>备案号：000000号</div></body></html>")


def kept(before: list[str] = [], after: list[str] = []) -> list[str]:  # noqa: B006
    body = extract(page(before, after), None, now=NOW).body.split("\n\n")
    assert body[-1].startswith("镇里有关负责人") or after, body
    return [line for line in body if not line.startswith(("柳溪镇今年", "镇里有关负责人"))]


def test_a_credit_naming_the_desk_and_the_roles_in_brackets_is_no_text():
    for line in ("(党委宣传部 文/孙婷艳 图/郭忠利)", "(宣传部 袁凤友/文 杨守勇/图 新闻中心编审)",
                 "（新闻中心 文/李明）", "(新聞主編:張艷梅)", "（责任编辑：王海）"):
        assert kept(after=[line]) == [], line
    # a sentence in brackets stays
    assert kept(after=["(宣传部今年还将组织文/图采编培训，欢迎报名。)"]) != []


def test_a_forums_sign_up_prompts_and_a_sites_licences_are_no_text():
    for line in ("马上注册,结交更多好友,享用更多功能。", "您需要 登录 才可以下载或查看,没有帐号?注册",
                 "馬上註冊，結交更多好友，享用更多功能。",
                 "增值电信业务经营许可证:皖B2-20080023 信息网络传播视听节目许可证:-2010年度全省广告发布诚信单位",
                 "互聯網新聞信息許可證:61120180013", "互联网新闻信息服务许可证：11120180001"):
        assert kept(before=[line]) == [], line
        assert kept(after=[line]) == [], line


def test_prompts_to_read_on_a_phone_and_comment_widgets_are_no_text():
    for line in ("信網手機版移動繼續看新聞", "掃描到手機", "用手機或平板電腦的二維碼應用拍下左側二維碼,可以在手機繼續閱讀。",
                 "用手机或平板电脑的二维码应用拍下左侧二维码，可以在手机继续阅读。", "我来说两句排行榜", "匿名发表 隐藏IP地址"):
        assert kept(after=[line]) == [], line


def test_a_document_number_in_brackets_and_a_taiwan_reporters_credit_are_no_text():
    for line in ("(皖政[2001]85號)", "（明政办〔2024〕12号）", "特派記者賴錦宏/北京報導聯合報", "記者王小明／台北報導",
                 "记者 李明/北京报道"):
        assert kept(before=[line]) == [], line
    # a sentence naming a document stays
    assert kept(after=["根据《通知》(皖政[2001]85號)要求，镇里将逐村落实。"]) != []


def test_a_caption_closing_with_its_pictures_credit_and_a_desks_credit_are_no_text():
    for line in ("周家村村民领取折叠床。图:澎湃人物", "救援队员在安置点搭建帐篷。圖／中央社", "出品:澎湃人物", "出品：新闻中心"):
        assert kept(after=[line]) == [], line
    # a sentence naming a picture stays
    assert kept(after=["展览共展出老照片两百余幅，每一张图都有故事。"]) != []
