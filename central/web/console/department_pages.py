# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's departments page (/console/departments): each region's departments with
their contact and liaison (联络人), added, edited and deleted by admins and reviewers in scope.
Only adapts central.services.departments."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from central.services import departments
from central.services.categories import editable_regions
from central.services.departments import DepartmentInput
from central.services.permissions import Action, require
from central.services.publishing import PublishRefused
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, _redirect, language, render
from central.web.console.publish_pages import refusal_text
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)
DONE = {
    "added": "done_department",
    "saved": "done_department",
    "deleted": "done_department_deleted",
}


def _page(
    request: Request,
    user: ConsoleUser,
    *,
    problem: str = "",
    typed: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    require(user.account, Action.DEPARTMENTS)
    _ = translator(language(request))
    with database(request).reader() as session:
        rows = departments.visible_departments(session, user.who)
        choices = [
            ("" if c.region_id is None else str(c.region_id), c.label or _("shared"))
            for c in editable_regions(session, user.who, Action.DEPARTMENTS)
        ]
    context = {
        "rows": rows,
        "choices": choices,
        "problem": problem,
        "notice": _(DONE[done]) if (done := request.query_params.get("done")) in DONE else "",
        "typed": typed or {},
    }
    return render(request, "departments.html", context, user=user, status=status)


@router.get("/departments", response_class=HTMLResponse)
def departments_page(request: Request, user: CurrentUser) -> Response:
    return _page(request, user)


def _input(form: dict[str, str]) -> DepartmentInput:
    region = form.get("region", "")
    return DepartmentInput(
        name=form.get("name", ""),
        region_id=int(region) if re.fullmatch(r"[0-9]{1,9}", region) else None,
        contact=form.get("contact", ""),
        liaison=form.get("liaison", ""),
    )


def _refused(request: Request, user: ConsoleUser, refused: PublishRefused, form_id: str,
             form: dict[str, str]) -> Response:  # fmt: skip
    typed = {k: v for k, v in form.items() if k != "csrf"} | {"form": form_id}
    return _page(request, user, problem=refusal_text(request, refused), typed=typed, status=400)


@router.post("/departments", response_class=HTMLResponse)
def add_department(request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    try:
        with database(request).writer.begin() as session:
            departments.add_department(session, user.who, _input(form), now=clock(request))
    except PublishRefused as refused:
        return _refused(request, user, refused, "department-new", form)
    return _redirect("/console/departments?done=added")


@router.post("/departments/{department_id}", response_class=HTMLResponse)
def change_department(
    department_id: int, request: Request, user: CurrentUser, form: Form
) -> Response:
    check_csrf(user, form.get("csrf"))
    now = clock(request)
    deleting = form.get("do") == "delete"
    try:
        with database(request).writer.begin() as session:
            if deleting:
                departments.delete_department(session, user.who, department_id, now=now)
            else:
                departments.edit_department(session, user.who, department_id, _input(form), now=now)
    except PublishRefused as refused:
        return _refused(request, user, refused, f"department-{department_id}", form)
    return _redirect(f"/console/departments?done={'deleted' if deleting else 'saved'}")
