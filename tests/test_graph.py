"""Tests of kg.graph: papers merged across reports, entities canonicalized and typed by vote."""

from __future__ import annotations

import pytest

from kg.graph import build_graph
from kg.iri import entity_iri, field_iri, paper_iri
from kg.keys import entity_key
from kg.model import (
    Alias,
    Area,
    EntityMention,
    Evidence,
    FieldMention,
    PaperExtraction,
    PaperRecord,
    Relation,
)


def rec(arxiv: str, date: str, source: str, failed: bool = False) -> PaperRecord:
    return PaperRecord(
        arxiv,
        f"Title {arxiv}",
        f"https://huggingface.co/papers/{arxiv}",
        date,
        source,
        7,
        failed=failed,
    )


def ev(source: str = "r.md", line: int = 10, sentence: str = "s") -> Evidence:
    return Evidence(source, line, "results", sentence)


def ent(name: str, etype: str, *roles: str, aliases=(), source: str = "r.md") -> EntityMention:
    return EntityMention(entity_key(name), name, etype, tuple(roles), tuple(aliases), (ev(source),))


def test_graph_same_paper_in_two_reports_is_one_node_with_both_dates() -> None:
    records = [rec("2602.1", "2026-02-19", "b.md"), rec("2602.1", "2026-02-08", "a.md")]
    G = build_graph(records, [PaperExtraction("2602.1"), PaperExtraction("2602.1")])
    node = G.nodes[paper_iri("2602.1")]
    assert node["dates"] == ("2026-02-08", "2026-02-19")
    assert node["sources"] == (("a.md", 7), ("b.md", 7))
    assert sum(1 for _, d in G.nodes(data=True) if d["kind"] == "Paper") == 1


def test_graph_failed_only_if_failed_everywhere() -> None:
    G = build_graph([rec("1", "2026-01-01", "a", True), rec("1", "2026-01-02", "b")], [])
    assert G.nodes[paper_iri("1")]["failed"] is False
    G = build_graph([rec("1", "2026-01-01", "a", True)], [])
    assert G.nodes[paper_iri("1")]["failed"] is True


def test_graph_entity_surface_forms_merge_and_vote_label() -> None:
    records = [rec(str(i), "2026-01-01", "r.md") for i in range(3)]
    exs = [
        PaperExtraction("0", (ent("Qwen2.5-VL-7B", "Model", "uses"),)),
        PaperExtraction("1", (ent("Qwen2.5-VL-7B", "Model", "comparesWith"),)),
        PaperExtraction("2", (ent("Qwen2.5 VL 7B", "Model", aliases=[Alias("千问", "zh")]),)),
    ]
    G = build_graph(records, exs)
    node = G.nodes[entity_iri("Model", "Qwen2.5-VL-7B")]
    assert node["label"] == "Qwen2.5-VL-7B"
    assert node["support"] == 3
    assert node["aliases"] == (Alias("Qwen2.5 VL 7B"), Alias("千问", "zh"))
    edge = G.edges[paper_iri("0"), entity_iri("Model", "Qwen2.5-VL-7B"), "mentions"]
    assert edge["roles"] == ("uses",) and edge["evidence"] == (ev(),)


def test_graph_dataset_used_for_evaluation_is_benchmark() -> None:
    exs = [
        PaperExtraction("0", (ent("VBench", "Dataset"),)),
        PaperExtraction("1", (ent("VBench", "Benchmark", "evaluatesOn"),)),
    ]
    G = build_graph([rec("0", None, "r"), rec("1", None, "r")], exs)
    assert G.nodes[entity_iri("Dataset", "VBench")]["kind"] == "Benchmark"


