"""Hypothesis strategies for hand-free Comparisons: any text, spans always inside it."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from slant.model import (
    Actor,
    Article,
    ArticleLean,
    Boilerplate,
    Comparison,
    Conflict,
    Evidence,
    Fact,
    InformationalMark,
    LeanEvidence,
    Mention,
    Portrayal,
    Provenance,
    Quote,
    Sentence,
    SentimentEvidence,
    SourceCite,
    Summary,
    SummarySentence,
    Voice,
    VoiceBalance,
)

_words = st.text(min_size=0, max_size=12)
_maybe = st.none() | _words


def _span(draw: Any, text: str) -> tuple[int, int]:
    start = draw(st.integers(0, len(text)))
    return start, draw(st.integers(start, len(text)))


@st.composite
def _article(draw: Any, number: int) -> Article:
    article_id = f"a{number}"
    text = draw(st.text(min_size=0, max_size=80))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    sentences = [
        Sentence(id=f"{article_id}.s{i + 1}", start=a, end=b, text=text[a:b], paragraph=i // 2)
        for i, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(text)], strict=False))
    ]
    blocks = []
    for _ in range(draw(st.integers(0, 2))):
        start, end = _span(draw, text)
        blocks.append(
            Boilerplate(start=start, end=end, text=text[start:end], kind=draw(st.sampled_from(["donation", "other"])))
        )
    return Article(
        id=article_id,
        source=draw(_words),
        text=text,
        title=draw(_maybe),
        outlet=draw(_maybe),
        url=draw(_maybe),
        date=draw(_maybe),
        author=draw(_maybe),
        sentences=sentences,
        boilerplate=blocks,
        warnings=draw(st.lists(_words, max_size=2)),
    )


def _pick(draw: Any, articles: list[Article]) -> tuple[Article, Sentence | None, int, int]:
    art = draw(st.sampled_from(articles))
    sent = draw(st.sampled_from(art.sentences)) if art.sentences else None
    start, end = _span(draw, art.text)
    return art, sent, start, end


@st.composite
def comparisons(draw: Any) -> Comparison:
    """A Comparison of 2-4 articles with random facts, quotes, sources, actors; any part may be None."""
    articles = [draw(_article(i + 1)) for i in range(draw(st.integers(2, 4)))]
    ids = [a.id for a in articles]

    def facts() -> list[Fact]:
        out = []
        for n in range(draw(st.integers(0, 4))):
            evidence = []
            for _ in range(draw(st.integers(1, 3))):
                art, sent, start, end = _pick(draw, articles)
                evidence.append(Evidence(article=art.id, sentence=sent.id if sent else "?", start=start, end=end))
            status = draw(st.sampled_from(["shared", "unique", "contradiction"]))
            conflicts = (
                [
                    Conflict(
                        kind="number",
                        values={i: draw(_words) for i in draw(st.sets(st.sampled_from(ids), max_size=3))},
                        why=draw(_words),
                    )
                ]
                if status == "contradiction"
                else []
            )
            reporting = sorted({ev.article for ev in evidence})
            out.append(
                Fact(
                    id=f"f{n + 1}",
                    status=status,
                    score=draw(st.floats(0, 1)),
                    evidence=evidence,
                    articles=reporting,
                    missing=[i for i in ids if i not in reporting],
                    coverage=draw(st.sampled_from(["all", "some", "one"])),
                    conflicts=conflicts,
                )
            )
        return out

    def quotes() -> list[Quote]:
        out = []
        for _ in range(draw(st.integers(0, 3))):
            art, sent, start, end = _pick(draw, articles)
            out.append(
                Quote(
                    article=art.id,
                    speaker=draw(_maybe),
                    mention=draw(_maybe),
                    verb=draw(_maybe),
                    text=art.text[start:end],
                    direct=draw(st.booleans()),
                    anonymous=draw(st.booleans()),
                    start=start,
                    end=end,
                    sentence=sent.id if sent else None,
                    cited_outlet=draw(_maybe),
                )
            )
        return out

    def sources() -> list[SourceCite]:
        out = []
        for _ in range(draw(st.integers(0, 2))):
            art, sent, start, end = _pick(draw, articles)
            out.append(
                SourceCite(
                    article=art.id,
                    outlet=draw(_words),
                    sentence=sent.id if sent else "?",
                    start=start,
                    end=end,
                    cue=art.text[start:end],
                )
            )
        return out

    def actors() -> list[Actor]:
        out = []
        for n in range(draw(st.integers(0, 3))):
            mentions = []
            for _ in range(draw(st.integers(0, 3))):
                art, _sent, start, end = _pick(draw, articles)
                mentions.append(Mention(article=art.id, text=art.text[start:end], start=start, end=end))
            portrayal = None
            if draw(st.booleans()):
                portrayal = []
                for article in sorted({m.article for m in mentions}):
                    art = next(a for a in articles if a.id == article)
                    evidence = []
                    if art.sentences and draw(st.booleans()):
                        sent = draw(st.sampled_from(art.sentences))
                        evidence.append(
                            SentimentEvidence(
                                sentence=sent.id,
                                polarity=draw(st.sampled_from(["negative", "positive"])),
                                score=draw(st.floats(0, 1)),
                                start=sent.start,
                                end=sent.end,
                            )
                        )
                    portrayal.append(
                        Portrayal(
                            article=article,
                            mentions=sum(1 for m in mentions if m.article == article),
                            references=draw(st.lists(_words, max_size=3)),
                            tone=draw(st.floats(-1, 1)),
                            polarity=draw(st.sampled_from([None, "negative", "neutral", "positive"])),
                            evidence=evidence,
                            quotes=draw(st.integers(0, 3)),
                            quoted_words=draw(st.integers(0, 40)),
                            voice_share=draw(st.floats(0, 1)),
                        )
                    )
            out.append(
                Actor(
                    id=f"x{n}",
                    name=draw(_words),
                    type=draw(st.sampled_from(["PERSON", "ORG"])),
                    aliases=draw(st.lists(_words, max_size=2)),
                    mentions=mentions,
                    articles=sorted({m.article for m in mentions}),
                    side=draw(st.sampled_from([None, "Democratic", "Republican"])),
                    portrayal=portrayal,
                )
            )
        return out

    def voices() -> list[VoiceBalance]:
        out = []
        for art in articles:
            words = draw(st.lists(st.integers(1, 30), max_size=3))
            total = sum(words)
            out.append(
                VoiceBalance(
                    article=art.id,
                    quotes=len(words),
                    quoted_words=total,
                    voices=[
                        Voice(name=draw(_words), anonymous=draw(st.booleans()), quotes=1, words=w, share=w / total)
                        for w in words
                    ],
                )
            )
        return out

    def lean() -> list[ArticleLean]:
        out = []
        for art in articles:
            left, right = draw(st.floats(0, 0.5)), draw(st.floats(0, 0.5))
            probs = {"left": left, "center": 1.0 - left - right, "right": right}
            evidence = [
                LeanEvidence(sentence=s.id, toward=draw(st.sampled_from(["left", "center", "right"])), weight=w)
                for s in art.sentences[:2]
                if (w := draw(st.floats(0, 5)))
            ]
            out.append(
                ArticleLean(
                    article=art.id,
                    lean=max(probs, key=lambda k: probs[k]),
                    probabilities=probs,
                    score=right - left,
                    evidence=evidence,
                )
            )
        return out

    def summary() -> Summary:
        sentences = [s for art in articles for s in art.sentences]
        lines = []
        for _ in range(draw(st.integers(0, 3)) if sentences else 0):
            cited = draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=2))
            lines.append(
                SummarySentence(
                    text=draw(_words),
                    kind=draw(st.sampled_from(["shared", "contradiction", "unique"])),
                    cites=[c.id for c in cited],
                    articles=sorted({c.id.split(".")[0] for c in cited}),
                )
            )
        return Summary(sentences=lines)

    def informational() -> list[InformationalMark]:
        out = []
        for art in articles:
            for sentence in art.sentences[:1]:
                similarity = draw(st.floats(-1, 1))
                out.append(
                    InformationalMark(
                        article=art.id,
                        sentence=sentence.id,
                        similarity=similarity,
                        score=1.0 - max(similarity, 0.0),
                        why=draw(_words),
                    )
                )
        return out

    maybe = st.booleans()
    return Comparison(
        articles=articles,
        facts=facts() if draw(maybe) else None,
        quotes=quotes() if draw(maybe) else None,
        sources=sources() if draw(maybe) else None,
        actors=actors() if draw(maybe) else None,
        voices=voices() if draw(maybe) else None,
        lean=lean() if draw(maybe) else None,
        summary=summary() if draw(maybe) else None,
        informational=informational() if draw(maybe) else None,
        provenance=Provenance(
            version=draw(_words),
            analyses=draw(st.lists(_words, max_size=3)),
            settings=draw(st.dictionaries(_words, st.integers() | _words | st.booleans(), max_size=3)),
            warnings=draw(st.lists(_words, max_size=2)),
            timings=draw(st.dictionaries(_words, st.floats(0, 100), max_size=2)),
        )
        if draw(maybe)
        else None,
    )
