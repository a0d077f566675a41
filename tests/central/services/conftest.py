# SPDX-License-Identifier: GPL-3.0-or-later
"""A database with a district, two streets, two stations with deputies, departments, and
accounts of every role, for the console's services (in process, real SQLite)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from sqlalchemy.orm import Session

from central.models import Account, Appeal, AppealStep, Deputy, Station
from central.services import accounts
from central.services.accounts import NewAccount, create_account
from central.services.appeals import received_due_on
from central.services.audit import Who
from central.services.regions import add_department, add_region, place_station

# Friday 2026-11-20, 10:00 in China.
FRIDAY = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


@dataclass
class World:
    session: Session
    accounts: dict[str, Account]
    department_id: int

    def who(self, login: str) -> Who:
        return Who(self.accounts[login], "127.0.0.1")

    def appeal(self, code: str, station: str = "a", *, at: datetime = FRIDAY, **fields) -> Appeal:
        appeal = Appeal(
            station_id=station,
            tracking_code=code,
            category=fields.pop("category", "交通出行"),
            channel=fields.pop("channel", "kiosk"),
            created_at=at,
            state="received",
            contact_name=fields.pop("contact_name", "陈阿姨"),
            contact_mobile=fields.pop("contact_mobile", "13800138000"),
            text=fields.pop("text", "文昌路口的人行道砖松动，老人容易绊倒"),
            consent=True,
            **fields,
        )
        appeal.steps.append(AppealStep(state="received", at=at, actor="kiosk"))
        received_due_on(self.session, appeal)
        self.session.add(appeal)
        self.session.flush()
        return appeal


@pytest.fixture(scope="session")
def central(engine_central):
    """The service tests that go through a server run on each engine."""
    return engine_central


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch) -> None:
    """Still argon2id, at the lowest costs: tests make many accounts."""
    monkeypatch.setattr(
        accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )


@pytest.fixture
def world(fresh_database) -> World:
    with fresh_database.writer.begin() as session:
        district = add_region(session, "城东区", "district")
        street_a = add_region(session, "文昌街道", "street", district.id)
        street_b = add_region(session, "城南街道", "street", district.id)
        for sid, region in (("a", street_a), ("b", street_b)):
            session.add(
                Station(id=sid, kind="station", name=f"联络站{sid.upper()}", rules=[], notices=[])
            )
            session.flush()
            place_station(session, sid, region.id)
            for n, name in enumerate(("林嘉禾", "王建国")):
                session.add(
                    Deputy(station_id=sid, deputy_id=f"{sid}-{n}", position=n, name=name, levels=[])
                )
        department = add_department(session, "区交通运输局", district.id)
        accounts = {}
        for login, role, scope in (
            ("admin", "admin", {}),
            ("reviewer", "reviewer", {"region_id": district.id}),
            ("staff-a", "staff", {"station_id": "a"}),
            ("staff-b", "staff", {"station_id": "b"}),
            ("viewer", "viewer", {"region_id": district.id}),
            ("tech", "technician", {}),
            ("deputy-a0", "deputy", {"station_id": "a", "deputy_id": "a-0"}),
        ):
            accounts[login] = create_account(
                session, NewAccount(login, login.title(), role, **scope), PASSWORD, now=FRIDAY
            )
        yield World(session, accounts, department.id)
