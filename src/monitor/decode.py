"""Bytes of an HTML page → text, in one place.

In: the raw bytes and the HTTP Content-Type header (or None). Out: a str. Order of trust: BOM,
then the HTTP charset, then `<meta charset>` / http-equiv in the first 4 KB (or later in a
long head, as Chromium reads it), then an XML
declaration's `encoding` (a feed; `as_utf8_xml` hands feedparser the text re-encoded). A declared charset
that fails strictly falls back to strict UTF-8, then GB18030; bytes no codec takes strictly keep
the first of those that leaves under 0.5 % U+FFFD (a few corrupt bytes), else charset-normalizer
chooses, else GB18030 with replacement. One exception to trusting a declaration: bytes that are
valid UTF-8 with non-ASCII in them are UTF-8, because a stale `charset=gb2312` on a UTF-8 page is
common and GB18030 would decode those bytes "successfully" into mojibake, while real GBK text is
almost never valid UTF-8. And since GB18030 also decodes almost any bytes, Big5 bytes (a Taiwan
or Hong Kong page, declared gb2312, utf-8 or not at all) read as GB18030 are mojibake
(`涵癸挡穝狦 カ籔`), and so are GBK bytes under a stale `charset=big5`: whenever one of the two
is the codec chosen and the bytes read as the other as well, the reading whose characters are
clearly the more common ones wins (`_likelier`). A single-byte Western label (ISO-8859-1,
windows-1252: a web server's default charset in the HTTP header, over the page's own meta) is
judged the same way against both: windows-1252 reads almost any bytes, so a GBK page under it
was mojibake (`ÈýÃ÷ÊÐ`). Never raises, never does I/O.
"""

from __future__ import annotations

import codecs
import functools
import re

# A file's first bytes → what it is: what a server sends as text/html when it is none (an image, a PDF, an archive)
FILE_MAGIC = {b"%PDF-": "application/pdf", b"PK\x03\x04": "application/zip", b"\x89PNG": "image/png",
              b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif", b"\x1f\x8b": "application/gzip",
              b"Rar!": "application/x-rar", b"7z\xbc\xaf": "application/x-7z-compressed",
              b"\xd0\xcf\x11\xe0": "application/msword"}


def file_kind(data: bytes) -> str | None:
    """The kind of file `data` opens as (`FILE_MAGIC`), whatever its Content-Type says; None for any other."""
    return next((kind for magic, kind in FILE_MAGIC.items() if data.startswith(magic)), None)


