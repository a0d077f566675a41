# SPDX-License-Identifier: GPL-3.0-or-later
"""`station edit|photo`, `rule ...`, `notice ...`: what a station publishes on its kiosks,
each a thin call of central.services.publishing (the console's pages call the same). Audited
as "cli"."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from central.cli.common import CommandError, database
from central.core.config import CHINA_TIME, Settings
from central.models import Department
from central.services import categories, departments, publishing
from central.services.publishing import NoSuchStation, NoticeInput, Profile, PublishRefused
from central.web.console.text import translator
from kiosk.domain.station import StationKind


def add_station_commands(stations: Any, command: Callable[..., Any]) -> None:
    p = command(
        "edit", station_edit, "change a station's profile (what is not given stays)", stations
    )
    p.add_argument("station", metavar="STATION")
    p.add_argument("--name")
    p.add_argument("--kind", choices=[k.value for k in StationKind])
    for field in ("address", "hours", "phone", "intro"):
        p.add_argument(f"--{field}")
    p = command("photo", station_photo, "set (or --remove) the station's photo", stations)
    p.add_argument("station", metavar="STATION")
    p.add_argument("file", nargs="?", type=Path, metavar="FILE.jpg|png|webp")
    p.add_argument("--remove", action="store_true")


def add_department_commands(departments: Any, command: Callable[..., Any]) -> None:
    command("list", department_list, "list the departments with their contacts", departments)
    p = command(
        "edit", department_edit, "change a department (what is not given stays)", departments
    )
    p.add_argument("department", type=int, metavar="DEPARTMENT_ID")
    p.add_argument("--name")
    p.add_argument("--contact")
    p.add_argument("--liaison")
    p = command("delete", department_delete, "delete a department no appeal names", departments)
    p.add_argument("department", type=int, metavar="DEPARTMENT_ID")


def add_commands(group: Callable[..., Any], command: Callable[..., Any]) -> None:
    rules = group("rule", "the rules on a station's wall (制度) its kiosks show")
    command("list", rule_list, "list a station's rules in wall order", rules).add_argument(
        "--station", required=True
    )
    p = command("add", rule_add, "add a rule at the end", rules)
    p.add_argument("--station", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--body", required=True)
    p = command("edit", rule_edit, "change a rule's title and text", rules)
    p.add_argument("rule", metavar="RULE_ID")
    p.add_argument("--station", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--body", required=True)
    p = command("move", rule_move, "move a rule up or down", rules)
    p.add_argument("rule", metavar="RULE_ID")
    p.add_argument("direction", choices=["up", "down"])
    p.add_argument("--station", required=True)
    p = command("delete", rule_delete, "delete a rule", rules)
    p.add_argument("rule", metavar="RULE_ID")
    p.add_argument("--station", required=True)

    kinds = group("category", "appeal categories: the shared list, or a region's own")
    p = command("list", category_list, "list the categories a region offers", kinds)
    p.add_argument("--region", type=int, help="a region id (default: the shared list)")
    for name, handler, verb in (
        ("add", category_add, "add a category at the end"),
        ("delete", category_delete, "delete a category (appeals keep theirs)"),
    ):
        p = command(
            name, handler, verb + " (a region's first change copies what it inherits)", kinds
        )
        p.add_argument("name", metavar="NAME")
        p.add_argument("--region", type=int, help="a region id (default: the shared list)")

    notices = group("notice", "a station's notices, each shown on its kiosks inside its window")
    command("list", notice_list, "list a station's notices", notices).add_argument(
        "--station", required=True
    )
    p = command("add", notice_add, "publish a notice", notices)
    p.add_argument("--station", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--body", required=True)
    p.add_argument("--from", dest="shown_from", help="first day shown, YYYY-MM-DD (today)")
    p.add_argument("--until", dest="shown_until", default="", help="last day shown (none: kept)")
    p = command("delete", notice_delete, "take a notice down", notices)
    p.add_argument("notice", metavar="NOTICE_ID")
    p.add_argument("--station", required=True)


def _now() -> datetime:
    return datetime.now(UTC)


def refused(error: PublishRefused) -> CommandError:
    """The console's words for the refusal, in English."""
    _ = translator("en")
    field = _(f"field_{error.field}") if error.field else ""
    return CommandError(_(error.key, field=field, **error.values))


def _run(settings: Settings, work: Callable[[Any], Any]) -> Any:
    try:
        with database(settings).writer.begin() as session:
            return work(session)
    except PublishRefused as error:
        raise refused(error) from None
    except NoSuchStation as error:
        raise CommandError(f"no station {error} (create it with: station create)") from None


def station_edit(settings: Settings, args: argparse.Namespace) -> int:
    def work(session: Any) -> list[str]:
        station = publishing.editable_station(session, None, args.station)
        old = Profile.of(station)
        new = Profile(
            **{
                field: getattr(old, field) if getattr(args, field) is None else getattr(args, field)
                for field in ("name", "kind", "address", "hours", "phone", "intro")
            }
        )
        return publishing.update_profile(session, None, args.station, new, now=_now())

    changed = _run(settings, work)
    print(f"{args.station}: changed {', '.join(changed)}" if changed else "nothing changed")
    return 0