def test_graph_relation_object_gets_a_node() -> None:
    r = Relation("qwen2.5-vl-7b", "variantOf", "qwen2.5-vl", ev(), "Qwen2.5-VL", "Model")
    exs = [PaperExtraction("0", (ent("Qwen2.5-VL-7B", "Model"),), relations=(r,))]
    G = build_graph([rec("0", None, "r")], exs)
    fam = entity_iri("Model", "Qwen2.5-VL")
    assert G.nodes[fam]["label"] == "Qwen2.5-VL" and G.nodes[fam]["support"] == 0
    assert G.has_edge(entity_iri("Model", "Qwen2.5-VL-7B"), fam, "variantOf")


def test_graph_relation_evidence_keeps_the_stating_paper() -> None:
    a = Evidence("r.txt", 3, "usage", "基于 Qwen2.5-VL 微调。")
    b = Evidence("r.txt", 9, "results", "同样基于 Qwen2.5-VL 微调。")
    exs = [
        PaperExtraction(
            pid,
            (ent("GeoAgent", "Model"), ent("Qwen2.5-VL", "Model")),
            relations=(Relation("geoagent", "fineTunedFrom", "qwen2.5-vl", e),),
        )
        for pid, e in (("1", b), ("0", a))
    ]
    G = build_graph([rec("0", None, "r"), rec("1", None, "r")], exs)
    u, v = entity_iri("Model", "GeoAgent"), entity_iri("Model", "Qwen2.5-VL")
    data = G.edges[u, v, "fineTunedFrom"]
    assert data["evidence"] == (a, b)
    assert data["papers"] == (paper_iri("0"), paper_iri("1"))


def test_graph_fields_taxonomy_and_support() -> None:
    areas = [Area("computer-vision", "计算机视觉", "Computer Vision")]
    f1 = FieldMention(
        "video-generation",
        "视频生成",
        "Video Generation",
        parent="computer-vision",
        area="computer-vision",
    )
    f0 = FieldMention("computer-vision", "计算机视觉", None, area="computer-vision")
    exs = [PaperExtraction("0", fields=(f0, f1)), PaperExtraction("1", fields=(f1,))]
    G = build_graph([rec("0", None, "r"), rec("1", None, "r")], exs, areas)
    cv, vg = field_iri("computer-vision"), field_iri("video-generation")
    assert (
        G.nodes[cv]["top"]
        and G.nodes[cv]["en"] == "Computer Vision"
        and G.nodes[cv]["zh"] == "计算机视觉"
    )
    assert G.nodes[vg]["support"] == 2 and not G.nodes[vg]["top"]
    assert G.has_edge(vg, cv, "broader")
    assert not G.has_edge(cv, cv, "broader")
    assert G.has_edge(paper_iri("1"), vg, "inField")


def test_graph_fields_report_parent_and_own_area_are_both_broader() -> None:
    areas = [
        Area("computer-vision", "计算机视觉", "Computer Vision"),
        Area("generative-models", "生成模型", "Generative Models"),
    ]
    cv = FieldMention("computer-vision", "计算机视觉", None, area="computer-vision")
    vg = FieldMention("video-generation", "视频生成", None, cv.key, "generative-models")
    ego = FieldMention("ego", "第一人称视频理解", None, cv.key, "computer-vision")
    sub = FieldMention("long-video-generation", "长视频生成", None, vg.key, "generative-models")
    G = build_graph([rec("0", None, "r")], [PaperExtraction("0", fields=(cv, vg, ego, sub))], areas)
    up = {(u, v) for u, v, k in G.edges(keys=True) if k == "broader"}
    f = field_iri
    assert up == {
        (f("video-generation"), f("computer-vision")),  # as the report says
        (f("video-generation"), f("generative-models")),  # where its own words put it
        (f("ego"), f("computer-vision")),  # one area: no second edge
        (f("long-video-generation"), f("video-generation")),  # its parent already leads there
    }


