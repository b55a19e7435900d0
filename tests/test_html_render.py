"""graph.html without a browser: determinism, escaping, no external resources, truncation."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import networkx as nx
import pytest
from html_fixtures import XSS_NAME, XSS_TITLE, hostile_graph, random_graph, small_graph

from kg.errors import UserError
from kg.html.render import VIS_JS, HtmlResult, json_for_script, select_nodes, write_html
from kg.model import Alias

URL = re.compile(r"https?://[^\s\"'<>()\\]+", re.IGNORECASE)
DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.DOTALL)


def _data(page: str) -> dict:
    m = DATA.search(page)
    assert m, "no data block"
    return json.loads(m.group(1))


def _write(G: nx.MultiDiGraph, tmp_path: Path, name: str = "graph.html", **kw) -> str:
    path = tmp_path / name
    write_html(G, path, **kw)
    return path.read_text(encoding="utf-8")


def test_html_render_same_graph_gives_identical_bytes(tmp_path: Path) -> None:
    a = tmp_path / "a.html"
    b = tmp_path / "b.html"
    write_html(small_graph(), a)
    write_html(small_graph(), b)
    assert a.read_bytes() == b.read_bytes()


def test_html_render_ignores_insertion_order(tmp_path: Path) -> None:
    G = small_graph()
    R = nx.MultiDiGraph()
    R.graph.update(G.graph)
    R.add_nodes_from(reversed(list(G.nodes(data=True))))
    R.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert _write(G, tmp_path, "a.html") == _write(R, tmp_path, "b.html")


def test_html_render_escapes_hostile_text(tmp_path: Path) -> None:
    page = _write(hostile_graph(), tmp_path, title=XSS_TITLE)
    for raw in ("<script>alert", "<script>window", "<img src=x", 'onerror="', "\u2028", "\u2029"):
        assert raw not in page
    # Exactly the three script elements of the template: data, vis-network, app.
    assert page.count("<script") == 3
    assert page.count("</script>") == 3
    assert "<title>&lt;img src=x onerror=&quot;window.__kg_xss=1&quot;&gt; &amp; " in page
    data = _data(page)
    labels = {r["label"] for r in data["recs"]}
    assert XSS_TITLE in labels and XSS_NAME in labels  # round-trips as plain text
    assert data["meta"]["title"] == XSS_TITLE


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028")],
)
def test_html_json_for_script_escapes(raw: str, escaped: str) -> None:
    text = json_for_script({"k": f"a{raw}b"})
    assert raw not in text and escaped in text
    assert json.loads(text) == {"k": f"a{raw}b"}


def test_html_render_loads_nothing_from_the_network(tmp_path: Path) -> None:
    G = small_graph()
    page = _write(G, tmp_path)
    papers = {d["url"] for _, d in G.nodes(data=True) if d["kind"] == "Paper"}
    # URLs that are only text: vis licence header, SVG namespace, paper links, node IRIs.
    allowed = set(URL.findall(VIS_JS.read_text(encoding="utf-8")))
    allowed |= {"http://www.w3.org/2000/svg"} | papers | set(G.nodes)  # node ids are IRIs
    assert set(URL.findall(page)) - allowed == set()
    assert set(URL.findall(page)) & papers == papers
    assert not re.search(r"<(link|iframe|img|object|embed)\b", page, re.IGNORECASE)
    assert not re.search(r"<script[^>]*\bsrc=", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:|//)", page, re.IGNORECASE)
    assert "default-src 'none'" in page  # the page's CSP forbids fetching anyway


def test_html_render_truncates_to_most_connected(tmp_path: Path) -> None:
    G = random_graph(400, seed=3)
    result = write_html(G, tmp_path / "g.html", max_nodes=50)
    assert isinstance(result, HtmlResult)
    assert (result.nodes_total, result.nodes_shown) == (400, 50)
    assert result.note.startswith("graph.html shows 50 of 400 nodes")
    assert "350 left out" in result.note
    data = _data((tmp_path / "g.html").read_text(encoding="utf-8"))
    shown = {n["id"] for n in data["nodes"]}
    assert len(shown) == 50 and len(data["edges"]) == result.edges_shown
    cutoff = min(G.degree(n) for n in shown)
    assert all(G.degree(n) <= cutoff for n in set(G.nodes) - shown)
    assert all(e["from"] in shown and e["to"] in shown for e in data["edges"])
    assert data["meta"]["note"] == result.note


@pytest.mark.parametrize("limit", [None, 0, 16, 10_000])
def test_html_render_shows_all_when_under_limit(tmp_path: Path, limit: int | None) -> None:
    result = write_html(small_graph(), tmp_path / "g.html", max_nodes=limit)
    assert result.nodes_shown == result.nodes_total == 16
    assert result.note == "graph.html shows all 16 nodes and 18 edges"


def test_html_render_rejects_negative_limit(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="html-max-nodes"):
        write_html(small_graph(), tmp_path / "g.html", max_nodes=-1)


def test_html_select_nodes_breaks_ties_by_id() -> None:
    G = nx.MultiDiGraph()
    G.add_nodes_from(["c", "a", "b"], kind="Model")
    assert select_nodes(G, 2) == ["a", "b"]


def test_html_render_writes_atomically(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "graph.html"
    path.parent.mkdir()
    path.write_text("old", encoding="utf-8")
    write_html(small_graph(), path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in path.parent.iterdir()] == ["graph.html"]  # no temp file left
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_html_render_panel_data_has_evidence_and_papers(tmp_path: Path) -> None:
    data = _data(_write(small_graph(), tmp_path))
    recs = data["recs"]
    by_label = {r["label"]: i for i, r in enumerate(recs)}
    geo = by_label["GeoAgent"]
    links = [lk for lk in data["links"] if lk["t"] == geo and lk["rel"] == "mentions"]
    assert len(links) == 1 and links[0]["roles"] == ["proposes"]
    assert links[0]["ev"][0] == [
        "2025-01-01.md",
        10,
        "contribution",
        "本文提出 GeoAgent，一个地理定位智能体。",
    ]
    paper = recs[links[0]["s"]]
    assert paper["url"] == "https://huggingface.co/papers/2501.00001"
    assert paper["dates"] == ["2025-01-01"]
    node = next(n for n in data["nodes"] if n["id"] == recs[geo]["id"])
    # Filters: the entity inherits its paper's fields (with the broader area) and dates.
    assert {recs[i]["label"] for i in node["fields"]} == {"Geolocation", "Computer Vision"}
    assert node["dates"] == ["2025-01-01"]


def test_html_render_field_other_names_are_aliases(tmp_path: Path) -> None:
    G = small_graph()
    field = next(n for n, d in G.nodes(data=True) if d.get("label") == "Geolocation")
    G.nodes[field]["aliases"] = (Alias("图像地理定位", "zh"),)
    recs = _data(_write(G, tmp_path))["recs"]
    rec = next(r for r in recs if r["label"] == "Geolocation")
    assert rec["aliases"] == [["图像地理定位", "zh"]]
    assert "aliases" not in next(r for r in recs if r["label"] == "Computer Vision")


def test_html_render_large_graph_unbounded(tmp_path: Path) -> None:
    # Speed is measured in benchmarks (README "Scale and cost"), not asserted here.
    G = random_graph(5000)
    result = write_html(G, tmp_path / "g.html", max_nodes=None)
    assert result.nodes_shown == 5000
    assert result.note.startswith("graph.html shows all 5000 nodes")
