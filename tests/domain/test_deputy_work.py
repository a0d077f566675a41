# SPDX-License-Identifier: GPL-3.0-or-later
"""The snapshot's `deputy_work` wire format (kiosk.domain.deputy_work): what the server writes
the kiosk reads back; anything malformed is left out, never trusted, never fatal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.deputy_work import DeputyWork, deputy_work_document, deputy_work_from_document


def test_what_the_server_writes_the_kiosk_reads():
    counts = {"demo-01": DeputyWork(3, 1, 1), "demo-02": DeputyWork(0, 0, 0)}
    document = deputy_work_document(counts)
    assert document == {
        "demo-01": {"open": 3, "overdue": 1, "due_soon": 1},
        "demo-02": {"open": 0, "overdue": 0, "due_soon": 0},
    }
    assert deputy_work_from_document(document) == counts


def test_malformed_entries_are_left_out():
    read = deputy_work_from_document(
        {
            "ok": {"open": 2, "overdue": 1, "due_soon": 0},
            "negative": {"open": -1, "overdue": 0, "due_soon": 0},
            "text": {"open": "3", "overdue": 0, "due_soon": 0},
            "flag": {"open": True, "overdue": 0, "due_soon": 0},
            "more red than open": {"open": 1, "overdue": 2, "due_soon": 0},
            "missing": {"open": 1},
            "": {"open": 1, "overdue": 0, "due_soon": 0},
            "list": [1, 2, 3],
        }
    )
    assert read == {"ok": DeputyWork(2, 1, 0)}
    assert deputy_work_from_document(None) is None  # an older server: nothing known
    assert deputy_work_from_document([]) is None


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_any_json_is_read_without_an_error(value):
    read = deputy_work_from_document(value)
    assert read is None or all(isinstance(w, DeputyWork) for w in read.values())
