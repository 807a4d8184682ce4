"""Downloads against a local HTTP server: retries, timeouts, atomic landing."""

import io
import socket
import time
import zipfile
from datetime import date

import pytest

from orchestration.ingestion import fetch as fetch_module
from orchestration.ingestion.fetch import FetchError, NoDownloadUrlError, fetch
from orchestration.ingestion.loader import load_file
from orchestration.ingestion.registry import get_dataset
from orchestration.ingestion.warehouse import connect
from orchestration.tests.fixture_data import FIXTURES, HOLIDAYS

DAY = date(2024, 6, 1)
BODY = (FIXTURES / "jours_feries_metropole_2024.csv").read_bytes()
LANDED_NAME = "jours_feries_metropole_2024-06-01.csv"


@pytest.fixture
def landing(tmp_path):
    return tmp_path / "landing"


def _fetch(dataset, url, landing, sleeps=None, **options):
    options = {"timeout": 2.0, "attempts": 3, "backoff": 0.01, **options}
    sleep = sleeps.append if sleeps is not None else (lambda _: None)
    return fetch(dataset, url=url, landing_root=landing, day=DAY, sleep=sleep, **options)


def _folder_listing(landing, dataset=HOLIDAYS):
    """Every file in the landing folder, hidden ones included."""
    return sorted(path.name for path in (landing / dataset.key).iterdir())


def _land_previous(landing):
    folder = landing / HOLIDAYS.key
    folder.mkdir(parents=True)
    (folder / LANDED_NAME).write_bytes(b"previous good file\n")


def test_fetch_lands_the_file_under_a_dated_name(http_server, landing):
    url = http_server.serve("/holidays.csv", body=BODY)

    path = _fetch(HOLIDAYS, url, landing)

    assert path == landing / "etalab" / "jours_feries_metropole" / LANDED_NAME
    assert path.read_bytes() == BODY
    assert _folder_listing(landing) == [LANDED_NAME]


def test_fetch_retries_server_errors_with_exponential_backoff(http_server, landing):
    url = http_server.serve("/holidays.csv", body=BODY, failures=2)
    sleeps = []

    path = _fetch(HOLIDAYS, url, landing, sleeps, attempts=3, backoff=0.01, backoff_factor=3)

    assert path.read_bytes() == BODY
    assert http_server.routes["/holidays.csv"].hits == 3
    assert sleeps == pytest.approx([0.01, 0.03])
    assert _folder_listing(landing) == [LANDED_NAME]


def test_backoff_is_capped(http_server, landing):
    url = http_server.serve("/holidays.csv", body=BODY, failures=3)
    sleeps = []

    _fetch(HOLIDAYS, url, landing, sleeps, attempts=4, backoff=1.0, max_backoff=1.5)

    assert sleeps == [1.0, 1.5, 1.5]


def test_fetch_gives_up_and_keeps_the_previous_file(http_server, landing):
    url = http_server.serve("/holidays.csv", always_fail=True)
    _land_previous(landing)
    sleeps = []

    with pytest.raises(FetchError, match=r"failed after 3 attempts: HTTP 500"):
        _fetch(HOLIDAYS, url, landing, sleeps, attempts=3)

    assert http_server.routes["/holidays.csv"].hits == 3
    assert sleeps == pytest.approx([0.01, 0.02])
    assert _folder_listing(landing) == [LANDED_NAME]  # no .part file left
    assert (landing / HOLIDAYS.key / LANDED_NAME).read_bytes() == b"previous good file\n"


def test_fetch_times_out_on_a_silent_server(http_server, landing):
    url = http_server.serve("/holidays.csv", hang_seconds=10)

    started = time.monotonic()
    with pytest.raises(FetchError, match=r"failed after 2 attempts: timed out after 0.2s"):
        _fetch(HOLIDAYS, url, landing, timeout=0.2, attempts=2)

    assert time.monotonic() - started < 3
    assert http_server.routes["/holidays.csv"].hits == 2
    assert _folder_listing(landing) == []


def test_a_truncated_body_is_retried_then_refused(http_server, landing):
    url = http_server.serve("/holidays.csv", body=BODY, truncate_to=100)
    _land_previous(landing)

    with pytest.raises(FetchError, match=r"2 attempts: truncated body: got 100 of 459 bytes"):
        _fetch(HOLIDAYS, url, landing, attempts=2)

    assert http_server.routes["/holidays.csv"].hits == 2
    assert _folder_listing(landing) == [LANDED_NAME]
    assert (landing / HOLIDAYS.key / LANDED_NAME).read_bytes() == b"previous good file\n"


