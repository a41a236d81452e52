"""A TOML syntax error said as the mistake its writer most likely made.

In: a config, topic or gazetteer file's text and tomllib's message ("Invalid value (at line 3,
column 8)"). Out: the message, its "at end of document" replaced by the line at fault when that
line can be found (a key given twice, a string never closed), and a hint naming the mistake: a
full-width character a Chinese input method typed (＝, “”, ，, ［］, an ideographic space), a
backslash in "…" (a regular expression or a Windows path: '…' reads it as written), text
without quotes, a key given twice, a [table] declared twice. Reads nothing but its arguments.
"""

from __future__ import annotations

import re

FIX = "fix the syntax at that line"

# What a Chinese input method types in place of TOML's ASCII punctuation.
_FULL_WIDTH = {"＝": "=", "“": '"', "”": '"', "＂": '"', "‘": "'", "’": "'", "＇": "'", "，": ",", "［": "[",
               "］": "]", "｛": "{", "｝": "}", "＃": "#", "：": "=", "。": ".", "．": ".", "\u3000": "a space"}
_AT = re.compile(r"\(at line (\d+), column \d+\)")
_END = "(at end of document)"
_STRING = re.compile(r'"""|\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')
_KEY = re.compile(r'\s*((?:[\w-]+|"[^"]*"|\'[^\']*\')(?:\s*\.\s*(?:[\w-]+|"[^"]*"|\'[^\']*\'))*)\s*=')
_VALUE_START = tuple('"\'[{+-0123456789') + ("inf", "nan")
_SWITCH = {"true": "true", "yes": "true", "on": "true", "false": "false", "no": "false", "off": "false"}


def explain(text: str, message: str) -> tuple[str, str]:
    """(tomllib's message with the line at fault when it said only "at end of document", the
    hint: FIX, and after a colon the likely mistake when it can be told)."""
    lines = text.splitlines()
    m = _AT.search(message)
    number = int(m.group(1)) if m else _locate(lines, message)
    if number is None or not 0 < number <= len(lines):
        return message, FIX
    if not m:
        message = message.replace(_END, f"(at line {number})")
    why = _mistake(lines[number - 1], message)
    return message, f"{FIX}: {why}" if why else FIX


def _outside_strings(line: str) -> str:
    """`line` without its closed strings and its comment (an unclosed quote is left in)."""
    rest = _STRING.sub(lambda s: s.group() if s.group() in ('"""', "'''") else "S", line)
    return rest.split("#", 1)[0]


def _mistake(line: str, message: str) -> str:
    rest = _outside_strings(line)
    for ch in rest:
        if ch in _FULL_WIDTH:
            ascii_ = _FULL_WIDTH[ch]
            said = ascii_ if ascii_ == "a space" else f"the ASCII {ascii_!r}"
            return (f"{ch!r} (U+{ord(ch):04X}) is a full-width character a Chinese input method typed; "
                    f"TOML needs {said} there (switch the input method to English punctuation)")
    if message.startswith("Unescaped '\\'"):
        return ('a backslash inside "…" starts an escape such as \\n: write a regular expression or a '
                "Windows path in single quotes, '…', where it is read as written")
    if message.startswith("Unterminated string") or (message.startswith("Illegal character '\\n'")
                                                     and ('"' in rest or "'" in rest)):
        return 'a string opened on this line is not closed: end it with its quote ("""…""" holds several lines)'
    if message.startswith("Cannot overwrite a value"):
        found = _KEY.match(line)
        name = found.group(1) if found else "a key"
        return f"{name} is given twice in one table: keep one"
    if message.startswith("Cannot declare"):
        return ("this table is declared twice: merge the two into one "
                "(a list of tables, such as sources, is written [[sources]], two brackets, once an item)")
    if message.startswith("Invalid value") and "=" in rest:
        key, _, value = line.partition("=")
        key, value = key.strip(), value.split("#", 1)[0].strip()
        if value.lower() in ("true", "false", "yes", "no", "on", "off"):
            return f"a switch is true or false, in lower case, without quotes: {key} = {_SWITCH[value.lower()]}"
        if value and not value.startswith(_VALUE_START):
            return f'text goes in quotes: {key} = "{value}"'
    if message.startswith("Expected '=' after a key") and "=" not in rest:
        return 'each setting is written key = value, e.g. enabled = true'
    if message.startswith("Expected '=' after a key"):
        return 'a key is one word (letters, digits, - and _) before =, e.g. link_selector = "a"'
    return ""


def _locate(lines: list[str], message: str) -> int | None:
    """The line at fault for a message tomllib gave "at end of document": a key given twice in
    one table, or the string still open at the end."""
    if message.startswith("Cannot overwrite a value"):
        seen: set[str] = set()
        for number, line in enumerate(lines, 1):
            if line.lstrip().startswith("["):
                seen = set()
            elif (key := _KEY.match(line)) is not None:
                name = re.sub(r"\s+", "", key.group(1))
                if name in seen:
                    return number
                seen.add(name)
    if message.startswith("Unterminated string"):
        opened, quote = None, ""
        for number, line in enumerate(lines, 1):
            if quote:  # inside a string of several lines
                if quote in line:
                    opened, quote = None, ""
                continue
            rest = _outside_strings(line)
            for q in ('"""', "'''"):
                if rest.count(q) % 2:
                    opened, quote = number, q
            if not quote and ('"' in rest or "'" in rest):
                return number
        return opened
    return None
