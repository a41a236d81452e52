"""digest.py: highlighting, grouping, the three renderings, subject lines and webhook payloads."""

from __future__ import annotations

import ast
import dataclasses
import json
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import TOPICS, make_story

from monitor import digest as dg
from monitor.models import Digest

UTC = timezone.utc


# ---------------------------------------------------------------- highlight

@pytest.mark.parametrize("fmt, expected", [
    ("text", "上海市与【三明】市深化【对口合作】"),
    ("markdown", "上海市与**三明**市深化**对口合作**"),
    ("html", "上海市与<mark>三明</mark>市深化<mark>对口合作</mark>"),
    ("email", '上海市与<span style="background-color:#fff3a0">三明</span>市深化'
              '<span style="background-color:#fff3a0">对口合作</span>'),
    ("slack", "上海市与*三明*市深化*对口合作*"),
])
def test_highlight_marks_each_term_in_each_format(fmt: str, expected: str) -> None:
    assert dg.highlight("上海市与三明市深化对口合作", ["三明", "对口合作"], fmt) == expected


def test_highlight_is_case_insensitive_and_keeps_original_case() -> None:
    assert dg.highlight("Sanming and SANMING", ["sanming"], "text") == "【Sanming】 and 【SANMING】"


def test_highlight_prefers_the_longest_term_at_a_position() -> None:
    assert dg.highlight("三明市政府", ["三明", "三明市"], "text") == "【三明市】政府"


def test_highlight_skips_absent_and_empty_terms() -> None:
    assert dg.highlight("沪明合作", ["上海", "", "  "], "text") == "沪明合作"


def test_highlight_escapes_html_inside_and_outside_marks() -> None:
    out = dg.highlight("<b>三明</b> & <三明>", ["<三明>"], "html")
    assert out == "&lt;b&gt;三明&lt;/b&gt; &amp; <mark>&lt;三明&gt;</mark>"


def test_highlight_escapes_markdown_metacharacters() -> None:
    assert dg.highlight("a*b [三明]", ["三明"], "markdown") == r"a\*b \[**三明**\]"


def test_highlight_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown highlight format"):
        dg.highlight("三明", ["三明"], "rtf")


def test_highlight_finds_traditional_and_full_width_forms_and_shows_the_original() -> None:
    assert dg.highlight("上海市與三明市對口合作", ["对口合作"], "text") == "上海市與三明市【對口合作】"
    assert dg.highlight("ＳＡＮＭＩＮＧ 三明", ["sanming"], "text") == "【ＳＡＮＭＩＮＧ】 三明"


def test_highlight_merges_touching_and_overlapping_terms() -> None:
    assert dg.highlight("沪明對口合作", ["对口", "合作"], "markdown") == "沪明**對口合作**"
    assert dg.highlight("上海三明合作", ["上海三明", "三明合作"], "text") == "【上海三明合作】"
    assert dg.highlight("三明市政府", ["三明", "三明市"], "html") == "<mark>三明市</mark>政府"


def test_story_terms_are_unique_hit_terms() -> None:
    story = make_story(1, "标题", None, ("沪明对口合作",), "摘要", terms=("三明", "上海", "三明"))
    assert dg.story_terms(story) == ["三明", "上海"]


# ---------------------------------------------------------------- grouping and rendering

def test_placed_groups_by_topic_in_config_order_newest_first(sample_digest: Digest) -> None:
    order = [(topic, s.story_id) for topic, s in dg.placed(sample_digest)]
    # 102 is in both topics: it appears once, under the first configured topic that it has.
    assert order == [("沪明对口合作", 101), ("沪明对口合作", 102), ("沪明对口合作", 103), ("文旅协作", 104)]


def test_placed_shows_stories_of_unlisted_topics_last(sample_digest: Digest) -> None:
    stray = make_story(9, "标题", None, ("其他",), "摘要")
    d = dataclasses.replace(sample_digest, topics=("文旅协作",), stories=sample_digest.stories + (stray,))
    topics = [t for t, _ in dg.placed(d)]
    assert topics[0] == "文旅协作" and topics[-1] == "其他"
    assert len(topics) == len(d.stories)


def test_text_rendering(sample_digest: Digest) -> None:
    out = dg.render(sample_digest, "text")
    assert out.splitlines()[0] == "沪明对口合作、文旅协作 digest · 2026-11-26 · 4 stories"
    assert "new since 2026-11-25 08:00" in out
    assert "1. 三明与上海签署新一轮对口合作框架协议\n   三明日报 · 2026-11-26 09:30\n" in out
    assert "上海市与【三明】市在沪签署新一轮【对口合作】框架协议" in out
    assert ("also reported by: 东南网 <https://www.fjsen.example.com/2026-11/26/c_1.htm>, "
            "福建日报 <https://fjrb.example.cn/2026/1126/2.html>") in out
    assert "东南网 · 2026-11-26 07:00 · also in: 文旅协作" in out
    assert "三明日报 · time unknown" in out
    assert out.index("== 沪明对口合作 ==") < out.index("2. 上海游客专列") < out.index("3. 沪明合作共建") < out.index(
        "== 文旅协作 ==") < out.index("4. 三明文旅推介会")
    assert out.count("上海游客专列抵达三明") == 1


