"""The graph.html style table covers every node kind and edge role, and tells them apart."""

from __future__ import annotations

import pytest

from kg.html.style import EDGE_STYLES, NODE_STYLES, main_role
from kg.model import ENTITY_TYPES, ROLES

SHAPES_WITH_SIZE = {"dot", "square", "triangle", "triangleDown", "diamond", "star", "hexagon"}


@pytest.mark.parametrize("kind", ("Paper", "Field", *ENTITY_TYPES))
def test_html_style_covers_kind(kind: str) -> None:
    st = NODE_STYLES[kind]
    assert st.shape in SHAPES_WITH_SIZE  # size-by-support only works for these shapes
    assert st.en and st.zh


@pytest.mark.parametrize("rel", (*ROLES, "inField", "broader", "variantOf", "relation"))
def test_html_style_covers_edge(rel: str) -> None:
    assert EDGE_STYLES[rel].color.startswith("#")


def test_html_style_kinds_are_distinguishable() -> None:
    looks = [(s.shape, s.dashed) for s in NODE_STYLES.values()]
    assert len(set(looks)) == len(looks)
    colors = [s.color for s in NODE_STYLES.values()]
    assert len(set(colors)) == len(colors)
    edge_colors = [s.color for s in EDGE_STYLES.values()]
    assert len(set(edge_colors)) == len(edge_colors)


@pytest.mark.parametrize(
    ("roles", "expected"),
    [((), "mentions"), (("uses",), "uses"), (("uses", "proposes"), "proposes")],
)
def test_html_style_main_role(roles: tuple[str, ...], expected: str) -> None:
    assert main_role(roles) == expected
