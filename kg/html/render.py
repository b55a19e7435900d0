"""Render the graph as one self-contained, offline HTML page (output/graph.html)."""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.errors import UserError
from kg.html.layout import initial_positions
from kg.html.style import EDGE_STYLES, NODE_STYLES, edge_style, main_role, node_style
from kg.io import write_text

_HERE = Path(__file__).parent
TEMPLATE = _HERE / "template.html"
VIS_JS = _HERE / "vendor" / "vis-network.min.js"

# Above this many shown nodes the page trades looks for speed (straight edges, no labels while
# dragging, fewer stabilization iterations): see README "graph.html".
LARGE = 800
# Above this many edges only the links of the selected node are drawn by default.
MANY_EDGES = 4000
PAPER_LABEL_CHARS = 30
_TOKEN = re.compile(r"__(PAGE_TITLE|VIS_JS|DATA_JSON)__")


@dataclass(frozen=True, slots=True)
class HtmlResult:
    """What write_html put on the page."""

    nodes_total: int
    nodes_shown: int
    edges_shown: int
    note: str  # one line: what was left out (or that nothing was)


def write_html(
    G: nx.MultiDiGraph,
    path: Path,
    *,
    max_nodes: int | None = 2000,
    title: str | None = None,
) -> HtmlResult:
    """Write the explorer for `G` to `path` atomically; show at most `max_nodes` (None/0 = all).

    When the graph is larger, the page shows the `max_nodes` most connected nodes (degree,
    ties broken by id) and says what was left out. Same graph -> byte-identical file.
    """
    if max_nodes is not None and max_nodes < 0:
        raise UserError(f"--html-max-nodes must be 0 (no limit) or positive, not {max_nodes}")
    shown = select_nodes(G, max_nodes or None)
    payload = build_payload(G, shown, title=title)
    result = HtmlResult(
        nodes_total=G.number_of_nodes(),
        nodes_shown=len(shown),
        edges_shown=len(payload["edges"]),
        note=payload["meta"]["note"],
    )
    page = render_page(payload)
    write_text(Path(path), page)
    return result


def select_nodes(G: nx.MultiDiGraph, max_nodes: int | None) -> list[str]:
    """Ids of the nodes to draw, sorted: all, or the `max_nodes` with the highest degree."""
    nodes = sorted(G.nodes)
    if max_nodes is None or len(nodes) <= max_nodes:
        return nodes
    ranked = sorted(nodes, key=lambda n: (-G.degree(n), n))
    return sorted(ranked[:max_nodes])


def summary_note(total: int, shown: int, edges_total: int, edges_shown: int) -> str:
    if shown == total:
        return f"graph.html shows all {total} nodes and {edges_shown} edges"
    return (
        f"graph.html shows {shown} of {total} nodes (the most connected; {total - shown} left out)"
        f" and {edges_shown} of {edges_total} edges"
    )


class _Network(Network):
    """pyvis Network with O(1) node membership: pyvis scans a list per edge otherwise."""

    def get_nodes(self) -> Any:
        return self.node_map.keys()


def _aliases(data: dict[str, Any]) -> list[list[str | None]]:
    out = []
    for a in data.get("aliases") or ():
        if isinstance(a, str):
            out.append([a, None])
        else:
            out.append([str(a.text), getattr(a, "lang", None)])
    return out


def _evidence(data: dict[str, Any]) -> list[list[Any]]:
    ev = data.get("evidence") or ()
    if not isinstance(ev, (tuple, list)):
        ev = (ev,)
    return [[str(e.source), int(e.line), str(e.section), str(e.sentence)] for e in ev]


def _record(node: str, data: dict[str, Any], shown: bool) -> dict[str, Any]:
    kind = str(data.get("kind", ""))
    rec: dict[str, Any] = {"id": node, "kind": kind, "label": str(data.get("label") or node)}
    if shown:
        rec["shown"] = True
    if kind == "Paper":
        rec["title"] = str(data.get("title") or rec["label"])
        rec["url"] = str(data.get("url") or "")
        rec["arxiv"] = str(data.get("arxiv_id") or "")
        rec["dates"] = list(data.get("dates") or ())
        if data.get("failed"):
            rec["failed"] = True
            rec["error"] = str(data.get("error") or "")
    elif kind == "Field":
        rec["zh"] = data.get("zh")
        rec["en"] = data.get("en")
        rec["top"] = bool(data.get("top"))
        rec["support"] = int(data.get("support") or 0)
        if data.get("aliases"):
            rec["aliases"] = _aliases(data)  # other papers' names: shown and searched
    else:
        rec["aliases"] = _aliases(data)
        rec["support"] = int(data.get("support") or 0)
        rec["inKb"] = bool(data.get("in_kb"))
    return rec


