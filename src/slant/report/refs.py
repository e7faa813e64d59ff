"""How reports name articles and look up sentence texts; shared by the view modules."""

from __future__ import annotations

from dataclasses import dataclass

from slant.model import Comparison


@dataclass(frozen=True)
class ArticleRef:
    """An article as reports name it."""

    id: str
    label: str
    """The outlet when known, else the article id."""

    @property
    def full(self) -> str:
        """The label with the id, "Harbor Daily (a1)"; just the id when that is the label."""
        return self.label if self.label == self.id else f"{self.label} ({self.id})"


def ref_of(refs: dict[str, ArticleRef], article_id: str) -> ArticleRef:
    """The article a reference names; an id no article has is still shown, under its own name."""
    return refs.get(article_id) or ArticleRef(article_id, article_id)


def sentence_text(comparison: Comparison, sentence_id: str) -> str:
    """The text of a sentence by id, "" when no article has it."""
    try:
        return comparison.sentence(sentence_id).text
    except KeyError:
        return ""