def test_unreachable_server_is_retried(landing):
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps = []

    with pytest.raises(FetchError, match=r"failed after 2 attempts: cannot reach server"):
        _fetch(HOLIDAYS, f"http://127.0.0.1:{port}/x.csv", landing, sleeps, attempts=2)

    assert sleeps == [0.01]


def test_client_errors_are_not_retried(http_server, landing):
    url = http_server.base_url + "/no-such-file.csv"
    sleeps = []

    with pytest.raises(FetchError, match=r"HTTP 404"):
        _fetch(HOLIDAYS, url, landing, sleeps)

    assert sleeps == []
    assert _folder_listing(landing) == []


def test_a_body_with_the_wrong_header_does_not_replace_the_file(http_server, landing):
    url = http_server.serve("/holidays.csv", body=b"<html>Service unavailable</html>\n")
    _land_previous(landing)

    with pytest.raises(FetchError, match=r"downloaded file rejected: .*missing columns"):
        _fetch(HOLIDAYS, url, landing)

    assert http_server.routes["/holidays.csv"].hits == 1
    assert (landing / HOLIDAYS.key / LANDED_NAME).read_bytes() == b"previous good file\n"
    assert _folder_listing(landing) == [LANDED_NAME]


def test_a_dataset_without_url_cannot_be_fetched(landing):
    dataset = get_dataset("insee/populations_legales_regions")

    with pytest.raises(NoDownloadUrlError, match=r"has no download URL.*--sample"):
        fetch(dataset, landing_root=landing)

    assert not landing.exists()


# --- zip archives -------------------------------------------------------------

COMMUNES = get_dataset("insee/comparateur_communes")
COMMUNES_CSV = (
    b"CODGEO;P18_POP;SUPERF;P18_MEN;P18_LOG;P18_RP;P18_RSECOCC;P18_LOGVAC\n"
    b"01001;776;15.95;308;357;308;32;17\n"
    b"01002;248;9.15;104;140;104;28;8\n"
)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_download_lands_the_archive_member(http_server, landing, tmp_path):
    archive = _zip(
        {"meta_base_cc_comparateur.CSV": b"ignored\n", COMMUNES.archive_member: COMMUNES_CSV}
    )
    url = http_server.serve("/base_cc_comparateur_csv.zip", body=archive)

    path = _fetch(COMMUNES, url, landing)

    assert (
        path == landing / "insee" / "comparateur_communes" / "comparateur_communes_2024-06-01.csv"
    )
    assert path.read_bytes() == COMMUNES_CSV
    assert _folder_listing(landing, COMMUNES) == [path.name]  # the zip itself is gone
    warehouse = connect("duckdb", tmp_path / "test.duckdb")
    try:
        report = load_file(warehouse, COMMUNES, path)
    finally:
        warehouse.close()
    assert (report.input_lines, report.loaded_rows, report.rejected_rows) == (2, 2, 0)


def test_zip_without_the_member_fails_cleanly(http_server, landing):
    url = http_server.serve("/base.zip", body=_zip({"other.csv": COMMUNES_CSV}))

    with pytest.raises(FetchError, match=r"archive has no member 'base_cc_comparateur.CSV'"):
        _fetch(COMMUNES, url, landing)

    assert _folder_listing(landing, COMMUNES) == []


def test_a_body_that_is_not_a_zip_fails_cleanly(http_server, landing):
    url = http_server.serve("/base.zip", body=COMMUNES_CSV)

    with pytest.raises(FetchError, match=r"not a valid zip archive"):
        _fetch(COMMUNES, url, landing)

    assert _folder_listing(landing, COMMUNES) == []


def test_fetch_reports_bytes_received_as_it_goes(http_server, landing, monkeypatch, caplog):
    """Small chunks and no delay between reports: a line per chunk, then the total."""
    monkeypatch.setattr(fetch_module, "CHUNK_SIZE", 64)
    monkeypatch.setattr(fetch_module, "PROGRESS_EVERY", 0.0)
    url = http_server.serve("/holidays.csv", body=BODY)
    with caplog.at_level("INFO", logger="orchestration.ingestion.fetch"):
        _fetch(HOLIDAYS, url, landing)
    progress = [r.getMessage() for r in caplog.records if "received" in r.getMessage()]
    megabytes = f"{len(BODY) / 1e6:.1f} MB of {len(BODY) / 1e6:.1f} MB received"
    assert len(progress) == -(-len(BODY) // 64) + 1  # one per chunk, then the final line
    assert progress[-1] == f"{url}: {megabytes}, done"
