"""Errors slant raises, each with a message a user can act on.

    SlantError                  base: anything slant reports to a user as one line
    ├── InputError              an article cannot be read (empty, binary, undecodable,
    │                           not English, too large, unknown format, missing file)
    │   └── NotFoundError       a story, report or example that does not exist
    ├── FetchError              a URL could not be fetched safely
    ├── ModelUnavailableError   a model or its package is missing or broken
    ├── PipelineError           analyses were asked for in an order that cannot run
    └── StoreError              the database could not be read or written

The library raises these; only ``slant.cli`` and the web API turn them into a
one-line message and an exit code (see ``exit_code``) or a 4xx response.
"""

from __future__ import annotations


class SlantError(Exception):
    """Base class: a failure slant explains to its user in one line."""

    exit_code = 1


class InputError(SlantError):
    """An input article cannot be read or is not usable."""

    exit_code = 2


class NotFoundError(InputError):
    """A story, report or example asked for by id does not exist."""


class FetchError(SlantError):
    """A URL could not be fetched, or was refused as unsafe."""

    exit_code = 3


class ModelUnavailableError(SlantError):
    """A model that an analysis needs could not be loaded."""

    exit_code = 4


class PipelineError(SlantError):
    """The requested analyses cannot be arranged into a valid pipeline."""

    exit_code = 5


class StoreError(SlantError):
    """The slant database could not be read or written."""

    exit_code = 6
