"""The web app and REST API (``slant serve``): FastAPI routes over the same pipeline as the CLI.

app.py       create_app: state, middleware, error mapping
guard.py     request body cap, security headers
runner.py    analyses off the event loop: bounded threads, bounded line, deadline
articles.py  request validation and text/HTML/URL -> Article
api.py       /api/health, /api/compare, /api/stories, /api/stories/{id}, /api/examples
pages.py     the compare form, reports and exports, stories, API docs
reports.py   finished reports kept in memory
examples.py  the bundled example sets
"""

from slant.web.app import create_app

__all__ = ["create_app"]
