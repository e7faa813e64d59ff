"""What a compare request may hold, and how its articles become checked ``Article`` objects and a comparison.

A request names each article by exactly one of ``text``, ``html`` or ``url`` (plus an optional
``title`` and ``outlet``). Text and HTML go through the same checks as files do; a URL is fetched
with the SSRF-safe fetcher (http/https only, every hop's address vetted, size and time capped).
``analyse`` does it all and compares them, for the API and the compare form alike.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from slant.errors import InputError
from slant.ingest.article import label_for
from slant.ingest.checks import check_size
from slant.model import Article, Comparison
from slant.settings import Settings


class InvalidRequest(InputError):
    """The JSON body does not describe a compare request (HTTP 422)."""


class ArticleIn(BaseModel):
    """One article of a compare request."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        None, description="The article as plain text (a first line that looks like a headline is taken as title)."
    )
    html: str | None = Field(None, description="The article's web page; its main text is extracted.")
    url: str | None = Field(None, max_length=2000, description="An http(s) address to fetch the page from.")
    title: str | None = Field(None, max_length=1000, description="The headline, if not in the text.")
    outlet: str | None = Field(None, max_length=200, description="Who published it.")

    @model_validator(mode="after")
    def _one_source(self) -> ArticleIn:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url" + (f" (got {', '.join(given)})" if given else ""))
        return self


class CompareIn(BaseModel):
    """A compare request: two or more articles about one event."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=2, description="Two or more articles about one event.")


def parse_request(data: Any, settings: Settings) -> CompareIn:
    """Validate a decoded JSON body.

    Raises:
        InvalidRequest: the body does not describe a compare request; one line naming the field.
    """
    try:
        request = CompareIn.model_validate(data)
    except ValidationError as exc:
        raise InvalidRequest(validation_message(exc)) from None
    if len(request.articles) > settings.web_max_articles:
        raise InvalidRequest(f"articles: at most {settings.web_max_articles} articles per request")
    return request


def validation_message(exc: ValidationError) -> str:
    """The first validation error as one line: ``articles.1: give exactly one of text, html or url``."""
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "body"
    message = str(first["msg"]).removeprefix("Value error, ")
    more = exc.error_count() - 1
    return f"{where}: {message}" + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


def build_articles(request: CompareIn, settings: Settings, allow_private: bool = False) -> list[Article]:
    """Turn the request's articles into checked articles, fetching URLs; blocking (run it in a worker).

    Raises:
        InputError: an article's text or page cannot be used (the message names it ``article N``).
        FetchError: a URL was refused or could not be fetched.
    """
    articles = []
    for n, item in enumerate(request.articles, start=1):
        article = _one(item, f"article {n}", settings, allow_private)
        if item.title is not None and item.title.strip():
            article.title = " ".join(item.title.split())
        if item.outlet is not None and item.outlet.strip():
            article.outlet = " ".join(item.outlet.split())
        articles.append(article)
    return articles


def analyse(request: CompareIn, settings: Settings, allow_private: bool = False) -> Comparison:
    """Build the request's articles (fetching URLs) and compare them; blocking (run it in a worker)."""
    from slant.pipeline import compare

    return compare(build_articles(request, settings, allow_private), settings)


def _one(item: ArticleIn, name: str, settings: Settings, allow_private: bool) -> Article:
    if item.text is not None:
        from slant.ingest.text import article_from_text

        check_size(len(item.text.encode("utf-8", "surrogatepass")), name, settings)
        return article_from_text(item.text, name, settings, title=item.title, outlet=item.outlet)
    if item.html is not None:
        from slant.ingest.html import article_from_html

        check_size(len(item.html.encode("utf-8", "surrogatepass")), name, settings)
        return article_from_html(item.html, name, settings)
    return _fetched(item.url or "", name, settings, allow_private)


def _fetched(url: str, name: str, settings: Settings, allow_private: bool) -> Article:
    from slant.errors import FetchError
    from slant.ingest.fetch import FetchPolicy, fetch
    from slant.ingest.html import article_from_html
    from slant.ingest.text import article_from_text

    try:
        page = fetch(url.strip(), FetchPolicy.from_settings(settings, allow_private))
    except FetchError as exc:
        raise FetchError(f"{name}: {exc}") from None
    if page.content_type in ("text/plain", "text/markdown"):
        from slant.ingest.decode import decode

        article = article_from_text(decode(page.content, label_for(page.url)).text, page.url, settings)
    else:
        article = article_from_html(page.content, page.url, settings)
    article.url = article.url or page.url
    return article