def test_graph_fields_top_area_has_no_broader_field() -> None:
    areas = [
        Area("natural-language-processing", "自然语言处理", "Natural Language Processing"),
        Area("ai-agents", "智能体", "AI Agents"),
    ]
    nlp = FieldMention("natural-language-processing", "自然语言处理", None, area=areas[0].key)
    agents = FieldMention("ai-agents", "智能体", None, parent=nlp.key, area=areas[1].key)
    G = build_graph([rec("0", None, "r")], [PaperExtraction("0", fields=(nlp, agents))], areas)
    assert not G.has_edge(field_iri("ai-agents"), field_iri(nlp.key), "broader")
    assert G.has_edge(paper_iri("0"), field_iri("ai-agents"), "inField")


def _fields_graph(*papers: tuple[FieldMention, ...], areas=()):  # noqa: ANN202
    exs = [PaperExtraction(str(i), fields=fs) for i, fs in enumerate(papers)]
    return build_graph([rec(str(i), None, "r") for i in range(len(papers))], exs, areas)


def _field(zh: str | None, en: str | None, parent: str | None = None) -> FieldMention:
    from kg.keys import field_key

    return FieldMention(field_key(zh, en), zh, en, parent=parent, area="computer-vision")


def test_graph_fields_chinese_only_joins_the_same_field_named_in_english() -> None:
    named = _field("软件工程", "Software Engineering")
    bare = _field("软件工程", None)
    child = _field("代码审查", None, parent=bare.key)
    G = _fields_graph((named,), (bare, child))
    se = field_iri("software-engineering")
    assert field_iri("软件工程") not in G
    assert G.has_edge(paper_iri("1"), se, "inField") and G.nodes[se]["support"] == 2
    assert G.has_edge(field_iri("代码审查"), se, "broader")


def test_graph_fields_chinese_name_of_two_english_fields_joins_the_commoner() -> None:
    a, b = _field("高效推理", "Efficient Inference"), _field("高效推理", "Efficient Reasoning")
    G = _fields_graph((a,), (a,), (b,), (_field("高效推理", None),))
    assert G.has_edge(paper_iri("3"), field_iri("efficient-inference"), "inField")
    # two English names stay two fields
    assert field_iri("efficient-reasoning") in G


def test_graph_fields_plural_joins_singular_and_keeps_every_name() -> None:
    one, many = _field("数字人", "Digital Human"), _field("数字人", "Digital Humans")
    G = _fields_graph((one,), (one,), (many,))
    node = G.nodes[field_iri("digital-human")]
    assert field_iri("digital-humans") not in G
    assert node["en"] == "Digital Human" and node["aliases"] == (Alias("Digital Humans", "en"),)


def test_graph_fields_top_area_is_never_merged_away() -> None:
    areas = [Area("ai-agents", "智能体", "AI Agents")]
    G = _fields_graph(
        (_field(None, "AI Agent"),),
        (_field(None, "AI Agent"),),
        (_field(None, "AI Agents"),),
        areas=areas,
    )
    assert G.has_edge(paper_iri("0"), field_iri("ai-agents"), "inField")
    assert field_iri("ai-agent") not in G


def _entity_graph(*papers: tuple[EntityMention, ...], relations=()):  # noqa: ANN202
    exs = [
        PaperExtraction(str(i), ms, relations=relations if i == 0 else ())
        for i, ms in enumerate(papers)
    ]
    return build_graph([rec(str(i), None, "r") for i in range(len(papers))], exs)


def test_graph_entities_spelled_with_and_without_hyphens_are_one() -> None:
    G = _entity_graph(
        (ent("NExT-QA", "Benchmark"),),
        (ent("NExT-QA", "Benchmark"),),
        (ent("NExTQA", "Benchmark"),),
    )
    node = entity_iri("Benchmark", "next-qa")
    assert entity_iri("Benchmark", "nextqa") not in G
    assert G.has_edge(paper_iri("2"), node, "mentions")
    assert G.nodes[node]["label"] == "NExT-QA" and G.nodes[node]["support"] == 3
    assert Alias("NExTQA") in G.nodes[node]["aliases"]


