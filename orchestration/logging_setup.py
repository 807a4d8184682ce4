"""Logging for the command-line entry points, configured once.

Every CLI (`python -m orchestration.ingestion`, `python -m orchestration.build`)
calls `configure()` first: progress and retries then go to stderr through one
handler with a timestamp, never through Python's last-resort handler, and the
reports the commands print on stdout stay clean for scripts that read them.
The level comes from WATTLAS_LOG_LEVEL (INFO by default; WARNING keeps only
retries and problems).
"""

from __future__ import annotations

import logging
import os
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_NAME = "wattlas"


class _CurrentStderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at each record (a caller that swaps
    stderr, e.g. a test capturing it, never leaves the handler on a closed one)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


def configure(level: str | None = None) -> logging.Logger:
    """Attach the project's stderr handler to the `orchestration` logger (once)."""
    logger = logging.getLogger("orchestration")
    chosen = (level or os.environ.get("WATTLAS_LOG_LEVEL") or "INFO").upper()
    if chosen not in logging.getLevelNamesMapping():
        raise ValueError(f"WATTLAS_LOG_LEVEL={chosen!r} is not a logging level")
    logger.setLevel(chosen)
    if not any(handler.get_name() == _HANDLER_NAME for handler in logger.handlers):
        handler = _CurrentStderrHandler()
        handler.set_name(_HANDLER_NAME)
        handler.setFormatter(logging.Formatter(FORMAT, datefmt="%H:%M:%S"))
        logger.addHandler(handler)
    return logger