# Every label of the WHATWG Encoding Standard (what browsers accept in a header or a <meta>) by
# the codec we decode it with: the standard's own choice where Python's codec of that name is
# narrower (iso-8859-1 and ascii are windows-1252, iso-8859-9 windows-1254, tis-620 and
# iso-8859-11 windows-874, shift_jis windows-31j, euc-kr windows-949), and a superset where
# declarations are often stale (gb2312 and gbk are GB18030, big5 Big5-HKSCS). Labels the
# standard does not list are looked up in Python's registry (`cp936`, `latin1`, …).
_WHATWG = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030",
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
             "windows-949",
    "cp1252": "ansi_x3.4-1968 cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 "
              "iso_8859-1:1987 l1 latin1 windows-1252 x-cp1252",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
              "windows-1254 x-cp1254",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859_2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859_3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859_4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859_5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso8859_6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
                 "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859_7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
                 "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859_8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
                 "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical",
    "iso8859_10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859_13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859_14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859_15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859_16": "iso-8859-16",
    "koi8_r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8_u": "koi8-ru koi8-u",
    "mac_roman": "csmacintosh mac macintosh x-mac-roman",
    "mac_cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    **{f"cp125{n}": f"cp125{n} windows-125{n} x-cp125{n}" for n in (0, 1, 3, 5, 6, 7, 8)},
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "utf-16-be": "unicodefffe utf-16be",
}
_ALIASES = {label: codec for codec, labels in _WHATWG.items() for label in labels.split()}
# A page declaring ASCII is read as UTF-8 first (browsers read windows-1252): an "ascii" CMS
# default over UTF-8 text is common, and other bytes still go on to detection. Windows' names of
# the Chinese codes (not the standard's labels) are read as their supersets too.
_ALIASES.update({"us-ascii": "utf-8", "ascii": "utf-8", "cp936": "gb18030", "x-big5": "big5hkscs", "cp950": "big5hkscs"})
_UTF16 = frozenset({"utf-16-le", "utf-16-be", "utf-16"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# [^<>]: a try ends at the next tag, so the search is linear however many `<meta` there are
_META_CHARSET = re.compile(rb"<meta\b[^<>]{0,2000}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_BODY = re.compile(rb"<body\b", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?\bencoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*?\?>")


# Python's text codecs that are no charset a browser reads a page in: 7-bit spellings of any text
# (UTF-7, HZ: the Encoding Standard reads the second and ISO-2022-KR as one U+FFFD, and knows no
# UTF-7), escapes (`\u6caa` read as 沪), and codecs for host names or for nothing (`undefined`
# and `punycode` raised on any page). A page declaring one was read as what no reader sees:
# `+bKpmDg-` as 沪明, keywords hidden in plain ASCII. Its label counts as unknown (detection reads it).
_NOT_CHARSETS = frozenset({"utf-7", "hz", "iso2022_kr", "unicode-escape", "raw-unicode-escape", "punycode", "idna",
                           "undefined", "mbcs", "oem"})


def normalize_charset(name: str | None) -> str | None:
    """Map a declared charset label to the Python codec we decode it with, or None if unknown
    (or a codec no browser reads a page with: base64, UTF-7, …)."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    return None if info.name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True) else info.name


def sniff_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the page declares: HTTP header first, then a meta tag near the top."""
    if content_type:
        found = _HEADER_CHARSET.search(content_type)
        codec = normalize_charset(found.group(1)) if found else None
        if codec:
            return codec
    meta = _META_CHARSET.search(data, 0, _PRESCAN) or _XML_ENCODING.match(data[:300].lstrip()) or _late_meta(data)
    if meta:
        codec = normalize_charset(meta.group(1).decode("ascii", "ignore"))
        return "utf-8" if codec in _UTF16 else codec  # bytes that spell out a meta tag are no UTF-16
    return None


_PRESCAN = 4096  # bytes a meta charset is looked for in, wherever it stands
_HEAD_SCAN = 131_072  # bytes of a long head looked through for it past those


def _late_meta(data: bytes) -> re.Match[bytes] | None:
    """A meta charset past the first `_PRESCAN` bytes, still in the head (before `<body`), as
    Chromium finds it behind a CMS's long inline scripts."""
    if len(data) <= _PRESCAN:
        return None
    body = _BODY.search(data, 0, _HEAD_SCAN)
    if body and body.start() < _PRESCAN:  # the head ended in the bytes already read: most pages
        return None
    return _META_CHARSET.search(data, _PRESCAN - 8, body.start() if body else _HEAD_SCAN)  # a tag cut at 4 KB read whole


# What XML 1.0 cannot carry even escaped: C0 controls but tab and line breaks, lone surrogates,
# U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry (a feed written, a sitemap read)."""
    return _NOT_XML.sub("", text)


def as_utf8_xml(data: bytes, content_type: str | None = None) -> bytes:
    """An XML document (a feed) decoded as `decode_html` decodes a page, then written back as
    UTF-8 with its declaration saying so. feedparser, given the bytes themselves, fell back to
    windows-1252 when the declared encoding failed (GBK under `encoding="utf-8"`) and read
    Big5 under gb2312 without failing: mojibake titles either way. Characters XML 1.0 forbids
    even escaped (C0 controls but tab and line breaks, U+FFFE/U+FFFF) are left out: one stray
    vertical tab in a CMS's title made a whole sitemap "not well-formed"."""
    text = _XML_DECLARATION.sub('<?xml version="1.0" encoding="utf-8"?>', decode_html(data, content_type), count=1)
    if "&#" in text:  # and references to them: a lone surrogate's failed the whole feed (SQLite stores none)
        text = _CHAR_REF.sub(_allowed_ref, text)
    return xml_text(text).encode("utf-8", "replace")


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _allowed_ref(ref: re.Match[str]) -> str:
    """A character reference as it is, or U+FFFD's for one XML 1.0 cannot carry (a lone
    surrogate, past U+10FFFF, a C0 control but tab and line breaks, U+FFFE, U+FFFF)."""
    point = int(ref[1], 16) if ref[1] else int(ref[2])
    if 0xD800 <= point <= 0xDFFF or point > 0x10FFFF or point in (0xFFFE, 0xFFFF) or (point < 0x20 and point not in (9, 10, 13)):
        return "&#xFFFD;"
    return ref[0]


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode page bytes to text; never raises, whatever the bytes are."""
    return decode_html_as(data, content_type)[0]


def decode_html_as(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """`decode_html`'s text and the codec it was read with: the page's encoding, in which a
    browser also sends the query of the page's links."""
    if not data:
        return "", sniff_charset(data, content_type) or "utf-8"
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _by_bom(data[len(bom):], codec)
            if text is not None:
                return text, codec
            data = data[len(bom):]  # a mark the bytes belie: read as if it were not there
            break
    declared = sniff_charset(data, content_type)
    if declared not in (None, "utf-8") and not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    for candidate in (declared, "utf-8", "gb18030"):
        if candidate:
            try:
                text = data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
            return _likelier(data, text, candidate, "strict")
    return _guess(data, declared)


_EIGHT_BIT_TAG = re.compile(rb"<(?:!doctype|html|head|meta|title|body)\b", re.I)


def _by_bom(data: bytes, codec: str) -> str | None:
    """The bytes after a byte order mark read as it says, or None when they belie it: markup in
    one byte a character with no NUL near it after a UTF-16 or UTF-32 mark (every ASCII letter of
    a real UTF-16 page comes with a NUL), or bytes of which over 0.5 % are no UTF-8 after a UTF-8
    mark (a GBK template saved once by an editor that adds the mark). A browser believes the mark
    and shows such a page as mojibake, which was stored as no article (`no readable text: set a
    body selector`); its own charset reads it."""
    if codec == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", "replace")
            return text if text.count("\ufffd") <= len(text) // 200 else None
    head = data[:1024]
    if b"\0" not in head and _EIGHT_BIT_TAG.search(head):
        return None
    return data.decode(codec, "replace")


def _guess(data: bytes, declared: str | None) -> tuple[str, str]:
    """Last resort for bytes no codec decodes strictly: a page with a few corrupt bytes keeps
    its codec (a handful of U+FFFD, dropped later); otherwise charset-normalizer chooses."""
    for codec in dict.fromkeys(c for c in (declared, "utf-8", "gb18030") if c):
        text = data.decode(codec, "replace")
        if text.count("\ufffd") <= len(text) // 200:
            return _likelier(data, text, codec, "replace")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, "replace"), best.encoding
    except Exception:  # a guesser bug must not cost us the page
        pass
    return data.decode(declared or "gb18030", "replace"), declared or "gb18030"


# The commonest characters of each script, by where their codes lie: GB2312's level 1 (rows
# B0-D7: the 3,755 commonest simplified characters) and Big5's (A440-C67E: the 5,401 commonest
# traditional ones), with their punctuation rows. Bytes read with the wrong one of the two
# codecs give mostly rarer characters, kana, Greek, bopomofo and box drawing.
PREFIX = 32_768  # bytes judged
SAMPLE = 1000  # non-ASCII characters looked at
MARGIN = 0.15  # how much more of the other reading must be common characters
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


_CJK = ("gb18030", "big5hkscs")
_OTHER = {"gb18030": ("big5hkscs",), "big5hkscs": ("gb18030",), "cp1252": _CJK, "iso8859-1": _CJK,
          "iso8859-15": _CJK}


def _likelier(data: bytes, text: str, codec: str, errors: str) -> tuple[str, str]:
    """`text` (the bytes read with `codec`) and `codec`, or, when `codec` is GB18030, Big5 or a single-byte
    Western code, the bytes read with another of those if that reading is valid (`errors="strict"`,
    or under 0.5 % U+FFFD) and clearly the more common characters (by MARGIN). Judged on about
    the first PREFIX bytes (cut before a "<", ">", space or line break: a byte under 0x40 is never
    part of a two-byte character in either code): pure GB2312 text is nearly always valid Big5
    too, so every GBK page is judged."""
    others = _OTHER.get(codec)
    if others is None or data.isascii():
        return text, codec
    cut = max(data.rfind(b, PREFIX // 2, PREFIX) for b in b"<> \n") if len(data) > PREFIX else -1
    head = data[:cut] if cut > 0 else data
    try:
        mine = text if head is data else head.decode(codec, errors)
    except UnicodeDecodeError:
        return text, codec
    best, best_share = None, common_share(mine) + MARGIN
    for other in others:
        try:
            theirs = head.decode(other, errors)
        except UnicodeDecodeError:
            continue  # many GBK pages: a trail byte Big5 does not have
        share = common_share(theirs)
        if theirs.count("\ufffd") <= len(theirs) // 200 and share >= best_share:
            best, best_share = other, share
    if best is None:
        return text, codec
    try:
        whole = data.decode(best, errors)
    except UnicodeDecodeError:
        return text, codec
    return (whole, best) if whole.count("\ufffd") <= len(whole) // 200 else (text, codec)


def common_share(text: str) -> float:
    """The share of common characters (`_common`) among the first SAMPLE non-ASCII ones."""
    common, seen, share = _common(), 0, 0
    for run in _NON_ASCII.finditer(text):
        chars = run.group()[: SAMPLE - seen]
        seen += len(chars)
        share += sum(map(common.__contains__, chars))
        if seen >= SAMPLE:
            break
    return share / seen if seen else 1.0


@functools.cache
def _common() -> frozenset[str]:
    """GB2312's level 1 and symbol rows (A1-A3) and Big5's level 1 and symbol rows (A1-A2),
    as characters (~7,000; made once, ~2 ms)."""
    def row(codec: str, lead: int, trails: range) -> str:
        return b"".join(bytes((lead, t)) for t in trails).decode(codec, "ignore")

    gb = [row("gb2312", lead, range(0xA1, 0xFF)) for lead in (*range(0xA1, 0xA4), *range(0xB0, 0xD8))]
    big5 = [row("big5", lead, range(0x40, 0xFF)) for lead in (0xA1, 0xA2, *range(0xA4, 0xC6))]  # A3: bopomofo
    big5.append(row("big5", 0xC6, range(0x40, 0x7F)))  # level 1 ends at C67E
    return frozenset("".join(gb + big5))


# JSON may escape one half of a UTF-16 pair (`\ud800`); json.loads keeps it as a lone surrogate,
# which no UTF-8 encoder (SQLite's, the terminal's) accepts.
_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_ESCAPE_BYTES = re.compile(_ESCAPE.pattern.encode())
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_loads(text: str | bytes) -> object:
    """json.loads, with each lone surrogate an escape left in a string replaced by U+FFFD (as a
    decoder does with a byte it cannot read); ValueError and RecursionError as json.loads."""
    import json

    value = json.loads(text)
    found = _ESCAPE.search(text) if isinstance(text, str) else _ESCAPE_BYTES.search(text)
    return _replaced(value) if found else value


def without_surrogates(value: object, text: str) -> object:
    """A JSON value parsed from `text` with each lone surrogate an escape left in a string replaced
    by U+FFFD, as `json_loads` does (SQLite stores no such string: an article holding one failed
    its source's whole store batch, at every poll)."""
    return _replaced(value) if _ESCAPE.search(text) else value


def _replaced(value: object) -> object:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replaced(v) for v in value]
    if isinstance(value, dict):
        return {_replaced(k): _replaced(v) for k, v in value.items()}
    return value
