"""Tests of kg.eval scoring on hand-built Turtle graphs and tiny gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from kg.eval import evaluate, format_report

KG = Namespace("https://w3id.org/paperkg/ontology#")
BASE = "https://example.org/id/"


def _graph(
    tmp_path: Path,
    papers: dict[str, list[tuple]],
    fields: dict | None = None,
    relations: dict | None = None,
) -> Path:
    """papers: arxiv id -> [(entity id, types, label, alt labels[, roles])]; fields: id ->
    [(zh, en[, Chinese alt labels])]; relations: id -> [(subject entity id, predicate, object entity id)], stated in
    that paper's text."""
    g = Graph()
    for arxiv_id, triples in (relations or {}).items():
        for i, (subj, pred, obj) in enumerate(triples):
            ev = URIRef(f"{BASE}evidence/{arxiv_id}-{i}")
            g.add((ev, RDF.type, KG.RelationEvidence))
            g.add((ev, KG.paper, URIRef(f"{BASE}paper/{arxiv_id}")))
            g.add((ev, RDF.subject, URIRef(f"{BASE}entity/{subj}")))
            g.add((ev, RDF.predicate, KG[pred]))
            g.add((ev, RDF.object, URIRef(f"{BASE}entity/{obj}")))
    for arxiv_id, entities in papers.items():
        paper = URIRef(f"{BASE}paper/{arxiv_id}")
        g.add((paper, RDF.type, KG.Paper))
        g.add((paper, KG.arxivId, Literal(arxiv_id)))
        for ent_id, types, label, alts, *roles in entities:
            ent = URIRef(f"{BASE}entity/{ent_id}")
            g.add((paper, KG.mentions, ent))
            for role in roles[0] if roles else ():
                g.add((paper, KG[role], ent))
            g.add((ent, RDF.type, KG.Entity))  # an extra non-scored class must be ignored
            for t in types:
                g.add((ent, RDF.type, KG[t]))
            g.add((ent, RDFS.label, Literal(label)))
            for alt in alts:
                g.add((ent, SKOS.altLabel, Literal(alt)))
        for i, (zh, en, *alts) in enumerate((fields or {}).get(arxiv_id, [])):
            field = URIRef(f"{BASE}field/{arxiv_id}-{i}")
            g.add((paper, KG.inField, field))
            g.add((field, RDF.type, KG.Field))
            if zh:
                g.add((field, SKOS.prefLabel, Literal(zh, lang="zh")))
            if en:
                g.add((field, RDFS.label, Literal(en, lang="en")))
                g.add((field, SKOS.prefLabel, Literal(en, lang="en")))
            for alt in alts:
                g.add((field, SKOS.altLabel, Literal(alt, lang="zh")))
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    return path


