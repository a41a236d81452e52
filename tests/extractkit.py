"""What the body tests read: a fixture page's extracted paragraphs."""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def paragraphs(name: str, url: str = "https://news.example.com/a/1.html") -> list[str]:
    """The body paragraphs extracted from one fixture page (tests/fixtures/extract/NAME)."""
    return list(extract_bytes((FIXTURES / name).read_bytes(), url).paragraphs)
