"""End-to-end tests of graph.html in headless Chromium: rendering, search, filters, panel, safety."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from html_fixtures import XSS_FLAG, XSS_NAME, XSS_TITLE, hostile_graph, random_graph, small_graph

from kg.html.render import write_html
from kg.iri import entity_iri, field_iri, paper_iri
from kg.keys import entity_key

pytestmark = pytest.mark.browser

GEOAGENT = entity_iri("Model", entity_key("GeoAgent"))
ASCEND = entity_iri("Hardware", entity_key("Ascend 910B"))
QWEN = entity_iri("Model", entity_key("Qwen2.5-VL"))
PAPER1 = paper_iri("2501.00001")


@pytest.fixture
def small_page(tmp_path: Path, open_page: Any) -> Any:
    G = small_graph()
    path = tmp_path / "graph.html"
    result = write_html(G, path)
    opened = open_page(path)
    opened.result = result
    return opened


def _search(opened: Any, text: str) -> list[str]:
    box = opened.page.locator("#search")
    box.fill(text)
    box.press("Enter")
    return opened.js("network.getSelectedNodes()")


def _click_node(opened: Any, node_id: str) -> None:
    """Click the node where it is drawn on the canvas (the real user path)."""
    opened.js("(id) => network.focus(id, {scale: 1.5})", node_id)
    xy = opened.js(
        "(id) => network.canvasToDOM(network.getPositions([id])[id])",
        node_id,
    )
    box = opened.page.locator("#graph canvas").bounding_box()
    opened.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])


def _panel(opened: Any) -> str:
    return opened.page.locator("#panel").inner_text()


def test_page_renders_every_node_offline(small_page: Any) -> None:
    assert small_page.page.locator("#graph canvas").count() == 1
    G = small_graph()
    assert small_page.js("paperkg.nodesRendered()") == G.number_of_nodes()
    assert small_page.js("paperkg.edgesRendered()") == small_page.result.edges_shown
    assert small_page.js("window.network.body.data.nodes.length") == G.number_of_nodes()
    assert small_page.external == []
    assert small_page.errors == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("GeoAgent", GEOAGENT),
        ("geoagent", GEOAGENT),
        ("Ascend 910B", ASCEND),
        ("昇腾910B", ASCEND),  # Chinese alias
        ("通义千问视觉", QWEN),  # Chinese alias without a language tag
        ("图像地理定位", field_iri("geolocation")),  # another paper's name of a field
    ],
)
def test_page_search_selects_by_name_or_alias(small_page: Any, query: str, expected: str) -> None:
    assert _search(small_page, query) == [expected]
    label = small_page.js("(id) => network.body.data.nodes.get(id).label", expected)
    assert label in _panel(small_page)


def test_page_search_highlights_neighbourhood(small_page: Any) -> None:
    _search(small_page, "Qwen2.5-VL")
    colors = small_page.js(
        "() => Object.fromEntries(network.body.data.nodes.get().map(n => [n.id, n.color]))"
    )
    dim = {k for k, c in colors.items() if isinstance(c, dict) and c.get("background") == "#e4e6ea"}
    # Qwen2.5-VL's neighbours: the paper using it and the 7B variant; the rest is dimmed.
    assert QWEN not in dim
    assert paper_iri("2501.00002") not in dim
    assert GEOAGENT in dim


def test_page_type_filter_hides_nodes(small_page: Any) -> None:
    before = small_page.js("paperkg.nodesRendered()")
    small_page.page.locator('input[data-kind="Model"]').uncheck()
    ids = small_page.js("paperkg.visibleIds()")
    assert len(ids) == before - 3
    assert not [i for i in ids if "/model/" in i]
    small_page.page.locator('input[data-kind="Paper"]').uncheck()
    ids = small_page.js("paperkg.visibleIds()")
    assert not [i for i in ids if "/paper/" in i]
    small_page.page.locator("#reset").click()
    assert small_page.js("paperkg.nodesRendered()") == before


def test_page_field_date_and_support_filters(small_page: Any) -> None:
    page = small_page.page
    page.select_option("#field-filter", label="Geolocation · 地理定位")
    ids = set(small_page.js("paperkg.visibleIds()"))
    assert PAPER1 in ids and GEOAGENT in ids
    assert paper_iri("2501.00002") not in ids and ASCEND not in ids
    page.locator("#reset").click()
    # Selecting the top-level area keeps papers of its narrower fields.
    page.select_option("#field-filter", label="▲ Computer Vision · 计算机视觉")
    ids = set(small_page.js("paperkg.visibleIds()"))
    assert PAPER1 in ids and paper_iri("2501.00003") in ids and ASCEND not in ids
    page.locator("#reset").click()
    page.select_option("#date-from", "2025-01-02")
    ids = set(small_page.js("paperkg.visibleIds()"))
    assert PAPER1 not in ids and ASCEND in ids and GEOAGENT not in ids
    page.locator("#reset").click()
    page.fill("#min-support", "2")
    ids = set(small_page.js("paperkg.visibleIds()"))
    entities = {i for i in ids if "/paper/" not in i}
    assert entities == {QWEN, entity_iri("Method", "lora")}


def test_page_click_entity_shows_evidence(small_page: Any) -> None:
    _click_node(small_page, GEOAGENT)
    assert small_page.js("network.getSelectedNodes()") == [GEOAGENT]
    text = _panel(small_page)
    assert "本文提出 GeoAgent，一个地理定位智能体。" in text
    assert "GeoAgent: geolocation with vision-language models" in text
    assert "2025-01-01.md:10" in text


def test_page_click_paper_groups_entities_by_role(small_page: Any) -> None:
    _click_node(small_page, PAPER1)
    text = _panel(small_page)
    for heading in ("proposes · 提出 (2)", "uses · 使用 (2)", "evaluates on · 评测于 (2)"):
        assert heading in text
    assert "Geolocation" in text and "Computer Vision" in text
    href = small_page.page.locator("#panel a").first.get_attribute("href")
    assert href == "https://huggingface.co/papers/2501.00001"


def test_page_physics_stops_and_toggles(small_page: Any) -> None:
    assert small_page.js("paperkg.physicsEnabled()") is False
    small_page.page.locator("#physics").click()
    assert small_page.js("paperkg.physicsEnabled()") is True
    assert small_page.js("network.physics.options.enabled") is True


def test_page_hostile_text_executes_nothing(tmp_path: Path, open_page: Any) -> None:
    path = tmp_path / "graph.html"
    write_html(hostile_graph(), path, title=XSS_TITLE)
    opened = open_page(path)
    bad = entity_iri("Model", entity_key(XSS_NAME))
    assert _search(opened, "alert(1)") == [bad]
    _click_node(opened, PAPER1)
    text = _panel(opened)
    assert XSS_TITLE.split("\u2028")[0] in text  # shown as text
    # The javascript: URL of the paper is not turned into a link.
    hrefs = opened.page.locator("#panel a").evaluate_all("as => as.map(a => a.href)")
    assert not [h for h in hrefs if h.startswith("javascript")]
    opened.page.locator("#search").fill("<img")  # renders result rows with the hostile names
    opened.page.mouse.move(10, 10)
    assert opened.page.title().startswith("<img src=x")
    assert opened.js(f"window.{XSS_FLAG} === undefined") is True
    assert opened.page.locator("#panel img, #panel script, #search-results img").count() == 0
    assert opened.dialogs == []
    assert opened.external == []


def test_page_works_under_its_own_csp(tmp_path: Path, open_page: Any) -> None:
    path = tmp_path / "graph.html"
    write_html(small_graph(), path)
    opened = open_page(path, bypass_csp=False, wait=False)
    deadline = time.monotonic() + 30
    while not opened.js("() => !!(window.paperkg && window.paperkg.isStabilized())"):
        assert time.monotonic() < deadline, "page did not stabilize under its CSP"
        time.sleep(0.1)
    assert opened.js("() => paperkg.nodesRendered()") == small_graph().number_of_nodes()
    assert opened.errors == []
    assert opened.external == []


def test_page_large_graph_stays_responsive(tmp_path: Path, open_page: Any) -> None:
    G = random_graph(5000)
    path = tmp_path / "graph.html"
    result = write_html(G, path, max_nodes=None)
    assert result.nodes_shown == 5000
    opened = open_page(path, wait=False)
    opened.page.wait_for_function("window.network !== undefined", timeout=30_000)
    # While the layout runs, the page must keep answering (stabilization runs in small batches).
    worst = 0.0
    while not opened.js("paperkg.isStabilized()"):
        t = time.monotonic()
        opened.js("paperkg.search('Model-1').length")
        worst = max(worst, time.monotonic() - t)
        time.sleep(0.2)
    assert worst < 1.5, f"page blocked for {worst:.2f}s during layout"
    assert opened.js("paperkg.timings.stabilizedMs") < 60_000
    assert opened.js("paperkg.nodesRendered()") == 5000
    # Too many links to draw them all: only those of the selected node are drawn.
    assert opened.js("paperkg.meta.manyEdges") is True
    assert opened.js("paperkg.edgesDrawn()") == 0
    method12 = entity_iri("Method", entity_key("Method-12"))
    assert _search(opened, "实体12") == [method12]
    assert opened.js("paperkg.edgesDrawn()") == G.degree(method12) > 0
    opened.page.locator('input[data-kind="Paper"]').uncheck()
    assert opened.js("paperkg.nodesRendered()") == 5000 - 1250
    opened.page.locator('input[data-kind="Paper"]').check()
    # Last, as every frame is slow with all 12k links drawn in software rendering.
    opened.page.locator("#all-links").check()
    assert opened.js("paperkg.edgesDrawn()") == result.edges_shown
    assert opened.external == []


def test_page_bundled_reports(request: pytest.FixtureRequest, open_page: Any) -> None:
    try:
        built = request.getfixturevalue("built")
    except (pytest.FixtureLookupError, ImportError) as e:  # pipeline not there yet
        pytest.skip(f"bundled build unavailable: {e}")
    G = built.graph
    opened = open_page(built.out_dir / "graph.html")
    assert opened.js("paperkg.nodesRendered()") == min(G.number_of_nodes(), 2000)
    entities = [
        (d.get("support", 0), n, d)
        for n, d in G.nodes(data=True)
        if d.get("kind") not in ("Paper", "Field")
    ]
    _, top, data = max(entities, key=lambda e: (e[0], e[1]))
    assert top in _search(opened, data["label"])
    with_zh = sorted(
        (n, a.text)
        for _, n, d in entities
        for a in d.get("aliases", ())
        if any("\u4e00" <= ch <= "\u9fff" for ch in a.text)
    )
    if with_zh:
        node, alias = with_zh[0]
        assert node in opened.js("(q) => paperkg.search(q)", alias)
    assert opened.external == []
    assert opened.errors == []


def _hover_edge(opened: Any, source: str, target: str) -> str:
    """Move the mouse onto the middle of the drawn edge source -> target; return the tooltip."""
    eid = opened.js(
        "([s, t]) => network.body.data.edges.get().find(e => e.from === s && e.to === t).id",
        [source, target],
    )
    opened.js("(id) => network.focus(id, {scale: 1.5})", source)
    xy = opened.js(
        "(id) => network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5))", eid
    )
    box = opened.page.locator("#graph canvas").bounding_box()
    opened.page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    tip = opened.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    return tip.inner_text()


def test_page_edge_tooltip_shows_evidence(small_page: Any) -> None:
    text = _hover_edge(small_page, paper_iri("2501.00002"), ASCEND)
    assert "runsOn" in text
    assert "所有实验在昇腾910B上完成。" in text
    assert "2025-01-01.md:20" in text


def test_page_large_view_keeps_tooltips(tmp_path: Path, open_page: Any) -> None:
    G = random_graph(1000, seed=5)  # over the 'large' threshold: hover highlighting is off
    path = tmp_path / "graph.html"
    write_html(G, path)
    opened = open_page(path)
    assert opened.js("paperkg.meta.large") is True
    u, v, _ = next(e for e in sorted(G.edges(keys=True)) if e[2] == "mentions")
    # In a dense view another edge may lie on top, so check the shape, not which edge.
    text = _hover_edge(opened, u, v)
    assert re.search(r"→ \w+ →.*\n\nSentence \d+ mentions .*\n— 2025-01-01\.md:\d+", text)
