"""digest.plan: a digest cut into messages that each fit their platform, no story lost or repeated."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from conftest import make_story

from monitor import digest as dg
from monitor.models import Digest, Repost

UTC = timezone.utc
CHAT = ("wecom", "dingtalk", "feishu", "slack")


def platform_fits(fmt: str, payload: dict) -> bool:
    """Each platform's limit, measured here independently of the code under test."""
    body = len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    if fmt == "wecom":
        return len(payload["markdown"]["content"].encode("utf-8")) <= 4096 and body <= 4096
    if fmt == "dingtalk":
        return len(payload["markdown"]["text"].encode("utf-8")) <= 20_000 and body <= 20_000
    if fmt == "feishu":  # the body as notify sends it (compact JSON), plus a signature's timestamp and sign
        signed = {"timestamp": "1764115200", "sign": "x" * 44, **payload}
        return len(json.dumps(signed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")) <= 20_000
    assert fmt == "slack"
    return (len(payload["blocks"]) <= 50 and len(json.dumps(payload, ensure_ascii=False)) <= 40_000
            and all(len(b["text"]["text"]) <= 3000 for b in payload["blocks"] if b["type"] == "section"))


def many(sample: Digest, n: int, total: int | None = None) -> Digest:
    base = datetime(2026, 11, 25, tzinfo=UTC)
    stories = tuple(make_story(i, f"三明与上海合作新闻第{i}条" * 3, base + timedelta(minutes=i), ("沪明对口合作",),
                               "沪明对口合作持续深化，三明与上海在产业、文旅、科技等领域合作成果丰硕。" * 3, terms=("三明",),
                               url=f"https://news.example.cn/a/{i}.html")
                    for i in range(1, n + 1))
    return dataclasses.replace(sample, stories=stories, total=total)


def urls_in(payload: dict) -> list[int]:
    return [int(m) for m in re.findall(r"https://news\.example\.cn/a/(\d+)\.html", json.dumps(payload, ensure_ascii=False))]


@pytest.mark.parametrize("fmt", CHAT)
def test_200_stories_go_out_complete_across_messages_each_within_its_limit(sample_digest: Digest, fmt: str) -> None:
    messages = dg.plan(many(sample_digest, 200, total=230), "webhook", fmt, "webhook:abc")
    assert len(messages) > 1
    assert all(platform_fits(fmt, m.payload) for m in messages if m.payload)
    shown = [i for m in messages if m.payload for i in urls_in(m.payload)]
    assert sorted(shown) == list(range(1, 201))  # every story once, none cut
    assert sorted(i for m in messages for i in m.story_ids) == list(range(1, 201))
    assert [(m.part, m.parts) for m in messages] == [(i, len(messages)) for i in range(1, len(messages) + 1)]
    assert messages[0].subject.endswith(f"(1/{len(messages)})")
    last = json.dumps(messages[-1].payload, ensure_ascii=False)
    assert "30 more stories in the next digest" in last
    assert "in the next digest" not in json.dumps(messages[0].payload, ensure_ascii=False)


def test_story_numbers_run_on_across_messages(sample_digest: Digest) -> None:
    messages = dg.plan(many(sample_digest, 60), "webhook", "wecom", "c")
    numbers = [int(n) for m in messages for n in re.findall(r"\*\*(\d+)\. \[", m.payload["markdown"]["content"])]
    assert numbers == list(range(1, 61))


@pytest.mark.parametrize("fmt", CHAT)
def test_a_story_too_long_for_one_message_is_shortened_not_dropped(sample_digest: Digest, fmt: str) -> None:
    reposts = tuple(Repost(1000 + i, f"转载媒体{i}", f"https://r.example.cn/{i}.html", "标题", None) for i in range(400))
    huge = make_story(7, "沪明合作" * 600, None, ("沪明对口合作",), "三明与上海" * 3000, terms=("三明",),
                      reposts=reposts, url="https://news.example.cn/a/7.html")
    d = dataclasses.replace(sample_digest, stories=(*sample_digest.stories, huge))
    messages = dg.plan(d, "webhook", fmt, "c")
    assert all(platform_fits(fmt, m.payload) for m in messages if m.payload)
    assert sorted(i for m in messages for i in m.story_ids) == [7, 101, 102, 103, 104]
    assert 7 in [i for m in messages if m.payload for i in urls_in(m.payload)]
    text = json.dumps([m.payload for m in messages], ensure_ascii=False)
    assert "more" in text and "沪明合作沪明合作" in text  # the left-out reposts are counted; the title is cut


def test_slack_sections_are_shortened_whole_never_sliced_mid_link(sample_digest: Digest) -> None:
    long = make_story(9, "标题" * 40, None, ("沪明对口合作",), "三明" * 4000, url="https://news.example.cn/a/9.html")
    (message,) = dg.plan(dataclasses.replace(sample_digest, stories=(long,)), "webhook", "slack", "c")
    section = next(b for b in message.payload["blocks"] if b["type"] == "section")
    assert len(section["text"]["text"]) <= 3000
    assert section["text"]["text"].startswith("*<https://news.example.cn/a/9.html|标题")


@pytest.mark.parametrize("kind, fmt", [("file", "markdown"), ("stdout", "text"),  # email: test_email_size
                                       ("webhook", "json"), ("webhook", "markdown")])
def test_channels_without_a_limit_get_one_message(sample_digest: Digest, kind: str, fmt: str) -> None:
    (message,) = dg.plan(many(sample_digest, 200), kind, fmt, "c")
    assert message.stories == 200 and (message.part, message.parts) == (1, 1)
    assert "(1/1)" not in message.subject


def test_message_keys_are_stable_and_differ_per_channel_and_stories(sample_digest: Digest) -> None:
    d = many(sample_digest, 200)
    first = [m.key for m in dg.plan(d, "webhook", "wecom", "webhook:a")]
    later = dataclasses.replace(d, generated_at=d.generated_at + timedelta(hours=3))
    assert [m.key for m in dg.plan(later, "webhook", "wecom", "webhook:a")] == first
    assert len(set(first)) == len(first)
    assert not set(first) & {m.key for m in dg.plan(d, "webhook", "wecom", "webhook:b")}
    json_message = dg.plan(d, "webhook", "json", "webhook:a")[0]
    assert json_message.payload["message_id"] == json_message.key


def test_unknown_format_is_a_problem_not_an_exception(sample_digest: Digest) -> None:
    (message,) = dg.plan(sample_digest, "webhook", "telegram", "c")
    assert "unknown webhook format" in message.problem
