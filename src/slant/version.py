"""The version of slant, in one place: the package, reports, the API and the fetcher's User-Agent read it."""

__version__ = "0.1.0"
