"""Hand-made graphs with the docs/ARCHITECTURE.md schema, for the graph.html tests."""

from __future__ import annotations

import random

import networkx as nx
from graph_fixtures import add_entity, add_field, add_paper, link

from kg.iri import paper_iri
from kg.model import ENTITY_TYPES, ROLES, Alias, Area, Evidence

XSS_FLAG = "__kg_xss"
# Each payload sets window.__kg_xss if it ever runs as code.
XSS_TITLE = (
    f'<img src=x onerror="window.{XSS_FLAG}=1"> & <script>window.{XSS_FLAG}=2</script>'
    " \"quoted\" 'single' href=javascript:alert(1) \u2028 </script><!--"
)
XSS_NAME = f"<script>alert(1);window.{XSS_FLAG}=3</script>"


def _ev(source: str, line: int, section: str, sentence: str) -> tuple[Evidence, ...]:
    return (Evidence(source, line, section, sentence),)


def mention(
    G: nx.MultiDiGraph, paper: str, entity: str, roles: tuple[str, ...], sentence: str, line: int
) -> None:
    link(
        G,
        paper,
        entity,
        "mentions",
        roles=roles,
        evidence=_ev("2025-01-01.md", line, "contribution", sentence),
    )


def small_graph(
    title: str = "GeoAgent: geolocation with vision-language models",
) -> nx.MultiDiGraph:
    """Two papers, entities of several types with Chinese aliases, fields and relations."""
    G = nx.MultiDiGraph()
    G.graph["areas"] = (Area("computer-vision", "计算机视觉", "Computer Vision"),)
    p1 = add_paper(G, "2501.00001", title, ("2025-01-01",))
    p2 = add_paper(G, "2501.00002", "Fast Attention on Ascend NPUs", ("2025-01-02",))
    p3 = add_paper(G, "2501.00003", "A failed analysis", ("2025-01-02",), failed=True)
    qwen = add_entity(G, "Model", "Qwen2.5-VL", (Alias("通义千问视觉"),), support=2)
    qwen7 = add_entity(G, "Model", "Qwen2.5-VL-7B", support=1)
    geo = add_entity(G, "Model", "GeoAgent", support=1)
    mmlu = add_entity(G, "Benchmark", "MMLU", (Alias("大规模多任务语言理解", "zh"),), support=1)
    ds = add_entity(G, "Dataset", "GeoBench-Images", support=1)
    npu = add_entity(G, "Hardware", "Ascend 910B", (Alias("昇腾910B", "zh"),), support=1)
    lora = add_entity(G, "Method", "LoRA", (Alias("低秩适配", "zh"),), support=2)
    acc = add_entity(G, "Metric", "accuracy", (Alias("准确率", "zh"),), support=1)
    torch = add_entity(G, "Software", "PyTorch", support=1)
    org = add_entity(G, "Organization", "Alibaba", (Alias("阿里巴巴", "zh"),), support=1)
    cv = add_field(G, "计算机视觉", "Computer Vision", top=True, support=1)
    geo_f = add_field(G, "地理定位", "Geolocation", support=1)
    G.nodes[geo_f]["aliases"] = (Alias("图像地理定位", "zh"),)  # another paper's name
    sys_f = add_field(G, "系统", None, support=1)
    link(G, geo_f, cv, "broader")
    mention(G, p1, geo, ("proposes",), "本文提出 GeoAgent，一个地理定位智能体。", 10)
    mention(G, p1, qwen7, ("uses",), "GeoAgent 基于 Qwen2.5-VL-7B 微调。", 11)
    mention(G, p1, mmlu, ("evaluatesOn",), "在 MMLU 上评测。", 12)
    mention(G, p1, ds, ("evaluatesOn", "proposes"), "我们发布 GeoBench-Images 数据集。", 13)
    mention(G, p1, lora, ("uses",), "使用 LoRA 进行高效微调。", 14)
    mention(G, p1, acc, (), "准确率提升 12%。", 15)
    mention(G, p1, org, (), "由阿里巴巴团队完成。", 16)
    mention(G, p2, npu, ("runsOn",), "所有实验在昇腾910B上完成。", 20)
    mention(G, p2, lora, ("comparesWith",), "与 LoRA 相比速度更快。", 21)
    mention(G, p2, torch, ("uses",), "基于 PyTorch 实现。", 22)
    mention(G, p2, qwen, ("uses",), "以 Qwen2.5-VL 为骨干。", 23)
    for p, f, line in ((p1, geo_f, 9), (p1, cv, 9), (p2, sys_f, 19), (p3, cv, 30)):
        link(
            G,
            p,
            f,
            "inField",
            evidence=_ev("2025-01-01.md", line, "fields", "领域"),
        )
    link(G, qwen7, qwen, "variantOf")
    link(
        G,
        geo,
        qwen7,
        "fineTunedFrom",
        evidence=_ev("2025-01-01.md", 11, "contribution", "GeoAgent 基于 Qwen2.5-VL-7B 微调。"),
    )
    return G


def hostile_graph() -> nx.MultiDiGraph:
    """small_graph with script, quotes, '&' and href text in titles, names, aliases, evidence."""
    G = small_graph(title=XSS_TITLE)
    bad = add_entity(G, "Model", XSS_NAME, (Alias(XSS_TITLE, "zh"),), support=1)
    p1 = paper_iri("2501.00001")
    mention(G, p1, bad, ("uses",), XSS_TITLE, 40)
    G.nodes[p1]["url"] = "javascript:window.__kg_xss=4"
    return G


def random_graph(n_nodes: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A large random graph with the real schema: ~25% papers, 40 fields, the rest entities."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_fields = 40
    n_papers = n_nodes // 4
    n_entities = n_nodes - n_papers - n_fields
    tops = [add_field(G, f"顶层{i}", f"Area {i}", top=True) for i in range(5)]
    fields = list(tops)
    for i in range(n_fields - len(tops)):
        f = add_field(G, f"领域{i}", f"Field {i}")
        link(G, f, tops[i % len(tops)], "broader")
        fields.append(f)
    ents = []
    for i in range(n_entities):
        kind = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        ents.append(add_entity(G, kind, f"{kind}-{i}", (Alias(f"实体{i}", "zh"),)))
    # Power-law-ish popularity so some entities are hubs, as in real reports.
    weights = [1.0 / (1 + i) ** 0.8 for i in range(len(ents))]
    support: dict[str, int] = dict.fromkeys(ents, 0)
    for p in range(n_papers):
        date = f"2025-{1 + p % 12:02d}-{1 + p % 28:02d}"
        paper = add_paper(G, f"2501.{p:05d}", f"Paper number {p} about things", (date,))
        for f in rng.sample(fields, 2):
            link(G, paper, f, "inField", evidence=_ev("r.md", p, "fields", "x"))
        for e in set(rng.choices(ents, weights=weights, k=8)):
            roles = (rng.choice(ROLES[:-1]),) if rng.random() < 0.7 else ()
            mention(G, paper, e, roles, f"Sentence {p} mentions {G.nodes[e]['label']}.", p)
            support[e] += 1
    for e, s in support.items():
        G.nodes[e]["support"] = s
    return G
