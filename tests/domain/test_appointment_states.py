# SPDX-License-Identifier: GPL-3.0-or-later
"""The appointment state machine: one module, the kiosk's answers and the server's moves."""

from __future__ import annotations

import pytest

from central.services import appointments as server
from kiosk.domain import appointments as kiosk
from kiosk.domain.appointment_states import (
    NEXT_STATES,
    AnswerRefused,
    AppointmentState,
    check_move,
    deputy_answers,
)

A = AppointmentState


def test_server_and_kiosk_use_the_same_machine() -> None:
    assert server.NEXT_STATES is NEXT_STATES
    assert server.AppointmentState is AppointmentState
    assert set(kiosk.STATES) == {"requested", "confirmed", "declined", "done"}


@pytest.mark.parametrize(
    ("state", "answers"),
    [
        ("requested", ("confirmed", "declined")),
        ("confirmed", ("declined",)),  # called off
        ("declined", ("confirmed",)),  # offered again
        ("done", ()),
        ("unknown", ()),
    ],
)
def test_a_deputy_confirms_or_declines_never_marks_done(state: str, answers: tuple) -> None:
    assert deputy_answers(state) == answers
    assert kiosk.answers_for(state) == answers


def test_a_move_the_rules_do_not_allow_is_refused_in_plain_words() -> None:
    check_move(A.CONFIRMED, A.DONE)
    with pytest.raises(AnswerRefused, match="an appointment done can become nothing"):
        check_move(A.DONE, A.CONFIRMED)
    with pytest.raises(AnswerRefused, match="can become confirmed, declined, not done"):
        check_move(A.REQUESTED, A.DONE)
