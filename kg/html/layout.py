"""Cheap deterministic start positions: one cluster per top-level area, so physics settles fast."""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict

import networkx as nx

NO_AREA = "~"  # sorts after every IRI: the cluster of nodes without a field


def _unit(node: str) -> tuple[float, float]:
    """A point in the unit disc derived from the node id (stable across runs and machines)."""
    h = hashlib.blake2b(node.encode("utf-8"), digest_size=8).digest()
    a = int.from_bytes(h[:4], "big") / 2**32 * 2 * math.pi
    r = math.sqrt(int.from_bytes(h[4:], "big") / 2**32)
    return r * math.cos(a), r * math.sin(a)


def _area_of(G: nx.MultiDiGraph, shown: set[str], up: dict[str, list[str]]) -> dict[str, str]:
    """Each shown paper and field with its first top-level area (or NO_AREA)."""
    memo: dict[str, str] = {}

    def area(field: str) -> str:
        if field not in memo:
            memo[field] = NO_AREA  # guards against cycles in `broader`
            if G.nodes[field].get("top"):
                memo[field] = field
            else:
                found = sorted(a for a in (area(p) for p in up.get(field, ())) if a != NO_AREA)
                memo[field] = found[0] if found else NO_AREA
        return memo[field]

    out: dict[str, str] = {}
    for n in sorted(shown):
        kind = G.nodes[n].get("kind")
        if kind == "Field":
            out[n] = area(n)
        elif kind == "Paper":
            areas = sorted(area(f) for _, f, k in G.out_edges(n, keys=True) if k == "inField")
            real = [a for a in areas if a != NO_AREA]
            out[n] = real[0] if real else NO_AREA
    return out


def initial_positions(G: nx.MultiDiGraph, shown: list[str]) -> dict[str, tuple[int, int]]:
    """Start positions: areas on a circle, papers scattered in their area's disc, every other
    node at the mean of its shown neighbours that already have a position."""
    shown_set = set(shown)
    up: dict[str, list[str]] = defaultdict(list)
    for u, v, k in G.edges(keys=True):
        if k == "broader":
            up[u].append(v)
    area = _area_of(G, shown_set, up)
    members: dict[str, list[str]] = defaultdict(list)
    for n, a in area.items():
        members[a].append(n)
    clusters = sorted(members)
    spacing = 40.0
    ring = spacing * math.sqrt(len(shown)) * 0.6 if len(clusters) > 1 else 0.0
    pos: dict[str, tuple[float, float]] = {}
    for i, a in enumerate(clusters):
        angle = 2 * math.pi * i / len(clusters)
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        radius = spacing * math.sqrt(len(members[a]))
        for n in members[a]:
            ux, uy = _unit(n)
            pos[n] = (cx + radius * ux, cy + radius * uy)
    # Entities sit among the papers that mention them; two passes reach entities linked only
    # to other entities (variantOf, fineTunedFrom ...).
    for _ in range(2):
        for n in shown:
            if n in pos:
                continue
            near = [
                pos[m]
                for m in (*G.predecessors(n), *G.successors(n))
                if m in pos and m in shown_set
            ]
            if near:
                ux, uy = _unit(n)
                x = sum(p[0] for p in near) / len(near) + spacing * ux
                y = sum(p[1] for p in near) / len(near) + spacing * uy
                pos[n] = (x, y)
    outer = ring + spacing * math.sqrt(len(shown))
    for n in shown:
        if n not in pos:
            ux, uy = _unit(n)
            pos[n] = (outer * ux, outer * uy)
    return {n: (round(x), round(y)) for n, (x, y) in pos.items()}
