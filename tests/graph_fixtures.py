"""Node builders for hand-made graphs in the schema of docs/ARCHITECTURE.md (shared by tests)."""

from __future__ import annotations

import networkx as nx

from kg.iri import entity_iri, field_iri, paper_iri
from kg.keys import entity_key, field_key
from kg.model import Alias


def add_paper(
    G: nx.MultiDiGraph,
    arxiv_id: str,
    title: str,
    dates: tuple[str, ...],
    *,
    failed: bool = False,
    sources: tuple[tuple[str, int], ...] = (("r.md", 1),),
    read_source: str | None = None,
    error: str | None = None,
) -> str:
    n = paper_iri(arxiv_id)
    G.add_node(
        n,
        kind="Paper",
        label=title,
        arxiv_id=arxiv_id,
        title=title,
        url=f"https://huggingface.co/papers/{arxiv_id}",
        dates=dates,
        sources=sources,
        read_source=read_source,
        failed=failed,
        error=(error or "timeout") if failed else None,
    )
    return n


def add_entity(
    G: nx.MultiDiGraph,
    kind: str,
    name: str,
    aliases: tuple[Alias, ...] = (),
    support: int = 1,
    *,
    in_kb: bool = False,
) -> str:
    n = entity_iri(kind, entity_key(name))
    G.add_node(
        n,
        kind=kind,
        label=name,
        key=entity_key(name),
        aliases=aliases,
        support=support,
        in_kb=in_kb,
    )
    return n


def add_field(
    G: nx.MultiDiGraph, zh: str | None, en: str | None, *, top: bool = False, support: int = 1
) -> str:
    key = field_key(zh, en)
    n = field_iri(key)
    G.add_node(n, kind="Field", label=en or zh, key=key, zh=zh, en=en, top=top, support=support)
    return n


def link(G: nx.MultiDiGraph, u: str, v: str, rel: str, **data: object) -> None:
    """An edge of the schema: its key always equals its `rel` attribute."""
    G.add_edge(u, v, key=rel, rel=rel, **data)
