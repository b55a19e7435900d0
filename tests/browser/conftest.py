"""Headless Debian Chromium for the graph.html tests; every non-file request is blocked and recorded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 850}


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} not found (Debian package 'chromium'; see tests/install_browser.sh)"
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A page opened from disk, with what it tried to fetch and what it reported."""

    page: Any
    external: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def wait_stable(self, timeout_ms: int = 60_000) -> None:
        self.page.wait_for_function(
            "window.paperkg && window.paperkg.isStabilized()", timeout=timeout_ms
        )


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """open_page(path, bypass_csp=True) -> Opened; bypassing the page CSP lets Playwright poll."""
    contexts = []

    def _open(path: Path, *, bypass_csp: bool = True, wait: bool = True) -> Opened:
        ctx = browser.new_context(bypass_csp=bypass_csp, viewport=VIEWPORT)
        contexts.append(ctx)
        page = ctx.new_page()
        opened = Opened(page)

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith(("file:", "data:")):
                r.continue_()
            else:
                opened.external.append(url)
                r.abort()

        def on_dialog(d: Any) -> None:
            opened.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        ctx.route("**/*", route)
        page.on("dialog", on_dialog)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on(
            "console",
            lambda m: opened.errors.append(m.text) if m.type == "error" else None,
        )
        page.goto(Path(path).resolve().as_uri())
        if wait:
            opened.wait_stable()
        return opened

    yield _open
    for ctx in contexts:
        ctx.close()