def _field_ancestors(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each Field with itself and every broader field above it."""
    up: dict[str, set[str]] = defaultdict(set)
    for u, v, k in G.edges(keys=True):
        if k == "broader":
            up[u].add(v)
    out: dict[str, set[str]] = {}
    for n, kind in G.nodes(data="kind"):
        if kind != "Field":
            continue
        seen, todo = {n}, [n]
        while todo:
            for p in up.get(todo.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        out[n] = seen
    return out


def _facets(G: nx.MultiDiGraph) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Fields (with ancestors) and report dates of each node, for the page's filters."""
    anc = _field_ancestors(G)
    fields: dict[str, set[str]] = {f: set(a) for f, a in anc.items()}
    dates: dict[str, set[str]] = defaultdict(set)
    kind = dict(G.nodes(data="kind"))
    for p in G.nodes:
        if kind.get(p) != "Paper":
            continue
        pf: set[str] = set()
        for _, f, k in G.out_edges(p, keys=True):
            if k == "inField" and f in anc:
                pf |= anc[f]
        pd = set(G.nodes[p].get("dates") or ())
        fields[p] = pf
        dates[p] |= pd
        for f in pf:
            dates[f] |= pd
        for _, e, k in G.out_edges(p, keys=True):
            if k != "inField" and kind.get(e) not in ("Paper", "Field"):
                fields.setdefault(e, set()).update(pf)
                dates[e] |= pd
    return fields, dates


def _node_size(kind: str, support: int) -> float:
    if kind == "Paper":
        return 9.0
    base = 10.0 if kind == "Field" else 7.0
    return round(min(42.0, base + 4.0 * math.sqrt(max(support, 0))), 1)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _edge_roles(rel: str, data: dict[str, Any]) -> list[str]:
    if rel == "mentions":
        return list(data.get("roles") or ())
    return []


def _options(n: int) -> dict[str, Any]:
    large = n > LARGE
    # Fewer iterations as the graph grows (a tick costs ~n log n); the start positions of
    # kg.html.layout are already clustered, so a short run is enough to untangle them.
    iterations = max(50, min(1000, 150_000 // max(n, 1)))
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n <= 150},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -14000 if large else -4000,
                "centralGravity": 0.15 if large else 0.25,
                "springLength": 150 if large else 110,
                "springConstant": 0.04,
                "damping": 0.35,
                "avoidOverlap": 0.2 if large else 0.05,
                # Coarser Barnes-Hut approximation on big graphs: about half the cost per tick.
                "theta": 0.9 if large else 0.5,
            },
            "minVelocity": 1.5,
            "maxVelocity": 60,
            "timestep": 0.6,
            "adaptiveTimestep": not large,
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                # Iterations per batch between UI events: small on big graphs so that
                # clicks, search and filters keep working while the layout settles.
                "updateInterval": 1 if large else 20,
                "fit": True,
            },
        },
        "interaction": {
            "hover": not large,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 12, "face": "system-ui, 'Noto Sans CJK SC', sans-serif"},
        },
        "edges": {
            "width": 1,
            "selectionWidth": 2,
            "smooth": False if large else {"enabled": True, "type": "continuous"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "font": {"size": 9, "color": "#555555", "strokeWidth": 3, "align": "middle"},
        },
    }


