"""Regenerate docs/graph.png: python tests/browser/screenshot.py [HTML] [PNG] (needs chromium)."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT  # noqa: E402

# The most mentioned model (else entity) fills the side panel with papers and evidence.
PICK = """() => {
  const d = paperkg.data;
  const ents = d.nodes.filter((n) => n.kind !== "Paper" && n.kind !== "Field");
  const rank = (n) => (n.kind === "Model" ? 1e9 : 0) + n.support;
  ents.sort((a, b) => rank(b) - rank(a) || (a.id < b.id ? -1 : 1));
  return ents.length ? ents[0].id : null;
}"""


def screenshot(html: Path, png: Path) -> str | None:
    """Open `html` offline, select the most mentioned entity, save a PNG; return its id."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        ctx = browser.new_context(bypass_csp=True, viewport=VIEWPORT)
        ctx.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        page = ctx.new_page()
        page.goto(html.resolve().as_uri())
        page.wait_for_function("window.paperkg && paperkg.isStabilized()", timeout=120_000)
        node = page.evaluate(PICK)
        if node:
            # Close enough to the entity for labels to be drawn; no dimming, so colours show.
            page.evaluate(
                "(id) => { paperkg.inspect(id); network.focus(id, {scale: 0.75}); }", node
            )
            page.wait_for_timeout(300)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()
    return node


if __name__ == "__main__":
    args = sys.argv[1:]
    html = Path(args[0]) if args else ROOT / "output" / "graph.html"
    png = Path(args[1]) if len(args) > 1 else ROOT / "docs" / "graph.png"
    picked = screenshot(html, png)
    print(f"wrote {png} (selected {picked})")
