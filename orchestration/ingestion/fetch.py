"""Download a dataset into its landing folder, all or nothing.

The landed file is ``<landing root>/<source>/<dataset>/<name>_<YYYY-MM-DD>.csv``
where ``<name>`` is the registry key's dataset part (``jours_feries_metropole``)
and the date is the day of the download: fetching twice on one day replaces
that day's file, fetching on another day adds a file next to it.

The body is streamed into a hidden ``.part`` file in the same folder, checked
(complete, right header), fsynced, then renamed over the final name. Rename
within one folder is atomic, so readers see either the previous file or the
new one, never half a file; on any failure the ``.part`` file is removed and a
previous landed file stays as it was.
"""

import http.client
import logging
import os
import shutil
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .parsing import HeaderMismatchError, read_header
from .registry import LANDING_ROOT, Dataset

log = logging.getLogger(__name__)

CHUNK_SIZE = 1 << 16
# A progress line at most this often during a download, seconds.
PROGRESS_EVERY = 5.0
USER_AGENT = "wattlas-ingestion/0.1"
# Worth another attempt: server overload and gateway errors, rate limiting.
RETRYABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class FetchError(RuntimeError):
    """A dataset could not be landed; nothing was written."""


class NoDownloadUrlError(FetchError):
    """The dataset is derived offline and only shipped in the sample."""


class _RetryableError(Exception):
    """An attempt failed in a way that another attempt may fix."""


def landed_file_name(dataset: Dataset, day: date) -> str:
    return f"{dataset.name}_{day.isoformat()}.csv"


def fetch(
    dataset: Dataset,
    *,
    url: str | None = None,
    landing_root: Path = LANDING_ROOT,
    day: date | None = None,
    timeout: float = 60.0,
    attempts: int = 4,
    backoff: float = 2.0,
    backoff_factor: float = 2.0,
    max_backoff: float = 60.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """Download ``dataset`` and return the landed file's path.

    ``url`` overrides the registry's URL (tests point it at a local server).
    ``timeout`` bounds connecting and each read, in seconds, so a server that
    stops sending fails the attempt. Failed attempts (network errors,
    timeouts, truncated bodies, HTTP 408/425/429/5xx) are retried up to
    ``attempts`` in all, waiting ``backoff * backoff_factor ** n`` seconds
    (at most ``max_backoff``) after the n-th failure, n from 0. Other HTTP
    errors, a missing archive member or a wrong header fail at once.
    """
    source_url = url or dataset.url
    if source_url is None:
        raise NoDownloadUrlError(
            f"dataset {dataset.key} has no download URL: it is derived offline and "
            f"shipped only as a sample in {dataset.sample_dir}; load it with --sample"
        )
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    folder = Path(landing_root) / dataset.key
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / landed_file_name(dataset, day or date.today())

    download = _temp_path(folder, final.name)
    extracted: Path | None = None
    try:
        _download_with_retries(
            source_url, download, timeout, attempts, backoff, backoff_factor, max_backoff, sleep
        )
        if dataset.archive_member:
            extracted = _temp_path(folder, final.name)
            _extract_member(download, dataset.archive_member, extracted)
            landed = extracted
        else:
            landed = download
        _check_header(landed, dataset, source_url)
        _fsync(landed)
        os.replace(landed, final)
        _fsync_folder(folder)
    finally:
        for leftover in (download, extracted):
            if leftover is not None:
                leftover.unlink(missing_ok=True)
    log.info("landed %s from %s", final, source_url)
    return final


def _temp_path(folder: Path, final_name: str) -> Path:
    """A new hidden file next to the final one (same file system, so the
    final rename is atomic; hidden, so loaders listing the folder skip it)."""
    handle, name = tempfile.mkstemp(prefix=f".{final_name}.", suffix=".part", dir=folder)
    os.close(handle)
    return Path(name)


def _download_with_retries(
    url, target, timeout, attempts, backoff, backoff_factor, max_backoff, sleep
) -> None:
    for attempt in range(1, attempts + 1):
        try:
            _download_once(url, target, timeout)
            return
        except _RetryableError as error:
            if attempt == attempts:
                raise FetchError(
                    f"download of {url} failed after {attempts} "
                    f"attempt{'s' if attempts > 1 else ''}: {error}"
                ) from error.__cause__
            delay = min(backoff * backoff_factor ** (attempt - 1), max_backoff)
            log.warning(
                "attempt %d/%d for %s failed (%s); retrying in %.1fs",
                attempt,
                attempts,
                url,
                error,
                delay,
            )
            sleep(delay)


def _download_once(url: str, target: Path, timeout: float) -> None:
    """Stream ``url`` into ``target`` (truncated first); sort errors into
    retryable ones and final ones."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            expected = response.headers.get("Content-Length")
            with open(target, "wb") as out:
                received = _copy_with_progress(response, out, url, expected)
    except urllib.error.HTTPError as error:
        error.close()
        message = f"HTTP {error.code} {error.reason}"
        if error.code in RETRYABLE_STATUSES:
            raise _RetryableError(message) from error
        raise FetchError(f"download of {url} failed: {message}") from error
    except urllib.error.URLError as error:
        # Connection refused, DNS failure, timeout while connecting.
        raise _RetryableError(f"cannot reach server: {error.reason}") from error
    except TimeoutError as error:
        raise _RetryableError(f"timed out after {timeout}s without data") from error
    except (OSError, http.client.HTTPException) as error:
        # Connection reset, incomplete chunked body, ...
        raise _RetryableError(f"transfer broken: {error!r}") from error
    if expected is not None and expected.isdigit() and received != int(expected):
        raise _RetryableError(f"truncated body: got {received} of {expected} bytes")


def _copy_with_progress(response, out, url: str, expected: str | None) -> int:
    """Stream the body into ``out``, logging the bytes received every
    PROGRESS_EVERY seconds and once at the end; return the byte count."""
    total = int(expected) if expected is not None and expected.isdigit() else None
    of_total = f" of {total / 1e6:.1f} MB" if total is not None else ""
    received = 0
    last_report = time.monotonic()
    while chunk := response.read(CHUNK_SIZE):
        out.write(chunk)
        received += len(chunk)
        if time.monotonic() - last_report >= PROGRESS_EVERY:
            last_report = time.monotonic()
            log.info("%s: %.1f MB%s received", url, received / 1e6, of_total)
    log.info("%s: %.1f MB%s received, done", url, received / 1e6, of_total)
    return received


def _extract_member(archive: Path, member: str, target: Path) -> None:
    try:
        with zipfile.ZipFile(archive) as zipped:
            if member not in zipped.namelist():
                raise FetchError(f"archive has no member {member!r}; members: {zipped.namelist()}")
            with zipped.open(member) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out, CHUNK_SIZE)
    except zipfile.BadZipFile as error:
        raise FetchError(f"downloaded file is not a valid zip archive: {error}") from error


def _check_header(path: Path, dataset: Dataset, url: str) -> None:
    """Refuse a body that is not the dataset's CSV (an HTML error page served
    with status 200, a renamed column), before it replaces a good file."""
    with open(path, "rb") as handle:
        first_line = handle.readline()
    try:
        read_header(first_line.rstrip(b"\n"), dataset, url)
    except HeaderMismatchError as error:
        raise FetchError(f"downloaded file rejected: {error}") from error


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Persist the rename itself (POSIX; not possible on Windows)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
