"""Log into a running Superset, open the Wattlas dashboard, wait for its three charts
to draw and save a screenshot (headless Chromium through Playwright, no download)."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8088")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default=os.environ.get("SUPERSET_ADMIN_PASSWORD", "admin"))
    parser.add_argument("--output", type=Path, default=Path("docs/images/superset_dashboard.png"))
    args = parser.parse_args()
    chromium = os.environ.get("WATTLAS_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("superset-check: Chromium not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1500, "height": 1300})
            page.goto(f"{args.url}/login/")
            page.fill("input[name=username], #username", args.user)
            page.fill("input[name=password], #password", args.password)
            page.keyboard.press("Enter")
            page.wait_for_url("**/superset/welcome/**", timeout=120_000)
            page.goto(f"{args.url}/superset/dashboard/wattlas/")
            # country map (d3 SVG paths), echarts line (canvas), table (rows)
            page.wait_for_selector(".country_map svg path", timeout=120_000)
            page.wait_for_selector(
                ".dashboard-chart canvas, .chart-container canvas", timeout=120_000
            )
            page.wait_for_selector("table tbody tr", timeout=120_000)
            page.wait_for_timeout(2500)
            errors = page.locator(".ant-alert-error, [data-test=error-tooltip]").count()
            args.output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.output), full_page=True)
            if errors:
                raise SystemExit(f"superset-check: {errors} chart error(s), see {args.output}")
        finally:
            browser.close()
    print(f"superset-check: dashboard drawn, screenshot {args.output}")


if __name__ == "__main__":
    main()
