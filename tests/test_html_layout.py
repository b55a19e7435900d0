"""Start positions of graph.html: complete, deterministic, clustered by top-level area."""

from __future__ import annotations

import math

from html_fixtures import random_graph, small_graph

from kg.html.layout import initial_positions


def test_html_layout_places_every_node_deterministically() -> None:
    G = small_graph()
    shown = sorted(G.nodes)
    pos = initial_positions(G, shown)
    assert set(pos) == set(shown)
    assert pos == initial_positions(small_graph(), shown)
    assert all(isinstance(c, int) for xy in pos.values() for c in xy)


def test_html_layout_clusters_papers_by_area() -> None:
    G = random_graph(1000, seed=2)
    shown = sorted(G.nodes)
    pos = initial_positions(G, shown)
    tops = sorted(n for n, d in G.nodes(data=True) if d.get("top"))

    def area_of(paper: str) -> str:
        fields = sorted(f for _, f, k in G.out_edges(paper, keys=True) if k == "inField")
        up = [t for f in fields for _, t, k in G.out_edges(f, keys=True) if k == "broader"]
        return sorted(set(up) | (set(fields) & set(tops)))[0]

    papers = [n for n, d in G.nodes(data=True) if d["kind"] == "Paper"]
    groups: dict[str, list[tuple[int, int]]] = {}
    for p in papers:
        groups.setdefault(area_of(p), []).append(pos[p])
    centres = {
        a: (sum(x for x, _ in ps) / len(ps), sum(y for _, y in ps) / len(ps))
        for a, ps in groups.items()
    }
    # Each paper is nearer to its own area's centre than to any other centre.
    for a, ps in groups.items():
        for x, y in ps:
            own = math.dist((x, y), centres[a])
            assert all(own <= math.dist((x, y), c) for b, c in centres.items() if b != a)
