"""Playwright driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ...required import skip_or_fail

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / "test-artifacts"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to
# set up data are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: apt-get install chromium chromium-driver"
    if not AXE.exists():
        return "node_modules/axe-core is missing: run npm ci"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    problem = _missing()
    if problem:
        skip_or_fail(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _assets() -> None:
    from django.conf import settings

    from ehcp.web.frontend import assets

    assets.install()
    assert Path(settings.GOVUK_ASSETS_DIR, "govuk-frontend.min.css").exists()


@pytest.fixture
def page(browser: Any, live_server: Any, _assets: None) -> Iterator[Any]:
    """A page under the site's own content security policy: anything the policy blocks fails
    the test that caused it."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert blocked == [], "the content security policy blocked: " + "; ".join(blocked)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Serious or critical accessibility violations on the current page."""
    # Evaluated by the browser's debugging protocol, which the page's policy does not govern
    # (a script tag added to the page would be refused: the policy allows only the site's
    # own scripts).
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document)")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def console_errors(browser: Any, base_url: str, paths: list[str]) -> list[str]:
    """Errors the browser's console reports (blocked resources among them) on these pages."""
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in paths:
        tab.goto(path)
    context.close()
    return errors


__all__ = ["console_errors", "run_axe", "shutil"]
