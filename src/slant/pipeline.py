"""The analysis registry and ``compare()``: ingest -> nlp -> analyses, checked before anything runs.

An analysis is a pure function ``(Comparison, Resources, Settings) -> dict`` that
returns only the ``Comparison`` fields it declares in ``provides``; it may read
what the analyses named in ``requires`` produced. ``build_pipeline`` orders the
requested analyses so that every requirement is met and fails early otherwise.
Adding an analysis = one module in ``analyses/`` + one line in ``ANALYSES``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from slant.errors import InputError, PipelineError
from slant.model import Article, Comparison, Provenance
from slant.nlp.resources import Resources
from slant.settings import Settings
from slant.version import __version__

Runner = Callable[[Comparison, Resources, Settings], dict[str, Any]]

# What the NLP layer provides before any analysis runs.
NLP_PROVIDES = frozenset({"sentences", "docs", "vectors"})


@dataclass(frozen=True)
class Analysis:
    """A registered analysis: what it needs, what it fills in, and the function that does it."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    load: Callable[[], Runner]
    """Returns the runner; imported lazily so `slant --help` loads no analysis code."""
    hidden_layers: Callable[[Resources], tuple[int, ...]] | None = None
    """MiniLM block counts whose token states the analysis reuses (``NlpLayer.hidden``), if any."""
    enriches: tuple[str, ...] = ()
    """Fields another analysis provides that this one returns enriched (it must also require them)."""


def _runner(module: str, func: str = "run") -> Callable[[], Runner]:
    def load() -> Runner:
        import importlib

        runner: Runner = getattr(importlib.import_module(f"slant.analyses.{module}"), func)
        return runner

    return load


def _bias_layers(resources: Resources) -> tuple[int, ...]:
    from slant.analyses.language.bias import TAGGER, load

    return (load(resources, TAGGER).frozen_layers,)


def _sentiment_layers(resources: Resources) -> tuple[int, ...]:
    from slant.analyses.portrayal.sentiment import load

    return (load(resources).frozen_layers,)


def _referent_layers(resources: Resources) -> tuple[int, ...]:
    from slant.analyses.referents.referents import hidden_layers

    return hidden_layers(resources)


ANALYSES: dict[str, Analysis] = {
    "actors": Analysis("actors", ("docs",), ("actors",), _runner("actors.actors")),
    "quotes": Analysis("quotes", ("docs", "actors"), ("quotes", "sources"), _runner("quotes.quotes")),
    "facts": Analysis("facts", ("docs", "vectors", "actors"), ("facts",), _runner("facts.align")),
    "language": Analysis(
        "language", ("docs", "quotes", "facts"), ("language", "profiles"), _runner("language.language"), _bias_layers
    ),
    "referents": Analysis(
        "referents",
        ("docs", "vectors", "actors", "facts"),
        ("referents",),
        _runner("referents.referents"),
        _referent_layers,
    ),
    "terms": Analysis("terms", ("docs", "actors", "language", "referents"), ("terms",), _runner("language.terms")),
    "lean": Analysis("lean", ("sentences",), ("lean",), _runner("judgement.lean")),
    "summary": Analysis("summary", ("facts", "language", "terms"), ("summary",), _runner("judgement.summary")),
    "informational": Analysis(
        "informational", ("facts", "vectors"), ("informational",), _runner("facts.informational")
    ),
    "portrayal": Analysis(
        "portrayal",
        ("docs", "actors", "quotes"),
        ("voices",),
        _runner("portrayal.portrayal"),
        _sentiment_layers,
        ("actors",),
    ),
}


