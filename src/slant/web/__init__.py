"""The web app and REST API (``slant serve``): FastAPI routes over the same pipeline as the CLI.

Modules import only from the layers above them in this list, never sideways or upwards:

runner.py    analyses off the event loop: bounded threads, bounded line, deadline
reports.py   finished reports kept in memory
examples.py  the bundled example sets
articles.py  request validation, text/HTML/URL -> Article, and comparing them (analyse)
csp.py       Content-Security-Policy values: a page's (its inline script by hash) and the default
guard.py     ASGI middleware: request body cap, security headers
errors.py    exception -> HTTP status and JSON error response; NoStore
state.py     AppState, the state every handler shares; reading the story store off the event loop
formats.py   a comparison as a JSON, Markdown or HTML report response
api.py       /api/health, /api/compare, /api/stories, /api/stories/{id}, /api/examples
pages.py     the compare form, reports and exports, stories, API docs
app.py       create_app: state, middleware, error handlers, the api and pages routers
"""

from slant.web.app import create_app

__all__ = ["create_app"]
