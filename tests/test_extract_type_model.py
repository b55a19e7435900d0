"""The learned second opinion on the type of unknown names: features, choice, training."""

from __future__ import annotations

import math

import pytest
from extract_fixtures import by_name, extract

from kg.extract import type_model
from kg.extract.train_types import Example, fit
from kg.extract.type_model import (
    MIN_LEAD,
    STRONG_LEAD,
    TYPES,
    NameView,
    choose,
    features,
    open_question,
    probabilities,
    vote_lead,
)


def _view(name: str, **kw: object) -> NameView:
    base = dict(
        votes={},
        types=(),
        roles=(),
        zh=(),
        inherited=None,
        contexts=(),
        sections=(),
        in_title=False,
    )
    base.update(kw)
    return NameView(name=name, **base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("view", "present", "absent"),
    [
        (_view("Zorb-7B"), {"size", "digit", "hyphen", "suf3:-7b", "nw:2", "last:7b"}, {"camel"}),
        (_view("ZorbNet"), {"camel", "nw:1", "suf3:net"}, {"size", "hyphen"}),
        (_view("ZORB"), {"allcaps"}, {"camel"}),
        (_view("Zorb-R1"), {"r1"}, set()),
        (_view("Answer Zorb Probe"), {"last:probe", "titlecase_words", "nw:3"}, set()),
        (_view("经验蒸馏器"), {"zhname_last:器", "zhname_last2:馏器"}, {"nw:1"}),
        (_view("Zorb", zh={"轨迹回放池"}), {"has_zh", "zh1:池", "zh2:放池"}, set()),
        (_view("Zorb", contexts=[("我们提出", " 框架，")]), {"l2:提出", "r1:框", "r2:框架"}, set()),
        # a gloss right after the name is skipped: the cue word follows it
        (_view("Zorb", contexts=[("", "（佐布）模型")]), {"r2:模型"}, {"r1:（"}),
        (_view("Zorb", votes={"Model": 5, "Method": 2}), {"lead:Model", "margin:1"}, {"novotes"}),
        (_view("Zorb"), {"novotes", "bias"}, set()),
        (_view("Zorb", inherited="Model", in_title=True), {"inh:Model", "in_title"}, set()),
    ],
)
def test_type_model_features(view: NameView, present: set[str], absent: set[str]) -> None:
    got = set(features(view))
    assert present <= got, sorted(got)
    assert not absent & got


@pytest.mark.parametrize(
    ("votes", "lead"),
    [({}, 0), ({"Model": 3}, 3), ({"Model": 3, "Method": 3}, 0), ({"A": 9, "B": 2, "C": 1}, 7)],
)
def test_type_model_vote_lead(votes: dict[str, int], lead: int) -> None:
    assert vote_lead(votes) == lead


def _p(**kw: float) -> dict[str, float]:
    rest = (1.0 - sum(kw.values())) / (len(TYPES) - len(kw))
    return {t: kw.get(t, rest) for t in TYPES}


@pytest.mark.parametrize(
    ("p", "current", "lead", "expected"),
    [
        (_p(Method=0.8, Model=0.1), "Model", 1, "Method"),  # close votes: the model decides
        (_p(Method=0.8, Model=0.1), "Model", STRONG_LEAD, "Model"),  # an explicit cue stands
        (_p(Method=0.45, Model=0.45 - MIN_LEAD / 2), "Model", 0, "Model"),  # too small a lead
        (_p(Hardware=0.9), "Model", 0, "Model"),  # never chooses a type it cannot learn
        (_p(Method=0.9), "Hardware", 0, "Hardware"),  # nor overrides one
        (_p(Software=0.7, Method=0.1), "Method", 2, "Software"),
    ],
)
def test_type_model_choose(p: dict[str, float], current: str, lead: int, expected: str) -> None:
    assert choose(p, current, lead) == expected


@pytest.mark.parametrize(
    ("current", "votes", "expected"),
    [
        ("Model", {}, True),
        ("Model", {"Model": 3, "Method": 1}, True),
        ("Model", {"Model": STRONG_LEAD}, False),
        ("Hardware", {}, False),
        ("Organization", {"Organization": 1}, False),
    ],
)
def test_type_model_open_question(current: str, votes: dict[str, int], expected: bool) -> None:
    assert open_question(current, votes) is expected


def test_type_model_probabilities_sum_to_one_and_ignore_unknown_features() -> None:
    table = {"a": (1.0, 0, 0, 0, 0, 0, 0), "b": (0, 0, 2.0, 0, 0, 0, 0)}
    p = probabilities(["a", "b", "never-seen"], table)
    assert math.isclose(sum(p.values()), 1.0)
    assert max(p, key=p.__getitem__) == "Method"
    assert probabilities([], table) == pytest.approx({t: 1 / len(TYPES) for t in TYPES})


def test_type_model_shipped_weights_are_features_it_can_make() -> None:
    table = type_model.weights()
    assert table, "kg/extract/patterns/type_weights.tsv is missing"
    assert all(len(row) == len(TYPES) for row in table.values())
    prefixes = {f.split(":", 1)[0] for f in table}
    known = {"bias", "inh", "v", "lead", "margin", "novotes", "ty", "role", "zhname_last"}
    known |= {"zhname_last2", "last", "suf3", "nw", "allcaps", "camel", "digit", "size"}
    known |= {"hyphen", "r1", "titlecase_words", "zh1", "zh2", "has_zh", "in_title", "r2"}
    known |= {"l2", "sec"}
    assert prefixes <= known, sorted(prefixes - known)


def test_type_model_fit_learns_a_separable_rule() -> None:
    rows = [
        Example(["bias", "last:probe"], f"A{i} Probe", frozenset({"Method"}), "Model", 0, "g")
        for i in range(4)
    ] + [
        Example(["bias", "last:bench"], f"B{i} Bench", frozenset({"Dataset"}), "Model", 0, "g")
        for i in range(4)
    ]
    table = {f: tuple(w) for f, w in fit(rows).items()}
    assert choose(probabilities(["bias", "last:probe"], table), "Model", 0) == "Method"
    assert choose(probabilities(["bias", "last:bench"], table), "Model", 0) == "Dataset"


def test_type_model_is_consulted_by_the_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "ZorbFlux 在多个基准上表现出色。"
    cues = by_name(extract(innovations=text))["ZorbFlux"].etype
    other = "Metric" if cues != "Metric" else "Software"
    row = tuple(5.0 if t == other else 0.0 for t in TYPES)
    monkeypatch.setattr(type_model, "weights", lambda: {"bias": row})
    assert by_name(extract(innovations=text))["ZorbFlux"].etype == other
