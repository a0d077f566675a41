# SPDX-License-Identifier: GPL-3.0-or-later
"""`make lint`'s QML check: pyside6-qmllint over every QML file, failing on any warning.

qmllint cannot read Python, so first this script describes the Python types QML sees (the
`KioskBackend` singletons of kiosk/ui and the list models they hand out) in a `.qmltypes`
file, generated from each class's `staticMetaObject` (what Qt itself would generate from a
C++ class's moc output). Which classes QML may name comes from their decorators (@QmlElement,
@QmlNamedElement, @QmlSingleton), read from the source as pyside6-metaobjectdump does;
metaobjectdump itself cannot read properties written as `Property(type, lambda ...)`.

    python build/qmllint.py                 # lint; exit 1 on any warning
    python build/qmllint.py --types DIR     # also keep the generated module in DIR (for qmlls)
"""

from __future__ import annotations

import argparse
import ast
import importlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QML = ROOT / "kiosk" / "qml"
UI = ROOT / "kiosk" / "ui"

# Warnings that are Qt's to fix, not ours: (category, a pattern of the warned line, why).
# Keep this list short; every entry says where it applies.
IGNORED = [
    # Qt's own qmltypes declare `Qt.inputMethod` as a plain QObject (it is a QInputMethod),
    # so its hide(), reset() and visible look missing.
    ("missing-property", r"Qt\.inputMethod\."),
    # Main.qml's Pinyin candidate delegate: its base, the keyboard's SelectionListItem, reads
    # `index` from the delegate's context, which a `required property` would switch off; so
    # `display` is read from the context too.
    ("unqualified", r"text: display$"),
]

# Qt's names for the types PySide6 puts in a meta-object, as a .qmltypes file spells them.
_TYPE = {"PyObject": "QVariant", "QVariantHash": "QVariantMap", "qlonglong": "qlonglong"}


def _registrations(path: Path) -> dict[str, dict]:
    """{class name: how it is registered} for the decorated classes in one module."""
    found = {}
    for node in ast.parse(path.read_text()).body:
        if not isinstance(node, ast.ClassDef):
            continue
        how: dict = {}
        for decorator in node.decorator_list:
            call = decorator.func if isinstance(decorator, ast.Call) else decorator
            name = call.id if isinstance(call, ast.Name) else getattr(call, "attr", "")
            if name == "QmlElement":
                how["export"] = node.name
            elif name == "QmlNamedElement" and isinstance(decorator, ast.Call):
                how["export"] = ast.literal_eval(decorator.args[0])
            elif name == "QmlSingleton":
                how["singleton"] = True
            elif name == "QmlUncreatable":
                how["uncreatable"] = True
        if "export" in how:
            found[node.name] = how
    return found


def _type(name: str) -> tuple[str, bool]:
    """(a .qmltypes type name, whether it is a pointer) for a meta-object's type name."""
    pointer = name.endswith("*")
    name = name.rstrip("*")
    return _TYPE.get(name, name), pointer


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _component(cls: type, how: dict | None, import_name: str, source: str) -> list[str]:
    meta = cls.staticMetaObject
    lines = [
        "    Component {",
        f"        file: {_quote(source)}",
        f"        name: {_quote(meta.className())}",
        '        accessSemantics: "reference"',
        f"        prototype: {_quote(meta.superClass().className())}",
    ]
    if how is not None:
        lines.append(f'        exports: ["{import_name}/{how["export"]} 1.0"]')
        lines.append("        exportMetaObjectRevisions: [256]")
        if how.get("singleton") or how.get("uncreatable"):
            lines.append("        isCreatable: false")
        if how.get("singleton"):
            lines.append("        isSingleton: true")
    for i in range(meta.propertyOffset(), meta.propertyCount()):
        prop = meta.property(i)
        kind, pointer = _type(prop.typeName())
        parts = [f"name: {_quote(prop.name())}", f"type: {_quote(kind)}"]
        if pointer:
            parts.append("isPointer: true")
        parts.append(f"read: {_quote(prop.name())}")
        if prop.hasNotifySignal():
            parts.append(f"notify: {_quote(bytes(prop.notifySignal().name()).decode())}")
        if prop.isConstant():
            parts.append("isConstant: true")
        if not prop.isWritable():
            parts.append("isReadonly: true")
        parts.append(f"index: {i - meta.propertyOffset()}")
        lines.append("        Property { " + "; ".join(parts) + " }")
    for i in range(meta.methodOffset(), meta.methodCount()):
        method = meta.method(i)
        name = bytes(method.name()).decode()
        if name.startswith("_") or name == "destroyed":
            continue
        element = "Signal" if method.methodType() == method.MethodType.Signal else "Method"
        head = f"name: {_quote(name)}"
        returns = method.typeName()
        if element == "Method" and returns and returns != "void":
            kind, pointer = _type(returns)
            head += f"; type: {_quote(kind)}" + ("; isPointer: true" if pointer else "")
        params = [bytes(t).decode() for t in method.parameterTypes()]
        names = [bytes(n).decode() for n in method.parameterNames()]
        if not params:
            lines.append(f"        {element} {{ {head} }}")
            continue
        lines.append(f"        {element} {{")
        lines.append(f"            {head}")
        for n, (param, given) in enumerate(zip(params, names, strict=True)):
            kind, pointer = _type(param)
            extra = "; isPointer: true" if pointer else ""
            lines.append(
                f"            Parameter {{ name: {_quote(given or f'arg{n}')}; "
                f"type: {_quote(kind)}{extra} }}"
            )
        lines.append("        }")
    lines.append("    }")
    return lines


