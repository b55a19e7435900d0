"""Shared fixtures: the bundled reports built once per test session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

from kg.model import BuildSummary

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"


@dataclass(frozen=True)
class Built:
    """The bundled reports built into a temp folder: summary, graph and output files."""

    summary: BuildSummary
    graph: nx.MultiDiGraph
    out_dir: Path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    from kg.build import assemble, build

    out = tmp_path_factory.mktemp("output")
    summary = build(REPORTS, out, formats=("ttl", "nt", "jsonld", "oxigraph"))
    _, graph = assemble(REPORTS)
    return Built(summary, graph, out)
