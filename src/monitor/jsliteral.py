"""What a page's script spells out without being run: strings written out whole.

In: script text (a `<script>`'s content, an `onload`), or a page's text. Out: the string a
JavaScript expression made of quoted strings joined with `+` spells (`literal`: a cookie a
cookie check sets, fetch.signals), and a page with each script that only writes such strings
(`document.write('<li><a href=…>…</a></li>')`, as old CMS templates write their lists) replaced
by what it writes, as a browser runs it before it shows the page (`run_writes`, for list pages).
Anything the script computes (a name, a call, a template with `${…}`) is not guessed at: the
expression, or the script, is left as it is. Linear in the text: closing quotes and tags are
found with `str.find`. Never does I/O.
"""

from __future__ import annotations

import re

_BLANKS = re.compile(r"[ \t\r]*")  # a line break after a string ends the statement
_SPACE = re.compile(r"\s*")
STRING = 4_096  # characters a string holds at most here (a cookie is at most 4 KB; a written row less)
_END = frozenset(";,)}\n")


def literal(text: str, at: int) -> str | None:
    """The string a JavaScript expression starting at `at` spells out when it is quoted strings
    joined with `+` and nothing else (None otherwise: a name, a call, a template with `${…}`)."""
    found = literal_at(text, at)
    return found[0] if found else None


def literal_at(text: str, at: int) -> tuple[str, int] | None:
    """`literal`'s string and where the expression ends (at one of `;,)}`, a line break or the
    end of `text`). Each closing quote is found with `str.find`, an escaped one skipped."""
    parts: list[str] = []
    while len(parts) < 20:  # a cookie or a written row is a few pieces
        at = _SPACE.match(text, at).end()  # type: ignore[union-attr]  # it matches, if only nothing
        if at >= len(text) or text[at] not in "\"'`":
            return None
        quote, end = text[at], at + 1
        while True:
            end = text.find(quote, end, at + STRING)
            if end < 0:
                return None
            before = end - 1
            while text[before] == "\\":  # stops at the opening quote at the latest
                before -= 1
            if (end - before) % 2:  # an even run of backslashes (none): the string ends here
                break
            end += 1
        part = text[at + 1:end]
        if ("${" in part) if quote == "`" else "\n" in part:
            return None
        # `\'` is `'`, `\/` is `/`, `\\` is `\` (the escapes such strings hold)
        parts.append("\\".join(piece.replace("\\", "") for piece in part.split("\\\\")) if "\\" in part else part)
        at = _BLANKS.match(text, end + 1).end()  # type: ignore[union-attr]
        if at >= len(text) or text[at] in _END:
            return "".join(parts), at
        if text[at] != "+":
            return None
        at += 1
    return None


_WRITE = re.compile(r"document\s*\.\s*write(ln)?\s*\(")
_WRAPPERS = ("<!--", "//-->", "-->", "//<![CDATA[", "//]]>")


def written(script: str) -> str | None:
    """What a script writes into the page when it is nothing but `document.write(…)` /
    `document.writeln(…)` calls of strings written out whole (HTML comment wrappers aside);
    None for any other script."""
    body = script.strip()
    for wrapper in _WRAPPERS:
        body = body.replace(wrapper, " ") if wrapper in body else body
    out: list[str] = []
    at = 0
    while True:
        at = _SPACE.match(body, at).end()  # type: ignore[union-attr]
        while at < len(body) and body[at] == ";":
            at = _SPACE.match(body, at + 1).end()  # type: ignore[union-attr]
        if at >= len(body):
            return "".join(out) if out else None
        call = _WRITE.match(body, at)
        found = literal_at(body, call.end()) if call else None
        if call is None or found is None or found[1] >= len(body) or body[found[1]] != ")":
            return None
        out.append(found[0] + ("\n" if call.group(1) else ""))
        at = found[1] + 1


def run_writes(page: str) -> str:
    """`page` with each `<script>` that only writes strings (`written`) replaced by what it
    writes, as a browser shows the page; other scripts stay as they are."""
    lower = page.lower()
    pieces, done = [], 0
    at = lower.find("<script")
    while at >= 0:
        opened = lower.find(">", at)
        closed = lower.find("</script", opened) if opened >= 0 else -1
        if closed < 0:
            break
        ended = lower.find(">", closed)
        ended = len(page) if ended < 0 else ended + 1
        content = page[opened + 1:closed]
        if "write" in content:
            text = written(content)
            if text is not None:
                pieces += [page[done:at], text]
                done = ended
        at = lower.find("<script", ended)
    return "".join(pieces) + page[done:] if pieces else page
