# SPDX-License-Identifier: GPL-3.0-or-later
"""A QML delegate reads only roles its model's rows have (issue 19 §4).

qmllint cannot see a model's roles, and QML reads a missing one as `undefined` without a
word: home once showed no moved-day note (its rows lacked `status`) and the appointment form
lost the chosen day's highlight (its rows lacked `date` and `scheduleId`). Each list model's
rows are a dataclass (kiosk/ui/rows.py); these tests read every delegate of a singleton's
model in the QML and check what it asks for against that dataclass's fields.
"""

import re
from dataclasses import fields
from pathlib import Path

from kiosk.ui.rows import ReceptionRow

ROOT = Path(__file__).resolve().parents[2]
QML = ROOT / "kiosk" / "qml" / "Kiosk"
UI = ROOT / "kiosk" / "ui"
# What a delegate may ask for that is not a role: the model's own context names.
NOT_ROLES = {"index", "model", "modelData"}


def _block(text: str, opening: int) -> str:
    """The `{...}` block starting at `opening`."""
    depth = 0
    for i in range(opening, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[opening : i + 1]
    raise ValueError("unbalanced braces")


def _top_level_lines(block: str) -> list[str]:
    lines, depth, line = [], 0, ""
    for char in block[1:-1]:
        if char == "\n":
            if depth == 0:
                lines.append(line.strip())
            line = ""
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and char not in "{}":
            line += char
    return lines


def delegates() -> list[tuple[str, str, str, str]]:
    """(file, model expression, delegate type, delegate block) for `model: A.b` views."""
    found = []
    for path in sorted(QML.rglob("*.qml")):
        text = path.read_text()
        for model in re.finditer(r"\bmodel:\s*([A-Za-z_]\w*\.\w+)\s*$", text, re.M):
            delegate = re.compile(r"\bdelegate:\s*(\w+)\s*\{").search(text, model.end())
            if delegate is None:
                continue
            between = text[model.end() : delegate.start()]
            if between.count("}") > between.count("{"):
                continue  # that delegate is another view's
            block = _block(text, delegate.end() - 1)
            found.append((str(path.relative_to(QML)), model.group(1), delegate.group(1), block))
    return found


def asked_roles(delegate_type: str, block: str) -> set[str]:
    """The roles a delegate reads: its required properties, `model.x`, and what the
    delegate's own type reads from `entry` when the delegate hands it the model."""
    asked = set()
    for line in _top_level_lines(block):
        required = re.match(r"required (?:property \S+ )?(\w+)", line)
        if required:
            asked.add(required.group(1))
    asked |= set(re.findall(r"\bmodel\.(\w+)", block))
    if re.search(r"\bentry:\s*model\b", block):
        own = next(QML.rglob(f"{delegate_type}.qml")).read_text()
        asked |= set(re.findall(r"\bentry\.(\w+)", own))
    return asked - NOT_ROLES


def qml_names() -> dict[str, str]:
    """{a QML singleton's name: its Python class's name} where they differ."""
    names = {}
    for path in UI.glob("*.py"):
        for named, cls in re.findall(
            r'@QmlNamedElement\("(\w+)"\)\s*(?:@\w+\s*)*class (\w+)', path.read_text()
        ):
            names[named] = cls
    return names


def row_type(kiosk, expression: str):
    """The row dataclass of the model `Singleton.property` names, or None for a plain list."""
    singleton, prop = expression.split(".")
    cls = qml_names().get(singleton, singleton)
    backends = [value for value in vars(kiosk.backends).values() if type(value).__name__ == cls]
    assert backends, f"{singleton}: no backend of the kiosk is this QML singleton"
    model = getattr(backends[0], prop)
    if hasattr(model, "sourceModel"):  # a filter over a list model
        model = model.sourceModel()
    return getattr(model, "row_type", None)


def test_every_delegate_reads_only_roles_its_rows_have(make_kiosk):
    kiosk = make_kiosk()
    checked, problems = [], []
    for file, expression, delegate_type, block in delegates():
        owner = expression.split(".")[0]
        if owner[0].islower() or list(QML.rglob(f"{owner}.qml")):
            continue  # an id's or a QML singleton's property: a JavaScript list
        rows = row_type(kiosk, expression)
        asked = asked_roles(delegate_type, block)
        if rows is None:
            assert not asked, f"{file}: {expression} is a plain list, yet roles {asked} are read"
            continue
        missing = asked - {f.name for f in fields(rows)}
        checked.append(expression)
        if missing:
            problems.append(f"{file}: {expression} rows ({rows.__name__}) lack {sorted(missing)}")
    assert not problems, "\n".join(problems)
    # The two that once went unnoticed are among those checked.
    assert {"Roster.upcoming", "Schedule.monthReceptions", "Roster.deputies"} <= set(checked)


def test_home_reads_a_moved_days_status_and_original_day():
    # The moved-day note: home's upcoming days ask for both as required properties.
    (block,) = [b for f, e, _t, b in delegates() if e == "Roster.upcoming"]
    assert {"status", "originalDay"} <= asked_roles("ReceptionDayItem", block)


def test_the_appointment_days_rows_have_what_the_day_step_reads(make_kiosk):
    # The day step's model is a deputy's reception rows (a JavaScript list, Roster.deputy):
    # what it reads of each must be a field, or the chosen day loses its highlight.
    read = set(re.findall(r"\bmodelData\.(\w+)", (QML / "form" / "DayStep.qml").read_text()))
    assert {"date", "scheduleId"} <= read
    assert read <= {f.name for f in fields(ReceptionRow)}
    kiosk = make_kiosk()
    receptions = kiosk.backends.roster.deputy("demo-02")["receptions"]
    assert receptions
    assert set(receptions[0]) == {f.name for f in fields(ReceptionRow)}
