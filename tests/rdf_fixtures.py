"""Small hand-made networkx graphs in the schema of docs/ARCHITECTURE.md, for RDF tests."""

from __future__ import annotations

import networkx as nx
from graph_fixtures import add_entity, add_field, add_paper, link

from kg.iri import entity_iri, paper_iri
from kg.model import Alias, Area, Evidence

AREAS = (
    Area(key="computer-vision", zh="计算机视觉", en="Computer Vision"),
    Area(key="machine-learning", zh="机器学习", en="Machine Learning"),
)


def _ev(source: str, line: int, section: str, sentence: str) -> Evidence:
    return Evidence(source=source, line=line, section=section, sentence=sentence)


def tiny_graph() -> nx.MultiDiGraph:
    """Two papers, four entities, three fields: the golden-file graph."""
    G = nx.MultiDiGraph(areas=AREAS[:1])
    p1 = add_paper(
        G,
        "2602.15927",
        "Visual Memory Injection Attacks",
        ("2026-02-19",),
        sources=(("000_a.txt", 7),),
        read_source="HTML",
    )
    p2 = add_paper(
        G,
        "2602.16682",
        "Learning Situated Awareness",
        ("2026-02-19", "2026-02-20"),
        sources=(("000_a.txt", 40), ("001_b.txt", 3)),
        failed=True,
        error="analysis timed out",
    )
    qwen7 = add_entity(G, "Model", "Qwen2.5-VL-7B", support=1)
    qwen = add_entity(G, "Model", "Qwen2.5-VL", support=1, in_kb=True)
    grpo = add_entity(
        G,
        "Method",
        "GRPO",
        support=2,
        aliases=(Alias("Group Relative Policy Optimization"), Alias("组相对策略优化", "zh")),
    )
    bench = add_entity(G, "Benchmark", "SAW-Bench", support=1)
    cv = add_field(G, "计算机视觉", "Computer Vision", support=1, top=True)
    ego = add_field(G, "第一人称视频理解", "Egocentric Video Understanding", support=1)
    sec = add_field(G, "多模态大模型安全", None, support=1)
    safety = add_field(G, "人工智能安全", "AI Safety", support=0, top=True)
    link(
        G,
        p1,
        grpo,
        "mentions",
        roles=("uses",),
        evidence=(_ev("000_a.txt", 20, "usage", "使用 GRPO 训练。"),),
    )
    link(
        G,
        p1,
        qwen7,
        "mentions",
        roles=("comparesWith", "evaluatesOn"),
        evidence=(
            _ev("000_a.txt", 30, "results", "在 Qwen2.5-VL-7B 上攻击成功。"),
            _ev("000_a.txt", 31, "results", "Qwen2.5-VL-7B 同样受影响。"),
        ),
    )
    link(
        G,
        p2,
        bench,
        "mentions",
        roles=("proposes",),
        evidence=(_ev("000_a.txt", 45, "contribution", "提出了 SAW-Bench 基准。"),),
    )
    link(
        G,
        p2,
        grpo,
        "mentions",
        roles=(),
        evidence=(_ev("001_b.txt", 9, "innovations", "不同于 GRPO。"),),
    )
    link(
        G,
        p1,
        sec,
        "inField",
        evidence=(_ev("000_a.txt", 12, "fields", "多模态大模型安全"),),
    )
    link(
        G,
        p2,
        ego,
        "inField",
        evidence=(_ev("000_a.txt", 43, "fields", "计算机视觉 - 第一人称视频理解"),),
    )
    link(G, ego, cv, "broader")
    link(G, sec, safety, "broader")
    link(G, qwen7, qwen, "variantOf")
    link(
        G,
        bench,
        qwen,
        "evaluatedWith",
        evidence=(_ev("000_a.txt", 46, "results", "..."),),
        papers=(p2,),
    )
    return G


