# SPDX-License-Identifier: GPL-3.0-or-later
"""The audit log: every console action and every reveal of personal data (who, when, what,
from where). Written in the same transaction as the thing it records."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Account, AuditEntry

PAGE = 100


@dataclass(frozen=True)
class Who:
    """The account acting and the address it acts from."""

    account: Account
    address: str


def record(
    session: Session,
    who: Who | None,
    action: str,
    target: str = "",
    detail: str = "",
    *,
    now: datetime,
    login: str = "",
    address: str = "",
) -> None:
    """Add one line to the audit log. `detail` never holds a visitor's personal data."""
    session.add(
        AuditEntry(
            at=now,
            account_id=who.account.id if who else None,
            login=who.account.login if who else login,
            action=action,
            target=target,
            detail=detail[:2000],
            address=who.address if who else address,
        )
    )


def search(
    session: Session,
    *,
    login: str = "",
    action: str = "",
    target: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    before_id: int | None = None,
    limit: int = PAGE,
) -> list[AuditEntry]:
    """Newest first; `before_id` pages back."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if login:
        query = query.where(AuditEntry.login == login)
    if action:
        query = query.where(AuditEntry.action.startswith(action))
    if target:
        query = query.where(AuditEntry.target == target)
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at < until)
    if before_id:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query))


def _cell(text: str) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def as_csv(entries: list[AuditEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["time", "login", "action", "target", "detail", "address"])
    for entry in entries:
        writer.writerow(
            [
                entry.at.astimezone(CHINA_TIME).isoformat(timespec="seconds"),
                _cell(entry.login),
                entry.action,
                _cell(entry.target),
                _cell(entry.detail),
                entry.address,
            ]
        )
    return out.getvalue()
