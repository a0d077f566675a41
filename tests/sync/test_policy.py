# SPDX-License-Identifier: GPL-3.0-or-later
"""The sync's rhythm and its retry counts."""

from kiosk.sync.policy import SyncTiming, count_retry, read_retries


def test_retries_double_from_two_seconds_up_to_five_minutes_with_jitter():
    timing = SyncTiming()
    assert [timing.retry_delay(n, lambda: 1.0) for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert timing.retry_delay(1, lambda: 0.0) == 1  # jitter: between half and all of the step
    assert timing.retry_delay(50, lambda: 1.0) == 300
    assert timing.retry_delay(10_000, lambda: 1.0) == 300  # no overflow after months offline


def test_a_technician_or_a_fault_test_sets_the_rhythm():
    quick = SyncTiming(poll_seconds=5, first_retry_seconds=0.2, longest_wait_seconds=1)
    assert [quick.retry_delay(n, lambda: 1.0) for n in (1, 2, 3, 4)] == [0.2, 0.4, 0.8, 1]


def test_an_item_that_failed_to_send_is_due_when_the_worker_tries_again():
    # Before: the item drew its own wait; a retry drawn shorter found it not yet due and the
    # item waited for the next poll (a minute), which made test_fleet_heartbeat time out.
    timing = SyncTiming(first_retry_seconds=0.2, longest_wait_seconds=0.2)
    for failures in (1, 2, 3, 10):
        for draw in (0.0, 0.3, 0.999):
            assert timing.earliest_retry(failures) <= timing.retry_delay(failures, lambda d=draw: d)
    assert SyncTiming().earliest_retry(1) == 1  # half the first step


def test_retries_are_counted_by_cause_and_bad_stored_counts_read_as_none():
    stored = count_retry(count_retry(count_retry(None, "timeout"), "timeout"), "server_error")
    assert read_retries(stored) == {
        "unreachable": 0, "timeout": 2, "cut_off": 0, "server_error": 1,
    }  # fmt: skip
    assert read_retries("not json") == read_retries('["x"]') == read_retries(None)
    assert sum(read_retries(None).values()) == 0
