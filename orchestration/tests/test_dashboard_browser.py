"""The dashboard in a real browser: headless Chromium (Debian ``chromium``) driven by Playwright.

Starts ``streamlit run dashboards/app.py`` on 127.0.0.1 over the built warehouse,
opens every page, waits for its charts to draw and saves one screenshot per page
into a temporary folder, so a test run never rewrites the committed images;
``make screenshots`` sets ``WATTLAS_SCREENSHOT_DIR=docs/images`` to regenerate them
from the warehouse ``make run`` builds. No browser download:
Playwright launches the system Chromium (``WATTLAS_CHROMIUM``, else ``chromium``
on PATH). Skipped, with the reason, only when Chromium or Playwright is absent.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# url path, screenshot name, what shows the page has drawn (charts or the "not built" note)
PAGES = [
    ("", "overview", '[data-testid="stMetric"], [data-testid="stAlert"]'),
    ("charge_points", "charge_points", ".js-plotly-plot .maplibregl-canvas"),
    ("consumption", "consumption", ".js-plotly-plot .main-svg .scatterlayer .trace"),
    ("thermosensitivity", "thermosensitivity", ".js-plotly-plot .main-svg .barlayer .trace"),
    ("availability", "availability", '.js-plotly-plot .main-svg, [data-testid="stAlert"]'),
    ("quality", "quality", '.js-plotly-plot .main-svg, [data-testid="stAlert"]'),
]


def _chromium() -> str | None:
    explicit = os.environ.get("WATTLAS_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _built_duckdb() -> Path | None:
    for variable in ("WATTLAS_TEST_DUCKDB_PATH", "WATTLAS_DUCKDB_PATH"):
        value = os.environ.get(variable)
        if value and Path(value).exists():
            return Path(value)
    default = REPO / "target" / "test.duckdb"
    return default if default.exists() else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def dashboard_url():
    """A Streamlit server on 127.0.0.1 over the built DuckDB warehouse, stopped after."""
    warehouse = _built_duckdb()
    if warehouse is None:
        pytest.skip("no built DuckDB warehouse (run `make test` or set WATTLAS_DUCKDB_PATH)")
    port = _free_port()
    env = dict(os.environ, WATTLAS_DASHBOARD_DUCKDB_PATH=str(warehouse))
    env.pop("WATTLAS_DASHBOARD_TARGET", None)
    log = (REPO / "target").joinpath("dashboard_browser_test.log")
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as handle:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(REPO / "dashboards" / "app.py"),
                "--server.address=127.0.0.1",
                f"--server.port={port}",
                "--server.headless=true",
                "--server.fileWatcherType=none",
                "--browser.gatherUsageStats=false",
                "--client.toolbarMode=viewer",
            ],
            cwd=REPO,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped by id below
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start: {log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_every_page_draws_in_chromium(dashboard_url, tmp_path):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium not installed (apt-get install chromium), or WATTLAS_CHROMIUM wrong")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (pip) not installed")
    publishing = bool(os.environ.get("WATTLAS_SCREENSHOT_DIR"))
    out = Path(os.environ.get("WATTLAS_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    shown_cards: dict[str, str] = {}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            # Streamlit scrolls inside its main area: a tall viewport shows the whole page.
            page = browser.new_page(viewport={"width": 1400, "height": 2100})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            for path, name, ready in PAGES:
                page.goto(f"{dashboard_url}/{path}", wait_until="domcontentloaded")
                page.wait_for_selector("h1", timeout=90_000)
                page.wait_for_selector(ready, timeout=90_000)
                # no script rerun pending, and no exception box drawn
                page.wait_for_selector(
                    '[data-testid="stStatusWidget"]', state="detached", timeout=90_000
                )
                assert page.locator('[data-testid="stException"]').count() == 0, name
                if publishing:  # the footer names the warehouse: no temporary file in docs
                    assert "/tmp/" not in page.locator("body").inner_text(), name
                if path:
                    heading = page.locator("h1").first.inner_text()
                    assert heading, name
                if name == "availability":
                    shown_cards.update(_metric_values(page))
                page.wait_for_timeout(1500)  # plotly transitions and map tiles settle
                target = out / f"dashboard_{name}.png"
                page.screenshot(path=str(target), full_page=True)
                assert target.stat().st_size > 10_000, target
        finally:
            browser.close()
    assert not [e for e in errors if "streamlit" in e.lower()], errors
    _assert_availability_card_weighted(shown_cards)


def _metric_values(page) -> dict[str, str]:
    """Label -> value of every metric card drawn on the page."""
    values = {}
    for card in page.locator('[data-testid="stMetric"]').all():
        label = card.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        values[label] = card.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return values


def _assert_availability_card_weighted(shown_cards: dict[str, str]) -> None:
    """The availability card drawn in the browser is Σ(free + occupied) / Σ opening
    hours over every unit-day, computed here from the mart, never a mean of rates."""
    import duckdb

    with duckdb.connect(str(_built_duckdb()), read_only=True) as connection:
        available, opening = connection.execute(
            "select sum(point_free_hours + point_occupied_hours), sum(point_opening_hours)"
            " from marts.fct_operational_unit_availability_daily"
        ).fetchone()
    assert opening, "no opening hours in the sample's availability mart"
    shown = float(shown_cards["Availability, all units"].rstrip("%").strip()) / 100
    assert shown == pytest.approx(available / opening, abs=0.0005), shown_cards