def build_payload(
    G: nx.MultiDiGraph, shown: list[str], *, title: str | None = None
) -> dict[str, Any]:
    """Everything the page needs, as JSON-ready data; node and edge data built with pyvis."""
    shown_set = set(shown)
    fields, dates = _facets(G)

    # Records: shown nodes plus their neighbours, so the side panel can list papers and
    # entities that were left out of the drawing.
    rec_ids = set(shown_set)
    for n in shown:
        rec_ids.update(G.successors(n))
        rec_ids.update(G.predecessors(n))
    rec_list = sorted(rec_ids)
    index = {n: i for i, n in enumerate(rec_list)}
    recs = [_record(n, G.nodes[n], n in shown_set) for n in rec_list]

    pos = initial_positions(G, shown)
    net = _Network(directed=True, heading="")
    for n in shown:
        data = G.nodes[n]
        rec = recs[index[n]]
        kind = rec["kind"]
        st = node_style(kind)
        support = int(rec.get("support", 0))
        label = _short(rec["label"], PAPER_LABEL_CHARS) if kind == "Paper" else rec["label"]
        extra: dict[str, Any] = {}
        if st.dashed:
            extra["shapeProperties"] = {"borderDashes": [4, 3]}
            extra["borderWidth"] = 2
        net.add_node(
            n,
            label=label,
            shape=st.shape,
            color={"background": st.color, "border": "#333333" if st.dashed else st.color},
            size=_node_size(kind, support),
            x=pos[n][0],
            y=pos[n][1],
            r=index[n],
            kind=kind,
            support=support,
            dates=sorted(dates.get(n, ())),
            fields=sorted(index[f] for f in fields.get(n, ()) if f in index),
            **extra,
        )

    links: list[dict[str, Any]] = []
    edges_total = 0
    for u, v, k, data in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        edges_total += 1
        if u not in shown_set and v not in shown_set:
            continue
        rel = str(data.get("rel", k))
        roles = _edge_roles(rel, data)
        link: dict[str, Any] = {"s": index[u], "t": index[v], "rel": rel}
        if roles:
            link["roles"] = roles
        ev = _evidence(data)
        if ev:
            link["ev"] = ev
        links.append(link)
        if u in shown_set and v in shown_set:
            style_rel = main_role(tuple(roles)) if rel == "mentions" else rel
            est = edge_style(style_rel)
            label_rel = roles if roles else [rel]
            net.add_edge(
                u,
                v,
                id=f"e{len(links) - 1}",
                l=len(links) - 1,
                rel=style_rel if style_rel in EDGE_STYLES else "relation",
                label=" / ".join(label_rel),
                color=est.color,
                **({"dashes": True} if est.dashed else {}),
            )

    nodes, edges, _heading, _h, _w, _opts = net.get_network_data()
    page_title = title or "paperkg knowledge graph"
    meta = {
        "title": page_title,
        "nodesTotal": G.number_of_nodes(),
        "nodesShown": len(nodes),
        "edgesTotal": edges_total,
        "edgesShown": len(edges),
        "note": summary_note(G.number_of_nodes(), len(nodes), edges_total, len(edges)),
        "large": len(nodes) > LARGE,
        "manyEdges": len(edges) > MANY_EDGES,
    }
    style = {
        "kinds": [
            {
                "kind": k,
                "color": s.color,
                "shape": s.shape,
                "en": s.en,
                "zh": s.zh,
                "dashed": s.dashed,
            }
            for k, s in NODE_STYLES.items()
        ],
        "rels": [
            {"rel": r, "color": s.color, "en": s.en, "zh": s.zh, "dashed": s.dashed}
            for r, s in EDGE_STYLES.items()
        ],
    }
    return {
        "meta": meta,
        "style": style,
        "options": _options(len(nodes)),
        "nodes": nodes,
        "edges": edges,
        "recs": recs,
        "links": links,
    }


def json_for_script(obj: Any) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>', '&' or U+2028/9 raw."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, esc in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return text


def _vis_js() -> str:
    js = VIS_JS.read_text(encoding="utf-8")
    # The library is inlined in a <script>; a closing tag inside it would end the element.
    if re.search(r"</script|<!--", js, re.IGNORECASE):
        raise RuntimeError(f"{VIS_JS} cannot be inlined: it contains </script or <!--")
    return js


def _html_text(text: str) -> str:
    """Escaped for HTML text; U+2028/9 as references so the file has none raw (see above)."""
    return html.escape(text, quote=True).replace("\u2028", "&#8232;").replace("\u2029", "&#8233;")


def render_page(payload: dict[str, Any]) -> str:
    template = TEMPLATE.read_text(encoding="utf-8")
    values = {
        "PAGE_TITLE": _html_text(payload["meta"]["title"]),
        "VIS_JS": _vis_js(),
        "DATA_JSON": json_for_script(payload),
    }
    # One pass, so text substituted in is never scanned for further tokens.
    return _TOKEN.sub(lambda m: values[m.group(1)], template)
