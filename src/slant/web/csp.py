"""The Content-Security-Policy values: a page's (its own inline script by hash, nothing else) and the default.

Each page sets ``content_policy`` of its one inline script; ``guard.SecurityHeaders`` gives every
other response ``NO_CONTENT_POLICY``, which allows nothing.
"""

from __future__ import annotations

import base64
import hashlib

NO_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def script_hash(script: str) -> str:
    """The CSP source for an inline script: ``'sha256-...'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def content_policy(script: str | None, connect: bool = False, forms: bool = True) -> str:
    """The Content-Security-Policy of a page whose only script is ``script`` (inline, by hash);
    ``connect``: the script may call this site's API; ``forms``: the page may post forms to this site."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {script_hash(script)}" if script else "script-src 'none'",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "connect-src 'self'" if connect else "connect-src 'none'",
            "form-action 'self'" if forms else "form-action 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ]
    )