def write_types(out: Path) -> Path:
    """Write the KioskBackend module (qmldir + kiosk.qmltypes) under `out`; return its folder."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QObject

    import kiosk.ui as package

    import_name = package.QML_IMPORT_NAME
    components: dict[str, list[str]] = {}
    for path in sorted(UI.glob("*.py")):
        module = importlib.import_module(f"kiosk.ui.{path.stem}")
        registered = _registrations(path)
        source = str(path.relative_to(ROOT))
        for value in vars(module).values():
            if not (
                isinstance(value, type)
                and issubclass(value, QObject)
                and value.__module__ == module.__name__
            ):
                continue
            # Unregistered QObjects are listed too (without exports): QML reaches them
            # through properties, e.g. a singleton's list model.
            how = registered.get(value.__name__)
            name = value.staticMetaObject.className()
            components[name] = _component(value, how, import_name, source)
    folder = out / import_name
    folder.mkdir(parents=True, exist_ok=True)
    body = [line for name in sorted(components) for line in components[name]]
    (folder / "kiosk.qmltypes").write_text(
        "// Generated by build/qmllint.py from kiosk/ui's meta-objects; do not edit.\n"
        "import QtQuick.tooling 1.2\n\nModule {\n" + "\n".join(body) + "\n}\n"
    )
    (folder / "qmldir").write_text(
        f"module {import_name}\ntypeinfo kiosk.qmltypes\ndepends QtQml\ndepends QtQml.Models\n"
    )
    return folder


def _ignored(block: list[str]) -> bool:
    """Whether a warning (its lines: message, the code, the marker) is on the ignore list."""
    category = re.search(r"\[([a-z-]+)\]\s*$", block[0])
    code = block[1].strip() if len(block) > 1 else ""
    return any(
        category is not None and category.group(1) == kind and re.search(pattern, code)
        for kind, pattern in IGNORED
    )


def lint(types: Path) -> list[str]:
    """qmllint's warnings for every QML file (ignored categories dropped)."""
    qmllint = Path(sys.executable).with_name("pyside6-qmllint")
    files = sorted(str(p) for p in QML.rglob("*.qml"))
    answer = subprocess.run(
        [str(qmllint), "-I", str(types), "-I", str(QML), *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    output = answer.stdout + answer.stderr
    warnings = []
    block: list[str] = []
    for line in output.splitlines() + ["Warning:"]:
        if re.match(r"^(Warning|Info|Error|Critical):", line):
            if block and not block[0].startswith("Info:") and not _ignored(block):
                warnings.append("\n".join(block))
            block = [line]
        elif block:
            block.append(line)
    if answer.returncode not in (0, 255) and not warnings:
        warnings.append(output or f"qmllint stopped ({answer.returncode})")
    return warnings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--types", type=Path, help="keep the generated KioskBackend module here")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as scratch:
        out = args.types or Path(scratch)
        write_types(out)
        warnings = lint(out)
    for warning in warnings:
        print(warning)
    print(f"qmllint: {len(warnings)} warning(s) in {QML.relative_to(ROOT)}")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())
