"""`monitor serve`: a read-only web page over the database, rendered on the server.

In: the config and an open store. Out: a Starlette app (search, story, topic, sources pages,
Atom feeds) that works without JavaScript. Never writes to the database; every string from a
page is escaped by Jinja2's autoescape. The pages are in `app.py`, the SVG chart in `chart.py`.
"""

from .app import create_app

__all__ = ["create_app"]