def build_pipeline(names: Iterable[str], registry: dict[str, Analysis] | None = None) -> list[Analysis]:
    """Order the named analyses so each runs after what it requires.

    Requirements that another registered analysis provides are pulled in even
    when not named.

    Raises:
        PipelineError: an unknown analysis, or a requirement nothing provides, or a cycle.
    """
    registry = ANALYSES if registry is None else registry
    providers = {field: a for a in registry.values() for field in a.provides}
    ordered: list[Analysis] = []
    state: dict[str, str] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name not in registry:
            known = ", ".join(sorted(registry))
            raise PipelineError(f"unknown analysis {name!r}; known analyses: {known}")
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            raise PipelineError(f"analyses require each other in a cycle: {' -> '.join(chain + (name,))}")
        state[name] = "visiting"
        loose = set(registry[name].enriches) - set(registry[name].requires)
        if loose:
            raise PipelineError(f"analysis {name!r} enriches {sorted(loose)} without requiring them")
        for need in registry[name].requires:
            if need in NLP_PROVIDES:
                continue
            if need not in providers:
                raise PipelineError(f"analysis {name!r} requires {need!r}, which no analysis provides")
            visit(providers[need].name, chain + (name,))
        state[name] = "done"
        ordered.append(registry[name])

    for name in names:
        visit(name, ())
    return ordered


def assign_ids(articles: Sequence[Article]) -> list[Article]:
    """Give every article a distinct id: its own when it has a usable one, else ``a1``, ``a2``, ... by position.

    Raises:
        InputError: two articles would share an id.
    """
    seen: set[str] = set()
    out: list[Article] = []
    for i, article in enumerate(articles, start=1):
        article_id = article.id or f"a{i}"
        if article_id in seen or "." in article_id:
            article_id = f"a{i}"
        if article_id in seen:
            raise InputError(f"two articles share the id {article_id!r}; give each a distinct id")
        seen.add(article_id)
        out.append(article.model_copy(update={"id": article_id}))
    return out


def run(
    comparison: Comparison,
    settings: Settings,
    resources: Resources,
    analyses: Sequence[Analysis],
) -> Comparison:
    """Parse and embed the articles, then run each analysis and attach its part.

    Raises:
        PipelineError: an analysis returned fields it did not declare.
    """
    from slant.nlp.parse import embed, parse

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    parse(comparison, resources)
    timings["parse"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    keep = sorted({k for a in analyses if a.hidden_layers is not None for k in a.hidden_layers(resources)})
    if keep or any("vectors" in a.requires for a in analyses):
        embed(comparison, resources, keep)
        timings["embed"] = time.perf_counter() - t0
    for analysis in analyses:
        t0 = time.perf_counter()
        part = analysis.load()(comparison, resources, settings)
        extra = set(part) - set(analysis.provides) - set(analysis.enriches)
        if extra:
            raise PipelineError(f"analysis {analysis.name!r} returned undeclared fields: {sorted(extra)}")
        for key, value in part.items():
            setattr(comparison, key, value)
        timings[analysis.name] = time.perf_counter() - t0
    comparison.provenance = Provenance(
        version=__version__,
        analyses=[a.name for a in analyses],
        settings={k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(settings).items()},
        timings={k: round(v, 4) for k, v in timings.items()},
    )
    return comparison


def compare(
    articles: Sequence[Article | str],
    settings: Settings | None = None,
    resources: Resources | None = None,
) -> Comparison:
    """Compare two or more articles about one event.

    Args:
        articles: ``Article`` objects (see ``read_articles``) or plain article texts,
            in the order they should be shown.
        settings: configuration; defaults to ``Settings()``.
        resources: model cache handle; defaults to the process-wide one.

    Returns:
        A ``Comparison`` with every analysis in ``settings.analyses`` filled in.

    Raises:
        InputError: fewer than two articles, or an article that cannot be used.
        PipelineError: the configured analyses cannot be arranged.
        ModelUnavailableError: a model could not be loaded.
    """
    from slant.ingest.text import article_from_text

    settings = settings or Settings()
    resources = resources or Resources(settings)
    built = [a if isinstance(a, Article) else article_from_text(a, source="api", settings=settings) for a in articles]
    if len(built) < 2:
        raise InputError(f"compare needs at least two articles, got {len(built)}")
    plan = build_pipeline(settings.analyses)
    comparison = Comparison(articles=assign_ids(built))
    return run(comparison, settings, resources, plan)
