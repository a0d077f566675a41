# SPDX-License-Identifier: GPL-3.0-or-later
"""`make lint`'s QML check (build/qmllint.py): the Python types QML sees are described to
qmllint from their meta-objects, so a misspelt singleton property is a lint warning."""

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _qmllint_script():
    spec = importlib.util.spec_from_file_location("qmllint_script", ROOT / "build" / "qmllint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_types_hold_the_singletons_and_their_list_models(qapp, tmp_path):
    folder = _qmllint_script().write_types(tmp_path)
    types = (folder / "kiosk.qmltypes").read_text()
    assert (folder / "qmldir").read_text().startswith("module KioskBackend\n")
    for singleton in ("IntakeForm", "Roster", "Schedule", "Station", "Reading"):
        assert f'exports: ["KioskBackend/{singleton} 1.0"]' in types
    # Roster.upcoming is a list model QML may ask its count.
    assert 'Property { name: "upcoming"; type: "KeyedListModel"; isPointer: true' in types
    assert 'name: "KeyedListModel"' in types and 'Property { name: "count"; type: "int"' in types


def test_a_property_no_python_class_has_fails_the_lint(qapp, tmp_path):
    script = _qmllint_script()
    types = tmp_path / "types"
    script.write_types(types)
    screen = tmp_path / "Misspelt.qml"
    screen.write_text("import QtQuick\nimport KioskBackend\nText { text: Roster.dutyDayy }\n")
    qmllint = Path(sys.executable).with_name("pyside6-qmllint")
    answer = subprocess.run(
        [str(qmllint), "-I", str(types), str(screen)], capture_output=True, text=True
    )
    assert 'Member "dutyDayy" not found on type "Roster"' in answer.stdout + answer.stderr
