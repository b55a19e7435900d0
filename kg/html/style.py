"""The one style table of graph.html: colour, shape and legend label per node kind and edge role."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NodeStyle:
    color: str
    shape: str  # a vis-network shape drawn with the label below it (size applies)
    en: str
    zh: str
    dashed: bool = False  # dashed border: tells apart kinds that share a shape


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    color: str
    en: str
    zh: str
    dashed: bool = False


# Order is the legend order. Colour-blind-friendly Tableau 10 palette; shapes differ too so the
# page still reads in greyscale.
NODE_STYLES: dict[str, NodeStyle] = {
    "Paper": NodeStyle("#4e79a7", "square", "Paper", "论文"),
    "Field": NodeStyle("#9c755f", "hexagon", "Field", "领域", dashed=True),
    "Model": NodeStyle("#e15759", "dot", "Model", "模型"),
    "Dataset": NodeStyle("#59a14f", "triangle", "Dataset", "数据集"),
    "Benchmark": NodeStyle("#8cd17d", "triangleDown", "Benchmark", "基准"),
    "Method": NodeStyle("#f28e2b", "diamond", "Method", "方法"),
    "Metric": NodeStyle("#edc948", "star", "Metric", "指标"),
    "Hardware": NodeStyle("#79706e", "hexagon", "Hardware", "硬件"),
    "Software": NodeStyle("#b07aa1", "square", "Software", "软件", dashed=True),
    "Organization": NodeStyle("#76b7b2", "dot", "Organization", "机构", dashed=True),
}

# A node whose kind is not in the table (a newer pipeline) still renders, in grey.
FALLBACK_NODE = NodeStyle("#bab0ac", "dot", "Other", "其他")

# Paper -> entity roles first (in the priority used to colour a link with several roles), then
# the structural relations. Any other entity -> entity predicate uses `relation`.
EDGE_STYLES: dict[str, EdgeStyle] = {
    "proposes": EdgeStyle("#d62728", "proposes", "提出"),
    "evaluatesOn": EdgeStyle("#2ca02c", "evaluates on", "评测于"),
    "comparesWith": EdgeStyle("#9467bd", "compares with", "对比"),
    "runsOn": EdgeStyle("#8c564b", "runs on", "运行于"),
    "uses": EdgeStyle("#1f77b4", "uses", "使用"),
    "mentions": EdgeStyle("#b8b8b8", "mentions", "提及"),
    "inField": EdgeStyle("#c7a17a", "in field", "属于领域", dashed=True),
    "broader": EdgeStyle("#7f7f7f", "broader field", "上位领域", dashed=True),
    "variantOf": EdgeStyle("#e377c2", "variant of", "变体"),
    "fineTunedFrom": EdgeStyle("#ff7f0e", "fine-tuned from", "微调自"),
    "distilledFrom": EdgeStyle("#bcbd22", "distilled from", "蒸馏自"),
    "basedOn": EdgeStyle("#17becf", "based on", "基于"),
    "trainedOn": EdgeStyle("#aec7e8", "trained on", "训练于"),
    "relation": EdgeStyle("#98df8a", "other relation", "其他关系"),
}


def node_style(kind: str) -> NodeStyle:
    return NODE_STYLES.get(kind, FALLBACK_NODE)


def edge_style(rel: str) -> EdgeStyle:
    return EDGE_STYLES.get(rel, EDGE_STYLES["relation"])


def main_role(roles: tuple[str, ...]) -> str:
    """The role that colours a paper -> entity link: the first of EDGE_STYLES among `roles`."""
    for role in EDGE_STYLES:
        if role in roles:
            return role
    return "mentions"
