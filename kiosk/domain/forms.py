# SPDX-License-Identifier: GPL-3.0-or-later
"""A visitor's forms, once: the steps of each kind, the limits of its fields and the check of
each step (the kiosk's IntakeForm and its screens; the server's phone pages use the same field
rule, kiosk.domain.contact, with their own limits, `PHONE_PAGE_LIMITS`).

Kinds: an appeal (意见建议), a call-back request (a visitor who cannot type leaves a number)
and an appointment request (约见代表).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from kiosk.domain.contact import (
    NAME_LIMIT,
    PHONE_LONGEST,
    PLACE_LIMIT,
    TEXT_LIMIT,
    TOPIC_LIMIT,
    Problem,
    check_name,
    check_phone,
    check_place,
    check_text,
    check_topic,
)


class FormKind(StrEnum):
    APPEAL = "appeal"
    CALLBACK = "callback"
    APPOINTMENT = "appointment"


# The kiosk's screens for each kind, in order (kiosk/qml FormScreen reads IntakeForm.flow).
FLOWS: dict[FormKind, tuple[str, ...]] = {
    FormKind.APPEAL: ("category", "text", "block", "deputy", "contact", "consent", "review"),
    FormKind.CALLBACK: ("category", "contact", "consent"),
    FormKind.APPOINTMENT: ("deputy", "day", "contact", "consent", "review"),
}
# The steps whose fields are checked (the others are a choice that may stay empty, the
# consent, checked on submitting, and the review).
_CHECKED = ("category", "text", "block", "contact", "day")

# The longest each field of the kiosk's forms may be, in characters (the phone: what its
# keypad takes; check_phone decides whether it is a number).
LIMITS: dict[str, int] = {
    "text": TEXT_LIMIT,
    "block": PLACE_LIMIT,
    "name": NAME_LIMIT,
    "topic": TOPIC_LIMIT,
    "phone": PHONE_LONGEST,
}
# The phone pages' (central/web/phone): a browser's keyboard makes longer texts easy.
PHONE_PAGE_LIMITS: dict[str, int] = {
    "text": 2000,
    "block": 200,
    "name": 50,
    "topic": 500,
    "mobile": PHONE_LONGEST,
}


def kind_of(text: str) -> FormKind:
    """The kind `text` names; an appeal for anything else."""
    try:
        return FormKind(text)
    except ValueError:
        return FormKind.APPEAL


def flow(kind: str) -> tuple[str, ...]:
    return FLOWS[kind_of(kind)]


def checked_steps(kind: str) -> tuple[str, ...]:
    """The steps checked again on submitting: appeal: category, text, block, contact;
    call-back: category, contact; appointment: day, contact."""
    return tuple(step for step in flow(kind) if step in _CHECKED)


def check_step(kind: str, step: str, fields: Mapping[str, object]) -> dict[str, Problem | None]:
    """The problem (or None) of each field `step` asks for, in a form of `kind`."""
    text = {name: value if isinstance(value, str) else "" for name, value in fields.items()}
    checks: dict[str, Problem | None] = {}
    if step == "category":
        checks["category"] = None if text.get("category") else Problem.EMPTY
    elif step == "text":
        checks["text"] = check_text(text.get("text", ""))
    elif step == "block":
        checks["block"] = check_place(text.get("block", ""))
    elif step == "contact":
        if kind != FormKind.CALLBACK:
            checks["name"] = check_name(text.get("name", ""))
        checks["phone"] = check_phone(text.get("phone", ""))
        if kind == FormKind.APPOINTMENT:
            checks["topic"] = check_topic(text.get("topic", ""))
    elif step == "day":
        checks["day"] = None if text.get("day") else Problem.EMPTY
    return checks
