"""docs/indicators.md is what scripts/render_catalogue_docs.py writes from the seeds."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts/render_catalogue_docs.py"


def _check() -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=REPO
    )


def test_indicator_page_matches_the_catalogue_seeds():
    result = _check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_changed_seed_makes_the_page_stale(tmp_path, monkeypatch):
    """The check can fail: a definition edited in the seed is seen."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("render_catalogue_docs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    edited = tmp_path / "indicator_catalogue.csv"
    edited.write_text(
        module.INDICATORS.read_text(encoding="utf-8").replace("Installed power,", "Power,", 1),
        encoding="utf-8",
    )
    monkeypatch.setattr(module, "INDICATORS", edited)
    assert module.render() != module.PAGE.read_text(encoding="utf-8")
