# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's categories and response templates per region (/console/categories, issue
15 §1). Only adapts central.services.categories: refusals come back in words, what was typed
kept."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from central.models import Region
from central.services import categories
from central.services.categories import STEPS, TemplateInput
from central.services.publishing import PublishRefused
from central.web.console.auth import ConsoleUser, CurrentUser, check_csrf, clock, database
from central.web.console.pages import Form, _redirect, language, render
from central.web.console.publish_pages import refusal_text
from central.web.console.text import translator

router = APIRouter(prefix="/console", include_in_schema=False)
DONE = {
    "category": "done_category",
    "template": "done_template",
    "template_deleted": "done_template_deleted",
}


def _region(text: str) -> int | None | str:
    """A region id, None for the shared lists, or "" for none chosen (or unreadable)."""
    if text == "shared":
        return None
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else ""


def _key(region_id: int | None) -> str:
    return "shared" if region_id is None else str(region_id)


def _page(
    request: Request,
    user: ConsoleUser,
    region_text: str,
    *,
    problem: str = "",
    typed: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    _ = translator(language(request))
    with database(request).reader() as session:
        choices = categories.editable_regions(session, user.who)
        region_id = _region(region_text)
        if isinstance(region_id, str) or all(c.region_id != region_id for c in choices):
            region_id = choices[0].region_id if choices else ""
        context: dict[str, Any] = {
            "choices": [(_key(c.region_id), c.label or _("shared_lists")) for c in choices],
            "region_key": "" if isinstance(region_id, str) else _key(region_id),
            "problem": problem,
            "notice": _(DONE[done]) if (done := request.query_params.get("done")) in DONE else "",
            "typed": typed or {},
            "steps": STEPS,
        }
        if not isinstance(region_id, str):
            listed = categories.categories_of_region(session, region_id)
            source = session.get(Region, listed.source) if listed.source is not None else None
            context |= {
                "region_id": region_id,
                "listed": listed,
                "source_name": source.name if source else "",
                "templates": categories.region_templates(session, region_id),
            }
    return render(request, "categories.html", context, user=user, status=status)


@router.get("/categories", response_class=HTMLResponse)
def categories_page(request: Request, user: CurrentUser) -> Response:
    return _page(request, user, request.query_params.get("region", ""))


def _done(region_key: str, what: str, anchor: str) -> Response:
    return _redirect(f"/console/categories?region={region_key}&done={what}{anchor}")


def _refused(
    request: Request, user: ConsoleUser, region_key: str, refused: PublishRefused, form_id: str,
    form: dict[str, str],
) -> Response:  # fmt: skip
    typed = {k: v for k, v in form.items() if k != "csrf"} | {"form": form_id}
    return _page(
        request, user, region_key, problem=refusal_text(request, refused), typed=typed, status=400
    )


@router.post("/categories/{region_key}", response_class=HTMLResponse)
def change_categories(region_key: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    region_id = _region(region_key)
    if isinstance(region_id, str):
        return _redirect("/console/categories")
    what, name, now = form.get("do", "add"), form.get("name", ""), clock(request)
    try:
        with database(request).writer.begin() as session:
            if what == "add":
                categories.add_category(session, user.who, region_id, name, now=now)
            elif what == "delete":
                categories.remove_category(session, user.who, region_id, name, now=now)
            elif what in ("up", "down"):
                step = -1 if what == "up" else 1
                categories.move_category(session, user.who, region_id, name, step, now=now)
            elif what == "inherit" and region_id is not None:
                categories.inherit_categories(session, user.who, region_id, now=now)
    except PublishRefused as refused:
        return _refused(request, user, region_key, refused, "category-new", form)
    return _done(region_key, "category", "#categories")


def _template_input(form: dict[str, str]) -> TemplateInput:
    return TemplateInput(
        step=form.get("step", ""), text=form.get("text", ""), category=form.get("category", "")
    )


@router.post("/categories/{region_key}/templates", response_class=HTMLResponse)
def add_template(region_key: str, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    region_id = _region(region_key)
    if isinstance(region_id, str):
        return _redirect("/console/categories")
    try:
        with database(request).writer.begin() as session:
            categories.add_template(
                session, user.who, region_id, _template_input(form), now=clock(request)
            )
    except PublishRefused as refused:
        return _refused(request, user, region_key, refused, "template-new", form)
    return _done(region_key, "template", "#templates")


@router.post("/templates/{template_id}", response_class=HTMLResponse)
def change_template(template_id: int, request: Request, user: CurrentUser, form: Form) -> Response:
    check_csrf(user, form.get("csrf"))
    region = _region(form.get("region", ""))
    region_key = "" if isinstance(region, str) else _key(region)
    now = clock(request)
    try:
        with database(request).writer.begin() as session:
            if form.get("do") == "delete":
                categories.delete_template(session, user.who, template_id, now=now)
            else:
                categories.edit_template(
                    session, user.who, template_id, _template_input(form), now=now
                )
    except PublishRefused as refused:
        return _refused(request, user, region_key, refused, f"template-{template_id}", form)
    done = "template_deleted" if form.get("do") == "delete" else "template"
    return _done(region_key, done, "#templates")
