# SPDX-License-Identifier: GPL-3.0-or-later
"""`python -m central user|region|department ...`: console accounts, the regions tree and the
departments list, each a thin call of central.services (the console calls the same)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from central.cli.common import CommandError, database
from central.cli.publishing import add_department_commands
from central.core.config import Settings
from central.core.db import Database
from central.models import Account
from central.services import accounts, regions
from central.services.accounts import AccountError, NewAccount
from central.services.permissions import Role
from central.services.regions import RegionError


def add_commands(group: Callable[..., Any], command: Callable[..., Any]) -> None:
    users = group("user", "console accounts (first admin: user create --role admin)")
    p = command("create", user_create, "create an account; prints its one-time password", users)
    p.add_argument("login", metavar="LOGIN")
    p.add_argument("--name", required=True, help="the name shown in the console and timelines")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--mobile", default="")
    p.add_argument("--region", type=int, help="scope: a region id (region list)")
    p.add_argument("--station", help="scope: a station id")
    p.add_argument("--deputy", help="for a deputy's account: their deputy id")
    command("list", user_list, "list the accounts", users)
    p = command("disable", user_disable, "disable an account and end its sessions", users)
    p.add_argument("login", metavar="LOGIN")
    p = command("reset-password", user_reset, "a new one-time password; lifts a lockout", users)
    p.add_argument("login", metavar="LOGIN")

    tree = group("region", "the regions tree (city → district → street) stations hang in")
    p = command("add", region_add, "add a region", tree)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--level", required=True, choices=regions.LEVELS)
    p.add_argument("--parent", type=int, help="the region above it")
    command("list", region_list, "list the regions as a tree", tree)
    p = command("place", region_place, "hang a station in a region", tree)
    p.add_argument("station", metavar="STATION")
    p.add_argument("region", metavar="REGION_ID", type=int)

    departments = group("department", "departments appeals are referred to (转办)")
    p = command("add", department_add, "add a department to a region's list", departments)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--region", type=int, help="the region whose list it joins (none: all)")
    p.add_argument("--contact", default="", help="how staff reach it (office phone)")
    p.add_argument("--liaison", default="", help="who answers there (联络人)")
    add_department_commands(departments, command)


def _fail(error: Exception) -> Exception:
    return CommandError(str(error))


def _database(settings: Settings) -> Database:
    return database(settings)


def user_create(settings: Settings, args: argparse.Namespace) -> int:
    password = accounts.new_password()
    new = NewAccount(
        login=args.login,
        display_name=args.name,
        role=args.role,
        mobile=args.mobile,
        region_id=args.region,
        station_id=args.station,
        deputy_id=args.deputy,
    )
    try:
        with _database(settings).writer.begin() as session:
            account = accounts.create_account(session, new, password, now=datetime.now(UTC))
            login = account.login
    except AccountError as error:
        raise _fail(error) from None
    print(f"created {args.role} {login}; one-time password: {password}")
    print("it must be changed at the first login (/console/)")
    return 0


def user_list(settings: Settings, args: argparse.Namespace) -> int:
    with _database(settings).reader() as session:
        found = accounts.list_accounts(session)
        if not found:
            print("no accounts yet: python -m central user create LOGIN --role admin ...")
            return 0
        print(f"{'login':<20} {'role':<11} {'scope':<16} {'state':<9} name")
        for a in found:
            scope = (
                f"station {a.station_id}"
                if a.station_id
                else f"region {a.region_id}"
                if a.region_id
                else "all"
            )
            state = "disabled" if a.disabled_at else "new" if a.must_change_password else "active"
            print(f"{a.login:<20} {a.role:<11} {scope:<16} {state:<9} {a.display_name}")
    return 0


def _account(session: Session, login: str) -> Account:
    account = accounts.find_account(session, login)
    if account is None:
        raise _fail(ValueError(f"no account {login}"))
    return account


def user_disable(settings: Settings, args: argparse.Namespace) -> int:
    with _database(settings).writer.begin() as session:
        account = _account(session, args.login)
        accounts.disable_account(session, account, now=datetime.now(UTC), who=None)
    print(f"{args.login} is disabled; its sessions are ended")
    return 0


def user_reset(settings: Settings, args: argparse.Namespace) -> int:
    password = accounts.new_password()
    with _database(settings).writer.begin() as session:
        account = _account(session, args.login)
        accounts.reset_password(session, account, password, now=datetime.now(UTC), who=None)
    print(f"{args.login}: one-time password {password} (to be changed at the next login)")
    return 0


def region_add(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with _database(settings).writer.begin() as session:
            region = regions.add_region(session, args.name, args.level, args.parent)
            region_id = region.id
    except RegionError as error:
        raise _fail(error) from None
    print(f"region {region_id}: {args.name} ({args.level})")
    return 0


def region_list(settings: Settings, args: argparse.Namespace) -> int:
    with _database(settings).reader() as session:
        nodes = regions.region_tree(session)
        if not nodes:
            print("no regions yet: python -m central region add NAME --level city")
        for node in nodes:
            indent = "  " * node.depth
            print(f"{node.region.id:>5}  {indent}{node.region.name} ({node.region.level})")
    return 0


def region_place(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with _database(settings).writer.begin() as session:
            regions.place_station(session, args.station, args.region)
    except RegionError as error:
        raise _fail(error) from None
    print(f"station {args.station} is in region {args.region}")
    return 0


def department_add(settings: Settings, args: argparse.Namespace) -> int:
    try:
        with _database(settings).writer.begin() as session:
            department = regions.add_department(session, args.name, args.region)
            department.contact, department.liaison = args.contact.strip(), args.liaison.strip()
            department_id = department.id
    except RegionError as error:
        raise _fail(error) from None
    print(f"department {department_id}: {args.name}")
    return 0