def _gold(tmp_path: Path, papers: list[dict], name: str = "gold.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"guide": "g", "papers": papers}, ensure_ascii=False), "utf-8")
    return path


def _ent(name, type_, aliases=(), **extra) -> dict:
    return {"name": name, "type": type_, "aliases": list(aliases), **extra}


def _score(tmp_path, gold_entities, pred_entities, arxiv_id="2602.00001"):
    gold = _gold(tmp_path, [{"arxiv_id": arxiv_id, "entities": gold_entities}])
    graph = _graph(tmp_path, {arxiv_id: pred_entities})
    return evaluate([gold], graph).files[0]


@pytest.mark.parametrize(
    ("gold", "pred", "untyped_tp"),
    [
        # canonical names equal after normalization (case, spaces vs dashes)
        (_ent("Qwen2.5-VL-7B", "Model"), ("e1", ["Model"], "qwen2.5 VL 7B", []), 1),
        # gold alias equals predicted label
        (
            _ent("PPI", "Method", ["Predictive Policy Improvement"]),
            ("e1", ["Method"], "Predictive Policy Improvement", []),
            1,
        ),
        # gold name equals a predicted altLabel
        (_ent("H100", "Hardware"), ("e1", ["Hardware"], "NVIDIA H100", ["H100"]), 1),
        # Chinese alias on both sides
        (_ent("Accuracy", "Metric", ["准确率"]), ("e1", ["Metric"], "准确率", []), 1),
        # different versions never match
        (_ent("Qwen3-VL", "Model"), ("e1", ["Model"], "Qwen2.5-VL", []), 0),
    ],
)
def test_eval_matches_by_any_label(tmp_path, gold, pred, untyped_tp):
    s = _score(tmp_path, [gold], [pred])
    assert s.untyped.matched_gold == untyped_tp
    assert s.untyped.fn == 1 - untyped_tp
    assert s.untyped.fp == 1 - untyped_tp


@pytest.mark.parametrize(
    ("gold", "pred_types", "typed_tp"),
    [
        (_ent("VBench", "Benchmark"), ["Dataset"], 1),  # Dataset and Benchmark are one type
        (_ent("MS-COCO", "Dataset"), ["Benchmark"], 1),
        (_ent("ImageReward", "Model", alt_types=["Metric"]), ["Metric"], 1),  # alt type
        (_ent("ImageReward", "Model"), ["Metric"], 0),
        (_ent("GRPO", "Method"), ["Model", "Method"], 1),  # any of several classes
        (_ent("GRPO", "Method"), [], 0),  # untyped entity node
    ],
)
def test_eval_typed_vs_untyped(tmp_path, gold, pred_types, typed_tp):
    s = _score(tmp_path, [gold], [("e1", pred_types, gold["name"], [])])
    assert s.untyped.matched_gold == 1
    assert s.untyped.precision == 1.0
    assert s.typed.matched_gold == typed_tp
    assert s.typed.fn == 1 - typed_tp
    assert s.typed.fp == 1 - typed_tp
    assert len(s.type_errors) == 1 - typed_tp


def test_eval_optional_is_neither_hit_nor_miss(tmp_path):
    gold = [
        _ent("GRPO", "Method"),
        _ent("SFT", "Method", optional=True),
        _ent("RL", "Method", optional=True),
    ]
    pred = [("e1", ["Method"], "GRPO", []), ("e2", ["Method"], "SFT", [])]
    s = _score(tmp_path, gold, pred)
    assert (s.untyped.matched_gold, s.untyped.fp, s.untyped.fn) == (1, 0, 0)
    assert (s.typed.matched_gold, s.typed.fp, s.typed.fn) == (1, 0, 0)
    assert (s.gold_entities, s.optional_entities) == (1, 2)
    assert s.misses == () and s.false_positives == ()


def test_eval_optional_with_wrong_type_is_not_a_type_error(tmp_path):
    s = _score(tmp_path, [_ent("CoT", "Method", optional=True)], [("e1", ["Model"], "CoT", [])])
    assert s.typed.fp == 0 and s.type_errors == ()


def test_eval_matching_is_one_to_one(tmp_path):
    # two predicted nodes for one gold entity: one hit and one false positive
    pred = [("e1", ["Model"], "GPT-4o", []), ("e2", ["Model"], "gpt 4o", [])]
    s = _score(tmp_path, [_ent("GPT-4o", "Model")], pred)
    assert (s.untyped.matched_gold, s.untyped.matched_pred, s.untyped.fp) == (1, 1, 1)
    assert s.untyped.precision == 0.5 and s.untyped.recall == 1.0


def test_eval_required_gold_wins_over_optional(tmp_path):
    # the prediction could match either; the required entity must get it
    gold = [_ent("MoE", "Method", ["混合专家"], optional=True), _ent("Mixture", "Method", ["MoE"])]
    s = _score(tmp_path, gold, [("e1", ["Method"], "MoE", [])])
    assert (s.untyped.matched_gold, s.untyped.fn, s.untyped.fp) == (1, 0, 0)


def test_eval_numbers_and_error_lists(tmp_path):
    gold = [
        {
            "arxiv_id": "2602.00002",
            "entities": [
                _ent("DeepSpeed", "Software"),
                _ent("GRPO", "Method"),
                _ent("VBench", "Benchmark"),
                _ent("A40", "Hardware", ["NVIDIA A40"]),
            ],
        },
        {"arxiv_id": "2602.00001v2", "entities": [_ent("Qwen3-VL", "Model")]},
    ]
    graph = _graph(
        tmp_path,
        {
            "2602.00002": [
                ("a", ["Software"], "DeepSpeed", []),
                ("b", ["Model"], "GRPO", []),  # type error
                ("c", ["Benchmark"], "VBench", []),
                ("d", ["Method"], "mode collapse", []),  # false positive
            ],
            "2602.00001": [("e", ["Model"], "Qwen3-VL", [])],
            "2602.09999": [("f", ["Model"], "Not in gold", [])],  # paper not in gold: ignored
        },
    )
    s = evaluate([_gold(tmp_path, gold)], graph).files[0]
    assert (s.untyped.matched_gold, s.untyped.fp, s.untyped.fn) == (4, 1, 1)
    assert s.untyped.precision == pytest.approx(4 / 5)
    assert s.untyped.recall == pytest.approx(4 / 5)
    assert (s.typed.matched_gold, s.typed.fp, s.typed.fn) == (3, 2, 2)
    assert s.typed.f1 == pytest.approx(0.6)
    by_type = dict(s.typed_by_type)
    assert (by_type["Method"].matched_gold, by_type["Method"].fn, by_type["Method"].fp) == (0, 1, 1)
    assert (by_type["Model"].matched_gold, by_type["Model"].fp) == (1, 1)
    assert by_type["Dataset"].matched_gold == 1
    untyped = dict(s.untyped_by_type)
    # precision side follows the predicted type, recall side the gold type
    assert (untyped["Model"].matched_pred, untyped["Method"].matched_gold) == (2, 1)
    assert [(e.arxiv_id, e.name) for e in s.misses] == [("2602.00002", "A40")]
    assert [(e.arxiv_id, e.name) for e in s.false_positives] == [("2602.00002", "mode collapse")]
    assert [(e.name, e.type, e.predicted_type) for e in s.type_errors] == [
        ("GRPO", "Method", "Model")
    ]
    assert s.predicted_entities == 5
    text = format_report(evaluate([_gold(tmp_path, gold)], graph), max_errors=30)
    assert "Dataset and Benchmark count as the same type" in text
    assert "2602.00002   Hardware" in text and "mode collapse" in text


def test_eval_missing_paper_counts_as_misses(tmp_path):
    gold = _gold(
        tmp_path,
        [
            {"arxiv_id": "2602.00001", "entities": [_ent("GRPO", "Method")]},
            {
                "arxiv_id": "2602.00003",
                "entities": [_ent("PPO", "Method"), _ent("A2C", "Method")],
                "fields": [{"zh": "强化学习", "en": None}],
            },
        ],
    )
    graph = _graph(tmp_path, {"2602.00001": [("a", ["Method"], "GRPO", [])]})
    report = evaluate([gold], graph)
    s = report.files[0]
    assert s.missing_papers == ("2602.00003",)
    assert (s.untyped.matched_gold, s.untyped.fn) == (1, 2)
    assert s.fields.fn == 1
    assert "missing from the graph" in format_report(report)


def test_eval_fields_match_on_zh_en_or_alias(tmp_path):
    fields = [
        {"zh": "具身智能", "en": "Embodied AI"},
        {"zh": "博弈论", "en": "Game Theory"},
        {"zh": "计算机视觉", "en": None},
        {"zh": "自然语言处理", "en": "Natural Language Processing", "aliases": ["NLP"]},
    ]
    gold = _gold(tmp_path, [{"arxiv_id": "2602.00001", "entities": [], "fields": fields}])
    predicted = [("具身智能", None), (None, "game theory"), ("机器人", "Robotics"), (None, "NLP")]
    graph = _graph(tmp_path, {"2602.00001": []}, fields={"2602.00001": predicted})
    s = evaluate([gold], graph).files[0]
    assert (s.fields.matched_gold, s.fields.fp, s.fields.fn) == (3, 1, 1)
    assert s.fields.precision == pytest.approx(3 / 4)


def test_eval_fields_match_on_another_paper_s_name_of_the_field(tmp_path):
    # the graph's field is `自动程序修复`; this paper wrote `自动化程序修复`, kept as altLabel
    fields = [{"zh": "自动化程序修复", "en": None}]
    gold = _gold(tmp_path, [{"arxiv_id": "2602.00001", "entities": [], "fields": fields}])
    predicted = [("自动程序修复", "Automated Program Repair", "自动化程序修复")]
    graph = _graph(tmp_path, {"2602.00001": []}, fields={"2602.00001": predicted})
    assert evaluate([gold], graph).files[0].fields.matched_gold == 1


def test_eval_scores_each_gold_file_separately(tmp_path):
    dev = _gold(
        tmp_path, [{"arxiv_id": "2602.00001", "entities": [_ent("GRPO", "Method")]}], "dev.json"
    )
    held = _gold(
        tmp_path, [{"arxiv_id": "2602.00002", "entities": [_ent("PPO", "Method")]}], "heldout.json"
    )
    graph = _graph(tmp_path, {"2602.00001": [("a", ["Method"], "GRPO", [])], "2602.00002": []})
    report = evaluate([dev, held], graph)
    assert [f.gold_file for f in report.files] == ["dev.json", "heldout.json"]
    assert [f.untyped.recall for f in report.files] == [1.0, 0.0]
    text = format_report(report)
    assert text.index("== dev.json") < text.index("== heldout.json")
    pooled = text[text.index("== all 2 gold files pooled") :]
    # one hit of two gold entities: recall 0.5; the mean of the files' F1 is (1 + 0) / 2
    assert "2 papers, 2 gold entities; mean typed F1 of the files 0.500" in pooled
    assert "overall (micro)        1.000  0.500  0.667     1.000  0.500  0.667" in pooled


def test_eval_single_file_has_no_pooled_section(tmp_path):
    score_file = _gold(tmp_path, [{"arxiv_id": "2602.00001", "entities": [_ent("GRPO", "Method")]}])
    graph = _graph(tmp_path, {"2602.00001": [("a", ["Method"], "GRPO", [])]})
    assert "pooled" not in format_report(evaluate([score_file], graph))


def test_eval_error_lists_are_capped_and_sorted(tmp_path):
    gold = [_ent(f"M{i}", "Model") for i in range(5)]
    s_report = evaluate(
        [_gold(tmp_path, [{"arxiv_id": "2602.00001", "entities": gold}])],
        _graph(tmp_path, {"2602.00001": []}),
    )
    text = format_report(s_report, max_errors=2)
    assert "Misses (FN): 5, first 2" in text
    assert "M0" in text and "M1" in text and "M2" not in text


def test_eval_alt_type_hit_counts_recall_under_gold_type(tmp_path):
    gold = [_ent("MiniMax", "Model", alt_types=["Organization"])]
    s = _score(tmp_path, gold, [("e1", ["Organization"], "MiniMax", [])])
    by_type = dict(s.typed_by_type)
    assert (by_type["Model"].matched_gold, by_type["Model"].matched_pred) == (1, 0)
    assert (by_type["Organization"].matched_pred, by_type["Organization"].matched_gold) == (1, 0)
    assert by_type["Organization"].precision == 1.0


def test_eval_roles_scored_on_matched_entities_gold_gives_roles(tmp_path):
    gold = [
        _ent("FooNet", "Model", roles=["proposes"]),
        _ent("Qwen3-8B", "Model", roles=["comparesWith", "uses"]),
        _ent("MMLU", "Benchmark", roles=["evaluatesOn"]),
        _ent("H100", "Hardware"),  # no roles given: not scored for roles
        _ent("SFT", "Method", optional=True, roles=["uses"]),  # optional: never scored
    ]
    pred = [
        ("e1", ["Model"], "FooNet", [], ["proposes"]),
        ("e2", ["Model"], "Qwen3-8B", [], ["uses"]),
        ("e3", ["Benchmark"], "MMLU", [], ["evaluatesOn", "uses"]),
        ("e4", ["Hardware"], "H100", [], ["runsOn"]),
        ("e5", ["Method"], "SFT", [], []),
    ]
    roles = dict(_score(tmp_path, gold, pred).roles)
    assert (roles["proposes"].matched_gold, roles["proposes"].fp, roles["proposes"].fn) == (1, 0, 0)
    assert (roles["uses"].matched_gold, roles["uses"].fp, roles["uses"].fn) == (1, 1, 0)
    assert (roles["comparesWith"].matched_gold, roles["comparesWith"].fn) == (0, 1)
    assert roles["evaluatesOn"].f1 == 1.0
    assert roles["runsOn"].matched_gold + roles["runsOn"].fp + roles["runsOn"].fn == 0


def test_eval_roles_table_only_when_gold_gives_roles(tmp_path):
    pred = [("e1", ["Model"], "FooNet", [], ["proposes"])]
    without = format_report(
        evaluate(
            [
                _gold(
                    tmp_path,
                    [{"arxiv_id": "2602.00001", "entities": [_ent("FooNet", "Model")]}],
                    "a.json",
                )
            ],
            _graph(tmp_path, {"2602.00001": pred}),
        )
    )
    assert "all roles" not in without
    gold = _gold(
        tmp_path,
        [{"arxiv_id": "2602.00001", "entities": [_ent("FooNet", "Model", roles=["proposes"])]}],
        "b.json",
    )
    report = format_report(evaluate([gold], _graph(tmp_path, {"2602.00001": pred})))
    assert "proposes" in report and "all roles" in report


@pytest.mark.parametrize("roles", [["mentions"], ["propose"], "proposes"])
def test_eval_roles_bad_value_is_a_user_error(tmp_path, roles):
    from kg.errors import UserError

    gold = _gold(
        tmp_path, [{"arxiv_id": "2602.00001", "entities": [_ent("FooNet", "Model", roles=roles)]}]
    )
    with pytest.raises(UserError, match="role"):
        evaluate([gold], _graph(tmp_path, {"2602.00001": []}))


def _rel(subject, predicate, object_) -> dict:
    return {"subject": subject, "predicate": predicate, "object": object_}


_REL_GOLD = [
    _ent("FooNet-7B", "Model"),
    _ent("Qwen3-8B", "Model"),
    _ent("MathData", "Dataset", ["数学数据"]),
    _ent("FooBench", "Benchmark"),
    _ent("MMLU", "Benchmark"),
]
_REL_PRED = [
    ("e1", ["Model"], "FooNet-7B", []),
    ("e2", ["Model"], "Qwen3-8B", []),
    ("e3", ["Dataset"], "数学数据", []),
    ("e4", ["Benchmark"], "FooBench", []),
]


def _score_relations(tmp_path, gold_relations, pred_relations, other=None):
    gold = _gold(
        tmp_path,
        [{"arxiv_id": "2602.00001", "entities": _REL_GOLD, "relations": gold_relations}],
    )
    graph = _graph(
        tmp_path,
        {"2602.00001": _REL_PRED, "2602.00002": _REL_PRED},
        relations={"2602.00001": pred_relations, "2602.00002": other or []},
    )
    return evaluate([gold], graph).files[0]


def test_eval_relations_typed_any_and_direction(tmp_path):
    gold = [
        _rel("FooNet-7B", "fineTunedFrom", "Qwen3-8B"),
        _rel("FooNet-7B", "trainedOn", "MathData"),
        _rel("FooBench", "basedOn", "MMLU"),
    ]
    pred = [
        ("e1", "fineTunedFrom", "e2"),  # hit
        ("e1", "basedOn", "e3"),  # right pair (matched by the Chinese alias), wrong predicate
        ("e2", "basedOn", "e1"),  # wrong direction
        ("e1", "variantOf", "e2"),  # not a stated relation: not scored
    ]
    score = _score_relations(tmp_path, gold, pred)
    rel = dict(score.relations)
    assert (rel["fineTunedFrom"].matched_gold, rel["fineTunedFrom"].fp) == (1, 0)
    assert (rel["trainedOn"].matched_gold, rel["trainedOn"].fn) == (0, 1)
    assert (rel["basedOn"].matched_pred, rel["basedOn"].fp, rel["basedOn"].fn) == (0, 2, 1)
    any_ = rel["any relation"]
    assert (any_.matched_gold, any_.fn, any_.matched_pred, any_.fp) == (2, 1, 2, 1)
    assert [e.name for e in score.relation_misses] == [
        "FooBench -> MMLU",
        "FooNet-7B -> MathData",
    ]
    assert sorted(e.name for e in score.relation_false_positives) == [
        "FooNet-7B -> 数学数据",
        "Qwen3-8B -> FooNet-7B",
    ]


def test_eval_relations_of_another_paper_do_not_count(tmp_path):
    gold = [_rel("FooNet-7B", "fineTunedFrom", "Qwen3-8B")]
    score = _score_relations(tmp_path, gold, [], other=[("e1", "fineTunedFrom", "e2")])
    rel = dict(score.relations)
    assert (rel["fineTunedFrom"].matched_gold, rel["fineTunedFrom"].fn) == (0, 1)
    assert rel["fineTunedFrom"].fp == 0


def test_eval_relations_table_only_when_gold_gives_relations(tmp_path):
    pred = {"2602.00001": _REL_PRED}
    relations = {"2602.00001": [("e1", "fineTunedFrom", "e2")]}
    plain = _gold(tmp_path, [{"arxiv_id": "2602.00001", "entities": _REL_GOLD}], "a.json")
    report = format_report(evaluate([plain], _graph(tmp_path, pred, relations=relations)))
    assert "any relation" not in report and "Relations missed" not in report
    empty = _gold(
        tmp_path, [{"arxiv_id": "2602.00001", "entities": _REL_GOLD, "relations": []}], "b.json"
    )
    report = format_report(evaluate([empty], _graph(tmp_path, pred, relations=relations)))
    assert "any relation" in report and "Relations not in the gold: 1" in report


@pytest.mark.parametrize(
    ("relation", "message"),
    [
        (_rel("FooNet-7B", "variantOf", "Qwen3-8B"), "unknown predicate"),
        (_rel("FooNet", "basedOn", "Qwen3-8B"), "subject 'FooNet'"),
        (_rel("FooNet-7B", "basedOn", "Qwen3"), "object 'Qwen3'"),
        ({"subject": "FooNet-7B", "predicate": "basedOn"}, "expected an object"),
        ("FooNet-7B basedOn Qwen3-8B", "expected an object"),
    ],
)
def test_eval_relations_bad_gold_is_a_user_error(tmp_path, relation, message):
    from kg.errors import UserError

    gold = _gold(
        tmp_path,
        [{"arxiv_id": "2602.00001", "entities": _REL_GOLD, "relations": [relation]}],
    )
    with pytest.raises(UserError, match=f"relation #1: .*{message}"):
        evaluate([gold], _graph(tmp_path, {"2602.00001": []}))
