"""The referents analysis on invented articles (analyses/referents/referents.py, pairs.py)."""

from __future__ import annotations

import pytest

import slant
from slant.analyses.referents.features import FEATURES
from slant.analyses.referents.pairs import PairModel
from slant.errors import ModelUnavailableError
from slant.model import Comparison

LEFT = (
    "Governor Dana Ferrell signed the steel bill on Monday in Merrimont.\n\n"
    "Ferrell said the bill would keep the Harlan mill open. The mill employs 900 workers.\n\n"
    "Union leaders praised the governor, and Ferrell thanked the workers."
)
RIGHT = (
    "Governor Dana Ferrell handed the Harlan mill a $40 million bailout on Monday.\n\n"
    "Critics said Ferrell gambled taxpayer money on a dying plant. Ferrell defended the deal.\n\n"
    "The plant's owners did not answer questions."
)


@pytest.fixture(scope="module")
def compared() -> Comparison:
    settings = slant.Settings().with_(analyses=("actors", "facts", "referents"))
    return slant.compare([LEFT, RIGHT], settings)


@pytest.mark.slow
def test_referents_mentions_spell_their_text(compared: Comparison) -> None:
    assert compared.referents
    families = [r.family for r in compared.referents]
    for referent in compared.referents:
        assert len(referent.mentions) >= 2 or families.count(referent.family) >= 2
        assert referent.type in {"person", "group", "organization", "place", "event", "thing"}
        assert 0.0 <= referent.confidence <= 1.0
        assert referent.articles == sorted({m.article for m in referent.mentions})
        for m in referent.mentions:
            assert compared.article(m.article).text[m.start : m.end] == m.text


@pytest.mark.slow
def test_referents_one_person_across_articles_is_one_referent(compared: Comparison) -> None:
    [ferrell] = [r for r in compared.referents or [] if any(m.text == "Dana Ferrell" for m in r.mentions)]
    assert ferrell.articles == ["a1", "a2"]
    assert ferrell.type == "person"
    assert ferrell.actor is not None and ferrell.label == "Dana Ferrell"
    assert {m.text for m in ferrell.mentions} >= {"Dana Ferrell", "Ferrell"}


@pytest.mark.slow
def test_referents_ids_are_numbered_in_order(compared: Comparison) -> None:
    assert [r.id for r in compared.referents or []] == [f"r{i}" for i in range(1, len(compared.referents or []) + 1)]


def test_pair_model_needs_every_feature() -> None:
    data = {"coef": {f: 0.0 for f in FEATURES[:-1]}, "intercept": 0.0, "mean": {}, "scale": {}, "threshold": 0.5}
    with pytest.raises(ModelUnavailableError, match="slant train referents"):
        PairModel.from_json(data)


def test_pair_model_round_trips() -> None:
    model = PairModel({f: 0.1 for f in FEATURES}, -1.0, {f: 0.0 for f in FEATURES}, {f: 1.0 for f in FEATURES}, 0.4)
    assert PairModel.from_json(model.to_json()) == model
