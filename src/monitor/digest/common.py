"""What every rendering of a digest shares: times, escapes, highlighting, order, subject lines.

In: a `Digest` and its `Story`s. Out: strings, the stories in display order, and `Page`s (the
stories of one message). Pure: no I/O, no clock; times shown are the Digest's, in Asia/Shanghai.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from .. import snippets
from ..models import Digest, Repost, Story, outlet
from ..plural import counted

TZ = ZoneInfo("Asia/Shanghai")


# ---------------------------------------------------------------- times and escapes

def utc(dt: datetime) -> datetime:
    """`dt` as an aware datetime; naive ones (which models should not carry) are taken as UTC."""
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


def local_time(dt: datetime | None) -> str:
    """`2026-11-26 09:30` in Asia/Shanghai, or `time unknown`."""
    return utc(dt).astimezone(TZ).strftime("%Y-%m-%d %H:%M") if dt else "time unknown"


def local_date(dt: datetime) -> str:
    """`2026-11-26`: the Asia/Shanghai calendar date of `dt`."""
    return utc(dt).astimezone(TZ).strftime("%Y-%m-%d")


def iso(dt: datetime | None) -> str | None:
    """UTC ISO 8601, or None."""
    return utc(dt).astimezone(timezone.utc).isoformat() if dt else None


def safe_url(url: str) -> str | None:
    """`url` if it is http(s); article URLs come from third-party pages, never link javascript: or data:."""
    return url if re.match(r"^https?://", url or "", re.IGNORECASE) else None


def md_escape(text: str) -> str:
    """Markdown metacharacters escaped."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def md_url(url: str) -> str:
    """A URL safe inside Markdown's `(...)`."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def slack_escape(text: str) -> str:
    """Slack mrkdwn's three escapes."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_url(url: str) -> str:
    """A URL safe inside Slack's `<url|label>`."""
    return url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


_ESCAPE: dict[str, Callable[[str], str]] = {
    "text": lambda s: s, "markdown": md_escape,
    "html": lambda s: html.escape(s, quote=False), "slack": slack_escape,
}
_ESCAPE["email"] = _ESCAPE["html"]
# The e-mail marks with a styled <span>: Outlook's Word engine and some webmail give <mark> no look of its
# own, so its terms would not stand out there. The web's pages keep <mark> ("html"), styled by their CSS.
_MARK = {"text": ("【", "】"), "markdown": ("**", "**"), "html": ("<mark>", "</mark>"),
         "email": ('<span style="background-color:#fff3a0">', "</span>"), "slack": ("*", "*")}


# ---------------------------------------------------------------- highlighting

def highlight(text: str, terms: Iterable[str], fmt: str) -> str:
    """`text` escaped for `fmt` (text|markdown|html|email|slack) with each term marked where it occurs.

    Terms are found in textnorm's normal form, so matching ignores case, full/half width and
    traditional/simplified (对口合作 marks 對口合作); the original characters are what is shown.
    """
    if fmt not in _MARK:
        raise ValueError(f"unknown highlight format {fmt!r}; use one of: {', '.join(_MARK)}")
    return _highlight(text, tuple(terms), fmt)


@lru_cache(maxsize=4096)  # planning a long digest measures each story several times
def _highlight(text: str, terms: tuple[str, ...], fmt: str) -> str:
    return snippets.mark(text, terms, *_MARK[fmt], _ESCAPE[fmt])


def story_terms(story: Story) -> list[str]:
    """The terms to highlight in a story: each Hit's term, once."""
    return list(dict.fromkeys(h.term for h in story.hits if h.term))


# ---------------------------------------------------------------- identity, order, pages

def digest_id(digest: Digest) -> str:
    """A stable id for (subscriber, set of stories), so receivers can drop a re-sent digest."""
    ids = ",".join(str(i) for i in sorted(s.story_id for s in digest.stories))
    # An empty digest has no stories to tell one "nothing new" from the next; its time does.
    ids = ids or f"empty@{iso(digest.generated_at)}"
    return hashlib.sha256(f"{digest.subscriber}\n{ids}".encode()).hexdigest()[:32]