def test_markdown_rendering(sample_digest: Digest) -> None:
    out = dg.render(sample_digest, "markdown")
    assert out.startswith("# 沪明对口合作、文旅协作 digest")
    assert "## 沪明对口合作" in out and "## 文旅协作" in out
    assert "**1. [三明与上海签署新一轮对口合作框架协议](https://www.smrb.example.cn/news/2026-11/101.html)**" in out
    assert "> 11月25日，上海市与**三明**市在沪签署新一轮**对口合作**框架协议" in out
    assert "[东南网](https://www.fjsen.example.com/2026-11/26/c_1.htm), [福建日报](" in out
    assert r"上海游客专列抵达三明 \<沙县小吃\> 引热议 & 点赞" in out


class _Collector(HTMLParser):
    """Collects text, hrefs and the open-tag stack so tests can check well-formedness."""

    def __init__(self) -> None:
        super().__init__()
        self.text, self.hrefs, self.stack, self.marks = [], [], [], []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ("meta", "br"):  # an e-mail's highlight: a <span> with a background colour
            marked = tag == "span" and "background-color:" in (dict(attrs).get("style") or "")
            self.stack.append("span+mark" if marked else tag)
        self.hrefs += [v for k, v in attrs if k == "href"]

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop().split("+")[0] == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack and self.stack[-1] == "span+mark":
            self.marks.append(data)


def test_html_rendering_escapes_article_text_and_is_well_formed(sample_digest: Digest) -> None:
    out = dg.render(sample_digest, "html")
    assert "上海游客专列抵达三明 &lt;沙县小吃&gt; 引热议 &amp; 点赞" in out
    assert "<沙县小吃>" not in out
    p = _Collector()
    p.feed(out)
    p.close()
    assert p.stack == []
    assert "上海游客专列抵达三明 <沙县小吃> 引热议 & 点赞" in "".join(p.text)
    assert {"三明", "对口合作", "旅游专列", "沙县小吃", "推介会"} <= set(p.marks)
    assert "https://www.fjsen.example.com/2026-11/26/c_1.htm" in p.hrefs


def test_html_email_marks_terms_with_a_coloured_span_not_mark(sample_digest: Digest) -> None:
    """Outlook's Word engine shows <mark> as plain text: the e-mail's terms are spans with a background
    colour, while the web's pages (format "html") keep <mark>, styled by their own CSS."""
    out = dg.render(sample_digest, "html")
    assert "<mark" not in out
    assert '<span style="background-color:#fff3a0">三明</span>' in out
    assert dg.highlight("上海三明", ["三明"], "html") == "上海<mark>三明</mark>"


def test_html_never_links_non_http_urls(sample_digest: Digest) -> None:
    bad = make_story(7, "恶意<script>", None, ("沪明对口合作",), "摘要", url="javascript:alert(1)")
    out = dg.render(dataclasses.replace(sample_digest, stories=(bad,)), "html")
    assert "javascript:" not in out and "<script>" not in out and "恶意&lt;script&gt;" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_empty_digest_says_no_new_stories(empty_digest: Digest, fmt: str) -> None:
    out = dg.render(empty_digest, fmt)
    assert "No new stories since 2026-11-25 08:00." in out
    assert "no new stories" in dg.subject(empty_digest)


def test_empty_digest_without_since(empty_digest: Digest) -> None:
    assert "No new stories yet." in dg.render(dataclasses.replace(empty_digest, since=None))


def test_render_json_is_the_json_payload(sample_digest: Digest) -> None:
    assert json.loads(dg.render(sample_digest, "json")) == dg.webhook_payload(sample_digest, "json")


def test_render_rejects_unknown_format(sample_digest: Digest) -> None:
    with pytest.raises(ValueError, match="unknown digest format"):
        dg.render(sample_digest, "pdf")


def test_held_line_when_the_digest_knows_its_total(sample_digest: Digest) -> None:
    """A Digest with a `total` (stories before the cap) says how many wait for the next digest."""
    d = dataclasses.replace(sample_digest, total=10)
    assert "… and 6 more stories in the next digest." in dg.render(d, "text")
    assert dg.subject(d).endswith("· 10 stories")
    assert dg.webhook_payload(d, "json")["total"] == 10


# ---------------------------------------------------------------- subject

def test_subject_uses_shanghai_date_and_counts(sample_digest: Digest) -> None:
    late = dataclasses.replace(sample_digest, generated_at=datetime(2026, 11, 25, 17, 0, tzinfo=UTC),
                               stories=sample_digest.stories[:1], topics=("沪明对口合作",))
    assert dg.subject(late) == "沪明对口合作 digest · 2026-11-26 · 1 story"


def test_subject_abbreviates_many_topics(sample_digest: Digest) -> None:
    d = dataclasses.replace(sample_digest, topics=("甲", "乙", "丙", "丁", "戊"))
    assert dg.subject(d).startswith("甲、乙、丙 +2 digest")