def station_photo(settings: Settings, args: argparse.Namespace) -> int:
    if args.remove:
        _run(settings, lambda s: publishing.remove_photo(s, None, args.station, now=_now()))
        print(f"{args.station}: photo removed")
        return 0
    if args.file is None:
        raise CommandError("give the photo's file, or --remove")
    try:
        content = args.file.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {args.file}: {error.strerror}") from None
    name = _run(
        settings, lambda s: publishing.set_photo(s, None, args.station, content, now=_now())
    )
    print(f"{args.station}: photo {name}")
    return 0


def rule_list(settings: Settings, args: argparse.Namespace) -> int:
    rules = _run(
        settings, lambda s: publishing.rules_of(publishing.editable_station(s, None, args.station))
    )
    for i, rule in enumerate(rules, start=1):
        print(f"{i}. [{rule.id}] {rule.title}")
    if not rules:
        print("no rules yet: rule add --station ... --title ... --body ...")
    return 0


def rule_add(settings: Settings, args: argparse.Namespace) -> int:
    rule = _run(
        settings,
        lambda s: publishing.add_rule(s, None, args.station, args.title, args.body, now=_now()),
    )
    print(f"rule {rule.id}: {rule.title}")
    return 0


def rule_edit(settings: Settings, args: argparse.Namespace) -> int:
    rule = _run(
        settings,
        lambda s: publishing.edit_rule(
            s, None, args.station, args.rule, args.title, args.body, now=_now()
        ),
    )
    print(f"rule {rule.id}: {rule.title}")
    return 0


def rule_move(settings: Settings, args: argparse.Namespace) -> int:
    step = -1 if args.direction == "up" else 1
    _run(
        settings, lambda s: publishing.move_rule(s, None, args.station, args.rule, step, now=_now())
    )
    return rule_list(settings, args)


def rule_delete(settings: Settings, args: argparse.Namespace) -> int:
    _run(settings, lambda s: publishing.delete_rule(s, None, args.station, args.rule, now=_now()))
    print(f"rule {args.rule} deleted")
    return 0


def notice_list(settings: Settings, args: argparse.Namespace) -> int:
    today = datetime.now(CHINA_TIME).date()
    notices = _run(
        settings,
        lambda s: publishing.notices_of(publishing.editable_station(s, None, args.station)),
    )
    for n in notices:
        until = n.shown_until.isoformat() if n.shown_until else "…"
        print(f"[{n.id}] {n.shown_from} – {until} {n.state_on(today):<8} {n.title}")
    if not notices:
        print("no notices yet: notice add --station ... --title ... --body ...")
    return 0


def notice_add(settings: Settings, args: argparse.Namespace) -> int:
    typed = NoticeInput(
        args.title,
        args.body,
        args.shown_from or datetime.now(CHINA_TIME).date().isoformat(),
        args.shown_until,
    )
    notice = _run(
        settings, lambda s: publishing.add_notice(s, None, args.station, typed, now=_now())
    )
    print(f"notice {notice.id}: {notice.title}")
    return 0


def notice_delete(settings: Settings, args: argparse.Namespace) -> int:
    _run(
        settings, lambda s: publishing.delete_notice(s, None, args.station, args.notice, now=_now())
    )
    print(f"notice {args.notice} taken down")
    return 0


def category_list(settings: Settings, args: argparse.Namespace) -> int:
    listed = _run(settings, lambda s: categories.categories_of_region(s, args.region))
    if args.region is not None:
        where = (
            "own list"
            if listed.own
            else (f"inherited from region {listed.source}" if listed.source else "the shared list")
        )
        print(f"region {args.region}: {where}")
    for i, name in enumerate(listed.names, start=1):
        print(f"{i}. {name}")
    return 0


def category_add(settings: Settings, args: argparse.Namespace) -> int:
    _run(settings, lambda s: categories.add_category(s, None, args.region, args.name, now=_now()))
    return category_list(settings, args)


def category_delete(settings: Settings, args: argparse.Namespace) -> int:
    _run(
        settings, lambda s: categories.remove_category(s, None, args.region, args.name, now=_now())
    )
    return category_list(settings, args)


def department_list(settings: Settings, args: argparse.Namespace) -> int:
    def work(session: Any) -> list[tuple[int, str, int | None, str, str]]:
        rows = session.scalars(select(Department).order_by(Department.region_id, Department.name))
        return [(d.id, d.name, d.region_id, d.contact, d.liaison) for d in rows]

    for department_id, name, region, contact, liaison in _run(settings, work):
        where = f"region {region}" if region is not None else "shared"
        print(f"{department_id:>4} {name} ({where}) {liaison} {contact}".rstrip())
    return 0


def department_edit(settings: Settings, args: argparse.Namespace) -> int:
    def work(session: Any) -> Department:
        old = session.get(Department, args.department)
        if old is None:
            raise PublishRefused("department_gone")
        typed = departments.DepartmentInput(
            name=old.name if args.name is None else args.name,
            region_id=old.region_id,
            contact=old.contact if args.contact is None else args.contact,
            liaison=old.liaison if args.liaison is None else args.liaison,
        )
        return departments.edit_department(session, None, args.department, typed, now=_now())

    department = _run(settings, work)
    print(
        f"department {department.id}: {department.name} {department.liaison} {department.contact}"
    )
    return 0


def department_delete(settings: Settings, args: argparse.Namespace) -> int:
    _run(settings, lambda s: departments.delete_department(s, None, args.department, now=_now()))
    print(f"department {args.department} deleted")
    return 0
