"""Logging is configured once: one stderr handler whatever the number of calls."""

import logging

import pytest

from orchestration import logging_setup


def test_configure_twice_keeps_one_handler(monkeypatch):
    monkeypatch.delenv("WATTLAS_LOG_LEVEL", raising=False)
    logger = logging.getLogger("orchestration")
    before = list(logger.handlers)
    try:
        logging_setup.configure()
        logging_setup.configure("warning")
        ours = [h for h in logger.handlers if h.get_name() == "wattlas"]
        assert len(ours) == 1
        assert logger.level == logging.WARNING
    finally:
        logger.handlers = before
        logger.setLevel(logging.NOTSET)


def test_an_unknown_level_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("WATTLAS_LOG_LEVEL", "chatty")
    with pytest.raises(ValueError, match="WATTLAS_LOG_LEVEL='CHATTY' is not a logging level"):
        logging_setup.configure()
