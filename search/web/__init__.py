"""``paracite serve``: the HTTP API and the web page over the same ``Searcher`` (issue #16).

Starlette + uvicorn, Jinja2 templates, a little plain JavaScript. ``create_app`` builds the ASGI
app; ``serve`` runs it. Importing ``search`` does not import this package.
"""

from __future__ import annotations

from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]
