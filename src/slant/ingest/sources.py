"""Read one source's bytes: a file path or ``-`` for a stream, never more than the size limit.

URLs are refused here: safe fetching (scheme check, private addresses refused on
every redirect, size and time caps) is a separate module still to come.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from slant.errors import InputError
from slant.ingest.checks import check_size
from slant.settings import Settings

_URL = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
_BARE_URL = re.compile(r"^www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/|$)", re.IGNORECASE)
_NO_FETCH = "URL fetching is not available from the command line yet; save the page to a file and pass that"


def source_name(source: str | os.PathLike[str]) -> str:
    """The source as a string, as the user gave it."""
    return os.fsdecode(source)


def _read_capped(stream: BinaryIO, label: str, settings: Settings) -> bytes:
    """Read at most one byte past the limit, so an endless or huge stream is refused, not swallowed."""
    data = stream.read(settings.max_input_bytes + 1)
    if not isinstance(data, bytes):
        raise InputError(f"{label}: is not a binary stream (open it with 'rb')")
    if len(data) > settings.max_input_bytes:
        check_size(None, label, settings)
    return data


def read_stream(stream: BinaryIO, settings: Settings) -> bytes:
    """Read standard input (or any binary stream standing in for it).

    Raises:
        InputError: the stream is over the size limit or cannot be read.
    """
    try:
        return _read_capped(stream, "stdin", settings)
    except OSError as exc:
        raise InputError(f"stdin: cannot be read ({exc.strerror or exc})") from None


def read_path(name: str, settings: Settings, label: str | None = None) -> bytes:
    """Read a file's bytes.

    Args:
        name: the path as the user gave it.
        settings: where the size limit comes from.
        label: how messages name the file; defaults to ``name``.

    Raises:
        InputError: a URL, a missing file, a directory, an unreadable or oversized file.
    """
    if not name.strip():
        raise InputError("an empty file name was given; pass a file path, or - for standard input")
    shown = label or name
    url = _URL.match(name)
    if url:
        scheme = url.group(1).lower()
        if scheme in ("http", "https"):
            raise InputError(f"{shown}: {_NO_FETCH}")
        raise InputError(f"{shown}: is a {scheme} URL, not a file; save the article to a file and pass that")
    path = Path(name)
    try:
        if path.is_dir():
            raise InputError(f"{shown}: is a directory, not an article file")
        if not path.exists():
            if _BARE_URL.match(name):
                raise InputError(f"{shown}: no such file; if it is a web address, {_NO_FETCH}")
            raise InputError(f"{shown}: no such file")
        if path.is_file():
            check_size(path.stat().st_size, shown, settings)
        with path.open("rb") as stream:
            return _read_capped(stream, shown, settings)
    except PermissionError:
        raise InputError(f"{shown}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    except ValueError:  # e.g. a NUL character in the path
        raise InputError(f"{shown}: is not a valid file path") from None
