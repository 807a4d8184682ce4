"""The dbt docs site (what ``make docs`` builds) in headless Chromium: a mart and the lineage.

Builds the static site (``dbt parse`` + ``dbt docs generate --static --no-compile``)
over the built DuckDB warehouse into a temporary target path, opens it from disk,
finds a mart with its described columns and the dashboard exposure, opens the
lineage graph and saves screenshots into a temporary folder (``make screenshots``
sets ``WATTLAS_SCREENSHOT_DIR=docs/images`` to regenerate the committed ones).
Skipped, with the reason, only without Chromium or Playwright.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MART = "fct_infrastructure_by_department"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
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


def _dbt(args: list[str], env: dict[str, str]) -> None:
    dbt = Path(sys.executable).with_name("dbt")
    result = subprocess.run(
        [str(dbt), *args], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory) -> Path:
    if _chromium() is None:
        pytest.skip("Chromium not installed (apt-get install chromium), or WATTLAS_CHROMIUM wrong")
    pytest.importorskip("playwright.sync_api", reason="playwright (pip) not installed")
    warehouse = _built_duckdb()
    if warehouse is None:
        pytest.skip("no built DuckDB warehouse (run `make test` or set WATTLAS_DUCKDB_PATH)")
    target = tmp_path_factory.mktemp("docs_target")
    # dbt opens the file for writing: a copy (same name, the views' catalog)
    # leaves the built warehouse free for tests reading it in parallel.
    copy = tmp_path_factory.mktemp("docs_warehouse") / warehouse.name
    shutil.copyfile(warehouse, copy)
    env = dict(
        os.environ,
        WATTLAS_DUCKDB_PATH=str(copy),
        DBT_PROFILES_DIR=str(REPO / "profiles"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    common = ["--target", "duckdb", "--target-path", str(target), "--log-path", str(target)]
    _dbt(["parse", *common], env)
    _dbt(["docs", "generate", "--static", "--no-compile", *common], env)
    site = target / "static_index.html"
    assert site.stat().st_size > 100_000
    return site


def test_docs_site_shows_a_mart_and_the_lineage(docs_site, tmp_path):
    from playwright.sync_api import sync_playwright

    out = Path(os.environ.get("WATTLAS_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            # the home page is the project's overview (doc block __overview__)
            page.goto(f"{docs_site.as_uri()}#!/overview")
            page.wait_for_selector("h1:has-text('Wattlas')", timeout=120_000)
            assert page.get_by_text("Where to start", exact=False).count() > 0
            page.screenshot(path=str(out / "dbt_docs_overview.png"))

            page.goto(f"{docs_site.as_uri()}#!/model/model.wattlas.{MART}")
            page.wait_for_selector(f"h1:has-text('{MART}')", timeout=120_000)
            # the mart's columns are described, with their unit where they have one
            page.wait_for_selector("text=charge_points_per_100k_inhabitants", timeout=60_000)
            assert page.get_by_text("Area, km²", exact=False).count() > 0
            # the dashboard exposure is in the navigation
            assert page.get_by_text("Exposures", exact=True).count() > 0
            page.screenshot(path=str(out / "dbt_docs_mart.png"))

            # lineage: the graph launcher draws the mart's neighbourhood on a canvas
            page.locator(".launcher-btn").first.click()
            page.wait_for_selector("#cy canvas", state="attached", timeout=60_000)
            page.wait_for_timeout(3000)  # layout animation
            page.screenshot(path=str(out / "dbt_docs_lineage.png"))
            lineage_nodes = page.evaluate(
                "() => { const el = document.getElementById('cy');"
                " const cy = el && (el._cyreg && el._cyreg.cy);"
                " return cy ? cy.nodes().map(n => n.data('label') || n.id()) : null; }"
            )
            assert lineage_nodes, "no cytoscape graph in #cy"
            assert MART in lineage_nodes, lineage_nodes
            assert "Wattlas dashboard (Streamlit)" in lineage_nodes, lineage_nodes

            # the exposure's own page lists the marts it depends on
            page.goto(
                f"{docs_site.as_uri()}#!/exposure/exposure.wattlas.wattlas_streamlit_dashboard"
            )
            page.wait_for_selector("text=Wattlas dashboard (Streamlit)", timeout=60_000)
            page.wait_for_selector(f"text={MART}", timeout=60_000)
            page.screenshot(path=str(out / "dbt_docs_exposure.png"))
        finally:
            browser.close()
    for name in (
        "dbt_docs_overview.png",
        "dbt_docs_mart.png",
        "dbt_docs_lineage.png",
        "dbt_docs_exposure.png",
    ):
        assert (out / name).stat().st_size > 10_000, name