def message_key(subscriber: str, channel: str, story_ids: Iterable[int]) -> str:
    """The idempotency key of one message: the same stories to the same channel give the same key."""
    ids = ",".join(str(i) for i in sorted(story_ids))
    return hashlib.sha256(f"{subscriber}\n{channel}\n{ids}".encode()).hexdigest()[:32]


def held(digest: Digest) -> int:
    """Stories matched but past the subscriber's cap; they go out in the next digest."""
    total = digest.total
    return max(0, total - len(digest.stories)) if isinstance(total, int) else 0


def placed(digest: Digest) -> Iterator[tuple[str, Story]]:
    """(topic, story) pairs: each story once, under its first topic in config order, newest first."""
    order = list(digest.topics)
    for story in digest.stories:  # topics the subscriber did not list still get shown, last
        order += [t for t in story.topics if t not in order]
    groups: dict[str, list[Story]] = {t: [] for t in [*order, "other"]}
    for story in digest.stories:
        groups[next((t for t in order if t in story.topics), "other")].append(story)
    for topic, stories in groups.items():
        newest = sorted(stories, key=lambda s: utc(s.published).timestamp() if s.published else float("-inf"),
                        reverse=True)
        yield from ((topic, s) for s in newest)


Entry = tuple[str, Story, int]  # (topic it is shown under, story, its number in the digest)


@dataclass(frozen=True)
class Page:
    """The stories of one message: numbered entries, which message of how many, and the held count."""

    entries: tuple[Entry, ...]
    index: int = 1
    count: int = 1
    held: int = 0  # said on the last message only


def whole(digest: Digest) -> Page:
    """The whole digest as one page."""
    return Page(tuple((t, s, n) for n, (t, s) in enumerate(placed(digest), 1)), held=held(digest))


# ---------------------------------------------------------------- lines

def stories_count(n: int) -> str:
    """`1 story`, `5 stories`."""
    return counted(n, "story")


def subject(digest: Digest) -> str:
    """`沪明对口合作 digest · 2026-11-26 · 5 stories` (date in Asia/Shanghai)."""
    topics = list(digest.topics)
    names = "、".join(topics[:3]) + (f" +{len(topics) - 3}" if len(topics) > 3 else "") or digest.subscriber
    n = len(digest.stories) + held(digest)
    count = stories_count(n) if n else "no new stories"
    return f"{names} digest · {local_date(digest.generated_at)} · {count}"


def title(digest: Digest, page: Page) -> str:
    """The subject, with `(2/5)` when the digest goes out as several messages."""
    return subject(digest) + (f" ({page.index}/{page.count})" if page.count > 1 else "")


def since_line(digest: Digest) -> str:
    """`for office · new since 2026-11-25 08:00 (Asia/Shanghai)`."""
    when = f"new since {local_time(digest.since)} (Asia/Shanghai)" if digest.since else "first digest"
    return f"for {digest.subscriber} · {when}"


def empty_line(digest: Digest) -> str:
    """What an empty digest says."""
    return f"No new stories since {local_time(digest.since)}." if digest.since else "No new stories yet."


def held_line(n: int) -> str:
    """`… and 3 more stories in the next digest.`"""
    return f"… and {stories_count(n).replace(' ', ' more ', 1)} in the next digest."


def meta(story: Story, topic: str) -> str:
    """`三明日报 · 2026-11-26 09:30 · also in: 文旅协作`."""
    others = [t for t in story.topics if t != topic]
    also = [f"also in: {'、'.join(others)}"] if others else []
    return " · ".join([outlet(story.source, story.url), local_time(story.published), *also])


def more_entry(n: int) -> Repost:
    """The last of a story's copies when `n` are not named: "+n more", without a link."""
    return Repost(0, f"+{n} more", "", "", None)


def named(reposts: Iterable[Repost]) -> tuple[Repost, ...]:
    """A story's copies without its "+n more" entry (every stored copy has an id)."""
    return tuple(r for r in reposts if r.article_id)
