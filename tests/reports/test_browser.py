"""The report builder in a real browser: headless Chromium driven by Playwright.

Needs the pinned `playwright` package and Debian's Chromium at /usr/bin/chromium (Playwright's
own browser download is never used). Set QUOTEDB_SCREENSHOT_DIR=docs to refresh the
screenshots in docs/.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("QUOTEDB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -r requirements.txt)"
)
pytestmark = [
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)),
        reason=f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)",
    ),
    # The live server reads from its own thread: the data must be committed, not in a test
    # transaction.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def browser_page(plain_http_live_server, demo):
    # Data first, then the browser: Playwright's sync API runs an event loop in this thread,
    # and Django refuses database calls from inside one.
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on(
            "console",
            lambda m: (
                errors.append(m.text)
                if m.type == "error" and "favicon" not in m.location.get("url", "")
                else None
            ),
        )
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page, errors
        browser.close()


def screenshot(page, name: str) -> None:
    if directory := os.environ.get("QUOTEDB_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(directory) / name), full_page=True)


def test_picking_khosravi_in_the_builder_previews_his_four_quotes(
    plain_http_live_server, browser_page
):
    live_server = plain_http_live_server
    page, errors = browser_page
    page.goto(f"{live_server.url}/reports/builder/")
    assert page.locator("#report-form.js-live").count() == 1  # builder.js ran under the CSP
    page.select_option("#id_speaker", label="Kayvan Khosravi")
    preview = page.locator("#report-preview figure.qdb-quote")
    playwright_sync.expect(preview).to_have_count(4)
    assert all("Kayvan Khosravi" in text for text in preview.all_inner_texts())
    playwright_sync.expect(page).to_have_url(
        f"{live_server.url}/reports/builder/?speaker=kayvan-khosravi"
    )
    embed_code = page.locator("#embed-code").input_value()
    assert embed_code.startswith(f'<iframe src="{live_server.url}/embed/quotes/?speaker=kayvan')
    assert page.locator("button.copy").count() == 2
    assert errors == []  # no CSP violation, no script error
    screenshot(page, "report-builder.png")


def test_the_builder_works_without_javascript(plain_http_live_server, demo):
    live_server = plain_http_live_server
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(java_script_enabled=False)
        page.goto(f"{live_server.url}/reports/builder/")
        page.select_option("#id_speaker", label="Kayvan Khosravi")
        page.click("button[type=submit]")
        playwright_sync.expect(page.locator("#report-preview figure.qdb-quote")).to_have_count(4)
        browser.close()


def test_speaker_page_shows_the_timeline_and_embeds_render(plain_http_live_server, browser_page):
    live_server = plain_http_live_server
    page, errors = browser_page
    page.goto(f"{live_server.url}/speakers/kayvan-khosravi/")
    timeline = page.locator("figure.timeline img")
    playwright_sync.expect(timeline).to_be_visible()
    assert timeline.evaluate("image => image.naturalWidth") == 640  # the SVG loaded
    assert page.locator("table.topics tbody tr").count() >= 1
    screenshot(page, "speaker-timeline.png")
    page.goto(f"{live_server.url}/embed/quotes/?speaker=kayvan-khosravi")
    playwright_sync.expect(page.locator("figure.qdb-quote")).to_have_count(4)
    # The scoped stylesheet is allowed by its hash: the border colour comes from it.
    border = page.locator("figure.qdb-direct").first.evaluate(
        "el => getComputedStyle(el).borderLeftColor"
    )
    assert border == "rgb(31, 111, 235)"
    assert errors == []