# Names the named queries' default parameters refer to, plus filler, for synthetic graphs.
_SYNTH_ENTITIES: tuple[tuple[str, str], ...] = (
    ("Method", "GRPO"),
    ("Method", "PPO"),
    ("Method", "LoRA"),
    ("Benchmark", "VBench"),
    ("Benchmark", "MMLU"),
    ("Dataset", "MS-COCO"),
    ("Model", "Qwen2.5-VL"),
    ("Model", "Qwen2.5-VL-7B"),
    ("Model", "Qwen2.5-VL-72B"),
    ("Model", "Llama-3-8B"),
    ("Hardware", "H100"),
    ("Hardware", "A100"),
    ("Metric", "FID"),
    ("Software", "PyTorch"),
    ("Organization", "NVIDIA"),
)
_SYNTH_ROLES: dict[str, tuple[str, ...]] = {
    "Method": ("uses", "proposes", "comparesWith"),
    "Benchmark": ("evaluatesOn", "proposes"),
    "Dataset": ("uses", "evaluatesOn"),
    "Model": ("uses", "comparesWith"),
    "Hardware": ("runsOn", ""),
    "Metric": ("",),
    "Software": ("uses", ""),
    "Organization": ("",),
}


def synthetic_graph(n_papers: int = 30, seed: int = 7) -> nx.MultiDiGraph:
    """A seeded random graph that exercises every named query (both CV and NLP papers,
    GRPO users, VBench evaluations, a Qwen2.5-VL family, shared hardware)."""
    import random

    rng = random.Random(seed)
    G = nx.MultiDiGraph(areas=(Area("computer-vision", "计算机视觉", "Computer Vision"),))
    entities = [add_entity(G, kind, name, support=0) for kind, name in _SYNTH_ENTITIES]
    cv = add_field(G, "计算机视觉", "Computer Vision", support=0, top=True)
    nlp = add_field(G, "自然语言处理", "Natural Language Processing", support=0, top=True)
    video = add_field(G, "视频生成", "Video Generation", support=0)
    link(G, video, cv, "broader")
    fields = (cv, nlp, video)
    for i in range(n_papers):
        arxiv = f"2601.{10000 + i}"
        source = f"{i % 3:03d}_r.txt"
        p = add_paper(
            G,
            arxiv,
            f"Paper {i}",
            (f"2026-01-{1 + i % 5:02d}",),
            sources=((source, 10 * i + 1),),
            read_source="HTML",
        )
        field = fields[i % 3]
        link(
            G,
            p,
            field,
            "inField",
            evidence=(_ev(source, 10 * i + 2, "fields", "领域"),),
        )
        for e in rng.sample(entities, 5):
            kind = G.nodes[e]["kind"]
            role = rng.choice(_SYNTH_ROLES[kind])
            if G.nodes[e]["label"] in ("GRPO", "VBench") and i % 4 == 0:
                role = "uses" if kind == "Method" else "evaluatesOn"
            link(
                G,
                p,
                e,
                "mentions",
                roles=(role,) if role else (),
                evidence=(_ev(source, 10 * i + 5, "results", f"{G.nodes[e]['label']} 句子。"),),
            )
    for e in entities:
        G.nodes[e]["support"] = len({u for u, _ in G.in_edges(e)})
    for f in fields:
        G.nodes[f]["support"] = len({u for u, _ in G.in_edges(f) if G.nodes[u]["kind"] == "Paper"})
    qwen = entity_iri("Model", "qwen2.5-vl")
    for size in ("qwen2.5-vl-7b", "qwen2.5-vl-72b"):
        link(G, entity_iri("Model", size), qwen, "variantOf")
    link(
        G,
        entity_iri("Model", "llama-3-8b"),
        entity_iri("Model", "qwen2.5-vl-7b"),
        "fineTunedFrom",
        evidence=(_ev("000_r.txt", 5, "usage", "基于 Qwen2.5-VL-7B 微调得到。"),),
        papers=(paper_iri("2601.10000"),),
    )
    return G
