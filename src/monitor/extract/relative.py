"""Byline times written relative to the moment the page was served (`3小时前`, `昨天 10:20`):
read by `monitor.reltime`, which list pages' row dates share."""

from ..reltime import found_in, relative_time

__all__ = ["found_in", "relative_time"]