def test_graph_entities_known_spelling_wins_and_relations_follow() -> None:
    known = EntityMention("qwen2.5-vl-7b", "Qwen2.5-VL-7B", "Model", in_kb=True)
    other = ent("Qwen-2.5-VL-7B", "Model")
    geo = ent("GeoAgent", "Model")
    fact = Relation("geoagent", "fineTunedFrom", "qwen-2.5-vl-7b")
    G = _entity_graph((geo, other), (other,), (known,), relations=(fact,))
    base = entity_iri("Model", "qwen2.5-vl-7b")
    assert entity_iri("Model", "qwen-2.5-vl-7b") not in G
    assert G.has_edge(entity_iri("Model", "geoagent"), base, "fineTunedFrom")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Gemma-3-4B", "Model"), ("Gemma-34B", "Model")),  # a hyphen between digits counts
        (("SafeRLHF", "Dataset"), ("Safe-RLHF", "Method")),  # a dataset is no method
        (("CMMD", "Metric"), ("CMM-D", "Method")),
    ],
)
def test_graph_entities_not_merged(a: tuple[str, str], b: tuple[str, str]) -> None:
    G = _entity_graph((ent(*a),), (ent(*b),))
    assert {d["label"] for _, d in G.nodes(data=True) if d["kind"] != "Paper"} == {a[0], b[0]}


def test_graph_entities_two_known_spellings_are_not_merged() -> None:
    # `VITS` the speech model and `ViT-S` the vision encoder are two knowledge-base entries
    vits = EntityMention("vits", "VITS", "Model", in_kb=True)
    vit_s = EntityMention("vit-s", "ViT-S", "Model", in_kb=True)
    G = _entity_graph((vits,), (vit_s,), (ent("ViTS", "Model"),))
    labels = {d["label"] for _, d in G.nodes(data=True) if d["kind"] != "Paper"}
    assert labels == {"VITS", "ViT-S"}


def test_graph_is_deterministic_whatever_the_input_order() -> None:
    exs = [
        PaperExtraction("0", (ent("B", "Method"), ent("A", "Model"))),
        PaperExtraction("1", (ent("A", "Model"), ent("C", "Hardware", "runsOn"))),
    ]
    recs = [rec("0", None, "r"), rec("1", None, "r")]
    g1, g2 = build_graph(recs, exs), build_graph(recs[::-1], exs[::-1])
    assert list(g1.nodes(data=True)) == list(g2.nodes(data=True))
    assert list(g1.edges(keys=True, data=True)) == list(g2.edges(keys=True, data=True))


def test_graph_guessed_types_do_not_outvote_typed_ones() -> None:
    guessed = EntityMention(entity_key("ZorbSora"), "ZorbSora", "Method", guessed=True)
    recs = [rec(str(i), None, "r") for i in range(3)]
    # one paper typed it (`相较 ZorbWorld、ZorbSora`), one only defaulted: the typed one wins
    G = build_graph(
        recs[:2],
        [PaperExtraction("0", (guessed,)), PaperExtraction("1", (ent("ZorbSora", "Model"),))],
    )
    assert G.nodes[entity_iri("Model", "ZorbSora")]["kind"] == "Model"
    # guesses still type an entity no paper typed
    G = build_graph(recs[2:], [PaperExtraction("2", (guessed,))])
    assert G.nodes[entity_iri("Method", "ZorbSora")]["kind"] == "Method"


