"""An ASP.NET pager's next page: the list page's form posted back, as a browser posts it.

In: a parsed list page, its pager's "next page" anchor and the page's base URL. Out: the
`Request` a browser sends for the anchor's `javascript:__doPostBack('AspNetPager1','2')` (or a
LinkButton's `WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("…", "…", …))`): a POST
to the anchor's form's action with the form's controls as a script's `form.submit()` sends them
(hidden fields such as `__VIEWSTATE` and `__EVENTVALIDATION`, text fields, checked boxes,
selected options; no submit button) and `__EVENTTARGET` / `__EVENTARGUMENT` set, to be sent
in the page's charset as a browser sends it (`Request.charset`). None for any
other anchor, one outside any form, a form posting to another host (a page may have us post only
to its own site) or one too big to be a pager's. `form_pager`: the same for a pager whose link's
script sets the form's page field and submits it (`goPage(2)`, a JSP column's), and for a
form's own "next page" button: the form sent by its method (a GET's fields in the query). Pure;
never fetches.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode, urlsplit

from .base import Request, absolute, in_page_encoding

_POSTBACK = re.compile(r"""__doPostBack\(\s*['"]([^'"]{1,300})['"]\s*,\s*['"]([^'"]{0,300})['"]\s*\)""")
_OPTIONS = re.compile(r"""WebForm_PostBackOptions\(\s*['"]([^'"]{1,300})['"]\s*,\s*['"]([^'"]{0,300})['"]""")
_NOT_SENT = frozenset({"submit", "button", "image", "reset", "file"})
MAX_FIELDS = 500  # controls of a form posted back (a list page's has a dozen or two)
MAX_FORM_CHARS = 2_000_000  # their names and values (a big __VIEWSTATE is a few hundred KB)


def postback(tree: Any, anchor: Any, base_url: str, codec: str = "utf-8") -> Request | None:
    """The POST that `anchor`'s postback script makes, or None (see the module's docstring)."""
    script = " ".join(filter(None, (anchor.attributes.get("href"), anchor.attributes.get("onclick"))))[:2000]
    found = _POSTBACK.search(script) or _OPTIONS.search(script)
    if found is None:
        return None
    form = _form_of(tree, anchor)
    if form is None:
        return None
    action = absolute(base_url, form.attributes.get("action") or "") or base_url
    if urlsplit(action).hostname != urlsplit(base_url).hostname:  # a page may have us post only to its own site
        return None
    fields = _controls(form)
    if len(fields) > MAX_FIELDS or sum(len(k) + len(v) for k, v in fields.items()) > MAX_FORM_CHARS:
        return None  # no pager's form is that big: a page built to make us post it
    fields["__EVENTTARGET"], fields["__EVENTARGUMENT"] = found.group(1), found.group(2)
    return Request(in_page_encoding(action, codec), "POST", form=fields, charset=codec)


# a pager script's call with the page number: goPage(2), turnPage('3'), toPage( 4 )
_CALL = re.compile(r"""[\w$.]{1,80}\(\s*['"]?(\d{1,6})['"]?\s*\)""")
# a form field holding the page number to show (pageNo, page_index, curPage, currentPage, pn, …)
_PAGE_FIELD = re.compile(r"(?:cur(?:rent)?)?page(?:no|num|number|index|id)?|p|pn|pg|pageindex|pi|curpage", re.I)


def form_pager(tree: Any, anchor: Any, base_url: str, codec: str = "utf-8") -> str | Request | None:
    """The request a pager's form makes for the next page: for a link whose script passes the
    page number (`javascript:goPage(2)`), the anchor's form (else the page's only form with a
    page-number field) with that field set to it; for a submit button (`anchor` is the button),
    its form as it stands. None when neither fits (see the module's docstring)."""
    script = " ".join(filter(None, (anchor.attributes.get("href"), anchor.attributes.get("onclick"))))[:2000]
    called = _CALL.search(script) if script.lower().startswith("javascript:") or "onclick" in anchor.attributes \
        else None
    if called is None:
        if anchor.tag not in ("input", "button") or (anchor.attributes.get("type") or "submit").lower() != "submit":
            return None
        form, number = _form_of(tree, anchor), None
    else:
        number = called.group(1)
        form = _form_of(tree, anchor)
        if form is None or not any(_PAGE_FIELD.fullmatch(k.replace("_", "")) for k in _controls(form)):
            forms = [f for f in tree.css("form") if any(_PAGE_FIELD.fullmatch(k.replace("_", "")) for k in _controls(f))]
            form = forms[0] if len(forms) == 1 else None
    if form is None:
        return None
    action = absolute(base_url, form.attributes.get("action") or "") or base_url
    if urlsplit(action).hostname != urlsplit(base_url).hostname:
        return None
    fields = _controls(form)
    if len(fields) > MAX_FIELDS or sum(len(k) + len(v) for k, v in fields.items()) > MAX_FORM_CHARS:
        return None
    if number is not None:
        field = next(k for k in fields if _PAGE_FIELD.fullmatch(k.replace("_", "")))
        fields[field] = number
    elif name := anchor.attributes.get("name"):  # a named button sends its own value
        fields[name] = anchor.attributes.get("value") or ""
    if (form.attributes.get("method") or "get").strip().lower() == "post":
        return Request(in_page_encoding(action, codec), "POST", form=fields, charset=codec)
    query = urlencode(fields, encoding=codec, errors="xmlcharrefreplace")  # a GET form: its fields are the query
    return action.split("#", 1)[0].split("?", 1)[0] + "?" + query


def _form_of(tree: Any, anchor: Any) -> Any:
    """The form holding `anchor`, else the page's form carrying a `__VIEWSTATE`."""
    node = anchor.parent
    while node is not None and node.tag not in ("form", "html"):
        node = node.parent
    if node is not None and node.tag == "form":
        return node
    state = tree.css_first("form input[name=__VIEWSTATE]")
    while state is not None and state.tag != "form":
        state = state.parent
    return state


def _controls(form: Any) -> dict[str, str]:
    """Name → value of the controls a script's `form.submit()` sends (the first of a repeated name)."""
    fields: dict[str, str] = {}
    for node in form.css("input[name], select[name], textarea[name]"):
        name, attrs = node.attributes.get("name") or "", node.attributes
        if not name or name in fields or "disabled" in attrs:
            continue
        if node.tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in _NOT_SENT or (kind in ("checkbox", "radio") and "checked" not in attrs):
                continue
            fields[name] = attrs.get("value") or ("on" if kind in ("checkbox", "radio") else "")
        elif node.tag == "select":
            options = node.css("option")
            chosen = next((o for o in options if "selected" in o.attributes), options[0] if options else None)
            if chosen is not None:
                value = chosen.attributes.get("value")
                fields[name] = value if value is not None else (chosen.text(deep=True) or "").strip()
        else:
            fields[name] = node.text(deep=True) or ""
    return fields
