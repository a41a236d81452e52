"""What the date tests compare: an extracted article's day in Shanghai."""

from __future__ import annotations

from monitor.extract import dates


def day(article) -> str | None:
    """The Shanghai calendar day of an article's publication, or None."""
    return article.published.astimezone(dates.SHANGHAI).date().isoformat() if article.published else None