def _kinds(G, label: str) -> dict[str, set[str]]:
    """Entity kind -> the papers linked to the node of that kind labelled `label`."""
    out: dict[str, set[str]] = {}
    for p, v, d in G.edges(data="rel"):
        if d == "mentions" and G.nodes[v]["label"] == label:
            out.setdefault(G.nodes[v]["kind"], set()).add(G.nodes[p]["arxiv_id"])
    return out


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        # two papers each propose a TRACE, one a benchmark and one a model: two things
        (
            [("Benchmark", "proposes"), ("Model", "proposes"), ("Model", "uses")],
            {"Benchmark": {"0"}, "Model": {"1", "2"}},
        ),
        # one proposes it, another types it otherwise: one node, the vote's type
        (
            [("Benchmark", "proposes"), ("Model", "comparesWith"), ("Benchmark", "uses")],
            {"Benchmark": {"0", "1", "2"}},
        ),
        # a model and a method proposed under one name are one kind of thing: one node
        ([("Method", "proposes"), ("Model", "proposes")], {"Method": {"0", "1"}}),
        # a third paper's sense nobody proposed joins the commonest proposed one
        (
            [("Model", "proposes"), ("Dataset", "proposes"), ("Model", "uses"), ("Metric",)],
            {"Model": {"0", "2", "3"}, "Dataset": {"1"}},
        ),
        # no majority: the proposed sense and the sense tied with it are two things
        (
            [("Model", "proposes"), ("Benchmark", "evaluatesOn")],
            {"Model": {"0"}, "Benchmark": {"1"}},
        ),
        # a majority against the proposed sense is still one node
        (
            [("Model", "proposes"), ("Benchmark", "evaluatesOn"), ("Dataset", "uses")],
            {"Benchmark": {"0", "1", "2"}},
        ),
        # the node's type is one of its sense's: the tie of three types the sense vote gave
        # to the model and the method is no dataset
        ([("Method",), ("Model",), ("Dataset",)], {"Method": {"0", "1", "2"}}),
    ],
)
def test_graph_senses_proposed_by_different_papers_are_nodes_of_their_own(
    mentions: list[tuple[str, ...]], expected: dict[str, set[str]]
) -> None:
    exs = [PaperExtraction(str(i), (ent("TRACE", *m),)) for i, m in enumerate(mentions)]
    G = build_graph([rec(str(i), None, "r") for i in range(len(mentions))], exs)
    assert _kinds(G, "TRACE") == expected


@pytest.mark.parametrize("guessed", [False, True])
def test_graph_proposed_name_in_another_letter_case_is_a_node_of_its_own(guessed: bool) -> None:
    # `Comet` the system one paper proposes (typed by a cue or only by default), `COMET` the
    # measure two other papers report
    comet = EntityMention(
        entity_key("Comet"), "Comet", "Method", roles=("proposes",), guessed=guessed
    )
    exs = [
        PaperExtraction("0", (comet,)),
        PaperExtraction("1", (ent("COMET", "Metric", "evaluatesOn"),)),
        PaperExtraction("2", (ent("COMET", "Metric", "evaluatesOn"),)),
    ]
    G = build_graph([rec(str(i), None, "r") for i in range(3)], exs)
    assert _kinds(G, "Comet") == {"Method": {"0"}}
    assert _kinds(G, "COMET") == {"Metric": {"1", "2"}}


def test_graph_proposed_name_spelled_alike_joins_the_majority() -> None:
    exs = [
        PaperExtraction("0", (ent("COMET", "Method", "proposes"),)),
        PaperExtraction("1", (ent("COMET", "Metric", "evaluatesOn"),)),
        PaperExtraction("2", (ent("COMET", "Metric", "evaluatesOn"),)),
    ]
    G = build_graph([rec(str(i), None, "r") for i in range(3)], exs)
    assert _kinds(G, "COMET") == {"Metric": {"0", "1", "2"}}


def test_graph_relation_ends_take_the_stating_papers_sense() -> None:
    exs = [
        PaperExtraction("0", (ent("TRACE", "Benchmark", "proposes"),)),
        PaperExtraction(
            "1",
            (ent("TRACE", "Model", "proposes"), ent("Qwen2.5-VL", "Model", "uses")),
            relations=(Relation("trace", "fineTunedFrom", "qwen2.5-vl", ev()),),
        ),
    ]
    G = build_graph([rec("0", None, "r"), rec("1", None, "r")], exs)
    qwen = entity_iri("Model", "Qwen2.5-VL")
    assert G.has_edge(entity_iri("Model", "TRACE"), qwen, "fineTunedFrom")
    assert not G.has_edge(entity_iri("Dataset", "TRACE"), qwen, "fineTunedFrom")
