"""Interactive HTML explorer of the graph (pyvis data, own offline template)."""