# ---------------------------------------------------------------- payloads

def test_json_payload_shape(sample_digest: Digest) -> None:
    p = dg.webhook_payload(sample_digest, "json")
    assert p["subscriber"] == "press" and p["topics"] == list(TOPICS)
    assert p["generated_at"] == "2026-11-26T00:00:00+00:00" and p["since"] == "2026-11-25T00:00:00+00:00"
    assert p["digest_id"] == dg.digest_id(sample_digest)
    assert [s["id"] for s in p["stories"]] == [101, 102, 103, 104]
    first = p["stories"][0]
    assert set(first) >= {"id", "title", "url", "source", "published", "topics", "snippet", "reposts"}
    assert first["published"] == "2026-11-26T01:30:00+00:00"
    assert first["reposts"][0] == {"source": "东南网", "url": "https://www.fjsen.example.com/2026-11/26/c_1.htm",
                                   "title": "沪明签署对口合作协议"}
    assert p["stories"][1]["terms"] == ["旅游专列", "沙县小吃"]  # the absent term is left out
    assert p["stories"][3]["published"] is None
    json.dumps(p)  # JSON-serialisable as is


def test_digest_id_is_stable_and_depends_on_subscriber_and_stories(sample_digest: Digest) -> None:
    shuffled = dataclasses.replace(sample_digest, stories=tuple(reversed(sample_digest.stories)),
                                   generated_at=sample_digest.generated_at + timedelta(hours=1))
    assert dg.digest_id(shuffled) == dg.digest_id(sample_digest)
    assert dg.digest_id(dataclasses.replace(sample_digest, subscriber="office")) != dg.digest_id(sample_digest)
    assert dg.digest_id(dataclasses.replace(sample_digest, stories=sample_digest.stories[:2])) != dg.digest_id(
        sample_digest)


def test_slack_payload(sample_digest: Digest) -> None:
    p = dg.webhook_payload(sample_digest, "slack")
    assert p["text"] == dg.subject(sample_digest)
    assert p["blocks"][0]["type"] == "header"
    sections = [b["text"]["text"] for b in p["blocks"] if b["type"] == "section"]
    assert len(sections) == 4
    assert sections[0].startswith("*<https://www.smrb.example.cn/news/2026-11/101.html|三明与上海签署")
    assert "&lt;沙县小吃&gt;" in sections[1] and "*旅游专列*" in sections[1]


def _many(sample_digest: Digest, n: int) -> Digest:
    base = datetime(2026, 11, 25, tzinfo=UTC)
    stories = tuple(make_story(i, f"三明与上海合作新闻第{i}条" * 3, base + timedelta(minutes=i), ("沪明对口合作",),
                               "沪明对口合作持续深化，三明与上海在产业、文旅、科技等领域合作成果丰硕。" * 3, terms=("三明",))
                    for i in range(n))
    return dataclasses.replace(sample_digest, stories=stories)


def test_dingtalk_and_wecom_are_markdown_messages(sample_digest: Digest) -> None:
    ding = dg.webhook_payload(sample_digest, "dingtalk")
    assert ding["msgtype"] == "markdown" and ding["markdown"]["title"] == dg.subject(sample_digest)
    assert "**三明**" in ding["markdown"]["text"]
    wecom = dg.webhook_payload(sample_digest, "wecom")
    assert wecom["msgtype"] == "markdown" and "**三明**" in wecom["markdown"]["content"]


def test_feishu_post_and_empty_text(sample_digest: Digest, empty_digest: Digest) -> None:
    p = dg.webhook_payload(sample_digest, "feishu")
    assert p["msg_type"] == "post"
    post = p["content"]["post"]["zh_cn"]
    assert post["title"] == dg.subject(sample_digest)
    links = [e for row in post["content"] for e in row if e["tag"] == "a"]
    assert links[0] == {"tag": "a", "text": "三明与上海签署新一轮对口合作框架协议",
                        "href": "https://www.smrb.example.cn/news/2026-11/101.html"}
    empty = dg.webhook_payload(empty_digest, "feishu")
    assert empty["msg_type"] == "text" and "No new stories" in empty["content"]["text"]


def test_markdown_payload(sample_digest: Digest) -> None:
    assert dg.webhook_payload(sample_digest, "markdown") == {"text": dg.render(sample_digest, "markdown").rstrip("\n")}


def test_unknown_payload_format(sample_digest: Digest) -> None:
    with pytest.raises(ValueError, match="unknown webhook format"):
        dg.webhook_payload(sample_digest, "telegram")


# ---------------------------------------------------------------- the module's own rule

@pytest.mark.parametrize("path", sorted(Path(dg.__file__).parent.glob("*.py")), ids=lambda p: p.name)
def test_digest_is_pure(path: Path) -> None:
    """digest/ imports nothing that does I/O: only the standard library's pure parts and models."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0 and n.module}
    outside = {n.module or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 2
               for a in n.names}
    assert not names & {"socket", "httpx", "smtplib", "os", "sys", "pathlib", "sqlite3", "urllib", "time"}
    assert outside <= {"models", "snippets", "plural"}  # all pure
