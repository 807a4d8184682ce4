"""Test data shared by several test modules (conftest holds only fixtures)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from orchestration.ingestion.registry import get_dataset

FIXTURES = Path(__file__).parent / "fixtures"
HOLIDAYS = get_dataset("etalab/jours_feries_metropole")

# A file of etalab/jours_feries_metropole with one problem per line. Physical
# line numbers (the header is line 1) are what the rejects table must report.
MALFORMED_LINES = [
    b"date,annee,zone,nom_jour_ferie",  # 1 header
    "2024-01-01,2024,Métropole,1er janvier".encode(),  # 2 good
    "2024-04-01,2024,Métropole,Lundi de Pâques,extra".encode(),  # 3 five fields
    "2024-05-01,2024,Métropole".encode(),  # 4 three fields
    b"2024-05-08,2024,M\xe9tropole,8 mai",  # 5 Latin-1 "é": invalid UTF-8 at byte 17
    '2024-05-09,2024,Métropole,"Ascension'.encode(),  # 6 quote never closed
    b"",  # 7 blank
    '2024-07-14,2024,Métropole,"14 juillet, fête nationale"'.encode(),  # 8 good, quoted comma
    "2024-12-25,2024,Métropole,Jour de Noël\r".encode(),  # 9 good, CRLF ending
    "2024-11-11,2024,Métropole,11 nov\x00embre".encode(),  # 10 NUL byte
]
MALFORMED_BYTES = b"\n".join(MALFORMED_LINES) + b"\n"


def copy_built_warehouse(directory: Path, fallback_name: str) -> tuple[Path, bool]:
    """A copy, in ``directory``, of the sample warehouse ``make test`` built
    (WATTLAS_TEST_DUCKDB_PATH), so a test never writes to it: (path, True).
    Without one: the path for a warehouse the test builds itself, (path, False).
    The copy keeps the file name: DuckDB views name their catalog after its stem.
    """
    built = os.environ.get("WATTLAS_TEST_DUCKDB_PATH")
    if built and Path(built).is_file():
        path = directory / Path(built).name
        shutil.copyfile(built, path)
        return path, True
    return directory / fallback_name, False


def load_sample(path: Path) -> None:
    """Load the shipped sample into the DuckDB file ``path`` (the loader CLI)."""
    subprocess.run(
        [sys.executable, "-m", "orchestration.ingestion", "--duckdb-path", str(path),
         "load", "--sample"],
        cwd=Path(__file__).resolve().parents[2], check=True, capture_output=True,
        env={**os.environ, "WATTLAS_TARGET": "duckdb", "WATTLAS_DUCKDB_PATH": str(path)},
    )  # fmt: skip
