"""Coreference scores (eval/coref.py), against values worked out by hand."""

from __future__ import annotations

import pytest

from slant.eval.coref import b_cubed, ceaf_e, conll, muc

KEY = {1: "a", 2: "a", 3: "a", 4: "b", 5: "b"}
RESPONSE = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z"}


def test_coref_muc_by_hand() -> None:
    p, r, _ = muc(KEY, RESPONSE)
    assert p == pytest.approx(1 / 2) and r == pytest.approx(1 / 3)


def test_coref_b_cubed_by_hand() -> None:
    p, r, _ = b_cubed(KEY, RESPONSE)
    assert p == pytest.approx(0.8) and r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 / 2 + 1 / 2) / 5)


def test_coref_ceaf_e_by_hand() -> None:
    # Best map: {1,2,3}<->{1,2} (0.8), {4,5}<->{3,4} or {5} (0.5 / 0.667): 0.8 + 0.667.
    p, r, _ = ceaf_e(KEY, RESPONSE)
    assert r == pytest.approx((0.8 + 2 / 3) / 2) and p == pytest.approx((0.8 + 2 / 3) / 3)


def test_coref_identity_scores_one() -> None:
    assert conll(KEY, KEY) == pytest.approx({"muc_f1": 1.0, "b3_f1": 1.0, "ceafe_f1": 1.0, "conll_f1": 1.0})


def test_coref_all_singletons_have_no_muc_links() -> None:
    singletons = {m: m for m in KEY}
    assert muc(KEY, singletons)[1] == 0.0
    assert b_cubed(KEY, singletons)[0] == 1.0
