# SPDX-License-Identifier: GPL-3.0-or-later
"""The appeal state machine: one module, which the server's services import."""

from __future__ import annotations

import pytest

from central.services import appeals, casework
from kiosk.domain.appeal_states import NEXT_STATES, AppealState, MoveRefused, Rating, check_move

S = AppealState


def test_the_server_uses_the_domains_machine() -> None:
    assert appeals.NEXT_STATES is NEXT_STATES
    assert casework.NEXT_STATES is NEXT_STATES


def test_only_a_dissatisfied_rating_reopens() -> None:
    check_move(S.RATED, S.REOPENED, rating=None, rated=Rating.DISSATISFIED)
    with pytest.raises(MoveRefused, match="only an appeal rated dissatisfied"):
        check_move(S.RATED, S.REOPENED, rating=None, rated=Rating.SATISFIED)
    with pytest.raises(MoveRefused, match="nothing \\(it is final\\)"):
        check_move(S.REJECTED, S.ACCEPTED, rating=None, rated=None)
