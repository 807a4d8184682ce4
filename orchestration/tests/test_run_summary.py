"""The run summary sorts warnings into expected ones and news, and says what opens the file.

Pure: a hand-written run_results.json and no warehouse (the summary of a real
build is tested in test_quality_never_blocks.py).
"""

from __future__ import annotations

import json

from orchestration.reporting import run_summary


def _result(unique_id: str, status: str, failures: int | None = None) -> dict:
    return {"unique_id": unique_id, "status": status, "failures": failures}


def _summary(tmp_path, capsys, results: list[dict]) -> str:
    (tmp_path / "run_results.json").write_text(json.dumps({"results": results, "args": {}}))
    run_summary.main(
        ["--target-path", str(tmp_path), "--duckdb-path", str(tmp_path / "none.duckdb")]
    )
    return capsys.readouterr().out


def test_expected_warnings_are_named_and_no_news(tmp_path, capsys):
    out = _summary(
        tmp_path,
        capsys,
        [
            _result("model.wattlas.fct_indicators", "success"),
            _result("test.wattlas.quality_rule_powu.abc123", "warn", 3),
            _result(
                "test.wattlas.assert_consumption_daily__measured_half_hours_match_expected",
                "warn",
                4,
            ),
            _result("test.wattlas.not_null_x_y.def456", "pass", 0),
        ],
    )
    expected = out[out.index("Expected warnings") : out.index("News")]
    assert "1 quality rules" in expected and "quality_rule_powu (3)" in expected
    assert "assert_consumption_daily__measured_half_hours_match_expected (4)" in expected
    assert "News: none" in out


def test_other_warnings_and_failures_are_news(tmp_path, capsys):
    out = _summary(
        tmp_path,
        capsys,
        [
            _result("model.wattlas.fct_indicators", "error"),
            _result("test.wattlas.quality_rule_powu.abc123", "warn", 3),
            _result("test.wattlas.unique_fct_x_id.aaa111", "warn", 2),
            _result("test.wattlas.not_null_fct_y_id.bbb222", "fail", 5),
        ],
    )
    news = out[out.index("News (look at these):") :]
    assert "warning unique_fct_x_id (2)" in news
    assert "fct_indicators (error)" in news
    assert "not_null_fct_y_id (fail)" in news
    assert "quality_rule_powu" not in news.split("Database:")[0]


def test_points_each_client_to_what_it_can_open(tmp_path, capsys):
    out = _summary(tmp_path, capsys, [])
    assert "make bi-export" in out and "target/bi/marts_v1.duckdb" in out
    assert "PostgreSQL" in out and "docs/analyst_guide.md" in out
    assert "make docs" in out and "static_index.html" in out
