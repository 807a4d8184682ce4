"""The command line: outputs, refusals, and exit code 2 with one ``error:`` line."""

import os
import subprocess
import sys

import pytest

from orchestration.ingestion.cli import main
from orchestration.ingestion.registry import DATASETS, REPO_ROOT
from orchestration.ingestion.warehouse import connect
from orchestration.tests.fixture_data import FIXTURES, HOLIDAYS


def _run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real entry point, as a user would call it."""
    return subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env_extra or {})},
    )


def _assert_usage_error(result: subprocess.CompletedProcess, start: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: " + start)
    assert result.stderr.count("\n") == 1  # exactly one line


def test_unknown_dataset(tmp_path):
    result = _run("--duckdb-path", str(tmp_path / "w.duckdb"), "load", "etalab/feries")

    _assert_usage_error(result, "unknown dataset 'etalab/feries'; known datasets: cog/communes")
    assert not (tmp_path / "w.duckdb").exists()


def test_unknown_dataset_on_fetch(tmp_path):
    result = _run("--landing-root", str(tmp_path), "fetch", "etalab/feries")

    _assert_usage_error(result, "unknown dataset 'etalab/feries'")


def test_missing_file_changes_nothing(tmp_path):
    absent = tmp_path / "absent.csv"
    database = tmp_path / "w.duckdb"

    result = _run("--duckdb-path", str(database), "load", HOLIDAYS.key, str(absent))

    _assert_usage_error(result, f"no such file for etalab/jours_feries_metropole: {absent}")
    assert not database.exists()


def test_nothing_landed_for_a_named_dataset(tmp_path):
    result = _run("--landing-root", str(tmp_path), "load", HOLIDAYS.key)

    _assert_usage_error(result, "no landed files for etalab/jours_feries_metropole in ")


def test_header_mismatch_is_refused_recorded_and_not_fatal(tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("date;annee;zone;nom_jour_ferie\n2024-01-01;2024;Métropole;1er janvier\n")
    database = tmp_path / "w.duckdb"

    result = _run("--duckdb-path", str(database), "load", HOLIDAYS.key, str(wrong))

    # Refused, not a failure: recorded, named in the output, exit 0.
    reason = (
        "wrong.csv: header does not match dataset etalab/jours_feries_metropole: "
        "missing columns ['date', 'annee', 'zone', 'nom_jour_ferie']"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"REFUSED: {reason}" in lines[0]
    assert lines[-1].startswith("WARNING: not loaded: 1 refused")
    assert "etalab/jours_feries_metropole: wrong.csv" in lines[-1]
    warehouse = connect("duckdb", database)
    try:
        [(source_file, status, recorded, loaded_rows)] = warehouse.execute(
            "select source_file, status, refusal_reason, loaded_rows from raw._loads"
        )
        assert (source_file, status, loaded_rows) == ("wrong.csv", "refused", 0)
        assert recorded.startswith(reason)
    finally:
        warehouse.close()


def test_fetch_of_a_sample_only_dataset(tmp_path):
    result = _run("--landing-root", str(tmp_path), "fetch", "cog/regions")

    _assert_usage_error(result, "dataset cog/regions has no download URL")


def test_list_shows_every_dataset(capsys):
    assert main(["list"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(DATASETS) == 25
    assert lines[0].split()[:2] == [
        "odre/eco2mix_regional_cons_def",
        "raw.odre__eco2mix_regional_cons_def",
    ]


def test_load_reports_rejects_and_balances(tmp_path, malformed_csv, capsys):
    code = main(
        ["--duckdb-path", str(tmp_path / "w.duckdb"), "load", HOLIDAYS.key, str(malformed_csv)]
    )

    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        lines[-1]
        == "1 files: 1 loaded, 0 unchanged, 0 refused; input lines 9 = loaded 3 + rejected 6"
    )


def test_load_sample_of_one_dataset(tmp_path, capsys):
    code = main(["--duckdb-path", str(tmp_path / "w.duckdb"), "load", "--sample", HOLIDAYS.key])

    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 files: 1 loaded, 0 unchanged, 0 refused; input lines 286 = loaded 286 + rejected 0"
    )


def test_fetch_then_load_the_landing_folder(http_server, tmp_path, capsys):
    url = http_server.serve(
        "/holidays.csv", body=(FIXTURES / "jours_feries_metropole_2024.csv").read_bytes()
    )
    landing = ["--landing-root", str(tmp_path / "landing")]

    assert main([*landing, "fetch", HOLIDAYS.key, "--url", url, "--backoff", "0"]) == 0
    landed = tmp_path / "landing" / HOLIDAYS.key
    assert capsys.readouterr().out.strip().startswith(str(landed / "jours_feries_metropole_"))
    # A download in progress is a hidden file; load must skip it.
    (landed / ".jours_feries_metropole_2099-01-01.csv.abc.part").write_bytes(b"half a fi")

    assert main([*landing, "--duckdb-path", str(tmp_path / "w.duckdb"), "load", HOLIDAYS.key]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 files: 1 loaded, 0 unchanged, 0 refused; input lines 11 = loaded 11 + rejected 0"
    )


def test_fetch_failure_is_a_usage_error(http_server, tmp_path, capsys):
    url = http_server.serve("/holidays.csv", always_fail=True)

    options = ["--url", url, "--attempts", "2", "--backoff", "0"]
    code = main(["--landing-root", str(tmp_path), "fetch", HOLIDAYS.key, *options])

    assert code == 2
    *retries, error = capsys.readouterr().err.splitlines()
    assert error == f"error: download of {url} failed after 2 attempts: HTTP 500 fixture failure"
    # the retry is logged once, through the configured handler
    assert len(retries) == 1
    assert retries[0].endswith(
        f"WARNING orchestration.ingestion.fetch: attempt 1/2 for {url} failed "
        "(HTTP 500 fixture failure); retrying in 0.0s"
    )


@pytest.mark.parametrize("argv", [[], ["load", "--bogus"], ["fetch"]])
def test_bad_usage_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as raised:
        main(argv)

    assert raised.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_corrupt_gzip_is_a_clear_error(tmp_path, capsys):
    broken = tmp_path / "jours_feries_metropole.csv.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00 truncated")
    code = main(["--duckdb-path", str(tmp_path / "w.duckdb"), "load",
                 "etalab/jours_feries_metropole", str(broken)])  # fmt: skip
    assert code == 0  # refused and recorded, not fatal
    out = capsys.readouterr().out
    assert "REFUSED: jours_feries_metropole.csv.gz: not a readable gzip file" in out
    assert out.splitlines()[-1].startswith("WARNING: not loaded: 1 refused")


def test_unreachable_postgres_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setenv("PGHOST", "127.0.0.1")
    monkeypatch.setenv("PGPORT", "1")  # nothing listens on port 1
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "2")
    code = main(["--target", "postgres", "load", "--sample", "etalab/jours_feries_metropole"])
    assert code == 2
    assert "cannot open the postgres warehouse" in capsys.readouterr().err


def test_load_prints_progress_per_file_on_stderr(tmp_path):
    """Progress goes to stderr through the configured logger; stdout keeps the report."""
    result = _run("--duckdb-path", str(tmp_path / "w.duckdb"), "load", "--sample", HOLIDAYS.key)

    assert result.returncode == 0, result.stderr
    progress = [line for line in result.stderr.splitlines() if "loading" in line]
    assert len(progress) == 1
    assert " INFO orchestration.ingestion.cli: [1/1] loading " in progress[0]
    assert "loading" not in result.stdout
    quiet = _run(
        "--duckdb-path", str(tmp_path / "q.duckdb"), "load", "--sample", HOLIDAYS.key,
        env_extra={"WATTLAS_LOG_LEVEL": "WARNING"},
    )  # fmt: skip
    assert quiet.returncode == 0, quiet.stderr
    assert "loading" not in quiet.stderr
