"""dbt source freshness blocks read as Dagster freshness policies."""

from datetime import timedelta

from orchestration.freshness import source_policy


def test_warn_and_error_become_warn_and_fail_windows():
    policy = source_policy(
        {
            "warn_after": {"count": 1, "period": "day"},
            "error_after": {"count": 36, "period": "hour"},
        }
    )
    assert policy.fail_window.to_timedelta() == timedelta(hours=36)
    assert policy.warn_window.to_timedelta() == timedelta(days=1)


def test_a_warn_only_source_fails_at_its_warning_delay():
    policy = source_policy({"warn_after": {"count": 7, "period": "day"}, "error_after": {}})
    assert policy.fail_window.to_timedelta() == timedelta(days=7)
    assert policy.warn_window is None


def test_no_freshness_no_policy():
    assert source_policy(None) is None
    assert source_policy({"warn_after": {"count": None, "period": None}}) is None
